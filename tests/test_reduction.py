"""Reduction behaviour the op cases cannot express: the libstdc++ sort replay behind mode's and
nanmedian's indices on long slices, linalg.vector_norm (not yet in a public namespace), and the
degrees-of-freedom warning. Expected values were recorded from torch 2.13; the live comparisons
run where torch is installed."""

import warnings

import numpy
import pytest

import numtorch
from numtorch._ops.reduction_mode import _heap_sort, first_of_nth_element, nth_element, std_sort
from numtorch._ops.reduction_stats import vector_norm

NAN = float("nan")

# A 3x40 int64 input and the (values, indices) torch.mode(dim=1) gives: the indices are not the
# last occurrences, because std::sort is not stable above 16 elements.
MODE_ROWS = [
    [4, 1, 3, 3, 4, 1, 0, 1, 2, 2, 0, 4, 0, 4, 0, 3, 2, 3, 4, 4]
    + [0, 0, 0, 3, 0, 2, 0, 1, 4, 1, 3, 3, 0, 3, 0, 1, 0, 0, 4, 4],
    [4, 2, 1, 3, 0, 4, 0, 4, 3, 1, 3, 3, 3, 1, 3, 3, 4, 3, 1, 3]
    + [1, 1, 1, 2, 3, 2, 2, 3, 3, 2, 0, 4, 3, 1, 1, 4, 3, 4, 4, 4],
    [3, 3, 0, 4, 3, 0, 2, 2, 3, 2, 3, 4, 4, 0, 4, 3, 1, 2, 4, 4]
    + [1, 1, 2, 0, 4, 2, 4, 0, 2, 3, 2, 4, 1, 2, 1, 1, 4, 1, 0, 4],
]


def test_mode_indices_follow_std_sort():
    values, indices = numtorch.tensor(MODE_ROWS).mode(1)
    assert values.tolist() == [0, 3, 4]
    assert indices.tolist() == [36, 19, 39]


def test_mode_short_slices_pick_last_occurrence():
    values, indices = numtorch.tensor([[3, 1, 3, 1, 2, 1, 3], [5, 5, 2, 2, 7, 7, 9]]).mode()
    assert values.tolist() == [1, 2]
    assert indices.tolist() == [5, 3]


def test_nanmedian_of_all_nan_slices():
    for n, index in [(3, 0), (4, 2), (5, 2), (7, 5), (9, 7), (16, 10), (17, 10), (33, 23)]:
        assert first_of_nth_element(n) == index
        result = numtorch.tensor([[NAN] * n]).nanmedian(1)
        assert result.indices.tolist() == [index]


def test_std_sort_sorts():
    rng = numpy.random.RandomState(0)
    for n in (0, 1, 5, 16, 17, 100, 1000):
        values = rng.randint(0, 50, size=n).tolist()
        items = list(values)
        std_sort(items, lambda a, b: a < b)
        assert items == sorted(values)
        items = list(values)
        if n:
            nth_element(items, n // 2, lambda a, b: a < b)
            assert items[n // 2] == sorted(values)[n // 2]


def test_heap_sort_sorts():
    """The heapsort introsort falls back to past its depth limit."""
    values = numpy.random.RandomState(2).randint(0, 30, size=101).tolist()
    items = list(values)
    _heap_sort(items, 0, len(items), lambda a, b: a < b)
    assert items == sorted(values)


def test_vector_norm():
    x = numtorch.tensor([[3.0, -4.0], [0.0, 1.0]])
    assert vector_norm(x).item() == pytest.approx(26**0.5)
    assert vector_norm(x, 1, 1).tolist() == [7.0, 1.0]
    assert vector_norm(x, float("inf"), 0, keepdim=True).tolist() == [[3.0, 4.0]]
    assert vector_norm(x, 0).item() == 3.0
    assert vector_norm(x, dtype=numtorch.float64).dtype is numtorch.float64
    y = x.detach().requires_grad_()
    vector_norm(y, 2, 1).sum().backward()
    assert type(vector_norm(y).grad_fn).__name__ == "LinalgVectorNormBackward0"
    assert y.grad[0].tolist() == pytest.approx([0.6, -0.8])
    with pytest.raises(TypeError, match="must be Number, not str"):
        vector_norm(x, "fro")
    with pytest.raises(RuntimeError, match="Expected a floating point or complex tensor"):
        vector_norm(numtorch.tensor([1, 2]))


def test_vector_norm_matches_torch():
    torch = pytest.importorskip("torch")
    rng = numpy.random.RandomState(3)
    data = rng.uniform(-2, 2, size=(3, 4, 5))
    for ord_ in (2, 1, 0, 3.5, -1, float("inf"), -float("inf")):
        for dim in (None, 1, (0, 2), -1):
            for keepdim in (False, True):
                want = torch.linalg.vector_norm(torch.tensor(data), ord_, dim, keepdim)
                got = vector_norm(numtorch.tensor(data), ord_, dim, keepdim)
                assert got.shape == tuple(want.shape)
                numpy.testing.assert_allclose(got.numpy(), want.numpy(), rtol=1e-12)


def test_mode_and_median_match_torch_on_random_slices():
    torch = pytest.importorskip("torch")
    rng = numpy.random.RandomState(1)
    for trial in range(60):
        n = int(rng.randint(1, 120))
        a = rng.randint(0, 4, size=(3, n)).astype("float32")
        if trial % 3 == 0:
            a[rng.rand(3, n) < 0.2] = NAN
        for name in ("mode", "median", "nanmedian"):
            want = getattr(torch.tensor(a), name)(1)
            got = getattr(numtorch.tensor(a), name)(1)
            assert got.indices.tolist() == want.indices.tolist(), (name, a.tolist())
            numpy.testing.assert_array_equal(got.values.numpy(), want.values.numpy())


def test_degrees_of_freedom_warning():
    x = numtorch.tensor([1.0, 2.0])
    with pytest.warns(UserWarning, match=r"^var\(\): degrees of freedom is <= 0"):
        assert x.var(correction=2).isinf().item()
    with pytest.warns(UserWarning, match=r"^std_mean\(\): degrees of freedom is <= 0"):
        numtorch.std_mean(x, correction=3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        x.var()
