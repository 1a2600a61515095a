"""Further shape ops: ravel, rot90, unfold, broadcast_shapes/broadcast_tensors, meshgrid,
narrow_copy, split_with_sizes, unsafe_split/unsafe_chunk, and the in-place view ops (t_,
transpose_, swapaxes_, swapdims_, squeeze_, unsqueeze_, as_strided_) that change a tensor's
shape and strides in place.
"""

import builtins
import warnings

from numtorch._errors import LEAF_INPLACE, VIEW_OF_LEAF_INPLACE, wrap_dim, wrap_dims
from numtorch._ops.registry import REGISTRY, _enabled, apply, op, public
from numtorch._ops.shape import chunk, expand, split, view
from numtorch._size import Size

# ---------------------------------------------------------------- ravel / rot90


@public(method=True)
def ravel(input):
    """Same as `torch.ravel`: a 1-D view when input is contiguous, else a flattened copy."""
    return view(input.contiguous(), -1)


@op("rot90", grad_fn="Rot90Backward0", function=False, method=False)
def _rot90(xp, input, *, k, dims):
    return xp.ascontiguousarray(xp.rot90(input, k, axes=dims)).copy()


@_rot90.backward
def _(grad, *, needs, k, dims):
    return grad.rot90(-k, dims)


@public(method=True)
def rot90(input, k=1, dims=(0, 1)):
    """Same as `torch.rot90`: a copy rotated by 90 degrees k times, from dims[0] towards dims[1]."""
    dims = tuple(dims)
    if len(dims) != 2:
        raise RuntimeError(f"expected total rotation dims == 2, but got dims = {len(dims)}")
    if input.dim() < 2:
        raise RuntimeError(f"expected total dims >= 2, but got total dims = {input.dim()}")
    wrapped = (wrap_dim(dims[0], input.dim()), wrap_dim(dims[1], input.dim()))
    if wrapped[0] == wrapped[1]:
        raise RuntimeError(
            f"expected rotation dims to be different, but got dim0 = {dims[0]} and dim1 = {dims[1]}"
        )
    return apply(REGISTRY["rot90"], (input,), {"k": k % 4, "dims": wrapped})


# ---------------------------------------------------------------- unfold


@op("unfold", grad_fn="UnfoldBackward0", view=True, function=False, method=False)
def _unfold(xp, input, *, dimension, size, step):
    if input.ndim == 0:
        return input.reshape(1)
    count = (input.shape[dimension] - size) // step + 1
    shape = list(input.shape)
    shape[dimension] = count
    strides = list(input.strides)
    strides.append(strides[dimension])
    strides[dimension] *= step
    return xp.lib.stride_tricks.as_strided(input, tuple(shape) + (size,), tuple(strides))


@_unfold.backward
def _(grad, *, needs, self_sym_sizes, dimension, size, step):
    params = {"input_sizes": tuple(self_sym_sizes), "dim": dimension, "size": size, "step": step}
    return apply(REGISTRY["unfold_backward"], (grad,), params)


@op("unfold_backward", grad_fn="UnfoldBackwardBackward0", function=False, method=False)
def _unfold_backward(xp, grad, *, input_sizes, dim, size, step):
    if not input_sizes:
        return grad.reshape(())
    out = xp.zeros(input_sizes, grad.dtype)
    count = grad.shape[dim]
    for j in range(size):
        window = (slice(None),) * dim + (slice(j, j + step * (count - 1) + 1, step),)
        out[window] += grad[..., j]
    return out


@_unfold_backward.backward
def _(grad, *, needs, dim, size, step):
    return grad.unfold(dim, size, step)


@public(function=False, method=True)
def unfold(self, dimension, size, step):
    """Same as `Tensor.unfold`: a view of every window of `size` elements along `dimension`,
    `step` apart, as a new last dim."""
    nd = self.dim()
    d = wrap_dim(dimension, nd)
    n = self.shape[d] if nd else 1
    if size > n:
        raise RuntimeError(f"maximum size for tensor at dimension {d} is {n} but size is {size}")
    if step <= 0:
        raise RuntimeError(f"step is {step} but must be > 0")
    return apply(REGISTRY["unfold"], (self,), {"dimension": d, "size": size, "step": step})


# ---------------------------------------------------------------- broadcasting / meshgrid


@public()
def broadcast_shapes(*shapes):
    """Same as `torch.broadcast_shapes`: the shape that all `shapes` broadcast to."""
    shapes = [(s,) if isinstance(s, int) else s for s in shapes if s is not None]
    for s in shapes:
        if not isinstance(s, (tuple, list)):
            raise RuntimeError(
                f"Input shapes should be of type ints, a tuple of ints, or a list of ints, got {s}"
            )
    if not shapes:
        return Size(())
    common = [1] * builtins.max(len(s) for s in shapes)
    for arg, shape in enumerate(shapes):
        for i in range(-1, -1 - len(shape), -1):
            if shape[i] == common[i]:
                continue
            if common[i] == 1:
                if shape[i] < 0:
                    raise ValueError("Attempting to broadcast a dimension with negative length!")
                common[i] = shape[i]
            if shape[i] != 1 and shape[i] != common[i]:
                raise RuntimeError(
                    f"Attempting to broadcast a dimension of length {shape[i]} at {i}! "
                    f"Mismatching argument at index {arg} had {shape}; but expected shape "
                    f"should be broadcastable to {common}"
                )
    return Size(common)


@public()
def broadcast_tensors(*tensors):
    """Same as `torch.broadcast_tensors`: expanded views (a tensor already of the broadcast
    shape is returned as is)."""
    from numtorch._errors import broadcast_shapes_of

    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    shape = broadcast_shapes_of(*(t.shape for t in tensors))
    return tuple(t if tuple(t.shape) == shape else expand(t, shape) for t in tensors)


@public()
def meshgrid(*tensors, indexing=None):
    """Same as `torch.meshgrid`: expanded views of the 0-D/1-D inputs over their joint grid."""
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    if indexing is None:
        warnings.warn(
            "torch.meshgrid: in an upcoming release, it will be required to pass the indexing "
            "argument.",
            UserWarning,
            stacklevel=2,
        )
        indexing = "ij"
    if not tensors:
        raise RuntimeError("meshgrid expects a non-empty TensorList")
    for t in tensors:
        if t.dim() > 1:
            raise RuntimeError(
                "torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: "
                f"{t.dtype} tensor of shape {list(t.shape)}"
            )
    if any(t.dtype is not tensors[0].dtype for t in tensors):
        raise RuntimeError("meshgrid expects all tensors to have the same dtype")
    if indexing not in ("xy", "ij"):
        raise RuntimeError(
            f'torch.meshgrid: indexing must be one of "xy" or "ij", but received: {indexing}'
        )
    swap = indexing == "xy" and len(tensors) >= 2
    order = list(tensors)
    if swap:
        order[0], order[1] = order[1], order[0]
    shape = tuple(t.numel() for t in order)
    grids = []
    for i, t in enumerate(order):
        lined = [1] * len(order)
        lined[i] = -1
        grids.append(expand(view(t, tuple(lined)), shape))
    if swap:
        grids[0], grids[1] = grids[1], grids[0]
    return tuple(grids)


# ---------------------------------------------------------------- copies and unsafe splits


@op("narrow_copy", grad_fn="NarrowCopyBackward0", function=False, method=False)
def _narrow_copy(xp, input, *, dim, start, length):
    return input[(slice(None),) * dim + (slice(start, start + length),)].copy()


@_narrow_copy.backward
def _(grad, *, needs, self_sym_sizes, dim, start, length):
    params = {"input_sizes": tuple(self_sym_sizes), "dim": dim, "start": start}
    return apply(REGISTRY["slice_backward"], (grad,), {**params, "end": start + length, "step": 1})


@public(method=True)
def narrow_copy(input, dim, start, length, *, out=None):
    """Same as `torch.narrow_copy`: `narrow`, copied."""
    piece = input.narrow(dim, start, length)  # torch's checks and messages
    d = wrap_dim(dim, input.dim())
    begin = piece.storage_offset() - input.storage_offset()
    begin = begin // input.stride(d) if input.stride(d) else 0
    params = {"dim": d, "start": begin, "length": length}
    return apply(REGISTRY["narrow_copy"], (input,), params, out)


@public(method=True)
def split_with_sizes(input, split_sizes, dim=0):
    """Same as `torch.split_with_sizes`."""
    return split(input, list(split_sizes), dim)


@op(
    "unsafe_split",
    grad_fn="UnsafeSplitBackward0",
    function=False,
    method=False,
    returns=tuple,
)
def _unsafe_split(xp, input, *, split_size, dim):
    n = input.shape[dim]
    if split_size == 0:
        return (input[...],)
    key = (slice(None),) * dim
    return tuple(input[key + (slice(s, s + split_size),)] for s in range(0, n, split_size))


@_unsafe_split.backward
def _(*grads, needs, dim):
    from numtorch._ops.shape import cat

    return cat(grads, dim)


@public(method=True)
def unsafe_split(input, split_size, dim=0):
    """Same as `torch.unsafe_split`: `split`, with pieces that torch does not track as views."""
    if not isinstance(split_size, int):
        raise TypeError(
            "unsafe_split(): argument 'split_size' (position 2) must be int, not "
            f"{type(split_size).__name__}"
        )
    split(input.detach(), split_size, dim)  # torch's checks and messages
    params = {"split_size": split_size, "dim": wrap_dim(dim, input.dim())}
    return apply(REGISTRY["unsafe_split"], (input,), params)


@public(method=True)
def unsafe_chunk(input, chunks, dim=0):
    """Same as `torch.unsafe_chunk`: `chunk`, with pieces not tracked as views."""
    pieces = chunk(input.detach(), chunks, dim)  # torch's checks and piece sizes
    d = wrap_dim(dim, input.dim())
    if len(pieces) > 1 or pieces[0].shape[d] == 0:
        return apply(
            REGISTRY["unsafe_split"], (input,), {"split_size": pieces[0].shape[d], "dim": d}
        )
    return apply(REGISTRY["unsafe_split"], (input,), {"split_size": input.shape[d], "dim": d})


# ---------------------------------------------------------------- in-place view ops


def _variant(name, grad_fn, base):
    """An op like REGISTRY[base] whose grad_fn has the in-place overload's name."""
    od = REGISTRY[base]
    declared = op(name, grad_fn=grad_fn, view=True, function=False, method=False)(od.forward)
    declared.backward(od.backward)
    return REGISTRY[name]


def _restride(self, make):
    """Gives self the shape and strides of the view `make(self)` (torch's in-place view ops)."""
    if _enabled() and self._requires_grad:
        if self.grad_fn is None:
            raise RuntimeError(LEAF_INPLACE)
        if self._base is not None and self._base._requires_grad and self._base.grad_fn is None:
            raise RuntimeError(VIEW_OF_LEAF_INPLACE)
    out = make(self)
    node = out.grad_fn
    self._data = out._data
    if self._base is not None:
        self._view_fn = out._view_fn
    self._bump_version()
    if node is not None:  # set after the bump: this grad_fn is current, not stale
        self.grad_fn, self._output_nr = node, 0
    return self


def _run(variant, params):
    return lambda t: apply(variant, (t,), params)


@public("t_", function=False, method=True)
def _t_(self):
    if self.dim() > 2:
        raise RuntimeError(f"t_() expects a tensor with <= 2 dimensions, but self is {self.dim()}D")
    return _restride(self, _run(_T1, {}))


def _transpose_params(self, dim0, dim1):
    return {"dim0": wrap_dim(dim0, self.dim()), "dim1": wrap_dim(dim1, self.dim())}


@public("transpose_", function=False, method=True)
def _transpose_(self, dim0, dim1):
    return _restride(self, _run(_TRANSPOSE1, _transpose_params(self, dim0, dim1)))


@public("swapaxes_", function=False, method=True)
def _swapaxes_(self, axis0, axis1):
    return _restride(self, _run(_TRANSPOSE1, _transpose_params(self, axis0, axis1)))


@public("swapdims_", function=False, method=True)
def _swapdims_(self, dim0, dim1):
    return _restride(self, _run(_TRANSPOSE1, _transpose_params(self, dim0, dim1)))


@public("unsqueeze_", function=False, method=True)
def _unsqueeze_(self, dim):
    d = wrap_dim(dim, self.dim() + 1)
    return _restride(self, _run(_UNSQUEEZE1, {"dim": d}))


@public("squeeze_", function=False, method=True)
def _squeeze_(self, dim=None):
    if dim is None:
        return _restride(self, _run(_SQUEEZE3, {}))
    if isinstance(dim, (tuple, list)):
        wrapped = wrap_dims(dim, self.dim())
        return _restride(self, _run(_SQUEEZE5, {"dim": wrapped if self.dim() else ()}))
    return _restride(self, _run(_SQUEEZE4, {"dim": wrap_dim(dim, self.dim())}))


@public("as_strided_", method=True)
def as_strided_(input, size, stride, storage_offset=None):
    """Same as `torch.as_strided_`: input itself, given the sizes and strides in place."""
    from numtorch._ops.shape_diag import as_strided

    checked = as_strided(input.detach(), size, stride, storage_offset)
    params = {
        "size": tuple(size),
        "stride": tuple(stride),
        "storage_offset": checked.storage_offset(),
        "input_geometry": (tuple(input.shape), input.stride(), input.storage_offset()),
    }
    return _restride(input, _run(_AS_STRIDED1, params))


_T1 = _variant("t_inplace", "TBackward1", "_t")
_TRANSPOSE1 = _variant("transpose_inplace", "TransposeBackward1", "_transpose")
_UNSQUEEZE1 = _variant("unsqueeze_inplace", "UnsqueezeBackward1", "_unsqueeze")
_SQUEEZE3 = _variant("squeeze_all_inplace", "SqueezeBackward3", "squeeze_all")
_SQUEEZE4 = _variant("squeeze_dim_inplace", "SqueezeBackward4", "squeeze_dim")
_SQUEEZE5 = _variant("squeeze_dims_inplace", "SqueezeBackward5", "squeeze_dims")
_AS_STRIDED1 = _variant("as_strided_inplace", "AsStridedBackward1", "as_strided")
