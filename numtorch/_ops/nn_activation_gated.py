"""threshold, glu and prelu of torch.nn.functional (the other activations are in
nn_activation.py): ThresholdBackward0/1, GluBackward0, PreluKernelBackward0."""

from numtorch._errors import type_name, wrap_dim
from numtorch._ops.nn_activation import _run, _sigmoid, float_only
from numtorch._ops.registry import DEFAULT, REGISTRY, apply, op, public

# ---------------------------------------------------------------- threshold


def _threshold(xp, x, threshold, value):
    if x.dtype.kind in "iu":
        threshold, value = int(threshold), int(value)
    return xp.where(x > threshold, x, xp.asarray(value).astype(x.dtype))


@op("threshold", grad_fn="ThresholdBackward0", promote=DEFAULT, function=False, method=False)
def _threshold0(xp, input, *, threshold, value):
    return _threshold(xp, input, threshold, value)


@_threshold0.backward
def _(grad, *, needs, self, threshold, value):
    return grad * (self > threshold)


@op(
    "threshold_inplace", grad_fn="ThresholdBackward1", promote=DEFAULT, function=False, method=False
)
def _threshold1(xp, input, *, threshold, value):
    return _threshold(xp, input, threshold, value)


@_threshold1.backward
def _(grad, *, needs, self, threshold, value):
    return grad * (self > threshold)


@public("threshold", functional=True)
def threshold_fn(input, threshold, value, inplace=False):
    """Same as `torch.nn.functional.threshold`: x where x > threshold, else value."""
    if input.dtype.name == "bool" or input.dtype.is_complex:
        raise NotImplementedError(
            f"\"threshold_cpu\" not implemented for '{type_name(input.dtype)}'"
        )
    params = {"threshold": threshold, "value": value}
    return _run("threshold_inplace" if inplace else "threshold", input, params, inplace)


@public(functional=True)
def threshold_(input, threshold, value):
    """Same as `torch.nn.functional.threshold_`."""
    return threshold_fn(input, threshold, value, inplace=True)


# ---------------------------------------------------------------- glu, prelu


@op("glu", grad_fn="GluBackward0", promote=DEFAULT, opmath=True, function=False, method=False)
def _glu(xp, input, *, dim):
    half = input.shape[dim] // 2
    a = xp.take(input, xp.arange(half), axis=dim)
    b = xp.take(input, xp.arange(half, 2 * half), axis=dim)
    return a * _sigmoid(xp, b)


@_glu.backward
def _(grad, *, needs, self, dim):
    a, b = self.chunk(2, dim)
    s = b.sigmoid()
    from numtorch import cat

    return cat([grad * s, grad * a * s * (1 - s)], dim)


@public(function=False, functional=True)
def glu(input, dim=-1):
    """Same as `torch.nn.functional.glu`: first half * sigmoid(second half) along dim."""
    if input.dim() == 0:
        raise RuntimeError("glu does not support scalars because halving size must be even")
    d = wrap_dim(dim, input.dim())
    if input.shape[d] % 2:
        raise RuntimeError(
            f"Halving dimension must be even, but dimension {d} is size {input.shape[d]}"
        )
    float_only(input, "glu_cpu")
    return _run("glu", input, {"dim": d})


@op(
    "prelu",
    grad_fn="PreluKernelBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
    input_names=("self", "weight"),
)
def _prelu(xp, input, weight):
    return xp.where(input > 0, input, input * weight)


@_prelu.backward
def _(grad, *, needs, self, weight):
    positive = self > 0
    grad_input = grad.where(positive, grad * weight) if needs[0] else None
    grad_weight = (grad * self).where(~positive, grad * 0) if needs[1] else None
    return grad_input, grad_weight


@public(method=True, functional=True)
def prelu(input, weight):
    """Same as `torch.nn.functional.prelu`: a learnt slope per channel (dim 1) or one for all."""
    if weight.dim() > 1:
        raise RuntimeError(
            f"prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = {weight.dim()}"
        )
    if input.dtype is not weight.dtype:
        raise RuntimeError(
            f"prelu: Type promoting not supported. Got {type_name(input.dtype)} and "
            f"{type_name(weight.dtype)}"
        )
    channels = input.shape[1] if input.dim() >= 2 else 1
    if weight.numel() != 1 and weight.numel() != channels:
        raise RuntimeError(
            "Mismatch of parameter numbers and input channel size. Found parameter numbers = "
            f"{weight.numel()} and channel size = {channels}."
        )
    float_only(input, "prelu_cpu")
    if input.dim() >= 2:
        shape = [1] * input.dim()
        shape[1] = weight.numel()
        weight = weight.reshape(shape)
    return apply(REGISTRY["prelu"], (input, weight), {})
