"""MultiheadAttention and the Transformer modules against real torch: seeded parameters
(state_dict keys and values), reprs, outputs and gradients in train mode (dropout included, bit
for bit under manual_seed) and eval mode, masks; torch-free goldens and a gradgradcheck."""

import warnings

import numpy as np
import pytest

import numtorch
from tests.nn_module_helpers import needs_torch, same, torch

CONSTRUCTORS = [
    "nn.MultiheadAttention(8, 2)",
    "nn.MultiheadAttention(8, 4, bias=False, batch_first=True)",
    "nn.MultiheadAttention(8, 2, kdim=5, vdim=3)",
    "nn.MultiheadAttention(8, 2, add_bias_kv=True, add_zero_attn=True)",
    "nn.TransformerEncoderLayer(8, 2, dim_feedforward=16)",
    "nn.TransformerEncoderLayer(8, 2, 16, 0.0, 'gelu', batch_first=True, norm_first=True)",
    "nn.TransformerDecoderLayer(8, 2, dim_feedforward=16, bias=False)",
    "nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16), 2, nn.LayerNorm(8))",
    "nn.TransformerDecoder(nn.TransformerDecoderLayer(8, 2, 16), 2)",
    "nn.Transformer(8, 2, 1, 1, 16)",
    "nn.Transformer(8, 2, 2, 1, 12, activation=nn.GELU(), batch_first=True, norm_first=True)",
]


@needs_torch
@pytest.mark.parametrize("ctor", CONSTRUCTORS)
def test_seeded_parameters_and_repr(ctor):
    same(
        f"""
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.manual_seed(0)
            m = {ctor}
        out = (repr(m), [(k, tuple(v.shape), [round(x, 5) for x in v.flatten()[:6].tolist()])
                         for k, v in m.state_dict().items()])
        """
    )


@needs_torch
def test_default_encoder_layer_weights_equal_torchs():
    for lib in (numtorch, torch):
        lib.manual_seed(0)
    ours = numtorch.nn.TransformerEncoderLayer(8, 2).state_dict()
    theirs = torch.nn.TransformerEncoderLayer(8, 2).state_dict()
    assert list(ours) == list(theirs)
    for k in theirs:
        np.testing.assert_array_equal(ours[k].numpy(), theirs[k].numpy())


def _mha_run(lib, kwargs, call, data, train):
    lib.manual_seed(0)
    m = lib.nn.MultiheadAttention(**kwargs)
    m.train(train)
    t = {k: lib.tensor(v, requires_grad=v.dtype == np.float32) for k, v in data.items()}
    out, weights = eval(call, {"m": m, **t})
    loss = (out * out).sum() + (0 if weights is None else (weights * weights).sum())
    loss.backward()
    res = [out.detach().numpy(), None if weights is None else weights.detach().numpy()]
    res += [p.grad.numpy() for p in m.parameters() if p.grad is not None]
    res += [v.grad.numpy() for v in t.values() if v.grad is not None]
    return res


def _data(**shapes):
    rng = np.random.RandomState(2)
    out = {}
    for k, (shape, kind) in shapes.items():
        if kind == "bool":
            out[k] = rng.rand(*shape) < 0.3
            out[k][..., 0] = False  # no fully masked row
        else:
            out[k] = rng.uniform(-1, 1, shape).astype(np.float32)
    return out


MHA_CASES = [
    ({"embed_dim": 8, "num_heads": 2}, "m(q, q, q)", {"q": ((4, 2, 8), "f")}),
    (
        {"embed_dim": 8, "num_heads": 2},
        "m(q, k, k, need_weights=False)",
        {"q": ((3, 2, 8), "f"), "k": ((5, 2, 8), "f")},
    ),
    (
        {"embed_dim": 8, "num_heads": 4, "batch_first": True},
        "m(q, k, v, average_attn_weights=False)",
        {"q": ((2, 3, 8), "f"), "k": ((2, 5, 8), "f"), "v": ((2, 5, 8), "f")},
    ),
    (
        {"embed_dim": 8, "num_heads": 2, "kdim": 5, "vdim": 3},
        "m(q, k, v)",
        {"q": ((3, 2, 8), "f"), "k": ((4, 2, 5), "f"), "v": ((4, 2, 3), "f")},
    ),
    (
        {"embed_dim": 8, "num_heads": 2, "add_bias_kv": True, "add_zero_attn": True},
        "m(q, q, q, key_padding_mask=p, attn_mask=a)",
        {"q": ((4, 2, 8), "f"), "p": ((2, 4), "bool"), "a": ((4, 4), "bool")},
    ),
    (
        {"embed_dim": 8, "num_heads": 2},
        "m(q, q, q, attn_mask=a, need_weights=False)",
        {"q": ((4, 2, 8), "f"), "a": ((4, 4), "f")},
    ),
    (
        {"embed_dim": 8, "num_heads": 2},
        "m(q, k, k, key_padding_mask=p, need_weights=False)",
        {"q": ((3, 2, 8), "f"), "k": ((4, 2, 8), "f"), "p": ((2, 4), "bool")},
    ),
    ({"embed_dim": 8, "num_heads": 2}, "m(q, q, q)", {"q": ((4, 8), "f")}),
    (
        {"embed_dim": 8, "num_heads": 2, "dropout": 0.3},
        "m(q, q, q)",
        {"q": ((4, 2, 8), "f")},
    ),
    (
        {"embed_dim": 8, "num_heads": 2, "dropout": 0.3},
        "m(q, q, q, need_weights=False)",
        {"q": ((4, 2, 8), "f")},
    ),
]


@needs_torch
@pytest.mark.parametrize("train", [True, False])
@pytest.mark.parametrize("kwargs, call, shapes", MHA_CASES)
def test_multihead_attention_matches_torch(kwargs, call, shapes, train):
    data = _data(**shapes)
    got = _mha_run(numtorch, kwargs, call, data, train)
    want = _mha_run(torch, kwargs, call, data, train)
    assert len(got) == len(want)
    for g, w in zip(got, want):
        if w is None:
            assert g is None
            continue
        np.testing.assert_allclose(g, w, rtol=1e-4, atol=1e-5)


@needs_torch
def test_multihead_attention_graph_names():
    same(
        """
        torch.manual_seed(0)
        m = nn.MultiheadAttention(8, 2)
        x = torch.randn(3, 2, 8)
        o, w = m(x, x, x)
        o2, _ = m(x, x, x, need_weights=False)
        out = (o.grad_fn.name(), w.grad_fn.name(), o2.grad_fn.name(),
               [f[0].name() for f in o.grad_fn.next_functions if f[0] is not None])
        """
    )


@needs_torch
@pytest.mark.parametrize(
    "src",
    [
        "nn.MultiheadAttention(8, 3)",
        "nn.MultiheadAttention(0, 3)",
        "m = nn.MultiheadAttention(8, 2); m(torch.ones(3, 2, 8), torch.ones(3, 8), torch.ones(3, 8))",
        "m = nn.MultiheadAttention(8, 2); m(torch.ones(3, 2, 6), torch.ones(3, 2, 6), torch.ones(3, 2, 6))",
        "m = nn.MultiheadAttention(8, 2); x = torch.ones(3, 2, 8); m(x, x, x, attn_mask=torch.ones(2, 2))",
        "m = nn.MultiheadAttention(8, 2); x = torch.ones(3, 2, 8); m(x, x, x, attn_mask=torch.ones(3, 3, dtype=torch.long))",
        "m = nn.MultiheadAttention(8, 2); x = torch.ones(3, 2, 8); m(x, x, x, is_causal=True)",
        "nn.TransformerEncoderLayer(8, 2, activation='tanh')",
        "m = nn.Transformer(8, 2, 1, 1, 16); m(torch.ones(3, 2, 8), torch.ones(3, 4, 8))",
        "m = nn.Transformer(8, 2, 1, 1, 16); m(torch.ones(3, 2, 8), torch.ones(3, 2, 6))",
    ],
)
def test_errors_match_torch(src):
    same(src)


@needs_torch
@pytest.mark.parametrize(
    "layer",
    [
        "nn.TransformerEncoderLayer(8, 2, 16)",
        "nn.TransformerEncoderLayer(8, 3, 16, batch_first=True)",
        "nn.TransformerEncoderLayer(8, 2, 16, batch_first=True, norm_first=True)",
        "nn.TransformerEncoderLayer(8, 2, 16, batch_first=True)",
        "nn.TransformerEncoderLayer(8, 2, 16, activation=torch.tanh, batch_first=True)",
    ],
)
def test_encoder_nested_tensor_warning(layer):
    same(
        f"""
        import warnings
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            torch.manual_seed(0)
            e = nn.TransformerEncoder({layer}, 2)
        out = ([str(w.message) for w in caught], e.use_nested_tensor, e.enable_nested_tensor)
        """
    )


def _model_run(lib, ctor, call, data, train, steps=2):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib.manual_seed(0)
        m = eval(ctor, {"nn": lib.nn, "torch": lib})
    m.train(train)
    trace = []
    for _ in range(steps):
        t = {k: lib.tensor(v) for k, v in data.items()}
        t["causal"] = lib.nn.Transformer.generate_square_subsequent_mask(data["x"].shape[0])
        y = eval(call, {"m": m, **t})
        (y * y).sum().backward()
        trace.append(y.detach().numpy())
        with lib.no_grad():
            for p in m.parameters():
                trace.append(p.grad.numpy().copy())
                p -= 0.05 * p.grad
                p.grad = None
    return trace


MODEL_CASES = [
    ("nn.TransformerEncoderLayer(8, 2, 16)", "m(x)"),
    (
        "nn.TransformerEncoderLayer(8, 2, 16, activation='gelu', norm_first=True)",
        "m(x, src_mask=causal)",
    ),
    (
        "nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16), 2, nn.LayerNorm(8))",
        "m(x, mask=causal, src_key_padding_mask=pad)",
    ),
    ("nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16), 2)", "m(x, mask=causal)"),
    ("nn.TransformerDecoderLayer(8, 2, 16)", "m(x, mem, tgt_mask=causal)"),
    (
        "nn.TransformerDecoder(nn.TransformerDecoderLayer(8, 2, 16, norm_first=True), 2)",
        "m(x, mem, tgt_mask=causal, tgt_is_causal=True, memory_key_padding_mask=mpad)",
    ),
    ("nn.Transformer(8, 2, 1, 1, 16)", "m(mem, x, tgt_mask=causal)"),
    ("nn.Transformer(8, 2, 2, 2, 12, activation=nn.GELU(), norm_first=True)", "m(mem, x)"),
]


@needs_torch
@pytest.mark.parametrize("train", [True, False])
@pytest.mark.parametrize("ctor, call", MODEL_CASES)
def test_transformer_training_steps_match_torch(ctor, call, train):
    rng = np.random.RandomState(3)
    data = {
        "x": rng.uniform(-1, 1, (4, 2, 8)).astype(np.float32),
        "mem": rng.uniform(-1, 1, (5, 2, 8)).astype(np.float32),
        "pad": np.array([[False, False, False, True], [False, False, True, True]]),
        "mpad": np.array([[False] * 4 + [True], [False] * 5]),
    }
    got = _model_run(numtorch, ctor, call, data, train)
    want = _model_run(torch, ctor, call, data, train)
    assert len(got) == len(want)
    for g, w in zip(got, want):  # float32 through a deep stack: a few ulps of drift
        np.testing.assert_allclose(g, w, rtol=5e-4, atol=1e-4)


@needs_torch
def test_generate_square_subsequent_mask():
    same("out = nn.Transformer.generate_square_subsequent_mask(3).tolist()")


# ---------------------------------------------------------------- torch-free


def test_golden_encoder_layer_seeded_weights():
    # torch 2.13: manual_seed(0); nn.TransformerEncoderLayer(8, 2)
    numtorch.manual_seed(0)
    sd = numtorch.nn.TransformerEncoderLayer(8, 2).state_dict()
    np.testing.assert_allclose(
        sd["self_attn.in_proj_weight"][0, :4].numpy(), [0.1702, 0.3588, 0.3768, 0.3821], atol=1e-4
    )
    np.testing.assert_allclose(
        sd["linear1.weight"][0, :3].numpy(), [0.1282, -0.1181, -0.0988], atol=1e-4
    )
    np.testing.assert_allclose(
        sd["linear2.bias"][:3].numpy(), [-0.0093, -0.0204, -0.0154], atol=1e-4
    )
    assert list(sd)[:3] == [
        "self_attn.in_proj_weight",
        "self_attn.in_proj_bias",
        "self_attn.out_proj.weight",
    ]


def test_golden_sdpa_graph():
    F = numtorch.nn.functional
    q = numtorch.ones(1, 2, 3, 4, requires_grad=True)
    assert F.scaled_dot_product_attention(q, q, q).grad_fn.name() == (
        "ScaledDotProductFlashAttentionForCpuBackward0"
    )
    assert F.scaled_dot_product_attention(q[0], q[0], q[0]).grad_fn.name() == "UnsafeViewBackward0"


def test_gradgradcheck_sdpa_both_paths():
    from numtorch.autograd import gradcheck, gradgradcheck

    numtorch.manual_seed(0)
    F = numtorch.nn.functional
    mk = lambda *s: numtorch.randn(*s, dtype=numtorch.float64, requires_grad=True)  # noqa: E731
    fused = (mk(1, 2, 3, 4), mk(1, 2, 5, 4), mk(1, 2, 5, 4))
    math_path = (mk(2, 3, 4), mk(2, 5, 4), mk(2, 5, 4))
    for args, kw in ((fused, {"is_causal": True}), (math_path, {})):
        fn = lambda q, k, v, kw=kw: F.scaled_dot_product_attention(q, k, v, **kw)  # noqa: E731
        assert gradcheck(fn, args)
        assert gradgradcheck(fn, args)
