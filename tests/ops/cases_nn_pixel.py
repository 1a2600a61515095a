"""Cases for torch.pixel_shuffle / pixel_unshuffle and their F.* forms (nn_pixel.py)."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."

_DTYPES = (
    "bool",
    "uint8",
    "int8",
    "int16",
    "int32",
    "int64",
    "float16",
    "bfloat16",
    "float64",
    "complex64",
    "complex128",
)


def _dtype_cases():
    cases = []
    for dt in _DTYPES:
        cases += [
            Case(f"pixel_shuffle.{dt}", "torch.pixel_shuffle(x, 2)", {"x": T((2, 8, 2, 3), dt)}),
            Case(
                f"pixel_unshuffle.{dt}", "torch.pixel_unshuffle(x, 2)", {"x": T((2, 2, 4, 6), dt)}
            ),
        ]
    return cases


CASES = _dtype_cases() + [
    Case("pixel_shuffle.basic", "torch.pixel_shuffle(x, 2)", {"x": T((2, 8, 3, 3), grad=True)}),
    Case("pixel_shuffle.functional", F + "pixel_shuffle(x, 3)", {"x": T((1, 18, 2, 2), grad=True)}),
    Case("pixel_shuffle.3d", "torch.pixel_shuffle(x, 2)", {"x": T((4, 2, 3), grad=True)}),
    Case("pixel_shuffle.5d", "torch.pixel_shuffle(x, 2)", {"x": T((2, 3, 4, 2, 1), grad=True)}),
    Case("pixel_shuffle.factor1", "torch.pixel_shuffle(x, 1)", {"x": T((2, 3, 2, 2), grad=True)}),
    Case("pixel_shuffle.empty", "torch.pixel_shuffle(x, 2)", {"x": T((0, 4, 2, 2), grad=True)}),
    Case("pixel_shuffle.empty_hw", "torch.pixel_shuffle(x, 2)", {"x": T((1, 4, 0, 2), grad=True)}),
    Case(
        "pixel_shuffle.transposed",
        "torch.pixel_shuffle(x, 2)",
        {"x": T((1, 4, 3, 5), grad=True, layout="t")},
    ),
    Case(
        "pixel_shuffle.step",
        "torch.pixel_shuffle(x, 2)",
        {"x": T((1, 4, 3, 5), grad=True, layout="step")},
    ),
    Case(
        "pixel_shuffle.expand",
        "torch.pixel_shuffle(x, 2)",
        {"x": T((3, 4, 3, 5), grad=True, layout="expand")},
    ),
    Case(
        "pixel_shuffle.double_backward",
        "out = torch.autograd.grad((torch.pixel_shuffle(x, 2) ** 2).sum(), x, create_graph=True)[0]",
        {"x": T((2, 8, 3, 3), "float64", grad=True)},
    ),
    Case("pixel_shuffle.not_divisible", "torch.pixel_shuffle(x, 3)", {"x": T((2, 8, 3, 3))}),
    Case("pixel_shuffle.2d", "torch.pixel_shuffle(x, 2)", {"x": T((4, 2))}),
    Case("pixel_shuffle.zero_factor", "torch.pixel_shuffle(x, 0)", {"x": T((2, 8, 3, 3))}),
    Case("pixel_shuffle.negative_factor", F + "pixel_shuffle(x, -1)", {"x": T((2, 8, 3, 3))}),
    Case("pixel_unshuffle.basic", "torch.pixel_unshuffle(x, 2)", {"x": T((2, 3, 4, 6), grad=True)}),
    Case(
        "pixel_unshuffle.functional", F + "pixel_unshuffle(x, 3)", {"x": T((1, 2, 3, 6), grad=True)}
    ),
    Case("pixel_unshuffle.3d", "torch.pixel_unshuffle(x, 2)", {"x": T((1, 4, 2), grad=True)}),
    Case("pixel_unshuffle.5d", "torch.pixel_unshuffle(x, 2)", {"x": T((2, 1, 2, 2, 4), grad=True)}),
    Case("pixel_unshuffle.empty", "torch.pixel_unshuffle(x, 2)", {"x": T((0, 1, 2, 2))}),
    Case(
        "pixel_unshuffle.transposed",
        "torch.pixel_unshuffle(x, 2)",
        {"x": T((1, 2, 6, 4), grad=True, layout="t")},
    ),
    Case(
        "pixel_unshuffle.double_backward",
        "out = torch.autograd.grad((torch.pixel_unshuffle(x, 2) ** 2).sum(), x, create_graph=True)[0]",
        {"x": T((2, 2, 4, 6), "float64", grad=True)},
    ),
    Case("pixel_unshuffle.height", "torch.pixel_unshuffle(x, 2)", {"x": T((2, 8, 3, 4))}),
    Case("pixel_unshuffle.width", "torch.pixel_unshuffle(x, 2)", {"x": T((2, 8, 4, 3))}),
    Case("pixel_unshuffle.2d", "torch.pixel_unshuffle(x, 2)", {"x": T((4, 2))}),
    Case("pixel_unshuffle.zero_factor", F + "pixel_unshuffle(x, 0)", {"x": T((2, 8, 4, 4))}),
]
