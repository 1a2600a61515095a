"""Sum-like reductions: sum, mean, nansum, nanmean, prod, logsumexp, all, any, count_nonzero,
and the helpers every reduction module shares (dim normalisation, return types).

max/min/median/mode live in reduction_minmax.py, var/std/norm in reduction_stats.py, quantile in
reduction_quantile.py, cumsum/cumprod/cummax in cumulative.py.
"""

import builtins
from collections import namedtuple

from numtorch import _dtype
from numtorch._errors import type_name, wrap_dim, wrap_dims
from numtorch._ops.cascade_sum import torch_order_sum
from numtorch._ops.registry import FORWARD, REGISTRY, apply, op, public
from numtorch._ops.unary import quiet

# ---------------------------------------------------------------- shared helpers


class _NotGiven:
    """The default of a `dim` that selects another overload when left out."""

    def __repr__(self):
        return "<not given>"


NOT_GIVEN = _NotGiven()


def reduce_dims(dim, ndim, *, empty_is_all=True):
    """`dim` (None, an int or a sequence) as a sorted tuple of axes of an ndim-array.

    None means every axis; so does an empty sequence unless `empty_is_all` is False. A 0-dim
    tensor accepts dims 0 and -1 and has no axis to reduce.
    """
    if dim is None:
        return tuple(range(ndim))
    if not isinstance(dim, (tuple, list)):
        d = wrap_dim(dim, ndim)
        return (d,) if ndim else ()
    dims = wrap_dims(dim, ndim)
    if not dims:
        return tuple(range(ndim)) if empty_is_all else ()
    return tuple(sorted(dims)) if ndim else ()


def restore_dims(grad, dims, keepdim):
    """Puts back the size-1 dims a reduction without keepdim removed (grad's broadcastable form)."""
    if not keepdim:
        for d in dims:
            grad = grad.unsqueeze(d)
    return grad


def count(shape, dims):
    n = 1
    for d in dims:
        n *= shape[d]
    return n


def return_type(name, fields=("values", "indices")):
    """torch.return_types.<name>: a named tuple printed as torch prints it."""
    base = namedtuple(name, fields)

    def __repr__(self):
        body = ",\n".join(f"{f}={v!r}" for f, v in zip(fields, self))
        return f"torch.return_types.{name}(\n{body})"

    cls = type(name, (base,), {"__repr__": __repr__, "__slots__": ()})
    cls.__module__ = "numtorch.return_types"
    return cls


def dtype_of(array):
    return _dtype.from_numpy_dtype(array.dtype)


def accumulate_in(array, out_dtype):
    """The array to accumulate in: half precision accumulates in float32 as torch does."""
    if out_dtype in (_dtype.float16, _dtype.bfloat16):
        return array.astype("float32")
    np_out = out_dtype.np
    return array if array.dtype == np_out else array.astype(np_out)


def integral_to_long(input_dtype, dtype):
    """sum/prod/cumsum's result dtype: bool and integers give int64 unless `dtype` says."""
    if dtype is not None:
        return dtype
    return _dtype.int64 if input_dtype.category <= _dtype.INT else input_dtype


# The C++ type names torch prints in some dtype errors.
CPP_NAMES = {
    "bool": "bool",
    "uint8": "unsigned char",
    "int8": "signed char",
    "int16": "short int",
    "int32": "int",
    "int64": "long int",
    "float16": "c10::Half",
    "bfloat16": "c10::BFloat16",
    "float32": "float",
    "float64": "double",
    "complex64": "c10::complex<float>",
    "complex128": "c10::complex<double>",
}


def expect_out_dtype(out, dtype):
    """torch's error for an `out=` tensor whose dtype is not the result's."""
    if out.dtype is not dtype:
        raise RuntimeError(
            f"Expected out tensor to have dtype {CPP_NAMES[dtype.name]}, but got "
            f"{CPP_NAMES[out.dtype.name]} instead"
        )


def out_as_dtype(out, dtype):
    """sum/prod/cumsum with `out=`: the out tensor's dtype is the result dtype unless `dtype`
    is given, which it must then equal."""
    if dtype is None:
        return out.dtype
    expect_out_dtype(out, dtype)
    return dtype


def missing_dim(name):
    return TypeError(f'{name}() missing 1 required positional arguments: "dim"')


def check_real(input, name):
    if input.dtype.is_complex:
        raise RuntimeError(f"{name}(): does not support complex input")


def no_kernel(kernel, dtype):
    return NotImplementedError(f"\"{kernel}\" not implemented for '{type_name(dtype)}'")


def empty_dim_error(name, input, dims):
    """torch's error for a reduction without identity over a dim of size 0."""
    for d in dims:
        if input.shape[d] == 0:
            raise IndexError(f"{name}(): Expected reduction dim {d} to have non-zero size.")


# ---------------------------------------------------------------- sum and mean


def _summed(xp, input, axis, keepdim, dtype):
    """xp.sum in torch's result dtype; the common float/int64 case skips every conversion."""
    if dtype is None and input.dtype.kind in _SAME_KIND and input.dtype.itemsize >= 4:
        if input.dtype.kind != "i" or input.dtype.itemsize == 8:
            return torch_order_sum(xp, input, axis, keepdim)
    out = integral_to_long(dtype_of(input), dtype)
    result = _accumulated_sum(xp, accumulate_in(input, out), out, axis, keepdim)
    return result.astype(out.np, copy=False)


def _accumulated_sum(xp, array, out, axis, keepdim):
    """The sum of `array` (already in the accumulation dtype): in torch's order when that is the
    result dtype (float16/bfloat16 accumulate in float32 in another lane layout: NumPy's order)."""
    if array.dtype == out.np:
        return torch_order_sum(xp, array, axis, keepdim)
    return array.sum(axis=axis, keepdims=keepdim)


_SAME_KIND = "fci"


@op("sum_all", grad_fn="SumBackward0", promote=FORWARD, function=False, method=False)
@quiet
def _sum_all(xp, input, *, dtype):
    return _summed(xp, input, None, False, dtype)


@_sum_all.backward
def _(grad, *, needs, self_sym_sizes):
    return grad.expand(self_sym_sizes)


@_sum_all.raw_backward
def _(xp, grad, *, needs, self_sym_sizes):
    return xp.broadcast_to(grad, self_sym_sizes)


@op("sum_dim", grad_fn="SumBackward1", promote=FORWARD, function=False, method=False)
@quiet
def _sum_dim(xp, input, *, dim, keepdim, dtype):
    return _summed(xp, input, dim, keepdim, dtype)


@_sum_dim.backward
def _(grad, *, needs, self_sym_sizes, dim, keepdim):
    return restore_dims(grad, dim, keepdim).expand(self_sym_sizes)


@_sum_dim.raw_backward
def _(xp, grad, *, needs, self_sym_sizes, dim, keepdim):
    return xp.broadcast_to(grad if keepdim else xp.expand_dims(grad, dim), self_sym_sizes)


@public(method=True)
def sum(input, dim=NOT_GIVEN, keepdim=False, *, dtype=None, out=None):
    """Same as `torch.sum`: bool and integer inputs sum to int64 unless `dtype` is given."""
    if out is not None:
        dtype = out_as_dtype(out, dtype)
    if dim is NOT_GIVEN:
        if keepdim:
            raise TypeError(
                "sum() received an invalid combination of arguments - got (keepdim=bool, ), but "
                "expected one of:"
            )
        return apply(REGISTRY["sum_all"], (input,), {"dtype": dtype}, out)
    dims = reduce_dims(dim, input._data.ndim)
    return apply(
        REGISTRY["sum_dim"], (input,), {"dim": dims, "keepdim": keepdim, "dtype": dtype}, out
    )


def _averaged(xp, input, axis, keepdim, dtype):
    out = dtype or dtype_of(input)
    n = input.size if axis is None else count(input.shape, axis)
    # torch's CPU mean is the sum divided by the count, as here
    total = _accumulated_sum(xp, accumulate_in(input, out), out, axis, keepdim) / n
    return total.astype(out.np, copy=False)


@op("mean_all", grad_fn="MeanBackward0", promote=FORWARD, function=False, method=False)
@quiet
def _mean_all(xp, input, *, dtype):
    return _averaged(xp, input, None, False, dtype)


@_mean_all.backward
def _(grad, *, needs, self_sym_sizes):
    return grad.expand(self_sym_sizes) / count(self_sym_sizes, range(len(self_sym_sizes)))


@_mean_all.raw_backward
def _(xp, grad, *, needs, self_sym_sizes):
    n = count(self_sym_sizes, range(len(self_sym_sizes)))
    return xp.broadcast_to(grad / n, self_sym_sizes)


@op("mean_dim", grad_fn="MeanBackward1", promote=FORWARD, function=False, method=False)
@quiet
def _mean_dim(xp, input, *, dim, keepdim, dtype):
    return _averaged(xp, input, dim, keepdim, dtype)


@_mean_dim.backward
def _(grad, *, needs, self_sym_sizes, dim, keepdim):
    grad = restore_dims(grad, dim, keepdim).expand(self_sym_sizes)
    return grad / count(self_sym_sizes, dim)


@_mean_dim.raw_backward
def _(xp, grad, *, needs, self_sym_sizes, dim, keepdim):
    grad = grad if keepdim else xp.expand_dims(grad, dim)
    return xp.broadcast_to(grad / count(self_sym_sizes, dim), self_sym_sizes)


def check_mean_dtype(name, input, dtype):
    if dtype is not None and dtype.category < _dtype.FLOAT:
        raise RuntimeError(
            f"{name}(): could not infer output dtype. Optional dtype must be either a floating "
            f"point or complex dtype. Got: {type_name(dtype)}"
        )
    if dtype is None and input.dtype.category < _dtype.FLOAT:
        raise RuntimeError(
            f"{name}(): could not infer output dtype. Input dtype must be either a floating "
            f"point or complex dtype. Got: {type_name(input.dtype)}"
        )


@public(method=True)
def mean(input, dim=NOT_GIVEN, keepdim=False, *, dtype=None, out=None):
    """Same as `torch.mean`: floating and complex inputs only (or a floating `dtype=`)."""
    check_mean_dtype("mean", input, dtype)
    if dim is NOT_GIVEN:
        return apply(REGISTRY["mean_all"], (input,), {"dtype": dtype}, out)
    dims = reduce_dims(dim, input._data.ndim)
    return apply(
        REGISTRY["mean_dim"], (input,), {"dim": dims, "keepdim": keepdim, "dtype": dtype}, out
    )


# ---------------------------------------------------------------- nansum and nanmean


@op("nansum", grad_fn="NansumBackward0", promote=FORWARD, function=False, method=False)
@quiet
def _nansum(xp, input, *, dim, keepdim, dtype):
    out = integral_to_long(dtype_of(input), dtype)
    arr = accumulate_in(input, out)
    if _dtype.np_kind(arr.dtype) == "f":
        arr = xp.where(xp.isnan(arr), 0, arr)
    return _accumulated_sum(xp, arr, out, dim, keepdim).astype(out.np)


@_nansum.backward
def _(grad, *, needs, self, dim, keepdim):
    not_nan = self == self
    return restore_dims(grad, dim, keepdim) * not_nan


@public(method=True)
def nansum(input, dim=None, keepdim=False, *, dtype=None, out=None):
    """Same as `torch.nansum`: sum treating NaN as zero."""
    if input.dtype.is_complex:
        raise RuntimeError("nansum on CPU does not support complex inputs")
    dims = reduce_dims(dim, input._data.ndim)
    return apply(
        REGISTRY["nansum"], (input,), {"dim": dims, "keepdim": keepdim, "dtype": dtype}, out
    )


@public(method=True)
def nanmean(input, dim=None, keepdim=False, *, dtype=None, out=None):
    """Same as `torch.nanmean`: nansum divided by the count of non-NaN elements."""
    if input.dtype.category < _dtype.FLOAT:
        raise RuntimeError(
            "nanmean(): expected input to have floating point or complex dtype but got "
            f"{type_name(input.dtype)}"
        )
    not_nan = (input == input).detach()
    total = nansum(input, dim, keepdim, dtype=dtype)
    result = total / sum(not_nan, dim, keepdim)
    if out is not None:
        from numtorch._ops.registry import _write_out

        return _write_out(out, result, "nansum")
    return result


# ---------------------------------------------------------------- prod


@op("prod_all", grad_fn="ProdBackward0", promote=FORWARD, function=False, method=False)
@quiet
def _prod_all(xp, input, *, dtype):
    out = integral_to_long(dtype_of(input), dtype)
    return accumulate_in(input, out).prod().astype(out.np)


@_prod_all.backward
def _(grad, *, needs, self, result):
    from numtorch import is_grad_enabled, zeros_like

    if self.dim() == 0:
        return grad
    zeros = int((self == 0).sum())
    if zeros == 0:
        return grad * (result / self).conj()
    if zeros > 1 and not is_grad_enabled():
        return zeros_like(self)
    return (grad * _prod_others(self.reshape(-1), 0)).view(self.shape)


@op("prod_dim", grad_fn="ProdBackward1", promote=FORWARD, function=False, method=False)
@quiet
def _prod_dim(xp, input, *, dim, keepdim, dtype):
    out = integral_to_long(dtype_of(input), dtype)
    axis = dim if input.ndim else None
    return accumulate_in(input, out).prod(axis=axis, keepdims=keepdim).astype(out.np)


@_prod_dim.backward
def _(grad, *, needs, self, result, dim, keepdim):
    if self.dim() == 0:
        return grad
    grad = restore_dims(grad, (dim,), keepdim)
    if not bool((self == 0).any()):
        return grad * (restore_dims(result, (dim,), keepdim) / self).conj()
    return grad * _prod_others(self, dim)


def _prod_others(x, dim):
    """For each element, the product of the others along `dim` (safe with zeros): an exclusive
    cumprod from the front times one from the back."""
    from numtorch import cat, ones

    n = x.shape[dim]
    if x.numel() == 0:
        return x
    ones_shape = list(x.shape)
    ones_shape[dim] = 1
    one = ones(ones_shape, dtype=x.dtype, device=x.device)
    front = cat([one, x.narrow(dim, 0, n - 1)], dim).cumprod(dim)
    back = cat([one, x.narrow(dim, 1, n - 1).flip(dim)], dim).cumprod(dim).flip(dim)
    return (front * back).conj()


@public(method=True)
def prod(input, dim=NOT_GIVEN, keepdim=False, *, dtype=None, out=None):
    """Same as `torch.prod`: over everything, or over one dim."""
    if out is not None:
        dtype = out_as_dtype(out, dtype)
    if dim is NOT_GIVEN:
        return apply(REGISTRY["prod_all"], (input,), {"dtype": dtype}, out)
    if not isinstance(dim, int):
        raise TypeError(f"prod(): argument 'dim' must be int, not {type(dim).__name__}")
    d = wrap_dim(dim, input._data.ndim)
    return apply(
        REGISTRY["prod_dim"], (input,), {"dim": d, "keepdim": keepdim, "dtype": dtype}, out
    )


# ---------------------------------------------------------------- logsumexp


@op("logsumexp", grad_fn="LogsumexpBackward0", promote=FORWARD, function=False, method=False)
@quiet
def _logsumexp(xp, input, *, dim, keepdim):
    arr = input
    if arr.dtype.kind in "biu":
        arr = arr.astype(_dtype.get_default_dtype().np)
    out = arr.dtype
    if _dtype.is_half_np(arr.dtype):
        arr = arr.astype("float32")
    if arr.size == 0 or builtins.any(arr.shape[d] == 0 for d in dim):
        return xp.full(_reduced_shape(arr.shape, dim, keepdim), -xp.inf, dtype=out)
    real = arr.real if arr.dtype.kind == "c" else arr
    top = real.max(axis=dim, keepdims=True)
    top = xp.where(xp.isinf(top), 0, top)
    total = xp.log(xp.exp(arr - top).sum(axis=dim, keepdims=True)) + top
    if not keepdim:
        total = total.reshape(_reduced_shape(arr.shape, dim, False))
    return total.astype(out)


def _reduced_shape(shape, dims, keepdim):
    if keepdim:
        return tuple(1 if i in dims else n for i, n in enumerate(shape))
    return tuple(n for i, n in enumerate(shape) if i not in dims)


@_logsumexp.backward
def _(grad, *, needs, self, result, dim, keepdim):
    grad = restore_dims(grad, dim, keepdim)
    return grad * (self - restore_dims(result, dim, keepdim)).exp().conj()


@public()
def logsumexp(input, dim=NOT_GIVEN, keepdim=False, *, out=None):
    """Same as `torch.logsumexp`: log(sum(exp(input))) over `dim`, computed stably."""
    return _logsumexp_call(input, dim, keepdim, out, 2)


@public("logsumexp", function=False, method=True)
def _logsumexp_method(self, dim=NOT_GIVEN, keepdim=False):
    """Same as `Tensor.logsumexp`."""
    return _logsumexp_call(self, dim, keepdim, None, 1)


def _logsumexp_call(input, dim, keepdim, out, position):
    if dim is NOT_GIVEN:
        raise missing_dim("logsumexp")
    if out is not None and out.dtype.category < _dtype.FLOAT:
        raise RuntimeError(
            "logsumexp(): Expected floating point type for result tensor, but got: "
            f"{type_name(out.dtype)}"
        )
    ndim = input._data.ndim
    if dim is None:
        raise TypeError(
            f"logsumexp(): argument 'dim' (position {position}) must be tuple of ints, not NoneType"
        )
    if not isinstance(dim, int) and len(dim) == 0:
        # torch reduces everything but then fails to write the result, unless it is empty
        shape = "[" + ", ".join(["1"] * builtins.max(ndim, 1)) + "]"
        if ndim and input.numel():
            raise RuntimeError(f"output with shape [] doesn't match the broadcast shape {shape}")
        dims = tuple(range(ndim))
    else:
        dims = reduce_dims(dim, ndim)
    return apply(REGISTRY["logsumexp"], (input,), {"dim": dims, "keepdim": keepdim}, out)


# ---------------------------------------------------------------- all, any, count_nonzero


@op("all", promote=FORWARD, function=False, method=False)
def _all(xp, input, *, dim, keepdim, as_uint8):
    result = input.all(axis=dim, keepdims=keepdim)
    return result.astype("uint8") if as_uint8 else result


@op("any", promote=FORWARD, function=False, method=False)
def _any(xp, input, *, dim, keepdim, as_uint8):
    result = input.any(axis=dim, keepdims=keepdim)
    return result.astype("uint8") if as_uint8 else result


def _logical_reduction(name, input, dim, keepdim, out):
    if out is not None and out.dtype not in (_dtype.bool, _dtype.uint8):
        raise RuntimeError(
            f"{name} only supports bool tensor for result, got: {type_name(out.dtype)}"
        )
    dims = reduce_dims(dim, input._data.ndim, empty_is_all=False)
    as_uint8 = input.dtype is _dtype.uint8 and (out is None or out.dtype is _dtype.uint8)
    params = {"dim": dims, "keepdim": keepdim, "as_uint8": as_uint8}
    return apply(REGISTRY[name], (input,), params, out)


@public("all", method=True)
def all_(input, dim=None, keepdim=False, *, out=None):
    """Same as `torch.all`: bool result (uint8 for a uint8 input)."""
    return _logical_reduction("all", input, dim, keepdim, out)


@public("any", method=True)
def any_(input, dim=None, keepdim=False, *, out=None):
    """Same as `torch.any`: bool result (uint8 for a uint8 input)."""
    return _logical_reduction("any", input, dim, keepdim, out)


@op("count_nonzero", promote=FORWARD, function=False, method=False)
def _count_nonzero(xp, input, *, dim):
    return xp.count_nonzero(input, axis=dim).astype("int64")


@public(method=True)
def count_nonzero(input, dim=None):
    """Same as `torch.count_nonzero`: an int64 count over `dim` (every dim when None)."""
    dims = reduce_dims(dim, input._data.ndim)
    return apply(REGISTRY["count_nonzero"], (input,), {"dim": dims})
