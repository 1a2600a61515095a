"""SVG for a laid-out graph (layout.py), written as text: boxes, label lines, curved edges, arrows.

Graphviz's attributes that torchviz uses are honoured (style=filled, fillcolor, shape=box,
fontname, fontsize, dir=none, style=dotted, size); X11 colour names SVG lacks are mapped to hex.
"""

from xml.sax.saxutils import escape

from numtorch.viz.layout import LINE_HEIGHT, POINTS_PER_INCH

ARROW_LENGTH = 10.0
ARROW_HALF_WIDTH = 3.5
# X11 names (Graphviz's default scheme) that SVG/CSS does not know, or knows as another colour.
X11_COLOURS = {
    "darkolivegreen1": "#caff70",
    "darkolivegreen2": "#bcee68",
    "darkolivegreen3": "#a2cd5a",
    "darkolivegreen4": "#6e8b3d",
    "lightblue1": "#bfefff",
    "lightblue2": "#b2dfee",
    "lightblue3": "#9ac0cd",
    "orange1": "#ffa500",
    "orange2": "#ee9a00",
    "orange3": "#cd8500",
    "gray": "#bebebe",
    "grey": "#bebebe",
    "green": "#00ff00",
    "maroon": "#b03060",
    "purple": "#a020f0",
    "lightgray": "#d3d3d3",
    "lightgrey": "#d3d3d3",
}


def colour(name, default):
    if not name:
        return default
    name = name.strip()
    return X11_COLOURS.get(name.lower(), name)


def _fmt(v):
    return f"{v:.2f}"


def _text(value):
    """Text content with its spaces kept: torchviz pads its attribute tables with runs of them."""
    return escape(value).replace(" ", "&#160;")


def _attr(value):
    return escape(value, {'"': "&quot;"})


def _node_svg(box, number):
    a = box.attrs
    styles = {s.strip() for s in a.get("style", "").split(",")}
    filled = "filled" in styles
    stroke = colour(a.get("color"), "black")
    fill = colour(a.get("fillcolor") or a.get("color"), "lightgrey") if filled else "none"
    dash = ' stroke-dasharray="5,2"' if "dashed" in styles else ""
    dash = ' stroke-dasharray="1,5"' if "dotted" in styles else dash
    out = [f'<g id="node{number}" class="node">', f"<title>{escape(box.name)}</title>"]
    shape = a.get("shape", "ellipse")
    if shape in ("box", "rect", "rectangle", "square"):
        pts = [(box.left, box.top), (box.right, box.top), (box.right, box.bottom)]
        pts += [(box.left, box.bottom), (box.left, box.top)]
        points = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in pts)
        out.append(
            f'<polygon fill="{_attr(fill)}" stroke="{_attr(stroke)}"{dash} points="{points}"/>'
        )
    elif shape not in ("plaintext", "plain", "none"):
        out.append(
            f'<ellipse fill="{_attr(fill)}" stroke="{_attr(stroke)}"{dash} cx="{_fmt(box.x)}" '
            f'cy="{_fmt(box.y)}" rx="{_fmt(box.width / 2)}" ry="{_fmt(box.height / 2)}"/>'
        )
    fontsize = float(a.get("fontsize", 14))
    font = a.get("fontname", "Times-Roman")
    family = "monospace" if font.lower() in ("monospace", "courier") else font
    line_h = fontsize * LINE_HEIGHT
    first = box.y - len(box.lines) * line_h / 2 + 0.8 * line_h
    for i, (text, justify) in enumerate(box.lines):
        if not text:
            continue
        anchor, x = "middle", box.x
        if justify == "l":
            anchor, x = "start", box.left + 7.92
        elif justify == "r":
            anchor, x = "end", box.right - 7.92
        out.append(
            f'<text text-anchor="{anchor}" x="{_fmt(x)}" y="{_fmt(first + i * line_h)}" '
            f'font-family="{_attr(family)}" font-size="{_fmt(fontsize)}" '
            f'fill="{_attr(colour(a.get("fontcolor"), "black"))}" xml:space="preserve">'
            f"{_text(text)}</text>"
        )
    out.append("</g>")
    return out


def _clip(box, toward):
    """Where the segment from the box's centre to `toward` leaves the box."""
    dx, dy = toward[0] - box.x, toward[1] - box.y
    limits = [box.width / 2 / abs(dx) if dx else float("inf")]
    limits.append(box.height / 2 / abs(dy) if dy else float("inf"))
    t = min(1.0, *limits)
    return box.x + t * dx, box.y + t * dy


def _unit(vx, vy):
    length = (vx * vx + vy * vy) ** 0.5 or 1.0
    return vx / length, vy / length


def _arrow(tip, direction):
    """A filled triangle with its tip at `tip`, pointing along the unit vector `direction`."""
    (x, y), (ux, uy) = tip, direction
    bx, by = x - ux * ARROW_LENGTH, y - uy * ARROW_LENGTH
    px, py = -uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH
    pts = [(x, y), (bx + px, by + py), (bx - px, by - py), (x, y)]
    return " ".join(f"{_fmt(a)},{_fmt(b)}" for a, b in pts)


def _curve(points, offset):
    """A smooth cubic path through `points`: tangents as in a Catmull-Rom spline, so a two-point
    route is a straight line; `offset` bows it sideways (parallel edges)."""
    n = len(points)
    tangents = []
    for i in range(n):
        a, b = points[max(i - 1, 0)], points[min(i + 1, n - 1)]
        scale = 1.0 if i in (0, n - 1) else 0.5
        tangents.append(((b[0] - a[0]) * scale, (b[1] - a[1]) * scale))
    d = f"M{_fmt(points[0][0])},{_fmt(points[0][1])}"
    for i in range(n - 1):
        (x0, y0), (x1, y1) = points[i], points[i + 1]
        (t0x, t0y), (t1x, t1y) = tangents[i], tangents[i + 1]
        c1 = (x0 + t0x / 3 + offset, y0 + t0y / 3)
        c2 = (x1 - t1x / 3 + offset, y1 - t1y / 3)
        d += f" C{_fmt(c1[0])},{_fmt(c1[1])} {_fmt(c2[0])},{_fmt(c2[1])} {_fmt(x1)},{_fmt(y1)}"
    return d


def _edge_svg(route, boxes, number):
    a = route.attrs
    styles = {s.strip() for s in a.get("style", "").split(",")}
    if "invis" in styles:
        return []
    stroke = colour(a.get("color"), "black")
    dash = ' stroke-dasharray="5,2"' if "dashed" in styles else ""
    dash = ' stroke-dasharray="1,5"' if "dotted" in styles else dash
    k = route.parallel
    offset = ((k + 1) // 2) * 10.0 * (1 if k % 2 else -1)
    title = escape(f"{route.tail}->{route.head}")
    out = [f'<g id="edge{number}" class="edge">', f"<title>{title}</title>"]
    if len(route.points) == 1:  # a self-loop on the right side
        b = boxes[route.tail]
        x, y1, y2 = b.right, b.y - b.height / 4, b.y + b.height / 4
        d = f"M{_fmt(x)},{_fmt(y1)} C{_fmt(x + 24)},{_fmt(y1 - 8)} {_fmt(x + 24)},{_fmt(y2 + 8)} "
        d += f"{_fmt(x + 2)},{_fmt(y2)}"
        out += [f'<path fill="none" stroke="{_attr(stroke)}"{dash} d="{d}"/>', "</g>"]
        return out
    # the route runs in layout order (downwards); a reversed edge's DOT head is its first point
    first, last = boxes[route.tail], boxes[route.head]
    if route.reversed:
        first, last = last, first
    pts = list(route.points)
    pts[0] = _clip(first, (pts[1][0] + offset, pts[1][1]))
    pts[-1] = _clip(last, (pts[-2][0] + offset, pts[-2][1]))
    direction = a.get("dir", "forward")
    at_head, at_tail = direction in ("forward", "both"), direction in ("back", "both")
    arrow_at_end = at_tail if route.reversed else at_head
    arrow_at_start = at_head if route.reversed else at_tail
    tips = []
    if arrow_at_end:
        u = _unit(pts[-1][0] - pts[-2][0] - offset, pts[-1][1] - pts[-2][1])
        tips.append((pts[-1], u))
        pts[-1] = (pts[-1][0] - u[0] * ARROW_LENGTH, pts[-1][1] - u[1] * ARROW_LENGTH)
    if arrow_at_start:
        u = _unit(pts[0][0] - pts[1][0] - offset, pts[0][1] - pts[1][1])
        tips.append((pts[0], u))
        pts[0] = (pts[0][0] - u[0] * ARROW_LENGTH, pts[0][1] - u[1] * ARROW_LENGTH)
    d = _curve(pts, offset)
    out.append(f'<path fill="none" stroke="{_attr(stroke)}"{dash} d="{d}"/>')
    for tip, u in tips:
        out.append(
            f'<polygon fill="{_attr(stroke)}" stroke="{_attr(stroke)}" points="{_arrow(tip, u)}"/>'
        )
    if a.get("label"):
        mx, my = route.points[len(route.points) // 2]
        out.append(
            f'<text text-anchor="start" x="{_fmt(mx + 4)}" y="{_fmt(my)}" font-family="Times,serif" '
            f'font-size="14.00">{_text(a["label"])}</text>'
        )
    out.append("</g>")
    return out


def _scale(graph_attr, width, height):
    """Graphviz's `size="w,h"` (inches): shrink to fit; with a trailing '!' also grow to fit."""
    size = str(graph_attr.get("size", "")).strip()
    if not size:
        return 1.0
    grow = size.endswith("!")
    try:
        parts = [float(p) * POINTS_PER_INCH for p in size.rstrip("!").split(",")]
    except ValueError:
        return 1.0
    max_w, max_h = (parts + parts)[:2]
    fit = min(max_w / width, max_h / height) if width and height else 1.0
    return fit if fit < 1.0 or grow else 1.0


def write_svg(graph, layout):
    """The SVG document (text) of `graph` placed by `layout`."""
    boxes = {b.name: b for b in layout.nodes}
    w, h = layout.width, layout.height
    s = _scale(graph.graph_attr, w, h)
    background = colour(graph.graph_attr.get("bgcolor"), "white")
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
        "<!-- Drawn by numtorch.viz (built-in layered layout) -->",
        f'<svg width="{w * s:.0f}pt" height="{h * s:.0f}pt" viewBox="0.00 0.00 {_fmt(w)} {_fmt(h)}" '
        'xmlns="http://www.w3.org/2000/svg" xml:space="preserve">',
        '<g id="graph0" class="graph">',
        f'<polygon fill="{_attr(background)}" stroke="none" points="0,0 {_fmt(w)},0 {_fmt(w)},'
        f'{_fmt(h)} 0,{_fmt(h)}"/>',
    ]
    for i, route in enumerate(layout.edges, 1):
        out += _edge_svg(route, boxes, i)
    for i, box in enumerate(layout.nodes, 1):
        out += _node_svg(box, i)
    out += ["</g>", "</svg>", ""]
    return "\n".join(out)
