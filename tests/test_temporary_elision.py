"""Temporary elision in the operators (numtorch/_ops/operands.py): `a * b + c` on large arrays
writes the add into the product's array when nothing else can see it, as NumPy does; any tensor
or array that something else holds keeps its values."""

import operator
import tracemalloc

import numpy
import pytest

import numtorch as torch

N = 1 << 17  # 512 KiB of float32: above the threshold


def operands():
    gen = torch.Generator().manual_seed(0)
    return [torch.rand(N, generator=gen) for _ in range(3)]


@pytest.mark.parametrize("op", [operator.add, operator.sub, operator.mul, operator.truediv])
@pytest.mark.parametrize("other", ["tensor", "float", "int", "row"])
def test_results_equal_numpy(op, other):
    a, b, c = operands()
    rhs = {"tensor": c, "float": 1.5, "int": 3, "row": c[:1]}[other]
    value = rhs.numpy() if isinstance(rhs, torch.Tensor) else rhs
    got = op(a * b, rhs)
    want = op(a.numpy() * b.numpy(), value)
    assert got.dtype == torch.float32
    numpy.testing.assert_array_equal(got.numpy(), want)


def peak_bytes(fn):
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_temporary_array_is_reused():
    a, b, c = operands()
    size = a.numel() * 4
    elided = peak_bytes(lambda: (a * b) + c)  # one array: the add writes into the product
    held = peak_bytes(lambda: [x := a * b, x + c])  # the product is held: two arrays
    assert elided < 1.5 * size < held


def test_nothing_visible_is_overwritten():
    a, b, c = operands()
    x = a * b
    kept = x.clone()
    x + c
    assert torch.equal(x, kept)
    view = x[:10]
    x = None
    kept_view = view.clone()
    (a * b) + 1.0  # a fresh temporary may be reused, the view's base may not
    assert torch.equal(view, kept_view)
    array = numpy.ones(N, dtype=numpy.float32)
    torch.from_numpy(array) + 1.0
    assert array[0] == 1
    held = [a * b]
    kept = held[0].clone()
    held[0] * 2.0
    assert torch.equal(held[0], kept)


def test_not_with_grad():
    w = torch.rand(N, requires_grad=True)
    y = (w * 2.0) + 1.0
    y.sum().backward()
    assert torch.equal(w.grad, torch.full((N,), 2.0))
    assert y.grad_fn.name() == "AddBackward0"


def test_broadcast_that_grows_the_result_is_not_elided():
    row = torch.rand(1, N)
    out = (row * 1.0) + torch.rand(3, N)
    assert out.shape == (3, N)
