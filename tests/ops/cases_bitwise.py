"""Cases for bitwise_and/or/xor/not, the shifts, and where."""

from tests.ops.cases_logical import ALL
from tests.ops.spec import Case, T

CASES = []

# ---------------------------------------------------------------- bitwise

_BITWISE = {"bitwise_and": "&", "bitwise_or": "|", "bitwise_xor": "^"}
for _name, _sym in _BITWISE.items():
    _short = _name[8:]
    CASES += [
        Case(f"{_name}.dtype_{d}", f"a {_sym} b", {"a": T((3, 4), d), "b": T((4,), d)}) for d in ALL
    ]
    CASES += [
        Case(
            f"{_name}.function",
            f"torch.{_name}(a, b)",
            {"a": T((3, 4), "int64", layout="t"), "b": T((3, 4), "int64", layout="step")},
        ),
        Case(f"{_name}.scalar", f"a {_sym} 6", {"a": T((5,), "int32")}),
        Case(f"{_name}.scalar_left", f"6 {_sym} a", {"a": T((5,), "int16")}),
        Case(f"{_name}.number_first", f"torch.{_name}(6, a)", {"a": T((5,), "int64")}),
        Case(f"{_name}.reflected_dunder", f"a.__r{_short}__(6)", {"a": T((5,), "int64")}),
        Case(f"{_name}.bool_scalar", f"a {_sym} True", {"a": T((4,), "bool")}),
        Case(f"{_name}.bool_int_scalar", f"a {_sym} 1", {"a": T((4,), "bool")}),
        Case(
            f"{_name}.int8_wrapped_scalar",
            f"a {_sym} 1000",
            {"a": T((4,), "int8", values=[100, -100, 5, -1])},
        ),
        Case(
            f"{_name}.uint8_negative_scalar",
            f"a {_sym} -1",
            {"a": T((3,), "uint8", values=[1, 2, 250])},
        ),
        Case(f"{_name}.float_scalar_error", f"a {_sym} 2.5", {"a": T((3,), "int64")}),
        Case(f"{_name}.mixed", f"a {_sym} b", {"a": T((5,), "uint8"), "b": T((5,), "int8")}),
        Case(f"{_name}.zero_dim", f"a {_sym} b", {"a": T((5,), "int8"), "b": T((), "int64")}),
        Case(f"{_name}.int_bool", f"a {_sym} b", {"a": T((5,), "int32"), "b": T((5,), "bool")}),
        Case(
            f"{_name}.broadcast_error",
            f"a {_sym} b",
            {"a": T((2,), "int64"), "b": T((3,), "int64")},
        ),
        Case(f"{_name}.empty", f"a {_sym} b", {"a": T((2, 0), "int64"), "b": T((0,), "int64")}),
        Case(f"{_name}.inplace", f"a.{_name}_(b)", {"a": T((5,), "int64"), "b": T((5,), "int8")}),
        Case(
            f"{_name}.inplace_dunder",
            f"out = a.clone()\nout {_sym}= b",
            {"a": T((5,), "bool"), "b": T((5,), "bool")},
        ),
        Case(
            f"{_name}.inplace_cast_error",
            f"a.{_name}_(b)",
            {"a": T((5,), "int8"), "b": T((5,), "int64")},
        ),
        Case(
            f"{_name}.out",
            f"torch.{_name}(a, b, out=o)",
            {"a": T((5,), "int32"), "b": T((5,), "int32"), "o": T((5,), "int64")},
        ),
        Case(f"{_name}.float_error", f"torch.{_name}(a, b)", {"a": T((5,), "int32"), "b": T((5,))}),
    ]
CASES += [Case(f"bitwise_not.dtype_{d}", "torch.bitwise_not(a)", {"a": T((3, 4), d)}) for d in ALL]
CASES += [Case(f"bitwise_not.invert_{d}", "~a", {"a": T((3, 4), d)}) for d in ALL]
CASES += [
    Case("bitwise_not.method", "a.bitwise_not()", {"a": T((3, 4), "int64", layout="t")}),
    Case("bitwise_not.inplace", "a.bitwise_not_()", {"a": T((4,), "uint8")}),
    Case(
        "bitwise_not.out",
        "torch.bitwise_not(a, out=o)",
        {"a": T((4,), "int8"), "o": T((4,), "int64")},
    ),
    Case("bitwise_not.zero_dim", "~a", {"a": T((), "bool", values=True)}),
]

_SHIFTS = {"bitwise_left_shift": "<<", "bitwise_right_shift": ">>"}
for _name, _sym in _SHIFTS.items():
    _short = "lshift" if _sym == "<<" else "rshift"
    CASES += [
        Case(
            f"{_name}.dtype_{d}", f"a {_sym} b", {"a": T((3, 4), d), "b": T((4,), d, low=0, high=4)}
        )
        for d in ALL
    ]
    CASES += [
        Case(
            f"{_name}.function",
            f"torch.{_name}(a, b)",
            {
                "a": T((3, 4), "int64", layout="t"),
                "b": T((3, 4), "int64", layout="step", low=0, high=5),
            },
        ),
        Case(f"{_name}.scalar", f"a {_sym} 2", {"a": T((5,), "int32")}),
        Case(f"{_name}.scalar_left", f"1 {_sym} a", {"a": T((5,), "int64", low=0, high=8)}),
        Case(
            f"{_name}.number_first", f"torch.{_name}(2, a)", {"a": T((5,), "int64", low=0, high=8)}
        ),
        Case(
            f"{_name}.reflected_dunder",
            f"a.__r{_short}__(64)",
            {"a": T((5,), "int64", low=0, high=8)},
        ),
        Case(
            f"{_name}.overflow",
            f"a {_sym} b",
            {
                "a": T((5,), "int8", values=[100, -100, 5, -1, 3]),
                "b": T((5,), "int8", values=[7, 8, 100, -1, 1]),
            },
        ),
        Case(
            f"{_name}.int64_wide",
            f"a {_sym} b",
            {
                "a": T((4,), "int64", values=[5, -7, 3, -1]),
                "b": T((4,), "int64", values=[63, 64, -1, 65]),
            },
        ),
        Case(
            f"{_name}.uint8",
            f"a {_sym} b",
            {
                "a": T((4,), "uint8", values=[1, 2, 250, 255]),
                "b": T((4,), "uint8", values=[1, 7, 8, 255]),
            },
        ),
        Case(f"{_name}.uint8_negative_scalar", f"a {_sym} -1", {"a": T((3,), "uint8")}),
        Case(f"{_name}.wrapped_scalar", f"a {_sym} 2**40", {"a": T((3,), "int8")}),
        Case(
            f"{_name}.mixed",
            f"a {_sym} b",
            {"a": T((4,), "int64"), "b": T((4,), "uint8", low=0, high=4)},
        ),
        Case(f"{_name}.bool_error", f"a {_sym} 1", {"a": T((3,), "bool")}),
        Case(
            f"{_name}.bool_tensors_error",
            f"a {_sym} b",
            {"a": T((3,), "bool"), "b": T((3,), "bool")},
        ),
        Case(f"{_name}.float_scalar_error", f"a {_sym} 1.5", {"a": T((3,), "int64")}),
        Case(f"{_name}.inplace", f"a.{_name}_(1)", {"a": T((5,), "int16")}),
        Case(
            f"{_name}.inplace_dunder",
            f"out = a.clone()\nout {_sym}= b",
            {"a": T((5,), "int64"), "b": T((5,), "int64", low=0, high=4)},
        ),
        Case(
            f"{_name}.out",
            f"torch.{_name}(a, 1, out=o)",
            {"a": T((5,), "int32"), "o": T((5,), "int32")},
        ),
    ]

# ---------------------------------------------------------------- where

CASES += [
    Case(
        f"where.dtype_{d}",
        "torch.where(c, a, b)",
        {"c": T((3, 4), "bool"), "a": T((3, 4), d), "b": T((4,), d)},
    )
    for d in ALL
]
CASES += [
    Case(
        "where.grad",
        "torch.where(c, a, b)",
        {"c": T((3, 4), "bool"), "a": T((3, 4), grad=True), "b": T((4,), grad=True)},
    ),
    Case(
        "where.grad_scalar_other",
        "torch.where(c, a, 0.0)",
        {"c": T((3,), "bool"), "a": T((3,), grad=True)},
    ),
    Case(
        "where.grad_scalar_input",
        "torch.where(c, 2.0, b)",
        {"c": T((3,), "bool"), "b": T((3,), "float64", grad=True)},
    ),
    Case(
        "where.grad_broadcast_cond",
        "torch.where(c, a, b)",
        {"c": T((2, 1, 3), "bool"), "a": T((4, 1), grad=True), "b": T((), grad=True)},
    ),
    Case(
        "where.grad_one_side",
        "torch.where(c, a, b)",
        {"c": T((3,), "bool"), "a": T((3,), grad=True), "b": T((3,))},
    ),
    Case(
        "where.layouts",
        "torch.where(c, a, b)",
        {
            "c": T((3, 4), "bool", layout="t"),
            "a": T((3, 4), layout="step"),
            "b": T((3, 4), layout="expand"),
        },
    ),
    Case(
        "where.promotion",
        "torch.where(c, a, b)",
        {"c": T((3,), "bool"), "a": T((3,), "int64"), "b": T((3,))},
    ),
    Case(
        "where.uint8_int8",
        "torch.where(c, a, b)",
        {"c": T((3,), "bool"), "a": T((3,), "uint8"), "b": T((3,), "int8")},
    ),
    Case(
        "where.int_float_scalar",
        "torch.where(c, a, 2.5)",
        {"c": T((3,), "bool"), "a": T((3,), "int64")},
    ),
    Case(
        "where.half_float_scalar",
        "torch.where(c, a, 2.0)",
        {"c": T((3,), "bool"), "a": T((3,), "float16")},
    ),
    Case("where.two_ints", "torch.where(c, 2, 3)", {"c": T((3,), "bool")}),
    Case("where.int_float", "torch.where(c, 2, 3.0)", {"c": T((3,), "bool")}),
    Case("where.bool_int", "torch.where(c, True, 0)", {"c": T((3,), "bool")}),
    Case("where.complex_scalar", "torch.where(c, 1j, a)", {"c": T((3,), "bool"), "a": T((3,))}),
    Case(
        "where.zero_dim_tensors",
        "torch.where(c, a, b)",
        {"c": T((3,), "bool"), "a": T((), "float64"), "b": T((), "int64")},
    ),
    Case(
        "where.zero_dim_and_dims",
        "torch.where(c, a, b)",
        {"c": T((3,), "bool"), "a": T((3,), "int32"), "b": T((), "float32")},
    ),
    Case(
        "where.zero_dim_cond",
        "torch.where(c, a, b)",
        {"c": T((), "bool", values=False), "a": T((3,), "int64"), "b": T((3,))},
    ),
    Case(
        "where.int8_overflow",
        "torch.where(c, a, 1000)",
        {"c": T((3,), "bool"), "a": T((3,), "int8")},
    ),
    Case(
        "where.uint8_negative",
        "torch.where(c, a, -1)",
        {"c": T((3,), "bool"), "a": T((3,), "uint8")},
    ),
    Case("where.float_overflow", "torch.where(c, a, 1e300)", {"c": T((3,), "bool"), "a": T((3,))}),
    Case(
        "where.int_cond_error",
        "torch.where(c, a, b)",
        {"c": T((3,), "int64"), "a": T((3,)), "b": T((3,))},
    ),
    Case(
        "where.float_cond_error", "torch.where(c, a, b)", {"c": T((3,)), "a": T((3,)), "b": T((3,))}
    ),
    Case(
        "where.broadcast_error",
        "torch.where(c, a, b)",
        {"c": T((2,), "bool"), "a": T((3,)), "b": T((3,))},
    ),
    Case(
        "where.empty",
        "torch.where(c, a, b)",
        {"c": T((2, 0), "bool"), "a": T((0,)), "b": T((1, 0))},
    ),
    Case(
        "where.method",
        "a.where(c, b)",
        {"c": T((3,), "bool"), "a": T((3,), grad=True), "b": T((3,), grad=True)},
    ),
    Case("where.method_scalar", "a.where(c, 0)", {"c": T((3,), "bool"), "a": T((3,), "int16")}),
    Case(
        "where.out",
        "torch.where(c, a, b, out=o)",
        {"c": T((3,), "bool"), "a": T((3,)), "b": T((3,)), "o": T((3,))},
    ),
    Case(
        "where.out_cast_error",
        "torch.where(c, a, b, out=o)",
        {"c": T((3,), "bool"), "a": T((3,)), "b": T((3,)), "o": T((3,), "int64")},
    ),
    Case("where.condition_only", "torch.where(c)", {"c": T((5,), "bool")}),
    Case("where.condition_only_2d", "torch.where(c)", {"c": T((3, 4), "int64", low=-1, high=2)}),
    Case(
        "where.saved_condition",
        "torch.where(c, a, b).grad_fn._saved_condition",
        {"c": T((3,), "bool"), "a": T((3,), grad=True), "b": T((3,))},
        grad=False,
    ),
]

CASES += [
    Case("bitwise_and.none_operand_error", "a & None", {"a": T((3,), "int64")}),
    Case("bitwise_or.rnone_operand_error", "None | a", {"a": T((3,), "int64")}),
    Case("bitwise_left_shift.none_operand_error", "a << None", {"a": T((3,), "int64")}),
]
