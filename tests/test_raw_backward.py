"""The engine's raw backward path (formulas over xp arrays) against the Tensor formulas.

Every op case with gradients runs twice on numtorch, with engine.RAW_BACKWARD on and off: the
gradients must agree (to a few units in the last place: NumPy may promote an intermediate of a
formula to a wider dtype than torch's rules do, e.g. int64 / float32). The op cases themselves
check the raw path against torch.
"""

import numpy
import pytest

import numtorch
from numtorch._ops.registry import REGISTRY
from numtorch.autograd import engine
from tests.ops.catalog import all_cases
from tests.ops.spec import _decode, record

RAW_OPS = [
    "add",
    "sub",
    "rsub",
    "rsub_scalar",
    "mul",
    "neg",
    "exp",
    "true_divide",
    "div_true_mode",
    "div_round",
    "pow_tensor_scalar",
    "pow_scalar_tensor",
    "sigmoid",
    "tanh",
    "relu",
    "sum_all",
    "sum_dim",
    "mean_all",
    "mean_dim",
    "view",
    "unsafe_view",
    "reshape_alias",
    "_expand",
    "_transpose",
    "_t",
]

# Units in the last place allowed between the two paths, per gradient dtype.
_RTOL = {"float32": 4e-7, "float64": 1e-15, "complex64": 4e-7, "complex128": 1e-15}


def _grad_cases():
    return [c for c in all_cases() if c.grad]


@pytest.fixture
def tensor_path():
    """Runs the test body with the raw path off, then restores it."""
    engine.RAW_BACKWARD = False
    try:
        yield
    finally:
        engine.RAW_BACKWARD = True


def test_ops_declare_raw_backward():
    for name in RAW_OPS:
        assert REGISTRY[name].call_raw is not None, name


def _same(a, b, dtype):
    x = numpy.array(_decode(a), dtype=complex)
    y = numpy.array(_decode(b), dtype=complex)
    if x.shape != y.shape:
        return False
    rtol = _RTOL.get(dtype, 0)
    return bool(numpy.allclose(x, y, rtol=rtol, atol=0, equal_nan=True))


def test_raw_and_tensor_paths_agree_on_every_op_case():
    assert engine.RAW_BACKWARD
    cases = _grad_cases()
    raw = {c.name: record(c, numtorch).get("grads") for c in cases}
    engine.RAW_BACKWARD = False
    try:
        tensor = {c.name: record(c, numtorch).get("grads") for c in cases}
    finally:
        engine.RAW_BACKWARD = True
    bad = []
    for name, want in tensor.items():
        got = raw[name]
        if got == want:
            continue
        if not isinstance(got, dict) or not isinstance(want, dict) or got.keys() != want.keys():
            bad.append((name, got, want))
            continue
        for k in want:
            g, w = got[k], want[k]
            if g == w:
                continue
            if g is None or w is None or g["dtype"] != w["dtype"] or g["shape"] != w["shape"]:
                bad.append((name, k, g, w))
            elif not _same(g["values"], w["values"], w["dtype"]):
                bad.append((name, k, g["values"], w["values"]))
    assert not bad, bad[:5]


def test_hooks_see_tensors_on_the_raw_path():
    x = numtorch.tensor([1.0, 2.0], requires_grad=True)
    y = x * 3.0
    seen = []
    y.register_hook(lambda g: seen.append(type(g)) or g * 2)
    z = (y * y).exp()
    z.sum().backward()
    assert seen == [numtorch.Tensor]
    want = (2 * 3.0 * 2 * y.detach() * z.detach()).numpy()
    numpy.testing.assert_allclose(x.grad.numpy(), want, rtol=1e-6)


def test_autograd_grad_returns_tensors_from_raw_nodes():
    x = numtorch.tensor([1.0, 2.0], requires_grad=True)
    y = x * x
    z = -(y + 1.0)
    (gy,) = numtorch.autograd.grad(z.sum(), y)
    assert type(gy) is numtorch.Tensor and gy.dtype is numtorch.float32
    assert gy.tolist() == [-1.0, -1.0]


def test_saved_tensor_modified_in_place_still_fails():
    x = numtorch.tensor([1.0, 2.0], requires_grad=True)
    y = x * 2
    z = y * y
    y.add_(1)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        z.sum().backward()


def test_second_backward_fails_on_the_raw_path():
    x = numtorch.tensor([1.0, 2.0], requires_grad=True)
    z = (x * x).sum()
    z.backward()
    with pytest.raises(RuntimeError, match="Trying to backward through the graph a second time"):
        z.backward()


def test_leaf_grad_does_not_alias_another_gradient():
    x = numtorch.tensor([1.0, 2.0], requires_grad=True)
    w = numtorch.tensor([3.0, 4.0], requires_grad=True)
    (x + w).sum().backward()  # add's raw formula hands one array to both inputs
    x.grad.add_(10)
    assert w.grad.tolist() == [1.0, 1.0]


def test_broadcast_and_dtype_reduction_on_the_raw_path(tensor_path):
    def grads():
        a = numtorch.ones(3, 1, dtype=numtorch.float16, requires_grad=True)
        b = numtorch.full((4,), 0.1, dtype=numtorch.float32, requires_grad=True)
        c = numtorch.tensor(2.0 + 1j, requires_grad=True)
        ((a * b) * c).abs().sum().backward()
        return a.grad, b.grad, c.grad

    want = grads()
    engine.RAW_BACKWARD = True
    got = grads()
    for g, w in zip(got, want):
        assert g.dtype is w.dtype and g.shape == w.shape
        numpy.testing.assert_allclose(g.numpy(), w.numpy(), rtol=1e-6)
