"""Powers: pow (PowBackward0/1/2 for its three overloads), float_power, and `**`.

Integer powers wrap around as torch's do; a negative integer exponent is an error for a number
exponent and truncates 1/x for a tensor one.
"""

import cmath
import math

from numtorch import _dtype
from numtorch._errors import type_name
from numtorch._ops.operands import (
    array_dtype,
    check_fits,
    conj,
    fast_binary,
    guard_dunders,
    invalid_combination,
    not_implemented,
    raw_conj,
    wrap_ints,
)
from numtorch._ops.registry import (
    DEFAULT,
    METHODS,
    REGISTRY,
    apply,
    apply_inplace,
    op,
    public,
)
from numtorch._tensor import Tensor


def _where(condition, input, other):
    from numtorch._ops.logical import where

    return where(condition, input, other)


_NEGATIVE_POWER = "Integers to negative integer powers are not allowed."


def _int_power(xp, base, exponent, np_dtype):
    """Integer powers wrap around like torch's; a negative exponent truncates the reciprocal."""
    if type(exponent) is int:
        if exponent < 0:
            raise RuntimeError(_NEGATIVE_POWER)
        return xp.power(base, exponent)
    base, exponent = wrap_ints(xp, base, exponent)
    if np_dtype.kind == "i":
        negative = exponent < 0
        if bool(negative.any()):
            power = xp.power(base, xp.where(negative, 0, exponent))
            odd = (exponent & 1) == 1
            reciprocal = xp.where(base == 1, 1, xp.where(base == -1, xp.where(odd, -1, 1), 0))
            return xp.where(negative, reciprocal, power).astype(np_dtype)
    return xp.power(base, exponent)


def _power(xp, input, exponent):
    dt = array_dtype(input, exponent)
    kind = dt.kind
    if not hasattr(exponent, "dtype"):
        check_fits(exponent, _dtype.from_numpy_dtype(dt))
    if kind == "b":
        if type(exponent) is bool:
            return xp.logical_or(input, not exponent)
        raise not_implemented("pow", dt)
    if kind in "iu":
        return _int_power(xp, input, exponent, dt)
    if kind == "f" and (type(exponent) is int or type(exponent) is float) and exponent == 2:
        return xp.square(input)  # torch's kernel squares too (the same values as pow's)
    return xp.power(input, exponent)


_POW_NAMES = ("self", "exponent")


@op(
    "pow_tensor_scalar",
    grad_fn="PowBackward0",
    promote=DEFAULT,
    function=False,
    method=False,
    input_names=_POW_NAMES,
)
def _pow_tensor_scalar(xp, input, exponent):
    return _power(xp, input, exponent)


@_pow_tensor_scalar.backward
def _(grad, *, needs, self, exponent):
    if exponent == 0:
        return grad * 0
    return grad * conj(exponent * self.pow(exponent - 1))


@_pow_tensor_scalar.raw_backward
def _(xp, grad, *, needs, self, exponent):
    if exponent == 0:
        return grad * 0
    if exponent == 2 and type(exponent) is not complex:
        return grad * raw_conj(xp, exponent * self)  # self ** 1 is self, exactly
    return grad * raw_conj(xp, exponent * xp.power(self, exponent - 1))


@op(
    "pow_tensor_tensor",
    grad_fn="PowBackward1",
    promote=DEFAULT,
    function=False,
    method=False,
    input_names=_POW_NAMES,
)
def _pow_tensor_tensor(xp, input, exponent):
    return _power(xp, input, exponent)


@_pow_tensor_tensor.backward
def _(grad, *, needs, self, exponent, result):
    g_self = g_exponent = None
    if needs[0]:
        g_self = _where(exponent == 0, 0.0, grad * conj(exponent * self.pow(exponent - 1)))
    if needs[1]:
        at_zero = (self == 0) & _nonnegative(exponent)
        g_exponent = grad * conj(_where(at_zero, 0.0, result * self.log()))
    return g_self, g_exponent


@op(
    "pow_scalar_tensor",
    grad_fn="PowBackward2",
    promote=DEFAULT,
    function=False,
    method=False,
    input_names=_POW_NAMES,
)
def _pow_scalar_tensor(xp, input, exponent):
    return _power(xp, input, exponent)


def _nonnegative(exponent):
    if exponent.dtype.is_complex:
        return (exponent.imag == 0) & (exponent.real >= 0)
    return exponent >= 0


def _log_of(number):
    if type(number) is complex:
        return cmath.log(number) if number else complex(-math.inf)
    if number > 0:
        return math.log(number)
    return -math.inf if number == 0 else math.nan


@_pow_scalar_tensor.backward
def _(grad, *, needs, self, exponent, result):
    if self == 0:
        return None, grad * _where(_nonnegative(exponent), 0.0, result * -math.inf)
    return None, grad * conj(result * _log_of(self))


@_pow_scalar_tensor.raw_backward
def _(xp, grad, *, needs, self, exponent, result):
    if self == 0:
        if exponent.dtype.kind == "c":
            nonnegative = (exponent.imag == 0) & (exponent.real >= 0)
        else:
            nonnegative = exponent >= 0
        return None, grad * xp.where(nonnegative, 0.0, result * -math.inf)
    return None, grad * raw_conj(xp, result * _log_of(self))


def _pow_opdef(input, exponent):
    if isinstance(input, Tensor):
        if isinstance(exponent, Tensor):
            return _POW_TT
        return _POW_TS
    if isinstance(exponent, Tensor):
        return _POW_ST
    raise invalid_combination("pow", (input, exponent))


_POW_TS = REGISTRY["pow_tensor_scalar"]
_POW_TT = REGISTRY["pow_tensor_tensor"]
_POW_ST = REGISTRY["pow_scalar_tensor"]


@public("pow", method=True)
def pow(input, exponent, *, out=None):
    """Same as `torch.pow`: PowBackward0 for a number exponent, PowBackward1 for a tensor one,
    PowBackward2 for a number base."""
    return apply(_pow_opdef(input, exponent), (input, exponent), {}, out)


@public("pow_", function=False, method=True)
def pow_(self, exponent):
    """Same as `Tensor.pow_`."""
    return apply_inplace(_pow_opdef(self, exponent), (self, exponent), {})


def _rpow(self, other):
    return pow(other, self)


METHODS["__pow__"] = pow
METHODS["__ipow__"] = pow_
METHODS["__rpow__"] = _rpow
guard_dunders("__pow__", "__ipow__", "__rpow__")
METHODS["__pow__"] = fast_binary(METHODS["__pow__"], _POW_TT, _POW_TS, {})


def _float_power_dtype(input, exponent):
    is_complex = any(
        (a.dtype.is_complex if isinstance(a, Tensor) else type(a) is complex)
        for a in (input, exponent)
    )
    return _dtype.complex128 if is_complex else _dtype.float64


def _as_dtype(value, dtype):
    if isinstance(value, Tensor):
        return value.to(dtype)
    return complex(value) if dtype.is_complex else float(value)


@public("float_power", method=True)
def float_power(input, exponent, *, out=None):
    """Same as `torch.float_power`: pow computed in float64 (complex128 for complex inputs)."""
    dtype = _float_power_dtype(input, exponent)
    if out is not None and out.dtype is not dtype:
        raise RuntimeError(
            f"the output given to float_power has dtype {type_name(out.dtype)} but the "
            f"operation's result requires dtype {type_name(dtype)}"
        )
    return pow(_as_dtype(input, dtype), _as_dtype(exponent, dtype), out=out)


@public("float_power_", function=False, method=True)
def float_power_(self, exponent):
    """Same as `Tensor.float_power_`: self must already be float64 (complex128)."""
    dtype = _float_power_dtype(self, exponent)
    if self.dtype is not dtype:
        raise RuntimeError(
            f"the base given to float_power_ has dtype {type_name(self.dtype)} but the "
            f"operation's result requires dtype {type_name(dtype)}"
        )
    return pow_(self, _as_dtype(exponent, dtype))
