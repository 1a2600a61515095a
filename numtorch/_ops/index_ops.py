"""index_add, index_reduce, index_copy, index_fill (along one dim, by a vector of indices) and
take / put (over the flattened tensor); each with its in-place form and torch's checks and
messages."""

import warnings

from numtorch import _dtype
from numtorch._errors import type_name, wrap_dim
from numtorch._ops.advanced_index import ufunc_at
from numtorch._ops.indexing import as_scalar, checked_scalar, min_max
from numtorch._ops.registry import REGISTRY, apply, apply_inplace, op, public
from numtorch._ops.scatter_gather import check_range, nd, require_tensor
from numtorch._tensor import Tensor


def _dim_key(dim, index):
    return (slice(None),) * dim + (index.reshape(-1),)


def _size(t, d):
    return t._data.shape[d] if t._data.ndim else 1


# ---------------------------------------------------------------- index_add


@op(
    "index_add",
    grad_fn="IndexAddBackward0",
    input_names=("self", "index", "source"),
    function=False,
    method=False,
)
def _index_add(xp, input, index, source, *, dim, alpha):
    out = input.copy()
    if index.size:
        values = nd(source) if alpha == 1 else nd(source) * xp.asarray(alpha, dtype=input.dtype)
        ufunc_at(xp, "add", nd(out), _dim_key(dim, index), values.astype(input.dtype))
    return out


@_index_add.backward
def _(grad, *, needs, dim, alpha, index, source_sym_sizes):
    grad_source = None
    if needs[2]:
        grad_source = grad.index_select(dim, index).reshape(source_sym_sizes)
        if alpha != 1:
            grad_source = grad_source * alpha
    return grad, None, grad_source


def _index_func_checks(name, input, dim, index, source):
    """torch's checks shared by index_add and index_reduce (name: "index_add_", ...); the dim."""
    require_tensor(name.rstrip("_"), "index", 3, index)
    require_tensor(name.rstrip("_"), "source", 4, source)
    d = wrap_dim(dim, input.dim())
    if index.dim() > 1:
        raise IndexError(
            f"{name}(): Index is supposed to be a vector, but got dim: {index.dim()} with "
            f"type: {type_name(index.dtype)} and size: [{', '.join(map(str, index.shape))}]"
        )
    if index.dtype not in (_dtype.int64, _dtype.int32):
        raise RuntimeError(
            f"{name}(): Expected dtype int32/int64 for index but got: {type_name(index.dtype)}"
        )
    if input.dtype is not source.dtype:
        raise RuntimeError(
            f"{name}(): self ({type_name(input.dtype)}) and source "
            f"({type_name(source.dtype)}) must have the same scalar type"
        )
    if not (d == 0 or d < source.dim()):
        raise RuntimeError(
            f"{name}(): Indexing dim {d} is out of bounds of the source tensor with dim "
            f"{source.dim()}"
        )
    numel = index.numel()
    if numel != _size(source, d):
        raise RuntimeError(
            f"{name}(): Number of indices ({numel}) should be equal to source.size(dim): "
            f"({_size(source, d)}), for dim: {d}"
        )
    _same_slices(input, source, d)
    return d


def _index_add_call(name, input, dim, index, source, alpha):
    d = _index_func_checks("index_add_", input, dim, index, source)
    check_range(index._data, _size(input, d), d)
    alpha = checked_scalar(as_scalar(alpha), input.dtype)
    return REGISTRY["index_add"], (input, index, source), {"dim": d, "alpha": alpha}


def _same_slices(input, source, d):
    a, b = tuple(input.shape), tuple(source.shape)
    if not a and not b:
        return
    if len(a) != len(b) or any(x != y for k, (x, y) in enumerate(zip(a, b)) if k != d):
        raise RuntimeError(
            "source tensor shape must match self tensor shape, excluding the specified dimension. "
            f"Got self.shape = [{', '.join(map(str, a))}] source.shape = "
            f"[{', '.join(map(str, b))}]"
        )


@public(method=True)
def index_add(input, dim, index, source, *, alpha=1, out=None):
    """Same as `torch.index_add`: alpha * source added at `index` along dim (repeats add up)."""
    od, args, params = _index_add_call("index_add", input, dim, index, source, alpha)
    return apply(od, args, params, out)


@public(function=False, method=True)
def index_add_(self, dim, index, source, *, alpha=1):
    """Same as `Tensor.index_add_`."""
    od, args, params = _index_add_call("index_add_", self, dim, index, source, alpha)
    return apply_inplace(od, args, params)


# ---------------------------------------------------------------- index_reduce


def _as_scatter_index(xp, index, source, dim):
    """index (a vector along dim) spread to source's shape: index_reduce as a scatter_reduce."""
    if source.ndim == 0:
        return index.reshape(())
    shape = [1] * source.ndim
    shape[dim] = -1
    return xp.broadcast_to(index.reshape(shape), source.shape)


@op(
    "index_reduce",
    grad_fn="IndexReduceBackward0",
    input_names=("self", "index", "source"),
    function=False,
    method=False,
)
def _index_reduce(xp, input, index, source, *, dim, reduce, include_self):
    full = _as_scatter_index(xp, index, source, dim)
    scatter_reduce = REGISTRY["scatter_reduce"].forward
    return scatter_reduce(
        xp, input, full, source, dim=dim, reduce=reduce, include_self=include_self
    )


@_index_reduce.backward
def _(grad, *, needs, self, index, source, result, dim, reduce, include_self):
    from numtorch._device import xp_for
    from numtorch._ops.scatter_reduce_grad import scatter_reduce_backward

    full = _as_scatter_index(xp_for(grad._device), index._data, source._data, dim)
    full = Tensor._make(full, index.dtype, index._device)
    return scatter_reduce_backward(grad, self, full, source, result, dim, reduce, include_self)


def _index_reduce_kernel_check(input, reduce, include_self):
    """The dtypes torch's CPU kernels refuse: any bool or complex input of at most one dim or
    without include_self, a bool mean, a complex amax/amin (named after the kernel)."""
    kernel = None
    is_bool, is_complex = input.dtype is _dtype.bool, input.dtype.category == _dtype.COMPLEX
    if (is_bool or is_complex) and input.dim() <= 1:
        kernel = "index_func_"
    elif (is_bool or is_complex) and not include_self:
        kernel = "index_reduce_func_exclude_input_init"
    elif is_bool and reduce == "mean":
        kernel = "div_floor_cpu"
    elif is_complex and reduce in ("amax", "amin"):
        kernel = "maximum_cpu" if reduce == "amax" else "minimum_cpu"
    if kernel is not None:
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{type_name(input.dtype)}'")


def _index_reduce_call(name, input, dim, index, source, reduce, include_self):
    if reduce not in ("prod", "mean", "amax", "amin"):
        raise RuntimeError(
            "index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got "
            f"{reduce}."
        )
    d = _index_func_checks("index_reduce_", input, dim, index, source)
    _index_reduce_kernel_check(input, reduce, include_self)
    if index._data.size:
        low, high = min_max(index._data)
        if low < 0 or high >= _size(input, d):
            raise IndexError("index out of range in self")
    warnings.warn(
        "index_reduce() is in beta and the API may change at any time.", UserWarning, stacklevel=3
    )
    params = {"dim": d, "reduce": reduce, "include_self": bool(include_self)}
    return REGISTRY["index_reduce"], (input, index, source), params


@public(method=True)
def index_reduce(input, dim, index, source, reduce, *, include_self=True, out=None):
    """Same as `torch.index_reduce`: the slices of source combined into input's slices at
    `index` along dim by reduce ("prod", "mean", "amax" or "amin")."""
    od, args, params = _index_reduce_call(
        "index_reduce", input, dim, index, source, reduce, include_self
    )
    return apply(od, args, params, out)


@public(function=False, method=True)
def index_reduce_(self, dim, index, source, reduce, *, include_self=True):
    """Same as `Tensor.index_reduce_`."""
    od, args, params = _index_reduce_call(
        "index_reduce_", self, dim, index, source, reduce, include_self
    )
    return apply_inplace(od, args, params)


# ---------------------------------------------------------------- index_copy


@op(
    "index_copy",
    grad_fn="IndexCopyBackward0",
    input_names=("self", "index", "source"),
    function=False,
    method=False,
)
def _index_copy(xp, input, index, source, *, dim):
    out = input.copy()
    if index.size:
        nd(out)[_dim_key(dim, index)] = nd(source)
    return out


@_index_copy.backward
def _(grad, *, needs, dim, index, source_sym_sizes):
    grad_self = grad.index_fill(dim, index, 0) if needs[0] else None
    grad_source = None
    if needs[2]:
        grad_source = grad.index_select(dim, index).reshape(source_sym_sizes)
    return grad_self, None, grad_source


def _index_copy_call(name, input, dim, index, source):
    require_tensor(name, "index", 3, index)
    require_tensor(name, "source", 4, source)
    d = wrap_dim(dim, input.dim())
    if index.dim() >= 2:
        raise IndexError(f"index_copy_(): Index should have dimension 1 or 0 (got {index.dim()})")
    n = index.numel()
    if source.dim() == 0 and n != 1:
        raise IndexError(
            f"index_copy_(): When source is scalar, index should have one element (got {n})"
        )
    if source.dim() != input.dim() and source.dim() != 0 and input.dim() != 0:
        raise IndexError(
            "index_copy_(): When source and destination are not scalars, their dimensionality "
            f"must match. Source dimensionality ({source.dim()}), destination dimensionality "
            f"({input.dim()})"
        )
    if index.dtype is not _dtype.int64:
        raise RuntimeError(
            f"index_copy_(): Expected a long tensor for index, but got {type_name(index.dtype)}"
        )
    if input.dtype is not source.dtype:
        raise RuntimeError(
            "index_copy_(): self and source expected to have the same dtype, but got (self) "
            f"{type_name(input.dtype)} and (source) {type_name(source.dtype)}"
        )
    own = [n for k, n in enumerate(input.shape) if k != d]
    other = [n for k, n in enumerate(source.shape) if k != d]
    if own != other:
        raise RuntimeError(
            "index_copy_(): Source/destination tensor must have same slice shapes. Destination "
            f"slice shape: {' '.join(map(str, own))} at dimension {d} and source slice shape: "
            f"{' '.join(map(str, other))} at dimension 0."
        )
    if source.dim() and n != source.shape[d]:
        raise IndexError(
            f"index_copy_(): Number of indices ({n}) should be equal to source.size(dim) "
            f"({source.shape[d]})"
        )
    check_range(index._data, _size(input, d), d, IndexError, "index_copy_(): ")
    return REGISTRY["index_copy"], (input, index, source), {"dim": d}


@public(method=True)
def index_copy(input, dim, index, source, *, out=None):
    """Same as `torch.index_copy`: the slices of source written at `index` along dim."""
    od, args, params = _index_copy_call("index_copy", input, dim, index, source)
    return apply(od, args, params, out)


@public(function=False, method=True)
def index_copy_(self, dim, index, source):
    """Same as `Tensor.index_copy_`."""
    od, args, params = _index_copy_call("index_copy_", self, dim, index, source)
    return apply_inplace(od, args, params)


# ---------------------------------------------------------------- index_fill


@op(
    "index_fill_scalar",
    grad_fn="IndexFillBackward0",
    input_names=("self", "index"),
    function=False,
    method=False,
)
def _index_fill_scalar(xp, input, index, *, dim, value):
    out = input.copy()
    nd(out)[_dim_key(dim, index)] = value
    return out


@_index_fill_scalar.backward
def _(grad, *, needs, dim, index):
    return grad.index_fill(dim, index, 0), None


@op(
    "index_fill_tensor",
    grad_fn="IndexFillBackward1",
    input_names=("self", "index", "value"),
    function=False,
    method=False,
)
def _index_fill_tensor(xp, input, index, value, *, dim):
    out = input.copy()
    nd(out)[_dim_key(dim, index)] = value.astype(input.dtype)
    return out


@_index_fill_tensor.backward
def _(grad, *, needs, dim, index):
    grad_self = grad.index_fill(dim, index, 0) if needs[0] else None
    grad_value = None
    if needs[2]:
        from numtorch._device import xp_for

        filled = xp_for(grad._device).zeros(grad._data.shape, dtype=bool)
        nd(filled)[_dim_key(dim, index._data)] = True
        outside = Tensor._make(~filled, _dtype.bool, grad._device)
        grad_value = grad.masked_fill(outside, 0).sum()
    return grad_self, None, grad_value


def _index_fill_call(name, input, dim, index, value):
    require_tensor(name, "index", 3, index)
    if isinstance(value, Tensor) and value.dim() != 0:
        raise RuntimeError(
            "index_fill_ only supports a 0-dimensional value tensor, but got tensor with "
            f"{value.dim()} dimension(s)."
        )
    d = wrap_dim(dim, input.dim())
    if index.dtype is not _dtype.int64:
        raise IndexError("index_fill_(): Expected dtype int64 for index.")
    if index.dim() > 1:
        raise RuntimeError("Index has to be a vector/scalar")
    check_range(index._data, _size(input, d), d, IndexError, negative=True)
    if isinstance(value, Tensor):
        return REGISTRY["index_fill_tensor"], (input, index, value), {"dim": d}
    number = as_scalar(value)
    if number is None:
        raise TypeError(
            f"{name}() received an invalid combination of arguments - got (Tensor, int, Tensor, "
            f"{type(value).__name__})"
        )
    params = {"dim": d, "value": checked_scalar(number, input.dtype)}
    return REGISTRY["index_fill_scalar"], (input, index), params


@public(method=True)
def index_fill(input, dim, index, value):
    """Same as `torch.index_fill`: the slices at `index` along dim set to value."""
    return apply(*_index_fill_call("index_fill", input, dim, index, value))


@public(function=False, method=True)
def index_fill_(self, dim, index, value):
    """Same as `Tensor.index_fill_`."""
    return apply_inplace(*_index_fill_call("index_fill_", self, dim, index, value))


# ---------------------------------------------------------------- take / put


def _flat_range(index, n):
    if not index.size:
        return
    low, high = min_max(index)
    if low < -n or high >= n:
        flat = index.reshape(-1)
        first = int(((flat < -n) | (flat >= n)).argmax())
        raise IndexError(
            f"out of range: tried to access index {int(flat[first])} on a tensor of {n} elements."
        )


def _long_index(name, index):
    if index.dtype is not _dtype.int64:
        raise RuntimeError(
            f"{name}(): Expected a long tensor for index, but got {type_name(index.dtype)}"
        )


@op("take", grad_fn="TakeBackward0", input_names=("self", "index"), function=False, method=False)
def _take(xp, input, index):
    return input.reshape(-1)[index]


@_take.backward
def _(grad, *, needs, self_sym_sizes, index):
    from numtorch._creation import zeros

    out = zeros(self_sym_sizes, dtype=grad.dtype, device=grad.device)
    return apply(REGISTRY["put"], (out, index, grad), {"accumulate": True}), None


@public(method=True)
def take(input, index, *, out=None):
    """Same as `torch.take`: the elements of the flattened input at `index` (shaped like it)."""
    require_tensor("take", "index", 2, index)
    _long_index("take", index)
    _flat_range(index._data, input.numel())
    return apply(REGISTRY["take"], (input, index), {}, out)


@op(
    "put",
    grad_fn="PutBackward0",
    input_names=("self", "index", "source"),
    function=False,
    method=False,
)
def _put(xp, input, index, source, *, accumulate):
    out = input.copy()
    flat = out.reshape(-1)
    if accumulate:
        ufunc_at(xp, "add", flat, index.reshape(-1), source.reshape(-1))
    else:
        flat[index.reshape(-1)] = source.reshape(-1)
    return out


@_put.backward
def _(grad, *, needs, index, accumulate, source_sym_sizes):
    from numtorch._creation import zeros

    grad_self = grad_source = None
    if needs[0]:
        grad_self = grad
        if not accumulate:
            zero = zeros(source_sym_sizes, dtype=grad.dtype, device=grad.device)
            grad_self = apply(REGISTRY["put"], (grad, index, zero), {"accumulate": False})
    if needs[2]:
        grad_source = grad.take(index).reshape(source_sym_sizes)
    return grad_self, None, grad_source


def _put_call(input, index, source, accumulate):
    require_tensor("put_", "index", 2, index)
    require_tensor("put_", "source", 3, source)
    _long_index("put_", index)
    if input.dtype is not source.dtype:
        raise RuntimeError(
            "put_(): self and source expected to have the same dtype, but got self.dtype = "
            f"{type_name(input.dtype)} and source.dtype = {type_name(source.dtype)}"
        )
    if source.numel() != index.numel():
        raise IndexError(
            "put_(): Expected source and index to have the same number of elements, but got "
            f"source.numel() = {source.numel()}, index.numel() = {index.numel()}"
        )
    _flat_range(index._data, input.numel())
    return REGISTRY["put"], (input, index, source), {"accumulate": bool(accumulate)}


@public(method=True)
def put(input, index, source, accumulate=False):
    """Same as `torch.put`: a copy of input with source written (or added) at the flat
    positions `index`."""
    return apply(*_put_call(input, index, source, accumulate))


@public(function=False, method=True)
def put_(self, index, source, accumulate=False):
    """Same as `Tensor.put_`."""
    return apply_inplace(*_put_call(self, index, source, accumulate))
