"""torch.optim: optimizer trajectories, state dicts, reprs and errors against torch (live when
torch is importable, else its goldens in tests/golden/optim/), plus torch-free checks of the
first steps worked out by hand, hooks, zero_grad and state_dict round trips."""

import json
import pathlib
import warnings

import numpy as np
import pytest

import numtorch
from tests.optim_helpers import (
    CONFIGS,
    INIT,
    SECTIONS,
    assert_trajectory_close,
    autograd_trajectory,
    make_params,
    state_dict_from_description,
    trajectory,
)

GOLDEN = pathlib.Path(__file__).parent / "golden" / "optim"
DTYPES = ("float32", "float64")
CASES = [(name, dt) for name in CONFIGS for dt in DTYPES]


def _golden(name):
    return json.loads((GOLDEN / name).read_text())


def _torch():
    return pytest.importorskip("torch")


def _plain(x):
    return json.loads(json.dumps(x))


# ----------------------------------------------------------------------------- trajectories
@pytest.mark.parametrize("name,dtype", CASES)
def test_trajectory_matches_torch(name, dtype):
    torch = _torch()
    expected, _ = trajectory(torch, name, dtype)
    actual, _ = trajectory(numtorch, name, dtype)
    assert_trajectory_close(actual, expected, name, dtype)


@pytest.mark.parametrize("name,dtype", CASES)
def test_trajectory_matches_golden(name, dtype):
    expected = _golden("trajectories.json")[f"{name}/{dtype}"]
    actual, _ = trajectory(numtorch, name, dtype)
    assert_trajectory_close(actual, expected, name, dtype)


@pytest.mark.parametrize(
    "name", ["sgd_nesterov_wd", "adam_amsgrad_wd", "adamw", "rmsprop_centered_momentum", "nadam"]
)
def test_autograd_trajectory_matches_torch(name):
    """Gradients from each library's own autograd (loss.backward in a closure)."""
    torch = _torch()
    expected = autograd_trajectory(torch, name, "float64")
    actual = autograd_trajectory(numtorch, name, "float64")
    np.testing.assert_allclose(actual, expected, rtol=1e-9, atol=1e-12)


def test_lbfgs_autograd_matches_torch():
    torch = _torch()
    expected = autograd_trajectory(torch, "lbfgs_wolfe", "float64", steps=5)
    actual = autograd_trajectory(numtorch, "lbfgs_wolfe", "float64", steps=5)
    np.testing.assert_allclose(actual, expected, rtol=1e-8, atol=1e-10)


# ----------------------------------------------------------- state dicts, reprs, errors
def _compare_observation(section, actual, expected):
    if section.startswith("state_dicts"):
        for name in expected:
            assert _strip_values(actual[name]) == _strip_values(expected[name]), name
            np.testing.assert_allclose(
                _values(actual[name]), _values(expected[name]), rtol=1e-5, atol=1e-7, err_msg=name
            )
    else:
        assert actual == expected


def _strip_values(x):
    if isinstance(x, dict):
        return {k: _strip_values(v) for k, v in x.items() if k not in ("values", "params")}
    if isinstance(x, list):
        return [_strip_values(v) for v in x]
    return x


def _values(x, out=None):
    out = [] if out is None else out
    if isinstance(x, dict):
        for k in sorted(x):
            if k == "values":
                out.extend(x[k])
            else:
                _values(x[k], out)
    elif isinstance(x, list):
        for v in x:
            _values(v, out)
    return np.array(out, dtype=np.float64)


@pytest.mark.parametrize("section", list(SECTIONS))
def test_observations_match_torch(section):
    torch = _torch()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = _plain(SECTIONS[section](torch))
        actual = _plain(SECTIONS[section](numtorch))
    _compare_observation(section, actual, expected)


@pytest.mark.parametrize("section", list(SECTIONS))
def test_observations_match_golden(section):
    expected = _golden("observations.json")[section]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        actual = _plain(SECTIONS[section](numtorch))
    _compare_observation(section, actual, expected)


def test_step_state_is_a_float32_scalar_tensor():
    p = make_params(numtorch, numtorch.float64)
    opt = numtorch.optim.Adam(p)
    for q in p:
        q.grad = numtorch.ones_like(q)
    opt.step()
    step = opt.state_dict()["state"][0]["step"]
    assert isinstance(step, numtorch.Tensor) and step.dtype is numtorch.float32
    assert step.shape == () and step.item() == 1.0
    assert opt.state[p[0]]["exp_avg"].dtype is numtorch.float64


# ------------------------------------------------------------------ loading torch's state
RESUMABLE = [n for n, (cls, _) in CONFIGS.items() if cls != "LBFGS"]


@pytest.mark.parametrize("name", RESUMABLE)
def test_load_torch_state_dict_and_continue(name):
    """torch's state_dict after 3 steps, converted through NumPy, resumes as torch resumes it
    (loading casts state tensors other than 'step' to the parameters' dtype, so NAdam's
    float32 'mu_product' continues in float64)."""
    torch = _torch()
    _, topt = trajectory(torch, name, "float64", steps=3)
    sd = topt.state_dict()
    converted = {
        "state": {
            k: {
                key: numtorch.tensor(v.numpy()) if torch.is_tensor(v) else v for key, v in s.items()
            }
            for k, s in sd["state"].items()
        },
        "param_groups": sd["param_groups"],
    }
    values = [p.detach().numpy().copy() for p in topt.param_groups[0]["params"]]
    expected, _ = trajectory(torch, name, "float64", steps=17, start=(values, sd))
    actual, opt = trajectory(numtorch, name, "float64", steps=17, start=(values, converted))
    assert_trajectory_close(actual, expected, name, "float64")
    assert opt.state_dict()["param_groups"] == topt.state_dict()["param_groups"]


@pytest.mark.parametrize("name", RESUMABLE)
def test_load_golden_state_dict_and_continue(name):
    expected = _golden("trajectories.json")[f"{name}/resumed"]
    desc = _golden("observations.json")["state_dicts_float64"][name]
    start = (desc["params"], state_dict_from_description(numtorch, desc))
    actual, _ = trajectory(numtorch, name, "float64", steps=17, start=start)
    assert_trajectory_close(actual, expected, name, "float64")


@pytest.mark.parametrize("name", list(CONFIGS))
def test_state_dict_round_trip(name):
    """Stopping after 7 steps, saving and resuming in a new optimizer changes nothing."""
    whole, _ = trajectory(numtorch, name, "float32")
    _, opt = trajectory(numtorch, name, "float32", steps=7)
    values = [p.detach().numpy().copy() for p in opt.param_groups[0]["params"]]
    resumed, _ = trajectory(numtorch, name, "float32", steps=13, start=(values, opt.state_dict()))
    np.testing.assert_array_equal(resumed, whole[7:])


# ------------------------------------------------------------------ hand-computed steps
def _one_param(values, grad, dtype=numtorch.float64):
    p = numtorch.tensor(values, dtype=dtype, requires_grad=True)
    p.grad = numtorch.tensor(grad, dtype=dtype)
    return p


def test_sgd_first_steps_by_hand():
    p = _one_param([1.0, -2.0], [0.5, 0.25])
    opt = numtorch.optim.SGD([p], lr=0.1, momentum=0.9, weight_decay=0.1)
    opt.step()  # g = grad + 0.1 p = [0.6, 0.05]; buf = g
    np.testing.assert_allclose(p.detach().numpy(), [1.0 - 0.06, -2.0 - 0.005])
    opt.step()  # g = [0.5 + 0.094, 0.25 - 0.2005]; buf = 0.9 * buf + g
    g = np.array([0.5 + 0.094, 0.25 - 0.2005])
    buf = 0.9 * np.array([0.6, 0.05]) + g
    np.testing.assert_allclose(p.detach().numpy(), np.array([0.94, -2.005]) - 0.1 * buf)


def test_adam_first_step_by_hand():
    """After one step, Adam moves each coordinate by lr * g / (|g| + eps * sqrt(1 - beta2))
    with the bias corrections folded in."""
    p = _one_param([1.0, -2.0, 0.5], [0.5, -0.25, 0.0])
    numtorch.optim.Adam([p], lr=0.01, eps=1e-8).step()
    g = np.array([0.5, -0.25, 0.0])
    m_hat = 0.1 * g / 0.1
    v_hat_sqrt = np.sqrt(0.001 * g**2) / np.sqrt(0.001)
    np.testing.assert_allclose(
        p.detach().numpy(), np.array([1.0, -2.0, 0.5]) - 0.01 * m_hat / (v_hat_sqrt + 1e-8)
    )


def test_adagrad_and_rmsprop_first_steps_by_hand():
    p = _one_param([1.0, 2.0], [2.0, -1.0])
    numtorch.optim.Adagrad([p], lr=0.5, initial_accumulator_value=1.0).step()
    expected = np.array([1.0, 2.0]) - 0.5 * np.array([2.0, -1.0]) / (np.sqrt([5.0, 2.0]) + 1e-10)
    np.testing.assert_allclose(p.detach().numpy(), expected)
    q = _one_param([1.0, 2.0], [2.0, -1.0])
    numtorch.optim.RMSprop([q], lr=0.01, alpha=0.9).step()
    expected = np.array([1.0, 2.0]) - 0.01 * np.array([2.0, -1.0]) / (
        np.sqrt(0.1 * np.array([4.0, 1.0])) + 1e-8
    )
    np.testing.assert_allclose(q.detach().numpy(), expected)


# ----------------------------------------------------------------- API behaviour
def test_param_without_grad_is_skipped_and_gets_no_state():
    p = make_params(numtorch, numtorch.float32)
    p[1].grad = numtorch.ones(4)
    opt = numtorch.optim.Adam(p)
    opt.step()
    assert list(opt.state_dict()["state"]) == [1]
    np.testing.assert_array_equal(p[0].detach().numpy(), np.float32(INIT[0]))


def test_zero_grad():
    p = make_params(numtorch, numtorch.float32)
    for q in p:
        q.grad = numtorch.ones_like(q)
    opt = numtorch.optim.SGD(p, lr=0.1)
    grad = p[0].grad
    opt.zero_grad(set_to_none=False)
    assert p[0].grad is grad and not grad.any()
    opt.zero_grad()
    assert all(q.grad is None for q in p)


def test_step_hooks_and_closure():
    p = make_params(numtorch, numtorch.float32)
    opt = numtorch.optim.SGD(p, lr=0.1)
    calls = []
    h1 = opt.register_step_pre_hook(lambda o, args, kwargs: calls.append(("pre", len(args))))
    h2 = opt.register_step_post_hook(lambda o, args, kwargs: calls.append(("post", len(args))))
    h3 = numtorch.optim.optimizer.register_optimizer_step_pre_hook(
        lambda o, args, kwargs: calls.append(("global", o is opt))
    )

    def closure():
        calls.append(("closure", numtorch.is_grad_enabled()))
        return 1.5

    with numtorch.no_grad():
        assert opt.step(closure) == 1.5
    assert calls == [("global", True), ("pre", 2), ("closure", True), ("post", 2)]
    for h in (h1, h2, h3):
        h.remove()
    calls.clear()
    opt.step()
    assert calls == []


def test_pre_hook_can_replace_arguments():
    p = make_params(numtorch, numtorch.float32)
    opt = numtorch.optim.SGD(p, lr=0.1)
    opt.register_step_pre_hook(lambda o, args, kwargs: (args, {"closure": lambda: 7.0}))
    assert opt.step() == 7.0


def test_named_parameters_and_add_param_group():
    w = numtorch.zeros(2, requires_grad=True)
    b = numtorch.zeros(1, requires_grad=True)
    opt = numtorch.optim.SGD([("w", w)], lr=0.1)
    opt.add_param_group({"params": [("b", b)], "lr": 0.01})
    groups = opt.state_dict()["param_groups"]
    assert [g["param_names"] for g in groups] == [["w"], ["b"]]
    assert [g["params"] for g in groups] == [[0], [1]]
    assert [g["lr"] for g in groups] == [0.1, 0.01]


def test_repr_of_two_groups():
    p = make_params(numtorch, numtorch.float32)
    opt = numtorch.optim.SGD([{"params": p[:1]}, {"params": p[1:], "lr": 0.5}], lr=0.1)
    text = repr(opt)
    assert text.startswith("SGD (\nParameter Group 0\n    dampening: 0\n")
    assert "Parameter Group 1\n    dampening: 0\n" in text and "    lr: 0.5\n" in text
    assert text.endswith("    weight_decay: 0\n)")
