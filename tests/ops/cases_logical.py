"""Cases for comparisons (eq ne lt le gt ge and aliases), isclose/allclose/equal and logical_*.

Bitwise ops, shifts and where are in cases_bitwise.py."""

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
NAN = float("nan")
INF = float("inf")

CASES = []

# ---------------------------------------------------------------- comparisons

_OPS = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
_ALIASES = {
    "ne": "not_equal",
    "lt": "less",
    "le": "less_equal",
    "gt": "greater",
    "ge": "greater_equal",
}

for _name, _sym in _OPS.items():
    for _d in ALL:
        CASES.append(
            Case(
                f"{_name}.dtype_{_d}",
                f"a {_sym} b",
                {"a": T((3, 4), _d, low=0, high=3), "b": T((4,), _d, low=0, high=3)},
            )
        )
    CASES += [
        Case(
            f"{_name}.function",
            f"torch.{_name}(a, b)",
            {"a": T((3, 4), layout="t"), "b": T((3, 4), layout="step")},
        ),
        Case(f"{_name}.method_scalar", f"a.{_name}(1)", {"a": T((5,), "int64", low=-2, high=3)}),
        Case(f"{_name}.scalar_left", f"1.5 {_sym} a", {"a": T((5,), "int32", low=-2, high=3)}),
        Case(f"{_name}.int_float_scalar", f"a {_sym} 0.5", {"a": T((5,), "int64", low=-2, high=3)}),
        Case(
            f"{_name}.int8_wrapped_scalar",
            f"a {_sym} 1000",
            {"a": T((4,), "int8", values=[100, -100, -24, 5])},
        ),
        Case(
            f"{_name}.uint8_negative_scalar",
            f"a {_sym} -1",
            {"a": T((3,), "uint8", values=[1, 255, 250])},
        ),
        Case(f"{_name}.bool_int_scalar", f"a {_sym} 1", {"a": T((4,), "bool")}),
        Case(f"{_name}.zero_dim", f"a {_sym} b", {"a": T((3,), "int16"), "b": T((), "float64")}),
        Case(f"{_name}.expand", f"a {_sym} b", {"a": T((3, 4), layout="expand"), "b": T((3, 1))}),
        Case(f"{_name}.empty", f"a {_sym} b", {"a": T((2, 0)), "b": T((1, 0))}),
        Case(f"{_name}.broadcast_error", f"a {_sym} b", {"a": T((3,)), "b": T((2,))}),
        Case(
            f"{_name}.nan",
            f"a {_sym} b",
            {"a": T((3,), values=[NAN, 1.0, INF]), "b": T((3,), values=[NAN, NAN, INF])},
        ),
        Case(
            f"{_name}.grad_input",
            f"a {_sym} b",
            {"a": T((3,), grad=True), "b": T((3,), grad=True)},
            grad=False,
        ),
        Case(f"{_name}.inplace", f"a.{_name}_(b)", {"a": T((5,)), "b": T((5,))}),
        Case(f"{_name}.inplace_int", f"a.{_name}_(0.5)", {"a": T((5,), "int64", low=-2, high=3)}),
        Case(f"{_name}.inplace_bool", f"a.{_name}_(0.5)", {"a": T((5,), "bool")}),
        Case(
            f"{_name}.inplace_grad_scalar",
            f"out = a * 1\nout.{_name}_(0)",
            {"a": T((5,), grad=True)},
        ),
        Case(
            f"{_name}.inplace_grad_tensor",
            f"out = a * 1\nout.{_name}_(b)",
            {"a": T((5,), grad=True), "b": T((5,), grad=True)},
        ),
        Case(f"{_name}.inplace_broadcast_error", f"a.{_name}_(b)", {"a": T((3,)), "b": T((2, 3))}),
        Case(f"{_name}.out_float", f"torch.{_name}(a, 0, out=o)", {"a": T((5,)), "o": T((5,))}),
        Case(
            f"{_name}.out_int",
            f"torch.{_name}(a, b, out=o)",
            {"a": T((5,)), "b": T((5,)), "o": T((5,), "int64")},
        ),
        Case(f"{_name}.complex_scalar", f"a {_sym} 1j", {"a": T((3,))}),
    ]
    if _name in _ALIASES:
        _alias = _ALIASES[_name]
        CASES += [
            Case(
                f"{_name}.alias_{_alias}",
                f"torch.{_alias}(a, b)",
                {"a": T((5,), "int32"), "b": T((5,), "int32")},
            ),
            Case(f"{_name}.alias_method", f"a.{_alias}(0)", {"a": T((5,))}),
            Case(f"{_name}.alias_inplace", f"a.{_alias}_(0)", {"a": T((5,))}),
        ]

CASES += [
    Case("eq.none", "a == None", {"a": T((3,))}),
    Case("ne.none", "a != None", {"a": T((3,))}),
    Case("eq.string", "a == 'x'", {"a": T((3,))}),
    Case(
        "eq.complex",
        "a == b",
        {
            "a": T((3,), "complex64", values=[1j, 2, 3]),
            "b": T((3,), "complex128", values=[1j, 2j, 3]),
        },
    ),
    Case("lt.none_error", "a < None", {"a": T((3,))}),
]

# ---------------------------------------------------------------- isclose, allclose, equal

_CLOSE = {
    "a": T((6,), values=[1.0, 2.0, NAN, INF, -INF, 1e-9]),
    "b": T((6,), values=[1.000001, 2.1, NAN, INF, INF, 0.0]),
}
CASES += [
    Case(f"isclose.dtype_{d}", "torch.isclose(a, b)", {"a": T((3, 4), d), "b": T((4,), d)})
    for d in ALL
]
CASES += [
    Case("isclose.defaults", "torch.isclose(a, b)", _CLOSE),
    Case("isclose.equal_nan", "torch.isclose(a, b, equal_nan=True)", _CLOSE),
    Case("isclose.rtol", "torch.isclose(a, b, rtol=0.1)", _CLOSE),
    Case("isclose.zero_tolerances", "torch.isclose(a, b, rtol=0, atol=0)", _CLOSE),
    Case("isclose.zero_tolerances_nan", "torch.isclose(a, b, 0, 0, True)", _CLOSE),
    Case(
        "isclose.method",
        "a.isclose(b, atol=0.5)",
        {"a": T((4,), "float64"), "b": T((4,), "float64")},
    ),
    Case(
        "isclose.uint8_atol",
        "torch.isclose(a, b, atol=1)",
        {"a": T((2,), "uint8", values=[1, 2]), "b": T((2,), "uint8", values=[2, 1])},
    ),
    Case(
        "isclose.int8_atol",
        "torch.isclose(a, b, rtol=0, atol=60)",
        {"a": T((1,), "int8", values=[100]), "b": T((1,), "int8", values=[-100])},
    ),
    Case(
        "isclose.int64_default_float",
        "torch.isclose(a, b, rtol=0, atol=0.5)",
        {"a": T((1,), "int64", values=[2**40]), "b": T((1,), "int64", values=[2**40 + 1])},
    ),
    Case(
        "isclose.bool", "torch.isclose(a, b, atol=1)", {"a": T((4,), "bool"), "b": T((4,), "bool")}
    ),
    Case(
        "isclose.half",
        "torch.isclose(a, b)",
        {"a": T((2,), "float16", values=[1.0, 2.0]), "b": T((2,), "float16", values=[1.001, 2.0])},
    ),
    Case(
        "isclose.complex_equal_nan",
        "torch.isclose(a, b, equal_nan=True)",
        {"a": T((2,), "complex64"), "b": T((2,), "complex64")},
    ),
    Case("isclose.broadcast", "torch.isclose(a, b)", {"a": T((3, 4), layout="t"), "b": T(())}),
    Case("isclose.dtype_error", "torch.isclose(a, b)", {"a": T((3,)), "b": T((3,), "float64")}),
    Case("isclose.int_float_error", "torch.isclose(a, b)", {"a": T((3,), "int64"), "b": T((3,))}),
    Case("isclose.scalar_error", "torch.isclose(a, 1.5)", {"a": T((3,))}),
    Case("isclose.rtol_error", "torch.isclose(a, a, rtol=-1)", {"a": T((3,))}),
    Case("isclose.atol_error", "torch.isclose(a, a, atol=-0.5)", {"a": T((3,))}),
    Case(
        "isclose.grad_input",
        "torch.isclose(a, b)",
        {"a": T((3,), grad=True), "b": T((3,))},
        grad=False,
    ),
    Case("allclose.true", "torch.allclose(a, a + 1e-7)", {"a": T((3, 4))}),
    Case("allclose.false", "torch.allclose(a, b)", {"a": T((3, 4)), "b": T((3, 4))}),
    Case("allclose.nan", "torch.allclose(a, b, equal_nan=True)", _CLOSE),
    Case(
        "allclose.broadcast",
        "torch.allclose(a, b)",
        {"a": T((1, 2), values=[[1.0, 2.0]]), "b": T((2,), values=[1.0, 2.0])},
    ),
    Case("allclose.broadcast_error", "torch.allclose(a, b)", {"a": T((1, 2)), "b": T((3,))}),
    Case("allclose.method", "a.allclose(b, rtol=1, atol=10)", {"a": T((3,)), "b": T((3,))}),
    Case("allclose.dtype_error", "torch.allclose(a, b)", {"a": T((3,)), "b": T((3,), "int64")}),
    Case("equal.same", "torch.equal(a, a.clone())", {"a": T((3, 4))}),
    Case("equal.different", "torch.equal(a, b)", {"a": T((3,)), "b": T((3,))}),
    Case("equal.shapes", "torch.equal(a, a[:2])", {"a": T((3,))}),
    Case(
        "equal.zero_dim_vs_one",
        "torch.equal(a, b)",
        {"a": T((), values=1.0), "b": T((1,), values=[1.0])},
    ),
    Case("equal.dtypes", "torch.equal(a, a.double())", {"a": T((3,))}),
    Case("equal.int_dtypes", "torch.equal(a, a.int())", {"a": T((3,), "int64")}),
    Case(
        "equal.bool_int",
        "torch.equal(a, b)",
        {"a": T((2,), "bool", values=[True, False]), "b": T((2,), "int64", values=[1, 0])},
    ),
    Case("equal.nan", "torch.equal(a, a)", {"a": T((2,), values=[1.0, NAN])}),
    Case("equal.empty", "torch.equal(a, b)", {"a": T((0,)), "b": T((0,), "int64")}),
    Case("equal.layout", "torch.equal(a, a.contiguous())", {"a": T((3, 4), layout="t")}),
    Case("equal.method", "a.equal(b)", {"a": T((3,), "int32"), "b": T((3,), "int32")}),
    Case("equal.scalar_error", "torch.equal(a, 1)", {"a": T((3,))}),
]

# ---------------------------------------------------------------- logical

for _name in ("logical_and", "logical_or", "logical_xor"):
    CASES += [
        Case(
            f"{_name}.dtype_{d}",
            f"torch.{_name}(a, b)",
            {"a": T((3, 4), d, low=0, high=2), "b": T((4,), d, low=0, high=2)},
        )
        for d in ALL
    ]
    CASES += [
        Case(
            f"{_name}.mixed",
            f"torch.{_name}(a, b)",
            {"a": T((5,), "int64", low=-1, high=2), "b": T((5,), low=-1, high=1)},
        ),
        Case(
            f"{_name}.method",
            f"a.{_name}(b)",
            {"a": T((3, 4), "bool", layout="t"), "b": T((3, 4), "bool", layout="step")},
        ),
        Case(
            f"{_name}.nan",
            f"torch.{_name}(a, b)",
            {"a": T((3,), values=[NAN, 0.0, 1.0]), "b": T((3,), values=[1.0, NAN, 0.0])},
        ),
        Case(f"{_name}.scalar_error", f"torch.{_name}(a, 1)", {"a": T((3,), "bool")}),
        Case(f"{_name}.method_scalar_error", f"a.{_name}(1)", {"a": T((3,), "bool")}),
        Case(f"{_name}.number_first_error", f"torch.{_name}(1, a)", {"a": T((3,), "bool")}),
        Case(
            f"{_name}.out_float",
            f"torch.{_name}(a, b, out=o)",
            {"a": T((3,), "bool"), "b": T((3,), "bool"), "o": T((3,))},
        ),
        Case(
            f"{_name}.out_int",
            f"torch.{_name}(a, b, out=o)",
            {"a": T((3,)), "b": T((3,), "int32"), "o": T((3,), "int32")},
        ),
        Case(
            f"{_name}.inplace_float",
            f"a.{_name}_(b)",
            {"a": T((3,), low=-1, high=1), "b": T((3,), "bool")},
        ),
        Case(
            f"{_name}.inplace_int",
            f"a.{_name}_(b)",
            {"a": T((3,), "int64", low=-1, high=2), "b": T((3,), "bool")},
        ),
        Case(
            f"{_name}.inplace_grad",
            f"out = a * 1\nout.{_name}_(b)",
            {"a": T((3,), grad=True), "b": T((3,))},
        ),
        Case(
            f"{_name}.grad_input",
            f"torch.{_name}(a, b)",
            {"a": T((3,), grad=True), "b": T((3,), grad=True)},
            grad=False,
        ),
        Case(
            f"{_name}.broadcast",
            f"torch.{_name}(a, b)",
            {"a": T((2, 1, 3), "int8"), "b": T((4, 1), "bool")},
        ),
        Case(f"{_name}.broadcast_error", f"torch.{_name}(a, b)", {"a": T((2,)), "b": T((3,))}),
        Case(f"{_name}.empty", f"torch.{_name}(a, b)", {"a": T((2, 0)), "b": T((0,))}),
        Case(f"{_name}.zero_dim", f"torch.{_name}(a, b)", {"a": T(()), "b": T((3,), "int64")}),
    ]
CASES += [
    Case(f"logical_not.dtype_{d}", "torch.logical_not(a)", {"a": T((3, 4), d, low=-1, high=2)})
    for d in ALL
]
CASES += [
    Case("logical_not.method", "a.logical_not()", {"a": T((3, 4), layout="t", low=-1, high=1)}),
    Case("logical_not.nan", "torch.logical_not(a)", {"a": T((2,), values=[NAN, 0.0])}),
    Case(
        "logical_not.complex", "torch.logical_not(a)", {"a": T((2,), "complex64", values=[1j, 0])}
    ),
    Case(
        "logical_not.out_int", "torch.logical_not(a, out=o)", {"a": T((3,)), "o": T((3,), "int32")}
    ),
    Case(
        "logical_not.out_float",
        "torch.logical_not(a, out=o)",
        {"a": T((3,), "bool"), "o": T((3,), "float64")},
    ),
    Case("logical_not.inplace", "a.logical_not_()", {"a": T((3,), "int16", low=-1, high=2)}),
    Case("logical_not.inplace_float", "a.logical_not_()", {"a": T((3,), values=[0.0, 2.0, NAN])}),
    Case("logical_not.empty", "torch.logical_not(a)", {"a": T((0,))}),
    Case("logical_not.zero_dim", "torch.logical_not(a)", {"a": T((), "int64")}),
    Case("logical_not.grad_input", "torch.logical_not(a)", {"a": T((3,), grad=True)}, grad=False),
]

CASES += [
    Case("lt.str_operand_error", "a < 'x'", {"a": T((3,))}),
    Case("eq.list_operand", "a == [1, 2]", {"a": T((3,))}),
]
