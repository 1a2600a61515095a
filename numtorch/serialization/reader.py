"""torch.load: reads torch's zip archive and the older single-stream format (magic number first),
restoring each storage once (so views alias again) on the device map_location asks for.

Names a torch-written pickle uses resolve to numtorch: the rebuild functions and storage types by
table (`_names.torch_globals`), any other `torch.<path>` to `numtorch.<path>` (full loads only).
"""

import enum
import importlib
import io
import pickle
import struct
import sys

import numpy

from numtorch._device import CPU, as_device, cuda_available
from numtorch._device import device as _device_class
from numtorch._tensor import UntypedStorage
from numtorch.serialization._names import DTYPE_OF_STORAGE, MissingDtype, StorageType, torch_globals
from numtorch.serialization._rebuild import LoadedStorage, finish_pending
from numtorch.serialization.weights_only import global_path
from numtorch.serialization.writer import MAGIC_NUMBER, PROTOCOL_VERSION

UNSAFE_MESSAGE = (
    "In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` "
    "from `False` to `True`. Re-running `torch.load` with `weights_only` set to `False` will "
    "likely succeed, but it can result in arbitrary code execution. Do it only if you got the "
    "file from a trusted source."
)


class LoadEndianness(enum.Enum):
    """Same as torch.serialization.LoadEndianness."""

    NATIVE = 1
    LITTLE = 2
    BIG = 3


_default_endianness = [None]


def get_default_load_endianness():
    """Same as torch.serialization.get_default_load_endianness: the byte order assumed for a
    checkpoint without a byteorder record (None: little endian, as torch assumes)."""
    return _default_endianness[0]


def set_default_load_endianness(endianness):
    """Same as torch.serialization.set_default_load_endianness."""
    if not isinstance(endianness, LoadEndianness) and endianness is not None:
        raise TypeError("Invalid argument type in function set_default_load_endianness")
    _default_endianness[0] = endianness


def _assumed_byteorder():
    choice = _default_endianness[0]
    if choice is LoadEndianness.BIG:
        return b"big"
    if choice is LoadEndianness.NATIVE:
        return sys.byteorder.encode("ascii")
    return b"little"


# ---------------------------------------------------------------- where storages go


def _element_size(dtype):
    if isinstance(dtype, MissingDtype):
        raise RuntimeError(f"numtorch cannot load tensors of dtype {dtype}: it has no such dtype")
    return dtype.itemsize


def default_restore_location(storage, location):
    """Same as torch.serialization.default_restore_location: `storage` placed on `location`."""
    if location == "cpu":
        storage.target = CPU
        return storage
    if location.startswith("cuda"):
        if not cuda_available():
            raise RuntimeError(
                "Attempting to deserialize object on a CUDA device but torch.cuda.is_available() "
                "is False. If you are running on a CPU-only machine, please use torch.load with "
                "map_location=torch.device('cpu') to map your storages to the CPU."
            )
        storage.target = as_device(location)
        return storage
    raise RuntimeError(
        "don't know how to restore data location of torch.storage.UntypedStorage (tagged with "
        f"{location})"
    )


def restore_location(map_location):
    """A function (storage, location tag) -> storage placed as `map_location` says."""
    if map_location is None:
        return default_restore_location
    if isinstance(map_location, dict):
        return lambda s, loc: default_restore_location(s, str(map_location.get(loc, loc)))
    if isinstance(map_location, (str, bytes)):
        where = map_location.decode() if isinstance(map_location, bytes) else map_location
        return lambda s, loc: default_restore_location(s, where)
    if isinstance(map_location, _device_class):
        return lambda s, loc: default_restore_location(s, str(map_location))

    def call(storage, location):
        result = map_location(storage, location)
        if result is None:
            return default_restore_location(storage, location)
        if isinstance(result, LoadedStorage):
            return result
        if isinstance(result, UntypedStorage):
            # a storage the function made: keep its memory, placed on its device
            return LoadedStorage(result._root, storage.dtype, result.device, storage.pending)
        raise TypeError(f"map_location returned {type(result).__name__}, not a storage or None")

    return call


def _byteswap(data, dtype):
    """Reverses the byte order of every element (of each half of a complex one) in place."""
    size = dtype.itemsize // (2 if dtype.is_complex else 1)
    if size > 1:
        data.view(f"u{size}").byteswap(inplace=True)


# ---------------------------------------------------------------- unpicklers


def resolve_global(module, name):
    """The numtorch object a full (not weights-only) load uses for GLOBAL module.name, or None
    to let pickle import it as written."""
    if module == "torch.tensor":  # the module's name before torch 1.8
        module = "torch._tensor"
    module, name = global_path(module, name)
    path = f"{module}.{name}"
    table = torch_globals()
    if path in table:
        return table[path]
    if module in ("torch", "torch.cuda") and name in DTYPE_OF_STORAGE:
        return table[f"torch.{name}"]
    if module in ("torch", "torch.storage") and name in ("UntypedStorage", "TypedStorage"):
        return table["torch.storage.UntypedStorage"]
    if module == "torch" or module.startswith("torch."):
        target = importlib.import_module("numtorch" + module[len("torch") :])
        obj = target
        for part in name.split("."):
            obj = getattr(obj, part)
        return obj
    return None


class FullUnpickler(pickle.Unpickler):
    """Python's unpickler (it can run anything a file names), with torch paths mapped to numtorch."""

    def __init__(self, file, *, persistent_load=None, **kwargs):
        super().__init__(file, **kwargs)
        self._load_storage = persistent_load

    def persistent_load(self, pid):
        if self._load_storage is None:
            raise pickle.UnpicklingError("A load persistent id instruction was encountered")
        return self._load_storage(pid)

    def find_class(self, module, name):
        found = resolve_global(module, name)
        if found is not None:
            return found
        return super().find_class(module, name)


def _ascii(value):
    return value.decode("ascii") if isinstance(value, bytes) else value


# ---------------------------------------------------------------- zip archives


def load_zip(reader, map_location, unpickler, mmap_path=None, encoding="utf-8"):
    """Loads the object in a torch zip archive (a `_zip.ZipReader`)."""
    if reader.has_record("byteorder"):
        byteorder = reader.read("byteorder")
    else:
        byteorder = _assumed_byteorder()
    if byteorder not in (b"little", b"big"):
        raise ValueError("Unknown endianness type: " + byteorder.decode())
    swap = byteorder.decode() != sys.byteorder
    restore = restore_location(map_location)
    mapped = numpy.memmap(mmap_path, dtype=numpy.uint8, mode="c") if mmap_path else None
    loaded = {}

    def persistent_load(pid):
        if not isinstance(pid, tuple):
            raise AssertionError(f"saved_id must be a tuple, got {type(pid).__name__}")
        typename = _ascii(pid[0])
        if typename != "storage":
            raise AssertionError(
                f"Unknown typename for persistent_load, expected 'storage' but got '{typename}'"
            )
        storage_type, key, location, numel = pid[1:5]
        dtype = storage_type.dtype if isinstance(storage_type, StorageType) else storage_type
        if key in loaded:
            first = loaded[key]
            if first.dtype is dtype:
                return first
            return LoadedStorage(first._root, dtype, first.target)
        nbytes = numel * _element_size(dtype)
        name = f"data/{key}"
        if mapped is not None:
            start = reader.payload_offset(name)
            data = mapped[start : start + nbytes]
        else:
            data = numpy.empty(nbytes, numpy.uint8)
            reader.read_into(name, data)
        if swap:
            _byteswap(data, dtype)
        storage = restore(LoadedStorage(data, dtype), _ascii(location))
        loaded[key] = storage
        return storage

    data = io.BytesIO(reader.read("data.pkl"))
    return unpickler(data, persistent_load=persistent_load, encoding=encoding).load()


# ---------------------------------------------------------------- the legacy stream format


def load_legacy(f, map_location, unpickler, encoding="utf-8"):
    """Loads a file torch wrote with `_use_new_zipfile_serialization=False`."""
    magic = unpickler(f, encoding=encoding).load()
    if magic != MAGIC_NUMBER:
        raise RuntimeError("Invalid magic number; corrupt file?")
    protocol = unpickler(f, encoding=encoding).load()
    if protocol != PROTOCOL_VERSION:
        raise RuntimeError(f"Invalid protocol version: {protocol}")
    sys_info = unpickler(f, encoding=encoding).load()
    little = sys_info.get("little_endian", True) if isinstance(sys_info, dict) else True
    swap = little != (sys.byteorder == "little")
    restore = restore_location(map_location)
    pending = []  # tensors to move once their storage's bytes are in
    storages = {}

    def persistent_load(pid):
        typename = _ascii(pid[0])
        if typename == "module":  # a pickled Module class with its source
            return pid[1]
        if typename != "storage":
            raise RuntimeError(f"Unknown saved id type: {pid[0]}")
        storage_type, root_key, location, numel, view_metadata = pid[1:6]
        dtype = storage_type.dtype if isinstance(storage_type, StorageType) else storage_type
        itemsize = _element_size(dtype)
        if root_key not in storages:
            data = numpy.empty(numel * itemsize, numpy.uint8)
            storage = LoadedStorage(data, dtype, pending=pending)
            storages[root_key] = restore(storage, _ascii(location))
        storage = storages[root_key]
        if view_metadata is None:
            return storage
        view_key, offset, view_size = view_metadata
        if view_key not in storages:
            storages[view_key] = storage.view(offset * itemsize, view_size * itemsize)
        return storages[view_key]

    result = unpickler(f, persistent_load=persistent_load, encoding=encoding).load()
    keys = unpickler(f, encoding=encoding).load()
    for key in keys:
        storage = storages[key]
        (count,) = struct.unpack("<q", f.read(8))
        buffer = storage._root
        if count * storage.dtype.itemsize != buffer.nbytes:
            raise RuntimeError(
                f"storage {key} holds {count} elements where {buffer.nbytes} bytes were expected"
            )
        data = f.read(buffer.nbytes)
        if len(data) != buffer.nbytes:
            raise RuntimeError(f"storage {key} ends early")
        buffer[:] = numpy.frombuffer(data, numpy.uint8)
        if swap:
            _byteswap(buffer, storage.dtype)
    finish_pending(pending)
    return result
