"""Advanced indexing: `x[tensor]`, `x[list]`, `x[mask]` (IndexBackward0) and `x[...] = v` /
index_put (IndexPutBackward0), plus `ufunc_at`, the one scatter-accumulate helper every op uses.

The views for ints, slices and None are made first (indexing.walk); the remaining index
tensors are then applied together, placed where NumPy and torch place them: where they stand
when they are adjacent, in front when a slice separates them.
"""

import warnings

from numtorch import _dtype
from numtorch._errors import broadcast_shapes_of, fmt_shape
from numtorch._ops.indexing import (
    mask_shape_error,
    min_max,
    strip_leading_ones,
    type_name,
    untracked,
)
from numtorch._ops.registry import REGISTRY, apply, apply_inplace, op, public
from numtorch._tensor import Tensor

_INDEX_DTYPES = (_dtype.int64, _dtype.int32)
_BAD_INDEX_DTYPE = "tensors used as indices must be long, int, byte or bool tensors"


# ---------------------------------------------------------------- the one scatter helper


def ufunc_at(xp, name, target, key, values):
    """`target[key] = name(target[key], values)` in place, applying every repeated position
    (NumPy's `ufunc.at`).

    This is the single place the array library's scatter-accumulate is called: NumPy has
    `ufunc.at`; on CuPy it is `cupyx.scatter_add/max/min`, and for other ufuncs the positions are
    applied in rounds, each round holding every position at most once.
    """
    ufunc = getattr(xp, name)
    at = getattr(ufunc, "at", None)
    if at is not None:
        try:
            at(target, key, values)
            return
        except NotImplementedError:
            pass
    scatter = {"add": "scatter_add", "maximum": "scatter_max", "minimum": "scatter_min"}.get(name)
    if scatter is not None:
        try:
            import cupyx

            getattr(cupyx, scatter)(target, key, values)
            return
        except ImportError:
            pass
    _at_in_rounds(xp, ufunc, target, key, values)


def _at_in_rounds(xp, ufunc, target, key, values):
    positions = xp.arange(target.size).reshape(target.shape)[key].reshape(-1)
    values = xp.broadcast_to(xp.asarray(values, dtype=target.dtype), target[key].shape)
    values = values.reshape(-1)
    n = positions.size
    if n == 0:
        return
    order = xp.argsort(positions)
    ordered = positions[order]
    starts = xp.concatenate([xp.ones(1, dtype=bool), ordered[1:] != ordered[:-1]])
    group = xp.cumsum(starts) - 1
    rank = xp.arange(n) - xp.flatnonzero(starts)[group]
    flat = target.reshape(-1)
    for r in range(int(rank.max()) + 1):
        chosen = order[rank == r]
        p = positions[chosen]
        flat[p] = ufunc(flat[p], values[chosen])
    target[...] = flat.reshape(target.shape)


# ---------------------------------------------------------------- key items


def _as_index_tensor(seq, device):
    """A list / array index as an index tensor: bool and uint8 stay masks, the rest becomes
    int64 (floats are truncated, as torch does for indexing lists)."""
    from numtorch._creation import tensor

    if isinstance(seq, range):
        seq = list(seq)
    t = tensor(seq, device=device)
    if t.dtype is _dtype.bool or t.dtype is _dtype.uint8:
        return t
    if t.dtype is not _dtype.int64:
        t = tensor(seq, dtype=_dtype.int64, device=device)
    return t


def index_item(k, device):
    """One item of an indexing key as int, slice, None, Ellipsis, bool or an index Tensor."""
    if k is None or k is Ellipsis or type(k) in (int, bool, slice):
        return k
    if isinstance(k, str):
        raise TypeError("new(): invalid data type 'str'")
    if not isinstance(k, Tensor):
        if isinstance(k, (list, tuple, range)) or type(k).__name__ == "ndarray":
            k = _as_index_tensor(k, device)
        elif hasattr(k, "__index__"):
            return k.__index__()
        else:
            raise IndexError(
                "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables "
                f"are valid indices (got {type(k).__name__})"
            )
    if k._data.ndim == 0:
        if k.dtype is _dtype.bool:
            return bool(k.item())
        if k.dtype.category == _dtype.INT:
            return int(k.item())
    return k


# ---------------------------------------------------------------- index tensors


def expand_indices(shape, tensors, xp):
    """(dim, tensor) pairs as one index per dim (None where a dim is not indexed): masks
    become their nonzero() coordinates; torch's dtype, shape and broadcast checks."""
    full = [None] * len(shape)
    for dim, t in tensors:
        if t.dtype is _dtype.bool or t.dtype is _dtype.uint8:
            if t.dtype is _dtype.uint8:
                warnings.warn(
                    "indexing with dtype torch.uint8 is now deprecated, please use a dtype "
                    "torch.bool instead.",
                    UserWarning,
                    stacklevel=4,
                )
            for j, n in enumerate(t._data.shape):
                if dim + j >= len(shape):
                    raise IndexError(f"too many indices for tensor of dimension {len(shape)}")
                if n != shape[dim + j]:
                    raise mask_shape_error(t._data.shape, shape, j, dim + j)
            for j, coords in enumerate(xp.nonzero(t._data)):
                full[dim + j] = Tensor._make(coords.astype("int64"), _dtype.int64, t._device)
        elif t.dtype in _INDEX_DTYPES:
            if dim >= len(shape):
                raise IndexError(f"too many indices for tensor of dimension {len(shape)}")
            full[dim] = t
        else:
            raise IndexError(_BAD_INDEX_DTYPE)
    while full and full[-1] is None:
        full.pop()
    used = [t for t in full if t is not None]
    try:
        if len(used) > 1:
            broadcast_shapes_of(*(t._data.shape for t in used))
    except RuntimeError:
        shapes = ", ".join(fmt_shape(t._data.shape) for t in used)
        raise IndexError(
            f"shape mismatch: indexing tensors could not be broadcast together with shapes {shapes}"
        ) from None
    # torch checks indices as it reads them: an empty result reads (and checks) nothing.
    empty = any(n == 0 for n in result_shape(shape, full))
    if not empty:
        _check_bounds(xp, [(t._data, shape[d]) for d, t in enumerate(full) if t is not None])
    return tuple(full)


def _check_bounds(xp, pairs):
    """IndexError for the first out-of-range entry, in torch's order: element by element over
    the broadcast indices, and within one element dimension by dimension (counted among the
    indexed dims)."""
    for a, n in pairs:
        if a.size:
            low, high = min_max(a)
            if low < -n or high >= n:
                break
    else:
        return
    arrays = xp.broadcast_arrays(*[a for a, _ in pairs])
    flags = xp.stack([(a < -n) | (a >= n) for a, (_, n) in zip(arrays, pairs)], axis=-1)
    first = int(xp.argmax(flags.reshape(-1)))
    k = len(pairs)
    element, dim = divmod(first, k)
    value = int(arrays[dim].reshape(-1)[element])
    raise IndexError(
        f"index {value} is out of bounds for dimension {dim} with size {pairs[dim][1]}"
    )


def result_shape(shape, indices):
    """The shape `x[indices]` has (NumPy's placement of the broadcast index dims)."""
    dims = [d for d, t in enumerate(indices) if t is not None]
    if not dims:
        return tuple(shape)
    bshape = broadcast_shapes_of(*(indices[d]._data.shape for d in dims))
    rest = [n for d, n in enumerate(shape) if d >= len(indices) or indices[d] is None]
    if dims == list(range(dims[0], dims[-1] + 1)):
        return tuple(shape[: dims[0]]) + tuple(bshape) + tuple(shape[dims[-1] + 1 :])
    return tuple(bshape) + tuple(rest)


def _key(indices):
    return tuple(slice(None) if t is None else t._data for t in indices)


# ---------------------------------------------------------------- index / index_put ops


@op("index", grad_fn="IndexBackward0", function=False, method=False)
def _index(xp, input, *, indices):
    try:
        return input[_key(indices)]
    except IndexError:
        # Bounds were checked unless the result is empty; NumPy checks them regardless.
        return xp.empty(result_shape(input.shape, indices), dtype=input.dtype)


@_index.backward
def _(grad, *, needs, self_sym_sizes, indices):
    from numtorch._creation import zeros

    out = zeros(self_sym_sizes, dtype=grad.dtype, device=grad.device)
    return apply(REGISTRY["index_put"], (out, grad), {"indices": indices, "accumulate": True})


@op(
    "index_put",
    grad_fn="IndexPutBackward0",
    input_names=("self", "values"),
    function=False,
    method=False,
)
def _index_put(xp, input, values, *, indices, accumulate):
    out = input.copy()
    _write(xp, out, indices, values, accumulate)
    return out


def _write(xp, target, indices, values, accumulate):
    """target[indices] = values (or += with repeats adding up), in place."""
    if 0 in result_shape(target.shape, indices):
        return  # nothing to write; NumPy would still check the (unchecked) indices
    if accumulate:
        ufunc_at(xp, "add", target, _key(indices), values)
    else:
        target[_key(indices)] = values


@_index_put.backward
def _(grad, *, needs, indices, accumulate):
    from numtorch._creation import zeros

    grad_self = grad_values = None
    if needs[0]:
        grad_self = grad
        if not accumulate:
            zero = zeros((), dtype=grad.dtype, device=grad.device)
            grad_self = apply(
                REGISTRY["index_put"], (grad, zero), {"indices": indices, "accumulate": False}
            )
    if needs[1]:
        grad_values = apply(REGISTRY["index"], (grad,), {"indices": indices})
    return grad_self, grad_values


def index_with(view, tensors):
    """`view[...]` for the advanced items (dim, tensor) left by indexing.walk."""
    from numtorch._device import xp_for

    indices = expand_indices(view._data.shape, tensors, xp_for(view._device))
    return apply(REGISTRY["index"], (view,), {"indices": indices})


def _check_values(self, values, indices):
    if values.dtype is not self.dtype:
        raise RuntimeError(
            "Index put requires the source and destination dtypes match, got "
            f"{type_name(self.dtype)} for the destination and {type_name(values.dtype)} for "
            "the source."
        )
    target = result_shape(self._data.shape, indices)
    vshape = values._data.shape
    fits = len(vshape) <= len(target) and all(
        v == 1 or v == t for v, t in zip(reversed(vshape), reversed(target))
    )
    if not fits:
        raise RuntimeError(
            f"shape mismatch: value tensor of shape {fmt_shape(vshape)} cannot be broadcast to "
            f"indexing result of shape {fmt_shape(target)}"
        )


def put_with(view, tensors, value):
    """`view[...] = value` for the advanced items left by indexing.walk (index_put_)."""
    from numtorch._device import xp_for

    indices = expand_indices(view._data.shape, tensors, xp_for(view._device))
    if isinstance(value, Tensor):
        value = strip_leading_ones(value)
        _check_values(view, value, indices)
    if untracked(view, value):
        data = value._data if isinstance(value, Tensor) else value
        _write(xp_for(view._device), view._data, indices, data, False)
        view._bump_version()
        return
    apply_inplace(REGISTRY["index_put"], (view, value), {"indices": indices, "accumulate": False})


def _public_indices(name, self, indices, values):
    if not isinstance(indices, (tuple, list)):
        raise TypeError(
            f"{name}(): argument 'indices' (position 2) must be tuple of Tensors, not "
            f"{type(indices).__name__}"
        )
    for i, t in enumerate(indices):
        if not isinstance(t, Tensor):
            raise TypeError(
                f"expected Tensor as element {i} in argument 1, but got {type(t).__name__}"
            )
    if not isinstance(values, Tensor):
        raise TypeError(
            f"{name}(): argument 'values' (position 3) must be Tensor, not {type(values).__name__}"
        )
    from numtorch._device import xp_for

    ndim = self._data.ndim
    count = sum(t._data.ndim if t.dtype in (_dtype.bool, _dtype.uint8) else 1 for t in indices)
    if count > ndim:
        raise IndexError(f"too many indices for tensor of dimension {ndim} (got {count})")
    pairs, dim = [], 0
    for t in indices:
        pairs.append((dim, t))
        dim += t._data.ndim if t.dtype in (_dtype.bool, _dtype.uint8) else 1
    full = expand_indices(self._data.shape, pairs, xp_for(self._device))
    _check_values(self, values, full)
    return full


@public(method=True)
def index_put(input, indices, values, accumulate=False):
    """Same as `torch.index_put`: a copy of input with `input[indices] = values` (or `+=`)."""
    full = _public_indices("index_put", input, indices, values)
    return apply(
        REGISTRY["index_put"], (input, values), {"indices": full, "accumulate": accumulate}
    )


@public(method=True)
def index_put_(input, indices, values, accumulate=False):
    """Same as `Tensor.index_put_`."""
    full = _public_indices("index_put_", input, indices, values)
    return apply_inplace(
        REGISTRY["index_put"], (input, values), {"indices": full, "accumulate": accumulate}
    )
