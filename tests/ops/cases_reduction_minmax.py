"""Cases for the selecting reductions (numtorch/_ops/reduction_minmax.py, reduction_mode.py):
max, min (all three overloads), amax, amin, aminmax, median, nanmedian, mode.

Ties are written out with `values=` so the indices torch picks (first occurrence for max/min,
the k-th in (value, index) order for median, the libstdc++ sort order for mode) are checked.
"""

import numpy

from tests.ops.spec import Case, T

NAN, INF = float("nan"), float("inf")
INTS = ("uint8", "int8", "int16", "int32", "int64")
TIES = [[1.0, 3.0, 3.0, 1.0], [2.0, 3.0, 1.0, 2.0], [5.0, 5.0, 5.0, 5.0]]


def V(values, dtype="float32", **kwargs):
    """A tensor input with the given values (its shape is theirs)."""
    return T(numpy.shape(values), dtype, values=values, **kwargs)


CASES = []

# ---------------------------------------------------------------- max and min

for _op in ("max", "min"):
    CASES += [
        Case(f"{_op}.all_grad", f"torch.{_op}(a)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.all_ties_grad", f"a.{_op}()", {"a": V(TIES, grad=True)}),
        Case(f"{_op}.all_nan", f"a.{_op}()", {"a": V([[1.0, NAN], [NAN, 2.0]], grad=True)}),
        Case(f"{_op}.all_inf", f"a.{_op}()", {"a": V([1.0, INF, -INF])}),
        Case(f"{_op}.all_zero_dim", f"a.{_op}()", {"a": T((), grad=True)}),
        Case(f"{_op}.all_empty_error", f"a.{_op}()", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.all_bool", f"a.{_op}()", {"a": T((3, 4), "bool")}),
        Case(f"{_op}.all_float16", f"a.{_op}()", {"a": T((3, 4), "float16")}),
        Case(f"{_op}.all_complex_error", f"a.{_op}()", {"a": T((3,), "complex64")}),
        Case(f"{_op}.all_transposed", f"a.{_op}()", {"a": T((3, 4), layout="t", grad=True)}),
        Case(f"{_op}.all_out", f"torch.{_op}(a, out=o)", {"a": T((3, 4)), "o": T((), "float64")}),
        Case(f"{_op}.dim_grad", f"torch.{_op}(a, 1)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.dim_keepdim", f"a.{_op}(0, keepdim=True)", {"a": T((3, 4), grad=True)}),
        Case(
            f"{_op}.dim_positional_keepdim",
            f"torch.{_op}(a, -1, True)",
            {"a": T((2, 3, 4), grad=True)},
        ),
        Case(f"{_op}.dim_kw", f"a.{_op}(dim=-2)", {"a": T((2, 3, 4), "float64", grad=True)}),
        Case(f"{_op}.dim_ties", f"a.{_op}(1)", {"a": V(TIES, grad=True)}),
        Case(f"{_op}.dim0_ties", f"a.{_op}(0)", {"a": V(TIES, grad=True)}),
        Case(
            f"{_op}.dim_nan",
            f"a.{_op}(1)",
            {"a": V([[1.0, NAN, 3.0, NAN], [2.0, 1.0, 0.0, 5.0]], grad=True)},
        ),
        Case(
            f"{_op}.dim_fields",
            f"a.{_op}(1).indices + a.{_op}(dim=1)[0].long()",
            {"a": T((3, 4), "int32")},
        ),
        Case(f"{_op}.dim_zero_dim", f"a.{_op}(0)", {"a": T((), grad=True)}),
        Case(f"{_op}.dim_zero_dim_keepdim", f"a.{_op}(-1, True)", {"a": T((), grad=True)}),
        Case(f"{_op}.dim_empty_ok", f"a.{_op}(1)", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.dim_empty_error", f"a.{_op}(0)", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.dim_empty_neg_error", f"a.{_op}(-1)", {"a": T((2, 0))}),
        Case(f"{_op}.dim_bool", f"a.{_op}(1)", {"a": T((3, 4), "bool")}),
        Case(f"{_op}.dim_float16", f"a.{_op}(0)", {"a": T((3, 4), "float16")}),
        Case(f"{_op}.dim_complex_error", f"a.{_op}(0)", {"a": T((3,), "complex64")}),
        Case(f"{_op}.dim_transposed", f"a.{_op}(1)", {"a": T((3, 4), layout="t", grad=True)}),
        Case(f"{_op}.dim_step", f"a.{_op}(1)", {"a": T((3, 4), layout="step", grad=True)}),
        Case(f"{_op}.dim_expand", f"a.{_op}(0)", {"a": T((3, 4), layout="expand", grad=True)}),
        Case(f"{_op}.dim_error", f"a.{_op}(2)", {"a": T((3, 4))}),
        Case(
            f"{_op}.dim_out",
            f"torch.{_op}(a, 1, out=(v, i))",
            {"a": T((3, 4)), "v": T((0,)), "i": T((0,), "int64")},
        ),
        Case(
            f"{_op}.dim_out_list",
            f"torch.{_op}(a, 0, True, out=[v, i])",
            {"a": T((3, 4), "int16"), "v": T((1, 4), "int16"), "i": T((1, 4), "int64")},
        ),
        Case(
            f"{_op}.dim_out_values_dtype_error",
            f"torch.{_op}(a, 1, out=(v, i))",
            {"a": T((3, 4)), "v": T((3,), "float64"), "i": T((3,), "int64")},
        ),
        Case(
            f"{_op}.dim_out_indices_dtype_error",
            f"torch.{_op}(a, 1, out=(v, i))",
            {"a": T((3, 4)), "v": T((3,)), "i": T((3,), "int32")},
        ),
        Case(
            f"{_op}.binary",
            f"torch.{_op}(a, b)",
            {"a": T((3, 4), grad=True), "b": T((4,), grad=True)},
        ),
        Case(
            f"{_op}.binary_method",
            f"a.{_op}(b)",
            {"a": T((2, 3), "int32"), "b": T((2, 3), "int64")},
        ),
        Case(
            f"{_op}.binary_other_kw",
            f"torch.{_op}(a, other=b)",
            {"a": T((2, 3)), "b": T((), "float64")},
        ),
        Case(
            f"{_op}.binary_out",
            f"torch.{_op}(a, b, out=o)",
            {"a": T((2, 3)), "b": T((2, 3)), "o": T((2, 3))},
        ),
    ]
    CASES += [Case(f"{_op}.all_{d}", f"a.{_op}()", {"a": T((3, 4), d)}) for d in INTS]
    CASES += [Case(f"{_op}.dim_{d}", f"a.{_op}(0)", {"a": T((3, 4), d)}) for d in INTS]

# ---------------------------------------------------------------- amax and amin

for _op in ("amax", "amin"):
    CASES += [
        Case(f"{_op}.all", f"torch.{_op}(a)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.dim", f"a.{_op}(1)", {"a": T((3, 4), grad=True)}),
        Case(
            f"{_op}.tuple_keepdim",
            f"a.{_op}((0, -1), keepdim=True)",
            {"a": T((2, 3, 4), "float64", grad=True)},
        ),
        Case(f"{_op}.none", f"a.{_op}(None)", {"a": T((2, 3), grad=True)}),
        Case(f"{_op}.empty_tuple", f"a.{_op}(())", {"a": T((2, 3), grad=True)}),
        Case(f"{_op}.ties_split", f"a.{_op}(1)", {"a": V(TIES, grad=True)}),
        Case(f"{_op}.ties_all", f"a.{_op}()", {"a": V(TIES, grad=True)}),
        Case(f"{_op}.nan", f"a.{_op}(1)", {"a": V([[1.0, NAN, 3.0], [2.0, 1.0, 0.0]])}),
        Case(f"{_op}.zero_dim", f"a.{_op}(0)", {"a": T((), grad=True)}),
        Case(f"{_op}.empty_ok", f"a.{_op}(1)", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.empty_dim_error", f"a.{_op}((1, 0))", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.empty_all_error", f"a.{_op}()", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.empty_neg_dim_error", f"a.{_op}(-1)", {"a": T((2, 0))}),
        Case(f"{_op}.empty_complex_ok", f"a.{_op}(1)", {"a": T((0, 3), "complex64")}),
        Case(f"{_op}.bool", f"a.{_op}(0)", {"a": T((3, 4), "bool")}),
        Case(f"{_op}.float16", f"a.{_op}(0)", {"a": T((3, 4), "float16")}),
        Case(f"{_op}.complex_error", f"a.{_op}()", {"a": T((3,), "complex64")}),
        Case(f"{_op}.transposed", f"a.{_op}(0)", {"a": T((3, 4), layout="t", grad=True)}),
        Case(f"{_op}.expand", f"a.{_op}(0)", {"a": T((3, 4), layout="expand", grad=True)}),
        Case(f"{_op}.out", f"torch.{_op}(a, 1, out=o)", {"a": T((3, 4)), "o": T((3,))}),
        Case(
            f"{_op}.out_dtype_error",
            f"torch.{_op}(a, 1, out=o)",
            {"a": T((3, 4)), "o": T((3,), "float64")},
        ),
        Case(f"{_op}.dim_error", f"a.{_op}(2)", {"a": T((3, 4))}),
        Case(f"{_op}.repeat_error", f"a.{_op}((0, -2))", {"a": T((3, 4))}),
    ]
    CASES += [Case(f"{_op}.{d}", f"a.{_op}(1)", {"a": T((3, 4), d)}) for d in INTS]

# ---------------------------------------------------------------- aminmax

CASES += [
    Case("aminmax.all", "torch.aminmax(a)", {"a": T((3, 4), grad=True)}),
    Case("aminmax.dim", "torch.aminmax(a, dim=1)", {"a": T((3, 4), grad=True)}),
    Case(
        "aminmax.keepdim", "a.aminmax(dim=-1, keepdim=True)", {"a": T((2, 3), "float64", grad=True)}
    ),
    Case("aminmax.all_keepdim", "torch.aminmax(a, keepdim=True)", {"a": T((2, 3), grad=True)}),
    Case("aminmax.ties", "torch.aminmax(a, dim=1)", {"a": V(TIES, grad=True)}),
    Case("aminmax.fields", "torch.aminmax(a).max - torch.aminmax(a)[0]", {"a": T((3, 4))}),
    Case("aminmax.nan", "torch.aminmax(a, dim=0)", {"a": V([[1.0, NAN], [2.0, 3.0]])}),
    Case("aminmax.zero_dim", "torch.aminmax(a, dim=0)", {"a": T((), grad=True)}),
    Case("aminmax.bool", "torch.aminmax(a)", {"a": T((3, 4), "bool")}),
    Case("aminmax.int8", "torch.aminmax(a, dim=0)", {"a": T((3, 4), "int8")}),
    Case("aminmax.uint8", "torch.aminmax(a)", {"a": T((3, 4), "uint8")}),
    Case("aminmax.float16", "torch.aminmax(a, dim=1)", {"a": T((3, 4), "float16")}),
    Case("aminmax.transposed", "torch.aminmax(a, dim=1)", {"a": T((3, 4), layout="t", grad=True)}),
    Case("aminmax.empty_ok", "torch.aminmax(a, dim=1)", {"a": T((0, 3), layout="t")}),
    Case("aminmax.empty_error", "torch.aminmax(a)", {"a": T((0, 3), layout="t")}),
    Case("aminmax.empty_dim_error", "torch.aminmax(a, dim=0)", {"a": T((0, 3), layout="t")}),
    Case("aminmax.complex_error", "torch.aminmax(a)", {"a": T((3,), "complex64")}),
    Case("aminmax.tuple_error", "torch.aminmax(a, dim=(0, 1))", {"a": T((3, 4))}),
    Case("aminmax.dim_error", "torch.aminmax(a, dim=2)", {"a": T((3, 4))}),
    Case(
        "aminmax.out",
        "torch.aminmax(a, dim=0, out=(x, y))",
        {"a": T((3, 4)), "x": T((4,)), "y": T((4,))},
    ),
]

# ---------------------------------------------------------------- median and nanmedian

MEDIAN_TIES = [[3.0, 1.0, 1.0, 2.0, 1.0], [4.0, 1.0, 4.0, 1.0, 4.0], [2.0, 2.0, 2.0, 2.0, 2.0]]
NAN_ROWS = [
    [NAN, 1.0, NAN, 2.0, 3.0, 4.0],
    [NAN, NAN, NAN, NAN, NAN, NAN],
    [1.0, 2.0, NAN, 0.0, 5.0, 5.0],
]

for _op in ("median", "nanmedian"):
    CASES += [
        Case(f"{_op}.all", f"torch.{_op}(a)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.all_even", f"a.{_op}()", {"a": T((2, 3), "float64", grad=True)}),
        Case(f"{_op}.all_ties", f"a.{_op}()", {"a": V(MEDIAN_TIES, grad=True)}),
        Case(f"{_op}.all_nan", f"a.{_op}()", {"a": V(NAN_ROWS, grad=True)}),
        Case(f"{_op}.all_zero_dim", f"a.{_op}()", {"a": T((), grad=True)}),
        Case(f"{_op}.all_empty", f"a.{_op}()", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.all_empty_uint8", f"a.{_op}()", {"a": T((0,), "uint8")}),
        Case(f"{_op}.all_empty_bool", f"a.{_op}()", {"a": T((0,), "bool")}),
        Case(f"{_op}.dim_empty_bool_error", f"a.{_op}(1)", {"a": T((2, 0), "bool")}),
        Case(f"{_op}.all_int", f"a.{_op}()", {"a": T((3, 5), "int32")}),
        Case(f"{_op}.all_float16", f"a.{_op}()", {"a": T((3, 5), "float16")}),
        Case(f"{_op}.all_bool_error", f"a.{_op}()", {"a": T((3,), "bool")}),
        Case(f"{_op}.all_complex_error", f"a.{_op}()", {"a": T((3,), "complex64")}),
        Case(f"{_op}.dim", f"torch.{_op}(a, 1)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.dim_keepdim", f"a.{_op}(0, keepdim=True)", {"a": T((5, 3), grad=True)}),
        Case(f"{_op}.dim_neg", f"a.{_op}(-2)", {"a": T((2, 5, 3), "float64", grad=True)}),
        Case(f"{_op}.dim_ties", f"a.{_op}(1)", {"a": V(MEDIAN_TIES, grad=True)}),
        Case(f"{_op}.dim0_ties", f"a.{_op}(0)", {"a": V(MEDIAN_TIES, grad=True)}),
        Case(f"{_op}.dim_nan", f"a.{_op}(1)", {"a": V(NAN_ROWS, grad=True)}),
        Case(f"{_op}.dim_int_ties", f"a.{_op}(0)", {"a": T((7, 3), "int64", low=0, high=3)}),
        Case(f"{_op}.dim_uint8", f"a.{_op}(1)", {"a": T((3, 6), "uint8", high=4)}),
        Case(f"{_op}.dim_float16", f"a.{_op}(1)", {"a": T((3, 6), "float16", low=-2, high=2)}),
        Case(f"{_op}.dim_zero_dim", f"a.{_op}(0)", {"a": T((), grad=True)}),
        Case(f"{_op}.dim_empty_ok", f"a.{_op}(1)", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.dim_empty_error", f"a.{_op}(0)", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.dim_bool_error", f"a.{_op}(0)", {"a": T((3,), "bool")}),
        Case(f"{_op}.dim_transposed", f"a.{_op}(1)", {"a": T((3, 4), layout="t", grad=True)}),
        Case(f"{_op}.dim_step", f"a.{_op}(1)", {"a": T((3, 4), layout="step", grad=True)}),
        Case(f"{_op}.dim_error", f"a.{_op}(2)", {"a": T((3, 4))}),
        Case(f"{_op}.dim_tuple_error", f"a.{_op}(dim=(0,))", {"a": T((3, 4))}),
        Case(
            f"{_op}.dim_out",
            f"torch.{_op}(a, 1, out=(v, i))",
            {"a": T((3, 4)), "v": T((0,)), "i": T((0,), "int64")},
        ),
    ]
CASES += [Case(f"median.{d}", "a.median(1)", {"a": T((3, 5), d, low=0, high=4)}) for d in INTS]

# ---------------------------------------------------------------- mode

CASES += [
    Case("mode.default", "torch.mode(a)", {"a": T((3, 4), "int64", low=0, high=3)}),
    Case("mode.dim0", "a.mode(0)", {"a": T((6, 3), "int32", low=0, high=3)}),
    Case("mode.keepdim", "a.mode(1, True)", {"a": T((3, 5), "int16", low=0, high=3)}),
    Case("mode.smallest_wins", "a.mode()", {"a": V([[5, 5, 2, 2, 7], [2, 5, 5, 2, 7]], "int64")}),
    Case("mode.last_index", "a.mode()", {"a": V([[3.0, 1.0, 3.0, 1.0, 2.0, 1.0, 3.0]], grad=True)}),
    Case("mode.long_rows", "a.mode(1)", {"a": T((4, 100), "int64", low=0, high=6)}),
    Case("mode.long_cols", "a.mode(0)", {"a": T((40, 5), "int8", low=0, high=3)}),
    Case("mode.nan", "a.mode()", {"a": V([[1.0, NAN, 3.0, 0.0], [NAN, NAN, 1.0, 1.0]])}),
    Case("mode.nan_long", "a.mode()", {"a": V([[NAN, 1.0, 2.0, 1.0] * 6])}),
    Case("mode.float_grad", "a.mode(1)", {"a": V([[1.5, 2.5, 1.5], [0.5, 0.5, 2.0]], grad=True)}),
    Case("mode.float64", "a.mode(0)", {"a": T((4, 3), "float64", grad=True)}),
    Case("mode.float16", "a.mode()", {"a": V([[1.0, 2.0, 2.0]], "float16")}),
    Case("mode.bool", "a.mode()", {"a": T((3, 5), "bool")}),
    Case("mode.uint8", "a.mode(0)", {"a": T((5, 3), "uint8", high=3)}),
    Case("mode.int8", "a.mode()", {"a": T((3, 5), "int8", low=-2, high=2)}),
    Case("mode.zero_dim", "a.mode()", {"a": T((), grad=True)}),
    Case("mode.empty_rows", "a.mode()", {"a": T((0, 3), layout="t")}),
    Case("mode.empty_rows_dim1", "a.mode(1)", {"a": T((0, 3), layout="t")}),
    Case("mode.empty_error", "a.mode(0)", {"a": T((0, 3), layout="t")}),
    Case("mode.empty_last_error", "a.mode()", {"a": T((2, 0))}),
    Case("mode.transposed", "a.mode(1)", {"a": T((3, 4), "int64", low=0, high=3, layout="t")}),
    Case("mode.complex_error", "a.mode()", {"a": T((3,), "complex64")}),
    Case("mode.dim_error", "a.mode(2)", {"a": T((3, 4))}),
    Case(
        "mode.out",
        "torch.mode(a, 1, out=(v, i))",
        {"a": T((3, 4), "int64", low=0, high=2), "v": T((0,), "int64"), "i": T((0,), "int64")},
    ),
]
