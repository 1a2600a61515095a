"""Neural-network ops: activations and losses (the functional forms behind torch.nn)."""

import warnings

from numtorch._ops.registry import INT_TO_FLOAT, REGISTRY, apply, op, public

# NumPy warns where torch is silent (bfloat16's maximum on NaN, exp overflow in sigmoid)
warnings.filterwarnings("ignore", category=RuntimeWarning, module=r"numtorch\._ops\.nn_ops$")


@op(grad_fn="SigmoidBackward0", promote=INT_TO_FLOAT, inplace=True, functional=True, opmath=True)
def sigmoid(xp, input):
    """Same as `torch.sigmoid`."""
    out = xp.empty_like(input)
    pos = input >= 0
    with _ignore(xp):
        e = xp.exp(-xp.abs(input))
    out = xp.where(pos, 1 / (1 + e), e / (1 + e))
    return out.astype(input.dtype, copy=False)


@sigmoid.backward
def _(grad, *, needs, result):
    return grad * (1 - result) * result


@sigmoid.raw_backward
def _(xp, grad, *, needs, result):
    return grad * (1 - result) * result


@op(grad_fn="TanhBackward0", promote=INT_TO_FLOAT, inplace=True, functional=True, opmath=True)
def tanh(xp, input):
    """Same as `torch.tanh`."""
    return xp.tanh(input)


@tanh.backward
def _(grad, *, needs, result):
    return grad * (1 - result * result)


@tanh.raw_backward
def _(xp, grad, *, needs, result):
    return grad * (1 - result * result)


@op(grad_fn="ReluBackward0", promote="same", inplace=True)
def relu(xp, input):
    """Same as `torch.relu`."""
    if input.dtype.itemsize >= 4 and input.dtype.kind == "f" or input.dtype.kind == "V":
        # against an array of zeros rather than the scalar 0: NumPy's maximum has a
        # vectorised loop for two arrays only (about twice as fast); zeros first, so that
        # -0.0 stays -0.0 as in torch (these loops return their second argument on ties;
        # float16's returns its first); bfloat16 is NumPy kind "V"
        out = xp.zeros_like(input)
        return xp.maximum(out, input, out=out)
    return xp.maximum(input, 0).astype(input.dtype, copy=False)


@relu.backward
def _(grad, *, needs, result):
    return grad * (result > 0)


@relu.raw_backward
def _(xp, grad, *, needs, result):
    return grad * (result > 0)


def legacy_reduction(size_average, reduce):
    """torch's mapping of the deprecated size_average/reduce flags to a reduction string."""
    warnings.warn(
        "size_average and reduce args will be deprecated, please use reduction='"
        + ("none" if reduce is False else "mean" if size_average is not False else "sum")
        + "' instead.",
        UserWarning,
        stacklevel=3,
    )
    if reduce is False:
        return "none"
    return "sum" if size_average is False else "mean"


@public(function=True, functional=True)
def binary_cross_entropy_with_logits(
    input, target, weight=None, size_average=None, reduce=None, reduction="mean", pos_weight=None
):
    """Same as `torch.nn.functional.binary_cross_entropy_with_logits`."""
    if size_average is not None or reduce is not None:
        reduction = legacy_reduction(size_average, reduce)
    return apply(
        REGISTRY["binary_cross_entropy_with_logits"],
        (input, target, weight, pos_weight),
        {"reduction": reduction},
    )


@op(
    "binary_cross_entropy_with_logits",
    grad_fn="BinaryCrossEntropyWithLogitsBackward0",
    promote=INT_TO_FLOAT,
    function=False,
    method=False,
    input_names=("self", "target", "weight", "pos_weight"),
)
def _bce_with_logits(xp, input, target, weight, pos_weight, *, reduction):
    """Same as `torch.nn.functional.binary_cross_entropy_with_logits`."""
    if target.shape != input.shape:
        raise ValueError(
            f"Target size (torch.Size({list(target.shape)})) must be the same as input size "
            f"(torch.Size({list(input.shape)}))"
        )
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    # log(1 + exp(-x)) written to stay finite for large |x|
    softplus_neg = xp.logaddexp(0, -input)
    if pos_weight is not None:
        log_weight = 1 + (pos_weight - 1) * target
        loss = (1 - target) * input + log_weight * softplus_neg
    else:
        loss = (1 - target) * input + softplus_neg
    if weight is not None:
        loss = loss * weight
    if reduction == "mean":
        return xp.mean(loss)
    if reduction == "sum":
        return xp.sum(loss)
    return loss


@_bce_with_logits.backward
def _(grad, *, needs, self, target, weight, pos_weight, reduction):
    scale = grad / self.numel() if reduction == "mean" else grad
    if weight is not None:
        scale = scale * weight
    sig = self.sigmoid()
    grad_input = grad_target = None
    if pos_weight is not None:
        if needs[0]:
            grad_input = (sig * (1 + (pos_weight - 1) * target) - pos_weight * target) * scale
        if needs[1]:
            softplus_neg = (-self).exp().log1p()
            grad_target = ((pos_weight - 1) * softplus_neg - self) * scale
    else:
        if needs[0]:
            grad_input = (sig - target) * scale
        if needs[1]:
            grad_target = -self * scale
    return grad_input, grad_target, None, None


class _ignore:
    def __init__(self, xp):
        self.ctx = xp.errstate(over="ignore") if hasattr(xp, "errstate") else None

    def __enter__(self):
        if self.ctx is not None:
            self.ctx.__enter__()

    def __exit__(self, *exc):
        if self.ctx is not None:
            self.ctx.__exit__(*exc)
