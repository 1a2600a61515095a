"""numtorch: PyTorch's tensor, autograd and training API on NumPy.

`import numtorch as torch` and PyTorch code runs with PyTorch's results and printed output.
"""

from numtorch import (
    _dtype,
    _ops,
    accelerator,
    autograd,
    cuda,
    random,
    version,
)
from numtorch._creation import (
    arange,
    as_tensor,
    asarray,
    empty,
    empty_like,
    empty_strided,
    eye,
    from_numpy,
    full,
    full_like,
    linspace,
    logspace,
    ones,
    ones_like,
    scalar_tensor,
    tensor,
    zeros,
    zeros_like,
)
from numtorch._device import device
from numtorch._dtype import (
    bfloat16,
    bool,
    can_cast,
    cdouble,
    cfloat,
    chalf,
    complex32,
    complex64,
    complex128,
    double,
    dtype,
    finfo,
    float,
    float16,
    float32,
    float64,
    get_default_dtype,
    half,
    iinfo,
    int,
    int8,
    int16,
    int32,
    int64,
    long,
    promote_types,
    set_default_dtype,
    short,
    uint8,
)
from numtorch._lazy import module_getattr as _module_getattr
from numtorch._legacy_types import LEGACY_TYPES as _LEGACY_TYPES
from numtorch._memory_format import (
    channels_last,
    channels_last_3d,
    contiguous_format,
    memory_format,
    preserve_format,
)
from numtorch._ops.registry import FUNCTIONS, METHODS, save_compiled
from numtorch._random import (
    Generator,
    default_generator,
    initial_seed,
    manual_seed,
    rand,
    rand_like,
    randint,
    randint_like,
    randn,
    randn_like,
    randperm,
    seed,
)
from numtorch._size import Size
from numtorch._tensor import Tensor, is_tensor
from numtorch._tensor_str import get_printoptions, set_printoptions
from numtorch._torch_misc import get_default_device, is_nonzero, set_default_device, typename
from numtorch.autograd import (
    enable_grad,
    inference_mode,
    is_grad_enabled,
    is_inference_mode_enabled,
    no_grad,
    set_grad_enabled,
)
from numtorch.autograd.anomaly_mode import (
    is_anomaly_check_nan_enabled,
    is_anomaly_enabled,
    set_anomaly_enabled,
)
from numtorch.version import __version__

globals().update(FUNCTIONS)
globals().update(_LEGACY_TYPES)
for _name, _method in METHODS.items():
    setattr(Tensor, _name, _method)
del _name, _method
save_compiled()  # the public callables' code, for the next import (as a .pyc)

# nn, optim, utils, serialization (save, load), special, linalg, testing, viz, return_types:
# on first use
__getattr__, __dir__ = _module_getattr(globals(), FUNCTIONS)


def result_type(tensor1, tensor2):
    """Same as `torch.result_type`."""
    from numtorch._ops.registry import result_dtype

    return result_dtype((tensor1, tensor2))


def is_floating_point(input):
    """Same as `torch.is_floating_point`."""
    return input.dtype.is_floating_point


def is_complex(input):
    """Same as `torch.is_complex`."""
    return input.dtype.is_complex


def numel(input):
    """Same as `torch.numel`."""
    return input.numel()


class layout:
    """Same as `torch.layout`."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "torch." + self.name


strided = layout("strided")
