"""quantile and nanquantile, composed as torch composes them (sort, gather, lerp, then in-place
reshapes), so that the graph ends in the grad_fns torch shows."""

from numtorch import _dtype
from numtorch._errors import wrap_dim
from numtorch._ops.registry import op, public
from numtorch._tensor import Tensor

_MODES = ("linear", "lower", "higher", "midpoint", "nearest")


# torch finishes with unsqueeze_/transpose_/squeeze_ on the result of lerp_ or gather; these are
# those in-place reshapes as out-of-place ops with the in-place grad_fn names.


@op("quantile_squeeze_", grad_fn="SqueezeBackward4", function=False, method=False, out=False)
def _squeeze_last(xp, input):
    return input.reshape(input.shape[:-1])


@_squeeze_last.backward
def _(grad, *, needs):
    return grad.unsqueeze(-1)


@op("quantile_unsqueeze_", grad_fn="UnsqueezeBackward1", function=False, method=False, out=False)
def _unsqueeze_first(xp, input):
    return input.reshape((1,) + input.shape)


@_unsqueeze_first.backward
def _(grad, *, needs):
    return grad.squeeze(0)


@op("quantile_transpose_", grad_fn="TransposeBackward1", function=False, method=False, out=False)
def _swap_first_last(xp, input):
    return xp.swapaxes(input, 0, -1)


@_swap_first_last.backward
def _(grad, *, needs):
    return grad.transpose(0, -1)


def _output_shape(input, q, dim, keepdim):
    if dim is not None and input.dim() > 0:
        shape = list(input.shape)
        if keepdim:
            shape[dim] = 1
        else:
            del shape[dim]
    elif keepdim:
        shape = [1] * input.dim()
    else:
        shape = []
    return shape


def _quantile(name, input, q, dim, keepdim, interpolation, ignore_nan, out):
    from numtorch import scalar_tensor

    if not isinstance(q, Tensor):
        q = float(q)
        if not 0 <= q <= 1:
            raise RuntimeError(f"quantile() q must be in the range [0, 1] but got {q:g}")
        q = scalar_tensor(q, dtype=input.dtype, device=input.device)
    if interpolation not in _MODES:
        raise RuntimeError(
            "quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, "
            f"but got {interpolation}"
        )
    if input.numel() == 0:
        raise RuntimeError("quantile() input tensor must be non-empty")
    if q.dim() > 1:
        raise RuntimeError("quantile() q must be a scalar or 1D tensor")
    if input.dtype not in (_dtype.float32, _dtype.float64):
        raise RuntimeError("quantile() input tensor must be either float or double dtype")
    if q.dtype is not input.dtype:
        raise RuntimeError("quantile() q tensor must be same dtype as the input tensor")
    if dim is not None:
        if not isinstance(dim, int):
            raise TypeError(f"{name}(): argument 'dim' must be int, not {type(dim).__name__}")
        dim = wrap_dim(dim, input.dim())
    result = _compute(input, q, dim, keepdim, interpolation, ignore_nan)
    if out is not None:
        from numtorch._ops.registry import _write_out

        return _write_out(out, result)
    return result


def _compute(input, q, dim, keepdim, interpolation, ignore_nan):
    from numtorch import where

    if not bool(((q >= 0) & (q <= 1)).all()):
        raise RuntimeError("quantile() q values must be in the range [0, 1]")
    shape = _output_shape(input, q, dim, keepdim)
    if dim is None:
        ordered = input.flatten().sort()[0]
    else:
        ordered = input.unsqueeze(-1).transpose(dim, -1).sort()[0]
    ordered = ordered.view(shape + [ordered.shape[-1]])
    nan = ordered.isnan()
    if ignore_nan:
        ranks = q * ((~nan).sum(-1, keepdim=True) - 1)
        ranks = where(ranks < 0, 0, ranks)
    else:
        last = ordered.shape[-1] - 1
        ranks = where(nan.any(-1, keepdim=True), float(last), q * last)
    if interpolation == "lower":
        ranks = ranks.floor()
    elif interpolation == "higher":
        ranks = ranks.ceil()
    elif interpolation == "nearest":
        ranks = ranks.round()
    below = ranks.long()
    values = ordered.gather(-1, below)
    if interpolation in ("linear", "midpoint"):
        weights = ranks - below if interpolation == "linear" else ranks * 0 + 0.5
        above = ordered.gather(-1, ranks.ceil().long())
        values = values.lerp(above, weights)
    if q.dim() == 0:
        return _squeeze_last(values)
    return _squeeze_last(_swap_first_last(_unsqueeze_first(values)))


@public(method=True)
def quantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    """Same as `torch.quantile`: the q-th quantiles over `dim` (of everything when None)."""
    return _quantile("quantile", input, q, dim, keepdim, interpolation, False, out)


@public(method=True)
def nanquantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    """Same as `torch.nanquantile`: quantile ignoring NaN (NaN where a slice is all NaN)."""
    return _quantile("nanquantile", input, q, dim, keepdim, interpolation, True, out)
