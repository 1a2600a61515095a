"""Unary float functions: reciprocal, square, roots, exp2/expm1, logarithms, trigonometric and
hyperbolic functions and their inverses, sinc, deg2rad/rad2deg, logit.

Bool and integer inputs compute in the default float dtype (torch's INT_TO_FLOAT rule); float16
computes in float32 and is rounded once, inside the forward (NumPy's half loops do the same for
single ufuncs), so that overflow to inf stays silent. Backward formulas conjugate the derivative, so complex inputs
get torch's gradients too. Signs and rounding are in unary.py, erf & co in unary_special.py.
"""

import math

from numtorch import _dtype
from numtorch._ops.registry import (
    DEFAULT,
    FUNCTIONS,
    INT_TO_FLOAT,
    METHODS,
    REGISTRY,
    apply_inplace,
    op,
    public,
)
from numtorch._ops.unary import alias, no_kernel, quiet

_LN2 = math.log(2.0)
_LN10 = math.log(10.0)


def _float_op(grad_fn, **kwargs):
    """@op for a function computed in floating point (ints and bool promote to float)."""
    return op(grad_fn=grad_fn, promote=INT_TO_FLOAT, inplace=True, **kwargs)


def _above_half(compute, input, *args):
    """compute(input, *args) with float16 widened to float32, rounded back once at the end."""
    if input.dtype.itemsize == 2 and _dtype.np_kind(input.dtype) == "f":
        wide = [a.astype("float32") if hasattr(a, "dtype") else a for a in args]
        return compute(input.astype("float32"), *wide).astype(input.dtype)
    return compute(input, *args)


# ---------------------------------------------------------------- powers and roots


@_float_op("ReciprocalBackward0")
@quiet
def reciprocal(xp, input):
    """Same as `torch.reciprocal`: 1 / input."""
    return xp.reciprocal(input)


@reciprocal.backward
def _(grad, *, needs, result):
    return -grad * (result * result).conj()


@public(method=True)
def square(input, *, out=None):
    """Same as `torch.square`: input ** 2 (torch's graph shows PowBackward0; bool gives int64)."""
    return FUNCTIONS["pow"](input, 2, out=out)


@public("square_", function=False, method=True)
def _square_(self):
    return self.pow_(2)


@_float_op("SqrtBackward0")
@quiet
def sqrt(xp, input):
    """Same as `torch.sqrt`."""
    return xp.sqrt(input)


@sqrt.backward
def _(grad, *, needs, result):
    return grad / (result.conj() * 2)


@_float_op("RsqrtBackward0")
@quiet
def rsqrt(xp, input):
    """Same as `torch.rsqrt`: 1 / sqrt(input)."""
    return _above_half(lambda x: xp.reciprocal(xp.sqrt(x)), input)


@rsqrt.backward
def _(grad, *, needs, result):
    return grad * (result * result * result).conj() * -0.5


# ---------------------------------------------------------------- exponentials and logarithms


@_float_op("Exp2Backward0")
@quiet
def exp2(xp, input):
    """Same as `torch.exp2`: 2 ** input."""
    return xp.exp2(input)


@exp2.backward
def _(grad, *, needs, result):
    return grad * result.conj() * _LN2


@_float_op("Expm1Backward0")
@quiet
def expm1(xp, input):
    """Same as `torch.expm1`: exp(input) - 1, accurate near 0."""
    return xp.expm1(input)


@expm1.backward
def _(grad, *, needs, result):
    return grad * (result.conj() + 1)


@_float_op("LogBackward0")
@quiet
def log(xp, input):
    """Same as `torch.log`."""
    return xp.log(input)


@log.backward
def _(grad, *, needs, self):
    return grad / self.conj()


@_float_op("Log2Backward0")
@quiet
def log2(xp, input):
    """Same as `torch.log2`."""
    return xp.log2(input)


@log2.backward
def _(grad, *, needs, self):
    return grad / (self.conj() * _LN2)


@_float_op("Log10Backward0")
@quiet
def log10(xp, input):
    """Same as `torch.log10`."""
    return xp.log10(input)


@log10.backward
def _(grad, *, needs, self):
    return grad / (self.conj() * _LN10)


@_float_op("Log1PBackward0")
@quiet
def log1p(xp, input):
    """Same as `torch.log1p`: log(1 + input), accurate near 0."""
    return xp.log1p(input)


@log1p.backward
def _(grad, *, needs, self):
    return grad / (self.conj() + 1)


# ---------------------------------------------------------------- trigonometric


@_float_op("SinBackward0")
@quiet
def sin(xp, input):
    """Same as `torch.sin`."""
    return xp.sin(input)


@sin.backward
def _(grad, *, needs, self):
    return grad * self.cos().conj()


@_float_op("CosBackward0")
@quiet
def cos(xp, input):
    """Same as `torch.cos`."""
    return xp.cos(input)


@cos.backward
def _(grad, *, needs, self):
    return grad * -self.sin().conj()


@_float_op("TanBackward0")
@quiet
def tan(xp, input):
    """Same as `torch.tan`."""
    return xp.tan(input)


@tan.backward
def _(grad, *, needs, result):
    return grad * (result * result + 1).conj()


@_float_op("AsinBackward0")
@quiet
def asin(xp, input):
    """Same as `torch.asin`."""
    return xp.arcsin(input)


@asin.backward
def _(grad, *, needs, self):
    return grad * (-self * self + 1).rsqrt().conj()


@_float_op("AcosBackward0")
@quiet
def acos(xp, input):
    """Same as `torch.acos`."""
    return xp.arccos(input)


@acos.backward
def _(grad, *, needs, self):
    return grad * -(-self * self + 1).rsqrt().conj()


@_float_op("AtanBackward0")
@quiet
def atan(xp, input):
    """Same as `torch.atan`."""
    return xp.arctan(input)


@atan.backward
def _(grad, *, needs, self):
    return grad / (self * self + 1).conj()


# ---------------------------------------------------------------- hyperbolic


@_float_op("SinhBackward0")
@quiet
def sinh(xp, input):
    """Same as `torch.sinh`."""
    return xp.sinh(input)


@sinh.backward
def _(grad, *, needs, self):
    return grad * self.cosh().conj()


@_float_op("CoshBackward0")
@quiet
def cosh(xp, input):
    """Same as `torch.cosh`."""
    return xp.cosh(input)


@cosh.backward
def _(grad, *, needs, self):
    return grad * self.sinh().conj()


@_float_op("AsinhBackward0")
@quiet
def asinh(xp, input):
    """Same as `torch.asinh`."""
    return xp.arcsinh(input)


@asinh.backward
def _(grad, *, needs, self):
    return grad * (self * self + 1).rsqrt().conj()


@_float_op("AcoshBackward0")
@quiet
def acosh(xp, input):
    """Same as `torch.acosh`."""
    return xp.arccosh(input)


@acosh.backward
def _(grad, *, needs, self):
    return grad * (self * self - 1).rsqrt().conj()


@_float_op("AtanhBackward0")
@quiet
def atanh(xp, input):
    """Same as `torch.atanh`."""
    return xp.arctanh(input)


@atanh.backward
def _(grad, *, needs, self):
    return grad / (-self * self + 1).conj()


def _inplace_without_derivative(name):
    """torch has no derivative for asinh_/acosh_/atanh_: their grad_fn (<Name>Backward1) raises
    when backward reaches it."""
    message = f"the derivative for 'inplace version of {name}' is not implemented."
    declared = op(
        name + "_inplace",
        grad_fn=name.capitalize() + "Backward1",
        promote=INT_TO_FLOAT,
        function=False,
        method=False,
    )(REGISTRY[name].forward)

    @declared.backward
    def _(grad, *, needs):
        raise NotImplementedError(message)

    def inplace(self):
        return apply_inplace(declared.opdef, (self,), {})

    inplace.__name__ = name + "_"
    inplace.__doc__ = f"Same as `Tensor.{name}_`."
    METHODS[name + "_"] = inplace


for _name in ("asinh", "acosh", "atanh"):
    _inplace_without_derivative(_name)
for _name in ("sin", "cos", "tan", "sinh", "cosh", "tanh"):
    alias("arc" + _name, "a" + _name)


# ---------------------------------------------------------------- sinc, angles, logit


@_float_op("SincBackward0")
@quiet
def sinc(xp, input):
    """Same as `torch.sinc`: sin(pi x) / (pi x), 1 at 0."""

    def compute(x):
        scaled = x * x.dtype.type(math.pi)
        zero = x == 0
        return xp.where(zero, 1, xp.sin(scaled) / xp.where(zero, 1, scaled)).astype(x.dtype)

    return _above_half(compute, input)


@sinc.backward
def _(grad, *, needs, self):
    # (pi x cos(pi x) - sin(pi x)) / (pi x^2), evaluated at 1 where x == 0 and then zeroed,
    # so that the masked-out branch stays finite for double backward too. |x|.sign() is the
    # 0/1 mask "x != 0" (nan gives 0, but nan propagates through the formula anyway).
    nonzero = self.abs().sign()
    safe = self + (-nonzero + 1)
    scaled = safe * math.pi
    slope = (scaled * scaled.cos() - scaled.sin()) / (scaled * safe)
    return grad * slope.conj() * nonzero


def _angle_op(name, grad_fn, factor):
    def forward(xp, input):
        if input.dtype.kind == "c":
            raise RuntimeError(f"{name} is not supported for complex tensors.")
        return _above_half(lambda x: x * x.dtype.type(factor), input)

    forward.__name__ = name
    forward.__doc__ = f"Same as `torch.{name}`."
    declared = op(name, grad_fn=grad_fn, promote=INT_TO_FLOAT, inplace=True)(quiet(forward))
    declared.backward(lambda grad, *, needs: grad * factor)
    return declared


deg2rad = _angle_op("deg2rad", "Deg2RadBackward0", math.pi / 180.0)
rad2deg = _angle_op("rad2deg", "Rad2DegBackward0", 180.0 / math.pi)


@_float_op("LogitBackward0", signature="input, eps=None")
@quiet
def logit(xp, input, *, eps=None):
    """Same as `torch.logit`: log(p / (1 - p)), p clamped to [eps, 1 - eps] when eps is given."""
    if input.dtype.kind == "c":
        raise no_kernel(xp, "logit", input)

    bounds = _eps_bounds(input, eps)

    def compute(x):
        if bounds is not None:
            x = xp.clip(x, *bounds)
        return xp.log(x / (1 - x))

    return _above_half(compute, input)


def _eps_bounds(input, eps):
    """(eps, 1 - eps) rounded to input's dtype, as torch computes them (float16 included)."""
    if eps is None:
        return None
    lo = input.dtype.type(eps)
    return lo, input.dtype.type(1) - lo


@logit.backward
def _(grad, *, needs, self, eps):
    return _logit_backward(grad, self, eps=eps)


@op(
    "logit_backward",
    grad_fn="LogitBackwardBackward0",
    promote=DEFAULT,
    function=False,
    method=False,
    input_names=("grad_output", "self"),
)
@quiet
def _logit_backward(xp, grad_output, input, *, eps=None):
    """grad / (p (1 - p)); outside [eps, 1 - eps] 0, or nan outside [0, 1] without eps."""

    bounds = _eps_bounds(input, eps)

    def compute(p, g):
        slope = g / (p * (1 - p))
        if bounds is None:
            return xp.where((p < 0) | (p > 1), math.nan, slope)
        return xp.where((p < bounds[0]) | (p > bounds[1]), 0, slope)

    return _above_half(compute, input, grad_output)


@_logit_backward.backward
def _(grad, *, needs, grad_output, self, eps):
    # d/dp [g / (p (1 - p))] = g (2p - 1) / (p (1 - p))^2: two masked divisions by p (1 - p).
    d_grad = _logit_backward(grad, self, eps=eps) if needs[0] else None
    d_self = None
    if needs[1]:
        inner = _logit_backward(grad * grad_output * (self * 2 - 1), self, eps=eps)
        d_self = _logit_backward(inner, self, eps=eps)
    return d_grad, d_self
