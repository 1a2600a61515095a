"""The lazy part of the `numtorch` namespace: submodules, and names that other modules define,
imported on first attribute access (PEP 562's module `__getattr__`), so that `import numtorch`
pays only for the tensor, the ops and autograd.

`numtorch.nn.Linear`, `import numtorch.nn as nn` and `from numtorch import nn` all work as if
the submodule had been imported eagerly; `dir(numtorch)` lists the lazy names too.
"""

import importlib

# Submodules imported on first use (torch imports them all at `import torch`).
SUBMODULES = (
    "linalg",
    "nn",
    "optim",
    "return_types",
    "serialization",
    "special",
    "testing",
    "utils",
    "viz",
)

# numtorch.<name> -> the module that defines it (ops registered outside numtorch._ops are read
# from the registry's FUNCTIONS once that module has run).
ATTRIBUTES = {
    "load": "numtorch.serialization",
    "save": "numtorch.serialization",
    "bilinear": "numtorch.nn._linear_functional",
    "_trilinear": "numtorch.nn._linear_functional",
    "_pack_padded_sequence": "numtorch.nn.utils.rnn",
}


def module_getattr(namespace, functions):
    """The `__getattr__` and `__dir__` of the package whose globals are `namespace`;
    `functions` is the registry's name -> public callable table."""
    package = namespace["__name__"]

    def __getattr__(name):
        if name in SUBMODULES:
            return importlib.import_module(f"{package}.{name}")  # also binds namespace[name]
        where = ATTRIBUTES.get(name)
        if where is None:
            raise AttributeError(f"module '{package}' has no attribute '{name}'")
        module = importlib.import_module(where)
        value = functions[name] if name in functions else getattr(module, name)
        namespace[name] = value  # later reads are plain global lookups
        return value

    def __dir__():
        return sorted(set(namespace) | set(SUBMODULES) | set(ATTRIBUTES))

    return __getattr__, __dir__
