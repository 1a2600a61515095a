"""Writes tests/golden/printing.json: what real PyTorch prints for a fixed corpus of tensors.

Run it with PyTorch installed (`python3 tests/golden/make_printing_golden.py`); the tests replay the
file without PyTorch. Every case stores the exact bytes of its array (little-endian, as hex; the
raw 16-bit patterns for bfloat16), its dtype and shape, the print options, the default dtype and
the autograd state it was printed under, and torch's repr. The data comes from seeded NumPy
generators, so rerunning the script rewrites the same file.
"""

import json
import pathlib
import sys
import zlib

import numpy
import torch

OUT = pathlib.Path(__file__).with_name("printing.json")

FLOATS = ("float32", "float64", "float16", "bfloat16")
INTS = ("uint8", "int8", "int16", "int32", "int64")
ALL_DTYPES = (*FLOATS, "complex64", "complex128", *INTS, "bool")

SHAPES = ((), (1,), (7,), (3, 4), (2, 3, 4), (2, 1, 2, 3))

cases = []


def rng(*key):
    """A generator seeded from the case key, so every case's data is independent and stable."""
    return numpy.random.default_rng([len(cases), *(zlib.crc32(repr(k).encode()) for k in key)])


def with_signs(g, values):
    return values * g.choice([-1.0, 1.0], size=values.shape)


def with_specials(g, values, specials):
    flat = values.reshape(-1)
    if flat.size:
        where = g.choice(flat.size, size=min(len(specials), flat.size), replace=False)
        flat[where] = specials[: len(where)]
    return flat.reshape(values.shape)


# Float value families: each maps (generator, shape) to float64 values covering one formatter path.
FAMILIES = {
    "small_ints": lambda g, s: g.integers(-9, 10, s).astype(float),
    "big_ints": lambda g, s: with_signs(g, g.integers(0, 10**6, s).astype(float)),
    "int_1e9": lambda g, s: g.integers(1, 5, s) * 1e9,
    "normal": lambda g, s: g.standard_normal(s),
    "unit": lambda g, s: g.random(s),
    "range_999": lambda g, s: g.uniform(1.0, 999.0, s),
    "wide": lambda g, s: with_signs(g, 10 ** g.uniform(-6, 6, s)),
    "tiny": lambda g, s: g.random(s) * 1e-5,
    "huge": lambda g, s: with_signs(g, g.random(s) * 1e12),
    "specials": lambda g, s: with_specials(
        g, g.standard_normal(s) * 10, [numpy.nan, numpy.inf, -numpy.inf, -0.0, 0.0]
    ),
    "int_specials": lambda g, s: with_specials(
        g, g.integers(-50, 50, s).astype(float), [-0.0, numpy.nan, numpy.inf]
    ),
    "zeros": lambda g, s: numpy.zeros(s),
    "neg_zeros": lambda g, s: numpy.full(s, -0.0),
    "nonfinite": lambda g, s: with_specials(
        g, numpy.zeros(s), [numpy.nan, -numpy.inf, numpy.inf, -0.0]
    ),
    "rounding": lambda g, s: g.choice([9.99996, 0.99995, -99.99995, 1e-4, 2.5, 0.00015], s),
    "bounds": lambda g, s: g.choice([1e8, 1.0, 1000.0, 1e-4, 3.0, 1.0000001e8], s),
    "extreme": lambda g, s: g.choice(
        [1e300, 1e-300, 5e-324, 65504.0, 6e-8, 3.4e38, -1e-310, 7.0], s
    ),
}


def to_torch(array, dtype):
    """The torch tensor for a NumPy array, and the exact bytes the golden file keeps for it."""
    if dtype == "bfloat16":
        t = torch.from_numpy(numpy.asarray(array, dtype=numpy.float32).copy()).to(torch.bfloat16)
        raw = t.view(torch.int16).numpy().astype("<i2")
        return t, raw.tobytes().hex()
    array = numpy.array(array, dtype=numpy.dtype(dtype).newbyteorder("<"), order="C")
    return torch.from_numpy(array.copy()), array.tobytes().hex()


def add(name, array, dtype, options=None, default_dtype=None, autograd=None):
    """Print one case with torch under the given settings and record it."""
    t, raw = to_torch(array, dtype)
    case = {"name": f"{len(cases):03d}-{name}", "dtype": dtype, "shape": list(t.shape)}
    if options:
        case["options"] = options
    if default_dtype:
        case["default_dtype"] = default_dtype
    if autograd == "leaf":
        t.requires_grad_()
        case["requires_grad"] = True
    elif autograd is not None:
        t = getattr(t.requires_grad_(), autograd)()
        case["requires_grad"] = True
        case["grad_fn"] = type(t.grad_fn).__name__
    previous = torch.get_default_dtype()
    if default_dtype:
        torch.set_default_dtype(getattr(torch, default_dtype))
    torch.set_printoptions(**(options or {}))
    try:
        case["repr"] = repr(t)
        assert str(t) == case["repr"]
    finally:
        torch.set_printoptions(profile="default")
        torch.set_default_dtype(previous)
    case["data"] = raw
    cases.append(case)


def complex_values(g, shape, real_family, imag_family):
    return FAMILIES[real_family](g, shape) + 1j * FAMILIES[imag_family](g, shape)


def int_values(g, dtype, shape, kind):
    info = numpy.iinfo(dtype)
    if kind == "small":
        return g.integers(max(info.min, -9), 10, shape)
    if kind == "extremes":
        return g.choice([info.min, info.max, 0, 1, info.min + 1 if info.min else 7], shape)
    return g.integers(info.min, info.max, shape, endpoint=True, dtype=dtype)


def build_plain():
    """Every dtype, every family, a rotation of shapes from 0-dim to 4-D."""
    for dtype in FLOATS:
        for i, family in enumerate(FAMILIES):
            for shape in (SHAPES[i % 6], SHAPES[(i + 3) % 6]):
                add(f"{dtype}-{family}", FAMILIES[family](rng(dtype, family), shape), dtype)
    families = list(FAMILIES)
    for dtype in ("complex64", "complex128"):
        for i in range(12):
            real, imag = families[i], families[(i * 5 + 3) % len(families)]
            shape = SHAPES[i % 6]
            add(f"{dtype}-{real}-{imag}", complex_values(rng(dtype, i), shape, real, imag), dtype)
    for dtype in INTS:
        for i, kind in enumerate(("small", "extremes", "random")):
            for shape in (SHAPES[i], SHAPES[i + 3]):
                add(f"{dtype}-{kind}", int_values(rng(dtype, kind), dtype, shape, kind), dtype)
    for shape in SHAPES:
        add("bool", rng("bool", shape).random(shape) > 0.5, "bool")
    add("bool-all-true", numpy.ones((2, 3), bool), "bool")


def build_empty():
    for dtype in ALL_DTYPES:
        for shape in ((0,), (0, 3), (2, 0, 4)):
            add(f"empty-{dtype}", numpy.zeros(shape), dtype)
    for dtype in ("float32", "float64", "int64", "complex128"):
        add(f"empty-default64-{dtype}", numpy.zeros((3, 0)), dtype, default_dtype="float64")
    add("empty-grad", numpy.zeros((0,)), "float32", autograd="leaf")


def build_summarised():
    """More elements than the threshold: only the edges print, and only they set the format."""
    g = rng("summary")
    middle_tiny = g.standard_normal(1200)
    middle_tiny[500] = 1e-9  # would force scientific notation were it not hidden
    add("summary-hidden-tiny", middle_tiny, "float32")
    middle_wide = g.integers(0, 10, 1500).astype(float)
    middle_wide[700] = 123456.0  # would widen every element were it not hidden
    add("summary-hidden-wide", middle_wide, "float64")
    add("summary-hidden-frac", numpy.r_[numpy.ones(600), 0.5, numpy.ones(600)], "float32")
    add("summary-1d-1001", g.standard_normal(1001), "float32")
    add("summary-2d", g.standard_normal((40, 30)), "float32")
    add("summary-2d-short-rows", g.standard_normal((3, 400)), "float32")
    add("summary-2d-tall", g.standard_normal((600, 2)), "float64")
    add("summary-2d-exact-edge", g.standard_normal((6, 200)), "float32")
    add("summary-3d", g.standard_normal((11, 10, 10)), "float32")
    add("summary-4d", g.standard_normal((5, 5, 5, 10)), "float16")
    add("summary-int64", numpy.arange(2000), "int64")
    add("summary-int32-big", g.integers(-(2**31), 2**31, (30, 40)), "int32")
    add("summary-bool", g.random((20, 60)) > 0.5, "bool")
    add("summary-complex", complex_values(g, (40, 30), "normal", "wide"), "complex64")
    add("summary-bfloat16", g.standard_normal((1100,)) * 100, "bfloat16")
    add(
        "summary-specials",
        with_specials(g, g.random(1500), [numpy.nan, -0.0, numpy.inf]),
        "float32",
    )
    base = g.standard_normal((12, 12, 12))
    for edge in (0, 1, 2, 5):
        add(f"summary-edgeitems-{edge}", base, "float32", {"edgeitems": edge})
    add("summary-edgeitems-0-1d", base.reshape(-1), "float32", {"edgeitems": 0})
    add("summary-threshold-5", numpy.arange(10.0), "float32", {"threshold": 5})
    add("summary-threshold-5-2d", g.standard_normal((4, 9)), "float64", {"threshold": 5})
    add("summary-threshold-0-scalar", numpy.array(3.25), "float32", {"threshold": 0})
    add("summary-threshold-0", numpy.arange(3), "int64", {"threshold": 0, "edgeitems": 1})
    add("summary-short-profile", g.standard_normal((30, 50)), "float32", {"profile": "short"})
    add("summary-full-profile", g.standard_normal(1100), "float32", {"profile": "full"})
    add(
        "summary-full-then-edge",
        g.standard_normal(1100),
        "float32",
        {"profile": "full", "edgeitems": 1, "threshold": 100},
    )


def build_wrapping():
    g = rng("wrap")
    add("wrap-1d-normal", g.standard_normal(100), "float32")
    add("wrap-1d-ints", g.integers(-(10**15), 10**15, 60), "int64")
    add("wrap-1d-sci", with_signs(g, 10 ** g.uniform(-8, 8, 40)), "float64")
    add("wrap-2d", g.standard_normal((4, 25)), "float32")
    add("wrap-3d", g.standard_normal((2, 3, 20)), "float32")
    add("wrap-4d", g.integers(0, 1000, (2, 2, 2, 30)), "int16")
    add("wrap-complex", complex_values(g, (20,), "normal", "normal"), "complex128")
    add("wrap-complex-2d", complex_values(g, (3, 12), "range_999", "small_ints"), "complex64")
    add("wrap-bool", g.random(50) > 0.5, "bool")
    for width in (1, 10, 40, 120):
        add(f"wrap-linewidth-{width}", g.standard_normal((2, 15)), "float32", {"linewidth": width})
    add("wrap-linewidth-40-1d", g.integers(0, 100, 50), "uint8", {"linewidth": 40})
    # suffixes that do or do not fit after the last line
    for n in (7, 8, 9, 10, 15, 16, 17, 18):
        add(f"suffix-fit-int32-{n}", numpy.arange(n) * 11111, "int32")
    for n in (8, 9, 10, 15, 16):
        add(f"suffix-fit-grad-{n}", g.standard_normal(n), "float32", autograd="clone")
    add("suffix-two-wraps", g.standard_normal(9), "float64", {"linewidth": 30}, autograd="clone")
    add("suffix-size-dtype", g.standard_normal((3, 3)), "float16", {"edgeitems": 0})


def build_options():
    g = rng("options")
    mixed = g.standard_normal((3, 4)) * 10
    for precision in (0, 1, 2, 6, 10):
        add(f"precision-{precision}", mixed, "float64", {"precision": precision})
        add(f"precision-{precision}-sci", mixed * 1e-6, "float32", {"precision": precision})
        add(
            f"precision-{precision}-complex",
            mixed + 2j * mixed,
            "complex128",
            {"precision": precision},
        )
    for sci in (True, False):
        for family in (
            "small_ints",
            "normal",
            "wide",
            "tiny",
            "huge",
            "zeros",
            "specials",
            "int_1e9",
        ):
            values = FAMILIES[family](rng("sci", family), (2, 5))
            add(f"sci-{sci}-{family}", values, "float32", {"sci_mode": sci})
        add(
            f"sci-{sci}-complex",
            complex_values(g, (4,), "normal", "tiny"),
            "complex64",
            {"sci_mode": sci},
        )
        add(f"sci-{sci}-int", numpy.arange(4), "int64", {"sci_mode": sci})
    add("profile-short", mixed, "float32", {"profile": "short"})
    add("profile-short-precision", mixed, "float32", {"profile": "short", "precision": 5})
    add("profile-full", mixed, "float32", {"profile": "full"})
    add("profile-unknown", mixed, "float32", {"profile": "nope"})


def build_suffixes():
    g = rng("suffix")
    values = g.standard_normal((2, 3))
    for dtype in ("float32", "float64", "float16", "bfloat16", "complex64", "complex128"):
        for default in ("float64", "float16", "bfloat16"):
            add(
                f"default-{default}-{dtype}",
                values + (1j if "complex" in dtype else 0),
                dtype,
                default_dtype=default,
            )
    add("default64-int", numpy.arange(3), "int32", default_dtype="float64")
    add("grad-leaf", values, "float32", autograd="leaf")
    add("grad-leaf-double", values, "float64", autograd="leaf")
    add("grad-clone", values, "float32", autograd="clone")
    add("grad-clone-scalar", numpy.array(2.5), "float64", autograd="clone")
    add("grad-complex", values + 1j, "complex64", autograd="clone")
    add("grad-leaf-16", values, "float16", autograd="leaf")


def main():
    numpy.seterr(all="ignore")  # overflow to inf in float16/float32 is intended
    build_plain()
    build_empty()
    build_summarised()
    build_wrapping()
    build_options()
    build_suffixes()
    doc = {"torch_version": torch.__version__, "cases": cases}
    OUT.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"{len(cases)} cases, {OUT.stat().st_size} bytes -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
