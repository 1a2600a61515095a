"""The autograd graph: Node (what `grad_fn` is), AccumulateGrad for leaves, and saved tensors.

Each op's grad_fn class (`MulBackward0`, ...) is a subclass of Node made once, when the op is
registered, with a `_saved_<name>` property per saved value so that `dir(grad_fn)` lists them as
torch's do (torchviz reads them). The engine that runs nodes is in engine.py.
"""

import itertools
import re

from numtorch._errors import legacy_type_name
from numtorch.autograd import anomaly_mode
from numtorch.utils.hooks import RemovableHandle

_sequence = itertools.count()

FREED = (
    "Trying to backward through the graph a second time (or directly access saved tensors after "
    "they have already been freed). Saved intermediate values of the graph are freed when you call "
    ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
    "graph a second time or if you need to access saved tensors after calling backward."
)


class _NodeHooks:
    """A node's hooks (see Node): None where none is set."""

    __slots__ = ("hooks", "pre_hooks", "tensor_hooks", "retained")

    def __init__(self):
        self.hooks = self.pre_hooks = self.tensor_hooks = self.retained = None


def _hook_field(name):
    """Node.<_name>: the node's _NodeHooks field `name` (None when the node has none)."""

    def get(node):
        extra = node._extra
        return None if extra is None else getattr(extra, name)

    def set_(node, value):
        extra = node._extra
        if extra is None:
            if value is None:
                return
            extra = node._extra = _NodeHooks()
        setattr(extra, name, value)

    return property(get, set_)


class Node:
    """A backward function in the graph, as `torch.autograd.graph.Node`."""

    __slots__ = (
        "next_functions",
        "_seq",
        "_extra",
        "_metadata",
        "__weakref__",
    )

    # Read by the engine for every node; the subclasses that have them keep them in slots.
    _in_meta = None  # per input: (shape, dtype) its gradient is reduced and cast to, or None
    _out_meta = None  # per output: (shape, dtype, device), to make zeros for a missing gradient
    _accumulates = False  # AccumulateGrad: takes (grads, create_graph) and has no inputs
    _is_op = False  # OpNode: apply is its op's call_backward

    def __init__(self, next_functions=()):
        self.next_functions = next_functions
        self._seq = next(_sequence)
        self._extra = None  # a _NodeHooks once a hook is set (see below)
        if anomaly_mode.enabled:
            anomaly_mode.record_forward(self)

    def name(self):
        return type(self).__name__

    def __repr__(self):
        return f"<{type(self).__name__} object at {hex(id(self))}>"

    # The hooks live in one _NodeHooks (`_extra`), made when the first is set: a node without
    # any (nearly all) costs one slot to make, and the engine one test to run.
    _hooks = _hook_field("hooks")  # {id: fn(grad_inputs, grad_outputs)}, after the node
    _pre_hooks = _hook_field("pre_hooks")  # {id: fn(grad_outputs)}, before it
    _tensor_hooks = _hook_field("tensor_hooks")  # {output_nr: {id: fn}}: Tensor.register_hook
    _retained = _hook_field("retained")  # {output_nr: weakref to tensor}: Tensor.retain_grad

    @property
    def metadata(self):
        if getattr(self, "_metadata", None) is None:
            self._metadata = {}
        return self._metadata

    def register_hook(self, fn):
        """fn(grad_inputs, grad_outputs) runs after this node; it may return new grad_inputs."""
        if self._hooks is None:
            self._hooks = {}
        handle = RemovableHandle(self._hooks)
        self._hooks[handle.id] = fn
        return handle

    def register_prehook(self, fn):
        """fn(grad_outputs) runs before this node; it may return new grad_outputs."""
        if self._pre_hooks is None:
            self._pre_hooks = {}
        handle = RemovableHandle(self._pre_hooks)
        self._pre_hooks[handle.id] = fn
        return handle

    def _add_tensor_hook(self, output_nr, fn):
        if self._tensor_hooks is None:
            self._tensor_hooks = {}
        hooks = self._tensor_hooks.setdefault(output_nr, {})
        handle = RemovableHandle(hooks)
        hooks[handle.id] = fn
        return handle

    def _release(self):
        """Drops what backward needs, after a backward without retain_graph."""

    def _output_meta(self, output_nr):
        """(shape, dtype, device) of output `output_nr`, to make zeros for a missing gradient."""
        raise NotImplementedError

    def __call__(self, *grads):
        return self.apply(grads)


class AccumulateGrad(Node):
    """The node for a leaf that requires grad: adds the incoming gradient into `variable.grad`."""

    __slots__ = ("variable",)
    _accumulates = True

    def __init__(self, variable):
        super().__init__()
        self.variable = variable
        self._seq = float("inf")  # torch runs leaf accumulation as soon as it is ready

    def name(self):
        return "torch::autograd::AccumulateGrad"

    def apply(self, grads, create_graph=False):
        (grad,) = grads
        var = self.variable
        if grad is None:
            return ()
        old = var._grad
        if old is None:
            var._grad = grad if create_graph else grad._private_copy()
        elif create_graph or old.requires_grad or grad.requires_grad:
            var._grad = old + grad
        else:
            old._data += grad._data
        return ()

    def _output_meta(self, output_nr):
        v = self.variable
        return v.shape, v.dtype, v.device


class SavedTensor:
    """A tensor saved for backward, with the version it had then (torch's SavedVariable)."""

    __slots__ = ("tensor", "version", "is_output", "output_nr")

    def __init__(self, tensor, is_output=False, output_nr=0):
        self.is_output = is_output
        self.version = tensor._vc[0]
        self.output_nr = output_nr if is_output else tensor._output_nr
        # An output is kept as a graph-free alias so that node -> saved -> output makes no cycle.
        self.tensor = tensor._alias_without_graph() if is_output else tensor

    def unpack(self, node):
        t = self.tensor
        if t._vc[0] != self.version:
            raise RuntimeError(_modified_message(t, node, self))
        if self.is_output and t.dtype.category >= 2:
            return t._alias_with_graph(node, self.output_nr)
        return t

    def data(self, node):
        """The saved tensor's array, for a raw backward formula (checked as unpack checks it)."""
        t = self.tensor
        if t._vc[0] != self.version:
            raise RuntimeError(_modified_message(t, node, self))
        return t._data


def _modified_message(t, node, saved):
    kind = legacy_type_name(t.dtype)
    shape = ", ".join(map(str, t.shape))
    producer = node if saved.is_output else t.grad_fn
    # torch names the producing node without its "Backward<N>" (custom Function: "Backward")
    # suffix, and a leaf not at all
    where = (
        f", which is output {saved.output_nr} of {re.sub(r'Backward[0-9]*$', '', producer.name())},"
        if producer is not None
        else ""
    )
    return (
        "one of the variables needed for gradient computation has been modified by an inplace "
        f"operation: [torch.{kind} [{shape}]]{where} is at version {t._version}; expected "
        f"version {saved.version} instead. Hint: enable anomaly detection to find the operation "
        "that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, "
        "check_nan=False)."
    )


class OpNode(Node):
    """The grad_fn of a registered op: runs the op's backward formula over its saved values."""

    __slots__ = ("_opdef", "_saved", "_params", "_needs", "_in_meta", "_out_meta")
    _is_op = True

    def apply(self, grads):
        # call_backward (made by the registry for each op) passes the saved values by name
        result = self._opdef.call_backward(self, grads)
        return result if type(result) is tuple else (result,)

    def _release(self):
        self._saved = None

    def _output_meta(self, output_nr):
        return self._out_meta[output_nr]


def saved_property(name):
    """`grad_fn._saved_<name>`: a saved tensor (unpacked) or a saved argument."""

    def get(node):
        if name in node._params:
            return node._params[name]
        if node._saved is None:
            raise RuntimeError(FREED)
        value = node._saved.get(name)
        if type(value) is SavedTensor:
            return value.unpack(node)
        # torch hands saved sizes back as plain tuples (torchviz prints them): not torch.Size
        return tuple(value) if isinstance(value, tuple) else value

    return property(get)


_classes = {}


def node_class(name, saved_names=(), base=OpNode):
    """The grad_fn class called `name` (made once, then shared by every op that uses the name)."""
    key = (name, tuple(saved_names), base)
    cls = _classes.get(key)
    if cls is None:
        attrs = {"__slots__": ()}
        for saved in saved_names:
            attrs["_saved_" + saved] = saved_property(saved)
        cls = type(name, (base,), attrs)
        cls.__module__ = "numtorch.autograd.graph"
        cls.__qualname__ = name
        _classes[key] = cls
    return cls
