"""dtype objects, their NumPy counterparts, the default dtype, and torch's type promotion.

numtorch owns promotion: NumPy's rules (NEP 50) differ from torch's for an int tensor with a float
scalar, for float16 with int16, and for 0-dim tensors, so nothing here asks NumPy what to promote to.
"""

import builtins as _py

import numpy

# Categories, ordered as torch orders them when a scalar meets a tensor.
BOOL, INT, FLOAT, COMPLEX = 0, 1, 2, 3
_LATER = object()  # a dtype's NumPy type to be looked up on first use (see dtype.__getattr__)


class dtype:
    """Same as `torch.dtype`: a named element type (`torch.float32`, `torch.int64`, ...)."""

    __slots__ = ("name", "itemsize", "category", "is_signed", "_np", "_rank", "_aliases")

    def __init__(self, name, itemsize, category, is_signed, np_type, rank):
        self.name = name
        self.itemsize = itemsize
        self.category = category
        self.is_signed = is_signed
        if np_type is not _LATER:
            self._np = np_type
        self._rank = rank  # order within its category: the wider, the higher

    def __getattr__(self, name):
        """Only for a `_np` left unset (_LATER): bfloat16's, read from ml_dtypes on first use
        (importing ml_dtypes costs ~40 ms; the slot is set then, so this runs once)."""
        if name != "_np":
            raise AttributeError(f"'torch.dtype' object has no attribute '{name}'")
        self._np = np_type = _bfloat16_np()
        if np_type is not None:
            _FROM_NP[np_type] = self
        return np_type

    @property
    def is_floating_point(self):
        return self.category == FLOAT

    @property
    def is_complex(self):
        return self.category == COMPLEX

    @property
    def np(self):
        """The NumPy dtype that stores this dtype (bfloat16 needs the optional ml_dtypes)."""
        if self._np is None:
            if self.name == "bfloat16":
                raise ModuleNotFoundError(
                    "numtorch.bfloat16 needs the optional package ml_dtypes: pip install ml_dtypes"
                )
            raise RuntimeError(
                f"numtorch cannot store {self!r} tensors: NumPy has no {self.name} type"
            )
        return self._np

    def to_complex(self):
        return {float16: complex32, float64: complex128}.get(
            self, complex64 if self.category == FLOAT else self
        )

    def to_real(self):
        return {complex32: float16, complex64: float32, complex128: float64}.get(self, self)

    def __repr__(self):
        return "torch." + self.name

    __str__ = __repr__

    def __reduce__(self):
        return self.name

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_pybool = bool


def _bfloat16_np():
    try:
        import ml_dtypes
    except ImportError:
        return None
    return numpy.dtype(ml_dtypes.bfloat16)


bool = dtype("bool", 1, BOOL, False, numpy.dtype(numpy.bool_), 0)
uint8 = dtype("uint8", 1, INT, False, numpy.dtype(numpy.uint8), 1)
int8 = dtype("int8", 1, INT, True, numpy.dtype(numpy.int8), 1)
int16 = dtype("int16", 2, INT, True, numpy.dtype(numpy.int16), 2)
int32 = dtype("int32", 4, INT, True, numpy.dtype(numpy.int32), 3)
int64 = dtype("int64", 8, INT, True, numpy.dtype(numpy.int64), 4)
float16 = dtype("float16", 2, FLOAT, True, numpy.dtype(numpy.float16), 1)
bfloat16 = dtype("bfloat16", 2, FLOAT, True, _LATER, 1)
float32 = dtype("float32", 4, FLOAT, True, numpy.dtype(numpy.float32), 2)
float64 = dtype("float64", 8, FLOAT, True, numpy.dtype(numpy.float64), 3)
complex32 = dtype("complex32", 4, COMPLEX, True, None, 1)
complex64 = dtype("complex64", 8, COMPLEX, True, numpy.dtype(numpy.complex64), 2)
complex128 = dtype("complex128", 16, COMPLEX, True, numpy.dtype(numpy.complex128), 3)

# torch's aliases: torch.float is float32, torch.long is int64, ...
ALIASES = {
    "half": float16,
    "float": float32,
    "double": float64,
    "short": int16,
    "int": int32,
    "long": int64,
    "cfloat": complex64,
    "cdouble": complex128,
    "chalf": complex32,
}
ALL = (
    bool,
    uint8,
    int8,
    int16,
    int32,
    int64,
    float16,
    bfloat16,
    float32,
    float64,
    complex32,
    complex64,
    complex128,
)
BY_NAME = {d.name: d for d in ALL} | ALIASES
_FROM_NP = {d._np: d for d in ALL if d is not bfloat16 and d._np is not None}  # + bfloat16's


def from_numpy_dtype(np_dtype):
    """The numtorch dtype for a NumPy dtype; TypeError for one torch has no counterpart for."""
    found = _FROM_NP.get(np_dtype)
    if found is None:
        bfloat16._np  # noqa: B018 - adds ml_dtypes' bfloat16 to _FROM_NP if not yet there
        found = _FROM_NP.get(numpy.dtype(np_dtype))
        if found is None:
            name = numpy.dtype(np_dtype).type.__name__
            if name in ("uint16", "uint32", "uint64"):
                raise TypeError(
                    f"can't convert np.ndarray of type numpy.{name}: numtorch has no torch.{name} "
                    "(torch's own support for it is limited to a few ops)"
                )
            raise TypeError(
                f"can't convert np.ndarray of type numpy.{name}. The only supported types are: "
                "float64, float32, float16, complex64, complex128, int64, int32, int16, int8, "
                "uint64, uint32, uint16, uint8, and bool."
            )
    return found


def np_kind(np_dtype):
    """NumPy's kind letter for an array dtype, with ml_dtypes' bfloat16 (kind "V") as "f"."""
    kind = np_dtype.kind
    return "f" if kind == "V" else kind


def is_half_np(np_dtype):
    """Whether arrays of this NumPy dtype hold float16 or bfloat16 (which torch accumulates and
    computes in float32)."""
    return np_dtype.itemsize == 2 and np_kind(np_dtype) == "f"


# ---------------------------------------------------------------- default dtype

_default = [float32]


def get_default_dtype():
    """Same as `torch.get_default_dtype`."""
    return _default[0]


def set_default_dtype(d):
    """Same as `torch.set_default_dtype`: only float32, float64, float16 and bfloat16 are allowed."""
    if not isinstance(d, dtype) or d.category != FLOAT:
        raise TypeError(
            "only floating-point types are supported as the default type"
            if isinstance(d, dtype)
            else "invalid dtype object: only floating-point types are supported as the default type"
        )
    _default[0] = d


def default_complex():
    """The complex dtype Python complex scalars take: torch's default complex dtype.

    It follows the default float dtype, except that bfloat16 (which has no complex
    counterpart) leaves it at complex64.
    """
    return {float64: complex128, float16: complex32}.get(_default[0], complex64)


# ---------------------------------------------------------------- promotion


def _promote(a, b):
    if a is b:
        return a
    if a.category != b.category:
        hi, lo = (a, b) if a.category > b.category else (b, a)
        if hi.category == COMPLEX and lo.category == FLOAT:
            # float64 + complex64 widens the complex to complex128
            return complex128 if lo is float64 else hi if hi._rank > 1 else complex64
        return hi
    if a.category == INT and (a is uint8 or b is uint8):
        other = b if a is uint8 else a
        return int16 if other is int8 else other
    if a.category == FLOAT and {a, b} == {float16, bfloat16}:
        return float32
    return a if a._rank >= b._rank else b


_TABLE = {(a, b): _promote(a, b) for a in ALL for b in ALL}


def promote_types(type1, type2):
    """Same as `torch.promote_types`."""
    return _TABLE[type1, type2]


def scalar_dtype(value):
    """The dtype a Python scalar takes part in promotion as (torch's 'wrapped number')."""
    t = type(value)
    if t is _py.float:
        return _default[0]
    if t is _py.int:
        return int64
    if t is _pybool:
        return bool
    if t is _py.complex:
        return default_complex()
    return None


def combine(higher, lower):
    """torch's combine_categories: a lower-priority participant only counts if its category is higher."""
    if higher is None:
        return lower
    if lower is None:
        return higher
    if higher.category == COMPLEX:
        return higher
    if lower.category == COMPLEX:
        return higher.to_complex() if higher.category == FLOAT else lower
    if higher.category == FLOAT:
        return higher
    if higher is bool or lower.category == FLOAT:
        return _TABLE[higher, lower]
    return higher


def result_type_of(dims, zeros, scalars):
    """Promote three priority levels: tensors with dims, 0-dim tensors, then Python scalars."""
    return combine(dims, combine(zeros, scalars))


def can_cast(from_, to):
    """Same as `torch.can_cast`: no casting down a category (float to int, complex to float, ...)."""
    if from_.category > to.category:
        return False
    return not (from_.category != BOOL and to.category == BOOL)


# ---------------------------------------------------------------- finfo / iinfo


def _fmt(v):
    return f"{v:g}"


# (exponent bits, explicit mantissa bits) of each floating format.
_FORMATS = {"float16": (5, 10), "bfloat16": (8, 7), "float32": (8, 23), "float64": (11, 52)}


class finfo:
    """Same as `torch.finfo`.

    The fields are computed from the format's exponent and mantissa widths, so bfloat16 needs no
    NumPy type.
    """

    def __init__(self, type=None):
        type = get_default_dtype() if type is None else type
        if type.category not in (FLOAT, COMPLEX):
            raise TypeError(
                "torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'"
            )
        real = type.to_real()
        exp_bits, man_bits = _FORMATS[real.name]
        max_exp = 2 ** (exp_bits - 1) - 1
        self.bits = real.itemsize * 8
        self.eps = 2.0**-man_bits
        self.max = (2.0 - 2.0**-man_bits) * 2.0**max_exp
        self.min = -self.max
        self.tiny = self.smallest_normal = 2.0 ** (1 - max_exp)
        # The decimal digits the format holds for sure, as NumPy and torch count them.
        self.resolution = 10.0 ** -_py.int(man_bits * 0.30102999566398120)
        self.dtype = real.name

    def __repr__(self):
        return (
            f"finfo(resolution={_fmt(self.resolution)}, min={_fmt(self.min)}, max={_fmt(self.max)}, "
            f"eps={_fmt(self.eps)}, smallest_normal={_fmt(self.smallest_normal)}, "
            f"tiny={_fmt(self.tiny)}, dtype={self.dtype})"
        )


class iinfo:
    """Same as `torch.iinfo`."""

    def __init__(self, type):
        if type is bool:
            raise TypeError("torch.bool is not supported by torch.iinfo")
        if type.category != INT:
            raise TypeError(
                "torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'"
            )
        self.bits = type.itemsize * 8
        self.min = -(2 ** (self.bits - 1)) if type.is_signed else 0
        self.max = 2 ** (self.bits - 1) - 1 if type.is_signed else 2**self.bits - 1
        self.dtype = type.name

    def __repr__(self):
        return f"iinfo(min={_fmt(self.min)}, max={_fmt(self.max)}, dtype={self.dtype})"


half = float16
float = float32
double = float64
short = int16
int = int32
long = int64
cfloat = complex64
cdouble = complex128
chalf = complex32
