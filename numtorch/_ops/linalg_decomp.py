"""numtorch.linalg's determinant, inverse, solve and Cholesky ops (det, slogdet, logdet, inv_ex,
solve_ex, cholesky_ex, torch.cholesky) with torch's grad_fns. QR/eigen/SVD are in
linalg_spectral.py, matrix functions and norms in linalg_func.py.
"""

import warnings

from numtorch import _dtype
from numtorch._ops.linalg_common import (
    LinAlgError,
    check_matrix,
    check_same_dtype,
    cholesky_info,
    column_major,
    lu_info,
    need_tensor,
    not_implemented,
    raise_for_info,
)
from numtorch._ops.reduction import return_type
from numtorch._ops.registry import FORWARD, REGISTRY, _write_out, apply, op, public

slogdet_result = return_type("linalg_slogdet", ("sign", "logabsdet"))
torch_slogdet_result = return_type("slogdet", ("sign", "logabsdet"))
inv_ex_result = return_type("linalg_inv_ex", ("inverse", "info"))
solve_ex_result = return_type("linalg_solve_ex", ("result", "info"))
cholesky_ex_result = return_type("linalg_cholesky_ex", ("L", "info"))


def write_outs(out, results):
    """Writes a tuple of results into the tuple `out` (torch's out= for multi-output ops)."""
    if out is None:
        return results
    for o, r in zip(out, results):
        _write_out(o, r)
    return type(results)(*out) if hasattr(results, "_fields") else tuple(out)


def _solve_adjoint(A, B):
    """A^{-H} B with tensor ops (differentiable again)."""
    return solve(A.mH, B)


# ---------------------------------------------------------------- det, slogdet, logdet


@op("linalg_det", grad_fn="LinalgDetBackward0", promote=FORWARD, function=False, method=False)
def _det(xp, A):
    if A.shape[-1] == 0:
        return xp.ones(A.shape[:-2], dtype=A.dtype)
    return xp.linalg.det(A).astype(A.dtype)


@_det.backward
def _(grad, *, needs, self, result):
    # d det = det tr(A^{-1} dA): the gradient is conj(grad det) times A^{-H} (the adjugate, by
    # SVD, where A is singular)
    scale = (grad * result.conj()).unsqueeze(-1).unsqueeze(-1)
    if bool((result == 0).any()):
        return scale * _adjugate(self).mH
    return scale * _inverse_of(self).mH


def _adjugate(A):
    """adj(A) = det(U) det(Vh) V diag(prod of the other singular values) U^H, defined for
    singular matrices too."""
    import numtorch
    from numtorch._ops.linalg_spectral import svd

    U, S, Vh = svd(A)
    ones = numtorch.ones_like(S[..., :1])
    left = numtorch.cat([ones, S[..., :-1]], -1).cumprod(-1)
    right = numtorch.cat([ones, S.flip(-1)[..., :-1]], -1).cumprod(-1).flip(-1)
    others = left * right
    phase = (det(U) * det(Vh)).unsqueeze(-1).unsqueeze(-1)
    return phase * (Vh.mH * others.unsqueeze(-2)) @ U.mH


def _inverse_of(A):
    return inv(A)


@public(method=True)
def det(A, *, out=None):
    """Same as `torch.linalg.det` (and `torch.det`)."""
    need_tensor("linalg_det", "A", A)
    check_matrix("linalg.det", A, low_precision="lu_cpu")
    return apply(REGISTRY["linalg_det"], (A,), {}, out)


@op(
    "linalg_slogdet",
    grad_fn="LinalgSlogdetBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=slogdet_result,
)
def _slogdet(xp, A):
    real = A.real.dtype if A.dtype.kind == "c" else A.dtype
    if A.shape[-1] == 0:
        shape = A.shape[:-2]
        return xp.ones(shape, dtype=A.dtype), xp.zeros(shape, dtype=real)
    sign, logabsdet = xp.linalg.slogdet(A)
    return xp.asarray(sign).astype(A.dtype), xp.asarray(logabsdet).astype(real)


@_slogdet.backward
def _(grad_sign, grad_logabsdet, *, needs, self, result0):
    # d logabsdet = Re tr(A^{-1} dA), d sign = i Im tr(A^{-1} dA) sign: both flow through
    # c = g_logabsdet + i Im(g_sign conj(sign)) times A^{-H}
    if grad_logabsdet is None and (grad_sign is None or not self.dtype.is_complex):
        return (None,)
    import numtorch

    c = grad_logabsdet if grad_logabsdet is not None else numtorch.zeros_like(result0.real)
    if self.dtype.is_complex:
        c = c.to(self.dtype)
        if grad_sign is not None:
            c = c + 1j * (grad_sign * result0.conj()).imag
    return c.unsqueeze(-1).unsqueeze(-1) * _inverse_of(self).mH


def _linalg_slogdet(A, *, out=None):
    need_tensor("linalg_slogdet", "A", A)
    check_matrix("linalg.slogdet", A, low_precision="low")
    return write_outs(out, apply(REGISTRY["linalg_slogdet"], (A,), {}))


def linalg_slogdet(A, *, out=None):
    """Same as `torch.linalg.slogdet`: (sign, log|det|)."""
    return _linalg_slogdet(A, out=out)


@public("slogdet", method=True)
def slogdet(input, *, out=None):
    """Same as `torch.slogdet`: linalg.slogdet with torch.return_types.slogdet."""
    return write_outs(out, torch_slogdet_result(*_linalg_slogdet(input)))


@public(method=True)
def logdet(input):
    """Same as `torch.logdet`: log det, nan for a negative determinant (real inputs)."""
    import numtorch

    need_tensor("logdet", "input", input)
    check_matrix("linalg.slogdet", input, low_precision="low")
    sign, logabsdet = _linalg_slogdet(input)
    if input.dtype.is_complex:
        return logabsdet + sign.log()
    return numtorch.where(sign == -1, float("nan"), logabsdet)


# ---------------------------------------------------------------- inverse


@op(
    "linalg_inv_ex",
    grad_fn="LinalgInvExBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=inv_ex_result,
)
def _inv_ex(xp, A):
    batch = A.shape[:-2]
    try:
        inverse = xp.linalg.inv(A)
        info = xp.zeros(batch, dtype="int32")
    except Exception:  # noqa: BLE001 - a singular matrix (numpy's LinAlgError)
        info = lu_info(xp, A)
        with _quiet(xp):
            inverse = _inverse_by_matrix(xp, A, info)
    return column_major(xp, inverse, A.dtype), info


def _inverse_by_matrix(xp, A, info):
    flat = A.reshape((-1,) + A.shape[-2:])
    ok = info.reshape(-1)
    outs = [
        xp.linalg.inv(m) if int(code) == 0 else xp.full(m.shape, xp.nan, dtype=m.dtype)
        for m, code in zip(flat, ok)
    ]
    return xp.stack(outs).reshape(A.shape) if outs else xp.empty_like(A)


class _quiet:
    def __init__(self, xp):
        self.xp = xp

    def __enter__(self):
        self.old = self.xp.seterr(all="ignore") if hasattr(self.xp, "seterr") else None

    def __exit__(self, *exc):
        if self.old is not None:
            self.xp.seterr(**self.old)


@_inv_ex.backward
def _(grad, grad_info, *, needs, result0):
    if grad is None:
        return (None,)
    h = result0.mH
    return (-(h @ grad @ h),)


def _singular_inverse(code):
    return (
        f"The diagonal element {code} is zero, the inversion could not be completed because the "
        "input matrix is singular."
    )


def inv_ex(A, *, check_errors=False, out=None):
    """Same as `torch.linalg.inv_ex`: (inverse, info), info > 0 for a singular matrix."""
    need_tensor("linalg_inv_ex", "A", A)
    check_matrix("linalg.inv", A, low_precision="low")
    result = apply(REGISTRY["linalg_inv_ex"], (A,), {})
    if check_errors:
        _raise_prefixed("linalg.inv_ex: ", result.info, _singular_inverse)
    return write_outs(out, result)


def inv(A, *, out=None):
    """Same as `torch.linalg.inv` (and `torch.inverse`)."""
    need_tensor("linalg_inv", "A", A)
    check_matrix("linalg.inv", A, low_precision="low")
    inverse, info = apply(REGISTRY["linalg_inv_ex"], (A,), {})
    _raise_prefixed("linalg.inv: ", info, _singular_inverse)
    return inverse if out is None else _write_out(out, inverse)


def _raise_prefixed(prefix, info, message):
    try:
        raise_for_info(info._data, message)
    except LinAlgError as e:
        raise LinAlgError(prefix + str(e)) from None


@public(method=True)
def inverse(input, *, out=None):
    """Same as `torch.inverse`: linalg.inv."""
    return inv(input, out=out)


# ---------------------------------------------------------------- solve


@op(
    "linalg_solve_ex",
    grad_fn="LinalgSolveExBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    input_names=("A", "B"),
    returns=solve_ex_result,
)
def _solve_ex(xp, A, B, *, left, vector):
    if not left:
        A = xp.swapaxes(A, -1, -2)
        B = xp.swapaxes(B, -1, -2) if not vector else B
    b = B[..., None] if vector else B
    batch = xp.broadcast_shapes(A.shape[:-2], b.shape[:-2])
    A_ = xp.broadcast_to(A, batch + A.shape[-2:])
    b_ = xp.broadcast_to(b, batch + b.shape[-2:])
    try:
        x = xp.linalg.solve(A_, b_)
        info = xp.zeros(batch, dtype="int32")
    except Exception:  # noqa: BLE001 - singular
        info = lu_info(xp, A_)
        x = xp.full(b_.shape, xp.nan, dtype=b_.dtype)
    if vector:
        x = x[..., 0]
        if x.ndim == 2:  # torch's quirk: the batch of vectors comes back column-major too
            return column_major(xp, x, A.dtype), info
        return xp.ascontiguousarray(x).astype(A.dtype), info
    x = column_major(xp, x, A.dtype)
    return (xp.swapaxes(x, -1, -2) if not left else x), info


@_solve_ex.backward
def _(grad, grad_info, *, needs, A, result0, left, vector):
    if grad is None:
        return None, None
    X = result0
    if not left:  # X = B A^{-1}: gB = G A^{-H}, gA = -X^H gB
        gB = solve(A.mH, grad, left=False)
        return -(X.mH @ gB) if needs[0] else None, gB if needs[1] else None
    gB = _solve_adjoint(A, grad)
    if not needs[0]:
        return None, gB
    if vector:
        gA = -(gB.unsqueeze(-1) * X.conj().unsqueeze(-2))
    else:
        gA = -(gB @ X.mH)
    return gA, gB if needs[1] else None


def _is_vector_rhs(A, B):
    return B.dim() == 1 or (B.dim() == A.dim() - 1 and tuple(B.shape) == tuple(A.shape[:-1]))


def _check_solve(fname, A, B, left):
    need_tensor(fname, "A", A)
    need_tensor(fname, "B", B, 2)
    check_matrix("linalg.solve", A, low_precision="lu_cpu")
    check_same_dtype("linalg.solve", A, B)
    vector = left and _is_vector_rhs(A, B)
    rows = B.shape[0] if vector and B.dim() == 1 else None
    n = A.shape[-1]
    if vector:
        b_rows = B.shape[-1]
        ok = b_rows == n
        shown = f"{rows if rows is not None else b_rows}x1"
    else:
        if B.dim() < 2:
            raise RuntimeError("linalg.solve: The input tensor B must have at least 2 dimensions.")
        ok = (B.shape[-2] if left else B.shape[-1]) == n
        shown = f"{B.shape[-2]}x{B.shape[-1]}"
    if not ok:
        eq = "AX = B" if left else "XA = B"
        raise RuntimeError(
            f"linalg.solve: Incompatible shapes of A and B for the equation {eq} "
            f"({A.shape[-2]}x{A.shape[-1]} and {shown})"
        )
    return vector


def solve_ex(A, B, *, left=True, check_errors=False, out=None):
    """Same as `torch.linalg.solve_ex`: (result, info)."""
    vector = _check_solve("linalg_solve_ex", A, B, left)
    result = apply(REGISTRY["linalg_solve_ex"], (A, B), {"left": left, "vector": vector})
    if check_errors:
        _raise_prefixed("torch.linalg.solve_ex: ", result.info, _singular_solve)
    return write_outs(out, result)


def _singular_solve(code):
    return "The solver failed because the input matrix is singular."


def solve(A, B, *, left=True, out=None):
    """Same as `torch.linalg.solve`: X with A X = B (X A = B for left=False)."""
    vector = _check_solve("linalg_solve", A, B, left)
    result, info = apply(REGISTRY["linalg_solve_ex"], (A, B), {"left": left, "vector": vector})
    _raise_prefixed("torch.linalg.solve: ", info, _singular_solve)
    return result if out is None else _write_out(out, result)


# ---------------------------------------------------------------- cholesky


def _cholesky_forward(xp, A, upper):
    batch = A.shape[:-2]
    a = xp.swapaxes(A, -1, -2).conj() if upper else A  # potrf with uplo U reads the upper half
    try:
        L = xp.linalg.cholesky(a)
        info = xp.zeros(batch, dtype="int32")
    except Exception:  # noqa: BLE001 - not positive-definite
        info = cholesky_info(xp, a)
        L = _partial_cholesky(xp, a, info)
    L = xp.tril(L)
    if upper:
        L = xp.swapaxes(L, -1, -2).conj()
    return column_major(xp, L, A.dtype), info


def _partial_cholesky(xp, a, info):
    """What potrf leaves for a matrix that is not positive-definite: the input's lower half
    (torch returns it, factored up to the failed minor; we return the input's triangle)."""
    flat = a.reshape((-1,) + a.shape[-2:])
    outs = []
    for m, code in zip(flat, info.reshape(-1)):
        outs.append(xp.linalg.cholesky(m) if int(code) == 0 else xp.tril(m))
    return xp.stack(outs).reshape(a.shape) if outs else xp.zeros_like(a)


@op(
    "linalg_cholesky_ex",
    grad_fn="LinalgCholeskyExBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=cholesky_ex_result,
)
def _cholesky_ex(xp, A, *, upper):
    return _cholesky_forward(xp, A, upper)


def cholesky_backward(gL, L, upper):
    """The gradient of A = L L^H: L^{-H} Phi(L^H gL) L^{-1}, Phi keeping the lower triangle
    with half its diagonal, made Hermitian."""
    if upper:
        L, gL = L.mH, gL.mH
    phi = (L.mH @ gL).tril()
    phi = phi - 0.5 * phi.diagonal(0, -2, -1).diag_embed()
    L_inv = inv(L)
    gA = L_inv.mH @ phi @ L_inv
    return 0.5 * (gA + gA.mH)


@_cholesky_ex.backward
def _(grad, grad_info, *, needs, result0, upper):
    if grad is None:
        return (None,)
    return (cholesky_backward(grad, result0, upper),)


def _not_pd(code):
    return (
        "The factorization could not be completed because the input is not positive-definite "
        f"(the leading minor of order {code} is not positive-definite)."
    )


def cholesky_ex(A, *, upper=False, check_errors=False, out=None):
    """Same as `torch.linalg.cholesky_ex`: (L, info)."""
    need_tensor("linalg_cholesky_ex", "A", A)
    check_matrix("linalg.cholesky", A, low_precision="cholesky_cpu")
    result = apply(REGISTRY["linalg_cholesky_ex"], (A,), {"upper": upper})
    if check_errors:
        _raise_prefixed("linalg.cholesky: ", result.info, _not_pd)
    return write_outs(out, result)


def linalg_cholesky(A, *, upper=False, out=None):
    """Same as `torch.linalg.cholesky`."""
    need_tensor("linalg_cholesky", "A", A)
    check_matrix("linalg.cholesky", A, low_precision="cholesky_cpu")
    L, info = apply(REGISTRY["linalg_cholesky_ex"], (A,), {"upper": upper})
    _raise_prefixed("linalg.cholesky: ", info, _not_pd)
    return L if out is None else _write_out(out, L)


@op(
    "cholesky_legacy",
    grad_fn="CholeskyBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=tuple,
)
def _cholesky_legacy(xp, input, *, upper):
    return _cholesky_forward(xp, input, upper)


@_cholesky_legacy.backward
def _(grad, grad_info, *, needs, result0, upper):
    if grad is None:
        return (None,)
    return (cholesky_backward(grad, result0, upper),)


_CHOLESKY_DEPRECATED = (
    "torch.cholesky is deprecated in favor of torch.linalg.cholesky and will be removed in a "
    "future PyTorch release.\nL = torch.cholesky(A)\nshould be replaced with\n"
    "L = torch.linalg.cholesky(A)\nand\nU = torch.cholesky(A, upper=True)\nshould be replaced "
    "with\nU = torch.linalg.cholesky(A).mH\nThis transform will produce equivalent results for "
    "all valid (symmetric positive definite) inputs."
)


@public("cholesky", method=True)
def cholesky(input, upper=False, *, out=None):
    """Same as `torch.cholesky` (deprecated in torch, with its warning)."""
    warnings.warn(_CHOLESKY_DEPRECATED, UserWarning, stacklevel=2)
    need_tensor("cholesky", "input", input)
    check_matrix("cholesky", input, low_precision="cholesky_cpu", float_only=False)
    if input.dtype.category < _dtype.FLOAT:
        raise not_implemented("cholesky_cpu", input.dtype)
    result, info = apply(REGISTRY["cholesky_legacy"], (input,), {"upper": upper})
    _raise_prefixed("cholesky: ", info, _not_pd)
    return result if out is None else _write_out(out, result)
