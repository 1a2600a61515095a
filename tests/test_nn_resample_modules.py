"""Embedding, upsampling, fold and pixel-shuffle modules against torch: seeded parameters bit for
bit, reprs, forward and backward."""

import numpy
import pytest

import numtorch

torch = pytest.importorskip("torch")


def _run(code):
    out = []
    for lib in (torch, numtorch):
        namespace = {"torch": lib, "nn": lib.nn}
        exec(code, namespace)
        out.append(namespace["r"])
    return out


def _same(a, b):
    if isinstance(a, (tuple, list)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            _same(x, y)
    elif isinstance(a, numpy.ndarray):
        assert a.shape == b.shape and a.dtype == b.dtype
        numpy.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-5)
    else:
        assert a == b


EMBEDDINGS = [
    "nn.Embedding(10, 3)",
    "nn.Embedding(10, 3, padding_idx=-2, max_norm=2.0)",
    "nn.Embedding(4, 2, norm_type=1.0, scale_grad_by_freq=True, sparse=True)",
    "nn.Embedding(5, 3, dtype=torch.float64, padding_idx=0)",
    "nn.EmbeddingBag(10, 3)",
    "nn.EmbeddingBag(10, 3, mode='max', padding_idx=0)",
    "nn.EmbeddingBag(6, 2, max_norm=1.0, mode='sum', include_last_offset=True)",
]


@pytest.mark.parametrize("ctor", EMBEDDINGS)
def test_embedding_init_and_repr(ctor):
    code = f"torch.manual_seed(0); m = {ctor}; r = (repr(m), m.weight.detach().numpy().copy())"
    _same(*_run(code))


def test_embedding_forward_backward_max_norm():
    code = (
        "torch.manual_seed(1); m = nn.Embedding(6, 4, max_norm=1.0, padding_idx=1);"
        "i = torch.tensor([[0, 1, 2], [2, 5, 0]]); y = m(i); (y * y).sum().backward();"
        "r = (y.detach().numpy(), m.weight.detach().numpy(), m.weight.grad.numpy(),"
        " type(y.grad_fn).__name__)"
    )
    _same(*_run(code))


def test_embedding_bag_forward_backward():
    code = (
        "torch.manual_seed(2); m = nn.EmbeddingBag(6, 3, mode='sum');"
        "i = torch.tensor([0, 3, 3, 5, 1]); o = torch.tensor([0, 1, 4]);"
        "p = torch.tensor([1.0, 2.0, 0.5, -1.0, 3.0], requires_grad=True);"
        "y = m(i, o, per_sample_weights=p); (y * y).sum().backward();"
        "r = (y.detach().numpy(), m.weight.grad.numpy(), p.grad.numpy())"
    )
    _same(*_run(code))


def test_from_pretrained():
    code = (
        "w = torch.arange(12.0).reshape(4, 3); e = nn.Embedding.from_pretrained(w, padding_idx=1);"
        "b = nn.EmbeddingBag.from_pretrained(w, freeze=False, mode='max');"
        "i = torch.tensor([[0, 1], [3, 2]]);"
        "r = (repr(e), repr(b), e.weight.requires_grad, b.weight.requires_grad,"
        " e(i).numpy(), b(i).detach().numpy())"
    )
    _same(*_run(code))


def test_embedding_bad_padding():
    for lib in (torch, numtorch):
        with pytest.raises(AssertionError, match="Padding_idx must be within num_embeddings"):
            lib.nn.Embedding(3, 2, padding_idx=3)
        with pytest.raises(AssertionError, match="padding_idx must be within num_embeddings"):
            lib.nn.EmbeddingBag(3, 2, padding_idx=-4)


RESAMPLERS = [
    ("nn.Upsample(scale_factor=2)", (1, 2, 3, 4)),
    ("nn.Upsample(size=(5, 7), mode='bilinear')", (1, 2, 3, 4)),
    ("nn.Upsample(scale_factor=(1.5, 2), mode='bicubic', align_corners=True)", (2, 1, 3, 4)),
    ("nn.Upsample(size=6, mode='linear', recompute_scale_factor=None)", (2, 3, 4)),
    (
        "nn.Upsample(scale_factor=1.7, mode='trilinear', recompute_scale_factor=True)",
        (1, 1, 2, 3, 2),
    ),
    ("nn.Upsample(scale_factor=0.5, mode='area')", (1, 2, 4, 6)),
    ("nn.Upsample(scale_factor=2, mode='nearest-exact')", (1, 2, 3)),
    ("nn.UpsamplingNearest2d(scale_factor=3)", (1, 2, 3, 2)),
    ("nn.UpsamplingNearest2d(size=(4, 5))", (1, 2, 3, 2)),
    ("nn.UpsamplingBilinear2d(scale_factor=2)", (1, 2, 3, 2)),
    ("nn.UpsamplingBilinear2d(size=(2, 7))", (2, 1, 3, 4)),
    ("nn.PixelShuffle(2)", (2, 8, 3, 2)),
    ("nn.PixelUnshuffle(2)", (2, 2, 4, 6)),
    ("nn.Unfold(2)", (2, 3, 4, 5)),
    ("nn.Unfold((2, 3), dilation=(1, 2), padding=1, stride=2)", (1, 2, 5, 6)),
    ("nn.Fold((3, 4), 2)", (2, 12, 6)),
    ("nn.Fold(output_size=4, kernel_size=(2, 1), padding=(1, 0), stride=1)", (1, 2, 20)),
]


@pytest.mark.parametrize("ctor, shape", RESAMPLERS)
def test_resampling_modules(ctor, shape):
    code = (
        f"m = {ctor}; x = torch.linspace(-2, 3, {numpy.prod(shape)}).reshape{shape}"
        ".requires_grad_(); y = m(x); (y * y.cos()).sum().backward();"
        "r = (repr(m), y.detach().numpy(), x.grad.numpy(), type(y.grad_fn).__name__)"
    )
    _same(*_run(code))


def test_upsample_attributes():
    code = (
        "m = nn.Upsample(scale_factor=(2, 3)); b = nn.UpsamplingBilinear2d(scale_factor=2);"
        "r = (m.scale_factor, m.size, m.name, b.mode, b.align_corners, b.name,"
        " nn.Upsample(scale_factor=2).scale_factor, nn.PixelShuffle(3).upscale_factor)"
    )
    _same(*_run(code))
