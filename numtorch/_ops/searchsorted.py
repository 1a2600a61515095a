"""searchsorted and bucketize: torch's binary search, step for step.

torch bisects with `!(mid >= value)` (left) or `!(mid > value)` (right), so a NaN among the
boundaries sends every value past it, and a NaN value lands at the end; the search here runs the
same bisection on all values at once.
"""

from numtorch import _dtype
from numtorch._errors import fmt_shape, type_name
from numtorch._ops.registry import FORWARD, apply, op, public, result_dtype
from numtorch._tensor import Tensor


@op("searchsorted", promote=FORWARD, function=False, method=False)
def _searchsorted(xp, boundaries, values, sorter, *, right, out_int32):
    n = boundaries.shape[-1]
    index_dtype = "int32" if out_int32 else "int64"
    if n == 0 or values.size == 0:
        return xp.zeros(values.shape, index_dtype)
    rows = boundaries.reshape(-1, n)
    vals = values.reshape(rows.shape[0] if boundaries.ndim > 1 else 1, -1)
    order = None if sorter is None else sorter.reshape(-1, n)
    row = xp.arange(rows.shape[0])[:, None] if boundaries.ndim > 1 else xp.zeros((1, 1), "int64")
    start = xp.zeros(vals.shape, "int64")
    end = xp.full(vals.shape, n, "int64")
    while True:
        active = start < end
        if not active.any():
            break
        mid = xp.minimum(start + ((end - start) >> 1), n - 1)
        at = mid if order is None else order[row, mid]
        pivot = rows[row, at]
        go_right = ~(pivot > vals) if right else ~(pivot >= vals)
        start = xp.where(active & go_right, mid + 1, start)
        end = xp.where(active & ~go_right, mid, end)
    return start.reshape(values.shape).astype(index_dtype)


def _as_tensor(value, like):
    """A Python scalar as the 0-dim tensor torch makes of it."""
    if isinstance(value, Tensor):
        return value
    from numtorch._creation import tensor

    return tensor(value, device=like.device)


def _check(boundaries, values, out, out_int32, right, side, sorter):
    if side is not None:
        if side not in ("left", "right"):
            raise RuntimeError(
                f"torch.searchsorted(): side can only be 'left' or 'right' but got {side}"
            )
        if right and side != "right":
            raise RuntimeError(
                "torch.searchsorted(): side and right can't be set to opposites, got side of "
                f"{side} while right was True"
            )
    if sorter is not None:
        if sorter.shape != boundaries.shape:
            raise RuntimeError(
                "torch.searchsorted(): boundary and sorter must have the same size, but got "
                f"boundary tensor {fmt_shape(boundaries.shape)}and got sorter tensor "
                f"{fmt_shape(sorter.shape)}"
            )
        if sorter.dtype is not _dtype.int64:
            raise RuntimeError(
                "torch.searchsorted(): sorter must be a tensor of long dtype but got dtype "
                f"{type_name(sorter.dtype)}"
            )
        if sorter.numel() and (int(sorter.min()) < 0 or int(sorter.max()) >= sorter.shape[-1]):
            raise RuntimeError("torch.searchsorted(): sorter index out of range")
    if values.dim() == 0 and boundaries.dim() != 1:
        raise RuntimeError(
            "torch.searchsorted(): input value can be a scalar only when boundaries tensor "
            f"dimension is 1, but we got boundaries tensor dim({boundaries.dim()}) and input "
            f"value's dim({values.dim()}) numel({values.numel()})"
        )
    if boundaries.dim() == 0:
        raise RuntimeError(
            "torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 "
            "dimension"
        )
    if boundaries.dim() != 1 and (
        boundaries.dim() != values.dim() or boundaries.shape[:-1] != values.shape[:-1]
    ):
        raise RuntimeError(
            "torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 "
            "dimensions of boundaries tensor and input value tensor must match, but we got "
            f"boundaries tensor {fmt_shape(boundaries.shape)} and input value tensor "
            f"{fmt_shape(values.shape)}"
        )
    if out is not None:
        want = _dtype.int32 if out_int32 else _dtype.int64
        if out.dtype is not want:
            raise RuntimeError(
                "torch.searchsorted(): output tensor's dtype is wrong, it can only be Int(int32) "
                "or Long(int64) depending on whether out_int32 flag is True, but we got output "
                f"tensor's dtype {type_name(out.dtype)} and out_int32 flag is {out_int32}"
            )


def _search(boundaries, values, out_int32, right, side, sorter, out):
    values = _as_tensor(values, boundaries)
    _check(boundaries, values, out, out_int32, right, side, sorter)
    common = result_dtype((boundaries, values))
    for t in (boundaries, values):
        if t.dtype is _dtype.bool or t.dtype.is_complex or common.is_complex:
            bad = common if common.is_complex else t.dtype
            raise NotImplementedError(
                f"\"searchsorted_out_cpu\" not implemented for '{type_name(bad)}'"
            )
    if boundaries.dtype is not common:
        boundaries = boundaries.to(common)
    if values.dtype is not common:
        values = values.to(common)
    params = {"right": bool(right) or side == "right", "out_int32": bool(out_int32)}
    return apply(_searchsorted.opdef, (boundaries, values, sorter), params, out)


@public()
def searchsorted(
    sorted_sequence, input, *, out_int32=False, right=False, side=None, sorter=None, out=None
):
    """Same as `torch.searchsorted`: where each value would go in the sorted innermost rows of
    `sorted_sequence` (through `sorter` when given)."""
    return _search(sorted_sequence, input, out_int32, right, side, sorter, out)


@public()
def bucketize(input, boundaries, *, out_int32=False, right=False, out=None):
    """Same as `torch.bucketize`: searchsorted with 1-D boundaries (arguments swapped)."""
    if boundaries.dim() != 1:
        raise RuntimeError(
            f"boundaries tensor must be 1 dimension, but got dim({boundaries.dim()})"
        )
    return _search(boundaries, input, out_int32, right, None, None, out)
