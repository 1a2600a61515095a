"""The gamma family, written with xp arithmetic only: lgamma, digamma, polygamma.

All three compute in float64 (float32 and float16 inputs are rounded back) from the textbook
pieces: the recurrence Gamma(x + 1) = x Gamma(x) to reach large arguments, Stirling's and the
Euler-Maclaurin expansions there (their coefficients derived from the Bernoulli numbers below),
and the reflection formulas for negative arguments. Where torch's own kernels give a particular
answer at a pole or an infinity (digamma(-0.0) = +inf, polygamma(2, inf) = nan, trigamma near
negative integers), the same answer is given.
"""

import math

from numtorch._ops.registry import INT_TO_FLOAT, REGISTRY, apply, apply_inplace, op, public
from numtorch._ops.unary import no_kernel, quiet

# The Bernoulli numbers B_2, B_4, ..., B_24 as (numerator, denominator), keyed by index (a
# table: deriving them with Fractions at import took ~20 ms). Each coefficient below is one
# exact integer quotient, which Python rounds correctly.
_B = {
    2 * k: pair
    for k, pair in enumerate(
        [
            (1, 6),
            (-1, 30),
            (1, 42),
            (-1, 30),
            (5, 66),
            (-691, 2730),
            (7, 6),
            (-3617, 510),
            (43867, 798),
            (-174611, 330),
            (854513, 138),
            (-236364091, 2730),
        ],
        1,
    )
}


def _bernoulli_over(n, divisor):
    """B_n / divisor, rounded once to a float."""
    numerator, denominator = _B[n]
    return numerator / (denominator * divisor)


# Stirling: lgamma(z) ~ (z - 1/2) log z - z + log(2 pi)/2 + sum B_2k / (2k (2k - 1) z^(2k - 1))
_STIRLING = [_bernoulli_over(2 * k, 2 * k * (2 * k - 1)) for k in range(1, 8)]
# digamma(z) ~ log z - 1/(2z) - sum B_2k / (2k z^2k)
_DIGAMMA = [_bernoulli_over(2 * k, 2 * k) for k in range(1, 8)]
# Euler-Maclaurin for sum_j (a + j)^-s: B_2k / (2k)! s (s + 1) ... (s + 2k - 2) a^(-s - 2k + 1)
_EULER_MACLAURIN = [_bernoulli_over(2 * k, math.factorial(2 * k)) for k in range(1, 13)]
_HALF_LOG_TWO_PI = 0.5 * math.log(2.0 * math.pi)
_LARGE = 10.0
_MAX_TERMS = 100000


def _poly(coefficients, z):
    """coefficients[0] + coefficients[1] z + coefficients[2] z^2 + ... (Horner)."""
    result = z * coefficients[-1]
    for c in reversed(coefficients[1:-1]):
        result += c
        result *= z
    result += coefficients[0]
    return result


def _sin_pi(xp, x):
    """sin(pi x), reduced to |r| <= 1/2 first so that it is accurate near every integer."""
    r = x - 2.0 * xp.round(x / 2.0)
    r = xp.where(r > 0.5, 1.0 - r, xp.where(r < -0.5, -1.0 - r, r))
    return xp.sin(math.pi * r)


def _lgamma_positive(xp, x):
    """log Gamma(x) for x > 0 (absolute error ~1e-15 near its zeros at 1 and 2)."""
    product = xp.ones_like(x)
    for _ in range(int(_LARGE)):
        below = x < _LARGE
        product = xp.where(below, product * x, product)
        x = xp.where(below, x + 1.0, x)
    # (x - 1/2) log x - x written so that x = inf gives inf, not inf - inf
    stirling = (x - 0.5) * (xp.log(x) - 1.0) + (_HALF_LOG_TWO_PI - 0.5)
    u = 1.0 / x
    return stirling + u * _poly(_STIRLING, u * u) - xp.log(product)


def _lgamma(xp, x):
    positive = _lgamma_positive(xp, xp.where(x > 0, x, 1.0 - x))
    reflected = math.log(math.pi) - xp.log(xp.abs(_sin_pi(xp, x))) - positive
    result = xp.where(x > 0, positive, reflected)
    return xp.where(xp.isinf(x), math.inf, result)


def _digamma_positive(xp, x):
    shift = xp.zeros_like(x)
    for _ in range(int(_LARGE)):
        below = x < _LARGE
        shift = xp.where(below, shift + 1.0 / x, shift)
        x = xp.where(below, x + 1.0, x)
    w = 1.0 / (x * x)
    return xp.log(x) - 0.5 / x - w * _poly(_DIGAMMA, w) - shift


def _digamma(xp, x):
    positive = _digamma_positive(xp, xp.where(x < 0, 1.0 - x, x))
    fraction = x - xp.trunc(x)
    result = xp.where(x < 0, positive - math.pi / xp.tan(math.pi * fraction), positive)
    # torch: -inf at +0, +inf at -0 (the sign of the pole's side), nan at negative integers
    result = xp.where(x == 0, xp.copysign(math.inf, -x), result)
    return xp.where((x < 0) & (fraction == 0), math.nan, result)


def _trigamma(xp, x):
    # torch reflects below 1/2 with sin(pi x) unreduced, so near negative integers the pole
    # shows as a huge finite value; the same formula gives the same numbers.
    low = x < 0.5
    sine = xp.sin(math.pi * x)
    acc = xp.where(low, -(math.pi**2) / (sine * sine), 0.0)
    z = xp.where(low, 1.0 - x, x)
    for _ in range(6):
        acc = acc + 1.0 / (z * z)
        z = z + 1.0
    inv2 = 1.0 / (z * z)
    acc = acc + (1.0 + 0.5 / z + inv2 * (1.0 / 6.0 - inv2 * (1.0 / 30.0 - inv2 / 42.0))) / z
    return xp.where(low, -acc, acc)


def _hurwitz_zeta(xp, s, q):
    """sum over j >= 0 of (q + j)^-s for an integer s >= 3: terms summed directly until q + j
    passes 9 (ten terms at least), the rest by Euler-Maclaurin. Like torch's, the direct sum
    walks up from a negative q one term at a time; below -_MAX_TERMS numtorch gives nan rather
    than take that long."""
    total = xp.zeros_like(q)
    a = q.copy()
    pole = (q <= 0) & (q == xp.floor(q))
    too_low = q < -_MAX_TERMS
    summed = q[xp.isfinite(q) & ~pole & ~too_low]
    lowest = float(summed.min()) if summed.size else 0.0
    for j in range(max(10, int(math.ceil(10.0 - lowest)))):
        active = (a <= 9.0) | (j < 10)
        total += xp.where(active, a**-s, 0.0)
        a = xp.where(active, a + 1.0, a)
    power = a**-s
    tail = a * power / (s - 1.0) + 0.5 * power
    rising = float(s)
    inv2 = 1.0 / (a * a)
    term = power / a
    for k, coefficient in enumerate(_EULER_MACLAURIN):
        tail += coefficient * rising * term
        rising *= (s + 2 * k + 1) * (s + 2 * k + 2)
        term = term * inv2
    result = xp.where(too_low, math.nan, total + tail)
    result = xp.where(pole, math.inf, result)
    return xp.where(q == math.inf, math.nan, result)


def _polygamma_array(xp, x, n):
    if n == 0:
        return _digamma(xp, x)
    if n == 1:
        return _trigamma(xp, x)
    sign = 1.0 if n % 2 else -1.0
    return sign * math.factorial(n) * _hurwitz_zeta(xp, n + 1, x)


def _in_float64(compute, input):
    return compute(input.astype("float64")).astype(input.dtype, copy=False)


# ---------------------------------------------------------------- the ops


@op(grad_fn="LgammaBackward0", promote=INT_TO_FLOAT, inplace=True)
@quiet
def lgamma(xp, input):
    """Same as `torch.lgamma`: log |Gamma(input)|."""
    if input.dtype.kind == "c":
        raise no_kernel(xp, "lgamma_vml", input)
    return _in_float64(lambda x: _lgamma(xp, x), input)


@lgamma.backward
def _(grad, *, needs, self):
    return grad * self.digamma()


@op(grad_fn="DigammaBackward0", promote=INT_TO_FLOAT, inplace=True)
@quiet
def digamma(xp, input):
    """Same as `torch.digamma`: the logarithmic derivative of Gamma."""
    if input.dtype.kind == "c":
        raise no_kernel(xp, "digamma", input, device=False)
    return _in_float64(lambda x: _digamma(xp, x), input)


@digamma.backward
def _(grad, *, needs, self):
    return grad * polygamma(1, self)


@quiet
def _polygamma_forward(xp, input, *, n):
    if input.dtype.kind == "c":
        kernel = {0: "digamma", 1: "trigamma"}.get(n, "polygamma")
        raise no_kernel(xp, kernel, input, device=False)
    return _in_float64(lambda x: _polygamma_array(xp, x, n), input)


def _polygamma_backward(grad, *, needs, self, n):
    return grad * polygamma(n + 1, self)


for _name, _grad_fn in (("polygamma", "PolygammaBackward0"), ("polygamma_", "PolygammaBackward1")):
    op(_name, grad_fn=_grad_fn, promote=INT_TO_FLOAT, function=False, method=False)(
        _polygamma_forward
    ).backward(_polygamma_backward)


def _order(n):
    if hasattr(n, "dim") and n.dim() == 0 and not n.dtype.is_floating_point:
        n = n.item()
    if type(n) is not int:
        raise TypeError(
            f"polygamma(): argument 'n' (position 1) must be int, not {type(n).__name__}"
        )
    if n < 0:
        raise RuntimeError("polygamma(n, x) does not support negative n.")
    return n


@public()
def polygamma(n, input, *, out=None):
    """Same as `torch.polygamma`: the n-th derivative of digamma."""
    return apply(REGISTRY["polygamma"], (input,), {"n": _order(n)}, out)


@public("polygamma", function=False, method=True)
def _polygamma_method(self, n):
    return apply(REGISTRY["polygamma"], (self,), {"n": _order(n)})


@public("polygamma_", function=False, method=True)
def _polygamma_inplace(self, n):
    return apply_inplace(REGISTRY["polygamma_"], (self,), {"n": _order(n)})
