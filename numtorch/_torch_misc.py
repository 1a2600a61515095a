"""Small torch.* functions about tensors and defaults: typename, is_nonzero,
get_default_device / set_default_device."""

from numtorch._device import device as _device
from numtorch._tensor import Tensor

_default_device = [_device("cpu")]


def typename(obj):
    """Same as `torch.typename`: a tensor's legacy type ('torch.FloatTensor'), else the
    object's module and qualified name."""
    if isinstance(obj, Tensor):
        return obj.type()
    module = getattr(obj, "__module__", "") or ""
    if hasattr(obj, "__qualname__"):
        qualname = obj.__qualname__
    elif hasattr(obj, "__name__"):
        qualname = obj.__name__
    else:
        module = obj.__class__.__module__ or ""
        qualname = obj.__class__.__qualname__
    if module in ("", "builtins"):
        return qualname
    return f"{module}.{qualname}"


def is_nonzero(input):
    """Same as `torch.is_nonzero`: the truth of a one-element tensor."""
    if not isinstance(input, Tensor):
        raise TypeError(
            f"is_nonzero(): argument 'input' (position 1) must be Tensor, not "
            f"{type(input).__name__}"
        )
    n = input.numel()
    if n == 0:
        raise RuntimeError("Boolean value of Tensor with no values is ambiguous")
    if n > 1:
        raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
    return bool(input.item())


def get_default_device():
    """Same as `torch.get_default_device`."""
    return _default_device[0]


def set_default_device(device):
    """Same as `torch.set_default_device` (None restores cpu): get_default_device reports it.
    numtorch's factory functions do not read it yet (they default to cpu)."""
    _default_device[0] = _device("cpu") if device is None else _device(device)
