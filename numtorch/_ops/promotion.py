"""How an op call's arguments meet: the result dtype (torch's promotion over tensors, 0-dim
tensors and Python numbers), the computation dtype and the casts, for `registry.apply`."""

from numtorch import _dtype
from numtorch._device import CPU, xp_for
from numtorch._errors import device_mismatch
from numtorch._tensor import Tensor

# Promotion kinds: how an op's result dtype follows from its inputs'.
SAME = "same"  # the first input's dtype, no cast (shape ops, indexing, ...)
DEFAULT = "default"  # torch.result_type over every input
INT_TO_FLOAT = "int_to_float"  # as DEFAULT, but bool/int results become the default float
ALWAYS_BOOL = "always_bool"  # computed in the promoted dtype, result bool (comparisons)
FORWARD = "forward"  # the forward returns arrays of the right storage type itself

_TABLE = _dtype._TABLE
_combine = _dtype.combine
_scalar_dtype = _dtype.scalar_dtype
_FLOAT = _dtype.FLOAT
_INT = _dtype.INT
_HALF = (_dtype.float16, _dtype.bfloat16)
_CPU = CPU
_numpy = xp_for(CPU)

_SCALAR_CATEGORY = {bool: _dtype.BOOL, int: _INT, float: _FLOAT, complex: _dtype.COMPLEX}


class _NumpyScalars(TypeError):
    """_prepare_call met a NumPy scalar (or a number subclass): the caller converts the
    arguments with python_numbers and calls again."""

    def __init__(self, type_name):
        super().__init__(f"unsupported operand type: {type_name}")


def python_number(value):
    """A NumPy scalar (or a subclass of a Python number type) as the Python number torch's
    argument parser reads it: integers by their index, float64 and complex128 (subclasses of
    float and complex) as themselves, and everything else (np.bool_, other floats, complex64,
    with NumPy's ComplexWarning) through float()."""
    if isinstance(value, complex):
        return complex(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, (int, _numpy.integer)):
        return int(value)
    return float(value)  # np.bool_, float16/32, longdouble, complex64


def number_arg(value):
    """`value`, or the Python number it stands for if it is a NumPy scalar or a number
    subclass (for the hand-written dispatchers that check argument types)."""
    if type(value) in _SCALAR_CATEGORY or not isinstance(value, _NUMBER_LIKE):
        return value
    return python_number(value)


def python_numbers(args):
    """The arguments with every number-like one (see _NUMBER_LIKE) made a Python number."""
    return tuple([python_number(a) if isinstance(a, _NUMBER_LIKE) else a for a in args])


# What python_number takes: the hot path sees the exact Python types only, so these are the
# NumPy scalars and subclasses of Python's number types (np.float64, IntEnum, ...).
_NUMBER_LIKE = (int, float, complex, _numpy.number, _numpy.bool_)


def result_dtype(args):
    """torch.result_type over tensors and Python scalars (three priority levels)."""
    same = None
    scalars = -1
    for a in args:
        if isinstance(a, Tensor):
            if same is None:
                same = a.dtype
            elif a.dtype is not same:
                return _result_dtype_by_levels(args)
        elif a is not None:
            category = _SCALAR_CATEGORY.get(type(a))
            if category is None:
                return _result_dtype_by_levels(args)
            if category > scalars:
                scalars = category
    # Tensors of one dtype win over scalars of no higher category, whatever their dims.
    if same is not None and scalars <= same.category:
        return same
    return _result_dtype_by_levels(args)


def _result_dtype_by_levels(args):
    dims = zeros = wrapped = None
    for a in args:
        if isinstance(a, Tensor):
            d = a.dtype
            if a._data.ndim:
                dims = d if dims is None else _TABLE[dims, d]
            else:
                zeros = d if zeros is None else _TABLE[zeros, d]
        elif a is not None:
            d = _scalar_dtype(a)
            if d is None:
                raise TypeError(f"unsupported operand type: {type(a).__name__}")
            wrapped = d if wrapped is None else _TABLE[wrapped, d]
    return _combine(dims, _combine(zeros, wrapped))


def _dtypes_for(od, args):
    """(computation dtype, result dtype) for this call."""
    kind = od.promote
    if kind is SAME:
        return None, args[0].dtype
    res = result_dtype(args)
    if kind is INT_TO_FLOAT:
        if res.category < _FLOAT:
            res = _dtype._default[0]
        comp = res
    elif kind is ALWAYS_BOOL:
        comp, res = res, _dtype.bool
    else:
        comp = res
    if od.opmath and comp in _HALF:
        comp = _dtype.float32
    return comp, res


def _prepare(od, args):
    """Device, xp, the arrays for forward, and the result dtype."""
    return _prepare_call(od, args)[:4]


def _prepare_call(od, args):
    """As _prepare, and whether some input requires grad (apply inlines this)."""
    dev = same = None  # the device; the dtype of every tensor argument, if they share one
    grad = mixed = False
    scalars = -1  # the highest promotion category of the Python scalar arguments
    arrays = []
    for a in args:
        if isinstance(a, Tensor):
            arrays.append(a._data)
            if a._requires_grad:
                grad = True
            d = a._device
            if dev is None:
                dev, same = d, a.dtype
            else:
                if d is not dev and d != dev:
                    raise device_mismatch(dev, d)
                if a.dtype is not same:
                    mixed = True
        else:
            arrays.append(a)
            if a is not None:
                category = _SCALAR_CATEGORY.get(type(a))
                if category is None:
                    if isinstance(a, _NUMBER_LIKE):
                        raise _NumpyScalars(type(a).__name__)
                    mixed = True
                elif category > scalars:
                    scalars = category
    xp = _numpy if dev is _CPU else xp_for(dev)
    res = _uncast_result(od, args, same, mixed, scalars)
    if res is _CAST:
        arrays, res = _cast_arrays(od, args, xp)
    return dev, xp, arrays, res, grad


_CAST = object()  # _uncast_result's answer when the arrays need casting


def _uncast_result(od, args, same, mixed, scalars):
    """The result dtype when forward takes the arrays as they are, else _CAST: tensors of one
    dtype win over scalars of no higher category (see result_dtype)."""
    kind = od.promote
    if kind is SAME:
        return args[0].dtype
    if kind is FORWARD:
        return None
    if (
        mixed
        or same is None
        or scalars > same.category
        or (scalars >= 0 and same.category == _INT)  # an int scalar may need wrapping
        or (od.opmath and same in _HALF)
    ):
        return _CAST
    if kind is DEFAULT:
        return same
    if kind is ALWAYS_BOOL:
        return _dtype.bool
    return same if same.category >= _FLOAT else _CAST  # INT_TO_FLOAT


def _cast_arrays(od, args, xp):
    """The arrays cast to the computation dtype, and the result dtype."""
    comp, res = _dtypes_for(od, args)
    np_comp = comp.np
    half = res if od.opmath and res in _HALF and comp is not res else None
    arrays = []
    for i, a in enumerate(args):
        if half is not None and a is not None:
            a = _through_half(od, i, a, half)
            if not isinstance(a, Tensor) and hasattr(a, "dtype"):  # rounded to the half type
                arrays.append(a.astype(np_comp))
                continue
        if isinstance(a, Tensor):
            arr = a._data
            if a.dtype is comp or arr.dtype == np_comp:
                arrays.append(arr)
            else:
                arrays.append(arr.astype(np_comp))
        elif comp.category == _INT and type(a) is int and not -(2**31) <= a < 2**31:
            arrays.append(xp.asarray(a).astype(np_comp))
        else:
            arrays.append(a)
    return arrays, res


EXACT_SCALAR = "exact_scalar"  # an `opmath=` value: see _through_half


def _through_half(od, i, a, half):
    """Operand `a` of an op that computes a float16/bfloat16 result in float32: torch casts a
    number or a tensor of another dtype to the result's dtype first (0.7 is 0.69921875 to a
    bfloat16 remainder). Ops declared opmath=EXACT_SCALAR (mul, div) read a single-element
    second operand unrounded, as torch's kernels do."""
    if isinstance(a, Tensor):
        if a.dtype is half or (i == 1 and od.opmath == EXACT_SCALAR and a._data.size == 1):
            return a
        return a._data.astype(half.np)
    if type(a) not in (int, float) or (i == 1 and od.opmath == EXACT_SCALAR):
        return a
    rounded = float(_numpy.asarray(float(a)).astype(half.np))
    return a if rounded == a else rounded
