"""Cases for Tensor.__getitem__ / __setitem__: basic, advanced (tensors, lists, masks), their
placement rules, gradients, errors; and index_put / index_put_."""

from tests.ops.spec import Case, T

X = T((3, 4, 5), grad=True)
I64 = T((2,), "int64", values=[2, 0])
I32 = T((2,), "int32", values=[-1, 1])
DUP = T((4,), "int64", values=[0, 2, 0, 0])
MASK = T((3, 4), "bool")


def _get(name, expr, **inputs):
    return Case("getitem." + name, expr, {"x": X, **inputs})


GETITEM = [
    _get("int64", "x[i]", i=I64),
    _get("int32", "x[i]", i=I32),
    _get("int64_2d", "x[i]", i=T((2, 2), "int64", values=[[0, 1], [2, -3]])),
    _get("repeated", "x[i]", i=DUP),
    _get("list", "x[[0, 2]]"),
    _get("list_neg", "x[[-1, 0, -3]]"),
    _get("nested_list", "x[[[0, 1], [1, 2]]]"),
    _get("tuple_of_lists", "x[[0, 1], [1, 2]]"),
    _get("list_floats", "x[[0.5, 1.7]]"),
    _get("list_bool_int", "x[[True, 1]]"),
    _get("range", "x[range(2)]"),
    _get("empty_list", "x[[]]"),
    _get("empty_tensor", "x[i]", i=T((0,), "int64")),
    _get("zero_dim_int", "x[i]", i=T((), "int64", values=1)),
    _get("zero_dim_int32_neg", "x[i]", i=T((), "int32", values=-1)),
    _get("zero_dim_bool", "x[i]", i=T((), "bool", values=True)),
    _get("zero_dim_bool_false", "x[i]", i=T((), "bool", values=False)),
    _get("py_true", "x[True]"),
    _get("py_false", "x[False]"),
    _get("none_true", "x[None, True]"),
    _get("slice_then_tensor", "x[1:, i]", i=I64),
    _get("int_then_tensor", "x[0, i]", i=I64),
    _get("int_between", "x[i, 0, j]", i=I64, j=I32),
    _get("ellipsis_tensor", "x[..., i]", i=I64),
    _get("adjacent", "x[:, i, j]", i=I64, j=I32),
    _get("separated", "x[i, :, j]", i=I64, j=I32),
    _get("separated_none", "x[i, None, j]", i=I64, j=I32),
    _get("broadcast", "x[i, j]", i=T((2, 1), "int64", values=[[0], [2]]), j=I32),
    _get("broadcast_sep", "x[i, :, j]", i=T((2, 1), "int64", values=[[0], [2]]), j=I32),
    _get("none_after", "x[i, None]", i=I64),
    _get("mask", "x[m]", m=MASK),
    _get("mask_1d", "x[m]", m=T((3,), "bool", values=[True, False, True])),
    _get("mask_list", "x[[True, False, True]]"),
    _get("mask_then_slice", "x[m, 1:]", m=MASK),
    _get("mask_then_int", "x[m, 0]", m=MASK),
    _get("ellipsis_mask", "x[..., m]", m=T((4, 5), "bool")),
    _get("mask_and_tensor", "x[m, i]", m=T((3,), "bool", values=[True, False, True]), i=I64),
    _get("uint8_mask", "x[m]", m=T((3,), "uint8", values=[1, 0, 1])),
    _get("all_three", "x[i, j, k]", i=I64, j=I32, k=T((2,), "int64", values=[4, -5])),
    _get("nontuple_seq", "x[[0, [1]]]"),
    _get("numpy_int", "x[__import__('numpy').int64(1)]"),
    _get("numpy_array", "x[__import__('numpy').array([0, 2])]"),
    _get("numpy_bool", "x[__import__('numpy').array([True, False, True])]"),
    Case("getitem.noncontig_t", "x[i]", {"x": T((4, 3), grad=True, layout="t"), "i": I64}),
    Case("getitem.noncontig_step", "x[:, i]", {"x": T((3, 4), grad=True, layout="step"), "i": I64}),
    Case("getitem.expand", "x[i]", {"x": T((3, 4), grad=True, layout="expand"), "i": I64}),
    Case("getitem.zero_dim_self", "x[x > 0]", {"x": T((), values=1.5, grad=True)}),
    Case("getitem.zero_dim_self_true", "x[True]", {"x": T((), grad=True)}),
    Case("getitem.empty_self", "x[i]", {"x": T((0, 3), grad=True), "i": T((0,), "int64")}),
    Case("getitem.int_dtype", "x[i]", {"x": T((3, 2), "int32"), "i": I64}),
    Case("getitem.bool_dtype", "x[i]", {"x": T((3, 2), "bool"), "i": I64}),
    Case("getitem.complex", "x[i]", {"x": T((3, 2), "complex64"), "i": I64}),
    Case("getitem.half", "x[i]", {"x": T((3, 2), "float16"), "i": I64}),
    Case("getitem.float64", "x[i, 1:]", {"x": T((3, 2), "float64", grad=True), "i": I64}),
    # basic indexing
    _get("basic_alias", "x[...]"),
    _get("basic_full_slice", "x[:]"),
    _get("basic_two_ellipsis", "x[..., ...]"),
    _get("basic_ellipsis_int", "x[..., 0, ...]"),
    # errors
    _get("err_oob", "x[i]", i=T((1,), "int64", values=[5])),
    _get("err_oob_dim", "x[:, i]", i=T((1,), "int64", values=[-5])),
    _get("err_oob_order", "x[[0, 9], [1, 7], [-9, 2]]"),
    _get("err_oob_separated", "x[[0], :, [9]]"),
    _get("err_float_tensor", "x[i]", i=T((2,), "float32")),
    _get("err_int16_tensor", "x[i]", i=T((2,), "int16", values=[0, 1])),
    _get("err_int8_tensor", "x[i]", i=T((2,), "int8", values=[0, 1])),
    _get("err_float_zero_dim", "x[i]", i=T((), "float32")),
    _get("err_float", "x[1.5]"),
    _get("err_float_in_tuple", "x[[0], 1.5]"),
    _get("err_dict", "x[{}]"),
    _get("err_str", "x['a']"),
    _get("err_str_tuple", "x[0, 'a']"),
    _get("err_too_many", "x[[0], [0], [0], [0]]"),
    _get("err_too_many_ints", "x[0, 0, 0, 0]"),
    _get("err_mask_shape", "x[m]", m=T((2,), "bool")),
    _get("err_mask_shape_dim1", "x[:, m]", m=T((3,), "bool")),
    _get("err_mask_2d", "x[m]", m=T((3, 5), "bool")),
    _get("err_broadcast", "x[i, j]", i=I64, j=T((3,), "int64", values=[0, 1, 2])),
    _get("err_mask_broadcast", "x[m, [0, 1]]", m=MASK),
    _get("err_int_oob", "x[0, 7]"),
    _get("err_int_oob_none", "x[None, 1:, 7]"),
    _get("err_int_oob_ellipsis", "x[..., 7, :]"),
    _get("err_zero_dim_oob", "x[i]", i=T((), "int64", values=3)),
    _get("err_step", "x[::-1]"),
    Case("getitem.err_zero_dim_self", "x[i]", {"x": T(()), "i": T((1,), "int64", values=[0])}),
]


def _set(name, stmts, grad=True, **inputs):
    return Case("setitem." + name, stmts, {"x": T((3, 4), grad=grad), **inputs})


SETITEM = [
    _set("scalar", "out = x * 1\nout[[0, 2]] = 1.5"),
    _set("scalar_int_into_float", "out = x * 1\nout[i] = 2", i=I64),
    _set("tensor_value", "out = x * 1\nout[i] = v", i=I64, v=T((4,), grad=True)),
    _set("broadcast_value", "out = x * 1\nout[i] = v", i=I64, v=T((1, 4), grad=True)),
    _set("leading_ones", "out = x * 1\nout[i] = v", i=I64, v=T((1, 1, 4), grad=True)),
    _set("zero_dim_value", "out = x * 1\nout[i] = v", i=I32, v=T((), grad=True)),
    _set("two_indices", "out = x * 1\nout[i, j] = v", i=I64, j=I32, v=T((2,), grad=True)),
    _set("repeated", "out = x * 1\nout[i] = v", i=T((2,), "int64", values=[1, 1]), v=T((4,))),
    _set("mask", "out = x * 1\nout[m] = v", m=MASK, v=T((), grad=True)),
    _set(
        "mask_values",
        "out = x * 1\nout[m] = torch.arange(12.)",
        m=T((3, 4), "bool", values=[[True] * 4] * 3),
    ),
    _set("through_view", "out = x * 1\nout[0, i] = v", i=I64, v=T((), grad=True)),
    _set("slice_view", "out = x * 1\nout[1:, i] = v", i=I64, v=T((2, 2), grad=True)),
    _set("full_slice", "out = x * 1\nout[:, i] = 0.5", i=I64),
    _set(
        "leaf_value_only",
        "out = torch.zeros(3, 4)\nout[i] = v",
        grad=False,
        i=I64,
        v=T((4,), grad=True),
    ),
    _set("empty_index", "out = x * 1\nout[[]] = 4."),
    _set("py_true", "out = x * 1\nout[True] = 2."),
    _set("py_false", "out = x * 1\nout[False] = 2."),
    _set("numpy_scalar", "out = x * 1\nout[[0]] = __import__('numpy').float64(2.5)"),
    Case("setitem.int_tensor", "out = x.clone()\nout[i] = 7", {"x": T((3, 4), "int32"), "i": I64}),
    Case("setitem.int_float_value", "out = x.clone()\nout[[0, 2]] = 1.5", {"x": T((5,), "int64")}),
    Case("setitem.uint8_neg", "out = x.clone()\nout[[1]] = -1", {"x": T((3,), "uint8")}),
    Case("setitem.bool", "out = x.clone()\nout[[1]] = 2.5", {"x": T((3, 2), "bool")}),
    Case("setitem.complex", "out = x.clone()\nout[[1]] = 1 + 2j", {"x": T((3,), "complex64")}),
    Case("setitem.half_inf", "out = x.clone()\nout[[1]] = 1e5", {"x": T((3,), "float16")}),
    Case(
        "setitem.noncontig",
        "out = x * 1\nout[i] = 3.",
        {"x": T((3, 4), layout="t", grad=True), "i": I64},
    ),
    Case("setitem.zero_dim", "out = x * 1\nout[torch.tensor(True)] = 4.", {"x": T((), grad=True)}),
    # basic setitem
    _set("basic_fill", "out = x * 1\nout[...] = 1."),
    _set("basic_fill_slice", "out = x * 1\nout[:] = v", v=T((), grad=True)),
    _set("basic_copy", "out = x * 1\nout[...] = v", v=T((4,), grad=True)),
    _set("basic_row", "out = x * 1\nout[1] = v", v=T((1, 1, 4), grad=True)),
    _set("basic_none", "out = x * 1\nout[None] = v", v=T((), grad=True)),
    _set("basic_cast", "out = torch.zeros(3, 4)\nout[0] = v", grad=False, v=T((4,), "float64")),
    _set("basic_int_value", "out = x * 1\nout[0, 1] = 3"),
    # errors
    _set("err_leaf", "out = x\nout[[0]] = 1."),
    _set("err_dtype", "out = x * 1\nout[i] = v", i=I64, v=T((4,), "float64")),
    _set("err_dtype_long", "out = x * 1\nout[i] = v", i=I64, v=T((4,), "int64")),
    _set("err_dtype_bool", "out = x * 1\nout[[1]] = torch.tensor(True)"),
    _set("err_shape", "out = x * 1\nout[i] = v", i=I64, v=T((3,))),
    _set("err_shape_2", "out = x * 1\nout[i] = v", i=I64, v=T((2, 1, 4))),
    _set("err_oob", "out = x * 1\nout[[0, 7]] = 1."),
    _set("err_value_type", "out = x * 1\nout[[1]] = 'a'"),
    _set("err_value_list", "out = x * 1\nout[[1]] = [1.]"),
    _set("err_value_none", "out = x * 1\nout[[1]] = None"),
    _set("err_value_ndarray", "out = x * 1\nout[[1]] = __import__('numpy').array(2.5)"),
    _set("err_basic_expand", "out = x * 1\nout[0] = v", v=T((5,))),
    _set("err_basic_expand_dims", "out = x * 1\nout[0] = v", v=T((2, 4))),
    _set("err_basic_type", "out = x * 1\nout[0] = 'a'"),
    Case("setitem.err_overflow", "out = x.clone()\nout[[1]] = 300", {"x": T((3,), "int8")}),
    Case("setitem.err_complex", "out = x.clone()\nout[[1]] = 1 + 2j", {"x": T((3,), "int32")}),
    Case("setitem.err_basic_overflow", "out = x.clone()\nout[0] = 300", {"x": T((3,), "int8")}),
    Case("setitem.err_long_overflow", "out = x.clone()\nout[[0]] = 2**63", {"x": T((3,), "int64")}),
    Case(
        "setitem.unchanged_after_error",
        "out = x.clone()\ntry:\n    out[[0, 1]] = torch.ones(3)\nexcept RuntimeError:\n    pass",
        {"x": T((3, 4))},
    ),
]

INDEX_PUT = [
    Case(
        "index_put.basic",
        "torch.index_put(x, (i,), v)",
        {"x": X, "i": I64, "v": T((4, 5), grad=True)},
    ),
    Case(
        "index_put.accumulate",
        "torch.index_put(x, (i,), v, accumulate=True)",
        {"x": X, "i": DUP, "v": T((4, 4, 5), grad=True)},
    ),
    Case(
        "index_put.accumulate_int32",
        "torch.index_put(x, (i, j), v, accumulate=True)",
        {
            "x": X,
            "i": T((3,), "int32", values=[0, 0, 2]),
            "j": T((3,), "int32", values=[1, 1, -1]),
            "v": T((5,), grad=True),
        },
    ),
    Case("index_put.method", "x.index_put((i,), v)", {"x": X, "i": I64, "v": T((), grad=True)}),
    Case(
        "index_put.mask",
        "torch.index_put(x, (m,), v)",
        {"x": X, "m": MASK, "v": T((5,), grad=True)},
    ),
    Case(
        "index_put.zero_dim_index",
        "torch.index_put(x, (i,), v)",
        {"x": X, "i": T((), "int64", values=1), "v": T((5,))},
    ),
    Case(
        "index_put.inplace",
        "x.clone().index_put_((i,), v)",
        {"x": T((3, 4), "int64"), "i": I64, "v": T((4,), "int64")},
    ),
    Case(
        "index_put.inplace_acc",
        "x.clone().index_put_([i], v, accumulate=True)",
        {"x": T((3, 4), "float64"), "i": DUP, "v": T((), "float64")},
    ),
    Case(
        "index_put.torch_inplace",
        "torch.index_put_(x.clone(), (i,), v)",
        {"x": T((3,)), "i": I64, "v": T(())},
    ),
    Case(
        "index_put.bool_dtype",
        "torch.index_put(x, (i,), v)",
        {"x": T((3,), "bool"), "i": I64, "v": T((), "bool", values=True)},
    ),
    Case(
        "index_put.complex_acc",
        "torch.index_put(x, (i,), v, accumulate=True)",
        {"x": T((3,), "complex128"), "i": DUP, "v": T((4,), "complex128")},
    ),
    Case(
        "index_put.err_dtype",
        "torch.index_put(x, (i,), v)",
        {"x": X, "i": I64, "v": T((), "float64")},
    ),
    Case("index_put.err_not_tuple", "torch.index_put(x, i, v)", {"x": X, "i": I64, "v": T(())}),
    Case("index_put.err_none", "torch.index_put(x, [None, i], v)", {"x": X, "i": I64, "v": T(())}),
    Case("index_put.err_value_float", "torch.index_put(x, [i], 1.)", {"x": X, "i": I64}),
    Case(
        "index_put.err_too_many",
        "torch.index_put(x, (i, i, i, i), v)",
        {"x": X, "i": I64, "v": T(())},
    ),
    Case(
        "index_put.err_float_index",
        "torch.index_put(x, (i,), v)",
        {"x": X, "i": T((2,)), "v": T(())},
    ),
    Case(
        "index_put.err_oob",
        "torch.index_put(x, (i,), v)",
        {"x": X, "i": T((1,), "int64", values=[7]), "v": T(())},
    ),
    Case(
        "index_put.err_shape",
        "torch.index_put(x, (i,), v)",
        {"x": X, "i": I64, "v": T((1, 1, 4, 5))},
    ),
    Case(
        "index_put.err_broadcast",
        "torch.index_put(x, (i, j), v)",
        {"x": X, "i": I64, "v": T(()), "j": T((3,), "int64", values=[0, 1, 2])},
    ),
    Case(
        "index_put.err_mask",
        "torch.index_put(x, (m,), v)",
        {"x": X, "m": T((2,), "bool"), "v": T(())},
    ),
    Case("index_put.err_leaf", "x.index_put_((i,), v)", {"x": X, "i": I64, "v": T(())}),
]

CASES = GETITEM + SETITEM + INDEX_PUT

CASES += [
    Case("getitem.lone_slice_full", "x[0:10]", {"x": X}),
    Case("getitem.tuple_full_slice", "x[:, 0:]", {"x": X}),
    Case("getitem.err_zero_dim_slice", "x[:]", {"x": T(())}),
    Case("getitem.err_zero_dim_int", "x[0]", {"x": T(())}),
    Case("getitem.err_zero_dim_tuple", "x[:, None]", {"x": T(())}),
    Case(
        "setitem.basic_tuple_full",
        "out = x * 1\nout[:, :] = v",
        {"x": T((3, 4), grad=True), "v": T((4,), grad=True)},
    ),
    Case("setitem.basic_slice_fill", "out = x * 1\nout[0:3] = 2.", {"x": T((3, 4), grad=True)}),
]
CASES += [
    Case("setitem.zero_dim_basic", "out = x * 1\nout[...] = 1.", {"x": T((), grad=True)}),
    Case("setitem.one_elem_basic", "out = x * 1\nout[...] = 1.", {"x": T((1,), grad=True)}),
    Case(
        "setitem.int_key_tensor",
        "out = x * 1\nout[-1] = v",
        {"x": T((3, 4), grad=True), "v": T((4,), grad=True)},
    ),
    Case("setitem.err_int_key_oob", "out = x * 1\nout[3] = 1.", {"x": T((3, 4), grad=True)}),
]
CASES += [
    Case("getitem.empty_result_unchecked", "x[7:2:2, [2, -4, 5]]", {"x": X}),
    Case(
        "getitem.empty_broadcast_unchecked",
        "x[i, []]",
        {"x": X, "i": T((1,), "int64", values=[-5])},
    ),
    Case("getitem.err_slice_past_ellipses", "x[..., ..., i, 1:]", {"x": X, "i": I32}),
    Case("setitem.empty_result_unchecked", "out = x * 1\nout[7:2:2, [2, -4, 5]] = 1.", {"x": X}),
    Case(
        "setitem.empty_broadcast_grad",
        "out = x * 1\nout[i, []] = v",
        {"x": X, "i": T((1,), "int64", values=[-5]), "v": T((), grad=True)},
    ),
]
CASES += [Case("getitem.size_key", "x[torch.Size([1, 2])]", {"x": X})]
