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
            f'fill="{_attr(colour(a.get("fontcolor"), "black"))}">{escape(text)}</text>'
        )
    out.append("</g>")
    return out


def _arrow(tip, towards_y):
    """A filled triangle with its tip at `tip`, pointing vertically away from `towards_y`."""
    x, y = tip
    step = ARROW_LENGTH if towards_y < y else -ARROW_LENGTH
    pts = [(x, y), (x - ARROW_HALF_WIDTH, y - step), (x + ARROW_HALF_WIDTH, y - step), (x, y)]
    return " ".join(f"{_fmt(px)},{_fmt(py)}" for px, py in pts)


def _edge_path(route, boxes, offset):
    """Points for a path that leaves the first box's bottom and enters the last box's top."""
    first, last = boxes[route.tail], boxes[route.head]
    if route.reversed:
        first, last = last, first
    pts = list(route.points)

    def spread(box, toward_x):
        room = max(box.width / 2 - 6.0, 0.0)
        return box.x + max(-room, min(room, (toward_x - box.x) * 0.5 + offset / 2))

    pts[0] = (spread(first, pts[1][0]), first.bottom)
    pts[-1] = (spread(last, pts[-2][0]), last.top)
    return pts


def _edge_svg(route, boxes, number):
    a = route.attrs
    styles = {s.strip() for s in a.get("style", "").split(",")}
    stroke = colour(a.get("color"), "black")
    dash = ' stroke-dasharray="5,2"' if "dashed" in styles else ""
    dash = ' stroke-dasharray="1,5"' if "dotted" in styles else dash
    if "invis" in styles:
        return []
    k = route.parallel
    offset = ((k + 1) // 2) * 8.0 * (1 if k % 2 else -1)
    title = escape(f"{route.tail}->{route.head}")
    out = [f'<g id="edge{number}" class="edge">', f"<title>{title}</title>"]
    direction = a.get("dir", "forward")
    if len(route.points) == 1:  # a self-loop on the right side
        b = boxes[route.tail]
        x, y1, y2 = b.right, b.y - b.height / 4, b.y + b.height / 4
        d = f"M{_fmt(x)},{_fmt(y1)} C{_fmt(x + 24)},{_fmt(y1 - 8)} {_fmt(x + 24)},{_fmt(y2 + 8)} "
        d += f"{_fmt(x + 2)},{_fmt(y2)}"
        out.append(f'<path fill="none" stroke="{_attr(stroke)}"{dash} d="{d}"/>')
        out.append("</g>")
        return out
    pts = _edge_path(route, boxes, offset)
    # arrows sit at the DOT head (the start of a reversed route) and/or the tail
    at_head = direction in ("forward", "both")
    at_tail = direction in ("back", "both")
    arrow_at_end = at_tail if route.reversed else at_head
    arrow_at_start = at_head if route.reversed else at_tail
    tips = []
    if arrow_at_end:
        x, y = pts[-1]
        tips.append(((x, y), pts[-2][1]))
        pts[-1] = (x, y - ARROW_LENGTH)
    if arrow_at_start:
        x, y = pts[0]
        tips.append(((x, y), pts[1][1]))
        pts[0] = (x, y + ARROW_LENGTH)
    d = f"M{_fmt(pts[0][0])},{_fmt(pts[0][1])}"
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        half = (y1 - y0) / 2
        bend = offset if len(pts) > 1 else 0.0
        d += f" C{_fmt(x0 + bend)},{_fmt(y0 + half)} {_fmt(x1 + bend)},{_fmt(y1 - half)}"
        d += f" {_fmt(x1)},{_fmt(y1)}"
    out.append(f'<path fill="none" stroke="{_attr(stroke)}"{dash} d="{d}"/>')
    for tip, from_y in tips:
        out.append(
            f'<polygon fill="{_attr(stroke)}" stroke="{_attr(stroke)}" '
            f'points="{_arrow(tip, from_y)}"/>'
        )
    if a.get("label"):
        mx, my = route.points[len(route.points) // 2]
        out.append(
            f'<text text-anchor="start" x="{_fmt(mx + 4)}" y="{_fmt(my)}" font-family="Times,serif" '
            f'font-size="14.00">{escape(a["label"])}</text>'
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
