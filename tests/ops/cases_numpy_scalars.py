"""NumPy scalars as operands: torch's argument parser reads NumPy integers as Python ints,
float64/complex128 (subclasses of float/complex) as themselves, and np.bool_, float16/32 and
complex64 (with NumPy's ComplexWarning) through float()."""

import numpy

from tests.ops.spec import Case, T

_F = {"a": T((2, 3), grad=True)}
_I = {"a": T((2, 3), "int32")}
_B = {"a": T((2, 3), "bool")}


def _with(inputs, **scalars):
    return {**inputs, **scalars}


CASES = [
    Case("mul.np_float64", "a * s", _with(_F, s=numpy.float64(2.5))),
    Case("mul.np_float64_reflected", "s * a", _with(_F, s=numpy.float64(2.5))),
    Case("mul.int_np_int64", "a * s", _with(_I, s=numpy.int64(3))),
    Case("mul.int_np_int8", "a * s", _with(_I, s=numpy.int8(-3))),
    Case("mul.int_np_float32", "a * s", _with(_I, s=numpy.float32(1.5))),
    Case("mul.np_complex128", "a * s", _with(_F, s=numpy.complex128(1j))),
    Case("add.int_np_bool", "a + s", _with(_I, s=numpy.bool_(True))),
    Case("add.np_bool_reflected", "s + a", _with(_I, s=numpy.bool_(True))),
    Case("add.np_float16", "a + s", _with(_F, s=numpy.float16(0.5))),
    Case("add.function_np_float32", "torch.add(a, s)", _with(_F, s=numpy.float32(2.0))),
    Case("add.inplace_np_float32", "a.clone().add_(s)", _with(_F, s=numpy.float32(2.0))),
    Case("add.iadd_np_int16", "out = a.clone()\nout += s", _with(_I, s=numpy.int16(2))),
    Case("add.alpha_np_float64", "a.add(a, alpha=s)", _with(_F, s=numpy.float64(2.0))),
    Case("sub.np_uint8", "a - s", _with(_I, s=numpy.uint8(200))),
    Case("div.int_np_int64", "a / s", _with(_I, s=numpy.int64(2))),
    Case(
        "div.floor_np_int64", "torch.div(a, s, rounding_mode='floor')", _with(_I, s=numpy.int64(2))
    ),
    Case("pow.np_int64", "a ** s", _with(_F, s=numpy.int64(2))),
    Case("pow.np_float64_base", "s ** a", _with(_F, s=numpy.float64(2.0))),
    Case("eq.np_float64", "a == s", _with(_F, s=numpy.float64(1.0))),
    Case("bitwise_and.np_bool", "a & s", _with(_B, s=numpy.bool_(True))),
    Case("bitwise_and.np_int64", "a & s", _with(_I, s=numpy.int64(6))),
    Case(
        "clamp.np_bounds",
        "a.clamp(lo, hi)",
        _with(_F, lo=numpy.float64(-0.5), hi=numpy.float32(0.5)),
    ),
    Case("clamp_min.np_float32", "a.clamp_min(s)", _with(_F, s=numpy.float32(0.0))),
    Case("clamp.inplace_np_int64", "a.clone().clamp_(max=s)", _with(_I, s=numpy.int64(0))),
    Case("where.np_other", "torch.where(a > 0, a, s)", _with(_F, s=numpy.float32(0.0))),
    Case(
        "where.np_both",
        "torch.where(c, x, y)",
        {"c": T((4,), "bool"), "x": numpy.int64(2), "y": numpy.float32(0.5)},
    ),
]
