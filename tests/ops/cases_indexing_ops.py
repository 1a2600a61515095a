"""Cases for index_select, index_add, index_copy, index_fill, take and put."""

from tests.ops.spec import Case, T

X = T((3, 4), grad=True)
I = T((2,), "int64", values=[2, 0])
I32 = T((2,), "int32", values=[1, 2])
DUP = T((3,), "int64", values=[1, 1, 0])

INDEX_SELECT = [
    Case("index_select.int64", "torch.index_select(x, 0, i)", {"x": X, "i": I}),
    Case("index_select.int32", "torch.index_select(x, 1, i)", {"x": X, "i": I32}),
    Case("index_select.repeated", "x.index_select(0, i)", {"x": X, "i": DUP}),
    Case("index_select.neg_dim", "x.index_select(-1, i)", {"x": X, "i": DUP}),
    Case(
        "index_select.zero_dim_index",
        "x.index_select(0, i)",
        {"x": X, "i": T((), "int64", values=1)},
    ),
    Case(
        "index_select.zero_dim_self",
        "x.index_select(0, i)",
        {"x": T((), grad=True), "i": T((1,), "int64", values=[0])},
    ),
    Case("index_select.empty", "x.index_select(0, i)", {"x": X, "i": T((0,), "int64")}),
    Case("index_select.empty_self", "x.index_select(1, i)", {"x": T((0, 3), grad=True), "i": I}),
    Case(
        "index_select.noncontig",
        "x.index_select(1, i)",
        {"x": T((3, 4), layout="t", grad=True), "i": I},
    ),
    Case(
        "index_select.expand",
        "x.index_select(0, i)",
        {"x": T((3, 4), layout="expand", grad=True), "i": I},
    ),
    Case("index_select.bool", "x.index_select(0, i)", {"x": T((3, 4), "bool"), "i": I}),
    Case("index_select.complex", "x.index_select(0, i)", {"x": T((3, 4), "complex64"), "i": I}),
    Case("index_select.uint8", "x.index_select(0, i)", {"x": T((3, 4), "uint8"), "i": I}),
    Case(
        "index_select.out",
        "torch.index_select(x, 0, i, out=torch.empty(2, 4))",
        {"x": T((3, 4)), "i": I},
    ),
    Case("index_select.err_dtype", "x.index_select(0, i)", {"x": X, "i": T((2,))}),
    Case("index_select.err_empty_float", "x.index_select(0, i)", {"x": X, "i": T((0,))}),
    Case(
        "index_select.err_2d",
        "x.index_select(0, i)",
        {"x": X, "i": T((1, 2), "int64", values=[[0, 0]])},
    ),
    Case(
        "index_select.err_oob", "x.index_select(0, i)", {"x": X, "i": T((1,), "int64", values=[5])}
    ),
    Case(
        "index_select.err_neg", "x.index_select(0, i)", {"x": X, "i": T((1,), "int64", values=[-1])}
    ),
    Case("index_select.err_dim", "x.index_select(3, i)", {"x": X, "i": I}),
]

INDEX_ADD = [
    Case(
        "index_add.basic",
        "torch.index_add(x, 0, i, s)",
        {"x": X, "i": I, "s": T((2, 4), grad=True)},
    ),
    Case(
        "index_add.repeated",
        "torch.index_add(x, 0, i, s)",
        {"x": X, "i": DUP, "s": T((3, 4), grad=True)},
    ),
    Case(
        "index_add.int32_dim1",
        "torch.index_add(x, 1, i, s)",
        {"x": X, "i": I32, "s": T((3, 2), grad=True)},
    ),
    Case(
        "index_add.alpha",
        "torch.index_add(x, 0, i, s, alpha=2.5)",
        {"x": X, "i": DUP, "s": T((3, 4), grad=True)},
    ),
    Case(
        "index_add.alpha_int",
        "torch.index_add(x, 0, i, s, alpha=2.5)",
        {"x": T((3, 4), "int64"), "i": DUP, "s": T((3, 4), "int64")},
    ),
    Case("index_add.method", "x.index_add(-1, i, s)", {"x": X, "i": I, "s": T((3, 2), grad=True)}),
    Case(
        "index_add.inplace",
        "x.clone().index_add_(0, i, s)",
        {"x": T((3, 4), "int32"), "i": DUP, "s": T((3, 4), "int32")},
    ),
    Case(
        "index_add.inplace_grad",
        "out = x * 1\nout.index_add_(0, i, s, alpha=-1)",
        {"x": X, "i": DUP, "s": T((3, 4), grad=True)},
    ),
    Case(
        "index_add.zero_dim",
        "torch.index_add(x, 0, i, s)",
        {"x": T((), grad=True), "i": T((), "int64", values=0), "s": T((), grad=True)},
    ),
    Case(
        "index_add.zero_dim_vec",
        "torch.index_add(x, 0, i, s, alpha=2)",
        {"x": T((), grad=True), "i": T((1,), "int64", values=[0]), "s": T((), grad=True)},
    ),
    Case(
        "index_add.empty",
        "torch.index_add(x, 0, i, s)",
        {"x": X, "i": T((0,), "int64"), "s": T((0, 4), grad=True)},
    ),
    Case(
        "index_add.noncontig",
        "torch.index_add(x, 1, i, s)",
        {"x": T((3, 4), layout="t", grad=True), "i": I, "s": T((3, 2), layout="step", grad=True)},
    ),
    Case(
        "index_add.bool",
        "torch.index_add(x, 0, i, s)",
        {"x": T((3, 4), "bool"), "i": DUP, "s": T((3, 4), "bool")},
    ),
    Case(
        "index_add.complex",
        "torch.index_add(x, 0, i, s)",
        {"x": T((3, 4), "complex128"), "i": DUP, "s": T((3, 4), "complex128")},
    ),
    Case(
        "index_add.half",
        "torch.index_add(x, 0, i, s)",
        {"x": T((3, 4), "float16"), "i": DUP, "s": T((3, 4), "float16")},
    ),
    Case(
        "index_add.out",
        "torch.index_add(x, 0, i, s, out=torch.empty(3, 4))",
        {"x": T((3, 4)), "i": I, "s": T((2, 4))},
    ),
    Case("index_add.err_count", "torch.index_add(x, 0, i, s)", {"x": X, "i": I, "s": T((3, 4))}),
    Case(
        "index_add.err_oob",
        "torch.index_add(x, 0, i, s)",
        {"x": X, "i": T((2,), "int64", values=[0, 5]), "s": T((2, 4))},
    ),
    Case(
        "index_add.err_neg",
        "torch.index_add(x, 0, i, s)",
        {"x": X, "i": T((2,), "int64", values=[0, -1]), "s": T((2, 4))},
    ),
    Case(
        "index_add.err_2d",
        "torch.index_add(x, 0, i, s)",
        {"x": X, "i": T((1, 2), "int64", values=[[0, 1]]), "s": T((2, 4))},
    ),
    Case(
        "index_add.err_index_dtype",
        "torch.index_add(x, 0, i, s)",
        {"x": X, "i": T((2,), "int16", values=[0, 1]), "s": T((2, 4))},
    ),
    Case(
        "index_add.err_float_index",
        "torch.index_add(x, 0, i, s)",
        {"x": X, "i": T((2,)), "s": T((2, 4))},
    ),
    Case(
        "index_add.err_dtype",
        "torch.index_add(x, 0, i, s)",
        {"x": X, "i": I, "s": T((2, 4), "float64")},
    ),
    Case("index_add.err_shape", "torch.index_add(x, 0, i, s)", {"x": X, "i": I, "s": T((2, 3))}),
    Case(
        "index_add.err_ndim",
        "torch.index_add(x, 0, i, s)",
        {"x": X, "i": T((1,), "int64", values=[1]), "s": T((1, 4, 1))},
    ),
    Case(
        "index_add.err_src_dim",
        "torch.index_add(x, 1, i, s)",
        {"x": X, "i": T((1,), "int64", values=[0]), "s": T((3,))},
    ),
    Case(
        "index_add.err_scalar_src",
        "torch.index_add(x, 0, i, s)",
        {"x": X, "i": T((1,), "int64", values=[0]), "s": T(())},
    ),
    Case(
        "index_add.err_complex_alpha",
        "torch.index_add(x, 0, i, s, alpha=1j)",
        {"x": X, "i": I, "s": T((2, 4))},
    ),
]

INDEX_COPY = [
    Case(
        "index_copy.basic",
        "torch.index_copy(x, 0, i, s)",
        {"x": X, "i": I, "s": T((2, 4), grad=True)},
    ),
    Case(
        "index_copy.dim1",
        "x.index_copy(1, i, s)",
        {"x": X, "i": T((2,), "int64", values=[3, 1]), "s": T((3, 2), grad=True)},
    ),
    Case(
        "index_copy.neg_dim",
        "x.index_copy(-1, i, s)",
        {"x": X, "i": T((2,), "int64", values=[3, 1]), "s": T((3, 2), grad=True)},
    ),
    Case(
        "index_copy.inplace",
        "x.clone().index_copy_(0, i, s)",
        {"x": T((3, 4), "int64"), "i": I, "s": T((2, 4), "int64")},
    ),
    Case(
        "index_copy.inplace_grad",
        "out = x * 1\nout.index_copy_(0, i, s)",
        {"x": X, "i": I, "s": T((2, 4), grad=True)},
    ),
    Case(
        "index_copy.zero_dim_index",
        "torch.index_copy(x, 0, i, s)",
        {"x": X, "i": T((), "int64", values=1), "s": T((1, 4), grad=True)},
    ),
    Case(
        "index_copy.zero_dim",
        "torch.index_copy(x, 0, i, s)",
        {"x": T((), grad=True), "i": T((), "int64", values=0), "s": T((), grad=True)},
    ),
    Case(
        "index_copy.empty",
        "torch.index_copy(x, 0, i, s)",
        {"x": X, "i": T((0,), "int64"), "s": T((0, 4), grad=True)},
    ),
    Case(
        "index_copy.noncontig",
        "torch.index_copy(x, 1, i, s)",
        {
            "x": T((3, 4), layout="t", grad=True),
            "i": T((2,), "int64", values=[0, 3]),
            "s": T((3, 2), layout="step", grad=True),
        },
    ),
    Case(
        "index_copy.bool",
        "torch.index_copy(x, 0, i, s)",
        {"x": T((3, 4), "bool"), "i": I, "s": T((2, 4), "bool")},
    ),
    Case(
        "index_copy.complex",
        "torch.index_copy(x, 0, i, s)",
        {"x": T((3, 4), "complex64"), "i": I, "s": T((2, 4), "complex64")},
    ),
    Case(
        "index_copy.out",
        "torch.index_copy(x, 0, i, s, out=torch.empty(3, 4))",
        {"x": T((3, 4)), "i": I, "s": T((2, 4))},
    ),
    Case("index_copy.err_slice", "torch.index_copy(x, 0, i, s)", {"x": X, "i": I, "s": T((2, 3))}),
    Case(
        "index_copy.err_slice_3d",
        "torch.index_copy(x, 0, i, s)",
        {"x": T((3, 4, 5)), "i": I, "s": T((2, 3, 6))},
    ),
    Case("index_copy.err_count", "torch.index_copy(x, 0, i, s)", {"x": X, "i": I, "s": T((3, 4))}),
    Case(
        "index_copy.err_dtype",
        "torch.index_copy(x, 0, i, s)",
        {"x": X, "i": I, "s": T((2, 4), "float64")},
    ),
    Case(
        "index_copy.err_oob",
        "torch.index_copy(x, 0, i, s)",
        {"x": X, "i": T((2,), "int64", values=[0, 5]), "s": T((2, 4))},
    ),
    Case(
        "index_copy.err_neg",
        "torch.index_copy(x, 0, i, s)",
        {"x": X, "i": T((2,), "int64", values=[0, -1]), "s": T((2, 4))},
    ),
    Case(
        "index_copy.err_2d",
        "torch.index_copy(x, 0, i, s)",
        {"x": X, "i": T((1, 2), "int64", values=[[0, 1]]), "s": T((2, 4))},
    ),
    Case(
        "index_copy.err_int32", "torch.index_copy(x, 0, i, s)", {"x": X, "i": I32, "s": T((2, 4))}
    ),
    Case(
        "index_copy.err_ndim",
        "torch.index_copy(x, 0, i, s)",
        {"x": X, "i": T((1,), "int64", values=[1]), "s": T((4,))},
    ),
    Case("index_copy.err_scalar_src", "torch.index_copy(x, 0, i, s)", {"x": X, "i": I, "s": T(())}),
]

INDEX_FILL = [
    Case("index_fill.scalar", "torch.index_fill(x, 0, i, 2.5)", {"x": X, "i": I}),
    Case(
        "index_fill.negative",
        "torch.index_fill(x, 1, i, -1)",
        {"x": X, "i": T((2,), "int64", values=[0, -1])},
    ),
    Case("index_fill.repeated", "x.index_fill(1, i, 0.)", {"x": X, "i": DUP}),
    Case(
        "index_fill.tensor_value",
        "torch.index_fill(x, 1, i, v)",
        {"x": X, "i": DUP, "v": T((), grad=True)},
    ),
    Case(
        "index_fill.tensor_value_cast",
        "torch.index_fill(x, 0, i, v)",
        {"x": T((3, 4), "int64"), "i": I, "v": T((), values=2.5)},
    ),
    Case(
        "index_fill.int_scalar_trunc",
        "torch.index_fill(x, 0, i, 2.7)",
        {"x": T((3, 4), "int32"), "i": I},
    ),
    Case(
        "index_fill.zero_dim_index",
        "torch.index_fill(x, 0, i, 1.)",
        {"x": X, "i": T((), "int64", values=1)},
    ),
    Case(
        "index_fill.zero_dim",
        "torch.index_fill(x, 0, i, 1.)",
        {"x": T((), grad=True), "i": T((1,), "int64", values=[0])},
    ),
    Case("index_fill.empty", "torch.index_fill(x, 0, i, 1.)", {"x": X, "i": T((0,), "int64")}),
    Case(
        "index_fill.inplace", "x.clone().index_fill_(0, i, True)", {"x": T((3, 4), "bool"), "i": I}
    ),
    Case(
        "index_fill.inplace_grad",
        "out = x * 1\nout.index_fill_(1, i, v)",
        {"x": X, "i": I, "v": T((), grad=True)},
    ),
    Case(
        "index_fill.noncontig",
        "torch.index_fill(x, 1, i, 1.)",
        {"x": T((3, 4), layout="t", grad=True), "i": I},
    ),
    Case(
        "index_fill.complex",
        "torch.index_fill(x, 0, i, 1 + 1j)",
        {"x": T((3, 4), "complex64"), "i": I},
    ),
    Case("index_fill.value_kw", "torch.index_fill(x, 0, i, value=3)", {"x": X, "i": I}),
    Case("index_fill.err_int32", "torch.index_fill(x, 0, i, 1.)", {"x": X, "i": I32}),
    Case("index_fill.err_float", "torch.index_fill(x, 0, i, 1.)", {"x": X, "i": T((2,))}),
    Case(
        "index_fill.err_2d",
        "torch.index_fill(x, 0, i, 1.)",
        {"x": X, "i": T((1, 1), "int64", values=[[0]])},
    ),
    Case(
        "index_fill.err_oob",
        "torch.index_fill(x, 0, i, 1.)",
        {"x": X, "i": T((2,), "int64", values=[0, 5])},
    ),
    Case(
        "index_fill.err_neg_oob",
        "torch.index_fill(x, 0, i, 1.)",
        {"x": X, "i": T((1,), "int64", values=[-4])},
    ),
    Case(
        "index_fill.err_value_dim", "torch.index_fill(x, 0, i, v)", {"x": X, "i": I, "v": T((1,))}
    ),
    Case("index_fill.err_dim", "torch.index_fill(x, 2, i, 1.)", {"x": X, "i": I}),
    Case(
        "index_fill.err_overflow",
        "torch.index_fill(x, 0, i, 300)",
        {"x": T((3, 4), "uint8"), "i": I},
    ),
]

TAKE = [
    Case(
        "take.basic",
        "torch.take(x, i)",
        {"x": X, "i": T((2, 2), "int64", values=[[0, 11], [-1, 3]])},
    ),
    Case("take.repeated", "torch.take(x, i)", {"x": X, "i": T((4,), "int64", values=[5, 5, 0, 5])}),
    Case("take.method", "x.take(i)", {"x": X, "i": T((3,), "int64", values=[1, 2, 3])}),
    Case("take.zero_dim_index", "torch.take(x, i)", {"x": X, "i": T((), "int64", values=3)}),
    Case(
        "take.zero_dim_self",
        "torch.take(x, i)",
        {"x": T((), grad=True), "i": T((2,), "int64", values=[0, -1])},
    ),
    Case("take.empty", "torch.take(x, i)", {"x": X, "i": T((0,), "int64")}),
    Case(
        "take.noncontig",
        "torch.take(x, i)",
        {"x": T((3, 4), layout="t", grad=True), "i": T((3,), "int64", values=[1, 4, 7])},
    ),
    Case("take.int", "torch.take(x, i)", {"x": T((3, 4), "int8"), "i": I}),
    Case("take.complex", "torch.take(x, i)", {"x": T((3, 4), "complex128"), "i": I}),
    Case("take.out", "torch.take(x, i, out=torch.empty(2))", {"x": T((3, 4)), "i": I}),
    Case("take.err_int32", "torch.take(x, i)", {"x": X, "i": I32}),
    Case("take.err_float", "torch.take(x, i)", {"x": X, "i": T((2,))}),
    Case("take.err_oob", "torch.take(x, i)", {"x": X, "i": T((1,), "int64", values=[12])}),
    Case("take.err_neg_oob", "torch.take(x, i)", {"x": X, "i": T((1,), "int64", values=[-13])}),
]

PUT = [
    Case(
        "put.basic",
        "torch.put(x, i, s)",
        {"x": X, "i": T((2,), "int64", values=[0, -1]), "s": T((2,), grad=True)},
    ),
    Case(
        "put.accumulate",
        "torch.put(x, i, s, accumulate=True)",
        {"x": X, "i": T((2, 2), "int64", values=[[0, 0], [5, 0]]), "s": T((4,), grad=True)},
    ),
    Case(
        "put.method",
        "x.put(i, s)",
        {"x": X, "i": T((1, 2), "int64", values=[[3, 7]]), "s": T((2,), grad=True)},
    ),
    Case(
        "put.inplace",
        "x.clone().put_(i, s)",
        {"x": T((3, 4), "int64"), "i": T((2,), "int64", values=[0, 11]), "s": T((2,), "int64")},
    ),
    Case(
        "put.inplace_acc",
        "x.clone().put_(i, s, accumulate=True)",
        {
            "x": T((3, 4), "float64"),
            "i": T((3,), "int64", values=[1, 1, 1]),
            "s": T((3,), "float64"),
        },
    ),
    Case(
        "put.inplace_grad",
        "out = x * 1\nout.put_(i, s)",
        {"x": X, "i": T((2,), "int64", values=[4, 2]), "s": T((2,), grad=True)},
    ),
    Case(
        "put.zero_dim",
        "torch.put(x, i, s)",
        {"x": T((), grad=True), "i": T((), "int64", values=0), "s": T((), grad=True)},
    ),
    Case(
        "put.empty", "torch.put(x, i, s)", {"x": X, "i": T((0,), "int64"), "s": T((0,), grad=True)}
    ),
    Case(
        "put.noncontig",
        "torch.put(x, i, s)",
        {
            "x": T((3, 4), layout="t", grad=True),
            "i": T((2,), "int64", values=[1, 6]),
            "s": T((2,), grad=True),
        },
    ),
    Case("put.bool", "torch.put(x, i, s)", {"x": T((3, 4), "bool"), "i": I, "s": T((2,), "bool")}),
    Case(
        "put.err_count",
        "torch.put(x, i, s)",
        {"x": X, "i": T((1,), "int64", values=[0]), "s": T((2,))},
    ),
    Case(
        "put.err_oob",
        "torch.put(x, i, s)",
        {"x": X, "i": T((1,), "int64", values=[12]), "s": T((1,))},
    ),
    Case(
        "put.err_dtype",
        "torch.put(x, i, s)",
        {"x": X, "i": T((1,), "int64", values=[0]), "s": T((1,), "float64")},
    ),
    Case("put.err_float_index", "torch.put(x, i, s)", {"x": X, "i": T((1,)), "s": T((1,))}),
    Case(
        "put.err_int32",
        "torch.put(x, i, s)",
        {"x": X, "i": T((1,), "int32", values=[0]), "s": T((1,))},
    ),
    Case("put.err_leaf", "x.put_(i, s)", {"x": X, "i": T((1,), "int64", values=[0]), "s": T((1,))}),
]

CASES = INDEX_SELECT + INDEX_ADD + INDEX_COPY + INDEX_FILL + TAKE + PUT
