"""Cases for erf, erfc, erfinv (numtorch/_ops/unary_special.py) and lgamma, digamma, polygamma
(unary_gamma.py): the float-function battery of cases_unary.py, plus special values, tails and
wide ranges in float64 where the approximations would show.
"""

from tests.ops.cases_unary import INF, NAN, V, float_function_cases
from tests.ops.spec import Case, T

SPECIAL_FUNCTIONS = [
    ("erf", (-3.0, 3.0), False),
    ("erfc", (-3.0, 3.0), False),
    ("erfinv", (-0.95, 0.95), False),
    ("lgamma", (0.1, 5.0), False),
    ("digamma", (0.5, 5.0), False),
]

CASES = [c for spec in SPECIAL_FUNCTIONS for c in float_function_cases(*spec)]

CASES += [
    Case(
        "erf.special", "torch.erf(a)", {"a": V([0.0, -0.0, INF, -INF, NAN, 6.0, -0.3], "float64")}
    ),
    Case("erf.wide", "torch.erf(a)", {"a": T((200,), "float64", low=-7.0, high=7.0)}),
    Case(
        "erfc.tail", "torch.erfc(a)", {"a": V([5.0, 10.0, 26.0, 27.0, -30.0, INF, NAN], "float64")}
    ),
    Case(
        "erfc.wide", "torch.erfc(a)", {"a": T((200,), "float64", low=-5.0, high=27.0)}, rtol=1e-12
    ),
    Case(
        "erfinv.special",
        "torch.erfinv(a)",
        {"a": V([1.0, -1.0, 1.5, 0.0, -0.0, NAN, 1e-300], "float64")},
    ),
    Case(
        "erfinv.tails",
        "torch.erfinv(a)",
        {"a": V([0.9999999999, -0.999999999999999, 1e-9, 0.5, 0.75], "float64")},
        rtol=1e-12,
    ),
    Case(
        "erfinv.wide",
        "torch.erfinv(a)",
        {"a": T((200,), "float64", low=-1.0, high=1.0)},
        rtol=1e-12,
    ),
    Case(
        "erfinv.float16_grad",
        "torch.erfinv(a)",
        {"a": T((5,), "float16", low=-0.5, high=0.5, grad=True)},
    ),
    Case(
        "lgamma.special",
        "torch.lgamma(a)",
        {"a": V([0.0, -0.0, -1.0, -2.5, INF, -INF, NAN, 1e-300, 1e300], "float64")},
    ),
    Case(
        "lgamma.negative", "torch.lgamma(a)", {"a": T((50,), "float64", low=-20, high=0, grad=True)}
    ),
    Case("lgamma.wide", "torch.lgamma(a)", {"a": T((100,), "float64", low=0, high=200)}),
    Case(
        "digamma.special",
        "torch.digamma(a)",
        {"a": V([0.0, -0.0, -1.0, -2.5, INF, -INF, NAN, 1e-300, 10.0], "float64")},
    ),
    Case(
        "digamma.negative",
        "torch.digamma(a)",
        {"a": T((50,), "float64", low=-20, high=0, grad=True)},
    ),
    Case("polygamma.n1", "torch.polygamma(1, a)", {"a": T((3, 4), low=0.2, high=6, grad=True)}),
    Case(
        "polygamma.n0",
        "torch.polygamma(0, a)",
        {"a": T((5,), "float64", low=0.2, high=6, grad=True)},
    ),
    Case(
        "polygamma.n2",
        "torch.polygamma(2, a)",
        {"a": T((2, 3), "float64", low=-6, high=6, grad=True)},
    ),
    Case(
        "polygamma.n4_method",
        "a.polygamma(4)",
        {"a": T((2, 3), "float64", low=0.5, high=6, layout="t")},
    ),
    Case(
        "polygamma.special",
        "torch.polygamma(3, a)",
        {"a": V([0.0, -1.0, -0.5, INF, -INF, NAN, 1e-5, 3e5], "float64")},
    ),
    Case(
        "polygamma.trigamma_poles",
        "torch.polygamma(1, a)",
        {"a": V([0.0, -1.0, -2.5, INF, -INF, NAN, 1e-300, -1000.5], "float64")},
    ),
    Case("polygamma.float16", "torch.polygamma(2, a)", {"a": T((4,), "float16", low=0.5, high=4)}),
    Case("polygamma.int", "torch.polygamma(1, a)", {"a": T((5,), "int64", low=1, high=9)}),
    Case("polygamma.bool", "torch.polygamma(1, a)", {"a": T((4,), "bool")}),
    Case("polygamma.zero_dim", "torch.polygamma(2, a)", {"a": T((), low=0.5, grad=True)}),
    Case("polygamma.empty", "torch.polygamma(2, a)", {"a": T((0, 2), grad=True)}),
    Case("polygamma.tensor_n", "torch.polygamma(torch.tensor(2), a)", {"a": T((3,), low=0.5)}),
    Case(
        "polygamma.inplace", "a.clone().polygamma_(2)", {"a": T((4,), low=0.5, high=4, grad=True)}
    ),
    Case(
        "polygamma.out",
        "torch.polygamma(3, a, out=o)",
        {"a": T((4,), low=0.5), "o": T((4,), "float64")},
    ),
    Case("polygamma.negative_n_error", "torch.polygamma(-1, a)", {"a": T((3,))}),
    Case("polygamma.float_n_error", "torch.polygamma(1.0, a)", {"a": T((3,))}),
    Case("polygamma.complex_error", "torch.polygamma(1, a)", {"a": T((3,), "complex64")}),
    Case("polygamma.complex_n2_error", "torch.polygamma(2, a)", {"a": T((3,), "complex64")}),
]
