"""The vectorised randperm (numtorch/_random/permutation.py) against torch's swap loop run step by
step: random partners, partners crowded onto few positions (long chains, many self-swaps), every
small n, and randperm's output against torch's when torch is installed."""

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numtorch
from numtorch._random.permutation import swap_permutation, swap_permutation_loop


def _partners(n, draws, spread):
    steps = numpy.arange(n - 1, dtype=numpy.int64)
    return steps + numpy.asarray(draws, numpy.int64) % numpy.minimum(spread, n - steps)


@pytest.mark.parametrize("n", [*range(1, 70), 1000, 4099, 100003])
@pytest.mark.parametrize("spread", [1, 2, 3, 10**9])
def test_matches_the_loop(n, spread):
    draws = numpy.random.default_rng(n * 7 + spread % 5).integers(0, 2**32, max(n - 1, 0))
    partner = _partners(n, draws, spread)
    assert numpy.array_equal(swap_permutation(partner), swap_permutation_loop(partner))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 2**32 - 1), min_size=0, max_size=300), st.integers(1, 6))
def test_matches_the_loop_hypothesis(draws, spread):
    partner = _partners(len(draws) + 1, draws, spread)
    assert numpy.array_equal(swap_permutation(partner), swap_permutation_loop(partner))


@pytest.mark.parametrize("n", [65, 1000, 123457])
def test_randperm_equals_torch(n):
    torch = pytest.importorskip("torch")
    torch.manual_seed(n)
    numtorch.manual_seed(n)
    assert numpy.array_equal(numtorch.randperm(n).numpy(), torch.randperm(n).numpy())
