"""torch.autograd: backward, grad, and the grad-mode switches."""

import warnings

from numtorch.autograd import function, functional
from numtorch.autograd.anomaly_mode import detect_anomaly, set_detect_anomaly
from numtorch.autograd.function import Function
from numtorch.autograd.grad_mode import (
    enable_grad,
    inference_mode,
    is_grad_enabled,
    is_inference_mode_enabled,
    no_grad,
    set_grad_enabled,
)
from numtorch.autograd.gradcheck import gradcheck, gradgradcheck
from numtorch.autograd.variable import Variable

CREATE_GRAPH_CYCLE = (
    "Using backward() with create_graph=True will create a reference cycle between the parameter "
    "and its gradient which can cause a memory leak. We recommend using autograd.grad when "
    "creating the graph to avoid this. If you have to use this function, make sure to reset the "
    ".grad fields of your parameters to None after use to break the cycle and avoid the leak."
)

__all__ = [
    "backward",
    "grad",
    "no_grad",
    "enable_grad",
    "set_grad_enabled",
    "inference_mode",
    "is_grad_enabled",
    "is_inference_mode_enabled",
    "gradcheck",
    "gradgradcheck",
    "Variable",
    "Function",
    "function",
    "functional",
    "detect_anomaly",
    "set_detect_anomaly",
]


def _as_tuple(x):
    if x is None:
        return None
    from numtorch._tensor import Tensor

    if isinstance(x, Tensor):
        return (x,)
    return tuple(x)


def _roots_and_grads(tensors, grad_tensors, create_graph):
    from numtorch._creation import ones_like
    from numtorch._tensor import Tensor

    grads = _as_tuple(grad_tensors) or (None,) * len(tensors)
    if len(grads) != len(tensors):
        raise RuntimeError(
            "grad can be implicitly created only for scalar outputs"
            if not grads
            else f"Mismatch in number of gradients: expected {len(tensors)}, got {len(grads)}"
        )
    roots, seeds = [], []
    for i, (t, g) in enumerate(zip(tensors, grads)):
        root = t._grad_node()
        if root is None:
            raise RuntimeError(
                f"element {i} of tensors does not require grad and does not have a grad_fn"
            )
        if g is None:
            if t.numel() != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            if not t.dtype.is_floating_point:
                raise RuntimeError(
                    f"grad can be implicitly created only for real scalar outputs but got {t.dtype}"
                )
            g = ones_like(t)
        elif not isinstance(g, Tensor):
            from numtorch._creation import tensor as make

            g = make(g, dtype=t.dtype)
        elif g.shape != t.shape:
            raise RuntimeError(
                f"Mismatch in shape: grad_output[{i}] has a shape of {g.shape} and output[{i}] "
                f"has a shape of {t.shape}."
            )
        if not create_graph:
            g = g.detach()
        roots.append(root)
        seeds.append(g)
    return roots, seeds


def backward(
    tensors,
    grad_tensors=None,
    retain_graph=None,
    create_graph=False,
    grad_variables=None,
    inputs=None,
):
    """Same as `torch.autograd.backward`: accumulates gradients into the leaves' `.grad`."""
    from numtorch.autograd.engine import run_backward

    tensors = _as_tuple(tensors)
    if retain_graph is None:
        retain_graph = create_graph
    roots, seeds = _roots_and_grads(tensors, grad_tensors, create_graph)
    if create_graph and (inputs is None or any(t.grad_fn is None for t in _as_tuple(inputs))):
        warnings.warn(CREATE_GRAPH_CYCLE, UserWarning, stacklevel=3)
    if inputs is not None:
        inputs = _as_tuple(inputs)
        if not inputs:
            raise RuntimeError("`inputs` argument to `backward()` cannot be empty.")
        keys = []
        for t in inputs:
            key = t._grad_node()
            if key is None:
                raise RuntimeError("One of the differentiated Tensors does not require grad")
            keys.append(key)
        captured = run_backward(roots, seeds, retain_graph, create_graph, keys, accumulate=False)
        for t, key in zip(inputs, keys):
            g = captured.get(keys.index(key))
            if g is None:
                continue
            if t.grad_fn is None:
                key[0].apply((g,), create_graph)
            else:
                t._grad = g if t._grad is None else t._grad + g
        return
    run_backward(roots, seeds, retain_graph, create_graph)


def grad(
    outputs,
    inputs,
    grad_outputs=None,
    retain_graph=None,
    create_graph=False,
    only_inputs=True,
    allow_unused=None,
    is_grads_batched=False,
    materialize_grads=False,
):
    """Same as `torch.autograd.grad`: returns the gradients instead of accumulating them."""
    from numtorch._creation import zeros_like
    from numtorch.autograd.engine import run_backward

    outputs = _as_tuple(outputs)
    inputs = _as_tuple(inputs)
    if materialize_grads and allow_unused is False:
        raise ValueError(
            "Expected allow_unused to be True or not passed when materialize_grads=True, but "
            "got: allow_unused=False."
        )
    if allow_unused is None:
        allow_unused = materialize_grads
    if retain_graph is None:
        retain_graph = create_graph
    roots, seeds = _roots_and_grads(outputs, grad_outputs, create_graph)
    keys = []
    for t in inputs:
        key = t._grad_node()
        if key is None:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
        keys.append(key)
    captured = run_backward(roots, seeds, retain_graph, create_graph, keys, accumulate=False)
    result = []
    for i, t in enumerate(inputs):
        g = captured.get(i)
        if g is None:
            if not allow_unused:
                raise RuntimeError(
                    f"The differentiated Tensor at index {i} appears to not have been used in "
                    "the graph. Set allow_unused=True if this is the desired behavior."
                )
            if materialize_grads:
                g = zeros_like(t)
        result.append(g)
    return tuple(result)
