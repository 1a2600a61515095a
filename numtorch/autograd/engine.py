"""The backward engine: an iterative walk of the graph in dependency order (no recursion).

It is the one place that reduces a gradient to its input's shape (the adjoint of broadcasting)
and casts it to its input's dtype, and it frees saved tensors after a backward unless asked
to retain them.
"""

import heapq

from numtorch.autograd import grad_mode
from numtorch.autograd.graph import AccumulateGrad


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
    seen = set()
    stack = [n for n in roots if n is not None]
    for n in stack:
        seen.add(n)
    while stack:
        node = stack.pop()
        for nxt, _ in node.next_functions:
            if nxt is None:
                continue
            deps[nxt] = deps.get(nxt, 0) + 1
            if nxt not in seen:
                seen.add(nxt)
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


def run_backward(roots, grads, retain_graph, create_graph, capture=None, accumulate=True):
    """Propagates `grads` from the (node, output_nr) pairs in `roots`.

    capture: a list of (node, output_nr) whose incoming gradient is returned (autograd.grad);
    with accumulate=False no AccumulateGrad runs.
    """
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
            heapq.heappush(ready, (-node._seq, id(node), node))
    with grad_mode.set_grad_enabled(create_graph):
        while ready:
            _, _, node = heapq.heappop(ready)
            inputs = buffers.pop(node, None) or {}
            grads_in = _run_pre_hooks(node, inputs)
            if node in wanted:
                for nr, i in wanted[node]:
                    captured[i] = grads_in.get(nr)
            run = needed is None or node in needed
            if isinstance(node, AccumulateGrad):
                run = run and accumulate
            if run:
                outs = _call(node, grads_in, create_graph)
                if not retain_graph:
                    node._release()
            else:
                outs = ()
            nexts = node.next_functions
            meta = getattr(node, "_in_meta", None)
            for i, (nxt, nr) in enumerate(nexts):
                if nxt is None:
                    continue
                g = outs[i] if i < len(outs) else None
                if g is not None and meta is not None and meta[i] is not None:
                    g = _reduce_to(g, *meta[i])
                if g is not None:
                    _add(buffers, nxt, nr, g)
                deps[nxt] -= 1
                if deps[nxt] == 0:
                    heapq.heappush(ready, (-nxt._seq, id(nxt), nxt))
    return captured


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


def _call(node, inputs, create_graph):
    if isinstance(node, AccumulateGrad):
        return node.apply((inputs.get(0),), create_graph)
    n_out = len(node._out_meta) if getattr(node, "_out_meta", None) else max(inputs, default=0) + 1
    grads = []
    for i in range(n_out):
        g = inputs.get(i)
        if g is None:
            g = _zeros(node, i)
        grads.append(g)
    result = node.apply(tuple(grads))
    if node._hooks:
        grads_in = tuple(result)
        for hook in list(node._hooks.values()):
            new = hook(grads_in, tuple(grads))
            if new is not None:
                grads_in = tuple(new)
        result = grads_in
    return result


def _zeros(node, output_nr):
    from numtorch._creation import zeros

    shape, dtype, device = node._output_meta(output_nr)
    return zeros(shape, dtype=dtype, device=device)
