"""Float sums in torch's order (numtorch/_ops/cascade_sum.py): bit-exact against torch at one
thread, on values whose magnitudes span many decades so that the order of the additions shows in
the result. The recorded results at the top run without torch; the rest compares live."""

import numpy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import numtorch
from numtorch._ops.cascade_sum import cascade_sum, torch_order_sum

DTYPES = (numpy.float32, numpy.float64)


@pytest.fixture(autouse=True)
def torch_order(monkeypatch):
    """The exact order is opt-in (NUMTORCH_SUM_ORDER=torch): on for every test here."""
    monkeypatch.setattr("numtorch._ops.cascade_sum.TORCH_ORDER", True)


def test_off_by_default_and_on_from_the_environment():
    import subprocess
    import sys

    code = "import numtorch._ops.cascade_sum as c; print(c.TORCH_ORDER)"
    env = {k: v for k, v in __import__("os").environ.items() if k != "NUMTORCH_SUM_ORDER"}
    run = lambda e: subprocess.run(  # noqa: E731
        [sys.executable, "-c", code], env=e, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert run(env) == "False"
    assert run({**env, "NUMTORCH_SUM_ORDER": "torch"}) == "True"


def wide_values(seed, shape, dtype):
    """Normal values scaled by powers of ten over 12 decades: rounding depends on the order."""
    rng = numpy.random.default_rng(seed)
    scale = 10.0 ** rng.integers(-6, 7, shape)
    return (rng.standard_normal(shape) * scale).astype(dtype)


# sums torch 2.13 (one thread) gave for wide_values(seed, (n,), dtype), as float.hex
RECORDED = [
    (0, 2000, "float32", "0x1.c674400000000p+17"),
    (1, 4097, "float32", "-0x1.2c3c480000000p+24"),
    (2, 100000, "float32", "0x1.d62cde0000000p+25"),
    (3, 5000, "float64", "0x1.567c6b3c389e4p+23"),
]


@pytest.mark.parametrize("seed, n, dtype, expected", RECORDED)
def test_recorded_full_sums(seed, n, dtype, expected):
    values = wide_values(seed, (n,), getattr(numpy, dtype))
    assert float(cascade_sum(numpy, values, (0,))) == float.fromhex(expected)
    assert numtorch.from_numpy(values).sum().item() == float.fromhex(expected)


def test_numpy_order_differs():
    """The inputs used here do tell torch's order from NumPy's pairwise one."""
    differ = 0
    for seed, n, dtype, _ in RECORDED:
        values = wide_values(seed, (n,), getattr(numpy, dtype))
        differ += values.sum() != cascade_sum(numpy, values, (0,))
    assert differ == len(RECORDED)


def test_layouts_not_covered_return_none():
    values = wide_values(0, (3, 4, 50), numpy.float32)
    assert cascade_sum(numpy, values, (0, 2)) is None  # reduced dims on both sides of a kept one
    assert cascade_sum(numpy, values[:, :, ::2], (2,)) is None  # not dense
    assert cascade_sum(numpy, numpy.ones((3, 50), numpy.float16), (1,)) is None
    assert cascade_sum(numpy, values.astype(numpy.int64), (2,)) is None
    # the fallback is NumPy's own sum, with the same shapes and keepdims
    got = torch_order_sum(numpy, values, (0, 2), keepdims=True)
    assert got.shape == (1, 4, 1)


# ---------------------------------------------------------------- live comparisons with torch


@pytest.fixture(scope="module")
def torch():
    torch = pytest.importorskip("torch")
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield torch
    torch.set_num_threads(threads)


def _torch_sum(torch, values, axes):
    return torch.from_numpy(values).sum(axes).numpy()


def _same_bits(a, b):
    a, b = numpy.asarray(a), numpy.asarray(b)
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


SLOW = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SLOW
@given(st.integers(0, 5000), st.sampled_from(DTYPES), st.integers(0, 2**32 - 1))
def test_1d_lengths_match_torch(torch, n, dtype, seed):
    values = wide_values(seed, (n,), dtype)
    got = torch_order_sum(numpy, values)
    assert _same_bits(got, _torch_sum(torch, values, (0,)))


@pytest.mark.parametrize("n", [10**5, 10**6 + 7])
@pytest.mark.parametrize("dtype", DTYPES)
def test_large_1d_matches_torch(torch, n, dtype):
    values = wide_values(n, (n,), dtype)
    want = _torch_sum(torch, values, (0,))
    assert _same_bits(cascade_sum(numpy, values, (0,)), want)
    assert values.sum() != want  # NumPy's own order would not do


@st.composite
def reductions(draw):
    """A 2-D or 3-D shape and the dims to reduce: the inner ones, the outer ones or all."""
    ndim = draw(st.integers(2, 3))
    sizes = st.one_of(st.integers(1, 12), st.integers(13, 300))
    shape = tuple(draw(sizes) for _ in range(ndim))
    while numpy.prod(shape) > 60000:
        shape = tuple(max(1, n // 2) for n in shape)
    split = draw(st.integers(0, ndim))
    where = draw(st.sampled_from(["inner", "outer", "all"]))
    if where == "all":
        axes = tuple(range(ndim))
    elif where == "inner":
        axes = tuple(range(split, ndim)) or (ndim - 1,)
    else:
        axes = tuple(range(split)) or (0,)
    # a permuted layout reduces over the dims that come inner/outer in memory
    order = draw(st.permutations(range(ndim)))
    return shape, axes, tuple(order)


@SLOW
@given(reductions(), st.sampled_from(DTYPES), st.integers(0, 2**32 - 1))
def test_nd_reductions_match_torch(torch, reduction, dtype, seed):
    shape, axes, order = reduction
    memory = wide_values(seed, shape, dtype)
    # `values` is `memory` with its dims permuted: dim order[m] of `values` is dim m of `memory`
    values = memory.transpose(numpy.argsort(order))
    axes_in_values = tuple(order[a] for a in axes)
    got = cascade_sum(numpy, values, axes_in_values)
    want = _torch_sum(torch, values, axes_in_values)
    reduced = numpy.prod([shape[a] for a in axes])
    # memory dim m is dim order[m] of `values`
    kept_in_memory = [order[m] for m in range(len(shape)) if m not in axes and shape[m] > 1]
    if reduced > 1 and kept_in_memory == sorted(kept_in_memory):
        assert got is not None  # covered where torch's result order is the memory order
    if got is not None:
        assert _same_bits(got, want)


@pytest.mark.parametrize("dtype", DTYPES)
def test_numpy_order_differs_on_nd(torch, dtype):
    values = wide_values(7, (40, 3000), dtype)
    for axes in [(0,), (1,), (0, 1)]:
        want = _torch_sum(torch, values, axes)
        assert _same_bits(cascade_sum(numpy, values, axes), want)
        assert not _same_bits(values.sum(axes), want)


def test_special_values_match_torch(torch):
    values = wide_values(3, (3000,), numpy.float32)
    values[[5, 700]] = numpy.inf
    values[[1500]] = -numpy.inf
    assert _same_bits(cascade_sum(numpy, values, (0,)), _torch_sum(torch, values, (0,)))
    zeros = -numpy.zeros(100, numpy.float32)  # torch's sums start at +0.0
    assert _same_bits(cascade_sum(numpy, zeros, (0,)), _torch_sum(torch, zeros, (0,)))


# ---------------------------------------------------------------- through numtorch's ops


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_ops_and_gradients_match_torch(torch, dtype):
    values = wide_values(11, (64, 300), getattr(numpy, dtype))
    values[3, 7] = numpy.nan
    x = torch.from_numpy(values)
    y = numtorch.from_numpy(values)
    pairs = [
        (x.sum(), y.sum()),
        (x.sum(1), y.sum(1)),
        (x.sum(0, keepdim=True), y.sum(0, keepdim=True)),
        (x.mean(), y.mean()),
        (x.mean(0), y.mean(0)),
        (x.nansum(), y.nansum()),
        (x.nansum(1), y.nansum(1)),
        (x.sum(dtype=torch.float64), y.sum(dtype=numtorch.float64)),
        (torch.nn.functional.mse_loss(x, x.flip(0)), numtorch.nn.functional.mse_loss(y, y.flip(0))),
    ]
    for want, got in pairs:
        assert _same_bits(got.numpy(), want.numpy())
    # the engine sums a broadcast gradient down to each input's shape in the same order
    grads = []
    for lib, v in ((torch, x), (numtorch, y)):
        clean = lib.nan_to_num(v)
        scalar = lib.tensor(0.5, dtype=clean.dtype, requires_grad=True)
        column = lib.ones(64, 1, dtype=clean.dtype, requires_grad=True)
        ((clean * column + scalar) * clean).sum().backward()
        grads.append((scalar.grad.numpy(), column.grad.numpy()))
    for want, got in zip(*grads):
        assert _same_bits(got, want)


def test_torch_order_sum_takes_numpy_sum_axis_forms():
    values = wide_values(5, (6, 700), numpy.float32)
    for axis in (None, 1, -1, (1,), (0, 1), numpy.int64(0)):
        got = torch_order_sum(numpy, values, axis, keepdims=True)
        assert got.shape == values.sum(axis=axis, keepdims=True).shape
        assert got.dtype == numpy.float32
