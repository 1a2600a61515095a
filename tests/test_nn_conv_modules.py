"""Conv, pooling and padding modules against torch: seeded parameters bit for bit, reprs, a
LeNet-style forward and backward."""

import numpy
import pytest

import numtorch

torch = pytest.importorskip("torch")

CONV = [
    "nn.Conv2d(1, 6, 5)",
    "nn.Conv2d(3, 6, (3, 2), stride=2, padding=1, bias=False, groups=3)",
    "nn.Conv1d(2, 4, 3, padding='same', padding_mode='reflect')",
    "nn.Conv3d(2, 4, 3, padding_mode='circular', padding=1)",
    "nn.ConvTranspose2d(3, 4, 3, stride=2, output_padding=1)",
    "nn.ConvTranspose1d(4, 2, 3, groups=2, dilation=2)",
    "nn.ConvTranspose3d(2, 2, 2)",
]
OTHERS = [
    "nn.MaxPool1d(2)",
    "nn.MaxPool2d((2, 3), stride=1, return_indices=True)",
    "nn.MaxPool3d(2, padding=1, ceil_mode=True)",
    "nn.AvgPool1d(2)",
    "nn.AvgPool2d(2, divisor_override=3)",
    "nn.AvgPool3d(2)",
    "nn.AdaptiveAvgPool2d((None, 3))",
    "nn.AdaptiveMaxPool1d(2)",
    "nn.LPPool2d(2, 3)",
    "nn.ReflectionPad2d(1)",
    "nn.ZeroPad2d((1, 2, 3, 4))",
    "nn.ConstantPad1d(2, 3.5)",
    "nn.CircularPad2d(1)",
    "nn.ReplicationPad3d(1)",
    "nn.MaxUnpool2d(2)",
]


def _run(code):
    out = []
    for lib in (torch, numtorch):
        namespace = {"torch": lib, "nn": lib.nn}
        exec(code, namespace)
        out.append(namespace["r"])
    return out


@pytest.mark.parametrize("ctor", CONV)
def test_conv_init_and_repr(ctor):
    code = f"torch.manual_seed(0); m = {ctor}; r = (repr(m), m.weight.detach().numpy().copy(), "
    code += "None if m.bias is None else m.bias.detach().numpy().copy())"
    want, got = _run(code)
    assert got[0] == want[0]
    assert numpy.array_equal(got[1], want[1])
    assert (got[2] is None and want[2] is None) or numpy.array_equal(got[2], want[2])


@pytest.mark.parametrize("ctor", OTHERS)
def test_repr(ctor):
    want, got = _run(f"r = repr({ctor})")
    assert got == want


def test_lenet_forward_backward():
    want, got = _run(
        "torch.manual_seed(0)\n"
        "net = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),"
        " nn.Conv2d(6, 16, 5), nn.ReLU(), nn.AvgPool2d(2), nn.Flatten(), nn.Linear(400, 10))\n"
        "x = torch.randn(4, 1, 28, 28)\n"
        "y = net(x)\n"
        "y.sum().backward()\n"
        "r = (y.detach().numpy(), net[0].weight.grad.numpy(), net[3].weight.grad.numpy(),"
        " net[3].bias.grad.numpy())"
    )
    for g, w in zip(got, want):
        numpy.testing.assert_allclose(g, w, rtol=1e-4, atol=1e-5)


def test_conv_transpose_output_size():
    want, got = _run(
        "torch.manual_seed(0)\n"
        "m = nn.ConvTranspose2d(2, 3, 3, stride=2, padding=1)\n"
        "x = torch.randn(1, 2, 4, 4)\n"
        "r = m(x, output_size=[8, 8]).detach().numpy()"
    )
    numpy.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def test_conv_padding_mode_grad():
    want, got = _run(
        "torch.manual_seed(0)\n"
        "m = nn.Conv2d(2, 3, 3, padding=(1, 2), padding_mode='replicate')\n"
        "x = torch.randn(2, 2, 5, 6, requires_grad=True)\n"
        "y = m(x)\n"
        "y.pow(2).sum().backward()\n"
        "r = (y.detach().numpy(), x.grad.numpy(), m.weight.grad.numpy())"
    )
    for g, w in zip(got, want):
        numpy.testing.assert_allclose(g, w, rtol=1e-4, atol=1e-5)
