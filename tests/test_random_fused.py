"""Exact fused multiply-add emulation (numtorch/_random/fused.py) against exact rationals."""

from fractions import Fraction

import numpy

from numtorch._random.fused import fma32, fma64


def _nearest32(q):
    """The float32 nearest to the rational q, ties to even."""
    f = numpy.float32(float(q))
    candidates = [numpy.nextafter(f, numpy.float32(-numpy.inf)), f]
    candidates.append(numpy.nextafter(f, numpy.float32(numpy.inf)))
    return min(
        candidates,
        key=lambda x: (abs(Fraction(float(x)) - q), int(numpy.array(x).view(numpy.uint32)) & 1),
    )


def test_fma32_on_float32_halfway_points():
    # (1 + 2**-12)**2 is exactly halfway between two float32s: a tiny addend decides.
    a = numpy.full(4, 1 + 2**-12, numpy.float32)
    c = numpy.array([2**-60, -(2**-60), 0.0, 2**-40], numpy.float32)
    got = (fma32(a, a, c).astype(numpy.float64) - 1).tolist()
    assert got == [2**-11 + 2**-23, 2**-11, 2**-11, 2**-11 + 2**-23]


def test_fma32_and_fma64_against_exact_rationals():
    rng = numpy.random.default_rng(5)
    n = 3000
    a = rng.standard_normal(n).astype(numpy.float32)
    b = rng.standard_normal(n).astype(numpy.float32)
    c = (-(a.astype(numpy.float64) * b) * (1 + rng.standard_normal(n) * 1e-7)).astype(numpy.float32)
    got = fma32(a, b, c)
    for i in range(n):
        exact = Fraction(float(a[i])) * Fraction(float(b[i])) + Fraction(float(c[i]))
        assert got[i] == _nearest32(exact)
    a, b = rng.standard_normal(n), rng.standard_normal(n)
    c = -(a * b) * (1 + rng.standard_normal(n) * 1e-14)
    c[::2] = (a * b)[::2] * 2.0**-54
    got = fma64(a, b, c)
    for i in range(n):
        assert got[i] == float(Fraction(a[i]) * Fraction(b[i]) + Fraction(c[i]))
