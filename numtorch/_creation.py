"""Creation functions: tensor, as_tensor, from_numpy, zeros/ones/full/empty, arange, linspace, ...

Random creation (rand, randn, ...) is in `_random.py`.
"""

import math
import numbers
import warnings

import numpy

from numtorch import _dtype
from numtorch._device import as_device, move, xp_for
from numtorch._ops.registry import public
from numtorch._tensor import Tensor


def _shape(size, name="empty", varargs=True):
    """A shape from `zeros(2, 3)`, `zeros((2, 3))`, `zeros([2, 3])` or `zeros(torch.Size(...))`.

    `size` is the tuple of positional arguments (varargs=True) or the one size argument; `name`
    is the function named in torch's messages.
    """
    if varargs and len(size) == 1 and not _is_int(size[0]):
        size = size[0]
    if isinstance(size, Tensor):
        size = [size.item()] if size.ndim == 0 else size.tolist()
    if not isinstance(size, (tuple, list)):
        raise TypeError(
            f"{name}(): argument 'size' (position 1) must be tuple of ints, not "
            f"{type(size).__name__}"
        )
    out = []
    for n in size:
        if isinstance(n, Tensor) and n.ndim == 0:
            n = n.item()
        if not _is_int(n):
            raise TypeError(
                f"{name}(): argument 'size' (position 1) must be tuple of ints, but found element "
                f"of type {type(n).__name__} at pos 0"
                if not out
                else f"{name}(): argument 'size' failed to unpack the object at pos {len(out) + 1} "
                f'with error "type must be tuple of ints,but got {type(n).__name__}"'
            )
        out.append(int(n))
    if any(n < 0 for n in out):
        if name == "zeros":
            raise RuntimeError("zeros: Dimension size must be non-negative.")
        bad = next(n for n in out if n < 0)
        raise RuntimeError(
            f"Trying to create tensor with negative dimension {bad}: [{', '.join(map(str, out))}]"
        )
    return tuple(out)


def _is_int(n):
    return isinstance(n, (int, numpy.integer)) or (
        isinstance(n, Tensor) and n.ndim == 0 and not n.is_floating_point()
    )


def _finish(array, dtype, device, requires_grad):
    t = Tensor._make(array, dtype, device)
    if requires_grad:
        if dtype.category < _dtype.FLOAT:
            raise RuntimeError(
                "Only Tensors of floating point and complex dtype can require gradients"
            )
        t._requires_grad = True
    return t


def _infer_dtype(data):
    """The dtype torch.tensor infers for nested Python data (None if it is an array-like)."""
    best = None
    stack = [data]
    while stack:
        x = stack.pop()
        if isinstance(x, Tensor):
            d = x.dtype
        elif isinstance(x, (list, tuple)):
            stack.extend(x)
            continue
        elif isinstance(x, (numpy.ndarray, numpy.generic)):
            # NumPy arrays and scalars keep their own dtype (numpy.float64 too, though it is a
            # Python float).
            d = _dtype.from_numpy_dtype(x.dtype)
        elif isinstance(x, bool):
            d = _dtype.bool
        elif isinstance(x, numbers.Integral):
            d = _dtype.int64
        elif isinstance(x, numbers.Real):
            d = _dtype.get_default_dtype()
        elif isinstance(x, numbers.Complex):
            d = _complex_for_data()
        else:
            raise TypeError(f"new(): invalid data type '{type(x).__name__}'")
        best = d if best is None else _dtype.promote_types(best, d)
    return best


def _complex_for_data():
    """The dtype torch.tensor gives complex data: the default float's complex counterpart."""
    if _dtype.get_default_dtype() is _dtype.bfloat16:
        raise RuntimeError("invalid default scalar type for complex")
    return _dtype.default_complex()


def _check_ragged(data, dim=0):
    if not isinstance(data, (list, tuple)) or not data:
        return
    lens = [len(x) if isinstance(x, (list, tuple)) else None for x in data]
    first = lens[0]
    for n in lens[1:]:
        if n != first:
            raise ValueError(f"expected sequence of length {first} at dim {dim + 1} (got {n})")
    for x in data:
        _check_ragged(x, dim + 1)


def _to_host_nested(data):
    if isinstance(data, Tensor):
        return data.detach().cpu()._data if data._device.type != "cpu" else data._data
    if isinstance(data, (list, tuple)):
        return [_to_host_nested(x) for x in data]
    return data


def tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """Same as `torch.tensor`: always copies `data`."""
    device = as_device(device)
    if isinstance(data, Tensor):
        warnings.warn(
            "To copy construct from a tensor, it is recommended to use sourceTensor.detach()."
            "clone() or sourceTensor.detach().clone().requires_grad_(True), rather than "
            "torch.tensor(sourceTensor).",
            UserWarning,
            stacklevel=2,
        )
        dtype = dtype or data.dtype
        arr = move(data._data, data._device, device).astype(dtype.np, copy=True)
        return _finish(arr, dtype, device, requires_grad)
    if isinstance(data, str):
        raise TypeError("new(): invalid data type 'str'")
    _check_ragged(data)
    inferred = _infer_dtype(data)
    if inferred is None:
        inferred = _dtype.get_default_dtype()
    dtype = dtype or inferred
    host = _to_host_nested(data)
    if dtype.category == _dtype.INT and inferred.category >= _dtype.FLOAT:
        arr = numpy.trunc(numpy.array(host, dtype=numpy.float64)).astype(dtype.np)
    else:
        arr = numpy.array(host, dtype=dtype.np)
    xp = xp_for(device)
    if xp is not numpy:
        arr = xp.asarray(arr)
    return _finish(arr, dtype, device, requires_grad)


def as_tensor(data, dtype=None, device=None):
    """Same as `torch.as_tensor`: shares memory with a tensor or NumPy array when it can."""
    device = as_device(device) if device is not None else None
    if isinstance(data, Tensor):
        if (dtype is None or dtype is data.dtype) and (device is None or device == data._device):
            return data
        return data.to(device=device or data._device, dtype=dtype or data.dtype)
    if isinstance(data, numpy.ndarray) and (device is None or device.type == "cpu"):
        t = from_numpy(data)
        return t if dtype is None or dtype is t.dtype else t.to(dtype)
    return tensor(data, dtype=dtype, device=device)


def asarray(obj, *, dtype=None, device=None, copy=None, requires_grad=False):
    """Same as `torch.asarray`."""
    t = as_tensor(obj, dtype=dtype, device=device)
    if copy:
        t = t.clone()
    if requires_grad:
        t.requires_grad_(True)
    return t


_warned_read_only = []  # torch warns about a read-only array once per process


def from_numpy(ndarray):
    """Same as `torch.from_numpy`: the tensor and the array share memory."""
    if not isinstance(ndarray, numpy.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(ndarray).__name__})")
    dtype = _dtype.from_numpy_dtype(ndarray.dtype)
    if any(s < 0 for s in ndarray.strides):
        raise ValueError(
            "At least one stride in the given numpy array is negative, and tensors with negative "
            "strides are not currently supported. (You can probably work around this by making "
            "a copy of your array  with array.copy().) "
        )
    if not ndarray.flags.writeable and not _warned_read_only:
        _warned_read_only.append(True)
        warnings.warn(
            "The given NumPy array is not writable, and PyTorch does not support non-writable "
            "tensors. This means writing to this tensor will result in undefined behavior. You "
            "may want to copy the array to protect its data or make it writable before converting "
            "it to a tensor. This type of warning will be suppressed for the rest of this program.",
            UserWarning,
            stacklevel=2,
        )
    if not ndarray.dtype.isnative:
        raise ValueError(
            "given numpy array has byte order different from the native byte order. Conversion between byte orders is currently not supported."
        )
    return Tensor._make(ndarray, dtype, as_device(None))


def _factory(fill, size, dtype, device, requires_grad, default=None, name="empty", varargs=True):
    shape = _shape(size, name, varargs)
    dtype = dtype or default or _dtype.get_default_dtype()
    device = as_device(device)
    xp = xp_for(device)
    return _finish(fill(xp, shape, dtype.np), dtype, device, requires_grad)


def zeros(
    *size, out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False
):
    """Same as `torch.zeros`."""
    fill = lambda xp, s, d: xp.zeros(s, d)  # noqa: E731
    return _out(_factory(fill, size, dtype, device, requires_grad, name="zeros"), out)


def ones(
    *size, out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False
):
    """Same as `torch.ones`."""
    fill = lambda xp, s, d: xp.ones(s, d)  # noqa: E731
    return _out(_factory(fill, size, dtype, device, requires_grad, name="ones"), out)


def empty(
    *size,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
    memory_format=None,
):
    """Same as `torch.empty`."""
    return _out(_factory(lambda xp, s, d: xp.empty(s, d), size, dtype, device, requires_grad), out)


def full(
    size,
    fill_value,
    *,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """Same as `torch.full`: the dtype follows `fill_value` when none is given."""
    if dtype is None:
        if isinstance(fill_value, Tensor):
            fill_value = fill_value.item()
        dtype = _dtype.scalar_dtype(fill_value)
        if dtype is not None and dtype.is_complex:
            # full's complex dtype is complex128 for a float64 default, else complex64
            dtype = _dtype.complex128 if dtype is _dtype.complex128 else _dtype.complex64
    return _out(
        _factory(
            lambda xp, s, d: xp.full(s, fill_value, d),
            size,
            dtype,
            device,
            requires_grad,
            name="full",
            varargs=False,
        ),
        out,
    )


def _out(t, out):
    if out is None:
        return t
    from numtorch._ops.registry import _write_out

    return _write_out(out, t)


def _like(fill, input, dtype, device, requires_grad, **kw):
    dtype = dtype or input.dtype
    device = as_device(device) if device is not None else input._device
    xp = xp_for(device)
    return _finish(fill(xp, input._data.shape, dtype.np), dtype, device, requires_grad)


def zeros_like(
    input, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None
):
    """Same as `torch.zeros_like`."""
    return _like(lambda xp, s, d: xp.zeros(s, d), input, dtype, device, requires_grad)


def ones_like(
    input, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None
):
    """Same as `torch.ones_like`."""
    return _like(lambda xp, s, d: xp.ones(s, d), input, dtype, device, requires_grad)


def empty_like(
    input, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None
):
    """Same as `torch.empty_like`."""
    out = _like(lambda xp, s, d: xp.empty(s, d), input, dtype, device, requires_grad)
    if memory_format is not None and memory_format._name.startswith("channels_last"):
        out = out.detach().contiguous(memory_format=memory_format).requires_grad_(requires_grad)
    return out


def full_like(
    input,
    fill_value,
    *,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    memory_format=None,
):
    """Same as `torch.full_like`."""
    return _like(lambda xp, s, d: xp.full(s, fill_value, d), input, dtype, device, requires_grad)


def _scalar(x):
    return x.item() if isinstance(x, Tensor) else x


def arange(
    start=0,
    end=None,
    step=1,
    *,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """Same as `torch.arange`: int64 unless an argument is a float."""
    start, end, step = _scalar(start), _scalar(end), _scalar(step)
    if end is None:
        start, end = 0, start
    if step == 0:
        raise RuntimeError("step must be nonzero")
    if (end - start) / step < 0 and not math.isclose(end, start):
        raise RuntimeError("upper bound and lower bound inconsistent with step sign")
    if dtype is None:
        floating = any(isinstance(v, float) for v in (start, end, step))
        dtype = _dtype.get_default_dtype() if floating else _dtype.int64
    n = max(0, math.ceil((end - start) / step))
    device = as_device(device)
    xp = xp_for(device)
    if dtype.category >= _dtype.FLOAT:
        arr = (start + xp.arange(n, dtype=numpy.float64) * step).astype(dtype.np)
    else:
        arr = (int(start) + xp.arange(n, dtype=numpy.int64) * int(step)).astype(dtype.np)
    return _out(_finish(arr, dtype, device, requires_grad), out)


def range(start=0, end=None, step=1, *, out=None, dtype=None, device=None, requires_grad=False):
    """Same as the deprecated `torch.range`: includes `end`, float by default."""
    if end is None:
        start, end = 0, start
    dtype = dtype or _dtype.get_default_dtype()
    n = int(math.floor((end - start) / step)) + 1
    device = as_device(device)
    xp = xp_for(device)
    arr = (start + xp.arange(n, dtype=numpy.float64) * step).astype(dtype.np)
    return _out(_finish(arr, dtype, device, requires_grad), out)


def linspace(
    start, end, steps, *, out=None, dtype=None, layout=None, device=None, requires_grad=False
):
    """Same as `torch.linspace` (torch fills the second half backwards from `end`)."""
    start, end = _scalar(start), _scalar(end)
    dtype = dtype or _dtype.get_default_dtype()
    device = as_device(device)
    xp = xp_for(device)
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    step = (end - start) / (steps - 1) if steps > 1 else 0.0
    idx = xp.arange(steps, dtype=numpy.float64)
    half = steps // 2
    vals = xp.where(idx < half, start + step * idx, end - step * (steps - 1 - idx))
    if steps == 1:
        vals = xp.full(1, start, dtype=numpy.float64)
    if dtype.category == _dtype.INT:
        vals = xp.trunc(vals)
    arr = vals.astype(dtype.np)
    return _out(_finish(arr, dtype, device, requires_grad), out)


def logspace(
    start,
    end,
    steps,
    base=10.0,
    *,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
):
    """Same as `torch.logspace`."""
    exps = linspace(start, end, steps, dtype=_dtype.float64, device=device)
    dtype = dtype or _dtype.get_default_dtype()
    arr = (base**exps._data).astype(dtype.np)
    return _out(_finish(arr, dtype, exps._device, requires_grad), out)


def eye(n, m=None, *, out=None, dtype=None, layout=None, device=None, requires_grad=False):
    """Same as `torch.eye`."""
    dtype = dtype or _dtype.get_default_dtype()
    device = as_device(device)
    xp = xp_for(device)
    arr = xp.eye(n, n if m is None else m, dtype=dtype.np)
    return _out(_finish(arr, dtype, device, requires_grad), out)


def empty_strided(
    size, stride, *, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False
):
    """Same as `torch.empty_strided`."""
    base = zeros(
        sum((s - 1) * st for s, st in zip(size, stride)) + 1 if all(size) else 0,
        dtype=dtype,
        device=device,
    )
    return base.as_strided(size, stride).requires_grad_(requires_grad)


def scalar_tensor(s, *, dtype=None, layout=None, device=None, requires_grad=False):
    """Same as `torch.scalar_tensor`."""
    return tensor(
        s, dtype=dtype or _dtype.get_default_dtype(), device=device, requires_grad=requires_grad
    )


def legacy_tensor_new(cls, *args, device=None, dtype=None):
    """`torch.Tensor(...)`: a float tensor from data, or uninitialised of a given size."""
    dtype = dtype or _dtype.get_default_dtype()
    if not args:
        args = (0,)  # torch.Tensor() is an empty 1-d tensor
    if len(args) == 1 and not isinstance(args[0], (int, numpy.integer)):
        data = args[0]
        if isinstance(data, Tensor):
            return data
        t = tensor(data, dtype=dtype, device=device)
    else:
        t = zeros(*args, dtype=dtype, device=device)
    if cls is not Tensor:
        t.__class__ = cls
    return t


def _rebuild_tensor(array, dtype_name, device, requires_grad):
    t = Tensor._make(array, _dtype.BY_NAME[dtype_name], as_device("cpu"))
    if device != "cpu":
        t = t.to(device)
    t._requires_grad = requires_grad
    return t


# ---------------------------------------------------------------- Tensor.new_*


def _new_options(self, dtype, device):
    return dtype or self.dtype, self._device if device is None else as_device(device)


@public("new_zeros", function=False, method=True)
def new_zeros(
    self, *size, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False
):
    """Same as `Tensor.new_zeros`: zeros with self's dtype and device unless given."""
    dtype, device = _new_options(self, dtype, device)
    return zeros(*size, dtype=dtype, device=device, requires_grad=requires_grad)


@public("new_ones", function=False, method=True)
def new_ones(
    self, *size, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False
):
    """Same as `Tensor.new_ones`."""
    dtype, device = _new_options(self, dtype, device)
    return ones(*size, dtype=dtype, device=device, requires_grad=requires_grad)


@public("new_empty", function=False, method=True)
def new_empty(
    self, *size, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False
):
    """Same as `Tensor.new_empty`."""
    dtype, device = _new_options(self, dtype, device)
    return empty(*size, dtype=dtype, device=device, requires_grad=requires_grad)


@public("new_full", function=False, method=True)
def new_full(
    self,
    size,
    fill_value,
    *,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """Same as `Tensor.new_full`: self's dtype, whatever `fill_value` is."""
    dtype, device = _new_options(self, dtype, device)
    return full(size, fill_value, dtype=dtype, device=device, requires_grad=requires_grad)


@public("new_tensor", function=False, method=True)
def new_tensor(self, data, *, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """Same as `Tensor.new_tensor`: a copy of `data` with self's dtype and device unless given."""
    if isinstance(data, Tensor):
        warnings.warn(
            "To copy construct from a tensor, it is recommended to use sourceTensor.detach()."
            "clone() or sourceTensor.detach().clone().requires_grad_(True), rather than "
            "tensor.new_tensor(sourceTensor).",
            UserWarning,
            stacklevel=2,
        )
        data = data.detach()
    dtype, device = _new_options(self, dtype, device)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return tensor(data, dtype=dtype, device=device, requires_grad=requires_grad)
