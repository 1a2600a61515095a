"""NumPy-style joining and splitting: atleast_1d/2d/3d, hstack/vstack/dstack/column_stack/
row_stack (composites of `cat`), tensor_split and hsplit/vsplit/dsplit (views made by `slice`).
"""

from numtorch import _dtype
from numtorch._errors import type_name, wrap_dim
from numtorch._ops.registry import public
from numtorch._ops.shape import cat, reshape, slice_dim, unsqueeze
from numtorch._tensor import Tensor

# ---------------------------------------------------------------- atleast_nd


def _atleast(tensors, one):
    """Applies `one` to a tensor, or to each of several (then returns a tuple), as torch does."""
    if len(tensors) == 1:
        tensors = tensors[0]
    if isinstance(tensors, Tensor):
        return one(tensors)
    return tuple(one(t) for t in tensors)


def _at_least_1d(t):
    return reshape(t, (1,)) if t.dim() == 0 else t


def _at_least_2d(t):
    if t.dim() == 0:
        return reshape(t, (1, 1))
    return unsqueeze(t, 0) if t.dim() == 1 else t


def _at_least_3d(t):
    if t.dim() == 0:
        return reshape(t, (1, 1, 1))
    if t.dim() == 1:
        return unsqueeze(unsqueeze(t, 0), -1)
    return unsqueeze(t, -1) if t.dim() == 2 else t


@public()
def atleast_1d(*tensors):
    """Same as `torch.atleast_1d`: 0-dim tensors become 1-dim views; others are returned as is."""
    return _atleast(tensors, _at_least_1d)


@public()
def atleast_2d(*tensors):
    """Same as `torch.atleast_2d`."""
    return _atleast(tensors, _at_least_2d)


@public()
def atleast_3d(*tensors):
    """Same as `torch.atleast_3d`: a 1-D tensor of n becomes (1, n, 1), a matrix (m, n, 1)."""
    return _atleast(tensors, _at_least_3d)


# ---------------------------------------------------------------- stacks


def _tensor_list(name, tensors):
    if isinstance(tensors, Tensor):
        raise TypeError(
            f"{name}(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor"
        )
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError(f"{name} expects a non-empty TensorList")
    return tensors


@public()
def hstack(tensors, *, out=None):
    """Same as `torch.hstack`: cat along dim 1 (dim 0 for 1-D tensors)."""
    parts = [_at_least_1d(t) for t in _tensor_list("hstack", tensors)]
    return cat(parts, 0 if parts[0].dim() == 1 else 1, out=out)


@public()
def vstack(tensors, *, out=None):
    """Same as `torch.vstack`: cat along dim 0 of the tensors made at least 2-D."""
    parts = [_at_least_2d(t) for t in _tensor_list("vstack", tensors)]
    return cat(parts, 0, out=out)


@public()
def row_stack(tensors, *, out=None):
    """Same as `torch.row_stack`: an alias of `vstack`."""
    return vstack(tensors, out=out)


@public()
def dstack(tensors, *, out=None):
    """Same as `torch.dstack`: cat along dim 2 of the tensors made at least 3-D."""
    parts = [_at_least_3d(t) for t in _tensor_list("dstack", tensors)]
    return cat(parts, 2, out=out)


@public()
def column_stack(tensors, *, out=None):
    """Same as `torch.column_stack`: 0-D and 1-D tensors become columns, then cat along dim 1."""
    parts = [
        reshape(t, (t.numel(), 1)) if t.dim() <= 1 else t
        for t in _tensor_list("column_stack", tensors)
    ]
    return cat(parts, 1, out=out)


# ---------------------------------------------------------------- tensor_split


def _pieces(input, dim, bounds):
    """Views input[bounds[i]:bounds[i + 1]] along dim (Python slice rules), all SliceBackward0."""
    return tuple(slice_dim(input, dim, a, b) for a, b in zip(bounds[:-1], bounds[1:]))


def _split_by_sections(input, sections, dim):
    if sections <= 0:
        raise RuntimeError(f"number of sections must be larger than 0, got {sections}")
    n = input.shape[dim]
    size, extra = divmod(n, sections)
    bounds, start = [0], 0
    for i in range(sections):
        start += size + (1 if i < extra else 0)
        bounds.append(start)
    return _pieces(input, dim, bounds)


def _split_by_indices(input, indices, dim):
    return _pieces(input, dim, [0] + [int(i) for i in indices] + [None])


@public(method=True)
def tensor_split(
    input,
    indices_or_sections=None,
    dim=0,
    *,
    sections=None,
    indices=None,
    tensor_indices_or_sections=None,
):
    """Same as `torch.tensor_split`: views split into `sections` near-equal pieces, or at the
    given indices (a list, or a 0-D/1-D int64 tensor)."""
    if input.dim() == 0:
        raise RuntimeError(
            "tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims"
        )
    split = indices_or_sections
    for given in (sections, indices, tensor_indices_or_sections):
        if given is not None:
            split = given
    d = wrap_dim(dim, input.dim())
    if isinstance(split, Tensor):
        if split.dtype is not _dtype.int64:
            raise RuntimeError(
                "tensor_split expected tensor_indices_or_sections to have dtype of long, but "
                f"got {type_name(split.dtype)}"
            )
        if split.dim() > 1:
            raise RuntimeError(
                "tensor_split expected tensor_indices_or_sections to be a zero-dimensional or "
                f"one-dimensional tensor, but got a tensor with {split.dim()} dims"
            )
        split = split.item() if split.dim() == 0 else split.tolist()
    if isinstance(split, int):
        return _split_by_sections(input, split, d)
    return _split_by_indices(input, split, d)


def _numpy_split(name, input, split, dim, min_dims):
    if input.dim() < min_dims:
        raise RuntimeError(
            f"torch.{name} requires a tensor with at least {min_dims} dimension, but got a "
            f"tensor with {input.dim()} dimensions!"
        )
    if isinstance(split, Tensor):
        split = split.tolist()
    if isinstance(split, int):
        n = input.shape[dim]
        if split == 0 or n % split:
            raise RuntimeError(
                f"torch.{name} attempted to split along dimension {dim}, but the size of the "
                f"dimension {n} is not divisible by the split_size {split}!"
            )
        return _split_by_sections(input, split, dim)
    return _split_by_indices(input, split, dim)


@public(method=True)
def hsplit(input, indices_or_sections):
    """Same as `torch.hsplit`: tensor_split along dim 1 (dim 0 of a 1-D tensor); an int must
    divide the dim exactly."""
    dim = 0 if input.dim() == 1 else 1
    return _numpy_split("hsplit", input, indices_or_sections, dim, 1)


@public(method=True)
def vsplit(input, indices_or_sections):
    """Same as `torch.vsplit`: tensor_split along dim 0 of a tensor of at least 2 dims."""
    return _numpy_split("vsplit", input, indices_or_sections, 0, 2)


@public(method=True)
def dsplit(input, indices_or_sections):
    """Same as `torch.dsplit`: tensor_split along dim 2 of a tensor of at least 3 dims."""
    return _numpy_split("dsplit", input, indices_or_sections, 2, 3)
