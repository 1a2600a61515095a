"""Adadelta (torch.optim.Adadelta): rho, weight decay, maximize."""

from numtorch.optim._shared import check_non_negative, init_states, restore_state
from numtorch.optim.adam import _check_capturable, _real_views
from numtorch.optim.optimizer import (
    Optimizer,
    _check_lr,
    _to_scalar,
    _use_grad_for_differentiable,
)

__all__ = ["Adadelta", "adadelta"]

_CAPTURABLE_DEVICES = ["cuda", "xpu", "hpu", "privateuseone"]


class Adadelta(Optimizer):
    """Same as `torch.optim.Adadelta`."""

    def __init__(
        self,
        params,
        lr=1.0,
        rho=0.9,
        eps=1e-6,
        weight_decay=0,
        foreach=None,
        *,
        capturable=False,
        maximize=False,
        differentiable=False,
    ):
        _check_lr(lr)
        if not 0.0 <= rho <= 1.0:
            raise ValueError(f"Invalid rho value: {rho}")
        check_non_negative(epsilon=eps, weight_decay=weight_decay)
        defaults = {
            "lr": lr,
            "rho": rho,
            "eps": eps,
            "weight_decay": weight_decay,
            "maximize": maximize,
            "capturable": capturable,
            "foreach": foreach,
            "differentiable": differentiable,
        }
        super().__init__(params, defaults)

    def __setstate__(self, state):
        restore_state(
            self, state, foreach=None, maximize=False, differentiable=False, capturable=False
        )

    @_use_grad_for_differentiable
    def step(self, closure=None):
        """Performs one optimization step; `closure` re-evaluates the model and returns the loss."""
        loss = self._run_closure(closure)
        for group in self.param_groups:
            params = self._params_with_grad(group, "Adadelta")
            states = init_states(self, params, "square_avg", "acc_delta")
            adadelta(
                params,
                [p.grad for p in params],
                [s["square_avg"] for s in states],
                [s["acc_delta"] for s in states],
                [s["step"] for s in states],
                lr=group["lr"],
                rho=group["rho"],
                eps=group["eps"],
                weight_decay=group["weight_decay"],
                maximize=group["maximize"],
                differentiable=group["differentiable"],
                capturable=group["capturable"],
            )
        return loss


def adadelta(
    params,
    grads,
    square_avgs,
    acc_deltas,
    state_steps,
    *,
    lr,
    rho,
    eps,
    weight_decay,
    maximize=False,
    differentiable=False,
    capturable=False,
    **_unused,
):
    """Same as `torch.optim.adadelta.adadelta`: the for-loop update, in torch's operation order."""
    if capturable:
        for p, step in zip(params, state_steps):
            _check_capturable(p, step, _CAPTURABLE_DEVICES)
    lr = _to_scalar(lr)
    for param, grad, square_avg, acc_delta, step in zip(
        params, grads, square_avgs, acc_deltas, state_steps
    ):
        step += 1
        grad = grad if not maximize else -grad
        if weight_decay != 0:
            grad = grad.add(param, alpha=weight_decay)
        is_complex = param.is_complex()
        param, grad, square_avg, acc_delta = _real_views(param, grad, square_avg, acc_delta)
        square_avg.mul_(rho).addcmul_(grad, grad, value=1 - rho)
        std = square_avg.add(eps).sqrt_()
        delta = acc_delta.add(eps).sqrt_()
        if differentiable:
            delta = delta.clone()
        delta.div_(std).mul_(grad)
        acc_delta.mul_(rho).addcmul_(delta, delta, value=1 - rho)
        if is_complex:
            delta = delta.view_as_complex()
            param = param.view_as_complex()
        param.add_(delta, alpha=-lr)
