"""Cases for the sum-like reductions (numtorch/_ops/reduction.py): sum, mean, nansum, nanmean,
prod, logsumexp, all, any, count_nonzero.

Each op runs over every dtype torch accepts, 0-dim, empty, non-contiguous and expanded inputs,
negative and tuple dims, keepdim, dtype=, out=, the method form, gradients and torch's errors.
"""

import numpy

from tests.ops.spec import Case, T

NAN, INF = float("nan"), float("inf")
INTS = ("uint8", "int8", "int16", "int32", "int64")


def V(values, dtype="float32", **kwargs):
    """A tensor input with the given values (its shape is theirs)."""
    return T(numpy.shape(values), dtype, values=values, **kwargs)


def _sum_like(name):
    """A shared battery for reductions with sum's signature (sum, nansum, mean, nanmean)."""
    f = f"torch.{name}"
    cases = [
        Case(f"{name}.all_grad", f"{f}(a)", {"a": T((3, 4), grad=True)}),
        Case(f"{name}.dim_grad", f"{f}(a, 1)", {"a": T((3, 4), grad=True)}),
        Case(f"{name}.neg_dim", f"a.{name}(-2)", {"a": T((2, 3, 4), "float64", grad=True)}),
        Case(
            f"{name}.tuple_keepdim",
            f"a.{name}((0, 2), keepdim=True)",
            {"a": T((2, 3, 4), grad=True)},
        ),
        Case(f"{name}.list_dim", f"{f}(a, [-1, 0])", {"a": T((2, 3, 4), grad=True)}),
        Case(f"{name}.none_dim", f"{f}(a, None)", {"a": T((2, 3), grad=True)}),
        Case(f"{name}.none_keepdim", f"{f}(a, None, True)", {"a": T((2, 3), grad=True)}),
        Case(f"{name}.empty_tuple", f"{f}(a, ())", {"a": T((2, 3), grad=True)}),
        Case(f"{name}.zero_dim", f"{f}(a)", {"a": T((), grad=True)}),
        Case(f"{name}.zero_dim_dim", f"{f}(a, -1, keepdim=True)", {"a": T((), grad=True)}),
        Case(f"{name}.empty", f"{f}(a)", {"a": T((0, 3), layout="t")}),
        Case(f"{name}.empty_dim0", f"{f}(a, 0)", {"a": T((0, 3), layout="t", grad=True)}),
        Case(f"{name}.empty_dim1", f"{f}(a, 1)", {"a": T((0, 3), layout="t", grad=True)}),
        Case(f"{name}.transposed", f"{f}(a, 0)", {"a": T((3, 4), layout="t", grad=True)}),
        Case(f"{name}.step", f"{f}(a, -1)", {"a": T((3, 4), layout="step", grad=True)}),
        Case(f"{name}.expand", f"{f}(a, 0)", {"a": T((3, 4), layout="expand", grad=True)}),
        Case(f"{name}.float16", f"{f}(a, 1)", {"a": T((3, 50), "float16")}),
        Case(f"{name}.float64", f"{f}(a)", {"a": T((4, 5), "float64", grad=True)}),
        Case(f"{name}.dtype64", f"{f}(a, 1, dtype=torch.float64)", {"a": T((3, 4), grad=True)}),
        Case(f"{name}.dtype_all", f"{f}(a, dtype=torch.float64)", {"a": T((3, 4), grad=True)}),
        Case(f"{name}.out", f"{f}(a, 1, out=o)", {"a": T((3, 4)), "o": T((0,))}),
        Case(f"{name}.out_keepdim", f"{f}(a, 0, True, out=o)", {"a": T((3, 4)), "o": T((1, 4))}),
        Case(f"{name}.dim_error", f"{f}(a, 2)", {"a": T((3, 4))}),
        Case(f"{name}.neg_dim_error", f"{f}(a, -3)", {"a": T((3, 4))}),
        Case(f"{name}.zero_dim_error", f"{f}(a, 1)", {"a": T(())}),
        Case(f"{name}.repeat_dim_error", f"{f}(a, (1, -1))", {"a": T((3, 4))}),
        Case(f"{name}.complex", f"{f}(a, 0)", {"a": T((3, 2), "complex64")}),
        Case(f"{name}.complex128_all", f"{f}(a)", {"a": T((3, 2), "complex128")}),
        Case(f"{name}.bool", f"{f}(a)", {"a": T((3, 4), "bool")}),
        Case(f"{name}.bool_dtype", f"{f}(a, 0, dtype=torch.float32)", {"a": T((3, 4), "bool")}),
        Case(f"{name}.nan", f"{f}(a, 1)", {"a": V([[1.0, NAN, 2.0], [NAN, NAN, NAN]], grad=True)}),
        Case(f"{name}.inf", f"{f}(a, 0)", {"a": V([[1.0, INF, -INF], [2.0, 1.0, INF]])}),
    ]
    for d in INTS:
        cases.append(Case(f"{name}.{d}", f"{f}(a)", {"a": T((3, 4), d)}))
        cases.append(Case(f"{name}.{d}_dim", f"{f}(a, 1, True)", {"a": T((3, 4), d)}))
        cases.append(
            Case(f"{name}.{d}_dtype", f"{f}(a, 0, dtype=torch.float64)", {"a": T((3, 4), d)})
        )
    cases += [
        Case(f"{name}.int_big", f"{f}(a)", {"a": T((4,), "int64", low=2**60, high=2**62)}),
        Case(
            f"{name}.int8_wrap",
            f"{f}(a, dtype=torch.int8)",
            {"a": T((8,), "int8", low=60, high=100)},
        ),
        Case(
            f"{name}.uint8_to_half",
            f"{f}(a, dtype=torch.float16)",
            {"a": T((9,), "uint8", low=200, high=255)},
        ),
    ]
    return cases


CASES = _sum_like("sum") + _sum_like("nansum") + _sum_like("mean") + _sum_like("nanmean")

CASES += [
    Case("sum.method_dtype", "a.sum(dtype=torch.int32)", {"a": T((3, 4), "int16")}),
    Case("sum.float16_big", "a.sum()", {"a": V([60000.0, 60000.0], "float16")}),
    Case("sum.float16_acc", "a.sum()", {"a": T((2000,), "float16", low=0, high=1)}),
    Case("sum.bool_to_bool", "a.sum(dtype=torch.bool)", {"a": T((5,), "bool")}),
    Case("sum.float_to_int", "a.sum(0, dtype=torch.int64)", {"a": T((3, 2), low=-5, high=5)}),
    Case("sum.keepdim_no_dim_error", "a.sum(keepdim=True)", {"a": T((3,))}),
    Case(
        "sum.out_dtype",
        "torch.sum(a, 0, out=o)",
        {"a": T((3, 2), "int32"), "o": T((2,), "float64")},
    ),
    Case("sum.out_cast_error", "torch.sum(a, 0, out=o)", {"a": T((3, 2)), "o": T((2,), "int64")}),
    Case("sum.size_dim", "a.sum(a.shape[1:])", {"a": T((3, 1), grad=True)}),
    Case(
        "sum.grad_twice", "(a.sum(0) * a.sum(1, keepdim=True)).sum(())", {"a": T((2, 3), grad=True)}
    ),
    Case("mean.float16_big", "a.mean()", {"a": V([60000.0, 60000.0], "float16")}),
    Case("mean.int_dtype", "a.mean(dtype=torch.float32)", {"a": T((3, 4), "int64")}),
    Case("mean.bool_error", "a.mean()", {"a": T((3,), "bool")}),
    Case("mean.int_dtype_error", "a.mean(dtype=torch.int64)", {"a": T((3,), "float32")}),
    Case("mean.float16_dtype", "a.mean(1, dtype=torch.float16)", {"a": T((2, 3))}),
    Case("nansum.all_nan_grad", "torch.nansum(a)", {"a": V([NAN, 1.0, NAN], grad=True)}),
    Case("nansum.half_nan", "torch.nansum(a)", {"a": V([NAN, 1.5, 2.0], "float16")}),
    Case("nansum.complex_error", "torch.nansum(a)", {"a": T((3,), "complex64")}),
    Case("nanmean.all_nan", "torch.nanmean(a, 0)", {"a": V([[NAN, 1.0], [NAN, 3.0]], grad=True)}),
    Case("nanmean.int_error", "torch.nanmean(a)", {"a": T((3,), "int32")}),
    Case("nanmean.complex_error", "torch.nanmean(a)", {"a": T((3,), "complex64")}),
    Case("nanmean.dtype_half", "a.nanmean(dtype=torch.float16)", {"a": V([1.0, NAN, 2.0])}),
]
CASES += [
    Case("mean.bool_dtype64", "a.mean(0, dtype=torch.float64)", {"a": T((3, 4), "bool")}),
    Case("mean.complex_dim", "a.mean(0)", {"a": T((3, 2), "complex64")}),
    Case("mean.complex_grad", "a.mean(0).abs()", {"a": T((3, 2), "complex128", grad=True)}),
]

# ---------------------------------------------------------------- prod

CASES += [
    Case("prod.all_grad", "torch.prod(a)", {"a": T((3, 4), grad=True)}),
    Case("prod.dim_grad", "a.prod(1)", {"a": T((3, 4), "float64", grad=True)}),
    Case("prod.neg_keepdim", "a.prod(-2, keepdim=True)", {"a": T((2, 3, 4), grad=True)}),
    Case("prod.one_zero", "a.prod()", {"a": V([[2.0, 0.0, 3.0], [1.5, -1.0, 2.0]], grad=True)}),
    Case("prod.two_zeros", "a.prod()", {"a": V([[2.0, 0.0, 3.0], [1.5, 0.0, 2.0]], grad=True)}),
    Case("prod.dim_zero", "a.prod(1)", {"a": V([[2.0, 0.0, 3.0], [1.5, 0.0, 0.0]], grad=True)}),
    Case(
        "prod.dim_zero_keepdim",
        "a.prod(0, True)",
        {"a": V([[2.0, 0.0, 3.0], [0.0, -1.0, 2.0]], grad=True)},
    ),
    Case("prod.zero_dim", "a.prod()", {"a": T((), grad=True)}),
    Case("prod.nan_two_zeros", "a.prod()", {"a": V([[2.0, 0.0, NAN], [0.0, 1.0, 2.0]], grad=True)}),
    Case("prod.nan_one_zero", "a.prod()", {"a": V([[2.0, 0.0, NAN], [3.0, 1.0, 2.0]], grad=True)}),
    Case("prod.zero_dim_dim", "a.prod(0)", {"a": T((), grad=True)}),
    Case("prod.empty", "a.prod()", {"a": T((0, 3), layout="t")}),
    Case("prod.empty_dim0", "a.prod(0)", {"a": T((0, 3), layout="t", grad=True)}),
    Case("prod.empty_dim1", "a.prod(1)", {"a": T((0, 3), layout="t", grad=True)}),
    Case("prod.size_one", "a.prod(1)", {"a": T((3, 1), grad=True)}),
    Case("prod.transposed", "a.prod(1)", {"a": T((3, 4), layout="t", grad=True)}),
    Case("prod.step", "a.prod(0)", {"a": T((3, 4), layout="step", grad=True)}),
    Case("prod.expand", "a.prod(0)", {"a": T((3, 4), layout="expand", grad=True)}),
    Case("prod.bool", "a.prod()", {"a": T((3, 4), "bool")}),
    Case("prod.bool_dim", "a.prod(0)", {"a": T((3, 4), "bool")}),
    Case("prod.float16", "a.prod(1)", {"a": T((3, 6), "float16", low=0.5, high=2)}),
    Case("prod.float16_inf", "a.prod()", {"a": V([300.0, 300.0], "float16")}),
    Case("prod.dtype", "a.prod(1, dtype=torch.float64)", {"a": T((3, 4), grad=True)}),
    Case("prod.dtype_all", "a.prod(dtype=torch.float32)", {"a": T((3, 4), "uint8", high=4)}),
    Case("prod.int_keep_dtype", "a.prod(1, dtype=torch.uint8)", {"a": T((3, 4), "uint8")}),
    Case("prod.complex", "a.prod(0)", {"a": T((3, 2), "complex64")}),
    Case("prod.complex_grad", "a.prod().abs()", {"a": T((3,), "complex128", grad=True)}),
    Case("prod.out", "torch.prod(a, 1, out=o)", {"a": T((3, 4)), "o": T((3,))}),
    Case("prod.dim_error", "a.prod(2)", {"a": T((3, 4))}),
    Case("prod.zero_dim_error", "a.prod(1)", {"a": T(())}),
    Case(
        "prod.double_backward",
        "torch.autograd.grad(a.prod(), a, create_graph=True)[0]",
        {"a": V([2.0, 0.0, 3.0, 4.0], "float64", grad=True)},
    ),
]
CASES += [Case(f"prod.{d}", "a.prod(0)", {"a": T((3, 4), d, low=-3, high=4)}) for d in INTS]

# ---------------------------------------------------------------- logsumexp

CASES += [
    Case("logsumexp.grad", "torch.logsumexp(a, 1)", {"a": T((3, 4), grad=True)}),
    Case(
        "logsumexp.tuple",
        "a.logsumexp((0, -1), keepdim=True)",
        {"a": T((2, 3, 4), "float64", grad=True)},
    ),
    Case("logsumexp.neg", "a.logsumexp(-1)", {"a": T((2, 3, 4), grad=True)}),
    Case("logsumexp.big", "a.logsumexp(0)", {"a": V([1000.0, 1000.0, 999.0], grad=True)}),
    Case("logsumexp.inf", "a.logsumexp(1)", {"a": V([[INF, 1.0], [-INF, -INF], [NAN, 1.0]])}),
    Case("logsumexp.zero_dim", "a.logsumexp(0)", {"a": T((), grad=True)}),
    Case("logsumexp.empty0", "a.logsumexp(0)", {"a": T((0, 3), layout="t")}),
    Case("logsumexp.empty1", "a.logsumexp(1)", {"a": T((0, 3), layout="t")}),
    Case("logsumexp.int", "a.logsumexp(1)", {"a": T((3, 4), "int32")}),
    Case("logsumexp.bool", "a.logsumexp(0)", {"a": T((3, 4), "bool")}),
    Case("logsumexp.uint8", "a.logsumexp(0)", {"a": T((3, 4), "uint8")}),
    Case("logsumexp.float16", "a.logsumexp(1)", {"a": T((3, 4), "float16")}),
    Case("logsumexp.transposed", "a.logsumexp(1)", {"a": T((3, 4), layout="t", grad=True)}),
    Case("logsumexp.expand", "a.logsumexp(0)", {"a": T((3, 4), layout="expand", grad=True)}),
    Case("logsumexp.out", "torch.logsumexp(a, 1, out=o)", {"a": T((3, 4)), "o": T((3,))}),
    Case("logsumexp.no_dim_error", "torch.logsumexp(a)", {"a": T((3, 4))}),
    Case("logsumexp.empty_dims_error", "torch.logsumexp(a, ())", {"a": T((3, 4))}),
    Case("logsumexp.dim_error", "torch.logsumexp(a, 2)", {"a": T((3, 4))}),
    Case("logsumexp.none_error", "torch.logsumexp(a, None)", {"a": T((3, 4))}),
    Case("logsumexp.method_none_error", "a.logsumexp(None)", {"a": T((3, 4))}),
    Case("logsumexp.empty_dims_empty", "torch.logsumexp(a, ())", {"a": T((1, 0))}),
]

# ---------------------------------------------------------------- all, any, count_nonzero

for _op in ("all", "any"):
    CASES += [
        Case(f"{_op}.bool", f"torch.{_op}(a)", {"a": T((3, 4), "bool")}),
        Case(f"{_op}.bool_dim", f"a.{_op}(1)", {"a": T((3, 4), "bool")}),
        Case(f"{_op}.uint8_all", f"torch.{_op}(a)", {"a": T((3, 4), "uint8", high=3)}),
        Case(f"{_op}.uint8_dim", f"a.{_op}(0, keepdim=True)", {"a": T((3, 4), "uint8", high=3)}),
        Case(f"{_op}.uint8_empty_tuple", f"a.{_op}(())", {"a": T((2, 3), "uint8", high=3)}),
        Case(f"{_op}.float_tuple", f"a.{_op}(dim=(0, -1))", {"a": T((2, 3, 4), low=-1, high=2)}),
        Case(f"{_op}.float_zero", f"a.{_op}(1)", {"a": V([[0.0, 1.0], [0.0, -0.0], [NAN, 2.0]])}),
        Case(f"{_op}.float16", f"a.{_op}()", {"a": T((5,), "float16")}),
        Case(f"{_op}.complex", f"a.{_op}()", {"a": V([1.0, 0.0], "complex64")}),
        Case(f"{_op}.empty", f"a.{_op}()", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.empty_dim0", f"a.{_op}(0)", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.empty_dim1", f"a.{_op}(1)", {"a": T((0, 3), layout="t")}),
        Case(f"{_op}.zero_dim", f"a.{_op}(0)", {"a": T((), "int64")}),
        Case(
            f"{_op}.transposed", f"a.{_op}(0)", {"a": T((3, 4), "int32", low=0, high=2, layout="t")}
        ),
        Case(f"{_op}.grad_input", f"a.{_op}(0)", {"a": T((3, 4), grad=True)}, grad=False),
        Case(
            f"{_op}.out_bool",
            f"torch.{_op}(a, 1, out=o)",
            {"a": T((3, 4), "uint8"), "o": T((3,), "bool")},
        ),
        Case(
            f"{_op}.out_uint8",
            f"torch.{_op}(a, 1, out=o)",
            {"a": T((3, 4), "bool"), "o": T((3,), "uint8")},
        ),
        Case(f"{_op}.out_float_error", f"torch.{_op}(a, 1, out=o)", {"a": T((3, 4)), "o": T((3,))}),
        Case(f"{_op}.dim_error", f"a.{_op}(2)", {"a": T((3, 4))}),
        Case(f"{_op}.repeat_error", f"a.{_op}((0, 0))", {"a": T((3, 4))}),
    ]
    CASES += [Case(f"{_op}.{d}", f"a.{_op}(1)", {"a": T((3, 4), d, low=0, high=2)}) for d in INTS]

CASES += [
    Case("count_nonzero.all", "torch.count_nonzero(a)", {"a": T((3, 4), "int64", low=-1, high=2)}),
    Case("count_nonzero.dim", "a.count_nonzero(1)", {"a": T((3, 4), "uint8", high=2)}),
    Case("count_nonzero.tuple", "torch.count_nonzero(a, (0, -1))", {"a": T((2, 3, 4), "bool")}),
    Case(
        "count_nonzero.list_empty", "torch.count_nonzero(a, [])", {"a": T((2, 3), "int8", high=2)}
    ),
    Case(
        "count_nonzero.float",
        "torch.count_nonzero(a, dim=0)",
        {"a": V([[0.0, -0.0, NAN], [1.0, 0.0, INF]])},
    ),
    Case("count_nonzero.float16", "torch.count_nonzero(a)", {"a": V([0.0, 1.0, 2.0], "float16")}),
    Case("count_nonzero.complex", "torch.count_nonzero(a)", {"a": V([0.0, 1.0], "complex128")}),
    Case("count_nonzero.empty", "torch.count_nonzero(a, 0)", {"a": T((0, 3), layout="t")}),
    Case("count_nonzero.zero_dim", "torch.count_nonzero(a)", {"a": T((), "int32")}),
    Case(
        "count_nonzero.transposed",
        "torch.count_nonzero(a, 1)",
        {"a": T((3, 4), "int16", low=0, high=2, layout="t")},
    ),
    Case(
        "count_nonzero.grad_input",
        "torch.count_nonzero(a, 1)",
        {"a": T((3, 4), grad=True)},
        grad=False,
    ),
    Case("count_nonzero.dim_error", "torch.count_nonzero(a, 2)", {"a": T((3, 4))}),
    Case("count_nonzero.repeat_error", "torch.count_nonzero(a, (0, 0))", {"a": T((3, 4))}),
]
