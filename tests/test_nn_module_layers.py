"""Containers (Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict) and the layers
Linear, Bilinear, Identity, Flatten, Unflatten: behaviour, reprs, and outputs and gradients
against torch with the same parameters."""

import numpy as np
import pytest

import numtorch
import numtorch.nn as nn
from tests.nn_module_helpers import (
    assert_close,
    copy_params,
    needs_random,
    needs_torch,
    same,
    to_numtorch,
    torch,
)

# ---------------------------------------------------------------- containers


@needs_torch
def test_sequential_operations():
    same(
        """
def names(s):
    return [(k, type(v).__name__) for k, v in s._modules.items()]
a, b, c, d = nn.Identity(), nn.Flatten(), nn.Unflatten(1, (2, 2)), nn.Identity()
s = nn.Sequential(a, b, c)
r = [names(s), len(s), s[0] is a, s[-1] is c, names(s[1:]), type(s[::2]).__name__]
s.append(d); s.insert(1, nn.Identity()); s.insert(-1, nn.Flatten(0))
r.append(names(s))
s.extend([nn.Identity()])
p = s.pop(2)
del s[0]
r += [names(s), p is b]
del s[1:3]
r.append(names(s))
s[0] = a
r += [s[0] is a, names(s + nn.Sequential(b)), names(s * 2), names(2 * s)]
s += nn.Sequential(c)
r.append(names(s))
t = nn.Sequential(a, b); t *= 2
r.append(names(t))
o = nn.Sequential(OrderedDict([('x', a), ('y', b)]))
r += [names(o), names(o[1:]), [type(m).__name__ for m in o], 'x' in dir(o), '0' in dir(s)]
errors = []
for bad in (lambda: s[10], lambda: s + 1, lambda: s * 0, lambda: s * 1.5, lambda: s.insert(0, 3),
            lambda: s.insert(99, a), lambda: nn.Sequential(1)):
    try:
        bad()
    except Exception as e:
        errors.append((type(e).__name__, str(e)))
out = [r, errors, repr(s)]
"""
    )


@needs_torch
def test_sequential_forward():
    same(
        """
s = nn.Sequential(nn.Flatten(), nn.Unflatten(1, (3, 2)), nn.Identity())
x = torch.arange(12.0).reshape(2, 3, 2)
out = [s(x).shape, s(x).tolist(), s(x).grad_fn]
"""
    )


@needs_torch
def test_module_list():
    same(
        """
def names(l):
    return [(k, type(v).__name__) for k, v in l._modules.items()]
a, b = nn.Identity(), nn.Flatten()
l = nn.ModuleList([a, b, nn.Identity()])
r = [len(l), l[-1] is not a, names(l[1:]), type(l[1:]).__name__]
l.append(nn.Flatten(0)); l.extend([a]); l.insert(1, b)
r.append(names(l))
l += [nn.Identity()]
r.append(names(l + nn.ModuleList([a])))
p = l.pop(0)
del l[1:3]
r += [names(l), p is a]
l[0] = a
r.append(l[0] is a)
errors = []
for bad in (lambda: l[10], lambda: l.extend(3), lambda: l.append(3)):
    try:
        bad()
    except Exception as e:
        errors.append((type(e).__name__, str(e)))
many = nn.ModuleList([nn.Identity() for _ in range(3)] + [nn.Flatten()] + [nn.Identity()] * 2)
out = [r, errors, repr(l), repr(many), repr(nn.ModuleList()), [n for n, _ in many.named_modules()]]
"""
    )


@needs_torch
def test_module_dict():
    same(
        """
d = nn.ModuleDict({'b': nn.Identity(), 'a': nn.Flatten()})
d['c'] = nn.Unflatten(0, (1, 1))
d.update([('z', nn.Identity())])
d.update(nn.ModuleDict({'y': nn.Flatten()}))
r = [list(d), list(d.keys()), [type(v).__name__ for v in d.values()], 'a' in d, len(d)]
p = d.pop('b'); del d['a']
r += [type(p).__name__, list(d)]
errors = []
for bad in (lambda: d['missing'], lambda: d.update(3), lambda: d.update([(1, 2, 3)]), lambda: d.update([3])):
    try:
        bad()
    except Exception as e:
        errors.append((type(e).__name__, str(e)))
rep = repr(d)
d.clear()
out = [r, errors, rep, len(d)]
"""
    )


@needs_torch
def test_parameter_list_and_dict():
    same(
        """
pl = nn.ParameterList([nn.Parameter(torch.ones(2, 3)), torch.zeros(4, dtype=torch.float64), 'text'])
pl.append(torch.ones(1))
pl.extend([nn.Parameter(torch.ones(2), requires_grad=False)])
r = [len(pl), type(pl[1]).__name__, pl[1].requires_grad, type(pl[2]).__name__, len(pl[1:3]),
     [n for n, _ in pl.named_parameters()], list(pl.state_dict())]
pl[0] = torch.full((1,), 5.0)
r.append(type(pl[0]).__name__)
pd = nn.ParameterDict({'b': nn.Parameter(torch.ones(2)), 'a': torch.zeros(1, 2), 'c': 3})
pd['d'] = torch.ones(3)
r += [list(pd), list(pd.keys()), [type(v).__name__ for v in pd.values()], 'a' in pd, pd.get('zz', 7),
      [n for n, _ in pd.named_parameters()]]
q = pd.copy()
r += [list(q), q['a'] is pd['a'], list(reversed(pd)), pd.setdefault('e', None), list(pd)]
r += [pd.popitem()[0], pd.pop('b').shape, list(pd)]
merged = pd | nn.ParameterDict({'x': torch.ones(1)})
r.append(list(merged))
pd |= {'y': torch.ones(1)}
r.append(list(pd))
errors = []
for bad in (lambda: pl(1), lambda: pd(1), lambda: pd[1], lambda: pl.extend(torch.ones(2)),
            lambda: pl[5], lambda: pd.update(3)):
    try:
        bad()
    except Exception as e:
        errors.append((type(e).__name__, str(e)))
out = [r, errors, repr(pl), repr(pd), repr(nn.ParameterList()), repr(nn.ParameterDict())]
"""
    )


def test_container_reprs_torch_free():
    pl = nn.ParameterList([nn.Parameter(numtorch.ones(2, 3)), numtorch.zeros(4), "x"])
    assert repr(pl) == (
        "ParameterList(\n"
        "    (0): Parameter containing: [torch.float32 of size 2x3]\n"
        "    (1): Parameter containing: [torch.float32 of size 4]\n"
        "    (2): Object of type: str\n"
        ")"
    )
    pd = nn.ParameterDict({"w": numtorch.ones(3, dtype=numtorch.float64)})
    assert repr(pd) == (
        "ParameterDict(  (w): Parameter containing: [torch.DoubleTensor of size 3])"
    )
    ml = nn.ModuleList([nn.Identity(), nn.Identity(), nn.Flatten()])
    assert repr(ml) == (
        "ModuleList(\n  (0-1): 2 x Identity()\n  (2): Flatten(start_dim=1, end_dim=-1)\n)"
    )


# ---------------------------------------------------------------- layers


def test_flatten_unflatten_torch_free():
    x = numtorch.arange(24.0).reshape(2, 3, 4)
    assert nn.Flatten()(x).shape == (2, 12)
    assert nn.Flatten(0, 1)(x).shape == (6, 4)
    assert nn.Unflatten(1, (3, 1))(numtorch.ones(2, 3)).shape == (2, 3, 1)
    assert repr(nn.Unflatten(-1, [2, 2])) == "Unflatten(dim=-1, unflattened_size=[2, 2])"
    with pytest.raises(TypeError, match="unflattened_size must be tuple of ints, but found"):
        nn.Unflatten(1, (2, 2.0))
    with pytest.raises(TypeError, match="unflattened_size must be a tuple of ints, but found type"):
        nn.Unflatten(1, 4)
    assert nn.Identity(3, key=4)(x) is x


@needs_torch
@needs_random
@pytest.mark.parametrize("shape", [(4,), (3, 4), (2, 3, 4), (2, 2, 3, 4), (0, 4)])
@pytest.mark.parametrize("bias", [True, False])
def test_linear_matches_torch(shape, bias):
    t = torch.nn.Linear(4, 3, bias=bias)
    m = nn.Linear(4, 3, bias=bias)
    copy_params(t, m)
    x_np = np.random.default_rng(0).standard_normal(shape).astype(np.float32)
    xt = torch.tensor(x_np, requires_grad=True)
    xm = numtorch.tensor(x_np, requires_grad=True)
    yt, ym = t(xt), m(xm)
    assert_close(ym, yt)
    assert type(ym.grad_fn).__name__ == type(yt.grad_fn).__name__
    w = np.random.default_rng(1).standard_normal(tuple(yt.shape)).astype(np.float32)
    (yt * torch.tensor(w)).sum().backward()
    (ym * numtorch.tensor(w)).sum().backward()
    assert_close(xm.grad, xt.grad)
    for (name, pt), (_, pm) in zip(t.named_parameters(), m.named_parameters()):
        assert_close(pm.grad, pt.grad, atol=1e-5), name
    assert repr(m) == repr(t)


@needs_torch
@needs_random
def test_bilinear_matches_torch():
    t = torch.nn.Bilinear(4, 2, 3)
    m = nn.Bilinear(4, 2, 3)
    copy_params(t, m)
    rng = np.random.default_rng(2)
    a, b = rng.standard_normal((5, 4)), rng.standard_normal((5, 2))
    xt = [torch.tensor(v, dtype=torch.float32, requires_grad=True) for v in (a, b)]
    xm = [numtorch.tensor(v, dtype=numtorch.float32, requires_grad=True) for v in (a, b)]
    yt, ym = t(*xt), m(*xm)
    assert_close(ym, yt)
    yt.pow(2).sum().backward()
    ym.pow(2).sum().backward()
    for g, w in zip(xm + [m.weight, m.bias], xt + [t.weight, t.bias]):
        assert_close(g.grad, w.grad, rtol=1e-4, atol=1e-5)
    assert (
        repr(m) == repr(t) == "Bilinear(in1_features=4, in2_features=2, out_features=3, bias=True)"
    )


@needs_random
def test_linear_layers_torch_free():
    m = nn.Linear(5, 3)
    assert m.weight.shape == (3, 5) and m.bias.shape == (3,) and isinstance(m.weight, nn.Parameter)
    bound = 1 / np.sqrt(5)
    assert float(m.weight.abs().max()) <= bound and float(m.bias.abs().max()) <= bound
    assert repr(m) == "Linear(in_features=5, out_features=3, bias=True)"
    m2 = nn.Linear(2, 2, bias=False, dtype=numtorch.float64)
    assert m2.bias is None and m2.weight.dtype is numtorch.float64
    assert list(m2.state_dict()) == ["weight"]
    m2.load_state_dict({"weight": numtorch.tensor([[1.0, 2.0], [3.0, 4.0]])})
    assert m2(numtorch.tensor([1.0, 1.0], dtype=numtorch.float64)).tolist() == [3.0, 7.0]
    with pytest.raises(ValueError, match=r"in1_features must be > 0, but got \(in1_features=0\)"):
        nn.Bilinear(0, 2, 3)


@needs_torch
@needs_random
def test_training_step_matches_torch():
    """Three plain SGD steps of a small MLP: the same parameters, step after step."""
    t = torch.nn.Sequential(
        torch.nn.Linear(6, 5), torch.nn.Flatten(0), torch.nn.Unflatten(0, (4, 5))
    )
    t.append(torch.nn.Linear(5, 2))
    m = nn.Sequential(nn.Linear(6, 5), nn.Flatten(0), nn.Unflatten(0, (4, 5)), nn.Linear(5, 2))
    copy_params(t, m)
    x = np.random.default_rng(3).standard_normal((4, 6)).astype(np.float32)
    for _ in range(3):
        for model, lib in ((t, torch), (m, numtorch)):
            model.zero_grad()
            y = model(lib.tensor(x))
            (y * y).mean().backward()
            with lib.no_grad():
                for p in model.parameters():
                    p -= 0.1 * p.grad
    for (name, pt), (_, pm) in zip(t.named_parameters(), m.named_parameters()):
        assert_close(pm, pt, rtol=1e-5, atol=1e-6), name


def test_to_numtorch_helper_keeps_values():
    if torch is None:
        pytest.skip("real torch is not installed")
    assert to_numtorch(torch.ones(2)).tolist() == [1.0, 1.0]
