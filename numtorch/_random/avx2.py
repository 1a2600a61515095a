"""torch's float32 normal kernel on x86: Box-Muller over 16-lane blocks with the Cephes log and
sincos of `avx_mathfun.h`, replayed operation by operation in float32 NumPy arithmetic.

Every step is an IEEE float32 operation (add, sub, mul, sqrt: NumPy rounds each exactly as the
AVX2 instruction does) or a fused multiply-add (`fma32`, one rounding) where torch's build fuses.
"""

import numpy

from numtorch._random.fused import fma32

_f = numpy.float32
_MIN_NORMAL = _f(1.17549435e-38)
_SQRT_HALF = _f(0.707106781186547524)
_LOG_POLY = [
    _f(c)
    for c in (
        7.0376836292e-2,
        -1.1514610310e-1,
        1.1676998740e-1,
        -1.2420140846e-1,
        1.4249322787e-1,
        -1.6668057665e-1,
        2.0000714765e-1,
        -2.4999993993e-1,
        3.3333331174e-1,
    )
]
_LOG_Q1 = _f(-2.12194440e-4)
_LOG_Q2 = _f(0.693359375)
_FOUR_OVER_PI = _f(1.27323954473516)
_DP = (_f(-0.78515625), _f(-2.4187564849853515625e-4), _f(-3.77489497744594108e-8))
_COS_POLY = (_f(2.443315711809948e-5), _f(-1.388731625493765e-3), _f(4.166664568298827e-2))
_SIN_POLY = (_f(-1.9515295891e-4), _f(8.3321608736e-3), _f(-1.6666654611e-1))
_HALF = _f(0.5)
_ONE = _f(1.0)
_TWO_PI = _f(2.0 * numpy.pi)
_MINUS_TWO = _f(-2.0)
_SIGN = numpy.uint32(0x80000000)


def log_ps(x):
    """Cephes natural log of positive float32 values, as `log256_ps`."""
    x = numpy.maximum(x, _MIN_NORMAL)
    bits = x.view(numpy.uint32)
    e = ((bits >> numpy.uint32(23)).astype(numpy.int32) - 127).astype(numpy.float32) + _ONE
    m = ((bits & numpy.uint32(0x807FFFFF)) | numpy.uint32(0x3F000000)).view(numpy.float32)
    small = m < _SQRT_HALF
    e = e - small.astype(numpy.float32)
    x = (m - _ONE) + numpy.where(small, m, _f(0.0))
    z = x * x
    y = numpy.full_like(x, _LOG_POLY[0])
    for c in _LOG_POLY[1:]:
        y = fma32(y, x, c)
    y = y * x
    y = fma32(y, z, e * _LOG_Q1)
    y = fma32(-z, _HALF, y)
    x = x + y
    return fma32(e, _LOG_Q2, x)


def sincos_ps(x):
    """Cephes (sin, cos) of non-negative float32 values, as `sincos256_ps`."""
    j = (x * _FOUR_OVER_PI).astype(numpy.int32)
    j = (j + 1) & ~1
    y = j.astype(numpy.float32)
    for dp in _DP:
        x = fma32(y, dp, x)
    z = x * x
    c = fma32(fma32(_COS_POLY[0], z, _COS_POLY[1]), z, _COS_POLY[2])
    c = c * z
    c = fma32(c, z, -(_HALF * z)) + _ONE
    s = fma32(fma32(_SIN_POLY[0], z, _SIN_POLY[1]), z, _SIN_POLY[2])
    s = s * z
    s = fma32(s, x, x)
    swap = (j & 2) != 0
    sin = numpy.where(swap, c, s)
    cos = numpy.where(swap, s, c)
    sin_sign = ((j & 4) != 0).astype(numpy.uint32) * _SIGN
    cos_sign = ((~(j - 2) & 4) != 0).astype(numpy.uint32) * _SIGN
    sin = (sin.view(numpy.uint32) ^ sin_sign).view(numpy.float32)
    cos = (cos.view(numpy.uint32) ^ cos_sign).view(numpy.float32)
    return sin, cos


def normal_blocks(uniforms, mean, std):
    """Box-Muller over rows of 16 float32 uniforms (lane j pairs with j + 8), as
    `normal_fill_16_AVX2`; returns the (k, 16) normals `fma(n, std, mean)`."""
    d = uniforms.reshape(-1, 16)
    if d.shape[0] > _CHUNK_ROWS:  # a chunk's float64 temporaries stay in cache: about 3x faster
        return numpy.concatenate(
            [
                normal_blocks(d[i : i + _CHUNK_ROWS], mean, std)
                for i in range(0, len(d), _CHUNK_ROWS)
            ]
        )
    radius = numpy.sqrt(_MINUS_TWO * log_ps(_ONE - d[:, :8]))
    sin, cos = sincos_ps(_TWO_PI * d[:, 8:])
    out = numpy.empty(d.shape, numpy.float32)
    mean, std = _f(mean), _f(std)
    out[:, :8] = _scale(radius * cos, std, mean)
    out[:, 8:] = _scale(radius * sin, std, mean)
    return out


_CHUNK_ROWS = 4096  # 65536 uniforms per chunk


def _scale(n, std, mean):
    if std == 1 and mean == 0:
        return n
    return fma32(n, std, mean)
