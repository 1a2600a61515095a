"""Cases for F.pad and constant_pad_nd (nn_pad.py)."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."
X = T((2, 3, 4, 5), grad=True)

CASES = [
    Case("pad.constant", F + "pad(x, (1, 2))", {"x": X}),
    Case("pad.constant_value", F + "pad(x, (1, 2, 0, 1), value=2.5)", {"x": X}),
    Case("pad.constant_negative", F + "pad(x, (-1, 2, 3, -2))", {"x": X}),
    Case("pad.constant_all_dims", F + "pad(x, (1, 1, 1, 1, 1, 1, 1, 1))", {"x": X}),
    Case("pad.constant_int", F + "pad(x, (1, 1), value=1.5)", {"x": T((2, 3), "int64")}),
    Case("pad.constant_bool", F + "pad(x, (1, 1), value=1)", {"x": T((2, 3), "bool")}),
    Case("pad.constant_half", F + "pad(x, (1, 1))", {"x": T((2, 3), "float16")}),
    Case("pad.constant_bfloat16", F + "pad(x, (1, 1))", {"x": T((2, 3), "bfloat16")}),
    Case("pad.constant_1d", F + "pad(x, (2, 0))", {"x": T((4,), grad=True)}),
    Case("pad.constant_t", F + "pad(x, (1, 1, 2, 0))", {"x": T((3, 4), grad=True, layout="t")}),
    Case("pad.constant_empty", F + "pad(x, (1, 1, 1, 1))", {"x": T((2, 3, 0, 4), grad=True)}),
    Case("pad.constant_zero_pad", F + "pad(x, (0, 0))", {"x": X}),
    Case("pad.constant_crop_to_empty", F + "pad(x, (-2, -3))", {"x": X}),
    Case("constant_pad_nd.function", "torch.constant_pad_nd(x, (1, 2), 3.0)", {"x": X}),
    Case("pad.reflect_1d", F + "pad(x, (2, 3), mode='reflect')", {"x": T((2, 3, 5), grad=True)}),
    Case(
        "pad.reflect_1d_unbatched",
        F + "pad(x, (2, 1), mode='reflect')",
        {"x": T((3, 5), grad=True)},
    ),
    Case("pad.reflect_2d", F + "pad(x, (1, 2, 3, 3), mode='reflect')", {"x": X}),
    Case("pad.reflect_2d_negative", F + "pad(x, (-1, 2, 3, 1), mode='reflect')", {"x": X}),
    Case(
        "pad.reflect_3d",
        F + "pad(x, (1, 2, 1, 1, 2, 0), mode='reflect')",
        {"x": T((1, 2, 3, 4, 5), "float64", grad=True)},
    ),
    Case(
        "pad.reflect_3d_unbatched",
        F + "pad(x, (1, 1, 1, 1, 1, 1), mode='reflect')",
        {"x": T((2, 3, 4, 5), grad=True)},
    ),
    Case(
        "pad.reflect_step",
        F + "pad(x, (1, 1, 1, 1), mode='reflect')",
        {"x": T((2, 3, 4, 6), grad=True, layout="step")},
    ),
    Case(
        "pad.reflect_int",
        F + "pad(x, (1, 1, 1, 1), mode='reflect')",
        {"x": T((2, 3, 4, 4), "int64")},
    ),
    Case(
        "pad.reflect_half",
        F + "pad(x, (1, 1, 1, 1), mode='reflect')",
        {"x": T((2, 3, 4, 4), "float16")},
    ),
    Case(
        "pad.replicate_1d", F + "pad(x, (3, 1), mode='replicate')", {"x": T((2, 3, 5), grad=True)}
    ),
    Case("pad.replicate_2d", F + "pad(x, (1, 2, 5, 3), mode='replicate')", {"x": X}),
    Case("pad.replicate_2d_negative", F + "pad(x, (1, -2, 2, -1), mode='replicate')", {"x": X}),
    Case(
        "pad.replicate_3d",
        F + "pad(x, (1, 2, 1, 1, 2, 0), mode='replicate')",
        {"x": T((1, 2, 3, 4, 5), "float64", grad=True)},
    ),
    Case(
        "pad.replicate_bfloat16",
        F + "pad(x, (1, 1, 1, 1), mode='replicate')",
        {"x": T((2, 3, 4, 4), "bfloat16")},
    ),
    Case("pad.circular_1d", F + "pad(x, (2, 3), mode='circular')", {"x": T((2, 3, 5), grad=True)}),
    Case("pad.circular_2d", F + "pad(x, (1, 2, 3, 3), mode='circular')", {"x": X}),
    Case("pad.circular_2d_negative", F + "pad(x, (2, -1, 1, 2), mode='circular')", {"x": X}),
    Case(
        "pad.circular_3d",
        F + "pad(x, (1, 2, 1, 1, 2, 0), mode='circular')",
        {"x": T((1, 2, 3, 4, 5), "float64", grad=True)},
    ),
    Case(
        "pad.circular_unbatched", F + "pad(x, (1, 1), mode='circular')", {"x": T((4, 5), grad=True)}
    ),
    Case(
        "pad.circular_int",
        F + "pad(x, (1, 1, 1, 1), mode='circular')",
        {"x": T((2, 3, 4, 4), "int64")},
    ),
    # errors
    Case("pad.err_odd", F + "pad(x, (1, 2, 3))", {"x": X}),
    Case("pad.err_too_long", F + "pad(x, (1,) * 10)", {"x": X}),
    Case("pad.err_crop", F + "pad(x, (-3, -3))", {"x": X}),
    Case("pad.err_mode", F + "pad(x, (1, 1), mode='foo')", {"x": X}),
    Case("pad.err_reflect_size", F + "pad(x, (5, 5, 1, 1), mode='reflect')", {"x": X}),
    Case("pad.err_reflect_dims", F + "pad(x, (1, 1), mode='reflect')", {"x": X}),
    Case("pad.err_reflect_value", F + "pad(x, (1, 1, 1, 1), mode='reflect', value=1.0)", {"x": X}),
    Case(
        "pad.err_replicate_empty",
        F + "pad(x, (1, 1, 1, 1), mode='replicate')",
        {"x": T((2, 3, 0, 4))},
    ),
    Case("pad.err_circular_wrap", F + "pad(x, (6, 6, 1, 1), mode='circular')", {"x": X}),
    Case("pad.err_zero_dim", F + "pad(x, (1, 1))", {"x": T(())}),
]
