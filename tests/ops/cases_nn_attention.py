"""Cases for nn.functional.scaled_dot_product_attention (nn_attention.py): the fused CPU kernel
torch picks for 4-d inputs and its math path elsewhere (3-d, broadcast batches, dropout, a mask
that requires grad, a transposed last dim)."""

from tests.ops.spec import Case, T

SDPA = "torch.nn.functional.scaled_dot_product_attention"


def _qkv(q, k=None, v=None, dtype="float32", grad=True, layout="contig"):
    k = k or q
    v = v or k
    return {
        "q": T(q, dtype, grad=grad, layout=layout),
        "k": T(k, dtype, grad=grad, layout=layout),
        "v": T(v, dtype, grad=grad, layout=layout),
    }


_ROW_MASKED = [[True, False, True, True], [False] * 4, [True, True, False, True], [True] * 4]

_DOUBLE = (
    "y = {call}\n"
    "gs = torch.autograd.grad((y * y.detach().cos()).sum(), (q, k, v), create_graph=True)\n"
    "out = torch.autograd.grad(sum((g * g).sum() for g in gs), (q, k, v))"
)

CASES = [
    Case("sdpa.fused", f"{SDPA}(q, k, v)", _qkv((2, 3, 4, 8))),
    Case("sdpa.fused_double", f"{SDPA}(q, k, v)", _qkv((2, 2, 5, 4), dtype="float64")),
    Case("sdpa.fused_kv_len", f"{SDPA}(q, k, v)", _qkv((2, 2, 3, 4), (2, 2, 6, 4))),
    Case("sdpa.fused_scale", f"{SDPA}(q, k, v, scale=0.3)", _qkv((1, 2, 4, 4))),
    Case("sdpa.fused_causal", f"{SDPA}(q, k, v, is_causal=True)", _qkv((2, 2, 4, 4))),
    Case(
        "sdpa.fused_causal_rect",
        f"{SDPA}(q, k, v, is_causal=True)",
        _qkv((1, 2, 3, 4), (1, 2, 5, 4)),
    ),
    Case(
        "sdpa.fused_bool_mask",
        f"{SDPA}(q, k, v, attn_mask=m)",
        {**_qkv((2, 2, 4, 4)), "m": T((4, 4), "bool", values=_ROW_MASKED)},
    ),
    Case(
        "sdpa.fused_float_mask",
        f"{SDPA}(q, k, v, m)",
        {**_qkv((2, 2, 4, 4)), "m": T((2, 1, 4, 4))},
    ),
    Case(
        "sdpa.fused_causal_and_mask",
        f"{SDPA}(q, k, v, m, is_causal=True)",
        {**_qkv((1, 2, 4, 4)), "m": T((4, 4))},
    ),
    Case("sdpa.fused_gqa", f"{SDPA}(q, k, v, enable_gqa=True)", _qkv((2, 4, 3, 4), (2, 2, 5, 4))),
    Case(
        "sdpa.fused_t12",
        f"{SDPA}(q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2))",
        _qkv((2, 4, 3, 4)),
    ),
    Case("sdpa.fused_expand", f"{SDPA}(q, k, v)", _qkv((2, 2, 3, 4), layout="expand")),
    Case("sdpa.fused_half", f"{SDPA}(q, k, v)", _qkv((1, 2, 3, 4), dtype="float16", grad=False)),
    Case(
        "sdpa.fused_bfloat16", f"{SDPA}(q, k, v)", _qkv((1, 2, 3, 4), dtype="bfloat16", grad=False)
    ),
    # the math path
    Case("sdpa.math_3d", f"{SDPA}(q, k, v)", _qkv((3, 4, 8))),
    Case("sdpa.math_2d", f"{SDPA}(q, k, v)", _qkv((4, 8))),
    Case("sdpa.math_5d", f"{SDPA}(q, k, v)", _qkv((2, 1, 2, 3, 4))),
    Case("sdpa.math_v_dim", f"{SDPA}(q, k, v)", _qkv((2, 2, 3, 4), (2, 2, 5, 4), (2, 2, 5, 6))),
    Case("sdpa.math_broadcast", f"{SDPA}(q, k, v)", _qkv((2, 2, 3, 4), (1, 2, 3, 4))),
    Case("sdpa.math_t", f"{SDPA}(q, k, v)", _qkv((2, 2, 4, 4), layout="t")),
    Case("sdpa.math_causal", f"{SDPA}(q, k, v, is_causal=True)", _qkv((3, 4, 4), (3, 5, 4))),
    Case(
        "sdpa.math_bool_mask",
        f"{SDPA}(q, k, v, attn_mask=m)",
        {**_qkv((2, 4, 4)), "m": T((4, 4), "bool", values=_ROW_MASKED)},
    ),
    Case(
        "sdpa.math_float_mask_grad",
        f"{SDPA}(q, k, v, attn_mask=m)",
        {**_qkv((1, 2, 4, 4)), "m": T((4, 4), grad=True)},
    ),
    Case("sdpa.math_gqa", f"{SDPA}(q, k, v, enable_gqa=True)", _qkv((4, 3, 4), (2, 5, 4))),
    Case("sdpa.math_half", f"{SDPA}(q, k, v)", _qkv((3, 4), dtype="float16", grad=False)),
    Case("sdpa.math_float64", f"{SDPA}(q, k, v, scale=2.0)", _qkv((2, 3, 4), dtype="float64")),
    Case(
        "sdpa.math_dropout",
        f"torch.manual_seed(0)\nout = {SDPA}(q, k, v, dropout_p=0.4)",
        _qkv((2, 2, 4, 4)),
    ),
    Case(
        "sdpa.math_dropout_3d",
        f"torch.manual_seed(3)\nout = {SDPA}(q, k, v, dropout_p=0.2, is_causal=True)",
        _qkv((2, 5, 3)),
    ),
    Case("sdpa.math_dropout_one", f"{SDPA}(q, k, v, dropout_p=1.0)", _qkv((2, 3, 4))),
    Case("sdpa.empty_query", f"{SDPA}(q, k, v)", _qkv((2, 2, 0, 4), (2, 2, 3, 4), grad=False)),
    Case("sdpa.empty_batch", f"{SDPA}(q, k, v)", _qkv((0, 2, 3, 4))),
    Case(
        "sdpa.math_double_backward",
        _DOUBLE.format(call=f"{SDPA}(q, k, v, is_causal=True)"),
        _qkv((2, 3, 4), dtype="float64"),
        grad=False,
    ),
    # errors
    Case(
        "sdpa.dtype_mismatch",
        f"{SDPA}(q, k, v)",
        {**_qkv((1, 2, 3, 4)), "k": T((1, 2, 3, 4), "float64")},
    ),
    Case("sdpa.one_dim", f"{SDPA}(q, k, v)", _qkv((4,))),
    Case("sdpa.int", f"{SDPA}(q, k, v)", _qkv((2, 3, 4), dtype="int64", grad=False)),
    Case(
        "sdpa.bad_mask_dtype", f"{SDPA}(q, k, v, m)", {**_qkv((2, 3, 4)), "m": T((3, 3), "int64")}
    ),
    Case("sdpa.bad_mask_shape", f"{SDPA}(q, k, v, m)", {**_qkv((2, 3, 4)), "m": T((2, 3), "bool")}),
    Case(
        "sdpa.causal_and_mask_3d",
        f"{SDPA}(q, k, v, m, is_causal=True)",
        {**_qkv((2, 3, 4)), "m": T((3, 3), "bool")},
    ),
    Case("sdpa.bad_dropout", f"{SDPA}(q, k, v, dropout_p=1.5)", _qkv((2, 3, 4))),
    Case("sdpa.bad_head_dim", f"{SDPA}(q, k, v)", _qkv((2, 3, 4), (2, 3, 5), (2, 3, 4))),
    Case("sdpa.bad_gqa", f"{SDPA}(q, k, v, enable_gqa=True)", _qkv((1, 3, 2, 4), (1, 2, 2, 4))),
]
