"""Cases for gather, scatter (src / value / reduce=) and scatter_add."""

from tests.ops.spec import Case, T

X = T((3, 4), grad=True)
IDX = T((2, 3), "int64", values=[[0, 1, 3], [2, 0, -1 + 4]])
IDX32 = T((2, 3), "int32", values=[[0, 1, 3], [2, 0, 1]])
# For scatter without reduce: no position written twice along dim 1.
UNIQ = T((2, 3), "int64", values=[[3, 0, 1], [2, 1, 0]])
REP = T((3, 4), "int64", values=[[0, 0, 1, 0], [2, 2, 2, 2], [3, 1, 3, 1]])
SRC = T((3, 4), grad=True)

GATHER = [
    Case("gather.int64", "torch.gather(x, 1, i)", {"x": X, "i": IDX}),
    Case("gather.int32", "torch.gather(x, 1, i)", {"x": X, "i": IDX32}),
    Case(
        "gather.dim0",
        "torch.gather(x, 0, i)",
        {"x": X, "i": T((2, 4), "int64", values=[[0, 2, 1, 1], [2, 2, 0, 1]])},
    ),
    Case("gather.neg_dim", "x.gather(-1, i)", {"x": X, "i": IDX}),
    Case("gather.repeated_grad", "torch.gather(x, 1, i)", {"x": X, "i": REP}),
    Case("gather.empty", "torch.gather(x, 1, i)", {"x": X, "i": T((0, 2), "int64")}),
    Case("gather.empty_1d", "torch.gather(x, 1, i)", {"x": X, "i": T((0,), "int64")}),
    Case("gather.empty_float", "torch.gather(x, 1, i)", {"x": X, "i": T((1, 0), "float32")}),
    Case(
        "gather.zero_dim",
        "torch.gather(x, 0, i)",
        {"x": T((), grad=True), "i": T((), "int64", values=0)},
    ),
    Case(
        "gather.zero_dim_vec",
        "torch.gather(x, 0, i)",
        {"x": T((), grad=True), "i": T((2,), "int64", values=[0, 0])},
    ),
    Case(
        "gather.noncontig",
        "torch.gather(x, 1, i)",
        {"x": T((3, 4), layout="t", grad=True), "i": IDX},
    ),
    Case(
        "gather.noncontig_index",
        "torch.gather(x, 1, i)",
        {"x": X, "i": T((3, 4), "int64", layout="t", low=0, high=4)},
    ),
    Case(
        "gather.expand",
        "torch.gather(x, 1, i)",
        {"x": T((3, 4), layout="expand", grad=True), "i": IDX},
    ),
    Case(
        "gather.3d",
        "torch.gather(x, 1, i)",
        {"x": T((2, 3, 4), "float64", grad=True), "i": T((2, 5, 3), "int64", low=0, high=3)},
    ),
    Case("gather.int_dtype", "torch.gather(x, 1, i)", {"x": T((3, 4), "int16"), "i": IDX}),
    Case("gather.bool", "torch.gather(x, 1, i)", {"x": T((3, 4), "bool"), "i": IDX}),
    Case("gather.complex", "torch.gather(x, 1, i)", {"x": T((3, 4), "complex128"), "i": IDX}),
    Case("gather.half", "torch.gather(x, 1, i)", {"x": T((3, 4), "float16"), "i": IDX}),
    Case("gather.uint8", "torch.gather(x, 1, i)", {"x": T((3, 4), "uint8"), "i": IDX}),
    Case("gather.out", "torch.gather(x, 1, i, out=torch.empty(2, 3))", {"x": T((3, 4)), "i": IDX}),
    Case("gather.sparse_grad", "torch.gather(x, 1, i, sparse_grad=False)", {"x": X, "i": IDX}),
    Case(
        "gather.err_index_dtype",
        "torch.gather(x, 1, i)",
        {"x": X, "i": T((2, 3), "int16", low=0, high=3)},
    ),
    Case("gather.err_float_index", "torch.gather(x, 1, i)", {"x": X, "i": T((2, 3))}),
    Case(
        "gather.err_ndim", "torch.gather(x, 1, i)", {"x": X, "i": T((3,), "int64", low=0, high=3)}
    ),
    Case(
        "gather.err_size", "torch.gather(x, 1, i)", {"x": X, "i": T((4, 1), "int64", low=0, high=3)}
    ),
    Case(
        "gather.err_oob", "torch.gather(x, 1, i)", {"x": X, "i": T((1, 1), "int64", values=[[5]])}
    ),
    Case(
        "gather.err_neg", "torch.gather(x, 1, i)", {"x": X, "i": T((1, 1), "int64", values=[[-1]])}
    ),
    Case("gather.err_dim", "torch.gather(x, 2, i)", {"x": X, "i": IDX}),
    Case("gather.err_index_type", "torch.gather(x, 1, [[0]])", {"x": X}),
]

SCATTER = [
    Case(
        "scatter.src", "torch.scatter(x, 1, i, s)", {"x": X, "i": UNIQ, "s": T((2, 3), grad=True)}
    ),
    Case(
        "scatter.src_int32",
        "torch.scatter(x, 1, i, s)",
        {"x": X, "i": T((2, 3), "int32", values=[[3, 0, 1], [2, 1, 0]]), "s": T((2, 3), grad=True)},
    ),
    Case("scatter.value", "torch.scatter(x, 1, i, 2.5)", {"x": X, "i": IDX}),
    Case("scatter.value_kw", "torch.scatter(x, dim=1, index=i, value=-1)", {"x": X, "i": IDX}),
    Case(
        "scatter.src_kw",
        "torch.scatter(x, dim=0, index=i, src=s)",
        {"x": X, "i": T((1, 4), "int64", values=[[2, 0, 1, 1]]), "s": T((1, 4), grad=True)},
    ),
    Case("scatter.value_bool", "torch.scatter(x, 1, i, True)", {"x": X, "i": IDX}),
    Case("scatter.method", "x.scatter(1, i, s)", {"x": X, "i": UNIQ, "s": T((2, 3), grad=True)}),
    Case(
        "scatter.inplace",
        "x.clone().scatter_(1, i, s)",
        {"x": T((3, 4)), "i": UNIQ, "s": T((2, 3))},
    ),
    Case(
        "scatter.inplace_value", "x.clone().scatter_(1, i, 7)", {"x": T((3, 4), "int64"), "i": IDX}
    ),
    Case(
        "scatter.inplace_grad",
        "out = x * 1\nout.scatter_(1, i, s)",
        {"x": X, "i": UNIQ, "s": T((2, 3), grad=True)},
    ),
    Case(
        "scatter.larger_src",
        "torch.scatter(x.detach(), 1, i, s)",
        {"x": X, "i": UNIQ, "s": T((3, 5))},
    ),
    Case(
        "scatter.larger_src_grad",
        "torch.scatter(x, 1, i, s)",
        {"x": X, "i": UNIQ, "s": T((3, 5), grad=True)},
    ),
    Case(
        "scatter.empty",
        "torch.scatter(x, 1, i, s)",
        {"x": X, "i": T((0,), "int64"), "s": T((4,), grad=True)},
    ),
    Case(
        "scatter.zero_dim",
        "torch.scatter(x, 0, i, s)",
        {"x": T((), grad=True), "i": T((), "int64", values=0), "s": T((), grad=True)},
    ),
    Case(
        "scatter.zero_dim_value",
        "torch.scatter(x, 0, i, 3.)",
        {"x": T((), grad=True), "i": T((1,), "int64", values=[0])},
    ),
    Case(
        "scatter.noncontig",
        "torch.scatter(x, 1, i, s)",
        {"x": T((3, 4), layout="t", grad=True), "i": UNIQ, "s": T((3, 4), layout="step")},
    ),
    Case(
        "scatter.int_value_float",
        "torch.scatter(x, 1, i, 2.7)",
        {"x": T((3, 4), "int64"), "i": IDX},
    ),
    Case(
        "scatter.bool",
        "torch.scatter(x, 1, i, s)",
        {"x": T((3, 4), "bool"), "i": UNIQ, "s": T((2, 3), "bool")},
    ),
    Case(
        "scatter.complex",
        "torch.scatter(x, 1, i, s)",
        {"x": T((3, 4), "complex64"), "i": UNIQ, "s": T((2, 3), "complex64")},
    ),
    Case(
        "scatter.int8",
        "torch.scatter(x, 1, i, s)",
        {"x": T((3, 4), "int8"), "i": UNIQ, "s": T((2, 3), "int8")},
    ),
    Case("scatter.half", "torch.scatter(x, 1, i, 1.)", {"x": T((3, 4), "float16"), "i": IDX}),
    Case(
        "scatter.reduce_add",
        "torch.scatter(x, 1, i, s, reduce='add')",
        {"x": X, "i": REP, "s": SRC},
    ),
    Case(
        "scatter.reduce_multiply",
        "torch.scatter(x.detach(), 1, i, s, reduce='multiply')",
        {"x": X, "i": REP, "s": T((3, 4))},
    ),
    Case(
        "scatter.reduce_value_add", "torch.scatter(x, 1, i, 1.5, reduce='add')", {"x": X, "i": REP}
    ),
    Case(
        "scatter.reduce_value_mul",
        "x.clone().scatter_(1, i, 2, reduce='multiply')",
        {"x": T((3, 4), "int32"), "i": REP},
    ),
    Case(
        "scatter.reduce_int",
        "torch.scatter(x, 1, i, 2.5, reduce='add')",
        {"x": T((3, 4), "int64"), "i": REP},
    ),
    Case(
        "scatter.out",
        "torch.scatter(x, 1, i, s, out=torch.empty(3, 4))",
        {"x": T((3, 4)), "i": UNIQ, "s": T((2, 3))},
    ),
    Case(
        "scatter.err_reduce",
        "torch.scatter(x, 1, i, s, reduce='max')",
        {"x": X, "i": REP, "s": SRC},
    ),
    Case(
        "scatter.err_reduce_value", "torch.scatter(x, 1, i, 1., reduce='mean')", {"x": X, "i": REP}
    ),
    Case(
        "scatter.err_dtype",
        "torch.scatter(x, 1, i, s)",
        {"x": X, "i": UNIQ, "s": T((2, 3), "float64")},
    ),
    Case(
        "scatter.err_index_dtype",
        "torch.scatter(x, 1, i, s)",
        {"x": X, "i": T((2, 3), "int16", low=0, high=3), "s": SRC},
    ),
    Case(
        "scatter.err_ndim",
        "torch.scatter(x, 1, i, s)",
        {"x": X, "i": T((3,), "int64", low=0, high=3), "s": SRC},
    ),
    Case("scatter.err_src_ndim", "torch.scatter(x, 1, i, s)", {"x": X, "i": UNIQ, "s": T(())}),
    Case(
        "scatter.err_size",
        "torch.scatter(x, 1, i, s)",
        {"x": X, "i": T((4, 1), "int64", low=0, high=3), "s": T((4, 4))},
    ),
    Case(
        "scatter.err_size_value",
        "torch.scatter(x, 1, i, 1.)",
        {"x": X, "i": T((4, 1), "int64", low=0, high=3)},
    ),
    Case(
        "scatter.err_src_size",
        "torch.scatter(x, 1, i, s)",
        {"x": X, "i": T((1, 6), "int64", low=0, high=3), "s": T((1, 4))},
    ),
    Case(
        "scatter.err_oob",
        "torch.scatter(x, 1, i, s)",
        {"x": X, "i": T((1, 1), "int64", values=[[9]]), "s": SRC},
    ),
    Case(
        "scatter.err_neg",
        "torch.scatter(x, 1, i, 0.)",
        {"x": X, "i": T((1, 1), "int64", values=[[-1]])},
    ),
    Case("scatter.err_dim", "torch.scatter(x, 5, i, s)", {"x": X, "i": UNIQ, "s": SRC}),
    Case("scatter.err_overflow", "torch.scatter(x, 1, i, 300)", {"x": T((3, 4), "int8"), "i": IDX}),
    Case("scatter.err_leaf_inplace", "x.scatter_(1, i, 0.)", {"x": X, "i": IDX}),
    Case(
        "scatter.reduce_grad_error",
        "torch.scatter(x, 1, i, s, reduce='multiply')",
        {"x": X, "i": REP, "s": SRC},
    ),
]

SCATTER_ADD = [
    Case("scatter_add.repeated", "torch.scatter_add(x, 1, i, s)", {"x": X, "i": REP, "s": SRC}),
    Case(
        "scatter_add.int32",
        "torch.scatter_add(x, 1, i, s)",
        {"x": X, "i": T((3, 4), "int32", low=0, high=4), "s": SRC},
    ),
    Case(
        "scatter_add.dim0",
        "torch.scatter_add(x, 0, i, s)",
        {"x": X, "i": T((2, 4), "int64", low=0, high=3), "s": T((2, 4), grad=True)},
    ),
    Case("scatter_add.method", "x.scatter_add(-1, i, s)", {"x": X, "i": REP, "s": SRC}),
    Case(
        "scatter_add.inplace",
        "x.clone().scatter_add_(1, i, s)",
        {"x": T((3, 4), "int64"), "i": REP, "s": T((3, 4), "int64")},
    ),
    Case(
        "scatter_add.inplace_grad",
        "out = x * 2\nout.scatter_add_(1, i, s)",
        {"x": X, "i": REP, "s": SRC},
    ),
    Case(
        "scatter_add.larger_src",
        "torch.scatter_add(x.detach(), 1, i, s)",
        {"x": X, "i": IDX, "s": T((3, 5))},
    ),
    Case(
        "scatter_add.larger_src_grad",
        "torch.scatter_add(x, 1, i, s)",
        {"x": X, "i": IDX, "s": T((3, 5), grad=True)},
    ),
    Case(
        "scatter_add.empty",
        "torch.scatter_add(x, 1, i, s)",
        {"x": X, "i": T((3, 0), "int64"), "s": T((3, 0))},
    ),
    Case(
        "scatter_add.zero_dim",
        "torch.scatter_add(x, 0, i, s)",
        {"x": T((), grad=True), "i": T((2,), "int64", values=[0, 0]), "s": T((3,), grad=True)},
    ),
    Case(
        "scatter_add.noncontig",
        "torch.scatter_add(x, 1, i, s)",
        {
            "x": T((3, 4), layout="t", grad=True),
            "i": T((3, 4), "int64", layout="step", low=0, high=4),
            "s": T((3, 4), layout="t", grad=True),
        },
    ),
    Case(
        "scatter_add.bool",
        "torch.scatter_add(x, 1, i, s)",
        {"x": T((3, 4), "bool"), "i": REP, "s": T((3, 4), "bool")},
    ),
    Case(
        "scatter_add.uint8_wrap",
        "torch.scatter_add(x, 1, i, s)",
        {
            "x": T((3, 4), "uint8", low=200, high=255),
            "i": REP,
            "s": T((3, 4), "uint8", low=100, high=200),
        },
    ),
    Case(
        "scatter_add.complex",
        "torch.scatter_add(x, 1, i, s)",
        {"x": T((3, 4), "complex128"), "i": REP, "s": T((3, 4), "complex128")},
    ),
    Case(
        "scatter_add.half",
        "torch.scatter_add(x, 1, i, s)",
        {"x": T((3, 4), "float16"), "i": REP, "s": T((3, 4), "float16")},
    ),
    Case(
        "scatter_add.float64",
        "torch.scatter_add(x, 1, i, s)",
        {"x": T((3, 4), "float64", grad=True), "i": REP, "s": T((3, 4), "float64", grad=True)},
    ),
    Case("scatter_add.err_value", "torch.scatter_add(x, 1, i, 2.0)", {"x": X, "i": REP}),
    Case(
        "scatter_add.err_dtype",
        "torch.scatter_add(x, 1, i, s)",
        {"x": X, "i": REP, "s": T((3, 4), "float64")},
    ),
    Case(
        "scatter_add.err_index_dtype",
        "torch.scatter_add(x, 1, i, s)",
        {"x": X, "i": T((3, 4)), "s": SRC},
    ),
    Case(
        "scatter_add.err_ndim",
        "torch.scatter_add(x, 1, i, s)",
        {"x": X, "i": T((4,), "int64", low=0, high=3), "s": SRC},
    ),
    Case(
        "scatter_add.err_src_size",
        "torch.scatter_add(x, 1, i, s)",
        {"x": X, "i": REP, "s": T((1, 1))},
    ),
    Case(
        "scatter_add.err_oob",
        "torch.scatter_add(x, 0, i, s)",
        {"x": X, "i": T((1, 1), "int64", values=[[3]]), "s": SRC},
    ),
]


CASES = GATHER + SCATTER + SCATTER_ADD
