"""numtorch.return_types: the named tuples ops return (torch.return_types.sort, max, svd, ...).

The classes are made where their ops are declared (numtorch._ops.reduction.return_type); this
module collects every one of them under its torch name."""

import sys as _sys

import numtorch._ops as _ops_package


def _collect():
    found = {}
    for name, module in list(_sys.modules.items()):
        if not name.startswith("numtorch._ops.") or module is None:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == __name__:
                found.setdefault(value.__name__, value)
    return found


_ = _ops_package  # the ops (and so their return types) are declared on import
globals().update(_collect())
__all__ = sorted(_collect())
