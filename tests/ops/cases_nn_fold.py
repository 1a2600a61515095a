"""Cases for F.unfold (im2col) and F.fold (col2im) (nn_fold.py)."""

from tests.ops.spec import Case, T

U = "torch.nn.functional.unfold"
FO = "torch.nn.functional.fold"

_DTYPES = ("bool", "float16", "bfloat16", "complex64", "complex128")


def _dtype_cases():
    cases = []
    for dt in _DTYPES:
        cases += [
            Case(f"im2col.{dt}", f"{U}(x, 2)", {"x": T((2, 3, 4, 4), dt)}),
            Case(f"col2im.{dt}", f"{FO}(x, (3, 4), 2)", {"x": T((2, 12, 6), dt)}),
        ]
    for dt in ("uint8", "int8", "int16", "int32", "int64"):
        cases += [
            Case(f"im2col.{dt}_error", f"{U}(x, 2)", {"x": T((2, 3, 4, 4), dt)}),
            Case(f"col2im.{dt}_error", f"{FO}(x, (3, 4), 2)", {"x": T((2, 12, 6), dt)}),
        ]
    return cases


X = T((2, 3, 5, 6), grad=True)
C = T((2, 12, 6), grad=True)

CASES = _dtype_cases() + [
    Case("im2col.basic", f"{U}(x, 2)", {"x": X}),
    Case("im2col.params", f"{U}(x, (2, 3), dilation=2, padding=1, stride=(2, 1))", {"x": X}),
    Case(
        "im2col.list_params",
        f"{U}(x, [3, 2], dilation=[1, 2], padding=[0, 2], stride=[3, 2])",
        {"x": X},
    ),
    Case("im2col.stride_gt_kernel", f"{U}(x, 2, stride=3, padding=1)", {"x": X}),
    Case("im2col.unbatched", f"{U}(x, 2)", {"x": T((3, 5, 6), grad=True)}),
    Case("im2col.empty_batch", f"{U}(x, 2)", {"x": T((0, 3, 4, 4), grad=True)}),
    Case("im2col.float64", f"{U}(x, 3, padding=1)", {"x": T((2, 3, 5, 6), "float64", grad=True)}),
    Case("im2col.transposed", f"{U}(x, 2)", {"x": T((2, 3, 5, 6), grad=True, layout="t")}),
    Case("im2col.step", f"{U}(x, 2)", {"x": T((2, 3, 5, 6), grad=True, layout="step")}),
    Case("im2col.expand", f"{U}(x, 2)", {"x": T((2, 3, 5, 6), grad=True, layout="expand")}),
    Case(
        "im2col.double_backward",
        f"out = torch.autograd.grad(({U}(x, 2, stride=2, padding=1) ** 2).sum(), x, "
        "create_graph=True)[0]",
        {"x": T((2, 3, 5, 6), "float64", grad=True)},
    ),
    Case("im2col.too_big", f"{U}(x, 7)", {"x": X}),
    Case("im2col.zero_kernel", f"{U}(x, 0)", {"x": X}),
    Case("im2col.zero_stride", f"{U}(x, 2, stride=0)", {"x": X}),
    Case("im2col.neg_padding", f"{U}(x, 2, padding=-1)", {"x": X}),
    Case("im2col.zero_dilation", f"{U}(x, 2, dilation=0)", {"x": X}),
    Case("im2col.kernel_len", f"{U}(x, (2, 2, 2))", {"x": X}),
    Case("im2col.float_kernel", f"{U}(x, 2.0)", {"x": X}),
    Case("im2col.2d_input", f"{U}(x, 2)", {"x": T((3, 4))}),
    Case("im2col.5d_input", f"{U}(x, 2)", {"x": T((1, 1, 1, 2, 3))}),
    Case("im2col.empty_channels", f"{U}(x, 2)", {"x": T((1, 0, 4, 4))}),
    Case("col2im.basic", f"{FO}(x, (3, 4), 2)", {"x": C}),
    Case("col2im.stride", f"{FO}(x, (4, 5), 2, stride=(1, 2))", {"x": C}),
    Case("col2im.overlap", f"{FO}(x, 4, 2)", {"x": T((1, 8, 9), grad=True)}),
    Case(
        "col2im.params",
        f"{FO}(x, (5, 6), (2, 3), dilation=2, padding=1, stride=(2, 1))",
        {"x": T((2, 18, 12), grad=True)},
    ),
    Case("col2im.unbatched", f"{FO}(x, (3, 4), 2)", {"x": T((12, 6), grad=True)}),
    Case("col2im.empty_batch", f"{FO}(x, (3, 4), 2)", {"x": T((0, 12, 6), grad=True)}),
    Case("col2im.float64", f"{FO}(x, (3, 4), 2)", {"x": T((2, 12, 6), "float64", grad=True)}),
    Case("col2im.transposed", f"{FO}(x, (3, 4), 2)", {"x": T((2, 12, 6), grad=True, layout="t")}),
    Case("col2im.step", f"{FO}(x, (3, 4), 2)", {"x": T((2, 12, 6), grad=True, layout="step")}),
    Case("col2im.expand", f"{FO}(x, (3, 4), 2)", {"x": T((2, 12, 6), grad=True, layout="expand")}),
    Case(
        "col2im.double_backward",
        f"out = torch.autograd.grad(({FO}(x, (3, 4), 2) ** 2).sum(), x, create_graph=True)[0]",
        {"x": T((2, 12, 6), "float64", grad=True)},
    ),
    Case("col2im.roundtrip", f"{FO}({U}(x, 3, padding=1), (5, 6), 3, padding=1)", {"x": X}),
    Case("col2im.wrong_blocks", f"{FO}(x, (4, 5), 2)", {"x": C}),
    Case("col2im.not_divisible", f"{FO}(x, (3, 4), 3)", {"x": C}),
    Case("col2im.4d_input", f"{FO}(x, (3, 4), 2)", {"x": T((2, 3, 4, 4))}),
    Case("col2im.output_len", f"{FO}(x, (3, 4, 5), 2)", {"x": C}),
    Case("col2im.zero_stride", f"{FO}(x, (3, 4), 2, stride=0)", {"x": C}),
    Case("col2im.too_small", f"{FO}(x, (1, 1), 2)", {"x": C}),
    Case("col2im.empty_blocks", f"{FO}(x, (1, 1), 2)", {"x": T((1, 4, 0))}),
]
