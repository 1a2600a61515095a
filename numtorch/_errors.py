"""torch's error messages, one template each, shared by every op."""


def wrap_dim(dim, ndim):
    """A dim in [-ndim, ndim) (a 0-dim tensor accepts -1 and 0) as a non-negative index."""
    if type(dim) is not int:
        dim = _as_int(dim)
    n = ndim if ndim > 0 else 1
    if dim < -n or dim >= n:
        raise IndexError(
            f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {dim})"
        )
    return dim + n if dim < 0 else dim if ndim > 0 else 0


def wrap_dims(dims, ndim):
    """A tuple of dims, each wrapped; torch's error if one repeats."""
    out = tuple(wrap_dim(d, ndim) for d in dims)
    if len(set(out)) != len(out):
        for i, d in enumerate(out):
            if d in out[:i]:
                raise RuntimeError(f"dim {d} appears multiple times in the list of dims")
    return out


def _as_int(dim):
    try:
        return int(dim.__index__())
    except AttributeError:
        raise TypeError(f"dim must be an int, not {type(dim).__name__}") from None


def broadcast_shapes_of(*shapes):
    """The broadcast shape; torch's RuntimeError (then both shapes, numtorch's addition) if none."""
    ndim = max((len(s) for s in shapes), default=0)
    out = [1] * ndim
    for shape in shapes:
        offset = ndim - len(shape)
        for i, n in enumerate(shape):
            cur = out[offset + i]
            if cur == n or n == 1:
                continue
            if cur == 1:
                out[offset + i] = n
                continue
            raise RuntimeError(
                f"The size of tensor a ({cur}) must match the size of tensor b ({n}) at "
                f"non-singleton dimension {offset + i} (shapes {fmt_shape(shapes[0])}"
                + "".join(f" and {fmt_shape(s)}" for s in shapes[1:])
                + ")"
            )
    return tuple(out)


def fmt_shape(shape):
    return "[" + ", ".join(map(str, shape)) + "]"


def type_name(dtype):
    """torch's ScalarType name: Float, Long, Bool, ComplexFloat, ..."""
    return {
        "bool": "Bool",
        "uint8": "Byte",
        "int8": "Char",
        "int16": "Short",
        "int32": "Int",
        "int64": "Long",
        "float16": "Half",
        "bfloat16": "BFloat16",
        "float32": "Float",
        "float64": "Double",
        "complex32": "ComplexHalf",
        "complex64": "ComplexFloat",
        "complex128": "ComplexDouble",
    }[dtype.name]


def cant_cast(result, out):
    return RuntimeError(
        f"result type {type_name(result)} can't be cast to the desired output type {type_name(out)}"
    )


def shape_mismatch_inplace(out_shape, broadcast_shape):
    return RuntimeError(
        f"output with shape {fmt_shape(out_shape)} doesn't match the broadcast shape "
        f"{fmt_shape(broadcast_shape)}"
    )


def device_mismatch(a, b):
    return RuntimeError(
        "Expected all tensors to be on the same device, but found at least two devices, "
        f"{a} and {b}!"
    )


LEAF_INPLACE = "a leaf Variable that requires grad is being used in an in-place operation."
VIEW_OF_LEAF_INPLACE = (
    "a view of a leaf Variable that requires grad is being used in an in-place operation."
)


LEGACY_TENSOR_NAMES = {
    "float32": "FloatTensor",
    "float64": "DoubleTensor",
    "float16": "HalfTensor",
    "bfloat16": "BFloat16Tensor",
    "uint8": "ByteTensor",
    "int8": "CharTensor",
    "int16": "ShortTensor",
    "int32": "IntTensor",
    "int64": "LongTensor",
    "bool": "BoolTensor",
    "complex64": "ComplexFloatTensor",
    "complex128": "ComplexDoubleTensor",
}


def legacy_type_name(dtype):
    """torch's legacy tensor type name for a CPU dtype: FloatTensor, LongTensor, ..."""
    return LEGACY_TENSOR_NAMES[dtype.name]
