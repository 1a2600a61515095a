"""matmul where one operand has 3 or more dims: folded into one mm/mv, or a broadcast bmm.

torch picks between the two by the operands' dims, strides and requires_grad (folding the
larger operand's batch into its rows when that needs no copy, or when the smaller operand
requires grad, so its gradient is one mm rather than a batch summed afterwards); the graph each
path builds is torch's, so the grad_fn chains match.
"""

from numtorch._errors import broadcast_shapes_of
from numtorch._ops.linalg import bmm, check_bmm, check_mm, check_mv, mm, mv
from numtorch._ops.registry import REGISTRY, apply


def _unsafe_view(t, shape):
    return apply(REGISTRY["unsafe_view"], (t,), {"size": tuple(shape)})


def _prod(sizes):
    n = 1
    for s in sizes:
        n *= s
    return n


def _rows_fold_without_copy(t):
    """Whether t's leading dims (all but the last) flatten into one without a copy."""
    if t.numel() == 0:
        return True
    shape, strides = t.shape, t.stride()
    return all(strides[i] == strides[i + 1] * shape[i + 1] for i in range(t.dim() - 2))


def _should_fold(tensor1, tensor2):
    larger_first = tensor1.dim() >= tensor2.dim()
    big, small = (tensor1, tensor2) if larger_first else (tensor2, tensor1)
    if not (big.dim() >= 3 and small.dim() <= 2):
        return False
    if small.requires_grad:
        return True
    if tensor1.dim() == 2:
        return False
    return _rows_fold_without_copy(big if larger_first else big.mT)


def batched_matmul(tensor1, tensor2):
    """tensor1 @ tensor2 where one of them has at least 3 dims (both at least 1)."""
    if _should_fold(tensor1, tensor2):
        return _folded(tensor1, tensor2)
    d1, d2 = tensor1.dim(), tensor2.dim()
    if d1 == 3 and d2 == 3 and tensor1.shape[0] != tensor2.shape[0]:
        # a batch of one that requires grad is squeezed so its gradient is one mm
        if tensor1.shape[0] == 1 and tensor1.requires_grad:
            return _matmul(tensor1.squeeze(0), tensor2)
        if tensor2.shape[0] == 1 and tensor2.requires_grad:
            return _matmul(tensor1, tensor2.squeeze(0))
    return _broadcast_bmm(tensor1, tensor2)


def _matmul(a, b):
    from numtorch._ops.linalg import matmul

    return matmul(a, b)


def _folded(tensor1, tensor2):
    """The larger operand's batch folded into the rows of one mm (or mv)."""
    transpose = tensor2.dim() > tensor1.dim()
    if transpose:
        t1 = tensor2.mT
        t2 = tensor1.t() if tensor1.dim() == 2 else tensor1
    else:
        t1, t2 = tensor1, tensor2
    out_shape = list(t1.shape[:-1])
    rows = _prod(out_shape)
    folded = t1.reshape(rows, t1.shape[-1])
    if t2.dim() == 2:
        out_shape.append(t2.shape[1])
        check_mm(folded, t2)
        output = _unsafe_view(mm(folded, t2), out_shape)
        return output.mT.contiguous() if transpose else output
    check_mv(folded, t2)
    return _unsafe_view(mv(folded, t2), out_shape)


def _broadcast_bmm(tensor1, tensor2):
    """Both operands' batch dims broadcast, flattened into one, then one bmm."""
    d1, d2 = tensor1.dim(), tensor2.dim()
    n = tensor1.shape[-2] if d1 > 1 else 1
    m1 = tensor1.shape[-1]
    m2 = tensor2.shape[-2] if d2 > 1 else tensor2.shape[-1]
    p = tensor2.shape[-1] if d2 > 1 else 1
    batch = list(broadcast_shapes_of(tensor1.shape[:-2], tensor2.shape[: max(d2 - 2, 0)]))
    count = _prod(batch)
    left = tensor1.expand(*batch, n, m1).reshape(count, n, m1)
    vector_rhs = d2 == 1
    if vector_rhs:
        right = tensor2.expand(*batch, m2).reshape(count, m2).unsqueeze(2)
    else:
        right = tensor2.expand(*batch, m2, p).reshape(count, m2, p)
    check_bmm(left, right)
    out_shape = batch + ([n] if d1 > 1 else []) + ([p] if d2 > 1 else [])
    product = bmm(left, right)
    if vector_rhs:
        product = product.squeeze(-1)
    return _unsafe_view(product, out_shape)
