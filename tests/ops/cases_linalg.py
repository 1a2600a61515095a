"""Cases for linear algebra: matmul (`@`) over every rank combination with torch's graphs, mm, bmm,
mv, dot, vdot, outer/ger, the fused addmm/addmv/addr/baddbmm/addbmm, einsum, tensordot, kron,
trace and cross; dtypes, layouts, empty operands, gradients, out= and errors."""

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
NUMERIC = ALL[1:]
G = {"grad": True}


def _matmul_shapes():
    """(name, shape of a, shape of b) over matmul's rank combinations."""
    return [
        ("1d_1d", (3,), (3,)),
        ("2d_1d", (2, 3), (3,)),
        ("1d_2d", (3,), (3, 4)),
        ("2d_2d", (2, 3), (3, 4)),
        ("3d_1d", (5, 2, 3), (3,)),
        ("1d_3d", (3,), (5, 3, 4)),
        ("3d_2d", (5, 2, 3), (3, 4)),
        ("2d_3d", (2, 3), (5, 3, 4)),
        ("3d_3d", (5, 2, 3), (5, 3, 4)),
        ("4d_3d_broadcast", (5, 1, 2, 3), (4, 3, 2)),
        ("3d_4d_broadcast", (4, 2, 3), (2, 1, 3, 4)),
        ("1batch_3d", (1, 2, 3), (5, 3, 4)),
        ("3d_1batch", (5, 2, 3), (1, 3, 4)),
        ("4d_2d", (2, 5, 2, 3), (3, 4)),
        ("4d_1d", (2, 4, 2, 3), (3,)),
        ("1d_4d", (3,), (2, 4, 3, 4)),
        ("4d_4d_ones", (2, 1, 2, 3), (1, 3, 3, 4)),
    ]


def _matmul_cases():
    cases = []
    for name, sa, sb in _matmul_shapes():
        cases.append(Case(f"matmul.{name}", "a @ b", {"a": T(sa, **G), "b": T(sb, **G)}))
        cases.append(
            Case(f"matmul.{name}_a_grad", "torch.matmul(a, b)", {"a": T(sa, **G), "b": T(sb)})
        )
        cases.append(Case(f"matmul.{name}_b_grad", "a.matmul(b)", {"a": T(sa), "b": T(sb, **G)}))
        cases.append(
            Case(f"matmul.{name}_int", "a @ b", {"a": T(sa, "int64"), "b": T(sb, "int64")})
        )
    return cases


CASES = [
    # ------------------------------------------------------------ matmul: ranks and graphs
    *_matmul_cases(),
    *[Case(f"matmul.{d}", "a @ b", {"a": T((2, 3), d), "b": T((3, 4), d)}) for d in ALL],
    *[
        Case(f"matmul.batched_{d}", "a @ b", {"a": T((2, 2, 3), d), "b": T((2, 3, 4), d)})
        for d in ALL
    ],
    *[Case(f"matmul.vec_{d}", "a @ b", {"a": T((3,), d), "b": T((3,), d)}) for d in NUMERIC],
    *[Case(f"matmul.mv_{d}", "a @ b", {"a": T((2, 3), d), "b": T((3,), d)}) for d in NUMERIC],
    Case(
        "matmul.fold_float64",
        "a @ b",
        {"a": T((5, 2, 3), "float64", **G), "b": T((3, 4), "float64", **G)},
    ),
    Case("matmul.t_layout", "a @ b", {"a": T((5, 2, 3), layout="t", **G), "b": T((3, 4), **G)}),
    Case("matmul.t_layout_nograd_b", "a @ b", {"a": T((5, 2, 3), layout="t", **G), "b": T((3,))}),
    Case(
        "matmul.t_both",
        "a @ b",
        {"a": T((5, 2, 3), layout="t", **G), "b": T((5, 3, 4), layout="t", **G)},
    ),
    Case(
        "matmul.step",
        "a @ b",
        {"a": T((2, 3), layout="step", **G), "b": T((3, 4), layout="step", **G)},
    ),
    Case(
        "matmul.expand", "a @ b", {"a": T((4, 2, 3), layout="expand", **G), "b": T((4, 3, 2), **G)}
    ),
    Case("matmul.expand_b", "a @ b", {"a": T((3,)), "b": T((4, 3, 2), layout="expand", **G)}),
    Case("matmul.permuted", "a.transpose(0, 1) @ b", {"a": T((2, 5, 3), **G), "b": T((3,))}),
    Case("matmul.permuted_mat", "a.transpose(0, 1) @ b", {"a": T((2, 5, 3), **G), "b": T((3, 4))}),
    Case("matmul.empty_rows", "a @ b", {"a": T((0, 3), **G), "b": T((3, 4), **G)}),
    Case("matmul.empty_inner", "a @ b", {"a": T((2, 0), **G), "b": T((0, 4), **G)}),
    Case("matmul.empty_batch", "a @ b", {"a": T((0, 2, 3), **G), "b": T((3, 4), **G)}),
    Case("matmul.empty_batch_3d", "a @ b", {"a": T((0, 2, 3), **G), "b": T((0, 3, 4), **G)}),
    Case("matmul.empty_vec", "a @ b", {"a": T((0,), **G), "b": T((0,), **G)}),
    Case("matmul.empty_fold", "a @ b", {"a": T((5, 2, 0), **G), "b": T((0, 4))}),
    Case("matmul.half_batched", "a @ b", {"a": T((3, 2, 3), "float16"), "b": T((3, 4), "float16")}),
    Case("matmul.int32_fold", "a @ b", {"a": T((2, 2, 3), "int32"), "b": T((3,), "int32")}),
    Case("matmul.rmatmul", "b.__rmatmul__(a)", {"a": T((2, 3), **G), "b": T((3, 4), **G)}),
    Case("matmul.imatmul", "out = a.clone()\nout @= b", {"a": T((2, 3), **G), "b": T((3, 3), **G)}),
    Case("matmul.kw", "torch.matmul(input=a, other=b)", {"a": T((2, 3)), "b": T((3,))}),
    Case(
        "matmul.out", "torch.matmul(a, b, out=o)", {"a": T((2, 3)), "b": T((3, 4)), "o": T((2, 4))}
    ),
    Case(
        "matmul.out_batched",
        "torch.matmul(a, b, out=o)",
        {"a": T((2, 2, 3)), "b": T((3, 4)), "o": T((0,))},
    ),
    Case("matmul.out_vec", "torch.matmul(a, b, out=o)", {"a": T((3,)), "b": T((3,)), "o": T((0,))}),
    Case(
        "matmul.out_dtype_error",
        "torch.matmul(a, b, out=o)",
        {"a": T((2, 3)), "b": T((3, 4)), "o": T((2, 4), "float64")},
    ),
    Case(
        "matmul.out_grad_error",
        "torch.matmul(a, b, out=o)",
        {"a": T((2, 3), **G), "b": T((3, 4)), "o": T((2, 4))},
    ),
    Case("matmul.0d_error", "a @ b", {"a": T(()), "b": T((3,))}),
    Case("matmul.0d_right_error", "torch.matmul(a, b)", {"a": T((3,)), "b": T(())}),
    Case("matmul.0d_both_error", "a @ b", {"a": T(()), "b": T(())}),
    Case("matmul.shape_error", "a @ b", {"a": T((2, 3)), "b": T((4, 5))}),
    Case("matmul.vec_shape_error", "a @ b", {"a": T((3,)), "b": T((2,))}),
    Case("matmul.mv_shape_error", "a @ b", {"a": T((2, 3)), "b": T((4,))}),
    Case("matmul.vm_shape_error", "a @ b", {"a": T((3,)), "b": T((4, 5))}),
    Case("matmul.fold_shape_error", "a @ b", {"a": T((5, 2, 3)), "b": T((4, 5))}),
    Case("matmul.fold_vec_error", "a @ b", {"a": T((5, 2, 3)), "b": T((4,))}),
    Case("matmul.bmm_shape_error", "a @ b", {"a": T((5, 2, 3)), "b": T((5, 4, 5))}),
    Case("matmul.batch_error", "a @ b", {"a": T((5, 2, 3)), "b": T((4, 3, 5))}),
    Case("matmul.batch4_error", "a @ b", {"a": T((2, 5, 2, 3)), "b": T((3, 3, 4))}),
    Case("matmul.dtype_error", "a @ b", {"a": T((2, 3)), "b": T((3, 4), "float64")}),
    Case("matmul.dtype_int_error", "a @ b", {"a": T((2, 3), "int64"), "b": T((3, 4))}),
    Case("matmul.dtype_mv_error", "a @ b", {"a": T((2, 3)), "b": T((3,), "float64")}),
    Case("matmul.dtype_dot_error", "a @ b", {"a": T((3,)), "b": T((3,), "float64")}),
    Case("matmul.dtype_bmm_error", "a @ b", {"a": T((2, 2, 3)), "b": T((2, 3, 4), "float64")}),
    Case("matmul.dtype_vec_bmm_error", "a @ b", {"a": T((3,), "float64"), "b": T((2, 3, 4))}),
    Case("matmul.bool_fold_error", "a @ b", {"a": T((2, 2, 3), "bool"), "b": T((3, 4), "bool")}),
    Case("matmul.bool_mv_error", "a @ b", {"a": T((2, 2, 3), "bool"), "b": T((3,), "bool")}),
    Case("matmul.scalar_error", "a @ 2", {"a": T((2, 3))}),
    Case("matmul.rscalar_error", "2 @ a", {"a": T((2, 3))}),
    Case("matmul.arg_error", "torch.matmul(a, 2)", {"a": T((2, 3))}),
    # ------------------------------------------------------------ mm
    *[Case(f"mm.{d}", "torch.mm(a, b)", {"a": T((2, 3), d), "b": T((3, 4), d)}) for d in ALL],
    Case("mm.grad", "torch.mm(a, b)", {"a": T((2, 3), **G), "b": T((3, 4), **G)}),
    Case(
        "mm.method",
        "a.mm(b)",
        {"a": T((2, 3), layout="t", **G), "b": T((3, 4), layout="step", **G)},
    ),
    Case("mm.kw", "torch.mm(input=a, mat2=b)", {"a": T((2, 3)), "b": T((3, 4))}),
    Case("mm.empty", "torch.mm(a, b)", {"a": T((2, 0), **G), "b": T((0, 4), **G)}),
    Case("mm.out", "torch.mm(a, b, out=o)", {"a": T((2, 3)), "b": T((3, 4)), "o": T((2, 4))}),
    Case("mm.out_resize", "torch.mm(a, b, out=o)", {"a": T((2, 3)), "b": T((3, 4)), "o": T((0,))}),
    Case(
        "mm.out_dtype_error",
        "torch.mm(a, b, out=o)",
        {"a": T((2, 3)), "b": T((3, 4)), "o": T((2, 4), "float64")},
    ),
    Case(
        "mm.out_grad_error",
        "torch.mm(a, b, out=o)",
        {"a": T((2, 3)), "b": T((3, 4), **G), "o": T((2, 4))},
    ),
    Case("mm.1d_error", "torch.mm(a, b)", {"a": T((3,)), "b": T((3, 4))}),
    Case("mm.1d_right_error", "torch.mm(a, b)", {"a": T((2, 3)), "b": T((3,))}),
    Case("mm.3d_error", "torch.mm(a, b)", {"a": T((2, 2, 3)), "b": T((3, 4))}),
    Case("mm.shape_error", "torch.mm(a, b)", {"a": T((2, 3)), "b": T((4, 5))}),
    Case("mm.dtype_error", "torch.mm(a, b)", {"a": T((2, 3), "int64"), "b": T((3, 4))}),
    Case("mm.bool_int_error", "torch.mm(a, b)", {"a": T((2, 3), "bool"), "b": T((3, 4), "int64")}),
    Case("mm.arg_error", "torch.mm(a, 2)", {"a": T((2, 3))}),
    # ------------------------------------------------------------ bmm
    *[
        Case(f"bmm.{d}", "torch.bmm(a, b)", {"a": T((2, 2, 3), d), "b": T((2, 3, 4), d)})
        for d in ALL
    ],
    Case("bmm.grad", "torch.bmm(a, b)", {"a": T((5, 2, 3), **G), "b": T((5, 3, 4), **G)}),
    Case(
        "bmm.method_t",
        "a.bmm(b)",
        {"a": T((5, 2, 3), layout="t", **G), "b": T((5, 3, 4), layout="expand", **G)},
    ),
    Case("bmm.empty", "torch.bmm(a, b)", {"a": T((0, 2, 3), **G), "b": T((0, 3, 4), **G)}),
    Case(
        "bmm.out",
        "torch.bmm(a, b, out=o)",
        {"a": T((2, 2, 3)), "b": T((2, 3, 4)), "o": T((2, 2, 4))},
    ),
    Case("bmm.2d_error", "torch.bmm(a, b)", {"a": T((2, 3)), "b": T((2, 3, 4))}),
    Case("bmm.2d_right_error", "torch.bmm(a, b)", {"a": T((2, 2, 3)), "b": T((3, 4))}),
    Case("bmm.batch_error", "torch.bmm(a, b)", {"a": T((2, 2, 3)), "b": T((3, 3, 4))}),
    Case("bmm.inner_error", "torch.bmm(a, b)", {"a": T((2, 2, 3)), "b": T((2, 4, 4))}),
    Case("bmm.dtype_error", "torch.bmm(a, b)", {"a": T((2, 2, 3)), "b": T((2, 3, 4), "float64")}),
    Case(
        "bmm.bool_int_error",
        "torch.bmm(a, b)",
        {"a": T((2, 2, 3), "bool"), "b": T((2, 3, 4), "int64")},
    ),
    # ------------------------------------------------------------ mv
    *[Case(f"mv.{d}", "torch.mv(a, b)", {"a": T((2, 3), d), "b": T((3,), d)}) for d in ALL],
    Case("mv.grad", "torch.mv(a, b)", {"a": T((2, 3), **G), "b": T((3,), **G)}),
    Case(
        "mv.method_t",
        "a.mv(b)",
        {"a": T((4, 3), layout="t", **G), "b": T((3,), layout="step", **G)},
    ),
    Case("mv.kw", "torch.mv(input=a, vec=b)", {"a": T((2, 3)), "b": T((3,))}),
    Case("mv.empty", "torch.mv(a, b)", {"a": T((2, 0), **G), "b": T((0,), **G)}),
    Case("mv.out", "torch.mv(a, b, out=o)", {"a": T((2, 3)), "b": T((3,)), "o": T((2,))}),
    Case("mv.dims_error", "torch.mv(a, b)", {"a": T((2, 3)), "b": T((2, 3))}),
    Case("mv.vec_error", "torch.mv(a, b)", {"a": T((3,)), "b": T((3,))}),
    Case("mv.shape_error", "torch.mv(a, b)", {"a": T((2, 3)), "b": T((4,))}),
    Case("mv.dtype_error", "torch.mv(a, b)", {"a": T((2, 3), "float64"), "b": T((3,))}),
    Case("mv.bool_int_error", "torch.mv(a, b)", {"a": T((2, 3), "bool"), "b": T((3,), "int64")}),
    # ------------------------------------------------------------ dot / vdot
    *[Case(f"dot.{d}", "torch.dot(a, b)", {"a": T((4,), d), "b": T((4,), d)}) for d in ALL],
    *[Case(f"vdot.{d}", "torch.vdot(a, b)", {"a": T((4,), d), "b": T((4,), d)}) for d in ALL],
    Case("dot.grad", "torch.dot(a, b)", {"a": T((4,), **G), "b": T((4,), layout="step", **G)}),
    Case("dot.method", "a.dot(b)", {"a": T((4,), "float64", **G), "b": T((4,), "float64")}),
    Case("dot.kw", "torch.dot(input=a, tensor=b)", {"a": T((4,)), "b": T((4,))}),
    Case("dot.empty", "torch.dot(a, b)", {"a": T((0,), **G), "b": T((0,), **G)}),
    Case("dot.out", "torch.dot(a, b, out=o)", {"a": T((4,)), "b": T((4,)), "o": T(())}),
    Case("dot.2d_error", "torch.dot(a, b)", {"a": T((2, 3)), "b": T((2, 3))}),
    Case("dot.0d_error", "torch.dot(a, b)", {"a": T(()), "b": T(())}),
    Case("dot.size_error", "torch.dot(a, b)", {"a": T((3,)), "b": T((2,))}),
    Case("dot.dtype_error", "torch.dot(a, b)", {"a": T((3,)), "b": T((3,), "float64")}),
    Case("dot.bool_int_error", "torch.dot(a, b)", {"a": T((3,), "bool"), "b": T((3,), "int64")}),
    Case("vdot.grad", "torch.vdot(a, b)", {"a": T((4,), **G), "b": T((4,), **G)}),
    Case("vdot.method", "a.vdot(b)", {"a": T((4,), "complex128"), "b": T((4,), "complex128")}),
    Case("vdot.2d_error", "torch.vdot(a, b)", {"a": T((2, 3)), "b": T((2, 3))}),
    Case("vdot.dtype_error", "torch.vdot(a, b)", {"a": T((3,)), "b": T((3,), "float64")}),
    # ------------------------------------------------------------ outer / ger
    *[Case(f"outer.{d}", "torch.outer(a, b)", {"a": T((3,), d), "b": T((4,), d)}) for d in ALL],
    Case("outer.grad", "torch.outer(a, b)", {"a": T((3,), **G), "b": T((4,), layout="step", **G)}),
    Case("outer.promote", "torch.outer(a, b)", {"a": T((3,), "int64"), "b": T((4,), "float64")}),
    Case("outer.promote_bool", "a.outer(b)", {"a": T((3,), "bool"), "b": T((4,), "int32")}),
    Case("outer.empty", "torch.outer(a, b)", {"a": T((0,), **G), "b": T((4,), **G)}),
    Case("outer.out", "torch.outer(a, b, out=o)", {"a": T((3,)), "b": T((4,)), "o": T((3, 4))}),
    Case("outer.2d_error", "torch.outer(a, b)", {"a": T((2, 3)), "b": T((3,))}),
    Case("outer.2d_right_error", "torch.outer(a, b)", {"a": T((3,)), "b": T((3, 1))}),
    Case("ger.grad", "torch.ger(a, b)", {"a": T((3,), **G), "b": T((4,), **G)}),
    Case("ger.method", "a.ger(b)", {"a": T((3,), "int16"), "b": T((2,), "int16")}),
    # ------------------------------------------------------------ addmm
    *[
        Case(
            f"addmm.{d}",
            "torch.addmm(c, a, b)",
            {"c": T((2, 4), d), "a": T((2, 3), d), "b": T((3, 4), d)},
        )
        for d in ALL
    ],
    Case(
        "addmm.grad",
        "torch.addmm(c, a, b)",
        {"c": T((2, 4), **G), "a": T((2, 3), **G), "b": T((3, 4), **G)},
    ),
    Case(
        "addmm.beta_alpha",
        "torch.addmm(c, a, b, beta=2, alpha=-0.5)",
        {"c": T((2, 4), **G), "a": T((2, 3), **G), "b": T((3, 4), **G)},
    ),
    Case(
        "addmm.broadcast_row",
        "torch.addmm(c, a, b, alpha=3)",
        {"c": T((4,), **G), "a": T((2, 3), **G), "b": T((3, 4), **G)},
    ),
    Case(
        "addmm.broadcast_0d",
        "torch.addmm(c, a, b)",
        {"c": T((), **G), "a": T((2, 3)), "b": T((3, 4))},
    ),
    Case(
        "addmm.broadcast_col",
        "torch.addmm(c, a, b)",
        {"c": T((2, 1), **G), "a": T((2, 3), layout="t"), "b": T((3, 4), **G)},
    ),
    Case(
        "addmm.beta0_nan",
        "torch.addmm(c, a, b, beta=0)",
        {"c": T((2, 4), values=[[float("nan")] * 4] * 2, **G), "a": T((2, 3), **G), "b": T((3, 4))},
    ),
    Case(
        "addmm.int_beta_float",
        "torch.addmm(c, a, b, beta=1.7, alpha=2.9)",
        {"c": T((2, 2), "int64"), "a": T((2, 3), "int64"), "b": T((3, 2), "int64")},
    ),
    Case(
        "addmm.int_neg_beta",
        "torch.addmm(c, a, b, beta=-1.5)",
        {"c": T((2, 2), "int32"), "a": T((2, 3), "int32"), "b": T((3, 2), "int32")},
    ),
    Case(
        "addmm.bool_beta",
        "torch.addmm(c, a, b, beta=False)",
        {"c": T((2, 2)), "a": T((2, 3)), "b": T((3, 2))},
    ),
    Case(
        "addmm.half",
        "torch.addmm(c, a, b, alpha=2)",
        {"c": T((2, 4), "float16"), "a": T((2, 3), "float16"), "b": T((3, 4), "float16")},
    ),
    Case(
        "addmm.method",
        "c.addmm(a, b, beta=0.5)",
        {"c": T((2, 4), **G), "a": T((2, 3)), "b": T((3, 4), **G)},
    ),
    Case(
        "addmm.inplace",
        "c.clone().addmm_(a, b, alpha=2)",
        {"c": T((2, 4), **G), "a": T((2, 3), **G), "b": T((3, 4), **G)},
    ),
    Case(
        "addmm.inplace_shape_error",
        "c.addmm_(a, b)",
        {"c": T((4,)), "a": T((2, 3)), "b": T((3, 4))},
    ),
    Case(
        "addmm.inplace_dtype_error",
        "c.addmm_(a, b)",
        {"c": T((2, 4)), "a": T((2, 3)), "b": T((3, 4), "float64")},
    ),
    Case(
        "addmm.out",
        "torch.addmm(c, a, b, out=o)",
        {"c": T((4,)), "a": T((2, 3)), "b": T((3, 4)), "o": T((2, 4))},
    ),
    Case(
        "addmm.empty",
        "torch.addmm(c, a, b)",
        {"c": T((2, 4), **G), "a": T((2, 0), **G), "b": T((0, 4), **G)},
    ),
    Case(
        "addmm.expand_error",
        "torch.addmm(c, a, b)",
        {"c": T((3, 4)), "a": T((2, 3)), "b": T((3, 4))},
    ),
    Case(
        "addmm.ndim_error",
        "torch.addmm(c, a, b)",
        {"c": T((3, 2, 4)), "a": T((2, 3)), "b": T((3, 4))},
    ),
    Case(
        "addmm.shape_error",
        "torch.addmm(c, a, b)",
        {"c": T((2, 4)), "a": T((2, 3)), "b": T((4, 4))},
    ),
    Case("addmm.1d_error", "torch.addmm(c, a, b)", {"c": T((2, 4)), "a": T((3,)), "b": T((3, 4))}),
    Case(
        "addmm.1d_right_error",
        "torch.addmm(c, a, b)",
        {"c": T((2, 4)), "a": T((2, 3)), "b": T((3,))},
    ),
    Case(
        "addmm.self_dtype_error",
        "torch.addmm(c, a, b)",
        {"c": T((2, 4), "float64"), "a": T((2, 3)), "b": T((3, 4))},
    ),
    Case(
        "addmm.mat2_dtype_error",
        "torch.addmm(c, a, b)",
        {"c": T((2, 4)), "a": T((2, 3)), "b": T((3, 4), "float64")},
    ),
    Case(
        "addmm.mat1_dtype_error",
        "torch.addmm(c, a, b)",
        {"c": T((2, 4)), "a": T((2, 3), "float64"), "b": T((3, 4))},
    ),
    # ------------------------------------------------------------ addmv
    *[
        Case(
            f"addmv.{d}",
            "torch.addmv(c, a, b)",
            {"c": T((2,), d), "a": T((2, 3), d), "b": T((3,), d)},
        )
        for d in ALL
    ],
    Case(
        "addmv.grad",
        "torch.addmv(c, a, b, beta=2, alpha=3)",
        {"c": T((2,), **G), "a": T((2, 3), **G), "b": T((3,), **G)},
    ),
    Case(
        "addmv.broadcast",
        "torch.addmv(c, a, b)",
        {"c": T((1,), **G), "a": T((2, 3), layout="t", **G), "b": T((3,), **G)},
    ),
    Case(
        "addmv.broadcast_0d",
        "torch.addmv(c, a, b)",
        {"c": T((), **G), "a": T((2, 3)), "b": T((3,), **G)},
    ),
    Case(
        "addmv.beta0_nan",
        "torch.addmv(c, a, b, beta=0)",
        {"c": T((2,), values=[float("nan")] * 2), "a": T((2, 3)), "b": T((3,))},
    ),
    Case(
        "addmv.int_alpha_float",
        "torch.addmv(c, a, b, alpha=2.5)",
        {"c": T((2,), "int64"), "a": T((2, 3), "int64"), "b": T((3,), "int64")},
    ),
    Case(
        "addmv.inplace",
        "c.clone().addmv_(a, b)",
        {"c": T((2,), **G), "a": T((2, 3), **G), "b": T((3,))},
    ),
    Case(
        "addmv.out",
        "torch.addmv(c, a, b, out=o)",
        {"c": T((2,)), "a": T((2, 3)), "b": T((3,)), "o": T((2,))},
    ),
    Case("addmv.size_error", "torch.addmv(c, a, b)", {"c": T((3,)), "a": T((2, 3)), "b": T((3,))}),
    Case(
        "addmv.vec_size_error", "torch.addmv(c, a, b)", {"c": T((2,)), "a": T((2, 3)), "b": T((4,))}
    ),
    Case(
        "addmv.dims_error", "torch.addmv(c, a, b)", {"c": T((2, 2)), "a": T((2, 3)), "b": T((3,))}
    ),
    Case(
        "addmv.dtype_error",
        "torch.addmv(c, a, b)",
        {"c": T((2,)), "a": T((2, 3)), "b": T((3,), "float64")},
    ),
    Case(
        "addmv.self_dtype_error",
        "torch.addmv(c, a, b)",
        {"c": T((2,), "float64"), "a": T((2, 3)), "b": T((3,))},
    ),
    # ------------------------------------------------------------ addr
    *[
        Case(
            f"addr.{d}",
            "torch.addr(c, a, b)",
            {"c": T((2, 3), d), "a": T((2,), d), "b": T((3,), d)},
        )
        for d in ALL
    ],
    Case(
        "addr.grad",
        "torch.addr(c, a, b, beta=2, alpha=0.5)",
        {"c": T((2, 3), **G), "a": T((2,), **G), "b": T((3,), **G)},
    ),
    Case(
        "addr.broadcast",
        "torch.addr(c, a, b)",
        {"c": T((3,), **G), "a": T((2,), **G), "b": T((3,), layout="step", **G)},
    ),
    Case(
        "addr.promote",
        "torch.addr(c, a, b)",
        {"c": T((2, 3)), "a": T((2,), "int64"), "b": T((3,), "float64")},
    ),
    Case(
        "addr.promote_bool",
        "torch.addr(c, a, b)",
        {"c": T((2, 3), "bool"), "a": T((2,), "int32"), "b": T((3,), "int32")},
    ),
    Case(
        "addr.bool_beta0",
        "torch.addr(c, a, b, beta=0)",
        {"c": T((2, 3), "bool"), "a": T((2,), "bool"), "b": T((3,), "bool")},
    ),
    Case(
        "addr.bool_beta_true",
        "torch.addr(c, a, b, beta=True, alpha=False)",
        {"c": T((2, 3), "bool"), "a": T((2,), "bool"), "b": T((3,), "bool")},
    ),
    Case(
        "addr.beta0_nan",
        "torch.addr(c, a, b, beta=0)",
        {"c": T((2, 3), values=[[float("nan")] * 3] * 2), "a": T((2,)), "b": T((3,))},
    ),
    Case(
        "addr.int_float_beta_error",
        "torch.addr(c, a, b, beta=0.5)",
        {"c": T((2, 3), "int64"), "a": T((2,), "int64"), "b": T((3,), "int64")},
    ),
    Case(
        "addr.bool_alpha_error",
        "torch.addr(c, a, b, alpha=True)",
        {"c": T((2, 3), "int64"), "a": T((2,), "int64"), "b": T((3,), "int64")},
    ),
    Case(
        "addr.float_bool_beta_error",
        "torch.addr(c, a, b, beta=False)",
        {"c": T((2, 3)), "a": T((2,)), "b": T((3,))},
    ),
    Case(
        "addr.bool_float_alpha_error",
        "torch.addr(c, a, b, alpha=2.5)",
        {"c": T((2, 3), "bool"), "a": T((2,), "bool"), "b": T((3,), "bool")},
    ),
    Case(
        "addr.inplace",
        "c.clone().addr_(a, b, alpha=2)",
        {"c": T((2, 3), **G), "a": T((2,), **G), "b": T((3,), **G)},
    ),
    Case(
        "addr.out",
        "torch.addr(c, a, b, out=o)",
        {"c": T((2, 3)), "a": T((2,)), "b": T((3,)), "o": T((2, 3))},
    ),
    Case("addr.2d_error", "torch.addr(c, a, b)", {"c": T((2, 3)), "a": T((2, 1)), "b": T((3,))}),
    Case("addr.expand_error", "torch.addr(c, a, b)", {"c": T((2, 4)), "a": T((2,)), "b": T((3,))}),
    # ------------------------------------------------------------ baddbmm / addbmm
    *[
        Case(
            f"baddbmm.{d}",
            "torch.baddbmm(c, a, b)",
            {"c": T((2, 2, 4), d), "a": T((2, 2, 3), d), "b": T((2, 3, 4), d)},
        )
        for d in ALL
    ],
    Case(
        "baddbmm.grad",
        "torch.baddbmm(c, a, b, beta=0.5, alpha=2)",
        {"c": T((5, 2, 4), **G), "a": T((5, 2, 3), **G), "b": T((5, 3, 4), **G)},
    ),
    Case(
        "baddbmm.broadcast",
        "torch.baddbmm(c, a, b)",
        {"c": T((4,), **G), "a": T((5, 2, 3), layout="t", **G), "b": T((5, 3, 4), **G)},
    ),
    Case(
        "baddbmm.beta0_nan",
        "torch.baddbmm(c, a, b, beta=0)",
        {
            "c": T((1, 2, 4), values=[[[float("nan")] * 4] * 2]),
            "a": T((1, 2, 3)),
            "b": T((1, 3, 4)),
        },
    ),
    Case(
        "baddbmm.int_beta_float",
        "torch.baddbmm(c, a, b, beta=1.5)",
        {"c": T((2, 2, 2), "int64"), "a": T((2, 2, 3), "int64"), "b": T((2, 3, 2), "int64")},
    ),
    Case(
        "baddbmm.inplace",
        "c.clone().baddbmm_(a, b)",
        {"c": T((2, 2, 4), **G), "a": T((2, 2, 3), **G), "b": T((2, 3, 4))},
    ),
    Case(
        "baddbmm.out",
        "torch.baddbmm(c, a, b, out=o)",
        {"c": T((2, 2, 4)), "a": T((2, 2, 3)), "b": T((2, 3, 4)), "o": T((2, 2, 4))},
    ),
    Case(
        "baddbmm.dtype_error",
        "torch.baddbmm(c, a, b)",
        {"c": T((2, 2, 4)), "a": T((2, 2, 3)), "b": T((2, 3, 4), "float64")},
    ),
    Case(
        "baddbmm.self_dtype_error",
        "torch.baddbmm(c, a, b)",
        {"c": T((2, 2, 4), "float64"), "a": T((2, 2, 3)), "b": T((2, 3, 4))},
    ),
    Case(
        "baddbmm.2d_error",
        "torch.baddbmm(c, a, b)",
        {"c": T((2, 2, 4)), "a": T((2, 3)), "b": T((2, 3, 4))},
    ),
    Case(
        "baddbmm.batch_error",
        "torch.baddbmm(c, a, b)",
        {"c": T((2, 2, 4)), "a": T((2, 2, 3)), "b": T((3, 3, 4))},
    ),
    Case(
        "baddbmm.expand_error",
        "torch.baddbmm(c, a, b)",
        {"c": T((3, 2, 4)), "a": T((2, 2, 3)), "b": T((2, 3, 4))},
    ),
    *[
        Case(
            f"addbmm.{d}",
            "torch.addbmm(c, a, b)",
            {"c": T((2, 4), d), "a": T((3, 2, 3), d), "b": T((3, 3, 4), d)},
        )
        for d in ALL
    ],
    Case(
        "addbmm.grad",
        "torch.addbmm(c, a, b, beta=2, alpha=0.5)",
        {"c": T((2, 4), **G), "a": T((5, 2, 3), **G), "b": T((5, 3, 4), **G)},
    ),
    Case(
        "addbmm.broadcast",
        "torch.addbmm(c, a, b)",
        {"c": T((1,), **G), "a": T((5, 2, 3), **G), "b": T((5, 3, 4), layout="t", **G)},
    ),
    Case(
        "addbmm.int_alpha_float",
        "torch.addbmm(c, a, b, alpha=0.5)",
        {"c": T((2, 2), "int64"), "a": T((2, 2, 3), "int64"), "b": T((2, 3, 2), "int64")},
    ),
    Case(
        "addbmm.inplace",
        "c.clone().addbmm_(a, b)",
        {"c": T((2, 4), **G), "a": T((5, 2, 3)), "b": T((5, 3, 4), **G)},
    ),
    Case(
        "addbmm.out",
        "torch.addbmm(c, a, b, out=o)",
        {"c": T((2, 4)), "a": T((5, 2, 3)), "b": T((5, 3, 4)), "o": T((2, 4))},
    ),
    Case(
        "addbmm.batch_error",
        "torch.addbmm(c, a, b)",
        {"c": T((2, 4)), "a": T((5, 2, 3)), "b": T((4, 3, 4))},
    ),
    Case(
        "addbmm.expand_error",
        "torch.addbmm(c, a, b)",
        {"c": T((3, 4)), "a": T((5, 2, 3)), "b": T((5, 3, 4))},
    ),
    Case(
        "addbmm.dtype_error",
        "torch.addbmm(c, a, b)",
        {"c": T((2, 4)), "a": T((5, 2, 3)), "b": T((5, 3, 4), "float64")},
    ),
    # ------------------------------------------------------------ einsum
    *[
        Case(
            f"einsum.{name}",
            f"torch.einsum({eq!r}, " + ", ".join(f"x{i}" for i in range(len(shapes))) + ")",
            {f"x{i}": T(s, **G) for i, s in enumerate(shapes)},
        )
        for name, eq, shapes in [
            ("mm", "ij,jk->ik", [(2, 3), (3, 4)]),
            ("bmm", "bij,bjk->bik", [(5, 2, 3), (5, 3, 4)]),
            ("trace", "ii", [(3, 3)]),
            ("diag", "ii->i", [(3, 3)]),
            ("sum_all", "ij->", [(3, 4)]),
            ("transpose", "ij->ji", [(3, 4)]),
            ("outer", "i,j->ij", [(3,), (4,)]),
            ("ellipsis_mm", "...ij,...jk", [(5, 2, 3), (3, 4)]),
            ("chain", "ij,jk,kl->il", [(2, 3), (3, 4), (4, 5)]),
            ("dot", "i,i", [(3,), (3,)]),
            ("hadamard", "ij,ij->ij", [(2, 3), (2, 3)]),
            ("inner_all", "ij,ij->", [(2, 3), (2, 3)]),
            ("mm_t", "ij,kj->ik", [(2, 3), (4, 3)]),
            ("swap", "ik,jk->ji", [(2, 3), (4, 3)]),
            ("attention", "bhqd,bhkd->bhqk", [(2, 3, 4, 5), (2, 3, 6, 5)]),
            ("repeat_sum", "iij->j", [(3, 3, 4)]),
            ("repeat_split", "iji->j", [(3, 4, 3)]),
            ("double_diag", "ijij->ij", [(2, 3, 2, 3)]),
            ("ellipsis_only", "...->...", [(2, 3)]),
            ("batch_diag", "...ii->...i", [(2, 3, 3)]),
            ("ellipsis_sum", "i...->...", [(2, 3, 4)]),
            ("ellipsis_broadcast", "ab...,b...->a...", [(2, 3, 4), (3, 1)]),
            ("triple_dot", "i,i,i->", [(3,), (3,), (3,)]),
            ("bilinear", "bn,anm,bm->ba", [(2, 5), (3, 5, 4), (2, 4)]),
            ("implicit", "ij,jk", [(2, 3), (3, 4)]),
            ("implicit_order", "ba,ab", [(2, 3), (3, 2)]),
            ("upper", "Ab,bC->AC", [(2, 3), (3, 4)]),
            ("scalar", "", [()]),
            ("scalars", ",->", [(), ()]),
            ("scale", "i,->i", [(3,), ()]),
            ("spaces", "i j , j k -> i k", [(2, 3), (3, 4)]),
            ("broadcast_one", "ij,jk->ik", [(2, 1), (3, 4)]),
            ("empty", "ij,jk->ik", [(0, 3), (3, 4)]),
            ("empty_inner", "ij,jk->ik", [(2, 0), (0, 4)]),
            ("outer_product4", "ab,cd->abcd", [(2, 3), (4, 5)]),
            ("sum_both", "ab,cd->", [(2, 3), (4, 5)]),
            ("three_outer", "i,j,k->ijk", [(2,), (3,), (4,)]),
        ]
    ],
    Case(
        "einsum.t_layout",
        "torch.einsum('bij,bjk->bik', a, b)",
        {"a": T((2, 3, 4), layout="t", **G), "b": T((2, 3, 5), layout="expand", **G)},
    ),
    Case("einsum.list", "torch.einsum('ij,jk', [a, b])", {"a": T((2, 3), **G), "b": T((3, 4))}),
    Case(
        "einsum.sublist",
        "torch.einsum(a, [0, 1], b, [1, 2], [0, 2])",
        {"a": T((2, 3), **G), "b": T((3, 4), **G)},
    ),
    Case(
        "einsum.sublist_ellipsis",
        "torch.einsum(a, [..., 0, 1], b, [..., 1, 2])",
        {"a": T((5, 2, 3), **G), "b": T((5, 3, 4), **G)},
    ),
    *[
        Case(
            f"einsum.{d}", "torch.einsum('ij,jk->ik', a, b)", {"a": T((2, 3), d), "b": T((3, 4), d)}
        )
        for d in ALL
    ],
    *[
        Case(f"einsum.outer_{d}", "torch.einsum('i,j', a, b)", {"a": T((2,), d), "b": T((3,), d)})
        for d in ALL
    ],
    Case(
        "einsum.outer_promote",
        "torch.einsum('i,j', a, b)",
        {"a": T((2,), "int64"), "b": T((3,), "float64")},
    ),
    Case(
        "einsum.dtype_error",
        "torch.einsum('ij,jk', a, b)",
        {"a": T((2, 3)), "b": T((3, 4), "float64")},
    ),
    Case("einsum.size_error", "torch.einsum('ij,jk', a, b)", {"a": T((2, 3)), "b": T((4, 4))}),
    Case("einsum.ndim_error", "torch.einsum('ij,jk', a, b)", {"a": T((2, 3, 1)), "b": T((3, 4))}),
    Case("einsum.ellipsis_ndim_error", "torch.einsum('...ijk', a)", {"a": T((2, 3))}),
    Case(
        "einsum.ellipsis_broadcast_error",
        "torch.einsum('...i,...i', a, b)",
        {"a": T((2, 3)), "b": T((4, 3))},
    ),
    Case("einsum.repeat_size_error", "torch.einsum('ii', a)", {"a": T((2, 3))}),
    Case("einsum.fewer_error", "torch.einsum('i,i,i', a, b)", {"a": T((3,)), "b": T((3,))}),
    Case("einsum.more_error", "torch.einsum('i', a, b)", {"a": T((3,)), "b": T((3,))}),
    Case("einsum.subscript_error", "torch.einsum('i1', a)", {"a": T((3, 3))}),
    Case("einsum.output_twice_error", "torch.einsum('ij->ii', a)", {"a": T((3, 3))}),
    Case("einsum.output_unknown_error", "torch.einsum('ij->k', a)", {"a": T((3, 3))}),
    Case("einsum.dots_error", "torch.einsum('..i', a)", {"a": T((3,))}),
    Case("einsum.two_ellipsis_error", "torch.einsum('......', a)", {"a": T((3,))}),
    Case("einsum.no_operand_error", "torch.einsum('i')", {}),
    # ------------------------------------------------------------ tensordot
    Case(
        "tensordot.int_dims",
        "torch.tensordot(a, b, 2)",
        {"a": T((2, 3, 4), **G), "b": T((3, 4, 5), **G)},
    ),
    Case(
        "tensordot.pairs",
        "torch.tensordot(a, b, ([1, 2], [1, 0]))",
        {"a": T((2, 3, 4), **G), "b": T((4, 3, 5), **G)},
    ),
    Case(
        "tensordot.list_pairs",
        "torch.tensordot(a, b, dims=[[0], [1]])",
        {"a": T((3, 2), **G), "b": T((4, 3), **G)},
    ),
    Case("tensordot.zero", "torch.tensordot(a, b, 0)", {"a": T((2, 3), **G), "b": T((4,), **G)}),
    Case("tensordot.full", "torch.tensordot(a, b, 2)", {"a": T((2, 3), **G), "b": T((2, 3), **G)}),
    Case(
        "tensordot.full_permuted",
        "torch.tensordot(a, b, ([0, 1], [1, 0]))",
        {"a": T((2, 3), **G), "b": T((3, 2), **G)},
    ),
    Case(
        "tensordot.broadcast_dim",
        "torch.tensordot(a, b, ([1], [0]))",
        {"a": T((2, 1), **G), "b": T((3, 4), **G)},
    ),
    Case(
        "tensordot.neg_dims",
        "torch.tensordot(a, b, ([-1], [-2]))",
        {"a": T((2, 3), layout="t", **G), "b": T((3, 4), **G)},
    ),
    Case(
        "tensordot.default", "torch.tensordot(a, b)", {"a": T((2, 3, 4), **G), "b": T((3, 4), **G)}
    ),
    Case(
        "tensordot.int",
        "torch.tensordot(a, b, 1)",
        {"a": T((2, 3), "int64"), "b": T((3, 4), "int64")},
    ),
    Case(
        "tensordot.dtype_error",
        "torch.tensordot(a, b, 1)",
        {"a": T((2, 3)), "b": T((3, 4), "float64")},
    ),
    Case("tensordot.size_error", "torch.tensordot(a, b, 1)", {"a": T((2, 3)), "b": T((4, 4))}),
    Case("tensordot.neg_error", "torch.tensordot(a, b, -1)", {"a": T((2, 3)), "b": T((3, 4))}),
    Case("tensordot.big_error", "torch.tensordot(a, b, 3)", {"a": T((2, 3)), "b": T((3, 4))}),
    Case(
        "tensordot.length_error",
        "torch.tensordot(a, b, ([0, 1], [0]))",
        {"a": T((2, 3)), "b": T((2, 4))},
    ),
    Case(
        "tensordot.repeat_error",
        "torch.tensordot(a, b, ([0, 0], [0, 1]))",
        {"a": T((2, 3)), "b": T((2, 2))},
    ),
    Case(
        "tensordot.out",
        "torch.tensordot(a, b, 1, out=o)",
        {"a": T((2, 3)), "b": T((3, 4)), "o": T((2, 4))},
    ),
    # ------------------------------------------------------------ kron
    *[Case(f"kron.{d}", "torch.kron(a, b)", {"a": T((2, 2), d), "b": T((2, 3), d)}) for d in ALL],
    Case("kron.grad", "torch.kron(a, b)", {"a": T((2, 3), **G), "b": T((3, 4), **G)}),
    Case("kron.ranks", "torch.kron(a, b)", {"a": T((3,), **G), "b": T((2, 3), **G)}),
    Case("kron.0d", "torch.kron(a, b)", {"a": T((), **G), "b": T((2, 3), **G)}),
    Case("kron.0d_both", "a.kron(b)", {"a": T((), **G), "b": T(())}),
    Case("kron.promote", "torch.kron(a, b)", {"a": T((2,), "int64"), "b": T((2,), "float64")}),
    Case("kron.empty", "torch.kron(a, b)", {"a": T((0, 2), **G), "b": T((2, 3), **G)}),
    Case("kron.step", "torch.kron(a, b)", {"a": T((2, 2), layout="step", **G), "b": T((3,), **G)}),
    # ------------------------------------------------------------ trace
    *[Case(f"trace.{d}", "torch.trace(a)", {"a": T((3, 4), d)}) for d in ALL],
    Case("trace.grad", "torch.trace(a)", {"a": T((3, 4), **G)}),
    Case("trace.tall", "a.trace()", {"a": T((4, 3), layout="t", **G)}),
    Case("trace.empty", "torch.trace(a)", {"a": T((0, 3), **G)}),
    Case("trace.1d_error", "torch.trace(a)", {"a": T((3,))}),
    Case("trace.0d_error", "torch.trace(a)", {"a": T(())}),
    Case("trace.3d_error", "torch.trace(a)", {"a": T((2, 2, 2))}),
    # ------------------------------------------------------------ cross
    Case("cross.grad", "torch.cross(a, b, dim=1)", {"a": T((4, 3), **G), "b": T((4, 3), **G)}),
    Case("cross.default_dim", "torch.cross(a, b)", {"a": T((3, 4), **G), "b": T((3, 4), **G)}),
    Case(
        "cross.broadcast", "torch.cross(a, b, dim=-1)", {"a": T((4, 3), **G), "b": T((1, 3), **G)}
    ),
    Case("cross.method", "a.cross(b, 0)", {"a": T((3, 2), layout="t", **G), "b": T((3, 2), **G)}),
    Case("cross.int", "torch.cross(a, b, dim=0)", {"a": T((3,), "int64"), "b": T((3,), "int64")}),
    Case(
        "cross.float64",
        "torch.cross(a, b, dim=0)",
        {"a": T((3,), "float64", **G), "b": T((3,), "float64")},
    ),
    Case(
        "cross.complex",
        "torch.cross(a, b, dim=0)",
        {"a": T((3,), "complex64"), "b": T((3,), "complex64")},
    ),
    Case(
        "cross.out", "torch.cross(a, b, dim=0, out=o)", {"a": T((3,)), "b": T((3,)), "o": T((3,))}
    ),
    Case("cross.length_error", "torch.cross(a, b, dim=0)", {"a": T((4, 3)), "b": T((4, 3))}),
    Case("cross.no3_error", "torch.cross(a, b)", {"a": T((4, 2)), "b": T((4, 2))}),
    Case(
        "cross.dtype_error", "torch.cross(a, b, dim=1)", {"a": T((4, 3)), "b": T((4, 3), "float64")}
    ),
    Case(
        "cross.bool_error", "torch.cross(a, b, dim=0)", {"a": T((3,), "bool"), "b": T((3,), "bool")}
    ),
    Case("cross.mismatch_error", "torch.cross(a, b, dim=1)", {"a": T((4, 3)), "b": T((4, 4))}),
    Case("cross.ndim_error", "torch.cross(a, b, dim=1)", {"a": T((4, 3)), "b": T((3,))}),
]
