"""torch.cuda on numtorch: CUDA through CuPy, imported only when first used."""

from numtorch._device import check_cuda, cuda_available


def is_available():
    """Same as `torch.cuda.is_available`: True only when CuPy imports and sees a GPU."""
    return cuda_available()


def device_count():
    """Same as `torch.cuda.device_count`."""
    if not cuda_available():
        return 0
    import cupy

    return cupy.cuda.runtime.getDeviceCount()


def current_device():
    """Same as `torch.cuda.current_device`."""
    check_cuda()
    import cupy

    return cupy.cuda.Device().id


def synchronize(device=None):
    """Same as `torch.cuda.synchronize`."""
    check_cuda()
    import cupy

    cupy.cuda.Device().synchronize()


def manual_seed(seed):
    """Same as `torch.cuda.manual_seed`: CUDA numbers come from the host stream in numtorch."""


def manual_seed_all(seed):
    """Same as `torch.cuda.manual_seed_all`."""
