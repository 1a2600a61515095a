"""Cases for the statistics and norms (numtorch/_ops/reduction_stats.py, reduction_quantile.py):
var, std, var_mean, std_mean, norm (Tensor.norm, torch.norm), dist, quantile, nanquantile."""

import numpy

from tests.ops.spec import Case, T

NAN, INF = float("nan"), float("inf")
INTS = ("uint8", "int8", "int16", "int32", "int64")


def V(values, dtype="float32", **kwargs):
    """A tensor input with the given values (its shape is theirs)."""
    return T(numpy.shape(values), dtype, values=values, **kwargs)


CASES = []

# ---------------------------------------------------------------- var, std, var_mean, std_mean

for _op in ("var", "std", "var_mean", "std_mean"):
    f = f"torch.{_op}"
    CASES += [
        Case(f"{_op}.all", f"{f}(a)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.dim", f"{f}(a, 1)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.dim_unbiased", f"{f}(a, 1, False)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.dim_unbiased_keepdim", f"{f}(a, 0, True, True)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.unbiased_only", f"{f}(a, False)", {"a": T((3, 4), "float64", grad=True)}),
        Case(f"{_op}.unbiased_kw", f"{f}(a, unbiased=False)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.correction0", f"{f}(a, 0, correction=0)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.correction2", f"{f}(a, correction=2)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.correction_float", f"{f}(a, -1, correction=1.5)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.correction_too_big", f"{f}(a, 1, correction=4)", {"a": T((3, 4), grad=True)}),
        Case(
            f"{_op}.correction_over",
            f"{f}(a, correction=13)",
            {"a": T((3, 4), "float64", grad=True)},
        ),
        Case(
            f"{_op}.tuple_keepdim", f"{f}(a, (0, 2), keepdim=True)", {"a": T((2, 3, 4), grad=True)}
        ),
        Case(f"{_op}.list_neg", f"{f}(a, [-1, -3])", {"a": T((2, 3, 4), grad=True)}),
        Case(f"{_op}.none_keepdim", f"{f}(a, None, keepdim=True)", {"a": T((2, 3), grad=True)}),
        Case(f"{_op}.empty_dims", f"{f}(a, ())", {"a": T((2, 3))}),
        Case(f"{_op}.empty_dims_grad", f"{f}(a, [])", {"a": T((2, 3), "float64", grad=True)}),
        Case(f"{_op}.size_one", f"{f}(a, 1)", {"a": T((3, 1), grad=True)}),
        Case(f"{_op}.zero_dim", f"{f}(a)", {"a": T((), grad=True)}),
        Case(f"{_op}.zero_dim_dim0", f"{f}(a, 0, correction=0)", {"a": T((), grad=True)}),
        Case(f"{_op}.empty", f"{f}(a)", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.empty_dim0", f"{f}(a, 0)", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.empty_dim1", f"{f}(a, 1)", {"a": T((0, 3), layout="t", grad=True)}),
        Case(
            f"{_op}.constant", f"{f}(a, 1)", {"a": V([[2.0, 2.0, 2.0], [1.0, 2.0, 3.0]], grad=True)}
        ),
        Case(f"{_op}.float16", f"{f}(a, 1)", {"a": T((3, 8), "float16")}),
        Case(f"{_op}.float64", f"{f}(a, 0)", {"a": T((5, 3), "float64", grad=True)}),
        Case(f"{_op}.complex", f"{f}(a, 0)", {"a": T((4, 2), "complex64")}),
        Case(f"{_op}.complex_all", f"{f}(a)", {"a": T((3,), "complex128")}),
        Case(f"{_op}.nan", f"{f}(a, 1)", {"a": V([[1.0, NAN, 2.0], [1.0, 2.0, INF]])}),
        Case(f"{_op}.transposed", f"{f}(a, 1)", {"a": T((3, 4), layout="t", grad=True)}),
        Case(f"{_op}.step", f"{f}(a, 0)", {"a": T((3, 4), layout="step", grad=True)}),
        Case(f"{_op}.expand", f"{f}(a, 0)", {"a": T((3, 4), layout="expand", grad=True)}),
        Case(f"{_op}.bool_error", f"{f}(a)", {"a": T((3,), "bool")}),
        Case(f"{_op}.dim_error", f"{f}(a, 2)", {"a": T((3, 4))}),
        Case(f"{_op}.repeat_error", f"{f}(a, (0, 0))", {"a": T((3, 4))}),
    ]
    CASES += [Case(f"{_op}.{d}_error", f"{f}(a, 0)", {"a": T((3, 4), d)}) for d in INTS]

CASES += [
    Case("var.method", "a.var(1, keepdim=True)", {"a": T((3, 4), grad=True)}),
    Case("std.method", "a.std(unbiased=False)", {"a": T((3, 4), grad=True)}),
    Case("var.out", "torch.var(a, 1, out=o)", {"a": T((3, 4)), "o": T((3,), "float64")}),
    Case("std.out", "torch.std(a, 0, out=o)", {"a": T((3, 4)), "o": T((0,))}),
    Case("var.complex_grad", "torch.var(a)", {"a": T((3,), "complex128", grad=True)}),
    Case("std.complex_grad", "torch.std(a, 0)", {"a": T((3, 2), "complex128", grad=True)}),
    Case(
        "var_mean.complex_grad",
        "torch.var_mean(a, 0)[0]",
        {"a": T((3, 2), "complex128", grad=True)},
    ),
    Case("std.zero_grad", "torch.std(a)", {"a": V([1.0, 1.0], grad=True)}),
    Case("var_mean.mean_only_grad", "torch.var_mean(a, 1)[1]", {"a": T((3, 4), grad=True)}),
    Case("std_mean.std_only_grad", "torch.std_mean(a, 0)[0]", {"a": T((3, 4), grad=True)}),
]

# ---------------------------------------------------------------- norm

ORDS = [("2", "2"), ("1", "1"), ("inf", "float('inf')"), ("ninf", "-float('inf')"), ("0", "0")]
ORDS += [("3", "3"), ("half", "0.5"), ("1_5", "1.5"), ("neg1", "-1"), ("fro", "'fro'")]
for _name, _p in ORDS:
    CASES += [
        Case(f"norm.p{_name}", f"torch.norm(a, {_p})", {"a": T((3, 4), grad=True)}),
        Case(f"norm.p{_name}_dim", f"a.norm({_p}, 1)", {"a": T((3, 4), grad=True)}),
        Case(
            f"norm.p{_name}_tuple_keepdim",
            f"torch.norm(a, {_p}, (0, -1), True)",
            {"a": T((2, 3, 4), "float64", grad=True)},
        ),
        Case(
            f"norm.p{_name}_zeros",
            f"a.norm({_p}, 0)",
            {"a": V([[0.0, 1.0, -2.0], [0.0, 0.0, 2.0]], grad=True)},
        ),
        Case(f"norm.p{_name}_complex", f"a.norm({_p})", {"a": T((3,), "complex128", grad=True)}),
        Case(f"norm.p{_name}_zero_dim", f"a.norm({_p})", {"a": T((), grad=True)}),
        Case(f"norm.p{_name}_half", f"a.norm({_p}, 1)", {"a": T((2, 5), "float16")}),
    ]

CASES += [
    Case("norm.default", "torch.norm(a)", {"a": T((3, 4), grad=True)}),
    Case("norm.method_default", "a.norm()", {"a": T((3, 4), "float64", grad=True)}),
    Case("norm.dim_only", "torch.norm(a, dim=1)", {"a": T((3, 4), grad=True)}),
    Case("norm.p_none", "a.norm(None, 1)", {"a": T((3, 4), grad=True)}),
    Case("norm.dtype", "a.norm(dtype=torch.float64)", {"a": T((3, 4), grad=True)}),
    Case("norm.dtype_dim", "torch.norm(a, 1, 1, dtype=torch.float64)", {"a": T((3, 4), grad=True)}),
    Case("norm.fro_dtype", "a.norm('fro', dtype=torch.float64)", {"a": T((3, 4))}),
    Case("norm.complex_dtype", "a.norm(dtype=torch.complex128)", {"a": T((3,), "complex64")}),
    Case("norm.size_one_dim", "a.norm(2, 1)", {"a": T((3, 1), grad=True)}),
    Case("norm.transposed", "a.norm(2, 1)", {"a": T((3, 4), layout="t", grad=True)}),
    Case("norm.expand", "a.norm(1, 0)", {"a": T((3, 4), layout="expand", grad=True)}),
    Case("norm.empty", "a.norm()", {"a": T((0, 3), layout="t")}),
    Case("norm.empty_dim0", "a.norm(2, 0)", {"a": T((0, 3), layout="t")}),
    Case("norm.empty_inf_ok", "a.norm(float('inf'), 1)", {"a": T((0, 3), layout="t")}),
    Case("norm.empty_inf_error", "a.norm(float('inf'))", {"a": T((0, 3), layout="t")}),
    Case("norm.empty_neg_error", "a.norm(-1.5)", {"a": T((0, 3), layout="t")}),
    Case("norm.empty_neg_dim_error", "a.norm(float('inf'), -1)", {"a": T((2, 0))}),
    Case("norm.empty_inf_dim_error", "a.norm(float('inf'), (1, 0))", {"a": T((0, 3), layout="t")}),
    Case("norm.nan", "a.norm(float('inf'), 1)", {"a": V([[1.0, NAN], [2.0, -3.0]], grad=True)}),
    Case("norm.int_error", "a.norm()", {"a": T((3,), "int64")}),
    Case("norm.dtype_int_error", "a.norm(2, 1, dtype=torch.int32)", {"a": T((3, 4))}),
    Case("norm.dtype_narrow_error", "a.norm(dtype=torch.float16)", {"a": T((3, 4))}),
    Case("norm.dtype_complex_error", "a.norm(dtype=torch.complex64)", {"a": T((3, 4))}),
    Case("norm.dtype_real_error", "a.norm(dtype=torch.float64)", {"a": T((3,), "complex64")}),
    Case("norm.bad_order_error", "a.norm('abc')", {"a": T((3, 4))}),
    Case("norm.nuc_dim_error", "torch.norm(a, 'nuc', 1)", {"a": T((3, 4))}),
    Case("norm.dim_error", "a.norm(2, 2)", {"a": T((3, 4))}),
    Case("norm.repeat_error", "a.norm(2, (0, -2))", {"a": T((3, 4))}),
    Case("norm.out", "torch.norm(a, 1, 1, out=o)", {"a": T((3, 4)), "o": T((0,))}),
    Case("norm.out_fro", "torch.norm(a, 'fro', 1, out=o)", {"a": T((3, 4)), "o": T((3,))}),
    Case(
        "norm.out_dtype_error",
        "torch.norm(a, 2, 0, out=o)",
        {"a": T((3, 4)), "o": T((4,), "float64")},
    ),
]

# ---------------------------------------------------------------- dist

CASES += [
    Case(
        "dist.default", "torch.dist(a, b)", {"a": T((3, 4), grad=True), "b": T((3, 4), grad=True)}
    ),
    Case(
        "dist.broadcast",
        "torch.dist(a, b, 1)",
        {"a": T((3, 4), grad=True), "b": T((4,), grad=True)},
    ),
    Case(
        "dist.inf",
        "a.dist(b, float('inf'))",
        {"a": T((3, 4), grad=True), "b": T((3, 4), grad=True)},
    ),
    Case("dist.ninf", "a.dist(b, -float('inf'))", {"a": T((3, 4), grad=True), "b": T((3, 4))}),
    Case("dist.p0", "torch.dist(a, b, 0)", {"a": T((3, 4), grad=True), "b": T((3, 4), grad=True)}),
    Case(
        "dist.p3",
        "torch.dist(a, b, 3)",
        {"a": T((3, 4), "float64", grad=True), "b": T((3, 4), "float64", grad=True)},
    ),
    Case("dist.p_half", "torch.dist(a, b, 0.5)", {"a": T((3, 4), grad=True), "b": T((3, 4))}),
    Case("dist.neg", "torch.dist(a, b, -1)", {"a": T((3, 4)), "b": T((3, 4))}),
    Case("dist.same", "torch.dist(a, a * 1)", {"a": T((3, 4))}),
    Case("dist.promote", "torch.dist(a, b)", {"a": T((3, 4)), "b": T((3, 4), "float64")}),
    Case("dist.half", "torch.dist(a, b)", {"a": T((3,), "float16"), "b": T((3,), "float16")}),
    Case("dist.half_float", "torch.dist(a, b)", {"a": T((3,), "float16"), "b": T((3,))}),
    Case(
        "dist.complex", "torch.dist(a, b)", {"a": T((3,), "complex64"), "b": T((3,), "complex64")}
    ),
    Case("dist.zero_dim", "torch.dist(a, b)", {"a": T((), grad=True), "b": T((3,), grad=True)}),
    Case(
        "dist.empty", "torch.dist(a, b)", {"a": T((0, 3), layout="t"), "b": T((0, 3), layout="t")}
    ),
    Case(
        "dist.empty_inf_error",
        "torch.dist(a, b, float('inf'))",
        {"a": T((0, 3), layout="t"), "b": T((0, 3), layout="t")},
    ),
    Case(
        "dist.transposed",
        "torch.dist(a, b)",
        {"a": T((3, 4), layout="t", grad=True), "b": T((3, 4), layout="step")},
    ),
    Case("dist.int_error", "torch.dist(a, b)", {"a": T((3,), "uint8"), "b": T((3,), "uint8")}),
    Case("dist.shape_error", "torch.dist(a, b)", {"a": T((2, 3)), "b": T((3, 3))}),
    Case("dist.scalar_error", "torch.dist(a, 2.0)", {"a": T((3,))}),
]

# ---------------------------------------------------------------- quantile and nanquantile

MODES = ("linear", "lower", "higher", "midpoint", "nearest")
for _op in ("quantile", "nanquantile"):
    for _mode in MODES:
        CASES += [
            Case(
                f"{_op}.{_mode}",
                f"torch.{_op}(a, 0.3, interpolation='{_mode}')",
                {"a": T((3, 4), grad=True)},
            ),
            Case(
                f"{_op}.{_mode}_dim",
                f"a.{_op}(0.25, dim=1, interpolation='{_mode}')",
                {"a": T((3, 5), grad=True)},
            ),
            Case(
                f"{_op}.{_mode}_tensor_q",
                f"a.{_op}(q, dim=0, keepdim=True, interpolation='{_mode}')",
                {
                    "a": T((5, 3), "float64", grad=True),
                    "q": V([0.0, 0.125, 0.5, 0.625, 1.0], "float64"),
                },
            ),
        ]
    CASES += [
        Case(f"{_op}.half_q", f"torch.{_op}(a, 0.5)", {"a": T((2, 3), grad=True)}),
        Case(f"{_op}.int_q", f"a.{_op}(1)", {"a": T((2, 3))}),
        Case(f"{_op}.zero_dim_q", f"a.{_op}(q, dim=-1)", {"a": T((3, 4), grad=True), "q": V(0.3)}),
        Case(f"{_op}.tensor_q_all", f"a.{_op}(q)", {"a": T((3, 4), grad=True), "q": V([0.1, 0.9])}),
        Case(
            f"{_op}.tensor_q_keepdim",
            f"a.{_op}(q, keepdim=True)",
            {"a": T((3, 4)), "q": V([0.1, 0.9])},
        ),
        Case(f"{_op}.keepdim_all", f"a.{_op}(0.5, keepdim=True)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.empty_q", f"a.{_op}(q)", {"a": T((3, 4)), "q": T((0,))}),
        Case(f"{_op}.zero_dim", f"a.{_op}(0.3)", {"a": T((), grad=True)}),
        Case(f"{_op}.zero_dim_keepdim", f"a.{_op}(0.3, dim=0, keepdim=True)", {"a": T(())}),
        Case(
            f"{_op}.nan",
            f"a.{_op}(0.5, dim=1)",
            {"a": V([[1.0, NAN, 3.0, 2.0], [NAN, NAN, NAN, NAN], [4.0, 1.0, 2.0, 3.0]])},
        ),
        Case(
            f"{_op}.ties_grad",
            f"a.{_op}(0.5, dim=1)",
            {"a": V([[1.0, 2.0, 2.0, 3.0], [5.0, 5.0, 5.0, 5.0]], grad=True)},
        ),
        Case(f"{_op}.transposed", f"a.{_op}(0.7, dim=0)", {"a": T((3, 4), layout="t", grad=True)}),
        Case(f"{_op}.out", f"torch.{_op}(a, 0.4, dim=1, out=o)", {"a": T((3, 4)), "o": T((0,))}),
        Case(f"{_op}.q_range_error", f"a.{_op}(1.5)", {"a": T((3, 4))}),
        Case(f"{_op}.q_neg_error", f"a.{_op}(-0.1)", {"a": T((3, 4))}),
        Case(f"{_op}.q_tensor_range_error", f"a.{_op}(q)", {"a": T((3, 4)), "q": V([0.5, 1.5])}),
        Case(f"{_op}.q_2d_error", f"a.{_op}(q)", {"a": T((3, 4)), "q": V([[0.5]])}),
        Case(f"{_op}.q_dtype_error", f"a.{_op}(q)", {"a": T((3, 4)), "q": V([0.5], "float64")}),
        Case(f"{_op}.int_error", f"a.{_op}(0.5)", {"a": T((3, 4), "int32")}),
        Case(f"{_op}.half_error", f"a.{_op}(0.5)", {"a": T((3, 4), "float16")}),
        Case(f"{_op}.empty_error", f"a.{_op}(0.5, dim=1)", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.mode_error", f"a.{_op}(0.5, interpolation='foo')", {"a": T((3, 4))}),
        Case(f"{_op}.dim_error", f"a.{_op}(0.5, dim=2)", {"a": T((3, 4))}),
    ]
