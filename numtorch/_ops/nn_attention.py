"""nn.functional.scaled_dot_product_attention, as torch runs it on the CPU: the fused kernel
(grad_fn ScaledDotProductFlashAttentionForCpuBackward0) where torch picks it, else torch's math
composite (scaled matmuls, _safe_softmax with SafeSoftmaxBackward0, dropout, matmul).
"""

import math

from numtorch import _dtype
from numtorch._errors import type_name
from numtorch._ops.registry import REGISTRY, apply, op, public
from numtorch.autograd import grad_mode

_HALF = (_dtype.float16, _dtype.bfloat16)
_FLASH_DTYPES = (_dtype.float16, _dtype.bfloat16, _dtype.float32, _dtype.float64)


def _softmax_rows(xp, scores):
    """softmax over the last dim, 0 (not nan) for rows that are all -inf."""
    top = scores.max(axis=-1, keepdims=True) if scores.shape[-1] else scores[..., :1]
    top = xp.where(xp.isneginf(top), 0, top)
    e = xp.exp(scores - top)
    total = e.sum(axis=-1, keepdims=True)
    with xp.errstate(invalid="ignore", divide="ignore"):
        return xp.where(total == 0, 0, e / xp.where(total == 0, 1, total))


@op("_safe_softmax", grad_fn="SafeSoftmaxBackward0", function=False, method=False)
def _safe_softmax(xp, input, *, dim):
    moved = xp.moveaxis(input, dim, -1)
    return xp.ascontiguousarray(xp.moveaxis(_softmax_rows(xp, moved), -1, dim))


@_safe_softmax.backward
def _(grad, *, needs, result, dim):
    return result * (grad - (grad * result).sum(dim, keepdim=True))


def _up(xp, a):
    return a.astype(xp.float32) if a.dtype.itemsize == 2 else a


def _mask_array(xp, mask, is_causal, shape, dtype):
    """The additive float mask (0 or -inf where a bool mask is False), or None."""
    additive = None
    if mask is not None:
        m = mask._data
        additive = xp.where(m, 0, -xp.inf).astype(dtype) if m.dtype == bool else m.astype(dtype)
    if is_causal:
        rows, cols = shape[-2], shape[-1]
        causal = xp.where(xp.tril(xp.ones((rows, cols), bool)), 0, -xp.inf).astype(dtype)
        additive = causal if additive is None else additive + causal
    return additive


@op(
    "_scaled_dot_product_flash_attention_for_cpu",
    grad_fn="ScaledDotProductFlashAttentionForCpuBackward0",
    function=False,
    method=False,
    input_names=("query", "key", "value"),
)
def _flash(xp, query, key, value, *, attn_mask, is_causal, scale, groups):
    q, k, v = _up(xp, query), _up(xp, key), _up(xp, value)
    if groups > 1:
        k, v = xp.repeat(k, groups, axis=-3), xp.repeat(v, groups, axis=-3)
    scores = (q @ xp.swapaxes(k, -1, -2)) * q.dtype.type(scale)
    additive = _mask_array(xp, attn_mask, is_causal, scores.shape, q.dtype)
    if additive is not None:
        scores = scores + additive
    return xp.ascontiguousarray(_softmax_rows(xp, scores) @ v)


@_flash.backward
def _(grad, *, needs, query, key, value, attn_mask, is_causal, scale, groups):
    half = query.dtype in _HALF
    q, k, v = (t.float() if half else t for t in (query, key, value))
    grad = grad.float() if half else grad
    if groups > 1:
        k, v = k.repeat_interleave(groups, -3), v.repeat_interleave(groups, -3)
    scores = q.matmul(k.transpose(-2, -1)) * scale
    additive = _mask_tensor(attn_mask, is_causal, scores.shape[-2:], scores)
    if additive is not None:
        scores = scores + additive
    p = apply(REGISTRY["_safe_softmax"], (scores,), {"dim": -1})
    dp = grad.matmul(v.transpose(-2, -1))
    ds = p * (dp - (dp * p).sum(-1, keepdim=True))
    dq = ds.matmul(k) * scale if needs[0] else None
    dk = ds.transpose(-2, -1).matmul(q) * scale if needs[1] else None
    dv = p.transpose(-2, -1).matmul(grad) if needs[2] else None
    if groups > 1:
        dk = None if dk is None else _sum_groups(dk, groups)
        dv = None if dv is None else _sum_groups(dv, groups)
    return dq, dk, dv


def _sum_groups(t, groups):
    b, h, s, e = t.shape
    return t.reshape(b, h // groups, groups, s, e).sum(2)


def _mask_tensor(mask, is_causal, size, like):
    """The additive float mask as a Tensor of like's dtype (a constant), or None."""
    additive = None
    if mask is not None:
        if mask.dtype is _dtype.bool:
            additive = like.new_zeros(mask.shape).masked_fill(mask.logical_not(), -math.inf)
        else:
            additive = mask.to(like.dtype)
    if is_causal:
        keep = like.new_ones(tuple(size), dtype=_dtype.bool).tril()
        causal = like.new_zeros(tuple(size)).masked_fill(keep.logical_not(), -math.inf)
        additive = causal if additive is None else additive + causal
    return additive


def _check(query, key, value, attn_mask, dropout_p, is_causal, enable_gqa):
    if not (query.dtype is key.dtype is value.dtype):
        raise RuntimeError(
            "Expected query, key, and value to have the same dtype, but got query.dtype: "
            f"{_c10_name(query.dtype)} key.dtype: {_c10_name(key.dtype)} and value.dtype: "
            f"{_c10_name(value.dtype)} instead."
        )
    if query.dim() < 2 or key.dim() < 2 or value.dim() < 2:
        raise RuntimeError(
            "Expected query, key, and value to all be  at least 2 dimensional, but got "
            f"query.dim: {query.dim()} key.dim: {key.dim()} and value.dim: {value.dim()} "
            "instead."
        )
    if attn_mask is not None and attn_mask.dtype not in (_dtype.bool, query.dtype):
        raise RuntimeError(
            "Expected attn_mask dtype to be bool or float or to match query dtype, but got "
            f"attn_mask.dtype: {_c10_name(attn_mask.dtype)} and  query.dtype: "
            f"{_c10_name(query.dtype)} instead."
        )
    if dropout_p < 0.0 or dropout_p > 1.0:
        raise RuntimeError(f"dropout probability has to be between 0 and 1, but got {dropout_p}")
    if enable_gqa and query.dim() >= 3:
        qh = query.shape[-3]
        if qh % key.shape[-3] or qh % value.shape[-3]:
            raise RuntimeError(
                "Number of heads in key and value must divide the number of heads in "
            )


def _c10_name(dtype):
    """The C++ type names torch's sdpa messages use."""
    names = {
        "Float": "float",
        "Double": "double",
        "Long": "long int",
        "Int": "int",
        "Half": "c10::Half",
    }
    name = type_name(dtype)
    return names.get(name, {"BFloat16": "c10::BFloat16", "Bool": "bool"}.get(name, name))


def _flash_groups(query, key, value, attn_mask, dropout_p, enable_gqa):
    """The query heads per key head when torch's CPU picks the fused kernel, else 0."""
    if dropout_p > 0.0 or query.dtype not in _FLASH_DTYPES:
        return 0
    if query.dim() != 4 or key.dim() != 4 or value.dim() != 4:
        return 0
    if not (query.shape[0] == key.shape[0] == value.shape[0]):
        return 0
    qh, kh, vh = query.shape[1], key.shape[1], value.shape[1]
    if enable_gqa:
        if kh != vh or qh % kh:
            return 0
    elif not (qh == kh == vh):
        return 0
    e = query.shape[-1]
    if key.shape[-1] != e or value.shape[-1] != e:
        return 0
    if query.shape[-2] == 0 or key.shape[-2] == 0:
        return 0
    if any(t.stride(-1) != 1 for t in (query, key, value)):
        return 0
    if attn_mask is not None and attn_mask.requires_grad and grad_mode.is_grad_enabled():
        return 0
    return qh // kh


@public(function=False, functional=True)
def scaled_dot_product_attention(
    query,
    key,
    value,
    attn_mask=None,
    dropout_p=0.0,
    is_causal=False,
    scale=None,
    enable_gqa=False,
):
    """Same as `torch.nn.functional.scaled_dot_product_attention`: softmax(q k^T * scale +
    mask) v, with dropout on the attention weights (torch's mask under manual_seed)."""
    _check(query, key, value, attn_mask, dropout_p, is_causal, enable_gqa)
    scale = 1.0 / math.sqrt(query.shape[-1]) if scale is None else float(scale)
    if query.numel() == 0 or key.numel() == 0 or value.numel() == 0:
        # torch's shortcut: zeros, tied to the inputs by a zero-weighted sum
        shape = tuple(query.shape[:-1]) + (value.shape[-1],)
        return query.new_zeros(shape) + (query.sum() + key.sum() + value.sum()) * 0
    groups = _flash_groups(query, key, value, attn_mask, dropout_p, enable_gqa)
    if groups:
        params = {"attn_mask": attn_mask, "is_causal": bool(is_causal), "scale": scale}
        params["groups"] = groups
        return apply(
            REGISTRY["_scaled_dot_product_flash_attention_for_cpu"], (query, key, value), params
        )
    return _math(query, key, value, attn_mask, dropout_p, is_causal, scale, enable_gqa)


def _math(query, key, value, attn_mask, dropout_p, is_causal, scale, enable_gqa):
    """torch's math path, op for op (so the graph is torch's)."""
    if is_causal and attn_mask is not None:
        raise RuntimeError(
            "_scaled_dot_product_attention: Explicit attn_mask should not be set when "
            "is_causal=True"
        )
    dtype = query.dtype
    half = dtype in _HALF
    if half:
        query, key, value = query.float(), key.float(), value.float()
    root = math.sqrt(scale)
    if enable_gqa and query.dim() >= 3:
        qh = query.shape[-3]
        key = key.repeat_interleave(qh // key.shape[-3], -3)
        value = value.repeat_interleave(qh // value.shape[-3], -3)
    scores = (query * root).matmul(key.transpose(-2, -1) * root)
    size = (query.shape[-2], key.shape[-2])
    if attn_mask is not None and attn_mask.dtype is not _dtype.bool:
        scores = scores + attn_mask.to(scores.dtype) if half else scores + attn_mask
    else:
        additive = _mask_tensor(attn_mask, is_causal, size, scores)
        if additive is not None:
            scores = scores + additive
    weights = apply(REGISTRY["_safe_softmax"], (scores,), {"dim": -1})
    if dropout_p > 0.0:
        from numtorch.nn._dropout import dropout

        weights = dropout(weights, dropout_p)
    out = weights.matmul(value)
    return out.to(dtype) if half else out
