"""bfloat16 op cases, derived from the other case files rather than written out again.

Three kinds, all named `<source case name>.bf16` (so the op name stays the prefix):
- a twin of every case that uses float16 (a float16 input, `torch.float16`/`torch.half` or
  `.half()` in the expression), with bfloat16 in its place; `x.half()` cases become
  `x.bfloat16()` cases named `bfloat16.<rest>`;
- for every op with no float16 case, twins of its first float32 cases with float32 made bfloat16;
- for every op, a twin of its first float32 case with a gradient, when no twin above has one.
Hand-written cases for ops whose cases have no floating input at all are in cases_bfloat16_extra.
"""

import copy
import importlib
import re

from tests.ops.spec import T

# The case files twinned. Listed (not globbed) so that a new family, which writes its own bfloat16
# cases, does not change this file's cases under its golden record.
SOURCES = (
    "cases_binary",
    "cases_binary_funcs",
    "cases_bitwise",
    "cases_core",
    "cases_creation",
    "cases_indexing",
    "cases_indexing_masked",
    "cases_indexing_ops",
    "cases_indexing_reduce",
    "cases_indexing_scatter",
    "cases_linalg",
    "cases_logical",
    "cases_nn",
    "cases_reduction",
    "cases_reduction_cumulative",
    "cases_reduction_minmax",
    "cases_reduction_stats",
    "cases_shape",
    "cases_shape_extra",
    "cases_shape_more",
    "cases_sorting",
    "cases_tensor",
    "cases_ternary",
    "cases_unary",
    "cases_unary_special",
)

# Twins of float32 cases made per op that has no float16 case.
FLOAT32_TWINS_PER_OP = 3

_HALF_IN_EXPR = re.compile(r"torch\.(float16|half)\b|\.half\(\)")
_BF16_TOLERANCE = (1.6e-2, 1e-2)


def _op(case):
    return case.name.split(".")[0]


def _uses_dtype(case, dtype):
    return any(isinstance(v, T) and v.dtype == dtype for v in case.inputs.values())


def _uses_float16(case):
    return _uses_dtype(case, "float16") or bool(_HALF_IN_EXPR.search(case.expr))


def _has_grad(case):
    return any(isinstance(v, T) and v.grad for v in case.inputs.values())


def _twin(case, from_dtype):
    """A copy of `case` with `from_dtype` inputs (and float16 in the expression) made bfloat16."""
    twin = copy.copy(case)
    twin.inputs = {}
    for k, v in case.inputs.items():
        if isinstance(v, T) and v.dtype == from_dtype:
            v = copy.copy(v)
            v.dtype = "bfloat16"
        twin.inputs[k] = v
    twin.expr = re.sub(r"torch\.(float16|half)\b", "torch.bfloat16", case.expr)
    twin.expr = twin.expr.replace(".half()", ".bfloat16()")
    if twin.expr != case.expr and _op(case) == "half":
        twin.name = "bfloat16." + case.name.split(".", 1)[1]
    else:
        twin.name = case.name + ".bf16"
    # A tolerance written for float16 or float32 results is too tight for bfloat16 ones.
    if twin.rtol is not None and twin.rtol < _BF16_TOLERANCE[0]:
        twin.rtol = None
    if twin.atol is not None and twin.atol < _BF16_TOLERANCE[1]:
        twin.atol = None
    return twin


def _source_cases():
    for stem in SOURCES:
        yield from importlib.import_module(f"tests.ops.{stem}").CASES


def _derive():
    by_op = {}
    for case in _source_cases():
        by_op.setdefault(_op(case), []).append(case)
    out = []
    for cases in by_op.values():
        twins = [_twin(c, "float16") for c in cases if _uses_float16(c)]
        float32_cases = [c for c in cases if _uses_dtype(c, "float32")]
        if not twins:
            twins = [_twin(c, "float32") for c in float32_cases[:FLOAT32_TWINS_PER_OP]]
        if not any(_has_grad(t) and _uses_dtype(t, "bfloat16") for t in twins):
            with_grad = [c for c in float32_cases if _has_grad(c)]
            if with_grad and with_grad[0].name + ".bf16" not in {t.name for t in twins}:
                twins.append(_twin(with_grad[0], "float32"))
        out += twins
    return out


CASES = _derive()
