"""How torch names things in a checkpoint: storage classes per dtype, and the globals (by their
torch path) that a checkpoint may name, with the numtorch object each one stands for on load.
"""

import collections
import functools

# dtype name -> torch's legacy storage class, which names the element type of a saved storage
STORAGE_CLASS = {
    "float64": "DoubleStorage",
    "float32": "FloatStorage",
    "float16": "HalfStorage",
    "bfloat16": "BFloat16Storage",
    "int64": "LongStorage",
    "int32": "IntStorage",
    "int16": "ShortStorage",
    "int8": "CharStorage",
    "uint8": "ByteStorage",
    "bool": "BoolStorage",
    "complex128": "ComplexDoubleStorage",
    "complex64": "ComplexFloatStorage",
}
DTYPE_OF_STORAGE = {cls: name for name, cls in STORAGE_CLASS.items()}

# quantized storages torch allows in a weights-only load; numtorch has no quantized dtypes
QUANTIZED_STORAGES = (
    "QInt32Storage",
    "QInt8Storage",
    "QUInt2x4Storage",
    "QUInt4x2Storage",
    "QUInt8Storage",
)

# dtypes torch allows in a weights-only load that numtorch cannot hold
MISSING_DTYPES = (
    "complex32",
    "uint16",
    "uint32",
    "uint64",
    "float8_e4m3fn",
    "float8_e4m3fnuz",
    "float8_e5m2",
    "float8_e5m2fnuz",
    "float8_e8m0fnu",
    "float4_e2m1fn_x2",
    "bits16",
    "bits1x8",
    "bits2x4",
    "bits4x2",
    "bits8",
    "qint32",
    "qint8",
    "quint2x4",
    "quint4x2",
    "quint8",
    *(f"uint{n}" for n in range(1, 8)),
    *(f"int{n}" for n in range(1, 8)),
)

# modules whose globals are refused even when a user allowlists them (as torch does)
BLOCKED_MODULES = ("sys", "os", "posix", "nt")


class TorchName:
    """A global written into a pickle by its torch path (the writer emits GLOBAL module name)."""

    __slots__ = ("module", "name")

    def __init__(self, module, name):
        self.module = module
        self.name = name

    def __repr__(self):
        return f"{self.module}.{self.name}"

    def __call__(self, *args):
        """Only named, never called (pickle asks a reduce function to be callable)."""
        raise TypeError(f"{self!r} is a name written into a checkpoint, not a function")


class StorageType:
    """What a `torch.<X>Storage` global stands for on load: the element dtype of a storage."""

    def __init__(self, dtype, untyped=False):
        self.dtype = dtype
        self.untyped = untyped

    def __repr__(self):
        return f"StorageType(dtype={self.dtype})"


class MissingDtype:
    """A torch dtype numtorch has no storage for; loading a tensor of it raises."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "torch." + self.name


@functools.cache
def torch_globals():
    """The globals a weights-only load allows, keyed by their torch path, mapped to numtorch."""
    import codecs

    import numtorch
    from numtorch import _dtype
    from numtorch.serialization import _rebuild

    table = {
        "collections.OrderedDict": collections.OrderedDict,
        "collections.Counter": collections.Counter,
        "torch.serialization._get_layout": _rebuild.get_layout,
        "torch.Size": numtorch.Size,
        "torch.Tensor": numtorch.Tensor,
        "torch.device": numtorch.device,
        "_codecs.encode": codecs.encode,
        "builtins.bytearray": bytearray,
        "builtins.set": set,
        "builtins.complex": complex,
        "torch._tensor._rebuild_from_type_v2": _rebuild.rebuild_from_type_v2,
    }
    parameter = _rebuild.parameter_class()
    if parameter is not None:
        table["torch.nn.parameter.Parameter"] = parameter
    for d in _dtype.ALL:
        table[f"torch.{d.name}"] = d
    for name in MISSING_DTYPES:
        table.setdefault(f"torch.{name}", MissingDtype(name))
    for dtype_name, cls in STORAGE_CLASS.items():
        storage_type = StorageType(_dtype.BY_NAME[dtype_name])
        table[f"torch.{cls}"] = storage_type
        table[f"torch.cuda.{cls}"] = storage_type
    for cls in QUANTIZED_STORAGES:
        table[f"torch.{cls}"] = StorageType(MissingDtype(cls))
    untyped = StorageType(_dtype.uint8, untyped=True)
    table["torch.storage.UntypedStorage"] = untyped
    for name in _rebuild.REBUILD_FUNCTIONS:
        table[f"torch._utils.{name}"] = getattr(_rebuild, name.lstrip("_"))
    return table
