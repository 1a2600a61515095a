"""nn.init (values bit for bit equal to torch's after the same seed, and the stream left where
torch leaves it) and nn.utils (clip_grad_norm_, clip_grad_value_, parameters_to_vector,
vector_to_parameters)."""

import math
import warnings

import numpy as np
import pytest

import numtorch
import numtorch.nn as nn
from tests.nn_module_helpers import needs_random, needs_torch, same, torch

# torch 2.13: manual_seed(0); nn.Linear(5, 3)
LINEAR_5_3_WEIGHT = [
    [-0.003348207799717784, 0.23990486562252045, -0.36807698011398315, -0.3291219472885132, -0.17224626243114471],
    [0.11992361396551132, -0.008860723115503788, 0.3545909523963928, -0.039687544107437134, 0.11833833158016205],
    [-0.13515380024909973, -0.08790671080350876, -0.4272448420524597, -0.2961815595626831, -0.18435177206993103],
]  # fmt: skip
LINEAR_5_3_BIAS = [0.016566388309001923, 0.17679926753044128, 0.2683383524417877]


@needs_random
def test_linear_init_is_torchs_torch_free():
    numtorch.manual_seed(0)
    m = nn.Linear(5, 3)
    assert m.weight.tolist() == LINEAR_5_3_WEIGHT
    assert m.bias.tolist() == LINEAR_5_3_BIAS


INITS = [
    ("uniform_", (3, 5), {}),
    ("uniform_", (40,), {"a": -2, "b": 3}),
    ("normal_", (3, 5), {}),
    ("normal_", (7, 9), {"mean": 1, "std": 0.3}),
    ("xavier_uniform_", (4, 6), {}),
    ("xavier_normal_", (20, 6), {"gain": 2.0}),
    ("kaiming_uniform_", (8, 3, 3, 3), {}),
    ("kaiming_uniform_", (8, 3), {"a": 0.1, "mode": "fan_out", "nonlinearity": "leaky_relu"}),
    ("kaiming_normal_", (8, 3, 3, 3), {"mode": "fan_out", "nonlinearity": "relu"}),
    ("trunc_normal_", (50, 4), {}),
    ("trunc_normal_", (3, 3), {"std": 0.02}),
    ("trunc_normal_", (50, 4), {"a": 1.5, "b": 3.0}),
    ("sparse_", (10, 5), {"sparsity": 0.3}),
    ("eye_", (3, 4), {}),
    ("dirac_", (4, 2, 3), {}),
    ("dirac_", (6, 2, 3, 3), {"groups": 2}),
    ("dirac_", (2, 3, 3, 3, 3), {}),
    ("constant_", (2, 2), {"val": 0.5}),
    ("ones_", (2,), {}),
    ("zeros_", (2,), {}),
]


def _init(lib, name, shape, kwargs, seeded_generator):
    lib.manual_seed(0)
    t = lib.empty(shape)
    kwargs = dict(kwargs)
    if seeded_generator:
        kwargs["generator"] = lib.Generator().manual_seed(7)
    out = getattr(lib.nn.init, name)(t, **kwargs)
    assert out is t
    return t.detach().numpy().copy(), lib.rand(3).numpy()


@needs_torch
@needs_random
@pytest.mark.parametrize("name,shape,kwargs", INITS)
@pytest.mark.parametrize("generator", [False, True])
def test_init_bit_for_bit(name, shape, kwargs, generator):
    if generator and "generator" not in _params(name):
        pytest.skip(f"{name} takes no generator")
    values, after = _init(numtorch, name, shape, kwargs, generator)
    want_values, want_after = _init(torch, name, shape, kwargs, generator)
    np.testing.assert_array_equal(values, want_values)
    np.testing.assert_array_equal(after, want_after)


def _params(name):
    import inspect

    return inspect.signature(getattr(nn.init, name)).parameters


@needs_torch
@needs_random
@pytest.mark.parametrize("shape,gain", [((4, 6), 1), ((6, 4), 2.0), ((3, 2, 2), 1)])
def test_orthogonal_matches_torch(shape, gain):
    """LAPACK's QR in NumPy and in torch round differently: close, not bit for bit."""
    values, after = _init(numtorch, "orthogonal_", shape, {"gain": gain}, False)
    want_values, want_after = _init(torch, "orthogonal_", shape, {"gain": gain}, False)
    np.testing.assert_allclose(values, want_values, atol=1e-6)
    np.testing.assert_array_equal(after, want_after)
    flat = values.reshape(shape[0], -1) / gain
    small = flat @ flat.T if shape[0] <= flat.shape[1] else flat.T @ flat
    np.testing.assert_allclose(small, np.eye(len(small)), atol=1e-5)


def test_gains_and_fans_torch_free():
    init = nn.init
    assert init.calculate_gain("conv2d") == 1 and init.calculate_gain("sigmoid") == 1
    assert init.calculate_gain("tanh") == 5.0 / 3 and init.calculate_gain("selu") == 0.75
    assert init.calculate_gain("relu") == math.sqrt(2.0)
    assert init.calculate_gain("leaky_relu", 0.2) == 1.3867504905630728
    assert init.calculate_gain("leaky_relu") == math.sqrt(2.0 / (1 + 0.01**2))
    with pytest.raises(ValueError, match="negative_slope True not a valid number"):
        init.calculate_gain("leaky_relu", True)
    with pytest.raises(ValueError, match="Unsupported nonlinearity gelu"):
        init.calculate_gain("gelu")
    assert init._calculate_fan_in_and_fan_out(numtorch.empty(8, 3, 5, 5)) == (75, 200)
    with pytest.raises(ValueError, match="Fan in and fan out can not be computed"):
        init._calculate_fan_in_and_fan_out(numtorch.empty(3))
    with pytest.raises(ValueError, match=r"Mode fan_avg not supported, please use one of \["):
        init.kaiming_uniform_(numtorch.empty(2, 2), mode="fan_avg")
    with pytest.raises(ValueError, match="Only tensors with 2 dimensions are supported"):
        init.eye_(numtorch.empty(2))
    with pytest.raises(ValueError, match="Only tensors with 3, 4, or 5 dimensions"):
        init.dirac_(numtorch.empty(2, 2))
    with pytest.raises(ValueError, match="dim 0 must be divisible by groups"):
        init.dirac_(numtorch.empty(3, 2, 2), groups=2)
    with pytest.raises(ValueError, match="Only tensors with 2 or more dimensions"):
        init.orthogonal_(numtorch.empty(3))


def test_init_keeps_leaves_and_warns():
    p = nn.Parameter(numtorch.empty(2, 3))
    nn.init.constant_(p, 2.0)
    assert p.grad_fn is None and p.requires_grad and p.tolist() == [[2.0] * 3] * 2
    nn.init.eye_(p)
    assert p.tolist() == [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]
    with pytest.warns(UserWarning, match="Initializing zero-element tensors is a no-op"):
        nn.init.kaiming_uniform_(numtorch.empty(0, 3))
    with pytest.warns(FutureWarning, match="`nn.init.constant` is now deprecated"):
        nn.init.constant(p, 1.0)


@needs_random
def test_seeded_normal_torch_free():
    numtorch.manual_seed(0)
    t = nn.init.normal_(numtorch.empty(2, 3))
    assert t.tolist() == [
        [1.5409960746765137, -0.293428897857666, -2.1787893772125244],
        [0.5684312582015991, -1.0845223665237427, -1.3985954523086548],
    ]


# ---------------------------------------------------------------- nn.utils

UTILS = """
def make():
    a = nn.Parameter(torch.tensor([[3.0, -4.0], [1.0, 2.0]]))
    b = nn.Parameter(torch.tensor([0.5, -12.0, 2.0]))
    c = nn.Parameter(torch.ones(2))
    (a * torch.tensor([[1.0, 2.0], [-3.0, 4.0]])).sum().backward()
    (b * b).sum().backward()
    return [a, b, c]
def grads(ps):
    return [None if p.grad is None else [round(float(v), 5) for v in p.grad.reshape(-1)] for p in ps]
"""


@needs_torch
@pytest.mark.parametrize("norm_type", [2.0, 1, "inf", 3.5])
@pytest.mark.parametrize("max_norm", [1.0, 1000.0])
def test_clip_grad_norm(norm_type, max_norm):
    norm = "float('inf')" if norm_type == "inf" else repr(norm_type)
    same(
        UTILS
        + f"""
ps = make()
total = nn.utils.clip_grad_norm_(ps, {max_norm}, norm_type={norm})
out = [round(float(total), 4), str(total.dtype), total.shape, grads(ps)]
"""
    )


@needs_torch
def test_clip_grad_edge_cases():
    same(
        UTILS
        + """
r = []
ps = make()
r.append(float(nn.utils.clip_grad_norm_(ps[0], 1.0)))
r.append(grads(ps))
r.append(float(nn.utils.clip_grad_norm_([], 1.0)))
r.append(float(nn.utils.clip_grad_norm_([ps[2]], 1.0)))
ps = make()
ps[0].grad[0, 0] = float('nan')
try:
    nn.utils.clip_grad_norm_(ps, 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    r.append(str(e))
r.append(str(float(nn.utils.clip_grad_norm_(ps, 1.0, foreach=True))))
ps = make()
nn.utils.clip_grad_value_(ps, 2.5)
r.append(grads(ps))
nn.utils.clip_grad_value_(ps[1], 0.1, foreach=False)
r.append(grads(ps))
out = r
"""
    )


@needs_torch
def test_parameters_vector_roundtrip():
    same(
        """
m = nn.Module()
m.a = nn.Parameter(torch.arange(6.0).reshape(2, 3))
m.b = nn.Parameter(torch.tensor([7.0, 8.0]))
v = nn.utils.parameters_to_vector(m.parameters())
r = [v.tolist(), type(v.grad_fn).__name__, [type(n).__name__ for n, _ in v.grad_fn.next_functions]]
new = torch.arange(8.0) * 10
nn.utils.vector_to_parameters(new, m.parameters())
r += [m.a.tolist(), m.b.tolist(), type(m.a).__name__, m.a.requires_grad, m.a.data_ptr() == new.data_ptr()]
try:
    nn.utils.vector_to_parameters([1.0], m.parameters())
except TypeError as e:
    r.append(str(e))
out = r
"""
    )


def test_clip_grad_norm_torch_free():
    p = nn.Parameter(numtorch.zeros(2))
    p.grad = numtorch.tensor([3.0, 4.0])
    total = nn.utils.clip_grad_norm_([p], 1.0)
    assert float(total) == 5.0
    np.testing.assert_allclose(p.grad.numpy(), [0.6, 0.8], rtol=1e-6)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nn.utils.clip_grad_norm_((q for q in []), 1.0)
    assert "empty generator" in str(caught[0].message)


@needs_torch
@needs_random
@pytest.mark.parametrize(
    "make",
    [
        "nn.Linear(5, 3)",
        "nn.Linear(784, 512)",
        "nn.Linear(7, 3, dtype=torch.float64)",
        "nn.Linear(4, 2, bias=False)",
        "nn.Bilinear(4, 2, 3)",
        "nn.Sequential(nn.Linear(6, 4), nn.Linear(4, 2), nn.Bilinear(2, 2, 1))",
    ],
)
def test_layer_init_bit_for_bit(make):
    built = []
    for lib in (numtorch, torch):
        lib.manual_seed(3)
        module = eval(make, {"nn": lib.nn, "torch": lib})  # noqa: S307 - a fixed expression
        built.append(
            [p.detach().numpy().copy() for p in module.parameters()] + [lib.rand(2).numpy()]
        )
    for got, want in zip(*built):
        np.testing.assert_array_equal(got, want)
