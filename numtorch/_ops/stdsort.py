"""The selection and sorting algorithms behind torch's CPU sort, topk and kthvalue, step for step,
so that equal values come out in torch's order (which is not the stable one).

torch's unstable sort is libstdc++'s `std::sort` (introsort), topk uses `std::partial_sort` or
`std::nth_element` then `std::sort`, and kthvalue a median-of-three quickselect. Each works
here on a Python list of element ids under a strict order `key[a] < key[b]`; the callers use
them only for rows with ties, where the result depends on the algorithm.
"""

_THRESHOLD = 16  # libstdc++'s size below which introsort leaves a range to insertion sort


def _lg(n):
    return n.bit_length() - 1


# ---------------------------------------------------------------- heaps


def _push_heap(a, key, first, hole, top, value):
    parent = (hole - 1) // 2
    while hole > top and key[a[first + parent]] < key[value]:
        a[first + hole] = a[first + parent]
        hole = parent
        parent = (hole - 1) // 2
    a[first + hole] = value


def _adjust_heap(a, key, first, hole, length, value):
    top = hole
    child = hole
    while child < (length - 1) // 2:
        child = 2 * (child + 1)
        if key[a[first + child]] < key[a[first + child - 1]]:
            child -= 1
        a[first + hole] = a[first + child]
        hole = child
    if length % 2 == 0 and child == (length - 2) // 2:
        child = 2 * (child + 1)
        a[first + hole] = a[first + child - 1]
        hole = child - 1
    _push_heap(a, key, first, hole, top, value)


def _make_heap(a, key, first, last):
    length = last - first
    if length < 2:
        return
    parent = (length - 2) // 2
    while True:
        _adjust_heap(a, key, first, parent, length, a[first + parent])
        if parent == 0:
            return
        parent -= 1


def _pop_heap(a, key, first, last, result):
    value = a[result]
    a[result] = a[first]
    _adjust_heap(a, key, first, 0, last - first, value)


def _heap_select(a, key, first, middle, last):
    _make_heap(a, key, first, middle)
    for i in range(middle, last):
        if key[a[i]] < key[a[first]]:
            _pop_heap(a, key, first, middle, i)


def _sort_heap(a, key, first, last):
    while last - first > 1:
        last -= 1
        _pop_heap(a, key, first, last, last)


def partial_sort(a, key, first, middle, last):
    """`std::partial_sort`: the smallest middle-first elements, sorted, at the front."""
    _heap_select(a, key, first, middle, last)
    _sort_heap(a, key, first, middle)


# ---------------------------------------------------------------- introsort


def _move_median_to_first(a, key, result, x, y, z):
    kx, ky, kz = key[a[x]], key[a[y]], key[a[z]]
    if kx < ky:
        pick = y if ky < kz else (z if kx < kz else x)
    elif kx < kz:
        pick = x
    elif ky < kz:
        pick = z
    else:
        pick = y
    a[result], a[pick] = a[pick], a[result]


def _unguarded_partition(a, key, first, last, pivot):
    kp = key[a[pivot]]
    while True:
        while key[a[first]] < kp:
            first += 1
        last -= 1
        while kp < key[a[last]]:
            last -= 1
        if not first < last:
            return first
        a[first], a[last] = a[last], a[first]
        first += 1


def _partition_pivot(a, key, first, last):
    mid = first + (last - first) // 2
    _move_median_to_first(a, key, first, first + 1, mid, last - 1)
    return _unguarded_partition(a, key, first + 1, last, first)


def _unguarded_linear_insert(a, key, last):
    value = a[last]
    kv = key[value]
    prev = last - 1
    while kv < key[a[prev]]:
        a[last] = a[prev]
        last = prev
        prev -= 1
    a[last] = value


def _insertion_sort(a, key, first, last):
    if first == last:
        return
    for i in range(first + 1, last):
        if key[a[i]] < key[a[first]]:
            value = a[i]
            a[first + 1 : i + 1] = a[first:i]
            a[first] = value
        else:
            _unguarded_linear_insert(a, key, i)


def _introsort_loop(a, key, first, last, depth):
    while last - first > _THRESHOLD:
        if depth == 0:
            partial_sort(a, key, first, last, last)
            return
        depth -= 1
        cut = _partition_pivot(a, key, first, last)
        _introsort_loop(a, key, cut, last, depth)
        last = cut


def std_sort(a, key, first, last):
    """`std::sort` on a[first:last] (libstdc++'s introsort and final insertion sort)."""
    if last - first < 2:
        return
    _introsort_loop(a, key, first, last, 2 * _lg(last - first))
    if last - first > _THRESHOLD:
        _insertion_sort(a, key, first, first + _THRESHOLD)
        for i in range(first + _THRESHOLD, last):
            _unguarded_linear_insert(a, key, i)
    else:
        _insertion_sort(a, key, first, last)


def nth_element(a, key, first, nth, last):
    """`std::nth_element` (libstdc++'s introselect)."""
    if first == last or nth == last:
        return
    depth = 2 * _lg(last - first)
    while last - first > 3:
        if depth == 0:
            _heap_select(a, key, first, nth + 1, last)
            a[first], a[nth] = a[nth], a[first]
            return
        depth -= 1
        cut = _partition_pivot(a, key, first, last)
        if cut <= nth:
            first = cut
        else:
            last = cut
    _insertion_sort(a, key, first, last)


# ---------------------------------------------------------------- torch's quickselect


def quick_select(a, key, k):
    """torch's kthvalue selection (median-of-three quickselect, Sedgewick's partition): the
    element of rank k (0-based) ends at a[k]."""
    left, right = 0, len(a) - 1
    while True:
        if right <= left:
            return
        if right == left + 1:
            if key[a[left]] > key[a[right]]:
                a[left], a[right] = a[right], a[left]
            return
        mid = (left + right) >> 1
        a[mid], a[left + 1] = a[left + 1], a[mid]
        if key[a[left + 1]] > key[a[right]]:
            a[left + 1], a[right] = a[right], a[left + 1]
        if key[a[left]] > key[a[right]]:
            a[left], a[right] = a[right], a[left]
        if key[a[left + 1]] > key[a[left]]:
            a[left + 1], a[left] = a[left], a[left + 1]
        i, j = left + 1, right
        pivot = key[a[left]]
        while True:
            i += 1
            while pivot > key[a[i]]:
                i += 1
            j -= 1
            while key[a[j]] > pivot:
                j -= 1
            if j < i:
                break
            a[i], a[j] = a[j], a[i]
        a[left], a[j] = a[j], a[left]
        if j <= k:
            left = i
        if j >= k:
            right = j - 1
