"""The op registry: importing this package declares every op (see registry.py)."""

from numtorch._ops import (
    conversion,  # noqa: F401
    indexing,  # noqa: F401
    linalg,  # noqa: F401
    nn_ops,  # noqa: F401
    pointwise,  # noqa: F401
    reduction,  # noqa: F401
    registry,  # noqa: F401
    shape,  # noqa: F401
    sorting,  # noqa: F401
)
