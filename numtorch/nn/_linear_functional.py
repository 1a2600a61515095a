"""nn.functional.linear and nn.functional.bilinear, built from registered ops as torch's ATen
composites are, so the graphs show torch's grad_fns (AddmmBackward0 with TBackward0, ViewBackward0
around it for other ranks; TrilinearBackward0 for bilinear); and the `_trilinear` op itself."""

from numtorch._ops.registry import op, public
from numtorch._tensor import _CPP_TYPE

__all__ = ["bilinear", "linear"]


@public(function=False, functional=True)
def linear(input, weight, bias=None):
    """Same as `torch.nn.functional.linear`: input @ weight.T + bias.

    2-D input with a bias is one addmm; a contiguous input of other rank with a 1-D bias is
    flattened to 2-D around an addmm (torch's fused path); otherwise matmul, then the bias added
    in place."""
    if input.dim() == 0 or weight.dim() == 0:
        raise RuntimeError(
            "both arguments to linear need to be at least 1D, but they are "
            f"{input.dim()}D and {weight.dim()}D"
        )
    if bias is not None:
        if input.dim() == 2:
            return _addmm(bias, input, weight.t())
        if input.is_contiguous() and (input.dim() == 3 or bias.dim() == 1):
            return _flatten_nd_linear(input, weight, bias)
    output = input.matmul(weight.t())
    if bias is not None:
        output.add_(bias)
    return output


def _addmm(bias, mat1, mat2):
    from numtorch._ops.registry import FUNCTIONS

    return FUNCTIONS["addmm"](bias, mat1, mat2)


def _flatten_nd_linear(input, weight, bias):
    sizes = input.shape
    rows = 1
    for n in sizes[:-1]:
        rows *= n
    flat = input.reshape(rows, sizes[-1])
    result = _addmm(bias, flat, weight.t())
    return result.view(*sizes[:-1], result.shape[1])


@op(
    "_trilinear",
    grad_fn="TrilinearBackward0",
    promote="same",
    method=False,
    input_names=("i1", "i2", "i3"),
    signature="i1, i2, i3, expand1, expand2, expand3, sumdim, unroll_dim=1",
)
def _trilinear(xp, i1, i2, i3, *, expand1, expand2, expand3, sumdim, unroll_dim=1):
    """Same as `torch._trilinear`: i1, i2, i3 each unsqueezed at its `expand` dims, multiplied,
    and summed over `sumdim` (which are removed)."""
    ndim = i1.ndim + len(expand1)
    letters = "abcdefghijklmnopqrstuvwxyz"[:ndim]
    subs = []
    present = set()
    for expand in (expand1, expand2, expand3):
        kept = [d for d in range(ndim) if d not in expand]
        subs.append("".join(letters[d] for d in kept))
        present.update(kept)
    out_dims = [d for d in range(ndim) if d not in sumdim]
    einsum_out = "".join(letters[d] for d in out_dims if d in present)
    result = xp.einsum(",".join(subs) + "->" + einsum_out, i1, i2, i3)
    for pos, d in enumerate(out_dims):
        if d not in present:
            result = xp.expand_dims(result, pos)
    return xp.asarray(result, dtype=i1.dtype)


@_trilinear.backward
def _(grad, *, needs, i1, i2, i3, expand1, expand2, expand3, sumdim, unroll_dim):
    # d/d i_k: the other two times grad (with the summed dims put back as size 1), summed over
    # the dims i_k was unsqueezed at
    ndim = i1.dim() + len(expand1)
    full_grad = grad
    for d in sorted(sumdim):
        full_grad = full_grad.unsqueeze(d)
    tensors = (i1, i2, i3)
    expands = (expand1, expand2, expand3)
    out = []
    for k in range(3):
        if not needs[k]:
            out.append(None)
            continue
        a, b = [tensors[j] for j in range(3) if j != k]
        ea, eb = [expands[j] for j in range(3) if j != k]
        prod = _unsqueeze_at(a, ea) * _unsqueeze_at(b, eb) * full_grad
        dims = [d for d in range(ndim) if d in expands[k]]
        g = prod.sum(dims) if dims else prod
        out.append(g if g.shape == tensors[k].shape else g.expand(tensors[k].shape))
    return tuple(out)


def _unsqueeze_at(t, dims):
    for d in sorted(dims):
        t = t.unsqueeze(d)
    return t


@public(functional=True)
def bilinear(input1, input2, weight, bias=None):
    """Same as `torch.nn.functional.bilinear`: y = x1^T A x2 + b, via torch's `_trilinear`."""
    tensors = [("input1", input1), ("input2", input2), ("weight", weight)]
    if bias is not None:
        tensors.append(("bias", bias))
    if any(t.dtype is not input1.dtype for _, t in tensors):
        listing = ", ".join(f"{name}: {_CPP_TYPE[t.dtype.name]}" for name, t in tensors)
        raise RuntimeError(f"All tensors must have the same dtype, got {listing}")
    if input1.dim() != input2.dim():
        raise RuntimeError(
            f"bilinear(): input dimensions do not match: got {input1.dim()} and {input2.dim()}"
        )
    for i in range(input1.dim() - 1):
        if input1.shape[i] != input2.shape[i]:
            raise RuntimeError(
                f"bilinear(): input batch dimensions do not match at dim {i}: got "
                f"{input1.shape[i]} and {input2.shape[i]}"
            )
    if input1.shape[-1] != weight.shape[1]:
        raise RuntimeError(
            "bilinear(): input1 size does not match weight size: got "
            f"{input1.shape[-1]} but expected {weight.shape[1]}"
        )
    if input2.shape[-1] != weight.shape[2]:
        raise RuntimeError(
            "bilinear(): input2 size does not match weight size: got "
            f"{input2.shape[-1]} but expected {weight.shape[2]}"
        )
    if bias is not None and bias.shape[0] != weight.shape[0]:
        raise RuntimeError(
            "bilinear(): bias size does not match weight size: got "
            f"{bias.shape[0]} but expected {weight.shape[0]}"
        )
    output_size = (*input1.shape[:-1], weight.shape[0])
    flat1 = input1.reshape(-1, input1.shape[-1])
    flat2 = input2.reshape(-1, input2.shape[-1])
    output = _trilinear(
        flat1, weight, flat2, expand1=[1, 3], expand2=[0], expand3=[1, 2], sumdim=[2, 3]
    ).reshape(output_size)
    if bias is not None:
        output = output + bias
    return output
