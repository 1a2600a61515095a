"""torch's legacy tensor types (torch.FloatTensor, LongTensor, ...): constructors, isinstance by
dtype and device, and what `Tensor.type()` names."""

from numtorch import _dtype
from numtorch._errors import LEGACY_TENSOR_NAMES
from numtorch._ops.reduction import CPP_NAMES
from numtorch._tensor import Tensor


def _options(dtype):
    return (
        f"TensorOptions(dtype={CPP_NAMES[dtype.name]}, device=cpu, layout=Strided, "
        "requires_grad=false (default), pinned_memory=false (default), "
        "memory_format=(nullopt))"
    )


class tensortype(type):
    """The metaclass of the legacy types: `isinstance(t, torch.FloatTensor)` is true for a CPU
    float32 tensor, and calling the type builds one."""

    def __instancecheck__(cls, obj):
        return isinstance(obj, Tensor) and obj.dtype is cls.dtype and obj.device.type == "cpu"

    def __subclasscheck__(cls, sub):
        return type.__subclasscheck__(cls, sub)

    def __call__(cls, *args, device=None):
        import numtorch

        dtype = cls.dtype
        if not args:
            return numtorch.empty(0, dtype=dtype, device=device)
        if len(args) == 1:
            data = args[0]
            if isinstance(data, Tensor):
                if data.dtype is not dtype:
                    raise TypeError(f"expected {_options(dtype)} (got {_options(data.dtype)})")
                return data.detach() if data.requires_grad else data
            if isinstance(data, numtorch.Size):
                return numtorch.empty(tuple(data), dtype=dtype, device=device)
            if isinstance(data, str):
                raise TypeError("new(): invalid data type 'str'")
            if isinstance(data, (list, tuple)):
                return numtorch.tensor(data, dtype=dtype, device=device)
            if not isinstance(data, int) or isinstance(data, bool):
                if isinstance(data, (float, bool, complex)):
                    raise TypeError(f"new(): data must be a sequence (got {type(data).__name__})")
                return numtorch.tensor(data, dtype=dtype, device=device)
        if all(isinstance(a, int) and not isinstance(a, bool) for a in args):
            return numtorch.empty(args, dtype=dtype, device=device)
        got = ", ".join(type(a).__name__ for a in args)
        raise TypeError(
            f"new() received an invalid combination of arguments - got ({got}), but expected "
            "one of:"
        )

    def __repr__(cls):
        return f"<class 'torch.{cls.__name__}'>"


def _make(name, dtype):
    cls = tensortype(name, (), {"dtype": dtype, "is_cuda": False, "is_sparse": False})
    cls.__module__ = "torch"
    cls._numtorch_dtype = dtype
    return cls


LEGACY_TYPES = {
    LEGACY_TENSOR_NAMES[name]: _make(LEGACY_TENSOR_NAMES[name], _dtype.BY_NAME[name])
    for name in (
        "float32",
        "float64",
        "float16",
        "bfloat16",
        "uint8",
        "int8",
        "int16",
        "int32",
        "int64",
        "bool",
    )
}
