"""The backward engine: an iterative walk of the graph in dependency order (no recursion).

It is the one place that reduces a gradient to its input's shape (the adjoint of broadcasting)
and casts it to its input's dtype, and it frees saved tensors after a backward unless asked
to retain them.
"""

from contextlib import nullcontext
from heapq import heappop, heappush

from numtorch._ops.cascade_sum import torch_order_sum
from numtorch.autograd import anomaly_mode, grad_mode

_NO_GUARD = nullcontext()


def _reduce_to(grad, shape, dtype):
    if grad._data.shape != shape:
        grad = sum_to(grad, shape)
    if grad.dtype is not dtype:
        if grad.dtype.is_complex and not dtype.is_complex:
            # A real input's gradient is the real part of a complex one (the imaginary part is
            # the derivative along a direction the input cannot move in).
            from numtorch._ops.registry import FUNCTIONS

            grad = FUNCTIONS["real"](grad)
        grad = grad.to(dtype)
    return grad


def sum_to(grad, shape):
    """Sums `grad` down to `shape` (the adjoint of broadcasting `shape` up to grad's shape)."""
    lead = grad.dim() - len(shape)
    dims = tuple(range(lead)) + tuple(
        i + lead for i, n in enumerate(shape) if n == 1 and grad.shape[i + lead] != 1
    )
    if dims:
        grad = grad.sum(dims, keepdim=True)
    if lead or grad.shape != shape:
        grad = grad.reshape(shape)
    return grad


def _dependencies(roots):
    """How many edges lead into each node reachable from the roots."""
    deps = {}
    stack = [n for n in roots if n is not None]
    roots = set(stack)  # a node is first seen as a root, or when it first enters deps
    while stack:
        for nxt, _ in stack.pop().next_functions:
            if nxt is None:
                continue
            if nxt in deps:
                deps[nxt] += 1
            else:
                deps[nxt] = 1
                if nxt not in roots:
                    stack.append(nxt)
    return deps


def _needed(roots, deps, targets):
    """Nodes from which some capture target is reachable (autograd.grad runs only those)."""
    parents = {}
    stack, seen = [n for n in roots if n is not None], set()
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        for nxt, _ in node.next_functions:
            if nxt is not None:
                parents.setdefault(nxt, []).append(node)
                stack.append(nxt)
    needed = set()
    stack = list(targets)
    while stack:
        node = stack.pop()
        if node in needed:
            continue
        needed.add(node)
        stack.extend(parents.get(node, ()))
    return needed


# The raw path: an op node whose OpDef has a raw backward (over xp arrays) runs it instead of its
# Tensor formula when no graph of the backward is wanted (create_graph=False), anomaly mode is off
# and its incoming gradient is a float32/float64/complex array. Gradients then flow between such
# nodes as bare arrays (no Tensor, no dispatch); they become Tensors where anything else reads
# them (hooks, autograd.grad's results, other nodes, leaves). RAW_BACKWARD = False turns the path
# off (tests compare both).
RAW_BACKWARD = True
_RAW_NP = {}  # numtorch dtype -> the numpy dtype of the raw path's gradients
_RAW_DTYPES = {}  # and back


def _raw_dtypes():
    from numtorch import _dtype
    from numtorch._device import CPU, xp_for
    from numtorch._tensor import Tensor

    for d in (_dtype.float32, _dtype.float64, _dtype.complex64, _dtype.complex128):
        _RAW_NP[d] = np_dtype = xp_for(CPU).dtype(d.np)
        _RAW_DTYPES[np_dtype] = d
    return Tensor, CPU, xp_for(CPU), xp_for


def run_backward(roots, grads, retain_graph, create_graph, capture=None, accumulate=True):
    """Propagates `grads` from the (node, output_nr) pairs in `roots`.

    capture: a list of (node, output_nr) whose incoming gradient is returned (autograd.grad);
    with accumulate=False no AccumulateGrad runs.
    """
    Tensor, cpu, numpy, xp_for = _LIBS or _libs()
    nodes = [n for n, _ in roots]
    deps = _dependencies(nodes)
    buffers = {}
    for (node, nr), g in zip(roots, grads):
        _add(buffers, node, nr, g)
    captured = {}
    wanted = {}
    needed = None
    if capture is not None:
        for i, key in enumerate(capture):
            wanted.setdefault(key[0], []).append((key[1], i))
        if not accumulate:
            needed = _needed(nodes, deps, wanted)
    ready = []
    for node in dict.fromkeys(nodes):
        if deps.get(node, 0) == 0:
            heappush(ready, (-node._seq, id(node), node))
    checking = anomaly_mode.enabled  # anomaly mode: NaN checks, errors name the failing node
    guard = anomaly_mode.NodeErrors() if checking else _NO_GUARD
    raw_ok = RAW_BACKWARD and not create_graph and not checking
    raw_np = _RAW_NP
    # NumPy's divide/invalid/overflow warnings off, as in the forwards (torch is silent)
    quiet = numpy.errstate(all="ignore") if raw_ok else _NO_GUARD
    with grad_mode.set_grad_enabled(create_graph), guard, quiet:
        node = None  # the node to run next when it is the only one ready (no heap round trip)
        while node is not None or ready:
            if node is None:
                node = heappop(ready)[2]
            if checking:
                anomaly_mode.running(node)
            inputs = buffers.pop(node, None) or {}
            if node._extra is not None and (
                node._tensor_hooks or node._retained or node._pre_hooks
            ):
                inputs = _run_pre_hooks(node, _as_tensors(node, inputs, Tensor))
            if wanted and node in wanted:
                inputs = _as_tensors(node, inputs, Tensor)
                for nr, i in wanted[node]:
                    captured[i] = inputs.get(nr)
            xp = None  # set when the node ran its raw backward: its outputs are xp arrays
            if needed is not None and node not in needed:
                outs = ()
            elif (
                node._is_op
                and (node._extra is None or not node._hooks)
                and len(node._out_meta) == 1
            ):
                # OpNode.apply without its call: the raw formula where it can run, else the
                # Tensor one
                od = node._opdef
                g = inputs.get(0)
                if g is None:
                    g = _zeros(node, 0)
                elif raw_ok and od.call_raw is not None:
                    # arrays in the buffers always have a raw dtype (see below)
                    if not isinstance(g, Tensor):
                        data = g
                    elif g.dtype in raw_np and not g._requires_grad:
                        data = g._data
                    else:
                        data = None
                    if data is not None:
                        dev = node._out_meta[0][2]
                        xp = numpy if dev is cpu else xp_for(dev)
                        outs = od.call_raw(node, data, xp)
                    else:
                        g = _as_tensor(g, node._out_meta[0], Tensor)
                if xp is None:
                    outs = od.call_backward1(node, g)
                if type(outs) is not tuple:
                    outs = (outs,)
                if not retain_graph:
                    node._saved = None  # OpNode._release, without its call
            elif node._accumulates:
                if accumulate:
                    node.apply((inputs.get(0),), create_graph)
                    if not retain_graph:
                        node._release()
                outs = ()
            else:
                out_meta = node._out_meta
                if out_meta and len(out_meta) == 1 and not node._hooks:
                    g = inputs.get(0)
                    if g is None:
                        g = _zeros(node, 0)
                    outs = node.apply((g,))
                else:
                    outs = _call(node, _as_tensors(node, inputs, Tensor))
                if not retain_graph:
                    node._release()
            if checking:
                anomaly_mode.check_outputs(node, outs)
            # Pass each input gradient on, reduced to the input's shape and dtype; a next node
            # whose last dependency this was becomes ready.
            meta = node._in_meta
            edges = node.next_functions
            became_ready = None
            if xp is not None and len(outs) == len(edges):
                # the raw path, one gradient per input (arrays, or NumPy scalars)
                for (nxt, nr), g, m in zip(edges, outs, meta):
                    if nxt is None:
                        continue
                    if g is not None:
                        if g.shape != m[0] or g.dtype is not raw_np.get(m[1]):
                            g = _reduce_array(g, m[0], m[1], dev, xp, Tensor)
                        if type(g) is not Tensor and (
                            not nxt._is_op or nxt._opdef.call_raw is None
                        ):
                            g = Tensor._make(xp.asarray(g), m[1], dev)
                        slots = buffers.get(nxt)
                        if slots is None:
                            buffers[nxt] = {nr: g}
                        else:
                            old = slots.get(nr)
                            slots[nr] = g if old is None else _sum(old, g, Tensor)
                    left = deps[nxt] - 1
                    deps[nxt] = left
                    if left == 0:
                        if became_ready is not None:
                            heappush(ready, (-became_ready._seq, id(became_ready), became_ready))
                        became_ready = nxt
            else:
                n_outs = len(outs)
                i = -1
                for nxt, nr in edges:
                    i += 1
                    if nxt is None:
                        continue
                    g = outs[i] if i < n_outs else None
                    if g is not None:
                        if xp is not None:  # an array (or a NumPy scalar) from a raw formula
                            m = meta[i]
                            if g.shape != m[0] or g.dtype is not raw_np.get(m[1]):
                                g = _reduce_array(g, m[0], m[1], dev, xp, Tensor)
                            if type(g) is not Tensor and (
                                not nxt._is_op or nxt._opdef.call_raw is None
                            ):
                                g = Tensor._make(xp.asarray(g), m[1], dev)
                        elif meta is not None:
                            m = meta[i]
                            if m is not None and (g._data.shape != m[0] or g.dtype is not m[1]):
                                g = _reduce_to(g, m[0], m[1])
                        slots = buffers.get(nxt)
                        if slots is None:
                            buffers[nxt] = {nr: g}
                        else:
                            old = slots.get(nr)
                            slots[nr] = g if old is None else _sum(old, g, Tensor)
                    left = deps[nxt] - 1
                    deps[nxt] = left
                    if left == 0:
                        if became_ready is not None:
                            heappush(ready, (-became_ready._seq, id(became_ready), became_ready))
                        became_ready = nxt
            node = None
            if became_ready is not None:
                if ready:
                    heappush(ready, (-became_ready._seq, id(became_ready), became_ready))
                else:
                    node = became_ready
    return captured


_LIBS = None


def _libs():
    global _LIBS
    _LIBS = _raw_dtypes()
    return _LIBS


def _sum(old, g, Tensor):
    """Two gradients of one output added (arrays stay arrays; an array and a Tensor, a Tensor)."""
    if isinstance(old, Tensor) is isinstance(g, Tensor):
        return old + g
    if isinstance(old, Tensor):
        return old + _as_tensor(g, (None, old.dtype, old._device), Tensor)
    return _as_tensor(old, (None, g.dtype, g._device), Tensor) + g


def _as_tensor(g, meta, Tensor):
    """A raw gradient array as the Tensor of an output with `meta` (shape, dtype, device)."""
    if g is None or isinstance(g, Tensor):
        return g
    from numtorch._device import xp_for

    return Tensor._make(xp_for(meta[2]).asarray(g), meta[1], meta[2])


def _as_tensors(node, inputs, Tensor):
    """The node's incoming gradients with every raw array made a Tensor (only op nodes with a
    raw backward receive arrays, and they know their outputs' metadata)."""
    for nr, g in inputs.items():
        if g is not None and not isinstance(g, Tensor):
            inputs[nr] = _as_tensor(g, node._out_meta[nr], Tensor)
    return inputs


def _reduce_array(g, shape, dtype, dev, xp, Tensor):
    """_reduce_to for a raw gradient array: summed to `shape`, cast to `dtype`. Casts to a dtype
    outside the raw path's (float16, bfloat16) go through the Tensor path's rounding."""
    if g.shape != shape:
        lead = g.ndim - len(shape)
        gshape = g.shape
        axes = tuple(range(lead)) + tuple(
            i + lead for i, n in enumerate(shape) if n == 1 and gshape[i + lead] != 1
        )
        if axes:
            g = torch_order_sum(xp, g, axes, keepdims=True)
        if lead or g.shape != shape:
            g = g.reshape(shape)
    np_dtype = _RAW_NP.get(dtype)
    if np_dtype is None:
        from numtorch._dtype import from_numpy_dtype

        t = Tensor._make(xp.asarray(g), from_numpy_dtype(g.dtype), dev)
        return _reduce_to(t, shape, dtype)
    if g.dtype is not np_dtype:
        if g.dtype.kind == "c" and np_dtype.kind != "c":
            g = g.real
        g = g.astype(np_dtype)
    return g


def _add(buffers, node, nr, g):
    slots = buffers.setdefault(node, {})
    old = slots.get(nr)
    slots[nr] = g if old is None else old + g


def _run_pre_hooks(node, inputs):
    """Tensor hooks, then retain_grad, then node pre-hooks, as torch orders them."""
    if node._tensor_hooks:
        for nr, hooks in node._tensor_hooks.items():
            g = inputs.get(nr)
            if g is None:
                continue
            for hook in list(hooks.values()):
                new = hook(g)
                if new is not None:
                    g = new
            inputs[nr] = g
    if node._retained:
        for nr, ref in node._retained.items():
            t = ref()
            g = inputs.get(nr)
            if t is None or g is None:
                continue
            if t._grad is None:
                t._grad = g.detach()._private_copy() if not g.requires_grad else g
            else:
                t._grad = t._grad + g
    if node._pre_hooks:
        n_out = max(inputs, default=-1) + 1
        grads = tuple(inputs.get(i) for i in range(n_out))
        for hook in list(node._pre_hooks.values()):
            new = hook(grads)
            if new is not None:
                grads = tuple(new)
        inputs = {i: g for i, g in enumerate(grads)}
    return inputs


def _call(node, inputs):
    out_meta = node._out_meta
    n_out = len(out_meta) if out_meta else max(inputs, default=0) + 1
    grads = []
    for i in range(n_out):
        g = inputs.get(i)
        if g is None:
            g = _zeros(node, i)
        grads.append(g)
    grads = tuple(grads)
    result = node.apply(grads)
    if node._hooks:
        grads_in = tuple(result)
        for hook in list(node._hooks.values()):
            new = hook(grads_in, grads)
            if new is not None:
                grads_in = tuple(new)
        result = grads_in
    return result


def _zeros(node, output_nr):
    """The gradient an output that got none gets: zeros, or None where the node's
    _output_meta says so (a custom Function after ctx.set_materialize_grads(False))."""
    from numtorch._creation import zeros

    meta = node._output_meta(output_nr)
    if meta is None:
        return None
    shape, dtype, device = meta
    return zeros(shape, dtype=dtype, device=device)
