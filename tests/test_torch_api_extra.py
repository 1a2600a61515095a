"""torch.* API beyond the ops: legacy tensor types, memory formats, return_types, typename,
is_nonzero, default device, and numtorch.testing (assert_close's messages, make_tensor's values),
each compared with torch when it is installed."""

import pytest

import numtorch

try:
    import torch
except ImportError:
    torch = None

live = pytest.mark.skipif(torch is None, reason="needs torch to compare with")

LEGACY = [
    "FloatTensor",
    "DoubleTensor",
    "HalfTensor",
    "BFloat16Tensor",
    "ByteTensor",
    "CharTensor",
    "ShortTensor",
    "IntTensor",
    "LongTensor",
    "BoolTensor",
]


def _outcome(fn):
    try:
        value = fn()
    except Exception as e:  # noqa: BLE001 - the exception is the outcome compared
        return ("raises", type(e).__name__, str(e).split("\n")[0])
    if hasattr(value, "tolist") and hasattr(value, "dtype"):
        return ("tensor", str(value.dtype), list(value.shape), value.tolist())
    return ("value", str(value))


@pytest.mark.parametrize("name", LEGACY)
def test_legacy_type_identity(name):
    cls = getattr(numtorch, name)
    assert repr(cls) == f"<class 'torch.{name}'>"
    t = numtorch.zeros(2, dtype=cls.dtype)
    assert isinstance(t, cls)
    assert t.type() == f"torch.{name}"
    assert not isinstance(numtorch.zeros(2, dtype=numtorch.complex64), cls)
    assert isinstance(t, numtorch.Tensor)
    assert cls(2, 3).shape == (2, 3) and cls(2, 3).dtype is cls.dtype
    assert cls().shape == (0,)


LEGACY_CALLS = [
    "torch.FloatTensor([1, 2])",
    "torch.LongTensor([1.5, 2])",
    "torch.BoolTensor([1, 0])",
    "torch.DoubleTensor(torch.Size([2])).shape",
    "torch.FloatTensor(torch.ones(2))",
    "torch.FloatTensor(torch.ones(2).double())",
    "torch.FloatTensor('a')",
    "torch.FloatTensor(2.5)",
    "torch.IntTensor(2, 3).dtype",
    "torch.arange(3.0).type(torch.DoubleTensor)",
    "torch.arange(3.0).type('torch.IntTensor')",
    "torch.randn(2).type()",
    "isinstance(torch.ones(2).long(), torch.LongTensor)",
    "isinstance(torch.ones(2), torch.DoubleTensor)",
    "issubclass(torch.FloatTensor, torch.Tensor)",
    "torch.FloatTensor.dtype",
    "torch.typename(torch.ones(2, dtype=torch.int16))",
    "torch.typename(3)",
    "torch.typename(torch.ones(2))",
    "torch.is_nonzero(torch.tensor([2]))",
    "torch.is_nonzero(torch.tensor(0.0))",
    "torch.is_nonzero(torch.tensor([]))",
    "torch.is_nonzero(torch.tensor([1, 2]))",
    "torch.get_default_device()",
    "torch.channels_last",
    "torch.preserve_format",
    "torch.randn(2, 3, 4, 5).contiguous(memory_format=torch.channels_last).stride()",
    "torch.randn(2, 3, 4, 5, 6).contiguous(memory_format=torch.channels_last_3d).stride()",
    "torch.randn(2, 3, 4, 5).clone(memory_format=torch.channels_last).stride()",
    "torch.randn(2, 3, 4, 5).to(memory_format=torch.channels_last).stride()",
    "torch.empty_like(torch.randn(2, 3, 4, 5), memory_format=torch.channels_last).stride()",
    "torch.randn(2, 3, 4, 5).contiguous(memory_format=torch.channels_last).clone().stride()",
    "torch.randn(2, 3, 4, 5).contiguous(memory_format=torch.channels_last).is_contiguous()",
    "torch.randn(2, 3, 4, 5).is_contiguous(memory_format=torch.channels_last)",
    "torch.randn(2, 3, 4, 5).contiguous(memory_format=torch.channels_last)"
    ".is_contiguous(memory_format=torch.channels_last)",
    "torch.randn(2, 3).contiguous(memory_format=torch.channels_last)",
    "torch.randn(2, 3).clone(memory_format=torch.channels_last_3d)",
    "torch.randn(2, 3, 4, 5).contiguous(memory_format=torch.contiguous_format).stride()",
    "torch.randn(2, 3).t().contiguous(memory_format=torch.contiguous_format).stride()",
    "torch.randn(2, 3).is_contiguous(memory_format=torch.channels_last)",
    "type(torch.sort(torch.ones(3))).__name__",
    "len(torch.linalg.lstsq(torch.eye(2), torch.eye(2)))",
    "torch.linalg.svd(torch.eye(2)).S",
    "torch.sort(torch.tensor([2, 1])).indices",
    "isinstance(torch.linalg.qr(torch.eye(2)), torch.return_types.linalg_qr)",
    "isinstance(torch.max(torch.ones(2, 2), 0), torch.return_types.max)",
]


@live
@pytest.mark.parametrize("expr", LEGACY_CALLS)
def test_api_matches_torch(expr):
    got = _outcome(lambda: eval(expr, {"torch": numtorch}))
    want = _outcome(lambda: eval(expr, {"torch": torch}))
    assert got == want


def test_memory_format_strides_without_torch():
    x = numtorch.randn(2, 3, 4, 5)
    y = x.contiguous(memory_format=numtorch.channels_last)
    assert y.stride() == (60, 1, 15, 3)
    assert y.is_contiguous(memory_format=numtorch.channels_last) and not y.is_contiguous()
    assert numtorch.equal(x, y)
    assert y.contiguous(memory_format=numtorch.channels_last) is y
    with pytest.raises(RuntimeError, match="required rank 4 tensor to use channels_last format"):
        numtorch.ones(2).contiguous(memory_format=numtorch.channels_last)


def test_set_default_device_round_trip():
    try:
        numtorch.set_default_device("cpu")
        assert numtorch.get_default_device() == numtorch.device("cpu")
    finally:
        numtorch.set_default_device(None)


ASSERT_CLOSE = [
    "ac(torch.tensor([1., 2, 3]), torch.tensor([1., 2.5, 3]))",
    "ac(torch.tensor([1., 2]), torch.tensor([1., 2, 3]))",
    "ac(torch.tensor([1., 2]), torch.tensor([1., 2], dtype=torch.float64))",
    "ac(torch.tensor([1, 2]), torch.tensor([1, 3]))",
    "ac(1.0, 1.5)",
    "ac(1, 2)",
    "ac(1, 1.0)",
    "ac(torch.tensor([[1., float('nan')]]), torch.tensor([[1., float('nan')]]))",
    "ac(torch.tensor([1., float('nan')]), torch.tensor([1., float('nan')]), equal_nan=True)",
    "ac(torch.tensor([1.]), [1.])",
    "ac([1., 2], [1., 2.1])",
    "ac([1., 2.], [1., 2.1])",
    "ac([1., 2.], [1.])",
    "ac(torch.tensor([1., 2]), torch.tensor([1., 2.]), rtol=0)",
    "ac(torch.tensor([1., 2]), torch.tensor([1., 2.]), atol=1)",
    "ac(torch.tensor([1., 2]), torch.tensor([1., 2.1]), msg='custom')",
    "ac(torch.tensor([1., 2]), torch.tensor([1., 2.1]), rtol=0.1, atol=0)",
    "ac(torch.tensor([True]), torch.tensor([False]))",
    "ac(torch.tensor([1., 2]), torch.tensor([1., 2.]).double(), check_dtype=False)",
    "ac({'a': torch.tensor(1.)}, {'a': torch.tensor(2.)})",
    "ac({'a': 1}, {'b': 1})",
    "ac(torch.tensor(1. + 1j), torch.tensor(1. + 2j))",
    "ac(torch.tensor([1., 2], requires_grad=True), torch.tensor([1., 2.]))",
    "ac(torch.tensor([[1., 2], [3, 4]]), torch.tensor([[1., 2], [3, 5]]))",
    "ac(torch.tensor([1., 2], dtype=torch.float16), torch.tensor([1., 2.001], dtype=torch.float16))",
    "ac(torch.tensor(1.), 1.)",
    "ac(None, None)",
    "ac(torch.ones(2, 3).t(), torch.ones(3, 2))",
    "ac(torch.ones(2, 3).t(), torch.ones(3, 2), check_stride=True)",
    "ac(torch.zeros(0, 3), torch.zeros(0, 3))",
]


@live
@pytest.mark.parametrize("expr", ASSERT_CLOSE)
def test_assert_close_matches_torch(expr):
    def run(lib):
        try:
            eval(expr, {"torch": lib, "ac": lib.testing.assert_close})
        except Exception as e:  # noqa: BLE001 - the message is what is compared
            return type(e).__name__, str(e)
        return None

    assert run(numtorch) == run(torch)


def test_assert_close_message_without_torch():
    with pytest.raises(AssertionError) as info:
        numtorch.testing.assert_close(numtorch.tensor([1.0, 2, 3]), numtorch.tensor([1.0, 2.5, 3]))
    assert str(info.value) == (
        "Tensor-likes are not close!\n\nMismatched elements: 1 / 3 (33.3%)\n"
        "Greatest absolute difference: 0.5 at index (1,) (up to 1e-05 allowed)\n"
        "Greatest relative difference: 0.20000000298023224 at index (1,) (up to 1.3e-06 allowed)"
    )


MAKE_TENSOR = [
    "make((3, 4), dtype=torch.float32, device='cpu')",
    "make(5, dtype=torch.float64, device='cpu', low=-1, high=1)",
    "make(2, 3, dtype=torch.int64, device='cpu')",
    "make(4, dtype=torch.uint8, device='cpu')",
    "make(6, dtype=torch.bool, device='cpu')",
    "make(3, dtype=torch.complex64, device='cpu')",
    "make(3, 2, dtype=torch.float32, device='cpu', noncontiguous=True).stride()",
    "make(4, dtype=torch.int8, device='cpu', exclude_zero=True, low=0, high=2)",
    "make(2, dtype=torch.float32, device='cpu', requires_grad=True).requires_grad",
    "make(2, dtype=torch.int32, device='cpu', requires_grad=True)",
    "make(2, dtype=torch.float32, device='cpu', low=3, high=1)",
    "make(2, dtype=torch.float32, device='cpu', low=float('nan'))",
    "make(2, dtype=torch.uint8, device='cpu', low=-5, high=-1)",
]


@live
@pytest.mark.parametrize("expr", MAKE_TENSOR)
def test_make_tensor_matches_torch(expr):
    def run(lib):
        lib.manual_seed(3)
        return _outcome(lambda: eval(expr, {"torch": lib, "make": lib.testing.make_tensor}))

    assert run(numtorch) == run(torch)
