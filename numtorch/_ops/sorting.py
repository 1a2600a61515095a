"""Sorting and selection: sort, argsort, topk, argmax, argmin, kthvalue, unique, searchsorted."""

from collections import namedtuple

from numtorch._errors import wrap_dim
from numtorch._ops.registry import FORWARD, REGISTRY, apply, op, public


def _return_type(name, fields):
    """torch.return_types.<name>: a named tuple printed as torch prints it."""
    base = namedtuple(name, fields)

    def __repr__(self):
        body = ",\n".join(f"{f}={v!r}" for f, v in zip(fields, self))
        return f"torch.return_types.{name}(\n{body})"

    cls = type(name, (base,), {"__repr__": __repr__, "__slots__": ()})
    cls.__module__ = "numtorch.return_types"
    return cls


sort_result = _return_type("sort", ("values", "indices"))
topk_result = _return_type("topk", ("values", "indices"))


@op(
    "sort",
    grad_fn="SortBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=sort_result,
)
def _sort(xp, input, *, dim, descending, stable):
    if input.ndim == 0:
        return input.copy(), xp.zeros((), "int64")
    key = -input if descending and input.dtype.kind != "b" else input
    if descending and input.dtype.kind == "b":
        key = ~input
    if descending and input.dtype.kind == "u":
        key = input.max() - input if input.size else input
    idx = xp.argsort(key, axis=dim, kind="stable")
    return xp.take_along_axis(input, idx, axis=dim), idx.astype("int64")


@_sort.backward
def _(grad, grad_idx, *, needs, self_sym_sizes, dim, result1):
    from numtorch._creation import zeros

    out = zeros(self_sym_sizes, dtype=grad.dtype, device=grad.device)
    return out.scatter(dim, result1, grad)


@public(method=True)
def sort(input, dim=-1, descending=False, stable=False, *, out=None):
    """Same as `torch.sort`: (values, indices); ties keep their order."""
    d = wrap_dim(dim, input.dim())
    res = apply(
        REGISTRY["sort"], (input,), {"dim": d, "descending": descending, "stable": stable}, out
    )
    return res


@op(
    "topk",
    grad_fn="TopkBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=topk_result,
)
def _topk(xp, input, *, k, dim, largest, sorted):
    key = -input if largest else input
    if input.ndim == 0:
        return input.copy(), xp.zeros((), "int64")
    order = xp.argsort(key, axis=dim, kind="stable")
    order = xp.take(order, xp.arange(k), axis=dim)
    return xp.take_along_axis(input, order, axis=dim), order.astype("int64")


@_topk.backward
def _(grad, grad_idx, *, needs, self_sym_sizes, dim, result1):
    from numtorch._creation import zeros

    out = zeros(self_sym_sizes, dtype=grad.dtype, device=grad.device)
    return out.scatter(dim, result1, grad)


@public(method=True)
def topk(input, k, dim=-1, largest=True, sorted=True, *, out=None):
    """Same as `torch.topk`."""
    d = wrap_dim(dim, input.dim())
    n = input.shape[d] if input.dim() else 1
    if k < 0 or k > n:
        raise RuntimeError("selected index k out of range")
    return apply(
        REGISTRY["topk"], (input,), {"k": k, "dim": d, "largest": largest, "sorted": sorted}, out
    )


@op(promote=FORWARD, signature="input, dim=None, keepdim=False")
def argmax(xp, input, *, dim=None, keepdim=False):
    """Same as `torch.argmax`: the first index of the maximum."""
    if dim is None:
        out = xp.argmax(input)
        return out.reshape((1,) * input.ndim) if keepdim else out.astype("int64")
    d = wrap_dim(dim, input.ndim)
    return (
        xp.argmax(input, axis=d, keepdims=keepdim).astype("int64")
        if input.ndim
        else xp.zeros((), "int64")
    )


@op(promote=FORWARD, signature="input, dim=None, keepdim=False")
def argmin(xp, input, *, dim=None, keepdim=False):
    """Same as `torch.argmin`: the first index of the minimum."""
    if dim is None:
        out = xp.argmin(input)
        return out.reshape((1,) * input.ndim) if keepdim else out.astype("int64")
    d = wrap_dim(dim, input.ndim)
    return (
        xp.argmin(input, axis=d, keepdims=keepdim).astype("int64")
        if input.ndim
        else xp.zeros((), "int64")
    )
