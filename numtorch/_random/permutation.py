"""torch's randperm swap loop, computed without running it.

torch fills `r = [0, 1, ..., n-1]` and, for i = 0 .. n-2, swaps `r[i]` with `r[j[i]]`, where
`j[i] = i + random() % (n - i)` (so `j[i] >= i`). Each swap sees the earlier ones, which makes the
loop look sequential; this module gets the same permutation with a sort and a few gathers.

Write `f(i)` for the value sitting at position i just before step i. Before step i, position i has
only been written by earlier steps k with `j[k] == i` (each moved `f(k)` there), so
`f(i) = f(k)` for the last such k, or `f(i) = i` when there is none: a forest whose roots are
the untouched positions, resolved by pointer jumping. After step i, `r[i]` never changes again and
holds what position `j[i]` held before step i: `f(i)` when `j[i] == i`, otherwise `f(k)` for the
last earlier step k with the same partner `j[k] == j[i]`, or the untouched value `j[i]`.
"""

import numpy

_i64 = numpy.int64


def swap_permutation(partner):
    """The permutation torch's loop makes from `partner` (`partner[i] >= i`, length n - 1)."""
    n = partner.size + 1
    itype = numpy.int32 if n < 2**31 else _i64
    j = numpy.empty(n, _i64)
    j[:-1] = partner
    j[-1] = n - 1  # the last position is never swapped: it ends as f(n - 1)
    # Sorting (partner, step) pairs as one unique key groups the steps by partner, in step order.
    key = numpy.sort(j * n + numpy.arange(n, dtype=_i64))
    sorted_step = (key % n).astype(itype)
    sorted_partner = (key // n).astype(itype)
    del key
    same_as_before = sorted_partner[1:] == sorted_partner[:-1]
    # previous_same[i]: the last earlier step with i's partner (-1: none)
    previous_same = numpy.empty(n, itype)
    previous_same[sorted_step[0]] = -1
    previous_same[sorted_step[1:]] = numpy.where(same_as_before, sorted_step[:-1], -1)
    # last_into[p]: the last step whose partner is p; the other steps write to a spare slot n
    last_into = numpy.full(n + 1, -1, itype)
    group_end = numpy.empty(n, itype)
    numpy.copyto(group_end[:-1], numpy.where(same_as_before, n, sorted_partner[:-1]))
    group_end[-1] = sorted_partner[-1]
    last_into[group_end] = sorted_step
    index = numpy.arange(n, dtype=itype)
    self_swap = j == index
    # Steps into position i come before i unless i swaps with itself (then it is the group's last).
    writer = numpy.where(self_swap, previous_same, last_into[:-1])
    f = numpy.where(writer >= 0, writer, index)
    # Pointer jumping: every chain halves per round; only the positions still short of their root
    # take part (most chains are short, so the set shrinks fast).
    active = numpy.flatnonzero(writer >= 0).astype(itype)
    while active.size:
        f[active] = f[f[active]]
        parent = f[active]
        active = active[f[parent] != parent]
    # f[i] is now the root of i's chain: the original value that reaches position i
    earlier = f[numpy.maximum(previous_same, 0)]
    return numpy.where(self_swap, f, numpy.where(previous_same >= 0, earlier, j)).astype(_i64)


def swap_permutation_loop(partner):
    """torch's loop itself, step by step (the reference for tests)."""
    r = list(range(partner.size + 1))
    for i, j in enumerate(partner.tolist()):
        r[i], r[j] = r[j], r[i]
    return numpy.array(r, _i64)
