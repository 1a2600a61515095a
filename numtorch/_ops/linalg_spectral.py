"""numtorch.linalg's factorisations: qr, eigh/eigvalsh, eig/eigvals, svd/svdvals and the legacy
torch.qr/torch.svd, with torch's grad_fns (LinalgQrBackward0, LinalgEighBackward0,
LinalgEigBackward0, LinalgSvdBackward0). pinv, lstsq and matrix_rank are in linalg_solvers.py.
"""

import warnings

from numtorch import _dtype
from numtorch._ops.linalg_common import check_matrix, column_major, need_tensor, not_implemented
from numtorch._ops.linalg_decomp import solve, write_outs
from numtorch._ops.reduction import return_type
from numtorch._ops.registry import FORWARD, REGISTRY, apply, op, public

qr_result = return_type("linalg_qr", ("Q", "R"))
torch_qr_result = return_type("qr", ("Q", "R"))
eigh_result = return_type("linalg_eigh", ("eigenvalues", "eigenvectors"))
eig_result = return_type("linalg_eig", ("eigenvalues", "eigenvectors"))
svd_result = return_type("linalg_svd", ("U", "S", "Vh"))
torch_svd_result = return_type("svd", ("U", "S", "V"))

_PHASE = (
    "The eigenvectors in the complex case are specified up to multiplication by e^{i phi}. "
    "The specified loss function depends on this quantity, so it is ill-defined."
)


def _check_phase(name, VhgV, message=_PHASE):
    """torch's refusal of a loss that depends on the arbitrary phase of complex vectors."""
    if VhgV.dtype.is_complex:
        imag = VhgV.diagonal(0, -2, -1).imag
        if bool((imag.abs() > 1e-2).any()):
            raise RuntimeError(f"{name}: {message}")


def _zeros_if_none(g, like):
    import numtorch

    return numtorch.zeros_like(like) if g is None else g


# ---------------------------------------------------------------- qr


@op(
    "linalg_qr",
    grad_fn="LinalgQrBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=qr_result,
)
def _qr(xp, A, *, mode):
    m, n = A.shape[-2:]
    if A.size == 0:
        k = m if mode == "complete" else min(m, n)
        Q = xp.zeros(A.shape[:-2] + (m, k), dtype=A.dtype)
        Q[..., range(min(m, k)), range(min(m, k))] = 1
        R = xp.zeros(A.shape[:-2] + (k, n), dtype=A.dtype)
    else:
        Q, R = xp.linalg.qr(A, mode="complete" if mode == "complete" else "reduced")
    R = column_major(xp, R, A.dtype)
    if mode == "r":
        return xp.zeros((0,), dtype=A.dtype), R
    return column_major(xp, Q, A.dtype), R


def _copy_lower_to_upper(M):
    """The Hermitian matrix whose lower triangle (and real diagonal) is M's."""
    low = M.tril(-1)
    diag = M.diagonal(0, -2, -1)
    if M.dtype.is_complex:
        diag = diag.real.to(M.dtype)
    return low + low.mH + diag.diag_embed()


def _qr_backward_tall(gQ, gR, Q, R):
    """A = QR with A m x n, m >= n: gA = (gQ + Q copyltu(M)) R^{-H}, M = R gR^H - gQ^H Q."""
    M = R @ gR.mH - gQ.mH @ Q
    b = gQ + Q @ _copy_lower_to_upper(M)
    return solve(R.mH, b, left=False)


@_qr.backward
def _(gQ, gR, *, needs, self, result0, result1, mode):
    import numtorch

    if mode == "r":
        raise RuntimeError(
            "The derivative of linalg.qr depends on Q, which is not computed when mode='r'. "
            "Please use linalg.qr(A, mode='reduced') if you are going to differentiate through "
            "linalg.qr."
        )
    m, n = self.shape[-2:]
    if mode == "complete" and m > n:
        raise RuntimeError(
            "The QR decomposition is not differentiable when mode='complete' and nrows > ncols."
        )
    Q, R = result0, result1
    gQ, gR = _zeros_if_none(gQ, Q), _zeros_if_none(gR, R)
    if m >= n:
        return (_qr_backward_tall(gQ, gR, Q, R),)
    # A = [X | Y] with X = Q U square: Y = Q V adds Y gV^H to X's Q-gradient
    Y = self[..., m:]
    U, gU, gV = R[..., :m], gR[..., :m], gR[..., m:]
    gX = _qr_backward_tall(gQ + Y @ gV.mH, gU, Q, U)
    return (numtorch.cat([gX, Q @ gV], -1),)


def qr(A, mode="reduced", *, out=None):
    """Same as `torch.linalg.qr`: (Q, R); mode 'reduced', 'complete' or 'r' (Q empty)."""
    need_tensor("linalg_qr", "A", A)
    if mode not in ("reduced", "complete", "r"):
        raise RuntimeError(
            f"qr received unrecognized mode '{mode}' but expected one of 'reduced' (default), "
            "'r', or 'complete'"
        )
    check_matrix("linalg.qr", A, square=False, low_precision="geqrf_cpu")
    return write_outs(out, apply(REGISTRY["linalg_qr"], (A,), {"mode": mode}))


_QR_DEPRECATED = (
    "torch.qr is deprecated in favor of torch.linalg.qr and will be removed in a future "
    "PyTorch release.\nThe boolean parameter 'some' has been replaced with a string parameter "
    "'mode'.\nQ, R = torch.qr(A, some)\nshould be replaced with\nQ, R = torch.linalg.qr(A, "
    "'reduced' if some else 'complete')"
)


@public("qr", method=True)
def torch_qr(input, some=True, *, out=None):
    """Same as `torch.qr` (deprecated in torch, with its warning)."""
    warnings.warn(_QR_DEPRECATED, UserWarning, stacklevel=2)
    Q, R = qr(input, "reduced" if some else "complete")
    return write_outs(out, torch_qr_result(Q, R))


# ---------------------------------------------------------------- eigh


@op(
    "linalg_eigh",
    grad_fn="LinalgEighBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=eigh_result,
)
def _eigh(xp, A, *, UPLO):
    real = A.real.dtype if A.dtype.kind == "c" else A.dtype
    if A.size == 0:
        return xp.zeros(A.shape[:-1], dtype=real), xp.zeros(A.shape, dtype=A.dtype)
    w, V = xp.linalg.eigh(A, UPLO=UPLO)
    return w.astype(real), column_major(xp, V, A.dtype)


def _eig_gaps(L):
    """E[i, j] = L[j] - L[i] (conjugated for complex eigenvalues), inf on the diagonal."""
    import numtorch

    E = L.unsqueeze(-2) - L.unsqueeze(-1)
    if E.dtype.is_complex:
        E = E.conj()
    diagonal = numtorch.eye(L.shape[-1], dtype=numtorch.bool, device=L.device)
    return E.masked_fill(diagonal, float("inf"))


@_eigh.backward
def _(gL, gV, *, needs, result0, result1):
    L, V = result0, result1
    if gV is None:
        return ((V * gL.unsqueeze(-2).to(V.dtype)) @ V.mH,)
    VhgV = V.mH @ gV
    _check_phase("linalg_eigh_backward", VhgV)
    # the eigenvectors' gradient seen along the skew-Hermitian directions
    inner = 0.5 * (VhgV - VhgV.mH) / _eig_gaps(L)
    if gL is not None:
        inner = inner + gL.to(inner.dtype).diag_embed()
    return (V @ inner @ V.mH,)


def _check_uplo(UPLO):
    if UPLO not in ("L", "U"):
        raise RuntimeError(f"Expected UPLO argument to be 'L' or 'U', but got {UPLO}")


def _check_eigh(A):
    check_matrix("linalg.eigh", A, float_only=False)
    if A.dtype.category < _dtype.FLOAT or A.dtype in (_dtype.float16, _dtype.bfloat16):
        raise not_implemented("linalg_eigh_cpu", A.dtype)


def eigh(A, UPLO="L", *, out=None):
    """Same as `torch.linalg.eigh`: ascending eigenvalues and orthonormal eigenvectors."""
    need_tensor("linalg_eigh", "A", A)
    _check_eigh(A)
    _check_uplo(UPLO)
    return write_outs(out, apply(REGISTRY["linalg_eigh"], (A,), {"UPLO": UPLO}))


def eigvalsh(A, UPLO="L", *, out=None):
    """Same as `torch.linalg.eigvalsh`."""
    need_tensor("linalg_eigvalsh", "A", A)
    _check_eigh(A)
    _check_uplo(UPLO)
    w = apply(REGISTRY["linalg_eigh"], (A,), {"UPLO": UPLO})[0]
    return w if out is None else write_outs((out,), (w,))[0]


# ---------------------------------------------------------------- eig


@op(
    "linalg_eig",
    grad_fn="LinalgEigBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=eig_result,
)
def _eig(xp, A):
    cplx = (A[..., :0, :0] * 1j).dtype if A.dtype.kind != "c" else A.dtype
    if A.size == 0:
        return xp.zeros(A.shape[:-1], dtype=cplx), xp.zeros(A.shape, dtype=cplx)
    w, V = xp.linalg.eig(A)
    return w.astype(cplx), column_major(xp, V, cplx)


@_eig.backward
def _(gL, gV, *, needs, self, result0, result1):
    L, V = result0, result1
    Vh = V.mH
    if gV is None:
        inner = gL.diag_embed()
    else:
        VhgV = Vh @ gV
        _check_phase("linalg_eig_backward", VhgV)
        # eigenvectors are normalised to norm 1: remove the gradient along that constraint
        re_diag = VhgV.diagonal(0, -2, -1).real.to(V.dtype)
        VhgV = VhgV - (Vh @ V) * re_diag.unsqueeze(-2)
        inner = VhgV / _eig_gaps(L)
        if gL is not None:
            inner = inner + gL.diag_embed()
    gA = solve(Vh, inner @ Vh)
    return (gA if self.dtype.is_complex else gA.real,)


def _check_eig(fname, A):
    check_matrix(fname, A, float_only=False, low_precision="linalg_eig_out_cpu")
    if A.dtype.category < _dtype.FLOAT:
        raise RuntimeError(f"Unknown Complex ScalarType for {_dtype_type_name(A.dtype)}")


def _dtype_type_name(dtype):
    from numtorch._errors import type_name

    return type_name(dtype)


def eig(A, *, out=None):
    """Same as `torch.linalg.eig`: complex eigenvalues and eigenvectors (LAPACK's geev)."""
    need_tensor("linalg_eig", "A", A)
    _check_eig("linalg.eig", A)
    return write_outs(out, apply(REGISTRY["linalg_eig"], (A,), {}))


def eigvals(A, *, out=None):
    """Same as `torch.linalg.eigvals`."""
    need_tensor("linalg_eigvals", "A", A)
    _check_eig("linalg.eigvals", A)
    w = apply(REGISTRY["linalg_eig"], (A,), {})[0]
    return w if out is None else write_outs((out,), (w,))[0]


# ---------------------------------------------------------------- svd


@op(
    "linalg_svd",
    grad_fn="LinalgSvdBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=svd_result,
)
def _svd(xp, A, *, full_matrices):
    m, n = A.shape[-2:]
    real = A.real.dtype if A.dtype.kind == "c" else A.dtype
    batch = A.shape[:-2]
    if A.size == 0:
        k = min(m, n)
        U = _eye_stack(xp, batch, m, m if full_matrices else k, A.dtype)
        Vh = _eye_stack(xp, batch, n, n, A.dtype)
        return U, xp.zeros(batch + (k,), dtype=real), Vh
    U, S, Vh = xp.linalg.svd(A, full_matrices=full_matrices)
    return column_major(xp, U, A.dtype), S.astype(real), column_major(xp, Vh, A.dtype)


def _eye_stack(xp, batch, rows, cols, dtype):
    return xp.broadcast_to(xp.eye(rows, cols, dtype=dtype), batch + (rows, cols)).copy()


_SVD_PHASE = (
    "The singular vectors in the complex case are specified up to multiplication by e^{i phi}. "
    "The specified loss function depends on this phase term, making it ill-defined."
)


@_svd.backward
def _(gU, gS, gVh, *, needs, self, result0, result1, result2, full_matrices):
    U, S, Vh = result0, result1, result2
    m, n = self.shape[-2:]
    k = S.shape[-1]
    if full_matrices and m != n:
        U, Vh = U[..., :k], Vh[..., :k, :]
        gU = None if gU is None else gU[..., :k]
        gVh = None if gVh is None else gVh[..., :k, :]
    cplx = self.dtype.is_complex
    if gU is None and gVh is None:
        return ((U * gS.to(U.dtype).unsqueeze(-2)) @ Vh,)
    V = Vh.mH
    gU, gV = _zeros_if_none(gU, U), _zeros_if_none(gVh, Vh).mH
    UhgU, VhgV = U.mH @ gU, V.mH @ gV
    if cplx:
        _check_phase("svd_backward", UhgU + VhgV, _SVD_PHASE)
    S2 = S * S
    F = S2.unsqueeze(-2) - S2.unsqueeze(-1)  # s_j^2 - s_i^2
    import numtorch

    F = F.masked_fill(numtorch.eye(k, dtype=numtorch.bool, device=F.device), float("inf"))
    Sc = S.to(U.dtype)
    J = (UhgU - UhgU.mH) / F.to(U.dtype)
    K = (VhgV - VhgV.mH) / F.to(U.dtype)
    inner = J * Sc.unsqueeze(-2) + Sc.unsqueeze(-1) * K
    if gS is not None:
        inner = inner + gS.to(U.dtype).diag_embed()
    if cplx:  # the phase of each singular pair, left free by S, moves with Im diag(U^H gU)
        inner = inner + (1j * UhgU.diagonal(0, -2, -1).imag / S).diag_embed()
    gA = U @ inner @ Vh
    inv_S = (1 / Sc).unsqueeze(-2)
    if m > k:  # the part of gU outside U's column space
        gA = gA + ((gU - U @ UhgU) * inv_S) @ Vh
    if n > k:
        gA = gA + U @ ((gV - V @ VhgV) * inv_S).mH
    return (gA,)


def _check_svd(A):
    check_matrix("linalg.svd", A, square=False, low_precision="linalg_svd_cpu")


def svd(A, full_matrices=True, *, driver=None, out=None):
    """Same as `torch.linalg.svd`: (U, S, Vh), S descending."""
    need_tensor("linalg_svd", "A", A)
    _check_svd(A)
    params = {"full_matrices": bool(full_matrices)}
    return write_outs(out, apply(REGISTRY["linalg_svd"], (A,), params))


def svdvals(A, *, driver=None, out=None):
    """Same as `torch.linalg.svdvals`."""
    need_tensor("linalg_svdvals", "A", A)
    _check_svd(A)
    S = apply(REGISTRY["linalg_svd"], (A,), {"full_matrices": False})[1]
    return S if out is None else write_outs((out,), (S,))[0]


@public("svd", method=True)
def torch_svd(input, some=True, compute_uv=True, *, out=None):
    """Same as `torch.svd`: (U, S, V) with V = Vh^H; zeros for U and V without compute_uv."""
    import numtorch

    need_tensor("svd", "input", input)
    _check_svd(input)
    if not compute_uv:
        S = svdvals(input)
        m, n = input.shape[-2:]
        batch = tuple(input.shape[:-2])
        U = numtorch.zeros(batch + (m, m), dtype=input.dtype)
        V = numtorch.zeros(batch + (n, n), dtype=input.dtype)
        return write_outs(out, torch_svd_result(U, S, V))
    U, S, Vh = apply(REGISTRY["linalg_svd"], (input,), {"full_matrices": not some})
    return write_outs(out, torch_svd_result(U, S, Vh.mH))
