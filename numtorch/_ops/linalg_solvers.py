"""numtorch.linalg's pseudo-inverse, least squares and rank: pinv (LinalgPinvBackward0),
torch.pinverse, lstsq (LinalgLstsqBackward0) and matrix_rank.
"""

from numtorch import _dtype
from numtorch._errors import type_name
from numtorch._ops.linalg_common import need_tensor
from numtorch._ops.linalg_decomp import write_outs
from numtorch._ops.reduction import return_type
from numtorch._ops.registry import FORWARD, REGISTRY, _write_out, apply, op, public

lstsq_result = return_type("linalg_lstsq", ("solution", "residuals", "rank", "singular_values"))

_PINV_TYPES = (_dtype.float32, _dtype.float64, _dtype.complex64, _dtype.complex128)


def _tolerances(xp, S, m, n, atol, rtol, dtype):
    """The cutoff max(atol, rtol * largest singular value), with torch's default rtol
    (eps * max(m, n), or 0 when only atol is given)."""
    if rtol is None:
        rtol = 0.0 if (atol is not None and atol > 0) else xp.finfo(dtype).eps * max(m, n)
    atol = 0.0 if atol is None else atol
    largest = S.max(axis=-1, keepdims=True) if S.shape[-1] else xp.zeros(S.shape[:-1] + (1,))
    return xp.maximum(atol, rtol * largest)


def _pinv_array(xp, A, atol, rtol, hermitian):
    m, n = A.shape[-2:]
    real = A.real.dtype if A.dtype.kind == "c" else A.dtype
    if A.size == 0:
        return xp.zeros(A.shape[:-2] + (n, m), dtype=A.dtype)
    if hermitian:
        w, V = xp.linalg.eigh(A)
        cutoff = _tolerances(xp, xp.abs(w), m, n, atol, rtol, real)
        keep = xp.abs(w) > cutoff
        w_inv = xp.where(keep, 1 / xp.where(keep, w, 1), 0)
        return (V * w_inv[..., None, :]) @ xp.swapaxes(V, -1, -2).conj()
    U, S, Vh = xp.linalg.svd(A, full_matrices=False)
    cutoff = _tolerances(xp, S, m, n, atol, rtol, real)
    keep = S > cutoff
    s_inv = xp.where(keep, 1 / xp.where(keep, S, 1), 0).astype(real)
    return (xp.swapaxes(Vh, -1, -2).conj() * s_inv[..., None, :]) @ xp.swapaxes(U, -1, -2).conj()


@op("linalg_pinv", grad_fn="LinalgPinvBackward0", promote=FORWARD, function=False, method=False)
def _pinv(xp, A, *, atol, rtol, hermitian):
    return xp.ascontiguousarray(_pinv_array(xp, A, atol, rtol, hermitian)).astype(A.dtype)


def pinv_backward(G, X, A):
    """The gradient of X = pinv(A) from the differential
    dX = -X dA X + X X^H dA^H (I - A X) + (I - X A) dA^H X^H X."""
    Xh, Gh = X.mH, G.mH
    left = Gh - A @ (X @ Gh)  # (I - A X) G^H
    right = Gh - (Gh @ X) @ A  # G^H (I - X A)
    return -(Xh @ G @ Xh) + left @ (X @ Xh) + (Xh @ X) @ right


@_pinv.backward
def _(grad, *, needs, self, result):
    return pinv_backward(grad, result, self)


def _tol_value(value, name):
    from numtorch._tensor import Tensor

    if isinstance(value, Tensor):
        return float(value.item())
    return value


def pinv(A, *, atol=None, rtol=None, hermitian=False, out=None, rcond=None):
    """Same as `torch.linalg.pinv`: singular values at or below max(atol, rtol * s_max) count as
    zero; `rcond` is the old name of rtol."""
    need_tensor("linalg_pinv", "A", A)
    if A.dim() < 2 or A.dtype not in _PINV_TYPES:
        shape = ", ".join(map(str, A.shape))
        raise RuntimeError(
            f"linalg.pinv({type_name(A.dtype)}{{[{shape}]}}): expected a tensor with 2 or more "
            "dimensions of float, double, cfloat or cdouble types"
        )
    if rcond is not None:
        rtol = rcond
    params = {
        "atol": _tol_value(atol, "atol"),
        "rtol": _tol_value(rtol, "rtol"),
        "hermitian": bool(hermitian),
    }
    result = apply(REGISTRY["linalg_pinv"], (A,), params)
    return result if out is None else _write_out(out, result)


@public(method=True)
def pinverse(input, rcond=1e-15):
    """Same as `torch.pinverse`: linalg.pinv with rtol=rcond."""
    return pinv(input, rtol=rcond)


# ---------------------------------------------------------------- lstsq

_DRIVERS = ("gels", "gelsy", "gelsd", "gelss")


@op(
    "linalg_lstsq",
    grad_fn="LinalgLstsqBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=tuple,
    input_names=("self", "b"),
)
def _lstsq(xp, A, B, *, vector, driver, rcond):
    m, n = A.shape[-2:]
    b = B[..., None] if vector else B
    batch = xp.broadcast_shapes(A.shape[:-2], b.shape[:-2])
    A_ = xp.broadcast_to(A, batch + A.shape[-2:])
    b_ = xp.broadcast_to(b, batch + b.shape[-2:])
    real = A.real.dtype if A.dtype.kind == "c" else A.dtype
    rtol = rcond if rcond is not None else xp.finfo(real).eps * max(m, n)
    if A.size:
        U, S, Vh = xp.linalg.svd(A_, full_matrices=False)
        keep = S > rtol * S[..., :1]
        s_inv = xp.where(keep, 1 / xp.where(keep, S, 1), 0).astype(real)
        X = xp.swapaxes(Vh, -1, -2).conj() @ (
            s_inv[..., :, None] * (xp.swapaxes(U, -1, -2).conj() @ b_)
        )
        rank = keep.sum(axis=-1).astype("int64")
    else:
        S = xp.zeros(batch + (0,), dtype=real)
        X = xp.zeros(batch + (n, b_.shape[-1]), dtype=A.dtype)
        rank = xp.zeros(batch, dtype="int64")
    if driver in ("gelsd", "gelss"):
        singular = S.astype(real)
        full = bool((rank == n).all()) if m > n else False
        residuals = (
            (xp.abs(A_ @ X - b_) ** 2).sum(axis=-2).astype(real)
            if full
            else xp.zeros((0,), dtype=real)
        )
    else:
        singular = xp.zeros((0,), dtype=real)
        residuals = xp.zeros((0,), dtype=real)
        if driver == "gels":
            rank = xp.zeros((0,), dtype="int64")
    if vector:
        X = X[..., 0]
        if residuals.size:
            residuals = residuals[..., 0]
    return xp.ascontiguousarray(X).astype(A.dtype), residuals, rank, singular


@_lstsq.backward
def _(g_solution, g_residuals, g_rank, g_singular, *, needs, self, b, vector):
    if g_solution is None:
        return None, None
    # solution = pinv(A) B for A of full rank
    X = pinv(self)
    G, B = (g_solution.unsqueeze(-1), b.unsqueeze(-1)) if vector else (g_solution, b)
    gA = pinv_backward(G @ B.mH, X, self) if needs[0] else None
    gB = X.mH @ G if needs[1] else None
    if gB is not None and vector:
        gB = gB.squeeze(-1)
    return gA, gB


def lstsq(A, B, rcond=None, *, driver=None):
    """Same as `torch.linalg.lstsq` (CPU drivers): (solution, residuals, rank,
    singular_values); residuals and singular values are empty where the driver gives none."""
    need_tensor("linalg_lstsq", "A", A)
    need_tensor("linalg_lstsq", "B", B, 2)
    if driver is None:
        driver = "gelsy"
    if driver not in _DRIVERS:
        raise RuntimeError(
            "torch.linalg.lstsq: parameter `driver` should be one of (gels, gelsy, gelsd, gelss)"
        )
    vector = B.dim() == A.dim() - 1
    if vector and A.shape[-2] != B.shape[-1]:
        raise RuntimeError("torch.linalg.lstsq: input.size(-2) should match other.size(-1)")
    if not vector and A.shape[-2] != B.shape[-2]:
        raise RuntimeError("torch.linalg.lstsq: input.size(-2) should match other.size(-2)")
    params = {"vector": vector, "driver": driver, "rcond": rcond}
    solution, residuals, rank, singular = apply(REGISTRY["linalg_lstsq"], (A, B), params)
    return lstsq_result(solution, residuals, rank, singular.detach())


# ---------------------------------------------------------------- matrix_rank


def matrix_rank(A, *, atol=None, rtol=None, hermitian=False, out=None, tol=None):
    """Same as `torch.linalg.matrix_rank`: the number of singular values above
    max(atol, rtol * s_max); `tol` is the old name of atol (with rtol 0)."""
    import numtorch

    need_tensor("linalg_matrix_rank", "A", A)
    if A.dim() < 2:
        raise RuntimeError(
            "torch.linalg.matrix_rank: The input tensor input must have at least 2 dimensions."
        )
    if A.dtype not in _PINV_TYPES:
        raise RuntimeError("This function doesn't handle types other than float and double")
    if tol is not None:
        atol, rtol = tol, 0.0
    with numtorch.no_grad():
        if hermitian:
            S = numtorch.linalg.eigvalsh(A).abs()
        else:
            S = numtorch.linalg.svdvals(A)
    m, n = A.shape[-2:]
    if rtol is None:
        rtol = 0.0 if (atol is not None and atol > 0) else _dtype_eps(A.dtype) * max(m, n)
    atol = 0.0 if atol is None else atol
    largest = S.amax(-1, keepdim=True) if S.shape[-1] else S.sum(-1, keepdim=True)
    cutoff = (largest * rtol).clamp(min=atol)
    result = (S > cutoff).sum(-1)
    return result if out is None else write_outs((out,), (result,))[0]


def _dtype_eps(dtype):
    from numtorch._dtype import finfo

    return finfo(dtype.to_real()).eps
