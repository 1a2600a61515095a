"""Adamax (torch.optim.Adamax): Adam over the infinity norm."""

from numtorch.optim._shared import check_non_negative, init_states, restore_state
from numtorch.optim.adam import _check_betas, _check_capturable, _real_views
from numtorch.optim.optimizer import (
    Optimizer,
    _check_lr,
    _get_value,
    _to_scalar,
    _use_grad_for_differentiable,
)

__all__ = ["Adamax", "adamax"]


class Adamax(Optimizer):
    """Same as `torch.optim.Adamax`."""

    def __init__(
        self,
        params,
        lr=2e-3,
        betas=(0.9, 0.999),
        eps=1e-8,
        weight_decay=0,
        foreach=None,
        *,
        maximize=False,
        differentiable=False,
        capturable=False,
    ):
        _check_lr(lr)
        check_non_negative(epsilon=eps)
        _check_betas(betas)
        check_non_negative(weight_decay=weight_decay)
        defaults = {
            "lr": lr,
            "betas": betas,
            "eps": eps,
            "weight_decay": weight_decay,
            "foreach": foreach,
            "maximize": maximize,
            "differentiable": differentiable,
            "capturable": capturable,
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
            params = self._params_with_grad(group, "Adamax")
            states = init_states(self, params, "exp_avg", "exp_inf")
            beta1, beta2 = group["betas"]
            adamax(
                params,
                [p.grad for p in params],
                [s["exp_avg"] for s in states],
                [s["exp_inf"] for s in states],
                [s["step"] for s in states],
                eps=group["eps"],
                beta1=beta1,
                beta2=beta2,
                lr=group["lr"],
                weight_decay=group["weight_decay"],
                maximize=group["maximize"],
                differentiable=group["differentiable"],
                capturable=group["capturable"],
            )
        return loss


def adamax(
    params,
    grads,
    exp_avgs,
    exp_infs,
    state_steps,
    *,
    eps,
    beta1,
    beta2,
    lr,
    weight_decay,
    maximize=False,
    differentiable=False,
    capturable=False,
    **_unused,
):
    """Same as `torch.optim.adamax.adamax`: the for-loop update, in torch's operation order."""
    lr = _to_scalar(lr)
    for i, param in enumerate(params):
        grad = grads[i] if not maximize else -grads[i]
        step_t = state_steps[i]
        if capturable:
            _check_capturable(param, step_t)
        step_t += 1
        if weight_decay != 0:
            grad = grad.add(param, alpha=weight_decay)
        param, grad, exp_avg, exp_inf = _real_views(param, grad, exp_avgs[i], exp_infs[i])
        exp_avg.lerp_(grad, 1 - beta1)
        exp_inf.mul_(beta2)
        exp_inf.copy_(exp_inf.maximum(grad.abs().add_(eps)))
        clr = lr / (1 - beta1 ** _get_value(step_t))
        param.addcdiv_(exp_avg, exp_inf, value=-_get_value(clr))
