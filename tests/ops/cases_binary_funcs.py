"""Cases for pow, float_power, atan2, hypot, maximum/minimum/fmax/fmin, copysign, xlogy, ldexp,
logaddexp and logaddexp2."""

from tests.ops.cases_binary import ALL, REAL, grads, layouts, per_dtype, shapes
from tests.ops.spec import Case, T

CASES = []

# ---------------------------------------------------------------- pow, float_power

CASES += per_dtype(
    "pow", "a ** b", REAL + ("complex64", "complex128"), a={"low": 0.5}, b={"low": 0, "high": 3}
)
CASES += [Case(f"pow.scalar_dtype_{d}", "a ** 2", {"a": T((3, 2), d)}) for d in ALL]
CASES += [Case(f"pow.rpow_dtype_{d}", "2 ** a", {"a": T((3, 2), d, low=0, high=4)}) for d in ALL]
CASES += shapes("pow", "a ** b", a={"low": 0.5})
CASES += layouts("pow", "torch.pow(a, b)", a={"low": 0.5})
CASES += [
    grads("pow", "a ** b", shape_b=(4,), a={"low": 0.5}),
    Case(
        "pow.grad_base_zero",
        "a ** b",
        {
            "a": T((4,), values=[0.0, 0.0, 2.0, 1.5], grad=True),
            "b": T((4,), values=[0.0, 2.0, 0.0, -1.0], grad=True),
        },
    ),
    Case("pow.scalar_grad", "a ** 3", {"a": T((3, 4), grad=True)}),
    Case("pow.scalar_half_grad", "torch.pow(a, 0.5)", {"a": T((3,), grad=True, low=0.5)}),
    Case("pow.scalar_zero_grad", "a ** 0", {"a": T((3,), grad=True)}),
    Case("pow.scalar_negative_grad", "a.pow(-2)", {"a": T((3,), grad=True, low=0.5)}),
    Case("pow.rpow_grad", "2 ** a", {"a": T((3,), grad=True)}),
    Case("pow.rpow_float_grad", "torch.pow(2.5, a)", {"a": T((3,), "float64", grad=True)}),
    Case(
        "pow.rpow_zero_base_grad",
        "torch.pow(0, a)",
        {"a": T((3,), values=[0.0, 2.0, -1.0], grad=True)},
    ),
    Case(
        "pow.rpow_negative_base_grad",
        "(-2.0) ** a",
        {"a": T((3,), values=[0.0, 2.0, -1.0], grad=True)},
    ),
    Case(
        "pow.zero_dim_base",
        "torch.pow(b, a)",
        {"a": T((3,), grad=True), "b": T((), grad=True, low=0.5)},
    ),
    Case("pow.int_negative_scalar", "a ** -1", {"a": T((3,), "int64", low=1)}),
    Case(
        "pow.int_negative_tensor",
        "a ** b",
        {
            "a": T((5,), "int64", values=[2, -1, 1, 0, -1]),
            "b": T((5,), "int64", values=[-1, -3, -2, 2, -2]),
        },
    ),
    Case(
        "pow.int8_negative_tensor",
        "a ** b",
        {
            "a": T((4,), "int8", values=[2, -1, 1, -1]),
            "b": T((4,), "int8", values=[-1, -3, -2, -2]),
        },
    ),
    Case("pow.int8_wraps", "torch.pow(a, 100)", {"a": T((3,), "int8", values=[5, 3, -3])}),
    Case("pow.int64_wraps", "torch.pow(a, 64)", {"a": T((2,), "int64", values=[2, 3])}),
    Case("pow.int8_overflow_error", "torch.pow(a, 128)", {"a": T((3,), "int8")}),
    Case("pow.half_overflow_error", "torch.pow(a, 1e6)", {"a": T((3,), "float16")}),
    Case("pow.int_float_scalar", "a ** 2.5", {"a": T((3,), "int64", low=0)}),
    Case("pow.bool_int_scalar", "a ** 2", {"a": T((3,), "bool")}),
    Case("pow.bool_bool_scalar", "torch.pow(a, True)", {"a": T((4,), "bool")}),
    Case("pow.bool_false_scalar", "torch.pow(a, False)", {"a": T((4,), "bool")}),
    Case("pow.bool_float_scalar", "torch.pow(a, 2.0)", {"a": T((4,), "bool")}),
    Case("pow.bool_tensors", "torch.pow(a, b)", {"a": T((4,), "bool"), "b": T((4,), "bool")}),
    Case("pow.bool_exponent", "torch.pow(a, b)", {"a": T((4,), "int64"), "b": T((4,), "bool")}),
    Case("pow.rpow_bool_error", "torch.pow(True, a)", {"a": T((4,), "bool")}),
    Case("pow.rpow_int_bool", "torch.pow(2, a)", {"a": T((4,), "bool")}),
    Case("pow.rpow_complex", "torch.pow(2j, a)", {"a": T((3,))}),
    Case("pow.complex_exponent", "a ** b", {"a": T((3,), low=0.5), "b": T((1,), "complex64")}),
    Case(
        "pow.int_tensor_float_zero_dim",
        "torch.pow(a, b)",
        {"a": T((3,), "int64", low=1), "b": T((), low=0.5)},
    ),
    Case("pow.float_zero_dim_int", "torch.pow(b, a)", {"a": T((3,), "int64"), "b": T((), low=0.5)}),
    Case("pow.numbers_error", "torch.pow(2, 3)", {}),
    Case(
        "pow.method_tensor", "a.pow(b)", {"a": T((3,), low=0.5, grad=True), "b": T((3,), grad=True)}
    ),
    Case("pow.inplace_scalar", "out = a * 1\nout.pow_(2)", {"a": T((3,), grad=True)}),
    Case(
        "pow.inplace_tensor",
        "out = a * 1\nout.pow_(b)",
        {"a": T((3,), grad=True, low=0.5), "b": T((3,), grad=True)},
    ),
    Case("pow.inplace_cast_error", "a.pow_(2.5)", {"a": T((3,), "int64")}),
    Case("pow.ipow", "out = a.clone()\nout **= 2", {"a": T((3,), "int32")}),
    Case("pow.out", "torch.pow(a, 2, out=o)", {"a": T((3,)), "o": T((3,))}),
    Case("pow.out_rpow", "torch.pow(2, a, out=o)", {"a": T((3,)), "o": T((3,), "float64")}),
    Case(
        "float_power.tensors",
        "torch.float_power(a, b)",
        {"a": T((3,), low=0.5, grad=True), "b": T((3,), grad=True)},
    ),
    Case("float_power.scalar", "torch.float_power(a, 2)", {"a": T((3,), "int64")}),
    Case("float_power.scalar_grad", "torch.float_power(a, 2)", {"a": T((3,), grad=True)}),
    Case("float_power.rpow", "torch.float_power(2, a)", {"a": T((3,), "int32")}),
    Case("float_power.rpow_grad", "torch.float_power(2.5, a)", {"a": T((3,), grad=True)}),
    Case(
        "float_power.double",
        "torch.float_power(a, b)",
        {"a": T((3,), "float64", low=0.5, grad=True), "b": T((3,), "float64", grad=True)},
    ),
    Case("float_power.complex", "torch.float_power(a, 2)", {"a": T((3,), "complex64")}),
    Case("float_power.complex_exponent", "torch.float_power(a, 2j)", {"a": T((3,), "int64")}),
    Case(
        "float_power.method",
        "a.float_power(b)",
        {"a": T((3,), "float16", low=0.5), "b": T((3,), "int8", low=0, high=3)},
    ),
    Case("float_power.inplace_error", "a.float_power_(2)", {"a": T((3,))}),
    Case(
        "float_power.inplace", "a.float_power_(b)", {"a": T((3,), "float64", low=0.5), "b": T((3,))}
    ),
    Case(
        "float_power.out", "torch.float_power(a, 2, out=o)", {"a": T((3,)), "o": T((3,), "float64")}
    ),
    Case("float_power.out_error", "torch.float_power(a, 2, out=o)", {"a": T((3,)), "o": T((3,))}),
]

# ---------------------------------------------------------------- atan2, hypot, extrema

for _name, _expr in (
    ("atan2", "torch.atan2(a, b)"),
    ("hypot", "torch.hypot(a, b)"),
    ("maximum", "torch.maximum(a, b)"),
    ("minimum", "torch.minimum(a, b)"),
    ("fmax", "torch.fmax(a, b)"),
    ("fmin", "torch.fmin(a, b)"),
    ("copysign", "torch.copysign(a, b)"),
    ("xlogy", "torch.xlogy(a, b)"),
    ("ldexp", "torch.ldexp(a, b)"),
    ("logaddexp", "torch.logaddexp(a, b)"),
    ("logaddexp2", "torch.logaddexp2(a, b)"),
):
    _pos = {"low": 0.5} if _name == "xlogy" else None
    _small = {"low": -3, "high": 4} if _name == "ldexp" else _pos
    CASES += per_dtype(_name, _expr, b=_small)
    CASES += shapes(_name, _expr, b=_small)
    CASES += layouts(_name, _expr, b=_small)
    CASES.append(grads(_name, _expr, shape_b=(4,), b=_pos))
    CASES.append(
        Case(f"{_name}.promotion", _expr, {"a": T((3,), "int32"), "b": T((), "float64", low=0.5)})
    )
    CASES.append(
        Case(f"{_name}.mixed", _expr, {"a": T((3,), "float16"), "b": T((3,), "int64", low=1)})
    )

_TIES = {
    "a": T((4,), values=[1.0, 2.0, 3.0, float("nan")], grad=True),
    "b": T((4,), values=[1.0, 3.0, 2.0, 1.0], grad=True),
}
_NANS = {
    "a": T((4,), values=[float("nan"), 2.0, float("nan"), 1.0]),
    "b": T((4,), values=[1.0, float("nan"), float("nan"), 2.0]),
}
CASES += [
    Case("atan2.scalar_error", "torch.atan2(a, 2)", {"a": T((3,))}),
    Case("atan2.method_scalar_error", "a.atan2(2)", {"a": T((3,))}),
    Case(
        "atan2.arctan2", "torch.arctan2(a, b)", {"a": T((3,), grad=True), "b": T((3,), grad=True)}
    ),
    Case("atan2.inplace", "a.atan2_(b)", {"a": T((3,)), "b": T((3,), "int32")}),
    Case(
        "atan2.arctan2_",
        "out = a * 1\nout.arctan2_(b)",
        {"a": T((3,), grad=True), "b": T((3,), grad=True)},
    ),
    Case("atan2.inplace_int_error", "a.atan2_(b)", {"a": T((3,), "int64"), "b": T((3,), "int64")}),
    Case(
        "atan2.out",
        "torch.atan2(a, b, out=o)",
        {"a": T((3,)), "b": T((3,)), "o": T((3,), "float64")},
    ),
    Case(
        "atan2.zeros",
        "torch.atan2(a, b)",
        {"a": T((4,), values=[0.0, -0.0, 0.0, 1.0]), "b": T((4,), values=[0.0, -1.0, -1.0, 0.0])},
    ),
    Case("hypot.scalar_error", "torch.hypot(a, 2)", {"a": T((3,))}),
    Case("hypot.number_first_error", "torch.hypot(2, a)", {"a": T((3,))}),
    Case("hypot.inplace", "a.hypot_(b)", {"a": T((3,)), "b": T((3,))}),
    Case("hypot.out", "torch.hypot(a, b, out=o)", {"a": T((3,)), "b": T((3,)), "o": T((3,))}),
    Case("maximum.ties_grad", "torch.maximum(a, b)", _TIES),
    Case("minimum.ties_grad", "torch.minimum(a, b)", _TIES),
    Case("fmax.ties_grad", "torch.fmax(a, b)", _TIES),
    Case("fmin.ties_grad", "torch.fmin(a, b)", _TIES),
    Case("maximum.nan", "torch.maximum(a, b)", _NANS),
    Case("minimum.nan", "torch.minimum(a, b)", _NANS),
    Case("fmax.nan", "torch.fmax(a, b)", _NANS),
    Case("fmin.nan", "torch.fmin(a, b)", _NANS),
    Case("maximum.scalar_error", "torch.maximum(a, 2)", {"a": T((3,))}),
    Case("maximum.method_scalar_error", "a.maximum(2)", {"a": T((3,))}),
    Case("maximum.method", "a.maximum(b)", {"a": T((3,), "int8"), "b": T((3,), "uint8")}),
    Case("minimum.method", "a.minimum(b)", {"a": T((3,), "bool"), "b": T((3,), "bool")}),
    Case("maximum.out", "torch.maximum(a, b, out=o)", {"a": T((3,)), "b": T((3,)), "o": T((3,))}),
    Case(
        "fmin.out",
        "torch.fmin(a, b, out=o)",
        {"a": T((3,), "int64"), "b": T((3,), "int64"), "o": T((3,))},
    ),
    Case("copysign.scalar", "torch.copysign(a, -1)", {"a": T((3,), "int64")}),
    Case("copysign.scalar_grad", "torch.copysign(a, -2.0)", {"a": T((3,), grad=True)}),
    Case(
        "copysign.zero_grad",
        "torch.copysign(a, b)",
        {
            "a": T((3,), values=[0.0, -0.0, 2.0], grad=True),
            "b": T((3,), values=[-1.0, 1.0, -0.0], grad=True),
        },
    ),
    Case("copysign.inplace", "a.copysign_(b)", {"a": T((3,)), "b": T((3,))}),
    Case("copysign.inplace_grad", "out = a * 1\nout.copysign_(-1)", {"a": T((3,), grad=True)}),
    Case("copysign.out", "torch.copysign(a, b, out=o)", {"a": T((3,)), "b": T((3,)), "o": T((3,))}),
    Case(
        "xlogy.zeros",
        "torch.xlogy(a, b)",
        {
            "a": T((4,), values=[0.0, 0.0, 1.0, 2.0]),
            "b": T((4,), values=[0.0, float("nan"), 0.0, float("inf")]),
        },
    ),
    Case("xlogy.self_scalar", "torch.xlogy(2, a)", {"a": T((3,), grad=True, low=0.5)}),
    Case("xlogy.self_zero_scalar", "torch.xlogy(0, a)", {"a": T((3,))}),
    Case("xlogy.other_scalar", "torch.xlogy(a, 3)", {"a": T((3,), grad=True)}),
    Case("xlogy.other_zero_scalar", "torch.xlogy(a, 0)", {"a": T((3,))}),
    Case(
        "xlogy.zero_grad",
        "torch.xlogy(a, b)",
        {
            "a": T((3,), values=[0.0, 1.0, 2.0], grad=True),
            "b": T((3,), values=[0.0, 2.0, 3.0], grad=True),
        },
    ),
    Case("xlogy.int", "torch.xlogy(a, b)", {"a": T((3,), "int64"), "b": T((3,), "int64", low=1)}),
    Case("xlogy.method", "a.xlogy(b)", {"a": T((3,)), "b": T((3,), low=0.5)}),
    Case("xlogy.inplace", "a.xlogy_(b)", {"a": T((3,)), "b": T((3,), low=0.5)}),
    Case(
        "xlogy.inplace_grad",
        "out = a * 1\nout.xlogy_(b)",
        {"a": T((3,), grad=True), "b": T((3,), grad=True, low=0.5)},
    ),
    Case("xlogy.out", "torch.xlogy(a, 2, out=o)", {"a": T((3,)), "o": T((3,))}),
    Case(
        "ldexp.int_exponent",
        "torch.ldexp(a, b)",
        {"a": T((3,), grad=True), "b": T((3,), "int64", low=-3, high=4)},
    ),
    Case(
        "ldexp.half_int",
        "torch.ldexp(a, b)",
        {"a": T((3,), "float16"), "b": T((3,), "int32", low=-3, high=4)},
    ),
    Case(
        "ldexp.int_int",
        "torch.ldexp(a, b)",
        {"a": T((3,), "int8"), "b": T((3,), "int8", low=-3, high=4)},
    ),
    Case(
        "ldexp.complex",
        "torch.ldexp(a, b)",
        {"a": T((3,), "complex64"), "b": T((3,), "int64", low=-3, high=4)},
    ),
    Case("ldexp.scalar_error", "torch.ldexp(a, 2)", {"a": T((3,))}),
    Case("ldexp.inplace", "a.ldexp_(b)", {"a": T((3,)), "b": T((3,), "int64", low=-3, high=4)}),
    Case("ldexp.out", "torch.ldexp(a, b, out=o)", {"a": T((3,)), "b": T((3,)), "o": T((3,))}),
    Case(
        "logaddexp.large",
        "torch.logaddexp(a, b)",
        {
            "a": T((3,), values=[1000.0, -1000.0, float("-inf")]),
            "b": T((3,), values=[1000.0, -1001.0, float("-inf")]),
        },
    ),
    Case(
        "logaddexp.complex",
        "torch.logaddexp(a, b)",
        {"a": T((3,), "complex64"), "b": T((3,), "complex64")},
    ),
    Case("logaddexp.method", "a.logaddexp(b)", {"a": T((3,), "float64"), "b": T((3,), "float64")}),
    Case(
        "logaddexp2.method", "a.logaddexp2(b)", {"a": T((3,), "float64"), "b": T((3,), "float64")}
    ),
    Case(
        "logaddexp.out", "torch.logaddexp(a, b, out=o)", {"a": T((3,)), "b": T((3,)), "o": T((3,))}
    ),
    Case("logaddexp2.scalar_error", "torch.logaddexp2(a, 1.0)", {"a": T((3,))}),
]
