"""torch.memory_format and its four values, and the array layouts they ask for: channels_last
keeps dim 1 (channels) innermost, as torch's NHWC / NDHWC strides."""


class memory_format:
    """Same as `torch.memory_format`."""

    __slots__ = ("_name",)

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return "torch." + self._name

    def __reduce__(self):
        return self._name


memory_format.__module__ = "torch"

contiguous_format = memory_format("contiguous_format")
channels_last = memory_format("channels_last")
channels_last_3d = memory_format("channels_last_3d")
preserve_format = memory_format("preserve_format")

_RANK = {channels_last: 4, channels_last_3d: 5}


def _order(ndim):
    """The dims from outermost to innermost for the channels-last layouts: N, spatial..., C."""
    return (0,) + tuple(range(2, ndim)) + (1,)


def check_rank(fmt, ndim):
    rank = _RANK.get(fmt)
    if rank is not None and ndim != rank:
        raise RuntimeError(f"required rank {rank} tensor to use {fmt._name} format")


def strides_for(shape, fmt):
    """Element strides of a dense tensor of `shape` laid out in `fmt`."""
    ndim = len(shape)
    order = _order(ndim) if fmt in _RANK else tuple(range(ndim))
    strides = [0] * ndim
    step = 1
    for d in reversed(order):
        strides[d] = step
        step *= max(shape[d], 1)
    return tuple(strides)


def is_contiguous_as(shape, strides, fmt):
    """Whether these element strides are `fmt`'s dense layout (size-1 dims' strides ignored)."""
    if fmt is preserve_format:
        raise RuntimeError("Unsupported memory format. Use contiguous_format or channels_last.")
    if fmt not in _RANK:
        fmt = contiguous_format
    elif len(shape) != _RANK[fmt]:
        return False
    want = strides_for(shape, fmt)
    return all(n == 1 or s == w for n, s, w in zip(shape, strides, want))


def suggest(shape, strides):
    """The memory format preserve_format keeps: channels_last when the strides are exactly it."""
    for fmt in (channels_last, channels_last_3d):
        if len(shape) == _RANK[fmt] and strides == strides_for(shape, fmt):
            if strides != strides_for(shape, contiguous_format):
                return fmt
    return contiguous_format


def laid_out(xp, array, fmt):
    """A copy of `array` in layout `fmt` (C order for contiguous_format)."""
    if fmt not in _RANK:
        return array.copy(order="C")
    order = _order(array.ndim)
    inverse = [order.index(d) for d in range(array.ndim)]
    return xp.ascontiguousarray(array.transpose(order)).transpose(inverse)
