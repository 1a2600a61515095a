"""Type promotion, checked against torch: the full dtype x dtype tables.

promote_types and can_cast over all 12 dtypes; result_type over every pair of operand kinds (a
tensor with dims, a 0-dim tensor, a Python bool/int/float/complex) and every dtype; the result
dtype of `+`, `*` and `/` over the same pairs; finfo/iinfo fields; and what the default dtype
changes. Each section is one `observe_*(lib)` function run on numtorch and compared with torch's
record in tests/golden/promotion.json (written by tests/golden/make_promotion_golden.py) and,
when torch is installed, with live torch.

bfloat16 takes part as a dtype everywhere; tensors of it need ml_dtypes for their storage, so
without it result_type gets a tensor whose array is float32 but whose dtype is bfloat16 (result
type reads only dtypes and dims), and the arithmetic rows with bfloat16 are left out. Where
torch's answer is a tensor numtorch cannot store (complex32 ever, bfloat16 without ml_dtypes),
numtorch must raise the error that says why.
"""

import json
import pathlib
import warnings

import numpy
import pytest

import numtorch
from numtorch._tensor import Tensor

try:
    import torch
except ImportError:
    torch = None

GOLDEN = pathlib.Path(__file__).with_name("golden") / "promotion.json"

DTYPES = (
    "bool",
    "uint8",
    "int8",
    "int16",
    "int32",
    "int64",
    "float16",
    "bfloat16",
    "float32",
    "float64",
    "complex64",
    "complex128",
)
SCALARS = {"bool": True, "int": 2, "float": 2.5, "complex": 1 + 2j}
DEFAULTS = ("float32", "float64", "float16", "bfloat16")


@pytest.fixture(autouse=True)
def _restore_default_dtype():
    yield
    numtorch.set_default_dtype(numtorch.float32)


def _has_storage(lib, name):
    return lib is not numtorch or getattr(numtorch, name)._np is not None


def _tensor(lib, name, dim):
    """A tensor of dtype `name`: 1-d (dim=1) or 0-dim, holding ones."""
    dtype = getattr(lib, name)
    shape = (2,) if dim else ()
    if _has_storage(lib, name):
        return lib.ones(shape, dtype=dtype)
    return Tensor._make(numpy.ones(shape, numpy.float32), dtype)


def _operands(lib):
    """{label: operand}: 't:<dtype>' (dims), 'z:<dtype>' (0-dim), 's:<kind>' (Python scalar)."""
    ops = {}
    for name in DTYPES:
        ops[f"t:{name}"] = _tensor(lib, name, 1)
        ops[f"z:{name}"] = _tensor(lib, name, 0)
    for kind, value in SCALARS.items():
        ops[f"s:{kind}"] = value
    return ops


def _show(fn):
    """What fn() gives, as text: a dtype's name, a value, or the exception and its first line."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            got = fn()
    except Exception as e:  # noqa: BLE001 - the exception is what is compared
        return f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"
    return str(got).replace("torch.", "")


def _with_default(lib, default, fn):
    lib.set_default_dtype(getattr(lib, default))
    try:
        return fn()
    finally:
        lib.set_default_dtype(lib.float32)


# ---------------------------------------------------------------- observations


def observe_promote_types(lib):
    return {
        f"{a},{b}": _show(lambda a=a, b=b: lib.promote_types(getattr(lib, a), getattr(lib, b)))
        for a in DTYPES
        for b in DTYPES
    }


def observe_can_cast(lib):
    return {
        f"{a},{b}": _show(lambda a=a, b=b: lib.can_cast(getattr(lib, a), getattr(lib, b)))
        for a in DTYPES
        for b in DTYPES
    }


def observe_result_type(lib):
    out = {}
    for default in ("float32", "float64"):

        def table(default=default):
            ops = _operands(lib)
            return {
                f"{default}|{x},{y}": _show(lambda x=x, y=y: lib.result_type(ops[x], ops[y]))
                for x in ops
                for y in ops
            }

        out.update(_with_default(lib, default, table))
    return out


def observe_arithmetic(lib):
    """The dtype of a + b, a * b and a / b for tensor/0-dim/scalar operands of every dtype."""
    ops = {k: v for k, v in _operands(lib).items() if "bfloat16" not in k}
    out = {}
    for x in ops:
        for y in ops:
            if x.startswith("s:") and y.startswith("s:"):
                continue
            a, b = ops[x], ops[y]
            out[f"add|{x},{y}"] = _show(lambda a=a, b=b: (a + b).dtype)
            out[f"mul|{x},{y}"] = _show(lambda a=a, b=b: (a * b).dtype)
            out[f"div|{x},{y}"] = _show(lambda a=a, b=b: (a / b).dtype)
    return out


def observe_info(lib):
    out = {}
    for name in ("float16", "bfloat16", "float32", "float64", "complex64", "complex128"):
        info = lib.finfo(getattr(lib, name))
        for field in ("bits", "eps", "max", "min", "tiny", "smallest_normal", "resolution"):
            out[f"finfo({name}).{field}"] = repr(getattr(info, field))
        out[f"finfo({name}).dtype"] = str(info.dtype)
        out[f"finfo({name})"] = repr(info)
    out["finfo()"] = repr(lib.finfo())
    out["finfo(float64 default)"] = _with_default(lib, "float64", lambda: repr(lib.finfo()))
    for name in ("uint8", "int8", "int16", "int32", "int64"):
        info = lib.iinfo(getattr(lib, name))
        for field in ("bits", "min", "max"):
            out[f"iinfo({name}).{field}"] = repr(getattr(info, field))
        out[f"iinfo({name}).dtype"] = str(info.dtype)
        out[f"iinfo({name})"] = repr(info)
    out["finfo(int32)"] = _show(lambda: lib.finfo(lib.int32))
    out["iinfo(float32)"] = _show(lambda: lib.iinfo(lib.float32))
    out["iinfo(bool)"] = _show(lambda: lib.iinfo(lib.bool))
    return out


def _default_effects(lib):
    t = lib.tensor
    probes = {
        "get_default_dtype": lambda: lib.get_default_dtype(),
        "tensor(1.5)": lambda: t(1.5).dtype,
        "tensor([1, 2.5])": lambda: t([1, 2.5]).dtype,
        "tensor(1)": lambda: t(1).dtype,
        "tensor(True)": lambda: t(True).dtype,
        "tensor(1.5j)": lambda: t(1.5j).dtype,
        "tensor([1, 2j])": lambda: t([1, 2j]).dtype,
        "tensor([])": lambda: t([]).dtype,
        "tensor(float64 ndarray)": lambda: t(numpy.ones(2)).dtype,
        "tensor(float32 ndarray)": lambda: t(numpy.ones(2, numpy.float32)).dtype,
        "tensor(numpy.float64)": lambda: t(numpy.float64(1.5)).dtype,
        "arange(3)": lambda: lib.arange(3).dtype,
        "arange(0.0, 3)": lambda: lib.arange(0.0, 3).dtype,
        "arange(0, 3, 0.5)": lambda: lib.arange(0, 3, 0.5).dtype,
        "zeros(2)": lambda: lib.zeros(2).dtype,
        "ones(2)": lambda: lib.ones(2).dtype,
        "empty(2)": lambda: lib.empty(2).dtype,
        "full((2,), 1.5)": lambda: lib.full((2,), 1.5).dtype,
        "full((2,), 1)": lambda: lib.full((2,), 1).dtype,
        "full((2,), True)": lambda: lib.full((2,), True).dtype,
        "full((2,), 1j)": lambda: lib.full((2,), 1j).dtype,
        "linspace(0, 1, 3)": lambda: lib.linspace(0, 1, 3).dtype,
        "logspace(0, 1, 3)": lambda: lib.logspace(0, 1, 3).dtype,
        "eye(2)": lambda: lib.eye(2).dtype,
        "rand(2)": lambda: lib.rand(2).dtype,
        "randn(2)": lambda: lib.randn(2).dtype,
        "randint(3, (2,))": lambda: lib.randint(3, (2,)).dtype,
        "int tensor + 1.5": lambda: (t([1, 2]) + 1.5).dtype,
        "int tensor * 1j": lambda: (t([1, 2]) * 1j).dtype,
        "int tensor / int tensor": lambda: (t([1, 2]) / t([2, 2])).dtype,
        "bool tensor + 1.5": lambda: (t([True]) + 1.5).dtype,
        "float16 tensor + 1.5": lambda: (t([1.0], dtype=lib.float16) + 1.5).dtype,
        "result_type(int tensor, 1.5)": lambda: lib.result_type(t([1]), 1.5),
        "result_type(int tensor, 1j)": lambda: lib.result_type(t([1]), 1j),
        "result_type(int 0-dim, 1.5)": lambda: lib.result_type(t(1), 1.5),
        "Tensor([1, 2])": lambda: lib.Tensor([1, 2]).dtype,
    }
    return {k: _show(v) for k, v in probes.items()}


def observe_default_dtype(lib):
    out = {}
    for default in DEFAULTS:
        got = _with_default(lib, default, lambda: _default_effects(lib))
        out.update({f"{default}|{k}": v for k, v in got.items()})
    for bad in ("int32", "int64", "complex64", "bool"):
        out[f"set_default_dtype({bad})"] = _show(
            lambda bad=bad: lib.set_default_dtype(getattr(lib, bad))
        )
    out["get_default_dtype after a failed set"] = str(lib.get_default_dtype())
    return out


SECTIONS = {
    "promote_types": observe_promote_types,
    "can_cast": observe_can_cast,
    "result_type": observe_result_type,
    "arithmetic": observe_arithmetic,
    "info": observe_info,
    "default_dtype": observe_default_dtype,
}


# ---------------------------------------------------------------- comparisons


def _cannot_store(got, want):
    """True where torch's answer is a tensor of a dtype numtorch cannot store, and numtorch
    raised the error that says so: complex32 always (NumPy has no such type), bfloat16 when
    ml_dtypes is absent."""
    if got is None or want is None:
        return False
    if (want == "complex32" or "ComplexHalf" in want) and "no complex32 type" in got:
        return True
    return want == "bfloat16" and numtorch.bfloat16._np is None and "ml_dtypes" in got


def _differences(got, want):
    keys = sorted(set(got) | set(want))
    return [
        f"{k}: {got.get(k)!r}, torch: {want.get(k)!r}"
        for k in keys
        if got.get(k) != want.get(k) and not _cannot_store(got.get(k), want.get(k))
    ]


def _golden():
    if not GOLDEN.exists():
        pytest.fail("no golden file: run python3 tests/golden/make_promotion_golden.py")
    return json.loads(GOLDEN.read_text())


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_against_golden(section):
    want = _golden()[section]
    got = SECTIONS[section](numtorch)
    if section == "arithmetic" and numtorch.bfloat16._np is None:
        want = {k: v for k, v in want.items() if "bfloat16" not in k}
    diffs = _differences(got, want)
    assert not diffs, f"{len(diffs)} differences:\n" + "\n".join(diffs[:40])


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_against_live_torch(section):
    live = pytest.importorskip("torch")
    diffs = _differences(SECTIONS[section](numtorch), SECTIONS[section](live))
    assert not diffs, f"{len(diffs)} differences:\n" + "\n".join(diffs[:40])


def test_golden_is_complete():
    golden = _golden()
    assert len(golden["promote_types"]) == len(DTYPES) ** 2
    assert len(golden["result_type"]) == 2 * (2 * len(DTYPES) + len(SCALARS)) ** 2


# ---------------------------------------------------------------- torch-free facts


def test_promotion_rules_by_hand():
    pt = numtorch.promote_types
    assert pt(numtorch.uint8, numtorch.int8) is numtorch.int16
    assert pt(numtorch.float16, numtorch.bfloat16) is numtorch.float32
    assert pt(numtorch.int64, numtorch.float16) is numtorch.float16
    assert pt(numtorch.float64, numtorch.complex64) is numtorch.complex128
    assert pt(numtorch.bool, numtorch.uint8) is numtorch.uint8
    for a in DTYPES:
        for b in DTYPES:
            da, db = getattr(numtorch, a), getattr(numtorch, b)
            assert pt(da, db) is pt(db, da)
            assert pt(da, pt(da, db)) is pt(da, db)


def test_result_type_priorities_by_hand():
    i32 = numtorch.ones(2, dtype=numtorch.int32)
    assert numtorch.result_type(i32, 5) is numtorch.int32  # a Python int keeps the tensor's
    assert numtorch.result_type(i32, 2.5) is numtorch.float32  # a float lifts to the default
    assert numtorch.result_type(i32, numtorch.tensor(5)) is numtorch.int32  # 0-dim ranks below
    # a 0-dim tensor of a higher category brings its own dtype (not the default)
    assert numtorch.result_type(i32, numtorch.tensor(2.5, dtype=numtorch.float64)) is (
        numtorch.float64
    )
    assert numtorch.result_type(numtorch.tensor(1), numtorch.tensor(1.5)) is numtorch.float32
    f16 = numtorch.ones(2, dtype=numtorch.float16)
    assert numtorch.result_type(f16, 1j) is numtorch.complex32


def test_dtype_objects():
    assert numtorch.float is numtorch.float32 and numtorch.long is numtorch.int64
    assert repr(numtorch.float32) == "torch.float32" == str(numtorch.float32)
    assert numtorch.float64.is_floating_point and not numtorch.int8.is_floating_point
    assert numtorch.complex64.is_complex and numtorch.complex64.itemsize == 8
    assert numtorch.uint8.is_signed is False and numtorch.int8.is_signed is True
