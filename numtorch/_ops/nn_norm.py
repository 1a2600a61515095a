"""batch_norm, layer_norm and group_norm as ops with torch's fused grad_fns (NativeBatchNormBackward0,
NativeLayerNormBackward0, NativeGroupNormBackward0); instance_norm, rms_norm and
local_response_norm, composites as in torch, live in nn_norm_composite.py.

Forwards compute float16/bfloat16 in float32 (torch's opmath) and cast back. Backwards recompute
the statistics from the saved input with Tensor ops, so create_graph=True differentiates them.
"""

from numtorch import _dtype
from numtorch._errors import fmt_shape, type_name
from numtorch._ops.registry import REGISTRY, apply, op, public

_HALF = (_dtype.float16, _dtype.bfloat16)


def _up(xp, a):
    """The array in its opmath dtype (float32 for the 2-byte floats)."""
    return a.astype(xp.float32) if a is not None and a.dtype.itemsize == 2 else a


def _normalize(xp, x, dims):
    """(mean, biased var) of x over dims, kept as size-1 dims; zeros where x is empty."""
    if x.size == 0:
        shape = tuple(1 if i in dims else n for i, n in enumerate(x.shape))
        return xp.zeros(shape, x.dtype), xp.zeros(shape, x.dtype)
    mean = x.mean(axis=dims, keepdims=True)
    centered = x - mean
    return mean, (centered * centered).mean(axis=dims, keepdims=True)


def _affine(out, weight, bias, shape):
    if weight is not None:
        out = out * weight.reshape(shape)
    if bias is not None:
        out = out + bias.reshape(shape)
    return out


def _check_floating(input, kernel):
    if not input.dtype.is_floating_point:
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{type_name(input.dtype)}'")


def check_param_dtypes(input, *params):
    """torch's CPU kernels take parameters of the input's dtype, or float32 ones for a
    float16/bfloat16 input."""
    dtypes = {t.dtype for t in params if t is not None}
    if not dtypes or dtypes == {input.dtype}:
        return
    if input.dtype in _HALF:
        if dtypes == {_dtype.float32}:
            return
        raise RuntimeError(f"expected scalar type {type_name(input.dtype)} but found Float")
    raise RuntimeError(
        f"mixed dtype (CPU): expect parameter to have scalar type of {type_name(input.dtype)}"
    )


def _opmath_tensor(t):
    return t.float() if t is not None and t.dtype in _HALF else t


def _grads(grad, x, weight_b, xhat, invstd, dims, n, batch_stats):
    """d input of out = xhat * w + b where xhat = (x - mean) * invstd over `dims` (n elements);
    with batch statistics the mean and invstd depend on x too."""
    gw = grad if weight_b is None else grad * weight_b
    if not batch_stats:
        return gw * invstd
    if n == 0:
        return gw
    mean_gw = gw.sum(dims, keepdim=True) / n
    mean_gw_xhat = (gw * xhat).sum(dims, keepdim=True) / n
    return (gw - mean_gw - xhat * mean_gw_xhat) * invstd


# ---------------------------------------------------------------- batch_norm


@op(
    "native_batch_norm",
    grad_fn="NativeBatchNormBackward0",
    function=False,
    method=False,
    input_names=("input", "weight", "bias"),
)
def _batch_norm(xp, input, weight, bias, *, running_mean, running_var, training, momentum, eps):
    # running_mean/running_var are Tensors (updated in place when training), not op inputs:
    # they take no gradient, and torch bumps their version after the update
    x = _up(xp, input)
    dims = (0,) + tuple(range(2, x.ndim))
    shape = (1, -1) + (1,) * (x.ndim - 2)
    if training:
        mean, var = _normalize(xp, x, dims)
        n = x.size // x.shape[1] if x.shape[1] else 0
        if running_mean is not None:
            rm = running_mean._data
            rm[...] = momentum * mean.reshape(-1) + (1 - momentum) * rm
        if running_var is not None:
            rv = running_var._data
            unbiased = var.reshape(-1) * (n / (n - 1)) if n > 1 else xp.full(rv.shape, xp.nan)
            rv[...] = momentum * unbiased + (1 - momentum) * rv
    else:
        mean = running_mean._data.astype(x.dtype).reshape(shape)
        var = running_var._data.astype(x.dtype).reshape(shape)
    invstd = 1 / xp.sqrt(var + eps)
    out = _affine((x - mean) * invstd, _up(xp, weight), _up(xp, bias), shape)
    return xp.ascontiguousarray(out)


@_batch_norm.backward
def _(grad, *, needs, input, weight, running_mean, running_var, training, eps):
    x, grad, w = _opmath_tensor(input), _opmath_tensor(grad), _opmath_tensor(weight)
    dims = [0] + list(range(2, x.dim()))
    shape = [1, -1] + [1] * (x.dim() - 2)
    if training:
        mean = x.mean(dims, keepdim=True)
        invstd = (((x - mean) ** 2).mean(dims, keepdim=True) + eps).rsqrt()
    else:
        mean = running_mean.to(x.dtype).view(shape)
        invstd = (running_var.to(x.dtype).view(shape) + eps).rsqrt()
    xhat = (x - mean) * invstd
    n = x.numel() // x.shape[1] if x.shape[1] else 0
    w_b = None if w is None else w.view(shape)
    gx = _grads(grad, x, w_b, xhat, invstd, dims, n, training) if needs[0] else None
    gw = (grad * xhat).sum(dims) if needs[1] else None
    gb = grad.sum(dims) if needs[2] else None
    return gx, gw, gb


def _check_channels(what, t, channels):
    if t is not None and t.numel() != channels:
        raise RuntimeError(f"{what} should contain {channels} elements not {t.numel()}")


@public(function=False, functional=True)
def batch_norm(
    input,
    running_mean,
    running_var,
    weight=None,
    bias=None,
    training=False,
    momentum=0.1,
    eps=1e-5,
):
    """Same as `torch.nn.functional.batch_norm`: normalizes over every dim but 1 (the channels)
    with the batch's statistics when training (updating running_mean/var in place, the variance
    unbiased), with the running ones otherwise."""
    if training:
        size = input.shape
        count = 1
        for i, n in enumerate(size):
            if i != 1:
                count *= n
        if count == 1:
            raise ValueError(
                f"Expected more than 1 value per channel when training, got input size {size}"
            )
    return batch_norm_raw(input, running_mean, running_var, weight, bias, training, momentum, eps)


def batch_norm_raw(input, running_mean, running_var, weight, bias, training, momentum, eps):
    """F.batch_norm without the batch-size check (instance_norm calls it on one big batch)."""
    _check_floating(input, "batch_norm")
    channels = input.shape[1] if input.dim() > 1 else 0
    if not training and (running_mean is None or running_var is None):
        raise RuntimeError("running_mean must be defined in evaluation mode")
    _check_channels("running_mean", running_mean, channels)
    _check_channels("running_var", running_var, channels)
    _check_channels("weight", weight, channels)
    _check_channels("bias", bias, channels)
    check_param_dtypes(input, weight, bias, running_mean, running_var)
    params = {
        "running_mean": running_mean,
        "running_var": running_var,
        "training": bool(training),
        "momentum": 0.0 if momentum is None else float(momentum),
        "eps": float(eps),
    }
    if input.numel() == 0:
        # torch's shortcut for an empty input: its graph is a clone, scaled and shifted by
        # the first weight and bias (no statistics, running ones untouched)
        out = input.clone()
        if weight is not None and weight.numel():
            out = out * weight[0]
        if bias is not None and bias.numel():
            out = out + bias[0]
        return out
    out = apply(REGISTRY["native_batch_norm"], (input, weight, bias), params)
    if training:
        for t in (running_mean, running_var):
            if t is not None:
                t._vc[0] += 1
    return out


# ---------------------------------------------------------------- layer_norm


@op(
    "native_layer_norm",
    grad_fn="NativeLayerNormBackward0",
    function=False,
    method=False,
    input_names=("input", "weight", "bias"),
)
def _layer_norm(xp, input, weight, bias, *, normalized_ndim, eps):
    x = _up(xp, input)
    dims = tuple(range(x.ndim - normalized_ndim, x.ndim))
    mean, var = _normalize(xp, x, dims)
    shape = x.shape[x.ndim - normalized_ndim :]
    out = _affine((x - mean) / xp.sqrt(var + eps), _up(xp, weight), _up(xp, bias), shape)
    return xp.ascontiguousarray(out)


@_layer_norm.backward
def _(grad, *, needs, input, weight, normalized_ndim, eps):
    x, grad, w = _opmath_tensor(input), _opmath_tensor(grad), _opmath_tensor(weight)
    dims = list(range(x.dim() - normalized_ndim, x.dim()))
    lead = list(range(x.dim() - normalized_ndim))
    mean = x.mean(dims, keepdim=True)
    invstd = (((x - mean) ** 2).mean(dims, keepdim=True) + eps).rsqrt()
    xhat = (x - mean) * invstd
    n = 1
    for d in dims:
        n *= x.shape[d]
    gx = _grads(grad, x, w, xhat, invstd, dims, n, True) if needs[0] else None
    gw = _sum_dims(grad * xhat, lead) if needs[1] else None
    gb = _sum_dims(grad, lead) if needs[2] else None
    return gx, gw, gb


def _sum_dims(t, dims):
    return t.sum(dims) if dims else t


def normalized_shape_arg(name, normalized_shape):
    """normalized_shape as a tuple; the functional forms take no bare int (the modules do)."""
    if not isinstance(normalized_shape, (tuple, list)) and not hasattr(normalized_shape, "dim"):
        raise TypeError(
            f"{name}(): argument 'normalized_shape' (position 2) must be tuple of ints, not "
            f"{type(normalized_shape).__name__}"
        )
    return tuple(int(n) for n in normalized_shape)


def check_normalized_shape(input, shape, weight, bias, star="*, "):
    """torch's errors for a normalized_shape that does not end the input's shape."""
    if not shape:
        raise RuntimeError(
            "Expected normalized_shape to be at least 1-dimensional, i.e., containing at least "
            f"one element, but got normalized_shape = {fmt_shape(shape)}"
        )
    for name, t in (("weight", weight), ("bias", bias)):
        if t is not None and tuple(t.shape) != shape:
            raise RuntimeError(
                f"Expected {name} to be of same shape as normalized_shape, but got {name} of "
                f"shape {fmt_shape(t.shape)} and normalized_shape = {fmt_shape(shape)}"
            )
    if tuple(input.shape[input.dim() - len(shape) :]) != shape or input.dim() < len(shape):
        expected = ", ".join(map(str, shape))
        raise RuntimeError(
            f"Given normalized_shape={fmt_shape(shape)}, expected input with shape "
            f"[{star}{expected}], but got input of size"
            f"{fmt_shape(input.shape)}"
        )


@public(function=False, functional=True)
def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):
    """Same as `torch.nn.functional.layer_norm`: normalizes over the last len(normalized_shape)
    dims, then scales by weight and shifts by bias."""
    shape = normalized_shape_arg("layer_norm", normalized_shape)
    check_normalized_shape(input, shape, weight, bias)
    _check_floating(input, "LayerNormKernelImpl")
    check_param_dtypes(input, weight, bias)
    params = {"normalized_ndim": len(shape), "eps": float(eps)}
    return apply(REGISTRY["native_layer_norm"], (input, weight, bias), params)


# ---------------------------------------------------------------- group_norm


@op(
    "native_group_norm",
    grad_fn="NativeGroupNormBackward0",
    function=False,
    method=False,
    input_names=("input", "weight", "bias"),
)
def _group_norm(xp, input, weight, bias, *, num_groups, eps):
    x = _up(xp, input)
    n, c = x.shape[0], x.shape[1]
    grouped = x.reshape(n, num_groups, x.size // max(n * num_groups, 1))
    mean, var = _normalize(xp, grouped, (2,))
    out = ((grouped - mean) / xp.sqrt(var + eps)).reshape(x.shape)
    shape = (1, c) + (1,) * (x.ndim - 2)
    return xp.ascontiguousarray(_affine(out, _up(xp, weight), _up(xp, bias), shape))


@_group_norm.backward
def _(grad, *, needs, input, weight, num_groups, eps):
    x, grad, w = _opmath_tensor(input), _opmath_tensor(grad), _opmath_tensor(weight)
    size, shape = x.shape, [1, -1] + [1] * (x.dim() - 2)
    grouped = x.reshape(size[0], num_groups, x.numel() // max(size[0] * num_groups, 1))
    mean = grouped.mean(2, keepdim=True)
    invstd = (((grouped - mean) ** 2).mean(2, keepdim=True) + eps).rsqrt()
    xhat = (grouped - mean) * invstd
    dims = [0] + list(range(2, x.dim()))
    gx = None
    if needs[0]:
        gw = grad if w is None else grad * w.view(shape)
        gw = gw.reshape(grouped.shape)
        gx = _grads(gw, grouped, None, xhat, invstd, [2], grouped.shape[2], True).reshape(size)
    gwt = (grad * xhat.reshape(size)).sum(dims) if needs[1] else None
    gb = grad.sum(dims) if needs[2] else None
    return gx, gwt, gb


@public(function=False, functional=True)
def group_norm(input, num_groups, weight=None, bias=None, eps=1e-5):
    """Same as `torch.nn.functional.group_norm`: channels split into num_groups groups, each
    normalized over its channels and the spatial dims."""
    if input.dim() < 2:
        raise RuntimeError(
            f"Expected at least 2 dimensions for input tensor but received {input.dim()}"
        )
    channels = input.shape[1]
    if channels % num_groups:
        raise RuntimeError(
            "Expected number of channels in input to be divisible by num_groups, but got input "
            f"of shape {fmt_shape(input.shape)} and num_groups={num_groups}"
        )
    for name, t in (("weight", weight), ("bias", bias)):
        if t is not None and (t.dim() != 1 or t.numel() != channels):
            raise RuntimeError(
                f"Expected {name} to be a vector of size equal to the number of channels in "
                f"input, but got {name} of shape {fmt_shape(t.shape)} and input of shape "
                f"{fmt_shape(input.shape)}"
            )
    _check_floating(input, "GroupNormKernelImpl")
    check_param_dtypes(input, weight, bias)
    params = {"num_groups": int(num_groups), "eps": float(eps)}
    return apply(REGISTRY["native_group_norm"], (input, weight, bias), params)
