"""softmax, log_softmax and softmin (torch.<name>, Tensor.<name> and nn.functional.<name>)."""

import warnings

from numtorch._errors import type_name, wrap_dim
from numtorch._ops.cascade_sum import torch_order_sum
from numtorch._ops.registry import DEFAULT, REGISTRY, apply, op, public

# log(0) and inf - inf are silent in torch: a warnings filter costs nothing per call (it is
# consulted only when NumPy warns), unlike an errstate block around each forward
warnings.filterwarnings("ignore", category=RuntimeWarning, module=r"numtorch\._ops\.nn_softmax$")


def _softmax_forward(xp, input, dim, log):
    if input.ndim == 0:
        return xp.zeros_like(input) if log else xp.ones_like(input)
    # torch writes the result contiguously whatever the input's layout
    return xp.ascontiguousarray(_softmax_stable(xp, input, dim, log))


def _softmax_stable(xp, input, dim, log):
    # array methods rather than xp.max/xp.sum: the same reductions without the wrapper's cost
    if not input.size:
        return input.astype(xp.float32) if input.dtype.kind in "biu" else input.copy()
    shifted = input - input.max(axis=dim, keepdims=True)
    e = xp.exp(shifted)
    if log:
        shifted -= xp.log(e.sum(axis=dim, keepdims=True))
        return shifted
    e /= e.sum(axis=dim, keepdims=True)
    return e


@op("softmax", grad_fn="SoftmaxBackward0", promote=DEFAULT, opmath=True, function=False)
def _softmax(xp, input, *, dim):
    return _softmax_forward(xp, input, dim, False)


@_softmax.backward
def _(grad, *, needs, result, dim):
    if result.dim() == 0:
        return grad * 0
    return result * (grad - (grad * result).sum(dim, keepdim=True))


@_softmax.raw_backward
def _(xp, grad, *, needs, result, dim):
    if result.ndim == 0:
        return grad * 0
    out = grad * result
    out = grad - torch_order_sum(xp, out, (dim,), keepdims=True)
    out *= result
    return out


@op("log_softmax", grad_fn="LogSoftmaxBackward0", promote=DEFAULT, opmath=True, function=False)
def _log_softmax(xp, input, *, dim):
    return _softmax_forward(xp, input, dim, True)


@_log_softmax.backward
def _(grad, *, needs, result, dim):
    if result.dim() == 0:
        return grad * 0
    return grad - result.exp() * grad.sum(dim, keepdim=True)


@_log_softmax.raw_backward
def _(xp, grad, *, needs, result, dim):
    if result.ndim == 0:
        return grad * 0
    out = xp.exp(result)
    out *= torch_order_sum(xp, grad, (dim,), keepdims=True)
    return xp.subtract(grad, out, out=out)


def _run(name, input, dim, dtype):
    if dtype is not None:
        input = input.to(dtype)
    d = wrap_dim(dim, input.dim())
    if input.numel() and not input.dtype.is_floating_point:
        last = "lastdim_" if d == max(input.dim() - 1, 0) else ""
        raise NotImplementedError(
            f"\"{name}_{last}kernel_impl\" not implemented for '{type_name(input.dtype)}'"
        )
    return apply(REGISTRY[name], (input,), {"dim": d})


def _implicit_dim(name, ndim):
    warnings.warn(
        f"Implicit dimension choice for {name} has been deprecated. "
        "Change the call to include dim=X as an argument.",
        UserWarning,
        stacklevel=3,
    )
    return 0 if ndim in (0, 1, 3) else 1


@public(method=True)
def softmax(input, dim=None, dtype=None):
    """Same as `torch.softmax`: exp(x) / sum(exp(x)) along dim, computed as dtype if given."""
    if dim is None:
        raise TypeError('softmax() missing 1 required positional arguments: "dim"')
    return _run("softmax", input, dim, dtype)


@public(method=True)
def log_softmax(input, dim=None, dtype=None):
    """Same as `torch.log_softmax`: x - logsumexp(x) along dim."""
    if dim is None:
        raise TypeError('log_softmax() missing 1 required positional arguments: "dim"')
    return _run("log_softmax", input, dim, dtype)


@public("softmax", function=False, functional=True)
def softmax_functional(input, dim=None, _stacklevel=3, dtype=None):
    """Same as `torch.nn.functional.softmax` (no dim: torch's deprecated implicit choice)."""
    if dim is None:
        dim = _implicit_dim("softmax", input.dim())
    return _run("softmax", input, dim, dtype)


@public("log_softmax", function=False, functional=True)
def log_softmax_functional(input, dim=None, _stacklevel=3, dtype=None):
    """Same as `torch.nn.functional.log_softmax`."""
    if dim is None:
        dim = _implicit_dim("log_softmax", input.dim())
    return _run("log_softmax", input, dim, dtype)


@public(function=False, functional=True)
def softmin(input, dim=None, _stacklevel=3, dtype=None):
    """Same as `torch.nn.functional.softmin`: softmax(-input)."""
    if dim is None:
        dim = _implicit_dim("softmin", input.dim())
    return _run("softmax", -input, dim, dtype)
