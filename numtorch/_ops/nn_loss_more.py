"""Margin, embedding and likelihood losses of torch.nn.functional: margin_ranking_loss,
hinge_embedding_loss, cosine_embedding_loss, triplet_margin_loss, soft_margin_loss,
multilabel_soft_margin_loss, multi_margin_loss, poisson_nll_loss and gaussian_nll_loss.

Most are composites in torch (their graphs are chains of ordinary ops, written the same way
here); soft_margin_loss and multi_margin_loss have their own grad_fn classes.
"""

import math

from numtorch._errors import type_name
from numtorch._ops.nn_activation import logsigmoid
from numtorch._ops.nn_loss import (
    check_reduction,
    reduce_array,
    reduce_tensor,
    resolve_reduction,
)
from numtorch._ops.nn_misc import add_number, mul_number, pairwise_distance, sub_number
from numtorch._ops.registry import DEFAULT, REGISTRY, SAME, apply, op, public


def _number(value, like):
    """A 0-dim tensor of like's dtype: `number - tensor` as torch's C++ code writes it (a
    wrapped number, so the graph shows SubBackward0)."""
    from numtorch import full

    return full((), value, dtype=like.dtype)


def _reduction(size_average, reduce, reduction):
    reduction = resolve_reduction(size_average, reduce, reduction)
    check_reduction(reduction)
    return reduction


# ---------------------------------------------------------------- margin_ranking, hinge


@public(function=False, functional=True)
def margin_ranking_loss(
    input1, input2, target, margin=0.0, size_average=None, reduce=None, reduction="mean"
):
    """Same as `torch.nn.functional.margin_ranking_loss`: max(0, -y (x1 - x2) + margin)."""
    reduction = _reduction(size_average, reduce, reduction)
    if input1.dim() != input2.dim() or input1.dim() != target.dim():
        raise RuntimeError(
            "margin_ranking_loss : All input tensors should have same dimension but got sizes: "
            f"input1: {input1.shape}, input2: {input2.shape}, target: {target.shape} "
        )
    unclamped = add_number(-target * (input1 - input2), margin)
    return reduce_tensor(unclamped.clamp_min(0), reduction)


@public(function=False, functional=True)
def hinge_embedding_loss(
    input, target, margin=1.0, size_average=None, reduce=None, reduction="mean"
):
    """Same as `torch.nn.functional.hinge_embedding_loss`: x where y = 1, max(0, margin - x)
    where y = -1."""
    from numtorch import where, zeros_like

    reduction = _reduction(size_average, reduce, reduction)
    zeros = zeros_like(input)
    margin_clamp = (_number(margin, input) - input).clamp_min_(0)
    output_margin = where(target != 1, margin_clamp, zeros)
    output_self = where(target != -1, input, zeros)
    return reduce_tensor(output_margin + output_self, reduction)


# ---------------------------------------------------------------- cosine_embedding, triplet


@public(function=False, functional=True)
def cosine_embedding_loss(
    input1, input2, target, margin=0.0, size_average=None, reduce=None, reduction="mean"
):
    """Same as `torch.nn.functional.cosine_embedding_loss`: 1 - cos where y = 1,
    max(0, cos - margin) where y = -1."""
    from numtorch import where, zeros_like

    reduction = _reduction(size_average, reduce, reduction)
    dim = target.dim()
    if dim > 1:
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    if dim == 1 and (input1.dim() != 2 or input2.dim() != 2):
        raise RuntimeError(
            "1D target tensor expects 2D input tensors, but found inputs with sizes "
            f"{list(input1.shape)} and {list(input2.shape)}."
        )
    if dim == 0 and (input1.dim() != 1 or input2.dim() != 1):
        raise RuntimeError(
            "0D target tensor expects 1D input tensors, but found inputs with sizes "
            f"{list(input1.shape)} and {list(input2.shape)}."
        )
    prod_sum = (input1 * input2).sum(dim)
    mag_square1 = add_number((input1 * input1).sum(dim), 1e-12)
    mag_square2 = add_number((input2 * input2).sum(dim), 1e-12)
    denom = (mag_square1 * mag_square2).sqrt_()
    cos = prod_sum / denom
    zeros = zeros_like(cos)
    pos = _number(1, cos) - cos
    neg = sub_number(cos, margin).clamp_min_(0)
    output = where(target == 1, pos, zeros) + where(target == -1, neg, zeros)
    return reduce_tensor(output, reduction)


@public(function=False, functional=True)
def triplet_margin_loss(
    anchor,
    positive,
    negative,
    margin=1.0,
    p=2,
    eps=1e-6,
    swap=False,
    size_average=None,
    reduce=None,
    reduction="mean",
):
    """Same as `torch.nn.functional.triplet_margin_loss`:
    max(0, margin + d(anchor, positive) - d(anchor, negative))."""
    from numtorch import min as minimum

    reduction = _reduction(size_average, reduce, reduction)
    a, p_, n = anchor.dim(), positive.dim(), negative.dim()
    if not (a == p_ and p_ == n):
        raise RuntimeError(
            "The anchor, positive, and negative tensors are expected to have the same number "
            f"of dimensions, but got: anchor {a}D, positive {p_}D, and negative {n}D inputs"
        )
    dist_pos = pairwise_distance(anchor, positive, p, eps)
    dist_neg = pairwise_distance(anchor, negative, p, eps)
    if swap:
        dist_neg = minimum(dist_neg, pairwise_distance(positive, negative, p, eps))
    output = (add_number(dist_pos, margin) - dist_neg).clamp_min(0)
    return reduce_tensor(output, reduction)


# ---------------------------------------------------------------- soft_margin, multilabel


@op(
    "soft_margin_loss",
    grad_fn="SoftMarginLossBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
    input_names=("self", "target"),
)
def _soft_margin(xp, input, target, *, reduction):
    # log1p(exp(.)) as torch computes it: inf once exp overflows
    with xp.errstate(over="ignore"):
        return reduce_array(xp, xp.log1p(xp.exp(-target * input)), reduction)


@_soft_margin.backward
def _(grad, *, needs, self, target, reduction):
    scale = grad / self.numel() if reduction == "mean" else grad
    e = (-target * self).exp()
    return -target * e / (1 + e) * scale, None


@public(function=False, functional=True)
def soft_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """Same as `torch.nn.functional.soft_margin_loss`: log(1 + exp(-y x)), reduced."""
    reduction = _reduction(size_average, reduce, reduction)
    return apply(REGISTRY["soft_margin_loss"], (input, target), {"reduction": reduction})


@public(function=False, functional=True)
def multilabel_soft_margin_loss(
    input, target, weight=None, size_average=None, reduce=None, reduction="mean"
):
    """Same as `torch.nn.functional.multilabel_soft_margin_loss` (a composite in torch)."""
    reduction = resolve_reduction(size_average, reduce, reduction)
    loss = -(target * logsigmoid(input) + (1 - target) * logsigmoid(-input))
    if weight is not None:
        loss = loss * weight
    class_dim = input.dim() - 1
    loss = loss.sum(dim=class_dim) / input.shape[class_dim]
    if reduction == "none":
        return loss
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    raise ValueError(reduction + " is not valid")


# ---------------------------------------------------------------- multi_margin


def _multi_margin_terms(xp, input, target, weight, p, margin):
    """The per-class hinge terms h[i, j] (zero at each target class) and the target weights."""
    x = input if input.ndim == 2 else input[None]
    t = target.reshape(-1)
    n_classes = x.shape[1]
    if ((t < 0) | (t >= n_classes)).any():
        raise RuntimeError("target out of range")
    picked = xp.take_along_axis(x, t[:, None], 1)
    h = xp.maximum(margin - picked + x, 0)
    h[xp.arange(x.shape[0]), t] = 0
    w = weight[t][:, None] if weight is not None else 1
    return h, w, t, n_classes


@op(
    "multi_margin_loss",
    grad_fn="MultiMarginLossBackward0",
    promote=SAME,
    function=False,
    method=False,
    input_names=("self", "target", "weight"),
)
def _multi_margin(xp, input, target, weight, *, p, margin, reduction):
    h, w, _, n_classes = _multi_margin_terms(xp, input, target, weight, p, margin)
    loss = xp.sum((h if p == 1 else h * h) * w, axis=1) / n_classes
    if input.ndim == 1 and reduction == "none":
        return loss.reshape(target.shape)
    return reduce_array(xp, loss, reduction).astype(input.dtype)


@op("multi_margin_grad_coef", promote=SAME, function=False, method=False)
def _multi_margin_coef(xp, input, target, weight, *, p, margin, reduction):
    """d loss / d input per sample, for a unit incoming gradient."""
    h, w, t, n_classes = _multi_margin_terms(xp, input, target, weight, p, margin)
    coef = ((h > 0) if p == 1 else 2 * h) * w / n_classes
    rows = xp.arange(coef.shape[0])
    coef[rows, t] = -xp.sum(coef, axis=1)
    if reduction == "mean":
        coef = coef / coef.shape[0]
    return coef.reshape(input.shape).astype(input.dtype)


@_multi_margin.backward
def _(grad, *, needs, self, target, weight, p, margin, reduction):
    params = {"p": p, "margin": margin, "reduction": reduction}
    coef = apply(REGISTRY["multi_margin_grad_coef"], (self.detach(), target, weight), params)
    if reduction == "none" and self.dim() == 2:
        grad = grad.unsqueeze(1)
    return coef * grad, None, None


@public(function=False, functional=True)
def multi_margin_loss(
    input,
    target,
    p=1,
    margin=1.0,
    weight=None,
    size_average=None,
    reduce=None,
    reduction="mean",
):
    """Same as `torch.nn.functional.multi_margin_loss`: the multi-class hinge loss."""
    reduction = _reduction(size_average, reduce, reduction)
    if p != 1 and p != 2:
        raise ValueError("only p == 1 and p == 2 supported")
    if weight is not None and weight.dim() != 1:
        raise ValueError("weight must be one-dimensional")
    if input.dim() > 2 or input.numel() == 0 and input.dim() < 2 and input.dim() != 2:
        raise RuntimeError(
            "Expected non-empty vector or matrix with optional 0-dim batch size, but got: "
            f"{list(input.shape)}"
        )
    batch = input.shape[0] if input.dim() == 2 else 1
    if target.dim() > 1 or target.numel() != batch:
        raise RuntimeError(
            "multi_margin_loss: target tensor should be 1-D with size equal to the number of "
            f"input samples (batch size). Expected target size [{batch}], but got "
            f"{list(target.shape)}. Input has shape {list(input.shape)}."
        )
    n_classes = input.shape[-1] if input.dim() else 1
    if weight is not None and weight.numel() != n_classes:
        raise RuntimeError(
            f"inconsistent weight size, expected {n_classes} but got {list(weight.shape)}"
        )
    if not input.dtype.is_floating_point:
        raise NotImplementedError(
            f"\"multi_margin_loss_cpu_kernel\" not implemented for '{type_name(input.dtype)}'"
        )
    params = {"p": p, "margin": margin, "reduction": reduction}
    return apply(REGISTRY["multi_margin_loss"], (input, target, weight), params)


# ---------------------------------------------------------------- poisson, gaussian


@public(function=False, functional=True)
def poisson_nll_loss(
    input,
    target,
    log_input=True,
    full=False,
    size_average=None,
    eps=1e-8,
    reduce=None,
    reduction="mean",
):
    """Same as `torch.nn.functional.poisson_nll_loss`."""
    reduction = resolve_reduction(size_average, reduce, reduction)
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction + " is not a valid value for reduction")
    if log_input:
        loss = input.exp() - target * input
    else:
        loss = input - target * add_number(input, eps).log()
    if full:
        stirling = (
            target * target.log() - target + mul_number(mul_number(target, 2 * math.pi).log(), 0.5)
        )
        loss += stirling.masked_fill(target <= 1, 0)
    return reduce_tensor(loss, reduction)


@public(function=False, functional=True)
def gaussian_nll_loss(input, target, var, full=False, eps=1e-6, reduction="mean"):
    """Same as `torch.nn.functional.gaussian_nll_loss`:
    0.5 (log max(var, eps) + (input - target)^2 / max(var, eps)), reduced."""
    from numtorch import no_grad, ones_like

    if isinstance(var, float):
        if var < 0:
            raise ValueError("var has negative entry/entries")
        var = var * ones_like(input)
    elif bool((var < 0).any()):
        raise ValueError("var has negative entry/entries")
    if var.shape != input.shape:
        if tuple(input.shape[:-1]) == tuple(var.shape):
            var = var.unsqueeze(-1)
        elif not (
            input.dim() == var.dim()
            and sum(y for x, y in zip(input.shape, var.shape) if x != y) == 1
        ):
            raise ValueError("var is of incorrect size")
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction + " is not valid")
    var = var.clone()
    with no_grad():
        var.clamp_(min=eps)
    loss = 0.5 * (var.log() + (input - target) ** 2 / var)
    if full:
        loss += 0.5 * math.log(2 * math.pi)
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    return loss


# ---------------------------------------------------------------- torch.<name>: reduction as an enum

_ENUM = ("none", "mean", "sum")


@public("margin_ranking_loss")
def _margin_ranking_enum(input1, input2, target, margin=0.0, reduction=1):
    return margin_ranking_loss(input1, input2, target, margin, reduction=_ENUM[reduction])


@public("hinge_embedding_loss")
def _hinge_enum(input, target, margin=1.0, reduction=1):
    return hinge_embedding_loss(input, target, margin, reduction=_ENUM[reduction])


@public("cosine_embedding_loss")
def _cosine_embedding_enum(input1, input2, target, margin=0.0, reduction=1):
    return cosine_embedding_loss(input1, input2, target, margin, reduction=_ENUM[reduction])


@public("triplet_margin_loss")
def _triplet_enum(anchor, positive, negative, margin=1.0, p=2, eps=1e-6, swap=False, reduction=1):
    return triplet_margin_loss(
        anchor, positive, negative, margin, p, eps, swap, reduction=_ENUM[reduction]
    )


@public("poisson_nll_loss")
def _poisson_enum(input, target, log_input, full, eps, reduction):
    return poisson_nll_loss(input, target, log_input, full, eps=eps, reduction=_ENUM[reduction])
