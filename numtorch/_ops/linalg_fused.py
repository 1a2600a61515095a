"""Fused products `beta * input + alpha * (product)`: addmm, addmv, addr, baddbmm, addbmm; and
outer/ger, trace, cross. The plain products (mm, mv, bmm, dot, matmul) are in linalg.py.
"""

from numtorch import _dtype
from numtorch._errors import type_name, wrap_dim
from numtorch._ops.linalg import (
    check_bmm,
    check_mm,
    check_out,
    conj,
    mm_mat1_grad,
    mm_mat2_grad,
    need_tensor,
    no_kernel,
    raw_mm_mat1_grad,
    raw_mm_mat2_grad,
)
from numtorch._ops.registry import DEFAULT, FORWARD, REGISTRY, apply, apply_inplace, op, public
from numtorch._ops.registry import result_dtype as _result_dtype

# ---------------------------------------------------------------- shared helpers


def _scalar_for(array, value):
    """A Python scalar as torch applies it to an array of this dtype: integer results truncate
    it toward zero, boolean results take its truth."""
    kind = array.dtype.kind
    if kind == "b":
        return builtins_bool(value)
    if kind in "iu":
        return int(value)
    return value


builtins_bool = bool


def _combine(xp, input, product, beta, alpha):
    """beta * input + alpha * product; input is ignored when beta is 0 (so NaN does not spread)."""
    beta, alpha = _scalar_for(product, beta), _scalar_for(product, alpha)
    if product.dtype.kind == "b":
        scaled = product if alpha else xp.zeros_like(product)
        return xp.logical_or(scaled, input) if beta else xp.broadcast_to(scaled, product.shape)
    if alpha != 1:
        product = product * xp.asarray(alpha, dtype=product.dtype)
    if beta == 0:
        return product
    if beta != 1:
        input = input * xp.asarray(beta, dtype=product.dtype)
    if input.dtype == product.dtype and input.ndim <= product.ndim:
        # the product is a fresh array: add into it rather than allocate another
        product += input
        return product
    return product + input


def scaled(t, scalar):
    """torch's maybe_multiply: t unchanged for a factor of 1."""
    return t if scalar == 1 else t * scalar


def _conj_scalar(value):
    return value.conjugate() if isinstance(value, complex) else value


def _check_expand(input, shape):
    """torch's error when `input` does not broadcast to the product's shape."""
    if input.dim() > len(shape):
        raise RuntimeError(
            f"expand({input.type()}{{[{', '.join(map(str, input.shape))}]}}, "
            f"size=[{', '.join(map(str, shape))}]): the number of sizes provided ({len(shape)}) "
            f"must be greater or equal to the number of dimensions in the tensor ({input.dim()})"
        )
    sizes = input.shape
    lead = len(shape) - len(sizes)
    if all(n == 1 or n == shape[lead + i] for i, n in enumerate(sizes)):
        return
    input.detach().expand(*shape)  # raises torch's error


def _check_out_shape_inplace(self, shape):
    if tuple(self.shape) != tuple(shape):
        raise RuntimeError(
            f"Bad in-place call: input tensor size [{', '.join(map(str, self.shape))}] and "
            f"output tensor size [{', '.join(map(str, shape))}] should match"
        )


def _check_same(name_a, a, name_b, b):
    if a.dtype is not b.dtype:
        raise RuntimeError(
            f"{name_a} and {name_b} must have the same dtype, but got {type_name(a.dtype)} and "
            f"{type_name(b.dtype)}"
        )


def _run(name, args, params, out, inplace):
    if inplace:
        return apply_inplace(REGISTRY[name], args, params)
    return apply(REGISTRY[name], args, params, out)


# ---------------------------------------------------------------- addmm


@op(
    "addmm",
    grad_fn="AddmmBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
    input_names=("self", "mat1", "mat2"),
)
def _addmm(xp, input, mat1, mat2, *, beta, alpha):
    return _combine(xp, input, xp.matmul(mat1, mat2), beta, alpha)


@_addmm.backward
def _(grad, *, needs, mat1, mat2, beta, alpha):
    a = _conj_scalar(alpha)
    return (
        scaled(grad, _conj_scalar(beta)) if needs[0] else None,
        scaled(mm_mat1_grad(grad, mat1, mat2), a) if needs[1] else None,
        scaled(mm_mat2_grad(grad, mat1, mat2), a) if needs[2] else None,
    )


@_addmm.raw_backward
def _(xp, grad, *, needs, mat1, mat2, beta, alpha):
    a = _conj_scalar(alpha)
    return (
        _raw_scaled(grad, _conj_scalar(beta)) if needs[0] else None,
        _raw_scaled(raw_mm_mat1_grad(xp, grad, mat1, mat2), a) if needs[1] else None,
        _raw_scaled(raw_mm_mat2_grad(xp, grad, mat1, mat2), a) if needs[2] else None,
    )


def _raw_scaled(array, scalar):
    return array if scalar == 1 else array * scalar


def _addmm_impl(input, mat1, mat2, beta, alpha, out, inplace):
    name = "addmm_" if inplace else "addmm"
    for i, (arg, value) in enumerate((("input", input), ("mat1", mat1), ("mat2", mat2))):
        need_tensor(name, arg, i + 1, value)
    for arg, t in (("mat1", mat1), ("mat2", mat2)):
        if t.dim() != 2:
            raise RuntimeError(f"{arg} must be a matrix, got {t.dim()}-D tensor")
    _check_same("self", input, "mat2", mat2)
    _check_same("mat1", mat1, "mat2", mat2)
    shape = (mat1.shape[0], mat2.shape[1])
    if inplace:
        _check_out_shape_inplace(input, shape)
    else:
        _check_expand(input, shape)
    check_mm(mat1, mat2)
    check_out("addmm", out, (input, mat1, mat2), input.dtype)
    params = {"beta": beta, "alpha": alpha}
    return _run("addmm", (input, mat1, mat2), params, out, inplace)


@public(method=True)
def addmm(input, mat1, mat2, *, beta=1, alpha=1, out=None):
    """Same as `torch.addmm`: beta * input + alpha * (mat1 @ mat2), input broadcast."""
    return _addmm_impl(input, mat1, mat2, beta, alpha, out, False)


@public("addmm_", function=False, method=True)
def addmm_(self, mat1, mat2, *, beta=1, alpha=1):
    return _addmm_impl(self, mat1, mat2, beta, alpha, None, True)


# ---------------------------------------------------------------- addmv


@op(
    "addmv",
    grad_fn="AddmvBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
    input_names=("self", "mat", "vec"),
)
def _addmv(xp, input, mat, vec, *, beta, alpha):
    return _combine(xp, input, xp.matmul(mat, vec), beta, alpha)


@_addmv.backward
def _(grad, *, needs, mat, vec, beta, alpha):
    a = _conj_scalar(alpha)
    return (
        scaled(grad, _conj_scalar(beta)) if needs[0] else None,
        scaled(grad.unsqueeze(1) * conj(vec), a) if needs[1] else None,
        scaled(conj(mat).t().mv(grad), a) if needs[2] else None,
    )


def _addmv_impl(input, mat, vec, beta, alpha, out, inplace):
    name = "addmv_" if inplace else "addmv"
    for i, (arg, value) in enumerate((("input", input), ("mat", mat), ("vec", vec))):
        need_tensor(name, arg, i + 1, value)
    if mat.dim() != 2 or vec.dim() != 1 or input.dim() > 1:
        raise RuntimeError(
            f"vector + matrix @ vector expected, got {input.dim()}, {mat.dim()}, {vec.dim()}"
        )
    n = mat.shape[0]
    if mat.shape[1] != vec.shape[0] or (input.dim() == 1 and input.shape[0] not in (1, n)):
        raise RuntimeError(
            f"size mismatch, got input ({input.shape[0] if input.dim() else 1}), "
            f"mat ({mat.shape[0]}x{mat.shape[1]}), vec ({vec.shape[0]})"
        )
    if not input.dtype is mat.dtype is vec.dtype:
        raise RuntimeError(
            "addmv input tensors must have the same dtype, but got "
            f"{type_name(input.dtype)}, {type_name(mat.dtype)}, and {type_name(vec.dtype)}"
        )
    if mat.dtype is _dtype.bool:
        raise no_kernel("addmv_impl_cpu", mat.dtype)
    if inplace:
        _check_out_shape_inplace(input, (n,))
    check_out("addmv", out, (input, mat, vec), input.dtype)
    return _run("addmv", (input, mat, vec), {"beta": beta, "alpha": alpha}, out, inplace)


@public(method=True)
def addmv(input, mat, vec, *, beta=1, alpha=1, out=None):
    """Same as `torch.addmv`: beta * input + alpha * (mat @ vec)."""
    return _addmv_impl(input, mat, vec, beta, alpha, out, False)


@public("addmv_", function=False, method=True)
def addmv_(self, mat, vec, *, beta=1, alpha=1):
    return _addmv_impl(self, mat, vec, beta, alpha, None, True)


# ---------------------------------------------------------------- addr


@op(
    "addr",
    grad_fn="AddrBackward0",
    promote=DEFAULT,
    function=False,
    method=False,
    input_names=("self", "vec1", "vec2"),
)
def _addr(xp, input, vec1, vec2, *, beta, alpha):
    outer = xp.logical_and if vec1.dtype.kind == "b" else xp.multiply
    return _combine(xp, input, outer(vec1[:, None], vec2[None, :]), beta, alpha)


@_addr.backward
def _(grad, *, needs, vec1, vec2, beta, alpha):
    a = _conj_scalar(alpha)
    return (
        scaled(grad, _conj_scalar(beta)) if needs[0] else None,
        scaled(grad.mv(conj(vec2)), a) if needs[1] else None,
        scaled(grad.t().mv(conj(vec1)), a) if needs[2] else None,
    )


def _check_scalar_kind(name, value, dtype):
    if dtype.category <= _dtype.INT and isinstance(value, float):
        raise RuntimeError(
            f"For integral input tensors, argument {name} must not be a floating point number."
        )
    if dtype is not _dtype.bool and isinstance(value, bool):
        raise RuntimeError(f"Boolean {name} only supported for Boolean results.")


def _addr_impl(input, vec1, vec2, beta, alpha, out, inplace):
    name = "addr_" if inplace else "addr"
    for i, (arg, value) in enumerate((("input", input), ("vec1", vec1), ("vec2", vec2))):
        need_tensor(name, arg, i + 1, value)
    for arg, t in (("vec1", vec1), ("vec2", vec2)):
        if t.dim() != 1:
            raise RuntimeError(f"addr: Expected 1-D argument {arg}, but got {t.dim()}-D")
    res = _result_dtype((input, vec1, vec2))
    _check_scalar_kind("beta", beta, res)
    _check_scalar_kind("alpha", alpha, res)
    shape = (vec1.shape[0], vec2.shape[0])
    if inplace:
        _check_out_shape_inplace(input, shape)
    else:
        _check_expand(input, shape)
    check_out("addr", out, (input, vec1, vec2), res)
    return _run("addr", (input, vec1, vec2), {"beta": beta, "alpha": alpha}, out, inplace)


@public(method=True)
def addr(input, vec1, vec2, *, beta=1, alpha=1, out=None):
    """Same as `torch.addr`: beta * input + alpha * outer(vec1, vec2), with type promotion."""
    return _addr_impl(input, vec1, vec2, beta, alpha, out, False)


@public("addr_", function=False, method=True)
def addr_(self, vec1, vec2, *, beta=1, alpha=1):
    return _addr_impl(self, vec1, vec2, beta, alpha, None, True)


# ---------------------------------------------------------------- baddbmm and addbmm


@op(
    "baddbmm",
    grad_fn="BaddbmmBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
    input_names=("self", "batch1", "batch2"),
)
def _baddbmm(xp, input, batch1, batch2, *, beta, alpha):
    return _combine(xp, input, xp.matmul(batch1, batch2), beta, alpha)


@_baddbmm.backward
def _(grad, *, needs, batch1, batch2, beta, alpha):
    a = _conj_scalar(alpha)
    return (
        scaled(grad, _conj_scalar(beta)) if needs[0] else None,
        scaled(grad.bmm(conj(batch2).transpose(1, 2)), a) if needs[1] else None,
        scaled(conj(batch1).transpose(1, 2).bmm(grad), a) if needs[2] else None,
    )


def _baddbmm_impl(input, batch1, batch2, beta, alpha, out, inplace):
    name = "baddbmm_" if inplace else "baddbmm"
    for i, (arg, value) in enumerate((("input", input), ("batch1", batch1), ("batch2", batch2))):
        need_tensor(name, arg, i + 1, value)
    if not inplace and batch1.dim() >= 2 and batch2.dim() >= 3:
        _check_expand(input, (batch1.shape[0], batch1.shape[1], batch2.shape[2]))
    if batch1.dim() != 3:
        raise RuntimeError("batch1 must be a 3D tensor")
    if batch2.dim() != 3:
        raise RuntimeError("batch2 must be a 3D tensor")
    if inplace:
        _check_out_shape_inplace(input, (batch1.shape[0], batch1.shape[1], batch2.shape[2]))
    if batch1.dtype is batch2.dtype and input.dtype is not batch1.dtype:
        raise RuntimeError(
            f"Input dtypes must be the same, got: input {_cpp(input)}, batch1: {_cpp(batch1)}, "
            f"batch2: {_cpp(batch2)}"
        )
    check_bmm(batch1, batch2, kernel="baddbmm")
    check_out("baddbmm", out, (input, batch1, batch2), input.dtype)
    return _run("baddbmm", (input, batch1, batch2), {"beta": beta, "alpha": alpha}, out, inplace)


def _cpp(t):
    from numtorch._ops.reduction import CPP_NAMES

    return CPP_NAMES[t.dtype.name].replace("long int", "long")


@public(method=True)
def baddbmm(input, batch1, batch2, *, beta=1, alpha=1, out=None):
    """Same as `torch.baddbmm`: beta * input + alpha * bmm(batch1, batch2), input broadcast."""
    return _baddbmm_impl(input, batch1, batch2, beta, alpha, out, False)


@public("baddbmm_", function=False, method=True)
def baddbmm_(self, batch1, batch2, *, beta=1, alpha=1):
    return _baddbmm_impl(self, batch1, batch2, beta, alpha, None, True)


@op(
    "addbmm",
    grad_fn="AddbmmBackward0",
    promote=DEFAULT,
    function=False,
    method=False,
    input_names=("self", "batch1", "batch2"),
)
def _addbmm(xp, input, batch1, batch2, *, beta, alpha):
    if _dtype.is_half_np(input.dtype) and batch1.shape[0]:
        return _addbmm_half(xp, input, batch1, batch2, beta, alpha)
    product = xp.matmul(batch1, batch2).sum(axis=0, dtype=input.dtype)
    return _combine(xp, input, product, beta, alpha)


def _addbmm_half(xp, input, batch1, batch2, beta, alpha):
    """torch's addbmm for float16/bfloat16: one addmm_ per batch, each computed in float32 and
    rounded to the half type before the next batch is added."""
    half, wide = input.dtype, "float32"
    total = input.astype(wide)
    for i in range(batch1.shape[0]):
        product = xp.matmul(batch1[i].astype(wide), batch2[i].astype(wide))
        total = _combine(xp, total, product, beta if i == 0 else 1, alpha).astype(half)
        total = total.astype(wide)
    return total.astype(half)


@_addbmm.backward
def _(grad, *, needs, batch1, batch2, beta, alpha):
    a = _conj_scalar(alpha)
    expanded = grad.unsqueeze(0).expand(batch1.shape[0], grad.shape[0], grad.shape[1])
    return (
        scaled(grad, _conj_scalar(beta)) if needs[0] else None,
        scaled(expanded.bmm(conj(batch2).transpose(1, 2)), a) if needs[1] else None,
        scaled(conj(batch1).transpose(1, 2).bmm(expanded), a) if needs[2] else None,
    )


def _addbmm_impl(input, batch1, batch2, beta, alpha, out, inplace):
    name = "addbmm_" if inplace else "addbmm"
    for i, (arg, value) in enumerate((("input", input), ("batch1", batch1), ("batch2", batch2))):
        need_tensor(name, arg, i + 1, value)
    if batch1.dim() != 3:
        raise RuntimeError(f"batch1 must be a 3D tensor, got {batch1.dim()}D")
    if batch2.dim() != 3:
        raise RuntimeError(f"batch2 must be a 3D tensor, got {batch2.dim()}D")
    if batch1.shape[0] != batch2.shape[0]:
        raise RuntimeError(
            "batch1 and batch2 must have same number of batches, got "
            f"{batch1.shape[0]} and {batch2.shape[0]}"
        )
    if batch1.shape[2] != batch2.shape[1]:
        raise RuntimeError(
            f"Incompatible matrix sizes for bmm ({batch1.shape[1]}x{batch1.shape[2]} and "
            f"{batch2.shape[1]}x{batch2.shape[2]})"
        )
    shape = (batch1.shape[1], batch2.shape[2])
    if inplace:
        _check_out_shape_inplace(input, shape)
    else:
        _check_expand(input, shape)
    _check_same("self", input, "mat2", batch2)
    _check_same("mat1", batch1, "mat2", batch2)
    if batch1.dtype is _dtype.bool:
        raise no_kernel("addmm_impl_cpu_", batch1.dtype)
    check_out("addbmm", out, (input, batch1, batch2), input.dtype)
    return _run("addbmm", (input, batch1, batch2), {"beta": beta, "alpha": alpha}, out, inplace)


@public(method=True)
def addbmm(input, batch1, batch2, *, beta=1, alpha=1, out=None):
    """Same as `torch.addbmm`: beta * input + alpha * (the sum over the batch of the products)."""
    return _addbmm_impl(input, batch1, batch2, beta, alpha, out, False)


@public("addbmm_", function=False, method=True)
def addbmm_(self, batch1, batch2, *, beta=1, alpha=1):
    return _addbmm_impl(self, batch1, batch2, beta, alpha, None, True)


# ---------------------------------------------------------------- outer, trace, cross


@public(method=True)
def outer(input, vec2, *, out=None):
    """Same as `torch.outer`: input[:, None] * vec2 (with type promotion), torch's graph."""
    need_tensor("outer", "input", 1, input)
    need_tensor("outer", "vec2", 2, vec2)
    for arg, t in (("self", input), ("vec2", vec2)):
        if t.dim() != 1:
            raise RuntimeError(f"outer: Expected 1-D argument {arg}, but got {t.dim()}-D")
    from numtorch._ops.pointwise import mul

    return mul(input.reshape(input.shape[0], 1), vec2, out=out)


@public(method=True)
def ger(input, vec2, *, out=None):
    """Same as `torch.ger`: an alias of outer."""
    return outer(input, vec2, out=out)


@op("trace", grad_fn="TraceBackward0", promote=FORWARD, function=False, method=False)
def _trace(xp, input):
    if input.dtype.kind in "iu":
        return xp.trace(input, dtype="int64")
    if _dtype.is_half_np(input.dtype):
        return xp.trace(input, dtype="float32").astype(input.dtype)
    return xp.trace(input)


@_trace.backward
def _(grad, *, needs, self_sym_sizes):
    from numtorch._creation import eye

    n, m = self_sym_sizes
    return grad * eye(n, m, dtype=grad.dtype)


@public(method=True)
def trace(input):
    """Same as `torch.trace`: the sum of a matrix's diagonal (integers sum to int64)."""
    need_tensor("trace", "input", 1, input)
    if input.dim() != 2:
        raise RuntimeError(f"trace: expected a matrix, but got tensor with dim {input.dim()}")
    if input.dtype is _dtype.bool:
        raise no_kernel("trace", input.dtype)
    return apply(REGISTRY["trace"], (input,), {})


@op(
    "linalg_cross",
    grad_fn="LinalgCrossBackward0",
    promote=DEFAULT,
    function=False,
    method=False,
)
def _cross(xp, input, other, *, dim):
    return xp.cross(input, other, axis=dim)


@_cross.backward
def _(grad, *, needs, self, other, dim):
    return (
        linalg_cross(conj(other), grad, dim=dim) if needs[0] else None,
        linalg_cross(grad, conj(self), dim=dim) if needs[1] else None,
    )


def linalg_cross(input, other, *, dim=-1, out=None):
    """Same as `torch.linalg.cross`: the cross product along `dim` (inputs broadcast)."""
    need_tensor("linalg_cross", "input", 1, input)
    need_tensor("linalg_cross", "other", 2, other)
    if input.dim() != other.dim():
        raise RuntimeError("linalg.cross: inputs must have the same number of dimensions.")
    d = wrap_dim(dim, input.dim())
    if input.shape[d] != 3 or other.shape[d] != 3:
        raise RuntimeError(
            f"linalg.cross: inputs dimension {dim} must have length 3. Got "
            f"{input.shape[d]} and {other.shape[d]}"
        )
    if input.dtype is not other.dtype:
        raise RuntimeError(
            f"expected scalar type {type_name(input.dtype)} but found {type_name(other.dtype)}"
        )
    if input.dtype is _dtype.bool:
        raise no_kernel("cross", input.dtype)
    _check_expand_pair(input, other)
    check_out("linalg_cross", out, (input, other), input.dtype)
    return apply(REGISTRY["linalg_cross"], (input, other), {"dim": d}, out)


def _check_expand_pair(a, b):
    from numtorch._errors import broadcast_shapes_of

    broadcast_shapes_of(a.shape, b.shape)


@public(method=True)
def cross(input, other, dim=None, *, out=None):
    """Same as `torch.cross`: without `dim`, the first dim of size 3 (with torch's warning)."""
    need_tensor("cross", "input", 1, input)
    need_tensor("cross", "other", 2, other)
    if dim is None:
        import warnings

        warnings.warn(
            "Using torch.cross without specifying the dim arg is deprecated.\nPlease either "
            "pass the dim explicitly or simply use torch.linalg.cross.\nThe default value of "
            "dim will change to agree with that of linalg.cross in a future release.",
            UserWarning,
            stacklevel=2,
        )
        from numtorch._errors import broadcast_shapes_of

        shape = broadcast_shapes_of(input.shape, other.shape)
        dim = next((i for i, n in enumerate(shape) if n == 3), None)
        if dim is None:
            raise RuntimeError("no dimension of size 3 in input")
    return linalg_cross(input, other, dim=dim, out=out)
