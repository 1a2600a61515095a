"""Cases for scatter_reduce and take_along_dim."""

from tests.ops.spec import Case, T

X = T((3, 4), grad=True)
IDX = T((2, 3), "int64", values=[[0, 1, 3], [2, 0, -1 + 4]])
REP = T((3, 4), "int64", values=[[0, 0, 1, 0], [2, 2, 2, 2], [3, 1, 3, 1]])
SRC = T((3, 4), grad=True)


def _reduce(name, reduce, include_self=True, x=X, s=SRC, i=REP, grad=None):
    expr = f"torch.scatter_reduce(x, 1, i, s, {reduce!r}, include_self={include_self})"
    return Case(f"scatter_reduce.{name}", expr, {"x": x, "i": i, "s": s}, grad=grad)


# Distinct values (no ties) so that amax/amin gradients do not depend on tie-breaking.
XD = T(
    (3, 4),
    grad=True,
    values=[[0.5, -1.25, 2.0, 3.5], [1.5, -2.5, 0.25, 4.0], [-0.75, 2.25, 1.0, -3.0]],
)
SD = T(
    (3, 4),
    grad=True,
    values=[[1.75, -0.5, 2.5, 0.75], [-1.5, 3.25, 0.125, -2.0], [2.75, -3.5, 1.25, 0.375]],
)
XZ = T(
    (3, 4),
    "float64",
    grad=True,
    values=[[0.0, 2.0, -1.5, 3.0], [1.0, 0.5, 0.0, 2.0], [1.5, -2.0, 0.25, 4.0]],
)
SZ = T(
    (3, 4),
    "float64",
    grad=True,
    values=[[2.0, 0.0, 1.5, 3.0], [0.0, 0.5, 0.0, -2.0], [1.25, -0.5, 0.0, 4.0]],
)

SCATTER_REDUCE = [
    _reduce("sum", "sum"),
    _reduce("sum_exclude", "sum", False),
    _reduce("prod", "prod", x=XD, s=SD),
    _reduce("prod_exclude", "prod", False, x=XD, s=SD),
    _reduce("prod_zeros", "prod", x=XZ, s=SZ),
    _reduce("prod_zeros_exclude", "prod", False, x=XZ, s=SZ),
    _reduce("mean", "mean"),
    _reduce("mean_exclude", "mean", False),
    _reduce("amax", "amax", x=XD, s=SD),
    _reduce("amax_exclude", "amax", False, x=XD, s=SD),
    _reduce("amin", "amin", x=XD, s=SD),
    _reduce("amin_exclude", "amin", False, x=XD, s=SD),
    _reduce(
        "amax_ties",
        "amax",
        x=T((2, 3), grad=True, values=[[1.0, 2.0, 2.0], [0.0, 5.0, 5.0]]),
        s=T((2, 3), grad=True, values=[[2.0, 2.0, 1.0], [5.0, 1.0, 5.0]]),
        i=T((2, 3), "int64", values=[[1, 1, 2], [1, 2, 2]]),
    ),
    _reduce(
        "int_mean",
        "mean",
        x=T((1, 4), "int64", values=[[1, 2, 3, 4]]),
        s=T((1, 4), "int64", values=[[-5, 6, -7, -8]]),
        i=T((1, 4), "int64", values=[[0, 0, 1, 1]]),
    ),
    _reduce(
        "int_mean_exclude",
        "mean",
        False,
        x=T((1, 4), "int64", values=[[1, 2, 3, 4]]),
        s=T((1, 4), "int64", values=[[-5, 6, -7, -8]]),
        i=T((1, 4), "int64", values=[[0, 0, 1, 1]]),
    ),
    _reduce(
        "uint8_mean",
        "mean",
        x=T((1, 2), "uint8", values=[[3, 200]]),
        s=T((1, 2), "uint8", values=[[200, 100]]),
        i=T((1, 2), "int64", values=[[0, 0]]),
    ),
    _reduce("int32_amax", "amax", False, x=T((3, 4), "int32"), s=T((3, 4), "int32")),
    _reduce(
        "int16_prod",
        "prod",
        x=T((3, 4), "int16", low=-3, high=3),
        s=T((3, 4), "int16", low=-3, high=3),
    ),
    _reduce("bool_sum", "sum", x=T((3, 4), "bool"), s=T((3, 4), "bool")),
    _reduce("bool_amin", "amin", False, x=T((3, 4), "bool"), s=T((3, 4), "bool")),
    _reduce("complex_prod", "prod", x=T((3, 4), "complex64"), s=T((3, 4), "complex64")),
    _reduce("half_mean", "mean", x=T((3, 4), "float16"), s=T((3, 4), "float16")),
    _reduce(
        "float64_mean", "mean", x=T((3, 4), "float64", grad=True), s=T((3, 4), "float64", grad=True)
    ),
    _reduce(
        "nan_amax",
        "amax",
        x=T((1, 3), values=[[float("nan"), 1.0, 2.0]]),
        s=T((1, 3), values=[[0.5, float("nan"), 3.0]]),
        i=T((1, 3), "int64", values=[[0, 1, 1]]),
    ),
    Case(
        "scatter_reduce.method",
        "x.scatter_reduce(1, i, s, reduce='amax')",
        {"x": XD, "i": REP, "s": SD},
    ),
    Case(
        "scatter_reduce.inplace",
        "x.clone().scatter_reduce_(1, i, s, 'sum', include_self=False)",
        {"x": T((3, 4), "int64"), "i": REP, "s": T((3, 4), "int64")},
    ),
    Case(
        "scatter_reduce.inplace_grad",
        "out = x * 1\nout.scatter_reduce_(1, i, s, 'mean')",
        {"x": X, "i": REP, "s": SRC},
    ),
    Case(
        "scatter_reduce.empty",
        "torch.scatter_reduce(x, 1, i, s, 'prod')",
        {"x": X, "i": T((3, 0), "int64"), "s": T((3, 0), grad=True)},
    ),
    Case(
        "scatter_reduce.zero_dim",
        "torch.scatter_reduce(x, 0, i, s, 'amax')",
        {
            "x": T((), grad=True, values=0.5),
            "i": T((2,), "int64", values=[0, 0]),
            "s": T((2,), grad=True, values=[1.5, -1.0]),
        },
    ),
    Case(
        "scatter_reduce.noncontig",
        "torch.scatter_reduce(x, 1, i, s, 'sum')",
        {"x": T((3, 4), layout="t", grad=True), "i": REP, "s": T((3, 4), layout="step", grad=True)},
    ),
    Case(
        "scatter_reduce.dim0",
        "torch.scatter_reduce(x, 0, i, s, 'mean')",
        {"x": X, "i": T((2, 4), "int64", low=0, high=3), "s": T((2, 4), grad=True)},
    ),
    Case(
        "scatter_reduce.err_reduce",
        "torch.scatter_reduce(x, 1, i, s, 'foo')",
        {"x": X, "i": REP, "s": SRC},
    ),
    Case(
        "scatter_reduce.err_dtype",
        "torch.scatter_reduce(x, 1, i, s, 'sum')",
        {"x": X, "i": REP, "s": T((3, 4), "float64")},
    ),
    Case(
        "scatter_reduce.err_value", "torch.scatter_reduce(x, 1, i, 2., 'sum')", {"x": X, "i": REP}
    ),
    Case(
        "scatter_reduce.err_bool_mean",
        "torch.scatter_reduce(x, 1, i, s, 'mean')",
        {"x": T((3, 4), "bool"), "i": REP, "s": T((3, 4), "bool")},
    ),
    Case(
        "scatter_reduce.err_complex_amax",
        "torch.scatter_reduce(x, 1, i, s, 'amax')",
        {"x": T((3, 4), "complex64"), "i": REP, "s": T((3, 4), "complex64")},
    ),
    Case(
        "scatter_reduce.err_larger_src_grad",
        "torch.scatter_reduce(x, 1, i, s, 'sum')",
        {"x": X, "i": IDX, "s": T((3, 5), grad=True)},
    ),
]

TAKE_ALONG_DIM = [
    Case("take_along_dim.dim", "torch.take_along_dim(x, i, 1)", {"x": X, "i": IDX}),
    Case(
        "take_along_dim.broadcast",
        "torch.take_along_dim(x, i, 1)",
        {"x": X, "i": T((1, 2), "int64", values=[[3, 0]])},
    ),
    Case(
        "take_along_dim.broadcast_input",
        "torch.take_along_dim(x, i, 0)",
        {"x": T((1, 4), grad=True), "i": T((3, 1), "int64", values=[[0], [0], [0]])},
    ),
    Case(
        "take_along_dim.negative",
        "torch.take_along_dim(x, i, 1)",
        {"x": X, "i": T((3, 1), "int64", values=[[-1], [3], [1]])},
    ),
    Case(
        "take_along_dim.flat",
        "torch.take_along_dim(x, i)",
        {"x": X, "i": T((2, 2), "int64", values=[[3, 0], [11, 5]])},
    ),
    Case(
        "take_along_dim.method",
        "x.take_along_dim(i, dim=-1)",
        {"x": X, "i": T((3, 2), "int64", low=0, high=4)},
    ),
    Case(
        "take_along_dim.sort_indices",
        "torch.take_along_dim(x, x.detach().sort(dim=1)[1], dim=1)",
        {"x": X},
    ),
    Case(
        "take_along_dim.3d",
        "torch.take_along_dim(x, i, 2)",
        {"x": T((2, 3, 4), grad=True), "i": T((2, 1, 2), "int64", low=0, high=4)},
    ),
    Case(
        "take_along_dim.int", "torch.take_along_dim(x, i, 1)", {"x": T((3, 4), "int32"), "i": IDX}
    ),
    Case(
        "take_along_dim.empty", "torch.take_along_dim(x, i, 1)", {"x": X, "i": T((3, 0), "int64")}
    ),
    Case(
        "take_along_dim.err_dtype",
        "torch.take_along_dim(x, i, 1)",
        {"x": X, "i": T((2, 3), "int32", low=0, high=3)},
    ),
    Case("take_along_dim.err_float", "torch.take_along_dim(x, i, 1)", {"x": X, "i": T((2, 3))}),
    Case(
        "take_along_dim.err_ndim",
        "torch.take_along_dim(x, i, 1)",
        {"x": X, "i": T((2,), "int64", low=0, high=3)},
    ),
    Case("take_along_dim.err_dim", "torch.take_along_dim(x, i, 5)", {"x": X, "i": IDX}),
    Case(
        "take_along_dim.err_broadcast",
        "torch.take_along_dim(x, i, 1)",
        {"x": X, "i": T((2, 2), "int64", low=0, high=3)},
    ),
    Case(
        "take_along_dim.err_flat_oob",
        "torch.take_along_dim(x, i)",
        {"x": X, "i": T((2,), "int64", values=[-1, 13])},
    ),
]

CASES = SCATTER_REDUCE + TAKE_ALONG_DIM
CASES += [
    _reduce("max_alias", "max", x=XD, s=SD, grad=False),
    _reduce("min_alias_grad_error", "min", x=XD, s=SD),
    _reduce("err_add", "add"),
]


def _ired(name, reduce, include_self=True, x=X, i=None, s=None, dim=0):
    i = i if i is not None else T((3,), "int64", values=[0, 0, 2])
    s = s if s is not None else T((3, 4), grad=True)
    expr = f"torch.index_reduce(x, {dim}, i, s, {reduce!r}, include_self={include_self})"
    return Case(f"index_reduce.{name}", expr, {"x": x, "i": i, "s": s})


SD3 = T(
    (3, 4),
    grad=True,
    values=[[4.0, 2.0, -1.5, 0.5], [9.0, 1.0, 2.5, -3.0], [2.0, 2.25, 0.75, 1.25]],
)
XZ3 = T(
    (3, 4),
    "float64",
    grad=True,
    values=[[0.0, 2.0, -1.5, 3.0], [1.0, 0.5, 0.0, 2.0], [1.5, -2.0, 0.25, 4.0]],
)
SZ3 = T(
    (3, 4),
    "float64",
    grad=True,
    values=[[2.0, 0.0, 1.5, 3.0], [0.0, 0.5, 0.0, -2.0], [1.25, -0.5, 0.0, 4.0]],
)

INDEX_REDUCE = [
    _ired("prod", "prod", x=XD, s=SD3),
    _ired("prod_exclude", "prod", False, x=XD, s=SD3),
    _ired("prod_zeros", "prod", x=XZ3, s=SZ3),
    _ired("mean", "mean"),
    _ired("mean_exclude", "mean", False),
    _ired("amax", "amax", x=XD, s=SD3),
    _ired("amax_exclude", "amax", False, x=XD, s=SD3),
    _ired("amin", "amin", x=XD, s=SD3),
    _ired("amin_exclude", "amin", False, x=XD, s=SD3),
    _ired("int32_dim1", "amax", i=T((2,), "int32", values=[3, 3]), s=T((3, 2), grad=True), dim=1),
    _ired(
        "int_mean",
        "mean",
        x=T((3,), "int64", values=[1, 2, 3]),
        i=T((2,), "int64", values=[0, 0]),
        s=T((2,), "int64", values=[4, -7]),
    ),
    _ired("uint8_prod", "prod", x=T((3, 4), "uint8"), s=T((3, 4), "uint8")),
    _ired("half_mean", "mean", x=T((3, 4), "float16"), s=T((3, 4), "float16")),
    _ired("empty", "prod", i=T((0,), "int64"), s=T((0, 4), grad=True)),
    _ired(
        "noncontig",
        "mean",
        x=T((3, 4), layout="t", grad=True),
        s=T((3, 4), layout="step", grad=True),
    ),
    Case(
        "index_reduce.method",
        "x.index_reduce(0, i, s, 'amin')",
        {"x": XD, "i": T((3,), "int64", values=[1, 2, 1]), "s": SD3},
    ),
    Case(
        "index_reduce.inplace",
        "x.clone().index_reduce_(0, i, s, 'amax', include_self=False)",
        {"x": T((3, 4), "int32"), "i": T((3,), "int64", values=[1, 2, 1]), "s": T((3, 4), "int32")},
    ),
    Case(
        "index_reduce.inplace_grad",
        "out = x * 1\nout.index_reduce_(0, i, s, 'prod')",
        {"x": XD, "i": T((3,), "int64", values=[1, 2, 1]), "s": SD3},
    ),
    _ired("err_reduce", "sum"),
    _ired("err_index_dtype", "prod", i=T((3,), values=[0.0, 0.0, 2.0])),
    _ired("err_count", "prod", i=T((2,), "int64", values=[0, 0])),
    _ired("err_oob", "prod", i=T((3,), "int64", values=[0, 0, 5])),
    _ired("err_neg", "prod", i=T((3,), "int64", values=[0, 0, -1])),
    _ired("err_dtype", "prod", s=T((3, 4), "float64")),
    _ired("err_shape", "prod", s=T((3, 1))),
    _ired("err_2d", "prod", i=T((3, 1), "int64", values=[[0], [0], [2]])),
    _ired("err_dim", "prod", dim=2),
    _ired("err_src_dim", "prod", i=T((1,), "int64", values=[0]), s=T((3,)), dim=1),
    _ired("err_bool", "mean", x=T((3, 4), "bool"), s=T((3, 4), "bool")),
    _ired("err_complex", "amax", x=T((3, 4), "complex64"), s=T((3, 4), "complex64")),
]

CASES += INDEX_REDUCE
CASES += [
    _ired("bool_prod", "prod", x=T((3, 4), "bool"), s=T((3, 4), "bool")),
    _ired("bool_amax", "amax", x=T((3, 4), "bool"), s=T((3, 4), "bool")),
    _ired("err_bool_exclude", "amax", False, x=T((3, 4), "bool"), s=T((3, 4), "bool")),
    _ired("complex_mean", "mean", x=T((3, 4), "complex128"), s=T((3, 4), "complex128")),
    _ired("err_bool_1d", "prod", x=T((3,), "bool"), s=T((3,), "bool")),
    _ired("err_complex_1d", "mean", x=T((3,), "complex64"), s=T((3,), "complex64")),
]
