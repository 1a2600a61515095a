"""numtorch.viz: pictures of the autograd graph (torchviz's make_dot) that draw without Graphviz.

make_dot builds the DOT text (dot.py); render.py draws it with Graphviz's `dot` when it is on PATH,
else with graphviz-pure, else (SVG only) with the pure-Python layout in layout.py and svg.py.
"""

from numtorch.viz.dot import Digraph, make_dot
from numtorch.viz.render import RendererNotFound, available_programs

__all__ = ["Digraph", "make_dot", "RendererNotFound", "available_programs"]
