"""Module._apply and the dtype/device methods built on it (bound onto Module in module.py).

The functions are named as the methods they become, so `float` and `type` shadow the builtins
in this file.
"""

import warnings

from numtorch._tensor import Tensor
from numtorch.autograd.grad_mode import no_grad


def _apply(self, fn, recurse=True):
    if recurse:
        for module in self.children():
            module._apply(fn)
    for param in self._parameters.values():
        if param is None:
            continue
        with no_grad():
            applied = fn(param)
        grad = param._grad
        # torch swaps the new values into the same Parameter object (`param.data = ...`), so
        # references held elsewhere (an optimizer's) follow the move or cast
        param.data = applied
        if grad is not None:
            with no_grad():
                grad.data = fn(grad)
    for key, buf in self._buffers.items():
        if buf is not None:
            self._buffers[key] = fn(buf)
    return self


def cuda(self, device=None):
    """Same as `torch.nn.Module.cuda`."""
    return self._apply(lambda t: t.cuda(device))


def cpu(self):
    """Same as `torch.nn.Module.cpu`."""
    return self._apply(lambda t: t.cpu())


def type(self, dst_type):
    """Same as `torch.nn.Module.type`."""
    return self._apply(lambda t: t.type(dst_type))


def float(self):
    """Same as `torch.nn.Module.float`: floating-point parameters and buffers to float32."""
    return self._apply(lambda t: t.float() if t.is_floating_point() else t)


def double(self):
    """Same as `torch.nn.Module.double`."""
    return self._apply(lambda t: t.double() if t.is_floating_point() else t)


def half(self):
    """Same as `torch.nn.Module.half`."""
    return self._apply(lambda t: t.half() if t.is_floating_point() else t)


def bfloat16(self):
    """Same as `torch.nn.Module.bfloat16`."""
    return self._apply(lambda t: t.bfloat16() if t.is_floating_point() else t)


def to(self, *args, **kwargs):
    """Same as `torch.nn.Module.to`: (device, dtype, non_blocking), (dtype), (tensor); only
    floating-point and complex members change dtype."""
    device, dtype = _parse_to(args, kwargs)
    if dtype is not None:
        if not (dtype.is_floating_point or dtype.is_complex):
            raise TypeError(
                "nn.Module.to only accepts floating point or complex dtypes, but got desired "
                f"dtype={dtype}"
            )
        if dtype.is_complex:
            warnings.warn(
                "Complex modules are a new feature under active development whose design may "
                "change, and some modules might not work as expected when using complex "
                "tensors as parameters or buffers. Please file an issue at "
                "https://github.com/pytorch/pytorch/issues/new?template=bug-report.yml if a "
                "complex module does not work as expected.",
                stacklevel=2,
            )

    def convert(t):
        cast = dtype if (t.is_floating_point() or t.is_complex()) else None
        return t.to(device=device, dtype=cast)

    return self._apply(convert)


def share_memory(self):
    """Same as `torch.nn.Module.share_memory`: NumPy memory is already shareable by the
    processes numtorch starts, so nothing moves."""
    return self


def _parse_to(args, kwargs):
    """(device, dtype) from Module.to's overloads; non_blocking/copy/memory_format accepted."""
    from numtorch._device import device as device_type
    from numtorch._dtype import dtype as dtype_type

    device = kwargs.pop("device", None)
    dtype = kwargs.pop("dtype", None)
    for name in ("non_blocking", "copy", "memory_format"):
        kwargs.pop(name, None)
    if kwargs:
        raise TypeError(f"to() received an invalid combination of arguments - got {kwargs}")
    for a in args:
        if isinstance(a, dtype_type):
            dtype = a
        elif isinstance(a, Tensor):
            device, dtype = a.device, a.dtype
        elif isinstance(a, (str, int, device_type)) and not isinstance(a, bool):
            device = a
    return device, dtype
