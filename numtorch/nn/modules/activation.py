"""The activation modules of torch.nn (ReLU, GELU, Softmax, PReLU, ...): each holds its options
and calls the functional form in numtorch.nn.functional. MultiheadAttention lives elsewhere."""

from numtorch.nn import functional as F
from numtorch.nn.modules.module import Module

__all__ = [
    "CELU",
    "ELU",
    "GELU",
    "GLU",
    "Hardshrink",
    "Hardsigmoid",
    "Hardswish",
    "Hardtanh",
    "LeakyReLU",
    "LogSigmoid",
    "LogSoftmax",
    "Mish",
    "PReLU",
    "ReLU",
    "ReLU6",
    "RReLU",
    "SELU",
    "SiLU",
    "Sigmoid",
    "Softmax",
    "Softmax2d",
    "Softmin",
    "Softplus",
    "Softshrink",
    "Softsign",
    "Tanh",
    "Tanhshrink",
    "Threshold",
]


def _inplace_only(inplace):
    return "inplace=True" if inplace else ""


def _and_inplace(inplace):
    return ", inplace=True" if inplace else ""


class Threshold(Module):
    """Same as `torch.nn.Threshold`: x where x > threshold, else value."""

    __constants__ = ["threshold", "value", "inplace"]

    def __init__(self, threshold, value, inplace=False):
        super().__init__()
        self.threshold = threshold
        self.value = value
        self.inplace = inplace

    def forward(self, input):
        return F.threshold(input, self.threshold, self.value, self.inplace)

    def extra_repr(self):
        return f"threshold={self.threshold}, value={self.value}{_and_inplace(self.inplace)}"


class _InplaceOnly(Module):
    """An activation whose one option is `inplace`."""

    __constants__ = ["inplace"]
    _function = None

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return getattr(F, self._function)(input, inplace=self.inplace)

    def extra_repr(self):
        return _inplace_only(self.inplace)


class ReLU(_InplaceOnly):
    """Same as `torch.nn.ReLU`: max(0, x)."""

    _function = "relu"


class SELU(_InplaceOnly):
    """Same as `torch.nn.SELU`."""

    _function = "selu"


class SiLU(_InplaceOnly):
    """Same as `torch.nn.SiLU`: x * sigmoid(x)."""

    _function = "silu"


class Mish(_InplaceOnly):
    """Same as `torch.nn.Mish`: x * tanh(softplus(x))."""

    _function = "mish"


class Hardsigmoid(_InplaceOnly):
    """Same as `torch.nn.Hardsigmoid` (no extra_repr, as in torch)."""

    _function = "hardsigmoid"

    def extra_repr(self):
        return ""


class Hardswish(_InplaceOnly):
    """Same as `torch.nn.Hardswish` (no extra_repr, as in torch)."""

    _function = "hardswish"

    def extra_repr(self):
        return ""


class RReLU(Module):
    """Same as `torch.nn.RReLU`: random negative slopes in training (torch's stream), their mean
    in evaluation."""

    __constants__ = ["lower", "upper", "inplace"]

    def __init__(self, lower=1.0 / 8, upper=1.0 / 3, inplace=False):
        super().__init__()
        self.lower = lower
        self.upper = upper
        self.inplace = inplace

    def forward(self, input):
        return F.rrelu(input, self.lower, self.upper, self.training, self.inplace)

    def extra_repr(self):
        return f"lower={self.lower}, upper={self.upper}{_and_inplace(self.inplace)}"


class Hardtanh(Module):
    """Same as `torch.nn.Hardtanh`: x clamped to [min_val, max_val]."""

    __constants__ = ["min_val", "max_val", "inplace"]

    def __init__(self, min_val=-1.0, max_val=1.0, inplace=False):
        super().__init__()
        self.min_val = min_val
        self.max_val = max_val
        self.inplace = inplace
        assert self.max_val > self.min_val

    def forward(self, input):
        return F.hardtanh(input, self.min_val, self.max_val, self.inplace)

    def extra_repr(self):
        return f"min_val={self.min_val}, max_val={self.max_val}{_and_inplace(self.inplace)}"


class ReLU6(Hardtanh):
    """Same as `torch.nn.ReLU6`: hardtanh over [0, 6]."""

    def __init__(self, inplace=False):
        super().__init__(0.0, 6.0, inplace)

    def extra_repr(self):
        return _inplace_only(self.inplace)


class Sigmoid(Module):
    """Same as `torch.nn.Sigmoid`."""

    def forward(self, input):
        return input.sigmoid()


class Tanh(Module):
    """Same as `torch.nn.Tanh`."""

    def forward(self, input):
        return input.tanh()


class _AlphaActivation(Module):
    __constants__ = ["alpha", "inplace"]

    def __init__(self, alpha=1.0, inplace=False):
        super().__init__()
        self.alpha = alpha
        self.inplace = inplace

    def extra_repr(self):
        return f"alpha={self.alpha}{_and_inplace(self.inplace)}"


class ELU(_AlphaActivation):
    """Same as `torch.nn.ELU`."""

    def forward(self, input):
        return F.elu(input, self.alpha, self.inplace)


class CELU(_AlphaActivation):
    """Same as `torch.nn.CELU`."""

    def forward(self, input):
        return F.celu(input, self.alpha, self.inplace)


class GLU(Module):
    """Same as `torch.nn.GLU`: first half * sigmoid(second half) along dim."""

    __constants__ = ["dim"]

    def __init__(self, dim=-1):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return F.glu(input, self.dim)

    def extra_repr(self):
        return f"dim={self.dim}"


class GELU(Module):
    """Same as `torch.nn.GELU` (approximate='none' or 'tanh')."""

    __constants__ = ["approximate"]

    def __init__(self, approximate="none"):
        super().__init__()
        self.approximate = approximate

    def forward(self, input):
        return F.gelu(input, approximate=self.approximate)

    def extra_repr(self):
        return f"approximate={self.approximate!r}"


class _Shrink(Module):
    __constants__ = ["lambd"]

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = lambd

    def extra_repr(self):
        return str(self.lambd)


class Hardshrink(_Shrink):
    """Same as `torch.nn.Hardshrink`."""

    def forward(self, input):
        return F.hardshrink(input, self.lambd)


class Softshrink(_Shrink):
    """Same as `torch.nn.Softshrink`."""

    def forward(self, input):
        return F.softshrink(input, self.lambd)


class LeakyReLU(Module):
    """Same as `torch.nn.LeakyReLU`."""

    __constants__ = ["inplace", "negative_slope"]

    def __init__(self, negative_slope=1e-2, inplace=False):
        super().__init__()
        self.negative_slope = negative_slope
        self.inplace = inplace

    def forward(self, input):
        return F.leaky_relu(input, self.negative_slope, self.inplace)

    def extra_repr(self):
        return f"negative_slope={self.negative_slope}{_and_inplace(self.inplace)}"


class LogSigmoid(Module):
    """Same as `torch.nn.LogSigmoid`."""

    def forward(self, input):
        return F.logsigmoid(input)


class Softplus(Module):
    """Same as `torch.nn.Softplus`."""

    __constants__ = ["beta", "threshold"]

    def __init__(self, beta=1.0, threshold=20.0):
        super().__init__()
        self.beta = beta
        self.threshold = threshold

    def forward(self, input):
        return F.softplus(input, self.beta, self.threshold)

    def extra_repr(self):
        return f"beta={self.beta}, threshold={self.threshold}"


class PReLU(Module):
    """Same as `torch.nn.PReLU`: a learnt negative slope, one or one per channel."""

    __constants__ = ["num_parameters"]

    def __init__(self, num_parameters=1, init=0.25, device=None, dtype=None):
        from numtorch import empty
        from numtorch.nn.parameter import Parameter

        self.num_parameters = num_parameters
        super().__init__()
        self.init = init
        self.weight = Parameter(empty(num_parameters, device=device, dtype=dtype))
        self.reset_parameters()

    def reset_parameters(self):
        from numtorch.nn import init

        init.constant_(self.weight, self.init)

    def forward(self, input):
        return F.prelu(input, self.weight)

    def extra_repr(self):
        return f"num_parameters={self.num_parameters}"


class Softsign(Module):
    """Same as `torch.nn.Softsign`."""

    def forward(self, input):
        return F.softsign(input)


class Tanhshrink(Module):
    """Same as `torch.nn.Tanhshrink`."""

    def forward(self, input):
        return F.tanhshrink(input)


class _SoftmaxFamily(Module):
    __constants__ = ["dim"]
    _function = None

    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return getattr(F, self._function)(input, self.dim, _stacklevel=5)

    def extra_repr(self):
        return f"dim={self.dim}"


class Softmin(_SoftmaxFamily):
    """Same as `torch.nn.Softmin`."""

    _function = "softmin"


class Softmax(_SoftmaxFamily):
    """Same as `torch.nn.Softmax`."""

    _function = "softmax"


class LogSoftmax(_SoftmaxFamily):
    """Same as `torch.nn.LogSoftmax`."""

    _function = "log_softmax"


class Softmax2d(Module):
    """Same as `torch.nn.Softmax2d`: softmax over the channel dim of (C, H, W) or (N, C, H, W)."""

    def forward(self, input):
        if input.dim() not in (3, 4):
            raise ValueError(
                f"Softmax2d: expected input to be 3D or 4D, got {input.dim()}D instead"
            )
        return F.softmax(input, -3, _stacklevel=5)
