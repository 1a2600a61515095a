"""Diagonals and strided views: diagonal, diag, diag_embed, as_strided, and the functional
scatters (select_scatter, slice_scatter, diagonal_scatter) that the backward of select, slice and
diagonal are written with, so that create_graph=True differentiates them again.
"""

from numtorch._device import xp_for
from numtorch._errors import fmt_shape, wrap_dim
from numtorch._ops.registry import REGISTRY, apply, op, public
from numtorch._ops.shape import slice_dim
from numtorch._tensor import _address

# ---------------------------------------------------------------- helpers


def diagonal_view(xp, array, offset, dim1, dim2):
    """A writable view of the diagonal `offset` of dims dim1/dim2 (wrapped, distinct), moved last."""
    n1, n2 = array.shape[dim1], array.shape[dim2]
    if offset >= 0:
        length, first1, first2 = min(n1, n2 - offset), 0, offset
    else:
        length, first1, first2 = min(n1 + offset, n2), -offset, 0
    if length <= 0:
        length, first1, first2 = 0, 0, 0
    key = [slice(None)] * array.ndim
    key[dim1], key[dim2] = slice(first1, None), slice(first2, None)
    start = array[tuple(key)]
    keep = [i for i in range(array.ndim) if i not in (dim1, dim2)]
    shape = tuple(array.shape[i] for i in keep) + (length,)
    strides = tuple(array.strides[i] for i in keep) + (array.strides[dim1] + array.strides[dim2],)
    return xp.lib.stride_tricks.as_strided(start, shape, strides)


def _diag_dims(ndim, dim1, dim2):
    d1, d2 = wrap_dim(dim1, ndim), wrap_dim(dim2, ndim)
    if d1 == d2:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    return d1, d2


def _scatter_into(input, target_of, src):
    """A copy of input whose region `target_of(copy)` holds src (torch's size check first)."""
    out = input.copy()
    target = target_of(out)
    if tuple(src.shape) != tuple(target.shape):
        raise RuntimeError(
            "expected src to have a size equal to the slice of self. src size = "
            f"{fmt_shape(src.shape)}, slice size = {fmt_shape(target.shape)}"
        )
    target[...] = src
    return out


def _zeros(shape, like):
    from numtorch._creation import zeros

    return zeros(tuple(shape), dtype=like.dtype, device=like.device)


# ---------------------------------------------------------------- backward of views
# torch's select/slice/diagonal backward are ops of their own (their grad_fn, seen with
# create_graph=True, is SelectBackwardBackward0, ...): the view's gradient written into zeros.


@op("select_backward", grad_fn="SelectBackwardBackward0", function=False, method=False)
def _select_backward(xp, grad, *, input_sizes, dim, index):
    out = xp.zeros(input_sizes, grad.dtype)
    out[(slice(None),) * dim + (index, Ellipsis)] = grad
    return out


@_select_backward.backward
def _(grad, *, needs, dim, index):
    return grad.select(dim, index)


@op("slice_backward", grad_fn="SliceBackwardBackward0", function=False, method=False)
def _slice_backward(xp, grad, *, input_sizes, dim, start, end, step):
    out = xp.zeros(input_sizes, grad.dtype)
    out[(slice(None),) * dim + (slice(start, end, step), Ellipsis)] = grad
    return out


@_slice_backward.backward
def _(grad, *, needs, dim, start, end, step):
    return slice_dim(grad, dim, start, end, step)


@op("diagonal_backward", grad_fn="DiagonalBackwardBackward0", function=False, method=False)
def _diagonal_backward(xp, grad, *, input_sizes, offset, dim1, dim2):
    out = xp.zeros(input_sizes, grad.dtype)
    diagonal_view(xp, out, offset, dim1, dim2)[...] = grad
    return out


@_diagonal_backward.backward
def _(grad, *, needs, offset, dim1, dim2):
    return grad.diagonal(offset, dim1, dim2)


# ---------------------------------------------------------------- diagonal


@op("diagonal", grad_fn="DiagonalBackward0", view=True, function=False, method=False)
def _diagonal(xp, input, *, offset, dim1, dim2):
    return diagonal_view(xp, input, offset, dim1, dim2)


@_diagonal.backward
def _(grad, *, needs, self_sym_sizes, offset, dim1, dim2):
    params = {"input_sizes": tuple(self_sym_sizes), "offset": offset, "dim1": dim1, "dim2": dim2}
    return apply(REGISTRY["diagonal_backward"], (grad,), params)


@public(method=True)
def diagonal(input, offset=0, dim1=0, dim2=1):
    """Same as `torch.diagonal`: a view of a diagonal of dims dim1/dim2, as the last dim."""
    d1, d2 = _diag_dims(input.dim(), dim1, dim2)
    return apply(REGISTRY["diagonal"], (input,), {"offset": offset, "dim1": d1, "dim2": d2})


@op("diagonal_copy", grad_fn="DiagonalBackward0_copy", function=False, method=False)
def _diagonal_copy(xp, input, *, offset, dim1, dim2):
    return diagonal_view(xp, input, offset, dim1, dim2).copy()


_diagonal_copy.backward(_diagonal.opdef.backward)


@public()
def diagonal_copy(input, offset=0, dim1=0, dim2=1, *, out=None):
    """Same as `torch.diagonal_copy`: `diagonal`, copied."""
    d1, d2 = _diag_dims(input.dim(), dim1, dim2)
    params = {"offset": offset, "dim1": d1, "dim2": d2}
    return apply(REGISTRY["diagonal_copy"], (input,), params, out)


@op(grad_fn="DiagEmbedBackward0", out=False, signature="input, offset=0, dim1=-2, dim2=-1")
def diag_embed(xp, input, *, offset=0, dim1=-2, dim2=-1):
    """Same as `torch.diag_embed`: the last dim of input becomes a diagonal of dims dim1/dim2."""
    d1, d2 = _diag_dims(input.ndim + 1, dim1, dim2)
    n = input.shape[-1] + abs(offset)
    shape = list(input.shape[:-1])
    for d in sorted((d1, d2)):
        shape.insert(d, n)
    out = xp.zeros(tuple(shape), input.dtype)
    diagonal_view(xp, out, offset, d1, d2)[...] = input
    return out


@diag_embed.backward
def _(grad, *, needs, offset, dim1, dim2):
    return grad.diagonal(offset, dim1, dim2)


@public(method=True)
def diag(input, diagonal=0, *, out=None):
    """Same as `torch.diag`: a 1-D tensor becomes a diagonal matrix, a matrix gives its diagonal."""
    if input.dim() == 1:
        params = {"offset": diagonal, "dim1": 0, "dim2": 1}
        return apply(REGISTRY["diag_embed"], (input,), params, out)
    if input.dim() == 2:
        params = {"offset": diagonal, "dim1": 0, "dim2": 1}
        return apply(REGISTRY["diagonal_copy"], (input,), params, out)
    raise RuntimeError(f"diag(): Supports 1D or 2D tensors. Got {input.dim()}D")


# ---------------------------------------------------------------- as_strided


def _storage_root(xp, array):
    """The array that owns the memory `array` looks into (torch's storage)."""
    root, current = array, array
    while True:
        current = getattr(current, "base", None)
        if current is None:
            return root
        if isinstance(current, xp.ndarray):
            root = current
        elif not hasattr(current, "__array_interface__"):
            return root


def _storage(xp, array):
    """The whole storage under `array`, as a flat array of array's dtype."""
    root = _storage_root(xp, array)
    item = array.itemsize
    if root.flags.c_contiguous:
        flat = root.reshape(-1)
        return flat if flat.dtype == array.dtype else flat.view(array.dtype)
    return xp.lib.stride_tricks.as_strided(root, (root.nbytes // item,), (item,))


@op("as_strided", grad_fn="AsStridedBackward0", view=True, function=False, method=False)
def _as_strided(xp, input, *, size, stride, storage_offset, input_geometry):
    flat = _storage(xp, input)
    item = input.itemsize
    last = storage_offset + sum((n - 1) * s for n, s in zip(size, stride))
    if 0 not in size and last >= len(flat):
        # never let a replayed view reach past its storage (as_strided() checked the call)
        raise RuntimeError("as_strided: the view does not fit in the storage it is replayed on")
    return xp.lib.stride_tricks.as_strided(
        flat[storage_offset:], size, tuple(s * item for s in stride)
    )


def _positions(xp, size, stride, offset):
    """The storage index of every element of a (size, stride, offset) view, shaped `size`."""
    index = xp.full(tuple(size), offset, dtype="int64")
    for d, (n, s) in enumerate(zip(size, stride)):
        shape = [1] * len(size)
        shape[d] = n
        index = index + (xp.arange(n, dtype="int64") * s).reshape(shape)
    return index


def _scatter_add(xp, n, index, values):
    if values.dtype.kind == "c":
        real = xp.bincount(index, weights=values.real, minlength=n)
        imag = xp.bincount(index, weights=values.imag, minlength=n)
        return (real + 1j * imag).astype(values.dtype)
    return xp.bincount(index, weights=values, minlength=n).astype(values.dtype)


@_as_strided.backward
def _(grad, *, needs, size, stride, storage_offset, input_geometry):
    from numtorch._tensor import Tensor

    in_size, in_stride, in_offset = input_geometry
    xp = xp_for(grad.device)
    out_index = _positions(xp, size, stride, storage_offset).reshape(-1)
    in_index = _positions(xp, in_size, in_stride, in_offset).reshape(-1)
    n = 1 + max([int(i.max()) for i in (out_index, in_index) if i.size] or [-1])
    counts = xp.bincount(in_index, minlength=n)
    overlap = bool(in_index.size) and int(counts.max()) > 1
    if grad.requires_grad:
        from numtorch._creation import zeros

        dev = grad.device
        storage = zeros((n,), dtype=grad.dtype, device=dev).index_add(
            0, Tensor._make(out_index, _int64(), dev), grad.reshape(-1)
        )
        picked = storage.index_select(0, Tensor._make(in_index, _int64(), dev))
        if overlap:
            picked = picked / Tensor._make(counts[in_index], _int64(), dev)
        return picked.reshape(in_size)
    storage = _scatter_add(xp, n, out_index, grad._data.reshape(-1))
    picked = storage[in_index]
    if overlap:
        picked = (picked / counts[in_index]).astype(storage.dtype)
    return Tensor._make(picked.reshape(in_size), grad.dtype, grad.device)


def _int64():
    from numtorch import _dtype

    return _dtype.int64


@public(method=True)
def as_strided(input, size, stride, storage_offset=None):
    """Same as `torch.as_strided`: a view with the given sizes and strides onto the memory of
    input's storage, from `storage_offset` (default: input's own)."""
    size, stride = tuple(size), tuple(stride)
    if len(size) != len(stride):
        raise RuntimeError("mismatch in length of strides and shape")
    if any(s < 0 for s in stride):
        raise RuntimeError(
            f"as_strided: Negative strides are not supported at the moment, got strides: "
            f"{list(stride)}"
        )
    offset = input.storage_offset() if storage_offset is None else storage_offset
    if offset < 0:
        raise RuntimeError(f"Tensor: invalid storage offset {offset}")
    if any(n < 0 for n in size):
        raise RuntimeError(
            f"Storage size calculation overflowed with sizes={list(size)} and "
            f"strides={list(stride)}"
        )
    xp = xp_for(input.device)
    item = input.element_size()
    root = _storage_root(xp, input._data)
    available = root.nbytes // item
    needed = 0 if 0 in size else offset + 1 + sum((n - 1) * s for n, s in zip(size, stride))
    if needed > available:
        raise RuntimeError(
            f"setStorage: sizes {list(size)}, strides {list(stride)}, storage offset {offset}, "
            f"and itemsize {item} requiring a storage size of {needed * item} are out of bounds "
            f"for storage of size {available * item}"
        )
    own_offset = (_address(input._data) - _address(root)) // item
    geometry = (tuple(input.shape), input.stride(), own_offset)
    params = {"size": size, "stride": stride, "storage_offset": offset, "input_geometry": geometry}
    return apply(REGISTRY["as_strided"], (input,), params)


# ---------------------------------------------------------------- functional scatters


@op(
    grad_fn="SelectScatterBackward0",
    out=False,
    input_names=("self", "src"),
    signature="input, src, dim, index",
)
def select_scatter(xp, input, src, *, dim, index):
    """Same as `torch.select_scatter`: a copy of input with `src` written at input[..., index]."""
    if input.ndim == 0:
        raise IndexError("select() cannot be applied to a 0-dim tensor.")
    d = wrap_dim(dim, input.ndim)
    n = input.shape[d]
    if not -n <= index < n:
        raise IndexError(
            f"select(): index {index} out of range for tensor of size {fmt_shape(input.shape)} "
            f"at dimension {d}"
        )
    return _scatter_into(input, lambda a: a[(slice(None),) * d + (index, Ellipsis)], src)


@select_scatter.backward
def _(grad, *, needs, src_sym_sizes, dim, index):
    g_self = grad.select_scatter(_zeros(src_sym_sizes, grad), dim, index) if needs[0] else None
    return g_self, (grad.select(dim, index) if needs[1] else None)


@op(
    grad_fn="SliceScatterBackward0",
    input_names=("self", "src"),
    signature="input, src, dim=0, start=None, end=None, step=1",
)
def slice_scatter(xp, input, src, *, dim=0, start=None, end=None, step=1):
    """Same as `torch.slice_scatter`: a copy of input with `src` written at
    input[..., start:end:step] along dim."""
    d = wrap_dim(dim, input.ndim)
    if step <= 0:
        raise RuntimeError("slice step must be positive")
    key = (slice(None),) * d + (slice(start, end, step), Ellipsis)
    return _scatter_into(input, lambda a: a[key], src)


@slice_scatter.backward
def _(grad, *, needs, src_sym_sizes, dim, start, end, step):
    g_self = None
    if needs[0]:
        g_self = grad.slice_scatter(_zeros(src_sym_sizes, grad), dim, start, end, step)
    g_src = slice_dim(grad, wrap_dim(dim, grad.dim()), start, end, step) if needs[1] else None
    return g_self, g_src


@op(
    grad_fn="DiagonalScatterBackward0",
    out=False,
    input_names=("self", "src"),
    signature="input, src, offset=0, dim1=0, dim2=1",
)
def diagonal_scatter(xp, input, src, *, offset=0, dim1=0, dim2=1):
    """Same as `torch.diagonal_scatter`: a copy of input with `src` written on a diagonal."""
    d1, d2 = _diag_dims(input.ndim, dim1, dim2)
    return _scatter_into(input, lambda a: diagonal_view(xp, a, offset, d1, d2), src)


@diagonal_scatter.backward
def _(grad, *, needs, src_sym_sizes, offset, dim1, dim2):
    g_self = None
    if needs[0]:
        g_self = grad.diagonal_scatter(_zeros(src_sym_sizes, grad), offset, dim1, dim2)
    return g_self, (grad.diagonal(offset, dim1, dim2) if needs[1] else None)
