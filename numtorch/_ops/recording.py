"""Graph recording for the op registry: the grad_fn node of an op call, and the code made once
per op (at `@<op>.backward`) that saves its values and calls its backward formula.

Speed matters here more than anywhere but apply(): every op on a tensor that requires grad runs
one of these recorders, every node of a backward runs one of the callers. Spelled-out code, made
once with exec, avoids the loops, **kwargs and star calls a generic version would pay per call.
"""

import inspect

from numtorch import _dtype
from numtorch._tensor import Tensor
from numtorch.autograd import anomaly_mode, graph
from numtorch.autograd.graph import FREED, SavedTensor

_FLOAT = _dtype.FLOAT

_CALLER = """
def call_backward(node, grads):
    saved = node._saved
    if saved is None:
        raise RuntimeError(FREED)
{unpack}    return od.backward(*grads, needs=node._needs{kwargs})


def call_backward1(node, grad):
    saved = node._saved
    if saved is None:
        raise RuntimeError(FREED)
{unpack}    return od.backward(grad, needs=node._needs{kwargs})
"""
_UNPACK = """    v{i} = saved[{name!r}]
    if type(v{i}) is SavedTensor:
        v{i} = v{i}.unpack(node)
"""


def backward_callers(od):
    """`od.call_backward(node, grads)`: runs the backward formula with the node's saved values
    passed by name (made once per op: spelled-out keywords are much cheaper than **kwargs);
    `od.call_backward1(node, grad)` is the same for a node with one output."""
    unpack, kwargs = [], []
    for i, name in enumerate([n for _, n in od.saved_inputs] + [n for _, n in od.saves_result]):
        unpack.append(_UNPACK.format(i=i, name=name))
        kwargs.append(f", {name}=v{i}")
    kwargs += [f", {name}=saved[{name!r}]" for _, name in od.sym_sizes]
    kwargs += [f", {name}=node._params[{name!r}]" for name in od.saved_params]
    code = _CALLER.format(unpack="".join(unpack), kwargs="".join(kwargs))
    namespace = {"od": od, "SavedTensor": SavedTensor, "FREED": FREED}
    exec(code, namespace)
    return namespace["call_backward"], namespace["call_backward1"]


_RAW_CALLER = """
def call_raw(node, grad, xp):
    saved = node._saved
    if saved is None:
        raise RuntimeError(FREED)
{unpack}    return raw(xp, grad, needs=node._needs{kwargs})
"""
_RAW_UNPACK = """    v{i} = saved[{name!r}]
    if type(v{i}) is SavedTensor:
        t = v{i}.tensor
        v{i} = t._data if t._vc[0] == v{i}.version else v{i}.data(node)
"""


def raw_backward_caller(od):
    """`od.call_raw(node, grad, xp)`: runs the op's raw backward formula
    `raw(xp, grad, *, needs, <names>)` on the gradient array of the node's one output, with the
    saved tensors' arrays (checked against in-place changes as unpack does), sizes and params
    passed by name. The names are those of the Tensor formula (which decides what is saved);
    the raw formula may take fewer of them."""
    tensors = [n for _, n in od.saved_inputs] + [n for _, n in od.saves_result]
    sizes = [n for _, n in od.sym_sizes]
    unpack, kwargs = [], []
    for p in inspect.signature(od.raw_backward).parameters.values():
        if p.kind is not p.KEYWORD_ONLY or p.name == "needs":
            continue
        name = p.name
        if name in tensors:
            i = len(unpack)
            unpack.append(_RAW_UNPACK.format(i=i, name=name))
            kwargs.append(f", {name}=v{i}")
        elif name in sizes:
            kwargs.append(f", {name}=saved[{name!r}]")
        elif name in od.saved_params:
            kwargs.append(f", {name}=node._params[{name!r}]")
        else:
            raise TypeError(f"{od.name}: the raw backward's {name!r} is not saved for backward")
    code = _RAW_CALLER.format(unpack="".join(unpack), kwargs="".join(kwargs))
    namespace = {"raw": od.raw_backward, "SavedTensor": SavedTensor, "FREED": FREED}
    exec(code, namespace)
    return namespace["call_raw"]


_SAVER = """
def save_values(node, args, params, outputs, saved_self):
{inputs}    node._saved = {{{saved}}}
    node._params = {{{params}}}
"""


def value_saver(od):
    """`od.save_values(node, args, params, outputs, saved_self)`: sets the node's saved inputs
    (input 0 replaced by `saved_self` unless None), outputs and sizes, and its params."""
    inputs, saved = [], []
    for i, name in od.saved_inputs:
        arg = f"args[{i}]" if i else "(args[0] if saved_self is None else saved_self)"
        inputs.append(f"    v{i} = {arg}\n")
        saved.append(f"{name!r}: SavedTensor(v{i}) if isinstance(v{i}, Tensor) else v{i}")
    saved += [f"{name!r}: SavedTensor(outputs[{i}], True, {i})" for i, name in od.saves_result]
    saved += [f"{name!r}: args[{i}].shape" for i, name in od.sym_sizes]
    params = [f"{name!r}: params[{name!r}]" for name in od.saved_params]
    code = _SAVER.format(inputs="".join(inputs), saved=", ".join(saved), params=", ".join(params))
    namespace = {"SavedTensor": SavedTensor, "Tensor": Tensor}
    exec(code, namespace)
    return namespace["save_values"]


def record(od, args, params, outputs):
    """Makes the grad_fn node of this call if some input requires grad (one pass over args)."""
    needs, edges, in_meta = [], [], []
    for a in args:
        if isinstance(a, Tensor):
            needs.append(a._requires_grad)
            fn = a._grad_fn
            if fn is not None and a._base is not None:
                fn = a.grad_fn  # a view's history may have moved to its base's (see Tensor)
            if fn is not None:
                edges.append((fn, a._output_nr))
            elif a._requires_grad:
                edges.append(a._grad_node())
            else:
                edges.append(_NO_EDGE)
            in_meta.append((a._data.shape, a.dtype))
        else:
            needs.append(False)
            edges.append(_NO_EDGE)
            in_meta.append(None)
    if True not in needs:
        return
    node = new_node(od, params, tuple(edges))
    _save(node, od, args, params, outputs, None)
    node._needs = tuple(needs)
    node._in_meta = tuple(in_meta)
    nr = 0
    for o in outputs:
        if o.dtype.category >= _FLOAT:
            o._grad_fn = node  # what the grad_fn setter does, without the property call
            o._view_version = o._vc[0]
            o._requires_grad = True
            o._output_nr = nr
        nr += 1


_NO_EDGE = (None, 0)
_NO_PARAMS = {}

# _record for one output and 1, 2 or 3 arguments, unrolled (no lists, loops or helper calls):
# the forward of every op that records a graph runs one of these.
_RECORD_N = """
def record(od, args, params, o):
    {names} = args
{per_arg}
    if not ({any_need}):
        return
    cls = od.node_cls
    if type(cls) is not type:
        cls = cls(params)
    node = cls(({edges}))
    od.save_values(node, args, params, (o,), None)
    node._opdef = od
    node._out_meta = ((o._data.shape, o.dtype, o._device),)
    node._needs = ({needs})
    node._in_meta = ({metas})
    if o.dtype.category >= FLOAT:
        o._grad_fn = node
        o._view_version = o._vc[0]
        o._requires_grad = True
        o._output_nr = 0
"""
_RECORD_ARG = """
    if isinstance(a{i}, Tensor):
        r{i} = a{i}._requires_grad
        f{i} = a{i}._grad_fn
        if f{i} is not None and a{i}._base is not None:
            f{i} = a{i}.grad_fn
        if f{i} is not None:
            e{i} = (f{i}, a{i}._output_nr)
        elif r{i}:
            e{i} = a{i}._grad_node()
        else:
            e{i} = NO_EDGE
        m{i} = (a{i}._data.shape, a{i}.dtype)
    else:
        r{i} = False
        e{i} = NO_EDGE
        m{i} = None
"""


def _unrolled_record(n):
    def each(text):  # a tuple display's items
        return ", ".join(text.format(i=i) for i in range(n)) + ("," if n == 1 else "")

    code = _RECORD_N.format(
        names=each("a{i}"),
        per_arg="".join(_RECORD_ARG.format(i=i) for i in range(n)),
        any_need=" or ".join(f"r{i}" for i in range(n)),
        edges=each("e{i}"),
        needs=each("r{i}"),
        metas=each("m{i}"),
    )
    namespace = {"Tensor": Tensor, "NO_EDGE": _NO_EDGE, "FLOAT": _FLOAT}
    exec(code, namespace)
    return namespace["record"]


RECORDERS = (None, _unrolled_record(1), _unrolled_record(2), _unrolled_record(3))


# The recorder of one op (made at `@<op>.backward`, for its number of tensor arguments and one
# output): _RECORD_N with the node made without Node.__init__'s call and the op's values saved
# in line (no save_values call, no SavedTensor.__init__ call for an input).
_RECORD_OP = """
{header}
{per_arg}
    if not ({any_need}):
        return
    node = new({cls})
    node.next_functions = ({edges})
    node._seq = next(sequence)
    node._extra = None
    if anomaly.enabled:
        anomaly.record_forward(node)
{save}    node._saved = {{{saved}}}
    node._params = {params}
    node._opdef = od
    dt = o.dtype
    node._out_meta = ((o._data.shape, dt, o._device),)
    node._needs = ({needs})
    node._in_meta = ({metas})
    if dt.category >= FLOAT:
        o._grad_fn = node
        o._requires_grad = True
{view_version}"""
_HEADER = """def record(args, params, o):
    if len(args) != {n}:
        return general(od, args, params, (o,))
    {names} = args"""
_SAVE_TENSOR = """    v{i} = new(SavedTensor)
    v{i}.tensor = a{i}
    v{i}.version = a{i}._vc[0]
    v{i}.is_output = False
    v{i}.output_nr = a{i}._output_nr
"""
_SAVE_INPUT = """    if m{i} is not None:  # a Tensor (see _RECORD_ARG)
        v{i} = new(SavedTensor)
        v{i}.tensor = a{i}
        v{i}.version = a{i}._vc[0]
        v{i}.is_output = False
        v{i}.output_nr = a{i}._output_nr
    else:
        v{i} = a{i}
"""
# what _RECORD_ARG finds for an argument known to be a Tensor, or known not to be one
_KNOWN_TENSOR = """
    r{i} = a{i}._requires_grad
    f{i} = a{i}._grad_fn
    if f{i} is not None and a{i}._base is not None:
        f{i} = a{i}.grad_fn
    if f{i} is not None:
        e{i} = (f{i}, a{i}._output_nr)
    elif r{i}:
        e{i} = a{i}._grad_node()
    else:
        e{i} = NO_EDGE
    m{i} = (a{i}._data.shape, a{i}.dtype)
"""
_KNOWN_NUMBER = """
    r{i} = False
    e{i} = NO_EDGE
    m{i} = None
"""
TENSOR, NUMBER = "tensor", "number"  # the argument kinds op_recorder can be told


def op_recorder(od, kinds=None):
    """`od.record1(args, params, output)`: records a call of `od` with one fresh output (made by
    Tensor._make: its _output_nr is 0, and its _view_version too unless `od` makes views; see
    _RECORD_OP); calls with another number of arguments go through record().

    With `kinds` (TENSOR or NUMBER for each argument, as the caller knows them) the recorder is
    `record(a0, a1, ..., params, output)`, without the tests of the arguments' types; None
    where such a recorder cannot be made."""
    n = od.n_inputs
    indices = [i for i, _ in od.saved_inputs + od.sym_sizes]
    if n < 1 or any(i >= n for i in indices) or any(i for i, _ in od.saves_result):
        if kinds is not None:
            return None
        return lambda args, params, o: record(od, args, params, (o,))

    def each(text):
        return ", ".join(text.format(i=i) for i in range(n)) + ("," if n == 1 else "")

    if kinds is None:
        header = _HEADER.format(n=n, names=each("a{i}"))
        per_arg = "".join(_RECORD_ARG.format(i=i) for i in range(n))
        save = "".join(_SAVE_INPUT.format(i=i) for i, _ in od.saved_inputs)
    else:
        if len(kinds) != n:
            return None
        header = f"def record({', '.join(f'a{i}' for i in range(n))}, params, o):"
        known = {TENSOR: _KNOWN_TENSOR, NUMBER: _KNOWN_NUMBER}
        per_arg = "".join(known[k].format(i=i) for i, k in enumerate(kinds))
        save = "".join(
            _SAVE_TENSOR.format(i=i) if kinds[i] == TENSOR else f"    v{i} = a{i}\n"
            for i, _ in od.saved_inputs
        )
    saved = [f"{name!r}: v{i}" for i, name in od.saved_inputs]
    saved += [f"{name!r}: SavedTensor(o, True, 0)" for i, name in od.saves_result if i == 0]
    saved += [f"{name!r}: a{i}.shape" for i, name in od.sym_sizes]
    params = [f"{name!r}: params[{name!r}]" for name in od.saved_params]
    # a node's params are only read: the ops that save none share one empty dict
    params = "{" + ", ".join(params) + "}" if params else "NO_PARAMS"
    view_version = "        o._view_version = o._vc[0]\n" if od.view else ""
    code = _RECORD_OP.format(
        header=header,
        cls="cls" if type(od.node_cls) is type else "cls(params)",
        per_arg=per_arg,
        any_need=" or ".join(f"r{i}" for i in range(n)),
        edges=each("e{i}"),
        save=save,
        saved=", ".join(saved),
        params=params,
        needs=each("r{i}"),
        metas=each("m{i}"),
        view_version=view_version,
    )
    namespace = {
        "Tensor": Tensor,
        "NO_EDGE": _NO_EDGE,
        "FLOAT": _FLOAT,
        "SavedTensor": SavedTensor,
        "new": object.__new__,
        "sequence": graph._sequence,
        "anomaly": anomaly_mode,
        "od": od,
        "cls": od.node_cls,
        "general": record,
        "NO_PARAMS": _NO_PARAMS,
    }
    exec(code, namespace)
    return namespace["record"]


def edges(args):
    """The (node, output_nr) each argument's gradient flows into (next_functions)."""
    edges = []
    for a in args:
        if not isinstance(a, Tensor):
            edges.append(_NO_EDGE)
        elif a.grad_fn is not None:
            edges.append((a.grad_fn, a._output_nr))
        else:
            edges.append(a._grad_node() or _NO_EDGE)
    return tuple(edges)


def new_node(od, params, edges=()):
    cls = od.node_cls
    if type(cls) is not type:
        cls = cls(params)
    return cls(edges)


def fill_node(node, od, args, params, outputs, needs, saved_self=None):
    _save(node, od, args, params, outputs, saved_self)
    node._needs = needs
    node._in_meta = tuple(
        [(a._data.shape, a.dtype) if isinstance(a, Tensor) else None for a in args]
    )


def _save(node, od, args, params, outputs, saved_self):
    """What the backward needs (od.save_values), and each output's metadata, to make zeros for
    a missing gradient."""
    od.save_values(node, args, params, outputs, saved_self)
    node._opdef = od
    if len(outputs) == 1:
        o = outputs[0]
        node._out_meta = ((o._data.shape, o.dtype, o._device),)
    else:
        node._out_meta = tuple([(o._data.shape, o.dtype, o._device) for o in outputs])
