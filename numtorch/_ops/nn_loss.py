"""The regression and probability losses of torch.nn.functional: mse_loss, l1_loss,
smooth_l1_loss, huber_loss, binary_cross_entropy and kl_div.

nll_loss and cross_entropy are in nn_nll.py; binary_cross_entropy_with_logits in nn_ops.py; the margin, embedding and likelihood losses
in nn_loss_more.py; ctc_loss in nn_ctc.py.
"""

import warnings

from numtorch._errors import type_name
from numtorch._ops.nn_ops import legacy_reduction
from numtorch._ops.registry import DEFAULT, REGISTRY, apply, op, public

REDUCTIONS = ("none", "mean", "sum")


def check_reduction(reduction):
    if reduction not in REDUCTIONS:
        raise ValueError(f"{reduction} is not a valid value for reduction")


def resolve_reduction(size_average, reduce, reduction):
    """reduction, after torch's mapping of the deprecated size_average/reduce flags."""
    if size_average is not None or reduce is not None:
        return legacy_reduction(size_average, reduce)
    return reduction


def reduce_array(xp, loss, reduction):
    if reduction == "mean":
        return xp.mean(loss) if loss.size else xp.asarray(float("nan"), dtype=loss.dtype)
    if reduction == "sum":
        return xp.sum(loss)
    return loss


def reduce_tensor(loss, reduction):
    """torch's apply_loss_reduction: .mean() (MeanBackward0), .sum() (SumBackward0) or as is."""
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    return loss


def _scaled(grad, reduction, numel):
    return grad / numel if reduction == "mean" else grad


def _warn_sizes(input, target):
    if target.shape != input.shape:
        warnings.warn(
            f"Using a target size ({target.shape}) that is different to the input size "
            f"({input.shape}). This will likely lead to incorrect results due to broadcasting. "
            "Please ensure they have the same size.",
            UserWarning,
            stacklevel=3,
        )


def _broadcast(input, target):
    from numtorch import broadcast_tensors

    if input.shape == target.shape:
        return input, target
    return broadcast_tensors(input, target)


def _pointwise_loss_op(name, grad_fn, loss, derivative):
    """Declares a loss computed elementwise then reduced, with its backward from `derivative`
    (d loss / d input, written over Tensors; the target's gradient is its negative)."""

    @op(
        name,
        grad_fn=grad_fn,
        promote=DEFAULT,
        opmath=True,
        function=False,
        method=False,
        input_names=("self", "target"),
    )
    def forward(xp, input, target, *, reduction, param):
        return reduce_array(xp, loss(xp, input - target, param), reduction)

    @forward.backward
    def _(grad, *, needs, self, target, reduction, param):
        d = derivative(self - target, param) * _scaled(grad, reduction, self.numel())
        return d if needs[0] else None, -d if needs[1] else None

    return forward


def _check_float_result(input, target, kernel):
    from numtorch import result_type

    dtype = result_type(input, target)
    if not dtype.is_floating_point:
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{type_name(dtype)}'")


def _weighted(loss, weight, input, reduction, plain_mean=False):
    if weight.shape != input.shape:
        raise ValueError("Weights and input must have the same size.")
    weighted = loss * weight
    if reduction == "none":
        return weighted
    if reduction == "sum":
        return weighted.sum()
    if reduction == "mean":
        return weighted.mean() if plain_mean else weighted.sum() / weight.sum()
    raise ValueError(f"Invalid reduction mode: {reduction}. Expected one of 'none', 'mean', 'sum'.")


# ---------------------------------------------------------------- mse, l1, smooth_l1, huber

_pointwise_loss_op(
    "mse_loss",
    "MseLossBackward0",
    lambda xp, d, _: d * d,
    lambda d, _: d * 2,
)


@public(function=False, functional=True)
def mse_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    """Same as `torch.nn.functional.mse_loss`: the (weighted) squared error, reduced."""
    _warn_sizes(input, target)
    reduction = resolve_reduction(size_average, reduce, reduction)
    input, target = _broadcast(input, target)
    if weight is not None:
        return _weighted((input - target).pow(2), weight, input, reduction)
    check_reduction(reduction)
    _check_float_result(input, target, "mse_cpu")
    params = {"reduction": reduction, "param": None}
    return apply(REGISTRY["mse_loss"], (input, target), params)


@public(function=False, functional=True)
def l1_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    """Same as `torch.nn.functional.l1_loss`: |input - target|, reduced (a composite)."""
    _warn_sizes(input, target)
    reduction = resolve_reduction(size_average, reduce, reduction)
    input, target = _broadcast(input, target)
    if weight is not None:
        return _weighted((input - target).abs(), weight, input, reduction)
    check_reduction(reduction)
    return reduce_tensor((input - target).abs(), reduction)


def _smooth_l1(xp, d, beta):
    a = xp.abs(d)
    return xp.where(a < beta, 0.5 * d * d / beta, a - 0.5 * beta)


def _smooth_l1_grad(d, beta):
    return (d / beta).where(d.abs() < beta, d.sign())


_pointwise_loss_op("smooth_l1_loss", "SmoothL1LossBackward0", _smooth_l1, _smooth_l1_grad)


@public(function=False, functional=True)
def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    """Same as `torch.nn.functional.smooth_l1_loss` (beta=0 is l1_loss, as in torch)."""
    _warn_sizes(input, target)
    reduction = resolve_reduction(size_average, reduce, reduction)
    input, target = _broadcast(input, target)
    if beta == 0.0:
        return l1_loss(input, target, reduction=reduction)
    check_reduction(reduction)
    if beta < 0:
        raise RuntimeError("smooth_l1_loss does not support negative values for beta.")
    _check_float_result(input, target, "smooth_l1_cpu")
    params = {"reduction": reduction, "param": beta}
    return apply(REGISTRY["smooth_l1_loss"], (input, target), params)


def _huber(xp, d, delta):
    a = xp.abs(d)
    return xp.where(a < delta, 0.5 * d * d, delta * (a - 0.5 * delta))


def _huber_grad(d, delta):
    return d.where(d.abs() < delta, d.sign() * delta)


_pointwise_loss_op("huber_loss", "HuberLossBackward0", _huber, _huber_grad)


@public(function=False, functional=True)
def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    """Same as `torch.nn.functional.huber_loss`: squared error within delta, linear beyond."""
    _warn_sizes(input, target)
    input, target = _broadcast(input, target)
    if weight is None:
        check_reduction(reduction)
    if delta <= 0:
        raise RuntimeError("huber_loss does not support non-positive values for delta.")
    _check_float_result(input, target, "huber_cpu")
    if target.dtype is not input.dtype:  # torch's huber_loss writes into an input-typed result
        from numtorch._dtype import can_cast

        if not can_cast(target.dtype, input.dtype):
            raise RuntimeError(
                f"result type {type_name(target.dtype)} can't be cast to the desired output "
                f"type {type_name(input.dtype)}"
            )
        target = target.to(input.dtype)
    if weight is not None:
        unweighted = apply(
            REGISTRY["huber_loss"], (input, target), {"reduction": "none", "param": delta}
        )
        return _weighted(unweighted, weight, input, reduction, plain_mean=True)
    params = {"reduction": reduction, "param": delta}
    return apply(REGISTRY["huber_loss"], (input, target), params)


# ---------------------------------------------------------------- binary_cross_entropy


@op(
    "binary_cross_entropy",
    grad_fn="BinaryCrossEntropyBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
    input_names=("self", "target", "weight"),
)
def _bce(xp, input, target, weight, *, reduction):
    if ((input < 0) | (input > 1)).any():
        raise RuntimeError("all elements of input should be between 0 and 1")
    with xp.errstate(divide="ignore"):
        log_x = xp.maximum(xp.log(input), -100)
        log_1mx = xp.maximum(xp.log(1 - input), -100)
    loss = -(target * log_x + (1 - target) * log_1mx)
    if weight is not None:
        loss = loss * weight
    return reduce_array(xp, loss, reduction)


@_bce.backward
def _(grad, *, needs, self, target, weight, reduction):
    scale = _scaled(grad, reduction, self.numel())
    if weight is not None:
        scale = scale * weight
    grad_input = grad_target = None
    if needs[0]:
        grad_input = (self - target) / ((1 - self) * self).clamp_min(1e-12) * scale
    if needs[1]:
        grad_target = ((1 - self).log().clamp_min(-100) - self.log().clamp_min(-100)) * scale
    return grad_input, grad_target, None


@public(function=False, functional=True)
def binary_cross_entropy(
    input, target, weight=None, size_average=None, reduce=None, reduction="mean"
):
    """Same as `torch.nn.functional.binary_cross_entropy`: input holds probabilities."""
    reduction = resolve_reduction(size_average, reduce, reduction)
    check_reduction(reduction)
    if target.shape != input.shape:
        raise ValueError(
            f"Using a target size ({target.shape}) that is different to the input size "
            f"({input.shape}) is deprecated. Please ensure they have the same size."
        )
    if weight is not None:
        from numtorch import broadcast_shapes

        weight = weight.expand(broadcast_shapes(target.shape, weight.shape))
    if not input.dtype.is_floating_point:
        raise NotImplementedError(
            f"\"binary_cross_entropy\" not implemented for '{type_name(input.dtype)}'"
        )
    return apply(
        REGISTRY["binary_cross_entropy"], (input, target, weight), {"reduction": reduction}
    )


# ---------------------------------------------------------------- kl_div


@public(function=False, functional=True)
def kl_div(input, target, size_average=None, reduce=None, reduction="mean", log_target=False):
    """Same as `torch.nn.functional.kl_div`: target * (log target - input), reduced
    ('batchmean' divides the sum by the batch size)."""
    if size_average is not None or reduce is not None:
        reduction = legacy_reduction(size_average, reduce)
        summed = reduction
    else:
        if reduction == "mean":
            warnings.warn(
                "reduction: 'mean' divides the total loss by both the batch size and the "
                "support size.'batchmean' divides only by the batch size, and aligns with the "
                "KL div math definition.'mean' will be changed to behave the same as "
                "'batchmean' in the next major release.",
                UserWarning,
                stacklevel=2,
            )
        summed = "sum" if reduction == "batchmean" else reduction
        check_reduction(summed)
    if not input.dtype.is_floating_point and not target.dtype.is_floating_point:
        raise RuntimeError("kl_div: Integral inputs not supported.")
    if log_target:
        loss = target.exp() * (target - input)
    else:
        from numtorch import xlogy

        loss = xlogy(target, target) - target * input
    reduced = reduce_tensor(loss, summed)
    if reduction == "batchmean" and input.dim() != 0:
        reduced = reduced / input.shape[0]
    return reduced
