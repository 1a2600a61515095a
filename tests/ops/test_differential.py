"""Every op case on numtorch against torch: live when torch is installed, else its golden record."""

import pytest

import numtorch
from tests.ops import golden
from tests.ops.catalog import HERE
from tests.ops.spec import differences, record

try:
    import torch
except ImportError:
    torch = None

STEMS = [p.stem for p in sorted(HERE.glob("cases_*.py"))]

_NO_BFLOAT16 = numtorch.bfloat16._np is None  # bfloat16 storage needs the optional ml_dtypes


def _skip_if_unsupported(case):
    """Skips a bfloat16 case where numtorch cannot store bfloat16 (ml_dtypes not installed)."""
    uses = "bfloat16" in case.expr or any(
        getattr(v, "dtype", None) == "bfloat16" for v in case.inputs.values()
    )
    if _NO_BFLOAT16 and uses:
        pytest.skip("bfloat16 needs the optional package ml_dtypes (pip install ml_dtypes)")


def _params():
    import importlib

    out = []
    for stem in STEMS:
        for case in importlib.import_module(f"tests.ops.{stem}").CASES:
            out.append(pytest.param(stem, case, id=case.name))
    return out


@pytest.mark.parametrize("stem,case", _params())
def test_against_torch(stem, case):
    _skip_if_unsupported(case)
    got = record(case, numtorch)
    want = record(case, torch) if torch is not None else golden.load(stem).get(case.name)
    if want is None:
        pytest.fail(f"no golden record for {case.name}: run python -m tests.ops.golden {stem}")
    diffs = differences(got, want, case)
    assert not diffs, "\n".join(diffs)


@pytest.mark.parametrize("stem,case", _params())
def test_against_golden(stem, case):
    """The stored record is what numtorch does too (the tier that runs without torch)."""
    _skip_if_unsupported(case)
    want = golden.load(stem).get(case.name)
    if want is None:
        pytest.fail(f"no golden record for {case.name}: run python -m tests.ops.golden {stem}")
    assert not differences(record(case, numtorch), want, case)
