"""numtorch.linalg's matrix functions and norms: matrix_exp (LinalgMatrixExpBackward0),
matrix_power, matrix_norm, norm, vecdot, multi_dot, tensorinv, tensorsolve, diagonal; composites
of registered ops wherever torch's graph shows a chain.
"""

import builtins
import math

from numtorch import _dtype
from numtorch._errors import type_name, wrap_dim
from numtorch._ops.linalg_common import check_matrix, need_tensor
from numtorch._ops.linalg_decomp import inv, solve
from numtorch._ops.linalg_spectral import svdvals
from numtorch._ops.reduction import CPP_NAMES
from numtorch._ops.reduction_stats import vector_norm
from numtorch._ops.registry import FORWARD, REGISTRY, _write_out, apply, op, public

# ---------------------------------------------------------------- matrix_exp


def _expm(xp, A):
    """exp(A) by scaling and squaring a degree-18 Taylor polynomial (in float32 at least)."""
    work = A.astype("float32") if A.dtype.itemsize < 4 and A.dtype.kind == "f" else A
    n = work.shape[-1]
    if work.size == 0:
        return work.copy()
    norm = float(xp.abs(work).sum(axis=-2).max()) if work.size else 0.0
    squarings = (
        0 if not math.isfinite(norm) or norm <= 0.5 else int(math.ceil(math.log2(norm / 0.5)))
    )
    X = work / (2.0**squarings)
    eye = xp.broadcast_to(xp.eye(n, dtype=work.dtype), work.shape)
    result = eye.copy()
    term = eye.copy()
    for k in range(1, 19):
        term = (term @ X) / k
        result = result + term
    for _ in range(squarings):
        result = result @ result
    return result.astype(A.dtype)


@op(
    "linalg_matrix_exp",
    grad_fn="LinalgMatrixExpBackward0",
    promote=FORWARD,
    function=False,
    method=False,
)
def _matrix_exp(xp, A):
    return _expm(xp, A)


@_matrix_exp.backward
def _(grad, *, needs, self):
    # the upper-right block of exp([[A^H, G], [0, A^H]]) is the adjoint of d exp at A
    import numtorch

    n = self.shape[-1]
    Ah = self.mH
    top = numtorch.cat([Ah, grad], -1)
    bottom = numtorch.cat([numtorch.zeros_like(Ah), Ah], -1)
    big = matrix_exp(numtorch.cat([top, bottom], -2))
    return big[..., :n, n:]


@public(method=True)
def matrix_exp(A):
    """Same as `torch.linalg.matrix_exp` (and `torch.matrix_exp`)."""
    need_tensor("linalg_matrix_exp", "A", A)
    check_matrix("linalg.matrix_exp", A)
    return apply(REGISTRY["linalg_matrix_exp"], (A,), {})


# ---------------------------------------------------------------- matrix_power


@public(method=True)
def matrix_power(A, n, *, out=None):
    """Same as `torch.linalg.matrix_power`: repeated squaring with matmul (torch's graph);
    n < 0 inverts first, n == 0 is the identity copied into a clone of A."""
    import numtorch

    need_tensor("linalg_matrix_power", "A", A)
    if isinstance(n, builtins.bool) or not isinstance(n, int):
        raise TypeError(
            f"linalg_matrix_power(): argument 'n' (position 2) must be int, not {type(n).__name__}"
        )
    check_matrix("linalg.matrix_power", A, float_only=False)
    if n == 0:
        eye = numtorch.eye(A.shape[-1], dtype=A.dtype, device=A.device)
        result = A.clone().copy_(eye.expand_as(A))
    elif n == 1:
        result = A.clone()
    else:
        z = inv(A) if n < 0 else A
        n = -n if n < 0 else n
        result = None
        while n:
            if n & 1:
                result = z if result is None else result.matmul(z)
            n >>= 1
            if n:
                z = z.matmul(z)
    return result if out is None else _write_out(out, result)


# ---------------------------------------------------------------- norms


def _norm_dims(fname, A, dim):
    dims = tuple(dim) if not isinstance(dim, int) else (dim,)
    if len(dims) != 2:
        raise RuntimeError(f"{fname}: dim must be a 2-tuple. Got {' '.join(map(str, dims))}")
    d0, d1 = wrap_dim(dims[0], A.dim()), wrap_dim(dims[1], A.dim())
    if d0 == d1:
        raise RuntimeError(f"{fname}: dims must be different. Got ({dims[0]}, {dims[1]})")
    return d0, d1


def _check_float(fname, A):
    if A.dtype.category < _dtype.FLOAT:
        raise RuntimeError(
            f"{fname}: Expected a floating point or complex tensor as input. Got "
            f"{type_name(A.dtype)}"
        )


def matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, *, dtype=None, out=None):
    """Same as `torch.linalg.matrix_norm`: 'fro', 'nuc', inf, -inf, 1, -1, 2, -2."""
    need_tensor("linalg_matrix_norm", "A", A)
    if A.dim() < 2:
        raise RuntimeError(
            "linalg.matrix_norm: The input tensor A must have at least 2 dimensions."
        )
    _check_float("linalg.matrix_norm", A)
    d0, d1 = _norm_dims("linalg.matrix_norm", A, dim)
    if isinstance(ord, str):
        if ord not in ("fro", "nuc"):
            raise RuntimeError(f"linalg.matrix_norm: Order {ord} not supported.")
    elif ord not in (1, -1, 2, -2, math.inf, -math.inf):
        shown = int(ord) if float(ord).is_integer() else ord
        raise RuntimeError(f"linalg.matrix_norm: Order {shown} not supported.")
    if ord == "fro":
        result = vector_norm(A, 2, (d0, d1), keepdim, dtype=dtype)
    elif ord == "nuc" or ord in (2, -2):
        perm = [d for d in range(A.dim()) if d not in (d0, d1)] + [d0, d1]
        moved = A.permute(perm)
        S = svdvals(moved if dtype is None else moved.to(dtype))
        if ord == "nuc":
            result = S.sum(-1, keepdim)
        else:
            result = S.amax(-1, keepdim) if ord == 2 else S.amin(-1, keepdim)
        if keepdim:  # back to A's dim order, as torch does it
            back = [perm.index(d) for d in range(A.dim())]
            result = result.unsqueeze(-1).permute(back)
    else:
        # 1: the largest column sum (sum over rows d0); inf: the largest row sum
        sum_dim, max_dim = (d0, d1) if abs(ord) == 1 else (d1, d0)
        sums = vector_norm(A, 1, sum_dim, keepdim, dtype=dtype)
        if not keepdim and max_dim > sum_dim:
            max_dim -= 1
        result = sums.amax(max_dim, keepdim) if ord > 0 else sums.amin(max_dim, keepdim)
    return result if out is None else _write_out(out, result)


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None, out=None):
    """Same as `torch.linalg.norm`: a vector norm for one dim (or all of a tensor without ord),
    a matrix norm for two dims (or a 2-D input with ord)."""
    need_tensor("linalg_norm", "A", A)
    if dim is not None:
        dims = (dim,) if isinstance(dim, int) else tuple(dim)
        if len(dims) == 1:
            return vector_norm(A, 2 if ord is None else ord, dims, keepdim, dtype=dtype, out=out)
        return matrix_norm(A, "fro" if ord is None else ord, dims, keepdim, dtype=dtype, out=out)
    if ord is None:
        return vector_norm(A, 2, None, keepdim, dtype=dtype, out=out)
    if A.dim() not in (1, 2):
        raise RuntimeError(
            "linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got "
            f"{A.dim()}D."
        )
    if A.dim() == 1:
        return vector_norm(A, ord, None, keepdim, dtype=dtype, out=out)
    return matrix_norm(A, ord, (-2, -1), keepdim, dtype=dtype, out=out)


# ---------------------------------------------------------------- products


def vecdot(x, y, *, dim=-1, out=None):
    """Same as `torch.linalg.vecdot`: sum(x.conj() * y, dim)."""
    need_tensor("linalg_vecdot", "x", x)
    need_tensor("linalg_vecdot", "y", y, 2)
    if x.dtype is not y.dtype:
        raise RuntimeError(
            "linalg.vecdot: Expected x and y to have the same dtype, but found x of type "
            f"{type_name(x.dtype)} and y of type {type_name(y.dtype)} instead"
        )
    _check_float("linalg.vecdot", x)
    if x.dim() == 1 and y.dim() == 1:
        result = x.vdot(y)
    else:
        result = ((x.conj() if x.dtype.is_complex else x) * y).sum(dim)
    return result if out is None else _write_out(out, result)


def _chain_order(shapes):
    """The matrix chain's cheapest parenthesisation (dynamic programming): split[i][j]."""
    dims = [shapes[0][0]] + [s[1] for s in shapes]
    n = len(shapes)
    cost = [[0] * n for _ in range(n)]
    split = [[0] * n for _ in range(n)]
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            cost[i][j] = None
            for k in range(i, j):
                c = cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1]
                if cost[i][j] is None or c < cost[i][j]:
                    cost[i][j], split[i][j] = c, k
    return split


def multi_dot(tensors, *, out=None):
    """Same as `torch.linalg.multi_dot`: the product of a chain of matrices in the cheapest
    order; the first and last may be vectors."""
    tensors = list(tensors)
    if len(tensors) < 2:
        raise RuntimeError(f"multi_dot(): expected at least 2 tensors but got {len(tensors)}")
    first_vec, last_vec = tensors[0].dim() == 1, tensors[-1].dim() == 1
    mats = list(tensors)
    if first_vec:
        mats[0] = mats[0].unsqueeze(0)
    if last_vec:
        mats[-1] = mats[-1].unsqueeze(-1)
    for i, t in enumerate(mats):
        if t.dim() != 2:
            where = "first" if i == 0 else "last" if i == len(mats) - 1 else None
            if where:
                raise RuntimeError(
                    f"multi_dot(): the {where} tensor must be 1D or 2D but got {tensors[i].dim()}D"
                )
            raise RuntimeError(f"multi_dot(): tensor {i} must be 2D but got {t.dim()}D")
    dtype = mats[0].dtype
    for i, t in enumerate(mats[1:], 1):
        if t.dtype is not dtype:
            raise RuntimeError(
                "multi_dot(): all tensors must have be the same dtype but tensor 0 is "
                f"{CPP_NAMES[dtype.name]} and tensor {i} {CPP_NAMES[t.dtype.name]}"
            )
        if mats[i - 1].shape[1] != t.shape[0]:
            a, b = mats[i - 1].shape, t.shape
            raise RuntimeError(
                f"multi_dot(): tensors {i - 1} and {i} with shapes [{a[0]}, {a[1]}] and "
                f"[{b[0]}, {b[1]}] cannot be multiplied"
            )
    split = _chain_order([tuple(t.shape) for t in mats])

    def product(i, j):
        if i == j:
            return mats[i]
        k = split[i][j]
        return product(i, k).mm(product(k + 1, j))

    result = product(0, len(mats) - 1)
    shape = list(result.shape)
    if last_vec:
        shape.pop(-1)
    if first_vec:
        shape.pop(0)
    result = result.view(shape)
    return result if out is None else _write_out(out, result)


# ---------------------------------------------------------------- tensor equations


def _prod(sizes):
    n = 1
    for s in sizes:
        n *= s
    return n


def tensorinv(A, ind=2, *, out=None):
    """Same as `torch.linalg.tensorinv`: the inverse of A seen as a matrix (first `ind` dims
    by the rest)."""
    need_tensor("linalg_tensorinv", "A", A)
    if ind <= 0:
        raise RuntimeError(f"Expected a strictly positive integer for 'ind', but got {ind}")
    rows, cols = tuple(A.shape[:ind]), tuple(A.shape[ind:])
    if _prod(rows) != _prod(cols):
        raise RuntimeError(
            "Expected self to satisfy the requirement prod(self.shape[ind:]) == "
            f"prod(self.shape[:ind]), but got {_prod(cols)} != {_prod(rows)}"
        )
    result = inv(A.reshape(_prod(rows), -1)).reshape(cols + rows)
    return result if out is None else _write_out(out, result)


def tensorsolve(A, B, dims=None, *, out=None):
    """Same as `torch.linalg.tensorsolve`: X with tensordot(A, X, X.dim()) = B."""
    need_tensor("linalg_tensorsolve", "A", A)
    need_tensor("linalg_tensorsolve", "B", B, 2)
    if dims is not None:
        dims = [wrap_dim(d, A.dim()) for d in dims]
        keep = [d for d in range(A.dim()) if d not in dims]
        A = A.permute(keep + dims)
    result_shape = tuple(A.shape[B.dim() :])
    n = _prod(B.shape)
    if _prod(result_shape) != n:
        raise RuntimeError(
            "Expected self to satisfy the requirement prod(self.shape[other.ndim:]) == "
            f"prod(self.shape[:other.ndim]), but got {_prod(result_shape)} != {n}"
        )
    result = solve(A.reshape(n, n), B.reshape(n)).view(result_shape)
    return result if out is None else _write_out(out, result)


def diagonal(A, *, offset=0, dim1=-2, dim2=-1):
    """Same as `torch.linalg.diagonal`: torch.diagonal over the last two dims by default."""
    return A.diagonal(offset, dim1, dim2)
