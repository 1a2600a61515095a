"""gather, scatter (src / value / reduce=), scatter_add, scatter_reduce and take_along_dim.

Each position p of `index` addresses `self` at p with p[dim] replaced by index[p]; the forward
builds that key once (`scatter_key`) and reads or writes through it. Repeated positions
accumulate through advanced_index.ufunc_at. index_add/index_copy/index_fill/take/put are in
index_ops.py.
"""

import warnings

from numtorch import _dtype
from numtorch._errors import fmt_shape, type_name, wrap_dim
from numtorch._ops.advanced_index import ufunc_at
from numtorch._ops.indexing import as_scalar, checked_scalar, min_max
from numtorch._ops.registry import REGISTRY, apply, apply_inplace, op, public
from numtorch._tensor import Tensor

# ---------------------------------------------------------------- shared helpers


def nd(array):
    """A 0-dim array as a 1-element vector (torch treats 0-dim tensors so in scatter/gather)."""
    return array.reshape(1) if array.ndim == 0 else array


def scatter_key(xp, index, dim):
    """The key that addresses, for each position of `index`, that position with its `dim`
    coordinate replaced by the index value."""
    key = []
    for d, n in enumerate(index.shape):
        if d == dim:
            key.append(index)
        else:
            shape = [1] * index.ndim
            shape[d] = n
            key.append(xp.arange(n).reshape(shape))
    return tuple(key)


def check_range(index, n, dim, error=RuntimeError, prefix="", negative=False):
    """torch's error for the first entry of `index` (an array) outside [0, n) (or [-n, n))."""
    if index.size == 0:
        return
    low = -n if negative else 0
    least, most = min_max(index)
    if least < low or most >= n:
        flat = index.reshape(-1)
        first = int(((flat < low) | (flat >= n)).argmax())
        raise error(
            f"{prefix}index {int(flat[first])} is out of bounds for dimension {dim} with size {n}"
        )


def require_tensor(name, arg, position, value):
    if not isinstance(value, Tensor):
        raise TypeError(
            f"{name}(): argument '{arg}' (position {position}) must be Tensor, not "
            f"{type(value).__name__}"
        )


def _ndim(t):
    return max(t._data.ndim, 1)


def _size(t, d):
    return t._data.shape[d] if t._data.ndim else 1


def _index_dtype_check(name, index):
    if index._data.size and index.dtype not in (_dtype.int64, _dtype.int32):
        raise RuntimeError(f"{name}(): Expected dtype int32/int64 for index")


def _gather_checks(input, dim, index):
    require_tensor("gather", "index", 3, index)
    d = wrap_dim(dim, input.dim())
    _index_dtype_check("gather", index)
    if index._data.size == 0:
        return d
    if _ndim(input) != _ndim(index):
        raise RuntimeError("Index tensor must have the same number of dimensions as input tensor")
    for k in range(_ndim(input)):
        if k != d and _size(index, k) > _size(input, k):
            raise RuntimeError(
                f"Size does not match at dimension {k} expected index {fmt_shape(index.shape)} "
                f"to be no larger than self {fmt_shape(input.shape)} apart from dimension {d}"
            )
    check_range(nd(index._data), _size(input, d), d)
    return d


def _scatter_checks(name, input, dim, index, src):
    """torch's checks for scatter-like ops (src is a Tensor or None for a value); the dim."""
    require_tensor(name, "index", 3, index)
    d = wrap_dim(dim, input.dim())
    _index_dtype_check("scatter", index)
    if src is not None and src.dtype is not input.dtype:
        raise RuntimeError("scatter(): Expected self.dtype to be equal to src.dtype")
    if index._data.size == 0:
        return d
    if _ndim(input) != _ndim(index):
        raise RuntimeError("Index tensor must have the same number of dimensions as self tensor")
    if src is not None and _ndim(src) != _ndim(index):
        raise RuntimeError("Index tensor must have the same number of dimensions as src tensor")
    wrong = any(k != d and _size(index, k) > _size(input, k) for k in range(_ndim(index)))
    if src is not None:
        wrong = wrong or any(_size(index, k) > _size(src, k) for k in range(_ndim(index)))
        extra = f" and to be no larger size than src {fmt_shape(src.shape)}"
    else:
        extra = ""
    if wrong:
        raise RuntimeError(
            f"Expected index {fmt_shape(index.shape)} to be no larger than self "
            f"{fmt_shape(input.shape)} apart from dimension {d}{extra}"
        )
    check_range(nd(index._data), _size(input, d), d)
    return d


def _scatter_into(xp, input, index, src, dim, how, include_self=True):
    """A copy of input with src (an array, or a number) scattered along dim, combined by `how`:
    None (assign), or a ufunc name (add, multiply, maximum, minimum)."""
    out = input.copy()
    if index.size == 0:
        return out
    target, idx = nd(out), nd(index)
    key = scatter_key(xp, idx, dim)
    values = src
    if hasattr(src, "shape"):
        values = nd(src)[tuple(slice(0, n) for n in idx.shape)]
    if how is None:
        target[key] = values
        return out
    if not include_self:
        target[key] = _identity(xp, how, out.dtype)
    ufunc_at(xp, how, target, key, values)
    return out


def _identity(xp, how, dtype):
    if how == "add":
        return 0
    if how == "multiply":
        return 1
    if _dtype.np_kind(dtype) in "fc":
        return -xp.inf if how == "maximum" else xp.inf
    if dtype.kind not in "iu":
        return how == "minimum"
    info = xp.iinfo(dtype)
    return info.min if how == "maximum" else info.max


def invalid_gradient(node, position, got, expected):
    return RuntimeError(
        f"Function {node} returned an invalid gradient at index {position} - got "
        f"{fmt_shape(got)} but expected shape compatible with {fmt_shape(expected)}"
    )


def _src_grad(node, grad, dim, index, src_sym_sizes):
    """grad.gather(dim, index) as the gradient of src (torch's error if src is larger)."""
    out = grad.gather(dim, index)
    if tuple(out.shape) != tuple(src_sym_sizes):
        raise invalid_gradient(node, 1, out.shape, src_sym_sizes)
    return out


# ---------------------------------------------------------------- gather


@op(
    "gather",
    grad_fn="GatherBackward0",
    input_names=("self", "index"),
    function=False,
    method=False,
)
def _gather(xp, input, index, *, dim):
    if index.size == 0:
        return xp.empty(index.shape, dtype=input.dtype)
    return nd(input)[scatter_key(xp, nd(index), dim)].reshape(index.shape)


@_gather.backward
def _(grad, *, needs, self_sym_sizes, dim, index):
    from numtorch._creation import zeros

    out = zeros(self_sym_sizes, dtype=grad.dtype, device=grad.device)
    return out.scatter_add(dim, index, grad), None


@public(method=True)
def gather(input, dim, index, *, sparse_grad=False, out=None):
    """Same as `torch.gather`: out[p] = input[p with p[dim] replaced by index[p]]."""
    d = _gather_checks(input, dim, index)
    return apply(REGISTRY["gather"], (input, index), {"dim": d}, out)


# ---------------------------------------------------------------- scatter


def _scatter_grad_fn(base):
    return lambda params: "NotImplemented" if params["reduce"] is not None else base


def _no_derivative():
    return RuntimeError("derivative for aten::scatter is not implemented")


@op(
    "scatter_src",
    grad_fn=_scatter_grad_fn("ScatterBackward0"),
    input_names=("self", "index", "src"),
    function=False,
    method=False,
)
def _scatter_src(xp, input, index, src, *, dim, reduce):
    how = {None: None, "add": "add", "multiply": "multiply"}[reduce]
    return _scatter_into(xp, input, index, src, dim, how)


@_scatter_src.backward
def _(grad, *, needs, dim, index, reduce, src_sym_sizes):
    if reduce is not None:
        raise _no_derivative()
    grad_self = grad.scatter(dim, index, 0) if needs[0] else None
    grad_src = _src_grad("ScatterBackward0", grad, dim, index, src_sym_sizes) if needs[2] else None
    return grad_self, None, grad_src


@op(
    "scatter_value",
    grad_fn=_scatter_grad_fn("ScatterBackward1"),
    input_names=("self", "index"),
    function=False,
    method=False,
)
def _scatter_value(xp, input, index, *, dim, value, reduce):
    how = {None: None, "add": "add", "multiply": "multiply"}[reduce]
    return _scatter_into(xp, input, index, value, dim, how)


@_scatter_value.backward
def _(grad, *, needs, dim, index, reduce):
    if reduce is not None:
        raise _no_derivative()
    return grad.scatter(dim, index, 0), None


def _scatter_call(name, input, dim, index, src, value, reduce):
    """(opdef, args, params) for scatter / scatter_ after torch's checks."""
    if src is not None and not isinstance(src, Tensor):
        value, src = src, None
    if src is None and value is None:
        raise TypeError(
            f"{name}() received an invalid combination of arguments - got (Tensor, int, Tensor)"
        )
    if reduce is not None and reduce not in ("add", "multiply"):
        raise RuntimeError("reduce argument must be either add or multiply.")
    d = _scatter_checks(name, input, dim, index, src)
    if src is not None:
        if reduce is not None:
            warnings.warn(
                "The reduce argument of torch.scatter with Tensor src is deprecated and will be "
                "removed in a future PyTorch release. Use torch.scatter_reduce instead for more "
                "reduction options.",
                UserWarning,
                stacklevel=3,
            )
        return REGISTRY["scatter_src"], (input, index, src), {"dim": d, "reduce": reduce}
    number = as_scalar(value)
    if number is None:
        if isinstance(value, Tensor):
            raise RuntimeError("Index tensor must have the same number of dimensions as src tensor")
        raise TypeError(
            f"{name}() received an invalid combination of arguments - got (Tensor, int, Tensor, "
            f"{type(value).__name__})"
        )
    params = {"dim": d, "value": checked_scalar(number, input.dtype), "reduce": reduce}
    return REGISTRY["scatter_value"], (input, index), params


@public(method=True)
def scatter(input, dim, index, src=None, *, value=None, reduce=None, out=None):
    """Same as `torch.scatter`: a copy of input with src (a tensor or a number) written at the
    positions index names along dim; reduce="add"/"multiply" combines instead of writing."""
    od, args, params = _scatter_call("scatter", input, dim, index, src, value, reduce)
    return apply(od, args, params, out)


@public(function=False, method=True)
def scatter_(self, dim, index, src=None, *, value=None, reduce=None):
    """Same as `Tensor.scatter_`."""
    od, args, params = _scatter_call("scatter_", self, dim, index, src, value, reduce)
    return apply_inplace(od, args, params)


# ---------------------------------------------------------------- scatter_add


@op(
    "scatter_add",
    grad_fn="ScatterAddBackward0",
    input_names=("self", "index", "src"),
    function=False,
    method=False,
)
def _scatter_add(xp, input, index, src, *, dim):
    return _scatter_into(xp, input, index, src, dim, "add")


@_scatter_add.backward
def _(grad, *, needs, dim, index, src_sym_sizes):
    grad_src = None
    if needs[2]:
        grad_src = _src_grad("ScatterAddBackward0", grad, dim, index, src_sym_sizes)
    return grad, None, grad_src


def _scatter_add_call(name, input, dim, index, src):
    require_tensor(name, "src", 4, src)
    d = _scatter_checks(name, input, dim, index, src)
    return REGISTRY["scatter_add"], (input, index, src), {"dim": d}


@public(method=True)
def scatter_add(input, dim, index, src, *, out=None):
    """Same as `torch.scatter_add`: src added at the positions index names (repeats add up)."""
    od, args, params = _scatter_add_call("scatter_add", input, dim, index, src)
    return apply(od, args, params, out)


@public(function=False, method=True)
def scatter_add_(self, dim, index, src):
    """Same as `Tensor.scatter_add_`."""
    od, args, params = _scatter_add_call("scatter_add_", self, dim, index, src)
    return apply_inplace(od, args, params)


# ---------------------------------------------------------------- scatter_reduce

_REDUCE_UFUNC = {
    "sum": "add",
    "mean": "add",
    "prod": "multiply",
    "amax": "maximum",
    "amin": "minimum",
    "max": "maximum",
    "min": "minimum",
}


@op(
    "scatter_reduce",
    grad_fn="ScatterReduceBackward0",
    input_names=("self", "index", "src"),
    function=False,
    method=False,
)
def _scatter_reduce(xp, input, index, src, *, dim, reduce, include_self):
    out = _scatter_into(xp, input, index, src, dim, _REDUCE_UFUNC[reduce], include_self)
    if reduce != "mean" or index.size == 0:
        return out
    counts = xp.full(out.shape, 1 if include_self else 0, dtype="int64")
    ufunc_at(xp, "add", nd(counts), scatter_key(xp, nd(index), dim), 1)
    counts = xp.maximum(counts, 1)
    if _dtype.np_kind(out.dtype) in "fc":
        return (out / counts).astype(out.dtype)
    return xp.floor_divide(out, counts).astype(out.dtype)


@_scatter_reduce.backward
def _(grad, *, needs, self, index, src, result, dim, reduce, include_self):
    from numtorch._ops.scatter_reduce_grad import scatter_reduce_backward

    return scatter_reduce_backward(grad, self, index, src, result, dim, reduce, include_self)


def _scatter_reduce_call(name, input, dim, index, src, reduce, include_self):
    require_tensor(name, "src", 4, src)
    if reduce not in _REDUCE_UFUNC:
        raise RuntimeError(
            f"reduce argument must be either sum, prod, mean, amax or amin, got {reduce}"
        )
    d = _scatter_checks(name, input, dim, index, src)
    if (reduce == "mean" and input.dtype is _dtype.bool) or (
        reduce in ("amax", "amin", "max", "min") and input.dtype.category == _dtype.COMPLEX
    ):
        kernel = {"max": "amax", "min": "amin"}.get(reduce, reduce)
        raise NotImplementedError(
            f'"scatter_gather_tensor_cpu_reduce_{kernel}" not implemented for '
            f"'{type_name(input.dtype)}'"
        )
    params = {"dim": d, "reduce": reduce, "include_self": bool(include_self)}
    return REGISTRY["scatter_reduce"], (input, index, src), params


@public(method=True)
def scatter_reduce(input, dim, index, src, reduce, *, include_self=True, out=None):
    """Same as `torch.scatter_reduce`: reduce is "sum", "prod", "mean", "amax" or "amin"."""
    od, args, params = _scatter_reduce_call(
        "scatter_reduce", input, dim, index, src, reduce, include_self
    )
    return apply(od, args, params, out)


@public(function=False, method=True)
def scatter_reduce_(self, dim, index, src, reduce, *, include_self=True):
    """Same as `Tensor.scatter_reduce_`."""
    od, args, params = _scatter_reduce_call(
        "scatter_reduce_", self, dim, index, src, reduce, include_self
    )
    return apply_inplace(od, args, params)


# ---------------------------------------------------------------- take_along_dim


@public(method=True)
def take_along_dim(input, indices, dim=None, *, out=None):
    """Same as `torch.take_along_dim`: gather along dim after broadcasting input and indices
    (over the flattened input when dim is None)."""
    require_tensor("take_along_dim", "indices", 2, indices)
    if indices.dtype is not _dtype.int64:
        raise RuntimeError(
            "torch.take_along_dim(): dtype of indices should be Long but got "
            f"{type_name(indices.dtype)}"
        )
    if dim is None:
        return gather(input.reshape(-1), 0, indices.reshape(-1), out=out)
    d = wrap_dim(dim, input.dim())
    if input.dim() != indices.dim():
        raise RuntimeError(
            "torch.take_along_dim(): input and indices should have the same number of "
            f"dimensions, but got {input.dim()} dimensions for input, and {indices.dim()} "
            "dimensions for indices"
        )
    from numtorch._errors import broadcast_shapes_of

    in_shape = list(input.shape)
    idx_shape = list(indices.shape)
    in_shape[d] = idx_shape[d] = 1
    shape = list(broadcast_shapes_of(tuple(in_shape), tuple(idx_shape)))
    idx_target = shape.copy()
    idx_target[d] = indices.shape[d]
    shape[d] = input.shape[d]
    if tuple(shape) != tuple(input.shape):
        input = input.expand(shape)
    if tuple(idx_target) != tuple(indices.shape):
        indices = indices.expand(idx_target)
    # torch wraps negative indices here (its gather check does not see them).
    n = input.shape[d] if input.dim() else 1
    if indices._data.size and min_max(indices._data)[0] < 0:
        wrapped = indices._data + (indices._data < 0) * n
        indices = Tensor._make(wrapped, indices.dtype, indices._device)
    return gather(input, d, indices, out=out)
