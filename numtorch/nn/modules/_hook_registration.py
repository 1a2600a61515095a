"""Hook registration: the global `register_module_*` functions and the per-module
`register_*_hook` methods (bound onto Module in module.py). What runs the hooks is in _hooks.py."""

from numtorch.nn.modules import _hooks
from numtorch.nn.modules._hooks import register

_MIXED_BACKWARD = (
    "Cannot use both regular backward hooks and full backward hooks on a single Module. Please "
    "use only one of them."
)


def register_module_buffer_registration_hook(hook):
    """Same as `torch.nn.modules.module.register_module_buffer_registration_hook`."""
    return register(_hooks._global_buffer_registration_hooks, hook)


def register_module_module_registration_hook(hook):
    """Same as `torch.nn.modules.module.register_module_module_registration_hook`."""
    return register(_hooks._global_module_registration_hooks, hook)


def register_module_parameter_registration_hook(hook):
    """Same as `torch.nn.modules.module.register_module_parameter_registration_hook`."""
    return register(_hooks._global_parameter_registration_hooks, hook)


def register_module_forward_pre_hook(hook):
    """Same as `torch.nn.modules.module.register_module_forward_pre_hook`."""
    return register(_hooks._global_forward_pre_hooks, hook)


def register_module_forward_hook(hook, *, with_kwargs=False, always_call=False):
    """Same as `torch.nn.modules.module.register_module_forward_hook`."""
    handle = register(
        _hooks._global_forward_hooks,
        hook,
        extra_dict=[
            _hooks._global_forward_hooks_always_called,
            _hooks._global_forward_hooks_with_kwargs,
        ],
    )
    if with_kwargs:
        _hooks._global_forward_hooks_with_kwargs[handle.id] = True
    if always_call:
        _hooks._global_forward_hooks_always_called[handle.id] = True
    return handle


def _set_global_full(full):
    if _hooks._global_is_full_backward_hook[0] is (not full):
        raise RuntimeError(
            "Cannot use both regular backward hooks and full backward hooks as a global Module "
            "hook. Please use only one of them."
        )
    _hooks._global_is_full_backward_hook[0] = full


def register_module_backward_hook(hook):
    """Same as `torch.nn.modules.module.register_module_backward_hook` (deprecated)."""
    _set_global_full(False)
    return register(_hooks._global_backward_hooks, hook)


def register_module_full_backward_pre_hook(hook):
    """Same as `torch.nn.modules.module.register_module_full_backward_pre_hook`."""
    return register(_hooks._global_backward_pre_hooks, hook)


def register_module_full_backward_hook(hook):
    """Same as `torch.nn.modules.module.register_module_full_backward_hook`."""
    _set_global_full(True)
    return register(_hooks._global_backward_hooks, hook)


def register_forward_pre_hook(self, hook, *, prepend=False, with_kwargs=False):
    """Same as `torch.nn.Module.register_forward_pre_hook`."""
    handle = register(
        self._forward_pre_hooks,
        hook,
        prepend,
        extra_dict=self._forward_pre_hooks_with_kwargs,
    )
    if with_kwargs:
        self._forward_pre_hooks_with_kwargs[handle.id] = True
    return handle


def register_forward_hook(self, hook, *, prepend=False, with_kwargs=False, always_call=False):
    """Same as `torch.nn.Module.register_forward_hook`."""
    handle = register(
        self._forward_hooks,
        hook,
        prepend,
        extra_dict=[self._forward_hooks_with_kwargs, self._forward_hooks_always_called],
    )
    if with_kwargs:
        self._forward_hooks_with_kwargs[handle.id] = True
    if always_call:
        self._forward_hooks_always_called[handle.id] = True
    return handle


def register_full_backward_pre_hook(self, hook, prepend=False):
    """Same as `torch.nn.Module.register_full_backward_pre_hook`."""
    return register(self._backward_pre_hooks, hook, prepend)


def register_backward_hook(self, hook):
    """Same as `torch.nn.Module.register_backward_hook` (deprecated: hooks the grad_fn of
    the output)."""
    if self._is_full_backward_hook is True:
        raise RuntimeError(_MIXED_BACKWARD)
    self._is_full_backward_hook = False
    return register(self._backward_hooks, hook)


def register_full_backward_hook(self, hook, prepend=False):
    """Same as `torch.nn.Module.register_full_backward_hook`."""
    if self._is_full_backward_hook is False:
        raise RuntimeError(_MIXED_BACKWARD)
    self._is_full_backward_hook = True
    return register(self._backward_hooks, hook, prepend)
