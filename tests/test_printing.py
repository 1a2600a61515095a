"""Tensor printing, checked against what real PyTorch prints.

Replays torch's own reprs from tests/golden/printing.json, compares against live torch on random
tensors when it is installed, and checks the print-options state handling.

The golden file is made by tests/golden/make_printing_golden.py with real PyTorch; replaying it
needs only NumPy (and ml_dtypes for the bfloat16 storage path, which is optional).
"""

import json
import math
import pathlib
import types

import numpy
import pytest

from numtorch import _device as nt_device
from numtorch import _dtype as nt_dtype
from numtorch import _tensor_str as nt_str
from numtorch._tensor import Tensor
from numtorch.autograd.graph import node_class

try:
    import ml_dtypes
except ImportError:
    ml_dtypes = None

GOLDEN = pathlib.Path(__file__).with_name("golden") / "printing.json"


@pytest.fixture(autouse=True)
def _default_state():
    """Every test starts and ends with torch's default print options and default dtype."""
    nt_str.set_printoptions(profile="default")
    yield
    nt_str.set_printoptions(profile="default")
    nt_dtype.set_default_dtype(nt_dtype.float32)


def make_tensor(array, dtype, requires_grad=False, grad_fn=None):
    """A numtorch tensor holding `array` with dtype `dtype`; `grad_fn` names its node's class.

    Without ml_dtypes a bfloat16 array cannot be stored, so such cases print from a stand-in that
    carries just what `tensor_repr` reads (float32 holds every bfloat16 value exactly).
    """
    if array.dtype != dtype._np:
        return stand_in(array, dtype, requires_grad, grad_fn)
    t = Tensor._make(array, dtype, nt_device.CPU)
    if grad_fn:
        t.grad_fn = node_class(grad_fn, [])()
        t._requires_grad = True
    elif requires_grad:
        t.requires_grad_()
    return t


def stand_in(array, dtype, requires_grad=False, grad_fn=None):
    """A plain object with just the attributes `tensor_repr` reads; `grad_fn` names a node class."""
    node = type(grad_fn, (), {})() if grad_fn else None
    return types.SimpleNamespace(
        dtype=dtype,
        device=nt_device.CPU,
        shape=tuple(array.shape),
        _data=array,
        grad_fn=node,
        requires_grad=requires_grad or node is not None,
    )


def bfloat16_array(bits):
    """bfloat16 values from their 16-bit patterns: ml_dtypes storage if available, else float32.

    float32 holds every bfloat16 value exactly, so the printed text is the same either way.
    """
    bits = numpy.array(bits, dtype=numpy.uint16)  # a writable copy, as from_numpy may require
    if ml_dtypes is not None:
        return bits.view(ml_dtypes.bfloat16)
    return (bits.astype(numpy.uint32) << 16).view(numpy.float32)


def golden_array(case):
    """The exact array a golden case was printed from."""
    raw = bytes.fromhex(case["data"])
    shape = tuple(case["shape"])
    if case["dtype"] == "bfloat16":
        return bfloat16_array(numpy.frombuffer(raw, "<u2").reshape(shape))
    stored = numpy.dtype(case["dtype"]).newbyteorder("<")
    return numpy.frombuffer(raw, stored).reshape(shape).astype(numpy.dtype(case["dtype"]))


def _golden_cases():
    return json.loads(GOLDEN.read_text())["cases"]


@pytest.mark.parametrize("case", _golden_cases(), ids=lambda c: c["name"])
def test_golden(case):
    array = golden_array(case)
    dtype = nt_dtype.BY_NAME[case["dtype"]]
    t = make_tensor(array, dtype, case.get("requires_grad", False), case.get("grad_fn"))
    if case.get("default_dtype"):
        nt_dtype.set_default_dtype(nt_dtype.BY_NAME[case["default_dtype"]])
    with nt_str.printoptions(**case.get("options", {})):
        assert nt_str.tensor_repr(t) == case["repr"]


def test_golden_corpus_is_broad():
    cases = _golden_cases()
    assert len(cases) >= 250
    assert {c["dtype"] for c in cases} >= {
        "float16",
        "bfloat16",
        "float32",
        "float64",
        "complex64",
        "complex128",
        "uint8",
        "int8",
        "int16",
        "int32",
        "int64",
        "bool",
    }
    assert {len(c["shape"]) for c in cases} >= {0, 1, 2, 3, 4}
    assert any("..." in c["repr"] for c in cases)
    assert any(0 in c["shape"] for c in cases)


# ---------------------------------------------------------------- hand-written cases


def plain(values, dtype=None, **kw):
    array = numpy.asarray(values)
    dtype = dtype or nt_dtype.from_numpy_dtype(array.dtype)
    return nt_str.tensor_repr(make_tensor(array.astype(dtype.np), dtype, **kw))


@pytest.mark.parametrize(
    ("values", "dtype", "expected"),
    [
        ([1.0, 2.0], "float32", "tensor([1., 2.])"),
        ([1e-05, 1e05], "float32", "tensor([1.0000e-05, 1.0000e+05])"),
        (3.5, "float32", "tensor(3.5000)"),
        ([-0.0, 0.0], "float32", "tensor([-0., 0.])"),
        (
            [1.5, math.nan, -math.inf],
            "float64",
            "tensor([1.5000,    nan,   -inf], dtype=torch.float64)",
        ),
        ([True, False], "bool", "tensor([ True, False])"),
        ([1 + 2j], "complex64", "tensor([1.+2.j])"),
        # the real parts are integer-like, so -0. sticks out of their width of 2
        (
            [1 - 2.5j, -0.0j],
            "complex128",
            "tensor([1.-2.5000j, -0.-0.0000j], dtype=torch.complex128)",
        ),
        ([1, -20], "int32", "tensor([  1, -20], dtype=torch.int32)"),
    ],
)
def test_examples(values, dtype, expected):
    assert plain(values, nt_dtype.BY_NAME[dtype]) == expected


def test_empty():
    assert plain(numpy.zeros(0, numpy.float32)) == "tensor([])"
    assert plain(numpy.zeros((0, 3), numpy.float32)) == "tensor([], size=(0, 3))"
    assert plain(numpy.zeros(0, numpy.int32)) == "tensor([], dtype=torch.int32)"
    assert plain(numpy.zeros(0, numpy.int64)) == "tensor([], dtype=torch.int64)"


def test_device_and_autograd_suffixes():
    t = stand_in(numpy.array([1.0, 2.0], numpy.float32), nt_dtype.float32)
    t.device = nt_device.device("cuda", 0)
    assert nt_str.tensor_repr(t) == "tensor([1., 2.], device='cuda:0')"
    t.device = nt_device.device("cuda")
    t.dtype, t._data = nt_dtype.float64, t._data.astype(numpy.float64)
    t.requires_grad = True
    assert nt_str.tensor_repr(t) == (
        "tensor([1., 2.], device='cuda:0', dtype=torch.float64, requires_grad=True)"
    )
    t.grad_fn = type("AddBackward0", (), {})()
    assert nt_str.tensor_repr(t).endswith("dtype=torch.float64, grad_fn=<AddBackward0>)")


def test_format_array_directly():
    assert nt_str.format_array(numpy.array([1.0, 2.5])) == "[1.0000, 2.5000]"
    assert nt_str.format_array(numpy.array([[1, 2], [30, 4]])) == "[[ 1,  2],\n [30,  4]]"
    assert nt_str.format_array(numpy.array(7)) == "7"
    assert nt_str.format_array(numpy.zeros((0, 2))) == "[]"
    # a float32 array carrying bfloat16 values prints as the dtype says
    assert (
        nt_str.format_array(numpy.array([1.0, 3.0], numpy.float32), nt_dtype.bfloat16) == "[1., 3.]"
    )
    assert nt_str.format_array(numpy.array([2, 3]), nt_dtype.float32) == "[2., 3.]"


class FakeDeviceArray:
    """Stands in for a CuPy array: `.take` runs "on the device", `.get()` copies to the host."""

    def __init__(self, array, copies):
        self.array, self.copies = array, copies
        self.shape, self.ndim = array.shape, array.ndim

    def take(self, indices, axis):
        return FakeDeviceArray(self.array.take(indices, axis=axis), self.copies)

    def get(self):
        self.copies.append(self.array.size)
        return self.array


def test_device_array_is_summarised_before_the_host_copy():
    copies = []
    data = FakeDeviceArray(numpy.arange(100_000, dtype=numpy.float32).reshape(100, 1000), copies)
    t = stand_in(numpy.zeros(0), nt_dtype.float32)
    t.device, t.shape, t._data = nt_device.device("cuda", 1), data.shape, data
    assert nt_str.tensor_repr(t) == (
        "tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 9.9700e+02, 9.9800e+02,\n"
        "         9.9900e+02],\n"
        "        [1.0000e+03, 1.0010e+03, 1.0020e+03,  ..., 1.9970e+03, 1.9980e+03,\n"
        "         1.9990e+03],\n"
        "        [2.0000e+03, 2.0010e+03, 2.0020e+03,  ..., 2.9970e+03, 2.9980e+03,\n"
        "         2.9990e+03],\n"
        "        ...,\n"
        "        [9.7000e+04, 9.7001e+04, 9.7002e+04,  ..., 9.7997e+04, 9.7998e+04,\n"
        "         9.7999e+04],\n"
        "        [9.8000e+04, 9.8001e+04, 9.8002e+04,  ..., 9.8997e+04, 9.8998e+04,\n"
        "         9.8999e+04],\n"
        "        [9.9000e+04, 9.9001e+04, 9.9002e+04,  ..., 9.9997e+04, 9.9998e+04,\n"
        "         9.9999e+04]], device='cuda:1')"
    )
    assert copies == [36]


def test_summarised_formatter_ignores_hidden_values():
    values = numpy.ones(1001)
    values[500] = 1e-9
    assert plain(values.astype(numpy.float32)) == "tensor([1., 1., 1.,  ..., 1., 1., 1.])"
    with nt_str.printoptions(threshold=2000):
        assert plain(values.astype(numpy.float32)).startswith("tensor([1.0000e+00, 1.0000e+00,")


# ---------------------------------------------------------------- print options state


DEFAULTS = {"precision": 4, "threshold": 1000, "edgeitems": 3, "linewidth": 80, "sci_mode": None}


def test_get_printoptions_defaults():
    assert nt_str.get_printoptions() == DEFAULTS
    assert list(nt_str.get_printoptions()) == list(DEFAULTS)


def test_set_printoptions_and_profiles():
    nt_str.set_printoptions(precision=2, linewidth=40, sci_mode=True)
    assert nt_str.get_printoptions() == dict(DEFAULTS, precision=2, linewidth=40, sci_mode=True)
    nt_str.set_printoptions(edgeitems=1)  # any call without sci_mode resets it, as in torch
    assert nt_str.get_printoptions()["sci_mode"] is None
    assert nt_str.get_printoptions()["precision"] == 2
    nt_str.set_printoptions(profile="short")
    assert nt_str.get_printoptions() == dict(DEFAULTS, precision=2, edgeitems=2)
    nt_str.set_printoptions(profile="full", precision=6)
    assert nt_str.get_printoptions() == dict(DEFAULTS, threshold=math.inf, precision=6)
    nt_str.set_printoptions(profile="no-such-profile")
    assert nt_str.get_printoptions()["threshold"] == math.inf
    nt_str.set_printoptions(profile="default")
    assert nt_str.get_printoptions() == DEFAULTS


def test_printoptions_restores_state():
    nt_str.set_printoptions(precision=3, sci_mode=False)
    before = nt_str.get_printoptions()
    with nt_str.printoptions(precision=1, threshold=5, sci_mode=True):
        assert nt_str.get_printoptions() == dict(before, precision=1, threshold=5, sci_mode=True)
        assert plain(numpy.array([1.25, 2.0], numpy.float32)) == "tensor([1.2e+00, 2.0e+00])"
        with nt_str.printoptions(profile="full"):
            assert nt_str.get_printoptions()["threshold"] == math.inf
        assert nt_str.get_printoptions()["threshold"] == 5
    assert nt_str.get_printoptions() == before
    with pytest.raises(KeyError), nt_str.printoptions(linewidth=10):
        raise KeyError("leaves the block early")
    assert nt_str.get_printoptions() == before


def test_printoptions_rejects_unknown_names():
    with pytest.raises(TypeError), nt_str.printoptions(colour=True):
        pass
    assert nt_str.get_printoptions() == DEFAULTS


# ---------------------------------------------------------------- differential against torch

DIFF_DTYPES = (
    "float32",
    "float64",
    "float16",
    "bfloat16",
    "complex64",
    "complex128",
    "int8",
    "uint8",
    "int16",
    "int32",
    "int64",
    "bool",
)


def random_values(g, shape, dtype):
    """Values with a random magnitude, sign mix and sprinkling of -0.0/nan/inf."""
    if dtype == "bool":
        return g.random(shape) > 0.5
    if dtype in ("int8", "uint8", "int16", "int32", "int64"):
        info = numpy.iinfo(dtype)
        high = min(info.max, 10 ** int(g.integers(1, 19)))
        return g.integers(max(info.min, -high), high, shape, endpoint=True, dtype=dtype)
    scale = 10.0 ** g.integers(-12, 12)
    kind = g.integers(4)
    if kind == 0:
        values = g.integers(-100, 100, shape) * scale
    elif kind == 1:
        values = g.standard_normal(shape) * scale
    elif kind == 2:
        values = 10 ** g.uniform(-8, 8, shape) * g.choice([-1, 1], shape)
    else:
        values = g.choice([0.0, -0.0, numpy.nan, numpy.inf, -numpy.inf, 1.5, scale], shape)
    if dtype.startswith("complex"):
        values = values + 1j * numpy.roll(values, 1) * g.choice([0.0, 1.0, 1e-3])
    return values


def random_options(g):
    options = {}
    for name, choices in (
        ("precision", [0, 1, 2, 5, 8]),
        ("threshold", [3, 20, 100, 10000]),
        ("edgeitems", [0, 1, 2, 4]),
        ("linewidth", [1, 30, 60, 100, 160]),
        ("sci_mode", [True, False]),
        ("profile", ["short", "full"]),
    ):
        if g.random() < 0.25:
            options[name] = choices[int(g.integers(len(choices)))]
    return options


@pytest.mark.parametrize("seed", range(300))
def test_against_torch(seed):
    torch = pytest.importorskip("torch")
    g = numpy.random.default_rng(seed)
    dtype = DIFF_DTYPES[seed % len(DIFF_DTYPES)]
    ndim = int(g.integers(0, 5))
    shape = tuple(int(n) for n in g.integers(0 if g.random() < 0.05 else 1, 9, ndim))
    if g.random() < 0.2:
        shape = (*shape[:-1], int(g.integers(20, 400)))
    with numpy.errstate(all="ignore"):
        values = numpy.asarray(random_values(g, shape, dtype))
        if dtype == "bfloat16":
            reference = torch.from_numpy(values.astype(numpy.float32)).to(torch.bfloat16)
            array = bfloat16_array(reference.view(torch.int16).numpy().view(numpy.uint16))
        else:
            array = values.astype(dtype)
            reference = torch.from_numpy(array.copy())
    options = random_options(g)
    ours = make_tensor(array, nt_dtype.BY_NAME[dtype])
    saved = torch._tensor_str.get_printoptions()
    torch.set_printoptions(**options)
    try:
        expected = repr(reference)
    finally:
        torch.set_printoptions(**saved)
    with nt_str.printoptions(**options):
        assert nt_str.tensor_repr(ours) == expected
