"""torch.serialization: `save` and `load` in torch's own checkpoint formats, both ways.

A file numtorch saves loads in PyTorch (`torch.load(f, weights_only=True)`) and a file PyTorch
saves loads here: tensors of every dtype numtorch has, views that share a storage, strides,
requires_grad, nn.Parameter, state_dicts (OrderedDict with `_metadata`), nested containers,
numbers, strings, torch.Size, dtypes and devices. Whole pickled modules load with
`weights_only=False`, a `torch.nn...` class resolving to its `numtorch.nn...` counterpart.
"""

import functools
import os
import pickle
import warnings

from numtorch.serialization import reader, writer
from numtorch.serialization._names import StorageType
from numtorch.serialization._zip import ZipReader
from numtorch.serialization.reader import (
    UNSAFE_MESSAGE,
    FullUnpickler,
    LoadEndianness,
    default_restore_location,
    get_default_load_endianness,
    set_default_load_endianness,
)
from numtorch.serialization.weights_only import (
    WeightsOnlyUnpickler,
    add_safe_globals,
    clear_safe_globals,
    get_safe_globals,
    safe_globals,
    unsafe_globals,
)
from numtorch.serialization.writer import (
    DEFAULT_PROTOCOL,
    INT_SIZE,
    LONG_SIZE,
    MAGIC_NUMBER,
    PROTOCOL_VERSION,
    SHORT_SIZE,
)

__all__ = [
    "DEFAULT_PROTOCOL",
    "INT_SIZE",
    "LoadEndianness",
    "LONG_SIZE",
    "MAGIC_NUMBER",
    "PROTOCOL_VERSION",
    "SHORT_SIZE",
    "SourceChangeWarning",
    "StorageType",
    "add_safe_globals",
    "clear_safe_globals",
    "default_restore_location",
    "get_default_load_endianness",
    "get_safe_globals",
    "get_unsafe_globals_in_checkpoint",
    "load",
    "location_tag",
    "safe_globals",
    "save",
    "set_default_load_endianness",
]

_DOCS_MESSAGE = (
    "\n\nCheck the documentation of torch.load to learn more about types accepted by default with "
    "weights_only https://pytorch.org/docs/stable/generated/torch.load.html."
)


class SourceChangeWarning(Warning):
    """Same as torch.serialization.SourceChangeWarning."""


def location_tag(storage):
    """Same as torch.serialization.location_tag: 'cpu' or 'cuda:<index>'."""
    device = storage.device
    return "cpu" if device.type == "cpu" else f"cuda:{device.index or 0}"


def _is_path(f):
    return isinstance(f, (str, os.PathLike))


def save(
    obj,
    f,
    pickle_module=pickle,
    pickle_protocol=DEFAULT_PROTOCOL,
    _use_new_zipfile_serialization=True,
    _disable_byteorder_record=False,
):
    """Same as `torch.save`: writes `obj` to a path or a binary file-like object in torch's zip
    format (or the older stream format with `_use_new_zipfile_serialization=False`).

    The pickle is always written by numtorch's torch-compatible pickler; `pickle_module` is
    accepted for signature compatibility.
    """
    if not _is_path(f) and not hasattr(f, "write"):
        raise AttributeError(
            "expected 'f' to be string, path, or a file-like object with a 'write' attribute"
        )
    if not _is_path(f):
        _write(
            obj,
            f,
            "archive",
            pickle_protocol,
            _use_new_zipfile_serialization,
            _disable_byteorder_record,
        )
        if hasattr(f, "flush"):
            f.flush()
        return
    path = os.fspath(f)
    name = None
    if _use_new_zipfile_serialization:
        parent = os.path.dirname(path)
        if parent and not os.path.isdir(parent):
            raise RuntimeError(f"Parent directory {parent} does not exist.")
        name = writer.archive_name(path)
    with open(path, "wb") as out:
        _write(
            obj,
            out,
            name,
            pickle_protocol,
            _use_new_zipfile_serialization,
            _disable_byteorder_record,
        )


def _write(obj, out, name, protocol, zip_format, disable_byteorder):
    if zip_format:
        writer.write_zip(obj, out, name, protocol, byteorder_record=not disable_byteorder)
    else:
        writer.write_legacy(obj, out, protocol)


def _weights_only_message(message):
    """torch's wording around a weights-only refusal."""
    import re

    if re.search(r"GLOBAL (\S+) was not an allowed global by default.", message):
        return (
            "Weights only load failed. This file can still be loaded, to do so you have two "
            "options, \033[1mdo those steps only if you trust the source of the checkpoint\033[0m. "
            f"\n\t(1) {UNSAFE_MESSAGE}\n\t(2) Alternatively, to load with `weights_only=True` "
            "please check the recommended steps in the following error message.\n\t"
            "WeightsUnpickler error: " + message + _DOCS_MESSAGE
        )
    if re.search(r"(\S+) must be (\S+) to load", message):
        return f"Weights only load failed. {message}\n {UNSAFE_MESSAGE}\n"
    text = f"Weights only load failed. {UNSAFE_MESSAGE}\n"
    if not re.search(r"whose module (\S+) is blocked", message):
        text += (
            "Please file an issue with the following so that we can make `weights_only=True` "
            "compatible with your use case: WeightsUnpickler error: "
        )
    return text + "\n\n" + message + _DOCS_MESSAGE


def _env_flag(name):
    return os.getenv(name, "0").lower() in ("1", "y", "yes", "true")


def _open_for_reading(f):
    if _is_path(f):
        return open(os.fspath(f), "rb"), True
    return f, False


def _is_zip(f):
    start = f.tell()
    magic = f.read(4)
    f.seek(start)
    return magic == b"PK\x03\x04"


def _is_tar(f):
    start = f.tell()
    header = f.read(262)
    f.seek(start)
    return len(header) == 262 and header[257:262] == b"ustar"


def load(
    f, map_location=None, pickle_module=None, *, weights_only=None, mmap=None, **pickle_load_args
):
    """Same as `torch.load`: reads what `torch.save` (PyTorch's or numtorch's) wrote.

    `weights_only=True` (the default, as in torch 2.6+) only rebuilds tensors, containers,
    numbers, strings and the other globals torch allows (plus `add_safe_globals`), and refuses
    anything else with torch's `pickle.UnpicklingError` before it runs. `map_location` is a
    device, a string, a dict of location tags or a function (storage, tag) -> storage or None.
    `mmap=True` maps a zip file's storages from disk (copy on write) instead of reading them.
    """
    explicit = weights_only is not None
    if weights_only is None:
        weights_only = pickle_module is None
    force_on = _env_flag("TORCH_FORCE_WEIGHTS_ONLY_LOAD")
    force_off = _env_flag("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD")
    if force_on and force_off:
        raise RuntimeError(
            "Only one of `TORCH_FORCE_WEIGHTS_ONLY_LOAD` or `TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD` "
            "should be set, but both were set."
        )
    if force_on:
        weights_only = True
    elif force_off and not explicit:
        warnings.warn(
            "Environment variable TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD detected, since the"
            "`weights_only` argument was not explicitly passed to `torch.load`, forcing "
            "weights_only=False.",
            UserWarning,
            stacklevel=2,
        )
        weights_only = False
    if weights_only and pickle_module is not None:
        raise RuntimeError("Can not safely load weights when explicit pickle_module is specified")
    if pickle_load_args and weights_only:
        warnings.warn("pickle_load_args only works if `weights_only=False`.", stacklevel=2)
    encoding = pickle_load_args.pop("encoding", "utf-8")
    if weights_only:
        unpickler = WeightsOnlyUnpickler
    else:
        unpickler = functools.partial(FullUnpickler, **pickle_load_args)

    opened, owned = _open_for_reading(f)
    try:
        return _load_from(f, opened, map_location, unpickler, weights_only, mmap, encoding)
    except pickle.UnpicklingError as e:
        if not weights_only:
            raise
        raise pickle.UnpicklingError(_weights_only_message(str(e))) from None
    finally:
        if owned:
            opened.close()


def _load_from(f, opened, map_location, unpickler, weights_only, mmap, encoding):
    if _is_zip(opened):
        archive = ZipReader(opened)
        if archive.has_record("constants.pkl"):
            if weights_only:
                raise RuntimeError(
                    "Cannot use ``weights_only=True`` with TorchScript archives passed to "
                    "``torch.load``. " + UNSAFE_MESSAGE
                )
            raise RuntimeError("numtorch cannot load TorchScript archives (it has no torch.jit)")
        mmap_path = None
        if mmap:
            if not _is_path(f):
                raise ValueError("f must be a file path in order to use the mmap argument")
            mmap_path = os.fspath(f)
        return reader.load_zip(archive, map_location, unpickler, mmap_path, encoding)
    if mmap:
        name = f"{f}, " if isinstance(f, str) else ""
        raise RuntimeError(
            "mmap can only be used with files saved with "
            f"`torch.save({name}_use_new_zipfile_serialization=True), "
            "please torch.save your checkpoint with this option in order to use mmap."
        )
    if _is_tar(opened):
        if weights_only:
            raise RuntimeError(
                "Cannot use ``weights_only=True`` with files saved in the legacy .tar format. "
                + UNSAFE_MESSAGE
            )
        raise RuntimeError("numtorch cannot load the .tar checkpoint format of PyTorch < 0.4")
    return reader.load_legacy(opened, map_location, unpickler, encoding)


def get_unsafe_globals_in_checkpoint(f):
    """Same as `torch.serialization.get_unsafe_globals_in_checkpoint`: the globals in a checkpoint
    that a weights-only load would refuse (read without running anything)."""
    opened, owned = _open_for_reading(f)
    try:
        if not _is_zip(opened):
            raise ValueError("Expected input to be a checkpoint returned by torch.save")
        data = ZipReader(opened).read("data.pkl")
    finally:
        if owned:
            opened.close()
    return unsafe_globals(data)
