"""numtorch.linalg: torch.linalg's functions (the ops live in numtorch/_ops/linalg_*.py)."""

from numtorch._ops.linalg import matmul
from numtorch._ops.linalg_common import LinAlgError
from numtorch._ops.linalg_decomp import (
    cholesky_ex,
    det,
    inv,
    inv_ex,
    solve,
    solve_ex,
)
from numtorch._ops.linalg_decomp import linalg_cholesky as cholesky
from numtorch._ops.linalg_decomp import linalg_slogdet as slogdet
from numtorch._ops.linalg_func import (
    diagonal,
    matrix_exp,
    matrix_norm,
    matrix_power,
    multi_dot,
    norm,
    tensorinv,
    tensorsolve,
    vecdot,
)
from numtorch._ops.linalg_fused import linalg_cross as cross
from numtorch._ops.linalg_solvers import lstsq, matrix_rank, pinv
from numtorch._ops.linalg_spectral import eig, eigh, eigvals, eigvalsh, qr, svd, svdvals
from numtorch._ops.reduction_stats import vector_norm

__all__ = [
    "LinAlgError",
    "cholesky",
    "cholesky_ex",
    "cross",
    "det",
    "diagonal",
    "eig",
    "eigh",
    "eigvals",
    "eigvalsh",
    "inv",
    "inv_ex",
    "lstsq",
    "matmul",
    "matrix_exp",
    "matrix_norm",
    "matrix_power",
    "matrix_rank",
    "multi_dot",
    "norm",
    "pinv",
    "qr",
    "slogdet",
    "solve",
    "solve_ex",
    "svd",
    "svdvals",
    "tensorinv",
    "tensorsolve",
    "vecdot",
    "vector_norm",
]
