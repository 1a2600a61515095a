"""The activation and loss modules of torch.nn against real torch: repr, forward values,
grad_fn names and gradients, for every module and its options."""

import warnings

import numpy
import pytest

import numtorch

torch = pytest.importorskip("torch")

# (module constructor expression, input shapes); inputs are drawn in (-2, 2)
ACTIVATIONS = [
    ("nn.ReLU()", [(3, 4)]),
    ("nn.ReLU(inplace=True)", [(3, 4)]),
    ("nn.ReLU6()", [(3, 4)]),
    ("nn.LeakyReLU(0.2)", [(3, 4)]),
    ("nn.LeakyReLU(inplace=True)", [(3, 4)]),
    ("nn.PReLU()", [(3, 4)]),
    ("nn.PReLU(4, init=0.1)", [(2, 4, 3)]),
    ("nn.RReLU(0.1, 0.3).eval()", [(3, 4)]),
    ("nn.ELU(alpha=0.5)", [(3, 4)]),
    ("nn.ELU(inplace=True)", [(3, 4)]),
    ("nn.SELU()", [(3, 4)]),
    ("nn.CELU(2.0)", [(3, 4)]),
    ("nn.GELU()", [(3, 4)]),
    ("nn.GELU(approximate='tanh')", [(3, 4)]),
    ("nn.SiLU()", [(3, 4)]),
    ("nn.Mish()", [(3, 4)]),
    ("nn.Softplus(beta=2, threshold=5)", [(3, 4)]),
    ("nn.Softsign()", [(3, 4)]),
    ("nn.Hardtanh(-0.5, 0.5)", [(3, 4)]),
    ("nn.Hardsigmoid()", [(3, 4)]),
    ("nn.Hardswish()", [(3, 4)]),
    ("nn.Hardshrink(0.3)", [(3, 4)]),
    ("nn.Softshrink()", [(3, 4)]),
    ("nn.Tanhshrink()", [(3, 4)]),
    ("nn.Tanh()", [(3, 4)]),
    ("nn.Sigmoid()", [(3, 4)]),
    ("nn.LogSigmoid()", [(3, 4)]),
    ("nn.Softmax(dim=1)", [(3, 4)]),
    ("nn.Softmax(dim=-1)", [(2, 3, 4)]),
    ("nn.LogSoftmax(dim=0)", [(3, 4)]),
    ("nn.Softmin(dim=1)", [(3, 4)]),
    ("nn.Softmax2d()", [(2, 3, 2, 2)]),
    ("nn.Threshold(0.1, 20.0)", [(3, 4)]),
    ("nn.Threshold(0.1, 20.0, inplace=True)", [(3, 4)]),
    ("nn.GLU()", [(3, 4)]),
    ("nn.GLU(dim=0)", [(4, 3)]),
]

LOSSES = [
    ("nn.MSELoss()", "x", "y"),
    ("nn.MSELoss(reduction='sum')", "x", "y"),
    ("nn.L1Loss(reduction='none')", "x", "y"),
    ("nn.SmoothL1Loss(beta=0.5)", "x", "y"),
    ("nn.HuberLoss(delta=0.5)", "x", "y"),
    ("nn.CrossEntropyLoss()", "x", "classes"),
    ("nn.CrossEntropyLoss(weight=w, label_smoothing=0.1)", "x", "classes"),
    ("nn.CrossEntropyLoss(ignore_index=1, reduction='sum')", "x", "classes"),
    ("nn.CrossEntropyLoss()", "x", "probs"),
    ("nn.NLLLoss()", "logp", "classes"),
    ("nn.NLLLoss(weight=w, reduction='none')", "logp", "classes"),
    ("nn.BCELoss()", "p", "probs"),
    ("nn.BCELoss(weight=w)", "p", "probs"),
    ("nn.BCEWithLogitsLoss()", "x", "probs"),
    ("nn.BCEWithLogitsLoss(pos_weight=w)", "x", "probs"),
    ("nn.KLDivLoss(reduction='batchmean')", "logp", "probs"),
    ("nn.KLDivLoss(reduction='sum', log_target=True)", "logp", "logp2"),
    ("nn.PoissonNLLLoss()", "x", "counts"),
    ("nn.PoissonNLLLoss(log_input=False, full=True)", "p", "counts"),
    ("nn.HingeEmbeddingLoss(margin=0.5)", "x", "signs"),
    ("nn.SoftMarginLoss()", "x", "signs"),
    ("nn.MultiLabelSoftMarginLoss()", "x", "probs"),
    ("nn.MultiMarginLoss()", "x", "classes"),
    ("nn.MultiMarginLoss(p=2, margin=0.5, weight=w)", "x", "classes"),
    ("nn.MSELoss(size_average=False)", "x", "y"),
]

TRIPLES = [
    ("nn.MarginRankingLoss(margin=0.1)", "v1", "v2", "vsigns"),
    ("nn.CosineEmbeddingLoss(margin=0.2)", "x", "y", "rowsigns"),
    ("nn.TripletMarginLoss(margin=0.5, p=1)", "x", "y", "z"),
    ("nn.TripletMarginLoss(swap=True)", "x", "y", "z"),
    ("nn.GaussianNLLLoss()", "x", "y", "p"),
    ("nn.GaussianNLLLoss(full=True, reduction='none')", "x", "y", "p"),
]


def _data():
    rs = numpy.random.RandomState(0)
    logits = rs.uniform(-2, 2, (3, 4))
    probs = rs.uniform(0, 1, (3, 4))
    logp = logits - numpy.log(numpy.exp(logits).sum(1, keepdims=True))
    return {
        "x": (logits, True),
        "y": (rs.uniform(-2, 2, (3, 4)), True),
        "z": (rs.uniform(-2, 2, (3, 4)), True),
        "p": (rs.uniform(0.05, 0.95, (3, 4)), True),
        "logp": (logp, True),
        "logp2": (logp[::-1].copy(), False),
        "probs": (probs, False),
        "counts": (rs.randint(0, 5, (3, 4)).astype(float), False),
        "signs": (numpy.where(probs > 0.5, 1.0, -1.0), False),
        "classes": (numpy.array([0, 3, 1]), False),
        "w": (rs.uniform(0.5, 1.5, (4,)), False),
        "v1": (rs.uniform(-2, 2, (5,)), True),
        "v2": (rs.uniform(-2, 2, (5,)), True),
        "vsigns": (numpy.array([1.0, -1.0, 1.0, 1.0, -1.0]), False),
        "rowsigns": (numpy.array([1, -1, 1]), False),
    }


def _tensor(lib, array, grad):
    t = lib.from_numpy(array.copy())
    if t.dtype == lib.float64:
        t = t.float()
    return t.requires_grad_(grad) if grad else t


def _run(lib, expr, names):
    data = _data()
    env = {"nn": lib.nn}
    env.update({k: _tensor(lib, *data[k]) for k in ("w",)})
    module = eval(expr, env)
    inputs = [_tensor(lib, *data[n]) for n in names]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = module(*inputs)
    out.backward(lib.ones_like(out))
    grads = [None if t.grad is None else t.grad.numpy() for t in inputs]
    return repr(module), out, grads


def _compare(expr, names):
    want_repr, want, want_grads = _run(torch, expr, names)
    got_repr, got, got_grads = _run(numtorch, expr, names)
    assert got_repr == want_repr
    assert type(got.grad_fn).__name__ == type(want.grad_fn).__name__
    assert str(got.dtype) == str(want.dtype) and tuple(got.shape) == tuple(want.shape)
    numpy.testing.assert_allclose(got.detach().numpy(), want.detach().numpy(), 1e-5, 1e-6)
    for g, w in zip(got_grads, want_grads):
        assert (g is None) == (w is None)
        if w is not None:
            numpy.testing.assert_allclose(g, w, 1e-5, 1e-6)


@pytest.mark.parametrize("expr, shapes", ACTIVATIONS, ids=[a[0] for a in ACTIVATIONS])
def test_activation_module(expr, shapes):
    def run(lib):
        module = eval(expr, {"nn": lib.nn})
        rs = numpy.random.RandomState(1)
        leaves = [_tensor(lib, rs.uniform(-2, 2, s), True) for s in shapes]
        inputs = [leaf * 1 for leaf in leaves]  # in-place modules need a non-leaf
        out = module(*inputs)
        out.backward(lib.ones_like(out))
        return repr(module), out, [leaf.grad.numpy() for leaf in leaves]

    want_repr, want, want_grads = run(torch)
    got_repr, got, got_grads = run(numtorch)
    assert got_repr == want_repr
    assert type(got.grad_fn).__name__ == type(want.grad_fn).__name__
    numpy.testing.assert_allclose(got.detach().numpy(), want.detach().numpy(), 1e-5, 1e-6)
    for g, w in zip(got_grads, want_grads):
        numpy.testing.assert_allclose(g, w, 1e-5, 1e-6)


@pytest.mark.parametrize("expr, a, b", LOSSES, ids=[f"{e}-{a}-{b}" for e, a, b in LOSSES])
def test_loss_module(expr, a, b):
    _compare(expr, (a, b))


@pytest.mark.parametrize("expr, a, b, c", TRIPLES, ids=[t[0] for t in TRIPLES])
def test_three_input_loss_module(expr, a, b, c):
    _compare(expr, (a, b, c))


def test_loss_module_state():
    """Weight buffers land in state_dict as torch's do; legacy flags map to a reduction."""
    for lib in (torch, numtorch):
        w = lib.ones(3)
        loss = lib.nn.CrossEntropyLoss(weight=w)
        assert list(loss.state_dict()) == ["weight"]
        assert list(lib.nn.BCEWithLogitsLoss(pos_weight=w).state_dict()) == ["pos_weight"]
        with pytest.warns(UserWarning, match="size_average and reduce args will be deprecated"):
            assert lib.nn.MSELoss(reduce=False).reduction == "none"


@pytest.mark.parametrize(
    "expr",
    [
        "nn.TripletMarginLoss(margin=0)",
        "nn.MultiMarginLoss(p=3)",
        "nn.HuberLoss(delta='1')",
    ],
)
def test_loss_module_constructor_errors(expr):
    with pytest.raises(Exception) as want:
        eval(expr, {"nn": torch.nn})
    with pytest.raises(type(want.value)) as got:
        eval(expr, {"nn": numtorch.nn})
    assert str(got.value) == str(want.value)


def test_softmax2d_needs_3d_or_4d():
    with pytest.raises(ValueError, match="Softmax2d: expected input to be 3D or 4D, got 2D"):
        numtorch.nn.Softmax2d()(numtorch.ones(2, 2))


@pytest.mark.parametrize(
    "expr", ["nn.CTCLoss()", "nn.CTCLoss(blank=4, reduction='sum', zero_infinity=True)"]
)
def test_ctc_loss_module(expr):
    def run(lib):
        rs = numpy.random.RandomState(2)
        x = _tensor(lib, rs.uniform(-2, 2, (7, 2, 5)), True)
        targets = lib.tensor([[1, 2, 2], [3, 3, 0]])
        loss = eval(expr, {"nn": lib.nn})
        out = loss(x.log_softmax(2), targets, (7, 2), (3, 2))
        out.backward()
        return repr(loss), out.detach().numpy(), x.grad.numpy()

    want, got = run(torch), run(numtorch)
    assert got[0] == want[0]
    numpy.testing.assert_allclose(got[1], want[1], 1e-5, 1e-6)
    numpy.testing.assert_allclose(got[2], want[2], 1e-5, 1e-6)
