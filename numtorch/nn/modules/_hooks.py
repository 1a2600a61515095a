"""Module hooks: the global hook tables, calling a module with its hooks, and the backward hooks
that torch builds from an identity autograd node on the module's inputs and outputs.

Registration methods live on Module (module.py); this file holds what runs when a hooked module
is called.
"""

import warnings
import weakref
from collections import OrderedDict

from numtorch.autograd import grad_mode
from numtorch.autograd.graph import Node
from numtorch.utils.hooks import RemovableHandle as _BaseHandle

_global_buffer_registration_hooks = OrderedDict()
_global_module_registration_hooks = OrderedDict()
_global_parameter_registration_hooks = OrderedDict()
_global_backward_pre_hooks = OrderedDict()
_global_backward_hooks = OrderedDict()
_global_forward_pre_hooks = OrderedDict()
_global_forward_hooks = OrderedDict()
_global_forward_hooks_always_called = OrderedDict()
_global_forward_hooks_with_kwargs = OrderedDict()
# Whether the global backward hooks are full ones (None: none registered yet).
_global_is_full_backward_hook = [None]


class RemovableHandle(_BaseHandle):
    """Same as `torch.utils.hooks.RemovableHandle`, with `extra_dict`: further tables that the
    hook's flags live in, cleared with it."""

    def __init__(self, hooks_dict, *, extra_dict=None):
        super().__init__(hooks_dict)
        if isinstance(extra_dict, dict):
            extra_dict = [extra_dict]
        self.extra_dict_ref = tuple(extra_dict or ())

    def remove(self):
        super().remove()
        for extra in self.extra_dict_ref:
            extra.pop(self.id, None)


def any_global_hook():
    return (
        _global_backward_pre_hooks
        or _global_backward_hooks
        or _global_forward_pre_hooks
        or _global_forward_hooks
    )


def register(table, hook, prepend=False, extra_dict=None):
    handle = RemovableHandle(table, extra_dict=extra_dict)
    table[handle.id] = hook
    if prepend:
        table.move_to_end(handle.id, last=False)
    return handle


class WrappedHook:
    """A hook that gets the module (held weakly) as its first argument."""

    def __init__(self, hook, module=None):
        self.hook = hook
        self.with_module = module is not None
        if module is not None:
            self.module = weakref.ref(module)

    def __call__(self, *args, **kwargs):
        if self.with_module:
            module = self.module()
            if module is None:
                raise RuntimeError("You are trying to call the hook of a dead Module!")
            return self.hook(module, *args, **kwargs)
        return self.hook(*args, **kwargs)

    def __getstate__(self):
        state = {"hook": self.hook, "with_module": self.with_module}
        if self.with_module:
            state["module"] = self.module()
        return state

    def __setstate__(self, state):
        self.hook = state["hook"]
        self.with_module = state["with_module"]
        if self.with_module:
            if state["module"] is None:
                raise RuntimeError("You are trying to revive the hook of a dead Module!")
            self.module = weakref.ref(state["module"])


# ---------------------------------------------------------------- calling with hooks


def call_with_hooks(module, forward_call, args, kwargs):
    """Module.__call__ when some hook is registered: pre-hooks, forward, forward hooks, and the
    setup of backward hooks, in torch's order; `always_call` hooks also run when forward fails."""
    result = None
    called = set()
    try:
        full_hooks, old_hooks = [], []
        pre_hooks = []
        if module._backward_pre_hooks or _global_backward_pre_hooks:
            pre_hooks = [*_global_backward_pre_hooks.values(), *module._backward_pre_hooks.values()]
        if module._backward_hooks or _global_backward_hooks:
            full_hooks, old_hooks = module._get_backward_hooks()
        for hook_id, hook in (
            *_global_forward_pre_hooks.items(),
            *module._forward_pre_hooks.items(),
        ):
            if hook_id in module._forward_pre_hooks_with_kwargs:
                new = hook(module, args, kwargs)
                if new is not None:
                    if isinstance(new, tuple) and len(new) == 2:
                        args, kwargs = new
                    else:
                        raise RuntimeError(
                            "forward pre-hook must return None or a tuple of (new_args, "
                            f"new_kwargs), but got {new}."
                        )
            else:
                new = hook(module, args)
                if new is not None:
                    args = new if isinstance(new, tuple) else (new,)
        bw_hook = None
        if full_hooks or pre_hooks:
            bw_hook = BackwardHook(module, full_hooks, pre_hooks)
            args = bw_hook.setup_input_hook(args)
        result = forward_call(*args, **kwargs)
        for hook_id, hook in (*_global_forward_hooks.items(), *module._forward_hooks.items()):
            if (
                hook_id in module._forward_hooks_always_called
                or hook_id in _global_forward_hooks_always_called
            ):
                called.add(hook_id)
            if (
                hook_id in module._forward_hooks_with_kwargs
                or hook_id in _global_forward_hooks_with_kwargs
            ):
                new = hook(module, args, kwargs, result)
            else:
                new = hook(module, args, result)
            if new is not None:
                result = new
        if bw_hook is not None:
            from numtorch._tensor import Tensor

            if not isinstance(result, (Tensor, tuple)):
                warnings.warn(
                    "For backward hooks to be called, module output should be a Tensor or a "
                    f"tuple of Tensors but received {type(result)}",
                    stacklevel=3,
                )
            result = bw_hook.setup_output_hook(result)
        if old_hooks:
            _attach_old_backward_hooks(module, old_hooks, args, result)
        return result
    except Exception:
        _run_always_called(module, args, kwargs, result, called)
        raise


def _run_always_called(module, args, kwargs, result, called):
    for hook_id, hook in _global_forward_hooks.items():
        if hook_id in _global_forward_hooks_always_called and hook_id not in called:
            try:
                new = hook(module, args, result)
                if new is not None:
                    result = new
            except Exception as e:
                warnings.warn(
                    "global module forward hook with ``always_call=True`` raised an exception "
                    f"that was silenced as another error was raised in forward: {e}",
                    stacklevel=3,
                )
    for hook_id, hook in module._forward_hooks.items():
        if hook_id in module._forward_hooks_always_called and hook_id not in called:
            try:
                if hook_id in module._forward_hooks_with_kwargs:
                    new = hook(module, args, kwargs, result)
                else:
                    new = hook(module, args, result)
                if new is not None:
                    result = new
            except Exception as e:
                warnings.warn(
                    "module forward hook with ``always_call=True`` raised an exception that was "
                    f"silenced as another error was raised in forward: {e}",
                    stacklevel=3,
                )


def _attach_old_backward_hooks(module, hooks, args, result):
    """The deprecated `register_backward_hook`: hooks on the grad_fn of the first output."""
    from numtorch._tensor import Tensor

    var = result
    while not isinstance(var, Tensor):
        if isinstance(var, dict):
            var = next(v for v in var.values() if isinstance(v, Tensor))
        else:
            var = var[0]
    grad_fn = var.grad_fn
    if grad_fn is not None:
        for hook in hooks:
            grad_fn.register_hook(WrappedHook(hook, module))
        _warn_old_backward_hook(args, result, grad_fn)


def _warn_old_backward_hook(inputs, result, grad_fn):
    """torch's FutureWarnings for the cases where the deprecated hook misses gradients."""
    from numtorch._tensor import Tensor

    def warn(text):
        warnings.warn(text, FutureWarning, stacklevel=4)

    if isinstance(result, Tensor):
        result = (result,)
    elif not (isinstance(result, tuple) and all(isinstance(r, Tensor) for r in result)):
        return warn(
            "Using non-full backward hooks on a Module that does not return a single Tensor or a "
            "tuple of Tensors is deprecated and will be removed in future versions. This hook "
            "will be missing some of the grad_output. Please use register_full_backward_hook to "
            "get the documented behavior."
        )
    if isinstance(inputs, Tensor):
        inputs = (inputs,)
    elif not (isinstance(inputs, tuple) and all(isinstance(i, Tensor) for i in inputs)):
        return warn(
            "Using non-full backward hooks on a Module that does not take as input a single "
            "Tensor or a tuple of Tensors is deprecated and will be removed in future versions. "
            "This hook will be missing some of the grad_input. Please use "
            "register_full_backward_hook to get the documented behavior."
        )
    out_fns = {r.grad_fn for r in result if r.grad_fn is not None}
    if not out_fns or (len(out_fns) == 1 and grad_fn not in out_fns):
        warn(
            "Using a non-full backward hook when outputs are nested in python data structure is "
            "deprecated and will be removed in future versions. This hook will be missing some "
            "grad_output."
        )
    elif len(out_fns) > 1:
        warn(
            "Using a non-full backward hook when outputs are generated by different autograd "
            "Nodes is deprecated and will be removed in future versions. This hook will be "
            "missing some grad_output. Please use register_full_backward_hook to get the "
            "documented behavior."
        )
    else:
        in_fns = {i.grad_fn for i in inputs if i.grad_fn is not None}
        if in_fns != {n for n, _ in grad_fn.next_functions}:
            warn(
                "Using a non-full backward hook when the forward contains multiple autograd "
                "Nodes is deprecated and will be removed in future versions. This hook will be "
                "missing some grad_input. Please use register_full_backward_hook to get the "
                "documented behavior."
            )


# ---------------------------------------------------------------- full backward hooks


class BackwardHookFunctionBackward(Node):
    """The identity node torch puts on a hooked module's inputs and outputs: gradients pass
    through unchanged, and its node hooks see them."""

    __slots__ = ("_meta",)

    def __init__(self, tensors):
        edges = tuple((t._grad_node() if t.requires_grad else None) or (None, 0) for t in tensors)
        super().__init__(edges)
        self._meta = [(t.shape, t.dtype, t.device) for t in tensors]

    def apply(self, grads):
        from numtorch._creation import zeros

        out = []
        for i, (shape, dtype, device) in enumerate(self._meta):
            g = grads[i] if i < len(grads) else None
            out.append(zeros(shape, dtype=dtype, device=device) if g is None else g)
        return tuple(out)

    def _output_meta(self, output_nr):
        # None: the engine passes a missing gradient as None, so the hooks see None where torch's
        # do; apply makes the zeros
        return None


def _pad(grads, n):
    grads = tuple(grads)
    return grads + (None,) * (n - len(grads))


def _pack_with_none(indices, values, size):
    out = [None] * size
    for i, v in zip(indices, values):
        out[i] = v
    return tuple(out)


class BackwardHook:
    """Runs a module's full backward (pre-)hooks from identity nodes on its inputs and outputs:
    the output node sees grad_output (and runs the pre-hooks), the input node then sees
    grad_input and calls the hooks with both."""

    def __init__(self, module, user_hooks, user_pre_hooks):
        self.module = module
        self.user_hooks = user_hooks
        self.user_pre_hooks = user_pre_hooks
        self.grad_outputs = None
        self.n_outputs = -1
        self.output_tensors_index = None
        self.n_inputs = -1
        self.input_tensors_index = None

    def _apply_on_tensors(self, fn, args):
        from numtorch._tensor import Tensor

        index = [i for i, a in enumerate(args) if isinstance(a, Tensor)]
        tensors = [args[i] for i in index]
        if not (any(t.requires_grad for t in tensors) and grad_mode.is_grad_enabled()):
            return args, None
        node = BackwardHookFunctionBackward(tensors)
        fn(node)
        new = list(args)
        for nr, (i, t) in enumerate(zip(index, tensors)):
            new[i] = t._alias_with_graph(node, nr) if t.requires_grad else t._alias_without_graph()
        out = tuple(new) if type(args) is tuple else type(args)(*new)
        return out, index

    def setup_input_hook(self, args):
        def attach(node):
            def hook(grad_input, _):
                if self.grad_outputs is None:
                    return None
                res = _pack_with_none(self.input_tensors_index, grad_input, self.n_inputs)
                for user_hook in self.user_hooks:
                    out = user_hook(self.module, res, self.grad_outputs)
                    if out is None:
                        continue
                    if len(out) != len(res):
                        raise RuntimeError(
                            "Backward hook returned an invalid number of grad_input, got "
                            f"{len(out)}, but expected {len(res)}"
                        )
                    res = out
                self.grad_outputs = None
                return tuple(res[i] for i in self.input_tensors_index)

            node.register_hook(hook)

        res, index = self._apply_on_tensors(attach, args)
        self.n_inputs = len(args)
        self.input_tensors_index = index
        return res

    def setup_output_hook(self, result):
        def attach(node):
            def hook(_, grad_output):
                grad_output = _pad(grad_output, len(self.output_tensors_index))
                self.grad_outputs = _pack_with_none(
                    self.output_tensors_index, grad_output, self.n_outputs
                )
                self._run_pre_hooks()
                local = self.grad_outputs
                if self.input_tensors_index is None:
                    self._fire_without_inputs()
                if local is not None:
                    return tuple(local[i] for i in self.output_tensors_index)
                return None

            node.register_hook(hook)

        is_tuple = isinstance(result, tuple)
        args = result if is_tuple else (result,)
        res, index = self._apply_on_tensors(attach, args)
        self.n_outputs = len(args)
        self.output_tensors_index = index
        return res if is_tuple else res[0]

    def _run_pre_hooks(self):
        expected = len(self.grad_outputs)
        for pre_hook in self.user_pre_hooks:
            new = pre_hook(self.module, self.grad_outputs)
            if new is None:
                continue
            if len(new) != expected:
                raise RuntimeError(
                    "Backward pre hook returned an invalid number of grad_output, got "
                    f"{len(new)}, but expected {expected}"
                )
            self.grad_outputs = new

    def _fire_without_inputs(self):
        warnings.warn(
            "Full backward hook is firing when gradients are computed with respect to module "
            "outputs since no inputs require gradients. See "
            "https://docs.pytorch.org/docs/main/generated/torch.nn.Module.html#torch.nn.Module."
            "register_full_backward_hook for more details.",
            stacklevel=5,
        )
        grad_inputs = (None,) * self.n_inputs
        for user_hook in self.user_hooks:
            res = user_hook(self.module, grad_inputs, self.grad_outputs)
            if res is not None and not (isinstance(res, tuple) and all(r is None for r in res)):
                raise RuntimeError(
                    "Backward hook for Modules where no input requires gradient should always "
                    "return None or None for all gradients."
                )
        self.grad_outputs = None
