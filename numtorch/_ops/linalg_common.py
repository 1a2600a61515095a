"""Shared pieces of numtorch.linalg: torch's argument checks and messages, LinAlgError, and the
array helpers (batched LU with LAPACK's pivoting, info codes) the decompositions use.
"""

from numtorch import _dtype
from numtorch._errors import type_name
from numtorch._tensor import Tensor


class _LinAlgError(RuntimeError):
    """Same as `torch.linalg.LinAlgError` (torch's class is named _LinAlgError too)."""


_LinAlgError.__module__ = "torch._C"
LinAlgError = _LinAlgError

_HALF = (_dtype.float16, _dtype.bfloat16)


def need_tensor(fname, argname, value, position=1):
    if not isinstance(value, Tensor):
        raise TypeError(
            f"{fname}(): argument '{argname}' (position {position}) must be Tensor, not "
            f"{type(value).__name__}"
        )


def check_matrix(fname, A, *, square=True, name="A", low_precision=None, float_only=True):
    """torch's checks of a (batch of) matrices, in its order: dims, squareness, dtype.

    low_precision: what float16/bfloat16 raise: None (allowed), "low" (torch's "Low precision
    dtypes not supported"), or the name of the kernel that is not implemented for them.
    """
    if A.dim() < 2:
        raise RuntimeError(f"{fname}: The input tensor {name} must have at least 2 dimensions.")
    if square and A.shape[-1] != A.shape[-2]:
        raise RuntimeError(
            f"{fname}: {name} must be batches of square matrices, but they are "
            f"{A.shape[-2]} by {A.shape[-1]} matrices"
        )
    if float_only and A.dtype.category < _dtype.FLOAT:
        raise RuntimeError(
            f"{fname}: Expected a floating point or complex tensor as input. Got "
            f"{type_name(A.dtype)}"
        )
    if A.dtype in _HALF and low_precision is not None:
        if low_precision == "low":
            raise RuntimeError(
                f"{fname}: Low precision dtypes not supported. Got {type_name(A.dtype)}"
            )
        raise not_implemented(low_precision, A.dtype)


def not_implemented(kernel, dtype):
    return NotImplementedError(f"\"{kernel}\" not implemented for '{type_name(dtype)}'")


def check_same_dtype(fname, A, B, names=("A", "B")):
    if A.dtype is not B.dtype:
        raise RuntimeError(
            f"{fname}: Expected {names[0]} and {names[1]} to have the same dtype, but found "
            f"{names[0]} of type {type_name(A.dtype)} and {names[1]} of type "
            f"{type_name(B.dtype)} instead"
        )


def batch_str(info_index):
    """torch's batch wording for a failed matrix: '' for one matrix, else '(Batch element k): '."""
    return "" if info_index is None else f"(Batch element {info_index}): "


def raise_for_info(info, message):
    """Raises LinAlgError with `message(code)` for the first failed matrix (info != 0)."""
    flat = info.reshape(-1)
    bad = (flat != 0).nonzero()[0]
    if not len(bad):
        return
    k = int(bad[0])
    prefix = batch_str(k if info.ndim else None)
    raise LinAlgError(prefix + message(int(flat[k])))


# ---------------------------------------------------------------- array helpers


def lu_info(xp, a):
    """LAPACK getrf's info for each matrix of the stack `a`: 0, or the 1-based index of the
    first exactly zero pivot of the partially pivoted LU (the elimination goes on past it)."""
    lu = a.astype(a.dtype, copy=True)
    n = lu.shape[-1]
    batch = lu.shape[:-2]
    info = xp.zeros(batch, dtype="int32")
    rows = xp.arange(n)
    for k in range(n):
        col = xp.abs(lu[..., k:, k])
        piv = k + col.argmax(axis=-1)
        # swap row k with the pivot row in every matrix
        idx = xp.broadcast_to(rows, batch + (n,)).copy()
        idx[..., k] = piv
        xp.put_along_axis(idx, piv[..., None], k, axis=-1)
        lu = xp.take_along_axis(lu, idx[..., :, None], axis=-2)
        pivot = lu[..., k, k]
        zero = pivot == 0
        info = xp.where(zero & (info == 0), k + 1, info).astype("int32")
        safe = xp.where(zero, 1, pivot)
        factors = lu[..., k + 1 :, k] / safe[..., None]
        factors = xp.where(zero[..., None], 0, factors)
        lu[..., k + 1 :, k] = factors
        lu[..., k + 1 :, k + 1 :] -= factors[..., :, None] * lu[..., k, None, k + 1 :]
    return info


def cholesky_info(xp, a):
    """potrf's info for each matrix: 0, or the order of the first leading minor that is not
    positive-definite."""
    batch = a.shape[:-2]
    flat = a.reshape((-1,) + a.shape[-2:])
    info = []
    for m in flat:
        code = 0
        for k in range(1, m.shape[-1] + 1):
            try:
                xp.linalg.cholesky(m[:k, :k])
            except Exception:  # noqa: BLE001 - numpy and cupy raise different classes
                code = k
                break
        info.append(code)
    return xp.asarray(info, dtype="int32").reshape(batch)


def batched(xp, fn, a):
    """fn over each matrix of a stack (for the xp.linalg routines that take one matrix)."""
    batch = a.shape[:-2]
    flat = a.reshape((-1,) + a.shape[-2:])
    outs = [fn(m) for m in flat]
    if not outs:
        return None
    return [xp.stack(parts).reshape(batch + parts[0].shape) for parts in zip(*outs)]


def column_major(xp, a, dtype=None):
    """`a` laid out as LAPACK leaves torch's results: each matrix column-major (strides
    (..., 1, rows)), as the values of a transposed C-contiguous array."""
    a = a if dtype is None else a.astype(dtype, copy=False)
    return xp.swapaxes(xp.ascontiguousarray(xp.swapaxes(a, -1, -2)), -1, -2)
