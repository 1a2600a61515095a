"""Cases for max/avg/lp/adaptive pooling and max_unpool (nn_pool.py, nn_pool_adaptive.py)."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."
X4 = T((2, 3, 8, 7), grad=True)
X4D = T((2, 3, 8, 7), "float64", grad=True)

CASES = [
    Case("max_pool2d.basic", F + "max_pool2d(x, 2)", {"x": X4}),
    Case("max_pool2d.stride_pad_ceil", F + "max_pool2d(x, 3, 2, 1, ceil_mode=True)", {"x": X4D}),
    Case("max_pool2d.dilation", F + "max_pool2d(x, (3, 2), (2, 1), 1, (2, 3))", {"x": X4D}),
    Case(
        "max_pool2d.indices",
        F + "max_pool2d(x, 3, 2, 1, ceil_mode=True, return_indices=True)",
        {"x": X4},
    ),
    Case(
        "max_pool2d.unbatched",
        F + "max_pool2d(x, 2, return_indices=True)",
        {"x": T((3, 6, 5), grad=True)},
    ),
    Case("max_pool2d.t", F + "max_pool2d(x, 2)", {"x": T((2, 3, 6, 7), grad=True, layout="t")}),
    Case(
        "max_pool2d.step",
        F + "max_pool2d(x, 2, 1)",
        {"x": T((2, 3, 6, 7), grad=True, layout="step")},
    ),
    Case(
        "max_pool2d.expand",
        F + "max_pool2d(x, 2)",
        {"x": T((2, 3, 6, 7), grad=True, layout="expand")},
    ),
    Case("max_pool2d.empty_batch", F + "max_pool2d(x, 2)", {"x": T((0, 3, 4, 4))}),
    Case("max_pool2d.float16", F + "max_pool2d(x, 2)", {"x": T((2, 3, 4, 4), "float16")}),
    Case("max_pool2d.bfloat16", F + "max_pool2d(x, 2)", {"x": T((2, 3, 4, 4), "bfloat16")}),
    Case(
        "max_pool2d.int64",
        F + "max_pool2d(x, 2, return_indices=True)",
        {"x": T((2, 3, 4, 4), "int64")},
    ),
    Case(
        "max_pool2d.nan",
        F + "max_pool2d(x, 2)",
        {"x": T((1, 1, 2, 4), values=[[1, float("nan"), 2, 3], [0, 5, 2, 3]])},
    ),
    Case(
        "max_pool2d.nan_ties_indices",
        F + "max_pool2d(x, 2, return_indices=True)",
        {
            "x": T(
                (1, 1, 2, 6),
                values=[[float("nan"), 1, 4, 4, 2, float("nan")], [float("nan"), 0, 4, 1, 2, 2]],
            )
        },
    ),
    Case(
        "max_pool2d.ties",
        F + "max_pool2d(x, 2, return_indices=True)",
        {"x": T((1, 1, 2, 4), values=[[1, 1, 2, 3], [1, 1, 3, 3]], grad=True)},
    ),
    Case("max_pool2d.function", "torch.max_pool2d(x, 2)", {"x": X4}),
    Case(
        "max_pool1d.basic",
        F + "max_pool1d(x, 3, 2, 1, ceil_mode=True)",
        {"x": T((2, 3, 8), grad=True)},
    ),
    Case(
        "max_pool1d.indices",
        F + "max_pool1d(x, 2, return_indices=True)",
        {"x": T((3, 8), grad=True)},
    ),
    Case(
        "max_pool1d.dilation",
        F + "max_pool1d(x, 2, 1, 0, 3)",
        {"x": T((2, 3, 8), "float64", grad=True)},
    ),
    Case(
        "max_pool3d.basic",
        F + "max_pool3d(x, (2, 3, 2), (1, 2, 2), 1)",
        {"x": T((2, 2, 4, 5, 6), "float64", grad=True)},
    ),
    Case(
        "max_pool3d.indices",
        F + "max_pool3d(x, 2, return_indices=True, ceil_mode=True)",
        {"x": T((2, 5, 5, 3), grad=True)},
    ),
    Case("avg_pool2d.basic", F + "avg_pool2d(x, 2)", {"x": X4}),
    Case("avg_pool2d.pad_ceil", F + "avg_pool2d(x, 3, 2, 1, ceil_mode=True)", {"x": X4D}),
    Case("avg_pool2d.no_count_pad", F + "avg_pool2d(x, 3, 2, 1, True, False)", {"x": X4D}),
    Case(
        "avg_pool2d.divisor", F + "avg_pool2d(x, (3, 2), (2, 1), 1, divisor_override=5)", {"x": X4D}
    ),
    Case("avg_pool2d.unbatched", F + "avg_pool2d(x, 2, 1)", {"x": T((3, 6, 5), grad=True)}),
    Case("avg_pool2d.t", F + "avg_pool2d(x, 2)", {"x": T((2, 3, 6, 7), grad=True, layout="t")}),
    Case("avg_pool2d.float16", F + "avg_pool2d(x, 2)", {"x": T((2, 3, 4, 4), "float16")}),
    Case("avg_pool2d.bfloat16", F + "avg_pool2d(x, 2)", {"x": T((2, 3, 4, 4), "bfloat16")}),
    Case("avg_pool2d.int64", F + "avg_pool2d(x, 2)", {"x": T((2, 3, 4, 4), "int64")}),
    Case(
        "avg_pool1d.basic",
        F + "avg_pool1d(x, 3, 2, 1, True, False)",
        {"x": T((2, 3, 8), grad=True)},
    ),
    Case("avg_pool1d.unbatched", F + "avg_pool1d(x, 2)", {"x": T((3, 8), grad=True)}),
    Case("avg_pool1d.function", "torch.avg_pool1d(x, 2)", {"x": T((2, 3, 8), grad=True)}),
    Case(
        "avg_pool3d.basic",
        F + "avg_pool3d(x, (2, 3, 2), (1, 2, 2), 1)",
        {"x": T((2, 2, 4, 5, 6), "float64", grad=True)},
    ),
    Case(
        "avg_pool3d.ceil_divisor",
        F + "avg_pool3d(x, 2, ceil_mode=True, divisor_override=3)",
        {"x": T((2, 5, 5, 3), grad=True)},
    ),
    Case("lp_pool2d.basic", F + "lp_pool2d(x, 2, 3, 2, ceil_mode=True)", {"x": X4D}),
    Case("lp_pool1d.basic", F + "lp_pool1d(x, 2, 3)", {"x": T((2, 3, 8), grad=True)}),
    Case(
        "lp_pool2d.norm3",
        F + "lp_pool2d(x, 3, 2)",
        {"x": T((2, 3, 4, 4), "float64", grad=True, low=0.1)},
    ),
    Case("adaptive_avg_pool2d.basic", F + "adaptive_avg_pool2d(x, (3, 4))", {"x": X4D}),
    Case(
        "adaptive_avg_pool2d.none",
        F + "adaptive_avg_pool2d(x, (None, 4))",
        {"x": T((3, 8, 7), grad=True)},
    ),
    Case("adaptive_avg_pool2d.one", F + "adaptive_avg_pool2d(x, 1)", {"x": X4}),
    Case(
        "adaptive_avg_pool2d.bigger",
        F + "adaptive_avg_pool2d(x, (5, 9))",
        {"x": T((2, 3, 4, 7), grad=True)},
    ),
    Case("adaptive_avg_pool2d.zero", F + "adaptive_avg_pool2d(x, 0)", {"x": T((2, 3, 4, 4))}),
    Case(
        "adaptive_avg_pool2d.float16",
        F + "adaptive_avg_pool2d(x, 3)",
        {"x": T((2, 3, 5, 5), "float16")},
    ),
    Case(
        "adaptive_avg_pool2d.bfloat16",
        F + "adaptive_avg_pool2d(x, 3)",
        {"x": T((2, 3, 5, 5), "bfloat16")},
    ),
    Case(
        "adaptive_avg_pool2d.t",
        F + "adaptive_avg_pool2d(x, 3)",
        {"x": T((2, 3, 6, 7), grad=True, layout="t")},
    ),
    Case(
        "adaptive_avg_pool1d.basic", F + "adaptive_avg_pool1d(x, 3)", {"x": T((2, 3, 7), grad=True)}
    ),
    Case(
        "adaptive_avg_pool3d.basic",
        F + "adaptive_avg_pool3d(x, (2, 3, 4))",
        {"x": T((2, 2, 5, 7, 9), "float64", grad=True)},
    ),
    Case("adaptive_max_pool2d.basic", F + "adaptive_max_pool2d(x, (3, 4), True)", {"x": X4D}),
    Case(
        "adaptive_max_pool2d.bigger",
        F + "adaptive_max_pool2d(x, (5, 9))",
        {"x": T((2, 3, 4, 7), grad=True)},
    ),
    Case(
        "adaptive_max_pool2d.unbatched",
        F + "adaptive_max_pool2d(x, 3)",
        {"x": T((3, 8, 7), grad=True)},
    ),
    Case(
        "adaptive_max_pool1d.basic",
        F + "adaptive_max_pool1d(x, 3, return_indices=True)",
        {"x": T((2, 3, 7), grad=True)},
    ),
    Case(
        "adaptive_max_pool3d.basic",
        F + "adaptive_max_pool3d(x, (2, 3, 4))",
        {"x": T((2, 2, 5, 7, 9), "float64", grad=True)},
    ),
    Case(
        "max_unpool2d.basic",
        F + "max_unpool2d(*" + F + "max_pool2d(x, 2, return_indices=True), 2)",
        {"x": T((2, 3, 8, 6), grad=True)},
    ),
    Case(
        "max_unpool2d.output_size",
        F + "max_unpool2d(*" + F + "max_pool2d(x, 3, 2, 1, return_indices=True), 3, 2, 1, (8, 7))",
        {"x": X4D},
    ),
    Case(
        "max_unpool1d.basic",
        F + "max_unpool1d(*" + F + "max_pool1d(x, 2, return_indices=True), 2)",
        {"x": T((2, 3, 8), grad=True)},
    ),
    Case(
        "max_unpool3d.basic",
        F + "max_unpool3d(*" + F + "max_pool3d(x, 2, return_indices=True), 2)",
        {"x": T((1, 2, 4, 4, 4), grad=True)},
    ),
    # errors
    Case("max_pool2d.err_pad", F + "max_pool2d(x, 2, padding=2)", {"x": X4}),
    Case("max_pool2d.err_kernel_len", F + "max_pool2d(x, (2, 2, 2))", {"x": X4}),
    Case("max_pool2d.err_too_small", F + "max_pool2d(x, 9)", {"x": X4}),
    Case("max_pool2d.err_rank", F + "max_pool2d(x, 2)", {"x": T((5, 5))}),
    Case("max_pool2d.err_stride", F + "max_pool2d(x, 2, 0)", {"x": X4}),
    Case("max_pool2d.err_dilation", F + "max_pool2d(x, 2, dilation=0)", {"x": X4}),
    Case("max_pool2d.err_bool", F + "max_pool2d(x, 2)", {"x": T((2, 3, 4, 4), "bool")}),
    Case("max_pool2d.err_empty", F + "max_pool2d(x, 2)", {"x": T((2, 0, 4, 4))}),
    Case("max_pool1d.err_rank", F + "max_pool1d(x, 2)", {"x": X4}),
    Case("max_pool1d.err_size", F + "max_pool1d(x, 9)", {"x": T((2, 3, 8))}),
    Case("avg_pool2d.err_divisor", F + "avg_pool2d(x, 2, divisor_override=0)", {"x": X4}),
    Case("avg_pool2d.err_too_small", F + "avg_pool2d(x, 9)", {"x": X4}),
    Case("avg_pool2d.err_pad", F + "avg_pool2d(x, 2, padding=2)", {"x": X4}),
    Case("adaptive_avg_pool2d.err_len", F + "adaptive_avg_pool2d(x, (1, 2, 3))", {"x": X4}),
    Case("adaptive_avg_pool2d.err_rank", F + "adaptive_avg_pool2d(x, 2)", {"x": T((5, 5))}),
    Case(
        "adaptive_avg_pool2d.err_int",
        F + "adaptive_avg_pool2d(x, 2)",
        {"x": T((2, 3, 4, 4), "int64")},
    ),
    Case("adaptive_avg_pool2d.err_negative", F + "adaptive_avg_pool2d(x, -1)", {"x": X4}),
    Case("adaptive_avg_pool2d.err_empty", F + "adaptive_avg_pool2d(x, 2)", {"x": T((2, 3, 0, 4))}),
    Case(
        "adaptive_max_pool2d.err_int",
        F + "adaptive_max_pool2d(x, 2)",
        {"x": T((2, 3, 4, 4), "int64")},
    ),
]
