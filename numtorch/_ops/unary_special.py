"""Special functions NumPy lacks, written with xp arithmetic only: erf, erfc, erfinv.

erf and erfc use W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
approximations for the error function", Math. Comp. 23, 1969), accurate to float64 roundoff;
erfinv refines a closed-form estimate with Halley steps on erf (or on erfc in the tails, where
1 - |y| is exact). float32 and float16 inputs are computed in float64 and rounded.
"""

import math

from numtorch._ops.registry import INT_TO_FLOAT, op
from numtorch._ops.unary import no_kernel, quiet

_SMALL, _MEDIUM, _HUGE = 0.46875, 4.0, 40.0
_RSQRT_PI = 1.0 / math.sqrt(math.pi)
_TWO_RSQRT_PI = 2.0 / math.sqrt(math.pi)

# erf(x) = x P(x^2) / Q(x^2) for |x| <= 0.46875 (highest degree first)
_P_SMALL = (
    1.85777706184603153e-1,
    3.16112374387056560e00,
    1.13864154151050156e02,
    3.77485237685302021e02,
    3.20937758913846947e03,
)
_Q_SMALL = (
    1.0,
    2.36012909523441209e01,
    2.44024637934444173e02,
    1.28261652607737228e03,
    2.84423683343917062e03,
)
# erfc(x) = exp(-x^2) P(x) / Q(x) for 0.46875 < x <= 4
_P_MEDIUM = (
    2.15311535474403846e-8,
    5.64188496988670089e-1,
    8.88314979438837594e00,
    6.61191906371416295e01,
    2.98635138197400131e02,
    8.81952221241769090e02,
    1.71204761263407058e03,
    2.05107837782607147e03,
    1.23033935479799725e03,
)
_Q_MEDIUM = (
    1.0,
    1.57449261107098347e01,
    1.17693950891312499e02,
    5.37181101862009858e02,
    1.62138957456669019e03,
    3.29079923573345963e03,
    4.36261909014324716e03,
    3.43936767414372164e03,
    1.23033935480374942e03,
)
# erfc(x) = exp(-x^2) / x (1/sqrt(pi) - z P(z) / Q(z)), z = 1/x^2, for x > 4
_P_LARGE = (
    1.63153871373020978e-2,
    3.05326634961232344e-1,
    3.60344899949804439e-1,
    1.25781726111229246e-1,
    1.60837851487422766e-2,
    6.58749161529837803e-4,
)
_Q_LARGE = (
    1.0,
    2.56852019228982242e00,
    1.87295284992346725e00,
    5.27905102951428412e-1,
    6.05183413124413191e-2,
    2.33520497626869185e-3,
)


def _horner(coefficients, x):
    """coefficients[0] x^n + ... + coefficients[n], in place on one temporary."""
    result = x * coefficients[0]
    result += coefficients[1]
    for c in coefficients[2:]:
        result *= x
        result += c
    return result


def _exp_minus_square(xp, x):
    """exp(-x^2) without the rounding error of x*x: x^2 = hi + lo exactly (Veltkamp's split of
    x into halves of 26 bits), then exp(-hi) (1 - lo), as |lo| <= 2^-53 hi."""
    c = x * 134217729.0  # 2^27 + 1
    head = c - (c - x)
    tail = x - head
    hi = x * x
    lo = head * head - hi
    lo += 2.0 * head * tail
    lo += tail * tail
    return xp.exp(-hi) * (1.0 - lo)


def _erfc_tail(xp, y):
    """erfc(y) for y > 0.46875 (nan stays nan): each interval computed on its own elements."""
    out = xp.empty_like(y)
    medium = y <= _MEDIUM
    ym = y[medium]
    out[medium] = _exp_minus_square(xp, ym) * _horner(_P_MEDIUM, ym) / _horner(_Q_MEDIUM, ym)
    large = ~medium
    yl = xp.minimum(y[large], _HUGE)
    z = 1.0 / (yl * yl)
    series = _RSQRT_PI - z * _horner(_P_LARGE, z) / _horner(_Q_LARGE, z)
    out[large] = _exp_minus_square(xp, yl) * series / yl
    return out


def _erf_erfc(xp, x):
    """(erf(x), erfc(x)) in float64, both accurate to a few ulps over the whole line."""
    erf, erfc = xp.empty_like(x), xp.empty_like(x)
    small = xp.abs(x) <= _SMALL
    xs = x[small]
    z = xs * xs
    near = xs * _horner(_P_SMALL, z) / _horner(_Q_SMALL, z)
    erf[small] = near
    erfc[small] = 1.0 - near
    tail = ~small  # nan included: it stays nan through the tail formulas
    xt = x[tail]
    complement = _erfc_tail(xp, xp.abs(xt))
    erf[tail] = xp.copysign((0.5 - complement) + 0.5, xt)
    erfc[tail] = xp.where(xt < 0, 2.0 - complement, complement)
    return erf, erfc


def _in_float64(xp, input, compute):
    """compute(float64 array), rounded back to input's dtype."""
    return compute(input.astype("float64")).astype(input.dtype, copy=False)


@op(grad_fn="ErfBackward0", promote=INT_TO_FLOAT, inplace=True)
@quiet
def erf(xp, input):
    """Same as `torch.erf`: the error function."""
    if input.dtype.kind == "c":
        raise no_kernel(xp, "erf_vml", input)
    return _in_float64(xp, input, lambda x: _erf_erfc(xp, x)[0])


@erf.backward
def _(grad, *, needs, self):
    return grad * (-self * self).exp() * _TWO_RSQRT_PI


@op(grad_fn="ErfcBackward0", promote=INT_TO_FLOAT, inplace=True)
@quiet
def erfc(xp, input):
    """Same as `torch.erfc`: 1 - erf(input), accurate where erf is close to 1."""
    if input.dtype.kind == "c":
        raise no_kernel(xp, "erfc_vml", input)
    return _in_float64(xp, input, lambda x: _erf_erfc(xp, x)[1])


@erfc.backward
def _(grad, *, needs, self):
    return grad * (-self * self).exp() * -_TWO_RSQRT_PI


def _erfinv(xp, y):
    a = xp.abs(y)
    # Start: the series a sqrt(pi)/2 (1 + pi a^2 / 12) near 0, else Winitzki's closed form
    # (relative error below 2e-3); two Halley steps (cubic convergence) reach float64 roundoff.
    log_term = xp.log((1.0 - a) * (1.0 + a))
    k = 0.147
    t = 2.0 / (math.pi * k) + log_term / 2.0
    start = xp.sqrt(xp.sqrt(t * t - log_term / k) - t)
    series = a * (math.sqrt(math.pi) / 2.0) * (1.0 + (math.pi / 12.0) * a * a)
    x = xp.where(a < 0.01, series, start)
    x = xp.where(a < 1.0, x, 1.0)
    # In the tails solve erfc(x) = 1 - a: 1 - a is exact there, erf(x) - a would cancel.
    tail = a > 0.5
    q = 1.0 - a
    for _ in range(2):
        erf, erfc = _erf_erfc(xp, x)
        residual = xp.where(tail, q - erfc, erf - a)
        slope = _TWO_RSQRT_PI * _exp_minus_square(xp, x)
        x = x - residual / (slope + x * residual)
    x = xp.where(a == 1.0, math.inf, xp.where(a > 1.0, math.nan, x))
    return xp.where((a == 0.0) | xp.isnan(a), y, xp.copysign(x, y))


@op(grad_fn="ErfinvBackward0", promote=INT_TO_FLOAT, inplace=True)
@quiet
def erfinv(xp, input):
    """Same as `torch.erfinv`: the inverse of erf on (-1, 1); +-inf at +-1, nan outside."""
    if input.dtype.kind == "c":
        raise no_kernel(xp, "erfinv_vml", input)
    return _in_float64(xp, input, lambda y: _erfinv(xp, y))


@erfinv.backward
def _(grad, *, needs, self):
    root = self.erfinv()
    return grad * (root * root).exp() * (math.sqrt(math.pi) / 2.0)
