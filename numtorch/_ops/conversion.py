"""Copies and casts: clone, contiguous, to, type, float/double/half/int/long/bool, cpu, cuda."""

from numtorch import _dtype
from numtorch import _memory_format as _mf
from numtorch._device import as_device, check_cuda, move
from numtorch._errors import LEGACY_TENSOR_NAMES
from numtorch._ops.registry import REGISTRY, apply, op, public
from numtorch._tensor import Tensor


def cast_array(xp, array, to):
    """array cast to dtype `to` as torch casts: floats to ints truncate, then wrap around."""
    if array.dtype == to.np:
        return array
    src = _dtype.from_numpy_dtype(array.dtype)
    if to.category == _dtype.INT and src.category >= _dtype.FLOAT:
        if src.category == _dtype.COMPLEX:
            array = array.real
        if to is not _dtype.int64:
            with _quiet(xp):
                return array.astype("int64").astype(to.np)
    if to.category == _dtype.BOOL and src.category == _dtype.COMPLEX:
        return array != 0
    with _quiet(xp):
        out = array.astype(to.np)
    if to is _dtype.bfloat16 and src.category >= _dtype.FLOAT:
        _torch_nan_bits(xp, array, out, src)
    return out


def _torch_nan_bits(xp, array, out, src):
    """NaNs cast to bfloat16 with torch's bits: all ones from float32 (its vectorized cast), the
    positive quiet NaN from the other types (ml_dtypes keeps the sign, which signbit shows)."""
    nan = xp.isnan(array)
    if nan.any():
        out.view("uint16")[nan] = 0xFFFF if src is _dtype.float32 else 0x7FC0


class _quiet:
    """Silences NumPy's invalid-cast warnings (torch casts silently)."""

    def __init__(self, xp):
        self.ctx = xp.errstate(invalid="ignore", over="ignore") if hasattr(xp, "errstate") else None

    def __enter__(self):
        if self.ctx is not None:
            self.ctx.__enter__()

    def __exit__(self, *exc):
        if self.ctx is not None:
            self.ctx.__exit__(*exc)


@op(grad_fn="CloneBackward0")
def clone(xp, input, *, memory_format=None):
    """Same as `torch.clone`: a copy with the same layout (memory_format=torch.preserve_format)."""
    if memory_format is None or memory_format is _mf.preserve_format:
        return input.copy(order="K")
    _mf.check_rank(memory_format, input.ndim)
    return _mf.laid_out(xp, input, memory_format)


@clone.backward
def _(grad, *, needs):
    return grad


@public(function=False, method=True)
def contiguous(self, memory_format=None):
    """Same as `Tensor.contiguous`: self when already contiguous, else a C-ordered copy."""
    if memory_format is not None and memory_format is not _mf.contiguous_format:
        if memory_format is _mf.preserve_format:
            return self
        _mf.check_rank(memory_format, self.dim())
        if self.is_contiguous(memory_format):
            return self
        return clone(self, memory_format=memory_format)
    if self.is_contiguous():
        return self
    return apply(REGISTRY["contiguous_copy"], (self,), {})


@op("contiguous_copy", grad_fn="CloneBackward0", function=False, method=False)
def _contiguous_copy(xp, input):
    return input.copy(order="C")


@_contiguous_copy.backward
def _(grad, *, needs):
    return grad


@op("to_copy", grad_fn="ToCopyBackward0", function=False, method=False, promote="forward")
def _to_copy(xp, input, *, dtype, self_dtype):
    out = cast_array(xp, input, dtype)
    return out.copy() if out is input else out


@_to_copy.backward
def _(grad, *, needs, self_dtype):
    return grad.to(self_dtype)


def _parse_to(args, kwargs):
    """Tensor.to's overloads: (dtype), (device, dtype), (tensor), with keywords."""
    device = kwargs.pop("device", None)
    dtype = kwargs.pop("dtype", None)
    for a in args:
        if isinstance(a, _dtype.dtype):
            dtype = a
        elif isinstance(a, Tensor):
            device, dtype = a.device, a.dtype
        elif a is not None:
            device = a
    copy = kwargs.pop("copy", False)
    kwargs.pop("non_blocking", None)
    kwargs.pop("memory_format", None)
    if kwargs:
        raise TypeError(f"to() got an unexpected keyword argument '{next(iter(kwargs))}'")
    return (as_device(device) if device is not None else None), dtype, copy


@public(function=False, method=True)
def to(self, *args, **kwargs):
    """Same as `Tensor.to`: self when nothing changes, else a copy on the device / in the dtype."""
    fmt = kwargs.get("memory_format")
    if fmt is not None and fmt is not _mf.preserve_format:
        rest = {k: v for k, v in kwargs.items() if k != "memory_format"}
        return to(self, *args, **rest).contiguous(memory_format=fmt)
    device, dtype, copy = _parse_to(args, dict(kwargs))
    dtype = dtype or self.dtype
    device = device or self._device
    if device.type == "cuda":
        check_cuda()
        if device.index is None:
            device = as_device("cuda:0")
    if dtype is self.dtype and device == self._device and not copy:
        return self
    out = self
    if device != self._device:
        out = _move(out, device)
    if dtype is not out.dtype or (copy and out is self):
        out = apply(REGISTRY["to_copy"], (out,), {"dtype": dtype, "self_dtype": out.dtype})
    return out


def _move(t, device):
    od = REGISTRY["to_device"]
    out = Tensor._make(move(t._data, t._device, device), t.dtype, device)
    from numtorch._ops.registry import _enabled, _record

    if _enabled():
        _record(od, (t,), {"device": t._device}, (out,))
    return out


@op("to_device", grad_fn="ToCopyBackward0", function=False, method=False)
def _to_device(xp, input, *, device):
    return input


@_to_device.backward
def _(grad, *, needs, device):
    return grad.to(device)


@public(function=False, method=True)
def cpu(self, memory_format=None):
    return to(self, "cpu")


@public(function=False, method=True)
def cuda(self, device=None, non_blocking=False, memory_format=None):
    check_cuda()
    return to(
        self,
        as_device(
            "cuda"
            if device is None
            else device
            if not isinstance(device, int)
            else f"cuda:{device}"
        ),
    )


_LEGACY = {name: _dtype.BY_NAME[d] for d, name in LEGACY_TENSOR_NAMES.items()}
_LEGACY_NAME = {v: k for k, v in _LEGACY.items()}


@public(function=False, method=True)
def type(self, dtype=None, non_blocking=False, **kwargs):
    """Same as `Tensor.type`: with no argument, the legacy type name ('torch.FloatTensor')."""
    if dtype is None:
        prefix = "torch.cuda." if self.is_cuda else "torch."
        return prefix + _LEGACY_NAME[self.dtype]
    if isinstance(dtype, str):
        name = dtype.rsplit(".", 1)[-1]
        if name not in _LEGACY:
            raise ValueError(f"invalid type: '{dtype}'")
        on_cuda = dtype.startswith("torch.cuda.")
        return to(self, "cuda" if on_cuda else self._device, _LEGACY[name])
    if not isinstance(dtype, _dtype.dtype):
        legacy = getattr(dtype, "_numtorch_dtype", None)
        if legacy is None:
            raise ValueError(f"invalid type: '{dtype}'")
        dtype = legacy
    return to(self, dtype)


def _caster(name, target):
    def cast(self, memory_format=None):
        return to(self, target)

    cast.__name__ = name
    cast.__doc__ = f"Same as `Tensor.{name}`: `self.to(torch.{target.name})`."
    return public(name, function=False, method=True)(cast)


for _name, _target in (
    ("float", _dtype.float32),
    ("double", _dtype.float64),
    ("half", _dtype.float16),
    ("bfloat16", _dtype.bfloat16),
    ("int", _dtype.int32),
    ("long", _dtype.int64),
    ("short", _dtype.int16),
    ("char", _dtype.int8),
    ("byte", _dtype.uint8),
    ("bool", _dtype.bool),
    ("cfloat", _dtype.complex64),
    ("cdouble", _dtype.complex128),
):
    _caster(_name, _target)


@public(function=False, method=True)
def type_as(self, other):
    return to(self, other.dtype)


def view_as_dtype(self, dtype):
    """`Tensor.view(dtype)`: reinterprets the bytes (same itemsize only, as in numtorch)."""
    if dtype.itemsize != self.dtype.itemsize:
        raise RuntimeError(
            f"self.dim() cannot be 0 to view {self.dtype} as {dtype} (different element sizes)"
        )
    out = Tensor._make(self._data.view(dtype.np), dtype, self._device)
    out._base = self if self._base is None else self._base
    out._version = self._version
    return out
