"""Neural-network ops: activations and losses (the functional forms behind torch.nn)."""

from numtorch._ops.registry import INT_TO_FLOAT, op


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


@op(grad_fn="TanhBackward0", promote=INT_TO_FLOAT, inplace=True, functional=True, opmath=True)
def tanh(xp, input):
    """Same as `torch.tanh`."""
    return xp.tanh(input)


@tanh.backward
def _(grad, *, needs, result):
    return grad * (1 - result * result)


@op(grad_fn="ReluBackward0", promote="same", inplace=True, functional=True)
def relu(xp, input):
    """Same as `torch.relu`."""
    return xp.maximum(input, 0).astype(input.dtype, copy=False)


@relu.backward
def _(grad, *, needs, result):
    return grad * (result > 0)


@op(
    grad_fn="BinaryCrossEntropyWithLogitsBackward0",
    promote=INT_TO_FLOAT,
    function=True,
    method=False,
    functional=True,
    input_names=("self", "target", "weight", "pos_weight"),
    signature="input, target, weight=None, size_average=None, reduce=None, reduction='mean', "
    "pos_weight=None",
)
def binary_cross_entropy_with_logits(
    xp, input, target, weight, pos_weight, *, reduction="mean", size_average=None, reduce=None
):
    """Same as `torch.nn.functional.binary_cross_entropy_with_logits`."""
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


@binary_cross_entropy_with_logits.backward
def _(grad, *, needs, self, target, weight, pos_weight, reduction):
    sig = self.sigmoid()
    if pos_weight is not None:
        log_weight = 1 + (pos_weight - 1) * target
        d = (
            (log_weight * (sig - 1) + (1 - target))
            if False
            else (sig * (1 + (pos_weight - 1) * target) - pos_weight * target)
        )
        del log_weight
    else:
        d = sig - target
    if weight is not None:
        d = d * weight
    if reduction == "mean":
        d = d * (grad / self.numel())
    else:
        d = d * grad
    return d, None, None, None


class _ignore:
    def __init__(self, xp):
        self.ctx = xp.errstate(over="ignore") if hasattr(xp, "errstate") else None

    def __enter__(self):
        if self.ctx is not None:
            self.ctx.__enter__()

    def __exit__(self, *exc):
        if self.ctx is not None:
            self.ctx.__exit__(*exc)
