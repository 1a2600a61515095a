"""Elementwise ops with bounds or three operands: clamp/clip, clamp_min, clamp_max, lerp,
addcmul, addcdiv.

Binary arithmetic is in pointwise.py, division.py, power.py and binary.py; where() is in
logical.py.
"""

from numtorch import _dtype
from numtorch._ops.operands import (
    array_dtype,
    cant_cast_c,
    check_fits,
    check_out_dtype,
    conj,
    cpp_name,
    int_operand,
    invalid_combination,
    not_implemented,
)
from numtorch._ops.registry import (
    DEFAULT,
    FORWARD,
    METHODS,
    REGISTRY,
    apply,
    apply_inplace,
    number_arg,
    op,
    public,
    result_dtype,
)
from numtorch._tensor import Tensor

_COMPLEX_CLAMP = "clamp is not supported for complex types"


def _where(condition, input, other):
    from numtorch._ops.logical import where

    return where(condition, input, other)


# ---------------------------------------------------------------- clamp with number bounds


def _bound(xp, value, np_dtype):
    if type(value) is int and np_dtype.kind in "iu":
        return int_operand(xp, value, np_dtype)
    if np_dtype.kind == "V":  # bfloat16 beside a Python number would widen to float32
        return xp.asarray(value).astype(np_dtype)
    return value


def _clamp_numbers(xp, input, min, max, dtype, kernel):
    """min(max(input, min), max) in `dtype`; NaN anywhere gives NaN, as in torch."""
    np_dtype = dtype.np
    if dtype is _dtype.bool:
        raise not_implemented(kernel, np_dtype)
    out = input if input.dtype == np_dtype else input.astype(np_dtype)
    if min is not None:
        out = xp.maximum(out, _bound(xp, min, np_dtype))
    if max is not None:
        out = xp.minimum(out, _bound(xp, max, np_dtype))
    return out


@op("clamp_scalar", grad_fn="ClampBackward1", promote=FORWARD, function=False, method=False)
def _clamp_scalar(xp, input, *, min, max, dtype):
    kernel = "clamp_scalar_cpu" if min is not None and max is not None else None
    kernel = kernel or ("clamp_min_scalar_cpu" if max is None else "clamp_max_scalar_cpu")
    return _clamp_numbers(xp, input, min, max, dtype, kernel)


@_clamp_scalar.backward
def _(grad, *, needs, self, min, max):
    if min is not None and max is not None:
        inside = (self >= min) & (self <= max)
    elif min is not None:
        inside = self >= min
    else:
        inside = self <= max
    return _where(inside, grad, 0.0)


@op("clamp_min_scalar", grad_fn="ClampMinBackward0", promote=FORWARD, function=False, method=False)
def _clamp_min_scalar(xp, input, *, min, dtype):
    return _clamp_numbers(xp, input, min, None, dtype, "clamp_min_scalar_cpu")


@_clamp_min_scalar.backward
def _(grad, *, needs, self, min):
    return _where(self >= min, grad, 0.0)


@op("clamp_max_scalar", grad_fn="ClampMaxBackward0", promote=FORWARD, function=False, method=False)
def _clamp_max_scalar(xp, input, *, max, dtype):
    return _clamp_numbers(xp, input, None, max, dtype, "clamp_max_scalar_cpu")


@_clamp_max_scalar.backward
def _(grad, *, needs, self, max):
    return _where(self <= max, grad, 0.0)


def _number_params(input, min, max):
    """The result dtype of clamping by Python numbers, with torch's checks on them."""
    if input.dtype.is_complex:
        raise NotImplementedError(_COMPLEX_CLAMP)
    dtype = result_dtype((input, min, max))
    if min is not None:
        check_fits(min, dtype)
    if max is not None:
        check_fits(max, dtype)
    return dtype


_CLAMP_SCALAR = REGISTRY["clamp_scalar"]


def _clamp_numbers_inplace(od, self, params):
    if params["dtype"] is not self.dtype and not _dtype.can_cast(params["dtype"], self.dtype):
        raise cant_cast_c(params["dtype"], self.dtype)
    return apply_inplace(od, (self,), params)


# ---------------------------------------------------------------- clamp with tensor bounds


@op(
    "clamp_tensor",
    grad_fn="ClampBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
    input_names=("self", "min", "max"),
)
def _clamp_tensor(xp, input, min, max):
    dt = array_dtype(input)
    if dt.kind == "c":
        raise NotImplementedError(_COMPLEX_CLAMP)
    if dt.kind == "b" and min is not None and max is not None:
        raise not_implemented("clamp_cpu", dt)
    out = input
    if min is not None:
        out = xp.maximum(out, min)
    if max is not None:
        out = xp.minimum(out, max)
    return out


@_clamp_tensor.backward
def _(grad, *, needs, self, min, max):
    g_self = g_min = g_max = None
    if min is not None and max is not None:
        if needs[0]:
            g_self = _where((self >= min) & (self <= max), grad, 0.0)
        if needs[1]:
            g_min = _where((self < min) & (min < max), grad, 0.0)
        if needs[2]:
            g_max = _where((self > max) | (max < min), grad, 0.0)
    elif min is not None:
        g_self = _where(self >= min, grad, 0.0) if needs[0] else None
        g_min = _where(self < min, grad, 0.0) if needs[1] else None
    else:
        g_self = _where(self <= max, grad, 0.0) if needs[0] else None
        g_max = _where(self > max, grad, 0.0) if needs[2] else None
    return g_self, g_min, g_max


def _as_number(bound):
    """A 0-dim tensor that needs no grad stands in for a number, as torch's parser allows."""
    if isinstance(bound, Tensor) and bound.dim() == 0 and not bound.requires_grad:
        return bound.item()
    return bound


_NUMBER = (bool, int, float)


def _clamp_call(input, min, max):
    """(opdef, args, params, number bounds?) for clamp(input, min, max)."""
    min, max = number_arg(min), number_arg(max)
    tmin, tmax = type(min), type(max)
    if (tmin in _NUMBER or min is None) and (tmax in _NUMBER or max is None):
        if min is None and max is None:
            raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
        dtype = _number_params(input, min, max)
        return _CLAMP_SCALAR, (input,), {"min": min, "max": max, "dtype": dtype}, True
    bounds = (min, max)
    for b in bounds:
        if b is not None and not isinstance(b, Tensor) and type(b) not in _NUMBER:
            raise invalid_combination("clamp", (input, *bounds[: 2 if max is not None else 1]))
    if isinstance(min, Tensor) != isinstance(max, Tensor) and min is not None and max is not None:
        min, max = _as_number(min), _as_number(max)
        if isinstance(min, Tensor) or isinstance(max, Tensor):
            raise invalid_combination("clamp", (input, *bounds))
        return _clamp_call(input, min, max)
    if input.dtype.is_complex:
        raise NotImplementedError(_COMPLEX_CLAMP)
    return REGISTRY["clamp_tensor"], (input, min, max), {}, False


@public("clamp", method=True)
def clamp(input, min=None, max=None, *, out=None):
    """Same as `torch.clamp`: ClampBackward1 for number bounds, ClampBackward0 for tensors."""
    od, args, params, numbers = _clamp_call(input, min, max)
    if numbers:
        check_out_dtype(out, params["dtype"])
    return apply(od, args, params, out)


@public("clamp_", function=False, method=True)
def clamp_(self, min=None, max=None):
    """Same as `Tensor.clamp_`."""
    od, args, params, numbers = _clamp_call(self, min, max)
    if numbers:
        return _clamp_numbers_inplace(od, self, params)
    return apply_inplace(od, args, params)


public("clip", method=True)(clamp)
METHODS["clip_"] = clamp_


def _one_sided(name, side):
    scalar_od = REGISTRY[f"{name}_scalar"]
    scalar_kernel = f"{name}_scalar_cpu"

    def call(input, bound):
        bound = number_arg(bound)
        if isinstance(bound, Tensor):
            return REGISTRY[f"{name}_tensor"], (input, bound), {}, False
        if type(bound) not in (bool, int, float):
            raise invalid_combination(name, (input, bound))
        dtype = _number_params(input, bound, None)
        if dtype is _dtype.bool:
            raise not_implemented(scalar_kernel, _dtype.bool.np)
        return scalar_od, (input,), {side: bound, "dtype": dtype}, True

    def function(input, bound, *, out=None):
        od, args, params, numbers = call(input, bound)
        if numbers:
            check_out_dtype(out, params["dtype"])
        return apply(od, args, params, out)

    def method_(self, bound):
        od, args, params, numbers = call(self, bound)
        if numbers:
            return _clamp_numbers_inplace(od, self, params)
        return apply_inplace(od, args, params)

    function.__name__ = function.__qualname__ = name
    method_.__name__ = method_.__qualname__ = name + "_"
    function.__doc__ = f"Same as `torch.{name}`."
    method_.__doc__ = f"Same as `Tensor.{name}_`."
    public(name, method=True)(function)
    METHODS[name + "_"] = method_


@op(
    "clamp_min_tensor",
    grad_fn="ClampMinBackward1",
    promote=DEFAULT,
    function=False,
    method=False,
    input_names=("self", "min"),
)
def _clamp_min_tensor(xp, input, min):
    dt = array_dtype(input)
    if dt.kind == "c":
        raise not_implemented("maximum_cpu", dt)
    return xp.maximum(input, min)


@_clamp_min_tensor.backward
def _(grad, *, needs, self, min):
    return (
        _where(self >= min, grad, 0.0) if needs[0] else None,
        _where(self < min, grad, 0.0) if needs[1] else None,
    )


@op(
    "clamp_max_tensor",
    grad_fn="ClampMaxBackward1",
    promote=DEFAULT,
    function=False,
    method=False,
    input_names=("self", "max"),
)
def _clamp_max_tensor(xp, input, max):
    dt = array_dtype(input)
    if dt.kind == "c":
        raise not_implemented("minimum_cpu", dt)
    return xp.minimum(input, max)


@_clamp_max_tensor.backward
def _(grad, *, needs, self, max):
    return (
        _where(self <= max, grad, 0.0) if needs[0] else None,
        _where(self > max, grad, 0.0) if needs[1] else None,
    )


_one_sided("clamp_min", "min")
_one_sided("clamp_max", "max")


# ---------------------------------------------------------------- lerp


def _lerp_values(xp, start, end, weight):
    """torch's two-sided formula: exact at both ends, weight < 0.5 counted from start."""
    diff = end - start
    if isinstance(weight, (int, float, complex)):
        if abs(weight) < 0.5:
            return start + weight * diff
        return end - diff * (1 - weight)
    return xp.where(xp.abs(weight) < 0.5, start + weight * diff, end - diff * (1 - weight))


def _lerp_checks(input, end, weight, kernel):
    if not input.dtype.is_floating_point and not input.dtype.is_complex:
        raise not_implemented(kernel, input.dtype.np)
    for name, other in (("end", end), ("weight", weight)):
        if (
            isinstance(other, Tensor)
            and other.dtype is not input.dtype
            and (name == "end" or other.dim() > 0)
        ):
            raise RuntimeError(
                f"expected dtype {cpp_name(input.dtype)} for `{name}` but got dtype "
                f"{cpp_name(other.dtype)}"
            )
    if not isinstance(weight, Tensor):
        check_fits(weight, input.dtype)


@op(
    "lerp_scalar",
    grad_fn="LerpBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
    input_names=("self", "end"),
)
def _lerp_scalar(xp, input, end, *, weight):
    return _lerp_values(xp, input, end, weight)


@_lerp_scalar.backward
def _(grad, *, needs, weight):
    return (
        grad * conj(1 - weight) if needs[0] else None,
        grad * conj(weight) if needs[1] else None,
    )


@op(
    "lerp_tensor",
    grad_fn="LerpBackward1",
    promote=FORWARD,
    function=False,
    method=False,
    input_names=("self", "end", "weight"),
)
def _lerp_tensor(xp, input, end, weight):
    np_dtype = input.dtype
    comp = "float32" if _dtype.is_half_np(np_dtype) else np_dtype
    start, end, weight = (a.astype(comp, copy=False) for a in (input, end, weight))
    return _lerp_values(xp, start, end, weight).astype(np_dtype, copy=False)


@_lerp_tensor.backward
def _(grad, *, needs, self, end, weight):
    return (
        grad * conj(1 - weight) if needs[0] else None,
        grad * conj(weight) if needs[1] else None,
        grad * conj(end - self) if needs[2] else None,
    )


def _lerp_call(input, end, weight):
    if isinstance(weight, Tensor):
        _lerp_checks(input, end, weight, "lerp_kernel_tensor")
        return REGISTRY["lerp_tensor"], (input, end, weight), {}
    _lerp_checks(input, end, weight, "lerp_kernel_scalar")
    return REGISTRY["lerp_scalar"], (input, end), {"weight": weight}


@public("lerp", method=True)
def lerp(input, end, weight, *, out=None):
    """Same as `torch.lerp`: input + weight * (end - input)."""
    od, args, params = _lerp_call(input, end, weight)
    return apply(od, args, params, out)


@public("lerp_", function=False, method=True)
def lerp_(self, end, weight):
    """Same as `Tensor.lerp_`."""
    od, args, params = _lerp_call(self, end, weight)
    return apply_inplace(od, args, params)


# ---------------------------------------------------------------- addcmul, addcdiv


def _value(xp, value, np_dtype):
    """`value` as the computation dtype takes it: ints truncate a float value."""
    check_fits(value, _dtype.from_numpy_dtype(np_dtype))
    if np_dtype.kind in "iu":
        return int_operand(xp, int(value.real if type(value) is complex else value), np_dtype)
    return value


_ADDC_NAMES = ("self", "tensor1", "tensor2")


@op(grad_fn="AddcmulBackward0", promote=DEFAULT, opmath=True, inplace=True, input_names=_ADDC_NAMES)
def addcmul(xp, input, tensor1, tensor2, *, value=1):
    """Same as `torch.addcmul`: input + value * tensor1 * tensor2."""
    dt = array_dtype(input, tensor1, tensor2)
    if dt.kind == "b":
        raise not_implemented("addcmul_cpu_out", dt)
    return input + _value(xp, value, dt) * tensor1 * tensor2


@addcmul.backward
def _(grad, *, needs, tensor1, tensor2, value):
    return (
        grad,
        grad * conj(tensor2 * value) if needs[1] else None,
        grad * conj(tensor1 * value) if needs[2] else None,
    )


_ADDCDIV_INT = (
    "Integer division with addcdiv is no longer supported, and in a future  release addcdiv "
    "will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be "
    "implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for "
    "integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future "
    "addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), "
    "for all dtypes."
)


@op(
    "addcdiv",
    grad_fn="AddcdivBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
    input_names=_ADDC_NAMES,
)
def _addcdiv(xp, input, tensor1, tensor2, *, value=1):
    dt = array_dtype(input, tensor1, tensor2)
    return input + _value(xp, value, dt) * tensor1 / tensor2


@_addcdiv.backward
def _(grad, *, needs, tensor1, tensor2, value):
    return (
        grad,
        grad * conj(value / tensor2) if needs[1] else None,
        -grad * conj(value * tensor1 / (tensor2 * tensor2)) if needs[2] else None,
    )


def _addcdiv_check(tensor1, tensor2):
    if (
        isinstance(tensor1, Tensor)
        and isinstance(tensor2, Tensor)
        and tensor1.dtype.category <= _dtype.INT
        and tensor2.dtype.category <= _dtype.INT
    ):
        raise RuntimeError(_ADDCDIV_INT)


_ADDCDIV = REGISTRY["addcdiv"]


@public("addcdiv", method=True)
def addcdiv(input, tensor1, tensor2, *, value=1, out=None):
    """Same as `torch.addcdiv`: input + value * tensor1 / tensor2 (floating tensors only)."""
    _addcdiv_check(tensor1, tensor2)
    return apply(_ADDCDIV, (input, tensor1, tensor2), {"value": value}, out)


@public("addcdiv_", function=False, method=True)
def addcdiv_(self, tensor1, tensor2, *, value=1):
    """Same as `Tensor.addcdiv_`."""
    _addcdiv_check(tensor1, tensor2)
    return apply_inplace(_ADDCDIV, (self, tensor1, tensor2), {"value": value})
