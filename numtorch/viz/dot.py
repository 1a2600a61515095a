"""make_dot: the autograd graph as DOT text, node for node and byte for byte what torchviz writes.

`Digraph` holds the statements both as DOT source and as nodes and edges, so the built-in
renderer (layout.py, svg.py) can draw it without parsing DOT; how a format is rendered is in
render.py.
"""

import os
import re
import sys

_ID = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$")
_HTML = re.compile(r"<.*>$", re.DOTALL)
_KEYWORDS = {"node", "edge", "graph", "digraph", "subgraph", "strict"}
_UNESCAPED_QUOTE = re.compile(r'(?P<pairs>(?:\\{2})*)\\?(?P<quote>")')

SAVED_PREFIX = "_saved_"


def quote(identifier):
    """A DOT identifier or attribute value, quoted where DOT needs quotes (as the graphviz package)."""
    identifier = str(identifier)
    if _HTML.match(identifier):
        return identifier
    if not _ID.match(identifier) or identifier.lower() in _KEYWORDS:
        return '"' + _UNESCAPED_QUOTE.sub(r"\g<pairs>\\\g<quote>", identifier) + '"'
    return identifier


def _attr_text(label=None, attrs=None):
    """' [label=... k=v ...]' with the keyword attributes sorted, or '' when there are none."""
    parts = [f"label={quote(label)}"] if label is not None else []
    if attrs:
        parts += [f"{quote(k)}={quote(v)}" for k, v in sorted(attrs.items()) if v is not None]
    return f" [{' '.join(parts)}]" if parts else ""


class Digraph:
    """A directed graph with the graphviz package's `Digraph` interface (the part torchviz uses).

    `.source` is the DOT text; in a notebook it shows itself as SVG; `render`/`save`/`pipe`
    write files or bytes (see render.py for which program draws it).
    """

    def __init__(self, name=None, graph_attr=None, node_attr=None, edge_attr=None, format="svg"):
        self.name = name
        self.graph_attr = dict(graph_attr or {})
        self.node_attr = dict(node_attr or {})
        self.edge_attr = dict(edge_attr or {})
        self.format = format
        self.filename = (name or "Digraph") + ".gv"
        self.directory = ""
        self.body = []
        self.nodes = {}  # name -> attributes merged over all its statements (label included)
        self.edges = []  # (tail, head, attributes)

    def node(self, name, label=None, **attrs):
        name = str(name)
        self.body.append(f"\t{quote(name)}{_attr_text(label, attrs)}\n")
        merged = self.nodes.setdefault(name, {})
        if label is not None:
            merged["label"] = str(label)
        merged.update({k: str(v) for k, v in attrs.items() if v is not None})

    def edge(self, tail_name, head_name, label=None, **attrs):
        tail_name, head_name = str(tail_name), str(head_name)
        self.body.append(f"\t{quote(tail_name)} -> {quote(head_name)}{_attr_text(label, attrs)}\n")
        for end in (tail_name, head_name):
            self.nodes.setdefault(end, {})
        edge = {k: str(v) for k, v in attrs.items() if v is not None}
        if label is not None:
            edge["label"] = str(label)
        self.edges.append((tail_name, head_name, edge))

    def __iter__(self):
        head = "digraph " + quote(self.name) + " {\n" if self.name else "digraph {\n"
        yield head
        for kind, attrs in (
            ("graph", self.graph_attr),
            ("node", self.node_attr),
            ("edge", self.edge_attr),
        ):
            if attrs:
                yield f"\t{kind}{_attr_text(None, attrs)}\n"
        yield from self.body
        yield "}\n"

    @property
    def source(self):
        return "".join(self)

    def __str__(self):
        return self.source

    def __repr__(self):
        return (
            f"<numtorch.viz.Digraph object with {len(self.nodes)} nodes, {len(self.edges)} edges>"
        )

    # Rendering: the work is in render.py.
    def pipe(self, format=None, encoding=None, program=None):
        """The graph drawn in `format` ('svg' or 'png') as bytes (str with `encoding`)."""
        from numtorch.viz.render import pipe

        data = pipe(self, format or self.format, program=program)
        return data.decode(encoding) if encoding is not None else data

    def _repr_svg_(self):
        return self.pipe("svg", encoding="utf-8")

    def _repr_mimebundle_(self, include=None, exclude=None, **_):
        mimetype = "image/svg+xml"
        wanted = (include is None or mimetype in include) and not (exclude and mimetype in exclude)
        return {mimetype: self._repr_svg_()} if wanted else {}

    def save(self, filename=None, directory=None):
        """Writes the DOT source to `directory/filename` (default 'Digraph.gv'); returns the path."""
        if filename is not None:
            self.filename = str(filename)
        if directory is not None:
            self.directory = str(directory)
        path = os.path.join(self.directory, self.filename)
        if os.path.dirname(path):
            os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.source)
        return path

    def render(
        self,
        filename=None,
        directory=None,
        view=False,
        cleanup=False,
        format=None,
        outfile=None,
        program=None,
    ):
        """Saves the source and writes the drawing beside it: `render('g', format='png')` writes
        'g' (DOT) and 'g.png', and returns 'g.png'. `outfile='g.svg'` names the drawing itself."""
        if view:
            raise NotImplementedError(
                "numtorch.viz does not open viewers: open the file it returns"
            )
        if outfile is not None:
            outfile = str(outfile)
            format = format or os.path.splitext(outfile)[1].lstrip(".") or None
            if filename is None:
                filename = os.path.splitext(os.path.basename(outfile))[0] + ".gv"
                directory = directory if directory is not None else os.path.dirname(outfile)
        fmt = format or self.format
        data = self.pipe(fmt, program=program)
        source_path = self.save(filename, directory)
        out_path = outfile or f"{source_path}.{fmt}"
        with open(out_path, "wb") as f:
            f.write(data)
        if cleanup:
            os.remove(source_path)
        return out_path


def _torch_module():
    """Real torch when it is imported alongside (make_dot also draws torch tensors), else None."""
    import numtorch

    torch = sys.modules.get("torch")
    return None if torch is None or torch is numtorch else torch


def _is_tensor(obj):
    import numtorch

    if isinstance(obj, numtorch.Tensor):
        return True
    torch = _torch_module()
    return torch is not None and torch.is_tensor(obj)


def _saved_attributes(fn):
    """(name without the prefix, value) of each `_saved_*` attribute of a grad_fn, in dir() order."""
    for attr in dir(fn):
        if attr.startswith(SAVED_PREFIX):
            yield attr[len(SAVED_PREFIX) :], getattr(fn, attr)


def fn_label(fn, show_attrs, max_attr_chars):
    """The grad_fn's class name, and with `show_attrs` a table of its saved attributes."""
    name = type(fn).__name__
    if not show_attrs:
        return name
    attrs = {}
    for attr, val in _saved_attributes(fn):
        if _is_tensor(val):
            attrs[attr] = "[saved tensor]"
        elif isinstance(val, tuple) and any(_is_tensor(t) for t in val):
            attrs[attr] = "[saved tensors]"
        else:
            attrs[attr] = str(val)
    if not attrs:
        return name
    width = max(max_attr_chars, 3)
    key_width = max(len(k) for k in attrs)
    value_width = min(max(len(v) for v in attrs.values()), width)
    rule = "-" * max(key_width + value_width + 2, len(name))

    def cut(text):
        return text[: value_width - 3] + "..." if len(text) > value_width else text

    rows = [f"{k:<{key_width}}: {cut(v):>{value_width}}" for k, v in attrs.items()]
    return "\n".join([name, rule, *rows])


def make_dot(var, params=None, show_attrs=False, show_saved=False, max_attr_chars=50):
    """The autograd graph that produced `var` (a tensor or a tuple of tensors), as torchviz draws it.

    Grey boxes are backward functions (grad_fn) labelled with their class names; blue: leaf tensors
    that require grad (named from `params`, a dict name -> tensor); orange: saved tensors (with
    `show_saved`, or those of custom Functions); green: the outputs, dark green: the base of an
    output that is a view. `show_attrs` lists each grad_fn's saved attributes, values cut to
    `max_attr_chars`. Returns a `Digraph`: `.source`, `.render(...)`, shown as SVG in a notebook.
    """
    if params is not None:
        bad = [k for k, v in params.items() if not _is_tensor(v)]
        if bad:
            raise TypeError(f"make_dot: params must map names to tensors; not a tensor: {bad}")
        param_map = {id(v): k for k, v in params.items()}
    else:
        param_map = {}

    node_attr = dict(
        style="filled",
        shape="box",
        align="left",
        fontsize="10",
        ranksep="0.1",
        height="0.2",
        fontname="monospace",
    )
    dot = Digraph(node_attr=node_attr, graph_attr=dict(size="12,12"))
    seen = set()

    def var_label(t, name=None):
        if not name:
            name = param_map.get(id(t), "")
        return f"{name}\n (" + ", ".join(str(int(v)) for v in t.size()) + ")"

    def add_saved(fn):
        for attr, val in _saved_attributes(fn):
            seen.add(val)
            if _is_tensor(val):
                dot.edge(str(id(fn)), str(id(val)), dir="none")
                dot.node(str(id(val)), var_label(val, attr), fillcolor="orange")
            if isinstance(val, tuple):
                for i, t in enumerate(val):
                    if _is_tensor(t):
                        dot.edge(str(id(fn)), str(id(t)), dir="none")
                        dot.node(str(id(t)), var_label(t, f"{attr}[{i}]"), fillcolor="orange")

    def add_fn(root):
        # Depth first in torchviz's order, with an explicit stack: deep graphs stay in Python's
        # recursion limit. A frame is (fn, iterator over its next_functions).
        stack = [(root, None)]
        while stack:
            fn, pending = stack[-1]
            if pending is None:
                if fn in seen:
                    stack.pop()
                    continue
                seen.add(fn)
                if show_saved:
                    add_saved(fn)
                if hasattr(fn, "variable"):
                    leaf = fn.variable
                    seen.add(leaf)
                    dot.node(str(id(leaf)), var_label(leaf), fillcolor="lightblue")
                    dot.edge(str(id(leaf)), str(id(fn)))
                dot.node(str(id(fn)), fn_label(fn, show_attrs, max_attr_chars))
                pending = iter(getattr(fn, "next_functions", ()))
                stack[-1] = (fn, pending)
            child = next((u[0] for u in pending if u[0] is not None), None)
            if child is not None:
                dot.edge(str(id(child)), str(id(fn)))
                stack.append((child, None))
                continue
            stack.pop()
            # custom Functions keep the tensors they saved in `saved_tensors`
            if hasattr(fn, "saved_tensors"):
                for t in fn.saved_tensors:
                    seen.add(t)
                    dot.edge(str(id(t)), str(id(fn)), dir="none")
                    dot.node(str(id(t)), var_label(t), fillcolor="orange")

    def add_output(t, color="darkolivegreen1"):
        if t in seen:
            return
        seen.add(t)
        dot.node(str(id(t)), var_label(t), fillcolor=color)
        if t.grad_fn:
            add_fn(t.grad_fn)
            dot.edge(str(id(t.grad_fn)), str(id(t)))
        if t._is_view():
            # a view's _base is never itself a view, so this goes one level deep
            add_output(t._base, "darkolivegreen3")
            dot.edge(str(id(t._base)), str(id(t)), style="dotted")

    for out in var if isinstance(var, tuple) else (var,):
        add_output(out)

    rows = len(dot.body) * 0.15
    size = max(12, rows)
    dot.graph_attr.update(size=f"{size},{size}")
    return dot
