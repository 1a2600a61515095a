"""nn.functional dropout family: dropout, dropout1d/2d/3d, alpha_dropout, feature_alpha_dropout.

As torch does on the CPU: a noise tensor filled by `bernoulli_(1 - p)` (the same draws as
torch's), scaled, and multiplied in (grad_fn MulBackward0; alpha forms add an AddBackward0).
"""

import math
import warnings

from numtorch._creation import empty
from numtorch._random.factories import _empty_like
from numtorch.autograd import grad_mode

_ALPHA = 1.7580993408473766  # SELU's alpha * scale


def _check_p(p):
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")


def _apply_noise(input, p, train, feature, alpha, inplace):
    """torch's `_dropout_impl`."""
    if p == 0 or not train or input.numel() == 0:
        return input
    if p == 1:
        zero = input.new_zeros(())
        return input.mul_(zero) if inplace else input * zero
    with grad_mode.no_grad():
        if feature:
            if input.ndim < 2:
                raise RuntimeError("Feature dropout requires at least 2 dimensions in the input")
            shape = tuple(input.shape[:2]) + (1,) * (input.ndim - 2)
            noise = empty(shape, dtype=input.dtype, device=input.device)
        else:
            noise = _empty_like(input)
        noise.bernoulli_(1 - p)
        if alpha:
            a = 1.0 / math.sqrt((_ALPHA * _ALPHA * p + 1) * (1 - p))
            shift = noise.add(-1).mul_(_ALPHA * a).add_(_ALPHA * a * p)
            noise.mul_(a)
        else:
            noise.div_(1 - p)
    out = input.mul_(noise) if inplace else input * noise
    if alpha:
        out = out.add_(shift)
    return out


def dropout(input, p=0.5, training=True, inplace=False):
    """Same as `torch.nn.functional.dropout`: torch's mask under `manual_seed`."""
    _check_p(p)
    return _apply_noise(input, p, training, False, False, inplace)


def alpha_dropout(input, p=0.5, training=False, inplace=False):
    """Same as `torch.nn.functional.alpha_dropout`."""
    _check_p(p)
    return _apply_noise(input, p, training, False, True, inplace)


def feature_alpha_dropout(input, p=0.5, training=False, inplace=False):
    """Same as `torch.nn.functional.feature_alpha_dropout`."""
    _check_p(p)
    return _apply_noise(input, p, training, True, True, inplace)


def _channel_dropout(input, p, training, inplace, batched):
    if not batched:
        input = input.unsqueeze_(0) if inplace else input.unsqueeze(0)
    result = _apply_noise(input, p, training, True, False, inplace)
    if not batched:
        result = result.squeeze_(0) if inplace else result.squeeze(0)
    return result


def dropout1d(input, p=0.5, training=True, inplace=False):
    """Same as `torch.nn.functional.dropout1d`: whole channels of (N, C, L) or (C, L)."""
    _check_p(p)
    if input.ndim not in (2, 3):
        raise RuntimeError(
            f"dropout1d: Expected 2D or 3D input, but received a {input.ndim}D input. Note that "
            "dropout1d exists to provide channel-wise dropout on inputs with 1 spatial "
            "dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D "
            "inputs)."
        )
    return _channel_dropout(input, p, training, inplace, input.ndim == 3)


def dropout2d(input, p=0.5, training=True, inplace=False):
    """Same as `torch.nn.functional.dropout2d` (a 3-D input is taken as (N, C, L), as torch)."""
    _check_p(p)
    ndim = input.ndim
    if ndim not in (3, 4):
        warnings.warn(
            f"dropout2d: Received a {ndim}-D input to dropout2d, which is deprecated and will "
            "result in an error in a future release. To retain the behavior and silence this "
            "warning, please use dropout instead. Note that dropout2d exists to provide "
            "channel-wise dropout on inputs with 2 spatial dimensions, a channel dimension, "
            "and an optional batch dimension (i.e. 3D or 4D inputs).",
            stacklevel=2,
        )
    if ndim == 3:
        warnings.warn(
            "dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D "
            "dropout behavior is desired - input is interpreted as shape (N, C, L), where C is "
            "the channel dim. This behavior will change in a future release to interpret the "
            "input as one without a batch dimension, i.e. shape (C, H, W). To maintain the 1D "
            "channel-wise dropout behavior, please switch to using dropout1d instead.",
            stacklevel=2,
        )
    return _channel_dropout(input, p, training, inplace, True)


def dropout3d(input, p=0.5, training=True, inplace=False):
    """Same as `torch.nn.functional.dropout3d`: whole channels of (N, C, D, H, W) or (C, D, H, W)."""
    _check_p(p)
    ndim = input.ndim
    if ndim not in (4, 5):
        warnings.warn(
            f"dropout3d: Received a {ndim}-D input to dropout3d, which is deprecated and will "
            "result in an error in a future release. To retain the behavior and silence this "
            "warning, please use dropout instead. Note that dropout3d exists to provide "
            "channel-wise dropout on inputs with 3 spatial dimensions, a channel dimension, "
            "and an optional batch dimension (i.e. 4D or 5D inputs).",
            stacklevel=2,
        )
    return _channel_dropout(input, p, training, inplace, ndim == 5)
