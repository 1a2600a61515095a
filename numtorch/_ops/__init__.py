"""The op registry: importing this package declares every op (see registry.py)."""

from numtorch._ops import (  # noqa: F401
    advanced_index,
    binary,
    conversion,
    cumulative,
    einsum,
    indexing,
    linalg,
    logical,
    matmul_batched,
    nn_ops,
    pointwise,
    reduction,
    reduction_stats,
    registry,
    scatter_gather,
    shape,
    shape_extra,
    sorting,
    unary,
    unique,
)
