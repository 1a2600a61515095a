"""A layered (Sugiyama-style) layout in pure Python, for drawing graphs without Graphviz.

Steps: break cycles (reverse DFS back edges), assign layers (longest path, then sources pulled
down next to their consumers), put dummy nodes on edges that span layers, order each layer to
reduce crossings (barycenter sweeps and adjacent swaps, keeping the best order seen), then place
nodes: layers top to bottom; x solved per layer as the closest non-overlapping positions to the
neighbours' mean (isotonic regression), sweeping up and down. Coordinates are in points (1/72 in);
nodes are boxes given by their centre and size. svg.py draws the result.
"""

import re

from numtorch.viz.crossing import count_crossings, order_layers

POINTS_PER_INCH = 72.0
LINE_HEIGHT = 1.2  # times the font size, as Graphviz
MARGIN_X = 0.11 * POINTS_PER_INCH  # Graphviz's default label margin inside a box
MARGIN_Y = 0.055 * POINTS_PER_INCH
_ESCAPE = re.compile(r"\\(.)|\n", re.DOTALL)


class NodeBox:
    """A placed node: centre (x, y), size (width, height), and its label lines."""

    __slots__ = ("name", "x", "y", "width", "height", "lines", "attrs")

    def __init__(self, name, width, height, lines=(), attrs=None):
        self.name = name
        self.width = width
        self.height = height
        self.lines = list(lines)
        self.attrs = attrs or {}
        self.x = self.y = 0.0

    @property
    def left(self):
        return self.x - self.width / 2

    @property
    def right(self):
        return self.x + self.width / 2

    @property
    def top(self):
        return self.y - self.height / 2

    @property
    def bottom(self):
        return self.y + self.height / 2


class EdgeRoute:
    """An edge drawn through `points` (tail centre, dummy positions, head centre) in layout
    order; `reversed` when it was turned around to break a cycle (so it points up)."""

    __slots__ = ("tail", "head", "points", "reversed", "attrs", "parallel")

    def __init__(self, tail, head, points, reversed=False, attrs=None, parallel=0):
        self.tail, self.head, self.points = tail, head, points
        self.reversed = reversed
        self.attrs = attrs or {}
        self.parallel = parallel  # index among edges joining the same two nodes


class Layout:
    __slots__ = ("nodes", "edges", "width", "height", "crossings")

    def __init__(self, nodes, edges, width, height, crossings):
        self.nodes, self.edges = nodes, edges
        self.width, self.height = width, height
        self.crossings = crossings


def label_lines(label, name):
    """The label's lines as (text, justification 'c'|'l'|'r'), reading DOT's escapes."""
    lines, current = [], []
    pos = 0
    label = label if label is not None else "\\N"
    for m in _ESCAPE.finditer(label):
        current.append(label[pos : m.start()])
        pos = m.end()
        code = m.group(1)
        if code is None or code in "nlr":
            lines.append(("".join(current), "c" if code in (None, "n") else code))
            current = []
        elif code == "N":
            current.append(name)
        elif code in ("G", "E", "T", "H"):
            current.append("")
        else:
            current.append(code)
    current.append(label[pos:])
    tail = "".join(current)
    if tail or not lines:
        lines.append((tail, "c"))
    return lines


def text_width(text, fontsize, fontname):
    """Estimated width in points: monospace fonts are 0.6 em per character, others ~0.55."""
    per_char = 0.6 if "mono" in fontname.lower() or "courier" in fontname.lower() else 0.55
    return len(text) * per_char * fontsize


def _inches(value, default):
    try:
        return float(value) * POINTS_PER_INCH
    except (TypeError, ValueError):
        return default * POINTS_PER_INCH


def measure_node(name, attrs):
    """A NodeBox sized for the node's label, font and width/height attributes."""
    fontsize = float(attrs.get("fontsize", 14))
    fontname = attrs.get("fontname", "Times-Roman")
    lines = label_lines(attrs.get("label"), name)
    text_w = max(text_width(t, fontsize, fontname) for t, _ in lines)
    text_h = len(lines) * fontsize * LINE_HEIGHT
    width = max(_inches(attrs.get("width"), 0.75), text_w + 2 * MARGIN_X)
    height = max(_inches(attrs.get("height"), 0.5), text_h + 2 * MARGIN_Y)
    if attrs.get("shape", "ellipse") not in ("box", "rect", "rectangle", "square", "plaintext"):
        width, height = width * 1.4142, height * 1.4142  # an ellipse around the text's box
    return NodeBox(name, width, height, lines, attrs)


def layout_graph(graph):
    """Lays out a Digraph (dot.py): node defaults from its node_attr, spacing from graph_attr."""
    boxes = [measure_node(n, {**graph.node_attr, **a}) for n, a in graph.nodes.items()]
    edges = [(t, h, {**graph.edge_attr, **a}) for t, h, a in graph.edges]
    nodesep = _inches(graph.graph_attr.get("nodesep"), 0.25)
    ranksep = _inches(str(graph.graph_attr.get("ranksep", "0.5")).split()[0], 0.5)
    return layered_layout(boxes, edges, nodesep=nodesep, ranksep=ranksep)


def _break_cycles(n, succ):
    """Edges (u, v) that close a cycle in a depth-first search: reversing them leaves a DAG."""
    state = [0] * n  # 0 new, 1 on the stack, 2 done
    back = set()
    for root in range(n):
        if state[root]:
            continue
        state[root] = 1
        stack = [(root, iter(succ[root]))]
        while stack:
            u, it = stack[-1]
            v = next(it, None)
            if v is None:
                state[u] = 2
                stack.pop()
            elif state[v] == 1:
                back.add((u, v))
            elif state[v] == 0:
                state[v] = 1
                stack.append((v, iter(succ[v])))
    return back


def _assign_ranks(n, succ, pred):
    """Longest path from the sources; then, bottom up, every node with at least as many edges
    out as in moves down next to its highest consumer (shorter edges from leaves)."""
    indeg = [len(p) for p in pred]
    order = [v for v in range(n) if indeg[v] == 0]
    for u in order:  # Kahn's algorithm: `order` grows while it is read
        for v in succ[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                order.append(v)
    rank = [0] * n
    for u in order:
        for v in succ[u]:
            rank[v] = max(rank[v], rank[u] + 1)
    for u in reversed(order):
        if succ[u] and len(succ[u]) >= len(pred[u]):
            rank[u] = min(rank[v] for v in succ[u]) - 1
    used = sorted(set(rank))
    compact = {r: i for i, r in enumerate(used)}
    return [compact[r] for r in rank], order


def layered_layout(boxes, edges, nodesep=18.0, ranksep=36.0, margin=4.0):
    """Places `boxes` (NodeBox list) and routes `edges` ((tail name, head name, attrs) list)."""
    index = {b.name: i for i, b in enumerate(boxes)}
    n = len(boxes)
    seen_pairs = {}
    succ = [[] for _ in range(n)]
    for tail, head, _ in edges:
        u, v = index[tail], index[head]
        if u != v and v not in succ[u]:
            succ[u].append(v)
    back = _break_cycles(n, succ)
    dag_succ = [[] for _ in range(n)]
    dag_pred = [[] for _ in range(n)]
    for u in range(n):
        for v in succ[u]:
            a, b = (v, u) if (u, v) in back else (u, v)
            if b not in dag_succ[a]:
                dag_succ[a].append(b)
                dag_pred[b].append(a)
    rank, topo = _assign_ranks(n, dag_succ, dag_pred)

    # chains of dummy nodes for edges longer than one layer; node ids >= n are dummies
    layer_of = list(rank)
    up = [[] for _ in range(n)]
    down = [[] for _ in range(n)]
    chains = {}
    for a in range(n):
        for b in dag_succ[a]:
            chain = [a]
            for r in range(rank[a] + 1, rank[b]):
                layer_of.append(r)
                up.append([])
                down.append([])
                chain.append(len(layer_of) - 1)
            chain.append(b)
            for x, y in zip(chain, chain[1:]):
                down[x].append(y)
                up[y].append(x)
            chains[(a, b)] = chain
    total = len(layer_of)
    layers = order_layers(total, layer_of, up, down, topo)

    widths = [boxes[i].width if i < n else 0.0 for i in range(total)]
    heights = [boxes[i].height if i < n else 0.0 for i in range(total)]
    xs = _place_x(layers, up, down, widths, n, nodesep)
    ys = [0.0] * total
    y = margin
    band = [0.0] * total  # half the height of each node's layer
    for layer in layers:
        half = max((heights[v] for v in layer), default=0.0) / 2
        for v in layer:
            ys[v] = y + half
            band[v] = half
        y += 2 * half + ranksep
    height = y - ranksep + margin
    left = min((xs[v] - widths[v] / 2 for v in range(total)), default=0.0)
    shift = margin - left
    for i, b in enumerate(boxes):
        b.x, b.y = xs[i] + shift, ys[i]
    right = max((b.right for b in boxes), default=0.0)

    routes = []
    for tail, head, attrs in edges:
        u, v = index[tail], index[head]
        key = (tail, head)
        parallel = seen_pairs.get(key, 0)
        seen_pairs[key] = parallel + 1
        if u == v:
            b = boxes[u]
            routes.append(EdgeRoute(tail, head, [(b.x, b.y)], False, attrs, parallel))
            continue
        flipped = (u, v) in back or (u, v) not in chains
        chain = chains[(v, u)] if flipped else chains[(u, v)]
        # an edge crosses a layer vertically at its dummy's x: it stays clear of the boxes there
        points = [(xs[chain[0]] + shift, ys[chain[0]])]
        for c in chain[1:-1]:
            x = xs[c] + shift
            points += [(x, ys[c] - band[c]), (x, ys[c] + band[c])] if band[c] else [(x, ys[c])]
        points.append((xs[chain[-1]] + shift, ys[chain[-1]]))
        routes.append(EdgeRoute(tail, head, points, flipped, attrs, parallel))
    crossings = sum(count_crossings(layers[r], layers[r + 1], down) for r in range(len(layers) - 1))
    return Layout(boxes, routes, right + margin, height, crossings)


def _separations(layer, widths, n, nodesep):
    """Offsets o_i with o_i - o_(i-1) the least centre distance of neighbours i-1, i."""
    offsets = [0.0]
    for a, b in zip(layer, layer[1:]):
        gap = nodesep if a < n and b < n else nodesep / 2
        offsets.append(offsets[-1] + (widths[a] + widths[b]) / 2 + gap)
    return offsets


def _closest_ordered(targets, weights, offsets):
    """x minimising sum w_i (x_i - t_i)^2 with x_i - x_(i-1) >= offsets_i - offsets_(i-1):
    weighted isotonic regression (pool adjacent violators) on z_i = x_i - offsets_i."""
    blocks = []  # [weighted sum, weight, count]
    for t, w, o in zip(targets, weights, offsets):
        blocks.append([w * (t - o), w, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, w2, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += w2
            blocks[-1][2] += c
    z = []
    for s, w, c in blocks:
        z += [s / w] * c
    return [zi + o for zi, o in zip(z, offsets)]


def _edge_weight(a, b, n):
    """Graphviz's preference for straight edges: 1 real-real, 2 real-dummy, 8 dummy-dummy."""
    dummies = (a >= n) + (b >= n)
    return (1.0, 2.0, 8.0)[dummies]


def _place_x(layers, up, down, widths, n, nodesep, sweeps=12):
    xs = [0.0] * len(widths)
    for layer in layers:
        offsets = _separations(layer, widths, n, nodesep)
        for v, o in zip(layer, offsets):
            xs[v] = o
    for sweep in range(sweeps):
        if sweep % 3 == 2:
            passes = [(layers, (up, down))]
        elif sweep % 3 == 0:
            passes = [(layers[1:], (up,))]
        else:
            passes = [(layers[-2::-1], (down,))]
        for sequence, sides in passes:
            for layer in sequence:
                targets, weights = [], []
                for v in layer:
                    total = weight = 0.0
                    for side in sides:
                        for u in side[v]:
                            w = _edge_weight(u, v, n)
                            total += w * xs[u]
                            weight += w
                    if weight == 0.0:
                        targets.append(xs[v])
                        weights.append(0.01)
                    else:
                        targets.append(total / weight)
                        weights.append(weight)
                offsets = _separations(layer, widths, n, nodesep)
                for v, x in zip(layer, _closest_ordered(targets, weights, offsets)):
                    xs[v] = x
    return xs
