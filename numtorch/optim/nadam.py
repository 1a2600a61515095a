"""NAdam (torch.optim.NAdam): Adam with Nesterov momentum, momentum_decay, decoupled weight decay."""

from numtorch.optim._shared import check_non_negative, init_states, restore_state
from numtorch.optim.adam import _check_betas, _check_capturable, _real_views
from numtorch.optim.optimizer import (
    Optimizer,
    _check_lr,
    _get_value,
    _to_scalar,
    _use_grad_for_differentiable,
)

__all__ = ["NAdam", "nadam"]


class NAdam(Optimizer):
    """Same as `torch.optim.NAdam`."""

    def __init__(
        self,
        params,
        lr=2e-3,
        betas=(0.9, 0.999),
        eps=1e-8,
        weight_decay=0,
        momentum_decay=4e-3,
        decoupled_weight_decay=False,
        *,
        foreach=None,
        maximize=False,
        capturable=False,
        differentiable=False,
    ):
        _check_lr(lr)
        check_non_negative(epsilon=eps)
        _check_betas(betas)
        check_non_negative(weight_decay=weight_decay, momentum_decay=momentum_decay)
        defaults = {
            "lr": lr,
            "betas": betas,
            "eps": eps,
            "weight_decay": weight_decay,
            "momentum_decay": momentum_decay,
            "decoupled_weight_decay": decoupled_weight_decay,
            "maximize": maximize,
            "foreach": foreach,
            "capturable": capturable,
            "differentiable": differentiable,
        }
        super().__init__(params, defaults)

    def __setstate__(self, state):
        restore_state(
            self,
            state,
            ("step", "mu_product"),
            maximize=False,
            foreach=None,
            capturable=False,
            differentiable=False,
            decoupled_weight_decay=False,
        )

    @_use_grad_for_differentiable
    def step(self, closure=None):
        """Performs one optimization step; `closure` re-evaluates the model and returns the loss."""
        loss = self._run_closure(closure)
        for group in self.param_groups:
            params = self._params_with_grad(group, "NAdam")
            states = init_states(self, params, "exp_avg", "exp_avg_sq", mu_product=1.0)
            beta1, beta2 = group["betas"]
            nadam(
                params,
                [p.grad for p in params],
                [s["exp_avg"] for s in states],
                [s["exp_avg_sq"] for s in states],
                [s["mu_product"] for s in states],
                [s["step"] for s in states],
                beta1=beta1,
                beta2=beta2,
                lr=group["lr"],
                weight_decay=group["weight_decay"],
                momentum_decay=group["momentum_decay"],
                eps=group["eps"],
                decoupled_weight_decay=group["decoupled_weight_decay"],
                maximize=group["maximize"],
                capturable=group["capturable"],
                differentiable=group["differentiable"],
            )
        return loss


def nadam(
    params,
    grads,
    exp_avgs,
    exp_avg_sqs,
    mu_products,
    state_steps,
    *,
    beta1,
    beta2,
    lr,
    weight_decay,
    momentum_decay,
    eps,
    decoupled_weight_decay=False,
    maximize=False,
    capturable=False,
    differentiable=False,
    **_unused,
):
    """Same as `torch.optim.nadam.nadam`: the for-loop update, in torch's operation order.
    'mu_product' is a 0-dim tensor of the scalar dtype, so its running product rounds as torch's."""
    lr = _to_scalar(lr)
    for i, param in enumerate(params):
        grad = grads[i] if not maximize else -grads[i]
        mu_product = mu_products[i]
        step_t = state_steps[i]
        param, grad, exp_avg, exp_avg_sq = _real_views(param, grad, exp_avgs[i], exp_avg_sqs[i])
        if capturable:
            _check_capturable(param, step_t)
        step_t += 1
        step = _get_value(step_t)
        bias_correction2 = 1 - beta2**step
        if weight_decay != 0:
            if decoupled_weight_decay:
                param.mul_(1 - lr * weight_decay)
            else:
                grad = grad.add(param, alpha=weight_decay)
        mu = beta1 * (1.0 - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1.0 - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
        mu_product *= mu
        exp_avg.lerp_(grad, 1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        denom = exp_avg_sq.div(bias_correction2).sqrt()
        mu_product_value = _get_value(mu_product)
        mu_product_next = mu_product_value * mu_next
        if differentiable:
            denom = denom.add(eps)
            param.addcdiv_(grad * (-lr * (1.0 - mu) / (1.0 - mu_product)), denom)
            param.addcdiv_(exp_avg * (-lr * mu_next / (1.0 - mu_product * mu_next)), denom)
        else:
            denom.add_(eps)
            param.addcdiv_(
                grad, denom, value=_get_value(-lr * (1.0 - mu) / (1.0 - mu_product_value))
            )
            param.addcdiv_(
                exp_avg, denom, value=_get_value((-lr * mu_next) / (1.0 - mu_product_next))
            )
