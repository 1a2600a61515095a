"""Scheduler scenarios shared by the live and the golden scheduler tests: each builds a
scheduler over an optimizer with two parameter groups and is stepped 40 times."""

import math

STEPS = 40
# ReduceLROnPlateau's metric: falls, stalls, falls again.
METRICS = [10 / (1 + i) if i < 8 or i > 25 else 1.2 + 0.001 * (i % 3) for i in range(STEPS)]


def _poly(epoch):
    return 0.95**epoch


def _mult(epoch):
    return 0.9 if epoch % 2 else 1.0


def _seq(s, opt):
    return s.SequentialLR(
        opt,
        [s.LinearLR(opt, start_factor=0.1, total_iters=5), s.CosineAnnealingLR(opt, T_max=20)],
        milestones=[5],
    )


def _seq3(s, opt):
    return s.SequentialLR(
        opt,
        [
            s.ConstantLR(opt, factor=0.5, total_iters=3),
            s.ExponentialLR(opt, gamma=0.9),
            s.StepLR(opt, step_size=4, gamma=0.5),
        ],
        milestones=[6, 15],
    )


def _chain(s, opt):
    return s.ChainedScheduler(
        [s.ExponentialLR(opt, gamma=0.95), s.MultiStepLR(opt, milestones=[5, 12], gamma=0.5)]
    )


# name -> (optimizer class, builder(lr_scheduler module, optimizer), step uses metric)
SCHEDULES = {
    "step": ("SGD", lambda s, o: s.StepLR(o, step_size=7, gamma=0.5)),
    "multistep": ("SGD", lambda s, o: s.MultiStepLR(o, milestones=[3, 10, 10, 25], gamma=0.3)),
    "exponential": ("SGD", lambda s, o: s.ExponentialLR(o, gamma=0.9)),
    "cosine": ("SGD", lambda s, o: s.CosineAnnealingLR(o, T_max=12, eta_min=0.001)),
    "cosine_tmax_short": ("SGD", lambda s, o: s.CosineAnnealingLR(o, T_max=5)),
    "lambda": ("SGD", lambda s, o: s.LambdaLR(o, lr_lambda=_poly)),
    "lambda_list": ("SGD", lambda s, o: s.LambdaLR(o, lr_lambda=[_poly, lambda e: 1 / (e + 1)])),
    "multiplicative": ("SGD", lambda s, o: s.MultiplicativeLR(o, lr_lambda=_mult)),
    "linear": ("SGD", lambda s, o: s.LinearLR(o, start_factor=0.25, end_factor=0.9, total_iters=9)),
    "constant": ("SGD", lambda s, o: s.ConstantLR(o, factor=0.4, total_iters=6)),
    "polynomial": ("SGD", lambda s, o: s.PolynomialLR(o, total_iters=15, power=2.0)),
    "sequential": ("SGD", _seq),
    "sequential3": ("SGD", _seq3),
    "chained": ("SGD", _chain),
    "warm_restarts": ("SGD", lambda s, o: s.CosineAnnealingWarmRestarts(o, T_0=5, eta_min=0.01)),
    "warm_restarts_mult": ("SGD", lambda s, o: s.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2)),
    "onecycle": ("SGD", lambda s, o: s.OneCycleLR(o, max_lr=1.0, total_steps=STEPS + 1)),
    "onecycle_adam_linear": (
        "Adam",
        lambda s, o: s.OneCycleLR(
            o, max_lr=[0.5, 0.2], epochs=5, steps_per_epoch=9, anneal_strategy="linear"
        ),
    ),
    "onecycle_three_phase": (
        "SGD",
        lambda s, o: s.OneCycleLR(o, max_lr=0.3, total_steps=45, three_phase=True, pct_start=0.2),
    ),
    "cyclic": ("SGD", lambda s, o: s.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=4)),
    "cyclic_triangular2": (
        "SGD",
        lambda s, o: s.CyclicLR(
            o, base_lr=0.01, max_lr=0.1, step_size_up=3, step_size_down=5, mode="triangular2"
        ),
    ),
    "cyclic_exp_range_adam": (
        "Adam",
        lambda s, o: s.CyclicLR(
            o, base_lr=[0.01, 0.02], max_lr=0.1, step_size_up=5, mode="exp_range", gamma=0.97
        ),
    ),
    "plateau": ("SGD", lambda s, o: s.ReduceLROnPlateau(o, patience=2, factor=0.5)),
    "plateau_max_abs": (
        "SGD",
        lambda s, o: s.ReduceLROnPlateau(
            o, mode="max", threshold_mode="abs", patience=1, cooldown=2, min_lr=[0.01, 0.02]
        ),
    ),
}


def lr_sequence(lib, name):
    """[last_lr list, momentum/beta1 list] after construction and after each step."""
    cls_name, build = SCHEDULES[name]
    p1 = lib.zeros(2, requires_grad=True)
    p2 = lib.zeros(3, requires_grad=True)
    kwargs = {"momentum": 0.9} if cls_name == "SGD" else {}
    opt = getattr(lib.optim, cls_name)(
        [{"params": [p1]}, {"params": [p2], "lr": 0.5}], lr=0.1, **kwargs
    )
    sched = build(lib.optim.lr_scheduler, opt)

    def snapshot():
        moms = [g["momentum"] if "momentum" in g else g["betas"][0] for g in opt.param_groups]
        return [list(map(float, sched.get_last_lr())), [g["lr"] for g in opt.param_groups], moms]

    out = [snapshot()]
    for i in range(STEPS):
        opt.step()
        if name.startswith("plateau"):
            sched.step(METRICS[i] if "max" not in name else -METRICS[i])
        else:
            sched.step()
        out.append(snapshot())
    return out


assert math.isfinite(sum(METRICS))
