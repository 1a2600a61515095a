"""Indexing: `Tensor.__getitem__` / `__setitem__`, copy_, index_select, and scalar conversion.

Ints, slices, None and Ellipsis become select/slice/unsqueeze views, so the grad_fn chain is
torch's (`x[0, 1:]` is SliceBackward0 over SelectBackward0). Tensor, list and bool indices go on to
advanced_index.py; gather/scatter* are in scatter_gather.py, index_add/copy/fill/reduce and
take/put in index_ops.py, masked_* and nonzero in masked.py.
"""

import math
import operator
import warnings

from numtorch import _dtype
from numtorch._errors import fmt_shape, type_name, wrap_dim
from numtorch._ops.registry import REGISTRY, apply, apply_inplace, op, public
from numtorch._ops.shape import select, slice_dim, unsqueeze
from numtorch._tensor import Tensor
from numtorch.autograd.grad_mode import is_grad_enabled

# ---------------------------------------------------------------- Python scalars

_C_NAMES = {
    "uint8": "uint8_t",
    "int8": "int8_t",
    "int16": "int16_t",
    "int32": "int",
    "int64": "int64_t",
    "float16": "c10::Half",
    "bfloat16": "c10::BFloat16",
    "float32": "float",
    "float64": "double",
    "complex64": "c10::complex<float>",
    "complex128": "c10::complex<double>",
}
_INT_RANGE = {
    # uint8 accepts negative Python ints down to -255: torch lets them wrap (two's complement).
    "uint8": (-255, 255, 0),
    "int8": (-128, 127, -128),
    "int16": (-(2**15), 2**15 - 1, -(2**15)),
    "int32": (-(2**31), 2**31 - 1, -(2**31)),
    "int64": (-(2**63), 2**63 - 1, -(2**63)),
}
_FLOAT_MAX = {
    "float16": 65504.0,
    "bfloat16": 3.3895313892515355e38,
    "float32": 3.4028234663852886e38,
    "float64": math.inf,
    "complex64": 3.4028234663852886e38,
    "complex128": math.inf,
}


def checked_scalar(value, dtype, setitem=False):
    """`value` (a Python number) converted to `dtype` as torch converts a Scalar argument:
    RuntimeError "value cannot be converted to type ... without overflow" when it does not fit.

    setitem: the rules of `x[i] = value`, which converts float16 values through double
    (no overflow check there) and reads Python ints as C long long.
    """
    category = dtype.category
    kind = type(value)
    if kind is float and category == _dtype.FLOAT:
        if -_FLOAT_MAX[dtype.name] <= value <= _FLOAT_MAX[dtype.name] or value != value:
            return value
        if math.isinf(value) or (setitem and dtype.name == "float16"):
            return value
        raise _overflow(dtype, setitem)
    if category == _dtype.BOOL:
        return bool(value)
    if kind is int or kind is bool:
        value = int(value)
        if setitem and not -(2**63) <= value < 2**63:
            raise ValueError("Overflow when unpacking long long")
        if value < -(2**63):
            raise OverflowError("can't convert negative int to unsigned")
    if isinstance(value, complex):
        if category != _dtype.COMPLEX:
            if value.imag != 0:
                raise _overflow(dtype, setitem)
            value = value.real
        else:
            limit = _FLOAT_MAX[dtype.name]
            for part in (value.real, value.imag):
                if abs(part) > limit and math.isfinite(part):
                    raise _overflow(dtype, setitem)
            return value
    if category == _dtype.INT:
        low, high, float_low = _INT_RANGE[dtype.name]
        if isinstance(value, float):
            if not math.isfinite(value) or value < float_low or value > high:
                raise _overflow(dtype, setitem)
            return int(value)
        if value < low or value > high:
            raise _overflow(dtype, setitem)
        return value + 256 if value < 0 else value  # only uint8 accepts negatives
    value = float(value) if category == _dtype.FLOAT else complex(value)
    if setitem and dtype.name == "float16":
        return value
    if math.isfinite(value.real) and abs(value.real) > _FLOAT_MAX[dtype.name]:
        raise _overflow(dtype, setitem)
    return value


def _overflow(dtype, setitem):
    c_name = "double" if setitem and dtype.name == "float16" else _C_NAMES[dtype.name]
    return RuntimeError(f"value cannot be converted to type {c_name} without overflow")


def min_max(array):
    """(min, max) of a non-empty integer array as Python ints; small arrays are read directly,
    which is quicker than two reductions."""
    if array.size <= 16:
        values = array.ravel().tolist()
        return min(values), max(values)
    return int(array.min()), int(array.max())


def as_scalar(value):
    """A Python or NumPy scalar as a Python number (torch takes both as a Scalar); else None."""
    if isinstance(value, (int, float, complex)):
        return value
    cls = type(value)
    if cls.__module__ == "numpy" and cls.__name__ != "ndarray" and hasattr(value, "item"):
        return value.item()
    return None


def tensor_type_name(t):
    """torch's legacy type name: torch.FloatTensor, torch.cuda.LongTensor, ..."""
    cuda = "cuda." if t._device.type == "cuda" else ""
    return f"torch.{cuda}{type_name(t.dtype)}Tensor"


def scalar_tensor_like(t, value, setitem=False):
    """A 0-dim tensor of t's dtype and device holding `value` (torch's wrapped-number rules)."""
    from numtorch._device import xp_for

    xp = xp_for(t._device)
    v = checked_scalar(value, t.dtype, setitem)
    return Tensor._make(xp.asarray(v).astype(t.dtype.np), t.dtype, t._device)


def _py_type_name(value):
    cls = type(value)
    return cls.__name__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


# ---------------------------------------------------------------- walking the key


def _is_basic(key):
    return key is None or key is Ellipsis or type(key) is int or type(key) is slice


def as_keys(key):
    """The key as a tuple of items; a list holding a tensor, sequence, slice, None or Ellipsis
    counts as a tuple (torch's NumPy-era heuristic, with its deprecation warning)."""
    if isinstance(key, tuple):
        return key
    if type(key) is list and len(key) < 32:
        for k in key:
            if (
                isinstance(k, (Tensor, list, tuple, range, slice))
                or k is None
                or k is Ellipsis
                or type(k).__name__ == "ndarray"
            ):
                warnings.warn(
                    "Using a non-tuple sequence for multidimensional indexing is deprecated and "
                    "will be changed in pytorch 2.9; use x[tuple(seq)] instead of x[seq]. In "
                    "pytorch 2.9 this will be interpreted as tensor index, x[torch.tensor(seq)], "
                    "which will result either in an error or a different result",
                    UserWarning,
                    stacklevel=3,
                )
                return tuple(key)
    return (key,)


def walk(t, keys):
    """Applies the ints, slices, None and Ellipsis of `keys` to `t` as views.

    Returns (view, tensor_indices) where tensor_indices lists (dim, index tensor) for the
    advanced items, dims counted in the view; Python bools become a length-1 or length-0 index
    on a new dim, as in torch.
    """
    if not all(_is_basic(k) for k in keys):
        from numtorch._ops.advanced_index import index_item

        keys = [index_item(k, t._device) for k in keys]
    ndim = t._data.ndim
    specified = 0
    for k in keys:
        if isinstance(k, Tensor):
            specified += k._data.ndim if k.dtype is _dtype.bool or k.dtype is _dtype.uint8 else 1
        elif k is not None and k is not Ellipsis and type(k) is not bool:
            specified += 1
    if specified > ndim:
        raise IndexError(f"too many indices for tensor of dimension {ndim}")
    out, dim, tensors = t, 0, []
    for pos, k in enumerate(keys):
        kind = type(k)
        if kind is int:
            n = out._data.shape[dim] if dim < out._data.ndim else 0
            if k < -n or k >= n:
                raise IndexError(f"index {k} is out of bounds for dimension {pos} with size {n}")
            out = select(out, dim, k)
        elif kind is slice:
            if dim >= out._data.ndim:
                m = max(out._data.ndim, 1)
                raise IndexError(
                    f"Dimension out of range (expected to be in range of [{-m}, {m - 1}], but "
                    f"got {dim})"
                )
            n = out._data.shape[dim]
            step = 1 if k.step is None else operator.index(k.step)
            if step <= 0:
                raise ValueError("step must be greater than zero")
            start, stop, _ = k.indices(n)
            if not (start == 0 and stop >= n and step == 1):
                out = slice_dim(out, dim, k.start, k.stop, step)
            dim += 1
        elif k is None:
            out = unsqueeze(out, dim)
            dim += 1
        elif k is Ellipsis:
            dim += ndim - specified
        elif kind is bool:
            from numtorch._creation import zeros

            out = unsqueeze(out, dim)
            tensors.append((dim, zeros(1 if k else 0, dtype=_dtype.int64, device=t._device)))
            dim += 1
        else:
            tensors.append((dim, k))
            mask = k.dtype is _dtype.bool or k.dtype is _dtype.uint8
            dim += k._data.ndim if mask else 1
    return out, tensors


# ---------------------------------------------------------------- __getitem__ / __setitem__


@op("alias", grad_fn="AliasBackward0", view=True, function=False, method=False)
def _alias(xp, input):
    return input[...]


@_alias.backward
def _(grad, *, needs):
    return grad


def getitem(self, key):
    """Same as `Tensor.__getitem__`."""
    kind = type(key)
    if kind is int:
        shape = self._data.shape
        if not shape:
            raise IndexError(
                "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number"
            )
        n = shape[0]
        if key < -n or key >= n:
            raise IndexError(f"index {key} is out of bounds for dimension 0 with size {n}")
        return apply(_SELECT, (self,), {"dim": 0, "index": key + n if key < 0 else key})
    if kind is slice:
        # A lone slice is always a SliceBackward0 view, even when it spans the whole dim.
        if self._data.ndim == 0:
            raise IndexError("slice() cannot be applied to a 0-dim tensor.")
        step = 1 if key.step is None else operator.index(key.step)
        return slice_dim(self, 0, key.start, key.stop, step)
    if kind is Tensor and key._data.ndim and key.dtype in _INDEX_DTYPES and self._data.ndim:
        from numtorch._ops.advanced_index import index_with

        return index_with(self, ((0, key),))
    keys = as_keys(key)
    out, tensors = walk(self, keys)
    if tensors:
        from numtorch._ops.advanced_index import index_with

        return index_with(out, tensors)
    if out is self:
        out = apply(REGISTRY["alias"], (self,), {})
    return out


def _rhs(self, value):
    """The right-hand side of `x[key] = value`: a tensor, or a number converted to x's dtype."""
    if isinstance(value, Tensor):
        return value
    number = as_scalar(value)
    if number is None:
        raise TypeError(f"can't assign a {_py_type_name(value)} to a {tensor_type_name(self)}")
    return checked_scalar(number, self.dtype, setitem=True)


def setitem(self, key, value):
    """Same as `Tensor.__setitem__`: basic keys copy into a view, advanced ones use index_put_."""
    value = _rhs(self, value)
    if type(key) is int and self._data.ndim:
        n = self._data.shape[0]
        if key < -n or key >= n:
            raise IndexError(f"index {key} is out of bounds for dimension 0 with size {n}")
        out = apply(_SELECT, (self,), {"dim": 0, "index": key + n if key < 0 else key})
        copy_to(out, value)
        return
    if type(key) is Tensor and key._data.ndim and key.dtype in _INDEX_DTYPES and self._data.ndim:
        from numtorch._ops.advanced_index import put_with

        put_with(self, ((0, key),), value)
        return
    if key is False:
        return
    out, tensors = walk(self, as_keys(key))
    if tensors:
        from numtorch._ops.advanced_index import put_with

        put_with(out, tensors, value)
        return
    copy_to(out, value)


def strip_leading_ones(value):
    """`value` without its leading size-1 dims (torch drops them before broadcasting)."""
    shape = value.shape
    k = 0
    while k < len(shape) and shape[k] == 1:
        k += 1
    return value.reshape(shape[k:]) if k else value


def untracked(dst, src):
    """True when writing src into dst records no autograd history, so the write can go
    straight into dst's memory (same device, nothing requires grad or grad mode is off)."""
    if isinstance(src, Tensor):
        if src._device != dst._device:
            return False
        if src._requires_grad and is_grad_enabled():
            return False
    return not (dst._requires_grad and is_grad_enabled())


def copy_to(dst, src):
    """Writes `src` (a tensor or a number) into `dst` as `x[basic key] = src` does: copy_, or
    fill_ for a number or a 0-dim tensor."""
    if untracked(dst, src) and (
        not isinstance(src, Tensor) or src._data.shape == dst._data.shape or not src._data.ndim
    ):
        dst._data[...] = src._data if isinstance(src, Tensor) else src
        dst._bump_version()
    elif not isinstance(src, Tensor):
        op_name = "copy" if dst._data.ndim == 0 else "setitem_fill"
        apply_inplace(REGISTRY[op_name], (dst, src), {})
    elif dst._data.shape == src._data.shape:
        dst.copy_(src)
    elif src._data.ndim == 0:
        apply_inplace(REGISTRY["setitem_fill"], (dst, src), {})
    else:
        src = strip_leading_ones(src)
        if src._data.ndim > dst._data.ndim:
            raise RuntimeError(
                f"expand({tensor_type_name(src)}{{{fmt_shape(src.shape)}}}, "
                f"size={fmt_shape(dst.shape)}): the number of sizes provided "
                f"({dst._data.ndim}) must be greater or equal to the number of dimensions in "
                f"the tensor ({src._data.ndim})"
            )
        dst.copy_(src.expand(dst.shape))


_SELECT = REGISTRY["_select"]
_INDEX_DTYPES = (_dtype.int64, _dtype.int32)
Tensor.__getitem__ = getitem
Tensor.__setitem__ = setitem


@op("setitem_fill", grad_fn="FillBackward3", function=False, method=False)
def _fill_tensor(xp, input, value):
    out = xp.empty_like(input)
    out[...] = value
    return out


@_fill_tensor.backward
def _(grad, *, needs):
    from numtorch._creation import zeros_like

    return (zeros_like(grad) if needs[0] else None, grad.sum() if needs[1] else None)


@op("copy", grad_fn="CopyBackwards", function=False, method=False)
def _copy(xp, input, src):
    out = xp.empty_like(input)
    out[...] = (
        src if not hasattr(src, "dtype") or src.dtype == input.dtype else src.astype(input.dtype)
    )
    return out


@_copy.backward
def _(grad, *, needs):
    from numtorch._creation import zeros_like

    return (zeros_like(grad) if needs[0] else None, grad if needs[1] else None)


@public(function=False, method=True)
def copy_(self, src, non_blocking=False):
    """Same as `Tensor.copy_`: broadcasts src, casts it to self's dtype, moves it to self's device."""
    from numtorch._errors import broadcast_shapes_of, shape_mismatch_inplace

    if isinstance(src, Tensor):
        if src._device != self._device:
            src = src.to(self._device)
        shape = broadcast_shapes_of(self.shape, src.shape)
        if tuple(shape) != tuple(self.shape):
            raise shape_mismatch_inplace(self.shape, shape)
    return apply_inplace(REGISTRY["copy"], (self, src), {})


# ---------------------------------------------------------------- index_select


@op(
    "index_select",
    grad_fn="IndexSelectBackward0",
    input_names=("self", "index"),
    function=False,
    method=False,
)
def _index_select(xp, input, index, *, dim):
    if input.ndim == 0:
        return input.copy()
    return xp.take(input, index.reshape(-1), axis=dim)


@_index_select.backward
def _(grad, *, needs, self_sym_sizes, dim, index):
    from numtorch._creation import zeros

    out = zeros(self_sym_sizes, dtype=grad.dtype, device=grad.device)
    if len(self_sym_sizes) == 0:
        return grad.reshape(()), None
    return out.index_add(dim, index.reshape(-1), grad), None


@public(method=True)
def index_select(input, dim, index, *, out=None):
    """Same as `torch.index_select`: the slices of `dim` at `index` (a vector), copied."""
    d = wrap_dim(dim, input.dim())
    if index.dtype is not _dtype.int64 and index.dtype is not _dtype.int32:
        raise RuntimeError("index_select(): Expected dtype int32 or int64 for index")
    if index.dim() > 1:
        raise IndexError("index_select(): Index is supposed to be a vector")
    n = input.shape[d] if input.dim() else 1
    idx = index._data
    if idx.size:
        low, high = min_max(idx)
        if low < 0 or high >= n:
            raise IndexError("index out of range in self")
    return apply(REGISTRY["index_select"], (input, index), {"dim": d}, out)


def mask_shape_error(mask_shape, shape, mask_dim, dim):
    return IndexError(
        f"The shape of the mask {fmt_shape(mask_shape)} at index {mask_dim} does not match the "
        f"shape of the indexed tensor {fmt_shape(shape)} at index {dim}"
    )
