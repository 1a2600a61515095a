"""Tensor API that op cases cannot express: NumPy interop and memory sharing, torch.Size,
dtype and device objects, and CUDA on a machine without it.

Expected values are torch 2.13's, written out so the tests run without torch; `test_same_as_torch`
replays every probe on live torch when it is installed. Attributes, conversions and creation
functions are op cases (tests/ops/cases_tensor.py, cases_creation.py).
"""

import pickle
import warnings

import numpy
import pytest

import numtorch

# ---------------------------------------------------------------- probes run on both libraries


def numpy_shares(torch):
    t = torch.tensor([1.0, 2.0])
    a = t.numpy()
    a[0] = 9.0
    t.add_(1)
    return t.tolist(), a.tolist()


def numpy_dtypes(torch):
    names = ("bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64")
    names += ("complex64", "complex128")
    return [str(torch.ones(1, dtype=getattr(torch, n)).numpy().dtype) for n in names]


def numpy_noncontiguous(torch):
    a = torch.arange(6.0).reshape(2, 3).t().numpy()
    return a.shape, a.strides, a.tolist()


def numpy_zero_dim(torch):
    a = torch.tensor(2.5).numpy()
    return type(a).__name__, a.shape


def numpy_requires_grad(torch):
    return torch.tensor([1.0], requires_grad=True).numpy()


def numpy_force(torch):
    return torch.tensor([1.0], requires_grad=True).numpy(force=True).tolist()


def numpy_detached(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    a = x.detach().numpy()
    a[1] = 5.0
    return x.tolist()


def from_numpy_shares(torch):
    a = numpy.array([1.0, 2.0])
    t = torch.from_numpy(a)
    t.add_(1)
    a[0] = 7.0
    return a.tolist(), t.tolist(), str(t.dtype)


def from_numpy_dtypes(torch):
    names = ("bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64")
    names += ("complex64", "complex128")
    return [str(torch.from_numpy(numpy.ones(2, n)).dtype) for n in names]


def from_numpy_strides(torch):
    t = torch.from_numpy(numpy.arange(6.0).reshape(2, 3).T)
    return t.shape, t.stride(), t.is_contiguous()


def from_numpy_list(torch):
    return torch.from_numpy([1, 2])


def from_numpy_negative_strides(torch):
    return torch.from_numpy(numpy.arange(4.0)[::-1])


def from_numpy_strings(torch):
    return torch.from_numpy(numpy.array(["a"]))


def as_tensor_shares(torch):
    a = numpy.array([1.0, 2.0])
    torch.as_tensor(a).mul_(2)
    torch.as_tensor(a, dtype=torch.float32).mul_(10)  # a cast copies
    return a.tolist()


def tensor_copies(torch):
    a = numpy.array([1.0, 2.0])
    t = torch.tensor(a)
    t.mul_(2)
    return a.tolist(), str(t.dtype), str(torch.tensor(numpy.array([1, 2], numpy.int32)).dtype)


def size_repr(torch):
    return repr(torch.Size([2, 3])), str(torch.Size([])), repr(torch.zeros(2, 3).shape)


def size_behaviour(torch):
    s = torch.Size([2, 3, 4])
    return (
        s == (2, 3, 4),
        isinstance(s, tuple),
        repr(s[1:]),
        repr(s + (5,)),
        repr((1,) + s),
        repr(s * 2),
        s.numel(),
        hash(s) == hash((2, 3, 4)),
        s[0],
        s.count(2),
        s.index(4),
        len(s),
        list(s),
        repr(torch.Size([torch.tensor(3), True])),
        repr(pickle.loads(pickle.dumps(s))),
    )


def size_bad_item(torch):
    return torch.Size([2, 2.5])


def size_none_item(torch):
    return torch.Size([None])


def dtype_reprs(torch):
    names = ("bool", "uint8", "int8", "int16", "int32", "int64", "float16", "bfloat16")
    names += ("float32", "float64", "complex32", "complex64", "complex128", "half", "float")
    names += ("double", "long", "int", "short", "cfloat", "cdouble", "chalf")
    return [repr(getattr(torch, n)) for n in names]


def dtype_properties(torch):
    dtypes = (torch.bool, torch.uint8, torch.int8, torch.float16, torch.bfloat16, torch.float64)
    dtypes += (torch.complex64,)
    return [(d.is_floating_point, d.is_complex, d.is_signed, d.itemsize) for d in dtypes]


def dtype_conversions(torch):
    return (
        str(torch.float32.to_complex()),
        str(torch.float64.to_complex()),
        str(torch.complex64.to_real()),
        str(torch.float16.to_complex()),
        pickle.loads(pickle.dumps(torch.float32)) is torch.float32,
        torch.float is torch.float32,
    )


def device_strings(torch):
    out = []
    for d in (torch.device("cuda:0"), torch.device("cuda", 1), torch.device("cpu")):
        out.append((repr(d), str(d), d.type, d.index))
    out.append(repr(torch.device("cpu:0")))
    out.append(repr(torch.device(torch.device("cuda:2"))))
    return out


def device_equality(torch):
    return (
        torch.device("cpu") == "cpu",
        torch.device("cuda:0") == torch.device("cuda", 0),
        torch.device("cuda") == torch.device("cuda:0"),
        hash(torch.device("cpu")) == hash(torch.device("cpu")),
        repr(torch.ones(1).device),
        repr(pickle.loads(pickle.dumps(torch.device("cuda:1")))),
    )


def _device_error(*args):
    def probe(torch):
        return torch.device(*args)

    probe.__name__ = f"device{args!r}"
    return probe


def device_not_writable(torch):
    d = torch.device("cpu")
    d.index = 1


def cuda_method(torch):
    return torch.ones(1).cuda()


def cuda_factory(torch):
    return torch.ones(1, device="cuda")


def cuda_available(torch):
    return torch.cuda.is_available(), torch.cuda.device_count()


def bool_of_empty(torch):
    return bool(torch.tensor([]))


def legacy_constructor(torch):
    return (
        torch.Tensor(2, 3).shape,
        str(torch.Tensor([1, 2]).dtype),
        torch.Tensor().shape,
        torch.Tensor([[1, 2]]).tolist(),
    )


def storage_sharing(torch):
    x = torch.arange(6.0).reshape(2, 3)
    same = x.untyped_storage().data_ptr() == x.t()[1:].untyped_storage().data_ptr()
    other = x.clone().untyped_storage().data_ptr() != x.untyped_storage().data_ptr()
    return same, other, x.untyped_storage().nbytes(), x[1:, 1:].data_ptr() - x.data_ptr()


def item_types(torch):
    return [type(torch.tensor(v).item()).__name__ for v in (1, 1.5, True, 1j)]


def iteration(torch):
    return [row.tolist() for row in torch.tensor([[1, 2], [3, 4]])], 2 in torch.tensor([1, 2])


def formatting(torch):
    return f"{torch.tensor(2.5):.2f}", f"{torch.tensor(3):>4}"


EXPECTED = {
    numpy_shares: ([10.0, 3.0], [10.0, 3.0]),
    numpy_dtypes: [
        "bool",
        "uint8",
        "int8",
        "int16",
        "int32",
        "int64",
        "float16",
        "float32",
        "float64",
        "complex64",
        "complex128",
    ],
    numpy_noncontiguous: ((3, 2), (4, 12), [[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]]),
    numpy_zero_dim: ("ndarray", ()),
    numpy_requires_grad: (
        "RuntimeError",
        "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
    ),
    numpy_force: [1.0],
    numpy_detached: [1.0, 5.0],
    from_numpy_shares: ([7.0, 3.0], [7.0, 3.0], "torch.float64"),
    from_numpy_dtypes: [
        "torch.bool",
        "torch.uint8",
        "torch.int8",
        "torch.int16",
        "torch.int32",
        "torch.int64",
        "torch.float16",
        "torch.float32",
        "torch.float64",
        "torch.complex64",
        "torch.complex128",
    ],
    from_numpy_strides: ((3, 2), (1, 3), False),
    from_numpy_list: ("TypeError", "expected np.ndarray (got list)"),
    from_numpy_negative_strides: (
        "ValueError",
        "At least one stride in the given numpy array is negative, and tensors with negative "
        "strides are not currently supported. (You can probably work around this by making a "
        "copy of your array  with array.copy().) ",
    ),
    from_numpy_strings: (
        "TypeError",
        "can't convert np.ndarray of type numpy.str_. The only supported types are: float64, "
        "float32, float16, complex64, complex128, int64, int32, int16, int8, uint64, uint32, "
        "uint16, uint8, and bool.",
    ),
    as_tensor_shares: [2.0, 4.0],
    tensor_copies: ([1.0, 2.0], "torch.float64", "torch.int32"),
    size_repr: ("torch.Size([2, 3])", "torch.Size([])", "torch.Size([2, 3])"),
    size_behaviour: (
        True,
        True,
        "torch.Size([3, 4])",
        "torch.Size([2, 3, 4, 5])",
        "torch.Size([1, 2, 3, 4])",
        "torch.Size([2, 3, 4, 2, 3, 4])",
        24,
        True,
        2,
        1,
        2,
        3,
        [2, 3, 4],
        "torch.Size([3, 1])",
        "torch.Size([2, 3, 4])",
    ),
    size_bad_item: ("TypeError", "torch.Size() takes an iterable of 'int' (item 1 is 'float')"),
    size_none_item: ("TypeError", "torch.Size() takes an iterable of 'int' (item 0 is 'NoneType')"),
    dtype_reprs: [
        "torch.bool",
        "torch.uint8",
        "torch.int8",
        "torch.int16",
        "torch.int32",
        "torch.int64",
        "torch.float16",
        "torch.bfloat16",
        "torch.float32",
        "torch.float64",
        "torch.complex32",
        "torch.complex64",
        "torch.complex128",
        "torch.float16",
        "torch.float32",
        "torch.float64",
        "torch.int64",
        "torch.int32",
        "torch.int16",
        "torch.complex64",
        "torch.complex128",
        "torch.complex32",
    ],
    dtype_properties: [
        (False, False, False, 1),
        (False, False, False, 1),
        (False, False, True, 1),
        (True, False, True, 2),
        (True, False, True, 2),
        (True, False, True, 8),
        (False, True, True, 8),
    ],
    dtype_conversions: (
        "torch.complex64",
        "torch.complex128",
        "torch.float32",
        "torch.complex32",
        True,
        True,
    ),
    device_strings: [
        ("device(type='cuda', index=0)", "cuda:0", "cuda", 0),
        ("device(type='cuda', index=1)", "cuda:1", "cuda", 1),
        ("device(type='cpu')", "cpu", "cpu", None),
        "device(type='cpu', index=0)",
        "device(type='cuda', index=2)",
    ],
    device_equality: (
        False,
        True,
        False,
        True,
        "device(type='cpu')",
        "device(type='cuda', index=1)",
    ),
    _device_error("cuda:-1"): ("RuntimeError", "Invalid device string: 'cuda:-1'"),
    _device_error("cuda", -1): ("RuntimeError", "Device index must not be negative"),
    _device_error("cuda:x"): ("RuntimeError", "Invalid device string: 'cuda:x'"),
    _device_error("cuda:01"): ("RuntimeError", "Invalid device string: 'cuda:01'"),
    _device_error("cuda:0", 1): (
        "RuntimeError",
        "type (string) must not include an index because index was passed explicitly: cuda:0",
    ),
    _device_error("gpu"): (
        "RuntimeError",
        "Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, "
        "xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device "
        "string: gpu",
    ),
    _device_error(1.5): (
        "TypeError",
        "device() received an invalid combination of arguments - got (float), but expected one "
        "of:\n * (torch.device device)\n      didn't match because some of the arguments have "
        "invalid types: (!float!)\n * (str type, int index = -1)\n",
    ),
    device_not_writable: (
        "AttributeError",
        "attribute 'index' of 'torch.device' objects is not writable",
    ),
    bool_of_empty: ("RuntimeError", "Boolean value of Tensor with no values is ambiguous"),
    legacy_constructor: ((2, 3), "torch.float32", (0,), [[1.0, 2.0]]),
    storage_sharing: (True, True, 24, 16),
    item_types: ["int", "float", "bool", "complex"],
    iteration: ([[1, 2], [3, 4]], True),
    formatting: ("2.50", "   3"),
}

# Without a GPU torch's CPU build and numtorch raise the same; with one both give a CUDA tensor.
NO_CUDA = {
    cuda_method: ("AssertionError", "Torch not compiled with CUDA enabled"),
    cuda_factory: ("AssertionError", "Torch not compiled with CUDA enabled"),
    cuda_available: (False, 0),
    _device_error(1): ("RuntimeError", "Cannot access accelerator device when none is available."),
}


def run(probe, lib):
    """probe(lib) as plain data; an exception as (type name, message)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            got = probe(lib)
    except Exception as e:  # noqa: BLE001 - the exception is what is checked
        return (type(e).__name__, str(e))
    return got


def _cases():
    cases = dict(EXPECTED)
    if not numtorch.cuda.is_available():
        cases.update(NO_CUDA)
    return cases


def _normalise(value):
    """torch.Size (a tuple subclass) compares as the plain tuple it is."""
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_normalise(v) for v in value)
    return value


@pytest.mark.parametrize("probe", list(_cases()), ids=lambda p: p.__name__)
def test_probe(probe):
    assert _normalise(run(probe, numtorch)) == _normalise(_cases()[probe])


@pytest.mark.parametrize("probe", list(_cases()), ids=lambda p: p.__name__)
def test_same_as_torch(probe):
    torch = pytest.importorskip("torch")
    if probe in NO_CUDA and torch.cuda.is_available() != numtorch.cuda.is_available():
        pytest.skip("torch and numtorch see different CUDA availability")
    assert _normalise(run(probe, numtorch)) == _normalise(run(probe, torch))


# ---------------------------------------------------------------- numtorch-only facts


def test_from_numpy_read_only_warns_once():
    import numtorch._creation as creation

    creation._warned_read_only.clear()
    read_only = numpy.broadcast_to(numpy.ones(2), (2, 2))
    with pytest.warns(UserWarning, match="^The given NumPy array is not writable"):
        numtorch.from_numpy(read_only)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert numtorch.from_numpy(read_only).tolist() == [[1.0, 1.0], [1.0, 1.0]]


def test_copy_construct_warns():
    with pytest.warns(UserWarning, match="^To copy construct from a tensor"):
        numtorch.tensor(numtorch.ones(2))


def test_numpy_is_the_array():
    t = numtorch.zeros(3)
    assert t.numpy() is t.numpy() or numpy.shares_memory(t.numpy(), t.numpy())
    assert numpy.shares_memory(t[1:].numpy(), t.numpy())


def test_T_deprecation_warns_once_per_process_like_torch():
    """torch raises the `x.T` deprecation with TORCH_WARN_ONCE: the first use warns, later ones
    (any shape other than 2-D) stay silent; 0-D tensors have their own message, also once."""
    import subprocess
    import sys

    code = (
        "import warnings, numtorch as torch\n"
        "with warnings.catch_warnings(record=True) as w:\n"
        "    warnings.simplefilter('always')\n"
        "    torch.zeros(3).T; torch.zeros(2, 3, 4).T; torch.zeros(2, 3).T\n"
        "    torch.zeros(()).T; torch.zeros(()).T\n"
        "print([str(m.message)[:16] for m in w])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['The use of `x.T`', 'Tensor.T is depr']"
