"""make_tensor: a tensor of random values in [low, high) with torch's defaults and checks."""

import math
import warnings

from numtorch import _dtype

_EXACT = ("bool", "uint8", "int8", "int16", "int32", "int64")


def _bounds(low, high, dtype, lowest, highest, default_low, default_high):
    low = default_low if low is None else low
    high = default_high if high is None else high
    if any(isinstance(v, float) and math.isnan(v) for v in (low, high)):
        raise ValueError(f"`low` and `high` cannot be NaN, but got low={low} and high={high}")
    if low == high and dtype.name not in _EXACT:
        warnings.warn(
            "Passing `low==high` to `torch.testing.make_tensor` for floating or complex types "
            "is deprecated since 2.1 and will be removed in 2.3. Use `torch.full(...)` instead.",
            FutureWarning,
            stacklevel=3,
        )
    elif low >= high:
        raise ValueError(f"`low` must be less than `high`, but got {low} >= {high}")
    elif high < lowest or low >= highest:
        raise ValueError(
            f"The value interval specified by `low` and `high` is [{low}, {high}), but {dtype} "
            f"only supports [{lowest}, {highest})"
        )
    low, high = min(max(low, lowest), highest), min(max(high, lowest), highest)
    if dtype.name in _EXACT:
        return math.ceil(low), math.ceil(high)
    return low, high


def make_tensor(
    *shape,
    dtype,
    device,
    low=None,
    high=None,
    requires_grad=False,
    noncontiguous=False,
    exclude_zero=False,
    memory_format=None,
):
    """Same as `torch.testing.make_tensor`: values drawn with numtorch's generator (torch's
    stream), so a seeded call gives torch's tensor."""
    import numtorch

    if len(shape) == 1 and isinstance(shape[0], (list, tuple)):
        shape = shape[0]
    shape = tuple(shape)
    if noncontiguous and memory_format is not None:
        raise ValueError(
            "The parameters `noncontiguous` and `memory_format` are mutually exclusive, but got "
            f"noncontiguous={noncontiguous} and memory_format={memory_format}"
        )
    if requires_grad and dtype.name in _EXACT:
        raise ValueError(
            "`requires_grad=True` is not supported for boolean and integral dtypes, but got "
            f"dtype={dtype}"
        )
    numel = 1
    for n in shape:
        numel *= n
    noncontiguous = noncontiguous and numel > 1
    if noncontiguous:
        shape = shape[:-1] + (2 * shape[-1],)
    if dtype is _dtype.bool:
        low, high = _bounds(low, high, dtype, 0, 2, 0, 2)
        result = numtorch.randint(low, high, shape, device=device, dtype=dtype)
    elif dtype.name in _EXACT:
        info = _dtype.iinfo(dtype)
        top = info.max + (1 if dtype is not _dtype.int64 else 0)
        low, high = _bounds(low, high, dtype, info.min, top, -9, 10)
        result = numtorch.randint(low, high, shape, device=device, dtype=dtype)
    elif dtype.category >= _dtype.FLOAT:
        info = _dtype.finfo(dtype)
        low, high = _bounds(low, high, dtype, info.min, info.max, -9, 9)
        result = numtorch.empty(shape, device=device, dtype=dtype)
        target = numtorch.view_as_real(result) if dtype.is_complex else result
        if high - low >= info.max:
            target.uniform_(low / 2, high / 2).mul_(2)
        else:
            target.uniform_(low, high)
    else:
        raise TypeError(
            f"The requested dtype '{dtype}' is not supported by torch.testing.make_tensor()."
            " To request support, file an issue at: https://github.com/pytorch/pytorch/issues"
        )
    if noncontiguous:
        result = result[..., 1::2]
    elif memory_format is not None:
        result = result.clone(memory_format=memory_format)
    if exclude_zero:
        if dtype.category >= _dtype.FLOAT:
            tiny = _dtype.finfo(dtype).tiny
            result[result == 0] = complex(tiny, tiny) if dtype.is_complex else tiny
        else:
            result[result == 0] = 1
    if dtype.category >= _dtype.FLOAT:
        result.requires_grad = requires_grad
    return result
