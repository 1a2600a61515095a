"""Cases for the normalization functions (nn_norm.py, nn_norm_composite.py): batch_norm,
layer_norm, group_norm, instance_norm, rms_norm, local_response_norm."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."
BN = F + "batch_norm"
LN = F + "layer_norm"
GN = F + "group_norm"
IN = F + "instance_norm"
RMS = F + "rms_norm"
LRN = F + "local_response_norm"


def _stats(c, dtype="float32"):
    return {"rm": T((c,), dtype), "rv": T((c,), dtype, positive=True)}


def _affine(c, dtype="float32", grad=True):
    return {"w": T((c,), dtype, grad=grad), "b": T((c,), dtype, grad=grad)}


# second derivatives: the gradient of sum(grad_input * g) (create_graph through the backward)
_DOUBLE = (
    "x = {call}\n"
    "gx = torch.autograd.grad((x * x.detach().sin()).sum(), {wrt}, create_graph=True)\n"
    "out = torch.autograd.grad(sum((g * g).sum() for g in gx), {wrt})"
)


def _double(call, wrt):
    return _DOUBLE.format(call=call, wrt=wrt)


CASES = [
    # ------------------------------------------------ batch_norm
    Case(
        "batch_norm.train_2d",
        f"({BN}(a, rm, rv, w, b, training=True), rm, rv)",
        {"a": T((5, 3), grad=True), **_stats(3), **_affine(3)},
    ),
    Case(
        "batch_norm.train_3d",
        f"({BN}(a, rm, rv, w, b, True, 0.3, 1e-3), rm, rv)",
        {"a": T((4, 3, 5), grad=True), **_stats(3), **_affine(3)},
    ),
    Case(
        "batch_norm.train_4d",
        f"({BN}(a, rm, rv, w, b, training=True), rm, rv)",
        {
            "a": T((2, 3, 4, 2), "float64", grad=True),
            **_stats(3, "float64"),
            **_affine(3, "float64"),
        },
    ),
    Case(
        "batch_norm.train_5d",
        f"({BN}(a, rm, rv, training=True), rm, rv)",
        {"a": T((2, 2, 2, 3, 2), grad=True), **_stats(2)},
    ),
    Case(
        "batch_norm.eval",
        f"{BN}(a, rm, rv, w, b)",
        {"a": T((4, 3, 5), grad=True), **_stats(3), **_affine(3)},
    ),
    Case(
        "batch_norm.eval_noaffine",
        f"{BN}(a, rm, rv, training=False, eps=0.1)",
        {"a": T((4, 3), grad=True), **_stats(3)},
    ),
    Case(
        "batch_norm.no_stats",
        f"{BN}(a, None, None, w, b, training=True)",
        {"a": T((4, 3, 2), grad=True), **_affine(3)},
    ),
    Case(
        "batch_norm.weight_only",
        f"{BN}(a, None, None, w, None, training=True)",
        {"a": T((4, 3, 2), grad=True), "w": T((3,), grad=True)},
    ),
    Case(
        "batch_norm.bias_only",
        f"{BN}(a, rm, rv, None, b, training=True)",
        {"a": T((4, 3, 2), grad=True), **_stats(3), "b": T((3,), grad=True)},
    ),
    Case(
        "batch_norm.momentum_none_arg",
        f"({BN}(a, rm, rv, training=True, momentum=1.0), rm, rv)",
        {"a": T((4, 3), grad=True), **_stats(3)},
    ),
    Case(
        "batch_norm.t",
        f"({BN}(a, rm, rv, w, b, training=True), rm)",
        {"a": T((4, 3), grad=True, layout="t"), **_stats(3), **_affine(3)},
    ),
    Case(
        "batch_norm.step",
        f"{BN}(a, rm, rv, w, b, training=True)",
        {"a": T((4, 3, 3), grad=True, layout="step"), **_stats(3), **_affine(3)},
    ),
    Case(
        "batch_norm.expand",
        f"{BN}(a, None, None, w, b, training=True)",
        {"a": T((4, 3, 3), grad=True, layout="expand"), **_affine(3)},
    ),
    Case(
        "batch_norm.half",
        f"({BN}(a, rm, rv, w, b, training=True), rm, rv)",
        {"a": T((4, 3, 2), "float16"), **_stats(3), **_affine(3, grad=False)},
    ),
    Case(
        "batch_norm.half_params",
        f"{BN}(a, rm, rv, w, b, training=True)",
        {"a": T((4, 3, 2), "float16"), **_stats(3, "float16"), **_affine(3, "float16", False)},
    ),
    Case(
        "batch_norm.bfloat16",
        f"({BN}(a, rm, rv, w, b, training=True), rm, rv)",
        {"a": T((4, 3, 2), "bfloat16"), **_stats(3), **_affine(3, grad=False)},
    ),
    Case(
        "batch_norm.bfloat16_eval",
        f"{BN}(a, rm, rv, w, b)",
        {"a": T((4, 3, 2), "bfloat16"), **_stats(3), **_affine(3, grad=False)},
    ),
    Case(
        "batch_norm.empty_batch",
        f"{BN}(a, None, None, w, b, training=True)",
        {"a": T((0, 3), grad=True), **_affine(3)},
    ),
    Case(
        "batch_norm.empty_channels",
        f"{BN}(a, rm, rv, training=True)",
        {"a": T((2, 0, 3)), "rm": T((0,)), "rv": T((0,))},
    ),
    Case(
        "batch_norm.double_backward",
        _double(f"{BN}(a, None, None, w, b, training=True)", "(a, w)"),
        {"a": T((4, 3, 2), "float64", grad=True), **_affine(3, "float64")},
        grad=False,
    ),
    Case(
        "batch_norm.double_backward_eval",
        _double(f"{BN}(a, rm, rv, w, b)", "(a, w)"),
        {"a": T((4, 3), "float64", grad=True), **_stats(3, "float64"), **_affine(3, "float64")},
        grad=False,
    ),
    Case("batch_norm.one_value", f"{BN}(a, rm, rv, training=True)", {"a": T((1, 3)), **_stats(3)}),
    Case("batch_norm.bad_stats", f"{BN}(a, rm, rv, training=True)", {"a": T((2, 4)), **_stats(3)}),
    Case(
        "batch_norm.bad_weight",
        f"{BN}(a, rm, rv, w, None, training=True)",
        {"a": T((2, 3)), **_stats(3), "w": T((4,))},
    ),
    Case("batch_norm.eval_no_stats", f"{BN}(a, None, None)", {"a": T((2, 3))}),
    Case(
        "batch_norm.int", f"{BN}(a, rm, rv, training=True)", {"a": T((2, 3), "int64"), **_stats(3)}
    ),
    Case(
        "batch_norm.mixed_dtype",
        f"{BN}(a, rm, rv, w, training=True)",
        {"a": T((2, 3)), **_stats(3), "w": T((3,), "float64")},
    ),
    # ------------------------------------------------ layer_norm
    Case(
        "layer_norm.last",
        f"{LN}(a, (5,), w, b)",
        {"a": T((4, 3, 5), grad=True), "w": T((5,), grad=True), "b": T((5,), grad=True)},
    ),
    Case("layer_norm.int_shape", f"{LN}(a, 5, w, b, 1e-3)", {"a": T((3, 5))}),
    Case(
        "layer_norm.eps",
        f"{LN}(a, [5], w, b, 1e-3)",
        {
            "a": T((3, 5), "float64", grad=True),
            "w": T((5,), "float64", grad=True),
            "b": T((5,), "float64", grad=True),
        },
    ),
    Case(
        "layer_norm.two_dims",
        f"{LN}(a, [3, 5], w)",
        {"a": T((2, 3, 5), grad=True), "w": T((3, 5), grad=True)},
    ),
    Case("layer_norm.no_affine", f"{LN}(a, (4,))", {"a": T((2, 3, 4), grad=True)}),
    Case(
        "layer_norm.bias_only",
        f"{LN}(a, (4,), None, b)",
        {"a": T((2, 4), grad=True), "b": T((4,), grad=True)},
    ),
    Case(
        "layer_norm.whole",
        f"{LN}(a, a.shape, w, b)",
        {"a": T((2, 4), grad=True), "w": T((2, 4), grad=True), "b": T((2, 4), grad=True)},
    ),
    Case("layer_norm.1d", f"{LN}(a, (6,))", {"a": T((6,), grad=True)}),
    Case(
        "layer_norm.t",
        f"{LN}(a, (3,), w, b)",
        {"a": T((4, 3), grad=True, layout="t"), "w": T((3,), grad=True), "b": T((3,), grad=True)},
    ),
    Case("layer_norm.step", f"{LN}(a, (3,))", {"a": T((4, 3), grad=True, layout="step")}),
    Case("layer_norm.expand", f"{LN}(a, (3,))", {"a": T((4, 3), grad=True, layout="expand")}),
    Case(
        "layer_norm.empty",
        f"{LN}(a, (4,), w, b)",
        {"a": T((0, 4), grad=True), "w": T((4,), grad=True), "b": T((4,), grad=True)},
    ),
    Case(
        "layer_norm.half",
        f"{LN}(a, (4,), w, b)",
        {"a": T((3, 4), "float16"), "w": T((4,), "float16"), "b": T((4,), "float16")},
    ),
    Case(
        "layer_norm.half_float_params",
        f"{LN}(a, (4,), w, b)",
        {"a": T((3, 4), "float16"), "w": T((4,)), "b": T((4,))},
    ),
    Case(
        "layer_norm.bfloat16",
        f"{LN}(a, (4,), w)",
        {"a": T((3, 4), "bfloat16"), "w": T((4,), "bfloat16")},
    ),
    Case(
        "layer_norm.constant",
        f"{LN}(a, (3,))",
        {"a": T((2, 3), grad=True, values=[[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]])},
    ),
    Case(
        "layer_norm.double_backward",
        _double(f"{LN}(a, (4,), w, b)", "(a, w)"),
        {
            "a": T((3, 4), "float64", grad=True),
            "w": T((4,), "float64", grad=True),
            "b": T((4,), "float64", grad=True),
        },
        grad=False,
    ),
    Case("layer_norm.bad_shape", f"{LN}(a, (3,))", {"a": T((2, 3, 4))}),
    Case("layer_norm.bad_shape2", f"{LN}(a, (2, 4))", {"a": T((2, 3, 4))}),
    Case("layer_norm.bad_weight", f"{LN}(a, (4,), w)", {"a": T((2, 4)), "w": T((3,))}),
    Case("layer_norm.bad_bias", f"{LN}(a, (4,), None, b)", {"a": T((2, 4)), "b": T((2, 2))}),
    Case("layer_norm.empty_shape", f"{LN}(a, ())", {"a": T((2, 4))}),
    Case("layer_norm.int", f"{LN}(a, (4,))", {"a": T((2, 4), "int64")}),
    Case("layer_norm.mixed_dtype", f"{LN}(a, (4,), w)", {"a": T((2, 4)), "w": T((4,), "float64")}),
    # ------------------------------------------------ group_norm
    Case(
        "group_norm.basic",
        f"{GN}(a, 2, w, b)",
        {"a": T((3, 4, 5), grad=True), "w": T((4,), grad=True), "b": T((4,), grad=True)},
    ),
    Case("group_norm.one_group", f"{GN}(a, 1)", {"a": T((2, 3, 2, 2), grad=True)}),
    Case(
        "group_norm.per_channel",
        f"{GN}(a, 3, w, None, 1e-2)",
        {"a": T((2, 3, 4), "float64", grad=True), "w": T((3,), "float64", grad=True)},
    ),
    Case(
        "group_norm.2d",
        f"{GN}(a, 2, w, b)",
        {"a": T((3, 6), "float64", grad=True), **_affine(6, "float64")},
    ),
    Case(
        "group_norm.t",
        f"{GN}(a, 2, w, b)",
        {
            "a": T((2, 4, 3), grad=True, layout="t"),
            "w": T((4,), grad=True),
            "b": T((4,), grad=True),
        },
    ),
    Case("group_norm.step", f"{GN}(a, 2)", {"a": T((2, 4, 3), grad=True, layout="step")}),
    Case("group_norm.expand", f"{GN}(a, 2)", {"a": T((2, 4, 3), grad=True, layout="expand")}),
    Case("group_norm.empty", f"{GN}(a, 3)", {"a": T((0, 3, 2), grad=True)}),
    Case(
        "group_norm.half",
        f"{GN}(a, 2, w, b)",
        {"a": T((2, 4, 3), "float16"), "w": T((4,), "float16"), "b": T((4,), "float16")},
    ),
    Case(
        "group_norm.bfloat16",
        f"{GN}(a, 2, w, b)",
        {"a": T((2, 4, 3), "bfloat16"), "w": T((4,)), "b": T((4,))},
    ),
    Case(
        "group_norm.double_backward",
        _double(f"{GN}(a, 2, w, b)", "(a, w)"),
        {
            "a": T((2, 4, 3), "float64", grad=True),
            "w": T((4,), "float64", grad=True),
            "b": T((4,), "float64", grad=True),
        },
        grad=False,
    ),
    Case("group_norm.bad_groups", f"{GN}(a, 2)", {"a": T((2, 3, 4))}),
    Case("group_norm.bad_weight", f"{GN}(a, 3, w)", {"a": T((2, 3, 4)), "w": T((2,))}),
    Case("group_norm.1d", f"{GN}(a, 1)", {"a": T((3,))}),
    Case("group_norm.mixed_dtype", f"{GN}(a, 3, w)", {"a": T((2, 3, 4)), "w": T((3,), "float64")}),
    # ------------------------------------------------ instance_norm
    Case("instance_norm.basic", f"{IN}(a)", {"a": T((2, 3, 5), grad=True)}),
    Case(
        "instance_norm.affine",
        f"{IN}(a, weight=w, bias=b)",
        {"a": T((2, 3, 4, 2), grad=True), **_affine(3)},
    ),
    Case(
        "instance_norm.stats",
        f"({IN}(a, rm, rv, w, b, momentum=0.2), rm, rv)",
        {"a": T((2, 3, 5), "float64", grad=True), **_stats(3, "float64"), **_affine(3, "float64")},
    ),
    Case(
        "instance_norm.eval",
        f"{IN}(a, rm, rv, use_input_stats=False)",
        {"a": T((2, 3, 5), grad=True), **_stats(3)},
    ),
    Case("instance_norm.t", f"{IN}(a)", {"a": T((2, 3, 4), grad=True, layout="t")}),
    Case("instance_norm.half", f"{IN}(a)", {"a": T((2, 3, 4), "float16")}),
    Case("instance_norm.bfloat16", f"{IN}(a)", {"a": T((2, 3, 4), "bfloat16")}),
    Case("instance_norm.one_spatial", f"{IN}(a)", {"a": T((2, 3, 1))}),
    Case("instance_norm.2d", f"{IN}(a)", {"a": T((3, 4))}),
    Case("instance_norm.eval_no_stats", f"{IN}(a, use_input_stats=False)", {"a": T((2, 3, 4))}),
    # ------------------------------------------------ rms_norm
    Case("rms_norm.basic", f"{RMS}(a, (5,))", {"a": T((3, 5), grad=True)}),
    Case(
        "rms_norm.weight",
        f"{RMS}(a, [2, 3], w, 1e-3)",
        {"a": T((4, 2, 3), grad=True), "w": T((2, 3), grad=True)},
    ),
    Case("rms_norm.int_shape", f"{RMS}(a, 4)", {"a": T((3, 4))}),
    Case(
        "rms_norm.list_shape",
        f"{RMS}(a, [4], w)",
        {"a": T((3, 4), "float64", grad=True), "w": T((4,), "float64", grad=True)},
    ),
    Case("rms_norm.t", f"{RMS}(a, (3,))", {"a": T((4, 3), grad=True, layout="t")}),
    Case("rms_norm.step", f"{RMS}(a, (3,))", {"a": T((4, 3), grad=True, layout="step")}),
    Case("rms_norm.empty", f"{RMS}(a, (3,))", {"a": T((0, 3), grad=True)}),
    Case("rms_norm.zeros", f"{RMS}(a, (3,))", {"a": T((2, 3), grad=True, values=[[0.0] * 3] * 2)}),
    Case(
        "rms_norm.half", f"{RMS}(a, (4,), w)", {"a": T((3, 4), "float16"), "w": T((4,), "float16")}
    ),
    Case("rms_norm.bfloat16", f"{RMS}(a, (4,))", {"a": T((3, 4), "bfloat16")}),
    Case(
        "rms_norm.half_weight",
        f"{RMS}(a, (4,), w)",
        {"a": T((3, 4), grad=True), "w": T((4,), "float16")},
    ),
    Case(
        "rms_norm.double_backward",
        _double(f"{RMS}(a, (4,), w)", "(a, w)"),
        {"a": T((3, 4), "float64", grad=True), "w": T((4,), "float64", grad=True)},
        grad=False,
    ),
    Case("rms_norm.bad_shape", f"{RMS}(a, (2, 4))", {"a": T((2, 3, 4))}),
    Case("rms_norm.bad_weight", f"{RMS}(a, (4,), w)", {"a": T((2, 4)), "w": T((3,))}),
    Case("rms_norm.int", f"{RMS}(a, (4,))", {"a": T((2, 4), "int64")}),
    # ------------------------------------------------ local_response_norm
    Case("local_response_norm.3d", f"{LRN}(a, 2)", {"a": T((2, 5, 4), grad=True)}),
    Case(
        "local_response_norm.4d",
        f"{LRN}(a, 3, 1e-2, 0.5, 2.0)",
        {"a": T((2, 4, 3, 2), "float64", grad=True)},
    ),
    Case("local_response_norm.5d", f"{LRN}(a, 4)", {"a": T((1, 5, 2, 2, 2), grad=True)}),
    Case("local_response_norm.big_size", f"{LRN}(a, 7, alpha=0.5)", {"a": T((2, 3, 4), grad=True)}),
    Case("local_response_norm.t", f"{LRN}(a, 2)", {"a": T((2, 3, 4), grad=True, layout="t")}),
    Case("local_response_norm.half", f"{LRN}(a, 2)", {"a": T((2, 3, 4), "float16")}),
    Case("local_response_norm.2d", f"{LRN}(a, 2)", {"a": T((3, 4))}),
]
