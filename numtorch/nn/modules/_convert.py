"""Module._apply and the dtype/device methods built on it (bound onto Module in module.py).

The functions are named as the methods they become, so `float` and `type` shadow the builtins
in this file.
"""

import builtins
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


def to_empty(self, *, device, recurse=True):
    """Same as `torch.nn.Module.to_empty`: parameters and buffers replaced by uninitialised
    tensors of the same shape on `device`."""
    from numtorch._creation import empty_like

    return self._apply(lambda t: empty_like(t, device=device), recurse=recurse)


def share_memory(self):
    """Same as `torch.nn.Module.share_memory`: NumPy memory is already shareable by the
    processes numtorch starts, so nothing moves."""
    return self


_TO_OVERLOADS = (
    " * (torch.device device = None, torch.dtype dtype = None, bool non_blocking = False, "
    "bool copy = False, *, torch.memory_format memory_format = None)\n"
    " * (torch.dtype dtype, bool non_blocking = False, bool copy = False, *, "
    "torch.memory_format memory_format = None)\n"
    " * (Tensor tensor, bool non_blocking = False, bool copy = False, *, "
    "torch.memory_format memory_format = None)\n"
)


def _parse_to(args, kwargs):
    """(device, dtype) from torch's three `to` overloads: (device, dtype, non_blocking, copy),
    (dtype, non_blocking, copy), (tensor, non_blocking, copy); memory_format is accepted and
    `copy` refused, as torch's Module.to does."""
    from numtorch._device import device as device_type
    from numtorch._dtype import dtype as dtype_type

    def is_device(a):
        return a is None or (isinstance(a, (str, int, device_type)) and not isinstance(a, bool))

    known = {"device", "dtype", "tensor", "non_blocking", "copy", "memory_format"}
    if args and isinstance(args[0], (dtype_type, Tensor)):
        kinds = (lambda a: True, _is_bool, _is_bool)
    else:
        kinds = (is_device, lambda a: a is None or isinstance(a, dtype_type), _is_bool, _is_bool)
    if (
        len(args) > len(kinds)
        or not all(ok(a) for ok, a in zip(kinds, args))
        or any(k not in known for k in kwargs)
        or not (kwargs.get("dtype") is None or isinstance(kwargs["dtype"], dtype_type))
    ):
        raise TypeError(
            "to() received an invalid combination of arguments - got "
            f"{_describe_args(args, kwargs)}, but expected one of:\n" + _TO_OVERLOADS
        )
    first = args[0] if args else None
    copy_given = "copy" in kwargs or len(args) == len(kinds)
    if copy_given:
        raise RuntimeError(".to() does not accept copy argument")
    tensor = kwargs.get("tensor")
    if isinstance(first, Tensor):
        tensor = first
    if tensor is not None:
        return tensor.device, tensor.dtype
    if isinstance(first, dtype_type):
        return kwargs.get("device"), first
    device = first if args else kwargs.get("device")
    dtype = args[1] if len(args) > 1 else kwargs.get("dtype")
    return device, dtype


def _is_bool(a):
    return isinstance(a, bool)


def _describe_args(args, kwargs):
    """torch's argument-parser listing: `(str, foo=int)`, or `(foo=int, )` with no positionals."""

    def name(v):
        if isinstance(v, Tensor):
            return "Tensor"
        module = builtins.type(v).__module__
        if module in ("numtorch._dtype", "numtorch._device"):
            return "torch." + builtins.type(v).__name__
        return builtins.type(v).__name__

    text = ", ".join(name(a) for a in args)
    if kwargs:
        pairs = [f"{k}={name(v)}" for k, v in kwargs.items()]
        text += (", " + ", ".join(pairs)) if args else "".join(p + ", " for p in pairs)
    return f"({text})"
