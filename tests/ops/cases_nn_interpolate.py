"""Cases for F.interpolate, F.upsample, F.upsample_nearest, F.upsample_bilinear (nn_interpolate.py)."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."
I = F + "interpolate"

_SHAPES = {1: (2, 3, 5), 2: (2, 2, 3, 5), 3: (1, 2, 3, 4, 2)}
_MODES = {
    "nearest": (1, 2, 3),
    "nearest-exact": (1, 2, 3),
    "linear": (1,),
    "bilinear": (2,),
    "trilinear": (3,),
    "bicubic": (2,),
    "area": (1, 2, 3),
}
_ALIGNABLE = ("linear", "bilinear", "trilinear", "bicubic")


def _mode_cases():
    cases = []
    for mode, dims in _MODES.items():
        tag = mode.replace("-", "_")
        for nd in dims:
            x = T(_SHAPES[nd], grad=True)
            pre = f"interpolate.{tag}{nd}d"
            cases += [
                Case(f"{pre}.scale2", f"{I}(x, scale_factor=2, mode={mode!r})", {"x": x}),
                Case(f"{pre}.scale_frac", f"{I}(x, scale_factor=1.7, mode={mode!r})", {"x": x}),
                Case(f"{pre}.down", f"{I}(x, scale_factor=0.6, mode={mode!r})", {"x": x}),
                Case(
                    f"{pre}.size",
                    f"{I}(x, size={(7, 4, 3)[:nd]!r}, mode={mode!r})",
                    {"x": x},
                ),
                Case(
                    f"{pre}.recompute",
                    f"{I}(x, scale_factor=1.3, mode={mode!r}, recompute_scale_factor=True)",
                    {"x": x},
                ),
                Case(
                    f"{pre}.float64",
                    f"{I}(x, scale_factor=2.5, mode={mode!r})",
                    {"x": T(_SHAPES[nd], "float64", grad=True)},
                ),
                Case(
                    f"{pre}.half",
                    f"{I}(x, scale_factor=2, mode={mode!r})",
                    {"x": T(_SHAPES[nd], "float16", grad=True)},
                ),
                Case(
                    f"{pre}.bfloat16",
                    f"{I}(x, scale_factor=1.5, mode={mode!r})",
                    {"x": T(_SHAPES[nd], "bfloat16", grad=True)},
                ),
                Case(
                    f"{pre}.step",
                    f"{I}(x, scale_factor=2, mode={mode!r})",
                    {"x": T(_SHAPES[nd], grad=True, layout="step")},
                ),
                Case(
                    f"{pre}.transposed",
                    f"{I}(x, scale_factor=1.5, mode={mode!r})",
                    {"x": T(_SHAPES[nd], grad=True, layout="t")},
                ),
                Case(
                    f"{pre}.expand",
                    f"{I}(x, scale_factor=2, mode={mode!r})",
                    {"x": T(_SHAPES[nd], grad=True, layout="expand")},
                ),
                Case(
                    f"{pre}.empty_batch",
                    f"{I}(x, scale_factor=2, mode={mode!r})",
                    {"x": T((0,) + _SHAPES[nd][1:], grad=True)},
                ),
                Case(
                    f"{pre}.int64",
                    f"{I}(x, scale_factor=2, mode={mode!r})",
                    {"x": T(_SHAPES[nd], "int64")},
                ),
                Case(
                    f"{pre}.zero_size",
                    f"{I}(x, size={(0, 4, 3)[:nd]!r}, mode={mode!r})",
                    {"x": T(_SHAPES[nd])},
                ),
            ]
            if mode != "area":
                cases.append(
                    Case(
                        f"{pre}.double_backward",
                        "out = torch.autograd.grad("
                        f"({I}(x, scale_factor=1.5, mode={mode!r}) ** 2).sum(), x, "
                        "create_graph=True)[0]",
                        {"x": T(_SHAPES[nd], "float64", grad=True)},
                    )
                )
            if mode.startswith("nearest"):
                cases.append(
                    Case(
                        f"{pre}.uint8",
                        f"{I}(x, scale_factor=1.5, mode={mode!r})",
                        {"x": T(_SHAPES[nd], "uint8")},
                    )
                )
            if mode in _ALIGNABLE:
                cases += [
                    Case(
                        f"{pre}.align",
                        f"{I}(x, scale_factor=2, mode={mode!r}, align_corners=True)",
                        {"x": x},
                    ),
                    Case(
                        f"{pre}.align_down",
                        f"{I}(x, size={(2, 1, 1)[:nd]!r}, mode={mode!r}, align_corners=True)",
                        {"x": x},
                    ),
                    Case(
                        f"{pre}.align_float64",
                        f"{I}(x, scale_factor=1.3, mode={mode!r}, align_corners=True)",
                        {"x": T(_SHAPES[nd], "float64", grad=True)},
                    ),
                ]
            else:
                cases.append(
                    Case(
                        f"{pre}.align_error",
                        f"{I}(x, scale_factor=2, mode={mode!r}, align_corners=False)",
                        {"x": x},
                    )
                )
    # adaptive_avg_pool3d's own message names its CPU kernel differently (nn_pool_adaptive.py)
    return [c for c in cases if c.name != "interpolate.area3d.int64"]


X4 = T((1, 2, 6, 9), grad=True)
X4_64 = T((1, 2, 6, 9), "float64", grad=True)

CASES = _mode_cases() + [
    Case("interpolate.default_mode", f"{I}(x, scale_factor=3)", {"x": X4}),
    Case("interpolate.scale_list", f"{I}(x, scale_factor=[2.0, 0.5], mode='bilinear')", {"x": X4}),
    Case("interpolate.scale_tuple_near", f"{I}(x, scale_factor=(1.5, 2.2))", {"x": X4}),
    Case("interpolate.size_int", f"{I}(x, size=5, mode='bicubic')", {"x": X4}),
    Case("interpolate.size_same", f"{I}(x, size=(6, 9), mode='bilinear')", {"x": X4}),
    Case("interpolate.size_same_cubic", f"{I}(x, size=(6, 9), mode='bicubic')", {"x": X4}),
    Case("interpolate.nearest_down", f"{I}(x, size=(4, 4))", {"x": X4}),
    Case(
        "interpolate.bilinear_aa_down",
        f"{I}(x, size=(3, 4), mode='bilinear', antialias=True)",
        {"x": X4},
    ),
    Case(
        "interpolate.bilinear_aa_up",
        f"{I}(x, size=(8, 11), mode='bilinear', antialias=True)",
        {"x": X4},
    ),
    Case(
        "interpolate.bilinear_aa_align",
        f"{I}(x, size=(4, 5), mode='bilinear', antialias=True, align_corners=True)",
        {"x": X4},
    ),
    Case(
        "interpolate.bilinear_aa_scale",
        f"{I}(x, scale_factor=0.4, mode='bilinear', antialias=True)",
        {"x": X4_64},
    ),
    Case(
        "interpolate.bicubic_aa_down",
        f"{I}(x, size=(3, 4), mode='bicubic', antialias=True)",
        {"x": X4},
    ),
    Case(
        "interpolate.bicubic_aa_up",
        f"{I}(x, size=(7, 12), mode='bicubic', antialias=True)",
        {"x": X4_64},
    ),
    Case(
        "interpolate.bicubic_aa_align",
        f"{I}(x, size=(4, 5), mode='bicubic', antialias=True, align_corners=True)",
        {"x": X4},
    ),
    *[
        Case(
            f"interpolate.uint8_{mode}_{tag}",
            f"{I}(x, {arg}, mode={mode!r}{extra})",
            {"x": T((n, c, 5, 7), "uint8")},
        )
        for mode in ("bilinear", "bicubic")
        for tag, arg, extra, n, c in (
            ("up", "scale_factor=2", "", 1, 3),
            ("frac", "scale_factor=1.7", "", 2, 5),
            ("down", "size=(3, 4)", "", 1, 3),
            ("align", "size=(8, 11)", ", align_corners=True", 2, 5),
            ("aa_down", "size=(2, 3)", ", antialias=True", 1, 3),
            ("aa_up", "size=(8, 11)", ", antialias=True", 2, 5),
        )
    ],
    Case(
        "interpolate.linear_uint8_error",
        f"{I}(x, scale_factor=2, mode='linear')",
        {"x": T((1, 2, 3), "uint8")},
    ),
    Case(
        "interpolate.trilinear_uint8_error",
        f"{I}(x, scale_factor=2, mode='trilinear')",
        {"x": T((1, 1, 2, 2, 2), "uint8")},
    ),
    Case("interpolate.bool_error", f"{I}(x, scale_factor=2)", {"x": T((1, 1, 2, 2), "bool")}),
    Case(
        "interpolate.aa_int64_error",
        f"{I}(x, size=(1, 2), mode='bilinear', antialias=True)",
        {"x": T((1, 1, 2, 2), "int64")},
    ),
    Case("interpolate.no_size", f"{I}(x)", {"x": X4}),
    Case("interpolate.both", f"{I}(x, size=3, scale_factor=2)", {"x": X4}),
    Case("interpolate.size_len", f"{I}(x, size=(3, 4, 5))", {"x": X4}),
    Case("interpolate.size_float", f"{I}(x, size=(3, 4.0))", {"x": X4}),
    Case("interpolate.scale_len", f"{I}(x, scale_factor=(2.0,))", {"x": X4}),
    Case(
        "interpolate.recompute_with_size", f"{I}(x, size=3, recompute_scale_factor=True)", {"x": X4}
    ),
    Case("interpolate.aa_nearest", f"{I}(x, size=3, antialias=True)", {"x": X4}),
    Case(
        "interpolate.aa_3d", f"{I}(x, size=3, mode='linear', antialias=True)", {"x": T((1, 2, 5))}
    ),
    Case("interpolate.bad_mode", f"{I}(x, size=3, mode='foo')", {"x": X4}),
    Case("interpolate.2d_input", f"{I}(x, size=3)", {"x": T((2, 5))}),
    Case("interpolate.bilinear_3d", f"{I}(x, size=3, mode='bilinear')", {"x": T((1, 2, 5))}),
    Case("interpolate.linear_4d", f"{I}(x, size=3, mode='linear')", {"x": X4}),
    Case("interpolate.trilinear_4d", f"{I}(x, size=3, mode='trilinear')", {"x": X4}),
    Case("interpolate.bicubic_5d", f"{I}(x, size=3, mode='bicubic')", {"x": T((1, 1, 2, 2, 2))}),
    Case("interpolate.negative_scale", f"{I}(x, scale_factor=-1.0)", {"x": X4}),
    Case("interpolate.empty_channels", f"{I}(x, size=3, mode='bilinear')", {"x": T((1, 0, 2, 2))}),
    Case("upsample.nearest", F + "upsample(x, scale_factor=2)", {"x": X4}),
    Case(
        "upsample.bilinear",
        F + "upsample(x, size=(4, 5), mode='bilinear', align_corners=True)",
        {"x": X4},
    ),
    Case("upsample_nearest.basic", F + "upsample_nearest(x, scale_factor=2)", {"x": X4}),
    Case("upsample_nearest.size", F + "upsample_nearest(x, size=(7, 3))", {"x": X4}),
    Case("upsample_bilinear.basic", F + "upsample_bilinear(x, scale_factor=2)", {"x": X4}),
    Case("upsample_bilinear.size", F + "upsample_bilinear(x, size=(3, 13))", {"x": X4_64}),
]
