"""SGD (torch.optim.SGD): momentum, dampening, Nesterov, weight decay, maximize."""

from numtorch._device import xp_for
from numtorch._tensor import Tensor
from numtorch.autograd import grad_mode
from numtorch.optim.optimizer import (
    Optimizer,
    _check_fused_foreach,
    _to_scalar,
    _use_grad_for_differentiable,
)

__all__ = ["SGD", "sgd"]


class SGD(Optimizer):
    """Same as `torch.optim.SGD`: stochastic gradient descent, optionally with momentum."""

    def __init__(
        self,
        params,
        lr=1e-3,
        momentum=0,
        dampening=0,
        weight_decay=0,
        nesterov=False,
        *,
        maximize=False,
        foreach=None,
        differentiable=False,
        fused=None,
    ):
        if isinstance(lr, Tensor) and lr.numel() != 1:
            raise ValueError("Tensor lr must be 1-element")
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = {
            "lr": lr,
            "momentum": momentum,
            "dampening": dampening,
            "weight_decay": weight_decay,
            "nesterov": nesterov,
            "maximize": maximize,
            "foreach": foreach,
            "differentiable": differentiable,
            "fused": fused,
        }
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, defaults)
        if fused:
            self._need_device_dtype_check_for_fused = True
        _check_fused_foreach(self, fused, foreach, differentiable)

    def __setstate__(self, state):
        super().__setstate__(state)
        for group in self.param_groups:
            group.setdefault("nesterov", False)
            group.setdefault("maximize", False)
            group.setdefault("foreach", None)
            group.setdefault("differentiable", False)
            group.setdefault("fused", False)

    @_use_grad_for_differentiable
    def step(self, closure=None):
        """Performs one optimization step; `closure` re-evaluates the model and returns the loss."""
        loss = self._run_closure(closure)
        for group in self.param_groups:
            params = [p for p in group["params"] if p.grad is not None]
            grads = [p.grad for p in params]
            uses_momentum = group["momentum"] != 0
            buffers = (
                [self.state[p].get("momentum_buffer") for p in params] if uses_momentum else []
            )
            sgd(
                params,
                grads,
                buffers,
                weight_decay=group["weight_decay"],
                momentum=group["momentum"],
                lr=group["lr"],
                dampening=group["dampening"],
                nesterov=group["nesterov"],
                maximize=group["maximize"],
            )
            if uses_momentum:
                for p, buf in zip(params, buffers):
                    self.state[p]["momentum_buffer"] = buf
        return loss


def sgd(
    params,
    d_p_list,
    momentum_buffer_list,
    *,
    weight_decay,
    momentum,
    lr,
    dampening,
    nesterov,
    maximize,
    **_unused,
):
    """Same as `torch.optim.sgd.sgd`: the for-loop update, in torch's operation order. New
    momentum buffers are written back into `momentum_buffer_list`."""
    lr = _to_scalar(lr)
    for i, param in enumerate(params):
        grad = d_p_list[i] if not maximize else -d_p_list[i]
        if weight_decay != 0:
            grad = grad.add(param, alpha=weight_decay)
        if momentum != 0:
            buf = momentum_buffer_list[i]
            if buf is None:
                buf = grad.detach().clone()
                momentum_buffer_list[i] = buf
            else:
                buf.mul_(momentum).add_(grad, alpha=1 - dampening)
            grad = grad.add(buf, alpha=momentum) if nesterov else buf
        if isinstance(lr, Tensor):
            if lr.requires_grad:
                param.addcmul_(grad, lr, value=-1)
            else:
                param.add_(grad, alpha=-lr.item())
        elif not _descend_in_place(param, grad, lr):
            param.add_(grad, alpha=-lr)


def _descend_in_place(param, grad, lr):
    """param -= lr * grad straight on the arrays, when that is exactly what `param.add_(grad,
    alpha=-lr)` would do with no graph to record: float32/float64 (whose opmath is their own
    type), matching dtypes, devices and shapes, grad mode off. Returns whether it did."""
    if (
        grad_mode.is_grad_enabled()
        or param.dtype.name not in _OWN_OPMATH
        or grad.dtype is not param.dtype
        or grad._device is not param._device
        or grad.requires_grad
        or type(lr) not in (float, int)
    ):
        return False
    data, step = param._data, grad._data
    if data.shape != step.shape or not data.flags.writeable:
        return False
    xp = xp_for(param._device)
    update = xp.multiply(step, -lr)
    xp.add(data, update, out=data)
    param._bump_version()
    return True


_OWN_OPMATH = ("float32", "float64")
