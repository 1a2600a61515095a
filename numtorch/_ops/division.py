"""Division: div (true, or rounded with rounding_mode), true_divide, divide, floor_divide,
remainder, fmod, and the `/ // %` operators.

Integer division by zero raises torch's RuntimeError; float division follows IEEE.
"""

from numtorch._ops.operands import (
    array_dtype,
    conj,
    guard_dunders,
    invalid_combination,
    not_implemented,
    raw_conj,
    wrap_ints,
)
from numtorch._ops.registry import (
    DEFAULT,
    EXACT_SCALAR,
    INT_TO_FLOAT,
    METHODS,
    REGISTRY,
    apply,
    apply_inplace,
    op,
    public,
)
from numtorch._tensor import Tensor


@op(
    "true_divide",
    grad_fn="DivBackward0",
    promote=INT_TO_FLOAT,
    inplace=True,
    opmath=EXACT_SCALAR,
    dunders=("__truediv__",),
)
def true_divide(xp, input, other):
    """Same as `torch.true_divide` (and `torch.div` without rounding_mode)."""
    return xp.true_divide(input, other)


@true_divide.backward
def _(grad, *, needs, self, other):
    return (
        grad / conj(other) if needs[0] else None,
        -grad * conj((self / other) / other) if needs[1] else None,
    )


@true_divide.raw_backward
def _(xp, grad, *, needs, self, other):
    return (
        grad / raw_conj(xp, other) if needs[0] else None,
        -grad * raw_conj(xp, (self / other) / other) if needs[1] else None,
    )


def _zero_check(xp, other):
    """Integer division by zero is torch's RuntimeError (NumPy gives 0 and a warning)."""
    if type(other) is int or type(other) is bool:
        if other == 0:
            raise RuntimeError("ZeroDivisionError")
    elif other.dtype.kind in "iu" and bool((other == 0).any()):
        raise RuntimeError("ZeroDivisionError")


def _trunc_divide(xp, input, other):
    if array_dtype(input, other).kind in "iu":
        _zero_check(xp, other)
        q = xp.floor_divide(input, other)
        # floor and trunc differ when the division is inexact and the signs differ
        fix = (xp.remainder(input, other) != 0) & ((input < 0) != (other < 0))
        return q + fix.astype(q.dtype)
    return xp.trunc(xp.true_divide(input, other))


def _floor_divide(xp, input, other):
    if array_dtype(input, other).kind in "iu":
        _zero_check(xp, other)
    return xp.floor_divide(input, other)


def _rounding_kernel(kind, np_dtype):
    if np_dtype.kind in "bc":
        raise not_implemented(f"div_{kind}_cpu", np_dtype)


@op(
    "div_round",
    grad_fn="DivBackward2",
    promote=DEFAULT,
    opmath=EXACT_SCALAR,
    function=False,
    method=False,
)
def _div_round(xp, input, other, *, rounding_mode):
    dt = array_dtype(input, other)
    _rounding_kernel(rounding_mode, dt)
    input, other = wrap_ints(xp, input, other)
    if rounding_mode == "trunc":
        return _trunc_divide(xp, input, other)
    return _floor_divide(xp, input, other)


@_div_round.backward
def _(grad, *, needs, rounding_mode):
    zero = grad * 0
    return zero if needs[0] else None, zero if needs[1] else None


@_div_round.raw_backward
def _(xp, grad, *, needs, rounding_mode):
    zero = grad * 0
    return zero if needs[0] else None, zero if needs[1] else None


@op(
    "div_true_mode",
    grad_fn="DivBackward2",
    promote=INT_TO_FLOAT,
    opmath=EXACT_SCALAR,
    function=False,
    method=False,
)
def _div_true_mode(xp, input, other, *, rounding_mode):
    return xp.true_divide(input, other)


_div_true_mode.backward(true_divide.opdef.backward)
_div_true_mode.raw_backward(true_divide.opdef.raw_backward)

_UNSET = type("_Unset", (), {"__repr__": lambda self: "None", "__bool__": lambda self: False})()


def _div_opdef(rounding_mode):
    if rounding_mode is _UNSET:
        return REGISTRY["true_divide"], {}
    if rounding_mode is None:
        return REGISTRY["div_true_mode"], {"rounding_mode": None}
    if rounding_mode not in ("trunc", "floor"):
        raise RuntimeError(
            "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found "
            f"'{rounding_mode}'"
        )
    return REGISTRY["div_round"], {"rounding_mode": rounding_mode}


@public("div", method=True)
def div(input, other, *, rounding_mode=_UNSET, out=None):
    """Same as `torch.div`: true division, or rounded with rounding_mode='trunc' / 'floor'."""
    od, params = _div_opdef(rounding_mode)
    return apply(od, (input, other), params, out)


@public("div_", function=False, method=True)
def div_(self, other, *, rounding_mode=_UNSET):
    """Same as `Tensor.div_`."""
    od, params = _div_opdef(rounding_mode)
    return apply_inplace(od, (self, other), params)


def _rtruediv(self, other):
    """`number / tensor`: torch computes it as self.reciprocal() * other."""
    return self.reciprocal() * other


public("divide", method=True)(div)
METHODS["divide_"] = METHODS["__idiv__"] = div_
METHODS["__div__"] = METHODS["true_divide"]
METHODS["__rtruediv__"] = METHODS["__rdiv__"] = _rtruediv


def _not_differentiable(name):
    def backward(grad, *, needs):
        raise RuntimeError(f"derivative for aten::{name} is not implemented")

    return backward


@op(
    grad_fn="NotImplemented",
    promote=DEFAULT,
    inplace=True,
    opmath=EXACT_SCALAR,
    dunders=("__floordiv__",),
    rdunders=("__rfloordiv__",),
)
def floor_divide(xp, input, other):
    """Same as `torch.floor_divide`: division rounded toward minus infinity."""
    _rounding_kernel("floor", array_dtype(input, other))
    input, other = wrap_ints(xp, input, other)
    return _floor_divide(xp, input, other)


floor_divide.backward(_not_differentiable("floor_divide"))


# ---------------------------------------------------------------- remainder, fmod


def _remainder(xp, input, other):
    dt = array_dtype(input, other)
    if dt.kind in "bc":
        raise not_implemented("remainder_cpu", dt)
    input, other = wrap_ints(xp, input, other)
    if dt.kind in "iu":
        _zero_check(xp, other)
    return xp.remainder(input, other)


def _fmod(xp, input, other):
    dt = array_dtype(input, other)
    if dt.kind in "bc":
        raise not_implemented("fmod_cpu", dt)
    input, other = wrap_ints(xp, input, other)
    if dt.kind in "iu":
        _zero_check(xp, other)
    return xp.fmod(input, other)


def _grad_other(rounding):
    """other's gradient: -grad * (self / other rounded as the op rounds its quotient)."""

    def backward(grad, *, needs, self, other):
        g_other = None
        if needs[1]:
            g_other = -grad * div(self, other, rounding_mode=rounding)
        return grad if needs[0] else None, g_other

    return backward


def _grad_self(grad, *, needs):
    return grad


for _name, _kernel, _rounding in (("remainder", _remainder, "floor"), ("fmod", _fmod, "trunc")):
    _cap = _name.capitalize()
    op(
        f"{_name}_scalar",
        grad_fn=f"{_cap}Backward0",
        promote=DEFAULT,
        opmath=True,
        function=False,
        method=False,
    )(_kernel).backward(_grad_self)
    op(
        f"{_name}_tensor",
        grad_fn=f"{_cap}Backward1",
        promote=DEFAULT,
        opmath=True,
        function=False,
        method=False,
    )(_kernel).backward(_grad_other(_rounding))

op(
    "remainder_self_scalar",
    grad_fn="NotImplemented",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)(_remainder).backward(_not_differentiable("remainder"))


def _pick(name, input, other):
    if not isinstance(input, Tensor):
        if name == "fmod":
            raise invalid_combination("fmod", (input, other))
        return REGISTRY["remainder_self_scalar"]
    return REGISTRY[f"{name}_tensor" if isinstance(other, Tensor) else f"{name}_scalar"]


@public("remainder", method=True)
def remainder(input, other, *, out=None):
    """Same as `torch.remainder`: Python's modulus, the result has the divisor's sign."""
    return apply(_pick("remainder", input, other), (input, other), {}, out)


@public("remainder_", function=False, method=True)
def remainder_(self, other):
    """Same as `Tensor.remainder_`."""
    return apply_inplace(_pick("remainder", self, other), (self, other), {})


@public("fmod", method=True)
def fmod(input, other, *, out=None):
    """Same as `torch.fmod`: C's modulus, the result has the dividend's sign."""
    return apply(_pick("fmod", input, other), (input, other), {}, out)


@public("fmod_", function=False, method=True)
def fmod_(self, other):
    """Same as `Tensor.fmod_`."""
    return apply_inplace(_pick("fmod", self, other), (self, other), {})


def _rmod(self, other):
    return remainder(other, self)


METHODS["__mod__"] = remainder
METHODS["__imod__"] = remainder_
METHODS["__rmod__"] = _rmod


guard_dunders(
    "__truediv__",
    "__rtruediv__",
    "__itruediv__",
    "__div__",
    "__rdiv__",
    "__idiv__",
    "__floordiv__",
    "__rfloordiv__",
    "__ifloordiv__",
    "__mod__",
    "__rmod__",
    "__imod__",
)
