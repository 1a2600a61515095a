"""Crossing reduction for the layered layout (layout.py): the order of the nodes in each layer.

Nodes are integers; `up[v]` / `down[v]` are v's neighbours in the layer above / below.
"""


def count_crossings(upper, lower, down):
    """How many pairs of edges between two adjacent layers cross (inversions, Fenwick tree)."""
    pos = {v: i for i, v in enumerate(lower)}
    ends = sorted((i, pos[w]) for i, v in enumerate(upper) for w in down[v] if w in pos)
    tree = [0] * (len(lower) + 1)
    crossings = 0
    for seen, (_, p) in enumerate(ends):
        # edges already read that end to the right of p cross this one
        i, at_most_p = p + 1, 0
        while i > 0:
            at_most_p += tree[i]
            i -= i & -i
        crossings += seen - at_most_p
        i = p + 1
        while i <= len(lower):
            tree[i] += 1
            i += i & -i
    return crossings


def _total(layers, down):
    return sum(count_crossings(a, b, down) for a, b in zip(layers, layers[1:]))


def _initial_order(total, layer_of, down, roots):
    """Depth-first from the roots (in topological order): a node goes right of those before it."""
    layers = [[] for _ in range(max(layer_of, default=-1) + 1)]
    placed = [False] * total
    for root in roots:
        stack = [root]
        while stack:
            v = stack.pop()
            if placed[v]:
                continue
            placed[v] = True
            layers[layer_of[v]].append(v)
            stack.extend(reversed(down[v]))
    return layers


def _by_barycenter(layer, neighbours, pos):
    """The layer sorted by the mean position of each node's neighbours in the fixed layer; a node
    without neighbours there keeps its place."""
    keys = []
    for i, v in enumerate(layer):
        near = neighbours[v]
        keys.append((sum(pos[u] for u in near) / len(near) if near else pos[v], i))
    return [layer[i] for _, i in sorted(keys)]


def _pair_crossings(a, b, up, down, pos):
    """Crossings among edges of a and b (a left of b) to both neighbouring layers."""
    count = 0
    for side in (up, down):
        for x in side[a]:
            for y in side[b]:
                if pos[x] > pos[y]:
                    count += 1
    return count


def _transpose(layers, up, down, pos, passes=8):
    """Swaps neighbours in a layer while that removes crossings."""
    for _ in range(passes):
        improved = False
        for layer in layers:
            for i in range(len(layer) - 1):
                a, b = layer[i], layer[i + 1]
                if _pair_crossings(b, a, up, down, pos) < _pair_crossings(a, b, up, down, pos):
                    layer[i], layer[i + 1] = b, a
                    pos[a], pos[b] = i + 1, i
                    improved = True
        if not improved:
            return


def order_layers(total, layer_of, up, down, roots, iterations=24):
    """Layers (lists of nodes, left to right) with few crossings: barycenter sweeps down and up,
    each followed by adjacent swaps; the best order seen is kept."""
    layers = _initial_order(total, layer_of, down, roots)
    pos = [0] * total

    def index(ls):
        for layer in ls:
            for i, v in enumerate(layer):
                pos[v] = i

    index(layers)
    _transpose(layers, up, down, pos)
    best = [list(layer) for layer in layers]
    best_count = _total(layers, down)
    stale = 0
    for it in range(iterations):
        if best_count == 0 or stale >= 6:
            break
        if it % 2 == 0:
            for r in range(1, len(layers)):
                layers[r] = _by_barycenter(layers[r], up, pos)
                index([layers[r]])
        else:
            for r in range(len(layers) - 2, -1, -1):
                layers[r] = _by_barycenter(layers[r], down, pos)
                index([layers[r]])
        _transpose(layers, up, down, pos)
        count = _total(layers, down)
        if count < best_count:
            best, best_count, stale = [list(layer) for layer in layers], count, 0
        else:
            stale += 1
    return best
