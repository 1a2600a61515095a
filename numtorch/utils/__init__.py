"""torch.utils on numtorch: hooks (RemovableHandle) and data (datasets, DataLoader)."""


def __getattr__(name):
    """`numtorch.utils.data` imported on first use (it needs the whole package loaded first)."""
    if name == "data":
        import importlib

        return importlib.import_module("numtorch.utils.data")
    raise AttributeError(f"module 'numtorch.utils' has no attribute '{name}'")
