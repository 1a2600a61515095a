"""Pointwise activations of torch.nn.functional: relu6, leaky_relu, rrelu, elu, selu,
celu, gelu, silu, mish, softplus, softsign, hardtanh, hardsigmoid, hardswish, hardshrink,
softshrink, tanhshrink, logsigmoid and their in-place forms (threshold, glu and prelu are in
nn_activation_gated.py).

relu, sigmoid and tanh are declared in nn_ops.py; softmax and friends in nn_softmax.py. Where
torch's in-place form saves its result rather than its input it has its own grad_fn class
(EluBackward1, LeakyReluBackward1, ThresholdBackward1, ...): one OpDef each.
"""

import math

from numtorch._errors import type_name
from numtorch._ops.registry import DEFAULT, REGISTRY, apply, apply_inplace, op, public

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def float_only(input, kernel):
    """torch's dispatch error for a kernel defined on floating dtypes only."""
    if not input.dtype.is_floating_point:
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{type_name(input.dtype)}'")


def _run(name, input, params, inplace=False):
    opdef = REGISTRY[name]
    if inplace:
        return apply_inplace(opdef, (input,), params)
    return apply(opdef, (input,), params)


def _ignore_overflow(xp):
    return xp.errstate(over="ignore", invalid="ignore") if hasattr(xp, "errstate") else _Null()


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


# ---------------------------------------------------------------- hardtanh, relu6


@op("hardtanh", grad_fn="HardtanhBackward0", promote=DEFAULT, function=False, method=False)
def _hardtanh(xp, input, *, min_val, max_val):
    if input.dtype.kind in "iu":
        min_val, max_val = int(min_val), int(max_val)
    return xp.minimum(xp.maximum(input, min_val), max_val).astype(input.dtype, copy=False)


@_hardtanh.backward
def _(grad, *, needs, self, min_val, max_val):
    return grad * ((self > min_val) & (self < max_val))


def _check_clampable(input, name):
    if input.dtype.name == "bool":
        raise RuntimeError(f"Bool inputs not supported for {name}")
    if input.dtype.is_complex:
        raise NotImplementedError("clamp is not supported for complex types")


@public(function=False, functional=True)
def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    """Same as `torch.nn.functional.hardtanh`: input clamped to [min_val, max_val]."""
    if min_val > max_val:
        raise ValueError("min_val cannot be greater than max_val")
    _check_clampable(input, "hardtanh")
    return _run("hardtanh", input, {"min_val": min_val, "max_val": max_val}, inplace)


@public(function=False, functional=True)
def hardtanh_(input, min_val=-1.0, max_val=1.0):
    """Same as `torch.nn.functional.hardtanh_`."""
    return hardtanh(input, min_val, max_val, inplace=True)


@public(function=False, functional=True)
def relu6(input, inplace=False):
    """Same as `torch.nn.functional.relu6`: hardtanh over [0, 6]."""
    _check_clampable(input, "hardtanh")
    return _run("hardtanh", input, {"min_val": 0.0, "max_val": 6.0}, inplace)


@public("relu", function=False, functional=True)
def relu_functional(input, inplace=False):
    """Same as `torch.nn.functional.relu`."""
    if input.dtype.name == "bool":
        raise RuntimeError("Boolean inputs not supported for relu")
    return input.relu_() if inplace else input.relu()


@public("relu_", functional=True)
def relu_(input):
    """Same as `torch.relu_`."""
    if input.dtype.name == "bool":
        raise RuntimeError("Boolean inputs not supported for relu")
    return input.relu_()


# ---------------------------------------------------------------- leaky_relu, rrelu


def _leaky(xp, x, slope):
    return xp.where(x > 0, x, x * slope)


@op(
    "leaky_relu",
    grad_fn="LeakyReluBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)
def _leaky_relu(xp, input, *, negative_slope):
    return _leaky(xp, input, negative_slope)


@_leaky_relu.backward
def _(grad, *, needs, self, negative_slope):
    return grad * (self > 0) + grad * (self <= 0) * negative_slope


@op(
    "leaky_relu_inplace",
    grad_fn="LeakyReluBackward1",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)
def _leaky_relu1(xp, input, *, negative_slope):
    return _leaky(xp, input, negative_slope)


@_leaky_relu1.backward
def _(grad, *, needs, result, negative_slope):
    return grad * (result > 0) + grad * (result <= 0) * negative_slope


@public(function=False, functional=True)
def leaky_relu(input, negative_slope=0.01, inplace=False):
    """Same as `torch.nn.functional.leaky_relu`."""
    float_only(input, "leaky_relu_cpu")
    name = "leaky_relu_inplace" if inplace else "leaky_relu"
    return _run(name, input, {"negative_slope": negative_slope}, inplace)


@public(function=False, functional=True)
def leaky_relu_(input, negative_slope=0.01):
    """Same as `torch.nn.functional.leaky_relu_`."""
    return leaky_relu(input, negative_slope, inplace=True)


@op(
    "rrelu",
    grad_fn="RreluWithNoiseBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)
def _rrelu(xp, input, *, lower, upper):
    return _leaky(xp, input, (lower + upper) / 2)


@_rrelu.backward
def _(grad, *, needs, self, lower, upper):
    return grad * (self > 0) + grad * (self <= 0) * ((lower + upper) / 2)


@op(
    "rrelu_inplace",
    grad_fn="RreluWithNoiseBackward1",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)
def _rrelu1(xp, input, *, lower, upper):
    return _leaky(xp, input, (lower + upper) / 2)


@_rrelu1.backward
def _(grad, *, needs, result, lower, upper):
    return grad * (result > 0) + grad * (result <= 0) * ((lower + upper) / 2)


@public(functional=True)
def rrelu(input, lower=1.0 / 8, upper=1.0 / 3, training=False, inplace=False):
    """Same as `torch.nn.functional.rrelu`: in training, a random slope in [lower, upper] per
    element <= 0, drawn from torch's generator in torch's order; else the slope (lower + upper) / 2.
    """
    if lower > upper:
        raise RuntimeError("Lower bound should be less than or equal to the upper bound")
    if training:
        from numtorch._ops.nn_rrelu import rrelu_train

        return rrelu_train(input, lower, upper, inplace, None)
    float_only(input, "leaky_relu_cpu")
    name = "rrelu_inplace" if inplace else "rrelu"
    return _run(name, input, {"lower": lower, "upper": upper}, inplace)


@public(functional=True)
def rrelu_(input, lower=1.0 / 8, upper=1.0 / 3, training=False):
    """Same as `torch.nn.functional.rrelu_`."""
    return rrelu(input, lower, upper, training, inplace=True)


# ---------------------------------------------------------------- elu, selu, celu


def _elu(xp, x, alpha, scale, input_scale):
    with _ignore_overflow(xp):
        negative = xp.expm1(xp.minimum(x, 0) * input_scale) * (alpha * scale)
    return xp.where(x > 0, x * scale, negative)


def _elu_params(alpha, scale=1.0, input_scale=1.0):
    return {"alpha": alpha, "scale": scale, "input_scale": input_scale}


def _declare_elu(name, grad_fn, from_result):
    @op(name, grad_fn=grad_fn, promote=DEFAULT, opmath=True, function=False, method=False)
    def forward(xp, input, *, alpha, scale, input_scale):
        return _elu(xp, input, alpha, scale, input_scale)

    if from_result:

        @forward.backward
        def _(grad, *, needs, result, alpha, scale, input_scale):
            negative = grad * input_scale * (result + alpha * scale)
            return (grad * scale).where(result > 0, negative)

    else:

        @forward.backward
        def _(grad, *, needs, self, alpha, scale, input_scale):
            negative = grad * (input_scale * scale * alpha) * (self * input_scale).exp()
            return (grad * scale).where(self > 0, negative)


_declare_elu("elu", "EluBackward0", False)
_declare_elu("elu_inplace", "EluBackward1", True)
_declare_elu("celu", "CeluBackward0", False)
_declare_elu("celu_inplace", "CeluBackward1", True)


@public(function=False, functional=True)
def elu(input, alpha=1.0, inplace=False):
    """Same as `torch.nn.functional.elu`."""
    float_only(input, "elu_cpu")
    return _run("elu_inplace" if inplace else "elu", input, _elu_params(alpha), inplace)


@public(function=False, functional=True)
def elu_(input, alpha=1.0):
    """Same as `torch.nn.functional.elu_`."""
    return elu(input, alpha, inplace=True)


@public(functional=True)
def selu(input, inplace=False):
    """Same as `torch.nn.functional.selu`: elu with torch's fixed alpha and scale."""
    float_only(input, "elu_cpu")
    params = _elu_params(SELU_ALPHA, SELU_SCALE)
    return _run("elu_inplace" if inplace else "elu", input, params, inplace)


@public(functional=True)
def selu_(input):
    """Same as `torch.selu_`."""
    return selu(input, inplace=True)


@public(functional=True)
def celu(input, alpha=1.0, inplace=False):
    """Same as `torch.nn.functional.celu`: elu with input_scale 1 / alpha."""
    if alpha == 0:
        raise RuntimeError("ZeroDivisionError: alpha cannot be 0 for CELU")
    float_only(input, "elu_cpu")
    params = _elu_params(alpha, 1.0, 1.0 / alpha)
    return _run("celu_inplace" if inplace else "celu", input, params, inplace)


@public(functional=True)
def celu_(input, alpha=1.0):
    """Same as `torch.celu_`."""
    return celu(input, alpha, inplace=True)


# ---------------------------------------------------------------- gelu, silu, mish, softplus

_SQRT_2_OVER_PI = math.sqrt(2 / math.pi)
_GELU_CUBIC = 0.044715


@op("gelu", grad_fn="GeluBackward0", promote=DEFAULT, opmath=True, function=False, method=False)
def _gelu(xp, input, *, approximate):
    if approximate == "tanh":
        inner = _SQRT_2_OVER_PI * (input + _GELU_CUBIC * input * input * input)
        return 0.5 * input * (1 + xp.tanh(inner))
    from numtorch._ops.unary_special import _erf_erfc

    erf = _erf_erfc(xp, input.astype("float64") * math.sqrt(0.5))[0].astype(input.dtype)
    return 0.5 * input * (1 + erf)


@_gelu.backward
def _(grad, *, needs, self, approximate):
    if approximate == "tanh":
        x_sq = self * self
        t = (_SQRT_2_OVER_PI * (self + _GELU_CUBIC * x_sq * self)).tanh()
        d_inner = _SQRT_2_OVER_PI * (1 + 3 * _GELU_CUBIC * x_sq)
        return grad * (0.5 * (1 + t) + 0.5 * self * (1 - t * t) * d_inner)
    cdf = 0.5 * (1 + (self * math.sqrt(0.5)).erf())
    pdf = (self * self * -0.5).exp() * (1 / math.sqrt(2 * math.pi))
    return grad * (cdf + self * pdf)


@public(function=False, functional=True)
def gelu(input, approximate="none"):
    """Same as `torch.nn.functional.gelu` (approximate='none' or 'tanh')."""
    if approximate not in ("none", "tanh"):
        raise RuntimeError("approximate argument must be either none or tanh.")
    float_only(input, "GeluKernelImpl")
    return _run("gelu", input, {"approximate": approximate})


def _sigmoid(xp, x):
    with _ignore_overflow(xp):
        e = xp.exp(-xp.abs(x))
    return xp.where(x >= 0, 1 / (1 + e), e / (1 + e))


@op("silu", grad_fn="SiluBackward0", promote=DEFAULT, opmath=True, function=False, method=False)
def _silu(xp, input):
    if input.dtype.kind == "c":
        return input / (1 + xp.exp(-input))
    return input * _sigmoid(xp, input)


@_silu.backward
def _(grad, *, needs, self):
    s = self.sigmoid()
    return grad * s * (1 + self * (1 - s))


@public(function=False, functional=True)
def silu(input, inplace=False):
    """Same as `torch.nn.functional.silu`: input * sigmoid(input)."""
    if not input.dtype.is_complex:
        float_only(input, "silu_cpu")
    return _run("silu", input, {}, inplace)


def _softplus(xp, x, beta, threshold):
    bx = x * beta
    with _ignore_overflow(xp):
        soft = xp.logaddexp(0, bx) / beta
    return xp.where(bx > threshold, x, soft)


@op("mish", grad_fn="MishBackward0", promote=DEFAULT, opmath=True, function=False, method=False)
def _mish(xp, input):
    return input * xp.tanh(_softplus(xp, input, 1.0, 20.0))


@_mish.backward
def _(grad, *, needs, self):
    t = _run("softplus", self, {"beta": 1.0, "threshold": 20.0}).tanh()
    return grad * (t + self * self.sigmoid() * (1 - t * t))


@public(function=False, functional=True)
def mish(input, inplace=False):
    """Same as `torch.nn.functional.mish`: input * tanh(softplus(input))."""
    float_only(input, "mish_cpu")
    return _run("mish", input, {}, inplace)


@op(
    "softplus",
    grad_fn="SoftplusBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)
def _softplus_op(xp, input, *, beta, threshold):
    return _softplus(xp, input, beta, threshold)


@_softplus_op.backward
def _(grad, *, needs, self, beta, threshold):
    scaled = self * beta
    return grad.where(scaled > threshold, grad * scaled.sigmoid())


@public(function=False, functional=True)
def softplus(input, beta=1.0, threshold=20.0):
    """Same as `torch.nn.functional.softplus`: log(1 + exp(beta x)) / beta, x past threshold."""
    float_only(input, "softplus_cpu")
    return _run("softplus", input, {"beta": beta, "threshold": threshold})


@public(function=False, functional=True)
def softsign(input):
    """Same as `torch.nn.functional.softsign`: input / (|input| + 1)."""
    return input / (input.abs() + 1)


@public(function=False, functional=True)
def tanhshrink(input):
    """Same as `torch.nn.functional.tanhshrink`: input - tanh(input)."""
    return input - input.tanh()


# ---------------------------------------------------------------- hard* and shrinks


@op(
    "hardsigmoid",
    grad_fn="HardsigmoidBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)
def _hardsigmoid(xp, input):
    return xp.minimum(xp.maximum(input + 3, 0), 6) / 6


@_hardsigmoid.backward
def _(grad, *, needs, self):
    return grad * ((self > -3) & (self < 3)) * (1 / 6)


@public(function=False, functional=True)
def hardsigmoid(input, inplace=False):
    """Same as `torch.nn.functional.hardsigmoid`: relu6(x + 3) / 6."""
    float_only(input, "hardsigmoid_cpu")
    return _run("hardsigmoid", input, {}, inplace)


@op(
    "hardswish",
    grad_fn="HardswishBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)
def _hardswish(xp, input):
    return input * xp.minimum(xp.maximum(input + 3, 0), 6) / 6


@_hardswish.backward
def _(grad, *, needs, self):
    middle = grad * (self / 3 + 0.5)
    return grad.where(self > 3, middle.where(self >= -3, grad * 0))


@public(function=False, functional=True)
def hardswish(input, inplace=False):
    """Same as `torch.nn.functional.hardswish`: x * relu6(x + 3) / 6."""
    float_only(input, "hardswish_cpu")
    return _run("hardswish", input, {}, inplace)


@op("hardshrink", grad_fn="HardshrinkBackward0", promote=DEFAULT, opmath=True, function=False)
def _hardshrink(xp, input, *, lambd):
    return xp.where((input >= -lambd) & (input <= lambd), 0, input)


@_hardshrink.backward
def _(grad, *, needs, self, lambd):
    return grad * ((self < -lambd) | (self > lambd))


@public(method=True, functional=True)
def hardshrink(input, lambd=0.5):
    """Same as `torch.nn.functional.hardshrink`: 0 on [-lambd, lambd], x elsewhere."""
    float_only(input, "hardshrink_cpu")
    return _run("hardshrink", input, {"lambd": lambd})


@op(
    "softshrink",
    grad_fn="SoftshrinkBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)
def _softshrink(xp, input, *, lambd):
    return xp.where(input > lambd, input - lambd, xp.where(input < -lambd, input + lambd, 0))


@_softshrink.backward
def _(grad, *, needs, self, lambd):
    return grad * ((self < -lambd) | (self > lambd))


@public(function=False, functional=True)
def softshrink(input, lambd=0.5):
    """Same as `torch.nn.functional.softshrink`: x shrunk toward 0 by lambd."""
    float_only(input, "softshrink_check")
    if lambd < 0:
        raise RuntimeError(
            "lambda must be in range [0, 3.40282e+38] for input dtype "
            f"{type_name(input.dtype)}, but found {lambd:g}"
        )
    return _run("softshrink", input, {"lambd": lambd})


@op(
    "log_sigmoid",
    grad_fn="LogSigmoidBackward0",
    promote=DEFAULT,
    opmath=True,
    function=False,
    method=False,
)
def _log_sigmoid(xp, input):
    with _ignore_overflow(xp):
        return -xp.logaddexp(0, -input)


@_log_sigmoid.backward
def _(grad, *, needs, self):
    return grad * (-self).sigmoid()


@public(function=False, functional=True)
def logsigmoid(input):
    """Same as `torch.nn.functional.logsigmoid`: log(sigmoid(x)), finite for large |x|."""
    float_only(input, "log_sigmoid_cpu")
    return _run("log_sigmoid", input, {})
