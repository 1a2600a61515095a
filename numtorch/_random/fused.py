"""Fused multiply-add with one rounding, as the x86 FMA instructions torch's kernels compile to.

NumPy has no fma ufunc. Both versions are exact by construction: round-to-odd in a wider format
followed by one round-to-nearest gives the correctly rounded result when the wider format has at
least two more significand bits (Boldo & Melquiond, "Emulation of FMA and correctly rounded sums:
proved algorithms using rounding to odd", IEEE TC 57(4), 2008).
"""

import numpy

_INF = numpy.inf


def _two_sum(a, b):
    """s = a + b rounded and its exact error e (a + b == s + e), elementwise."""
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _round_to_odd(s, err):
    """s + err (err the rounding error of s) rounded to odd: s, or its neighbour toward err when
    err != 0 and s has an even last bit."""
    inexact = err != 0
    if not inexact.any():
        return s
    even = (s.view(numpy.uint64) & numpy.uint64(1)) == 0
    fix = inexact & even
    if fix.any():
        s = s.copy()
        s[fix] = numpy.nextafter(s[fix], numpy.where(err[fix] > 0, _INF, -_INF))
    return s


def fma32(a, b, c):
    """float32 fma(a, b, c). a*b is exact in float64 and s = a*b + c is rounded once there; the
    float32 rounding of s is then the correct one unless s sits exactly on a float32 halfway
    point (or in float32's subnormal range) while the exact sum does not: only those rare
    elements are redone with the sum rounded to odd (53 bits >= 24 + 2)."""
    p = numpy.multiply(a, b, dtype=numpy.float64)
    c = numpy.asarray(c, numpy.float64)
    s = numpy.add(p, c)
    low = s.view(numpy.uint64) & _LOW29
    risky = (low == _HALF29) | (numpy.abs(s) < _FLOAT32_TINY)
    if risky.any():
        at = numpy.nonzero(risky)
        cc = numpy.broadcast_to(c, s.shape)[at]
        s[at] = _round_to_odd(*_two_sum(p[at], cc))
    return s.astype(numpy.float32)


_LOW29 = numpy.uint64((1 << 29) - 1)  # float64 significand bits below float32's
_HALF29 = numpy.uint64(1 << 28)  # ... set to exactly half a float32 ulp
_FLOAT32_TINY = 2.0**-126


def _split(a):
    """Veltkamp split: a == hi + lo with both halves of at most 26 significant bits."""
    t = a * 134217729.0  # 2**27 + 1
    hi = t - (t - a)
    return hi, a - hi


def _two_product(a, b):
    """p = a * b rounded and its exact error (Dekker), elementwise, for finite non-huge values."""
    p = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    e = ((ah * bh - p) + ah * bl + al * bh) + al * bl
    return p, e


def fma64(a, b, c):
    """float64 fma(a, b, c), as C's std::fma: a*b = p + e exactly, then the three-term sum
    p + e + c correctly rounded (two exact additions, one rounded to odd, one final rounding)."""
    a = numpy.asarray(a, numpy.float64)
    p, e = _two_product(a, numpy.broadcast_to(numpy.asarray(b, numpy.float64), a.shape))
    c = numpy.broadcast_to(numpy.asarray(c, numpy.float64), a.shape)
    uh, ul = _two_sum(e, c)
    th, tl = _two_sum(p, uh)
    v, verr = _two_sum(tl, ul)
    return th + _round_to_odd(v, verr)
