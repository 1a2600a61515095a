"""Shape ops: views (view, reshape, permute, transpose, expand, squeeze, select, slice, ...) and
joins/splits (cat, stack, split, chunk, unbind).

View ops return xp views, so memory is shared exactly where torch shares it; `view` raises torch's
error where the layout needs a copy.
"""

import builtins

from numtorch import _dtype
from numtorch._errors import legacy_type_name, type_name, wrap_dim, wrap_dims
from numtorch._ops.registry import (
    DEFAULT,
    REGISTRY,
    _enabled,
    _prepare_call,
    _record,
    _wrap,
    _write_out,
    apply,
    op,
    public,
)
from numtorch._tensor import Tensor

# ---------------------------------------------------------------- helpers


def infer_size(shape, numel):
    """`shape` with its -1 filled in; torch's error when it cannot hold `numel` elements."""
    known = 1
    for n in shape:
        if n < 0:
            break
        known *= n
    else:
        if known == numel:  # the common case: no -1, and the sizes fit
            return tuple(shape)
    shape = list(shape)
    known, infer = 1, None
    for i, n in enumerate(shape):
        if n == -1:
            if infer is not None:
                raise RuntimeError("only one dimension can be inferred")
            infer = i
        elif n < 0:
            raise RuntimeError(f"invalid shape dimension {n} at index {i} of shape {_text(shape)}")
        else:
            known *= n
    if known == numel or (infer is not None and known > 0 and numel % known == 0):
        if infer is not None:
            if known == 0:
                raise RuntimeError(
                    f"cannot reshape tensor of 0 elements into shape {_text(shape)} because the "
                    "unspecified dimension size -1 can be any value and is ambiguous"
                )
            shape[infer] = numel // known
        return tuple(shape)
    raise RuntimeError(f"shape '{_text(shape)}' is invalid for input of size {numel}")


def _text(shape):
    return f"[{', '.join(map(str, shape))}]"


def view_strides(old_shape, old_strides, new_shape):
    """Strides (in elements) that show memory laid out as old_shape/old_strides as new_shape,
    or None when no such strides exist (then a copy is needed)."""
    if not old_shape:
        return tuple(1 for _ in new_shape)
    new_strides = [0] * len(new_shape)
    view_d = len(new_shape) - 1
    base = old_strides[-1]
    tensor_numel = view_numel = 1
    for d in range(len(old_shape) - 1, -1, -1):
        tensor_numel *= old_shape[d]
        if d == 0 or (old_shape[d - 1] != 1 and old_strides[d - 1] != tensor_numel * base):
            while view_d >= 0 and (view_numel < tensor_numel or new_shape[view_d] == 1):
                new_strides[view_d] = view_numel * base
                view_numel *= new_shape[view_d]
                view_d -= 1
            if view_numel != tensor_numel:
                return None
            if d > 0:
                base = old_strides[d - 1]
                tensor_numel = view_numel = 1
    return tuple(new_strides) if view_d == -1 else None


def _sizes(size):
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        return tuple(size[0])
    return size


def _view_array(xp, array, shape):
    if array.flags.c_contiguous or array.size == 0:
        return array.reshape(shape)
    item = array.itemsize
    strides = view_strides(array.shape, tuple(s // item for s in array.strides), shape)
    if strides is None:
        return None
    return xp.lib.stride_tricks.as_strided(array, shape, tuple(s * item for s in strides))


# ---------------------------------------------------------------- view / reshape


@op("view", grad_fn="ViewBackward0", view=True, function=False, method=False)
def _view(xp, input, *, size):
    out = _view_array(xp, input, size)
    if out is None:
        raise RuntimeError(
            "view size is not compatible with input tensor's size and stride (at least one "
            "dimension spans across two contiguous subspaces). Use .reshape(...) instead."
        )
    return out


@_view.backward
def _(grad, *, needs, self_sym_sizes):
    return grad.reshape(self_sym_sizes)


@_view.raw_backward
def _(xp, grad, *, needs, self_sym_sizes):
    return xp.reshape(grad, self_sym_sizes)


@op("unsafe_view", grad_fn="UnsafeViewBackward0", function=False, method=False)
def _unsafe_view(xp, input, *, size):
    return xp.reshape(input, size).copy() if not input.flags.c_contiguous else input.reshape(size)


@_unsafe_view.backward
def _(grad, *, needs, self_sym_sizes):
    return grad.reshape(self_sym_sizes)


@_unsafe_view.raw_backward
def _(xp, grad, *, needs, self_sym_sizes):
    return xp.reshape(grad, self_sym_sizes)


@public(function=False, method=True)
def view(self, *size, dtype=None):
    """Same as `Tensor.view`: shares memory; torch's error when the layout would need a copy."""
    if dtype is not None or (len(size) == 1 and not isinstance(size[0], (int, tuple, list))):
        from numtorch._ops.conversion import view_as_dtype

        return view_as_dtype(self, dtype if dtype is not None else size[0])
    shape = infer_size(_sizes(size), self.numel())
    return apply(REGISTRY["view"], (self,), {"size": shape})


@public(method=True)
def reshape(input, *shape):
    """Same as `torch.reshape`: a view when the layout allows, else a copy."""
    arr = input._data
    shape = infer_size(_sizes(shape), arr.size)
    # NumPy's C-contiguous flag is torch's is_contiguous (size-1 dims' strides do not count)
    if arr.size == 0 or arr.flags.c_contiguous or input.is_contiguous():
        return apply(REGISTRY["view"], (input,), {"size": shape})
    item = arr.itemsize
    if view_strides(arr.shape, tuple(s // item for s in arr.strides), shape) is None:
        return apply(REGISTRY["unsafe_view"], (input.clone(),), {"size": shape})
    # torch views a non-contiguous tensor through _reshape_alias, not view
    return apply(REGISTRY["reshape_alias"], (input,), {"size": shape})


@op("reshape_alias", grad_fn="ReshapeAliasBackward0", view=True, function=False, method=False)
def _reshape_alias(xp, input, *, size):
    return _view_array(xp, input, size)


@_reshape_alias.backward
def _(grad, *, needs, self_sym_sizes):
    return grad.reshape(self_sym_sizes)


@_reshape_alias.raw_backward
def _(xp, grad, *, needs, self_sym_sizes):
    return xp.reshape(grad, self_sym_sizes)


@public(function=False, method=True)
def view_as(self, other):
    return view(self, other.shape)


@public(function=False, method=True)
def reshape_as(self, other):
    return reshape(self, other.shape)


@public(method=True)
def flatten(input, start_dim=0, end_dim=-1):
    """Same as `torch.flatten`."""
    nd = input.dim()
    if nd == 0:
        return reshape(input, (1,))
    s, e = wrap_dim(start_dim, nd), wrap_dim(end_dim, nd)
    if s > e:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    if s == e:
        return input
    shape = input.shape
    n = 1
    for k in shape[s : e + 1]:
        n *= k
    return reshape(input, tuple(shape[:s]) + (n,) + tuple(shape[e + 1 :]))


# ---------------------------------------------------------------- permutations


@op(grad_fn="PermuteBackward0", view=True, function=False, method=False)
def _permute(xp, input, *, dims):
    return xp.transpose(input, dims)


@_permute.backward
def _(grad, *, needs, dims):
    inverse = [0] * len(dims)
    for i, d in enumerate(dims):
        inverse[d] = i
    return grad.permute(inverse)


@public(method=True)
def permute(input, *dims):
    """Same as `torch.permute`."""
    dims = _sizes(dims)
    if len(dims) != input.dim():
        raise RuntimeError(
            "permute(sparse_coo): number of dimensions in the tensor input does not match the "
            f"length of the desired ordering of dimensions i.e. input.dim() = {input.dim()} is "
            f"not equal to len(dims) = {len(dims)}"
        )
    wrapped = tuple(wrap_dim(d, input.dim()) for d in dims)
    if len(set(wrapped)) != len(wrapped):
        raise RuntimeError("permute(): duplicate dims are not allowed.")
    return apply(REGISTRY["_permute"], (input,), {"dims": wrapped})


@op(grad_fn="TransposeBackward0", view=True, function=False, method=False)
def _transpose(xp, input, *, dim0, dim1):
    return xp.swapaxes(input, dim0, dim1) if input.ndim else input[...]


@_transpose.backward
def _(grad, *, needs, dim0, dim1):
    return grad.transpose(dim0, dim1)


@_transpose.raw_backward
def _(xp, grad, *, needs, dim0, dim1):
    return xp.swapaxes(grad, dim0, dim1) if grad.ndim else grad


@public(method=True)
def transpose(input, dim0, dim1):
    """Same as `torch.transpose`."""
    nd = input.dim()
    return apply(
        REGISTRY["_transpose"], (input,), {"dim0": wrap_dim(dim0, nd), "dim1": wrap_dim(dim1, nd)}
    )


@public(method=True)
def swapaxes(input, axis0, axis1):
    """Same as `torch.swapaxes`: `transpose` under NumPy's argument names."""
    return transpose(input, axis0, axis1)


@public(method=True)
def swapdims(input, dim0, dim1):
    """Same as `torch.swapdims`: an alias of `transpose`."""
    return transpose(input, dim0, dim1)


@op(grad_fn="TBackward0", view=True, function=False, method=False)
def _t(xp, input):
    return input.T


@_t.backward
def _(grad, *, needs):
    return grad.t()


@_t.raw_backward
def _(xp, grad, *, needs):
    return grad.T


@public(method=True)
def t(input):
    """Same as `torch.t`: transposes a tensor of at most 2 dims."""
    if input.dim() > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {input.dim()}D")
    return apply(REGISTRY["_t"], (input,), {})


# ---------------------------------------------------------------- expand / squeeze


@op(grad_fn="ExpandBackward0", view=True, function=False, method=False)
def _expand(xp, input, *, size):
    return xp.broadcast_to(input, size)


@_expand.backward
def _(grad, *, needs, self_sym_sizes):
    from numtorch.autograd.engine import sum_to

    return sum_to(grad, tuple(self_sym_sizes))


@_expand.raw_backward
def _(xp, grad, *, needs, self_sym_sizes):
    return grad  # the engine sums it to the input's shape


@public(function=False, method=True)
def expand(self, *sizes):
    """Same as `Tensor.expand`: a view with size-1 dims repeated (stride 0); -1 keeps a size."""
    sizes = tuple(_sizes(sizes))
    shape = self.shape
    if len(sizes) < len(shape):
        raise RuntimeError(
            f"expand(torch.{legacy_type_name(self.dtype)}{{[{', '.join(map(str, shape))}]}}, "
            f"size=[{', '.join(map(str, sizes))}]): the number of sizes provided ({len(sizes)}) "
            f"must be greater or equal to the number of dimensions in the tensor ({len(shape)})"
        )
    lead = len(sizes) - len(shape)
    out = []
    for i, n in enumerate(sizes):
        if i < lead:
            if n < 0:
                raise RuntimeError(
                    f"The expanded size of the tensor ({n}) isn't allowed in a leading, non-existing dimension {i}"
                )
            out.append(n)
            continue
        cur = shape[i - lead]
        if n == -1:
            n = cur
        elif cur != n and cur != 1:
            raise RuntimeError(
                f"The expanded size of the tensor ({n}) must match the existing size ({cur}) at "
                f"non-singleton dimension {i}.  Target sizes: [{', '.join(map(str, sizes))}].  "
                f"Tensor sizes: [{', '.join(map(str, shape))}]"
            )
        out.append(n)
    return apply(REGISTRY["_expand"], (self,), {"size": tuple(out)})


@public(function=False, method=True)
def expand_as(self, other):
    return expand(self, other.shape)


@public()
def broadcast_to(input, size):
    """Same as `torch.broadcast_to`."""
    return expand(input, tuple(size))


@op("squeeze_all", grad_fn="SqueezeBackward0", view=True, function=False, method=False)
def _squeeze_all(xp, input):
    return input.reshape(tuple(n for n in input.shape if n != 1))


@op("squeeze_dim", grad_fn="SqueezeBackward1", view=True, function=False, method=False)
def _squeeze_dim(xp, input, *, dim):
    if input.ndim and input.shape[dim] == 1:
        return input.reshape(input.shape[:dim] + input.shape[dim + 1 :])
    return input[...]


@op("squeeze_dims", grad_fn="SqueezeBackward2", view=True, function=False, method=False)
def _squeeze_dims(xp, input, *, dim):
    keep = tuple(n for i, n in enumerate(input.shape) if not (i in dim and n == 1))
    return input.reshape(keep)


def _unsqueeze_back(grad, *, needs, self_sym_sizes):
    return grad.reshape(self_sym_sizes)


_squeeze_all.backward(_unsqueeze_back)
_squeeze_dim.backward(_unsqueeze_back)
_squeeze_dims.backward(_unsqueeze_back)


@public(method=True)
def squeeze(input, dim=None):
    """Same as `torch.squeeze`: dim may be None, an int or a tuple of ints."""
    if dim is None:
        return apply(REGISTRY["squeeze_all"], (input,), {})
    if isinstance(dim, (tuple, list)):
        dims = wrap_dims(dim, input.dim())
        return apply(REGISTRY["squeeze_dims"], (input,), {"dim": dims if input.dim() else ()})
    d = wrap_dim(dim, input.dim())
    return apply(REGISTRY["squeeze_dim"], (input,), {"dim": d})


@op(grad_fn="UnsqueezeBackward0", view=True, function=False, method=False)
def _unsqueeze(xp, input, *, dim):
    return xp.expand_dims(input, dim)


@_unsqueeze.backward
def _(grad, *, needs, dim):
    return grad.squeeze(dim)


@public(method=True)
def unsqueeze(input, dim):
    """Same as `torch.unsqueeze`."""
    if not isinstance(dim, int) and not hasattr(dim, "__index__"):
        raise TypeError(
            f"unsqueeze(): argument 'dim' (position 1) must be int, not {type(dim).__name__}"
        )
    return apply(REGISTRY["_unsqueeze"], (input,), {"dim": wrap_dim(dim, input.dim() + 1)})


# ---------------------------------------------------------------- select / slice


@op(grad_fn="SelectBackward0", view=True, function=False, method=False)
def _select(xp, input, *, dim, index):
    return input[(slice(None),) * dim + (index, Ellipsis)]


@_select.backward
def _(grad, *, needs, self_sym_sizes, dim, index):
    # select_backward (in shape_diag.py) is an op of its own, as in torch: with create_graph
    # the gradient's grad_fn is SelectBackwardBackward0
    params = {"input_sizes": tuple(self_sym_sizes), "dim": dim, "index": index}
    return apply(REGISTRY["select_backward"], (grad,), params)


@public(method=True)
def select(input, dim, index):
    """Same as `torch.select`."""
    nd = input.dim()
    if nd == 0:
        raise IndexError("select() cannot be applied to a 0-dim tensor.")
    d = wrap_dim(dim, nd)
    n = input.shape[d]
    if index < -n or index >= n:
        raise IndexError(
            f"select(): index {index} out of range for tensor of size "
            f"[{', '.join(map(str, input.shape))}] at dimension {d}"
        )
    return apply(
        REGISTRY["_select"], (input,), {"dim": d, "index": index + n if index < 0 else index}
    )


@op("slice", grad_fn="SliceBackward0", view=True, function=False, method=False)
def _slice(xp, input, *, dim, start, end, step):
    return input[(slice(None),) * dim + (slice(start, end, step),)]


@_slice.backward
def _(grad, *, needs, self_sym_sizes, dim, start, end, step):
    params = {"input_sizes": tuple(self_sym_sizes), "dim": dim, "start": start, "end": end}
    return apply(REGISTRY["slice_backward"], (grad,), {**params, "step": step})


def slice_dim(input, dim, start, end, step=1):
    """input[..., start:end:step, ...] along `dim` (the one op behind slicing and narrow)."""
    if step <= 0:
        raise ValueError("step must be greater than zero")
    n = input.shape[dim]
    start, end, _ = builtins.slice(start, end, step).indices(n)
    end = max(end, start)
    return apply(
        REGISTRY["slice"], (input,), {"dim": dim, "start": start, "end": end, "step": step}
    )


@public(method=True)
def narrow(input, dim, start, length):
    """Same as `torch.narrow`."""
    if input.dim() == 0:
        raise RuntimeError("narrow() cannot be applied to a 0-dim tensor.")
    if isinstance(start, Tensor):
        if start.dim() != 0 or start.dtype.category != _dtype.INT:
            raise RuntimeError("start must be an 0-dim integral Tensor.")
        start = start.item()
    if length < 0:
        raise RuntimeError("narrow(): length must be non-negative.")
    d = wrap_dim(dim, input.dim())
    n = input.shape[d]
    if start < -n or start > n:
        raise IndexError(
            f"start out of range (expected to be in range of [{-n}, {n}], but got {start})"
        )
    if start < 0:
        start += n
    if start + length > n:
        raise RuntimeError(f"start ({start}) + length ({length}) exceeds dimension size ({n}).")
    return slice_dim(input, d, start, start + length)


# ---------------------------------------------------------------- joining


@op("cat", grad_fn="CatBackward0", promote=DEFAULT, function=False, method=False)
def _cat(xp, *tensors, dim):
    return xp.concatenate(tensors, axis=dim)


def _cat_backward(grad, *, needs, dim, sizes):
    out, start = [], 0
    for n, need in zip(sizes, needs):
        if not need:
            out.append(None)
        elif n is None:  # a skipped legacy empty input: its gradient is empty too
            out.append(_empty_like(grad))
        else:
            out.append(slice_dim(grad, dim, start, start + n))
        start += n or 0
    return tuple(out)


def _empty_like(grad):
    from numtorch._creation import zeros

    return zeros((0,), dtype=grad.dtype, device=grad.device)


@public()
def cat(tensors, dim=0, *, out=None):
    """Same as `torch.cat`: 1-D empty tensors are skipped, dtypes are promoted."""
    if isinstance(tensors, Tensor):
        raise TypeError(
            "cat(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor"
        )
    tensors = list(tensors)
    if not tensors:
        raise ValueError("torch.cat(): expected a non-empty list of Tensors")
    shapes = []
    ref = None  # the first shape that is not a legacy empty one
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError(
                f"expected Tensor as element {i} in argument 0, but got {type(t).__name__}"
            )
        s = t._data.shape
        if not s:
            raise RuntimeError(f"zero-dimensional tensor (at position {i}) cannot be concatenated")
        if ref is None and s != (0,):
            ref = s
        shapes.append(s)
    # torch leaves legacy empty tensors (1-D, size 0) out of the shape checks; their dtype counts
    uneven = ref is None or len(shapes) != shapes.count(ref)
    if ref is None:
        ref = shapes[0]
    nd = len(ref)
    d = wrap_dim(dim, nd)
    if uneven:
        for i, s in enumerate(shapes):
            if s == ref or s == (0,):
                continue
            if len(s) != nd:
                raise RuntimeError(
                    f"Tensors must have same number of dimensions: got {nd} and {len(s)}"
                )
            for k in range(nd):
                if k != d and s[k] != ref[k]:
                    raise RuntimeError(
                        f"Sizes of tensors must match except in dimension {d}. Expected size "
                        f"{ref[k]} but got size {s[k]} for tensor number {i} in the list."
                    )
    return _apply_cat(REGISTRY["cat"], tuple(tensors), d, out, nd == 1, uneven)


def _apply_cat(od, tensors, dim, out, all_1d, uneven=True):
    """uneven: whether some input's shape differs from the first non-empty one's (only then
    can there be legacy empty inputs to leave out)."""
    dev, xp, arrays, res, grad = _prepare_call(od, tensors)
    if all_1d or not uneven:
        kept = None
        parts = arrays
    else:
        kept = [t._data.shape != (0,) for t in tensors]
        parts = [a for a, keep in zip(arrays, kept) if keep]
    result = _wrap(xp.concatenate(parts, axis=dim), res, dev, xp)
    if grad and _enabled():
        if kept is None:
            sizes = tuple([t._data.shape[dim] for t in tensors])
        else:
            sizes = tuple(t._data.shape[dim] if keep else None for t, keep in zip(tensors, kept))
        _record(od, tensors, {"dim": dim, "sizes": sizes}, (result,))
    if out is None:
        return result
    if isinstance(out, Tensor) and not _dtype.can_cast(res, out.dtype):
        raise TypeError(
            f"torch.cat(): input types can't be cast to the desired output type "
            f"{type_name(out.dtype)}"
        )
    return _write_out(out, result, "cat")


_cat.backward(_cat_backward)
REGISTRY["cat"].n_inputs = -1

concat = public("concat")(cat)
concatenate = public("concatenate")(cat)


@public()
def stack(tensors, dim=0, *, out=None):
    """Same as `torch.stack` (its grad_fn is StackBackward0)."""
    if isinstance(tensors, Tensor):
        raise TypeError(
            "stack(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor"
        )
    tensors = list(tensors)
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError(
                f"expected Tensor as element {i} in argument 0, but got {type(t).__name__}"
            )
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    shape = tensors[0].shape
    d = wrap_dim(dim, len(shape) + 1)
    for i, t in enumerate(tensors):
        if t.shape != shape:
            raise RuntimeError(
                f"stack expects each tensor to be equal size, but got {list(shape)} at entry 0 "
                f"and {list(t.shape)} at entry {i}"
            )
    od = REGISTRY["stack"]
    dev, xp, arrays, res, grad = _prepare_call(od, tuple(tensors))
    result = _wrap(xp.stack(arrays, axis=d), res, dev, xp)
    if grad and _enabled():
        _record(od, tuple(tensors), {"dim": d}, (result,))
    return _write_out(out, result, "stack") if out is not None else result


@op("stack", grad_fn="StackBackward0", promote=DEFAULT, function=False, method=False)
def _stack(xp, *tensors, dim):
    return xp.stack(tensors, axis=dim)


@_stack.backward
def _(grad, *, needs, dim):
    return tuple(g if need else None for g, need in zip(grad.unbind(dim), needs))


# ---------------------------------------------------------------- splitting


@op("split", grad_fn="SplitBackward0", view=True, function=False, method=False, returns=tuple)
def _split(xp, input, *, split_size, dim):
    n = input.shape[dim]
    if split_size == 0:
        return (input[...],)
    pieces = []
    for start in range(0, n, split_size):
        pieces.append(input[(slice(None),) * dim + (slice(start, min(start + split_size, n)),)])
    return tuple(pieces) if pieces else (input,)


@op(
    "split_with_sizes",
    grad_fn="SplitWithSizesBackward0",
    view=True,
    function=False,
    method=False,
    returns=tuple,
)
def _split_sizes(xp, input, *, split_sizes, dim):
    pieces, start = [], 0
    for n in split_sizes:
        pieces.append(input[(slice(None),) * dim + (slice(start, start + n),)])
        start += n
    return tuple(pieces)


def _split_backward(*grads, needs, self_sym_sizes, dim):

    parts = [g if g is not None else None for g in grads]
    return cat(parts, dim)


_split.backward(_split_backward)
_split_sizes.backward(_split_backward)


@public(method=True)
def split(tensor, split_size_or_sections, dim=0):
    """Same as `torch.split`: pieces of one size, or of the sizes in a list."""
    d = wrap_dim(dim, tensor.dim())
    if isinstance(split_size_or_sections, int):
        if split_size_or_sections < 0:
            raise RuntimeError(
                f"split expects split_size be non-negative, but got split_size={split_size_or_sections}"
            )
        if split_size_or_sections == 0 and tensor.shape[d] != 0:
            raise RuntimeError(
                "split_size can only be 0 if dimension size is 0, but got dimension size of "
                f"{tensor.shape[d]}"
            )
        return apply(REGISTRY["split"], (tensor,), {"split_size": split_size_or_sections, "dim": d})
    sizes = tuple(split_size_or_sections)
    if builtins.sum(sizes) != tensor.shape[d]:
        raise RuntimeError(
            f"split_with_sizes expects split_sizes to sum exactly to {tensor.shape[d]} (input "
            f"tensor's size at dimension {d}), but got split_sizes=[{', '.join(map(str, sizes))}]"
        )
    return apply(REGISTRY["split_with_sizes"], (tensor,), {"split_sizes": sizes, "dim": d})


@public(method=True)
def chunk(input, chunks, dim=0):
    """Same as `torch.chunk`: at most `chunks` pieces of ceil(n / chunks)."""
    if chunks <= 0:
        raise RuntimeError("chunk expects `chunks` to be greater than 0, got: " + str(chunks))
    d = wrap_dim(dim, input.dim())
    n = input.shape[d]
    size = max(1, -(-n // chunks)) if n else 0
    if size == 0:
        return tuple(split(input, [0] * chunks, d))
    return split(input, size, d)


@op("unbind", grad_fn="UnbindBackward0", view=True, function=False, method=False, returns=tuple)
def _unbind(xp, input, *, dim):
    return tuple(input[(slice(None),) * dim + (i, Ellipsis)] for i in range(input.shape[dim]))


@_unbind.backward
def _(*grads, needs, dim):
    return stack(grads, dim)


@public(method=True)
def unbind(input, dim=0):
    """Same as `torch.unbind`."""
    return apply(REGISTRY["unbind"], (input,), {"dim": wrap_dim(dim, input.dim())})
