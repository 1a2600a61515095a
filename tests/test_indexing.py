"""Torch-free checks of the indexing machinery: the scatter-accumulate fallback used where the
array library has no ufunc.at, and advanced indexing against NumPy's own fancy indexing."""

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numtorch
from numtorch._ops.advanced_index import _at_in_rounds, ufunc_at


@pytest.mark.parametrize("name", ["add", "multiply", "maximum", "minimum"])
def test_rounds_fallback_matches_ufunc_at(name):
    rng = numpy.random.RandomState(0)
    ufunc = getattr(numpy, name)
    for _ in range(10):
        target = rng.randn(5, 6)
        index = rng.randint(-5, 5, size=(9,))
        values = rng.randn(9, 6)
        want = target.copy()
        ufunc.at(want, (index,), values)
        got = target.copy()
        _at_in_rounds(numpy, ufunc, got, (index,), values)
        numpy.testing.assert_allclose(got, want)
        key = (rng.randint(0, 5, size=(3, 1)), slice(None))
        want = target.copy()
        ufunc.at(want, key, 2.0)
        got = target.copy()
        _at_in_rounds(numpy, ufunc, got, key, 2.0)
        numpy.testing.assert_allclose(got, want)


def test_ufunc_at_accumulates_repeats():
    target = numpy.zeros(3)
    ufunc_at(numpy, "add", target, (numpy.array([0, 0, 2, 0]),), numpy.array([1.0, 2.0, 3.0, 4.0]))
    assert target.tolist() == [7.0, 0.0, 3.0]


def test_index_put_accumulate_and_index_backward_sum_repeats():
    x = numtorch.zeros(4, requires_grad=True)
    idx = numtorch.tensor([1, 1, 3, 1])
    y = x[idx]
    y.sum().backward()
    assert x.grad.tolist() == [0.0, 3.0, 0.0, 1.0]
    acc = numtorch.zeros(4).index_put_((idx,), numtorch.ones(4), accumulate=True)
    assert acc.tolist() == [0.0, 3.0, 0.0, 1.0]


def test_failed_setitem_leaves_tensor_unchanged():
    x = numtorch.arange(6.0).reshape(2, 3)
    before = x.tolist()
    with pytest.raises(IndexError):
        x[[0, 5]] = 1.0
    with pytest.raises(RuntimeError):
        x[[0, 1]] = numtorch.ones(4)
    with pytest.raises(RuntimeError):
        x[[0]] = numtorch.ones(3, dtype=numtorch.float64)
    assert x.tolist() == before
    assert x._version_value == 0


_index = st.lists(st.integers(-3, 2), min_size=0, max_size=4)


@settings(max_examples=60, deadline=None)
@given(first=_index, second=_index, sliced=st.booleans())
def test_tensor_indices_match_numpy(first, second, sliced):
    """Index tensors land where NumPy puts them: in place when adjacent, in front otherwise."""
    data = numpy.arange(3 * 4 * 3, dtype=numpy.float32).reshape(3, 4, 3)
    n = min(len(first), len(second))
    a, b = numpy.array(first[:n], dtype=numpy.int64), numpy.array(second[:n], dtype=numpy.int64)
    x = numtorch.from_numpy(data.copy())
    ta, tb = numtorch.from_numpy(a), numtorch.from_numpy(b)
    if sliced:
        got, want = x[ta, :, tb], data[a, :, b]
    else:
        got, want = x[:, ta % 4, tb], data[:, a % 4, b]
    assert tuple(got.shape) == want.shape
    numpy.testing.assert_array_equal(got.numpy(), want)
