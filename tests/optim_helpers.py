"""Shared problem for the optimizer tests: three parameters of shapes (3, 4), (4,) and () and a
fixed least-squares loss, run the same way with numtorch and with torch.

`trajectory` computes each step's gradients in float64 NumPy from the parameters' current values
(identical inputs to both libraries), so differences come from the optimizers alone;
`autograd_trajectory` lets each library's autograd compute them.
"""

import numpy as np

STEPS = 20

_rng = np.random.RandomState(0)
X = _rng.randn(5, 3)
Y = _rng.randn(5, 4)
INIT = [_rng.randn(3, 4), _rng.randn(4), np.array(_rng.randn())]

# name -> (class name, constructor kwargs)
CONFIGS = {
    "sgd": ("SGD", {"lr": 0.1}),
    "sgd_momentum": ("SGD", {"lr": 0.05, "momentum": 0.9}),
    "sgd_dampening": ("SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.3}),
    "sgd_nesterov_wd": (
        "SGD",
        {"lr": 0.05, "momentum": 0.8, "nesterov": True, "weight_decay": 0.1},
    ),
    "sgd_maximize": ("SGD", {"lr": 0.01, "momentum": 0.5, "maximize": True}),
    "adam": ("Adam", {"lr": 0.05}),
    "adam_amsgrad_wd": ("Adam", {"lr": 0.05, "amsgrad": True, "weight_decay": 0.1}),
    "adam_maximize": ("Adam", {"lr": 0.01, "betas": (0.8, 0.99), "maximize": True}),
    "adam_decoupled": ("Adam", {"lr": 0.05, "weight_decay": 0.1, "decoupled_weight_decay": True}),
    "adam_differentiable": ("Adam", {"lr": 0.05, "amsgrad": True, "differentiable": True}),
    "adamw": ("AdamW", {"lr": 0.05}),
    "adamw_amsgrad": ("AdamW", {"lr": 0.05, "amsgrad": True, "weight_decay": 0.3}),
    "rmsprop": ("RMSprop", {"lr": 0.01}),
    "rmsprop_centered_momentum": (
        "RMSprop",
        {"lr": 0.01, "centered": True, "momentum": 0.9, "weight_decay": 0.1},
    ),
    "rmsprop_maximize": ("RMSprop", {"lr": 0.001, "alpha": 0.9, "maximize": True}),
    "adagrad": ("Adagrad", {"lr": 0.1}),
    "adagrad_decay": (
        "Adagrad",
        {"lr": 0.1, "lr_decay": 0.01, "initial_accumulator_value": 0.5, "weight_decay": 0.1},
    ),
    "adagrad_maximize": ("Adagrad", {"lr": 0.01, "maximize": True, "eps": 1e-6}),
    "adadelta": ("Adadelta", {}),
    "adadelta_opts": ("Adadelta", {"lr": 0.5, "rho": 0.8, "weight_decay": 0.1, "maximize": True}),
    "adamax": ("Adamax", {"lr": 0.05}),
    "adamax_wd": ("Adamax", {"lr": 0.05, "betas": (0.8, 0.9), "weight_decay": 0.1}),
    "adamax_maximize": ("Adamax", {"lr": 0.01, "maximize": True}),
    "nadam": ("NAdam", {"lr": 0.05}),
    "nadam_wd": ("NAdam", {"lr": 0.05, "weight_decay": 0.1, "momentum_decay": 0.01}),
    "nadam_decoupled": ("NAdam", {"lr": 0.05, "weight_decay": 0.1, "decoupled_weight_decay": True}),
    "nadam_maximize": ("NAdam", {"lr": 0.01, "maximize": True}),
    "radam": ("RAdam", {"lr": 0.05}),
    "radam_wd": ("RAdam", {"lr": 0.05, "weight_decay": 0.1}),
    "radam_decoupled": ("RAdam", {"lr": 0.05, "weight_decay": 0.1, "decoupled_weight_decay": True}),
    "radam_maximize": ("RAdam", {"lr": 0.01, "maximize": True}),
    "lbfgs": ("LBFGS", {"lr": 0.1, "max_iter": 2}),
    "lbfgs_wolfe": (
        "LBFGS",
        {"lr": 1, "max_iter": 3, "history_size": 3, "line_search_fn": "strong_wolfe"},
    ),
}


def loss_and_grads(w, b, s):
    """The loss and its gradients in float64 NumPy."""
    w, b, s = (np.asarray(a, dtype=np.float64) for a in (w, b, s))
    r = X @ w + b - Y
    inner = s * b.sum() - 1.0
    loss = (r**2).mean() + 0.5 * inner**2 + 0.1 * s**2
    gr = 2.0 * r / r.size
    return loss, [X.T @ gr, gr.sum(0) + inner * s, np.asarray(inner * b.sum() + 0.2 * s)]


def torch_loss(lib, w, b, s):
    """The same loss written with the library's ops (for autograd_trajectory)."""
    x, y = lib.tensor(X, dtype=w.dtype), lib.tensor(Y, dtype=w.dtype)
    r = x @ w + b - y
    return (r**2).mean() + 0.5 * (s * b.sum() - 1.0) ** 2 + 0.1 * s**2


def make_params(lib, dtype, requires_grad=True):
    return [lib.tensor(a, dtype=dtype, requires_grad=requires_grad) for a in INIT]


def flat(params):
    return np.concatenate(
        [np.asarray(p.detach().numpy(), dtype=np.float64).ravel() for p in params]
    )


def trajectory(lib, name, dtype_name, steps=STEPS):
    """Parameters (flattened) after each of `steps` steps, with gradients from NumPy."""
    cls_name, kwargs = CONFIGS[name]
    dtype = getattr(lib, dtype_name)
    # torch refuses in-place updates of leaves that require grad when the step is differentiable
    params = make_params(lib, dtype, requires_grad=not kwargs.get("differentiable"))
    opt = getattr(lib.optim, cls_name)(params, **kwargs)
    np_dtype = np.float32 if dtype_name == "float32" else np.float64
    # maximize the negated loss, so that the trajectory stays bounded
    sign = -1.0 if kwargs.get("maximize") else 1.0

    def set_grads():
        loss, grads = loss_and_grads(*(p.detach().numpy() for p in params))
        for p, g in zip(params, grads):
            p.grad = lib.tensor((sign * g).astype(np_dtype), dtype=dtype)
        return lib.tensor(sign * loss, dtype=dtype)

    out = []
    for _ in range(steps):
        if cls_name == "LBFGS":
            opt.step(set_grads)
        else:
            set_grads()
            opt.step()
        out.append(flat(params))
    return np.stack(out), opt


def autograd_trajectory(lib, name, dtype_name, steps=STEPS):
    """Parameters after each step, with gradients from the library's own autograd."""
    cls_name, kwargs = CONFIGS[name]
    params = make_params(lib, getattr(lib, dtype_name))
    opt = getattr(lib.optim, cls_name)(params, **kwargs)

    def closure():
        opt.zero_grad()
        loss = torch_loss(lib, *params)
        loss.backward()
        return loss

    out = []
    for _ in range(steps):
        opt.step(closure)
        out.append(flat(params))
    return np.stack(out)
