"""Indexing: __getitem__ / __setitem__ (basic, advanced, bool masks), index_select, gather, scatter,
masked_fill, ...

Basic indexing is decomposed into select/slice/unsqueeze views, so the grad_fn chain is torch's
(`x[0, 1:]` is SliceBackward0 over SelectBackward0).
"""

from numtorch._ops.registry import REGISTRY, apply, op, public
from numtorch._ops.shape import select, slice_dim, unsqueeze
from numtorch._tensor import Tensor


def _is_basic(key):
    return (
        key is None
        or key is Ellipsis
        or isinstance(key, (int, slice))
        and not isinstance(key, bool)
    )


def _basic_index(t, keys):
    """Applies a tuple of ints, slices, None and Ellipsis as views, one dim at a time."""
    n_real = sum(1 for k in keys if k is not None and k is not Ellipsis)
    if sum(1 for k in keys if k is Ellipsis) > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    if n_real > t.dim():
        raise IndexError(f"too many indices for tensor of dimension {t.dim()}")
    out, dim = t, 0
    for k in keys:
        if k is Ellipsis:
            dim += t.dim() - n_real
        elif k is None:
            out = unsqueeze(out, dim)
            dim += 1
        elif isinstance(k, slice):
            step = 1 if k.step is None else k.step
            if step <= 0:
                raise ValueError("step must be greater than zero")
            if not (k.start is None and k.stop is None and step == 1):
                out = slice_dim(out, dim, k.start, k.stop, step)
            dim += 1
        else:
            n = out.shape[dim]
            if k < -n or k >= n:
                raise IndexError(f"index {k} is out of bounds for dimension {dim} with size {n}")
            out = select(out, dim, k)
    if out is t:
        out = apply(REGISTRY["alias"], (t,), {})
    return out


@op("alias", grad_fn="AliasBackward0", view=True, function=False, method=False)
def _alias(xp, input):
    return input[...]


@_alias.backward
def _(grad, *, needs):
    return grad


def _as_key(key):
    if not isinstance(key, tuple):
        key = (key,)
    return key


def getitem(self, key):
    """Same as `Tensor.__getitem__`."""
    keys = _as_key(key)
    if all(_is_basic(k) for k in keys):
        return _basic_index(self, keys)
    return _advanced_getitem(self, keys)


def _advanced_getitem(self, keys):
    from numtorch._ops.advanced_index import advanced_getitem

    return advanced_getitem(self, keys)


def setitem(self, key, value):
    """Same as `Tensor.__setitem__`: basic keys copy into a view, advanced ones use index_put_."""
    keys = _as_key(key)
    if all(_is_basic(k) for k in keys):
        target = _basic_index(self, keys) if keys != (Ellipsis,) or True else self
        target.copy_(value)
        return
    from numtorch._ops.advanced_index import advanced_setitem

    advanced_setitem(self, keys, value)


Tensor.__getitem__ = getitem
Tensor.__setitem__ = setitem


@op("copy", grad_fn="CopyBackwards", function=False, method=False)
def _copy(xp, input, src):
    out = xp.empty_like(input)
    out[...] = (
        src if not hasattr(src, "dtype") or src.dtype == input.dtype else src.astype(input.dtype)
    )
    return out


@_copy.backward
def _(grad, *, needs):
    from numtorch._creation import zeros_like

    return (zeros_like(grad) if needs[0] else None, grad if needs[1] else None)


@public(function=False, method=True)
def copy_(self, src, non_blocking=False):
    """Same as `Tensor.copy_`: broadcasts src, casts it to self's dtype, moves it to self's device."""
    from numtorch._errors import broadcast_shapes_of, shape_mismatch_inplace
    from numtorch._ops.registry import apply_inplace

    if isinstance(src, Tensor):
        if src._device != self._device:
            src = src.to(self._device)
        shape = broadcast_shapes_of(self.shape, src.shape)
        if tuple(shape) != tuple(self.shape):
            raise shape_mismatch_inplace(self.shape, shape)
    od = REGISTRY["copy"]
    return apply_inplace(od, (self, src), {})


REGISTRY["copy"].promote = "same"


@op(grad_fn="IndexSelectBackward0", input_names=("self", "index"), signature="input, dim, index")
def index_select(xp, input, index, *, dim):
    """Same as `torch.index_select`."""
    return xp.take(input, index, axis=dim) if input.ndim else input[...]


@index_select.backward
def _(grad, *, needs, self_sym_sizes, dim, index):
    from numtorch._creation import zeros

    out = zeros(self_sym_sizes, dtype=grad.dtype, device=grad.device)
    return out.index_add(dim, index, grad), None
