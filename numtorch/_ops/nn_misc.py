"""nn.functional helpers: one_hot, normalize, cosine_similarity, pairwise_distance, pdist, and
the tensor-with-number arithmetic overloads torch's C++ composites use (MulBackward1,
AddBackward1, DivBackward1, NormBackward1), so that losses built from them show torch's graph.
"""

import builtins

from numtorch._errors import type_name, wrap_dim
from numtorch._ops.registry import DEFAULT, FORWARD, REGISTRY, SAME, apply, op, public

# ---------------------------------------------------------------- tensor-with-number overloads


@op("mul_number", grad_fn="MulBackward1", promote=DEFAULT, function=False, method=False)
def _mul_number(xp, input, *, other):
    return input * other


@_mul_number.backward
def _(grad, *, needs, other):
    return grad * other


@op("add_number", grad_fn="AddBackward1", promote=DEFAULT, function=False, method=False)
def _add_number(xp, input, *, other):
    return input + other


@_add_number.backward
def _(grad, *, needs, other):
    return grad


@op("sub_number", grad_fn="SubBackward1", promote=DEFAULT, function=False, method=False)
def _sub_number(xp, input, *, other):
    return input - other


@_sub_number.backward
def _(grad, *, needs, other):
    return grad


@op("div_number", grad_fn="DivBackward1", promote=DEFAULT, function=False, method=False)
def _div_number(xp, input, *, other):
    return input / other


@_div_number.backward
def _(grad, *, needs, other):
    return grad / other


def mul_number(input, number):
    """input * number as torch's C++ code writes it (grad_fn MulBackward1)."""
    return apply(REGISTRY["mul_number"], (input,), {"other": number})


def add_number(input, number):
    """input + number as torch's C++ code writes it (grad_fn AddBackward1)."""
    return apply(REGISTRY["add_number"], (input,), {"other": number})


def sub_number(input, number):
    """input - number as torch's C++ code writes it (grad_fn SubBackward1)."""
    return apply(REGISTRY["sub_number"], (input,), {"other": number})


def div_number(input, number):
    """input / number as torch's C++ code writes it (grad_fn DivBackward1)."""
    return apply(REGISTRY["div_number"], (input,), {"other": number})


# ---------------------------------------------------------------- at::norm(input, p, dim, keepdim)


def _p_norm(xp, x, p, dim, keepdim):
    a = xp.abs(x)
    if p == 2:
        return xp.sqrt(xp.sum(a * a, axis=dim, keepdims=keepdim))
    if p == float("inf"):
        return xp.max(a, axis=dim, keepdims=keepdim, initial=0)
    if p == 0:
        return xp.sum(a != 0, axis=dim, keepdims=keepdim).astype(x.dtype)
    if p == 1:
        return xp.sum(a, axis=dim, keepdims=keepdim)
    return xp.sum(a**p, axis=dim, keepdims=keepdim) ** (1.0 / p)


@op("norm_dim", grad_fn="NormBackward1", promote=DEFAULT, opmath=True, function=False, method=False)
def _norm_dim(xp, input, *, p, dim, keepdim):
    return _p_norm(xp, input, p, dim, keepdim)


@_norm_dim.backward
def _(grad, *, needs, self, result, p, dim, keepdim):
    if not keepdim:
        grad, result = grad.unsqueeze(dim), result.unsqueeze(dim)
    if p == 0:
        return self * 0
    if p == 1:
        return grad * self.sign()
    if p == float("inf"):
        hits = (self.abs() == result).to(self.dtype)
        return grad * self.sign() * hits / hits.sum(dim, keepdim=True)
    if p == 2:
        scale = (grad / result).masked_fill(result == 0, 0)
        return self * scale
    scale = (grad / result.pow(p - 1)).masked_fill(result == 0, 0)
    return self * self.abs().pow(p - 2) * scale


def norm_dim(input, p, dim, keepdim=False):
    """at::norm(input, p, dim, keepdim): grad_fn NormBackward1."""
    d = wrap_dim(dim, input.dim())
    return apply(REGISTRY["norm_dim"], (input,), {"p": p, "dim": d, "keepdim": keepdim})


# ---------------------------------------------------------------- one_hot


@op("one_hot_", promote=DEFAULT, function=False, method=False)
def _one_hot(xp, input, *, num_classes):
    out = xp.zeros(input.shape + (num_classes,), dtype=input.dtype)
    if input.size:
        xp.put_along_axis(out, input[..., None], 1, axis=-1)
    return out


@public(function=False, functional=True)
def one_hot(tensor, num_classes=-1):
    """Same as `torch.nn.functional.one_hot`: int64 indicators of the class indices."""
    if tensor.dtype.name != "int64":
        raise RuntimeError("one_hot is only applicable to index tensor of type LongTensor.")
    if tensor.numel() == 0:
        if num_classes == -1:
            raise RuntimeError("Can not infer total number of classes from empty tensor.")
    else:
        low, high = int(tensor.min()), int(tensor.max())
        if low < 0:
            raise RuntimeError("Class values must be non-negative.")
        if num_classes == -1:
            num_classes = high + 1
        elif high >= num_classes:
            raise RuntimeError("Class values must be smaller than num_classes.")
    return apply(REGISTRY["one_hot_"], (tensor,), {"num_classes": num_classes})


# ---------------------------------------------------------------- normalize, distances


@public(function=False, functional=True)
def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    """Same as `torch.nn.functional.normalize`: input / max(||input||_p, eps) along dim."""
    denom = input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
    if out is not None:
        from numtorch import div

        return div(input, denom, out=out)
    return input / denom


@public(functional=True)
def pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False):
    """Same as `torch.nn.functional.pairwise_distance`: ||x1 - x2 + eps||_p over the last dim."""
    innermost = builtins.max(x1.dim(), x2.dim()) - 1
    return norm_dim(add_number(x1 - x2, eps), p, innermost, keepdim)


@public(functional=True)
def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    """Same as `torch.nn.functional.cosine_similarity`: the cosine of the angle along dim,
    each side divided by its norm (clamped to eps) before the product, as torch does."""
    from numtorch import broadcast_shapes, no_grad, result_type

    common = result_type(x1, x2)
    if not common.is_floating_point:
        raise RuntimeError(
            f"expected common dtype to be floating point, yet common dtype is {type_name(common)}"
        )
    if not x1.dtype.is_floating_point and not x1.dtype.is_complex:
        x1 = x1.to(common)
    if not x2.dtype.is_floating_point and not x2.dtype.is_complex:
        x2 = x2.to(common)
    if x1.shape != x2.shape:  # torch's expand_outplace: both expanded
        shape = broadcast_shapes(x1.shape, x2.shape)
        x1, x2 = x1.expand(shape), x2.expand(shape)
    norm1 = x1.norm(2, dim, keepdim=True).clone()
    norm2 = x2.norm(2, dim, keepdim=True).clone()
    with no_grad():
        norm1.clamp_min_(eps)
        norm2.clamp_min_(eps)
    return ((x1 / norm1) * (x2 / norm2)).sum(dim)


# ---------------------------------------------------------------- pdist


def _pairs(n, xp):
    """Row indices (i, j) of every pair i < j, in torch's order (row-major upper triangle)."""
    i, j = xp.triu_indices(n, k=1)
    return i, j


@op("pdist", grad_fn="PdistBackward0", promote=SAME, function=False, method=False)
def _pdist(xp, input, *, p):
    i, j = _pairs(input.shape[0], xp)
    return _p_norm(xp, input[i] - input[j], p, 1, False).astype(input.dtype)


@op("pdist_pairs", promote=FORWARD, function=False, method=False)
def _pdist_pairs(xp, input, *, which):
    return _pairs(input.shape[0], xp)[which].astype("int64")


@_pdist.backward
def _(grad, *, needs, self, result, p):
    from numtorch import zeros_like

    first = apply(REGISTRY["pdist_pairs"], (self.detach(),), {"which": 0})
    second = apply(REGISTRY["pdist_pairs"], (self.detach(),), {"which": 1})
    diff = self.index_select(0, first) - self.index_select(0, second)
    pair_grad = REGISTRY["norm_dim"].backward(
        grad, needs=(True,), self=diff, result=result, p=p, dim=1, keepdim=False
    )
    return zeros_like(self).index_add(0, first, pair_grad).index_add(0, second, -pair_grad)


@public(functional=True)
def pdist(input, p=2):
    """Same as `torch.nn.functional.pdist`: the p-norm distance of every pair of rows i < j."""
    if input.dim() != 2:
        raise RuntimeError(f"pdist only supports 2D tensors, got: {input.dim()}D")
    if not input.dtype.is_floating_point:
        raise RuntimeError("pdist only supports floating-point dtypes")
    if p < 0:
        raise RuntimeError("pdist only supports non-negative p values")
    if input.dtype.name not in ("float32", "float64"):
        raise NotImplementedError(f"\"pdist\" not implemented for '{type_name(input.dtype)}'")
    return apply(REGISTRY["pdist"], (input,), {"p": p})
