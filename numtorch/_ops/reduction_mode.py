"""mode: the most frequent value of each slice and an index of it, as torch's CPU kernel picks.

torch sorts each slice's (value, index) pairs by value with std::sort, then walks the runs of
equal values: the first longest run wins (the smallest value), and its last pair gives the
index. std::sort is not stable, so for slices longer than 16 (or holding NaN, which breaks its
ordering) the index depends on libstdc++'s introsort; `std_sort` replays that algorithm on the
host. Shorter NaN-free slices take a vectorised path: there std::sort is an insertion sort,
which is stable, so the index is the last occurrence of the value.
"""

from numtorch import _dtype
from numtorch._errors import wrap_dim
from numtorch._ops.reduction import NOT_GIVEN, empty_dim_error, no_kernel, return_type
from numtorch._ops.reduction_minmax import select_backward
from numtorch._ops.registry import FORWARD, REGISTRY, apply, op, public

mode_result = return_type("mode")
mode_out_result = return_type("mode_out")

_THRESHOLD = 16  # libstdc++'s _S_threshold: below it std::sort is an insertion sort


# ---------------------------------------------------------------- libstdc++'s std::sort


def std_sort(a, less):
    """Sorts list `a` in place exactly as libstdc++'s std::sort(first, last, less) does."""
    n = len(a)
    if n > 1:
        _introsort_loop(a, 0, n, 2 * (n.bit_length() - 1), less)
        _final_insertion_sort(a, 0, n, less)


def _introsort_loop(a, first, last, depth, less):
    while last - first > _THRESHOLD:
        if depth == 0:
            _heap_sort(a, first, last, less)
            return
        depth -= 1
        cut = _partition_pivot(a, first, last, less)
        _introsort_loop(a, cut, last, depth, less)
        last = cut


def _partition_pivot(a, first, last, less):
    mid = first + (last - first) // 2
    x, y, z = first + 1, mid, last - 1
    if less(a[x], a[y]):
        if less(a[y], a[z]):
            pick = y
        elif less(a[x], a[z]):
            pick = z
        else:
            pick = x
    elif less(a[x], a[z]):
        pick = x
    elif less(a[y], a[z]):
        pick = z
    else:
        pick = y
    a[first], a[pick] = a[pick], a[first]
    lo, hi, pivot = first + 1, last, a[first]
    while True:
        while lo < last - 1 and less(a[lo], pivot):
            lo += 1
        hi -= 1
        while hi > first and less(pivot, a[hi]):
            hi -= 1
        if not lo < hi:
            return lo
        a[lo], a[hi] = a[hi], a[lo]
        lo += 1


def _final_insertion_sort(a, first, last, less):
    if last - first > _THRESHOLD:
        _insertion_sort(a, first, first + _THRESHOLD, less)
        for i in range(first + _THRESHOLD, last):
            _linear_insert(a, i, less)
    else:
        _insertion_sort(a, first, last, less)


def _insertion_sort(a, first, last, less):
    for i in range(first + 1, last):
        if less(a[i], a[first]):
            a[first + 1 : i + 1], a[first] = a[first:i], a[i]
        else:
            _linear_insert(a, i, less)


def _linear_insert(a, last, less):
    val = a[last]
    prev = last - 1
    while prev >= 0 and less(val, a[prev]):
        a[last] = a[prev]
        last, prev = prev, prev - 1
    a[last] = val


def _heap_sort(a, first, last, less):
    """std::__partial_sort(first, last, last): make_heap, then sort_heap."""
    n = last - first
    if n >= 2:
        parent = (n - 2) // 2
        while True:
            _adjust_heap(a, first, parent, n, a[first + parent], less)
            if parent == 0:
                break
            parent -= 1
    while last - first > 1:
        last -= 1
        value = a[last]
        a[last] = a[first]
        _adjust_heap(a, first, 0, last - first, value, less)


def _adjust_heap(a, first, hole, n, value, less):
    top = hole
    child = hole
    while child < (n - 1) // 2:
        child = 2 * (child + 1)
        if less(a[first + child], a[first + child - 1]):
            child -= 1
        a[first + hole] = a[first + child]
        hole = child
    if n % 2 == 0 and child == (n - 2) // 2:
        child = 2 * (child + 1)
        a[first + hole] = a[first + child - 1]
        hole = child - 1
    parent = (hole - 1) // 2
    while hole > top and less(a[first + parent], value):
        a[first + hole] = a[first + parent]
        hole = parent
        parent = (hole - 1) // 2
    a[first + hole] = value


def nth_element(a, nth, less):
    """Partially sorts list `a` in place as libstdc++'s std::nth_element(first, nth, last)."""
    first, last = 0, len(a)
    depth = 2 * (last.bit_length() - 1) if last else 0
    while last - first > 3:
        if depth == 0:
            _heap_select(a, first, nth + 1, last, less)
            a[first], a[nth] = a[nth], a[first]
            return
        depth -= 1
        cut = _partition_pivot(a, first, last, less)
        if cut <= nth:
            first = cut
        else:
            last = cut
    _insertion_sort(a, first, last, less)


def _heap_select(a, first, middle, last, less):
    n = middle - first
    if n >= 2:
        parent = (n - 2) // 2
        while True:
            _adjust_heap(a, first, parent, n, a[first + parent], less)
            if parent == 0:
                break
            parent -= 1
    for i in range(middle, last):
        if less(a[i], a[first]):
            value = a[i]
            a[i] = a[first]
            _adjust_heap(a, first, 0, n, value, less)


def first_of_nth_element(n):
    """The index nanmedian's kernel lands on for a slice of n NaNs: its nth_element at 0 with a
    comparison that is always false."""
    order = list(range(n))
    nth_element(order, 0, lambda p, q: False)
    return order[0]


def _by_value(p, q):
    return p[0] < q[0]


def _mode_of_row(values):
    """(index of the mode) for one slice given as a Python list, replaying torch's kernel."""
    pairs = [(v, i) for i, v in enumerate(values)]
    std_sort(pairs, _by_value)
    best_index, best_freq, freq = 0, 0, 0
    for i, (v, k) in enumerate(pairs):
        freq += 1
        if i == len(pairs) - 1 or v != pairs[i + 1][0]:
            if freq > best_freq:
                best_index, best_freq = k, freq
            freq = 0
    return best_index


# ---------------------------------------------------------------- the op


def _mode_indices(xp, rows):
    """The index torch's mode picks in each row of a 2-d array."""
    n = rows.shape[1]
    nan_rows = xp.isnan(rows).any(axis=1) if _dtype.np_kind(rows.dtype) == "f" else None
    order = xp.argsort(rows, axis=1, kind="stable")
    ordered = xp.take_along_axis(rows, order, axis=1)
    run_start = xp.ones(rows.shape, dtype=bool)
    run_start[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    run_id = xp.cumsum(run_start, axis=1) - 1
    positions = xp.arange(n)
    start_pos = xp.maximum.accumulate(xp.where(run_start, positions, 0), axis=1)
    length = positions - start_pos + 1
    run_end = xp.ones(rows.shape, dtype=bool)
    run_end[:, :-1] = run_start[:, 1:]
    score = xp.where(run_end, length * (n + 1) + (n - run_id), -1)
    best = xp.argmax(score, axis=1)[:, None]
    indices = xp.take_along_axis(order, best, axis=1)[:, 0]
    replay = range(rows.shape[0]) if n > _THRESHOLD else ()
    if nan_rows is not None and n <= _THRESHOLD:
        replay = [int(r) for r in xp.nonzero(nan_rows)[0]]
    if len(replay):
        host = rows.tolist()
        indices = indices.copy()
        for r in replay:
            indices[r] = _mode_of_row(host[r])
    return indices


@op(
    "mode",
    grad_fn="ModeBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=mode_result,
)
def _mode(xp, input, *, dim, keepdim):
    if input.ndim == 0:
        return input.copy(), xp.zeros((), "int64")
    moved = xp.moveaxis(input, dim, -1)
    rows = moved.reshape(-1, moved.shape[-1])
    idx = xp.expand_dims(_mode_indices(xp, rows).reshape(moved.shape[:-1]), dim)
    values = xp.take_along_axis(input, idx, axis=dim)
    if not keepdim:
        values, idx = values.squeeze(dim), idx.squeeze(dim)
    return values, idx.astype("int64")


@_mode.backward
def _(grad, grad_indices, *, needs, self_sym_sizes, dim, keepdim, result1):
    return select_backward(grad, dim, result1, self_sym_sizes, keepdim)


@public(method=True)
def mode(input, dim=-1, keepdim=False, *, out=None):
    """Same as `torch.mode`: (values, indices) of the most frequent value along `dim`; the
    smallest such value, and the index torch's kernel lands on."""
    if input.dtype.is_complex:
        raise no_kernel("mode_cpu", input.dtype)
    if dim is NOT_GIVEN or not isinstance(dim, int):
        raise TypeError(f"mode(): argument 'dim' must be int, not {type(dim).__name__}")
    d = wrap_dim(dim, input._data.ndim)
    if input._data.ndim:
        empty_dim_error("mode", input, (d,))
    res = apply(REGISTRY["mode"], (input,), {"dim": d, "keepdim": keepdim}, out)
    return res if out is None else mode_out_result(*res)
