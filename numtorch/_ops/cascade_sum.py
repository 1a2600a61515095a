"""Floating-point sums in the order torch's CPU kernel adds (AVX2 build, one thread).

torch sums floats by a cascade: 16 (or more) consecutive terms are added one after the other, those
chunk sums are added 16 at a time on the next level, and so on for four levels; along a
contiguous axis the terms are first dealt round-robin to four accumulators of eight float32 lanes
(four float64 lanes). NumPy's pairwise sum groups differently, so float32 results differ in the
last bits, and a value that is only rounding noise (the gradient of a parameter whose exact
gradient is 0) differs completely. This module reproduces torch's grouping with NumPy additions
that run one term after the other in the array's own dtype: `add.reduce` over an axis that is not
the innermost in memory (NumPy then adds whole rows elementwise, it only pairs terms when the
reduced axis is the inner loop), `cumsum` where that cannot be arranged.

`cascade_sum(xp, array, axes)` covers a dense float32/float64 NumPy array summed over all its
axes, over the axes innermost in memory (torch's inner reduction) or over the outermost ones (its
outer reduction); it returns None for any other case, where the caller keeps its own sum.
With more than one thread torch splits a full sum of more than 32768 elements between the threads
(each sums its share in this order, then the shares are added); this module follows one thread.

The exact order is opt-in: it costs about 3x NumPy's sum on large arrays and ~10 us of Python on
small ones, and torch itself leaves it at more than one thread. NUMTORCH_SUM_ORDER=torch in the
environment (read at import) or `TORCH_ORDER = True` here turns it on; otherwise
`torch_order_sum` is NumPy's sum.
"""

import os

TORCH_ORDER = os.environ.get("NUMTORCH_SUM_ORDER", "").lower() == "torch"
LEVELS = 4
ILP = 4  # accumulators a row is dealt to
VECTOR_BYTES = 32  # AVX2


def _sequential(xp, terms, axis):
    """terms summed one after the other along `axis`, from the first."""
    if terms.shape[axis] == 0:
        return xp.zeros(terms.shape[:axis] + terms.shape[axis + 1 :], dtype=terms.dtype)
    last = terms.ndim - 1
    if last > axis and terms.shape[last] > 1 and terms.strides[last] < terms.strides[axis]:
        # NumPy's reduction loop runs innermost along the smallest stride: the reduced axis is not
        # that one, so every output gets its terms added in order, whole rows at a time
        return xp.add.reduce(terms, axis=axis)
    return xp.cumsum(terms, axis=axis).take(-1, axis=axis)


def _ceil_log2(n):
    return 0 if n <= 1 else (n - 1).bit_length()


def _chunked(xp, terms, step):
    """Sums of the full chunks of `step` consecutive terms, and the sum of the leftover terms."""
    full = terms.shape[0] // step
    head = terms[: full * step].reshape((full, step) + terms.shape[1:])
    return _sequential(xp, head, 1), _sequential(xp, terms[full * step :], 0)


def _multi_row_sum(xp, rows):
    """torch's multi_row_sum: `rows` (n, *lanes) summed over n with the four-level cascade."""
    level_power = max(4, _ceil_log2(rows.shape[0]) // LEVELS)
    step = 1 << level_power
    chunks = rows
    parts = []  # what each level holds at the end, from level 0
    for _ in range(LEVELS - 1):
        if chunks.shape[0] < step:  # the levels above stay at zero
            break
        chunks, rest = _chunked(xp, chunks, step)
        parts.append(rest)
    parts.append(_sequential(xp, chunks, 0))
    # levels 0 to 2 flushed every `step` sums into the next level; level 3 never flushes
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


def _row_sum(xp, terms):
    """torch's row_sum: `terms` (n, *lanes) dealt to ILP accumulators, then combined."""
    n = terms.shape[0]
    dealt = n // ILP
    head = terms[: dealt * ILP].reshape((dealt, ILP) + terms.shape[1:])
    partial = _multi_row_sum(xp, head)
    # accumulator 0, then the terms left over from the dealing, then accumulators 1, 2 and 3
    order = xp.concatenate((partial[:1], terms[dealt * ILP :], partial[1:]))
    return _sequential(xp, order, 0)


def _inner(xp, rows):
    """Sums of each row of the C-contiguous 2-D `rows` (torch's inner reduction)."""
    count, size = rows.shape
    width = VECTOR_BYTES // rows.dtype.itemsize
    if size < width:  # scalar_inner_sum
        return _row_sum(xp, rows.T)
    vectors = size // width
    lanes = rows[:, : vectors * width].reshape(count, vectors, width).transpose(1, 0, 2)
    lane_sums = _row_sum(xp, lanes)  # (count, width)
    # the elements after the last full vector first, then the lanes in order
    order = xp.concatenate((rows[:, vectors * width :], lane_sums), axis=1)
    return _sequential(xp, order.T, 0)


def _full(xp, flat):
    """The sum of the 1-D contiguous `flat` (torch's inner reduction of a single row, its
    commonest case, with fewer array operations than `_inner`)."""
    n = flat.shape[0]
    width = VECTOR_BYTES // flat.dtype.itemsize
    if n < width:  # scalar_inner_sum: terms dealt to the accumulators only when 4 or more
        order = flat if n < ILP else xp.concatenate((flat[:1], flat[ILP:], flat[1:ILP]))
        return _sequential(xp, order, 0)
    vectors = n // width
    rows = vectors // ILP  # a row: one vector for each accumulator
    dealt = rows * ILP * width
    if rows:
        lead = _multi_row_sum(xp, flat[:dealt].reshape(rows, ILP * width)).reshape(ILP, width)
        order = xp.concatenate(
            (lead[:1], flat[dealt : vectors * width].reshape(-1, width), lead[1:])
        )
    else:
        order = flat[: vectors * width].reshape(vectors, width)
    lanes = _sequential(xp, order, 0)
    return _sequential(xp, xp.concatenate((flat[vectors * width :], lanes)), 0)


def _outer(xp, columns):
    """Sums over axis 0 of the C-contiguous 2-D `columns` (torch's outer reduction)."""
    size, count = columns.shape
    width = VECTOR_BYTES // columns.dtype.itemsize
    group = ILP * width if count >= width else ILP  # vectorized_outer_sum or scalar_outer_sum
    grouped = count // group * group
    if grouped == count:
        return _multi_row_sum(xp, columns)
    if grouped == 0:
        return _row_sum(xp, columns)
    return xp.concatenate(
        (_multi_row_sum(xp, columns[:, :grouped]), _row_sum(xp, columns[:, grouped:]))
    )


def cascade_sum(xp, array, axes):
    """`array` summed over `axes` (a tuple of axes) in torch's order, or None where not covered."""
    if getattr(xp, "__name__", "") != "numpy":  # torch's CUDA kernel adds in another order
        return None
    if array.dtype.kind != "f" or array.dtype.itemsize not in (4, 8) or array.size <= 1:
        return None
    ndim = array.ndim
    if len(axes) == ndim and array.flags.c_contiguous:  # the common full sum
        return _full(xp, array.reshape(-1)) + 0
    axes = {a % ndim for a in axes}
    # torch's iterator walks the reduced dims from the largest stride to the smallest, the kept
    # ones in the order of its (C-contiguous) result: cover the layouts where both agree
    order = sorted(range(ndim), key=lambda a: -abs(array.strides[a]))
    kept_walked = [a for a in order if a not in axes and array.shape[a] != 1]
    if kept_walked != sorted(kept_walked):
        return None
    walked = array.transpose(order)
    if not walked.flags.c_contiguous:
        return None
    # dims of size 1 drop out; the reduced dims must then be the inner ones (inner reduction) or
    # the outer ones (outer reduction) for the kernels reproduced here
    flags = [a in axes for a in order if array.shape[a] != 1]
    reduced = 1
    for a in axes:
        reduced *= array.shape[a]
    if reduced == 1:
        return None
    outputs = array.size // reduced
    if flags == sorted(flags):  # kept dims first, reduced dims last
        result = _inner(xp, walked.reshape(outputs, reduced))
    elif flags == sorted(flags, reverse=True):
        result = _outer(xp, walked.reshape(reduced, outputs))
    else:
        return None
    result = result.reshape(tuple(n for a, n in enumerate(array.shape) if a not in axes))
    return result + 0  # torch's accumulators start at +0.0


def torch_order_sum(xp, array, axis=None, keepdims=False):
    """`array.sum(axis=axis, keepdims=keepdims)`, with float32/float64 terms added in torch's
    order wherever `cascade_sum` covers the layout (NumPy's own order elsewhere) when
    TORCH_ORDER is on."""
    if not TORCH_ORDER:
        return array.sum(axis=axis, keepdims=keepdims)
    if axis is None:
        axes = tuple(range(array.ndim))
    else:
        axes = tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)
    result = cascade_sum(xp, array, axes)
    if result is None:
        return array.sum(axis=axis, keepdims=keepdims)
    if keepdims:
        kept = {a % array.ndim for a in axes}
        result = result.reshape(tuple(1 if a in kept else n for a, n in enumerate(array.shape)))
    return result
