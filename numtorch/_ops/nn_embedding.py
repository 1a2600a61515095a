"""embedding and embedding_bag (F.embedding, F.embedding_bag, torch.embedding).

The lookup is a take along the weight's rows. Its backward is a registered op adding every looked-up
row's gradient into a zero weight-shaped array (np.add.at through xp), skipping padding_idx and
optionally dividing by each index's frequency; that op's own backward is the lookup again, so
double backward works. embedding_bag reduces the looked-up rows per bag (sum, mean or max).
"""

from numtorch._ops.nn_conv import compute_dtype
from numtorch._ops.registry import REGISTRY, apply, op, public
from numtorch._tensor import Tensor
from numtorch.autograd import grad_mode


def _check_indices(xp, indices, num_weights, what="embedding"):
    if indices.dtype.kind not in "iu" or indices.dtype.itemsize not in (4, 8):
        raise RuntimeError("indices")
    if indices.size and (int(indices.min()) < 0 or int(indices.max()) >= num_weights):
        raise IndexError("index out of range in self")


@op(
    "embedding",
    grad_fn="EmbeddingBackward0",
    function=False,
    method=False,
    input_names=("weight", "indices"),
)
def _embedding(xp, weight, indices, *, padding_idx=-1, scale_grad_by_freq=False, sparse=False):
    _check_indices(xp, indices, weight.shape[0])
    return xp.take(weight, indices.astype(xp.intp), axis=0)


@_embedding.backward
def _(grad, *, needs, indices, weight_sym_sizes, padding_idx, scale_grad_by_freq, sparse):
    params = {
        "num_weights": weight_sym_sizes[0],
        "padding_idx": padding_idx,
        "scale_grad_by_freq": scale_grad_by_freq,
    }
    return apply(REGISTRY["_embedding_dense_backward"], (grad, indices), params), None


@op(
    "_embedding_dense_backward",
    grad_fn="EmbeddingDenseBackward0",
    function=False,
    method=False,
    input_names=("grad_output", "indices"),
)
def _embedding_dense_backward(
    xp, grad_output, indices, *, num_weights, padding_idx, scale_grad_by_freq
):
    dim = grad_output.shape[-1]
    comp = compute_dtype(xp, grad_output.dtype) or grad_output.dtype
    g = grad_output.reshape(-1, dim).astype(comp, copy=False)
    idx = indices.reshape(-1).astype(xp.intp)
    if padding_idx >= 0:
        keep = idx != padding_idx
        g, idx = g[keep], idx[keep]
    if scale_grad_by_freq and idx.size:
        counts = xp.bincount(idx, minlength=num_weights)
        g = g / counts[idx][:, None].astype(comp)
    out = xp.zeros((num_weights, dim), dtype=comp)
    xp.add.at(out, idx, g)
    return out.astype(grad_output.dtype, copy=False)


@_embedding_dense_backward.backward
def _(grad, *, needs, indices, num_weights, padding_idx, scale_grad_by_freq):
    out = apply(REGISTRY["embedding"], (grad, indices), {"padding_idx": padding_idx})
    if padding_idx >= 0:
        out = out * (indices != padding_idx).unsqueeze(-1).to(out.dtype)
    if scale_grad_by_freq:
        flat = indices.reshape(-1)
        counts = (flat.unsqueeze(0) == flat.unsqueeze(1)).sum(1).reshape(indices.shape)
        out = out / counts.unsqueeze(-1).to(out.dtype)
    return out, None


def _index_check(indices, fn):
    from numtorch._errors import type_name

    if indices.dtype.is_floating_point or indices.dtype.is_complex or indices.dtype.itemsize < 4:
        if str(indices.dtype) not in ("torch.int32", "torch.int64"):
            raise RuntimeError(
                f"Expected tensor for argument #1 'indices' to have one of the following scalar "
                f"types: Long, Int; but got torch.{type_name(indices.dtype)}Tensor instead (while "
                f"checking arguments for {fn})"
            )


@public("embedding", function=True)
def torch_embedding(weight, indices, padding_idx=-1, scale_grad_by_freq=False, sparse=False):
    """Same as `torch.embedding`: rows of `weight` at `indices` (grad_fn EmbeddingBackward0)."""
    if weight.dim() != 2:
        raise RuntimeError("'weight' must be 2-D")
    _index_check(indices, "embedding")
    params = {
        "padding_idx": int(padding_idx),
        "scale_grad_by_freq": bool(scale_grad_by_freq),
        "sparse": bool(sparse),
    }
    return apply(REGISTRY["embedding"], (weight, indices), params)


def _padding_index(padding_idx, num):
    if padding_idx is None:
        return -1
    if padding_idx > 0:
        assert padding_idx < num, "Padding_idx must be within num_embeddings"
    elif padding_idx < 0:
        assert padding_idx >= -num, "Padding_idx must be within num_embeddings"
        padding_idx = num + padding_idx
    return padding_idx


def embedding_renorm_(weight, indices, max_norm, norm_type):
    """Rescales, in place and without grad, each looked-up row whose norm exceeds max_norm."""
    with grad_mode.no_grad():
        rows = indices.reshape(-1).unique()
        if rows.numel() == 0:
            return weight
        norms = weight[rows].norm(p=norm_type, dim=1, dtype=None)
        over = norms > max_norm
        if bool(over.any()):
            picked = rows[over]
            scale = max_norm / (norms[over].double() + 1e-7)
            weight[picked] = weight[picked] * scale.to(weight.dtype).unsqueeze(1)
    return weight


@public("embedding", function=False, functional=True)
def embedding(
    input,
    weight,
    padding_idx=None,
    max_norm=None,
    norm_type=2.0,
    scale_grad_by_freq=False,
    sparse=False,
):
    """Same as `torch.nn.functional.embedding`."""
    if weight.dim() != 2:
        raise RuntimeError("'weight' must be 2-D")
    padding_idx = _padding_index(padding_idx, weight.shape[0])
    if max_norm is not None:
        input = input.contiguous()
        _index_check(input, "embedding_renorm_")
        embedding_renorm_(weight, input, max_norm, norm_type)
    return torch_embedding(weight, input, padding_idx, scale_grad_by_freq, sparse)


# ---------------------------------------------------------------- embedding_bag

_MODES = {"sum": 0, "mean": 1, "max": 2}


def _bags(xp, n, offsets, include_last_offset):
    """Bag id of each of n flat indices and the number of bags."""
    offs = offsets.astype(xp.int64)
    bags = offs.shape[0] - 1 if include_last_offset else offs.shape[0]
    bag_of = xp.searchsorted(offs[:bags] if bags else offs[:0], xp.arange(n), side="right") - 1
    return bag_of, bags


@op(
    "_embedding_bag",
    grad_fn="EmbeddingBagBackward0",
    function=False,
    method=False,
    returns=tuple,
    input_names=("weight", "indices", "offsets", "per_sample_weights"),
)
def _embedding_bag(xp, weight, indices, offsets, per_sample_weights, *, mode, last, padding_idx):
    if indices.size:
        bad = xp.nonzero((indices < 0) | (indices >= weight.shape[0]))[0]
        if bad.size:
            raise RuntimeError(
                f"Index {int(bad[0])} of input takes value {int(indices[bad[0]])} which is not in "
                f"the valid range [0, {weight.shape[0]})"
            )
    idx = indices.astype(xp.intp)
    bag_of, bags = _bags(xp, idx.shape[0], offsets, last)
    counted = bag_of >= 0  # torch's bag sizes count the last bag to the end of the input
    if padding_idx >= 0:
        counted &= idx != padding_idx
    valid = counted
    if last:
        valid = valid & (xp.arange(idx.shape[0]) < (int(offsets[-1]) if offsets.shape[0] else 0))
    comp = compute_dtype(xp, weight.dtype) or weight.dtype
    rows = xp.take(weight, idx, axis=0).astype(comp, copy=False)
    dim = weight.shape[1]
    max_indices = xp.zeros((bags, dim), dtype=xp.int64)
    if mode == 2:
        out = xp.full((bags, dim), -xp.inf, dtype=comp)
        b, r = bag_of[valid], rows[valid]
        xp.maximum.at(out, b, r)
        empty = xp.bincount(b, minlength=bags)[:bags] == 0
        out[empty] = 0
        # the first index reaching each bag's maximum, in flat order
        hit = r == out[b]
        order = xp.arange(idx.shape[0])[valid]
        first = xp.full((bags, dim), idx.shape[0], dtype=xp.int64)
        xp.minimum.at(first, b, xp.where(hit, order[:, None], idx.shape[0]))
        max_indices = xp.where(empty[:, None], -1, idx[xp.minimum(first, idx.shape[0] - 1)])
        return out.astype(weight.dtype, copy=False), max_indices
    if per_sample_weights is not None:
        rows = rows * per_sample_weights.astype(comp, copy=False)[:, None]
    out = xp.zeros((bags, dim), dtype=comp)
    xp.add.at(out, bag_of[valid], rows[valid])
    if mode == 1:
        counts = xp.bincount(bag_of[counted], minlength=bags)[:bags]
        out = out / xp.maximum(counts, 1)[:, None].astype(comp)
    return out.astype(weight.dtype, copy=False), max_indices


@_embedding_bag.backward
def _(
    grad,
    _grad_max,
    *,
    needs,
    weight,
    indices,
    offsets,
    per_sample_weights,
    result1,
    mode,
    last,
    padding_idx,
):
    import numtorch

    num, dim = weight.shape
    gw = gp = None
    n = indices.shape[0]
    starts = offsets[:-1] if last else offsets
    bag_of = (
        numtorch.searchsorted(starts, numtorch.arange(n, device=indices.device), right=True) - 1
    )
    counted = bag_of >= 0
    if padding_idx >= 0:
        counted = counted & (indices != padding_idx)
    valid = counted
    if last:
        end = offsets[-1] if offsets.shape[0] else 0
        valid = valid & (numtorch.arange(n, device=indices.device) < end)
    safe_bag = bag_of.clamp(min=0)
    if mode == 2:
        if needs[0]:
            keep = result1 >= 0
            target = result1.clamp(min=0)
            src = numtorch.where(keep, grad, numtorch.zeros_like(grad))
            gw = grad.new_zeros((num, dim)).scatter_add(0, target, src)
        return gw, None, None, None
    rows = grad[safe_bag] * valid.unsqueeze(1).to(grad.dtype)
    if mode == 1:
        counts = numtorch.zeros(grad.shape[0], dtype=grad.dtype, device=grad.device)
        counts = counts.index_add(0, safe_bag, counted.to(grad.dtype)).clamp(min=1)
        rows = rows / counts[safe_bag].unsqueeze(1)
    if per_sample_weights is not None and len(needs) > 3 and needs[3]:
        gp = (rows * weight[indices]).sum(1)
    if needs[0]:
        if per_sample_weights is not None:
            rows = rows * per_sample_weights.unsqueeze(1)
        gw = grad.new_zeros((num, dim)).index_add(0, indices, rows)
    return gw, None, None, gp


@public("embedding_bag", function=False, functional=True)
def embedding_bag(
    input,
    weight,
    offsets=None,
    max_norm=None,
    norm_type=2,
    scale_grad_by_freq=False,
    mode="mean",
    sparse=False,
    per_sample_weights=None,
    include_last_offset=False,
    padding_idx=None,
):
    """Same as `torch.nn.functional.embedding_bag`: sums, means or maxima of bags of rows."""
    import numtorch

    if weight.dim() != 2:
        raise ValueError(
            f"weight has to be a 2D Tensor, but got Tensor of dimension {weight.dim()}"
        )
    if input.dim() == 2:
        if offsets is not None:
            raise ValueError(
                "if input is 2D, then offsets has to be None, as input is treated is a mini-batch "
                "of fixed length sequences. However, found offsets of type "
                + ("<class 'torch.Tensor'>" if isinstance(offsets, Tensor) else str(type(offsets)))
            )
        offsets = numtorch.arange(
            0, input.numel(), input.shape[1], dtype=input.dtype, device=input.device
        )
        input = input.reshape(-1)
        if per_sample_weights is not None:
            per_sample_weights = per_sample_weights.reshape(-1)
    elif input.dim() == 1:
        if offsets is None:
            raise ValueError("offsets has to be a 1D Tensor but got None")
        if offsets.dim() != 1:
            raise ValueError("offsets has to be a 1D Tensor")
    else:
        raise ValueError(
            f"input has to be 1D or 2D Tensor, but got Tensor of dimension {input.dim()}"
        )
    if mode not in _MODES:
        raise ValueError("mode has to be one of sum, mean or max")
    if per_sample_weights is not None and mode != "sum":
        raise NotImplementedError(
            "embedding_bag: per_sample_weights was not None. per_sample_weights is only supported "
            f"for mode='sum' (got mode='{mode}'). Please open a feature request on GitHub."
        )
    padding_idx = _padding_index(padding_idx, weight.shape[0])
    if max_norm is not None:
        embedding_renorm_(weight, input, max_norm, norm_type)
    params = {"mode": _MODES[mode], "last": bool(include_last_offset), "padding_idx": padding_idx}
    args = (weight, input, offsets, per_sample_weights)
    out, _ = apply(REGISTRY["_embedding_bag"], args, params)
    return out
