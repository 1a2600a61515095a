"""Elementwise arithmetic: add, sub, rsub, mul, neg, exp, fill_, zero_.

Division and remainders are in division.py; powers in power.py; atan2 and the other binary
functions in binary.py; clamps, lerp and addcmul/addcdiv in ternary.py;
comparisons, logical and bitwise ops in logical.py; unary math in unary.py. Backward formulas are
written over Tensors so that create_graph=True differentiates them again.
"""

from numtorch import _dtype
from numtorch._creation import zeros_like
from numtorch._ops.operands import (
    array_dtype,
    check_fits,
    check_out_dtype,
    conj,
    fast_binary,
    guard_dunders,
    int_operand,
    invalid_combination,
    raw_conj,
    wrap_ints,
)
from numtorch._ops.registry import (
    DEFAULT,
    EXACT_SCALAR,
    FUNCTIONS,
    INT_TO_FLOAT,
    METHODS,
    REGISTRY,
    apply,
    apply_inplace,
    op,
    public,
)
from numtorch._tensor import Tensor

# ---------------------------------------------------------------- add, sub, rsub


def _check_alpha(np_dtype, alpha):
    """torch's alpha_check, against the computation dtype."""
    kind = np_dtype.kind
    if type(alpha) is bool and kind != "b":
        raise RuntimeError("Boolean alpha only supported for Boolean results.")
    if kind in "biu" and type(alpha) not in (int, bool):
        raise RuntimeError(
            "For integral input tensors, argument alpha must not be a floating point number."
        )
    if kind != "c" and type(alpha) is complex:
        raise RuntimeError(
            "For non-complex input tensors, argument alpha must not be a complex number."
        )


def _times_alpha(xp, scaled, other, alpha):
    """`scaled * alpha`, with alpha checked against the computation dtype."""
    dt = array_dtype(scaled, other)
    _check_alpha(dt, alpha)
    check_fits(alpha, _dtype.from_numpy_dtype(dt))
    if type(alpha) is int and dt.kind in "iu":
        scaled, alpha = wrap_ints(xp, scaled, alpha)
    return xp.multiply(scaled, alpha)


@op(
    grad_fn="AddBackward0",
    promote=DEFAULT,
    inplace=True,
    opmath=True,
    dunders=("__add__",),
)
def add(xp, input, other, *, alpha=1):
    """Same as `torch.add`: input + alpha * other."""
    if type(alpha) is not int or alpha != 1:
        other = _times_alpha(xp, other, input, alpha)
    if type(other) is int or type(input) is int:
        input, other = wrap_ints(xp, input, other)
    return xp.add(input, other)


@add.backward
def _(grad, *, needs, alpha):
    return grad, (grad if alpha == 1 else grad * conj(alpha)) if needs[1] else None


@add.raw_backward
def _(xp, grad, *, needs, alpha):
    return grad, (grad if alpha == 1 else grad * raw_conj(xp, alpha)) if needs[1] else None


_ADD = REGISTRY["add"]


def _radd(self, other):
    return apply(_ADD, (other, self), {"alpha": 1})


METHODS["__radd__"] = _radd


@op("sub", grad_fn="SubBackward0", promote=DEFAULT, opmath=True, function=False, method=False)
def _sub(xp, input, other, *, alpha=1):
    if type(alpha) is not int or alpha != 1:
        other = _times_alpha(xp, other, input, alpha)
    if type(other) is int or type(input) is int:
        input, other = wrap_ints(xp, input, other)
    return xp.subtract(input, other)


@_sub.backward
def _(grad, *, needs, alpha):
    return grad, (-grad if alpha == 1 else grad * -conj(alpha)) if needs[1] else None


@_sub.raw_backward
def _(xp, grad, *, needs, alpha):
    if not needs[1]:
        return grad, None
    return grad, (-grad if alpha == 1 else grad * -raw_conj(xp, alpha))


def _is_bool(value):
    return value.dtype is _dtype.bool if isinstance(value, Tensor) else type(value) is bool


def _check_sub(input, other):
    a, b = _is_bool(input), _is_bool(other)
    if a and b:
        raise RuntimeError(
            "Subtraction, the `-` operator, with two bool tensors is not supported. "
            "Use the `^` or `logical_xor()` operator instead."
        )
    if a or b:
        raise RuntimeError(
            "Subtraction, the `-` operator, with a bool tensor is not supported. "
            "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead."
        )


_SUB = REGISTRY["sub"]


@public("sub", method=True)
def sub(input, other, *, alpha=1, out=None):
    """Same as `torch.sub`: input - alpha * other."""
    if input.dtype is _dtype.bool or _is_bool(other):
        _check_sub(input, other)
    return apply(_SUB, (input, other), {"alpha": alpha}, out)


@public("sub_", function=False, method=True)
def sub_(self, other, *, alpha=1):
    """Same as `Tensor.sub_`."""
    if self.dtype is _dtype.bool or _is_bool(other):
        _check_sub(self, other)
    return apply_inplace(_SUB, (self, other), {"alpha": alpha})


@op("rsub", grad_fn="RsubBackward0", promote=DEFAULT, opmath=True, function=False, method=False)
def _rsub(xp, input, other, *, alpha=1):
    if type(alpha) is not int or alpha != 1:
        input = _times_alpha(xp, input, other, alpha)
    other, input = wrap_ints(xp, other, input)
    return xp.subtract(other, input)


@_rsub.backward
def _(grad, *, needs, alpha):
    return (-grad if alpha == 1 else grad * -conj(alpha)), grad if needs[1] else None


@_rsub.raw_backward
def _(xp, grad, *, needs, alpha):
    return (-grad if alpha == 1 else grad * -raw_conj(xp, alpha)), grad if needs[1] else None


@op(
    "rsub_scalar",
    grad_fn="RsubBackward1",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)
def _rsub_scalar(xp, input, other, *, alpha=1):
    return _rsub.opdef.forward(xp, input, other, alpha=alpha)


@_rsub_scalar.backward
def _(grad, *, needs, alpha):
    return (-grad if alpha == 1 else grad * -conj(alpha)), None


@_rsub_scalar.raw_backward
def _(xp, grad, *, needs, alpha):
    return (-grad if alpha == 1 else grad * -raw_conj(xp, alpha)), None


@public("rsub")
def rsub(input, other, *, alpha=1, out=None):
    """Same as `torch.rsub`: other - alpha * input."""
    if not isinstance(input, Tensor):
        raise invalid_combination("rsub", (input, other))
    if input.dtype is _dtype.bool or _is_bool(other):
        _check_sub(input, other)
    od = REGISTRY["rsub"] if isinstance(other, Tensor) else REGISTRY["rsub_scalar"]
    return apply(od, (input, other), {"alpha": alpha}, out)


def _rsub_dunder(self, other):
    return rsub(self, other)


METHODS["__sub__"] = METHODS["subtract"] = sub
METHODS["__isub__"] = METHODS["subtract_"] = sub_
METHODS["__rsub__"] = _rsub_dunder
public("subtract")(sub)


# ---------------------------------------------------------------- mul


@op(
    grad_fn="MulBackward0",
    promote=DEFAULT,
    inplace=True,
    opmath=EXACT_SCALAR,
    dunders=("__mul__",),
    rdunders=("__rmul__",),
)
def mul(xp, input, other):
    """Same as `torch.mul`."""
    if type(other) is int or type(input) is int:
        input, other = wrap_ints(xp, input, other)
    return xp.multiply(input, other)


@mul.backward
def _(grad, *, needs, self, other):
    return (grad * conj(other) if needs[0] else None, grad * conj(self) if needs[1] else None)


@mul.raw_backward
def _(xp, grad, *, needs, self, other):
    return (
        grad * raw_conj(xp, other) if needs[0] else None,
        grad * raw_conj(xp, self) if needs[1] else None,
    )


public("multiply")(FUNCTIONS["mul"])
METHODS["multiply"] = METHODS["mul"]
METHODS["multiply_"] = METHODS["mul_"]


# ---------------------------------------------------------------- neg, exp


@op(
    "neg",
    grad_fn="NegBackward0",
    promote=DEFAULT,
    function=False,
    inplace=True,
    dunders=("__neg__",),
)
def _neg(xp, input):
    if input.dtype.kind == "b":
        raise RuntimeError(
            "Negation, the `-` operator, on a bool tensor is not supported. If you are trying "
            "to invert a mask, use the `~` or `logical_not()` operator instead."
        )
    return xp.negative(input)


@_neg.backward
def _(grad, *, needs):
    return -grad


@_neg.raw_backward
def _(xp, grad, *, needs):
    return -grad


_NEG = REGISTRY["neg"]


@public("neg")
def neg(input, *, out=None):
    """Same as `torch.neg` (out= must have input's dtype)."""
    check_out_dtype(out, input.dtype)
    return apply(_NEG, (input,), {}, out)


public("negative")(neg)
METHODS["negative"] = METHODS["neg"]
METHODS["negative_"] = METHODS["neg_"]


@op(grad_fn="ExpBackward0", promote=INT_TO_FLOAT, inplace=True, opmath=True)
def exp(xp, input):
    """Same as `torch.exp`."""
    return xp.exp(input)


@exp.backward
def _(grad, *, needs, result):
    return grad * result


@exp.raw_backward
def _(xp, grad, *, needs, result):
    return grad * result


# ---------------------------------------------------------------- filling


def _fill_with_number(xp, input, *, value):
    if input.dtype.kind in "iu":
        value = int_operand(xp, int(value.real if type(value) is complex else value), input.dtype)
    return xp.full_like(input, value)


def _fill_with_tensor(xp, input, value):
    return xp.full_like(input, value)


def _fill_grads_number(grad, *, needs):
    return zeros_like(grad)


def _fill_grads_tensor(grad, *, needs):
    return zeros_like(grad) if needs[0] else None, grad.sum() if needs[1] else None


# torch.fill is FillBackward0 (a number) / FillBackward1 (a tensor); Tensor.fill_ is 2 / 3.
for _name, _number, _forward, _grads in (
    ("fill_number", 0, _fill_with_number, _fill_grads_number),
    ("fill_tensor", 1, _fill_with_tensor, _fill_grads_tensor),
    ("fill_number_", 2, _fill_with_number, _fill_grads_number),
    ("fill_tensor_", 3, _fill_with_tensor, _fill_grads_tensor),
):
    op(
        _name,
        grad_fn=f"FillBackward{_number}",
        function=False,
        method=False,
        input_names=("self", "value"),
    )(_forward).backward(_grads)


def _fill_call(name, input, value, suffix):
    if isinstance(value, Tensor):
        if value.dim() != 0:
            raise RuntimeError(
                f"{name} only supports 0-dimension value tensor but got tensor with "
                f"{value.dim()} dimensions."
            )
        return REGISTRY["fill_tensor" + suffix], (input, value), {}
    check_fits(value, input.dtype)
    return REGISTRY["fill_number" + suffix], (input,), {"value": value}


@public("fill")
def fill(input, value):
    """Same as `torch.fill`: a tensor like input with every element `value`."""
    return apply(*_fill_call("fill", input, value, ""))


@public("fill_", method=True)
def fill_(input, value):
    """Same as `Tensor.fill_`: every element set to `value` (a number or a 0-dim tensor)."""
    return apply_inplace(*_fill_call("fill_", input, value, "_"))


@op(grad_fn="ZeroBackward0", function=False, method=False, inplace=True)
def zero(xp, input):
    """Same as `Tensor.zero_`."""
    return xp.zeros_like(input)


@zero.backward
def _(grad, *, needs):
    return zeros_like(grad)


FUNCTIONS["zero_"] = METHODS["zero_"]


guard_dunders(
    "__add__",
    "__radd__",
    "__iadd__",
    "__sub__",
    "__rsub__",
    "__isub__",
    "__mul__",
    "__rmul__",
    "__imul__",
)
METHODS["__sub__"] = fast_binary(METHODS["__sub__"], _SUB, _SUB, {"alpha": 1})
