"""Unary elementwise ops on signs, rounding and classification: abs, sign, sgn, positive,
floor/ceil/trunc/frac/round, nan_to_num, isnan/isinf/isfinite/isposinf/isneginf/isreal, signbit.

The helpers shared by the unary_*.py modules (quiet, no_kernel, alias, check_out) are here; the
exp/log/trig family is in unary_math.py, erf & co in unary_special.py, the gamma family in
unary_gamma.py, conj/real/imag in unary_complex.py.
"""

import functools

from numtorch import _dtype
from numtorch._creation import zeros_like
from numtorch._errors import type_name
from numtorch._ops.registry import FORWARD, FUNCTIONS, METHODS, SAME, op, public

# ---------------------------------------------------------------- helpers shared by unary_*.py

_QUIET = {}


def _silencer(xp):
    """How to switch off xp's floating-point warnings: (contextvar, value), an errstate
    factory, or None when xp never warns (CuPy)."""
    errstate = getattr(xp, "errstate", None)
    if errstate is None:
        return None
    config = getattr(getattr(xp, "_core", None), "_ufunc_config", None)
    var = getattr(config, "_extobj_contextvar", None)
    if var is None:
        return errstate
    with errstate(all="ignore"):
        return var, var.get()


def quiet(forward):
    """Runs a forward with NumPy's invalid/overflow/divide warnings off: torch returns nan and
    inf silently (sqrt(-1), log(0), exp(1000)). Setting NumPy's error-state context variable
    directly costs a fraction of a `with errstate(...)`."""

    @functools.wraps(forward)
    def run(xp, *args, **kwargs):
        how = _QUIET.get(xp, False)
        if how is False:
            how = _QUIET[xp] = _silencer(xp)
        if how is None:
            return forward(xp, *args, **kwargs)
        if type(how) is tuple:
            token = how[0].set(how[1])
            try:
                return forward(xp, *args, **kwargs)
            finally:
                how[0].reset(token)
        with how(all="ignore"):
            return forward(xp, *args, **kwargs)

    return run


def no_kernel(xp, kernel, array, *, device=True):
    """torch's NotImplementedError for a dtype its kernel was not built for (torch names most
    kernels with the device, "abs_cpu", a few without, "digamma")."""
    if device:
        kernel += "_cpu" if getattr(xp, "__name__", "") == "numpy" else "_cuda"
    name = type_name(_dtype.from_numpy_dtype(array.dtype))
    return NotImplementedError(f"\"{kernel}\" not implemented for '{name}'")


def alias(new, old, *, inplace=True):
    """Makes `numtorch.<new>`/`Tensor.<new>` (and `<new>_`) the same callables as `<old>`."""
    FUNCTIONS[new] = FUNCTIONS[old]
    METHODS[new] = METHODS[old]
    if inplace:
        METHODS[new + "_"] = METHODS[old + "_"]


def check_out(name, check):
    """Wraps `numtorch.<name>` so that `check(input, out)` vets an `out=` tensor first (torch
    checks out's dtype before anything else for these ops)."""
    inner = FUNCTIONS[name]

    @functools.wraps(inner)
    def function(*args, out=None, **kwargs):
        if out is not None:
            check(args[0] if args else kwargs.get("input"), out)
        return inner(*args, out=out, **kwargs)

    FUNCTIONS[name] = function


def out_dtype_is_input(input, out):
    """The rule of the ops whose result keeps the input's dtype: out must have it too."""
    expected = getattr(input, "dtype", None)
    if expected is not None and out.dtype is not expected:
        raise RuntimeError(f"Found dtype {type_name(out.dtype)} but expected {type_name(expected)}")


def zero_grad(grad):
    """The gradient of a piecewise-constant op (floor, sign, ...): zeros like `grad` (not
    grad * 0, which would keep an incoming nan or inf)."""
    return zeros_like(grad)


# ---------------------------------------------------------------- abs and signs


@op(grad_fn="AbsBackward0", promote=FORWARD, inplace=True, dunders=("__abs__",))
def abs(xp, input):
    """Same as `torch.abs`: complex inputs give their real magnitude."""
    if input.dtype.kind == "b":
        raise no_kernel(xp, "abs", input)
    return xp.abs(input)


@abs.backward
def _(grad, *, needs, self):
    return grad * self.sgn()


def _abs_out(input, out):
    if getattr(input, "dtype", None) is None or input.dtype.category != _dtype.COMPLEX:
        out_dtype_is_input(input, out)


check_out("abs", _abs_out)
alias("absolute", "abs")


def _sign_array(xp, input):
    """-1, 0 or 1 in input's dtype; nan and -0.0 give +0 as in torch."""
    kind = input.dtype.kind
    if kind == "b":
        return input.copy()
    positive = (input > 0).astype(input.dtype)
    if kind == "u":
        return positive
    return positive - (input < 0).astype(input.dtype)


@op(grad_fn="SignBackward0", promote=SAME, inplace=True)
def sign(xp, input):
    """Same as `torch.sign`."""
    if input.dtype.kind == "c":
        raise NotImplementedError(
            "Unlike NumPy, torch.sign is not intended to support complex numbers. Please use "
            "torch.sgn instead."
        )
    return _sign_array(xp, input)


@sign.backward
def _(grad, *, needs):
    return zero_grad(grad)


@op(grad_fn="SgnBackward0", promote=SAME, inplace=True)
@quiet
def sgn(xp, input):
    """Same as `torch.sgn`: sign for real inputs, z / |z| (0 at 0) for complex ones."""
    if input.dtype.kind != "c":
        return _sign_array(xp, input)
    magnitude = xp.abs(input)
    return xp.where(magnitude == 0, 0, input / xp.where(magnitude == 0, 1, magnitude))


@sgn.backward
def _(grad, *, needs, self, result):
    if not self.dtype.is_complex:
        return zero_grad(grad)
    # Only the angle moves z / |z|: the gradient is the part of grad orthogonal to the
    # result, divided by |z| (and 0 where z = 0).
    magnitude = self.abs()
    nonzero = magnitude.sign()
    along = (grad.conj() * result).real
    return (grad - along * result) / (magnitude + (-nonzero + 1)) * nonzero


@public(method=True)
def positive(input):
    """Same as `torch.positive`: `input` itself (bool tensors are refused, as in torch)."""
    if input.dtype is _dtype.bool:
        raise RuntimeError("The `+` operator, on a bool tensor is not supported.")
    return input


public("__pos__", function=False, method=True)(positive)


# ---------------------------------------------------------------- rounding


def _round_like(kernel, xp_name):
    """The forward of floor/ceil/trunc: integers are copied, bool and complex refused."""

    def forward(xp, input):
        kind = input.dtype.kind
        if kind == "b":
            raise no_kernel(xp, kernel + "_vml", input)
        if kind == "c":
            raise NotImplementedError(f"{kernel} is not supported for complex inputs")
        if kind in "iu":
            return input.copy()
        return getattr(xp, xp_name)(input)

    forward.__name__ = kernel
    forward.__doc__ = f"Same as `torch.{kernel}`: integer inputs are returned as a copy."
    return forward


floor = op("floor", grad_fn="FloorBackward0", promote=SAME, inplace=True)(
    _round_like("floor", "floor")
)
ceil = op("ceil", grad_fn="CeilBackward0", promote=SAME, inplace=True)(_round_like("ceil", "ceil"))
trunc = op("trunc", grad_fn="TruncBackward0", promote=SAME, inplace=True)(
    _round_like("trunc", "trunc")
)
for _rounding in (floor, ceil, trunc):
    _rounding.backward(lambda grad, *, needs: zero_grad(grad))
for _name in ("sign", "sgn", "floor", "ceil", "trunc"):
    check_out(_name, out_dtype_is_input)
alias("fix", "trunc")


@op(grad_fn="FracBackward0", promote=SAME, inplace=True)
@quiet
def frac(xp, input):
    """Same as `torch.frac`: input - trunc(input), with the sign of input."""
    if _dtype.np_kind(input.dtype) != "f":
        raise no_kernel(xp, "frac", input)
    return input - xp.trunc(input)


@frac.backward
def _(grad, *, needs):
    return grad


check_out("frac", out_dtype_is_input)


@op(
    grad_fn=lambda params: "RoundBackward0" if params["decimals"] is None else "RoundBackward1",
    promote=SAME,
    inplace=True,
    signature="input, *, decimals=None",
)
@quiet
def round(xp, input, *, decimals=None):
    """Same as `torch.round`: halves go to the even neighbour; `decimals` scales by 10**decimals
    first (in input's dtype, as torch computes it). Passing decimals, even 0, picks torch's
    other overload: RoundBackward1, and integer inputs refused."""
    kind = _dtype.np_kind(input.dtype)
    if decimals:
        if kind != "f":
            raise no_kernel(xp, "round", input)
        if decimals > 0:
            scale = input.dtype.type(10.0**decimals)
            return xp.rint(input * scale) / scale
        scale = input.dtype.type(10.0**-decimals)
        return xp.rint(input / scale) * scale
    if kind in "bc" or (kind in "iu" and decimals is not None):
        raise no_kernel(xp, "round_vml", input)
    if kind in "iu":
        return input.copy()
    return xp.rint(input)


@round.backward
def _(grad, *, needs):
    return zero_grad(grad)


check_out("round", out_dtype_is_input)


# ---------------------------------------------------------------- non-finite values


@op(
    grad_fn="NanToNumBackward0",
    promote=SAME,
    inplace=True,
    signature="input, nan=0.0, posinf=None, neginf=None",
)
@quiet
def nan_to_num(xp, input, *, nan=0.0, posinf=None, neginf=None):
    """Same as `torch.nan_to_num`: nan, +inf and -inf replaced (by default with 0 and the
    dtype's largest and lowest values); integer and bool inputs are copied."""
    if input.dtype.kind in "biu":
        return input.copy()
    if input.dtype.kind == "V":  # bfloat16, which NumPy's nan_to_num passes through untouched
        biggest = _dtype.finfo(_dtype.bfloat16).max
        posinf = biggest if posinf is None else posinf
        neginf = -biggest if neginf is None else neginf
        wide = xp.nan_to_num(input.astype("float32"), nan=nan, posinf=posinf, neginf=neginf)
        return wide.astype(input.dtype)
    return xp.nan_to_num(input, copy=True, nan=nan, posinf=posinf, neginf=neginf)


@nan_to_num.backward
def _(grad, *, needs, self):
    return grad * self.isfinite()


def _nan_to_num_out(input, out):
    if getattr(input, "dtype", out.dtype) is not out.dtype:
        raise RuntimeError(
            f"nan_to_num: dtype of out: {type_name(out.dtype)} should be same as input: "
            f"{type_name(input.dtype)}"
        )


check_out("nan_to_num", _nan_to_num_out)


def _all(xp, input, value):
    return xp.full(input.shape, value, dtype=bool)


@op(promote=FORWARD, out=False)
def isnan(xp, input):
    """Same as `torch.isnan`."""
    if input.dtype.kind in "biu":
        return _all(xp, input, False)
    return xp.isnan(input)


@op(promote=FORWARD, out=False)
def isinf(xp, input):
    """Same as `torch.isinf`."""
    if input.dtype.kind in "biu":
        return _all(xp, input, False)
    return xp.isinf(input)


@op(promote=FORWARD, out=False)
def isfinite(xp, input):
    """Same as `torch.isfinite`."""
    if input.dtype.kind in "biu":
        return _all(xp, input, True)
    return xp.isfinite(input)


def _infinity_test(name, sign):
    def forward(xp, input):
        kind = input.dtype.kind
        if kind == "c":
            raise RuntimeError(f"{name} does not support complex inputs.")
        if kind in "biu":
            return _all(xp, input, False)
        return input == sign * float("inf")

    forward.__name__ = name
    forward.__doc__ = f"Same as `torch.{name}`."
    return forward


isposinf = op("isposinf", promote=FORWARD)(_infinity_test("isposinf", 1))
isneginf = op("isneginf", promote=FORWARD)(_infinity_test("isneginf", -1))


def _bool_out(name):
    def check(input, out):
        if out.dtype is not _dtype.bool:
            raise RuntimeError(f"{name} does not support non-boolean outputs.")

    return check


@op(promote=FORWARD, out=False)
def isreal(xp, input):
    """Same as `torch.isreal`: True where the imaginary part is 0 (everywhere for real dtypes)."""
    if input.dtype.kind != "c":
        return _all(xp, input, True)
    return input.imag == 0


@op(promote=FORWARD)
def signbit(xp, input):
    """Same as `torch.signbit`: True for negative values, -0.0 and -nan included."""
    kind = _dtype.np_kind(input.dtype)
    if kind == "c":
        raise NotImplementedError("signbit is not implemented for complex tensors.")
    if kind == "f":
        return xp.signbit(input)
    if kind == "i":
        return input < 0
    return _all(xp, input, False)


for _name in ("isposinf", "isneginf", "signbit"):
    check_out(_name, _bool_out(_name))
