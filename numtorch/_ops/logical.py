"""Comparisons (eq ne lt le gt ge and their aliases), isclose, allclose, equal, logical_* and
bitwise_* ops, shifts, and where.

Arithmetic is in pointwise.py, division.py, power.py and binary.py.
"""

from numtorch import _dtype
from numtorch._creation import zeros_like
from numtorch._errors import broadcast_shapes_of, type_name
from numtorch._ops.operands import (
    NUMBER,
    array_dtype,
    bind_tensor_binary,
    check_fits,
    check_out_dtype,
    guard_dunders,
    int_operand,
    invalid_combination,
    is_operand,
    not_implemented,
    require_tensor,
    wrap_ints,
)
from numtorch._ops.registry import (
    ALWAYS_BOOL,
    DEFAULT,
    FORWARD,
    FUNCTIONS,
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

# ---------------------------------------------------------------- comparisons


def _comparison(name, ufunc):
    ordered = name not in ("eq", "ne")

    def forward(xp, input, other):
        if ordered:
            dt = array_dtype(input, other)
            if dt.kind == "c":
                raise not_implemented(f"{name}_cpu", dt)
        input, other = wrap_ints(xp, input, other)
        return getattr(xp, ufunc)(input, other)

    forward.__doc__ = f"Same as `torch.{name}`."
    return forward


def _zero_grads(grad, *, needs):
    zero = zeros_like(grad)
    return tuple(zero if n else None for n in needs)


def _bind_comparison(name, ufunc, aliases):
    forward = _comparison(name, ufunc)
    od = op(name, promote=ALWAYS_BOOL)(forward).opdef

    def dunder(self, other):
        # anything but a number or a tensor: Python's own fallback (== is identity, < raises)
        if not is_operand(other):
            return NotImplemented
        return apply(od, (self, other), {})

    dunder.__name__ = dunder.__qualname__ = f"__{name}__"
    METHODS[f"__{name}__"] = dunder
    # In place on a tensor that requires grad, torch records LtBackward0 (number) or
    # LtBackward1 (tensor), whose gradients are zeros.
    cap = name.capitalize()
    for suffix, number in (("scalar", 0), ("tensor", 1)):
        op(
            f"{name}_{suffix}_",
            grad_fn=f"{cap}Backward{number}",
            promote=ALWAYS_BOOL,
            function=False,
            method=False,
        )(forward).backward(_zero_grads)
    by_scalar, by_tensor = REGISTRY[f"{name}_scalar_"], REGISTRY[f"{name}_tensor_"]

    def method_(self, other):
        return apply_inplace(
            by_tensor if isinstance(other, Tensor) else by_scalar, (self, other), {}
        )

    method_.__name__ = method_.__qualname__ = name + "_"
    method_.__doc__ = f"Same as `Tensor.{name}_`."
    METHODS[name + "_"] = method_
    for alias in aliases:
        FUNCTIONS[alias] = FUNCTIONS[name]
        METHODS[alias] = METHODS[name]
        METHODS[alias + "_"] = method_


for _name, _ufunc, _aliases in (
    ("eq", "equal", ()),
    ("ne", "not_equal", ("not_equal",)),
    ("lt", "less", ("less",)),
    ("le", "less_equal", ("less_equal",)),
    ("gt", "greater", ("greater",)),
    ("ge", "greater_equal", ("greater_equal",)),
):
    _bind_comparison(_name, _ufunc, _aliases)

# ---------------------------------------------------------------- isclose, allclose, equal


@op("isclose", promote=FORWARD, function=False, method=False)
def _isclose(xp, input, other, *, rtol, atol, equal_nan, default_float):
    close = input == other
    kind = _dtype.np_kind(input.dtype)
    if equal_nan and kind in "fc":
        close |= xp.isnan(input) & xp.isnan(other)
    if rtol == 0 and atol == 0:
        return close
    if kind not in "fc":
        # integer differences would wrap around: torch measures them in the default float
        input = input.astype(default_float)
        other = other.astype(default_float)
    allowed = atol + xp.abs(other * rtol)
    actual = xp.abs(input - other)
    return close | (xp.isfinite(actual) & (actual <= allowed))


def _fmt(number):
    return f"{number:g}" if type(number) is float else str(number)


def _check_close_args(input, other, rtol, atol):
    if input.dtype is not other.dtype:
        raise RuntimeError(f"{type_name(input.dtype)} did not match {type_name(other.dtype)}")
    if rtol < 0:
        raise RuntimeError(f"rtol must be greater than or equal to zero, but got {_fmt(rtol)}")
    if atol < 0:
        raise RuntimeError(f"atol must be greater than or equal to zero, but got {_fmt(atol)}")


_ISCLOSE = REGISTRY["isclose"]


@public("isclose", method=True)
def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Same as `torch.isclose`: |input - other| <= atol + rtol * |other|, elementwise."""
    require_tensor("isclose", input, "input", 1)
    require_tensor("isclose", other, "other", 2)
    _check_close_args(input, other, rtol, atol)
    params = {
        "rtol": rtol,
        "atol": atol,
        "equal_nan": equal_nan,
        "default_float": _dtype.get_default_dtype().np,
    }
    return apply(_ISCLOSE, (input, other), params)


@public("allclose", method=True)
def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Same as `torch.allclose`: a Python bool, whether isclose holds everywhere."""
    return bool(isclose(input, other, rtol, atol, equal_nan)._data.all())


@public("equal", method=True)
def equal(input, other):
    """Same as `torch.equal`: a Python bool, True for the same shape and the same values."""
    require_tensor("equal", input, "input", 1)
    require_tensor("equal", other, "other", 2)
    if input.shape != other.shape:
        return False
    return bool((input._data == other._data).all())


# ---------------------------------------------------------------- logical


def _logical(ufunc):
    def forward(xp, input, other):
        return getattr(xp, ufunc)(input, other)

    return forward


for _name in ("logical_and", "logical_or", "logical_xor"):
    op(_name, promote=FORWARD, function=False, method=False)(_logical(_name))
    bind_tensor_binary(_name, REGISTRY[_name], doc=f"Same as `torch.{_name}` (a bool result).")


@op(promote=FORWARD, inplace=True)
def logical_not(xp, input):
    """Same as `torch.logical_not` (a bool result; out= and in place keep their dtype)."""
    return xp.logical_not(input)


# ---------------------------------------------------------------- bitwise


def _bitwise(name, ufunc, kernel, bool_ok=True):
    def forward(xp, input, other):
        dt = array_dtype(input, other)
        if _dtype.np_kind(dt) in "fc" or (dt.kind == "b" and not bool_ok):
            raise not_implemented(kernel, dt)
        input, other = wrap_ints(xp, input, other)
        return getattr(xp, ufunc)(input, other)

    forward.__doc__ = f"Same as `torch.{name}`."
    forward.__name__ = name
    return forward


for _name, _ufunc, _kernel, _dunder, _bool_ok in (
    ("bitwise_and", "bitwise_and", "bitwise_and_cpu", "and", True),
    ("bitwise_or", "bitwise_or", "bitwise_or_cpu", "or", True),
    ("bitwise_xor", "bitwise_xor", "bitwise_xor_cpu", "xor", True),
    ("bitwise_left_shift", "left_shift", "lshift_cpu", "lshift", False),
    ("bitwise_right_shift", "right_shift", "rshift_cpu", "rshift", False),
):
    op(
        _name,
        promote=DEFAULT,
        inplace=True,
        dunders=(f"__{_dunder}__",),
        rdunders=(f"__r{_dunder}__",),
    )(_bitwise(_name, _ufunc, _kernel, _bool_ok))


@op("bitwise_not", promote=DEFAULT, function=False, inplace=True)
def _bitwise_not(xp, input):
    if _dtype.np_kind(input.dtype) in "fc":
        raise not_implemented("bitwise_not_cpu", input.dtype)
    return xp.invert(input)


_BITWISE_NOT = REGISTRY["bitwise_not"]


@public("bitwise_not")
def bitwise_not(input, *, out=None):
    """Same as `torch.bitwise_not`: ~ on integers, not on bools (out= of input's dtype)."""
    check_out_dtype(out, input.dtype)
    return apply(_BITWISE_NOT, (input,), {}, out)


def _invert(self):
    if self.dtype.category > _dtype.INT:
        raise TypeError(
            "~ (operator.invert) is only implemented on integer and Boolean-type tensors"
        )
    return apply(_BITWISE_NOT, (self,), {})


METHODS["__invert__"] = _invert
guard_dunders(
    *(f"__{p}{d}__" for d in ("and", "or", "xor", "lshift", "rshift") for p in ("", "r", "i"))
)


# ---------------------------------------------------------------- where


@op(
    "where",
    grad_fn="WhereBackward0",
    promote=FORWARD,
    function=False,
    method=False,
)
def _where(xp, input, other, *, condition, dtype):
    cond = condition._data
    if cond.dtype.kind != "b":
        cond = cond.astype(bool)
    np_dtype = dtype.np
    operands = []
    for a in (input, other):
        if hasattr(a, "dtype"):
            a = a.astype(np_dtype, copy=False)
        elif type(a) is int and np_dtype.kind in "iu":
            a = int_operand(xp, a, np_dtype)
        else:
            a = xp.asarray(a, dtype=np_dtype)
        operands.append(a)
    try:
        return xp.where(cond, *operands)
    except ValueError:
        broadcast_shapes_of(cond.shape, *(a.shape for a in operands))
        raise


@_where.backward
def _(grad, *, needs, condition):
    return (
        where(condition, grad, 0.0) if needs[0] else None,
        where(condition, 0.0, grad) if needs[1] else None,
    )


_WHERE = REGISTRY["where"]


def _where_call(condition, input, other):
    require_tensor("where", condition, "condition", 1)
    if condition.dtype is not _dtype.bool and condition.dtype is not _dtype.uint8:
        raise RuntimeError(
            "where expected condition to be a boolean tensor, but got a tensor with dtype "
            f"{type_name(condition.dtype)}"
        )
    for a in (input, other):
        if not isinstance(a, Tensor) and type(a) not in NUMBER:
            raise invalid_combination("where", (condition, input, other))
    dtype = result_dtype((input, other))
    if dtype is not _dtype.float16 and dtype is not _dtype.bfloat16:
        for a in (input, other):
            if not isinstance(a, Tensor):
                check_fits(a, dtype)
    return {"condition": condition, "dtype": dtype}


@public("where")
def where(condition, input=None, other=None, *, out=None):
    """Same as `torch.where`: input where condition holds, else other; with the condition
    alone, `torch.nonzero(condition, as_tuple=True)`."""
    if input is None and other is None:
        import numtorch

        return numtorch.nonzero(condition, as_tuple=True)
    input, other = number_arg(input), number_arg(other)
    params = _where_call(condition, input, other)
    if not isinstance(input, Tensor) and not isinstance(other, Tensor):
        # two numbers: the result lives on the condition's device
        from numtorch._creation import scalar_tensor

        input = scalar_tensor(input, dtype=params["dtype"], device=condition.device)
    if out is not None and out.dtype is not params["dtype"]:
        raise RuntimeError(
            f"Expected out type to be {type_name(params['dtype'])} but got {type_name(out.dtype)}"
        )
    return apply(_WHERE, (input, other), params, out)


def _where_method(self, condition, other):
    """Same as `Tensor.where`: `torch.where(condition, self, other)`."""
    return apply(_WHERE, (self, other), _where_call(condition, self, other))


_where_method.__name__ = _where_method.__qualname__ = "where"
METHODS["where"] = _where_method
