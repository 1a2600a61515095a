"""numtorch.viz's built-in drawing: layout properties on random graphs, SVG, renderer choice."""

import os
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numtorch as torch
from numtorch.viz import Digraph, RendererNotFound, available_programs, make_dot
from numtorch.viz.dot import quote
from numtorch.viz.layout import NodeBox, label_lines, layered_layout, layout_graph
from numtorch.viz.render import choose_program

SVG_NS = "{http://www.w3.org/2000/svg}"


@st.composite
def dags(draw, max_nodes=14):
    """(boxes, edges): random sizes, edges only from lower to higher index (so acyclic), with
    repeated edges allowed."""
    n = draw(st.integers(1, max_nodes))
    sizes = draw(st.lists(st.tuples(st.floats(10, 120), st.floats(8, 60)), min_size=n, max_size=n))
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    raw = draw(st.lists(pairs, max_size=3 * n))
    edges = [(f"v{min(a, b)}", f"v{max(a, b)}", {}) for a, b in raw if a != b]
    boxes = [NodeBox(f"v{i}", w, h) for i, (w, h) in enumerate(sizes)]
    return boxes, edges


def _overlap(a, b):
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


@settings(max_examples=150, deadline=None)
@given(dags())
def test_layout_never_overlaps_and_edges_point_down(graph):
    boxes, edges = graph
    layout = layered_layout(boxes, edges)
    for i, a in enumerate(layout.nodes):
        assert a.left >= 0 and a.top >= 0 and a.right <= layout.width and a.bottom <= layout.height
        for b in layout.nodes[i + 1 :]:
            assert not _overlap(a, b), (a.name, b.name)
    where = {b.name: b for b in layout.nodes}
    for route in layout.edges:
        assert not route.reversed
        assert where[route.head].top > where[route.tail].bottom  # head drawn below the tail
        ys = [y for _, y in route.points]
        assert all(y0 < y1 for y0, y1 in zip(ys, ys[1:]))


@settings(max_examples=60, deadline=None)
@given(dags(), st.lists(st.tuples(st.integers(0, 13), st.integers(0, 13)), max_size=6))
def test_cycles_are_drawn_with_reversed_edges_pointing_up(graph, extra):
    """Edges that close cycles (or loops) are drawn; every other edge still points down."""
    boxes, edges = graph
    n = len(boxes)
    back = [(f"v{max(a, b) % n}", f"v{min(a, b) % n}", {}) for a, b in extra]
    layout = layered_layout(boxes, edges + back)
    where = {b.name: b for b in layout.nodes}
    assert len(layout.edges) == len(edges) + len(back)
    for route in layout.edges:
        tail, head = where[route.tail], where[route.head]
        if route.tail == route.head:
            continue
        if route.reversed:
            assert head.bottom < tail.top
        else:
            assert head.top > tail.bottom


@settings(max_examples=40, deadline=None)
@given(dags(max_nodes=10), st.sampled_from(["box", "ellipse"]))
def test_svg_is_xml_with_a_group_per_node_and_edge(graph, shape):
    boxes, edges = graph
    g = Digraph(node_attr={"shape": shape, "style": "filled", "fontname": "monospace"})
    for b in boxes:
        g.node(b.name, label=f"{b.name}\n<&\"'>", fillcolor="darkolivegreen1")
    for tail, head, _ in edges:
        g.edge(tail, head, dir="none" if tail < head else None)
    root = ET.fromstring(g.pipe("svg", program="builtin"))
    assert root.tag == SVG_NS + "svg"
    classes = [e.get("class") for e in root.iter(SVG_NS + "g")]
    assert classes.count("node") == len(boxes) and classes.count("edge") == len(edges)
    texts = [t.text for t in root.iter(SVG_NS + "text")]
    assert texts.count("<&\"'>") == len(boxes)


def test_layers_are_ordered_without_needless_crossings():
    # two independent chains drawn side by side must not cross
    g = Digraph()
    for a, b in [("a", "b"), ("b", "c"), ("x", "y"), ("y", "z"), ("a", "y2"), ("x", "b2")]:
        g.edge(a, b)
    assert layout_graph(g).crossings == 0


def test_sources_sit_next_to_their_consumer():
    """A leaf used only at the end is drawn one layer above its consumer, not at the top."""
    x = torch.randn(3, requires_grad=True)
    b = torch.randn(3, requires_grad=True)
    out = ((x * 2).exp().sin() + b).sum()
    layout = layout_graph(make_dot(out, params={"x": x, "b": b}))
    boxes = {b.name: b for b in layout.nodes}
    leaf_b = boxes[str(id(b))]
    below = [r.head for r in layout.edges if r.tail == leaf_b.name]
    assert boxes[below[0]].top - leaf_b.bottom < 60


def test_deep_graph_draws_without_recursion():
    x = torch.randn(2, requires_grad=True)
    y = x
    for _ in range(1500):
        y = y * 1.0001
    g = make_dot(y)
    assert g.source.count("MulBackward0") == 1500
    ET.fromstring(g.pipe("svg", program="builtin"))


def test_label_lines_reads_dot_escapes():
    assert label_lines("a\\nb\\lc\\r", "n") == [("a", "c"), ("b", "l"), ("c", "r")]
    assert label_lines(None, "node7") == [("node7", "c")]
    assert label_lines("\n (3)", "n") == [("", "c"), (" (3)", "c")]
    assert label_lines('say \\"hi\\"', "n") == [('say "hi"', "c")]


def test_quote_matches_the_graphviz_package():
    graphviz = pytest.importorskip("graphviz")
    samples = ["", "spam", "spam spam", "-4.2", ".42", "4.", "node", "Graph", "a\nb", '"q"']
    samples += ['\\"', "<<b>x</b>>", "12,12", "_x9", "9x", "é", "a:b"]
    for s in samples:
        assert quote(s) == graphviz.quoting.quote(s), s


def test_repr_mimebundle_and_render_write_svg(tmp_path, monkeypatch):
    monkeypatch.setenv("NUMTORCH_VIZ_PROGRAM", "builtin")
    monkeypatch.chdir(tmp_path)
    x = torch.tensor([1.0], requires_grad=True)
    g = make_dot((x**2 + 1) ** 2)
    bundle = g._repr_mimebundle_()
    assert list(bundle) == ["image/svg+xml"]
    ET.fromstring(bundle["image/svg+xml"])
    assert g._repr_mimebundle_(include=["text/plain"]) == {}
    assert g.render("seed", format="svg") == "seed.svg"
    with open("seed", encoding="utf-8") as f:
        assert f.read() == g.source
    ET.parse("seed.svg")
    assert g.save(directory="sub") == os.path.join("sub", "seed")
    assert (tmp_path / "sub" / "seed").read_text(encoding="utf-8") == g.source
    assert g.render(outfile="pic.svg", cleanup=True) == "pic.svg"
    assert (tmp_path / "pic.svg").exists() and not (tmp_path / "pic.gv").exists()


def test_png_without_dot_or_graphviz_pure_says_what_to_install():
    with pytest.raises(RendererNotFound, match="graphviz-pure") as info:
        choose_program("png", "builtin")
    assert "pip install" in str(info.value)
    x = torch.tensor([1.0], requires_grad=True)
    g = make_dot(x * 2)
    if set(available_programs()) == {"builtin"}:
        with pytest.raises(RendererNotFound, match="neither is installed"):
            g.pipe("png")
    else:
        assert g.pipe("png").startswith(b"\x89PNG\r\n\x1a\n")


def test_unknown_format_or_program_is_a_value_error():
    with pytest.raises(ValueError, match="svg or png"):
        choose_program("pdf")
    with pytest.raises(ValueError, match="one of dot, graphviz-pure, builtin"):
        choose_program("svg", "neato")


@pytest.mark.skipif("graphviz-pure" not in available_programs(), reason="graphviz-pure absent")
def test_graphviz_pure_draws_the_same_nodes():
    x = torch.tensor([1.0], requires_grad=True)
    g = make_dot((x**2 + 1) ** 2)
    theirs = ET.fromstring(g.pipe("svg", program="graphviz-pure"))
    ours = ET.fromstring(g.pipe("svg", program="builtin"))

    def titles(root, kind):
        return sorted(
            e.find(SVG_NS + "title").text for e in root.iter(SVG_NS + "g") if e.get("class") == kind
        )

    assert titles(theirs, "node") == titles(ours, "node")
    assert titles(theirs, "edge") == titles(ours, "edge")
