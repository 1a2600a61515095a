"""Cases for numtorch.special: its own ops (entr, xlog1py, multigammaln, ndtr) and the aliases
(expit, logit, erf, erfc, erfinv, exp2, expm1, log1p, xlogy, gammaln, digamma, psi, polygamma,
sinc, round, softmax, log_softmax, logsumexp)."""

from tests.ops.spec import Case, T

G = {"grad": True}
FLOATS = ("float16", "bfloat16", "float32", "float64")
INTS = ("bool", "uint8", "int32", "int64")


def _unary(name, expr, low=-3.0, high=3.0, ints=True):
    cases = [
        Case(
            f"special.{name}.{d}",
            expr,
            {"x": T((2, 3), d, low=low, high=high, grad=d != "float16" and d != "bfloat16")},
        )
        for d in FLOATS
    ]
    if ints:
        cases += [
            Case(f"special.{name}.{d}", expr, {"x": T((4,), d, low=0 if low >= 0 else None)})
            for d in INTS
        ]
    cases += [
        Case(f"special.{name}.scalar", expr, {"x": T((), low=low, high=high, **G)}),
        Case(f"special.{name}.empty", expr, {"x": T((0, 2), low=low, high=high)}),
        Case(f"special.{name}.t", expr, {"x": T((3, 2), layout="t", low=low, high=high, **G)}),
        Case(f"special.{name}.step", expr, {"x": T((3,), layout="step", low=low, high=high, **G)}),
    ]
    return cases


CASES = (
    _unary("entr", "torch.special.entr(x)", low=0.1, high=3.0)
    + _unary("ndtr", "torch.special.ndtr(x)")
    + _unary("multigammaln", "torch.special.multigammaln(x, 3)", low=1.5, high=5.0, ints=False)
    + _unary("expit", "torch.special.expit(x)")
    + _unary("logit", "torch.special.logit(x)", low=0.1, high=0.9, ints=False)
    + _unary("erf", "torch.special.erf(x)")
    + _unary("erfc", "torch.special.erfc(x)")
    + _unary("erfinv", "torch.special.erfinv(x)", low=-0.9, high=0.9, ints=False)
    + _unary("exp2", "torch.special.exp2(x)")
    + _unary("expm1", "torch.special.expm1(x)")
    + _unary("log1p", "torch.special.log1p(x)", low=0.0, high=3.0)
    + _unary("gammaln", "torch.special.gammaln(x)", low=0.5, high=4.0)
    + _unary("digamma", "torch.special.digamma(x)", low=0.5, high=4.0, ints=False)
    + _unary("psi", "torch.special.psi(x)", low=0.5, high=4.0, ints=False)
    + _unary("sinc", "torch.special.sinc(x)")
    + [
        Case(
            "special.entr.values",
            "torch.special.entr(x)",
            {"x": T(values=[-1.0, 0.0, 0.5, float("nan")], shape=(4,))},
        ),
        Case(
            "special.entr.grad_zero",
            "torch.special.entr(x)",
            {"x": T(values=[0.0, 1.0, 2.0], shape=(3,), grad=True)},
        ),
        Case(
            "special.entr.out",
            "torch.special.entr(x, out=o)",
            {"x": T((3,), low=0.1), "o": T((3,))},
        ),
        Case("special.entr.complex", "torch.special.entr(x)", {"x": T((3,), "complex64")}),
        Case(
            "special.xlog1py.basic",
            "torch.special.xlog1py(x, y)",
            {"x": T((2, 3), **G), "y": T((3,), low=0.0, **G)},
        ),
        Case(
            "special.xlog1py.zero_x",
            "torch.special.xlog1py(x, y)",
            {
                "x": T(values=[0.0, 1.0], shape=(2,)),
                "y": T(values=[-1.0, float("nan")], shape=(2,)),
            },
        ),
        Case(
            "special.xlog1py.f64",
            "torch.special.xlog1py(x, y)",
            {"x": T((3,), "float64", **G), "y": T((3,), "float64", low=0.0, **G)},
        ),
        Case(
            "special.xlog1py.int",
            "torch.special.xlog1py(x, y)",
            {"x": T((3,), "int64"), "y": T((3,), "int64", low=0)},
        ),
        Case(
            "special.xlog1py.mixed",
            "torch.special.xlog1py(x, y)",
            {"x": T((3,), "int32"), "y": T((3,), "float64", low=0.0)},
        ),
        Case("special.xlog1py.empty", "torch.special.xlog1py(x, y)", {"x": T((0,)), "y": T((0,))}),
        Case(
            "special.xlog1py.broadcast_error",
            "torch.special.xlog1py(x, y)",
            {"x": T((2,)), "y": T((3,))},
        ),
        Case(
            "special.multigammaln.p1",
            "torch.special.multigammaln(x, 1)",
            {"x": T((3,), low=0.5, **G)},
        ),
        Case(
            "special.multigammaln.p0", "torch.special.multigammaln(x, 0)", {"x": T((3,), low=0.5)}
        ),
        Case(
            "special.multigammaln.mvlgamma",
            "torch.mvlgamma(x, 2)",
            {"x": T((3,), "float64", low=1.0, **G)},
        ),
        Case("special.multigammaln.method", "x.mvlgamma(2)", {"x": T((3,), low=1.0, **G)}),
        Case(
            "special.multigammaln.int",
            "torch.mvlgamma(x, 2)",
            {"x": T((3,), "int64", low=2, high=6)},
        ),
        Case("special.polygamma.n1", "torch.special.polygamma(1, x)", {"x": T((3,), low=0.5, **G)}),
        Case(
            "special.xlogy.basic",
            "torch.special.xlogy(x, y)",
            {"x": T((3,), **G), "y": T((3,), low=0.1, **G)},
        ),
        Case("special.round.default", "torch.special.round(x)", {"x": T((4,), **G)}),
        Case("special.round.decimals", "torch.special.round(x, decimals=2)", {"x": T((4,), **G)}),
        Case("special.softmax.basic", "torch.special.softmax(x, 1)", {"x": T((2, 3), **G)}),
        Case(
            "special.softmax.dtype",
            "torch.special.softmax(x, 0, dtype=torch.float64)",
            {"x": T((3,), **G)},
        ),
        Case(
            "special.log_softmax.basic", "torch.special.log_softmax(x, -1)", {"x": T((2, 3), **G)}
        ),
        Case("special.logsumexp.basic", "torch.special.logsumexp(x, 1)", {"x": T((2, 3), **G)}),
        Case(
            "special.logsumexp.keepdim",
            "torch.special.logsumexp(x, (0, 1), keepdim=True)",
            {"x": T((2, 3), **G)},
        ),
        Case(
            "special.logit.eps",
            "torch.special.logit(x, eps=0.2)",
            {"x": T((4,), low=0.0, high=1.0, **G)},
        ),
        Case(
            "special.ndtr.values",
            "torch.special.ndtr(x)",
            {"x": T(values=[-10.0, -1.0, 0.0, 1.0, 10.0], shape=(5,), dtype="float64")},
        ),
    ]
)
