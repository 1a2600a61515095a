"""unique and unique_consecutive, with and without `dim`.

Like torch's CPU kernels: the flat unique sorts (torch's unstable sort, so an equal run keeps
the value its sort puts first, which shows for -0.0 and 0.0) and every NaN is its own value;
unique along a dim orders the slices lexicographically with torch's std::sort and merges equal
neighbours. Neither is differentiable: torch records a node whose backward raises.
"""

from numtorch import _dtype
from numtorch._errors import type_name, wrap_dim
from numtorch._ops import stdsort
from numtorch._ops.registry import FORWARD, apply, op, public
from numtorch._ops.sorting import _sort_order

# ---------------------------------------------------------------- flat


def _flat_unique(xp, input, return_inverse, return_counts, consecutive):
    flat = input.reshape(-1)
    n = flat.size
    if n == 0:
        inverse = xp.zeros(input.shape if return_inverse else (0,), "int64")
        return flat.copy(), inverse, xp.zeros((0,), "int64")
    if consecutive:
        order = None
        ordered = flat
    else:
        order = _sort_order(xp, flat, 0, False, False)
        ordered = flat[order]
    # every NaN starts a new run: NaN != NaN
    starts = xp.ones(n, dtype=bool)
    starts[1:] = ordered[1:] != ordered[:-1]
    values = ordered[starts]
    run = xp.cumsum(starts) - 1
    inverse = xp.zeros((0,), "int64")
    if return_inverse:
        if order is None:
            inverse = run.reshape(input.shape)
        else:
            inverse = xp.empty(n, "int64")
            inverse[order] = run
            inverse = inverse.reshape(input.shape)
    counts = xp.zeros((0,), "int64")
    if return_counts:
        first = xp.nonzero(starts)[0]
        counts = xp.diff(xp.append(first, n)).astype("int64")
    return values, inverse.astype("int64"), counts


# ---------------------------------------------------------------- along a dim


class _Slice:
    """A slice's values under torch's lexicographic `<` (a NaN compares neither way, so the
    comparison moves on to the next element)."""

    __slots__ = ("values",)

    def __init__(self, values):
        self.values = values

    def __lt__(self, other):
        for a, b in zip(self.values, other.values):
            if a < b:
                return True
            if a > b:
                return False
        return False

    def __gt__(self, other):
        return other.__lt__(self)


def _dim_unique(xp, input, dim, return_inverse, return_counts, consecutive):
    sizes = input.shape
    zero_dims = sum(1 for s in sizes if s == 0)
    if sizes[dim] == 0:
        if zero_dims != 1:
            raise RuntimeError(
                "Number of zero sized dimensions is more than one, so unique cannot be applied "
            )
        empty = xp.zeros((0,), "int64")
        return input.copy(), empty, empty
    if zero_dims:
        raise RuntimeError(
            "There are 0 sized dimensions, and they aren't selected, so unique cannot be applied"
        )
    moved = xp.moveaxis(input, dim, 0)
    rows = xp.ascontiguousarray(moved).reshape(moved.shape[0], -1)
    count = rows.shape[0]
    order = list(range(count))
    if not consecutive:
        listed = rows.tolist()
        keys = [_Slice(r) for r in listed] if _dtype.np_kind(rows.dtype) == "f" else listed
        stdsort.std_sort(order, keys, 0, count)
    ordered = rows[xp.asarray(order)] if not consecutive else rows
    # neighbours are equal when every element is (==, so NaN never and -0.0 == 0.0)
    starts = xp.ones(count, dtype=bool)
    starts[1:] = ~(ordered[1:] == ordered[:-1]).all(axis=1)
    kept = ordered[starts]
    run = xp.cumsum(starts) - 1
    inverse = xp.empty(count, "int64")
    inverse[xp.asarray(order)] = run
    first = xp.nonzero(starts)[0]
    counts = xp.diff(xp.append(first, count)).astype("int64")
    out = kept.reshape((kept.shape[0],) + moved.shape[1:])
    return xp.moveaxis(out, 0, dim), inverse, counts


# ---------------------------------------------------------------- the ops


def _not_differentiable(name):
    def backward(*grads, needs):
        raise NotImplementedError(f"the derivative for '{name}' is not implemented.")

    return backward


@op(
    "_unique2",
    grad_fn="Unique2Backward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=tuple,
)
def _unique2(xp, input, *, return_inverse, return_counts):
    return _flat_unique(xp, input, return_inverse, return_counts, False)


_unique2.backward(_not_differentiable("_unique2"))


@op(
    "unique_dim",
    grad_fn="UniqueDimBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=tuple,
)
def _unique_dim(xp, input, *, dim, return_inverse, return_counts):
    return _dim_unique(xp, input, dim, return_inverse, return_counts, False)


_unique_dim.backward(_not_differentiable("unique_dim"))


@op(
    "unique_consecutive",
    grad_fn="UniqueConsecutiveBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=tuple,
)
def _unique_consecutive(xp, input, *, dim, return_inverse, return_counts):
    if dim is None or (dim == 0 and input.ndim == 1):
        return _flat_unique(xp, input, return_inverse, return_counts, True)
    return _dim_unique(xp, input, dim, return_inverse, return_counts, True)


_unique_consecutive.backward(_not_differentiable("unique_consecutive"))


def _check_dtype(input, kernel):
    if input.dtype.is_complex:
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{type_name(input.dtype)}'")


def _wrap_dim(dim, input):
    if input.dim() == 0:
        raise IndexError(f"Dimension specified as {dim} but tensor has no dimensions")
    return wrap_dim(dim, input.dim())


def _pick(results, return_inverse, return_counts):
    values, inverse, counts = results
    if not return_inverse and not return_counts:
        return values
    out = (values,)
    if return_inverse:
        out += (inverse,)
    if return_counts:
        out += (counts,)
    return out


@public(method=True)
def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):
    """Same as `torch.unique`: the distinct values (always sorted, as torch's CPU kernel), or the
    distinct slices along `dim`; each NaN is distinct."""
    flags = {"return_inverse": bool(return_inverse), "return_counts": bool(return_counts)}
    if dim is None:
        _check_dtype(input, "unique")
        results = apply(_unique2.opdef, (input,), flags)
    else:
        d = _wrap_dim(dim, input)
        _check_dtype(input, "unique_dim")
        results = apply(_unique_dim.opdef, (input,), {"dim": d, **flags})
    return _pick(results, return_inverse, return_counts)


@public(method=True)
def unique_consecutive(input, return_inverse=False, return_counts=False, dim=None):
    """Same as `torch.unique_consecutive`: each run of equal neighbours (slices, with `dim`)
    collapsed to one."""
    d = None if dim is None else _wrap_dim(dim, input)
    _check_dtype(input, "unique" if d is None or input.dim() == 1 else "unique_dim")
    flags = {"return_inverse": bool(return_inverse), "return_counts": bool(return_counts)}
    results = apply(_unique_consecutive.opdef, (input,), {"dim": d, **flags})
    return _pick(results, return_inverse, return_counts)
