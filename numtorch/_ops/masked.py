"""Boolean-mask ops: masked_fill, masked_select, masked_scatter, and nonzero / argwhere.

The mask broadcasts against the input (out of place, the result has the broadcast shape; in
place, it must broadcast to self's shape)."""

from numtorch import _dtype
from numtorch._errors import broadcast_shapes_of, type_name
from numtorch._ops.indexing import as_scalar, checked_scalar
from numtorch._ops.registry import FORWARD, REGISTRY, apply, apply_inplace, op, public
from numtorch._ops.scatter_gather import require_tensor
from numtorch._tensor import Tensor

# C++ element type names, as torch prints a mask's dtype in masked_fill's error.
_C_TYPE = {
    "uint8": "unsigned char",
    "int8": "signed char",
    "int16": "short int",
    "int32": "int",
    "int64": "long int",
    "float16": "c10::Half",
    "bfloat16": "c10::BFloat16",
    "float32": "float",
    "float64": "double",
    "complex64": "c10::complex<float>",
    "complex128": "c10::complex<double>",
}


# ---------------------------------------------------------------- masked_fill


@op(
    "masked_fill_scalar",
    grad_fn="MaskedFillBackward0",
    input_names=("self", "mask"),
    function=False,
    method=False,
)
def _masked_fill_scalar(xp, input, mask, *, value):
    return xp.where(mask, xp.asarray(value, dtype=input.dtype), input)


@_masked_fill_scalar.backward
def _(grad, *, needs, mask):
    return grad.masked_fill(mask, 0), None


@op(
    "masked_fill_tensor",
    grad_fn="MaskedFillBackward1",
    input_names=("self", "mask", "value"),
    function=False,
    method=False,
)
def _masked_fill_tensor(xp, input, mask, value):
    return xp.where(mask, value.astype(input.dtype), input)


@_masked_fill_tensor.backward
def _(grad, *, needs, mask):
    grad_self = grad.masked_fill(mask, 0) if needs[0] else None
    grad_value = grad.masked_select(mask).sum() if needs[2] else None
    return grad_self, None, grad_value


def _masked_fill_call(name, input, mask, value):
    require_tensor(name, "mask", 2, mask)
    if isinstance(value, Tensor):
        if value.dim() != 0:
            raise RuntimeError(
                "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                f"{value.dim()} dimension(s)."
            )
    if mask.dtype is not _dtype.bool:
        raise RuntimeError(
            "masked_fill_ only supports boolean masks, but got mask with dtype "
            f"{_C_TYPE[mask.dtype.name]}"
        )
    broadcast_shapes_of(mask.shape, input.shape)
    if isinstance(value, Tensor):
        return REGISTRY["masked_fill_tensor"], (input, mask, value), {}
    number = as_scalar(value)
    if number is None:
        raise TypeError(
            f"{name}() received an invalid combination of arguments - got (Tensor, Tensor, "
            f"{type(value).__name__})"
        )
    params = {"value": checked_scalar(number, input.dtype)}
    return REGISTRY["masked_fill_scalar"], (input, mask), params


@public(method=True)
def masked_fill(input, mask, value):
    """Same as `torch.masked_fill`: value where mask is True (mask broadcasts)."""
    return apply(*_masked_fill_call("masked_fill", input, mask, value))


@public(function=False, method=True)
def masked_fill_(self, mask, value):
    """Same as `Tensor.masked_fill_`."""
    return apply_inplace(*_masked_fill_call("masked_fill_", self, mask, value))


# ---------------------------------------------------------------- masked_select


@op(
    "masked_select",
    grad_fn="MaskedSelectBackward0",
    input_names=("self", "mask"),
    function=False,
    method=False,
)
def _masked_select(xp, input, mask):
    values, where = xp.broadcast_arrays(input, mask)
    return values[where]


@_masked_select.backward
def _(grad, *, needs, self_sym_sizes, mask):
    from numtorch._creation import zeros

    shape = broadcast_shapes_of(tuple(self_sym_sizes), tuple(mask.shape))
    out = zeros(shape, dtype=grad.dtype, device=grad.device)
    return out.masked_scatter(mask, grad), None


@public(method=True)
def masked_select(input, mask, *, out=None):
    """Same as `torch.masked_select`: the elements where mask is True, as a vector."""
    require_tensor("masked_select", "mask", 2, mask)
    if mask.dtype is not _dtype.bool:
        raise RuntimeError("masked_select: expected BoolTensor for mask")
    broadcast_shapes_of(mask.shape, input.shape)
    return apply(REGISTRY["masked_select"], (input, mask), {}, out)


# ---------------------------------------------------------------- masked_scatter


@op(
    "masked_scatter",
    grad_fn="MaskedScatterBackward0",
    input_names=("self", "mask", "source"),
    function=False,
    method=False,
)
def _masked_scatter(xp, input, mask, source):
    values, where = xp.broadcast_arrays(input, mask)
    out = values.copy()
    count = int(where.sum())
    out[where] = source.reshape(-1)[:count]
    return out


@_masked_scatter.backward
def _(grad, *, needs, mask, source_sym_sizes):
    from numtorch._creation import zeros
    from numtorch._ops.shape import cat

    grad_self = grad.masked_fill(mask, 0) if needs[0] else None
    grad_source = None
    if needs[2]:
        chosen = grad.masked_select(mask)
        n = 1
        for k in source_sym_sizes:
            n *= k
        if n > chosen.numel():
            pad = zeros(n - chosen.numel(), dtype=grad.dtype, device=grad.device)
            chosen = cat([chosen, pad])
        grad_source = chosen.reshape(source_sym_sizes)
    return grad_self, None, grad_source


def _masked_scatter_call(input, mask, source):
    require_tensor("masked_scatter", "mask", 2, mask)
    require_tensor("masked_scatter", "source", 3, source)
    if mask.dtype is not _dtype.bool:
        raise RuntimeError(
            "masked_scatter_ only supports boolean masks, but got mask with dtype "
            f"{type_name(mask.dtype)}"
        )
    if input.dtype is not source.dtype:
        raise RuntimeError(
            "masked_scatter: expected self and source to have same dtypes but got"
            f"{type_name(input.dtype)} and {type_name(source.dtype)}"
        )
    shape = broadcast_shapes_of(mask.shape, input.shape)
    from numtorch._device import xp_for

    count = int(xp_for(mask._device).broadcast_to(mask._data, shape).sum())
    if count > source.numel():
        raise RuntimeError("Number of elements of source < number of ones in mask")
    return REGISTRY["masked_scatter"], (input, mask, source), {}


@public(method=True)
def masked_scatter(input, mask, source):
    """Same as `torch.masked_scatter`: source's leading elements, in order, where mask is True."""
    return apply(*_masked_scatter_call(input, mask, source))


@public(function=False, method=True)
def masked_scatter_(self, mask, source):
    """Same as `Tensor.masked_scatter_`."""
    if mask.dim() > self.dim():
        raise RuntimeError(
            f"expand(CPUBoolType{{[{', '.join(map(str, mask.shape))}]}}, size=[{', '.join(map(str, self.shape))}]): "
            f"the number of sizes provided ({self.dim()}) must be greater or equal to the number "
            f"of dimensions in the tensor ({mask.dim()})"
        )
    return apply_inplace(*_masked_scatter_call(self, mask, source))


# ---------------------------------------------------------------- nonzero / argwhere


@op("nonzero", promote=FORWARD, function=False, method=False)
def _nonzero(xp, input):
    return xp.argwhere(input).astype("int64")


@public(method=True)
def nonzero(input, *, out=None, as_tuple=False):
    """Same as `torch.nonzero`: the coordinates of the nonzero elements, one row each (int64
    [n, ndim]), or with as_tuple=True one vector per dim."""
    if out is not None and isinstance(out, Tensor) and out.dtype is not _dtype.int64:
        raise RuntimeError(
            "nonzero: Expected out tensor to have scalar type Long but got scalar type"
            f"{type_name(out.dtype)}"
        )
    coords = apply(REGISTRY["nonzero"], (input,), {}, None if as_tuple else out)
    if not as_tuple:
        return coords
    data, dev = coords._data, coords._device
    if input.dim() == 0:
        from numtorch._device import xp_for

        return (Tensor._make(xp_for(dev).zeros(data.shape[0], "int64"), _dtype.int64, dev),)
    return tuple(Tensor._make(data[:, k].copy(), _dtype.int64, dev) for k in range(input.dim()))


@public(method=True)
def argwhere(input):
    """Same as `torch.argwhere` (nonzero's [n, ndim] form)."""
    return apply(REGISTRY["nonzero"], (input,), {})


@op("nonzero_static", promote=FORWARD, function=False, method=False)
def _nonzero_static(xp, input, *, size, fill_value):
    coords = xp.argwhere(input).astype("int64")[:size]
    if coords.shape[0] < size:
        pad = xp.full((size - coords.shape[0], coords.shape[1]), fill_value, dtype="int64")
        coords = xp.concatenate([coords, pad])
    return coords


@public(method=True)
def nonzero_static(input, *, size, fill_value=-1):
    """Same as `torch.nonzero_static`: nonzero()'s rows, cut or padded with fill_value to
    `size` rows."""
    if size < 0:
        raise RuntimeError("nonzero_static: 'size' must be an non-negative integer")
    return apply(REGISTRY["nonzero_static"], (input,), {"size": size, "fill_value": fill_value})
