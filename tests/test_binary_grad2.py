"""Second derivatives (create_graph=True) of the binary and ternary elementwise ops.

The op cases compare first derivatives only; here the backward formulas are differentiated
again: against finite differences of the first derivative (torch-free), and against torch's
second derivatives when torch is installed.
"""

import numpy
import pytest

import numtorch

EXPRS = [
    "a ** 3",
    "a ** b",
    "2 ** a",
    "a / b",
    "2 / a",
    "2 - a * b",
    "torch.atan2(a, b)",
    "torch.hypot(a, b)",
    "torch.xlogy(a, b)",
    "torch.logaddexp(a, b)",
    "torch.logaddexp2(a, b)",
    "torch.lerp(a, b, b)",
    "torch.addcdiv(a, a, b, value=0.5)",
    "torch.addcmul(a, b, b, value=2)",
    "torch.clamp(a, -0.5, 0.5) * a",
    "torch.clamp(a, min=b) * b",
    "torch.maximum(a, b) * a",
    "torch.fmin(a, b) * b",
    "torch.where(a > 1, a * a, b * b)",
    "torch.copysign(a, b) * a",
    "torch.remainder(a, b) * a",
    "torch.ldexp(a, b)",
    "torch.float_power(a, b)",
]
A = [0.7, 1.3, 2.1]
B = [0.5, -1.2, 1.7]


def _to_numpy(t):
    return None if t is None else numpy.array(t.tolist())


def _second(lib, expr, a_values=A, b_values=B):
    """[d out/da, d out/db, d total/da, d total/db] as NumPy arrays (or None), where out is the
    sum of the expression and total the sum of both first derivatives."""
    a = lib.tensor(a_values, dtype=lib.float64, requires_grad=True)
    b = lib.tensor(b_values, dtype=lib.float64, requires_grad=True)
    out = eval(expr, {"torch": lib, "a": a, "b": b}).sum()
    ga, gb = lib.autograd.grad(out, (a, b), create_graph=True, allow_unused=True)
    connected = [g.sum() for g in (ga, gb) if g is not None and g.requires_grad]
    if not connected:
        return [_to_numpy(ga), _to_numpy(gb), None, None]
    ha, hb = lib.autograd.grad(sum(connected), (a, b), allow_unused=True)
    return [_to_numpy(t) for t in (ga, gb, ha, hb)]


def _first_derivatives(expr, a_values, b_values, k):
    """Element k of (d out/da + d out/db): the ops are elementwise, so only it moves with a_k."""
    ga, gb, _, _ = _second(numtorch, expr, a_values, b_values)
    return sum(g[k] for g in (ga, gb) if g is not None)


@pytest.mark.parametrize("expr", EXPRS)
def test_second_derivative_by_finite_differences(expr):
    """The gradient of (sum of the first derivatives) matches its central differences."""
    _, _, ha, hb = _second(numtorch, expr)
    eps = 1e-6
    for which, analytic in ((0, ha), (1, hb)):
        if analytic is None:
            continue
        numeric = []
        for k in range(len(A)):
            up, down = [list(A), list(B)], [list(A), list(B)]
            up[which][k] += eps
            down[which][k] -= eps
            difference = _first_derivatives(expr, *up, k) - _first_derivatives(expr, *down, k)
            numeric.append(difference / (2 * eps))
        numeric = numpy.array(numeric)
        # where a first derivative is NaN (log of a negative), differences say nothing
        finite = numpy.isfinite(numeric)
        assert finite.any()
        assert numpy.allclose(analytic[finite], numeric[finite], rtol=1e-4, atol=1e-5), (
            which,
            analytic,
            numeric,
        )


@pytest.mark.parametrize("expr", EXPRS)
def test_second_derivative_against_torch(expr):
    torch = pytest.importorskip("torch")
    got, want = _second(numtorch, expr), _second(torch, expr)
    for g, w in zip(got, want):
        assert (g is None) == (w is None)
        if w is not None:
            assert numpy.allclose(g, w, equal_nan=True)
