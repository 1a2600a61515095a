"""Linear algebra: matmul and its special cases (mm, bmm, mv, dot), outer, addmm, einsum, ..."""

from numtorch._ops.registry import DEFAULT, REGISTRY, apply, op, public


def _check_float_or_same(a, b, name):
    if a.dtype is not b.dtype:
        raise RuntimeError(
            f"expected m1 and m2 to have the same dtype, but got: {a.dtype} != {b.dtype}"
            if name == "mm"
            else f"expected scalar type {_tn(a)} but found {_tn(b)}"
        )


def _tn(t):
    from numtorch._errors import type_name

    return type_name(t.dtype)


@op(grad_fn="MmBackward0", promote=DEFAULT, input_names=("self", "mat2"))
def mm(xp, input, mat2):
    """Same as `torch.mm`."""
    return xp.matmul(input, mat2)


@mm.backward
def _(grad, *, needs, self, mat2):
    return (grad.mm(mat2.t()) if needs[0] else None, self.t().mm(grad) if needs[1] else None)


@op(grad_fn="DotBackward0", promote=DEFAULT, input_names=("self", "tensor"))
def dot(xp, input, tensor):
    """Same as `torch.dot`."""
    return xp.dot(input, tensor)


@dot.backward
def _(grad, *, needs, self, tensor):
    return (grad * tensor if needs[0] else None, grad * self if needs[1] else None)


@op(grad_fn="MvBackward0", promote=DEFAULT, input_names=("self", "vec"))
def mv(xp, input, vec):
    """Same as `torch.mv`."""
    return xp.matmul(input, vec)


@mv.backward
def _(grad, *, needs, self, vec):
    return (
        grad.unsqueeze(1) * vec.unsqueeze(0) if needs[0] else None,
        self.t().mv(grad) if needs[1] else None,
    )


@op(grad_fn="BmmBackward0", promote=DEFAULT, input_names=("self", "mat2"))
def bmm(xp, input, mat2):
    """Same as `torch.bmm`."""
    return xp.matmul(input, mat2)


@bmm.backward
def _(grad, *, needs, self, mat2):
    return (
        grad.bmm(mat2.transpose(1, 2)) if needs[0] else None,
        self.transpose(1, 2).bmm(grad) if needs[1] else None,
    )


@public(method=True)
def matmul(input, other, *, out=None):
    """Same as `torch.matmul`: dot, mv, mm or a broadcast batched product, by the inputs' dims."""
    da, db = input.dim(), other.dim()
    if da == 0 or db == 0:
        raise RuntimeError(
            f"both arguments to matmul need to be at least 1D, but they are {da}D and {db}D"
        )
    if da == 1 and db == 1:
        return dot(input, other, out=out)
    if da == 2 and db == 1:
        return mv(input, other, out=out)
    if da == 1 and db == 2:
        return mm(input.unsqueeze(0), other).squeeze(0)
    if da == 2 and db == 2:
        return mm(input, other, out=out)
    from numtorch._ops.matmul_batched import batched_matmul

    return batched_matmul(input, other, out)


from numtorch._tensor import Tensor  # noqa: E402

Tensor.__matmul__ = matmul
Tensor.__rmatmul__ = lambda self, other: matmul(other, self)
REGISTRY["matmul"] = None
del REGISTRY["matmul"]
_ = apply
