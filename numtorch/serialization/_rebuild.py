"""numtorch's versions of the functions a checkpoint names to rebuild its objects
(torch._utils._rebuild_tensor_v2, _rebuild_parameter, ...), and the storage they rebuild from.

A loaded storage is one uint8 NumPy array; every tensor over it is an `ndarray` view into that
array, so views saved together still alias after loading (and save again as one storage).
"""

import numpy

from numtorch import _dtype
from numtorch._device import CPU, as_device
from numtorch._tensor import Tensor, UntypedStorage

# the torch._utils rebuild functions a weights-only load allows (their torch names)
REBUILD_FUNCTIONS = (
    "_rebuild_tensor",
    "_rebuild_tensor_v2",
    "_rebuild_tensor_v3",
    "_rebuild_parameter",
    "_rebuild_parameter_with_state",
    "_rebuild_qtensor",
    "_rebuild_sparse_tensor",
    "_rebuild_meta_tensor_no_storage",
    "_rebuild_nested_tensor",
    "_rebuild_wrapper_subclass",
    "_rebuild_device_tensor_from_numpy",
    "_rebuild_device_tensor_from_cpu_tensor",
)


class LoadedStorage(UntypedStorage):
    """A storage read from a checkpoint: its bytes (a uint8 array), element dtype and device.

    `pending` collects tensors rebuilt before the bytes arrive (the legacy format stores them after
    the pickle); they move to `device` once the bytes are in.
    """

    __slots__ = ("dtype", "target", "pending")

    def __init__(self, data, dtype, target=CPU, pending=None):
        super().__init__(data)
        self.dtype = dtype
        self.target = target
        self.pending = pending

    def view(self, byte_offset, nbytes):
        """The bytes [byte_offset, byte_offset + nbytes) as a storage sharing this one's memory."""
        part = self._root[byte_offset : byte_offset + nbytes]
        return LoadedStorage(part, self.dtype, self.target, self.pending)

    def __repr__(self):
        return f"numtorch storage of {self.nbytes()} bytes ({self.dtype}, {self.target})"


def parameter_class():
    """numtorch.nn.Parameter, or None while numtorch has no nn.Parameter."""
    try:
        from numtorch.nn.parameter import Parameter
    except ImportError:
        return None
    return Parameter


def _check_dtype(dtype):
    if not isinstance(dtype, _dtype.dtype):
        raise RuntimeError(f"numtorch cannot load tensors of dtype {dtype}: it has no such dtype")
    return dtype


def _array_over(storage, dtype, storage_offset, size, stride):
    """An ndarray of `dtype` viewing `storage`'s bytes with torch's offset, sizes and strides."""
    np_dtype = dtype.np
    itemsize = np_dtype.itemsize
    size = tuple(int(n) for n in size)
    stride = tuple(int(s) for s in stride)
    if len(stride) != len(size):
        raise RuntimeError(
            f"mismatch in length of strides and shape: {len(size)} sizes, {len(stride)} strides"
        )
    buffer = storage._root
    if any(n == 0 for n in size):
        return numpy.empty(size, np_dtype)
    extent = 1 + sum((n - 1) * s for n, s in zip(size, stride))
    if storage_offset < 0 or min(stride, default=0) < 0:
        raise RuntimeError("negative storage offset or stride in a checkpoint")
    if (storage_offset + extent) * itemsize > buffer.nbytes:
        raise RuntimeError(
            f"setStorage: sizes {list(size)}, strides {list(stride)}, storage offset "
            f"{storage_offset}, and itemsize {itemsize} requiring a storage size of "
            f"{(storage_offset + extent) * itemsize} are out of bounds for storage of size "
            f"{buffer.nbytes}"
        )
    return numpy.ndarray(
        size,
        np_dtype,
        buffer=buffer,
        offset=storage_offset * itemsize,
        strides=tuple(s * itemsize for s in stride),
    )


def _place(t, storage):
    """Moves `t` to the storage's target device (now, or once the storage's bytes are read)."""
    if storage.target.type == "cpu":
        return t
    if storage.pending is not None:
        storage.pending.append((t, storage.target))
        return t
    move_to(t, storage.target)
    return t


def move_to(t, device):
    """Moves `t`'s array to `device` in place, so every reference to `t` sees it there."""
    from numtorch._device import move

    t._data = move(t._data, t._device, device)
    t._device = device


def finish_pending(pending):
    """Runs what waited for a legacy file's bytes: conj/neg bits first, then device moves."""
    for t, what in pending:
        if isinstance(what, dict):
            _apply_metadata(t, what)
        else:
            move_to(t, what)


def rebuild_tensor(storage, storage_offset, size, stride):
    """Same as torch._utils._rebuild_tensor."""
    dtype = _check_dtype(storage.dtype)
    array = _array_over(storage, dtype, storage_offset, size, stride)
    return _place(Tensor._make(array, dtype, CPU), storage)


def _apply_metadata(t, metadata):
    """torch records lazy conjugation / negation as bits next to the raw values: apply them."""
    if metadata.get("conj"):
        t._data = t._data.conj()
    if metadata.get("neg"):
        t._data = -t._data


def _finish(t, storage, requires_grad, metadata):
    if metadata:
        if storage.pending is not None:  # the values are not read yet
            storage.pending.insert(0, (t, metadata))
        else:
            _apply_metadata(t, metadata)
    if requires_grad:
        t.requires_grad_(True)
    return t


def rebuild_tensor_v2(
    storage, storage_offset, size, stride, requires_grad, backward_hooks, metadata=None
):
    """Same as torch._utils._rebuild_tensor_v2 (backward hooks are not restored, as in torch)."""
    t = rebuild_tensor(storage, storage_offset, size, stride)
    return _finish(t, storage, requires_grad, metadata)


def rebuild_tensor_v3(
    storage, storage_offset, size, stride, requires_grad, backward_hooks, dtype, metadata=None
):
    """Same as torch._utils._rebuild_tensor_v3: an untyped storage read as `dtype`."""
    dtype = _check_dtype(dtype)
    array = _array_over(storage, dtype, storage_offset, size, stride)
    t = _place(Tensor._make(array, dtype, CPU), storage)
    return _finish(t, storage, requires_grad, metadata)


def _set_state(obj, state):
    """Restores Python attributes the way pickle's BUILD does: a dict, or (dict, slots)."""
    if not state:
        return obj
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state:
        obj.__dict__.update(state)
    if slots:
        for name, value in slots.items():
            setattr(obj, name, value)
    return obj


def rebuild_parameter(data, requires_grad, backward_hooks):
    """Same as torch._utils._rebuild_parameter."""
    parameter = parameter_class()
    if parameter is None:
        return data.detach().requires_grad_(requires_grad)
    return parameter(data, requires_grad)


def rebuild_parameter_with_state(data, requires_grad, backward_hooks, state):
    """Same as torch._utils._rebuild_parameter_with_state."""
    return _set_state(rebuild_parameter(data, requires_grad, backward_hooks), state)


def rebuild_from_type_v2(func, new_type, args, state):
    """Same as torch._tensor._rebuild_from_type_v2: a tensor subclass, or a tensor with attributes."""
    result = func(*args)
    if type(result) is not new_type:
        if not (isinstance(new_type, type) and issubclass(new_type, Tensor)):
            raise RuntimeError(f"cannot rebuild a tensor as {new_type!r}")
        result.__class__ = new_type
    setstate = getattr(type(result), "__setstate__", None)
    if setstate is not None and setstate is not getattr(Tensor, "__setstate__", None):
        result.__setstate__(state)
        return result
    return _set_state(result, state)


def rebuild_device_tensor_from_cpu_tensor(data, dtype, device, requires_grad):
    """Same as torch._utils._rebuild_device_tensor_from_cpu_tensor."""
    t = data.to(dtype=dtype, device=as_device(device))
    return t.requires_grad_(requires_grad) if requires_grad else t


def rebuild_device_tensor_from_numpy(data, dtype, device, requires_grad):
    """Same as torch._utils._rebuild_device_tensor_from_numpy."""
    t = Tensor._make(numpy.asarray(data, dtype=dtype.np), dtype, CPU)
    t = t.to(as_device(device))
    return t.requires_grad_(requires_grad) if requires_grad else t


def _unsupported(kind):
    def rebuild(*args, **kwargs):
        raise RuntimeError(f"numtorch cannot load {kind} tensors")

    rebuild.__name__ = f"rebuild_{kind.replace(' ', '_')}"
    return rebuild


rebuild_qtensor = _unsupported("quantized")
rebuild_sparse_tensor = _unsupported("sparse")
rebuild_meta_tensor_no_storage = _unsupported("meta")
rebuild_nested_tensor = _unsupported("nested")
rebuild_wrapper_subclass = _unsupported("wrapper subclass")


def get_layout(name):
    """Same as torch.serialization._get_layout: a layout from its printed name."""
    import numtorch

    if name == "torch.strided":
        return numtorch.strided
    raise RuntimeError(f"numtorch has no layout {name}")
