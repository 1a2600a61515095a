"""Cases for masked_fill, masked_select, masked_scatter, nonzero and argwhere."""

from tests.ops.spec import Case, T

X = T((3, 4), grad=True)
M = T((3, 4), "bool")
ROW = T((4,), "bool", values=[True, False, True, False])

MASKED_FILL = [
    Case("masked_fill.scalar", "torch.masked_fill(x, m, 2.5)", {"x": X, "m": M}),
    Case("masked_fill.broadcast_mask", "x.masked_fill(m, -1)", {"x": X, "m": ROW}),
    Case(
        "masked_fill.broadcast_self",
        "torch.masked_fill(x, m, 0.5)",
        {"x": T((4,), grad=True), "m": M},
    ),
    Case(
        "masked_fill.tensor_value",
        "torch.masked_fill(x, m, v)",
        {"x": X, "m": M, "v": T((), grad=True)},
    ),
    Case(
        "masked_fill.tensor_value_cast",
        "torch.masked_fill(x, m, v)",
        {"x": X, "m": M, "v": T((), "float64", values=2.25)},
    ),
    Case(
        "masked_fill.tensor_value_int",
        "torch.masked_fill(x, m, v)",
        {"x": T((3, 4), "int64"), "m": M, "v": T((), values=1.5)},
    ),
    Case("masked_fill.value_kw", "torch.masked_fill(x, m, value=3)", {"x": X, "m": M}),
    Case("masked_fill.inplace", "x.clone().masked_fill_(m, 7)", {"x": T((3, 4), "int16"), "m": M}),
    Case(
        "masked_fill.inplace_grad",
        "out = x * 1\nout.masked_fill_(m, v)",
        {"x": X, "m": ROW, "v": T((), grad=True)},
    ),
    Case(
        "masked_fill.zero_dim",
        "torch.masked_fill(x, m, 1.)",
        {"x": T((), grad=True), "m": T((), "bool", values=True)},
    ),
    Case(
        "masked_fill.empty",
        "torch.masked_fill(x, m, 1.)",
        {"x": T((0, 3), grad=True), "m": T((0, 3), "bool")},
    ),
    Case(
        "masked_fill.noncontig",
        "torch.masked_fill(x, m, 1.)",
        {"x": T((3, 4), layout="t", grad=True), "m": T((3, 4), "bool", layout="step")},
    ),
    Case(
        "masked_fill.expand",
        "torch.masked_fill(x, m, 1.)",
        {"x": T((3, 4), layout="expand", grad=True), "m": M},
    ),
    Case(
        "masked_fill.int_trunc", "torch.masked_fill(x, m, 2.7)", {"x": T((3, 4), "int32"), "m": M}
    ),
    Case("masked_fill.uint8_neg", "torch.masked_fill(x, m, -1)", {"x": T((3, 4), "uint8"), "m": M}),
    Case("masked_fill.bool", "torch.masked_fill(x, m, True)", {"x": T((3, 4), "bool"), "m": M}),
    Case(
        "masked_fill.half",
        "torch.masked_fill(x, m, float('-inf'))",
        {"x": T((3, 4), "float16"), "m": M},
    ),
    Case(
        "masked_fill.complex",
        "torch.masked_fill(x, m, 1 - 2j)",
        {"x": T((3, 4), "complex64"), "m": M},
    ),
    Case(
        "masked_fill.float64_nan",
        "torch.masked_fill(x, m, float('nan'))",
        {"x": T((3, 4), "float64", grad=True), "m": M},
    ),
    Case("masked_fill.err_mask_float", "torch.masked_fill(x, m, 1.)", {"x": X, "m": T((3, 4))}),
    Case(
        "masked_fill.err_mask_uint8",
        "torch.masked_fill(x, m, 1.)",
        {"x": X, "m": T((3, 4), "uint8")},
    ),
    Case(
        "masked_fill.err_mask_long",
        "torch.masked_fill(x, m, 1.)",
        {"x": X, "m": T((3, 4), "int64")},
    ),
    Case(
        "masked_fill.err_mask_int8", "torch.masked_fill(x, m, 1.)", {"x": X, "m": T((3, 4), "int8")}
    ),
    Case(
        "masked_fill.err_mask_half",
        "torch.masked_fill(x, m, 1.)",
        {"x": X, "m": T((3, 4), "float16")},
    ),
    Case("masked_fill.err_value_dim", "torch.masked_fill(x, m, v)", {"x": X, "m": M, "v": T((1,))}),
    Case(
        "masked_fill.err_broadcast", "torch.masked_fill(x, m, 1.)", {"x": X, "m": T((3,), "bool")}
    ),
    Case(
        "masked_fill.err_inplace_broadcast", "x.clone().masked_fill_(m, 1.)", {"x": T((4,)), "m": M}
    ),
    Case(
        "masked_fill.err_overflow", "torch.masked_fill(x, m, 300)", {"x": T((3, 4), "int8"), "m": M}
    ),
    Case("masked_fill.err_complex", "torch.masked_fill(x, m, 1 + 2j)", {"x": X, "m": M}),
    Case(
        "masked_fill.err_half_overflow",
        "torch.masked_fill(x, m, 1e5)",
        {"x": T((3, 4), "float16"), "m": M},
    ),
    Case(
        "masked_fill.err_nan_int",
        "torch.masked_fill(x, m, float('nan'))",
        {"x": T((3, 4), "int64"), "m": M},
    ),
    Case("masked_fill.err_leaf", "x.masked_fill_(m, 1.)", {"x": X, "m": M}),
]

MASKED_SELECT = [
    Case("masked_select.basic", "torch.masked_select(x, m)", {"x": X, "m": M}),
    Case("masked_select.broadcast_mask", "x.masked_select(m)", {"x": X, "m": ROW}),
    Case(
        "masked_select.broadcast_self",
        "torch.masked_select(x, m)",
        {"x": T((4,), grad=True), "m": M},
    ),
    Case(
        "masked_select.zero_dim_mask",
        "torch.masked_select(x, m)",
        {"x": X, "m": T((), "bool", values=True)},
    ),
    Case(
        "masked_select.zero_dim_self",
        "torch.masked_select(x, m)",
        {"x": T((), grad=True), "m": T((2,), "bool", values=[True, False])},
    ),
    Case(
        "masked_select.none",
        "torch.masked_select(x, m)",
        {"x": X, "m": T((3, 4), "bool", values=[[False] * 4] * 3)},
    ),
    Case("masked_select.empty", "torch.masked_select(x, m)", {"x": T((0, 4), grad=True), "m": ROW}),
    Case(
        "masked_select.noncontig",
        "torch.masked_select(x, m)",
        {"x": T((3, 4), layout="t", grad=True), "m": T((3, 4), "bool", layout="t")},
    ),
    Case("masked_select.int", "torch.masked_select(x, m)", {"x": T((3, 4), "int32"), "m": M}),
    Case(
        "masked_select.complex", "torch.masked_select(x, m)", {"x": T((3, 4), "complex64"), "m": M}
    ),
    Case(
        "masked_select.out",
        "torch.masked_select(x, m, out=torch.empty(0))",
        {"x": T((3, 4)), "m": M},
    ),
    Case(
        "masked_select.err_mask_uint8",
        "torch.masked_select(x, m)",
        {"x": X, "m": T((3, 4), "uint8")},
    ),
    Case(
        "masked_select.err_mask_long",
        "torch.masked_select(x, m)",
        {"x": X, "m": T((3, 4), "int64")},
    ),
    Case(
        "masked_select.err_broadcast", "torch.masked_select(x, m)", {"x": X, "m": T((5,), "bool")}
    ),
]

MASKED_SCATTER = [
    Case(
        "masked_scatter.basic",
        "torch.masked_scatter(x, m, s)",
        {"x": X, "m": M, "s": T((12,), grad=True)},
    ),
    Case(
        "masked_scatter.larger_source",
        "torch.masked_scatter(x, m, s)",
        {"x": X, "m": ROW, "s": T((3, 5), grad=True)},
    ),
    Case(
        "masked_scatter.broadcast_self",
        "torch.masked_scatter(x, m, s)",
        {"x": T((4,), grad=True), "m": M, "s": T((12,), grad=True)},
    ),
    Case(
        "masked_scatter.method",
        "x.masked_scatter(m, s)",
        {"x": X, "m": M, "s": T((3, 4), grad=True)},
    ),
    Case(
        "masked_scatter.inplace",
        "x.clone().masked_scatter_(m, s)",
        {"x": T((3, 4), "int64"), "m": M, "s": T((12,), "int64")},
    ),
    Case(
        "masked_scatter.inplace_grad",
        "out = x * 1\nout.masked_scatter_(m, s)",
        {"x": X, "m": M, "s": T((20,), grad=True)},
    ),
    Case(
        "masked_scatter.zero_dim_mask",
        "torch.masked_scatter(x, m, s)",
        {"x": X, "m": T((), "bool", values=True), "s": T((12,), grad=True)},
    ),
    Case(
        "masked_scatter.empty",
        "torch.masked_scatter(x, m, s)",
        {"x": T((0, 4), grad=True), "m": ROW, "s": T((0,), grad=True)},
    ),
    Case(
        "masked_scatter.noncontig",
        "torch.masked_scatter(x, m, s)",
        {"x": T((3, 4), layout="t", grad=True), "m": M, "s": T((3, 4), layout="t", grad=True)},
    ),
    Case(
        "masked_scatter.bool",
        "torch.masked_scatter(x, m, s)",
        {"x": T((3, 4), "bool"), "m": M, "s": T((12,), "bool")},
    ),
    Case(
        "masked_scatter.err_mask_uint8",
        "torch.masked_scatter(x, m, s)",
        {"x": X, "m": T((3, 4), "uint8"), "s": T((12,))},
    ),
    Case(
        "masked_scatter.err_mask_long",
        "torch.masked_scatter(x, m, s)",
        {"x": X, "m": T((3, 4), "int64"), "s": T((12,))},
    ),
    Case(
        "masked_scatter.err_dtype",
        "torch.masked_scatter(x, m, s)",
        {"x": X, "m": M, "s": T((12,), "float64")},
    ),
    Case(
        "masked_scatter.err_count",
        "torch.masked_scatter(x, m, s)",
        {"x": X, "m": T((3, 4), "bool", values=[[True] * 4] * 3), "s": T((2,))},
    ),
    Case(
        "masked_scatter.err_broadcast",
        "torch.masked_scatter(x, m, s)",
        {"x": X, "m": T((5,), "bool"), "s": T((12,))},
    ),
    Case("masked_scatter.err_source", "torch.masked_scatter(x, m, 1.)", {"x": X, "m": M}),
]

NONZERO = [
    Case("nonzero.int", "torch.nonzero(x)", {"x": T((3, 4), "int64", low=-1, high=2)}),
    Case(
        "nonzero.float", "x.nonzero()", {"x": T((5,), values=[1.0, 0.0, float("nan"), -0.0, 2.0])}
    ),
    Case("nonzero.bool", "torch.nonzero(x)", {"x": T((2, 3, 2), "bool")}),
    Case(
        "nonzero.as_tuple",
        "torch.nonzero(x, as_tuple=True)",
        {"x": T((3, 4), "int32", low=-1, high=2)},
    ),
    Case("nonzero.as_tuple_1d", "x.nonzero(as_tuple=True)", {"x": T((5,), "int8", low=-1, high=2)}),
    Case("nonzero.zero_dim", "torch.nonzero(x)", {"x": T((), values=1.0)}),
    Case("nonzero.zero_dim_zero", "torch.nonzero(x)", {"x": T((), values=0.0)}),
    Case("nonzero.zero_dim_tuple", "torch.nonzero(x, as_tuple=True)", {"x": T((), values=3.0)}),
    Case(
        "nonzero.zero_dim_tuple_zero", "torch.nonzero(x, as_tuple=True)", {"x": T((), values=0.0)}
    ),
    Case("nonzero.empty", "torch.nonzero(x)", {"x": T((0, 3))}),
    Case("nonzero.empty_tuple", "torch.nonzero(x, as_tuple=True)", {"x": T((2, 0))}),
    Case("nonzero.all_zero", "torch.nonzero(x)", {"x": T((2, 3), values=[[0.0] * 3] * 2)}),
    Case(
        "nonzero.noncontig",
        "torch.nonzero(x)",
        {"x": T((3, 4), "int64", layout="t", low=-1, high=2)},
    ),
    Case("nonzero.complex", "torch.nonzero(x)", {"x": T((3,), "complex64", values=[0j, 1j, 0j])}),
    Case(
        "nonzero.half", "torch.nonzero(x)", {"x": T((4,), "float16", values=[0.0, 1.0, 0.0, 1.0])}
    ),
    Case(
        "nonzero.grad_input",
        "torch.nonzero(x)",
        {"x": T((3,), grad=True, values=[1.0, 0.0, 2.0])},
        grad=False,
    ),
    Case(
        "nonzero.out",
        "torch.nonzero(x, out=torch.empty(0, dtype=torch.long))",
        {"x": T((3, 4), "int64", low=-1, high=2)},
    ),
    Case(
        "nonzero.err_out_dtype",
        "torch.nonzero(x, out=torch.empty(0))",
        {"x": T((3, 4), "int64", low=-1, high=2)},
    ),
    Case("argwhere.basic", "torch.argwhere(x)", {"x": T((3, 4), "int64", low=-1, high=2)}),
    Case("argwhere.method", "x.argwhere()", {"x": T((2, 2), "bool")}),
    Case("argwhere.zero_dim", "torch.argwhere(x)", {"x": T((), "int64", values=3)}),
]

CASES = MASKED_FILL + MASKED_SELECT + MASKED_SCATTER + NONZERO

CASES += [
    Case(
        "nonzero_static.cut",
        "torch.nonzero_static(x, size=1)",
        {"x": T((2, 2), "int64", values=[[1, 0], [0, 3]])},
    ),
    Case(
        "nonzero_static.pad",
        "torch.nonzero_static(x, size=4)",
        {"x": T((2, 2), "int64", values=[[1, 0], [0, 3]])},
    ),
    Case("nonzero_static.fill", "x.nonzero_static(size=3, fill_value=7)", {"x": T((2, 2), "bool")}),
    Case("nonzero_static.zero", "torch.nonzero_static(x, size=0)", {"x": T((2, 2))}),
    Case("nonzero_static.zero_dim", "torch.nonzero_static(x, size=2)", {"x": T((), values=5.0)}),
    Case("nonzero_static.err_size", "torch.nonzero_static(x, size=-1)", {"x": T((2, 2))}),
]
