"""Cases for the unary elementwise ops of numtorch/_ops/unary.py, unary_math.py and
unary_complex.py (erf and the gamma family are in cases_unary_special.py).

The float functions share one generated battery, `float_function_cases` (dtypes, layouts, grads,
in-place, out=, errors), each over values inside its domain; the sign, rounding, classification
and complex-part ops have hand-written cases for their own rules (integers kept, bool refused,
halves to even, ...).
"""

import numpy

from tests.ops.spec import Case, T

NAN, INF = float("nan"), float("inf")


def V(values, dtype="float32", **kwargs):
    """A tensor input with the given values (its shape is theirs)."""
    return T(numpy.shape(values), dtype, values=values, **kwargs)


SPECIAL = [0.0, -0.0, 1.5, -2.5, NAN, INF, -INF, 0.5]

# name, (low, high) inside the domain, whether torch accepts complex input
FLOAT_FUNCTIONS = [
    ("reciprocal", (0.5, 3.0), True),
    ("sqrt", (0.1, 3.0), True),
    ("rsqrt", (0.1, 3.0), True),
    ("exp2", (-3.0, 3.0), True),
    ("expm1", (-3.0, 3.0), True),
    ("log", (0.1, 3.0), True),
    ("log2", (0.1, 3.0), True),
    ("log10", (0.1, 3.0), True),
    ("log1p", (-0.9, 3.0), True),
    ("sin", (-3.0, 3.0), True),
    ("cos", (-3.0, 3.0), True),
    ("tan", (-1.3, 1.3), True),
    ("asin", (-0.9, 0.9), True),
    ("acos", (-0.9, 0.9), True),
    ("atan", (-3.0, 3.0), True),
    ("sinh", (-3.0, 3.0), True),
    ("cosh", (-3.0, 3.0), True),
    ("asinh", (-3.0, 3.0), True),
    ("acosh", (1.1, 4.0), True),
    ("atanh", (-0.9, 0.9), True),
    ("sinc", (-3.0, 3.0), True),
    ("deg2rad", (-200.0, 200.0), False),
    ("rad2deg", (-3.0, 3.0), False),
    ("logit", (0.05, 0.95), False),
]


def float_function_cases(name, domain, complex_ok):
    lo, hi = domain

    def t(shape=(3, 4), dtype="float32", **kw):
        return T(shape, dtype, low=lo, high=hi, **kw)

    cases = [
        Case(f"{name}.float32", f"torch.{name}(a)", {"a": t(grad=True)}),
        Case(f"{name}.float64", f"a.{name}()", {"a": t((5,), "float64", grad=True)}),
        Case(f"{name}.float16", f"torch.{name}(a)", {"a": t((2, 3), "float16")}),
        Case(f"{name}.int64", f"torch.{name}(a)", {"a": T((7,), "int64", low=-3, high=4)}),
        Case(f"{name}.int16", f"a.{name}()", {"a": T((2, 3), "int16", low=0, high=5)}),
        Case(f"{name}.uint8", f"torch.{name}(a)", {"a": T((4,), "uint8", high=4)}),
        Case(f"{name}.bool", f"torch.{name}(a)", {"a": T((4,), "bool")}),
        Case(f"{name}.zero_dim", f"torch.{name}(a)", {"a": t((), grad=True)}),
        Case(f"{name}.empty", f"torch.{name}(a)", {"a": t((0, 3), grad=True)}),
        Case(f"{name}.transposed", f"torch.{name}(a)", {"a": t(layout="t", grad=True)}),
        Case(f"{name}.step", f"a.{name}()", {"a": t((2, 3), "float64", layout="step", grad=True)}),
        Case(f"{name}.expand", f"torch.{name}(a)", {"a": t(layout="expand", grad=True)}),
        Case(f"{name}.inplace", f"a.clone().{name}_()", {"a": t(grad=True)}),
        Case(
            f"{name}.inplace_view", f"b = a.clone()\nb[0].{name}_()\nout = b", {"a": t(grad=True)}
        ),
        Case(f"{name}.inplace_int_error", f"a.{name}_()", {"a": T((3,), "int64")}),
        Case(f"{name}.inplace_leaf_error", f"a.{name}_()", {"a": t((3,), grad=True)}),
        Case(f"{name}.out", f"torch.{name}(a, out=o)", {"a": t(), "o": T((3, 4))}),
        Case(
            f"{name}.out_float64",
            f"torch.{name}(a, out=o)",
            {"a": t(), "o": T((3, 4), "float64")},
            rtol=1.3e-5,
            atol=1e-5,
        ),
        Case(
            f"{name}.out_int_error", f"torch.{name}(a, out=o)", {"a": t(), "o": T((3, 4), "int64")}
        ),
    ]
    if complex_ok:
        cases += [
            Case(f"{name}.complex64", f"torch.{name}(a)", {"a": t((5,), "complex64")}),
            Case(f"{name}.complex128", f"a.{name}()", {"a": t((2, 3), "complex128")}),
            Case(
                f"{name}.complex_grad",
                f"torch.{name}(a).abs()",
                {"a": t((4,), "complex128", grad=True)},
            ),
        ]
    else:
        cases.append(Case(f"{name}.complex_error", f"torch.{name}(a)", {"a": t((3,), "complex64")}))
    return cases


CASES = [c for spec in FLOAT_FUNCTIONS for c in float_function_cases(*spec)]

# ---------------------------------------------------------------- float functions: specifics

CASES += [
    Case("reciprocal.zero", "torch.reciprocal(a)", {"a": V([0.0, -0.0, 2.0, INF])}),
    Case("sqrt.negative", "torch.sqrt(a)", {"a": V([-1.0, 0.0, 4.0, INF, NAN])}),
    Case("sqrt.float16_grad", "torch.sqrt(a)", {"a": T((5,), "float16", low=0.5, grad=True)}),
    Case("rsqrt.zero", "torch.rsqrt(a)", {"a": V([0.0, -1.0, 4.0, INF])}),
    Case("exp2.overflow", "torch.exp2(a)", {"a": V([200.0, -200.0, 16.5], "float16")}),
    Case("expm1.tiny", "torch.expm1(a)", {"a": V([1e-10, -1e-12, 0.0], "float64")}),
    Case("log.special", "torch.log(a)", {"a": V([0.0, -1.0, INF, NAN, 1.0])}),
    Case("log1p.tiny", "torch.log1p(a)", {"a": V([1e-12, -1.0, -2.0], "float64")}),
    Case("log2.int", "torch.log2(a)", {"a": V([1, 2, 1024, 0], "int32")}),
    Case("log.float16_grad", "torch.log(a)", {"a": T((5,), "float16", low=0.5, grad=True)}),
    Case("sin.float16_grad", "torch.sin(a)", {"a": T((5,), "float16", grad=True)}, rtol=3e-3),
    Case("asin.outside", "torch.asin(a)", {"a": V([1.5, -1.0, 1.0])}),
    Case("acosh.outside", "torch.acosh(a)", {"a": V([0.5, 1.0, INF])}),
    Case("atanh.edges", "torch.atanh(a)", {"a": V([1.0, -1.0, 2.0, 0.0])}),
    Case("cosh.overflow", "torch.cosh(a)", {"a": V([100.0, -100.0])}),
    Case("sinc.zero_grad", "torch.sinc(a)", {"a": V([0.0, 0.5, -1.5, 2.0], grad=True)}),
    Case("sinc.integers", "torch.sinc(a)", {"a": V([1.0, 2.0, -3.0, 0.0], "float64")}),
    Case("sinc.complex_zero", "torch.sinc(a)", {"a": V([0j, 1 + 1j], "complex64")}),
    Case("deg2rad.int", "torch.deg2rad(a)", {"a": V([180, -90, 45], "int64")}),
    Case("rad2deg.pi", "a.rad2deg()", {"a": V([3.141592653589793, -1.0], "float64")}),
    Case("logit.eps", "torch.logit(a, eps=0.2)", {"a": T((3, 4), low=-0.5, high=1.5, grad=True)}),
    Case("logit.eps_positional", "a.logit(0.25)", {"a": T((6,), "float64", low=-0.5, high=1.5)}),
    Case(
        "logit.eps_inplace",
        "a.clone().logit_(eps=0.1)",
        {"a": T((5,), low=0.0, high=1.0, grad=True)},
    ),
    Case("logit.outside", "torch.logit(a)", {"a": V([0.0, 1.0, -0.5, 1.5, 0.5], grad=True)}),
    Case("logit.eps_float16", "torch.logit(a, 1e-3)", {"a": V([0.0, 1.0, 0.5], "float16")}),
    Case("arcsin.alias", "torch.arcsin(a)", {"a": T((4,), low=-0.9, high=0.9, grad=True)}),
    Case("arccos.method", "a.arccos()", {"a": T((4,), low=-0.9, high=0.9, grad=True)}),
    Case("arctan.inplace", "a.clone().arctan_()", {"a": T((4,), grad=True)}),
    Case("arcsinh.alias", "torch.arcsinh(a)", {"a": T((4,), grad=True)}),
    Case("arccosh.method", "a.arccosh()", {"a": T((4,), low=1.5, high=3.0, grad=True)}),
    Case("arctanh.inplace", "a.clone().arctanh_()", {"a": T((4,), low=-0.9, high=0.9, grad=True)}),
    Case("arcsin.out", "torch.arcsin(a, out=o)", {"a": T((4,), low=-0.9, high=0.9), "o": T((4,))}),
    Case("arcsin.inplace", "a.clone().arcsin_()", {"a": T((4,), low=-0.9, high=0.9, grad=True)}),
    Case("arccos.inplace", "a.clone().arccos_()", {"a": T((4,), low=-0.9, high=0.9, grad=True)}),
    Case("arcsinh.inplace", "a.clone().arcsinh_()", {"a": T((4,), grad=True)}),
    Case("arccosh.inplace", "a.clone().arccosh_()", {"a": T((4,), low=1.5, high=3.0, grad=True)}),
    Case("arctan.function", "torch.arctan(a)", {"a": T((2, 3), layout="t", grad=True)}),
    Case("arctanh.function", "torch.arctanh(a)", {"a": T((4,), low=-0.9, high=0.9, grad=True)}),
    Case("exp.inplace", "a.clone().exp_()", {"a": T((3, 4), grad=True)}),
    Case("exp.inplace_int_error", "a.exp_()", {"a": T((3,), "int64")}),
    Case(
        "sqrt.chain", "torch.sqrt(torch.log(a).exp2())", {"a": T((4,), low=0.5, high=4, grad=True)}
    ),
]

# ---------------------------------------------------------------- square (a composite of pow)

CASES += [
    Case("square.float32", "torch.square(a)", {"a": T((3, 4), grad=True)}),
    Case("square.method", "a.square()", {"a": T((5,), "float64", grad=True, layout="step")}),
    Case("square.float16", "torch.square(a)", {"a": T((4,), "float16")}),
    Case("square.int64", "torch.square(a)", {"a": T((4,), "int64")}),
    Case("square.uint8", "torch.square(a)", {"a": T((4,), "uint8")}),
    Case("square.bool", "torch.square(a)", {"a": T((4,), "bool")}),
    Case("square.complex", "torch.square(a)", {"a": T((3,), "complex64")}),
    Case("square.zero_dim", "torch.square(a)", {"a": T((), grad=True)}),
    Case("square.empty", "torch.square(a)", {"a": T((2, 0), grad=True)}),
    Case("square.transposed", "torch.square(a)", {"a": T((3, 4), layout="t", grad=True)}),
    Case("square.inplace", "a.clone().square_()", {"a": T((3,), grad=True)}),
    Case("square.inplace_int", "a.square_()", {"a": T((3,), "int32")}),
    Case("square.inplace_bool_error", "a.square_()", {"a": T((3,), "bool")}),
    Case("square.out", "torch.square(a, out=o)", {"a": T((3,)), "o": T((3,))}),
]

# ---------------------------------------------------------------- abs, sign, sgn, positive

_SIGNED = {"a": V([-3.0, 0.0, 2.5, -0.5], grad=True)}
CASES += [
    Case("abs.float32", "torch.abs(a)", {"a": T((3, 4), grad=True)}),
    Case("abs.at_zero", "torch.abs(a)", _SIGNED),
    Case("abs.float64", "a.abs()", {"a": T((5,), "float64", grad=True)}),
    Case("abs.float16", "torch.abs(a)", {"a": T((4,), "float16", grad=True)}),
    Case("abs.int8_min", "torch.abs(a)", {"a": V([-128, -1, 127, 0], "int8")}),
    Case("abs.int64", "torch.abs(a)", {"a": T((6,), "int64")}),
    Case("abs.uint8", "torch.abs(a)", {"a": T((6,), "uint8")}),
    Case("abs.bool_error", "torch.abs(a)", {"a": T((3,), "bool")}),
    Case("abs.bool_inplace_error", "a.abs_()", {"a": T((3,), "bool")}),
    Case("abs.complex64", "torch.abs(a)", {"a": T((4,), "complex64")}),
    Case("abs.complex_grad", "torch.abs(a)", {"a": V([3 + 4j, 0j, -1j], "complex128", grad=True)}),
    Case("abs.special", "torch.abs(a)", {"a": V(SPECIAL)}),
    Case("abs.zero_dim", "abs(a)", {"a": T((), grad=True)}),
    Case("abs.empty", "torch.abs(a)", {"a": T((0,), grad=True)}),
    Case("abs.transposed", "torch.abs(a)", {"a": T((3, 4), layout="t", grad=True)}),
    Case("abs.step", "a.abs()", {"a": T((2, 3), "int32", layout="step")}),
    Case("abs.dunder", "abs(a)", {"a": T((3,), grad=True, layout="expand")}),
    Case("abs.inplace", "a.clone().abs_()", {"a": T((3, 4), grad=True)}),
    Case("abs.inplace_int", "a.abs_()", {"a": T((5,), "int16")}),
    Case("abs.out", "torch.abs(a, out=o)", {"a": T((3,)), "o": T((3,))}),
    Case("abs.out_complex", "torch.abs(a, out=o)", {"a": T((3,), "complex64"), "o": T((3,))}),
    Case("absolute.function", "torch.absolute(a)", {"a": T((3,), grad=True)}),
    Case("absolute.method", "a.absolute()", {"a": T((3,), "int64")}),
    Case("absolute.inplace", "a.clone().absolute_()", {"a": T((3,), grad=True)}),
    Case("sign.float32", "torch.sign(a)", {"a": T((3, 4), grad=True)}),
    Case("sign.special", "torch.sign(a)", {"a": V(SPECIAL, grad=True)}),
    Case("sign.float16", "a.sign()", {"a": V(SPECIAL, "float16")}),
    Case("sign.float64", "torch.sign(a)", {"a": T((4,), "float64", layout="step")}),
    Case("sign.int64", "torch.sign(a)", {"a": T((7,), "int64")}),
    Case("sign.uint8", "torch.sign(a)", {"a": T((5,), "uint8")}),
    Case("sign.bool", "torch.sign(a)", {"a": T((5,), "bool")}),
    Case("sign.complex_error", "torch.sign(a)", {"a": T((2,), "complex64")}),
    Case("sign.zero_dim", "torch.sign(a)", {"a": T((), grad=True)}),
    Case("sign.empty", "torch.sign(a)", {"a": T((0, 2), "int32")}),
    Case("sign.inplace", "a.clone().sign_()", {"a": T((4,), grad=True)}),
    Case("sign.inplace_bool", "a.sign_()", {"a": T((4,), "bool")}),
    Case("sign.out", "torch.sign(a, out=o)", {"a": T((3,), "int64"), "o": T((3,))}),
    # torch's gradient of sgn for real inputs is a lazy zero tensor that cannot be listed:
    # record the output alone, and the gradient through an added term.
    Case("sgn.float32", "torch.sgn(a)", {"a": T((3, 4), grad=True)}, grad=False),
    Case("sgn.float32_grad", "torch.sgn(a) + a", {"a": T((3, 4), grad=True)}),
    Case("sgn.int8", "torch.sgn(a)", {"a": T((5,), "int8")}),
    Case("sgn.bool", "a.sgn()", {"a": T((5,), "bool")}),
    Case("sgn.complex64", "torch.sgn(a)", {"a": V([3 + 4j, 0j, -2j, 1.5 - 1j], "complex64")}),
    Case(
        "sgn.complex_real_grad",
        "torch.sgn(a).real",
        {"a": V([1 + 2j, 0j, -3j], "complex128", grad=True)},
    ),
    Case("sgn.complex_imag_grad", "torch.sgn(a).imag", {"a": T((4,), "complex128", grad=True)}),
    Case("sgn.inplace", "a.clone().sgn_()", {"a": T((3,), "complex64")}),
    Case("sgn.out", "torch.sgn(a, out=o)", {"a": T((3,), "complex64"), "o": T((3,), "complex64")}),
    Case("positive.float", "torch.positive(a)", {"a": T((3,), grad=True)}),
    Case("positive.method", "a.positive()", {"a": T((3,), "int64")}),
    Case("positive.complex", "torch.positive(a)", {"a": T((3,), "complex64")}),
    Case("positive.bool_error", "torch.positive(a)", {"a": T((3,), "bool")}),
    Case("positive.dunder", "+a", {"a": T((2, 3), grad=True, layout="t")}),
    Case("positive.dunder_bool_error", "+a", {"a": T((3,), "bool")}),
]

# ---------------------------------------------------------------- rounding

_HALVES = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 3.7, -3.2]
for _name in ("floor", "ceil", "trunc", "fix"):
    CASES += [
        Case(f"{_name}.float32", f"torch.{_name}(a)", {"a": T((3, 4), grad=True)}),
        Case(f"{_name}.float64", f"a.{_name}()", {"a": V(_HALVES + [NAN, INF], "float64")}),
        Case(f"{_name}.float16", f"torch.{_name}(a)", {"a": T((5,), "float16", grad=True)}),
        Case(f"{_name}.int64", f"torch.{_name}(a)", {"a": T((5,), "int64")}),
        Case(f"{_name}.uint8", f"torch.{_name}(a)", {"a": T((5,), "uint8")}),
        Case(f"{_name}.bool_error", f"torch.{_name}(a)", {"a": T((3,), "bool")}),
        Case(f"{_name}.complex_error", f"torch.{_name}(a)", {"a": T((3,), "complex64")}),
        Case(f"{_name}.zero_dim", f"torch.{_name}(a)", {"a": T((), grad=True)}),
        Case(f"{_name}.empty", f"torch.{_name}(a)", {"a": T((0, 3), grad=True)}),
        Case(f"{_name}.transposed", f"torch.{_name}(a)", {"a": T((3, 4), layout="t", grad=True)}),
        Case(f"{_name}.step", f"a.{_name}()", {"a": T((2, 3), "int32", layout="step")}),
        Case(f"{_name}.inplace", f"a.clone().{_name}_()", {"a": T((4,), grad=True)}),
        Case(f"{_name}.inplace_int", f"a.{_name}_()", {"a": T((4,), "int8")}),
        Case(f"{_name}.out", f"torch.{_name}(a, out=o)", {"a": T((4,)), "o": T((4,), "float64")}),
    ]

CASES += [
    Case("round.half_even", "torch.round(a)", {"a": V(_HALVES + [NAN, -INF, -0.2], grad=True)}),
    Case("round.float64", "a.round()", {"a": T((6,), "float64", low=-10, high=10)}),
    Case("round.float16", "torch.round(a)", {"a": V(_HALVES, "float16")}),
    Case("round.int64", "torch.round(a)", {"a": T((5,), "int64")}),
    Case("round.uint8", "a.round()", {"a": T((5,), "uint8")}),
    Case("round.bool_error", "torch.round(a)", {"a": T((3,), "bool")}),
    Case("round.complex_error", "torch.round(a)", {"a": T((3,), "complex64")}),
    Case("round.zero_dim", "torch.round(a)", {"a": T((), grad=True)}),
    Case("round.empty", "torch.round(a)", {"a": T((3, 0), grad=True)}),
    Case("round.transposed", "torch.round(a)", {"a": T((3, 4), layout="t", grad=True)}),
    Case("round.inplace", "a.clone().round_()", {"a": T((4,), grad=True)}),
    Case("round.out", "torch.round(a, out=o)", {"a": T((4,)), "o": T((4,))}),
    Case(
        "round.decimals", "torch.round(a, decimals=2)", {"a": T((3, 4), low=-5, high=5, grad=True)}
    ),
    Case(
        "round.decimals_halves",
        "torch.round(a, decimals=1)",
        {"a": V([0.25, 0.35, 1.25, -0.15, 2.675], "float64")},
    ),
    Case(
        "round.decimals_float32", "a.round(decimals=1)", {"a": V([0.25, 0.35, 1.25, -0.15, 1.35])}
    ),
    Case(
        "round.decimals_negative",
        "torch.round(a, decimals=-1)",
        {"a": V([15.0, 25.0, -35.0, 123.4, 5.0], grad=True)},
    ),
    Case(
        "round.decimals_float16",
        "torch.round(a, decimals=1)",
        {"a": T((6,), "float16", low=-4, high=4)},
    ),
    Case("round.decimals_huge", "torch.round(a, decimals=3)", {"a": V([3e38, -3e38, INF, NAN])}),
    Case("round.decimals_zero", "torch.round(a, decimals=0)", {"a": V(_HALVES, grad=True)}),
    Case("round.decimals_zero_int_error", "a.round(decimals=0)", {"a": T((3,), "int64")}),
    Case("round.decimals_int_error", "torch.round(a, decimals=1)", {"a": T((3,), "int64")}),
    Case("round.decimals_bool_error", "torch.round(a, decimals=1)", {"a": T((3,), "bool")}),
    Case("round.decimals_complex_error", "torch.round(a, decimals=1)", {"a": T((3,), "complex64")}),
    Case("round.decimals_inplace", "a.clone().round_(decimals=2)", {"a": T((4,), grad=True)}),
    Case(
        "round.decimals_out",
        "torch.round(a, decimals=-2, out=o)",
        {"a": T((4,), low=-500, high=500), "o": T((4,))},
    ),
    Case("frac.float32", "torch.frac(a)", {"a": T((3, 4), grad=True)}),
    Case("frac.special", "a.frac()", {"a": V(_HALVES + [NAN, INF, -0.0], "float64", grad=True)}),
    Case("frac.float16", "torch.frac(a)", {"a": T((5,), "float16", grad=True)}),
    Case("frac.int_error", "torch.frac(a)", {"a": T((3,), "int64")}),
    Case("frac.bool_error", "torch.frac(a)", {"a": T((3,), "bool")}),
    Case("frac.complex_error", "torch.frac(a)", {"a": T((3,), "complex64")}),
    Case("frac.zero_dim", "torch.frac(a)", {"a": T((), grad=True)}),
    Case("frac.empty", "torch.frac(a)", {"a": T((0,), grad=True)}),
    Case("frac.transposed", "torch.frac(a)", {"a": T((3, 4), layout="t", grad=True)}),
    Case("frac.inplace", "a.clone().frac_()", {"a": T((4,), grad=True)}),
    Case("frac.inplace_int_error", "a.frac_()", {"a": T((4,), "int32")}),
    Case("frac.out", "torch.frac(a, out=o)", {"a": T((4,)), "o": T((4,))}),
]

# ---------------------------------------------------------------- non-finite values

_NONFINITE = [NAN, INF, -INF, 1.5, -0.0, NAN]
CASES += [
    Case("nan_to_num.default", "torch.nan_to_num(a)", {"a": V(_NONFINITE, grad=True)}),
    Case(
        "nan_to_num.values",
        "torch.nan_to_num(a, nan=1.0, posinf=2.0, neginf=-3)",
        {"a": V(_NONFINITE, grad=True)},
    ),
    Case("nan_to_num.positional", "a.nan_to_num(0.5, 10.0)", {"a": V(_NONFINITE, "float64")}),
    Case("nan_to_num.float16", "torch.nan_to_num(a)", {"a": V(_NONFINITE, "float16")}),
    Case(
        "nan_to_num.float64", "torch.nan_to_num(a, posinf=1e300)", {"a": V(_NONFINITE, "float64")}
    ),
    Case(
        "nan_to_num.complex",
        "torch.nan_to_num(a)",
        {"a": V([complex(NAN, INF), complex(1, -INF), 2j], "complex64")},
    ),
    Case(
        "nan_to_num.float16_big",
        "torch.nan_to_num(a, posinf=1e10)",
        {"a": V([INF, NAN], "float16")},
    ),
    Case("nan_to_num.int64", "torch.nan_to_num(a, nan=3.0)", {"a": T((4,), "int64")}),
    Case("nan_to_num.bool", "torch.nan_to_num(a)", {"a": T((4,), "bool")}),
    Case("nan_to_num.zero_dim", "torch.nan_to_num(a)", {"a": V(INF, grad=True)}),
    Case("nan_to_num.empty", "torch.nan_to_num(a)", {"a": T((0, 2), grad=True)}),
    Case("nan_to_num.transposed", "torch.nan_to_num(a)", {"a": T((3, 4), layout="t", grad=True)}),
    Case("nan_to_num.inplace", "a.clone().nan_to_num_(nan=-1.0)", {"a": V(_NONFINITE, grad=True)}),
    Case("nan_to_num.inplace_int", "a.nan_to_num_()", {"a": T((3,), "int32")}),
    Case(
        "nan_to_num.out",
        "torch.nan_to_num(a, neginf=0.0, out=o)",
        {"a": V(_NONFINITE), "o": T((6,))},
    ),
]

_CLASSIFY = ["isnan", "isinf", "isfinite", "isposinf", "isneginf", "isreal", "signbit"]
for _name in _CLASSIFY:
    CASES += [
        Case(f"{_name}.float32", f"torch.{_name}(a)", {"a": V(SPECIAL + [-NAN], grad=True)}),
        Case(f"{_name}.float16", f"a.{_name}()", {"a": V(SPECIAL, "float16")}),
        Case(f"{_name}.float64", f"torch.{_name}(a)", {"a": T((2, 3), "float64", layout="t")}),
        Case(f"{_name}.int64", f"torch.{_name}(a)", {"a": T((5,), "int64")}),
        Case(f"{_name}.uint8", f"torch.{_name}(a)", {"a": T((5,), "uint8", layout="step")}),
        Case(f"{_name}.bool", f"torch.{_name}(a)", {"a": T((5,), "bool")}),
        Case(
            f"{_name}.complex",
            f"torch.{_name}(a)",
            {"a": V([complex(NAN, 1), complex(1, INF), 2 + 0j, 3j], "complex64")},
        ),
        Case(f"{_name}.zero_dim", f"torch.{_name}(a)", {"a": V(-INF)}),
        Case(f"{_name}.empty", f"torch.{_name}(a)", {"a": T((0, 3))}),
    ]
CASES += [
    Case("isposinf.out", "torch.isposinf(a, out=o)", {"a": V(SPECIAL), "o": T((8,), "bool")}),
    Case("isneginf.out", "torch.isneginf(a, out=o)", {"a": V(SPECIAL), "o": T((8,), "bool")}),
    Case("signbit.out", "torch.signbit(a, out=o)", {"a": V(SPECIAL), "o": T((8,), "bool")}),
    Case("signbit.out_float", "torch.signbit(a, out=o)", {"a": V(SPECIAL), "o": T((8,))}),
    Case("isnan.out_error", "torch.isnan(a, out=o)", {"a": T((3,)), "o": T((3,), "bool")}),
    Case("signbit.int8", "torch.signbit(a)", {"a": V([-128, 0, 5, -1], "int8")}),
]

# ---------------------------------------------------------------- complex parts

_Z = {"a": V([1 + 2j, -3 - 0.5j, 2j, -1.0 + 0j], "complex64")}
CASES += [
    Case("conj.real_is_self", "torch.conj(a)", {"a": T((3,), grad=True)}),
    Case("conj.int", "a.conj()", {"a": T((3,), "int64")}),
    Case("conj.complex", "torch.conj(a).clone()", _Z),
    Case("conj.complex_grad", "a.conj().imag.clone()", {"a": T((4,), "complex128", grad=True)}),
    Case("conj_physical.complex", "torch.conj_physical(a)", _Z),
    Case("conj_physical.real", "torch.conj_physical(a)", {"a": T((3,), grad=True)}),
    Case(
        "conj_physical.grad", "torch.conj_physical(a).imag", {"a": T((4,), "complex128", grad=True)}
    ),
    Case("conj_physical.inplace", "a.conj_physical_()", _Z),
    Case("resolve_conj.method", "a.resolve_conj()", _Z),
    Case("resolve_conj.function", "torch.resolve_conj(a)", {"a": T((3,), grad=True)}),
    Case("is_conj.real", "torch.is_conj(a)", {"a": T((3,))}),
    Case("resolve_neg.function", "torch.resolve_neg(a)", {"a": T((3,), grad=True)}),
    Case("resolve_neg.method", "a.resolve_neg()", _Z),
    Case("is_neg.method", "a.is_neg()", {"a": T((3,), "int64")}),
    Case("real.real_is_self", "torch.real(a)", {"a": T((3,), grad=True)}),
    Case("real.complex_view", "torch.real(a)", _Z),
    Case("real.property", "a.real", {"a": T((2, 3), "complex128", layout="t")}),
    Case("real.grad", "a.real * 2", {"a": T((2, 3), "complex128", grad=True)}),
    Case("real.write", "a.real.fill_(7.0)\nout = a", _Z),
    Case("real.setter", "a.real = torch.zeros(4)\nout = a", _Z),
    Case("imag.complex_view", "torch.imag(a)", _Z),
    Case("imag.property", "a.imag", {"a": T((3,), "complex128", layout="step")}),
    Case("imag.grad", "a.imag.exp()", {"a": T((3,), "complex128", grad=True)}),
    Case("imag.real_error", "torch.imag(a)", {"a": T((3,))}),
    Case("imag.int_error", "a.imag", {"a": T((3,), "int64")}),
    Case("imag.write", "a.imag.mul_(0)\nout = a", _Z),
    Case("view_as_real.complex", "torch.view_as_real(a)", _Z),
    Case(
        "view_as_real.transposed",
        "torch.view_as_real(a)",
        {"a": T((2, 3), "complex128", layout="t")},
    ),
    Case(
        "view_as_real.grad", "torch.view_as_real(a) * 3", {"a": T((2, 2), "complex128", grad=True)}
    ),
    Case("view_as_real.real_error", "torch.view_as_real(a)", {"a": T((3,))}),
    Case("view_as_complex.pairs", "torch.view_as_complex(a)", {"a": T((3, 2), grad=True)}),
    Case("view_as_complex.float64", "torch.view_as_complex(a)", {"a": T((2, 3, 2), "float64")}),
    Case("view_as_complex.strided", "torch.view_as_complex(a[::2])", {"a": T((3, 2))}),
    Case(
        "view_as_complex.grad",
        "torch.view_as_complex(a).abs()",
        {"a": T((4, 2), "float64", grad=True)},
    ),
    Case(
        "view_as_complex.round_trip",
        "torch.view_as_real(torch.view_as_complex(a))",
        {"a": T((3, 2), grad=True)},
    ),
    Case("view_as_complex.int_error", "torch.view_as_complex(a)", {"a": T((3, 2), "int64")}),
    Case("view_as_complex.size_error", "torch.view_as_complex(a)", {"a": T((3, 3))}),
    Case("view_as_complex.stride_error", "torch.view_as_complex(a)", {"a": T((3, 2), layout="t")}),
    Case("view_as_complex.offset_error", "torch.view_as_complex(a[1:].view(3, 2))", {"a": T((7,))}),
    Case("view_as_complex.zero_dim_error", "torch.view_as_complex(a)", {"a": T(())}),
]
