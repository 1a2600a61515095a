"""F.rrelu / nn.RReLU in training mode: random slopes drawn from torch's stream, bit for bit."""

import numpy
import pytest

import numtorch


def _run(lib, dtype="float32", inplace=False, transpose=False, bounds=(1 / 8, 1 / 3), shape=(5, 7)):
    lib.manual_seed(7)
    values = numpy.random.RandomState(1).randn(*shape)
    x = lib.from_numpy(values).to(getattr(lib, dtype))
    x = (x.t() if transpose else x).clone().requires_grad_()
    y = x * 1 if inplace else x
    z = lib.nn.functional.rrelu(y, *bounds, training=True, inplace=inplace)
    noise = z.grad_fn._saved_noise.double().numpy().copy()
    name = type(z.grad_fn).__name__
    (z * lib.arange(z.numel(), dtype=z.dtype).reshape(z.shape)).sum().backward()
    after = lib.rand(3).numpy()  # where the stream was left
    return z.detach().double().numpy(), x.grad.double().numpy(), noise, after, name


CONFIGS = [
    {},
    {"dtype": "float64"},
    {"dtype": "bfloat16"},
    {"inplace": True},
    {"transpose": True},
    {"bounds": (0.2, 0.2)},
    {"bounds": (0.1, 0.7), "shape": (1000,)},
]


@pytest.mark.parametrize(
    "config", CONFIGS, ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items())
)
def test_equal_to_torch(config):
    torch = pytest.importorskip("torch")
    if config.get("dtype") == "bfloat16":
        pytest.importorskip("ml_dtypes")
    ours, theirs = _run(numtorch, **config), _run(torch, **config)
    for a, b in zip(ours[:4], theirs[:4]):
        numpy.testing.assert_array_equal(a, b)
    assert ours[4] == theirs[4]


def test_slopes_and_gradient_without_torch():
    x = numtorch.tensor([-1.0, 2.0, -3.0, 0.0, float("nan"), -0.5], requires_grad=True)
    numtorch.manual_seed(3)
    y = numtorch.nn.functional.rrelu(x, training=True)
    assert type(y.grad_fn).__name__ == "RreluWithNoiseBackward0"
    # torch 2.13 after manual_seed(3): the slopes of the four elements <= 0, in order
    noise = y.grad_fn._saved_noise
    expected = [0.13210587, 1.0, 0.18473755, 0.28602394, 1.0, 0.16144313]
    numpy.testing.assert_allclose(noise.numpy(), expected, rtol=1e-6)
    y.sum().backward()
    numpy.testing.assert_array_equal(x.grad.numpy(), noise.numpy())
    # four doubles drawn (two 32-bit words each): the next rand is torch's 0.5944
    numpy.testing.assert_allclose(numtorch.rand(1).numpy(), [0.5944], atol=1e-4)


def test_module_trains_and_evaluates():
    m = numtorch.nn.RReLU(0.1, 0.3)
    x = -numtorch.ones(4)
    numtorch.manual_seed(0)
    train = m(x)
    assert ((train <= -0.1) & (train >= -0.3)).all()
    m.eval()
    numpy.testing.assert_allclose(m(x).numpy(), [-0.2] * 4, rtol=1e-6)


def test_integer_input_is_refused_like_torch():
    with pytest.raises(NotImplementedError, match="rrelu_with_noise_out_cpu"):
        numtorch.nn.functional.rrelu(numtorch.tensor([1, -2]), training=True)
