"""The backward of scatter_reduce (ScatterReduceBackward0), one formula per reduction.

Masks (which positions were scattered to, which inputs equal the result, where zeros are) are
constants of the derivative, so they are computed on arrays; everything the gradient flows
through is a Tensor op, so create_graph=True differentiates it again.
"""

from numtorch._device import xp_for
from numtorch._ops.advanced_index import ufunc_at
from numtorch._ops.scatter_gather import invalid_gradient, nd, scatter_key
from numtorch._tensor import Tensor


def _scatter_count(xp, shape, index, dim, start, weights=1):
    """For each position of self: `start` plus how many (weighted) src entries land there."""
    counts = xp.full(shape, start, dtype=weights.dtype if hasattr(weights, "dtype") else "int64")
    if index.size:
        if hasattr(weights, "shape"):
            weights = nd(weights)[tuple(slice(0, n) for n in nd(index).shape)]
        ufunc_at(xp, "add", nd(counts), scatter_key(xp, nd(index), dim), weights)
    return counts


def scatter_reduce_backward(grad, self, index, src, result, dim, reduce, include_self):
    if reduce not in ("sum", "prod", "mean", "amax", "amin"):
        # torch's forward accepts "max" / "min" (as amax / amin), its backward does not.
        raise RuntimeError(
            "Expected 'reduce' to be one of 'sum', 'prod', 'mean', 'amax', 'amin' but got "
            f"{reduce}."
        )
    xp = xp_for(grad._device)
    idx = index._data
    dtype = grad._data.dtype
    if tuple(index.shape) != tuple(src.shape) and index._data.size:
        raise invalid_gradient("ScatterReduceBackward0", 1, index.shape, src.shape)
    if reduce == "sum":
        grad_self = grad
        grad_src = grad.gather(dim, index)
    elif reduce == "mean":
        counts = _scatter_count(xp, self._data.shape, idx, dim, 1 if include_self else 0)
        n = Tensor._make(xp.maximum(counts, 1).astype(dtype), grad.dtype, grad._device)
        grad_self = grad / n
        grad_src = (grad / n).gather(dim, index)
    elif reduce == "prod":
        self_zero = Tensor._make(self._data == 0, _bool(), grad._device)
        masked_self = self.masked_fill(self_zero, 1)
        masked_self_result = masked_self.scatter_reduce(
            dim, index, src, "prod", include_self=include_self
        )
        grad_self = grad * masked_self_result / masked_self
        src_zero = src._data == 0
        zeros_there = _scatter_count(xp, self._data.shape, idx, dim, 0, src_zero.astype("int64"))
        gathered = nd(zeros_there)[scatter_key(xp, nd(idx), dim)].reshape(idx.shape)
        single = Tensor._make(src_zero & (gathered == 1), _bool(), grad._device)
        masked_src = src.masked_fill(single, 1)
        masked_src_result = self.scatter_reduce(
            dim, index, masked_src, "prod", include_self=include_self
        )
        only_zero = (grad * masked_src_result).gather(dim, index)
        divided = (grad * result).gather(dim, index) / src.masked_fill(
            Tensor._make(src_zero, _bool(), grad._device), 1
        )
        grad_src = divided.masked_fill(single, 0) + only_zero.masked_fill(
            Tensor._make(~single._data, _bool(), grad._device), 0
        )
    else:
        res = result._data
        value = nd(res)[scatter_key(xp, nd(idx), dim)].reshape(idx.shape) if idx.size else idx
        self_is = (self._data == res).astype(dtype)
        src_is = (src._data == value).astype(dtype) if idx.size else src._data
        counts = _scatter_count(xp, self._data.shape, idx, dim, 0, src_is) + self_is
        counts = xp.maximum(counts, 1).astype(dtype)
        share = grad / Tensor._make(counts, grad.dtype, grad._device)
        grad_self = share * Tensor._make(self_is, grad.dtype, grad._device)
        grad_src = share.gather(dim, index) * Tensor._make(src_is, grad.dtype, grad._device)
    if not include_self and idx.size:
        touched = _scatter_count(xp, self._data.shape, idx, dim, 0) > 0
        grad_self = grad_self.masked_fill(Tensor._make(touched, _bool(), grad._device), 0)
    return grad_self, None, grad_src


def _bool():
    from numtorch import _dtype

    return _dtype.bool
