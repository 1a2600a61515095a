"""Binary elementwise functions: atan2, hypot, maximum/minimum/fmax/fmin, copysign, xlogy, ldexp,
logaddexp, logaddexp2.

Arithmetic operators are in pointwise.py and division.py, powers in power.py,
clamp/lerp/addcmul/addcdiv in ternary.py.
"""

import math

from numtorch import _dtype
from numtorch._ops.operands import (
    array_dtype,
    bind_tensor_binary,
    invalid_combination,
    not_implemented,
)
from numtorch._ops.registry import (
    DEFAULT,
    INT_TO_FLOAT,
    REGISTRY,
    apply,
    apply_inplace,
    op,
    public,
)
from numtorch._tensor import Tensor


def _pow(base, exponent):
    from numtorch._ops.power import pow

    return pow(base, exponent)


def _where(condition, input, other):
    from numtorch._ops.logical import where

    return where(condition, input, other)


# ---------------------------------------------------------------- atan2, hypot


@op(
    "atan2",
    grad_fn="Atan2Backward0",
    promote=INT_TO_FLOAT,
    opmath=True,
    function=False,
    method=False,
)
def _atan2(xp, input, other):
    dt = array_dtype(input, other)
    if dt.kind == "c":
        raise not_implemented("atan2_cpu", dt)
    return xp.arctan2(input, other)


@_atan2.backward
def _(grad, *, needs, self, other):
    recip = (self * self + other * other).reciprocal()
    return (
        grad * other * recip if needs[0] else None,
        grad * -self * recip if needs[1] else None,
    )


bind_tensor_binary("atan2", REGISTRY["atan2"], doc="Same as `torch.atan2`.")
bind_tensor_binary("arctan2", REGISTRY["atan2"], doc="Same as `torch.arctan2` (atan2).")


@op("hypot", grad_fn="HypotBackward0", promote=DEFAULT, function=False, method=False)
def _hypot(xp, input, other):
    dt = array_dtype(input, other)
    if _dtype.np_kind(dt) != "f":
        raise not_implemented("hypot_cpu", dt)
    return xp.hypot(input, other)


@_hypot.backward
def _(grad, *, needs, self, other, result):
    return (
        grad * self / result if needs[0] else None,
        grad * other / result if needs[1] else None,
    )


bind_tensor_binary("hypot", REGISTRY["hypot"], doc="Same as `torch.hypot`.")


# ---------------------------------------------------------------- maximum, minimum, fmax, fmin


def _extremum(name, kernel):
    def forward(xp, input, other):
        dt = array_dtype(input, other)
        if dt.kind == "c":
            raise RuntimeError(f"{name} not implemented for complex tensors.")
        return getattr(xp, kernel)(input, other)

    return forward


def _maximum_grads(grad, *, needs, self, other):
    shared = _where(self == other, grad / 2, grad)
    return (
        _where(self < other, 0.0, shared) if needs[0] else None,
        _where(self > other, 0.0, shared) if needs[1] else None,
    )


def _minimum_grads(grad, *, needs, self, other):
    shared = _where(self == other, grad / 2, grad)
    return (
        _where(self > other, 0.0, shared) if needs[0] else None,
        _where(self < other, 0.0, shared) if needs[1] else None,
    )


def _fmax_grads(grad, *, needs, self, other):
    to_self = (self >= other) | (other != other)
    return (
        _where(to_self, grad, 0.0) if needs[0] else None,
        _where(to_self, 0.0, grad) if needs[1] else None,
    )


def _fmin_grads(grad, *, needs, self, other):
    to_self = (self <= other) | (other != other)
    return (
        _where(to_self, grad, 0.0) if needs[0] else None,
        _where(to_self, 0.0, grad) if needs[1] else None,
    )


for _name, _grads in (
    ("maximum", _maximum_grads),
    ("minimum", _minimum_grads),
    ("fmax", _fmax_grads),
    ("fmin", _fmin_grads),
):
    _od = op(
        _name,
        grad_fn=_name.capitalize() + "Backward0",
        promote=DEFAULT,
        function=False,
        method=False,
    )(_extremum(_name, _name))
    _od.backward(_grads)
    bind_tensor_binary(_name, _od.opdef, inplace=False, doc=f"Same as `torch.{_name}`.")


# ---------------------------------------------------------------- copysign


def _copysign(xp, input, other):
    dt = array_dtype(input, other)
    if dt.kind == "c":
        raise not_implemented("copysign_cpu", dt)
    return xp.copysign(input, other)


def _copysign_self_grad(grad, self, result):
    ratio = _where(self == 0, 0.0, result / self)
    return grad * ratio


@op(
    "copysign_tensor",
    grad_fn="CopysignBackward0",
    promote=INT_TO_FLOAT,
    opmath=True,
    function=False,
    method=False,
)
def _copysign_tensor(xp, input, other):
    return _copysign(xp, input, other)


@_copysign_tensor.backward
def _(grad, *, needs, self, result):
    return (
        _copysign_self_grad(grad, self, result) if needs[0] else None,
        grad * 0 if needs[1] else None,
    )


@op(
    "copysign_scalar",
    grad_fn="CopysignBackward1",
    promote=INT_TO_FLOAT,
    opmath=True,
    function=False,
    method=False,
)
def _copysign_scalar(xp, input, other):
    return _copysign(xp, input, other)


@_copysign_scalar.backward
def _(grad, *, needs, self, result):
    return _copysign_self_grad(grad, self, result), None


def _copysign_opdef(other):
    return REGISTRY["copysign_tensor" if isinstance(other, Tensor) else "copysign_scalar"]


@public("copysign", method=True)
def copysign(input, other, *, out=None):
    """Same as `torch.copysign`: the magnitude of input with the sign of other."""
    return apply(_copysign_opdef(other), (input, other), {}, out)


@public("copysign_", function=False, method=True)
def copysign_(self, other):
    """Same as `Tensor.copysign_`."""
    return apply_inplace(_copysign_opdef(other), (self, other), {})


# ---------------------------------------------------------------- xlogy


def _xlogy(xp, input, other):
    dt = array_dtype(input, other)
    if dt.kind == "c":
        raise not_implemented("xlogy_cpu", dt)
    out = xp.where(xp.asarray(input == 0), 0, xp.multiply(input, xp.log(other)))
    out = xp.where(xp.isnan(other), other, out)
    return out.astype(dt, copy=False)


def _xlogy_self_grad(grad, self, other):
    return grad * xlogy(self != 0, other)


def _xlogy_grads_tensor(grad, *, needs, self, other):
    return (
        _xlogy_self_grad(grad, self, other) if needs[0] else None,
        grad * self / other if needs[1] else None,
    )


def _xlogy_grads_self_scalar(grad, *, needs, self, other):
    return None, grad * self / other


def _xlogy_grads_other_scalar(grad, *, needs, self, other):
    return _xlogy_self_grad(grad, self, other), None


for _name, _number, _grads in (
    ("tensor", 0, _xlogy_grads_tensor),
    ("self_scalar", 1, _xlogy_grads_self_scalar),
    ("other_scalar", 2, _xlogy_grads_other_scalar),
):
    op(
        f"xlogy_{_name}",
        grad_fn=f"XlogyBackward{_number}",
        promote=INT_TO_FLOAT,
        opmath=True,
        function=False,
        method=False,
    )(_xlogy).backward(_grads)


def _xlogy_opdef(input, other):
    if isinstance(input, Tensor):
        return REGISTRY["xlogy_tensor" if isinstance(other, Tensor) else "xlogy_other_scalar"]
    if isinstance(other, Tensor):
        return REGISTRY["xlogy_self_scalar"]
    raise invalid_combination("xlogy", (input, other))


@public("xlogy", method=True)
def xlogy(input, other, *, out=None):
    """Same as `torch.xlogy`: input * log(other), 0 where input is 0 (nan where other is)."""
    return apply(_xlogy_opdef(input, other), (input, other), {}, out)


@public("xlogy_", function=False, method=True)
def xlogy_(self, other):
    """Same as `Tensor.xlogy_`."""
    return apply_inplace(_xlogy_opdef(self, other), (self, other), {})


# ---------------------------------------------------------------- ldexp, logaddexp


@op(
    "ldexp",
    grad_fn="LdexpBackward0",
    promote=INT_TO_FLOAT,
    opmath=True,
    function=False,
    method=False,
)
def _ldexp(xp, input, other):
    return xp.multiply(input, xp.power(2.0, other).astype(array_dtype(input, other)))


@_ldexp.backward
def _(grad, *, needs, self, other, result):
    return (
        grad * _pow(2, other) if needs[0] else None,
        grad * result * math.log(2.0) if needs[1] else None,
    )


bind_tensor_binary("ldexp", REGISTRY["ldexp"], doc="Same as `torch.ldexp`: input * 2**other.")


def _logaddexp_complex(xp, a, b):
    real_a_larger = a.real >= b.real
    hi = xp.where(real_a_larger, a, b)
    lo = xp.where(real_a_larger, b, a)
    return hi + xp.log1p(xp.exp(lo - hi))


@op(
    "logaddexp",
    grad_fn="LogaddexpBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)
def _logaddexp(xp, input, other):
    dt = array_dtype(input, other)
    if dt.kind in "biu":
        raise not_implemented("logaddexp_cpu", dt)
    if dt.kind == "c":
        return _logaddexp_complex(xp, input, other)
    return xp.logaddexp(input, other)


@_logaddexp.backward
def _(grad, *, needs, self, other):
    return (
        grad / (1 + (other - self).exp()) if needs[0] else None,
        grad / (1 + (self - other).exp()) if needs[1] else None,
    )


@op(
    "logaddexp2",
    grad_fn="Logaddexp2Backward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)
def _logaddexp2(xp, input, other):
    dt = array_dtype(input, other)
    if _dtype.np_kind(dt) != "f":
        raise not_implemented("logaddexp2_cpu", dt)
    return xp.logaddexp2(input, other)


@_logaddexp2.backward
def _(grad, *, needs, self, other):
    return (
        grad / (1 + _pow(2, other - self)) if needs[0] else None,
        grad / (1 + _pow(2, self - other)) if needs[1] else None,
    )


bind_tensor_binary("logaddexp", REGISTRY["logaddexp"], inplace=False)
bind_tensor_binary("logaddexp2", REGISTRY["logaddexp2"], inplace=False)
