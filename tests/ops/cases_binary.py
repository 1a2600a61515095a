"""Cases for elementwise arithmetic: add/sub/rsub/mul, div (rounding modes), true_divide,
floor_divide, remainder, fmod, neg, and the operators with operands that are not numbers.

The helpers here (per_dtype, grads, layouts, shapes, promotions) are shared with
cases_binary_funcs.py and cases_ternary.py."""

from tests.ops.spec import Case, T

ALL = (
    "bool",
    "uint8",
    "int8",
    "int16",
    "int32",
    "int64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
)
REAL = ALL[:-2]


def per_dtype(name, expr, dtypes=ALL, shape=(3, 4), a=None, b=None):
    """One case per dtype, both operands of that dtype."""
    out = []
    for d in dtypes:
        inputs = {"a": T(shape, d, **(a or {})), "b": T(shape, d, **(b or {}))}
        out.append(Case(f"{name}.dtype_{d}", expr, inputs))
    return out


def grads(name, expr, *, shape_a=(3, 4), shape_b=(3, 4), a=None, b=None, dtype="float32"):
    """A gradient case for both operands (broadcast when the shapes differ)."""
    return Case(
        f"{name}.grad_both",
        expr,
        {
            "a": T(shape_a, dtype, grad=True, **(a or {})),
            "b": T(shape_b, dtype, grad=True, **(b or {})),
        },
    )


def layouts(name, expr, dtype="float32", a=None, b=None):
    """Non-contiguous operands: a transpose, a stepped slice, an expanded tensor."""
    return [
        Case(
            f"{name}.layout_t_step",
            expr,
            {
                "a": T((3, 4), dtype, layout="t", **(a or {})),
                "b": T((3, 4), dtype, layout="step", **(b or {})),
            },
        ),
        Case(
            f"{name}.layout_expand",
            expr,
            {"a": T((3, 4), dtype, layout="expand", **(a or {})), "b": T((4,), dtype, **(b or {}))},
        ),
    ]


def shapes(name, expr, dtype="float32", a=None, b=None):
    """0-dim, empty and broadcast shapes."""
    return [
        Case(
            f"{name}.shape_zero_dim",
            expr,
            {"a": T((), dtype, **(a or {})), "b": T((), dtype, **(b or {}))},
        ),
        Case(
            f"{name}.shape_empty",
            expr,
            {"a": T((2, 0), dtype, **(a or {})), "b": T((1, 0), dtype, **(b or {}))},
        ),
        Case(
            f"{name}.shape_broadcast",
            expr,
            {"a": T((2, 1, 3), dtype, **(a or {})), "b": T((4, 1), dtype, **(b or {}))},
        ),
        Case(
            f"{name}.shape_broadcast_error",
            expr,
            {"a": T((2, 3), dtype, **(a or {})), "b": T((4,), dtype, **(b or {}))},
        ),
    ]


def promotions(name, fn, b=None):
    """0-dim tensors and Python numbers mixing with n-dim tensors (torch's three levels)."""
    b = b or {}
    return [
        Case(f"{name}.int_tensor_float_scalar", f"{fn}(a, 2.5)", {"a": T((3,), "int32", **b)}),
        Case(
            f"{name}.float_scalar_int_tensor",
            f"{fn}(a, b)",
            {"a": T((3,), "int64"), "b": T((), "float64", **b)},
        ),
        Case(
            f"{name}.half_zero_dim_double",
            f"{fn}(a, b)",
            {"a": T((3,), "float16"), "b": T((), "float64", **b)},
        ),
        Case(
            f"{name}.zero_dim_both",
            f"{fn}(a, b)",
            {"a": T((), "int16"), "b": T((), "float16", **b)},
        ),
        Case(
            f"{name}.uint8_int8", f"{fn}(a, b)", {"a": T((3,), "uint8"), "b": T((3,), "int8", **b)}
        ),
        Case(f"{name}.bool_int", f"{fn}(a, b)", {"a": T((3,), "bool"), "b": T((3,), "int32", **b)}),
        Case(
            f"{name}.int_zero_dim_float_dims",
            f"{fn}(a, b)",
            {"a": T((3,), "int8"), "b": T((), "float32", **b)},
        ),
        Case(f"{name}.float_complex_scalar", f"{fn}(a, 1.5 + 0.5j)", {"a": T((3,), "float64")}),
        Case(f"{name}.half_int_scalar", f"{fn}(a, 3)", {"a": T((3,), "float16")}),
    ]


CASES = []

# ---------------------------------------------------------------- add / sub / rsub

CASES += per_dtype("add", "a + b")
CASES += per_dtype("sub", "a - b")
CASES += per_dtype("mul", "a * b")
CASES += layouts("add", "torch.add(a, b, alpha=2)")
CASES += shapes("add", "a + b")
CASES += promotions("add", "torch.add")
CASES += promotions("sub", "torch.sub")
CASES += promotions("mul", "torch.mul")
CASES += [
    grads("add", "torch.add(a, b, alpha=-1.5)", shape_b=(4,)),
    grads("sub", "torch.sub(a, b, alpha=2)", shape_a=(2, 1, 4), shape_b=(3, 1)),
    grads("mul", "a * b", shape_b=(4,), dtype="float64"),
    Case("add.scalar_left", "2 + a", {"a": T((3,), "int8")}),
    Case("add.bool_scalar", "a + True", {"a": T((3,), "bool")}),
    Case("add.bool_int_scalar", "a + 3", {"a": T((3,), "bool")}),
    Case("add.int8_wraps", "a + 1000", {"a": T((4,), "int8", values=[100, -100, 5, 0])}),
    Case("add.uint8_negative", "a + (-1)", {"a": T((3,), "uint8", values=[0, 1, 250])}),
    Case(
        "add.alpha_int", "torch.add(a, b, alpha=3)", {"a": T((3,), "int16"), "b": T((3,), "int16")}
    ),
    Case(
        "add.alpha_int8_wraps",
        "torch.add(a, b, alpha=1000)",
        {"a": T((3,), "int8"), "b": T((3,), "int8")},
    ),
    Case(
        "add.alpha_float_on_int",
        "torch.add(a, b, alpha=2.5)",
        {"a": T((3,), "int64"), "b": T((3,), "int64")},
    ),
    Case("add.alpha_float_scalar_other", "torch.add(a, 2, alpha=2.5)", {"a": T((3,), "int64")}),
    Case(
        "add.alpha_float_promoted",
        "torch.add(a, b, alpha=2.5)",
        {"a": T((3,), "int64"), "b": T((3,))},
    ),
    Case(
        "add.alpha_bool_on_int",
        "torch.add(a, b, alpha=True)",
        {"a": T((3,), "int64"), "b": T((3,), "int64")},
    ),
    Case(
        "add.alpha_bool_on_bool",
        "torch.add(a, b, alpha=True)",
        {"a": T((3,), "bool"), "b": T((3,), "bool")},
    ),
    Case(
        "add.alpha_int_on_bool",
        "torch.add(a, b, alpha=2)",
        {"a": T((3,), "bool"), "b": T((3,), "bool")},
    ),
    Case("add.alpha_complex_on_float", "torch.add(a, b, alpha=1j)", {"a": T((3,)), "b": T((3,))}),
    Case(
        "add.alpha_complex",
        "torch.add(a, b, alpha=1j)",
        {"a": T((3,), "complex64"), "b": T((3,), "complex64")},
    ),
    Case(
        "add.alpha_half",
        "torch.add(a, b, alpha=0.5)",
        {"a": T((3,), "float16"), "b": T((3,), "float16")},
    ),
    Case("add.method", "a.add(b, alpha=2)", {"a": T((3,), grad=True), "b": T((3,), grad=True)}),
    Case("add.inplace", "a.add_(b)", {"a": T((2, 3)), "b": T((3,), "int32")}),
    Case(
        "add.inplace_alpha", "a.add_(b, alpha=-2)", {"a": T((2, 3), "int32"), "b": T((3,), "int8")}
    ),
    Case("add.inplace_cast_error", "a.add_(2.5)", {"a": T((3,), "int64")}),
    Case("add.inplace_uint8_cast_error", "a.add_(b)", {"a": T((3,), "uint8"), "b": T((3,))}),
    Case("add.inplace_broadcast_error", "a.add_(b)", {"a": T((3,)), "b": T((2, 3))}),
    Case(
        "add.iadd", "out = a.clone()\nout += b", {"a": T((3,), grad=True), "b": T((3,), grad=True)}
    ),
    Case(
        "add.inplace_grad",
        "out = a * 1\nout.add_(b, alpha=3)",
        {"a": T((3,), grad=True), "b": T((3,), grad=True)},
    ),
    Case("add.out", "torch.add(a, b, out=o)", {"a": T((3,)), "b": T((3,)), "o": T((3,))}),
    Case(
        "add.out_int_to_float",
        "torch.add(a, b, out=o)",
        {"a": T((3,), "int64"), "b": T((3,), "int64"), "o": T((3,))},
    ),
    Case(
        "add.out_cast_error",
        "torch.add(a, b, out=o)",
        {"a": T((3,)), "b": T((3,)), "o": T((3,), "int64")},
    ),
    Case("sub.bool_tensors", "a - b", {"a": T((3,), "bool"), "b": T((3,), "bool")}),
    Case("sub.bool_tensor_int", "a - 1", {"a": T((3,), "bool")}),
    Case("sub.int_bool_tensor", "a - b", {"a": T((3,), "int64"), "b": T((3,), "bool")}),
    Case("sub.bool_scalar", "torch.sub(a, True)", {"a": T((3,), "bool")}),
    Case("sub.float_bool_scalar", "torch.sub(a, True)", {"a": T((3,))}),
    Case("sub.uint8_wraps", "a - 3", {"a": T((3,), "uint8", values=[1, 2, 250])}),
    Case(
        "sub.alpha_float_on_int",
        "a.sub(b, alpha=0.5)",
        {"a": T((3,), "int32"), "b": T((3,), "int32")},
    ),
    Case("sub.method", "a.sub(2)", {"a": T((3,), grad=True)}),
    Case(
        "sub.subtract",
        "torch.subtract(a, b, alpha=2)",
        {"a": T((3,), grad=True), "b": T((3,), grad=True)},
    ),
    Case(
        "sub.inplace",
        "out = a * 1\nout.sub_(b)\nout.subtract_(2)",
        {"a": T((3,), grad=True), "b": T((3,), grad=True)},
    ),
    Case("sub.isub", "out = a.clone()\nout -= 1", {"a": T((3,), "int16")}),
    Case(
        "sub.out",
        "torch.sub(a, b, alpha=2, out=o)",
        {"a": T((3,)), "b": T((3,)), "o": T((3,), "float64")},
    ),
    Case("rsub.scalar", "2 - a", {"a": T((3,), grad=True)}),
    Case("rsub.int_scalar", "5 - a", {"a": T((3,), "int8")}),
    Case("rsub.float_scalar_int", "2.5 - a", {"a": T((3,), "int32")}),
    Case("rsub.bool", "1 - a", {"a": T((3,), "bool")}),
    Case("rsub.true_bool", "True - a", {"a": T((3,), "bool")}),
    Case(
        "rsub.function_tensor",
        "torch.rsub(a, b, alpha=2)",
        {"a": T((3,), grad=True), "b": T((2, 3), grad=True)},
    ),
    Case("rsub.function_scalar", "torch.rsub(a, 2, alpha=3)", {"a": T((3,), grad=True)}),
    Case(
        "rsub.zero_dim_other", "torch.rsub(a, b)", {"a": T((3,), grad=True), "b": T((), grad=True)}
    ),
    Case("rsub.dunder_tensor", "a.__rsub__(b)", {"a": T((3,), grad=True), "b": T((3,), grad=True)}),
    Case("rsub.number_first_error", "torch.rsub(2, a)", {"a": T((3,))}),
    Case("mul.bool", "a * b", {"a": T((4,), "bool"), "b": T((4,), "bool")}),
    Case("mul.int8_wraps", "a * 200", {"a": T((3,), "int8", values=[100, -100, 5])}),
    Case("mul.rmul", "2.5 * a", {"a": T((3,), "int64")}),
    Case("mul.complex_scalar", "a * 1j", {"a": T((3,))}),
    Case(
        "mul.multiply", "torch.multiply(a, b)", {"a": T((3,), grad=True), "b": T((3,), grad=True)}
    ),
    Case("mul.multiply_", "a.multiply_(b)", {"a": T((3,)), "b": T((3,))}),
    Case("mul.imul", "out = a.clone()\nout *= b", {"a": T((2, 3), "int32"), "b": T((3,), "int32")}),
    Case("mul.inplace_cast_error", "a.mul_(b)", {"a": T((3,), "int32"), "b": T((3,))}),
    Case("mul.out", "torch.mul(a, 3, out=o)", {"a": T((3,)), "o": T((3,))}),
    Case(
        "mul.layout_grad",
        "a * b",
        {"a": T((3, 4), layout="t", grad=True), "b": T((3, 4), layout="step", grad=True)},
    ),
]

# ---------------------------------------------------------------- division

CASES += per_dtype("div", "a / b", b={"low": 1})
CASES += per_dtype(
    "div_trunc", "torch.div(a, b, rounding_mode='trunc')", REAL + ("complex64",), b={"low": 1}
)
CASES += per_dtype(
    "div_floor", "torch.div(a, b, rounding_mode='floor')", REAL + ("complex64",), b={"low": 1}
)
CASES += per_dtype("floor_divide", "a // b", REAL + ("complex64",), b={"low": 1})
CASES += per_dtype("remainder", "a % b", REAL + ("complex64",), b={"low": 1})
CASES += per_dtype("fmod", "torch.fmod(a, b)", REAL + ("complex64",), b={"low": 1})
CASES += promotions("div", "torch.div", b={"low": 1})
CASES += promotions("remainder", "torch.remainder", b={"low": 1})
CASES += layouts("div", "a / b", b={"low": 0.5})
CASES += shapes("div", "a / b", b={"low": 0.5})
CASES += shapes("remainder", "a % b", b={"low": 0.5})
_SIGNS = {
    "a": T((4,), "int64", values=[-7, 7, -7, 7]),
    "b": T((4,), "int64", values=[2, -2, -2, 2]),
}
_FSIGNS = {
    "a": T((5,), values=[-7.5, 7.5, -7.5, 7.5, -0.5]),
    "b": T((5,), values=[2, -2, -2, 2, 2]),
}
CASES += [
    grads("div", "a / b", shape_b=(4,), b={"low": 0.5}),
    grads("div_none", "torch.div(a, b, rounding_mode=None)", b={"low": 0.5}),
    grads("div_trunc", "torch.div(a, b, rounding_mode='trunc')", b={"low": 0.5}),
    grads("div_floor", "a.div(b, rounding_mode='floor')", b={"low": 0.5}),
    grads("remainder", "a % b", b={"low": 0.5}),
    grads("fmod", "torch.fmod(a, b)", shape_b=(4,), b={"low": 0.5}),
    Case("div.int_exact", "a / b", {"a": T((4,), "int32"), "b": T((4,), "int32", low=1)}),
    Case("div.scalar", "a / 2", {"a": T((3,), "int64")}),
    Case("div.by_zero_float", "a / 0", {"a": T((3,), values=[1.0, -1.0, 0.0])}),
    Case("div.by_zero_int", "a / 0", {"a": T((3,), "int64", values=[1, -1, 0])}),
    Case("div.rdiv_scalar", "2 / a", {"a": T((3,), grad=True, low=0.5)}),
    Case("div.rdiv_int", "3 / a", {"a": T((3,), "int64", low=1)}),
    Case("div.rdiv_bool", "True / a", {"a": T((3,), "int32", low=1)}),
    Case("div.method_scalar", "a.div(2)", {"a": T((3,), grad=True)}),
    Case(
        "div.true_divide",
        "torch.true_divide(a, b)",
        {"a": T((3,), "int32"), "b": T((3,), "int32", low=1)},
    ),
    Case(
        "div.true_divide_rounding_error",
        "torch.true_divide(a, b, rounding_mode='floor')",
        {"a": T((3,)), "b": T((3,))},
    ),
    Case(
        "div.divide_floor",
        "torch.divide(a, b, rounding_mode='floor')",
        {"a": T((3,), "int32"), "b": T((3,), "int32", low=1)},
    ),
    Case("div.bad_mode", "torch.div(a, b, rounding_mode='round')", {"a": T((3,)), "b": T((3,))}),
    Case("div.inplace", "a.div_(b)", {"a": T((3,)), "b": T((3,), "int32", low=1)}),
    Case("div.inplace_int_error", "a.div_(2)", {"a": T((3,), "int64")}),
    Case("div.inplace_int_floor", "a.div_(2, rounding_mode='floor')", {"a": T((3,), "int64")}),
    Case(
        "div.inplace_grad",
        "out = a * 1\nout.div_(b, rounding_mode=None)",
        {"a": T((3,), grad=True), "b": T((3,), grad=True, low=0.5)},
    ),
    Case("div.itruediv", "out = a.clone()\nout /= 4", {"a": T((3,), "float64")}),
    Case("div.itruediv_int_error", "out = a.clone()\nout /= 4", {"a": T((3,), "int32")}),
    Case(
        "div.divide_", "a.divide_(b, rounding_mode='trunc')", {"a": T((3,)), "b": T((3,), low=0.5)}
    ),
    Case("div.true_divide_", "a.true_divide_(4)", {"a": T((3,))}),
    Case(
        "div.out",
        "torch.div(a, b, rounding_mode='floor', out=o)",
        {"a": T((3,), "int64"), "b": T((3,), "int64", low=1), "o": T((3,), "int64")},
    ),
    Case(
        "div.out_int_error",
        "torch.div(a, b, out=o)",
        {"a": T((3,), "int64"), "b": T((3,), "int64", low=1), "o": T((3,), "int64")},
    ),
    Case("div_trunc.signs", "torch.div(a, b, rounding_mode='trunc')", _SIGNS),
    Case("div_floor.signs", "torch.div(a, b, rounding_mode='floor')", _SIGNS),
    Case("div_trunc.float_signs", "torch.div(a, b, rounding_mode='trunc')", _FSIGNS),
    Case("div_floor.float_signs", "torch.div(a, b, rounding_mode='floor')", _FSIGNS),
    Case(
        "div_floor.by_zero_float",
        "torch.div(a, 0., rounding_mode='floor')",
        {"a": T((3,), values=[1.0, -1.0, 0.0])},
    ),
    Case(
        "div_trunc.by_zero_int", "torch.div(a, 0, rounding_mode='trunc')", {"a": T((3,), "int64")}
    ),
    Case(
        "div_floor.by_zero_int",
        "torch.div(a, b, rounding_mode='floor')",
        {"a": T((3,), "int32"), "b": T((3,), "int32", values=[1, 0, 2])},
    ),
    Case(
        "div_floor.half_scalar",
        "torch.div(a, 0.7, rounding_mode='floor')",
        {"a": T((5,), "float16")},
    ),
    Case(
        "div_trunc.int_float_scalar",
        "torch.div(a, 2.5, rounding_mode='trunc')",
        {"a": T((5,), "int64")},
    ),
    Case("floor_divide.signs", "a // b", _SIGNS),
    Case("floor_divide.float_signs", "a // b", _FSIGNS),
    Case("floor_divide.scalar", "a // 3", {"a": T((5,), "int16")}),
    Case("floor_divide.float_scalar", "a // 2.5", {"a": T((5,), "int64")}),
    Case("floor_divide.rfloordiv", "7 // a", {"a": T((5,), "int64", low=1)}),
    Case("floor_divide.rfloordiv_float", "2.5 // a", {"a": T((5,), low=0.5)}),
    Case("floor_divide.by_zero_int", "a // 0", {"a": T((3,), "int64")}),
    Case(
        "floor_divide.by_zero_tensor",
        "a // b",
        {"a": T((3,), "int64"), "b": T((), "int64", values=0)},
    ),
    Case("floor_divide.by_zero_float", "a // 0", {"a": T((3,), values=[1.0, -1.0, 2.0])}),
    Case("floor_divide.grad_fn", "a // b", {"a": T((3,), grad=True), "b": T((3,), low=0.5)}),
    Case(
        "floor_divide.function",
        "torch.floor_divide(a, b)",
        {"a": T((3, 4), layout="t"), "b": T((4,), low=0.5)},
    ),
    Case("floor_divide.inplace", "a.floor_divide_(2)", {"a": T((3,), "int32")}),
    Case(
        "floor_divide.ifloordiv",
        "out = a.clone()\nout //= b",
        {"a": T((3,)), "b": T((3,), low=0.5)},
    ),
    Case("floor_divide.out", "torch.floor_divide(a, 2, out=o)", {"a": T((3,)), "o": T((3,))}),
    Case("floor_divide.bool", "a // b", {"a": T((3,), "bool"), "b": T((3,), "bool")}),
    Case("remainder.signs", "a % b", _SIGNS),
    Case("remainder.float_signs", "a % b", _FSIGNS),
    Case("remainder.scalar", "a % -2", {"a": T((5,), "int64")}),
    Case("remainder.float_scalar", "torch.remainder(a, 0.7)", {"a": T((5,), "float16")}),
    Case("remainder.int_float_scalar", "torch.remainder(a, 2.5)", {"a": T((5,), "int64")}),
    Case("remainder.bool_int_scalar", "a % 2", {"a": T((4,), "bool")}),
    Case("remainder.rmod", "7 % a", {"a": T((5,), "int64", low=1)}),
    Case("remainder.rmod_float", "2 % a", {"a": T((5,), grad=True, low=0.5)}),
    Case("remainder.number_first", "torch.remainder(2.5, a)", {"a": T((5,), "int64", low=1)}),
    Case(
        "remainder.zero_dim_first",
        "torch.remainder(b, a)",
        {"a": T((5,), low=0.5, grad=True), "b": T((), grad=True)},
    ),
    Case("remainder.scalar_grad", "torch.remainder(a, 1.5)", {"a": T((5,), grad=True)}),
    Case("remainder.by_zero_int", "a % 0", {"a": T((3,), "int64")}),
    Case("remainder.by_zero_float", "a % 0", {"a": T((3,))}),
    Case("remainder.inf_divisor", "a % float('inf')", {"a": T((3,), values=[1.0, -1.0, 0.0])}),
    Case("remainder.inplace", "a.remainder_(3)", {"a": T((5,), "int8")}),
    Case("remainder.imod", "out = a.clone()\nout %= b", {"a": T((3,)), "b": T((3,), low=0.5)}),
    Case(
        "remainder.out",
        "torch.remainder(a, b, out=o)",
        {"a": T((3,)), "b": T((3,), low=0.5), "o": T((3,))},
    ),
    Case("remainder.complex_scalar_error", "a % 2", {"a": T((3,), "complex64")}),
    Case("fmod.signs", "torch.fmod(a, b)", _SIGNS),
    Case("fmod.float_signs", "torch.fmod(a, b)", _FSIGNS),
    Case("fmod.scalar", "torch.fmod(a, -2)", {"a": T((5,), "int64")}),
    Case("fmod.scalar_grad", "a.fmod(1.5)", {"a": T((5,), grad=True)}),
    Case("fmod.bool_scalar", "torch.fmod(a, 2)", {"a": T((4,), "bool")}),
    Case("fmod.by_zero_int", "torch.fmod(a, 0)", {"a": T((3,), "int64")}),
    Case("fmod.number_first_error", "torch.fmod(2, a)", {"a": T((3,))}),
    Case("fmod.inplace", "a.fmod_(b)", {"a": T((3,)), "b": T((3,), low=0.5)}),
    Case("fmod.inplace_grad", "out = a * 1\nout.fmod_(2)", {"a": T((3,), grad=True)}),
    Case("fmod.out", "torch.fmod(a, 2, out=o)", {"a": T((3,), "int32"), "o": T((3,), "int64")}),
    Case(
        "fmod.promotion",
        "torch.fmod(a, b)",
        {"a": T((3,), "int32"), "b": T((), "float64", low=0.5)},
    ),
]

# ---------------------------------------------------------------- neg

CASES += [Case(f"neg.dtype_{d}", "-a", {"a": T((3, 2), d)}) for d in ALL]
CASES += [
    Case("neg.grad", "torch.neg(a)", {"a": T((3, 4), layout="t", grad=True)}),
    Case("neg.negative", "torch.negative(a)", {"a": T((3,), grad=True)}),
    Case("neg.method", "a.negative()", {"a": T((3,), "int8")}),
    Case("neg.inplace", "a.neg_()", {"a": T((3,), "int32")}),
    Case("neg.negative_", "out = a * 1\nout.negative_()", {"a": T((3,), grad=True)}),
    Case("neg.out", "torch.neg(a, out=o)", {"a": T((3,)), "o": T((3,))}),
    Case("neg.empty", "-a", {"a": T((0,))}),
    Case("neg.zero_dim", "-a", {"a": T((), grad=True)}),
]

# ---------------------------------------------------------------- operands that are not numbers

CASES += [
    Case("add.none_operand_error", "a + None", {"a": T((3,))}),
    Case("add.list_operand_error", "a + [1, 2]", {"a": T((3,))}),
    Case("sub.str_operand_error", "a - 'x'", {"a": T((3,))}),
    Case("rsub.str_operand_error", "'x' - a", {"a": T((3,))}),
    Case("mul.none_operand_error", "None * a", {"a": T((3,))}),
    Case("div.none_operand_error", "a / None", {"a": T((3,))}),
    Case("div.rdiv_none_operand_error", "None / a", {"a": T((3,))}),
    Case("floor_divide.none_operand_error", "a // None", {"a": T((3,))}),
    Case("remainder.none_operand_error", "a % None", {"a": T((3,))}),
    Case("pow.none_operand_error", "a ** None", {"a": T((3,))}),
    Case("pow.rpow_none_operand_error", "None ** a", {"a": T((3,))}),
    Case("add.iadd_none_error", "out = a.clone()\nout += None", {"a": T((3,))}),
]

# ---------------------------------------------------------------- fill_, zero_

CASES += [Case(f"fill_.dtype_{d}", "a.fill_(2.7)", {"a": T((2, 3), d)}) for d in ALL]
CASES += [
    Case("fill_.int8_negative", "a.fill_(-1)", {"a": T((3,), "uint8")}),
    Case("fill_.int8_overflow", "a.fill_(1000)", {"a": T((3,), "int8")}),
    Case("fill_.float_overflow", "a.fill_(1e300)", {"a": T((3,))}),
    Case("fill_.half_overflow", "a.fill_(1e5)", {"a": T((3,), "float16")}),
    Case("fill_.complex_into_double", "a.fill_(1j)", {"a": T((3,), "float64")}),
    Case("fill_.complex_overflow", "a.fill_(1e300)", {"a": T((3,), "complex64")}),
    Case("fill_.nan", "a.fill_(float('nan'))", {"a": T((3,), "float16")}),
    Case("fill_.big_int", "a.fill_(10**20)", {"a": T((3,))}),
    Case(
        "fill_.tensor_value", "a.fill_(v)", {"a": T((3,), "int8"), "v": T((), "int64", values=1000)}
    ),
    Case("fill_.tensor_value_float", "a.fill_(v)", {"a": T((3,), "int64"), "v": T((), values=2.7)}),
    Case("fill_.tensor_value_dims_error", "a.fill_(v)", {"a": T((3,)), "v": T((2,))}),
    Case("fill_.layout", "a.fill_(3)", {"a": T((3, 4), layout="t")}),
    Case("fill_.grad_number", "out = a * 1\nout.fill_(2)", {"a": T((3,), grad=True)}),
    Case(
        "fill_.tensor_grad",
        "out = a * 1\nout.fill_(v)",
        {"a": T((3,), grad=True), "v": T((), grad=True)},
    ),
    Case("fill_.leaf_error", "a.fill_(2)", {"a": T((3,), grad=True)}),
    Case("fill_.function", "torch.fill_(a, 4)", {"a": T((3,), "int32")}),
    Case("fill.function", "torch.fill(a, 4)", {"a": T((3,), grad=True)}),
    Case("fill.tensor_value", "torch.fill(a, v)", {"a": T((3,), grad=True), "v": T((), grad=True)}),
    Case("zero_.method", "a.zero_()", {"a": T((3, 4), layout="step")}),
    Case("zero_.function", "torch.zero_(a)", {"a": T((3,), "int16")}),
    Case("zero_.grad", "out = a * 1\nout.zero_()", {"a": T((3,), grad=True)}),
]
