"""Statistics and norms: var, std, var_mean, std_mean, vector norms (norm, dist).

quantile and nanquantile are in reduction_quantile.py.
"""

import builtins
import math
import warnings

from numtorch import _dtype
from numtorch._errors import type_name
from numtorch._ops.reduction import (
    NOT_GIVEN,
    count,
    expect_out_dtype,
    reduce_dims,
    restore_dims,
)
from numtorch._ops.registry import FORWARD, REGISTRY, apply, op, public, result_dtype
from numtorch._ops.unary import quiet

_HALF = (_dtype.float16, _dtype.bfloat16)


def _real(np_dtype):
    """The real NumPy dtype of a (possibly complex) NumPy dtype."""
    return np_dtype.type(0).real.dtype


def _ratio(a, b):
    """a / b with IEEE results for b == 0 (torch divides doubles here)."""
    if b:
        return a / b
    return math.copysign(math.inf, a) if a else math.nan


# ---------------------------------------------------------------- var and std


@quiet
def _variance(xp, input, dim, correction, keepdim):
    """(var, mean) of `input` over the axes `dim`, with torch's dof = max(0, n - correction)."""
    arr = input
    out = arr.dtype
    if _dtype.is_half_np(arr.dtype):
        arr = arr.astype("float32")
    n = count(arr.shape, dim)
    mean = arr.sum(axis=dim, keepdims=True) / n
    dev = arr - mean
    squares = (dev.real * dev.real + dev.imag * dev.imag) if dev.dtype.kind == "c" else dev * dev
    total = squares.sum(axis=dim, keepdims=keepdim)
    var = total / builtins.max(0, n - correction)
    if not keepdim:
        mean = mean.reshape(var.shape)
    return var.astype(_real(out)), mean.astype(out)


def _var_backward(grad, self, dims_given, correction, keepdim):
    """torch's var_backward; `dims_given` is None for a full reduction, else the dims passed
    (an empty tuple counts one element, as torch's does)."""
    if self.dim() == 0 or dims_given is None:
        mean = self.mean()
        dof = self.numel() - correction
        if dof <= 0:
            from numtorch import where

            return grad * where(self == mean, math.nan, math.inf)
        return (2.0 / dof) * grad * (self - mean)
    if not keepdim and self.dim() > 1:
        grad = restore_dims(grad, dims_given, False)
    rnumel = count(self.shape, dims_given)
    return _ratio(2.0, rnumel - correction) * grad * (self - self.mean(dims_given, keepdim=True))


def _std_backward(grad, self, result, dims_given, correction, keepdim):
    from numtorch import where

    grad_var = where(result == 0, 0, grad / (result * 2))
    return _var_backward(grad_var, self, dims_given, correction, keepdim)


def _mean_backward(grad, shape, dims, keepdim):
    return restore_dims(grad, dims, keepdim).expand(shape) / count(shape, dims)


@op("var", grad_fn="VarBackward0", promote=FORWARD, function=False, method=False)
def _var(xp, input, *, dim, correction, keepdim, dims_given):
    return _variance(xp, input, dim, correction, keepdim)[0]


@_var.backward
def _(grad, *, needs, self, correction, keepdim, dims_given):
    return _var_backward(grad, self, dims_given, correction, keepdim)


@op("std", grad_fn="StdBackward0", promote=FORWARD, function=False, method=False)
def _std(xp, input, *, dim, correction, keepdim, dims_given):
    return xp.sqrt(_variance(xp, input, dim, correction, keepdim)[0])


@_std.backward
def _(grad, *, needs, self, result, correction, keepdim, dims_given):
    return _std_backward(grad, self, result, dims_given, correction, keepdim)


@op(
    "var_mean",
    grad_fn="VarMeanBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=tuple,
)
def _var_mean(xp, input, *, dim, correction, keepdim, dims_given):
    return _variance(xp, input, dim, correction, keepdim)


@_var_mean.backward
def _(grad_var, grad_mean, *, needs, self, dim, correction, keepdim, dims_given):
    return _var_backward(grad_var, self, dims_given, correction, keepdim) + _mean_backward(
        grad_mean, self.shape, dim, keepdim
    )


@op(
    "std_mean",
    grad_fn="StdMeanBackward0",
    promote=FORWARD,
    function=False,
    method=False,
    returns=tuple,
)
def _std_mean(xp, input, *, dim, correction, keepdim, dims_given):
    var, mean = _variance(xp, input, dim, correction, keepdim)
    return xp.sqrt(var), mean


@_std_mean.backward
def _(grad_std, grad_mean, *, needs, self, result0, dim, correction, keepdim, dims_given):
    return _std_backward(grad_std, self, result0, dims_given, correction, keepdim) + (
        _mean_backward(grad_mean, self.shape, dim, keepdim)
    )


def _var_like(name, input, dim, unbiased, keepdim, correction, out):
    if type(dim) is bool:
        if unbiased is not NOT_GIVEN:
            raise TypeError(f"{name}(): argument 'dim' must be tuple of ints, not bool")
        dim, unbiased = None, dim
    if unbiased is not NOT_GIVEN and correction is not None:
        raise TypeError(
            f"{name}() received an invalid combination of arguments - got (correction, unbiased)"
        )
    if correction is None:
        correction = 0 if unbiased is False else 1
    if input.dtype.category < _dtype.FLOAT:
        what = name if name in ("var_mean", "std_mean") else "std and var"
        raise RuntimeError(f"{what} only support floating point and complex dtypes")
    ndim = input._data.ndim
    dims = reduce_dims(dim, ndim)
    dims_given = dims
    if dim is None:
        dims_given = None
    elif not isinstance(dim, int) and len(dim) == 0:
        dims_given = ()  # torch's backward then counts one element per slice
    if input.numel() and count(input.shape, dims) - correction <= 0:
        warnings.warn(
            f"{name}(): degrees of freedom is <= 0. Correction should be strictly less than the "
            "reduction factor (input numel divided by output numel).",
            UserWarning,
            stacklevel=3,
        )
    params = {"dim": dims, "correction": correction, "keepdim": keepdim, "dims_given": dims_given}
    return apply(REGISTRY[name], (input,), params, out)


@public(method=True)
def var(input, dim=None, unbiased=NOT_GIVEN, keepdim=False, *, correction=None, out=None):
    """Same as `torch.var`: `correction=` (default 1), or the older `unbiased` flag."""
    return _var_like("var", input, dim, unbiased, keepdim, correction, out)


@public(method=True)
def std(input, dim=None, unbiased=NOT_GIVEN, keepdim=False, *, correction=None, out=None):
    """Same as `torch.std`: `correction=` (default 1), or the older `unbiased` flag."""
    return _var_like("std", input, dim, unbiased, keepdim, correction, out)


@public()
def var_mean(input, dim=None, unbiased=NOT_GIVEN, keepdim=False, *, correction=None, out=None):
    """Same as `torch.var_mean`: the tuple (var, mean)."""
    return _var_like("var_mean", input, dim, unbiased, keepdim, correction, out)


@public()
def std_mean(input, dim=None, unbiased=NOT_GIVEN, keepdim=False, *, correction=None, out=None):
    """Same as `torch.std_mean`: the tuple (std, mean)."""
    return _var_like("std_mean", input, dim, unbiased, keepdim, correction, out)


# ---------------------------------------------------------------- vector norms


@quiet
def _norm_of(xp, arr, ord, dim, keepdim):
    """The `ord`-norm of a float or complex array over the axes `dim` (real result)."""
    if arr.dtype.kind == "c":
        mag = xp.abs(arr)
    elif ord == 2:
        return xp.sqrt((arr * arr).sum(axis=dim, keepdims=keepdim))
    else:
        mag = xp.abs(arr)
    if ord == 0:
        return (mag != 0).sum(axis=dim, keepdims=keepdim).astype(mag.dtype)
    if ord == math.inf:
        return mag.max(axis=dim, keepdims=keepdim)
    if ord == -math.inf:
        return mag.min(axis=dim, keepdims=keepdim)
    if ord == 1:
        return mag.sum(axis=dim, keepdims=keepdim)
    if ord == 2:
        return xp.sqrt((mag * mag).sum(axis=dim, keepdims=keepdim))
    return (mag**ord).sum(axis=dim, keepdims=keepdim) ** (1.0 / ord)


def norm_backward(grad, self, ord, norm, dims, keepdim):
    """torch's norm_backward for a vector norm over `dims`; None for ord 0 (no gradient)."""
    from numtorch import where

    if not keepdim and self.dim():
        grad = restore_dims(grad, dims, False)
        norm = restore_dims(norm, dims, False)
    if ord == 0:
        return None
    if ord == 1:
        return self.sgn() * grad
    if ord == 2:
        return grad * where(norm == 0, 0, self / norm)
    if math.isinf(ord):
        size = self.abs()
        mask = (size == norm) | size.isnan()
        return self.sgn() * ((grad / mask.sum(dims, keepdim=True)) * mask)
    if ord < 1:
        scaled = self.sgn() * where(self == 0, 0, self.abs() ** (ord - 1))
        return scaled * grad * norm ** (1 - ord)
    scaled = self.sgn() * self.abs() ** (ord - 1) if ord < 2 else self * self.abs() ** (ord - 2)
    return scaled * where(norm == 0, 0, grad / norm ** (ord - 1))


@op(
    "linalg_vector_norm",
    grad_fn="LinalgVectorNormBackward0",
    promote=FORWARD,
    function=False,
    method=False,
)
def _vector_norm(xp, input, *, ord, dim, keepdim, dtype):
    arr = input if dtype is None else input.astype(dtype.np)
    out = _real(arr.dtype)
    if _dtype.is_half_np(arr.dtype):
        arr = arr.astype("float32")
    return _norm_of(xp, arr, ord, dim, keepdim).astype(out)


@_vector_norm.backward
def _(grad, *, needs, self, result, ord, dim, keepdim):
    return norm_backward(grad, self, ord, result, dim, keepdim)


def _ord_text(ord):
    return f"{float(ord):g}"


def _check_empty_norm(input, ord, dim, dims):
    if not (ord < 0 or ord == math.inf) or input.numel():
        return
    if dim is None or (not isinstance(dim, int) and len(dim) == 0):
        raise RuntimeError(
            f"linalg.vector_norm cannot compute the {_ord_text(ord)} norm on an empty tensor "
            "because the operation does not have an identity"
        )
    for d in (dim,) if isinstance(dim, int) else dim:  # torch names the dim as passed
        if input.shape[d] == 0:
            raise RuntimeError(
                f"linalg.vector_norm cannot compute the {_ord_text(ord)} norm on the dimension "
                f"{d}because this dimension is empty and the operation does not have an identity"
            )


def vector_norm(input, ord=2, dim=None, keepdim=False, *, dtype=None, out=None):
    """Same as `torch.linalg.vector_norm`."""
    if isinstance(ord, str) or not isinstance(ord, (int, float)):
        raise TypeError(
            "linalg_vector_norm(): argument 'ord' (position 2) must be Number, not "
            f"{type(ord).__name__}"
        )
    if input.dtype.category < _dtype.FLOAT:
        raise RuntimeError(
            "linalg.vector_norm: Expected a floating point or complex tensor as input. Got "
            f"{type_name(input.dtype)}"
        )
    dims = reduce_dims(dim, input._data.ndim)
    _check_empty_norm(input, ord, dim, dims)
    if dtype is not None:
        if dtype.category < _dtype.FLOAT:
            raise RuntimeError(
                "linalg.vector_norm: dtype should be floating point or complex, but got "
                f"{type_name(dtype)}"
            )
        if dtype.is_complex != input.dtype.is_complex:
            kind = "complex" if input.dtype.is_complex else "real"
            raise RuntimeError(
                f"linalg.vector_norm: dtype should be {kind} for {kind} inputs, but got "
                f"{type_name(dtype)}"
            )
        if _dtype.promote_types(dtype, input.dtype) is not dtype:
            raise RuntimeError(
                f"linalg.vector_norm: the dtype of the input ({type_name(input.dtype)}) should "
                f"be convertible without narrowing to the specified dtype ({type_name(dtype)})"
            )
    if out is not None:
        expect_out_dtype(out, (dtype or input.dtype).to_real())
    params = {"ord": ord, "dim": dims, "keepdim": keepdim, "dtype": dtype}
    return apply(REGISTRY["linalg_vector_norm"], (input,), params, out)


def _matrix_norm(input, p, dim, keepdim, dtype, out):
    dims = [dim] if isinstance(dim, int) else list(dim)
    if p != "nuc":
        raise RuntimeError(f"linalg.matrix_norm: Order {p} not supported.")
    if len(dims) != 2:
        got = " ".join(map(str, dims))
        raise RuntimeError(f"linalg.matrix_norm: dim must be a 2-tuple. Got {got}")
    import numtorch

    svdvals = getattr(getattr(numtorch, "linalg", None), "svdvals", None)
    if svdvals is None:
        raise NotImplementedError("norm(p='nuc') needs numtorch.linalg.svdvals")
    d0, d1 = (d % builtins.max(input.dim(), 1) for d in dims)
    moved = input.movedim((d0, d1), (-2, -1))
    result = svdvals(moved if dtype is None else moved.to(dtype)).sum(-1)
    if keepdim:
        result = result.unsqueeze(builtins.min(d0, d1)).unsqueeze(builtins.max(d0, d1))
    if out is not None:
        from numtorch._ops.registry import _write_out

        return _write_out(out, result)
    return result


@public()
def norm(input, p="fro", dim=None, keepdim=False, out=None, dtype=None):
    """Same as `torch.norm`: a vector norm over `dim` ('fro' is the 2-norm); 'nuc' is the
    nuclear norm of a matrix."""
    if isinstance(p, str):
        if p == "fro" and (dim is None or isinstance(dim, int) or len(dim) <= 2):
            return vector_norm(input, 2, dim, keepdim, dtype=dtype, out=out)
        dims = range(input.dim()) if dim is None else dim
        return _matrix_norm(input, p, dims, keepdim, dtype, out)
    return vector_norm(input, 2.0 if p is None else p, dim, keepdim, dtype=dtype, out=out)


@public("norm", function=False, method=True)
def _tensor_norm(self, p="fro", dim=None, keepdim=False, dtype=None):
    """Same as `Tensor.norm`."""
    return norm(self, p, dim, keepdim, dtype=dtype)


# ---------------------------------------------------------------- dist


@op("dist", grad_fn="DistBackward0", promote=FORWARD, function=False, method=False)
def _dist(xp, input, other, *, p, dtype):
    diff = xp.subtract(input.astype(dtype.np), other.astype(dtype.np))
    out = _real(diff.dtype)
    if _dtype.is_half_np(diff.dtype):
        diff = diff.astype("float32")
    return _norm_of(xp, diff, p, None, False).astype(out)


@_dist.backward
def _(grad, *, needs, self, other, result, p):
    diff = self - other
    g = norm_backward(grad, diff, p, result, tuple(range(diff.dim())), False)
    if g is None:
        if needs[1]:  # torch negates the undefined gradient of p=0 for `other`
            raise RuntimeError(
                "Expected a proper Tensor but got None (or an undefined Tensor in C++) for "
                "argument #0 'self'"
            )
        return None, None
    return g if needs[0] else None, -g if needs[1] else None


@public(method=True)
def dist(input, other, p=2):
    """Same as `torch.dist`: the p-norm of input - other."""
    from numtorch._tensor import Tensor

    if not isinstance(other, Tensor):
        raise TypeError(
            f"dist(): argument 'other' (position 2) must be Tensor, not {type(other).__name__}"
        )
    common = result_dtype((input, other))
    if common.category < _dtype.FLOAT:
        raise RuntimeError(
            "norm(): input dtype should be either floating point or complex. Got "
            f"{type_name(common)} instead."
        )
    from numtorch._errors import broadcast_shapes_of

    shape = broadcast_shapes_of(input.shape, other.shape)
    if not input.numel() or not count(shape, range(len(shape))):
        _check_empty_norm(input, p, None, ())
    return apply(REGISTRY["dist"], (input, other), {"p": p, "dtype": common})
