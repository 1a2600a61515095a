"""Matrix products: mm, dot, vdot, mv, bmm and matmul (`@`), which picks one of them by the
operands' dims. matmul's batched paths live in matmul_batched.py; addmm and the other fused
products, outer, trace and cross in linalg_fused.py; einsum, tensordot and kron in einsum.py.
"""

from numtorch._dtype import bool as _bool
from numtorch._errors import type_name
from numtorch._ops.reduction import CPP_NAMES, expect_out_dtype
from numtorch._ops.registry import DEFAULT, REGISTRY, apply, op, public
from numtorch._ops.registry import _write_out as write_out
from numtorch._tensor import Tensor
from numtorch.autograd.grad_mode import is_grad_enabled

# ---------------------------------------------------------------- argument checks shared here


def need_tensor(fname, argname, position, value):
    """torch's TypeError for a non-Tensor where a Tensor argument is expected."""
    if not isinstance(value, Tensor):
        raise TypeError(
            f"{fname}(): argument '{argname}' (position {position}) must be Tensor, not "
            f"{type(value).__name__}"
        )


def no_kernel(kernel, dtype):
    return NotImplementedError(f"\"{kernel}\" not implemented for '{type_name(dtype)}'")


def check_out(fname, out, tensors, dtype):
    """torch's errors for an `out=` tensor: autograd through out, then its dtype."""
    if out is None:
        return
    if is_grad_enabled() and any(t.requires_grad for t in tensors):
        raise RuntimeError(
            f"{fname}(): functions with out=... arguments don't support automatic "
            "differentiation, but one of the arguments requires grad."
        )
    expect_out_dtype(out, dtype)


def conj(t):
    """`t.conj()` for complex tensors; real tensors pass through without a graph node."""
    return t.conj() if t.dtype.is_complex else t


def _dims(t):
    return "x".join(str(n) for n in t.shape)


# ---------------------------------------------------------------- mm


@op(
    "mm",
    grad_fn="MmBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
    input_names=("self", "mat2"),
)
def _mm(xp, input, mat2):
    return xp.matmul(input, mat2)


@_mm.backward
def _(grad, *, needs, self, mat2):
    return (
        mm_mat1_grad(grad, self, mat2) if needs[0] else None,
        mm_mat2_grad(grad, self, mat2) if needs[1] else None,
    )


@_mm.raw_backward
def _(xp, grad, *, needs, self, mat2):
    return (
        raw_mm_mat1_grad(xp, grad, self, mat2) if needs[0] else None,
        raw_mm_mat2_grad(xp, grad, self, mat2) if needs[1] else None,
    )


def _column_major(t):
    """Whether a matrix is laid out as a transposed contiguous one (as `weight.t()` is)."""
    rows, cols = t.shape
    return rows > 1 and cols > 1 and t._data.strides == (t._data.itemsize, rows * t._data.itemsize)


def mm_mat1_grad(grad, mat1, mat2):
    """grad @ mat2^H, computed in mat1's layout (as torch's mm_mat1_backward): a column-major
    mat1 gets the transpose of (mat2 @ grad^T), so its gradient needs no transposing copy."""
    if _column_major(mat1):
        return conj(mat2).mm(grad.t()).t()
    return grad.mm(conj(mat2).t())


def mm_mat2_grad(grad, mat1, mat2):
    """mat1^H @ grad, computed in mat2's layout (as torch's mm_mat2_backward)."""
    if _column_major(mat2):
        return grad.t().mm(conj(mat1)).t()
    return conj(mat1).t().mm(grad)


def _raw_column_major(a):
    rows, cols = a.shape
    return rows > 1 and cols > 1 and a.strides == (a.itemsize, rows * a.itemsize)


def _raw_conj(xp, a):
    return xp.conj(a) if a.dtype.kind == "c" else a


def raw_mm_mat1_grad(xp, grad, mat1, mat2):
    """mm_mat1_grad over arrays (the raw backward path)."""
    if _raw_column_major(mat1):
        return xp.matmul(_raw_conj(xp, mat2), grad.T).T
    return xp.matmul(grad, _raw_conj(xp, mat2).T)


def raw_mm_mat2_grad(xp, grad, mat1, mat2):
    """mm_mat2_grad over arrays (the raw backward path)."""
    if _raw_column_major(mat2):
        return xp.matmul(grad.T, _raw_conj(xp, mat1)).T
    return xp.matmul(_raw_conj(xp, mat1).T, grad)


def check_mm(input, mat2):
    """mm's checks in torch's order: dims, inner sizes, dtypes, then the kernel's dtype."""
    a, b = input._data.shape, mat2._data.shape
    if len(a) != 2:
        raise RuntimeError("self must be a matrix")
    if len(b) != 2:
        raise RuntimeError("mat2 must be a matrix")
    if a[1] != b[0]:
        raise RuntimeError(
            f"mat1 and mat2 shapes cannot be multiplied ({_dims(input)} and {_dims(mat2)})"
        )
    if input.dtype is not mat2.dtype:
        raise RuntimeError(
            "expected m1 and m2 to have the same dtype, but got: "
            f"{CPP_NAMES[input.dtype.name]} != {CPP_NAMES[mat2.dtype.name]}"
        )
    if input.dtype is _bool:
        raise no_kernel("addmm_impl_cpu_", input.dtype)


@public(method=True)
def mm(input, mat2, *, out=None):
    """Same as `torch.mm`: the product of two matrices of one dtype (no broadcasting)."""
    need_tensor("mm", "input", 1, input)
    need_tensor("mm", "mat2", 2, mat2)
    return _checked_mm(input, mat2, out)


def _checked_mm(input, mat2, out=None):
    """mm of two tensors (checked to be tensors by the caller)."""
    check_mm(input, mat2)
    if out is not None:
        check_out("mm", out, (input, mat2), input.dtype)
    return apply(REGISTRY["mm"], (input, mat2), {}, out)


# ---------------------------------------------------------------- dot and vdot


@op(
    "dot",
    grad_fn="DotBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
    input_names=("self", "tensor"),
)
def _dot(xp, input, tensor):
    return xp.dot(input, tensor)


@_dot.backward
def _(grad, *, needs, self, tensor):
    return (
        grad * conj(tensor) if needs[0] else None,
        grad * conj(self) if needs[1] else None,
    )


@op(
    "vdot",
    grad_fn="VdotBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)
def _vdot(xp, input, other):
    return xp.vdot(input, other)


@_vdot.backward
def _(grad, *, needs, self, other):
    return (
        conj(grad) * other if needs[0] else None,
        grad * self if needs[1] else None,
    )


def _check_dot(input, other, kernel="dot"):
    if input.dim() != 1 or other.dim() != 1:
        raise RuntimeError(
            f"1D tensors expected, but got {input.dim()}D and {other.dim()}D tensors"
        )
    if input.dtype is not other.dtype:
        raise RuntimeError(
            "dot : expected both vectors to have same dtype, but found "
            f"{type_name(input.dtype)} and {type_name(other.dtype)}"
        )
    n, m = input.shape[0], other.shape[0]
    if n != m:
        raise RuntimeError(
            f"inconsistent tensor size, expected tensor [{n}] and src [{m}] to have the same "
            f"number of elements, but got {n} and {m} elements respectively"
        )
    if input.dtype is _bool:
        raise no_kernel(kernel, input.dtype)


@public(method=True)
def dot(input, tensor, *, out=None):
    """Same as `torch.dot`: the inner product of two 1-D tensors of one dtype."""
    need_tensor("dot", "input", 1, input)
    need_tensor("dot", "tensor", 2, tensor)
    _check_dot(input, tensor)
    check_out("dot", out, (input, tensor), input.dtype)
    return apply(REGISTRY["dot"], (input, tensor), {}, out)


@public(method=True)
def vdot(input, other, *, out=None):
    """Same as `torch.vdot`: the inner product with the first argument conjugated."""
    need_tensor("vdot", "input", 1, input)
    need_tensor("vdot", "other", 2, other)
    _check_dot(input, other)
    check_out("vdot", out, (input, other), input.dtype)
    return apply(REGISTRY["vdot"], (input, other), {}, out)


# ---------------------------------------------------------------- mv


@op(
    "mv",
    grad_fn="MvBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
    input_names=("self", "vec"),
)
def _mv(xp, input, vec):
    return xp.matmul(input, vec)


@_mv.backward
def _(grad, *, needs, self, vec):
    return (
        grad.unsqueeze(1) * conj(vec) if needs[0] else None,
        conj(self).t().mv(grad) if needs[1] else None,
    )


def check_mv(input, vec):
    if input.dim() != 2 or vec.dim() != 1:
        raise RuntimeError(f"vector + matrix @ vector expected, got 1, {input.dim()}, {vec.dim()}")
    if input.shape[1] != vec.shape[0]:
        raise RuntimeError(
            f"size mismatch, got input ({input.shape[0]}), mat ({_dims(input)}), "
            f"vec ({vec.shape[0]})"
        )
    if input.dtype is not vec.dtype:
        # torch's message names the result (made with vec's dtype), then mat, then vec
        v, m = type_name(vec.dtype), type_name(input.dtype)
        raise RuntimeError(
            f"addmv input tensors must have the same dtype, but got {v}, {m}, and {v}"
        )
    if input.dtype is _bool:
        raise no_kernel("addmv_impl_cpu", input.dtype)


@public(method=True)
def mv(input, vec, *, out=None):
    """Same as `torch.mv`: a matrix times a vector."""
    need_tensor("mv", "input", 1, input)
    need_tensor("mv", "vec", 2, vec)
    check_mv(input, vec)
    check_out("mv", out, (input, vec), input.dtype)
    return apply(REGISTRY["mv"], (input, vec), {}, out)


# ---------------------------------------------------------------- bmm


@op(
    "bmm",
    grad_fn="BmmBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
    input_names=("self", "mat2"),
)
def _bmm(xp, input, mat2):
    return xp.matmul(input, mat2)


@_bmm.backward
def _(grad, *, needs, self, mat2):
    return (
        grad.bmm(conj(mat2).transpose(1, 2)) if needs[0] else None,
        conj(self).transpose(1, 2).bmm(grad) if needs[1] else None,
    )


def check_bmm(input, mat2, names=("batch1", "batch2"), kernel="bmm"):
    if input.dim() != 3:
        raise RuntimeError(f"{names[0]} must be a 3D tensor")
    if mat2.dim() != 3:
        raise RuntimeError(f"{names[1]} must be a 3D tensor")
    b, _, k = input.shape
    if mat2.shape[:2] != (b, k):
        raise RuntimeError(
            f"Expected size for first two dimensions of {names[1]} tensor to be: [{b}, {k}] "
            f"but got: [{mat2.shape[0]}, {mat2.shape[1]}]."
        )
    if input.dtype is _bool:
        raise no_kernel(kernel, input.dtype)
    if input.dtype is not mat2.dtype:
        raise RuntimeError(
            f"expected scalar type {type_name(input.dtype)} but found {type_name(mat2.dtype)}"
        )


@public(method=True)
def bmm(input, mat2, *, out=None):
    """Same as `torch.bmm`: a batch of matrix products, batch sizes equal (no broadcasting)."""
    need_tensor("bmm", "input", 1, input)
    need_tensor("bmm", "mat2", 2, mat2)
    check_bmm(input, mat2)
    check_out("bmm", out, (input, mat2), input.dtype)
    return apply(REGISTRY["bmm"], (input, mat2), {}, out)


# ---------------------------------------------------------------- matmul


@public(method=True)
def matmul(input, other, *, out=None):
    """Same as `torch.matmul`: dot, mv, mm or a broadcast batched product, by the inputs' dims,
    with torch's graph for each (folding a batch into mm where torch folds)."""
    need_tensor("matmul", "input", 1, input)
    need_tensor("matmul", "other", 2, other)
    da, db = input._data.ndim, other._data.ndim
    if da == 0 or db == 0:
        raise RuntimeError(
            f"both arguments to matmul need to be at least 1D, but they are {da}D and {db}D"
        )
    if out is not None:
        if is_grad_enabled() and (input.requires_grad or other.requires_grad):
            raise RuntimeError(
                "matmul(): functions with out=... arguments don't support automatic "
                "differentiation, but one of the arguments requires grad."
            )
        result = matmul(input, other)
        expect_out_dtype(out, result.dtype)
        return write_out(out, result)
    if da == 1 and db == 1:
        return dot(input, other)
    if da == 2 and db == 1:
        return mv(input, other)
    if da == 1 and db == 2:
        return mm(input.unsqueeze(0), other).squeeze_(0)
    if da == 2 and db == 2:
        return _checked_mm(input, other)
    from numtorch._ops.matmul_batched import batched_matmul

    return batched_matmul(input, other)


def _matmul_dunder(self, other):
    if not isinstance(other, Tensor):
        return NotImplemented
    return matmul(self, other)


def _rmatmul_dunder(self, other):
    if not isinstance(other, Tensor):
        return NotImplemented
    return matmul(other, self)


public("__matmul__", function=False, method=True)(_matmul_dunder)
public("__rmatmul__", function=False, method=True)(_rmatmul_dunder)
