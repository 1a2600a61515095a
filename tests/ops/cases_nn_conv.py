"""Cases for conv1d/2d/3d, conv_transpose1d/2d/3d and torch.convolution (nn_conv*.py)."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."


def _conv(name, expr, x, w, b=None):
    inputs = {"x": x, "w": w}
    if b is not None:
        inputs["b"] = b
    return Case(name, expr, inputs)


CASES = [
    _conv(
        "conv2d.basic",
        F + "conv2d(x, w, b)",
        T((2, 3, 7, 6), grad=True),
        T((4, 3, 3, 2), grad=True),
        T((4,), grad=True),
    ),
    _conv(
        "conv2d.no_bias", F + "conv2d(x, w)", T((2, 3, 6, 6), grad=True), T((5, 3, 3, 3), grad=True)
    ),
    _conv(
        "conv2d.stride_pad",
        F + "conv2d(x, w, b, stride=2, padding=1)",
        T((2, 3, 8, 7), "float64", grad=True),
        T((4, 3, 3, 3), "float64", grad=True),
        T((4,), "float64", grad=True),
    ),
    _conv(
        "conv2d.tuple_args",
        F + "conv2d(x, w, b, stride=(2, 1), padding=(0, 2), dilation=(2, 3))",
        T((2, 2, 9, 8), "float64", grad=True),
        T((3, 2, 3, 2), "float64", grad=True),
        T((3,), "float64", grad=True),
    ),
    _conv(
        "conv2d.groups",
        F + "conv2d(x, w, b, groups=2, padding=1)",
        T((2, 4, 5, 5), "float64", grad=True),
        T((6, 2, 3, 3), "float64", grad=True),
        T((6,), "float64", grad=True),
    ),
    _conv(
        "conv2d.depthwise",
        F + "conv2d(x, w, groups=3, stride=2)",
        T((2, 3, 7, 7), grad=True),
        T((6, 1, 3, 3), grad=True),
    ),
    _conv(
        "conv2d.same_odd",
        F + "conv2d(x, w, padding='same')",
        T((2, 3, 6, 5), grad=True),
        T((4, 3, 3, 5), grad=True),
    ),
    _conv(
        "conv2d.same_even",
        F + "conv2d(x, w, padding='same')",
        T((2, 3, 6, 5), "float64", grad=True),
        T((4, 3, 4, 2), "float64", grad=True),
    ),
    _conv(
        "conv2d.same_dilated",
        F + "conv2d(x, w, padding='same', dilation=2)",
        T((1, 2, 7, 6), grad=True),
        T((2, 2, 2, 3), grad=True),
    ),
    _conv(
        "conv2d.valid",
        F + "conv2d(x, w, padding='valid')",
        T((2, 3, 6, 5), grad=True),
        T((4, 3, 3, 3), grad=True),
    ),
    _conv(
        "conv2d.unbatched",
        F + "conv2d(x, w, b, padding=1)",
        T((3, 5, 6), grad=True),
        T((2, 3, 3, 3), grad=True),
        T((2,), grad=True),
    ),
    _conv(
        "conv2d.t",
        F + "conv2d(x, w)",
        T((2, 3, 6, 7), grad=True, layout="t"),
        T((4, 3, 3, 3), grad=True, layout="t"),
    ),
    _conv(
        "conv2d.step",
        F + "conv2d(x, w)",
        T((2, 3, 6, 7), grad=True, layout="step"),
        T((4, 3, 3, 3), grad=True),
    ),
    _conv(
        "conv2d.expand",
        F + "conv2d(x, w)",
        T((2, 3, 6, 7), grad=True, layout="expand"),
        T((4, 3, 3, 3), grad=True),
    ),
    _conv(
        "conv2d.empty_batch",
        F + "conv2d(x, w, b)",
        T((0, 3, 6, 6), grad=True),
        T((4, 3, 3, 3), grad=True),
        T((4,), grad=True),
    ),
    _conv(
        "conv2d.float16",
        F + "conv2d(x, w, b)",
        T((2, 3, 5, 5), "float16"),
        T((4, 3, 3, 3), "float16"),
        T((4,), "float16"),
    ),
    _conv(
        "conv2d.bfloat16",
        F + "conv2d(x, w, b)",
        T((2, 3, 5, 5), "bfloat16"),
        T((4, 3, 3, 3), "bfloat16"),
        T((4,), "bfloat16"),
    ),
    _conv(
        "conv2d.int64",
        F + "conv2d(x, w, b)",
        T((2, 3, 5, 5), "int64"),
        T((4, 3, 3, 3), "int64"),
        T((4,), "int64"),
    ),
    _conv(
        "conv2d.int32",
        F + "conv2d(x, w, stride=2)",
        T((2, 3, 5, 5), "int32"),
        T((4, 3, 3, 3), "int32"),
    ),
    _conv(
        "conv2d.complex",
        F + "conv2d(x, w)",
        T((1, 2, 4, 4), "complex64"),
        T((3, 2, 2, 2), "complex64"),
    ),
    _conv(
        "conv2d.function",
        "torch.conv2d(x, w, b, 1, 1)",
        T((2, 3, 5, 5), grad=True),
        T((4, 3, 3, 3), grad=True),
        T((4,), grad=True),
    ),
    _conv(
        "conv1d.basic",
        F + "conv1d(x, w, b, stride=2, padding=1, dilation=2)",
        T((2, 3, 11), "float64", grad=True),
        T((4, 3, 3), "float64", grad=True),
        T((4,), "float64", grad=True),
    ),
    _conv("conv1d.unbatched", F + "conv1d(x, w)", T((3, 8), grad=True), T((4, 3, 3), grad=True)),
    _conv(
        "conv1d.groups_same",
        F + "conv1d(x, w, groups=2, padding='same')",
        T((2, 4, 8), grad=True),
        T((4, 2, 4), grad=True),
    ),
    _conv(
        "conv1d.function", "torch.conv1d(x, w)", T((2, 3, 8), grad=True), T((4, 3, 3), grad=True)
    ),
    _conv(
        "conv3d.basic",
        F + "conv3d(x, w, b, stride=(1, 2, 2), padding=1)",
        T((2, 2, 4, 5, 6), "float64", grad=True),
        T((3, 2, 2, 3, 3), "float64", grad=True),
        T((3,), "float64", grad=True),
    ),
    _conv(
        "conv3d.unbatched",
        F + "conv3d(x, w, dilation=2)",
        T((2, 5, 5, 5), grad=True),
        T((3, 2, 2, 2, 2), grad=True),
    ),
    _conv(
        "conv3d.function",
        "torch.conv3d(x, w, None, 1, 'same')",
        T((1, 2, 4, 4, 4), grad=True),
        T((2, 2, 3, 3, 3), grad=True),
    ),
    _conv(
        "conv_transpose2d.basic",
        F + "conv_transpose2d(x, w, b)",
        T((2, 3, 4, 5), grad=True),
        T((3, 2, 3, 3), grad=True),
        T((2,), grad=True),
    ),
    _conv(
        "conv_transpose2d.stride",
        F + "conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1)",
        T((2, 3, 4, 5), "float64", grad=True),
        T((3, 2, 3, 3), "float64", grad=True),
        T((2,), "float64", grad=True),
    ),
    _conv(
        "conv_transpose2d.groups_dilation",
        F + "conv_transpose2d(x, w, None, (2, 3), (2, 0), (0, 2), 3, (2, 1))",
        T((2, 3, 4, 4), "float64", grad=True),
        T((3, 2, 3, 3), "float64", grad=True),
    ),
    _conv(
        "conv_transpose2d.unbatched",
        F + "conv_transpose2d(x, w, stride=2)",
        T((3, 4, 4), grad=True),
        T((3, 2, 2, 2), grad=True),
    ),
    _conv(
        "conv_transpose2d.big_padding",
        F + "conv_transpose2d(x, w, padding=3, stride=3)",
        T((1, 2, 5, 5), grad=True),
        T((2, 2, 3, 3), grad=True),
    ),
    _conv(
        "conv_transpose1d.basic",
        F + "conv_transpose1d(x, w, b, stride=3, padding=2, dilation=2)",
        T((2, 3, 5), "float64", grad=True),
        T((3, 4, 3), "float64", grad=True),
        T((4,), "float64", grad=True),
    ),
    _conv(
        "conv_transpose3d.basic",
        F + "conv_transpose3d(x, w, b, stride=2, padding=1, output_padding=1)",
        T((1, 2, 3, 3, 2), "float64", grad=True),
        T((2, 2, 3, 2, 2), "float64", grad=True),
        T((2,), "float64", grad=True),
    ),
    _conv(
        "conv_transpose2d.function",
        "torch.conv_transpose2d(x, w, b, 2)",
        T((2, 3, 4, 4), grad=True),
        T((3, 2, 3, 3), grad=True),
        T((2,), grad=True),
    ),
    _conv(
        "convolution.transposed",
        "torch.convolution(x, w, b, [2, 1], [1, 0], [1, 2], True, [1, 0], 1)",
        T((2, 3, 4, 4), "float64", grad=True),
        T((3, 2, 3, 3), "float64", grad=True),
        T((2,), "float64", grad=True),
    ),
    _conv(
        "convolution.plain",
        "torch.convolution(x, w, None, [1], [1], [1], False, [0], 1)",
        T((2, 3, 6), grad=True),
        T((4, 3, 3), grad=True),
    ),
    # errors
    _conv("conv2d.err_rank", F + "conv2d(x, w)", T((5, 5)), T((4, 3, 3, 3))),
    _conv("conv1d.err_rank", F + "conv1d(x, w)", T((2, 3, 5, 5)), T((4, 3, 3))),
    _conv("conv2d.err_channels", F + "conv2d(x, w)", T((2, 3, 5, 5)), T((4, 2, 3, 3))),
    _conv(
        "conv2d.err_groups_channels", F + "conv2d(x, w, groups=2)", T((2, 3, 5, 5)), T((4, 3, 3, 3))
    ),
    _conv(
        "conv2d.err_groups_divisible",
        F + "conv2d(x, w, groups=3)",
        T((2, 3, 5, 5)),
        T((4, 1, 3, 3)),
    ),
    _conv("conv2d.err_kernel_big", F + "conv2d(x, w)", T((2, 3, 5, 5)), T((4, 3, 6, 6))),
    _conv("conv2d.err_stride", F + "conv2d(x, w, stride=0)", T((2, 3, 5, 5)), T((4, 3, 3, 3))),
    _conv("conv2d.err_padding", F + "conv2d(x, w, padding=-1)", T((2, 3, 5, 5)), T((4, 3, 3, 3))),
    _conv("conv2d.err_dilation", F + "conv2d(x, w, dilation=0)", T((2, 3, 5, 5)), T((4, 3, 3, 3))),
    _conv("conv2d.err_groups", F + "conv2d(x, w, groups=0)", T((2, 3, 5, 5)), T((4, 3, 3, 3))),
    _conv("conv2d.err_bias", F + "conv2d(x, w, b)", T((2, 3, 5, 5)), T((4, 3, 3, 3)), T((5,))),
    _conv("conv2d.err_dtype", F + "conv2d(x, w)", T((2, 3, 5, 5)), T((4, 3, 3, 3), "float64")),
    _conv(
        "conv2d.err_dtype_input", F + "conv2d(x, w)", T((2, 3, 5, 5), "float64"), T((4, 3, 3, 3))
    ),
    _conv(
        "conv2d.err_bias_dtype",
        F + "conv2d(x, w, b)",
        T((2, 3, 5, 5)),
        T((4, 3, 3, 3)),
        T((4,), "float64"),
    ),
    _conv(
        "conv2d.err_same_strided",
        F + "conv2d(x, w, padding='same', stride=2)",
        T((2, 3, 5, 5)),
        T((4, 3, 3, 3)),
    ),
    _conv(
        "conv2d.err_padding_string",
        F + "conv2d(x, w, padding='full')",
        T((2, 3, 5, 5)),
        T((4, 3, 3, 3)),
    ),
    _conv(
        "conv2d.err_stride_len",
        F + "conv2d(x, w, stride=(1, 1, 1))",
        T((2, 3, 5, 5)),
        T((4, 3, 3, 3)),
    ),
    _conv("conv2d.err_weight_rank", F + "conv2d(x, w)", T((2, 3, 5, 5)), T((4, 3, 3))),
    _conv("conv2d.err_bool", F + "conv2d(x, w)", T((2, 3, 5, 5), "bool"), T((4, 3, 3, 3), "bool")),
    _conv("conv2d.err_empty_weight", F + "conv2d(x, w)", T((2, 3, 5, 5)), T((0, 3, 3, 3))),
    _conv(
        "conv_transpose2d.err_channels",
        F + "conv_transpose2d(x, w)",
        T((2, 3, 5, 5)),
        T((4, 2, 3, 3)),
    ),
    _conv(
        "conv_transpose2d.err_output_padding",
        F + "conv_transpose2d(x, w, output_padding=1)",
        T((2, 3, 5, 5)),
        T((3, 2, 3, 3)),
    ),
    _conv(
        "conv_transpose2d.err_padding_str",
        F + "conv_transpose2d(x, w, padding='same')",
        T((2, 3, 5, 5)),
        T((3, 2, 3, 3)),
    ),
]
