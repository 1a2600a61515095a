"""Torch-free checks of the recurrent layers: values recorded from torch 2.13 (same seed, same
input), and the fused float32 LSTM layer's hand-written backward against autograd through the
composite cell loop, to second order."""

import numpy as np
import pytest

import numtorch
from numtorch.nn.modules import rnn_functional, rnn_mkldnn

# torch 2.13: manual_seed(0), the module built (then .double() except LSTM32), input
# linspace(-1, 1, 12).reshape(2, 3, 2); out/h_n/input grad of out.sum() + h_n.sum(), first values
GOLDEN = {
    "RNN": {
        "out": [-0.550503657905, 0.663845914377, 0.572896782702, -0.468425690897, 0.440101671742],
        "h": [-0.00511115282387, -0.41959096471, 0.455481666351],
        "gx": [-0.322454199237, -0.131651120481, -0.48362731879, -0.262676028069],
    },
    "GRU": {
        "out": [0.680888622576, 0.338969396496, -0.237910933361, 0.0129009781089, -0.332434274998],
        "h": [0.508436868988, 0.396001427391, -0.116246584982],
        "gx": [-0.589641202565, -0.718287287342, -0.620658426489, -0.682433324344],
    },
    "LSTM": {
        "out": [-0.161929196072, -0.0207864984143, -0.0384437933781, -0.159272843162],
        "h": [0.203120142631, -0.119478470596, -0.0678373954218],
        "gx": [-0.0932204885837, 0.00100102084643, -0.121378449987, -0.0270349549941],
    },
    "LSTM32": {
        "out": [0.327521771193, -0.00200653146021, -0.0860942751169, 0.246150508523],
        "h": [0.203120186925, -0.119478479028, -0.0678373873234],
        "gx": [-0.367597699165, -0.0441543757915, -0.507520973682, -0.141456216574],
    },
}
FIRST_WEIGHTS = [-0.00432252, 0.30971584, -0.47518533, -0.4248946, -0.22236897, 0.15482073]
MODULES = {
    "RNN": lambda: numtorch.nn.RNN(2, 3),
    "GRU": lambda: numtorch.nn.GRU(2, 3, bidirectional=True),
    "LSTM": lambda: numtorch.nn.LSTM(2, 3, 2),
    "LSTM32": lambda: numtorch.nn.LSTM(2, 3),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_recorded_torch_values(name):
    numtorch.manual_seed(0)
    module = MODULES[name]()
    x = numtorch.linspace(-1, 1, 12, dtype=numtorch.float64).reshape(2, 3, 2)
    if name == "LSTM32":
        x = x.float()
    else:
        module = module.double()
    x.requires_grad_()
    out, hidden = module(x)
    h = hidden[0] if isinstance(hidden, tuple) else hidden
    (out.sum() + h.sum()).backward()
    expected = GOLDEN[name]
    tol = {"rtol": 1e-5, "atol": 1e-6} if name == "LSTM32" else {"rtol": 1e-10, "atol": 1e-11}
    weights = module.weight_ih_l0.detach().flatten()[:6].tolist()
    np.testing.assert_allclose(weights, FIRST_WEIGHTS, atol=5e-9)
    got = out.detach().flatten()[: len(expected["out"])].tolist()
    np.testing.assert_allclose(got, expected["out"], **tol)
    np.testing.assert_allclose(h.detach().flatten()[:3].tolist(), expected["h"], **tol)
    np.testing.assert_allclose(x.grad.flatten()[:4].tolist(), expected["gx"], **tol)


def _layer_inputs(seed, reverse_dims=(5, 3, 4, 6)):
    steps, batch, features, hidden = reverse_dims
    rs = np.random.RandomState(seed)
    shapes = [
        (steps, batch, features),
        (4 * hidden, features),
        (4 * hidden, hidden),
        (4 * hidden,),
        (4 * hidden,),
        (batch, hidden),
        (batch, hidden),
    ]
    return [numtorch.tensor(rs.randn(*s) * 0.5, requires_grad=True) for s in shapes]


@pytest.mark.parametrize("reverse", [False, True])
def test_fused_layer_backward_matches_composite_to_second_order(reverse):
    """The float32 fused layer's hand-written backward equals autograd through the composite
    cell loop (checked here in float64), for gradients and gradients of gradients."""
    results = []
    for fused in (True, False):
        inputs = _layer_inputs(7)
        x, w_ih, w_hh, b_ih, b_hh, h0, c0 = inputs
        if fused:
            out, hy, cy = rnn_mkldnn._mkldnn_rnn_layer(
                x, w_ih, w_hh, b_ih, b_hh, h0, c0, reverse=reverse
            )
        else:
            params = rnn_functional.CellParams(w_ih, w_hh, b_ih, b_hh)
            steps = params.linear_ih(x).unbind(0)
            steps = steps[::-1] if reverse else steps
            outs, (hy, cy) = rnn_functional._run_steps(
                rnn_functional._lstm_cell, steps, (h0, c0), params
            )
            out = numtorch.stack(outs[::-1] if reverse else outs, 0)
        loss = (out * out).sum() + (hy * 3).sum() + (cy * cy * cy).sum()
        grads = numtorch.autograd.grad(loss, inputs, create_graph=True)
        second = sum((g * g).sum() for g in grads)
        second_grads = numtorch.autograd.grad(second, inputs)
        results.append(([out, hy, cy], grads, second_grads))
    for mine, reference in zip(results[0], results[1], strict=True):
        for a, b in zip(mine, reference, strict=True):
            np.testing.assert_allclose(
                a.detach().numpy(), b.detach().numpy(), rtol=1e-9, atol=1e-11
            )


def test_lstm_cell_by_hand():
    """One LSTMCell step from the gate equations, in NumPy."""
    numtorch.manual_seed(5)
    cell = numtorch.nn.LSTMCell(3, 2).double()
    rs = np.random.RandomState(0)
    x, h, c = rs.randn(4, 3), rs.randn(4, 2), rs.randn(4, 2)
    h1, c1 = cell(numtorch.tensor(x), (numtorch.tensor(h), numtorch.tensor(c)))
    w_ih, w_hh = cell.weight_ih.detach().numpy(), cell.weight_hh.detach().numpy()
    b = cell.bias_ih.detach().numpy() + cell.bias_hh.detach().numpy()
    gates = x @ w_ih.T + h @ w_hh.T + b
    i, f, g, o = np.split(gates, 4, axis=1)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    c_ref = sig(f) * c + sig(i) * np.tanh(g)
    np.testing.assert_allclose(c1.detach().numpy(), c_ref, rtol=1e-12)
    np.testing.assert_allclose(h1.detach().numpy(), sig(o) * np.tanh(c_ref), rtol=1e-12)
    bound = 1 / np.sqrt(2)
    assert all(float(p.abs().max()) <= bound for p in cell.parameters())
