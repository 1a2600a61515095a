"""The normalization modules (BatchNorm*, InstanceNorm*, LayerNorm, GroupNorm, RMSNorm,
LocalResponseNorm) against real torch: same seed -> same parameters and buffers; outputs,
gradients and running statistics over a few training steps; eval mode; reprs and errors. A few
torch-free goldens at the end."""

import warnings

import numpy as np
import pytest

import numtorch
from tests.nn_module_helpers import needs_torch, same, torch

CONSTRUCTORS = [
    "nn.BatchNorm1d(3)",
    "nn.BatchNorm1d(3, momentum=None)",
    "nn.BatchNorm1d(3, affine=False, eps=1e-3)",
    "nn.BatchNorm1d(3, track_running_stats=False)",
    "nn.BatchNorm1d(3, bias=False)",
    "nn.BatchNorm2d(3, momentum=0.5)",
    "nn.BatchNorm3d(3)",
    "nn.InstanceNorm1d(3)",
    "nn.InstanceNorm1d(3, affine=True, track_running_stats=True)",
    "nn.InstanceNorm2d(3, track_running_stats=True, momentum=0.3)",
    "nn.InstanceNorm3d(3, affine=True)",
    "nn.LayerNorm(4)",
    "nn.LayerNorm([3, 4], elementwise_affine=False)",
    "nn.LayerNorm(4, bias=False, eps=1e-3)",
    "nn.GroupNorm(1, 3)",
    "nn.GroupNorm(3, 3, affine=False)",
    "nn.RMSNorm(4)",
    "nn.RMSNorm([3, 4], eps=1e-4, elementwise_affine=False)",
    "nn.LocalResponseNorm(2)",
]

# the input shape each module takes in the training test
SHAPES = {
    "BatchNorm1d": (5, 3, 4),
    "BatchNorm2d": (2, 3, 4, 2),
    "BatchNorm3d": (2, 3, 2, 2, 2),
    "InstanceNorm1d": (2, 3, 5),
    "InstanceNorm2d": (2, 3, 3, 2),
    "InstanceNorm3d": (2, 3, 2, 2, 2),
    "LayerNorm": (2, 3, 4),
    "GroupNorm": (2, 3, 4),
    "RMSNorm": (2, 3, 4),
    "LocalResponseNorm": (2, 3, 4),
}


def _shape(ctor):
    return SHAPES[ctor.split("(")[0].split(".")[1]]


@needs_torch
@pytest.mark.parametrize("ctor", CONSTRUCTORS)
def test_repr_and_state_dict(ctor):
    same(
        f"""
        m = {ctor}
        out = (repr(m), [(k, tuple(v.shape), str(v.dtype)) for k, v in m.state_dict().items()],
               [k for k, _ in m.named_parameters()], [k for k, _ in m.named_buffers()])
        """
    )


def _train(lib, ctor, data, steps=3):
    """Output, parameter grads and state after `steps` SGD steps in train mode, then the
    output in eval mode."""
    lib.manual_seed(0)
    m = eval(ctor, {"nn": lib.nn})
    trace = []
    for step in range(steps):
        x = lib.tensor(data[step], requires_grad=True)
        y = m(x)
        (y * lib.tensor(data[step] + 1.0)).sum().backward()
        trace.append(y.detach().numpy().copy())
        trace.append(x.grad.numpy().copy())
        with lib.no_grad():
            for p in m.parameters():
                trace.append(p.grad.numpy().copy())
                p -= 0.1 * p.grad
                p.grad = None
    for v in m.state_dict().values():
        trace.append(v.numpy().copy())
    m.eval()
    trace.append(m(lib.tensor(data[0])).detach().numpy())
    return trace


@needs_torch
@pytest.mark.parametrize("ctor", CONSTRUCTORS)
def test_training_steps_match_torch(ctor):
    rng = np.random.RandomState(1)
    data = [rng.uniform(-2, 2, _shape(ctor)).astype(np.float32) for _ in range(3)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got, want = _train(numtorch, ctor, data), _train(torch, ctor, data)
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g.dtype == w.dtype and g.shape == w.shape
        np.testing.assert_allclose(g, w, rtol=1e-4, atol=1e-5)


@needs_torch
@pytest.mark.parametrize(
    "src",
    [
        "m = nn.BatchNorm2d(3); m(torch.ones(2, 3, 4))",
        "m = nn.BatchNorm1d(3); m(torch.ones(1, 3))",
        "m = nn.BatchNorm1d(3); m(torch.ones(2, 4))",
        "m = nn.BatchNorm3d(3); m(torch.ones(2, 3, 4))",
        "m = nn.InstanceNorm1d(3); m(torch.ones(2, 3, 4, 5))",
        "m = nn.InstanceNorm2d(3); m(torch.ones(2, 3))",
        "m = nn.InstanceNorm1d(3, affine=True); m(torch.ones(2, 4, 5))",
        "nn.GroupNorm(2, 3)",
        "m = nn.LayerNorm(4); m(torch.ones(2, 3))",
        "m = nn.RMSNorm(4); m(torch.ones(2, 3))",
        "m = nn.LocalResponseNorm(2); m(torch.ones(3, 4))",
    ],
)
def test_errors_match_torch(src):
    same(src)


@needs_torch
def test_instance_norm_warns_on_unused_num_features():
    for lib in (numtorch, torch):
        with pytest.warns(UserWarning, match="does not match num_features"):
            lib.nn.InstanceNorm1d(3)(lib.ones(2, 4, 5))


@needs_torch
def test_instance_norm_unbatched_and_eval_with_running_stats():
    same(
        """
        torch.manual_seed(0)
        m = nn.InstanceNorm1d(3, track_running_stats=True)
        x = torch.randn(3, 6)
        y = m(x)
        m.eval()
        out = (y.shape, [round(v, 4) for v in y.flatten().tolist()],
               [round(v, 4) for v in m.running_mean.tolist()],
               [round(v, 4) for v in m(x).flatten().tolist()])
        """
    )


@needs_torch
def test_batch_norm_momentum_none_cumulative_average():
    same(
        """
        torch.manual_seed(0)
        m = nn.BatchNorm1d(2, momentum=None)
        for _ in range(4):
            m(torch.randn(6, 2))
        out = ([round(v, 5) for v in m.running_mean.tolist()],
               [round(v, 5) for v in m.running_var.tolist()], m.num_batches_tracked.item(),
               m.running_mean._version > 0)
        """
    )


@needs_torch
def test_batch_norm_eval_without_running_stats_uses_batch_statistics():
    same(
        """
        torch.manual_seed(0)
        m = nn.BatchNorm1d(2, track_running_stats=False).eval()
        out = [round(v, 5) for v in m(torch.randn(4, 2)).flatten().tolist()]
        """
    )


@needs_torch
def test_load_state_dict_without_num_batches_tracked():
    same(
        """
        m = nn.BatchNorm1d(2)
        sd = m.state_dict()
        del sd['num_batches_tracked']
        sd._metadata[''] = {'version': 1}
        out = (str(m.load_state_dict(sd)), m.num_batches_tracked.item())
        """
    )


@needs_torch
def test_double_precision_and_half_modules():
    same(
        """
        torch.manual_seed(0)
        m = nn.LayerNorm(4, dtype=torch.float64)
        b = nn.BatchNorm1d(3).half()
        x = torch.randn(2, 3, 4)
        out = (str(m(x.double()).dtype), [round(v, 6) for v in m(x.double()).flatten().tolist()],
               str(b(x.half()).dtype), str(b.running_mean.dtype))
        """
    )


# ---------------------------------------------------------------- torch-free goldens


def test_golden_batch_norm_training_step():
    # torch 2.13: nn.BatchNorm1d(2) on this batch, one training step
    m = numtorch.nn.BatchNorm1d(2)
    x = numtorch.tensor([[1.0, -2.0], [3.0, 0.0], [-1.0, 4.0]])
    y = m(x)
    np.testing.assert_allclose(
        y.detach().numpy(),
        [[0.0, -1.0690441], [1.2247425, -0.267261], [-1.2247425, 1.336305]],
        rtol=1e-5,
    )
    np.testing.assert_allclose(m.running_mean.numpy(), [0.1, 0.0666667], rtol=1e-5)
    np.testing.assert_allclose(m.running_var.numpy(), [1.3, 1.8333334], rtol=1e-5)
    assert m.num_batches_tracked.item() == 1
    assert type(y.grad_fn).__name__ == "NativeBatchNormBackward0"


def test_golden_layer_norm_and_rms_norm():
    x = numtorch.tensor([[1.0, 2.0, 4.0]])
    ln = numtorch.nn.functional.layer_norm(x, (3,))
    np.testing.assert_allclose(ln.numpy(), [[-1.0690414, -0.2672603, 1.3363018]], rtol=1e-5)
    rms = numtorch.nn.functional.rms_norm(x, (3,))
    np.testing.assert_allclose(rms.numpy(), [[0.3779645, 0.755929, 1.511858]], rtol=1e-5)


def test_gradgradcheck_norms_float64():
    from numtorch.autograd import gradcheck, gradgradcheck

    numtorch.manual_seed(0)
    x = numtorch.randn(3, 4, 2, dtype=numtorch.float64, requires_grad=True)
    w = numtorch.randn(4, dtype=numtorch.float64, requires_grad=True)
    b = numtorch.randn(4, dtype=numtorch.float64, requires_grad=True)
    F = numtorch.nn.functional
    fns = [
        lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True),
        lambda x, w, b: F.group_norm(x, 2, w, b),
        lambda x, w, b: F.layer_norm(x.transpose(1, 2), (4,), w, b),
    ]
    for fn in fns:
        assert gradcheck(fn, (x, w, b))
        assert gradgradcheck(fn, (x, w, b))
