"""Reductions: sum, mean, ...; torch's dtype rules (sum of bool/int gives int64, mean of int raises)."""

from numtorch import _dtype
from numtorch._errors import wrap_dims
from numtorch._ops.registry import FORWARD, REGISTRY, apply, op, public


def _dims(dim, ndim):
    """dim=None, an int or a tuple as a tuple of non-negative axes (None means all)."""
    if dim is None:
        return None
    if isinstance(dim, int):
        dim = (dim,)
    dims = wrap_dims(dim, ndim)
    return dims if ndim else ()


def _sum_dtype(input_dtype, dtype):
    if dtype is not None:
        return dtype
    return _dtype.int64 if input_dtype.category <= _dtype.INT else input_dtype


def _acc(xp, array, out_dtype):
    """The array to accumulate in: float16/bfloat16 sum in float32, as torch does."""
    np_out = out_dtype.np
    if out_dtype in (_dtype.float16, _dtype.bfloat16):
        return array.astype("float32"), np_out
    if array.dtype != np_out:
        return array.astype(np_out), np_out
    return array, np_out


@op("sum_all", grad_fn="SumBackward0", promote=FORWARD, function=False, method=False)
def _sum_all(xp, input, *, dtype):
    out = _sum_dtype(_dtype.from_numpy_dtype(input.dtype), dtype)
    arr, np_out = _acc(xp, input, out)
    return xp.sum(arr).astype(np_out)


@_sum_all.backward
def _(grad, *, needs, self_sym_sizes):
    return grad.expand(self_sym_sizes)


@op("sum_dim", grad_fn="SumBackward1", promote=FORWARD, function=False, method=False)
def _sum_dim(xp, input, *, dim, keepdim, dtype):
    out = _sum_dtype(_dtype.from_numpy_dtype(input.dtype), dtype)
    arr, np_out = _acc(xp, input, out)
    return xp.sum(arr, axis=dim, keepdims=keepdim).astype(np_out)


@_sum_dim.backward
def _(grad, *, needs, self_sym_sizes, dim, keepdim):
    if not keepdim:
        for d in sorted(dim):
            grad = grad.unsqueeze(d)
    return grad.expand(self_sym_sizes)


@public(method=True)
def sum(input, dim=None, keepdim=False, *, dtype=None, out=None):
    """Same as `torch.sum`."""
    dims = _dims(dim, input.dim())
    if dims is None:
        return apply(REGISTRY["sum_all"], (input,), {"dtype": dtype}, out)
    return apply(
        REGISTRY["sum_dim"], (input,), {"dim": dims, "keepdim": keepdim, "dtype": dtype}, out
    )


@op("mean_all", grad_fn="MeanBackward0", promote=FORWARD, function=False, method=False)
def _mean_all(xp, input, *, dtype):
    out = dtype or _dtype.from_numpy_dtype(input.dtype)
    arr, np_out = _acc(xp, input, out)
    return xp.mean(arr).astype(np_out)


@_mean_all.backward
def _(grad, *, needs, self_sym_sizes):
    n = 1
    for s in self_sym_sizes:
        n *= s
    return grad.expand(self_sym_sizes) / n


@op("mean_dim", grad_fn="MeanBackward1", promote=FORWARD, function=False, method=False)
def _mean_dim(xp, input, *, dim, keepdim, dtype):
    out = dtype or _dtype.from_numpy_dtype(input.dtype)
    arr, np_out = _acc(xp, input, out)
    return xp.mean(arr, axis=dim, keepdims=keepdim).astype(np_out)


@_mean_dim.backward
def _(grad, *, needs, self_sym_sizes, dim, keepdim):
    n = 1
    for d in dim:
        n *= self_sym_sizes[d]
    if not keepdim:
        for d in sorted(dim):
            grad = grad.unsqueeze(d)
    return grad.expand(self_sym_sizes) / n


@public(method=True)
def mean(input, dim=None, keepdim=False, *, dtype=None, out=None):
    """Same as `torch.mean`: floating and complex inputs only (or a floating `dtype=`)."""
    d = dtype or input.dtype
    if d.category < _dtype.FLOAT:
        raise RuntimeError(
            "mean(): could not infer output dtype. Input dtype must be either a floating point "
            f"or complex dtype. Got: {_type_name(input.dtype)}"
        )
    dims = _dims(dim, input.dim())
    if dims is None:
        return apply(REGISTRY["mean_all"], (input,), {"dtype": dtype}, out)
    return apply(
        REGISTRY["mean_dim"], (input,), {"dim": dims, "keepdim": keepdim, "dtype": dtype}, out
    )


def _type_name(d):
    from numtorch._errors import type_name

    return type_name(d)
