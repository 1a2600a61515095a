"""DataLoader's `pin_memory=`: accepted with torch's warnings. numtorch keeps host data in
NumPy arrays and copies to the GPU synchronously, so there is nothing to pin: batches are
returned as they are."""

import warnings


def pinning_wanted(pin_memory, pin_memory_device):
    """Issues torch's warnings for the pin options; always False (nothing gets pinned)."""
    if not pin_memory:
        return False
    if pin_memory_device:
        warnings.warn(
            "pin_memory_device is deprecated, the current accelerator will be used as the device,"
            f"ignore pin_memory_device='{pin_memory_device}'.",
            stacklevel=3,
        )
    from numtorch import cuda

    if not cuda.is_available():
        warnings.warn(
            "'pin_memory' argument is set as true but no accelerator is found, "
            "then device pinned memory won't be used.",
            stacklevel=3,
        )
    return False
