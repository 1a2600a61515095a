"""Cases for F.affine_grid / torch.affine_grid_generator and F.grid_sample / torch.grid_sampler
(nn_grid.py, nn_grid_sample.py)."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."
AG = F + "affine_grid"
GS = F + "grid_sample"

X4 = T((2, 3, 4, 5), grad=True)
G4 = T((2, 3, 4, 2), grad=True, low=-1.3, high=1.3)
X5 = T((2, 2, 3, 4, 5), grad=True)
G5 = T((2, 2, 3, 4, 3), grad=True, low=-1.3, high=1.3)


def _sample_cases():
    cases = []
    for mode in ("bilinear", "nearest", "bicubic"):
        for pad in ("zeros", "border", "reflection"):
            for ac in (False, True):
                pre = f"grid_sample.{mode}_{pad}_{'align' if ac else 'noalign'}"
                call = f"{GS}(x, g, mode={mode!r}, padding_mode={pad!r}, align_corners={ac})"
                # float32 bicubic grid gradients sum 16 cancelling terms: allow their rounding
                atol = 1e-4 if mode == "bicubic" else None
                cases.append(Case(pre, call, {"x": X4, "g": G4}, atol=atol))
                cases.append(
                    Case(
                        pre + "_f64",
                        call,
                        {
                            "x": T((1, 2, 5, 3), "float64", grad=True),
                            "g": T((1, 4, 2, 2), "float64", grad=True, low=-2, high=2),
                        },
                    )
                )
                if mode != "bicubic":
                    cases.append(Case(pre + "_3d", call, {"x": X5, "g": G5}))
    return cases


CASES = _sample_cases() + [
    Case(
        "affine_grid.2d",
        f"{AG}(t, (2, 3, 4, 5), align_corners=False)",
        {"t": T((2, 2, 3), grad=True)},
    ),
    Case(
        "affine_grid.2d_align",
        f"{AG}(t, [2, 1, 3, 2], align_corners=True)",
        {"t": T((2, 2, 3), grad=True)},
    ),
    Case(
        "affine_grid.3d",
        f"{AG}(t, (1, 2, 3, 4, 2), align_corners=False)",
        {"t": T((1, 3, 4), grad=True)},
    ),
    Case(
        "affine_grid.3d_align",
        f"{AG}(t, (2, 1, 2, 3, 4), align_corners=True)",
        {"t": T((2, 3, 4), "float64", grad=True)},
    ),
    Case(
        "affine_grid.float64",
        f"{AG}(t, (2, 3, 5, 4), align_corners=False)",
        {"t": T((2, 2, 3), "float64", grad=True)},
    ),
    Case(
        "affine_grid.half",
        f"{AG}(t, (2, 3, 5, 4), align_corners=False)",
        {"t": T((2, 2, 3), "float16")},
    ),
    Case(
        "affine_grid.bfloat16",
        f"{AG}(t, (2, 3, 5, 4), align_corners=True)",
        {"t": T((2, 2, 3), "bfloat16")},
    ),
    Case(
        "affine_grid.unit_size",
        f"{AG}(t, (2, 3, 1, 4), align_corners=True)",
        {"t": T((2, 2, 3), grad=True)},
    ),
    Case(
        "affine_grid.unit_noalign",
        f"{AG}(t, (2, 3, 1, 1), align_corners=False)",
        {"t": T((2, 2, 3), grad=True)},
    ),
    Case("affine_grid.default_align", f"{AG}(t, (1, 1, 2, 3))", {"t": T((1, 2, 3), grad=True)}),
    Case(
        "affine_grid.transposed",
        f"{AG}(t, (2, 1, 3, 3), align_corners=False)",
        {"t": T((2, 3, 2), grad=True, layout="t")},
    ),
    Case(
        "affine_grid.expand",
        f"{AG}(t, (3, 1, 3, 3), align_corners=False)",
        {"t": T((3, 2, 3), grad=True, layout="expand")},
    ),
    Case(
        "affine_grid.double_backward",
        f"out = torch.autograd.grad(({AG}(t, (2, 1, 3, 4), align_corners=False) ** 2).sum(), t, "
        "create_graph=True)[0]",
        {"t": T((2, 2, 3), "float64", grad=True)},
    ),
    Case(
        "affine_grid.generator",
        "torch.affine_grid_generator(t, (2, 1, 3, 4), False)",
        {"t": T((2, 2, 3), grad=True)},
    ),
    Case(
        "affine_grid.int_theta",
        f"{AG}(t, (2, 1, 3, 4), align_corners=False)",
        {"t": T((2, 2, 3), "int64")},
    ),
    Case(
        "affine_grid.bad_theta", f"{AG}(t, (2, 1, 3, 4), align_corners=False)", {"t": T((2, 3, 4))}
    ),
    Case(
        "affine_grid.bad_theta_3d",
        f"{AG}(t, [2, 1, 3, 4, 5], align_corners=False)",
        {"t": T((2, 2, 3))},
    ),
    Case("affine_grid.bad_size", f"{AG}(t, (2, 1, 3), align_corners=False)", {"t": T((2, 2, 3))}),
    Case(
        "affine_grid.zero_size",
        f"{AG}(t, torch.Size([2, 1, 0, 4]), align_corners=False)",
        {"t": T((2, 2, 3))},
    ),
    Case(
        "affine_grid.batch_mismatch",
        f"{AG}(t, (3, 1, 2, 4), align_corners=True)",
        {"t": T((2, 2, 3))},
    ),
    Case("grid_sample.default", f"{GS}(x, g)", {"x": X4, "g": G4}),
    Case(
        "grid_sample.half",
        f"{GS}(x, g, align_corners=False)",
        {"x": T((1, 2, 3, 4), "float16"), "g": T((1, 2, 2, 2), "float16", low=-1, high=1)},
    ),
    Case(
        "grid_sample.bfloat16",
        f"{GS}(x, g, align_corners=True)",
        {"x": T((1, 2, 3, 4), "bfloat16"), "g": T((1, 2, 2, 2), "bfloat16", low=-1, high=1)},
    ),
    Case(
        "grid_sample.x_transposed",
        f"{GS}(x, g, align_corners=False)",
        {"x": T((2, 3, 5, 4), grad=True, layout="t"), "g": G4},
    ),
    Case(
        "grid_sample.g_step",
        f"{GS}(x, g, align_corners=False)",
        {"x": X4, "g": T((2, 3, 4, 2), grad=True, layout="step")},
    ),
    Case(
        "grid_sample.expand",
        f"{GS}(x, g, align_corners=False)",
        {"x": T((2, 3, 4, 5), grad=True, layout="expand"), "g": G4},
    ),
    Case(
        "grid_sample.empty_batch",
        f"{GS}(x, g, align_corners=False)",
        {"x": T((0, 3, 4, 5), grad=True), "g": T((0, 3, 4, 2), grad=True)},
    ),
    Case(
        "grid_sample.empty_grid",
        f"{GS}(x, g, align_corners=False)",
        {"x": T((2, 3, 4, 5)), "g": T((2, 0, 4, 2))},
    ),
    Case(
        "grid_sample.empty_channels",
        f"{GS}(x, g, align_corners=False)",
        {"x": T((2, 0, 4, 5)), "g": T((2, 3, 4, 2))},
    ),
    Case(
        "grid_sample.only_grid_grad",
        f"{GS}(x, g, align_corners=False)",
        {"x": T((2, 3, 4, 5)), "g": G4},
    ),
    Case(
        "grid_sample.only_input_grad",
        f"{GS}(x, g, mode='bicubic', align_corners=False)",
        {"x": X4, "g": T((2, 3, 4, 2))},
    ),
    Case(
        "grid_sample.affine",
        f"{GS}(x, {AG}(t, (2, 3, 3, 3), align_corners=False), align_corners=False)",
        {"x": X4, "t": T((2, 2, 3), grad=True)},
    ),
    Case(
        "grid_sample.double_backward",
        f"gx, gg = torch.autograd.grad(({GS}(x, g, align_corners=False) ** 2).sum(), (x, g), "
        "create_graph=True); out = (gx, gg)",
        {
            "x": T((1, 2, 3, 4), "float64", grad=True),
            "g": T((1, 2, 2, 2), "float64", grad=True, low=-1, high=1),
        },
    ),
    Case("grid_sampler.function", "torch.grid_sampler(x, g, 0, 0, False)", {"x": X4, "g": G4}),
    Case("grid_sampler_2d.function", "torch.grid_sampler_2d(x, g, 2, 1, True)", {"x": X4, "g": G4}),
    Case(
        "grid_sampler_3d.function", "torch.grid_sampler_3d(x, g, 1, 2, False)", {"x": X5, "g": G5}
    ),
    Case("grid_sampler_2d.5d", "torch.grid_sampler_2d(x, g, 0, 0, False)", {"x": X5, "g": G5}),
    Case("grid_sampler_3d.4d", "torch.grid_sampler_3d(x, g, 0, 0, False)", {"x": X4, "g": G4}),
    Case("grid_sample.bad_mode", f"{GS}(x, g, mode='foo')", {"x": X4, "g": G4}),
    Case("grid_sample.bad_padding", f"{GS}(x, g, padding_mode='foo')", {"x": X4, "g": G4}),
    Case(
        "grid_sample.int64",
        f"{GS}(x, g, align_corners=False)",
        {"x": T((1, 2, 3, 4), "int64"), "g": T((1, 2, 2, 2), "int64")},
    ),
    Case(
        "grid_sample.dtype_mismatch",
        f"{GS}(x, g, align_corners=False)",
        {"x": X4, "g": T((2, 3, 4, 2), "float64")},
    ),
    Case(
        "grid_sample.batch_mismatch",
        f"{GS}(x, g, align_corners=False)",
        {"x": X4, "g": T((1, 3, 4, 2))},
    ),
    Case(
        "grid_sample.last_dim", f"{GS}(x, g, align_corners=False)", {"x": X4, "g": T((2, 3, 4, 3))}
    ),
    Case(
        "grid_sample.grid_dims",
        f"{GS}(x, g, align_corners=False)",
        {"x": X4, "g": T((2, 3, 4, 1, 2))},
    ),
    Case(
        "grid_sample.3d_input",
        f"{GS}(x, g, align_corners=False)",
        {"x": T((3, 4, 5)), "g": T((3, 2, 1))},
    ),
    Case(
        "grid_sample.bicubic_5d",
        f"{GS}(x, g, mode='bicubic', align_corners=False)",
        {"x": X5, "g": G5},
    ),
    Case(
        "grid_sample.empty_spatial",
        f"{GS}(x, g, align_corners=False)",
        {"x": T((2, 3, 0, 5)), "g": G4},
    ),
]
