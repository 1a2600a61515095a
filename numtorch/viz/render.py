"""Which program draws a graph: Graphviz's `dot` on PATH, else graphviz-pure, else the built-in one.

The built-in drawer (layout.py + svg.py) writes SVG only, and runs wherever Python does (also in a
browser notebook, where no binary can run). PNG needs one of the two programs. The environment
variable NUMTORCH_VIZ_PROGRAM ('dot', 'graphviz-pure' or 'builtin') or the `program=` argument of
`Digraph.pipe`/`render` picks one instead of the first available.
"""

import os
import shutil
import subprocess
import sys
import sysconfig

PROGRAMS = ("dot", "graphviz-pure", "builtin")
FORMATS = ("svg", "png")

INSTALL_HINT = (
    "Install one of: graphviz-pure (`pip install graphviz-pure`, or `pip install numtorch[viz]`), "
    "a pure-Rust `dot` in a wheel, no system packages needed; or Graphviz itself "
    "(https://graphviz.org/download/, e.g. `apt install graphviz`, `brew install graphviz`, "
    "`conda install graphviz`). SVG needs neither: `.render(format='svg')` or showing the graph "
    "in a notebook uses numtorch's built-in layout."
)


class RendererNotFound(RuntimeError):
    """No program that can write the asked-for format is installed."""


def _find(command):
    """Path of `command`: on PATH, or in this Python's scripts folder (a venv not activated)."""
    found = shutil.which(command)
    if found:
        return found
    folders = {sysconfig.get_path("scripts"), os.path.dirname(sys.executable)}
    for folder in folders:
        found = shutil.which(command, path=folder) if folder else None
        if found:
            return found
    return None


def available_programs():
    """The programs that can draw here, in the order they are tried: a dict name -> path."""
    found = {name: _find(name) for name in PROGRAMS[:2]}
    found = {name: path for name, path in found.items() if path}
    found["builtin"] = "numtorch.viz (SVG only)"
    return found


def choose_program(fmt, program=None):
    """(name, path) of the program to draw `fmt` with; RendererNotFound when none can."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: numtorch.viz writes {' or '.join(FORMATS)}")
    program = program or os.environ.get("NUMTORCH_VIZ_PROGRAM") or None
    if program is not None and program not in PROGRAMS:
        raise ValueError(f"unknown program {program!r}: one of {', '.join(PROGRAMS)}")
    found = available_programs()
    if program is not None:
        if program not in found:
            raise RendererNotFound(
                f"{program!r} was asked for but is not installed. {INSTALL_HINT}"
            )
        if program == "builtin" and fmt != "svg":
            raise RendererNotFound(
                f"numtorch's built-in drawer writes SVG only, not {fmt.upper()}. {INSTALL_HINT}"
            )
        return program, found[program]
    for name, path in found.items():
        if name != "builtin" or fmt == "svg":
            return name, path
    raise RendererNotFound(
        f"{fmt.upper()} output needs Graphviz's `dot` or graphviz-pure, and neither is installed. "
        + INSTALL_HINT
    )


def pipe(graph, fmt, program=None):
    """`graph` (a Digraph) drawn in `fmt`, as bytes."""
    name, path = choose_program(fmt, program)
    if name == "builtin":
        from numtorch.viz.layout import layout_graph
        from numtorch.viz.svg import write_svg

        return write_svg(graph, layout_graph(graph)).encode("utf-8")
    done = subprocess.run(
        [path, f"-T{fmt}"], input=graph.source.encode("utf-8"), capture_output=True, check=False
    )
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(f"{name} failed (exit status {done.returncode}): {message}")
    return done.stdout
