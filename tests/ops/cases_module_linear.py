"""Cases for nn.functional.linear, bilinear and torch._trilinear (the functional side of
nn.Linear / nn.Bilinear): torch's graphs (addmm / view / unsafe_view / add_) and messages."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."

_W = T((3, 4), grad=True)
_B = T((3,), grad=True)

CASES = [
    Case("linear.2d_bias", F + "linear(x, w, b)", {"x": T((5, 4), grad=True), "w": _W, "b": _B}),
    Case("linear.2d_nobias", F + "linear(x, w)", {"x": T((5, 4), grad=True), "w": _W}),
    Case("linear.1d_bias", F + "linear(x, w, b)", {"x": T((4,), grad=True), "w": _W, "b": _B}),
    Case("linear.1d_nobias", F + "linear(x, w)", {"x": T((4,), grad=True), "w": _W}),
    Case("linear.3d_bias", F + "linear(x, w, b)", {"x": T((2, 5, 4), grad=True), "w": _W, "b": _B}),
    Case("linear.3d_nobias", F + "linear(x, w)", {"x": T((2, 5, 4), grad=True), "w": _W}),
    Case(
        "linear.4d_bias", F + "linear(x, w, b)", {"x": T((2, 3, 2, 4), grad=True), "w": _W, "b": _B}
    ),
    Case(
        "linear.3d_noncontig",
        F + "linear(x.transpose(0, 1), w, b)",
        {"x": T((5, 2, 4), grad=True), "w": _W, "b": _B},
    ),
    Case(
        "linear.2d_noncontig_weight",
        F + "linear(x, w, b)",
        {"x": T((5, 4), grad=True, layout="step"), "w": T((3, 4), grad=True, layout="t"), "b": _B},
    ),
    Case("linear.x_no_grad", F + "linear(x, w, b)", {"x": T((2, 5, 4)), "w": _W, "b": _B}),
    Case(
        "linear.empty_batch", F + "linear(x, w, b)", {"x": T((0, 4), grad=True), "w": _W, "b": _B}
    ),
    Case(
        "linear.empty_features",
        F + "linear(x, w, b)",
        {"x": T((2, 0), grad=True), "w": T((3, 0), grad=True), "b": _B},
    ),
    Case(
        "linear.float64",
        F + "linear(x, w, b)",
        {"x": T((3, 4), "float64", grad=True), "w": T((3, 4), "float64"), "b": T((3,), "float64")},
    ),
    Case(
        "linear.float16",
        F + "linear(x, w, b)",
        {"x": T((3, 4), "float16"), "w": T((3, 4), "float16"), "b": T((3,), "float16")},
    ),
    Case(
        "linear.bfloat16",
        F + "linear(x, w, b)",
        {"x": T((3, 4), "bfloat16"), "w": T((3, 4), "bfloat16"), "b": T((3,), "bfloat16")},
    ),
    Case(
        "linear.complex",
        F + "linear(x, w, b)",
        {"x": T((3, 4), "complex64"), "w": T((3, 4), "complex64"), "b": T((3,), "complex64")},
    ),
    Case("linear.scalar_bias", F + "linear(x, w, b)", {"x": T((3, 4)), "w": _W, "b": T(())}),
    Case("linear.error_0d", F + "linear(x, w)", {"x": T(()), "w": _W}),
    Case("linear.error_shape", F + "linear(x, w)", {"x": T((5, 3)), "w": _W}),
    Case("linear.error_bias", F + "linear(x, w, b)", {"x": T((5, 4)), "w": _W, "b": T((2,))}),
    Case("linear.error_dtype", F + "linear(x, w)", {"x": T((5, 4), "float64"), "w": _W}),
    Case(
        "linear.error_int", F + "linear(x, w)", {"x": T((5, 4), "int64"), "w": T((3, 4), "int64")}
    ),
]

_W3 = T((3, 4, 2), grad=True)
CASES += [
    Case(
        "bilinear.bias",
        F + "bilinear(x1, x2, w, b)",
        {"x1": T((5, 4), grad=True), "x2": T((5, 2), grad=True), "w": _W3, "b": _B},
    ),
    Case(
        "bilinear.nobias",
        F + "bilinear(x1, x2, w)",
        {"x1": T((5, 4), grad=True), "x2": T((5, 2), grad=True), "w": _W3},
    ),
    Case(
        "bilinear.3d",
        "torch.bilinear(x1, x2, w, b)",
        {"x1": T((2, 3, 4), grad=True), "x2": T((2, 3, 2), grad=True), "w": _W3, "b": _B},
    ),
    Case(
        "bilinear.1d",
        F + "bilinear(x1, x2, w, b)",
        {"x1": T((4,), grad=True), "x2": T((2,), grad=True), "w": _W3, "b": _B},
    ),
    Case(
        "bilinear.noncontig",
        F + "bilinear(x1, x2, w)",
        {"x1": T((4, 5), grad=True, layout="t"), "x2": T((5, 2), layout="step"), "w": _W3},
    ),
    Case(
        "bilinear.float64",
        F + "bilinear(x1, x2, w)",
        {
            "x1": T((3, 4), "float64", grad=True),
            "x2": T((3, 2), "float64"),
            "w": T((3, 4, 2), "float64", grad=True),
        },
    ),
    Case(
        "bilinear.empty",
        F + "bilinear(x1, x2, w, b)",
        {"x1": T((0, 4), grad=True), "x2": T((0, 2)), "w": _W3, "b": _B},
    ),
    Case(
        "bilinear.error_dtype",
        F + "bilinear(x1, x2, w)",
        {"x1": T((5, 4)), "x2": T((5, 2), "float64"), "w": T((3, 4, 2))},
    ),
    Case(
        "bilinear.error_bias_dtype",
        F + "bilinear(x1, x2, w, b)",
        {"x1": T((5, 4)), "x2": T((5, 2)), "w": T((3, 4, 2)), "b": T((3,), "float64")},
    ),
    Case(
        "bilinear.error_ndim", F + "bilinear(x1, x2, w)", {"x1": T((5, 4)), "x2": T((2,)), "w": _W3}
    ),
    Case(
        "bilinear.error_batch",
        F + "bilinear(x1, x2, w)",
        {"x1": T((5, 4)), "x2": T((6, 2)), "w": _W3},
    ),
    Case(
        "bilinear.error_in1",
        F + "bilinear(x1, x2, w)",
        {"x1": T((5, 3)), "x2": T((5, 2)), "w": _W3},
    ),
    Case(
        "bilinear.error_in2",
        F + "bilinear(x1, x2, w)",
        {"x1": T((5, 4)), "x2": T((5, 3)), "w": _W3},
    ),
    Case(
        "bilinear.error_bias",
        F + "bilinear(x1, x2, w, b)",
        {"x1": T((5, 4)), "x2": T((5, 2)), "w": _W3, "b": T((4,))},
    ),
    Case(
        "_trilinear.bilinear_form",
        "torch._trilinear(x1, w, x2, [1, 3], [0], [1, 2], [2, 3])",
        {"x1": T((5, 4), grad=True), "w": _W3, "x2": T((5, 2), grad=True)},
    ),
    Case(
        "_trilinear.no_sum",
        "torch._trilinear(a, b, c, [1], [0], [0], [])",
        {"a": T((3, 4), grad=True), "b": T((2, 4), grad=True), "c": T((2, 4), grad=True)},
    ),
]
