"""nll_loss (NllLossBackward0 / NllLoss2DBackward0, torch's nll_loss_nd views) and
cross_entropy (class indices, class probabilities, label smoothing) of torch.nn.functional."""

from numtorch._errors import type_name
from numtorch._ops.nn_loss import check_reduction, resolve_reduction
from numtorch._ops.nn_misc import add_number, div_number, mul_number
from numtorch._ops.registry import REGISTRY, SAME, apply, op, public
from numtorch._tensor import Tensor

# ---------------------------------------------------------------- nll_loss


def _nll_parts(xp, input, target, weight, ignore_index):
    """(per-element weights with ignored targets zeroed, safe class indices, class axis),
    checking bounds. The weights are None when every target counts with weight 1 (the common
    case, which then needs no weight array)."""
    class_axis = 1 if input.ndim >= 2 else 0
    n_classes = input.shape[class_axis]
    if weight is None and target.size:
        low, high = target.min(), target.max()
        # no target can equal an ignore_index outside [low, high]: no comparison pass needed
        if (ignore_index < low or ignore_index > high) and 0 <= low and high < n_classes:
            return None, target, class_axis
        if not (target == ignore_index).any():
            if 0 <= low and high < n_classes:
                return None, target, class_axis
            bad = (target < 0) | (target >= n_classes)
            raise IndexError(f"Target {int(target[bad].reshape(-1)[0])} is out of bounds.")
    valid = target != ignore_index
    bad = valid & ((target < 0) | (target >= n_classes))
    if bad.any():
        raise IndexError(f"Target {int(target[bad].reshape(-1)[0])} is out of bounds.")
    safe = xp.where(valid, target, 0)
    w = xp.ones(safe.shape, dtype=input.dtype) if weight is None else weight[safe]
    return xp.where(valid, w, 0).astype(input.dtype), safe, class_axis


def _pick(xp, input, safe, class_axis):
    """input[..., safe, ...] along the class axis: each target's entry."""
    if input.ndim == 1:
        return input[safe]
    if input.ndim == 2:
        return input[xp.arange(input.shape[0]), safe]
    picked = xp.take_along_axis(input, xp.expand_dims(safe, class_axis), class_axis)
    return xp.squeeze(picked, class_axis)


def _nll_forward(xp, input, target, weight, *, reduction, ignore_index):
    w, safe, class_axis = _nll_parts(xp, input, target, weight, ignore_index)
    picked = _pick(xp, input, safe, class_axis)
    loss = -picked if w is None else -(picked * w)
    if reduction == "none":
        return loss
    total = xp.sum(loss)
    if reduction == "sum":
        return total
    if w is None:
        return total / xp.asarray(safe.size, dtype=input.dtype)
    with xp.errstate(invalid="ignore", divide="ignore"):
        return total / xp.sum(w)


@op("nll_loss_grad_coef", promote=SAME, function=False, method=False)
def _nll_coef(xp, input, target, weight, *, reduction, ignore_index):
    """d loss / d input for a unit incoming gradient: -weight at each target's class."""
    w, safe, class_axis = _nll_parts(xp, input, target, weight, ignore_index)
    if w is None:
        one = xp.ones((), dtype=input.dtype)
        scale = one / xp.asarray(safe.size, dtype=input.dtype) if reduction == "mean" else one
        w = xp.broadcast_to(scale, safe.shape)
    elif reduction == "mean":
        with xp.errstate(invalid="ignore", divide="ignore"):
            w = xp.where(w != 0, w / xp.sum(w), 0)
    coef = xp.zeros(input.shape, dtype=input.dtype)
    if input.ndim == 1:
        coef[safe] = -w
    elif input.ndim == 2:
        coef[xp.arange(input.shape[0]), safe] = -w
    elif coef.size:
        index = xp.expand_dims(safe, class_axis)
        xp.put_along_axis(coef, index, xp.expand_dims(-w, class_axis), class_axis)
    return coef


def _nll_backward(grad, *, needs, self, target, weight, reduction, ignore_index):
    params = {"reduction": reduction, "ignore_index": ignore_index}
    coef = apply(REGISTRY["nll_loss_grad_coef"], (self.detach(), target, weight), params)
    if reduction == "none" and self.dim() >= 2:
        grad = grad.unsqueeze(1)
    return coef * grad, None, None


def _nll_raw_backward(xp, grad, *, needs, self, target, weight, reduction, ignore_index):
    """The same gradient over arrays: the coefficients scaled by the incoming gradient."""
    coef = _nll_coef.opdef.forward(
        xp, self, target, weight, reduction=reduction, ignore_index=ignore_index
    )
    if reduction == "none" and self.ndim >= 2:
        grad = xp.expand_dims(grad, 1)
    coef *= grad
    return coef, None, None


for _name, _grad_fn in (("nll_loss", "NllLossBackward0"), ("nll_loss2d", "NllLoss2DBackward0")):
    _declared = op(
        _name,
        grad_fn=_grad_fn,
        promote=SAME,
        function=False,
        method=False,
        input_names=("self", "target", "weight"),
    )(_nll_forward)
    _declared.backward(_nll_backward)
    _declared.raw_backward(_nll_raw_backward)


def _check_nll(input, target, weight, spatial):
    if spatial:
        if target.dim() != 3:
            raise RuntimeError(
                "only batches of spatial targets supported (3D tensors) but got targets of "
                f"dimension: {target.dim()}"
            )
        if input.shape[0] != target.shape[0] or input.shape[2:] != target.shape[1:]:
            raise RuntimeError(
                f"size mismatch (got input: {list(input.shape)}, target: {list(target.shape)})"
            )
    else:
        if target.dim() > 1:
            raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
        no_batch = input.dim() == 1 and target.dim() == 0
        if not no_batch and input.dim() == 2 and input.shape[0] != target.shape[0]:
            raise RuntimeError(
                f"size mismatch (got input: {list(input.shape)}, target: {list(target.shape)})"
            )
    if target.dtype.name not in ("int64", "uint8"):
        raise RuntimeError(
            f"expected target dtype to be Long or Byte, but got {type_name(target.dtype)}"
        )
    n_classes = input.shape[1 if input.dim() >= 2 else 0]
    if weight is not None:
        if weight.dim() != 1 or weight.numel() != n_classes:
            raise RuntimeError(
                f"weight tensor should be defined either for all {n_classes} classes or no "
                f"classes but got weight tensor of shape: {list(weight.shape)}"
            )
        if weight.dtype is not input.dtype:
            raise RuntimeError(
                f"expected scalar type {type_name(input.dtype)} but found {type_name(weight.dtype)}"
            )
    if not input.dtype.is_floating_point:
        kernel = "nll_loss2d_forward_out_frame" if spatial else "nll_loss_out_frame"
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{type_name(input.dtype)}'")


def _check_tensor(target, function):
    if not isinstance(target, Tensor):
        raise TypeError(
            f"{function}(): argument 'target' (position 2) must be Tensor, not "
            f"{type(target).__name__}"
        )


def nll_loss_nd(input, target, weight, reduction, ignore_index):
    """torch's nll_loss_nd: nll_loss for 1-2 dims, nll_loss2d for 4, a 4-dim view otherwise."""
    check_reduction(reduction)
    _check_tensor(target, "nll_loss_nd")
    if input.dim() < 1:
        raise ValueError(f"Expected 1 or more dimensions (got {input.dim()})")
    if input.dim() != 1 and input.shape[0] != target.shape[0]:
        raise ValueError(
            f"Expected input batch_size ({input.shape[0]}) to match target batch_size "
            f"({target.shape[0]})."
        )
    params = {"reduction": reduction, "ignore_index": ignore_index}
    if input.dim() <= 2:
        _check_nll(input, target, weight, False)
        return apply(REGISTRY["nll_loss"], (input, target, weight), params)
    if input.dim() == 4:
        _check_nll(input, target, weight, True)
        return apply(REGISTRY["nll_loss2d"], (input, target, weight), params)
    n, c = input.shape[0], input.shape[1]
    out_size = [n] + list(input.shape[2:])
    if tuple(target.shape[1:]) != tuple(input.shape[2:]):
        raise RuntimeError(f"Expected target size {out_size}, got {list(target.shape)}")
    flat_input = input.contiguous()
    flat_target = target.contiguous()
    if flat_input.numel() > 0:
        flat_input = flat_input.view(n, c, 1, -1)
    else:
        flat_input = flat_input.view(n, c, 0, 0)
    flat_target = (
        flat_target.view(n, 1, -1) if flat_target.numel() > 0 else flat_target.view(n, 0, 0)
    )
    _check_nll(flat_input, flat_target, weight, True)
    out = apply(REGISTRY["nll_loss2d"], (flat_input, flat_target, weight), params)
    return out if reduction != "none" else out.view(out_size)


@public(function=False, functional=True)
def nll_loss(
    input,
    target,
    weight=None,
    size_average=None,
    ignore_index=-100,
    reduce=None,
    reduction="mean",
):
    """Same as `torch.nn.functional.nll_loss`: -input[class] (weighted), reduced."""
    reduction = resolve_reduction(size_average, reduce, reduction)
    return nll_loss_nd(input, target, weight, reduction, ignore_index)


# ---------------------------------------------------------------- cross_entropy


def _log_softmax(input, class_dim):
    from numtorch._ops.nn_softmax import log_softmax

    return log_softmax(input, class_dim)


def _weight_view(weight, ndim, class_dim):
    if ndim <= 1:
        return weight
    shape = [1] * ndim
    shape[class_dim] = weight.shape[0]
    return weight.view(shape)


def _cross_entropy_probs(input, target, weight, reduction, label_smoothing):
    class_dim = 0 if input.dim() == 1 else 1
    n_classes = input.shape[class_dim]
    if weight is not None and (weight.dim() != 1 or weight.numel() != n_classes):
        raise RuntimeError(
            f"cross_entropy: weight tensor should be defined either for all {n_classes} classes "
            f"or no classes but got weight tensor of shape: {list(weight.shape)}"
        )
    logp = _log_softmax(input, class_dim)
    if label_smoothing > 0.0:
        target = add_number(mul_number(target, 1 - label_smoothing), label_smoothing / n_classes)
    product = logp * target
    if weight is not None:
        product = product * _weight_view(weight, logp.dim(), class_dim)
    if reduction == "mean":
        if logp.numel() == 0:
            return -product.sum().fill_(float("nan"))
        return div_number(-product.sum(), logp.numel() // n_classes)
    if reduction == "sum":
        return -product.sum()
    return -product.sum(class_dim)


def _cross_entropy_smoothed(input, target, weight, reduction, ignore_index, label_smoothing):
    class_dim = 0 if input.dim() == 1 else 1
    n_classes = input.shape[class_dim]
    logp = _log_softmax(input, class_dim)
    nll = nll_loss_nd(logp, target, weight, reduction, ignore_index)
    ignore_mask = target == ignore_index
    if weight is not None:
        smooth = -(logp * _weight_view(weight, logp.dim(), class_dim)).sum(class_dim)
    else:
        smooth = -logp.sum(class_dim)
    smooth.masked_fill_(ignore_mask, 0.0)
    if reduction == "mean":
        if weight is not None:
            kept = target.masked_select(~ignore_mask).flatten()
            ret = smooth.sum() / weight.gather(0, kept).sum()
        else:
            ret = smooth.sum() / (~ignore_mask).sum()
    elif reduction == "sum":
        ret = smooth.sum()
    else:
        ret = smooth
    return mul_number(nll, 1 - label_smoothing) + mul_number(ret, label_smoothing / n_classes)


@public(function=False, functional=True)
def cross_entropy(
    input,
    target,
    weight=None,
    size_average=None,
    ignore_index=-100,
    reduce=None,
    reduction="mean",
    label_smoothing=0.0,
):
    """Same as `torch.nn.functional.cross_entropy`: log_softmax then nll_loss for class
    indices; -sum(target * log_softmax) for class probabilities (a target shaped like input)."""
    reduction = resolve_reduction(size_average, reduce, reduction)
    check_reduction(reduction)
    _check_tensor(target, "cross_entropy_loss")
    if input.shape == target.shape:
        if not target.dtype.is_floating_point:
            raise RuntimeError(
                "Expected floating point type for target with class probabilities, got "
                f"{type_name(target.dtype)}"
            )
        if ignore_index >= 0:
            raise RuntimeError("ignore_index is not supported for floating point target")
        return _cross_entropy_probs(input, target, weight, reduction, label_smoothing)
    if label_smoothing > 0.0:
        if label_smoothing > 1.0:
            raise RuntimeError(
                f"label_smoothing must be between 0.0 and 1.0. Got: {label_smoothing:g}"
            )
        return _cross_entropy_smoothed(
            input, target, weight, reduction, ignore_index, label_smoothing
        )
    class_dim = 0 if input.dim() == 1 else 1
    return nll_loss_nd(_log_softmax(input, class_dim), target, weight, reduction, ignore_index)
