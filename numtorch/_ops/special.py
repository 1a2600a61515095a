"""torch.special's own ops: entr (SpecialEntrBackward0), xlog1py (SpecialXlog1PyBackward0),
mvlgamma / multigammaln (MvlgammaBackward0) and ndtr (a composite, as torch's graph shows).
The aliases of existing ops are bound in numtorch/special.py."""

import math

from numtorch._ops.registry import INT_TO_FLOAT, REGISTRY, apply, op, public
from numtorch._ops.unary import no_kernel, quiet
from numtorch._ops.unary_gamma import _lgamma

# ---------------------------------------------------------------- entr


@op(
    "special_entr",
    grad_fn="SpecialEntrBackward0",
    promote=INT_TO_FLOAT,
    function=False,
    method=False,
)
@quiet
def _entr(xp, input):
    """-x log x for x > 0, 0 at 0, -inf below 0 (nan stays nan)."""
    if input.dtype.kind == "c":
        raise no_kernel(xp, "entr", input)
    safe = xp.where(input > 0, input, 1)
    out = xp.where(input > 0, -input * xp.log(safe), xp.where(input == 0, 0, -xp.inf))
    return xp.where(xp.isnan(input), input, out).astype(input.dtype)


@_entr.backward
def _(grad, *, needs, self):
    return grad * -(1 + self.log())


def entr(input, *, out=None):
    """Same as `torch.special.entr`."""
    return apply(REGISTRY["special_entr"], (input,), {}, out)


# ---------------------------------------------------------------- xlog1py


@op(
    "special_xlog1py",
    grad_fn="SpecialXlog1PyBackward0",
    promote=INT_TO_FLOAT,
    function=False,
    method=False,
)
@quiet
def _xlog1py(xp, input, other):
    """x * log1p(y), 0 where x is 0 (unless y is nan)."""
    out = xp.where(input == 0, 0, input * xp.log1p(other))
    return xp.where(xp.isnan(other), other, out).astype(xp.result_type(input, other))


@_xlog1py.backward
def _(grad, *, needs, self, other):
    import numtorch

    g_self = None
    if needs[0]:
        g_self = grad * numtorch.where(self == 0, 0, other.log1p())
    return g_self, grad * self / (other + 1) if needs[1] else None


def xlog1py(input, other, *, out=None):
    """Same as `torch.special.xlog1py`."""
    return apply(REGISTRY["special_xlog1py"], (input, other), {}, out)


# ---------------------------------------------------------------- mvlgamma


@op("mvlgamma", grad_fn="MvlgammaBackward0", promote=INT_TO_FLOAT, function=False, method=False)
@quiet
def _mvlgamma(xp, input, *, p):
    """log of the multivariate gamma function of dimension p."""
    x = input.astype("float64")
    total = xp.full(x.shape, p * (p - 1) / 4 * math.log(math.pi))
    for j in range(p):
        total = total + _lgamma(xp, x - j / 2)
    return total.astype(input.dtype)


@_mvlgamma.backward
def _(grad, *, needs, self, p):
    shifts = sum(self.digamma() if j == 0 else (self - j / 2).digamma() for j in range(p))
    return grad * shifts


def _check_p(p):
    if p < 1:
        raise RuntimeError("p has to be greater than or equal to 1")


@public(method=True)
def mvlgamma(input, p, *, out=None):
    """Same as `torch.mvlgamma` (torch.special.multigammaln)."""
    _check_p(p)
    return apply(REGISTRY["mvlgamma"], (input,), {"p": p}, out)


def multigammaln(input, p, *, out=None):
    """Same as `torch.special.multigammaln`."""
    return mvlgamma(input, p, out=out)


# ---------------------------------------------------------------- ndtr


def ndtr(input, *, out=None):
    """Same as `torch.special.ndtr`: (1 + erf(x / sqrt(2))) / 2, torch's graph."""
    import numtorch

    if input.dtype.category < numtorch.float32.category:
        input = input.to(numtorch.get_default_dtype())
    from numtorch._ops.nn_misc import add_number, mul_number

    result = mul_number(add_number(mul_number(input, 1 / math.sqrt(2)).erf(), 1), 0.5)
    return result if out is None else out.copy_(result)
