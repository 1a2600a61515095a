"""instance_norm, rms_norm and local_response_norm: composites of registered ops, as in torch
(their graphs are torch's chains: ViewBackward0 over NativeBatchNormBackward0, MulBackward0 over
RsqrtBackward0, DivBackward0 over PowBackward0)."""

from numtorch import _dtype
from numtorch._ops.nn_norm import batch_norm_raw, check_normalized_shape, normalized_shape_arg
from numtorch._ops.registry import public

_HALF = (_dtype.float16, _dtype.bfloat16)


@public(function=False, functional=True)
def instance_norm(
    input,
    running_mean=None,
    running_var=None,
    weight=None,
    bias=None,
    use_input_stats=True,
    momentum=0.1,
    eps=1e-5,
):
    """Same as `torch.nn.functional.instance_norm`: batch norm of each (sample, channel) on its
    own, computed as one batch norm over a (1, N*C, ...) view; the running statistics get the
    mean over the samples of the per-sample updates."""
    size = input.shape
    if use_input_stats:
        spatial = 1
        for n in size[2:]:
            spatial *= n
        if spatial == 1:
            raise ValueError(
                f"Expected more than 1 spatial element when training, got input size {size}"
            )
    if not use_input_stats and (running_mean is None or running_var is None):
        raise RuntimeError(
            "Expected running_mean and running_var to be defined when use_input_stats is false"
        )
    b, c = size[0], size[1]
    flat = input.reshape([1, b * c] + list(size[2:]))
    repeated = [None if t is None else t.repeat(b) for t in (weight, bias)]
    stats = [None if t is None else t.repeat(b) for t in (running_mean, running_var)]
    out = batch_norm_raw(flat, *stats, *repeated, use_input_stats, momentum, eps)
    for t, per_instance in zip((running_mean, running_var), stats):
        if t is not None:
            t.copy_(per_instance.view(b, c).mean(0))
    return out.view(size)


@public(function=False, functional=True)
def rms_norm(input, normalized_shape, weight=None, eps=None):
    """Same as `torch.nn.functional.rms_norm`: x / sqrt(mean(x**2) + eps) over the last
    len(normalized_shape) dims, times weight; eps defaults to the machine epsilon of the
    computation dtype (float32 for float16/bfloat16 inputs)."""
    shape = normalized_shape_arg("rms_norm", normalized_shape)
    check_normalized_shape(input, shape, weight, None, star="*")
    if not input.dtype.is_floating_point:
        from numtorch._errors import type_name

        raise NotImplementedError(f"\"rms_norm\" not implemented for '{type_name(input.dtype)}'")
    half = input.dtype in _HALF
    x = input.float() if half else input
    if eps is None:
        eps = _dtype.finfo(x.dtype).eps
    dims = list(range(input.dim() - len(shape), input.dim()))
    out = x * (x.pow(2).mean(dims, keepdim=True) + eps).rsqrt()
    if weight is not None:
        out = out * (weight if weight.dtype is x.dtype else weight.to(x.dtype))
    if half:
        out = out.to(input.dtype)
    return out.contiguous()  # a clone where the input's layout was permuted, as torch


@public(function=False, functional=True)
def local_response_norm(input, size, alpha=1e-4, beta=0.75, k=1.0):
    """Same as `torch.nn.functional.local_response_norm`: input / (k + alpha * mean of input**2
    over a window of `size` channels, zero-padded) ** beta."""
    dim = input.dim()
    if dim < 3:
        raise ValueError(
            "Expected 3D or higher dimensionality                          input "
            f"(got {dim} dimensions)"
        )
    if input.numel() == 0:
        return input
    import numtorch

    squares = input * input
    before, after = size // 2, (size - 1) // 2
    channels = input.shape[1]
    pad_shape = list(input.shape)
    parts = []
    for n in (before, after):
        pad_shape[1] = n
        parts.append(numtorch.zeros(pad_shape, dtype=input.dtype))
    padded = numtorch.cat([parts[0], squares, parts[1]], 1)
    window = padded.narrow(1, 0, channels)
    for i in range(1, size):
        window = window + padded.narrow(1, i, channels)
    div = (window / size * alpha + k).pow(beta)
    return input / div
