"""rrelu in training mode: a random negative slope per element, drawn as torch's CPU kernel draws it.

torch walks the input in logical order and, for each element <= 0 (NaN is not), draws one double
from `uniform_real_distribution(lower, upper)`: a 53-bit `random64()` word u, then
`u * (upper - lower) + lower` in double (this kernel is compiled without fused multiply-adds),
the bounds first rounded to the compute type (float32, or float64 for double). The slope, rounded to
the compute type, multiplies the element and is saved as `noise` (1 for the other elements), which
the backward multiplies the gradient by.
"""

from numtorch._device import CPU, move, to_host, xp_for
from numtorch._errors import type_name
from numtorch._ops.registry import DEFAULT, REGISTRY, apply, apply_inplace, op
from numtorch._tensor import Tensor


@op(
    "rrelu_with_noise",
    grad_fn="RreluWithNoiseBackward0",
    input_names=("self", "noise"),
    promote=DEFAULT,
    function=False,
    method=False,
)
def _rrelu_with_noise(xp, input, noise, *, lower, upper, training, output):
    return output


@_rrelu_with_noise.backward
def _(grad, *, needs, self, noise, lower, upper, training):
    return _backward(grad, self, noise, lower, upper, training), None


@op(
    "rrelu_with_noise_",
    grad_fn="RreluWithNoiseBackward1",
    input_names=("self", "noise"),
    promote=DEFAULT,
    function=False,
    method=False,
)
def _rrelu_with_noise_(xp, input, noise, *, lower, upper, training, output):
    return output


@_rrelu_with_noise_.backward
def _(grad, *, needs, result, noise, lower, upper, training):
    return _backward(grad, result, noise, lower, upper, training), None


def _backward(grad, kept, noise, lower, upper, training):
    """torch's rrelu_with_noise_backward: the saved slopes, or leaky_relu's when the range is
    (almost) empty."""
    if training and upper - lower > 1e-6:
        return grad * noise
    return grad * (kept > 0) + grad * (kept <= 0) * ((lower + upper) / 2)


_SUPPORTED = ("float32", "float64", "bfloat16")


def rrelu_train(input, lower, upper, inplace, generator):
    """F.rrelu(..., training=True): draws the slopes, then runs the op that records the graph."""
    from numtorch._random import default_generator
    from numtorch._random.kernels import uniform53

    if input.dtype.name not in _SUPPORTED:
        raise NotImplementedError(
            f"\"rrelu_with_noise_out_cpu\" not implemented for '{type_name(input.dtype)}'"
        )
    np = xp_for(CPU)  # the stream is drawn on the host, for every device
    host = to_host(input._data)
    opmath = np.float64 if host.dtype == np.float64 else np.float32
    values = host.astype(opmath)
    draws = ~(values > 0) & (values == values)
    slopes = np.ones(values.shape, dtype=opmath)
    u = uniform53(default_generator if generator is None else generator, int(draws.sum()))
    low, high = float(opmath(lower)), float(opmath(upper))  # the bounds in the compute type
    slopes[draws] = (u * (high - low) + low).astype(opmath)
    output = move((values * slopes).astype(host.dtype), CPU, input.device)
    noise = move(slopes.astype(host.dtype), CPU, input.device)
    noise = Tensor._make(noise, input.dtype, input.device)
    params = {"lower": lower, "upper": upper, "training": True, "output": output}
    if inplace:
        return apply_inplace(REGISTRY["rrelu_with_noise_"], (input, noise), params)
    return apply(REGISTRY["rrelu_with_noise"], (input, noise), params)
