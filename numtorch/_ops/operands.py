"""Helpers for the elementwise op modules (pointwise, binary, ternary, logical): Python-number
operands, torch's dtype errors, and the checks torch's argument parser makes."""

import numbers
import sys
import warnings

from numtorch import _dtype
from numtorch._device import CPU, xp_for
from numtorch._errors import type_name
from numtorch._ops import recording, registry
from numtorch._ops.registry import FUNCTIONS, METHODS, apply, apply_inplace
from numtorch._tensor import Tensor

# torch computes 1/0, log(0), inf-inf, ... silently; NumPy warns. A filter costs nothing per call
# (it is only consulted when NumPy actually warns), unlike an errstate block around each kernel.
warnings.filterwarnings(
    "ignore",
    category=RuntimeWarning,
    module=r"numtorch\._ops\.(pointwise|division|power|binary|ternary|logical|operands)$",
)

NUMBER = (bool, int, float, complex)
_NUMPY_BOOL = xp_for(CPU).bool_

# The C++ names torch's messages use for each dtype.
_CPP_NAME = {
    "bool": "bool",
    "uint8": "uint8_t",
    "int8": "int8_t",
    "int16": "int16_t",
    "int32": "int",
    "int64": "int64_t",
    "float16": "c10::Half",
    "bfloat16": "c10::BFloat16",
    "float32": "float",
    "float64": "double",
    "complex64": "c10::complex<float>",
    "complex128": "c10::complex<double>",
}
# ... and the ones `result type X can't be cast to the desired output type Y` uses in the
# kernels that check the cast themselves (clamp_, clamp_min_, clamp_max_).
_C_TYPE = {
    "bool": "bool",
    "uint8": "unsigned char",
    "int8": "signed char",
    "int16": "short int",
    "int32": "int",
    "int64": "long int",
}


def cpp_name(dtype):
    return _CPP_NAME[dtype.name]


def torch_dtype(np_dtype):
    return _dtype.from_numpy_dtype(np_dtype)


def array_dtype(*operands):
    """The NumPy dtype of the first array among `operands` (the op's computation dtype)."""
    for a in operands:
        dt = getattr(a, "dtype", None)
        if dt is not None:
            return dt
    return None


def not_implemented(kernel, np_dtype):
    """torch's error for a kernel that has no implementation for a dtype."""
    return NotImplementedError(
        f"\"{kernel}\" not implemented for '{type_name(torch_dtype(np_dtype))}'"
    )


def int_operand(xp, value, np_dtype):
    """A Python int as an operand of an integer array of `np_dtype`.

    torch casts the number to the tensor's dtype, wrapping around (int8 tensor + 1000 adds -24);
    NumPy refuses a Python int outside the dtype's range, so such a number becomes a 0-dim
    array of the dtype, cast the way torch casts."""
    bits = np_dtype.itemsize * 8
    lo, hi = (-(1 << (bits - 1)), 1 << (bits - 1)) if np_dtype.kind == "i" else (0, 1 << bits)
    if lo <= value < hi:
        return value
    check_int64(value)
    return xp.asarray(value if value < (1 << 63) else value - (1 << 64)).astype(np_dtype)


def wrap_ints(xp, a, b):
    """Both operands, a Python int beside an integer array made to fit it (see int_operand)."""
    if type(b) is int:
        dt = getattr(a, "dtype", None)
        if dt is not None and dt.kind in "iu":
            b = int_operand(xp, b, dt)
    elif type(a) is int:
        dt = getattr(b, "dtype", None)
        if dt is not None and dt.kind in "iu":
            a = int_operand(xp, a, dt)
    return a, b


def check_int64(value):
    """torch's argument parser takes Python ints as int64 (an unsigned 64-bit value passes)."""
    if not -(1 << 63) <= value < (1 << 64):
        raise OverflowError("int too big to convert")


def _limits(dtype):
    if dtype.category == _dtype.INT:
        bits = dtype.itemsize * 8
        if dtype.is_signed:
            return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
        # torch lets a negative number down to -max wrap into an unsigned type
        return -((1 << bits) - 1), (1 << bits) - 1
    if dtype is _dtype.float16:
        return -65504.0, 65504.0
    if dtype is _dtype.bfloat16:
        return -3.3895313892515355e38, 3.3895313892515355e38
    if dtype is _dtype.float32 or dtype is _dtype.complex64:
        return -3.4028234663852886e38, 3.4028234663852886e38
    return None


_LIMITS = {d: _limits(d) for d in _dtype.ALL}
_INF = float("inf")


def check_fits(value, dtype):
    """torch's checked conversion of a Python number to `dtype` (used where a kernel takes the
    number as a C++ value: clamp, where, pow's exponent, alpha, addcmul's value, fill_)."""
    t = type(value)
    if t is int:
        check_int64(value)
    elif t is complex and dtype.category != _dtype.COMPLEX and dtype is not _dtype.bool:
        if value.imag != 0:
            raise _overflow(dtype)
        value = value.real
    limits = _LIMITS[dtype]
    if limits is None or t is bool:
        return
    lo, hi = limits
    if dtype.category == _dtype.INT:
        if not lo <= value <= hi:
            raise _overflow(dtype)
    elif type(value) is complex:
        for part in (value.real, value.imag):
            if (part > hi or part < lo) and part != _INF and part != -_INF:
                raise _overflow(dtype)
    elif (value > hi or value < lo) and value != _INF and value != -_INF:
        raise _overflow(dtype)


def _overflow(dtype):
    return RuntimeError(f"value cannot be converted to type {cpp_name(dtype)} without overflow")


def cant_cast_c(result, out):
    """`result type Float can't be cast to the desired output type long int`, as the kernels
    that name C types say it."""
    return RuntimeError(
        f"result type {type_name(result)} can't be cast to the desired output type "
        f"{_C_TYPE.get(out.name, cpp_name(out))}"
    )


def type_label(value):
    """How torch's argument parser names a value's type in its messages."""
    if isinstance(value, Tensor):
        return "Tensor"
    return type(value).__name__


def require_tensor(fname, value, name, position):
    """torch's TypeError when an argument that must be a Tensor is not (position None: keyword)."""
    if not isinstance(value, Tensor):
        where = f" (position {position})" if position is not None else ""
        raise TypeError(
            f"{fname}(): argument '{name}'{where} must be Tensor, not {type(value).__name__}"
        )


def invalid_combination(fname, args, kwargs=None):
    """torch's TypeError when no overload of `fname` accepts the argument types."""
    parts = [type_label(a) for a in args]
    parts += [f"{k}={type_label(v)}" for k, v in sorted((kwargs or {}).items())]
    return TypeError(
        f"{fname}() received an invalid combination of arguments - got ({', '.join(parts)}), "
        "but expected one of:"
    )


def bind_tensor_binary(name, od, *, inplace=True, doc=None, names=("input", "other")):
    """torch.<name>(input, other, *, out), Tensor.<name> and Tensor.<name>_ for an op whose
    arguments must both be Tensors (torch's TypeError otherwise)."""
    first, second = names

    def function(input, other, *, out=None):
        require_tensor(name, input, first, 1)
        require_tensor(name, other, second, 2)
        return apply(od, (input, other), {}, out)

    def method(self, other):
        require_tensor(name, other, second, 1)
        return apply(od, (self, other), {})

    def method_(self, other):
        require_tensor(name + "_", other, second, 1)
        return apply_inplace(od, (self, other), {})

    for fn, fname in ((function, name), (method, name), (method_, name + "_")):
        fn.__name__ = fn.__qualname__ = fname
        fn.__doc__ = doc or f"Same as `torch.{name}`."
        fn.__module__ = "numtorch"
    FUNCTIONS[name] = function
    METHODS[name] = method
    if inplace:
        METHODS[name + "_"] = method_
    return function


def check_out_dtype(out, dtype):
    """For the ops whose out= must have the result's dtype exactly (no casting)."""
    if out is not None and isinstance(out, Tensor) and out.dtype is not dtype:
        raise RuntimeError(f"Found dtype {type_name(out.dtype)} but expected {type_name(dtype)}")


def conj(value):
    """The complex conjugate of a tensor or number (itself when real): backward formulas for
    complex inputs multiply by conjugates, as torch's do."""
    if isinstance(value, Tensor):
        return value.conj() if value.dtype.is_complex else value
    return value.conjugate() if type(value) is complex else value


def raw_conj(xp, value):
    """conj for the raw backward formulas: an xp array's or a number's complex conjugate."""
    t = type(value)
    if t is float or t is int:
        return value
    if t is complex:
        return value.conjugate()
    dtype = getattr(value, "dtype", None)
    if dtype is not None and dtype.kind == "c":
        return xp.conj(value)
    return value


# A dunder's other operand: a tensor or a number (NumPy's scalars included; np.bool_ is no
# numbers.Number, but torch takes it, as a float).
_OPERAND = (Tensor, numbers.Number, _NUMPY_BOOL)


def is_operand(value):
    """Whether a dunder takes `value` as its other operand: a tensor or a number."""
    return type(value) in NUMBER or isinstance(value, _OPERAND)


_GUARDED = """
def {name}(self, other):
    if type(other) is Tensor or type(other) in NUMBERS or isinstance(other, OPERAND):
        return run(od, (self, other), {{{options}}})
    return NotImplemented
"""


def _guard(fn, name):
    binary_call = getattr(fn, "binary_call", None)
    if binary_call is not None:  # fn's body in line: one call less per operator
        run, od, defaults = binary_call
        options = ", ".join(f"{n!r}: defaults[{n!r}]" for n in defaults)
        namespace = {
            "Tensor": Tensor,
            "NUMBERS": frozenset(NUMBER),
            "OPERAND": _OPERAND,
            "run": run,
            "od": od,
            "defaults": defaults,
        }
        exec(_GUARDED.format(name=name, options=options), namespace)
        dunder = namespace[name]
        dunder.__doc__ = fn.__doc__
        if run is apply and name in _FAST_NAMES:
            dunder = fast_binary(dunder, od, od, defaults)
        return dunder

    def dunder(self, other):
        if type(other) in NUMBER or isinstance(other, _OPERAND):
            return fn(self, other)
        # Python then tries the other operand, and raises its own TypeError
        return NotImplemented

    dunder.__name__ = dunder.__qualname__ = name
    dunder.__doc__ = fn.__doc__
    return dunder


def guard_dunders(*names):
    """Makes the binary dunders return NotImplemented for operands that are neither tensors nor
    numbers, so that `t + None` raises Python's TypeError, as torch's do."""
    for name in names:
        METHODS[name] = _guard(METHODS[name], name)


# ---------------------------------------------------------------- the operators' fast path
#
# `y * 2.0`, `y + z`: the commonest operator calls (a float tensor on the CPU with a Python
# number, or with a tensor of its dtype) skip apply()'s argument loop and promotion: their
# result has the tensor's dtype, and the op's forward runs on the arrays as they are.

_FAST_NAMES = frozenset(("__add__", "__sub__", "__mul__", "__truediv__", "__div__", "__pow__"))
_FAST_PROMOTIONS = (registry.DEFAULT, registry.INT_TO_FLOAT)
_TENSORS = (recording.TENSOR, recording.TENSOR)
_TENSOR_NUMBER = (recording.TENSOR, recording.NUMBER)


def fast_binary(fallback, tensor_od, number_od, params):
    """The dunder `fallback` (a guarded one) with the fast path in front: `tensor_od` runs for
    a Tensor operand of self's float dtype, `number_od` for a Python int or float (either may
    be None); anything else, or a forward that fails, goes through `fallback`. `params` are
    the op's options (their defaults: the forwards are called without them)."""
    for od in (tensor_od, number_od):
        if od is not None and (
            od.promote not in _FAST_PROMOTIONS or od.view or od.returns is not None
        ):
            return fallback
    cpu, xp, ndarray = registry.CPU, registry._numpy, registry._numpy.ndarray
    grad_mode, make = registry._grad_mode, Tensor._make
    tensor_forward = tensor_od.forward if tensor_od is not None else None
    number_forward = number_od.forward if number_od is not None else None
    tensor_dtypes, number_dtypes = _fast_dtypes(tensor_od), _fast_dtypes(number_od)
    ufunc = _elidable_ufunc(xp, tensor_od, number_od, params)
    getrefcount = sys.getrefcount
    # the ops' recorders for these argument kinds (recording.op_recorder), made at the first
    # recorded call, after od.record1 has made the op's recording code
    recorders = {}

    def first_record(od, kinds, self, other, output):
        od.record1((self, other), params, output)
        recorders[kinds] = recording.op_recorder(od, kinds) or (
            lambda a, b, params, o: od.record1((a, b), params, o)
        )

    def dunder(self, other):
        t = type(other)
        dt = self.dtype
        if t is Tensor:
            if (
                dt not in tensor_dtypes
                or other.dtype is not dt
                or self._device is not cpu
                or other._device is not cpu
            ):
                return fallback(self, other)
            grad = self._requires_grad or other._requires_grad
            data = self._data
            if (
                ufunc is not None
                and data.nbytes >= _ELIDE_BYTES
                and not grad
                and getrefcount(self) <= _TEMPORARY_TENSOR
                and getrefcount(data) <= _OWNED_ARRAY
                and _reusable(data)
                and other._data.ndim <= data.ndim
                and xp.broadcast_shapes(data.shape, other._data.shape) == data.shape
            ):
                return make(ufunc(data, other._data, out=data), dt, cpu)
            try:
                result = tensor_forward(xp, data, other._data)
            except ValueError:  # shapes that do not broadcast: torch's error, from apply
                return fallback(self, other)
            od = tensor_od
            kinds = _TENSORS
        elif (t is float or t is int) and dt in number_dtypes and self._device is cpu:
            data = self._data
            if (
                ufunc is not None
                and data.nbytes >= _ELIDE_BYTES
                and not self._requires_grad
                and (t is float or -_INT_BOUND < other < _INT_BOUND)
                and getrefcount(self) <= _TEMPORARY_TENSOR
                and getrefcount(data) <= _OWNED_ARRAY
                and _reusable(data)
            ):
                return make(ufunc(data, other, out=data), dt, cpu)
            result = number_forward(xp, data, other)
            od = number_od
            grad = self._requires_grad
            kinds = _TENSOR_NUMBER
        else:
            return fallback(self, other)
        if type(result) is not ndarray:
            result = xp.asarray(result)
        have = result.dtype
        if have is not dt._np and have != dt._np:
            result = result.astype(dt.np)
        output = make(result, dt, cpu)
        if grad and od.backward is not None and grad_mode.enabled:
            record = recorders.get(kinds)
            if record is None:
                first_record(od, kinds, self, other, output)
            else:
                record(self, other, params, output)
        return output

    dunder.__name__ = dunder.__qualname__ = fallback.__name__
    dunder.__doc__ = fallback.__doc__
    return dunder


# Temporary elision, as NumPy's own: in `a * b + c` the product is a temporary that nothing else
# can see, so the add may write into it instead of into a fresh array (for large arrays a fresh
# one costs page faults: ~5 ms per 40 MB). A Tensor is a temporary when only the caller's
# evaluation stack, this call's parameter and getrefcount's argument hold it, and its array
# when only the Tensor (and this call) does: no view, no other Tensor, no NumPy array of the
# user's shares it. Without grad only: a recorded graph may save its inputs.
_ELIDE_BYTES = 1 << 18  # NumPy's threshold (256 KiB): below it the check costs more than it saves


def _calibrated_counts():
    """(refcount of a temporary left operand, of an array only its owner holds) as seen inside
    a dunder on this interpreter, or (0, 0) when a named operand would look the same as a
    temporary one (interpreters that borrow references on the stack): no elision then."""

    class Probe:
        __slots__ = ("data",)

        def __init__(self):
            self.data = object()

        def __add__(self, other):
            data = self.data
            other.append((sys.getrefcount(self), sys.getrefcount(data)))
            return self

    seen = []
    Probe() + seen  # noqa: B018
    named = Probe()
    named + seen  # noqa: B018
    shared = Probe()
    alias = shared.data
    Probe.__add__(shared, seen)
    del alias
    (temporary, owned), (named_count, _), (_, shared_count) = seen
    if not temporary < named_count or not owned < shared_count:
        return 0, 0
    return temporary, owned


_TEMPORARY_TENSOR, _OWNED_ARRAY = _calibrated_counts()
_INT_BOUND = 1 << 24  # exact in float32: the same number whichever way it is converted
_ELIDABLE = {"add": "add", "sub": "subtract", "mul": "multiply", "true_divide": "true_divide"}


def _elidable_ufunc(xp, tensor_od, number_od, params):
    """The ufunc that computes both ops in place, if both are one elidable op at its defaults."""
    if tensor_od is None or number_od is not tensor_od or tensor_od.name not in _ELIDABLE:
        return None
    if any(v != 1 for v in params.values()):  # alpha
        return None
    return getattr(xp, _ELIDABLE[tensor_od.name])


def _reusable(data):
    """An array that owns its contiguous, writeable memory."""
    flags = data.flags
    return data.base is None and flags.c_contiguous and flags.writeable and flags.owndata


def _fast_dtypes(od):
    """The dtypes of self for which `od`'s result has self's dtype, with the operand as it is: the
    float and complex ones (but float16/bfloat16 for an op computed in float32: opmath)."""
    if od is None:
        return frozenset()
    half = registry._HALF if od.opmath else ()
    return frozenset(d for d in _dtype.ALL if d.category >= _dtype.FLOAT and d not in half)
