"""Selecting reductions: max, min (three overloads each), amax, amin, aminmax, median,
nanmedian; mode is in reduction_mode.py.

Indices follow torch's CPU kernels: the first occurrence for max/min; for median the k-th
element in (value, index) order, or the first NaN.
"""

from numtorch import _dtype
from numtorch._errors import type_name, wrap_dim
from numtorch._ops.reduction import (
    NOT_GIVEN,
    check_real,
    empty_dim_error,
    expect_out_dtype,
    no_kernel,
    reduce_dims,
    restore_dims,
    return_type,
)
from numtorch._ops.registry import FORWARD, REGISTRY, apply, op, public
from numtorch._ops.unary import quiet
from numtorch._tensor import Tensor

max_result = return_type("max")
min_result = return_type("min")
max_out_result = return_type("max_out")
min_out_result = return_type("min_out")
aminmax_result = return_type("aminmax", ("min", "max"))
aminmax_out_result = return_type("aminmax_out", ("min", "max"))
median_result = return_type("median")
median_out_result = return_type("median_out")
nanmedian_result = return_type("nanmedian")
nanmedian_out_result = return_type("nanmedian_out")


def select_backward(grad, dim, indices, sizes, keepdim):
    """The gradient of a reduction that picks one element per slice: grad scattered to it."""
    from numtorch import zeros

    if not sizes:
        return grad
    if not keepdim:
        grad = grad.unsqueeze(dim)
        indices = indices.unsqueeze(dim)
    return zeros(sizes, dtype=grad.dtype, device=grad.device).scatter(dim, indices, grad)


def evenly_distribute(grad, input, value):
    """The gradient of a full reduction to one value: shared evenly by the elements equal to
    it (the NaNs when it is NaN)."""
    mask = input.isnan() if bool(value.isnan()) else input == value
    return mask * (grad / mask.sum())


def scale_by_count(grad, input, result, dims, keepdim):
    """amax/amin's gradient: shared evenly among the elements equal to the result."""
    mask = restore_dims(result, dims, keepdim) == input
    return restore_dims(grad, dims, keepdim) / mask.sum(dims, keepdim=True) * mask


def _no_dim_for_empty(name, input):
    if input.numel() == 0:
        raise RuntimeError(
            f"{name}(): Expected reduction dim to be specified for input.numel() == 0. Specify "
            "the reduction dim with the 'dim' argument."
        )


# ---------------------------------------------------------------- max and min


def _pick(xp, input, dim, keepdim, largest):
    if input.ndim == 0:
        return input.copy(), xp.zeros((), "int64")
    values = input.max(dim, keepdims=keepdim) if largest else input.min(dim, keepdims=keepdim)
    idx = input.argmax(dim, keepdims=keepdim) if largest else input.argmin(dim, keepdims=keepdim)
    return values, idx.astype("int64", copy=False)


@op("max_all", grad_fn="MaxBackward1", promote=FORWARD, function=False, method=False)
def _max_all(xp, input):
    return input.max()


@_max_all.backward
def _(grad, *, needs, self, result):
    return evenly_distribute(grad, self, result)


@op("min_all", grad_fn="MinBackward1", promote=FORWARD, function=False, method=False)
def _min_all(xp, input):
    return input.min()


@_min_all.backward
def _(grad, *, needs, self, result):
    return evenly_distribute(grad, self, result)


@op(
    "max_dim",
    grad_fn="MaxBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=max_result,
)
def _max_dim(xp, input, *, dim, keepdim):
    return _pick(xp, input, dim, keepdim, True)


@op(
    "min_dim",
    grad_fn="MinBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=min_result,
)
def _min_dim(xp, input, *, dim, keepdim):
    return _pick(xp, input, dim, keepdim, False)


@_max_dim.backward
def _(grad, grad_indices, *, needs, self_sym_sizes, dim, keepdim, result1):
    return select_backward(grad, dim, result1, self_sym_sizes, keepdim)


@_min_dim.backward
def _(grad, grad_indices, *, needs, self_sym_sizes, dim, keepdim, result1):
    return select_backward(grad, dim, result1, self_sym_sizes, keepdim)


def _max_min(name, input, dim, keepdim, other, out, result, out_result):
    if other is not None or isinstance(dim, Tensor):
        import numtorch

        binary = numtorch.maximum if name == "max" else numtorch.minimum
        other = dim if other is None else other
        return binary(input, other) if out is None else binary(input, other, out=out)
    if dim is NOT_GIVEN:
        if keepdim:
            raise TypeError(
                f"{name}() received an invalid combination of arguments - got (keepdim)"
            )
        _no_dim_for_empty(name, input)
        if input.dtype.is_complex:
            raise no_kernel(f"{name}_all", input.dtype)
        return apply(REGISTRY[f"{name}_all"], (input,), {}, out)
    if not isinstance(dim, int):
        raise TypeError(f"{name}(): argument 'dim' must be int, not {type(dim).__name__}")
    check_real(input, name)
    d = wrap_dim(dim, input._data.ndim)
    if input._data.ndim:
        empty_dim_error(name, input, (d,))
    if out is not None:
        expect_out_dtype(out[0], input.dtype)
        expect_out_dtype(out[1], _dtype.int64)
    res = apply(REGISTRY[f"{name}_dim"], (input,), {"dim": d, "keepdim": keepdim}, out)
    return res if out is None else out_result(*res)


@public(method=True)
def max(input, dim=NOT_GIVEN, keepdim=False, *, other=None, out=None):
    """Same as `torch.max`: the maximum of everything; (values, indices) over `dim`, the first
    index on ties; or the elementwise maximum with a tensor `other`."""
    return _max_min("max", input, dim, keepdim, other, out, max_result, max_out_result)


@public(method=True)
def min(input, dim=NOT_GIVEN, keepdim=False, *, other=None, out=None):
    """Same as `torch.min`: the minimum of everything; (values, indices) over `dim`, the first
    index on ties; or the elementwise minimum with a tensor `other`."""
    return _max_min("min", input, dim, keepdim, other, out, min_result, min_out_result)


# ---------------------------------------------------------------- amax, amin, aminmax


@op("amax", grad_fn="AmaxBackward0", promote=FORWARD, function=False, method=False)
def _amax(xp, input, *, dim, keepdim):
    return input.max(axis=dim, keepdims=keepdim)


@_amax.backward
def _(grad, *, needs, self, result, dim, keepdim):
    return scale_by_count(grad, self, result, dim, keepdim)


@op("amin", grad_fn="AminBackward0", promote=FORWARD, function=False, method=False)
def _amin(xp, input, *, dim, keepdim):
    return input.min(axis=dim, keepdims=keepdim)


@_amin.backward
def _(grad, *, needs, self, result, dim, keepdim):
    return scale_by_count(grad, self, result, dim, keepdim)


def _amax_amin(name, input, dim, keepdim, out):
    ndim = input._data.ndim
    dims = reduce_dims(dim, ndim)
    if out is not None and out.dtype is not input.dtype:
        raise RuntimeError(
            "Expected the dtype for input and out to match, but got "
            f"{type_name(input.dtype)} for input's dtype and {type_name(out.dtype)} for out's dtype."
        )
    given = dim is not None and (isinstance(dim, int) or len(dim) > 0)
    if not given:
        _no_dim_for_empty(name, input)
    elif input.numel() == 0:
        for d in (dim,) if isinstance(dim, int) else dim:  # torch names the dim as passed
            if input.shape[d] == 0:
                raise IndexError(f"{name}(): Expected reduction dim {d} to have non-zero size.")
    if input.dtype.is_complex and input.numel():
        raise no_kernel(f"{name[1:]}_values_cpu", input.dtype)
    return apply(REGISTRY[name], (input,), {"dim": dims, "keepdim": keepdim}, out)


@public(method=True)
def amax(input, dim=(), keepdim=False, *, out=None):
    """Same as `torch.amax`: the maximum over `dim` (every dim when empty); the gradient is
    shared evenly among ties."""
    return _amax_amin("amax", input, dim, keepdim, out)


@public(method=True)
def amin(input, dim=(), keepdim=False, *, out=None):
    """Same as `torch.amin`: the minimum over `dim` (every dim when empty); the gradient is
    shared evenly among ties."""
    return _amax_amin("amin", input, dim, keepdim, out)


@op(
    "aminmax",
    grad_fn="AminmaxBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=aminmax_result,
)
def _aminmax(xp, input, *, dim, keepdim):
    return input.min(axis=dim, keepdims=keepdim), input.max(axis=dim, keepdims=keepdim)


@_aminmax.backward
def _(grad_min, grad_max, *, needs, self, result0, result1, dim, keepdim):
    return scale_by_count(grad_min, self, result0, dim, keepdim) + scale_by_count(
        grad_max, self, result1, dim, keepdim
    )


@public(method=True)
def aminmax(input, *, dim=None, keepdim=False, out=None):
    """Same as `torch.aminmax`: (min, max) over `dim`, or over everything."""
    if dim is not None and not isinstance(dim, int):
        raise TypeError(f"aminmax(): argument 'dim' must be int, not {type(dim).__name__}")
    if input.dtype.is_complex:
        raise no_kernel("aminmax_cpu", input.dtype)
    ndim = input._data.ndim
    if dim is None:
        if input.numel() == 0:
            raise RuntimeError(
                "aminmax(): cannot compute aminmax over an empty dimension as the operation "
                "has no identity."
            )
        dims = tuple(range(ndim))
    else:
        dims = reduce_dims(dim, ndim)
        for d in dims:
            if input.shape[d] == 0:
                raise IndexError(f"aminmax: Expected reduction dim {d} to have non-zero size.")
    if out is not None:
        expect_out_dtype(out[0], input.dtype)
        expect_out_dtype(out[1], input.dtype)
    res = apply(REGISTRY["aminmax"], (input,), {"dim": dims, "keepdim": keepdim}, out)
    return res if out is None else aminmax_out_result(*res)


# ---------------------------------------------------------------- median and nanmedian


def _kth_by_value_then_index(xp, rows, ignore_nan):
    """Per row of a 2-d array: the index torch's median picks (the k-th in (value, index)
    order; for median the first NaN if the row has one)."""
    n = rows.shape[-1]
    order = xp.argsort(rows, axis=-1, kind="stable")
    if _dtype.np_kind(rows.dtype) != "f":
        k = xp.full((rows.shape[0], 1), (n - 1) // 2, dtype="int64")
        return xp.take_along_axis(order, k, axis=-1)[:, 0]
    nan = xp.isnan(rows)
    if ignore_nan:
        valid = n - nan.sum(axis=-1, keepdims=True)
        k = xp.maximum(valid - 1, 0) // 2
        picked = xp.take_along_axis(order, k, axis=-1)[:, 0]
        all_nan = [int(r) for r in xp.nonzero(valid[:, 0] == 0)[0]] if n > 3 else ()
        if len(all_nan):
            from numtorch._ops.reduction_mode import first_of_nth_element

            picked = picked.copy()
            picked[xp.asarray(all_nan)] = first_of_nth_element(n)
        return picked
    k = xp.full((rows.shape[0], 1), (n - 1) // 2, dtype="int64")
    picked = xp.take_along_axis(order, k, axis=-1)[:, 0]
    return xp.where(nan.any(axis=-1), xp.argmax(nan, axis=-1), picked)


@quiet
def _median_value(xp, input, ignore_nan):
    if input.size == 0:
        return xp.asarray(float("nan")).astype(input.dtype)
    flat = input.reshape(1, -1)
    idx = _kth_by_value_then_index(xp, flat, ignore_nan)
    return flat[0, idx[0]]


def _median_along(xp, input, dim, keepdim, ignore_nan):
    if input.ndim == 0:
        return input.copy(), xp.zeros((), "int64")
    moved = xp.moveaxis(input, dim, -1)
    rows = moved.reshape(-1, moved.shape[-1])
    idx = _kth_by_value_then_index(xp, rows, ignore_nan).reshape(moved.shape[:-1])
    idx = xp.expand_dims(idx, dim)
    values = xp.take_along_axis(input, idx, axis=dim)
    if not keepdim:
        values, idx = values.squeeze(dim), idx.squeeze(dim)
    return values, idx.astype("int64")


@op("median_all", grad_fn="MedianBackward0", promote=FORWARD, function=False, method=False)
def _median_all(xp, input):
    return _median_value(xp, input, False)


@op("nanmedian_all", grad_fn="NanmedianBackward0", promote=FORWARD, function=False, method=False)
def _nanmedian_all(xp, input):
    return _median_value(xp, input, True)


@_median_all.backward
def _(grad, *, needs, self, result):
    return evenly_distribute(grad, self, result)


@_nanmedian_all.backward
def _(grad, *, needs, self, result):
    return evenly_distribute(grad, self, result)


@op(
    "median_dim",
    grad_fn="MedianBackward1",
    promote=FORWARD,
    function=False,
    method=False,
    returns=median_result,
)
def _median_dim(xp, input, *, dim, keepdim):
    return _median_along(xp, input, dim, keepdim, False)


@op(
    "nanmedian_dim",
    grad_fn="NanmedianBackward1",
    promote=FORWARD,
    function=False,
    method=False,
    returns=nanmedian_result,
)
def _nanmedian_dim(xp, input, *, dim, keepdim):
    return _median_along(xp, input, dim, keepdim, True)


@_median_dim.backward
def _(grad, grad_indices, *, needs, self_sym_sizes, dim, keepdim, result1):
    return select_backward(grad, dim, result1, self_sym_sizes, keepdim)


@_nanmedian_dim.backward
def _(grad, grad_indices, *, needs, self_sym_sizes, dim, keepdim, result1):
    return select_backward(grad, dim, result1, self_sym_sizes, keepdim)


def _median(name, input, dim, keepdim, out, out_result):
    bad = input.dtype is _dtype.bool or input.dtype.is_complex
    if dim is NOT_GIVEN:
        if bad and input.numel():
            raise no_kernel("median_cpu", input.dtype)
        return apply(REGISTRY[f"{name}_all"], (input,), {}, out)
    if not isinstance(dim, int):
        raise TypeError(f"{name}(): argument 'dim' must be int, not {type(dim).__name__}")
    d = wrap_dim(dim, input._data.ndim)
    if input._data.ndim:
        empty_dim_error("median", input, (d,))
    if bad:
        raise no_kernel("median_out", input.dtype)
    res = apply(REGISTRY[f"{name}_dim"], (input,), {"dim": d, "keepdim": keepdim}, out)
    return res if out is None else out_result(*res)


@public(method=True)
def median(input, dim=NOT_GIVEN, keepdim=False, *, out=None):
    """Same as `torch.median`: the lower median; over `dim`, (values, indices)."""
    return _median("median", input, dim, keepdim, out, median_out_result)


@public(method=True)
def nanmedian(input, dim=NOT_GIVEN, keepdim=False, *, out=None):
    """Same as `torch.nanmedian`: the lower median of the non-NaN values."""
    return _median("nanmedian", input, dim, keepdim, out, nanmedian_out_result)
