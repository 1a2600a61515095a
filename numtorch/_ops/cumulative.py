"""Cumulative ops along one dim: cumsum, cumprod (and their in-place forms), cummax, cummin."""

from numtorch import _dtype
from numtorch._errors import type_name, wrap_dim
from numtorch._ops.reduction import (
    CPP_NAMES,
    NOT_GIVEN,
    accumulate_in,
    dtype_of,
    integral_to_long,
    missing_dim,
    out_as_dtype,
    return_type,
)
from numtorch._ops.registry import FORWARD, REGISTRY, apply, apply_inplace, op, public

cummax_result = return_type("cummax")
cummin_result = return_type("cummin")
cummax_out_result = return_type("cummax_out")
cummin_out_result = return_type("cummin_out")


def _reversed_cumsum(t, dim):
    return t.flip(dim).cumsum(dim).flip(dim)


# ---------------------------------------------------------------- cumsum and cumprod


@op("cumsum", grad_fn="CumsumBackward0", promote=FORWARD, function=False, method=False)
def _cumsum(xp, input, *, dim, dtype):
    out = integral_to_long(dtype_of(input), dtype)
    arr = accumulate_in(input, out)
    result = xp.cumsum(arr, axis=dim) if input.ndim else arr.copy()
    return result.astype(out.np, copy=False)


@_cumsum.backward
def _(grad, *, needs, self_sym_sizes, dim):
    if not self_sym_sizes or self_sym_sizes[dim] <= 1:
        return grad
    return _reversed_cumsum(grad, dim)


@op("cumprod", grad_fn="CumprodBackward0", promote=FORWARD, function=False, method=False)
def _cumprod(xp, input, *, dim, dtype):
    out = integral_to_long(dtype_of(input), dtype)
    arr = accumulate_in(input, out)
    result = xp.cumprod(arr, axis=dim) if input.ndim else arr.copy()
    return result.astype(out.np, copy=False)


@_cumprod.backward
def _(grad, *, needs, self, result, dim):
    """Zero-safe: before the first zero the usual sum(grad * out) / x; at the first zero the
    product of the others, from a cumprod with that zero replaced by one; after it, zero. That
    form is not differentiable again at the zeros, so with create_graph torch's O(n^2) sum of
    products is used instead."""
    from numtorch import is_grad_enabled, where

    if self.dim() == 0 or self.shape[dim] <= 1:
        return grad
    x = self.conj()
    weighted = result.conj() * grad
    is_zero = self == 0
    if not bool(is_zero.any()):
        return _reversed_cumsum(weighted, dim) / x
    if is_grad_enabled():
        return _cumprod_backward_quadratic(grad, x, dim)
    zeros_so_far = is_zero.cumsum(dim)
    before = zeros_so_far == 0
    first_zero = is_zero * (zeros_so_far == 1)
    before_part = _reversed_cumsum(weighted, dim) / where(before, x, 1)
    others = where(first_zero, 1, x).cumprod(dim)
    at_zero = _reversed_cumsum(grad * others, dim)
    return where(before, before_part, where(first_zero, at_zero, 0))


def _cumprod_backward_quadratic(grad, x, dim):
    """For each k: sum over j >= k of grad_j times the product of x_0..x_j without x_k."""
    from numtorch import cat, ones_like

    n = x.shape[dim]
    parts = []
    for k in range(n):
        later = x.narrow(dim, k + 1, n - k - 1).cumprod(dim)
        if k == 0:
            omitted = cat([ones_like(x.narrow(dim, 0, 1)), later], dim)
        else:
            earlier = x.narrow(dim, 0, k).prod(dim, keepdim=True)
            omitted = cat([earlier, earlier * later], dim)
        parts.append((grad.narrow(dim, k, n - k) * omitted).sum(dim, keepdim=True))
    return cat(parts, dim)


def _cumulative(name, input, dim, dtype, out):
    if dim is NOT_GIVEN:
        raise missing_dim(name)
    d = wrap_dim(dim, input._data.ndim)
    if out is not None:
        dtype = out_as_dtype(out, dtype)
    if dtype is _dtype.bool:
        raise NotImplementedError(f"\"{name}_out_cpu\" not implemented for 'Bool'")
    return apply(REGISTRY[name], (input,), {"dim": d, "dtype": dtype}, out)


def _cumulative_(name, self, dim, dtype):
    d = wrap_dim(dim, self._data.ndim)
    if dtype is not None and dtype is not self.dtype:
        raise RuntimeError(
            f"Bad in-place call: input tensor dtype {CPP_NAMES[self.dtype.name]} and output "
            f"tensor dtype {CPP_NAMES[dtype.name]} should match"
        )
    if self.dtype is _dtype.bool:
        raise NotImplementedError(f"\"{name}_out_cpu\" not implemented for 'Bool'")
    return apply_inplace(REGISTRY[name], (self,), {"dim": d, "dtype": self.dtype})


@public(method=True)
def cumsum(input, dim=NOT_GIVEN, *, dtype=None, out=None):
    """Same as `torch.cumsum`: bool and integer inputs accumulate in int64 unless `dtype`."""
    return _cumulative("cumsum", input, dim, dtype, out)


@public(method=True)
def cumprod(input, dim=NOT_GIVEN, *, dtype=None, out=None):
    """Same as `torch.cumprod`: bool and integer inputs accumulate in int64 unless `dtype`."""
    return _cumulative("cumprod", input, dim, dtype, out)


@public("cumsum_", function=False, method=True)
def cumsum_(self, dim, *, dtype=None):
    """Same as `Tensor.cumsum_`."""
    return _cumulative_("cumsum", self, dim, dtype)


@public("cumprod_", function=False, method=True)
def cumprod_(self, dim, *, dtype=None):
    """Same as `Tensor.cumprod_`."""
    return _cumulative_("cumprod", self, dim, dtype)


# ---------------------------------------------------------------- cummax and cummin


def _running(xp, input, dim, largest):
    """Running max/min and torch's index: the latest element that was >= (<=) the running
    value, or the latest NaN once a NaN has been seen."""
    if input.ndim == 0:
        return input.copy(), xp.zeros((), "int64")
    ufunc = xp.maximum if largest else xp.minimum
    values = ufunc.accumulate(input, axis=dim)
    hit = input == values
    if _dtype.np_kind(input.dtype) in "fc":
        hit |= xp.isnan(input)
    shape = [1] * input.ndim
    shape[dim] = input.shape[dim]
    positions = xp.arange(input.shape[dim]).reshape(shape)
    indices = xp.maximum.accumulate(xp.where(hit, positions, 0), axis=dim)
    return values, indices.astype("int64")


@op(
    "cummax",
    grad_fn="CummaxBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=cummax_result,
)
def _cummax(xp, input, *, dim):
    return _running(xp, input, dim, True)


@op(
    "cummin",
    grad_fn="CumminBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=cummin_result,
)
def _cummin(xp, input, *, dim):
    return _running(xp, input, dim, False)


def _running_backward(grad, dim, indices, sizes):
    from numtorch import zeros

    if not sizes or grad.numel() == 0:
        return grad
    return zeros(sizes, dtype=grad.dtype, device=grad.device).scatter_add(dim, indices, grad)


@_cummax.backward
def _(grad, grad_indices, *, needs, self_sym_sizes, dim, result1):
    return _running_backward(grad, dim, result1, self_sym_sizes)


@_cummin.backward
def _(grad, grad_indices, *, needs, self_sym_sizes, dim, result1):
    return _running_backward(grad, dim, result1, self_sym_sizes)


def _cumulative_extreme(name, input, dim, out, out_result):
    if dim is NOT_GIVEN:
        raise missing_dim(name)
    if input.dtype.is_complex and input.numel():
        raise NotImplementedError(f"\"{name}_cpu\" not implemented for '{type_name(input.dtype)}'")
    d = wrap_dim(dim, input._data.ndim)
    res = apply(REGISTRY[name], (input,), {"dim": d}, out)
    return res if out is None else out_result(*res)


@public(method=True)
def cummax(input, dim=NOT_GIVEN, *, out=None):
    """Same as `torch.cummax`: running maximum and the index of the latest element reaching it."""
    return _cumulative_extreme("cummax", input, dim, out, cummax_out_result)


@public(method=True)
def cummin(input, dim=NOT_GIVEN, *, out=None):
    """Same as `torch.cummin`: running minimum and the index of the latest element reaching it."""
    return _cumulative_extreme("cummin", input, dim, out, cummin_out_result)
