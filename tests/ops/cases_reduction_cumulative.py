"""Cases for the cumulative ops (numtorch/_ops/cumulative.py): cumsum, cumprod (and cumsum_,
cumprod_), cummax, cummin."""

import numpy

from tests.ops.spec import Case, T

NAN, INF = float("nan"), float("inf")
INTS = ("uint8", "int8", "int16", "int32", "int64")


def V(values, dtype="float32", **kwargs):
    """A tensor input with the given values (its shape is theirs)."""
    return T(numpy.shape(values), dtype, values=values, **kwargs)


CASES = []

for _op in ("cumsum", "cumprod"):
    f = f"torch.{_op}"
    CASES += [
        Case(f"{_op}.grad", f"{f}(a, 1)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.dim0", f"a.{_op}(0)", {"a": T((3, 4), "float64", grad=True)}),
        Case(f"{_op}.neg_dim", f"a.{_op}(dim=-2)", {"a": T((2, 3, 4), grad=True)}),
        Case(f"{_op}.zero_dim", f"{f}(a, 0)", {"a": T((), grad=True)}),
        Case(f"{_op}.zero_dim_neg", f"{f}(a, -1)", {"a": T((), grad=True)}),
        Case(f"{_op}.empty", f"{f}(a, 0)", {"a": T((0, 3), layout="t", grad=True)}),
        Case(f"{_op}.empty_other", f"{f}(a, 1)", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.size_one", f"{f}(a, 1)", {"a": T((3, 1), grad=True)}),
        Case(f"{_op}.transposed", f"{f}(a, 1)", {"a": T((3, 4), layout="t", grad=True)}),
        Case(f"{_op}.step", f"{f}(a, 0)", {"a": T((3, 4), layout="step", grad=True)}),
        Case(f"{_op}.expand", f"{f}(a, 0)", {"a": T((3, 4), layout="expand", grad=True)}),
        Case(f"{_op}.bool", f"{f}(a, 1)", {"a": T((3, 4), "bool")}),
        Case(f"{_op}.float16", f"{f}(a, 1)", {"a": T((3, 6), "float16", low=0.5, high=1.5)}),
        Case(f"{_op}.complex", f"{f}(a, 0)", {"a": T((3, 2), "complex64")}),
        Case(f"{_op}.complex_grad", f"{f}(a, 0).abs()", {"a": T((3, 2), "complex128", grad=True)}),
        Case(f"{_op}.dtype", f"{f}(a, 1, dtype=torch.float64)", {"a": T((3, 4), grad=True)}),
        Case(
            f"{_op}.dtype_int",
            f"{f}(a, 0, dtype=torch.int8)",
            {"a": T((4, 2), "int64", low=20, high=90)},
        ),
        Case(
            f"{_op}.dtype_float_to_int", f"{f}(a, 0, dtype=torch.int32)", {"a": V([1.5, 2.7, -3.2])}
        ),
        Case(f"{_op}.dtype_bool_error", f"{f}(a, 0, dtype=torch.bool)", {"a": T((3,), "int32")}),
        Case(f"{_op}.nan_inf", f"{f}(a, 1)", {"a": V([[1.0, NAN, 2.0], [INF, 1.0, -INF]])}),
        Case(f"{_op}.out", f"{f}(a, 1, out=o)", {"a": T((3, 4)), "o": T((0,))}),
        Case(f"{_op}.out_int", f"{f}(a, 1, out=o)", {"a": T((3, 4)), "o": T((0,), "int64")}),
        Case(
            f"{_op}.out_uint8",
            f"{f}(a, 1, out=o)",
            {"a": T((3, 4), "uint8"), "o": T((3, 4), "uint8")},
        ),
        Case(
            f"{_op}.out_bool_error",
            f"{f}(a, 0, out=o)",
            {"a": T((3,), "int64"), "o": T((3,), "bool")},
        ),
        Case(
            f"{_op}.out_dtype_error",
            f"{f}(a, 0, dtype=torch.float32, out=o)",
            {"a": T((3,), "int64"), "o": T((3,), "float64")},
        ),
        Case(f"{_op}.no_dim_error", f"a.{_op}()", {"a": T((3, 4))}),
        Case(f"{_op}.dim_error", f"a.{_op}(2)", {"a": T((3, 4))}),
        Case(f"{_op}.zero_dim_error", f"a.{_op}(1)", {"a": T(())}),
        Case(f"{_op}.inplace", f"a.clone().{_op}_(1)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.inplace_int", f"a.{_op}_(0)", {"a": T((4, 3), "uint8")}),
        Case(
            f"{_op}.inplace_int8_wrap", f"a.{_op}_(0)", {"a": T((4, 3), "int8", low=30, high=100)}
        ),
        Case(f"{_op}.inplace_dtype_same", f"a.{_op}_(0, dtype=torch.float32)", {"a": T((3, 2))}),
        Case(f"{_op}.inplace_dtype_error", f"a.{_op}_(0, dtype=torch.float64)", {"a": T((3, 2))}),
        Case(
            f"{_op}.inplace_int_dtype_error",
            f"a.{_op}_(0, dtype=torch.int32)",
            {"a": T((3, 2), "int64")},
        ),
        Case(f"{_op}.inplace_bool_error", f"a.{_op}_(0)", {"a": T((3, 2), "bool")}),
        Case(f"{_op}.inplace_leaf_error", f"a.{_op}_(0)", {"a": T((3, 2), grad=True)}),
        Case(
            f"{_op}.inplace_view",
            "b = a * 1\nb[1].{op}_(0)\nout = b".replace("{op}", _op),
            {"a": T((3, 4), grad=True)},
        ),
    ]
    CASES += [Case(f"{_op}.{d}", f"{f}(a, 1)", {"a": T((3, 4), d, low=-3, high=4)}) for d in INTS]

CASES += [
    Case("cumprod.one_zero", "a.cumprod(0)", {"a": V([2.0, 0.0, 3.0, 4.0], grad=True)}),
    Case("cumprod.two_zeros", "a.cumprod(0)", {"a": V([2.0, 0.0, 3.0, 0.0, 5.0], grad=True)}),
    Case("cumprod.zero_first", "a.cumprod(0)", {"a": V([0.0, 2.0, 3.0], "float64", grad=True)}),
    Case("cumprod.zero_last", "a.cumprod(0)", {"a": V([2.0, 3.0, 0.0], grad=True)}),
    Case(
        "cumprod.zero_rows",
        "a.cumprod(1)",
        {"a": V([[1.5, 0.0, 2.0, -1.0], [0.0, 0.0, 1.0, 2.0], [1.0, 2.0, 3.0, 4.0]], grad=True)},
    ),
    Case(
        "cumprod.zero_complex",
        "a.cumprod(0).abs()",
        {"a": V([1.0, 0.0, 2.0], "complex128", grad=True)},
    ),
    Case("cumsum.big_int", "a.cumsum(0)", {"a": T((5,), "int64", low=2**60, high=2**62)}),
]

for _op in ("cummax", "cummin"):
    f = f"torch.{_op}"
    CASES += [
        Case(f"{_op}.grad", f"{f}(a, 1)", {"a": T((3, 4), grad=True)}),
        Case(f"{_op}.dim0", f"a.{_op}(0)", {"a": T((4, 3), "float64", grad=True)}),
        Case(f"{_op}.neg_dim", f"a.{_op}(dim=-2)", {"a": T((2, 3, 4), grad=True)}),
        Case(f"{_op}.ties", f"{f}(a, 0)", {"a": V([1.0, 3.0, 2.0, 3.0, 1.0, 3.0], grad=True)}),
        Case(f"{_op}.ties_min", f"{f}(a, 0)", {"a": V([3.0, 1.0, 2.0, 1.0, 4.0, 1.0], grad=True)}),
        Case(f"{_op}.constant", f"{f}(a, 0)", {"a": V([2.0, 2.0, 2.0], grad=True)}),
        Case(f"{_op}.nan", f"{f}(a, 0)", {"a": V([1.0, NAN, NAN, 5.0, NAN, 0.0], grad=True)}),
        Case(f"{_op}.nan_first", f"{f}(a, 0)", {"a": V([NAN, 1.0, NAN], grad=True)}),
        Case(f"{_op}.inf", f"{f}(a, 1)", {"a": V([[1.0, INF, 2.0], [-INF, -INF, 0.0]])}),
        Case(
            f"{_op}.fields", f"{f}(a, 1).indices + {f}(a, 1)[0].long()", {"a": T((3, 4), "int32")}
        ),
        Case(f"{_op}.zero_dim", f"{f}(a, 0)", {"a": T((), grad=True)}),
        Case(f"{_op}.empty", f"{f}(a, 0)", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.empty_other", f"{f}(a, 1)", {"a": T((2, 0), grad=True)}),
        Case(f"{_op}.bool", f"{f}(a, 1)", {"a": T((3, 4), "bool")}),
        Case(f"{_op}.float16", f"{f}(a, 1)", {"a": T((3, 4), "float16")}),
        Case(f"{_op}.transposed", f"{f}(a, 1)", {"a": T((3, 4), layout="t", grad=True)}),
        Case(f"{_op}.step", f"{f}(a, 0)", {"a": T((3, 4), layout="step", grad=True)}),
        Case(f"{_op}.expand", f"{f}(a, 0)", {"a": T((3, 4), layout="expand", grad=True)}),
        Case(f"{_op}.complex_error", f"{f}(a, 0)", {"a": T((3,), "complex64")}),
        Case(f"{_op}.empty_complex", f"{f}(a, 1)", {"a": T((0, 3), "complex64")}),
        Case(f"{_op}.no_dim_error", f"a.{_op}()", {"a": T((3, 4))}),
        Case(f"{_op}.dim_error", f"a.{_op}(2)", {"a": T((3, 4))}),
        Case(
            f"{_op}.out",
            f"{f}(a, 1, out=(v, i))",
            {"a": T((3, 4)), "v": T((0,)), "i": T((0,), "int64")},
        ),
    ]
    CASES += [Case(f"{_op}.{d}", f"{f}(a, 1)", {"a": T((3, 5), d, low=0, high=4)}) for d in INTS]
