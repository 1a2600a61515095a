"""The in-place random Tensor methods: uniform_, normal_, random_, bernoulli_, exponential_,
geometric_, log_normal_, cauchy_, with torch's checks, grad_fn classes and visit order.

Each is an in-place op of the registry whose forward draws from the generator (so leaf and
version checks come first and a refused call draws nothing). Factories are in `factories.py`.
"""

import math
import warnings

import numpy

from numtorch import _dtype
from numtorch._errors import type_name
from numtorch._ops.registry import REGISTRY, apply_inplace, op, public
from numtorch._random import kernels
from numtorch._random.engine import default_generator
from numtorch._random.layout import OVERLAP, has_internal_overlap, place, visit_perm
from numtorch._tensor import Tensor

# C++ type names torch's range and dtype messages use.
CTYPE = {
    "bool": "bool",
    "uint8": "unsigned char",
    "int8": "signed char",
    "int16": "short int",
    "int32": "int",
    "int64": "long int",
    "float16": "c10::Half",
    "bfloat16": "c10::BFloat16",
    "float32": "float",
    "float64": "double",
    "complex64": "c10::complex<float>",
    "complex128": "c10::complex<double>",
}
_DIGITS = {"float16": 11, "bfloat16": 8, "float32": 24, "float64": 53}


def num(x):
    """A double as C++'s ostream prints it (%g): 1 for 1.0, 0.5, 1e-07, nan."""
    return "nan" if x != x else f"{x:g}"


def gen_of(generator):
    return default_generator if generator is None else generator


# ---------------------------------------------------------------- the in-place ops


def _fill(xp, self, *, draw):
    return draw(xp, self, None)


def _fill_with(xp, self, p, *, draw):
    return draw(xp, self, p)


def _declare(name, grad_fn, with_tensor=False):
    declared = op(name, grad_fn=grad_fn, function=False, method=False)(
        _fill_with if with_tensor else _fill
    )

    if with_tensor:

        @declared.backward
        def _(grad, *, needs, other_sym_sizes):
            from numtorch._creation import zeros

            return (
                grad.new_zeros(grad.shape) if needs[0] else None,
                zeros(other_sym_sizes, dtype=grad.dtype) if needs[1] else None,
            )

    else:

        @declared.backward
        def _(grad, *, needs):
            return (grad.new_zeros(grad.shape),)


for _name, _grad_fn in (
    ("uniform_", "UniformBackward0"),
    ("normal_", "NormalBackward0"),
    ("random_", "RandomBackward0"),
    ("bernoulli_scalar_", "BernoulliBackward2"),
    ("exponential_", "ExponentialBackward0"),
    ("geometric_", "GeometricBackward0"),
    ("log_normal_", "LogNormalBackward0"),
    ("cauchy_", "CauchyBackward0"),
):
    _declare("_random_" + _name, _grad_fn)
_declare("_random_bernoulli_tensor_", "BernoulliBackward1", with_tensor=True)


def run(self, name, values, p=None):
    """Fills `self` in place through the op `name`; `values(n, contiguous, np_dtype, order)`
    draws n values in visit order (`order(a)` lists an array shaped like self in that order)."""

    def draw(xp, arr, p_arr):
        shape, strides = arr.shape, arr.strides
        if has_internal_overlap(shape, strides):
            raise RuntimeError(OVERLAP)
        contiguous = bool(arr.flags.c_contiguous)
        np_dtype = numpy.dtype(arr.dtype)
        if np_dtype.kind == "c":  # drawn on the real view, as torch does
            shape, strides = shape + (2,), strides + (np_dtype.itemsize // 2,)
            np_dtype = numpy.dtype(f"f{np_dtype.itemsize // 2}")
        perm = None if contiguous else visit_perm(shape, strides)

        def order(a):
            a = numpy.broadcast_to(a, shape)
            return a.reshape(-1) if perm is None else a.transpose(perm).reshape(-1)

        got = values(math.prod(shape), contiguous, np_dtype, order, p_arr)
        out = place(got, shape, strides, contiguous)
        if out.dtype != arr.dtype:
            out = numpy.ascontiguousarray(out).view(arr.dtype).reshape(arr.shape)
        return out if xp is numpy else xp.asarray(out)

    args = (self,) if p is None else (self, p)
    return apply_inplace(REGISTRY[name], args, {"draw": draw})


def _require_float(self, kernel):
    if not self.dtype.is_floating_point and not self.dtype.is_complex:
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{type_name(self.dtype)}'")


def _continuous_only(self, name, c_names):
    if not self.dtype.is_floating_point:
        shown = CTYPE[self.dtype.name] if c_names else type_name(self.dtype)
        raise RuntimeError(
            f"{name} distribution is a continuous probability distribution. dtype must be a "
            f"floating point but you specified {shown}"
        )


def _check_float_bounds(value, what, dtype):
    limit = float(_dtype.finfo(dtype).max)
    if not -limit <= value <= limit:
        raise RuntimeError(f"{what} is out of bounds for {CTYPE[dtype.name]}")


@public("uniform_", function=False, method=True)
def uniform_(self, *args, generator=None, **kwargs):
    """Same as `Tensor.uniform_(from=0, to=1, *, generator=None)`."""
    low, high = _two(args, kwargs, ("from", "to"), (0.0, 1.0))
    _require_float(self, "check_uniform_bounds")
    real = self.dtype.to_real() if self.dtype.is_complex else self.dtype
    _check_float_bounds(float(low), "from", real)
    _check_float_bounds(float(high), "to", real)
    if low > high:
        raise RuntimeError(
            f"uniform_ expects to return a [from, to) range, but found from={num(low)} > "
            f"to={num(high)}"
        )
    gen = gen_of(generator)
    return run(
        self, "_random_uniform_", lambda n, c, dt, o, p: kernels.uniform(gen, n, dt, low, high)
    )


def _two(args, kwargs, names, defaults):
    vals = list(args) + [kwargs.pop(n) for n in names[len(args) :] if n in kwargs]
    if kwargs:
        raise TypeError(f"got an unexpected keyword argument '{next(iter(kwargs))}'")
    vals += defaults[len(vals) :]
    return vals[0], vals[1]


@public("normal_", function=False, method=True)
def normal_(self, mean=0.0, std=1.0, *, generator=None):
    """Same as `Tensor.normal_`."""
    check_std(std)
    _require_float(self, "normal_kernel_cpu")
    if self.dtype.is_complex:
        std = std / math.sqrt(2)
    gen = gen_of(generator)
    return run(
        self,
        "_random_normal_",
        lambda n, c, dt, o, p: kernels.normal(gen, n, dt, mean, std, c),
    )


def check_std(std):
    if not std >= 0.0:
        raise RuntimeError(f"normal expects std >= 0.0, but found std {num(float(std))}")


@public("random_", function=False, method=True)
def random_(self, *args, generator=None, **kwargs):
    """Same as `Tensor.random_()`, `random_(to)` and `random_(from, to)`."""
    if "from" in kwargs or len(args) >= 2:
        low, high = _two(args, kwargs, ("from", "to"), (0, None))
    elif args or "to" in kwargs:
        low, high = 0, (args[0] if args else kwargs.pop("to"))
    else:
        low = high = None
    if self.dtype.is_complex:
        raise NotImplementedError(
            f"\"random_kernel_cpu\" not implemented for '{type_name(self.dtype)}'"
        )
    gen = gen_of(generator)
    if low is None and high is None:
        draw = lambda n, c, dt, o, p: kernels.random_full(gen, n, dt)  # noqa: E731
        return run(self, "_random_random_", draw)
    low = int(low)
    if high is None:
        if self.dtype.is_floating_point:
            top = 1 << _DIGITS[self.dtype.name]
        else:
            top = int(_dtype.iinfo(self.dtype).max)
        _check_range(low, top, self.dtype)
        if low > top:
            raise RuntimeError(
                f"random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' "
                f"casted to dtype, but got from={low} > to_inc={top}"
            )
        if low == -(1 << 63) and top == (1 << 63) - 1:
            draw = lambda n, c, dt, o, p: kernels.random_64_bits(gen, n, dt)  # noqa: E731
            return run(self, "_random_random_", draw)
        span = top - low + 1
    else:
        high = int(high)
        if low >= high:
            raise RuntimeError(
                f"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}"
            )
        _check_range(low, high - 1, self.dtype)
        span = high - low
    draw = lambda n, c, dt, o, p: kernels.random_from_to(gen, n, dt, span, low)  # noqa: E731
    return run(self, "_random_random_", draw)


def _check_range(low, top, dtype):
    """torch's bounds check of `from` and `to - 1` for the dtype (and its precision warning)."""
    if dtype.is_floating_point:
        lo, hi = -float(_dtype.finfo(dtype).max), float(_dtype.finfo(dtype).max)
    else:
        info = _dtype.iinfo(dtype) if dtype is not _dtype.bool else None
        lo, hi = (int(info.min), int(info.max)) if info else (0, 1)
    for value, what in ((low, "from"), (top, "to - 1")):
        if not lo <= value <= hi:
            raise RuntimeError(f"{what} is out of bounds for {CTYPE[dtype.name]}")
    if dtype.is_floating_point:
        digits = _DIGITS[dtype.name]
        for value, what in ((low, "from"), (top, "to - 1")):
            if not -(1 << digits) <= value <= 1 << digits:
                warnings.warn(
                    f"{what} is out of bounds [-(2^{digits}), 2^{digits}]. Due to precision "
                    f"limitations {CTYPE[dtype.name]} can support discrete uniform distribution "
                    "only within this range. This warning will become an error in version 1.7 "
                    "release, please fix the code in advance",
                    UserWarning,
                    stacklevel=4,
                )


@public("bernoulli_", function=False, method=True)
def bernoulli_(self, p=0.5, *, generator=None):
    """Same as `Tensor.bernoulli_(p=0.5)` with a float or a tensor p."""
    gen = gen_of(generator)
    if isinstance(p, Tensor):
        return bernoulli_tensor_(self, p, gen)
    if self.dtype.is_complex:
        raise NotImplementedError(
            f"\"bernoulli_scalar_cpu_\" not implemented for '{type_name(self.dtype)}'"
        )
    if not 0 <= p <= 1:
        raise RuntimeError(f"bernoulli_ expects p to be in [0, 1], but got p={num(float(p))}")
    draw = lambda n, c, dt, o, _: kernels.bernoulli_scalar(gen, n, p).astype(dt)  # noqa: E731
    return run(self, "_random_bernoulli_scalar_", draw)


def bernoulli_tensor_(self, p, gen):
    """`self.bernoulli_(p)` for a tensor p broadcast to self: one draw per element."""
    if not p.dtype.is_floating_point:
        raise NotImplementedError(
            f"\"bernoulli_tensor_cpu_p_\" not implemented for '{type_name(p.dtype)}'"
        )
    host = numpy.asarray(p.numpy(force=True)) if p.device.type != "cpu" else p._data
    try:
        numpy.broadcast_to(host, self.shape)
    except ValueError:
        raise RuntimeError(
            f"expand(torch.{type_name(p.dtype)}Tensor{{{list(p.shape)}}}, size={list(self.shape)}): "
            "the number of sizes provided must be greater or equal to the number of dimensions "
            "in the tensor"
            if p.ndim > self.ndim
            else f"The expanded size of the tensor must match the existing size at non-singleton "
            f"dimension: {list(self.shape)}, {list(p.shape)}"
        ) from None
    if host.size and not ((host >= 0) & (host <= 1)).all():
        raise RuntimeError(
            "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error "
            "message be improved?  If so, please report an enhancement request to PyTorch.)"
        )

    def draw(n, contiguous, dt, order, _):
        return kernels.bernoulli_tensor(gen, order(host)).astype(dt)

    return run(self, "_random_bernoulli_tensor_", draw, p)


@public("exponential_", function=False, method=True)
def exponential_(self, lambd=1.0, *, generator=None):
    """Same as `Tensor.exponential_`."""
    _continuous_only(self, "Exponential", False)
    if not lambd > 0.0:
        raise RuntimeError(f"exponential_ expects lambda > 0.0, but found lambda={num(lambd)}")
    gen = gen_of(generator)
    draw = lambda n, c, dt, o, p: kernels.cast(kernels.exponential(gen, n, lambd), dt)  # noqa: E731
    return run(self, "_random_exponential_", draw)


@public("geometric_", function=False, method=True)
def geometric_(self, p, *, generator=None):
    """Same as `Tensor.geometric_`."""
    if not 0 < p < 1:
        raise RuntimeError(f"geometric_ expects p to be in (0, 1), but got p={num(float(p))}")
    gen = gen_of(generator)
    draw = lambda n, c, dt, o, _: kernels.cast(kernels.geometric(gen, n, p), dt)  # noqa: E731
    return run(self, "_random_geometric_", draw)


@public("log_normal_", function=False, method=True)
def log_normal_(self, mean=1.0, std=2.0, *, generator=None):
    """Same as `Tensor.log_normal_`."""
    _require_float(self, "log_normal_cpu")
    if not std > 0.0:
        raise RuntimeError(f"log_normal_ expects std > 0.0, but found std={num(float(std))}")
    gen = gen_of(generator)
    draw = lambda n, c, dt, o, p: kernels.log_normal(gen, n, dt, mean, std)  # noqa: E731
    return run(self, "_random_log_normal_", draw)


@public("cauchy_", function=False, method=True)
def cauchy_(self, median=0.0, sigma=1.0, *, generator=None):
    """Same as `Tensor.cauchy_`."""
    _continuous_only(self, "Cauchy", True)
    if not sigma > 0.0:
        raise RuntimeError(f"cauchy_ expects sigma > 0.0, but found sigma={num(float(sigma))}")
    gen = gen_of(generator)
    draw = lambda n, c, dt, o, p: kernels.cast(kernels.cauchy(gen, n, median, sigma), dt)  # noqa: E731
    return run(self, "_random_cauchy_", draw)
