"""More shape ops: movedim, unflatten, flip, roll, repeat, tile, repeat_interleave, tril/triu and
the T/mT/H/mH transposes. Diagonals, as_strided and the *_scatter ops are in shape_diag.py;
stacking and splitting helpers (hstack, atleast_2d, tensor_split, ...) in shape_join.py.

Ops that torch implements as composites (movedim, tile, repeat_interleave, ...) are composites
here too, so their grad_fn chains are torch's.
"""

import warnings

from numtorch import _dtype
from numtorch._errors import type_name, wrap_dim, wrap_dims
from numtorch._ops.registry import REGISTRY, apply, op, public
from numtorch._ops.shape import _sizes, infer_size, permute, transpose
from numtorch._tensor import Tensor


def wrap_dim_strict(dim, ndim):
    """wrap_dim for ops that give a 0-dim tensor no dim at all (torch's wrap_scalar=False)."""
    if ndim == 0:
        raise IndexError(f"Dimension specified as {dim} but tensor has no dimensions")
    return wrap_dim(dim, ndim)


def _int_tuple(value):
    return (value,) if isinstance(value, int) else tuple(value)


def _varargs(args, kwargs, name):
    """A method's sizes given as varargs, one sequence, or the keyword `name`."""
    if name in kwargs:
        return _int_tuple(kwargs.pop(name))
    return _int_tuple(_sizes(args)) if args else ()


def _no_int(fname, value):
    """torch's TypeError for an int where its function signature wants a tuple of ints."""
    if isinstance(value, int):
        raise TypeError(f"{fname}(): argument 'dims' (position 2) must be tuple of ints, not int")


# ---------------------------------------------------------------- movedim / unflatten


@public(method=True)
def movedim(input, source, destination):
    """Same as `torch.movedim`: a permute view that moves dims `source` to `destination`."""
    src, dst = _int_tuple(source), _int_tuple(destination)
    if len(src) != len(dst):
        raise RuntimeError(
            f"movedim: Invalid source or destination dims: source ({list(src)} dims) should "
            f"contain the same number of dims as destination ({list(dst)} dims)"
        )
    nd = input.dim()
    wsrc = [wrap_dim(d, nd) for d in src]
    wdst = [wrap_dim(d, nd) for d in dst]
    if len(set(wsrc)) != len(wsrc):
        raise RuntimeError(f"movedim: repeated dim in `source` ({list(src)})")
    if len(set(wdst)) != len(wdst):
        raise RuntimeError(f"movedim: repeated dim in `destination` ({list(dst)})")
    if nd == 0:
        return apply(REGISTRY["alias"], (input,), {})
    order = [-1] * nd
    for s, d in zip(wsrc, wdst):
        order[d] = s
    rest = iter(i for i in range(nd) if i not in wsrc)
    order = [next(rest) if o == -1 else o for o in order]
    return permute(input, order)


@public(method=True)
def moveaxis(input, source, destination):
    """Same as `torch.moveaxis`: an alias of `movedim`."""
    return movedim(input, source, destination)


@public(method=True)
def unflatten(input, dim, sizes):
    """Same as `torch.unflatten`: a view that splits dim `dim` into `sizes`."""
    nd = input.dim()
    d = wrap_dim(dim, nd)
    sizes = tuple(sizes)
    if not sizes:
        raise RuntimeError("unflatten: sizes must be non-empty")
    try:
        n = input.shape[wrap_dim_strict(dim, nd)]
        inferred = infer_size(sizes, n)
    except (RuntimeError, IndexError) as e:
        if str(e).startswith("shape '["):
            raise RuntimeError(
                f"unflatten: Provided sizes [{', '.join(map(str, sizes))}] don't multiply up to "
                f"the size of dim {dim} ({n}) in the input tensor"
            ) from None
        raise RuntimeError(f"unflatten got an unexpected error:\n{e}") from None
    shape = tuple(input.shape[:d]) + inferred + tuple(input.shape[d + 1 :])
    return input.view(shape)


# ---------------------------------------------------------------- flip / roll


@op("flip", grad_fn="FlipBackward0", function=False, method=False)
def _flip(xp, input, *, dims):
    return (xp.flip(input, dims) if dims else input).copy()


@_flip.backward
def _(grad, *, needs, dims):
    return grad.flip(dims)


def _flip_apply(input, dims):
    dims = wrap_dims(dims, input.dim())
    return apply(REGISTRY["flip"], (input,), {"dims": dims if input.dim() else ()})


@public()
def flip(input, dims):
    """Same as `torch.flip`: a copy with the order of elements along `dims` reversed."""
    _no_int("flip", dims)
    return _flip_apply(input, tuple(dims))


@public("flip", function=False, method=True)
def _flip_method(self, *dims, **kwargs):
    return _flip_apply(self, _varargs(dims, kwargs, "dims"))


@public(method=True)
def fliplr(input):
    """Same as `torch.fliplr`: flips dim 1."""
    if input.dim() < 2:
        raise RuntimeError("Input must be >= 2-d.")
    return _flip_apply(input, (1,))


@public(method=True)
def flipud(input):
    """Same as `torch.flipud`: flips dim 0."""
    if input.dim() < 1:
        raise RuntimeError("Input must be >= 1-d.")
    return _flip_apply(input, (0,))


@op("roll", grad_fn="RollBackward0", function=False, method=False)
def _roll(xp, input, *, shifts, dims):
    if not dims:
        return xp.roll(input, shifts[0])
    return xp.roll(input, shifts, axis=dims)


@_roll.backward
def _(grad, *, needs, shifts, dims):
    return grad.roll(tuple(-s for s in shifts), dims)


@public(method=True)
def roll(input, shifts, dims=None):
    """Same as `torch.roll`: without dims, rolls the flattened tensor and restores its shape."""
    shifts = _int_tuple(shifts)
    dims = () if dims is None else _int_tuple(dims)
    if not shifts:
        raise RuntimeError("`shifts` required")
    if (dims or len(shifts) != 1) and len(shifts) != len(dims):
        raise RuntimeError(
            f"shifts and dimensions must align. shifts: {len(shifts)}, dims:{len(dims)}"
        )
    dims = tuple(wrap_dim_strict(d, input.dim()) for d in dims)
    return apply(REGISTRY["roll"], (input,), {"shifts": shifts, "dims": dims})


# ---------------------------------------------------------------- repeat / tile


@op("repeat", grad_fn="RepeatBackward0", function=False, method=False)
def _repeat(xp, input, *, repeats):
    lead = len(repeats) - input.ndim
    array = input.reshape((1,) * lead + input.shape)
    if all(r == 1 for r in repeats):
        return array.copy()
    return xp.tile(array, repeats)


@_repeat.backward
def _(grad, *, needs, self_sym_sizes, repeats):
    lead = len(repeats) - len(self_sym_sizes)
    padded = (1,) * lead + tuple(self_sym_sizes)
    split = []
    for r, n in zip(repeats, padded):
        split += [r, n]
    summed = tuple(range(0, 2 * len(repeats), 2))
    grad = grad.reshape(split)
    if summed:
        grad = grad.sum(summed)
    return grad if grad.shape == tuple(self_sym_sizes) else grad.reshape(self_sym_sizes)


@public("repeat", function=False, method=True)
def repeat(self, *repeats, **kwargs):
    """Same as `Tensor.repeat`: tiles the tensor `repeats[i]` times along each dim."""
    repeats = _varargs(repeats, kwargs, "repeats")
    if len(repeats) < self.dim():
        raise RuntimeError(
            "Number of dimensions of repeat dims can not be smaller than number of dimensions "
            "of tensor"
        )
    padded = (1,) * (len(repeats) - self.dim()) + tuple(self.shape)
    sizes = [n * r for n, r in zip(padded, repeats)]
    for n in sizes:
        if n < 0:
            raise RuntimeError(
                f"Trying to create tensor with negative dimension {n}: "
                f"[{', '.join(map(str, sizes))}]"
            )
    return apply(REGISTRY["repeat"], (self,), {"repeats": repeats})


def _tile(input, dims):
    dims = tuple(dims)
    if len(dims) < input.dim():
        dims = (1,) * (input.dim() - len(dims)) + dims
    return repeat(input, dims)


@public()
def tile(input, dims):
    """Same as `torch.tile`: `repeat`, with `dims` padded with leading 1s."""
    _no_int("tile", dims)
    return _tile(input, dims)


@public("tile", function=False, method=True)
def _tile_method(self, *dims, **kwargs):
    return _tile(self, _varargs(dims, kwargs, "dims"))


# ---------------------------------------------------------------- repeat_interleave


@op("repeat_interleave_indices", function=False, method=False)
def _repeat_indices(xp, repeats):
    # searchsorted over the running total, not xp.repeat: CuPy's repeat takes no array of counts
    ends = xp.cumsum(repeats)
    total = int(ends[-1]) if ends.size else 0
    return xp.searchsorted(ends, xp.arange(total), side="right").astype(repeats.dtype)


def _indices_for(repeats, output_size):
    """torch.repeat_interleave(repeats): each index i repeated repeats[i] times."""
    if repeats.dim() != 1:
        raise RuntimeError("repeat_interleave only accept 1D vector as repeat")
    if repeats.dtype not in (_dtype.int32, _dtype.int64):
        raise NotImplementedError(
            f"\"repeat_interleave_cpu\" not implemented for '{type_name(repeats.dtype)}'"
        )
    if repeats.numel() and bool((repeats._data < 0).any()):
        raise RuntimeError("repeats can not be negative")
    if output_size is not None and int(repeats._data.sum()) != output_size:
        raise RuntimeError("allocated size does not match required size")
    return apply(REGISTRY["repeat_interleave_indices"], (repeats,), {})


@public(method=True)
def repeat_interleave(input, repeats=None, dim=None, *, output_size=None):
    """Same as `torch.repeat_interleave`: each element repeated (int, or per-element tensor);
    with only a tensor of counts, the indices repeated that many times."""
    if repeats is None:
        return _indices_for(input, output_size)
    flat = input.flatten() if dim is None else input
    if isinstance(repeats, Tensor):
        d = 0 if dim is None else dim
        if repeats.dim() == 0 or (repeats.dim() == 1 and repeats.shape[0] == 1):
            repeats = repeats.reshape(1).expand(flat.shape[d])
        elif repeats.dim() == 1:
            if repeats.shape[0] != flat.shape[d]:
                raise RuntimeError(
                    "repeats must have the same size as input along dim, but got "
                    f"repeats.size(0) = {repeats.shape[0]} and input.size({d}) = "
                    f"{flat.shape[d]}"
                )
        else:
            raise RuntimeError("repeats must be 0-dim or 1-dim tensor")
        return flat.index_select(d, _indices_for(repeats, output_size))
    d = wrap_dim(0 if dim is None else dim, input.dim())
    if repeats < 0:
        raise RuntimeError("Repeats must be non-negative")
    grown = flat.unsqueeze(d + 1)
    shape = list(grown.shape)
    shape[d + 1] = repeats
    if output_size is not None and output_size != shape[d] * repeats:
        raise RuntimeError(
            f"repeat_interleave: Invalid output_size, expected {shape[d] * repeats} but got "
            f"{output_size}"
        )
    copied = apply(REGISTRY["contiguous_copy"], (grown.expand(shape),), {})
    return copied.flatten(d, d + 1)


# ---------------------------------------------------------------- tril / triu


def _triangle(xp, input, diagonal, lower, name):
    if input.ndim < 2:
        raise RuntimeError(f"{name}: input tensor must have at least 2 dimensions")
    rows, cols = input.shape[-2:]
    keep = xp.tri(rows, cols, diagonal if lower else diagonal - 1, dtype=bool)
    if not lower:
        keep = ~keep
    return xp.where(keep, input, xp.zeros((), input.dtype))


@op(grad_fn="TrilBackward0", inplace=True, signature="input, diagonal=0")
def tril(xp, input, *, diagonal=0):
    """Same as `torch.tril`: zeros above diagonal `diagonal` of the last two dims."""
    return _triangle(xp, input, diagonal, True, "tril")


@tril.backward
def _(grad, *, needs, diagonal):
    return grad.tril(diagonal)


@op(grad_fn="TriuBackward0", inplace=True, signature="input, diagonal=0")
def triu(xp, input, *, diagonal=0):
    """Same as `torch.triu`: zeros below diagonal `diagonal` of the last two dims."""
    return _triangle(xp, input, diagonal, False, "triu")


@triu.backward
def _(grad, *, needs, diagonal):
    return grad.triu(diagonal)


# ---------------------------------------------------------------- T / mT / H / mH


def _conj(t):
    return t.conj() if t.is_complex() else t


_WARNED = set()


def _warn_once(message, stacklevel=3):
    """torch's TORCH_WARN_ONCE: the first call in a process warns, later ones stay silent."""
    if message not in _WARNED:
        _WARNED.add(message)
        warnings.warn(message, UserWarning, stacklevel=stacklevel + 1)


_deprecated_0d = _warn_once


def numpy_T(self):
    """`Tensor.T`: all dims reversed (deprecated by torch for tensors not 2-D)."""
    nd = self.dim()
    if nd == 0:
        _deprecated_0d(
            "Tensor.T is deprecated on 0-D tensors. This function is the identity in these cases."
        )
    elif nd != 2:
        _warn_once(
            "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is "
            "deprecated and it will throw an error in a future release. Consider `x.mT` to "
            "transpose batches of matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` to "
            "reverse the dimensions of a tensor."
        )
    return permute(self, tuple(range(nd - 1, -1, -1)))


def matrix_T(self):
    """`Tensor.mT`: the last two dims swapped."""
    if self.dim() == 0:
        _deprecated_0d(
            "Tensor.mT is deprecated on 0-D tensors. This function is the identity in these cases."
        )
        return self
    if self.dim() == 1:
        raise RuntimeError(
            "tensor.mT is only supported on matrices or batches of matrices. Got 1-D tensor."
        )
    return transpose(self, -2, -1)


def matrix_H(self):
    """`Tensor.H`: the conjugate transpose of a matrix."""
    if self.dim() == 0:
        _deprecated_0d("Tensor.H is deprecated on 0-D tensors. Consider using x.conj().")
        return _conj(self)
    if self.dim() != 2:
        hint = " For batches of matrices, consider using tensor.mH" if self.dim() > 2 else ""
        raise RuntimeError(
            "tensor.H is only supported on matrices (2-D tensors). Got "
            f"{self.dim()}-D tensor.{hint}"
        )
    return _conj(transpose(self, 0, 1))


def matrix_mH(self):
    """`Tensor.mH`: the conjugate transpose of the last two dims."""
    if self.dim() == 0:
        _deprecated_0d("Tensor.mH is deprecated on 0-D tensors. Consider using x.conj().")
        return _conj(self)
    if self.dim() == 1:
        raise RuntimeError(
            "tensor.mH is only supported on matrices or batches of matrices. Got 1-D tensor."
        )
    return _conj(transpose(self, -2, -1))


@public(method=True)
def adjoint(input):
    """Same as `torch.adjoint`: a conjugated view of the last two dims swapped."""
    if input.dim() == 0:
        _deprecated_0d("adjoint() is deprecated on 0-D tensors. Consider using x.conj().")
        return _conj(input)
    if input.dim() == 1:
        raise RuntimeError(
            "tensor.adjoint() is only supported on matrices or batches of matrices. Got 1-D tensor."
        )
    return _conj(transpose(input, -2, -1))
