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


def make_params(lib, dtype, requires_grad=True, init=INIT):
    return [lib.tensor(np.asarray(a), dtype=dtype, requires_grad=requires_grad) for a in init]


def flat(params):
    return np.concatenate(
        [np.asarray(p.detach().numpy(), dtype=np.float64).ravel() for p in params]
    )


def trajectory(lib, name, dtype_name, steps=STEPS, start=None):
    """Parameters (flattened) after each of `steps` steps, with gradients from NumPy.
    `start` = (parameter values, state_dict) resumes from a saved point instead."""
    cls_name, kwargs = CONFIGS[name]
    dtype = getattr(lib, dtype_name)
    # torch refuses in-place updates of leaves that require grad when the step is differentiable
    init = INIT if start is None else start[0]
    params = make_params(lib, dtype, requires_grad=not kwargs.get("differentiable"), init=init)
    opt = getattr(lib.optim, cls_name)(params, **kwargs)
    if start is not None:
        opt.load_state_dict(start[1])
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


# ---------------------------------------------------------------- observations for goldens
def _describe(value):
    """A JSON-able description of a state value: tensors by dtype, shape and values."""
    if hasattr(value, "detach") and hasattr(value, "dtype"):
        return {
            "tensor": str(value.dtype),
            "shape": list(value.shape),
            "values": np.asarray(value.detach().numpy(), dtype=np.float64).ravel().tolist(),
        }
    if isinstance(value, (list, tuple)):
        return [_describe(v) for v in value]
    return value


def observe_state_dicts(lib, dtype_name="float32", steps=3):
    """Each configuration's state_dict after a few steps, tensors described."""
    out = {}
    for name, (cls_name, _) in CONFIGS.items():
        _, opt = trajectory(lib, name, dtype_name, steps=steps)
        sd = opt.state_dict()
        out[name] = {
            "params": [
                np.asarray(p.detach().numpy(), np.float64).tolist()
                for p in opt.param_groups[0]["params"]
            ],
            "state": {
                str(k): {key: _describe(v) for key, v in sorted(s.items())}
                for k, s in sd["state"].items()
            },
            "param_groups": [_describe(dict(sorted(g.items()))) for g in sd["param_groups"]],
        }
        if cls_name == "LBFGS":  # its history lists hold many tensors: keep the keys only
            out[name]["state"] = {k: sorted(s) for k, s in out[name]["state"].items()}
    return out


def observe_reprs(lib):
    out = {}
    for name, (cls_name, kwargs) in CONFIGS.items():
        params = make_params(lib, lib.float32)
        out[name] = repr(getattr(lib.optim, cls_name)(params, **kwargs))
    return out


# (optimizer class, constructor kwargs) that torch refuses
BAD_ARGS = [
    ("SGD", {"lr": -0.1}),
    ("SGD", {"momentum": -1}),
    ("SGD", {"weight_decay": -1}),
    ("SGD", {"nesterov": True}),
    ("SGD", {"nesterov": True, "momentum": 0.9, "dampening": 0.1}),
    ("SGD", {"fused": True, "foreach": True}),
    ("Adam", {"lr": -1.0}),
    ("Adam", {"eps": -1.0}),
    ("Adam", {"betas": (1.0, 0.999)}),
    ("Adam", {"betas": (0.9, -0.1)}),
    ("Adam", {"weight_decay": -0.5}),
    ("Adam", {"betas": (0.9, 1)}),
    ("Adam", {"fused": True, "differentiable": True}),
    ("AdamW", {"betas": (0.9, 1.5)}),
    ("RMSprop", {"alpha": -0.5}),
    ("RMSprop", {"momentum": -0.5}),
    ("RMSprop", {"eps": -0.5}),
    ("Adagrad", {"lr_decay": -1}),
    ("Adagrad", {"initial_accumulator_value": -1}),
    ("Adagrad", {"eps": -1}),
    ("Adadelta", {"rho": 1.5}),
    ("Adadelta", {"lr": -1}),
    ("Adamax", {"betas": (0.9, 1.0)}),
    ("NAdam", {"momentum_decay": -1}),
    ("RAdam", {"eps": -1}),
    ("LBFGS", {"lr": -1}),
]


def _error(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001  (recording the type is the point)
        return [type(e).__name__, str(e)]
    return None


def observe_errors(lib):
    """Exception type and message of refused constructions and parameter-group misuse."""
    out = {}
    for i, (cls_name, kwargs) in enumerate(BAD_ARGS):
        cls = getattr(lib.optim, cls_name)
        out[f"{i}:{cls_name}:{sorted(kwargs)}"] = _error(
            lambda cls=cls, kwargs=kwargs: cls(make_params(lib, lib.float32), **kwargs)
        )
    p = make_params(lib, lib.float32)
    sgd = lib.optim.SGD
    out["tensor_params"] = _error(lambda: sgd(p[0]))
    out["empty"] = _error(lambda: sgd([]))
    out["not_tensor"] = _error(lambda: sgd([p[0], 3]))
    out["set_group"] = _error(lambda: sgd([{"params": set(p)}]))
    out["non_leaf"] = _error(lambda: sgd([p[0] * 2]))
    out["duplicate_groups"] = _error(lambda: sgd([{"params": p[:2]}, {"params": p[1:]}]))
    out["group_not_dict"] = _error(lambda: sgd(p).add_param_group([p[0]]))
    out["names_mixed"] = _error(lambda: sgd([("w", p[0]), p[1]]))
    out["names_groups"] = _error(lambda: sgd([{"params": [("w", p[0])]}, {"params": [p[1]]}]))
    out["lbfgs_groups"] = _error(lambda: lib.optim.LBFGS([{"params": [p[0]]}, {"params": [p[1]]}]))
    out["load_groups"] = _error(
        lambda: sgd([{"params": [p[0]]}, {"params": [p[1]]}]).load_state_dict(sgd(p).state_dict())
    )
    out["load_sizes"] = _error(lambda: sgd(p).load_state_dict(sgd(p[:2]).state_dict()))
    return out


SECTIONS = {
    "state_dicts": observe_state_dicts,
    "state_dicts_float64": lambda lib: observe_state_dicts(lib, "float64"),
    "reprs": observe_reprs,
    "errors": observe_errors,
}


def tolerance(name, dtype_name):
    """(rtol, atol as a fraction of the largest parameter) for comparing trajectories.

    torch's CPU kernels fuse `a + alpha * b` (add, addcmul, lerp) into one FMA and numtorch's
    do not, so float32 steps differ by about an ulp; L-BFGS's curvature estimates amplify it.
    """
    cls_name, kwargs = CONFIGS[name]
    if dtype_name == "float32" or kwargs.get("differentiable"):
        return (1e-5, 2e-4) if cls_name == "LBFGS" else (1e-6, 1e-6)
    return (1e-10, 1e-12)


def assert_trajectory_close(actual, expected, name, dtype_name):
    rtol, atol = tolerance(name, dtype_name)
    expected = np.asarray(expected)
    scale = np.abs(expected).max(axis=1, keepdims=True)
    bad = np.abs(actual - expected) > rtol * np.abs(expected) + atol * scale
    assert not bad.any(), (
        f"{name}/{dtype_name}: step {np.argwhere(bad)[0][0] + 1} differs: "
        f"max error {np.abs(actual - expected).max():.3g}"
    )


def state_dict_from_description(lib, desc):
    """Rebuilds a state_dict recorded by observe_state_dicts (torch's, in a golden file)."""

    def build(v):
        if isinstance(v, dict) and "tensor" in v:
            dtype = getattr(lib, v["tensor"].replace("torch.", ""))
            return lib.tensor(np.array(v["values"]).reshape(v["shape"]), dtype=dtype)
        if isinstance(v, list):
            return [build(x) for x in v]
        return v

    state = {int(k): {key: build(v) for key, v in s.items()} for k, s in desc["state"].items()}
    groups = []
    for g in desc["param_groups"]:
        g = {k: build(v) for k, v in g.items()}
        if "betas" in g:
            g["betas"] = tuple(g["betas"])
        groups.append(g)
    return {"state": state, "param_groups": groups}
