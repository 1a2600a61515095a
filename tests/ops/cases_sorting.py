"""Cases for sorting and selection: sort (stable and torch's unstable order among ties, NaN as the
largest), argsort, msort, topk, kthvalue, argmax/argmin, unique, unique_consecutive, searchsorted
and bucketize; dtypes, layouts, empty and 0-dim inputs, gradients, out= and errors."""

from tests.ops.spec import Case, T

ALL = (
    "bool",
    "uint8",
    "int8",
    "int16",
    "int32",
    "int64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
)
REAL = ALL[:9]
G = {"grad": True}
NAN = float("nan")
INF = float("inf")

# ties, NaNs, infinities and signed zeros in one row
MIXED = [3.0, NAN, 1.0, -INF, 2.0, NAN, INF, 1.0, -0.0, 0.0, 1.0, 3.0]
# many ties: the unstable sort's order shows (rows longer than 16 go through introsort)
TIES = [[float((i * 7 + r * 3) % 4) for i in range(40)] for r in range(3)]
TIES_NAN = [
    [NAN if (i * 5 + r) % 11 == 0 else float((i * 3 + r) % 5) for i in range(30)] for r in range(2)
]
INT_TIES = [[(i * 5 + r) % 3 for i in range(50)] for r in range(2)]


def _t(values, dtype="float32", **kw):
    shape = (len(values),) if not isinstance(values[0], list) else (len(values), len(values[0]))
    return T(shape, dtype, values=values, **kw)


def _through_ties(call):
    """The op's values and the input's gradient (each output weighted by its position), with the
    input made to require grad inside the expression: at ties finite differences do not apply,
    so these cases stay out of the gradcheck sweep while the gradient is still compared."""
    return (
        f"x = a.requires_grad_()\nv = {call}\nv = v[0] if isinstance(v, tuple) else v\n"
        "w = torch.arange(v.numel(), dtype=v.dtype).reshape(v.shape)\n"
        "out = (v, torch.autograd.grad((v * w).sum(), x)[0])"
    )


CASES = [
    # ------------------------------------------------------------ sort
    *[Case(f"sort.{d}", "torch.sort(a)", {"a": T((3, 5), d)}) for d in REAL],
    *[Case(f"sort.desc_{d}", "torch.sort(a, descending=True)", {"a": T((3, 5), d)}) for d in REAL],
    *[
        Case(f"sort.stable_{d}", "torch.sort(a, dim=0, stable=True)", {"a": T((6, 3), d)})
        for d in REAL
    ],
    Case("sort.complex_error", "torch.sort(a)", {"a": T((3,), "complex64")}),
    Case("sort.grad", "torch.sort(a)", {"a": T((3, 5), **G)}),
    Case("sort.grad_dim0_desc", "a.sort(0, True)", {"a": T((4, 3), layout="t", **G)}),
    Case("sort.mixed", _through_ties("torch.sort(x)"), {"a": _t(MIXED)}),
    Case("sort.mixed_desc", _through_ties("torch.sort(x, descending=True)"), {"a": _t(MIXED)}),
    Case("sort.mixed_stable", "torch.sort(a, stable=True, descending=True)", {"a": _t(MIXED)}),
    Case("sort.ties", _through_ties("torch.sort(x)"), {"a": _t(TIES)}),
    Case("sort.ties_desc", "torch.sort(a, -1, True)", {"a": _t(TIES)}),
    Case("sort.ties_stable", "torch.sort(a, stable=True)", {"a": _t(TIES)}),
    Case("sort.ties_dim0", _through_ties("torch.sort(x.t(), dim=0)"), {"a": _t(TIES)}),
    Case("sort.ties_nan", "torch.sort(a)", {"a": _t(TIES_NAN)}),
    Case("sort.ties_nan_desc", "torch.sort(a, descending=True)", {"a": _t(TIES_NAN)}),
    Case("sort.int_ties", "torch.sort(a)", {"a": _t(INT_TIES, "int64")}),
    Case("sort.int_ties_desc", "torch.sort(a, descending=True)", {"a": _t(INT_TIES, "int16")}),
    Case("sort.bool_ties", "torch.sort(a > 0)", {"a": _t(INT_TIES, "int64")}),
    Case("sort.expand", "torch.sort(a, dim=0)", {"a": T((20, 3), layout="expand", **G)}),
    Case("sort.step", "torch.sort(a, descending=True)", {"a": T((3, 4), layout="step", **G)}),
    Case("sort.3d", "torch.sort(a, 1)", {"a": T((2, 3, 4), "int32")}),
    Case("sort.0d", "torch.sort(a)", {"a": T((), **G)}),
    Case("sort.empty", "torch.sort(a, 0)", {"a": T((0, 3), **G)}),
    Case("sort.empty_last", "torch.sort(a)", {"a": T((2, 0))}),
    Case("sort.kw", "torch.sort(input=a, dim=0, descending=True)", {"a": T((3, 2))}),
    Case("sort.stable_none", "torch.sort(a, stable=None)", {"a": T((5,), "int64")}),
    Case(
        "sort.out",
        "torch.sort(a, out=(v, i))",
        {"a": T((3, 4)), "v": T((0,)), "i": T((0,), "int64")},
    ),
    Case("sort.dim_error", "torch.sort(a, 2)", {"a": T((3, 4))}),
    Case("sort.0d_dim_error", "torch.sort(a, 1)", {"a": T(())}),
    Case("sort.bool_dim_error", "torch.sort(a, True)", {"a": T((3,))}),
    Case("sort.positional_stable_error", "torch.sort(a, 0, stable=True)", {"a": T((3,))}),
    Case("sort.method_positional_stable_error", "a.sort(0, stable=True)", {"a": T((3,))}),
    Case("sort.descending_int_error", "torch.sort(a, dim=0, descending=1)", {"a": T((3,))}),
    # ------------------------------------------------------------ argsort / msort
    *[Case(f"argsort.{d}", "torch.argsort(a)", {"a": T((3, 5), d)}) for d in REAL],
    Case("argsort.desc", "torch.argsort(a, 0, True)", {"a": _t(TIES)}),
    Case("argsort.stable", "torch.argsort(a, stable=True, descending=True)", {"a": _t(TIES)}),
    Case("argsort.method", "a.argsort(dim=0)", {"a": T((4, 3), layout="t")}),
    Case("argsort.0d", "torch.argsort(a)", {"a": T(())}),
    Case("argsort.grad_input", "torch.argsort(a)", {"a": T((5,), **G)}, grad=False),
    Case("argsort.stable_none_error", "torch.argsort(a, stable=None)", {"a": T((3,))}),
    Case("argsort.positional_stable_error", "torch.argsort(a, 0, stable=True)", {"a": T((3,))}),
    Case("argsort.complex_error", "torch.argsort(a)", {"a": T((3,), "complex128")}),
    Case("msort.grad", "torch.msort(a)", {"a": T((4, 3), **G)}),
    Case("msort.ties", "a.msort()", {"a": _t(TIES)}),
    Case("msort.int", "torch.msort(a)", {"a": T((5,), "uint8")}),
    Case("msort.0d", "torch.msort(a)", {"a": T(())}),
    Case("msort.out", "torch.msort(a, out=o)", {"a": T((4, 3)), "o": T((4, 3))}),
    # ------------------------------------------------------------ topk
    *[Case(f"topk.{d}", "torch.topk(a, 3)", {"a": T((3, 7), d)}) for d in REAL[1:]],
    *[
        Case(f"topk.smallest_{d}", "torch.topk(a, 2, largest=False)", {"a": T((3, 7), d)})
        for d in REAL[1:]
    ],
    Case("topk.bool_error", "torch.topk(a, 1)", {"a": T((3,), "bool")}),
    Case("topk.complex_error", "torch.topk(a, 1)", {"a": T((3,), "complex64")}),
    Case("topk.grad", "torch.topk(a, 2)", {"a": T((3, 5), **G)}),
    Case("topk.grad_dim0", "a.topk(2, 0, False)", {"a": T((5, 3), layout="t", **G)}),
    Case("topk.mixed", _through_ties("torch.topk(x, 5)"), {"a": _t(MIXED)}),
    Case("topk.mixed_smallest", _through_ties("torch.topk(x, 5, largest=False)"), {"a": _t(MIXED)}),
    Case("topk.ties", _through_ties("torch.topk(x, 10)"), {"a": _t(TIES)}),
    Case("topk.ties_smallest", "torch.topk(a, 7, largest=False)", {"a": _t(TIES)}),
    Case("topk.ties_unsorted", _through_ties("torch.topk(x, 10, sorted=False)"), {"a": _t(TIES)}),
    Case("topk.unsorted", "torch.topk(a, 4, sorted=False)", {"a": T((3, 9), **G)}),
    Case("topk.unsorted_smallest", "torch.topk(a, 4, -1, False, False)", {"a": T((3, 9))}),
    Case("topk.partial_sort", "torch.topk(a, 1)", {"a": T((2, 70), "int64")}),
    Case("topk.partial_sort_ties", "torch.topk(a, 1, largest=False)", {"a": _t(INT_TIES, "int32")}),
    Case("topk.ties_nan", "torch.topk(a, 8)", {"a": _t(TIES_NAN)}),
    Case("topk.int_ties", "torch.topk(a, 20)", {"a": _t(INT_TIES, "int64")}),
    Case("topk.k_all", "torch.topk(a, 4)", {"a": T((2, 4), **G)}),
    Case("topk.k0", "torch.topk(a, 0)", {"a": T((2, 4), **G)}),
    Case("topk.0d", "torch.topk(a, 1)", {"a": T((), **G)}),
    Case("topk.0d_k0", "torch.topk(a, 0)", {"a": T(())}),
    Case("topk.empty_rows", "torch.topk(a, 2)", {"a": T((0, 3), **G)}),
    Case("topk.expand", "torch.topk(a, 2, dim=0)", {"a": T((4, 3), layout="expand", **G)}),
    Case("topk.kw", "torch.topk(a, k=2, dim=0, largest=True, sorted=True)", {"a": T((4, 3))}),
    Case(
        "topk.out",
        "torch.topk(a, 2, out=(v, i))",
        {"a": T((3, 4)), "v": T((0,)), "i": T((0,), "int64")},
    ),
    Case("topk.k_error", "torch.topk(a, 6)", {"a": T((3, 5))}),
    Case("topk.neg_k_error", "torch.topk(a, -1)", {"a": T((3, 5))}),
    Case("topk.0d_k_error", "torch.topk(a, 2)", {"a": T(())}),
    Case("topk.empty_k_error", "torch.topk(a, 1, dim=0)", {"a": T((0, 3))}),
    Case("topk.float_k_error", "torch.topk(a, 2.0)", {"a": T((3,))}),
    Case("topk.dim_error", "torch.topk(a, 1, 2)", {"a": T((3, 5))}),
    # ------------------------------------------------------------ kthvalue
    *[Case(f"kthvalue.{d}", "torch.kthvalue(a, 3)", {"a": T((3, 7), d)}) for d in REAL[1:]],
    Case("kthvalue.bool_error", "torch.kthvalue(a, 1)", {"a": T((3,), "bool")}),
    Case("kthvalue.complex_error", "torch.kthvalue(a, 1)", {"a": T((3,), "complex64")}),
    Case("kthvalue.grad", "torch.kthvalue(a, 2)", {"a": T((3, 5), **G)}),
    Case("kthvalue.grad_keepdim", "a.kthvalue(2, 0, True)", {"a": T((5, 3), layout="t", **G)}),
    Case("kthvalue.mixed", _through_ties("torch.kthvalue(x, 3)"), {"a": _t(MIXED)}),
    Case("kthvalue.mixed_nan", "torch.kthvalue(a, 12)", {"a": _t(MIXED)}),
    Case("kthvalue.ties", _through_ties("torch.kthvalue(x, 15)"), {"a": _t(TIES)}),
    Case("kthvalue.ties_first", "torch.kthvalue(a, 1)", {"a": _t(TIES)}),
    Case("kthvalue.ties_nan", "torch.kthvalue(a, 29, keepdim=True)", {"a": _t(TIES_NAN)}),
    Case("kthvalue.int_ties", "torch.kthvalue(a, 25)", {"a": _t(INT_TIES, "int64")}),
    Case("kthvalue.0d", "torch.kthvalue(a, 1)", {"a": T((), **G)}),
    Case("kthvalue.empty_rows", "torch.kthvalue(a, 1)", {"a": T((0, 3), **G)}),
    Case("kthvalue.expand", "torch.kthvalue(a, 2, dim=0)", {"a": T((4, 3), layout="expand", **G)}),
    Case("kthvalue.kw", "torch.kthvalue(a, k=2, dim=0, keepdim=True)", {"a": T((4, 3))}),
    Case(
        "kthvalue.out",
        "torch.kthvalue(a, 2, out=(v, i))",
        {"a": T((3, 4)), "v": T((0,)), "i": T((0,), "int64")},
    ),
    Case("kthvalue.k_error", "torch.kthvalue(a, 6)", {"a": T((3, 5))}),
    Case("kthvalue.k0_error", "torch.kthvalue(a, 0, 0)", {"a": T((3, 5))}),
    Case("kthvalue.0d_k_error", "torch.kthvalue(a, 2)", {"a": T(())}),
    Case("kthvalue.empty_dim_error", "torch.kthvalue(a, 1, 0)", {"a": T((0, 3))}),
    Case("kthvalue.float_k_error", "torch.kthvalue(a, k=1.0)", {"a": T((3,))}),
    Case("kthvalue.dim_error", "torch.kthvalue(a, 1, 2)", {"a": T((3, 5))}),
    # ------------------------------------------------------------ argmax / argmin
    *[Case(f"argmax.{d}", "torch.argmax(a)", {"a": T((3, 5), d)}) for d in REAL[1:]],
    *[Case(f"argmin.{d}", "torch.argmin(a, 1)", {"a": T((3, 5), d)}) for d in REAL[1:]],
    Case("argmax.keepdim", "torch.argmax(a, keepdim=True)", {"a": T((3, 5))}),
    Case("argmax.dim_keepdim", "a.argmax(-1, True)", {"a": T((3, 5), layout="t")}),
    Case("argmax.nan", "torch.argmax(a)", {"a": _t(MIXED)}),
    Case("argmin.nan", "torch.argmin(a)", {"a": _t(MIXED)}),
    Case("argmax.ties", "torch.argmax(a, 1)", {"a": _t(TIES)}),
    Case("argmin.ties", "torch.argmin(a, 0)", {"a": _t(INT_TIES, "int64")}),
    Case("argmax.0d", "torch.argmax(a)", {"a": T(())}),
    Case("argmax.0d_dim", "torch.argmax(a, 0, True)", {"a": T(())}),
    Case("argmax.0d_keepdim", "torch.argmax(a, keepdim=True)", {"a": T(())}),
    Case("argmax.empty_rows", "torch.argmax(a, 1)", {"a": T((0, 3))}),
    Case("argmax.expand", "torch.argmax(a, 0)", {"a": T((4, 3), layout="expand")}),
    Case("argmax.out", "torch.argmax(a, 1, out=o)", {"a": T((3, 4)), "o": T((3,), "int64")}),
    Case("argmax.empty_error", "torch.argmax(a)", {"a": T((0, 3))}),
    Case("argmin.empty_error", "torch.argmin(a)", {"a": T((0,))}),
    Case("argmax.empty_dim_error", "torch.argmax(a, 0)", {"a": T((0, 3))}),
    Case("argmax.bool_error", "torch.argmax(a)", {"a": T((3,), "bool")}),
    Case("argmin.complex_error", "torch.argmin(a)", {"a": T((3,), "complex64")}),
    Case("argmax.dim_error", "torch.argmax(a, 2)", {"a": T((3, 5))}),
    # ------------------------------------------------------------ unique
    *[
        Case(
            f"unique.{d}",
            "torch.unique(a, return_inverse=True, return_counts=True)",
            {"a": T((3, 5), d)},
        )
        for d in REAL
    ],
    Case("unique.plain", "torch.unique(a)", {"a": T((4, 3), "int64")}),
    Case("unique.unsorted", "torch.unique(a, sorted=False)", {"a": T((10,), "int64")}),
    Case("unique.inverse", "torch.unique(a, return_inverse=True)", {"a": T((2, 5), "int64")}),
    Case("unique.counts", "a.unique(return_counts=True)", {"a": T((12,), "int16")}),
    Case(
        "unique.mixed", "torch.unique(a, return_inverse=True, return_counts=True)", {"a": _t(MIXED)}
    ),
    Case(
        "unique.zeros",
        "torch.unique(a, return_counts=True)",
        {"a": _t([0.0, -0.0, -0.0, 0.0, 1.0])},
    ),
    Case("unique.0d", "torch.unique(a, return_inverse=True)", {"a": T(())}),
    Case(
        "unique.empty", "torch.unique(a, return_inverse=True, return_counts=True)", {"a": T((0, 3))}
    ),
    Case("unique.grad", "torch.unique(a)", {"a": T((5,), **G)}),
    Case("unique.grad_inverse", "torch.unique(a, return_inverse=True)", {"a": T((5,), **G)}),
    Case("unique.complex_error", "torch.unique(a)", {"a": T((3,), "complex64")}),
    Case(
        "unique.positional",
        "torch.unique(a, False, True, True, 0)",
        {"a": _t([[1, 2], [1, 2], [0, 5], [1, 2]], "int64")},
    ),
    Case(
        "unique.dim0",
        "torch.unique(a, dim=0, return_inverse=True, return_counts=True)",
        {"a": _t([[1, 2], [1, 2], [0, 5], [1, 2]], "int64")},
    ),
    Case(
        "unique.dim1",
        "torch.unique(a, dim=1, return_inverse=True)",
        {"a": _t([[1.0, 2.0, 1.0], [3.0, 0.0, 3.0]])},
    ),
    Case("unique.dim_neg", "torch.unique(a, dim=-1)", {"a": T((2, 6), "int64", low=0, high=2)}),
    Case(
        "unique.dim_3d",
        "torch.unique(a, dim=1, return_counts=True)",
        {"a": T((2, 8, 2), "int64", low=0, high=2)},
    ),
    Case(
        "unique.dim_nan",
        "torch.unique(a, dim=0, return_inverse=True)",
        {"a": _t([[1.0, NAN], [1.0, NAN], [0.0, 1.0]])},
    ),
    Case("unique.dim_bool", "torch.unique(a, dim=0, return_counts=True)", {"a": T((6, 2), "bool")}),
    Case(
        "unique.dim_float16",
        "torch.unique(a, dim=0)",
        {"a": T((6, 2), "float16", values=[[1, 0], [0, 1], [1, 0], [2, 2], [0, 1], [1, 0]])},
    ),
    Case(
        "unique.dim_t",
        "torch.unique(a, dim=0)",
        {"a": T((5, 2), "int64", layout="t", low=0, high=2)},
    ),
    Case("unique.dim_grad", "torch.unique(a, dim=0)", {"a": T((3, 2), **G)}),
    Case(
        "unique.dim_empty",
        "torch.unique(a, dim=0, return_inverse=True, return_counts=True)",
        {"a": T((0, 3))},
    ),
    Case("unique.dim_empty_other_error", "torch.unique(a, dim=1)", {"a": T((0, 3))}),
    Case("unique.dim_two_empty_error", "torch.unique(a, dim=0)", {"a": T((0, 0))}),
    Case("unique.dim_0d_error", "torch.unique(a, dim=0)", {"a": T(())}),
    Case("unique.dim_error", "torch.unique(a, dim=2)", {"a": T((3, 2))}),
    Case("unique.dim_complex_error", "torch.unique(a, dim=0)", {"a": T((3,), "complex64")}),
    # ------------------------------------------------------------ unique_consecutive
    *[
        Case(
            f"unique_consecutive.{d}",
            "torch.unique_consecutive(a, return_inverse=True, return_counts=True)",
            {"a": T((12,), d, low=0, high=2)},
        )
        for d in REAL
    ],
    Case(
        "unique_consecutive.plain",
        "torch.unique_consecutive(a)",
        {"a": _t([1, 1, 2, 2, 3, 1, 1, 2], "int64")},
    ),
    Case(
        "unique_consecutive.nan",
        "torch.unique_consecutive(a, return_inverse=True)",
        {"a": _t([NAN, NAN, 1.0, 1.0, -0.0, 0.0])},
    ),
    Case(
        "unique_consecutive.2d_flat",
        "a.unique_consecutive(return_counts=True)",
        {"a": T((3, 4), "int64", low=0, high=2)},
    ),
    Case(
        "unique_consecutive.dim0",
        "torch.unique_consecutive(a, dim=0, return_inverse=True, return_counts=True)",
        {"a": _t([[1, 2], [1, 2], [0, 5], [1, 2]], "int64")},
    ),
    Case(
        "unique_consecutive.dim1",
        "torch.unique_consecutive(a, dim=1, return_counts=True)",
        {"a": T((2, 6), "int64", low=0, high=2)},
    ),
    Case(
        "unique_consecutive.dim0_1d",
        "torch.unique_consecutive(a, dim=0)",
        {"a": _t([1.0, 1.0, NAN, NAN])},
    ),
    Case("unique_consecutive.0d", "torch.unique_consecutive(a, return_inverse=True)", {"a": T(())}),
    Case(
        "unique_consecutive.empty",
        "torch.unique_consecutive(a, return_inverse=True, return_counts=True)",
        {"a": T((0, 3))},
    ),
    Case("unique_consecutive.grad", "torch.unique_consecutive(a)", {"a": T((5,), **G)}),
    Case(
        "unique_consecutive.dim_empty_error", "torch.unique_consecutive(a, dim=1)", {"a": T((0, 3))}
    ),
    Case(
        "unique_consecutive.complex_error",
        "torch.unique_consecutive(a)",
        {"a": T((3,), "complex64")},
    ),
    # ------------------------------------------------------------ searchsorted / bucketize
    *[
        Case(
            f"searchsorted.{d}",
            "torch.searchsorted(s, v)",
            {"s": T((5,), d, values=[0, 1, 1, 3, 5]), "v": T((2, 3), d, low=0, high=6)},
        )
        for d in REAL[1:]
    ],
    Case(
        "searchsorted.bool_error",
        "torch.searchsorted(s, v)",
        {"s": T((2,), "bool"), "v": T((2,), "bool")},
    ),
    Case(
        "searchsorted.complex_error",
        "torch.searchsorted(s, v)",
        {"s": T((2,), "complex64"), "v": T((2,), "complex64")},
    ),
    Case(
        "searchsorted.right",
        "torch.searchsorted(s, v, right=True)",
        {"s": _t([1.0, 3.0, 3.0, 5.0]), "v": _t([0.0, 3.0, 4.0, 6.0])},
    ),
    Case(
        "searchsorted.side_right",
        "torch.searchsorted(s, v, side='right')",
        {"s": _t([1.0, 3.0, 3.0, 5.0]), "v": _t([0.0, 3.0, 4.0, 6.0])},
    ),
    Case(
        "searchsorted.side_left",
        "torch.searchsorted(s, v, side='left')",
        {"s": _t([1.0, 3.0, 3.0, 5.0]), "v": _t([0.0, 3.0, 4.0, 6.0])},
    ),
    Case(
        "searchsorted.nan",
        "torch.searchsorted(s, v)",
        {"s": _t([1.0, 3.0, 3.0, 5.0, NAN]), "v": _t([[0.0, 3.0, 6.0], [NAN, 5.0, 1.0]])},
    ),
    Case(
        "searchsorted.nan_right",
        "torch.searchsorted(s, v, right=True)",
        {"s": _t([1.0, NAN, 3.0, 5.0]), "v": _t([0.0, 3.0, 6.0, NAN])},
    ),
    Case(
        "searchsorted.out_int32",
        "torch.searchsorted(s, v, out_int32=True)",
        {"s": _t([1, 3, 5], "int64"), "v": _t([3, 4], "int64")},
    ),
    Case("searchsorted.scalar", "torch.searchsorted(s, 3)", {"s": _t([1, 3, 5], "int64")}),
    Case("searchsorted.scalar_float", "torch.searchsorted(s, 3.5)", {"s": _t([1, 3, 5], "int64")}),
    Case(
        "searchsorted.0d_value",
        "torch.searchsorted(s, v)",
        {"s": _t([1.0, 3.0]), "v": T((), low=0, high=4)},
    ),
    Case(
        "searchsorted.nd",
        "torch.searchsorted(s, v)",
        {"s": _t([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0]]), "v": _t([[2.5, 0.0], [4.0, 7.0]])},
    ),
    Case(
        "searchsorted.nd_right",
        "torch.searchsorted(s, v, right=True)",
        {"s": _t([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0]]), "v": _t([[2.0], [4.0]])},
    ),
    Case(
        "searchsorted.sorter",
        "torch.searchsorted(s, v, sorter=i)",
        {"s": _t([5.0, 1.0, 3.0]), "v": _t([2.0, 4.0, 6.0]), "i": _t([1, 2, 0], "int64")},
    ),
    Case(
        "searchsorted.sorter_nd",
        "torch.searchsorted(s, v, sorter=i, side='right')",
        {
            "s": _t([[5.0, 1.0, 3.0], [2.0, 0.0, 1.0]]),
            "v": _t([[3.0], [1.0]]),
            "i": _t([[1, 2, 0], [1, 2, 0]], "int64"),
        },
    ),
    Case(
        "searchsorted.promote",
        "torch.searchsorted(s, v)",
        {"s": _t([1, 3, 5], "int64"), "v": _t([[0.5, 3.0, 6.0], [NAN, 5.0, 1.0]])},
    ),
    Case(
        "searchsorted.promote_double",
        "torch.searchsorted(s, v)",
        {"s": _t([1.0, 3.0]), "v": _t([1.0, 3.0], "float64")},
    ),
    Case("searchsorted.empty_bounds", "torch.searchsorted(s, v)", {"s": T((0,)), "v": T((2, 3))}),
    Case(
        "searchsorted.empty_values",
        "torch.searchsorted(s, v)",
        {"s": _t([1.0, 2.0]), "v": T((0, 3))},
    ),
    Case(
        "searchsorted.t_values",
        "torch.searchsorted(s, v.t())",
        {"s": _t([1.0, 3.0, 5.0]), "v": T((3, 2), low=0, high=6)},
    ),
    Case(
        "searchsorted.step_bounds",
        "torch.searchsorted(s[::2], v)",
        {"s": _t([1.0, 2.0, 3.0, 4.0, 5.0]), "v": T((4,), low=0, high=6)},
    ),
    Case(
        "searchsorted.out",
        "torch.searchsorted(s, v, out=o)",
        {"s": _t([1.0, 3.0]), "v": T((3,)), "o": T((0,), "int64")},
    ),
    Case(
        "searchsorted.out_dtype_error",
        "torch.searchsorted(s, v, out=o)",
        {"s": _t([1.0, 3.0]), "v": T((3,)), "o": T((3,))},
    ),
    Case(
        "searchsorted.side_error",
        "torch.searchsorted(s, v, side='middle')",
        {"s": _t([1.0, 3.0]), "v": T((3,))},
    ),
    Case(
        "searchsorted.opposite_error",
        "torch.searchsorted(s, v, right=True, side='left')",
        {"s": _t([1.0, 3.0]), "v": T((3,))},
    ),
    Case("searchsorted.0d_bounds_error", "torch.searchsorted(s, v)", {"s": T(()), "v": T((3,))}),
    Case(
        "searchsorted.nd_mismatch_error", "torch.searchsorted(s, v)", {"s": T((2, 3)), "v": T((2,))}
    ),
    Case("searchsorted.nd_scalar_error", "torch.searchsorted(s, v)", {"s": T((2, 3)), "v": T(())}),
    Case(
        "searchsorted.sorter_size_error",
        "torch.searchsorted(s, v, sorter=i)",
        {"s": T((4,)), "v": T((2,)), "i": _t([1, 2, 0], "int64")},
    ),
    Case(
        "searchsorted.sorter_dtype_error",
        "torch.searchsorted(s, v, sorter=i)",
        {"s": T((3,)), "v": T((2,)), "i": _t([1, 2, 0], "int32")},
    ),
    Case(
        "searchsorted.sorter_range_error",
        "torch.searchsorted(s, v, sorter=i)",
        {"s": T((3,)), "v": T((2,)), "i": _t([1, 2, 5], "int64")},
    ),
    Case(
        "bucketize.plain",
        "torch.bucketize(v, s)",
        {"v": _t([[0.0, 3.0, 6.0], [NAN, 5.0, 1.0]]), "s": _t([1.0, 3.0, 3.0, 5.0, NAN])},
    ),
    Case(
        "bucketize.right",
        "torch.bucketize(v, s, right=True)",
        {"v": T((2, 4), low=0, high=6), "s": _t([1.0, 3.0, 3.0, 5.0])},
    ),
    Case(
        "bucketize.int32",
        "torch.bucketize(v, s, out_int32=True)",
        {"v": T((5,), "int64", low=0, high=6), "s": _t([1, 3, 5], "int64")},
    ),
    Case("bucketize.scalar", "torch.bucketize(3, s)", {"s": _t([1, 3, 5], "int64")}),
    Case("bucketize.0d", "torch.bucketize(v, s)", {"v": T(()), "s": _t([-1.0, 0.0, 1.0])}),
    Case("bucketize.empty", "torch.bucketize(v, s)", {"v": T((0, 2)), "s": _t([1.0, 2.0])}),
    Case("bucketize.empty_bounds", "torch.bucketize(v, s)", {"v": T((3,)), "s": T((0,))}),
    Case(
        "bucketize.out",
        "torch.bucketize(v, s, out=o)",
        {"v": T((3,)), "s": _t([0.0]), "o": T((3,), "int64")},
    ),
    Case("bucketize.2d_error", "torch.bucketize(v, s)", {"v": T((3,)), "s": T((2, 2))}),
    Case("bucketize.0d_bounds_error", "torch.bucketize(v, s)", {"v": T((3,)), "s": T(())}),
]
