"""torch.accelerator on numtorch: the one accelerator numtorch knows is CUDA (through CuPy).

The tutorials pick their device with
`torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"`.
"""

from numtorch._device import cuda_available, device

_NONE_AVAILABLE = "Cannot access accelerator device when none is available."


def is_available():
    """Same as `torch.accelerator.is_available`: True when a CUDA device is usable."""
    return cuda_available()


def current_accelerator(check_available=False):
    """Same as `torch.accelerator.current_accelerator`: `device('cuda')`, or None without one."""
    if not cuda_available():
        return None
    return device("cuda")


def device_count():
    """Same as `torch.accelerator.device_count`: 0 without an accelerator."""
    if not cuda_available():
        return 0
    from numtorch import cuda

    return cuda.device_count()


def _require_accelerator():
    if not cuda_available():
        raise RuntimeError(_NONE_AVAILABLE)


def current_device_index():
    """Same as `torch.accelerator.current_device_index`."""
    _require_accelerator()
    from numtorch import cuda

    return cuda.current_device()


def set_device_index(target, /):
    """Same as `torch.accelerator.set_device_index` (CuPy's current device)."""
    _require_accelerator()
    import cupy

    index = target if isinstance(target, int) else (_as_device(target).index or 0)
    cupy.cuda.Device(index).use()


def synchronize(target=None, /):
    """Same as `torch.accelerator.synchronize`: waits for the device's queued work."""
    _require_accelerator()
    from numtorch import cuda

    cuda.synchronize(target)


def _as_device(spec):
    return spec if isinstance(spec, device) else device(spec)


current_device_idx = current_device_index
set_device_idx = set_device_index
