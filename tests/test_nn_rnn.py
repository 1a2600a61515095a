"""nn.RNN, nn.LSTM, nn.GRU and their cells against real torch: same parameters under the same
seed (bit for bit), outputs, final states, gradients of inputs/states/parameters, the grad_fn
graph node for node, dropout masks in training, errors and reprs (torch-free checks are in
test_nn_rnn_golden.py)."""

import numpy as np
import pytest

import numtorch
from numtorch.nn.modules import rnn_mkldnn

torch = pytest.importorskip("torch")


def graph_signature(roots):
    """Every node reachable from `roots` as (class name, indices of its next functions),
    numbered in depth-first order: equal signatures mean the same graph."""
    ids, nodes = {}, []

    def visit(fn):
        if fn is None:
            return -1
        if fn in ids:
            return ids[fn]
        ids[fn] = len(ids)
        entry = [type(fn).__name__, None]
        nodes.append(entry)
        edges = [visit(f) for f, _ in fn.next_functions]
        if entry[0] == "IndexSelectBackward0":
            # numtorch lists an edge for the (integer) index too; torch does not
            edges = edges[:1]
        entry[1] = edges
        return ids[fn]

    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20000))
    try:
        return [visit(r) for r in roots], nodes
    finally:
        sys.setrecursionlimit(limit)


def run_module(lib, cls, args, kwargs, dtype, x_shape, state_shapes, train, lengths, unsorted):
    lib.manual_seed(0)
    module = getattr(lib.nn, cls)(*args, **kwargs).to(getattr(lib, dtype))
    module.train(train)
    rs = np.random.RandomState(1)
    x = lib.tensor(rs.randn(*x_shape), dtype=getattr(lib, dtype), requires_grad=True)
    states = [
        lib.tensor(rs.randn(*s), dtype=getattr(lib, dtype), requires_grad=True)
        for s in state_shapes
    ]
    inp = x
    if lengths is not None:
        inp = lib.nn.utils.rnn.pack_padded_sequence(
            x, lengths, batch_first=kwargs.get("batch_first", False), enforce_sorted=not unsorted
        )
    lib.manual_seed(1)  # the dropout masks
    if not states:
        out, hidden = module(inp)
    else:
        out, hidden = module(inp, tuple(states) if cls == "LSTM" else states[0])
    if lengths is not None:
        out = out.data
    outs = [out, *(hidden if isinstance(hidden, tuple) else (hidden,))]
    loss = 0
    for i, o in enumerate(outs):
        weight = np.random.RandomState(10 + i).randn(*o.shape)
        loss = loss + (o * lib.tensor(weight, dtype=o.dtype)).sum()
    signature = graph_signature([o.grad_fn for o in outs])
    loss.backward()
    params = {n: p.detach().numpy().copy() for n, p in module.named_parameters()}
    grads = {n: p.grad.numpy().copy() for n, p in module.named_parameters()}
    grads["input"] = x.grad.numpy()
    for i, s in enumerate(states):
        grads[f"state{i}"] = s.grad.numpy()
    values = [o.detach().numpy() for o in outs]
    return params, values, grads, signature, repr(module)


CONFIGS = [
    ("RNN", (4, 8), {}, (5, 3, 4), [], None),
    ("RNN", (4, 8, 2), {"nonlinearity": "relu"}, (5, 3, 4), [(2, 3, 8)], None),
    ("RNN", (4, 8, 2), {"batch_first": True, "bidirectional": True}, (3, 5, 4), [], None),
    ("RNN", (4, 8), {"bias": False}, (5, 4), [(1, 8)], None),
    ("RNN", (4, 8, 2), {"bidirectional": True}, (5, 3, 4), [(4, 3, 8)], [5, 3, 2]),
    ("GRU", (4, 8), {}, (5, 3, 4), [], None),
    ("GRU", (4, 8, 2), {"batch_first": True, "bias": False}, (3, 5, 4), [(2, 3, 8)], None),
    ("GRU", (4, 8, 2), {"bidirectional": True}, (5, 3, 4), [], None),
    ("GRU", (4, 8, 2), {"batch_first": True}, (5, 4), [(2, 8)], None),
    ("GRU", (4, 8), {}, (5, 3, 4), [], [5, 5, 2]),
    ("LSTM", (4, 8), {}, (5, 3, 4), [], None),
    ("LSTM", (4, 8, 2), {"bidirectional": True}, (5, 3, 4), [(4, 3, 8), (4, 3, 8)], None),
    ("LSTM", (4, 8, 2), {"batch_first": True, "bias": False}, (3, 5, 4), [], None),
    ("LSTM", (4, 8, 2), {"proj_size": 3}, (5, 3, 4), [(2, 3, 3), (2, 3, 8)], None),
    ("LSTM", (4, 8, 2), {"proj_size": 3, "bidirectional": True}, (5, 4), [], None),
    ("LSTM", (4, 8), {"batch_first": True}, (5, 4), [(1, 8), (1, 8)], None),
    ("LSTM", (4, 8, 2), {"bidirectional": True}, (5, 3, 4), [], [5, 3, 2]),
    ("LSTM", (4, 8, 2), {"proj_size": 2}, (5, 3, 4), [(2, 3, 2), (2, 3, 8)], [5, 4, 1]),
]
PACK_UNSORTED = [
    ("LSTM", (4, 8, 2), {"bidirectional": True}, (5, 3, 4), [(4, 3, 8), (4, 3, 8)], [2, 5, 3]),
    ("GRU", (4, 8), {"batch_first": True}, (3, 5, 4), [(1, 3, 8)], [2, 5, 3]),
    ("RNN", (4, 8, 2), {}, (5, 3, 4), [], [3, 3, 5]),
]
DROPOUT = [
    ("RNN", (4, 8, 3), {"dropout": 0.5}, (5, 3, 4), [], None),
    ("GRU", (4, 8, 2), {"dropout": 0.3, "bidirectional": True}, (5, 3, 4), [], None),
    ("LSTM", (4, 8, 3), {"dropout": 0.4, "batch_first": True}, (3, 5, 4), [], None),
    ("LSTM", (4, 8, 2), {"dropout": 0.4, "bidirectional": True}, (5, 3, 4), [], [5, 3, 2]),
]


def _check(config, dtype, train=True, unsorted=False):
    cls, args, kwargs, x_shape, state_shapes, lengths = config
    call = (cls, args, kwargs, dtype, x_shape, state_shapes, train, lengths, unsorted)
    with np.errstate(all="ignore"):
        ours = run_module(numtorch, *call)
    theirs = run_module(torch, *call)
    tol = {"rtol": 1e-10, "atol": 1e-12} if dtype == "float64" else {"rtol": 1e-4, "atol": 2e-5}
    assert ours[4] == theirs[4]
    assert list(ours[0]) == list(theirs[0])
    for name in theirs[0]:
        np.testing.assert_array_equal(ours[0][name], theirs[0][name], err_msg=name)
    for mine, expected in zip(ours[1], theirs[1], strict=True):
        assert mine.shape == expected.shape
        np.testing.assert_allclose(mine, expected, **tol)
    assert list(ours[2]) == list(theirs[2])
    for name in theirs[2]:
        np.testing.assert_allclose(ours[2][name], theirs[2][name], err_msg=name, **tol)
    assert ours[3] == theirs[3]


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: f"{c[0]}-{c[2]}-{c[5]}")
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_module_matches_torch(config, dtype):
    _check(config, dtype)


@pytest.mark.parametrize("config", PACK_UNSORTED, ids=lambda c: f"{c[0]}-{c[5]}")
def test_unsorted_packed_input(config):
    _check(config, "float64", unsorted=True)
    _check(config, "float32", unsorted=True)


@pytest.mark.parametrize("config", DROPOUT, ids=lambda c: f"{c[0]}-{c[2]}-{c[5]}")
def test_dropout_masks_in_training(config):
    _check(config, "float32", train=True)
    _check(config, "float64", train=True)
    _check(config, "float32", train=False)


def run_cell(lib, cls, kwargs, dtype, x_shape, state_shapes):
    lib.manual_seed(3)
    cell = getattr(lib.nn, cls)(4, 6, **kwargs).to(getattr(lib, dtype))
    rs = np.random.RandomState(2)
    x = lib.tensor(rs.randn(*x_shape), dtype=getattr(lib, dtype), requires_grad=True)
    states = [
        lib.tensor(rs.randn(*s), dtype=getattr(lib, dtype), requires_grad=True)
        for s in state_shapes
    ]
    if not states:
        result = cell(x)
    else:
        result = cell(x, tuple(states) if cls == "LSTMCell" else states[0])
    outs = list(result) if isinstance(result, tuple) else [result]
    loss = sum((o * (i + 2.0)).sum() for i, o in enumerate(outs))
    signature = graph_signature([o.grad_fn for o in outs])
    loss.backward()
    grads = [p.grad.numpy() for p in cell.parameters()] + [x.grad.numpy()]
    grads += [s.grad.numpy() for s in states]
    params = [p.detach().numpy().copy() for p in cell.parameters()]
    return params, [o.detach().numpy() for o in outs], grads, signature, repr(cell)


@pytest.mark.parametrize(
    "cls,kwargs,x_shape,state_shapes",
    [
        ("RNNCell", {}, (3, 4), [(3, 6)]),
        ("RNNCell", {"nonlinearity": "relu", "bias": False}, (3, 4), []),
        ("RNNCell", {}, (4,), [(6,)]),
        ("LSTMCell", {}, (3, 4), [(3, 6), (3, 6)]),
        ("LSTMCell", {"bias": False}, (4,), []),
        ("GRUCell", {}, (3, 4), [(3, 6)]),
        ("GRUCell", {}, (4,), []),
    ],
)
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_cells_match_torch(cls, kwargs, x_shape, state_shapes, dtype):
    ours = run_cell(numtorch, cls, kwargs, dtype, x_shape, state_shapes)
    theirs = run_cell(torch, cls, kwargs, dtype, x_shape, state_shapes)
    tol = {"rtol": 1e-10, "atol": 1e-12} if dtype == "float64" else {"rtol": 1e-5, "atol": 1e-6}
    assert ours[4] == theirs[4]
    for a, b in zip(ours[0], theirs[0], strict=True):
        np.testing.assert_array_equal(a, b)
    for key in (1, 2):
        for a, b in zip(ours[key], theirs[key], strict=True):
            np.testing.assert_allclose(a, b, **tol)
    assert ours[3] == theirs[3]


def test_empty_sequence_and_fused_path_choice():
    for lib in (numtorch, torch):
        with pytest.raises(RuntimeError, match="Expected sequence length to be larger than 0"):
            lib.nn.LSTM(3, 4)(lib.zeros(0, 2, 3))
    x = numtorch.randn(4, 2, 3, requires_grad=True)
    out, _ = numtorch.nn.LSTM(3, 4)(x)
    assert type(out.grad_fn).__name__ == "MkldnnRnnLayerBackward0"
    out, _ = numtorch.nn.LSTM(3, 4).double()(x.double())
    assert type(out.grad_fn).__name__ == "StackBackward0"
    assert type(torch.nn.LSTM(3, 4)(torch.randn(4, 2, 3))[0].grad_fn).__name__ == (
        "MkldnnRnnLayerBackward0"
    )


def test_projection_warning_and_flat_weights():
    with pytest.warns(UserWarning, match="LSTM with projections is not supported with oneDNN"):
        rnn_mkldnn._warned_projections.clear()
        numtorch.nn.LSTM(3, 4, proj_size=2)(numtorch.randn(2, 1, 3))
    module = numtorch.nn.GRU(3, 4)
    module.flatten_parameters()
    replacement = numtorch.nn.Parameter(numtorch.ones(12, 3))
    module.weight_ih_l0 = replacement
    assert module._flat_weights[0] is replacement
    assert module.all_weights[0][0] is replacement
    assert module.double()._flat_weights[0].dtype is numtorch.float64
