"""torch.save: the pickler that writes numtorch objects under torch's names, and the two file
formats (the zip archive torch writes since 1.6, and the older single-stream "legacy" format).

A tensor pickles as torch's does: GLOBAL torch._utils _rebuild_tensor_v2 over a persistent id
('storage', torch.<X>Storage, key, location, numel); the storage bytes go to data/<key>. Tensors
that view one block of memory share one storage, so views still alias after loading.
"""

import collections
import io
import os
import pickle
import secrets
import struct
import sys

import numpy

from numtorch import _dtype
from numtorch._device import device as _device_class
from numtorch._device import to_host
from numtorch._size import Size
from numtorch._tensor import Tensor, UntypedStorage, _address, _root
from numtorch.serialization._names import STORAGE_CLASS, TorchName
from numtorch.serialization._rebuild import parameter_class
from numtorch.serialization._zip import ZipWriter

DEFAULT_PROTOCOL = 2
MAGIC_NUMBER = 0x1950A86A20F9469CFC6C
PROTOCOL_VERSION = 1001
# sizes of C short / int / long as torch's legacy header records them (standard sizes)
SHORT_SIZE = struct.Struct("=h").size
INT_SIZE = struct.Struct("=i").size
LONG_SIZE = struct.Struct("=l").size

_REBUILD_V2 = TorchName("torch._utils", "_rebuild_tensor_v2")
_REBUILD_PARAMETER = TorchName("torch._utils", "_rebuild_parameter")
_REBUILD_PARAMETER_WITH_STATE = TorchName("torch._utils", "_rebuild_parameter_with_state")
_REBUILD_FROM_TYPE = TorchName("torch._tensor", "_rebuild_from_type_v2")
_GET_LAYOUT = TorchName("torch.serialization", "_get_layout")
_SIZE = TorchName("torch", "Size")
_DEVICE = TorchName("torch", "device")
_STORAGE_TYPES = {name: TorchName("torch", cls) for name, cls in STORAGE_CLASS.items()}
_UNTYPED_STORAGE = TorchName("torch.storage", "UntypedStorage")
# types pickled by value as themselves; the pickler need not look at them twice
_PLAIN = frozenset({int, float, str, bool, type(None), tuple, list, dict, bytes, complex})


def _class_names():
    names = {
        Tensor: ("torch", "Tensor"),
        Size: ("torch", "Size"),
        _device_class: ("torch", "device"),
    }
    parameter = parameter_class()
    if parameter is not None:
        names[parameter] = ("torch.nn.parameter", "Parameter")
    return names


class _StorageRef:
    """Stands for one storage in the pickle; persistent_id turns it into torch's storage id."""

    __slots__ = ("key", "storage_type", "location", "numel")

    def __init__(self, key, storage_type, location, numel):
        self.key = key
        self.storage_type = storage_type
        self.location = location
        self.numel = numel


class TorchPickler(pickle._Pickler):
    """A pickler that writes numtorch tensors, dtypes, sizes and devices under torch's names.

    Python's pure pickler is used because it lets a global be written by name (torch is not
    imported); its output for protocol 2 is the same as the C pickler's.
    """

    def __init__(self, file, protocol=DEFAULT_PROTOCOL, legacy=False):
        super().__init__(file, protocol)
        self.legacy = legacy
        self.storages = {}  # id(root) -> [key, root, raw uint8 bytes, dtype]
        self._locations = {}
        self._raw = {}  # id(root) -> (root, its host bytes)
        self._class_names = _class_names()
        self._parameter = parameter_class()

    # ------------------------------------------------------------ names

    def save_global(self, obj, name=None):
        if type(obj) is TorchName:
            module, name = obj.module, obj.name
        elif type(obj) is _dtype.dtype:
            module, name = "torch", obj.name
        elif isinstance(obj, type) and obj in self._class_names:
            module, name = self._class_names[obj]
        else:
            return super().save_global(obj, name)
        if self.proto >= 4:
            self.save(module)
            self.save(name)
            self.write(pickle.STACK_GLOBAL)
        else:
            self.write(
                pickle.GLOBAL + module.encode("utf-8") + b"\n" + name.encode("utf-8") + b"\n"
            )
        self.memoize(obj)

    def reducer_override(self, obj):
        kind = type(obj)
        if kind in _PLAIN:
            return NotImplemented
        if isinstance(obj, Tensor):
            return self._reduce_tensor(obj)
        if kind is TorchName or kind is _dtype.dtype:
            return "torch-name"  # save_global writes it
        if kind is Size:
            return (_SIZE, (tuple(obj),))
        if kind is _device_class:
            # a new string each time, as torch's device makes one: the pickle memo goes by
            # identity, so sharing numtorch's interned "cpu" would change the bytes
            kind_name = "".join(list(obj.type))
            args = (kind_name,) if obj.index is None else (kind_name, obj.index)
            return (_DEVICE, args)
        if isinstance(obj, type) and obj in self._class_names:
            return "torch-name"
        if kind.__name__ == "layout" and kind.__module__ == "numtorch":
            return (_GET_LAYOUT, (repr(obj),))
        return NotImplemented

    # ------------------------------------------------------------ tensors

    def _reduce_tensor(self, t):
        hooks = collections.OrderedDict()
        state = {k: v for k, v in t.__dict__.items() if k != "_is_param"}
        if self._parameter is not None and isinstance(t, self._parameter):
            data = Tensor._make(t._data, t.dtype, t._device)
            if state:
                return (_REBUILD_PARAMETER_WITH_STATE, (data, t.requires_grad, hooks, state))
            return (_REBUILD_PARAMETER, (data, t.requires_grad, hooks))
        ref, offset, stride = self._storage_of(t)
        args = (ref, offset, tuple(t.shape), stride, t.requires_grad, hooks)
        if type(t) is Tensor and not state:
            return (_REBUILD_V2, args)
        return (_REBUILD_FROM_TYPE, (_REBUILD_V2, type(t), args, state))

    def _location(self, dev):
        text = "cpu" if dev.type == "cpu" else f"{dev.type}:{dev.index or 0}"
        return self._locations.setdefault(text, text)

    def _raw_of(self, root):
        """`root`'s bytes on the host, fetched once per memory block."""
        cached = self._raw.get(id(root))
        if cached is None:
            cached = self._raw[id(root)] = (root, _raw_bytes(root))
        return cached[1]

    def _register(self, root, raw, dtype, dev, storage_type):
        """The storage for memory block `root` (registered on first sight, in key order)."""
        entry = self.storages.get(id(root))
        if entry is None:
            key = str(id(root)) if self.legacy else str(len(self.storages))
            entry = [key, root, raw, dtype]
            self.storages[id(root)] = entry
        elif entry[3] != dtype:
            raise RuntimeError(
                "Cannot save multiple tensors or storages that view the same data as different types"
            )
        numel = entry[2].nbytes // dtype.itemsize
        return _StorageRef(entry[0], storage_type, self._location(dev), numel)

    def _storage_of(self, t):
        """(storage ref, storage offset, strides) of `t`, in elements, as torch records them."""
        array = t._data
        itemsize = t.dtype.itemsize
        layout = _layout_in_root(array, itemsize, self._raw_of)
        if layout is None:  # memory numtorch cannot describe as one storage: save a copy
            root = numpy.ascontiguousarray(to_host(array))
            raw = root.reshape(-1).view(numpy.uint8)
            offset, stride = 0, _contiguous(t.shape)
        else:
            root, raw, offset = layout
            stride = _clean_strides(t.shape, t.stride())
        ref = self._register(root, raw, t.dtype, t._device, _STORAGE_TYPES[t.dtype.name])
        return ref, offset, stride

    def persistent_id(self, obj):
        if type(obj) is _StorageRef:
            pid = ("storage", obj.storage_type, obj.key, obj.location, obj.numel)
            return pid + (None,) if self.legacy else pid
        if isinstance(obj, UntypedStorage):
            root = obj._root
            raw = self._raw_of(root)
            if raw is None:
                raise RuntimeError(
                    "numtorch cannot save this storage: its memory is not contiguous"
                )
            ref = self._register(root, raw, _dtype.uint8, obj.device, _UNTYPED_STORAGE)
            return self.persistent_id(ref)
        return None


def _contiguous(shape):
    strides, acc = [], 1
    for n in reversed(shape):
        strides.append(acc)
        acc *= max(n, 1)
    return tuple(reversed(strides))


def _clean_strides(shape, stride):
    """Strides torch can load: a size-1 dimension's stride is free, so a negative one is replaced."""
    if all(s >= 0 for s in stride):
        return tuple(stride)
    contiguous = _contiguous(shape)
    return tuple(c if n == 1 and s < 0 else s for n, s, c in zip(shape, stride, contiguous))


def _raw_bytes(root):
    """The memory block `root` owns, as a flat uint8 host array (None if it is not one block)."""
    if not isinstance(root, numpy.ndarray):
        if hasattr(root, "__array_interface__"):
            root = numpy.asarray(root)
        else:  # a device array: its bytes come to the host, in memory order
            if root.flags.c_contiguous:
                root = to_host(root.reshape(-1))
            elif root.flags.f_contiguous:
                root = to_host(root.T.reshape(-1))
            else:
                return None
    if not (root.flags.c_contiguous or root.flags.f_contiguous):
        return None
    return root.ravel(order="K").view(numpy.uint8)


def _device_root(array):
    base = array
    while getattr(base, "base", None) is not None and type(base.base) is type(array):
        base = base.base
    return base


def _layout_in_root(array, itemsize, raw_of):
    """(root, its raw bytes, element offset of `array` in it), or None when that cannot be said."""
    root = _root(array) if isinstance(array, numpy.ndarray) else _device_root(array)
    raw = raw_of(root)
    if raw is None:
        return None
    strides = zip(array.shape, array.strides)
    if array.size and any(s < 0 or s % itemsize for n, s in strides if n > 1):
        return None
    start = _address(array) - _address(root)
    if start < 0 or start % itemsize:
        return None
    if array.size:
        end = start + itemsize
        end += sum((n - 1) * s for n, s in zip(array.shape, array.strides) if n > 1)
        if end > raw.nbytes:
            return None
    return root, raw, start // itemsize


# ---------------------------------------------------------------- the file formats


def archive_name(path):
    """The archive's root folder for a file path: its base name up to the last dot."""
    base = os.path.basename(path)
    stem = base[: base.rfind(".")] if "." in base else base
    if not stem:
        raise RuntimeError(f"invalid file name: {path}")
    return stem


def _serialization_id():
    return "".join(f"{secrets.randbits(64):020d}" for _ in range(2))


def write_zip(obj, out, name, protocol=DEFAULT_PROTOCOL, byteorder_record=True):
    """Writes `obj` in torch's zip format to `out` (a binary stream), archive root `name`."""
    buffer = io.BytesIO()
    pickler = TorchPickler(buffer, protocol)
    pickler.dump(obj)
    writer = ZipWriter(out, name)
    writer.write_record("data.pkl", buffer.getbuffer())
    writer.write_record(".format_version", b"1")
    writer.write_record(".storage_alignment", b"64")
    if byteorder_record:
        writer.write_record("byteorder", sys.byteorder.encode("ascii"))
    for key, _root_array, raw, _dt in pickler.storages.values():
        writer.write_record(f"data/{key}", raw)
    writer.write_record("version", b"3\n")
    writer.write_record(".data/serialization_id", _serialization_id().encode("ascii"))
    writer.close()


def write_legacy(obj, out, protocol=DEFAULT_PROTOCOL):
    """Writes `obj` in the pre-1.6 stream format: magic number, protocol, system info, the pickle,
    the sorted storage keys, then each storage as an int64 element count and its bytes."""
    sys_info = {
        "protocol_version": PROTOCOL_VERSION,
        "little_endian": sys.byteorder == "little",
        "type_sizes": {"short": SHORT_SIZE, "int": INT_SIZE, "long": LONG_SIZE},
    }
    pickle.dump(MAGIC_NUMBER, out, protocol=protocol)
    pickle.dump(PROTOCOL_VERSION, out, protocol=protocol)
    pickle.dump(sys_info, out, protocol=protocol)
    pickler = TorchPickler(out, protocol, legacy=True)
    pickler.dump(obj)
    entries = {entry[0]: entry for entry in pickler.storages.values()}
    keys = sorted(entries)
    pickle.dump(keys, out, protocol=protocol)
    for key in keys:
        _, _, raw, dtype = entries[key]
        out.write(struct.pack("<q", raw.nbytes // dtype.itemsize))
        out.write(memoryview(raw))
