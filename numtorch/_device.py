"""torch.device, the array module (`xp`) each device computes with, and host transfers.

CuPy is imported lazily, at the first CUDA use, never at `import numtorch`.
"""

import numpy

_TYPES = ("cpu", "cuda", "meta", "mps", "xpu", "hip", "xla", "privateuseone")


class device:
    """Same as `torch.device`: `device("cuda:1")`, `device("cuda", 1)`, `device("cpu")`."""

    __slots__ = ("type", "index")

    def __new__(cls, type, index=None):
        if isinstance(type, device):
            if index is not None:
                raise TypeError("device(): argument 'type' must be str, not torch.device")
            return type
        if isinstance(type, int) and not isinstance(type, bool):
            # a bare index names the current accelerator, which is CUDA when there is one
            if not cuda_available():
                raise RuntimeError("Cannot access accelerator device when none is available.")
            type, index = "cuda", type
        if not isinstance(type, str):
            got = _typename(type)
            raise TypeError(
                f"device() received an invalid combination of arguments - got ({got}), but "
                "expected one of:\n * (torch.device device)\n      didn't match because some of "
                f"the arguments have invalid types: (!{got}!)\n * (str type, int index = -1)\n"
            )
        text = type
        if ":" in text:
            if index is not None:
                raise RuntimeError(
                    f"type (string) must not include an index because index was passed explicitly: {text}"
                )
            text, _, idx = text.partition(":")
            if not idx.isdigit() or (len(idx) > 1 and idx[0] == "0"):
                raise RuntimeError(f"Invalid device string: '{type}'")
            index = int(idx)
        if text not in _TYPES:
            raise RuntimeError(
                "Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, "
                "maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start "
                f"of device string: {type}"
            )
        if index is not None and index < 0:
            raise RuntimeError("Device index must not be negative")
        self = object.__new__(cls)
        object.__setattr__(self, "type", text)
        object.__setattr__(self, "index", index)
        return self

    def __setattr__(self, name, value):
        raise AttributeError(f"attribute '{name}' of 'torch.device' objects is not writable")

    def __repr__(self):
        if self.index is None:
            return f"device(type='{self.type}')"
        return f"device(type='{self.type}', index={self.index})"

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):
        if not isinstance(other, device):  # torch.device("cpu") == "cpu" is False
            return NotImplemented
        return self.type == other.type and self.index == other.index

    def __hash__(self):
        return hash((self.type, self.index))

    def __reduce__(self):
        return (device, (self.type, self.index))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _typename(x):
    return type(x).__name__


CPU = device("cpu")


def as_device(d):
    """A device from a device, a string, an int (a CUDA index) or None (cpu)."""
    if d is None:
        return CPU
    if type(d) is device:
        return d
    if d == "cpu":
        return CPU
    return device(d)


def cuda_available():
    """True only when CuPy imports and sees a GPU."""
    try:
        import cupy
    except Exception:
        return False
    try:
        return cupy.cuda.runtime.getDeviceCount() > 0
    except Exception:
        return False


def xp_for(d):
    """The array module that computes on device `d`."""
    if d.type == "cpu":
        return numpy
    if d.type == "cuda":
        check_cuda()
        import cupy

        return cupy
    raise RuntimeError(f"numtorch has no backend for device type '{d.type}'")


def check_cuda():
    """Raises what torch's CPU build raises when CUDA is asked for and there is none."""
    if not cuda_available():
        raise AssertionError("Torch not compiled with CUDA enabled")


def to_host(array):
    """The array as a NumPy array on the host (no copy for a NumPy array)."""
    if type(array) is numpy.ndarray:
        return array
    get = getattr(array, "get", None)
    return get() if get is not None else numpy.asarray(array)


def move(array, src, dst):
    """`array` (on device src) as an array on device dst; the same object when nothing moves."""
    if src == dst:
        return array
    if dst.type == "cpu":
        return to_host(array)
    xp = xp_for(dst)
    with xp.cuda.Device(dst.index or 0):
        return xp.asarray(array)
