"""Elementwise ops: arithmetic, powers, exponentials, comparisons.

Each op is declared once with @op; backward formulas are written over Tensors so that
create_graph=True differentiates them again.
"""

from numtorch._ops.registry import ALWAYS_BOOL, DEFAULT, INT_TO_FLOAT, op

# ---------------------------------------------------------------- arithmetic


@op(
    grad_fn="AddBackward0",
    promote=DEFAULT,
    inplace=True,
    opmath=True,
    dunders=("__add__",),
    rdunders=("__radd__",),
)
def add(xp, input, other, *, alpha=1):
    """Same as `torch.add`: input + alpha * other."""
    if alpha != 1:
        other = other * alpha
    return xp.add(input, other)


@add.backward
def _(grad, *, needs, alpha):
    return grad, (grad if alpha == 1 else grad * alpha) if needs[1] else None


@op(grad_fn="SubBackward0", promote=DEFAULT, inplace=True, opmath=True, dunders=("__sub__",))
def sub(xp, input, other, *, alpha=1):
    """Same as `torch.sub`: input - alpha * other."""
    if alpha != 1:
        other = other * alpha
    return xp.subtract(input, other)


@sub.backward
def _(grad, *, needs, alpha):
    return grad, (-grad if alpha == 1 else grad * -alpha) if needs[1] else None


@op(
    grad_fn="MulBackward0",
    promote=DEFAULT,
    inplace=True,
    opmath=True,
    dunders=("__mul__",),
    rdunders=("__rmul__",),
)
def mul(xp, input, other):
    """Same as `torch.mul`."""
    return xp.multiply(input, other)


@mul.backward
def _(grad, *, needs, self, other):
    return (grad * other if needs[0] else None, grad * self if needs[1] else None)


@op(
    grad_fn="DivBackward0",
    promote=INT_TO_FLOAT,
    inplace=True,
    opmath=True,
    dunders=("__truediv__",),
)
def div(xp, input, other):
    """Same as `torch.div` (true division)."""
    return xp.true_divide(input, other)


@div.backward
def _(grad, *, needs, self, other):
    return (
        grad / other if needs[0] else None,
        -grad * self / (other * other) if needs[1] else None,
    )


@op(grad_fn="NegBackward0", promote=DEFAULT, inplace=True, dunders=("__neg__",))
def neg(xp, input):
    """Same as `torch.neg`."""
    return xp.negative(input)


@neg.backward
def _(grad, *, needs):
    return -grad


@op(grad_fn="PowBackward0", promote=DEFAULT, inplace=True, opmath=True, dunders=("__pow__",))
def pow(xp, input, exponent):
    """Same as `torch.pow` with a Python-number exponent."""
    return xp.power(input, exponent)


@pow.backward
def _(grad, *, needs, self, other):
    return grad * other * self ** (other - 1), None


@op(grad_fn="ExpBackward0", promote=INT_TO_FLOAT, inplace=True, opmath=True)
def exp(xp, input):
    """Same as `torch.exp`."""
    return xp.exp(input)


@exp.backward
def _(grad, *, needs, result):
    return grad * result


# ---------------------------------------------------------------- comparisons


@op(promote=ALWAYS_BOOL, dunders=("__eq__",))
def eq(xp, input, other):
    """Same as `torch.eq`."""
    return xp.equal(input, other)


@op(promote=ALWAYS_BOOL, dunders=("__ne__",))
def ne(xp, input, other):
    """Same as `torch.ne`."""
    return xp.not_equal(input, other)


# ---------------------------------------------------------------- filling


@op(grad_fn="FillBackward0", function=False, method=False, inplace=True)
def fill(xp, input, *, value):
    """Same as `Tensor.fill_`: every element set to `value`."""
    return xp.full_like(input, value)


@fill.backward
def _(grad, *, needs):
    return grad * 0


@op(grad_fn="ZeroBackward0", function=False, method=False, inplace=True)
def zero(xp, input):
    """Same as `Tensor.zero_`."""
    return xp.zeros_like(input)


@zero.backward
def _(grad, *, needs):
    return grad * 0
