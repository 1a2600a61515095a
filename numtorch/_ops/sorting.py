"""Sorting and selection: sort, argsort, msort, topk, kthvalue, argmax, argmin.

Values are ordered by dense ranks (every NaN alike and above +inf, -0.0 equal to 0.0), which
gives torch's order for distinct values at NumPy speed; rows where equal values make the order
depend on torch's algorithm (unstable sort, topk, kthvalue) are redone with those algorithms
(stdsort.py). unique and unique_consecutive are in unique.py, searchsorted and bucketize in
searchsorted.py.
"""

from numtorch import _dtype
from numtorch._errors import type_name, wrap_dim
from numtorch._ops import stdsort
from numtorch._ops.reduction import expect_out_dtype, return_type
from numtorch._ops.reduction_minmax import select_backward
from numtorch._ops.registry import FORWARD, REGISTRY, apply, op, public
from numtorch._ops.registry import _write_out as write_out
from numtorch._tensor import Tensor

sort_result = return_type("sort")
sort_out_result = return_type("sort_out")
topk_result = return_type("topk")
topk_out_result = return_type("topk_out")
kthvalue_result = return_type("kthvalue")
kthvalue_out_result = return_type("kthvalue_out")

# torch sorts a 1-D integer tensor at least this long with a (stable) radix sort
_RADIX_MIN = 32768

# ---------------------------------------------------------------- shared helpers


def dense_ranks(xp, array):
    """Integer keys ordered as torch orders the values: equal values share a key, NaN is the
    largest (all NaNs alike)."""
    _, inverse = xp.unique(array.reshape(-1), return_inverse=True)
    return inverse.reshape(array.shape).astype("int64")


def _rows(array, dim):
    """A view of `array` with `dim` last, as (rows, n)."""
    moved = array if dim == array.ndim - 1 else array.swapaxes(dim, -1)
    return moved


def _tied_rows(xp, sorted_keys, upto):
    """Indices (flattened over all but the last axis) of rows with two equal keys among their
    first `upto` sorted keys."""
    head = sorted_keys[..., :upto]
    ties = (head[..., 1:] == head[..., :-1]).any(axis=-1).reshape(-1)
    return [int(i) for i in xp.nonzero(ties)[0]]


def _redo_rows(order_last, key_last, rows, algorithm):
    """Replaces each listed row of `order_last` (rows over its last axis) by the order
    `algorithm(ids, keys)` leaves the ids in."""
    n = order_last.shape[-1]
    flat_order = order_last.reshape(-1, n)
    flat_key = key_last.reshape(-1, n)
    for r in rows:
        ids = list(range(n))
        algorithm(ids, flat_key[r].tolist())
        flat_order[r] = ids
    return flat_order.reshape(order_last.shape)


def _check_sortable(input, what):
    if input.dtype.is_complex:
        raise RuntimeError(f" {what} does not support complex dtypes on CPU")


# ---------------------------------------------------------------- sort, argsort, msort


def _sort_order(xp, input, dim, descending, stable):
    n = input.shape[dim]
    if input.strides[dim] == 0:  # torch leaves an expanded dim in place (all equal anyway)
        shape = [1] * input.ndim
        shape[dim] = n
        return xp.broadcast_to(xp.arange(n).reshape(shape), input.shape).copy()
    key = dense_ranks(xp, input)
    if descending:
        key = -key
    key_last = _rows(key, dim)
    order_last = xp.argsort(key_last, axis=-1, kind="stable")
    radix = input.ndim == 1 and n >= _RADIX_MIN and input.dtype.kind in "iu" and not descending
    if not stable and not radix and n > 1:
        sorted_keys = xp.take_along_axis(key_last, order_last, axis=-1)
        rows = _tied_rows(xp, sorted_keys, n)
        if rows:
            order_last = _redo_rows(
                order_last, key_last, rows, lambda a, k: stdsort.std_sort(a, k, 0, len(a))
            )
    return _rows(order_last, dim)


@op("sort", grad_fn="SortBackward0", promote=FORWARD, function=False, method=False, returns=tuple)
def _sort(xp, input, *, dim, descending, stable):
    if input.ndim == 0:
        return input.copy(), xp.zeros((), "int64")
    if input.size == 0:
        return input.copy(), xp.zeros(input.shape, "int64")
    order = _sort_order(xp, input, dim, descending, stable)
    return xp.take_along_axis(input, order, axis=dim), order.astype("int64")


@_sort.backward
def _(grad, grad_indices, *, needs, self_sym_sizes, dim, result1):
    return select_backward(grad, dim, result1, self_sym_sizes, True)


def _sort_call(input, dim, descending, stable, out):
    d = wrap_dim(dim, input.dim())
    _check_sortable(input, "Sort")
    params = {"dim": d, "descending": descending, "stable": bool(stable)}
    if out is not None:
        expect_out_dtype(out[0], input.dtype)
        expect_out_dtype(out[1], _dtype.int64)
        return sort_out_result(*apply(REGISTRY["sort"], (input,), params, out))
    return sort_result(*apply(REGISTRY["sort"], (input,), params))


def _type_text(value):
    return "Tensor" if isinstance(value, Tensor) else type(value).__name__


def invalid_arguments(name, args, kwargs):
    """torch's TypeError for a call that matches none of an op's overloads."""
    got = [_type_text(a) for a in args]
    got += [f"{k}={_type_text(v)}" for k, v in reversed(list(kwargs.items()))]
    return TypeError(
        f"{name}() received an invalid combination of arguments - got ({', '.join(got)}), but "
        "expected one of:"
    )


def _sort_options(name, method, input, args, kwargs, stable_may_be_none):
    """(dim, descending, stable) from sort/argsort's two overloads: `(input, dim=-1,
    descending=False)`, or keyword-only with `stable`."""
    shown = args if method else (input, *args)
    if (
        not isinstance(input, Tensor)
        or len(args) > 2
        or set(kwargs) - {"dim", "descending", "stable"}
    ):
        raise invalid_arguments(name, shown, kwargs)
    options = dict(zip(("dim", "descending"), args))
    if set(options) & set(kwargs):
        raise invalid_arguments(name, shown, kwargs)
    options.update(kwargs)
    dim = options.get("dim", -1)
    descending = options.get("descending", False)
    stable = options.get("stable", False)
    stable_ok = type(stable) is bool or (stable is None and stable_may_be_none)
    if (
        ("stable" in kwargs and args)
        or not stable_ok
        or isinstance(dim, bool)
        or not isinstance(dim, int)
        or type(descending) is not bool
    ):
        raise invalid_arguments(name, shown, kwargs)
    return dim, descending, bool(stable)


@public()
def sort(input, *args, out=None, **kwargs):
    """Same as `torch.sort(input, dim=-1, descending=False, *, stable=False)`: (values, indices);
    NaN sorts as the largest value. `stable=True` keeps equal values in order; otherwise equal
    values come out in torch's (introsort) order."""
    dim, descending, stable = _sort_options("sort", False, input, args, kwargs, True)
    return _sort_call(input, dim, descending, stable, out)


@public("sort", function=False, method=True)
def _sort_method(self, *args, **kwargs):
    dim, descending, stable = _sort_options("sort", True, self, args, kwargs, True)
    return _sort_call(self, dim, descending, stable, None)


@public()
def argsort(input, *args, **kwargs):
    """Same as `torch.argsort(input, dim=-1, descending=False, *, stable=False)`: the indices of
    `sort`."""
    dim, descending, stable = _sort_options("argsort", False, input, args, kwargs, False)
    return _sort_call(input, dim, descending, stable, None).indices


@public("argsort", function=False, method=True)
def _argsort_method(self, *args, **kwargs):
    dim, descending, stable = _sort_options("argsort", True, self, args, kwargs, False)
    return _sort_call(self, dim, descending, stable, None).indices


@public(method=True)
def msort(input, *, out=None):
    """Same as `torch.msort`: sort along dim 0, values only."""
    if out is not None:
        expect_out_dtype(out, input.dtype)
    values = _sort_call(input, 0, False, False, None).values
    if out is not None:
        return write_out(out, values)
    return values


# ---------------------------------------------------------------- topk


def _topk_algorithm(k, n, sorted_):
    """What torch runs on one row: std::partial_sort for a small k, else std::nth_element and
    (when sorted) std::sort of the k-1 elements before the k-th."""
    if k * 64 <= n:
        return lambda a, key: stdsort.partial_sort(a, key, 0, k, n)

    def select(a, key):
        stdsort.nth_element(a, key, 0, k - 1, n)
        if sorted_:
            stdsort.std_sort(a, key, 0, k - 1)

    return select


@op("topk", grad_fn="TopkBackward0", promote=FORWARD, function=False, method=False, returns=tuple)
def _topk(xp, input, *, k, dim, largest, sorted):
    if input.ndim == 0:
        return input.copy(), xp.zeros((), "int64")
    n = input.shape[dim]
    shape = list(input.shape)
    shape[dim] = k
    if k == 0 or input.size == 0:
        return xp.zeros(shape, input.dtype), xp.zeros(shape, "int64")
    key = dense_ranks(xp, input)
    if largest:
        key = -key
    key_last = _rows(key, dim)
    order_last = xp.argsort(key_last, axis=-1, kind="stable")
    if not sorted and k * 64 > n:
        rows = list(range(order_last.size // n))
    else:
        upto = k + 1 if k < n else n
        rows = _tied_rows(xp, xp.take_along_axis(key_last, order_last, axis=-1), upto)
    if rows:
        order_last = _redo_rows(order_last, key_last, rows, _topk_algorithm(k, n, sorted))
    order = _rows(order_last[..., :k], dim)
    return xp.take_along_axis(input, order, axis=dim), order.astype("int64")


@_topk.backward
def _(grad, grad_indices, *, needs, self_sym_sizes, dim, result1):
    return select_backward(grad, dim, result1, self_sym_sizes, True)


@public(method=True)
def topk(input, k, dim=-1, largest=True, sorted=True, *, out=None):
    """Same as `torch.topk`: the k largest (or smallest) along dim; among equal values the ones
    torch's selection picks."""
    if type(k) is not int:
        raise TypeError(f"topk(): argument 'k' (position 2) must be int, not {type(k).__name__}")
    d = wrap_dim(dim, input.dim())
    n = input.shape[d] if input.dim() else 1
    if k < 0 or k > n:
        raise RuntimeError("selected index k out of range")
    if input.dtype is _dtype.bool:
        raise RuntimeError("topk does not support bool dtypes on CPU")
    _check_sortable(input, "topk")
    params = {"k": k, "dim": d, "largest": bool(largest), "sorted": bool(sorted)}
    if out is not None:
        return topk_out_result(*apply(REGISTRY["topk"], (input,), params, out))
    return topk_result(*apply(REGISTRY["topk"], (input,), params))


# ---------------------------------------------------------------- kthvalue


@op(
    "kthvalue",
    grad_fn="KthvalueBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=tuple,
)
def _kthvalue(xp, input, *, k, dim, keepdim):
    if input.ndim == 0:
        return input.copy(), xp.zeros((), "int64")
    out_shape = list(input.shape)
    out_shape[dim] = 1
    if input.size == 0:
        idx = xp.zeros(out_shape, "int64")
    else:
        key_last = _rows(dense_ranks(xp, input), dim)
        order_last = xp.argsort(key_last, axis=-1, kind="stable")
        sorted_keys = xp.take_along_axis(key_last, order_last, axis=-1)
        kth = sorted_keys[..., k - 1 : k]
        shared = ((sorted_keys == kth).sum(axis=-1) > 1).reshape(-1)
        rows = [int(i) for i in xp.nonzero(shared)[0]]
        if rows:
            order_last = _redo_rows(
                order_last, key_last, rows, lambda a, key: stdsort.quick_select(a, key, k - 1)
            )
        idx = _rows(order_last[..., k - 1 : k], dim)
    values = (
        xp.take_along_axis(input, idx, axis=dim) if input.size else xp.zeros(out_shape, input.dtype)
    )
    if not keepdim:
        values, idx = values.squeeze(dim), idx.squeeze(dim)
    return values, idx.astype("int64")


@_kthvalue.backward
def _(grad, grad_indices, *, needs, self_sym_sizes, dim, keepdim, result1):
    return select_backward(grad, dim, result1, self_sym_sizes, keepdim)


@public(method=True)
def kthvalue(input, k, dim=-1, keepdim=False, *, out=None):
    """Same as `torch.kthvalue`: the k-th smallest along dim (NaN largest) and its index, the one
    torch's quickselect leaves there among equal values."""
    if type(k) is not int:
        raise TypeError(f"kthvalue(): argument 'k' must be int, not {type(k).__name__}")
    d = wrap_dim(dim, input.dim())
    n = input.shape[d] if input.dim() else 1
    if input.dim() and n == 0:
        raise IndexError(f"kthvalue(): Expected reduction dim {d} to have non-zero size.")
    if k < 1 or k > n:
        raise RuntimeError(f"kthvalue(): selected number k out of range for dimension {d}")
    if input.dtype is _dtype.bool or input.dtype.is_complex:
        raise NotImplementedError(
            f"\"kthvalue_cpu\" not implemented for '{type_name(input.dtype)}'"
        )
    params = {"k": k, "dim": d, "keepdim": bool(keepdim)}
    if out is not None:
        return kthvalue_out_result(*apply(REGISTRY["kthvalue"], (input,), params, out))
    return kthvalue_result(*apply(REGISTRY["kthvalue"], (input,), params))


# ---------------------------------------------------------------- argmax, argmin


def _arg_reduce(xp, input, name, dim, keepdim):
    pick = xp.argmax if name == "argmax" else xp.argmin
    if dim is None:
        out = pick(input).astype("int64")
        return out.reshape((1,) * input.ndim) if keepdim else out
    if input.ndim == 0:
        return xp.zeros((), "int64")
    return pick(input, axis=dim, keepdims=keepdim).astype("int64")


@op("argmax", promote=FORWARD, function=False, method=False)
def _argmax(xp, input, *, dim, keepdim):
    return _arg_reduce(xp, input, "argmax", dim, keepdim)


@op("argmin", promote=FORWARD, function=False, method=False)
def _argmin(xp, input, *, dim, keepdim):
    return _arg_reduce(xp, input, "argmin", dim, keepdim)


def _arg_call(name, input, dim, keepdim, out):
    if input.dtype is _dtype.bool:
        raise RuntimeError(f"{name}(): does not support bool input")
    if input.dtype.is_complex:
        raise RuntimeError(f"{name}(): does not support complex input")
    if dim is None:
        if input.numel() == 0:
            raise IndexError(
                f"{name}(): Expected reduction dim to be specified for input.numel() == 0."
            )
    else:
        dim = wrap_dim(dim, input.dim())
        if input.dim() and input.shape[dim] == 0:
            raise IndexError(f"{name}(): Expected reduction dim {dim} to have non-zero size.")
    if out is not None:
        expect_out_dtype(out, _dtype.int64)
    return apply(REGISTRY[name], (input,), {"dim": dim, "keepdim": bool(keepdim)}, out)


@public(method=True)
def argmax(input, dim=None, keepdim=False, *, out=None):
    """Same as `torch.argmax`: the index of the first maximum (the first NaN if any)."""
    return _arg_call("argmax", input, dim, keepdim, out)


@public(method=True)
def argmin(input, dim=None, keepdim=False, *, out=None):
    """Same as `torch.argmin`: the index of the first minimum (the first NaN if any)."""
    return _arg_call("argmin", input, dim, keepdim, out)
