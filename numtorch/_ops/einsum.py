"""einsum, tensordot and kron: contractions written as composites of permute, diagonal, sum, mul,
reshape and bmm/mm, the way torch computes them, so values, gradients and the grad_fn chain
follow torch's.
"""

import builtins

from numtorch._errors import wrap_dims
from numtorch._ops.linalg import bmm, dot, mm, need_tensor
from numtorch._ops.registry import REGISTRY, apply, public
from numtorch._ops.registry import _write_out as write_out
from numtorch._tensor import Tensor

_LETTERS = 26
_LABELS = 2 * _LETTERS  # A-Z are labels 0-25, a-z are 26-51
_ELLIPSIS = _LABELS


def _label_of(char):
    return ord(char) - ord("A") if char.isupper() else ord(char) - ord("a") + _LETTERS


def _char_of(label):
    return chr(ord("A") + label) if label < _LETTERS else chr(ord("a") + label - _LETTERS)


# ---------------------------------------------------------------- equation parsing


def _from_sublists(args):
    """The sublist form `einsum(op1, sub1, op2, sub2, ..., [out])` as (equation, operands)."""

    def subscripts(sub):
        parts = []
        for s in sub:
            if s is Ellipsis:
                parts.append("...")
            elif 0 <= s < _LABELS:
                parts.append(_char_of(s))
            else:
                raise ValueError(
                    "einsum(): subscript in subscript list is not within the valid range [0, 52)"
                )
        return "".join(parts)

    equation = ",".join(subscripts(s) for s in args[1::2])
    if len(args) % 2 == 1:
        return equation + "->" + subscripts(args[-1]), list(args[:-1:2])
    return equation, list(args[::2])


def _ellipsis_at(text, i, what):
    """Checks that text[i] starts '...'; returns the index of its last dot."""
    if not (i + 2 < len(text) and text[i + 1] == "." and text[i + 2] == "."):
        raise RuntimeError(f"einsum(): found '.' for {what} that is not part of any ellipsis")
    return i + 2


def _parse_inputs(lhs, count):
    op_labels = [[]]
    seen_ellipsis = False
    i = 0
    while i < len(lhs):
        c = lhs[i]
        if c == " ":
            pass
        elif c == ".":
            where = f"operand {len(op_labels) - 1}"
            if seen_ellipsis:
                raise RuntimeError(
                    f"einsum(): found '.' for {where} for which an ellipsis was already found"
                )
            i = _ellipsis_at(lhs, i, where)
            op_labels[-1].append(_ELLIPSIS)
            seen_ellipsis = True
        elif c == ",":
            if len(op_labels) == count:
                raise RuntimeError(
                    "einsum(): fewer operands were provided than specified in the equation"
                )
            op_labels.append([])
            seen_ellipsis = False
        elif c.isascii() and c.isalpha():
            op_labels[-1].append(_label_of(c))
        else:
            raise RuntimeError(
                f"einsum(): invalid subscript given at index {i} in the equation string, "
                "subscripts must be in [a-zA-Z]"
            )
        i += 1
    if len(op_labels) != count:
        raise RuntimeError("einsum(): more operands were provided than specified in the equation")
    return op_labels


class _Plan:
    """Where each label (and the ellipsis dims) goes in the aligned shape: the output dims
    first, then the dims to contract."""

    def __init__(self, equation, operands):
        arrow = equation.find("->")
        lhs = equation if arrow < 0 else equation[:arrow]
        self.op_labels = _parse_inputs(lhs, len(operands))
        counts = [0] * _LABELS
        ell_dims = 0
        for i, (t, labels) in enumerate(zip(operands, self.op_labels)):
            named = [s for s in labels if s != _ELLIPSIS]
            has_ellipsis = len(named) != len(labels)
            for s in named:
                counts[s] += 1
            if has_ellipsis:
                ell_dims = builtins.max(ell_dims, t.dim() - len(named))
            if (len(named) > t.dim()) if has_ellipsis else (len(named) != t.dim()):
                raise RuntimeError(
                    f"einsum(): the number of subscripts in the equation ({len(named)}) "
                    + (
                        "is more than the number of dimensions "
                        if has_ellipsis
                        else "does not match the number of dimensions "
                    )
                    + f"({t.dim()}) for operand {i}"
                    + ("" if has_ellipsis else " and no ellipsis was given")
                )
        position = [-1] * _LABELS
        index = ell_index = 0
        ell_in_output = False
        if arrow < 0:
            index = ell_dims
            ell_in_output = True
            for s in range(_LABELS):
                if counts[s] == 1:
                    position[s] = index
                    index += 1
        else:
            index, ell_index, ell_in_output = self._parse_output(
                equation, arrow, counts, position, ell_dims
            )
        self.out_dims = index
        if not ell_in_output:
            ell_index = index
            index += ell_dims
        for s in range(_LABELS):
            if counts[s] > 0 and position[s] == -1:
                position[s] = index
                index += 1
        self.total_dims = index
        self.position, self.ell_index, self.ell_dims = position, ell_index, ell_dims

    @staticmethod
    def _parse_output(equation, arrow, counts, position, ell_dims):
        rhs = equation[arrow + 2 :]
        index = ell_index = 0
        ell_in_output = False
        i = 0
        while i < len(rhs):
            c = rhs[i]
            if c == " ":
                pass
            elif c == ".":
                if ell_in_output:
                    raise RuntimeError(
                        "einsum(): found '.' for output but an ellipsis (...) was already found"
                    )
                if not (i + 2 < len(rhs) and rhs[i + 1] == "." and rhs[i + 2] == "."):
                    raise RuntimeError(
                        "einsum(): found '.' for output that is not part of any ellipsis (...)"
                    )
                i += 2
                ell_index = index
                index += ell_dims
                ell_in_output = True
            elif c.isascii() and c.isalpha():
                s = _label_of(c)
                if counts[s] == 0 or position[s] != -1:
                    why = (
                        " appears more than once in the output"
                        if position[s] > -1
                        else " does not appear in the equation for any input operand"
                    )
                    raise RuntimeError(f"einsum(): output subscript {c}{why}")
                position[s] = index
                index += 1
            else:
                raise RuntimeError(
                    f"einsum(): invalid subscript given at index {arrow + 2 + i} in the equation "
                    "string, subscripts must be in [a-zA-Z]"
                )
            i += 1
        return index, ell_index, ell_in_output


# ---------------------------------------------------------------- alignment and contraction


def _align(plan, operands):
    """Each operand with repeated labels reduced to diagonals, missing labels unsqueezed, and its
    dims permuted into the plan's order; also how many operands have each dim non-trivially."""
    label_size = [1] * _LABELS
    ell_sizes = [1] * plan.ell_dims
    dim_counts = [0] * plan.total_dims
    aligned = []
    for i, (op, labels) in enumerate(zip(operands, plan.op_labels)):
        perm = [-1] * plan.total_dims
        dim = 0
        for s in labels:
            if s == _ELLIPSIS:
                covered = operands[i].dim() - (len(labels) - 1)
                for j in range(plan.ell_dims - covered, plan.ell_dims):
                    size = op.shape[dim]
                    if size != 1:
                        if ell_sizes[j] not in (1, size):
                            raise RuntimeError(
                                f"einsum(): dimension {dim} covered by ellipsis in operand {i}"
                                f"has size {size} which does not broadcast with previously "
                                f"seen ellipsis with size {ell_sizes[j]} for the respective "
                                "dimension"
                            )
                        ell_sizes[j] = size
                        dim_counts[plan.ell_index + j] += 1
                    perm[plan.ell_index + j] = dim
                    dim += 1
            elif perm[plan.position[s]] == -1:
                size = op.shape[dim]
                if size != 1:
                    if label_size[s] not in (1, size):
                        raise RuntimeError(
                            f"einsum(): subscript {_char_of(s)} has size {size} for operand {i} "
                            f"which does not broadcast with previously seen size {label_size[s]}"
                        )
                    label_size[s] = size
                    dim_counts[plan.position[s]] += 1
                perm[plan.position[s]] = dim
                dim += 1
            else:
                first = perm[plan.position[s]]
                if op.shape[dim] != op.shape[first]:
                    raise RuntimeError(
                        f"einsum(): subscript {_char_of(s)} is repeated for operand {i} but the "
                        f"sizes don't match, {op.shape[dim]} != {op.shape[first]}"
                    )
                op = op.diagonal(0, first, dim).movedim(-1, first)
        for k, p in enumerate(perm):
            if p == -1:
                op = op.unsqueeze(dim)
                perm[k] = dim
                dim += 1
        aligned.append(op.permute(perm))
    return aligned, dim_counts


def sumproduct_pair(left, right, sum_dims, keepdim):
    """(left * right).sum(sum_dims) for operands of equal rank, as one bmm between permuted and
    reshaped operands (dims summed in only one operand are summed first)."""
    if not sum_dims:
        return left * right
    ndim = left.dim()
    summed = set(sum_dims)
    lro, lo, ro = [], [], []
    lro_size = lo_size = ro_size = sum_size = 1
    for i in range(ndim):
        sl, sr = left.shape[i] != 1, right.shape[i] != 1
        if i in summed:
            if sl and sr:
                if left.shape[i] != right.shape[i]:
                    raise RuntimeError("non-broadcast dimensions must match")
                sum_size *= left.shape[i]
            elif sl:
                left = left.sum(i, True)
            elif sr:
                right = right.sum(i, True)
        elif sl and sr:
            if left.shape[i] != right.shape[i]:
                raise RuntimeError("non-broadcast dimensions must match")
            lro.append(i)
            lro_size *= left.shape[i]
        elif sl:
            lo.append(i)
            lo_size *= left.shape[i]
        else:
            ro.append(i)
            ro_size *= right.shape[i]
    # when every right-only dim precedes every left-only one, swapping the operands lets bmm
    # write the result in the final memory order
    if lo and ro and ro[-1] < lo[0]:
        left, right, lo, ro, lo_size, ro_size = right, left, ro, lo, ro_size, lo_size
    out_size = [left.shape[d] for d in lro + lo] + [1] * len(sum_dims)
    out_size += [right.shape[d] for d in ro]
    order = lro + lo + list(sum_dims) + ro
    inverse = [0] * len(order)
    for i, d in enumerate(order):
        inverse[d] = i
    left = left.permute(lro + lo + list(sum_dims) + ro).reshape(lro_size, lo_size, sum_size)
    right = right.permute(lro + list(sum_dims) + ro + lo).reshape(lro_size, sum_size, ro_size)
    result = bmm(left, right).view(out_size).permute(inverse)
    if not keepdim:
        result = result.view([n for i, n in enumerate(result.shape) if i not in summed])
    return result


@public()
def einsum(*args):
    """Same as `torch.einsum`: equation with ellipsis and implicit output, or the sublist form;
    contracts left to right by torch's pairwise bmm, so the graph is torch's."""
    if len(args) < 2:
        raise ValueError(
            "einsum(): must specify the equation string and at least one operand, or at least "
            "one operand and its subscripts list"
        )
    if isinstance(args[0], Tensor):
        equation, operands = _from_sublists(args)
    else:
        equation, operands = args[0], list(args[1:])
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = list(operands[0])
    if not operands:
        raise RuntimeError("einsum(): must provide at least one operand")
    for t in operands:
        if not isinstance(t, Tensor):
            raise TypeError(
                f"einsum(): argument 'tensors' (position 2) must be tuple of Tensors, not "
                f"{type(t).__name__}"
            )
    plan = _Plan(equation, operands)
    ops, dim_counts = _align(plan, operands)
    while len(ops) > 1:
        a, b = ops[0], ops[1]
        del ops[:2]
        sum_dims, a_only, b_only = [], [], []
        for dim in range(plan.out_dims, plan.total_dims):
            sa, sb = a.shape[dim] != 1, b.shape[dim] != 1
            if sa and sb:
                if a.shape[dim] != b.shape[dim]:
                    raise RuntimeError("non-broadcast dimensions must match")
                dim_counts[dim] -= 1
                if dim_counts[dim] == 1:
                    sum_dims.append(dim)
                    dim_counts[dim] = 0
            elif dim_counts[dim] == 1:
                if sa:
                    a_only.append(dim)
                    dim_counts[dim] = 0
                elif sb:
                    b_only.append(dim)
                    dim_counts[dim] = 0
        if a_only:
            a = a.sum(a_only, True)
        if b_only:
            b = b.sum(b_only, True)
        ops.insert(0, sumproduct_pair(a, b, sum_dims, True))
    result = ops[0]
    if plan.total_dims > plan.out_dims:
        if len(operands) > 1:
            return result.view(list(result.shape[: plan.out_dims]))
        return result.sum(list(range(plan.out_dims, plan.total_dims)))
    return result


# ---------------------------------------------------------------- tensordot


def _tensordot_dims(a, b, dims):
    if isinstance(dims, Tensor):
        if dims.numel() > 1:
            return dims[0].tolist(), dims[1].tolist()
        dims = int(dims.item())
    if isinstance(dims, (tuple, list)):
        dims_a, dims_b = dims
        if isinstance(dims_a, int):
            dims_a = [dims_a]
        if isinstance(dims_b, int):
            dims_b = [dims_b]
        return list(dims_a), list(dims_b)
    if isinstance(dims, int):
        if dims < 0:
            raise RuntimeError(f"tensordot expects dims >= 0, but got dims={dims}")
        if dims > builtins.min(a.dim(), b.dim()):
            raise RuntimeError(f"tensordot expects dims < ndim_a or ndim_b, but got dims={dims}")
        return list(range(-dims, 0)), list(range(dims))
    raise RuntimeError(
        "tensordot expects dims to be int or tuple[list[int], list[int]] or list[list[int]] "
        f"containing two lists, but got dims={dims}"
    )


@public()
def tensordot(a, b, dims=2, out=None):
    """Same as `torch.tensordot`: contracts dims of `a` with dims of `b` through one mm."""
    need_tensor("tensordot", "input", 1, a)
    need_tensor("tensordot", "other", 2, b)
    dims1, dims2 = _tensordot_dims(a, b, dims)
    if len(dims1) != len(dims2):
        raise RuntimeError("both dimension lists should have same length")
    if a.dtype is not b.dtype:
        raise RuntimeError("both inputs should have same dtype")
    t1, t2 = a, b
    csize = 1
    for d1, d2 in zip(dims1, dims2):
        s1, s2 = a.size(d1), b.size(d2)
        if s2 == 1:  # a broadcast dim is summed right away
            t1 = t1.sum(d1, True, dtype=t1.dtype)
        elif s1 == 1:
            t2 = t2.sum(d2, True, dtype=t2.dtype)
        elif s1 != s2:
            raise RuntimeError(
                f"contracted dimensions need to match, but first has size {s1} in dim {d1} and "
                f"second has size {s2} in dim {d2}"
            )
        else:
            csize *= s1
    contracted1 = set(wrap_dims(dims1, a.dim()))
    contracted2 = set(wrap_dims(dims2, b.dim()))
    kept1 = [i for i in range(a.dim()) if i not in contracted1]
    kept2 = [i for i in range(b.dim()) if i not in contracted2]
    size1 = size2 = 1
    for i in kept1:
        size1 *= t1.shape[i]
    for i in kept2:
        size2 *= t2.shape[i]
    out_shape = [t1.shape[i] for i in kept1] + [t2.shape[i] for i in kept2]
    p1, p2 = kept1 + list(dims1), list(dims2) + kept2
    if size1 != 1 or size2 != 1:
        product = mm(t1.permute(p1).reshape(size1, csize), t2.permute(p2).reshape(csize, size2))
    else:
        t1, t2 = t1.permute(p1), t2.permute(p2)
        if t1.is_contiguous() and t2.is_contiguous():
            product = dot(t1.flatten(), t2.flatten())
        else:
            product = (t1.squeeze() * t2.squeeze()).sum(dtype=t1.dtype)
    result = product.reshape(out_shape)
    if out is not None:
        if out.dtype is not result.dtype:
            raise RuntimeError(
                f"tensordot: Expected the output tensor to have dtype {result.dtype}, but got an "
                f"output tensor with dtype {out.dtype}"
            )
        return write_out(out, result)
    return result


# ---------------------------------------------------------------- kron


@public(method=True)
def kron(input, other, *, out=None):
    """Same as `torch.kron`: the Kronecker product, as torch's interleaved views times each other."""
    need_tensor("kron", "input", 1, input)
    need_tensor("kron", "other", 2, other)
    ndim = builtins.max(input.dim(), other.dim())
    pad_a, pad_b = ndim - input.dim(), ndim - other.dim()
    shape_a, shape_b, shape_out = [], [], []
    for i in range(ndim):
        na = input.shape[i - pad_a] if i >= pad_a else 1
        nb = other.shape[i - pad_b] if i >= pad_b else 1
        shape_a += [na, 1]
        shape_b += [1, nb]
        shape_out.append(na * nb)
    unsafe_view = REGISTRY["unsafe_view"]
    a = apply(unsafe_view, (input,), {"size": tuple(shape_a)})
    b = apply(unsafe_view, (other,), {"size": tuple(shape_b)})
    result = apply(unsafe_view, (a * b,), {"size": tuple(shape_out)})
    if out is not None:
        return write_out(out, result)
    return result
