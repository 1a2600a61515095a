"""Constant, zero, reflection, replication and circular padding layers
(torch.nn.modules.padding)."""

from numtorch.nn import functional as F
from numtorch.nn.modules.module import Module

__all__ = []


def _padding(value, nd):
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return (value,) * (2 * nd)


def _make(prefix, mode, nd, constant=False, zero=False):
    name = f"{prefix}{nd}d"

    class Pad(Module):
        __constants__ = ["padding", "value"] if constant else ["padding"]

        def __init__(self, padding, *args):
            super().__init__()
            self.padding = _padding(padding, nd)
            if constant and not zero:
                (self.value,) = args
            elif zero:
                self.value = 0.0

        def forward(self, input):
            if constant:
                return F.pad(input, self.padding, "constant", self.value)
            return F.pad(input, self.padding, mode)

        def extra_repr(self):
            if constant and not zero:
                return f"padding={self.padding}, value={self.value}"
            return f"{self.padding}"

    Pad.__name__ = Pad.__qualname__ = name
    Pad.__module__ = __name__
    Pad.__doc__ = f"Same as `torch.nn.{name}`."
    __all__.append(name)
    return Pad


for _nd in (1, 2, 3):
    globals()[f"ConstantPad{_nd}d"] = _make("ConstantPad", "constant", _nd, constant=True)
    globals()[f"ZeroPad{_nd}d"] = _make("ZeroPad", "constant", _nd, constant=True, zero=True)
    globals()[f"ReflectionPad{_nd}d"] = _make("ReflectionPad", "reflect", _nd)
    globals()[f"ReplicationPad{_nd}d"] = _make("ReplicationPad", "replicate", _nd)
    globals()[f"CircularPad{_nd}d"] = _make("CircularPad", "circular", _nd)
__all__.sort()
