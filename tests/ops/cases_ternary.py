"""Cases for clamp/clip, clamp_min, clamp_max, lerp, addcmul and addcdiv."""

from tests.ops.cases_binary import ALL
from tests.ops.spec import Case, T

CASES = []

# ---------------------------------------------------------------- clamp / clip

CASES += [Case(f"clamp.dtype_{d}", "torch.clamp(a, 0, 1)", {"a": T((3, 4), d)}) for d in ALL]
CASES += [
    Case(
        f"clamp.tensor_dtype_{d}",
        "torch.clamp(a, b, c)",
        {"a": T((3, 4), d), "b": T((3, 4), d), "c": T((4,), d)},
    )
    for d in ALL
]
CASES += [
    Case("clamp.min_only", "torch.clamp(a, min=-0.5)", {"a": T((3, 4), grad=True)}),
    Case("clamp.max_only", "torch.clamp(a, max=0.5)", {"a": T((3, 4), layout="t", grad=True)}),
    Case("clamp.both", "a.clamp(-1, 1)", {"a": T((3, 4), layout="step", grad=True)}),
    Case("clamp.reversed_bounds", "torch.clamp(a, 2, 1)", {"a": T((5,), grad=True)}),
    Case("clamp.none", "torch.clamp(a)", {"a": T((3,))}),
    Case("clamp.none_method", "a.clamp()", {"a": T((3,))}),
    Case("clamp.none_explicit", "torch.clamp(a, None, None)", {"a": T((3,))}),
    Case("clamp.int_float_bound", "torch.clamp(a, 0.5)", {"a": T((5,), "int64")}),
    Case("clamp.int8_overflow", "torch.clamp(a, -1000, 1000)", {"a": T((5,), "int8")}),
    Case("clamp.int8_float_bound", "torch.clamp(a, -1000.0)", {"a": T((5,), "int8")}),
    Case("clamp.uint8_negative", "torch.clamp(a, -1)", {"a": T((5,), "uint8")}),
    Case("clamp.uint8_overflow", "torch.clamp(a, 0, 300)", {"a": T((5,), "uint8")}),
    Case("clamp.half_overflow", "torch.clamp(a, 1e6)", {"a": T((5,), "float16")}),
    Case("clamp.half", "torch.clamp(a, -0.7, 0.7)", {"a": T((5,), "float16")}),
    Case("clamp.bool_int_bounds", "torch.clamp(a, 0, 1)", {"a": T((4,), "bool")}),
    Case("clamp.bool_bool_bounds", "torch.clamp(a, True, True)", {"a": T((4,), "bool")}),
    Case("clamp.bool_min_bool", "torch.clamp(a, min=True)", {"a": T((4,), "bool")}),
    Case("clamp.bool_max_bool", "torch.clamp(a, max=True)", {"a": T((4,), "bool")}),
    Case(
        "clamp.bool_tensor_min",
        "torch.clamp(a, min=b)",
        {"a": T((4,), "bool"), "b": T((4,), "bool")},
    ),
    Case(
        "clamp.complex_tensor_min",
        "torch.clamp(a, min=b)",
        {"a": T((4,), "complex64"), "b": T((4,), "complex64")},
    ),
    Case("clamp.nan_bound", "torch.clamp(a, float('nan'))", {"a": T((3,))}),
    Case(
        "clamp.nan_input", "torch.clamp(a, 0, 0.5)", {"a": T((3,), values=[float("nan"), 1.0, 0.2])}
    ),
    Case(
        "clamp.nan_tensor_bound",
        "torch.clamp(a, b)",
        {"a": T((3,)), "b": T((3,), values=[float("nan"), 0.0, 0.0])},
    ),
    Case(
        "clamp.tensor_grad",
        "torch.clamp(a, b, c)",
        {
            "a": T((3, 4), grad=True),
            "b": T((3, 4), grad=True, high=0),
            "c": T((4,), grad=True, low=0),
        },
    ),
    Case(
        "clamp.tensor_crossed_grad",
        "torch.clamp(a, b, c)",
        {"a": T((6,), grad=True), "b": T((6,), grad=True), "c": T((6,), grad=True)},
    ),
    Case(
        "clamp.tensor_min_grad",
        "torch.clamp(a, min=b)",
        {"a": T((3, 4), grad=True), "b": T((4,), grad=True)},
    ),
    Case(
        "clamp.tensor_max_grad",
        "torch.clamp(a, max=b)",
        {"a": T((3, 4), grad=True), "b": T((3, 1), grad=True)},
    ),
    Case("clamp.tensor_promotion", "torch.clamp(a, b)", {"a": T((5,), "int64"), "b": T((5,))}),
    Case(
        "clamp.zero_dim_bound", "torch.clamp(a, b)", {"a": T((5,), "int64"), "b": T((), values=0.5)}
    ),
    Case(
        "clamp.zero_dim_and_number", "torch.clamp(a, b, 2)", {"a": T((5,)), "b": T((), values=-1.0)}
    ),
    Case("clamp.tensor_and_number_error", "torch.clamp(a, b, 2)", {"a": T((5,)), "b": T((5,))}),
    Case("clamp.str_error", "torch.clamp(a, 'x')", {"a": T((5,))}),
    Case("clamp.broadcast_error", "torch.clamp(a, b)", {"a": T((3,)), "b": T((2,))}),
    Case("clamp.empty", "torch.clamp(a, 0)", {"a": T((2, 0))}),
    Case("clamp.zero_dim", "torch.clamp(a, 0, 1)", {"a": T((), grad=True)}),
    Case("clamp.inplace", "a.clamp_(0, 1)", {"a": T((5,))}),
    Case("clamp.inplace_grad", "out = a * 1\nout.clamp_(min=0)", {"a": T((5,), grad=True)}),
    Case(
        "clamp.inplace_tensor_grad",
        "out = a * 1\nout.clamp_(b)",
        {"a": T((5,), grad=True), "b": T((5,), grad=True)},
    ),
    Case("clamp.inplace_cast_error", "a.clamp_(0.5)", {"a": T((5,), "int64")}),
    Case("clamp.inplace_uint8_cast_error", "a.clamp_(0.5)", {"a": T((5,), "uint8")}),
    Case("clamp.inplace_tensor_cast_error", "a.clamp_(b)", {"a": T((5,), "int64"), "b": T((5,))}),
    Case("clamp.out", "torch.clamp(a, 0, 1, out=o)", {"a": T((5,)), "o": T((5,))}),
    Case(
        "clamp.out_tensor",
        "torch.clamp(a, b, out=o)",
        {"a": T((5,)), "b": T((5,)), "o": T((5,), "float64")},
    ),
    Case("clip.function", "torch.clip(a, -1, 1)", {"a": T((5,), grad=True)}),
    Case("clip.method_tensor", "a.clip(min=b)", {"a": T((5,), grad=True), "b": T((5,), grad=True)}),
    Case("clip.inplace", "a.clip_(max=0)", {"a": T((5,))}),
    Case("clip.none", "torch.clip(a)", {"a": T((5,))}),
    Case("clamp_min.scalar", "torch.clamp_min(a, 0)", {"a": T((3, 4), grad=True)}),
    Case(
        "clamp_min.tensor",
        "torch.clamp_min(a, b)",
        {"a": T((3, 4), grad=True), "b": T((4,), grad=True)},
    ),
    Case("clamp_min.int_float", "torch.clamp_min(a, 0.5)", {"a": T((5,), "int64")}),
    Case(
        "clamp_min.zero_dim_tensor",
        "torch.clamp_min(a, b)",
        {"a": T((5,), "int64"), "b": T((), values=2.5)},
    ),
    Case("clamp_min.bool_scalar", "torch.clamp_min(a, True)", {"a": T((4,), "bool")}),
    Case("clamp_min.complex_scalar", "torch.clamp_min(a, 1)", {"a": T((4,), "complex64")}),
    Case("clamp_min.complex_tensor", "torch.clamp_min(a, a)", {"a": T((4,), "complex64")}),
    Case("clamp_min.none_error", "torch.clamp_min(a, None)", {"a": T((4,))}),
    Case("clamp_min.inplace", "a.clamp_min_(0)", {"a": T((5,), "int32")}),
    Case("clamp_min.inplace_cast_error", "a.clamp_min_(0.5)", {"a": T((5,), "int64")}),
    Case(
        "clamp_min.inplace_tensor_cast_error",
        "a.clamp_min_(b)",
        {"a": T((5,), "int64"), "b": T(())},
    ),
    Case("clamp_min.out", "torch.clamp_min(a, 0, out=o)", {"a": T((5,)), "o": T((5,))}),
    Case("clamp_max.scalar", "torch.clamp_max(a, 0)", {"a": T((3, 4), grad=True)}),
    Case(
        "clamp_max.tensor", "a.clamp_max(b)", {"a": T((3, 4), grad=True), "b": T((4,), grad=True)}
    ),
    Case("clamp_max.bool_scalar", "torch.clamp_max(a, True)", {"a": T((4,), "bool")}),
    Case(
        "clamp_max.inplace_grad",
        "out = a * 1\nout.clamp_max_(b)",
        {"a": T((5,), grad=True), "b": T((5,), grad=True)},
    ),
    Case("clamp_max.half", "torch.clamp_max(a, 0.3)", {"a": T((5,), "float16")}),
]

# ---------------------------------------------------------------- lerp

CASES += [
    Case(f"lerp.dtype_{d}", "torch.lerp(a, b, 0.3)", {"a": T((3, 4), d), "b": T((3, 4), d)})
    for d in ALL
]
CASES += [
    Case(
        f"lerp.tensor_dtype_{d}",
        "torch.lerp(a, b, c)",
        {"a": T((3, 4), d), "b": T((3, 4), d), "c": T((4,), d)},
    )
    for d in ALL
]
CASES += [
    Case(
        "lerp.grad", "torch.lerp(a, b, 0.7)", {"a": T((3, 4), grad=True), "b": T((4,), grad=True)}
    ),
    Case(
        "lerp.tensor_grad",
        "torch.lerp(a, b, c)",
        {
            "a": T((3, 4), grad=True),
            "b": T((3, 4), grad=True),
            "c": T((3, 1), grad=True, low=0, high=1),
        },
    ),
    Case(
        "lerp.zero_dim_weight_grad",
        "torch.lerp(a, b, c)",
        {"a": T((3,), grad=True), "b": T((3,), grad=True), "c": T((), grad=True)},
    ),
    Case(
        "lerp.zero_dim_weight_double",
        "torch.lerp(a, b, c)",
        {"a": T((3,)), "b": T((3,)), "c": T((), "float64")},
    ),
    Case(
        "lerp.weight_dtype_error",
        "torch.lerp(a, b, c)",
        {"a": T((3,)), "b": T((3,)), "c": T((3,), "float64")},
    ),
    Case("lerp.end_dtype_error", "torch.lerp(a, b, 0.5)", {"a": T((3,)), "b": T((3,), "float64")}),
    Case("lerp.end_half_error", "torch.lerp(a, b, 0.5)", {"a": T((3,), "float16"), "b": T((3,))}),
    Case("lerp.zero_dim_end_error", "torch.lerp(a, b, 0.5)", {"a": T((3,)), "b": T((), "float64")}),
    Case("lerp.complex_weight_error", "torch.lerp(a, b, 0.5j)", {"a": T((3,)), "b": T((3,))}),
    Case(
        "lerp.complex_weight",
        "torch.lerp(a, b, 0.5j)",
        {"a": T((3,), "complex64"), "b": T((3,), "complex64")},
    ),
    Case("lerp.int_weight", "torch.lerp(a, b, 2)", {"a": T((3,)), "b": T((3,))}),
    Case(
        "lerp.weights_both_sides",
        "torch.lerp(a, b, c)",
        {"a": T((6,)), "b": T((6,)), "c": T((6,), values=[0.0, 0.25, 0.49, 0.5, 0.75, 1.0])},
    ),
    Case("lerp.broadcast_start", "torch.lerp(a, b, 0.3)", {"a": T((1,)), "b": T((3,))}),
    Case("lerp.broadcast_error", "torch.lerp(a, b, 0.3)", {"a": T((2,)), "b": T((3,))}),
    Case("lerp.empty", "torch.lerp(a, b, 0.3)", {"a": T((3, 0)), "b": T((1, 0))}),
    Case(
        "lerp.layouts",
        "torch.lerp(a, b, c)",
        {
            "a": T((3, 4), layout="t"),
            "b": T((3, 4), layout="step"),
            "c": T((3, 4), layout="expand"),
        },
    ),
    Case("lerp.method", "a.lerp(b, 0.5)", {"a": T((3,), "float64"), "b": T((3,), "float64")}),
    Case("lerp.inplace", "a.lerp_(b, 0.25)", {"a": T((3,)), "b": T((3,))}),
    Case(
        "lerp.inplace_grad",
        "out = a * 1\nout.lerp_(b, c)",
        {"a": T((3,), grad=True), "b": T((3,), grad=True), "c": T((3,), grad=True)},
    ),
    Case("lerp.inplace_broadcast_error", "a.lerp_(b, 0.3)", {"a": T((1,)), "b": T((3,))}),
    Case("lerp.out", "torch.lerp(a, b, 0.3, out=o)", {"a": T((3,)), "b": T((3,)), "o": T((3,))}),
]

# ---------------------------------------------------------------- addcmul, addcdiv

CASES += [
    Case(
        f"addcmul.dtype_{d}",
        "torch.addcmul(a, b, c)",
        {"a": T((3, 4), d), "b": T((3, 4), d), "c": T((4,), d)},
    )
    for d in ALL
]
CASES += [
    Case(
        f"addcdiv.dtype_{d}",
        "torch.addcdiv(a, b, c)",
        {"a": T((3, 4), d), "b": T((3, 4), d), "c": T((4,), d, low=1)},
    )
    for d in ALL
]
CASES += [
    Case(
        "addcmul.grad",
        "torch.addcmul(a, b, c, value=0.5)",
        {"a": T((3, 4), grad=True), "b": T((3, 1), grad=True), "c": T((4,), grad=True)},
    ),
    Case(
        "addcmul.value_int_trunc",
        "torch.addcmul(a, b, c, value=2.5)",
        {"a": T((3,), "int64"), "b": T((3,), "int64"), "c": T((3,), "int64")},
    ),
    Case(
        "addcmul.value_bool",
        "torch.addcmul(a, b, c, value=True)",
        {"a": T((3,)), "b": T((3,)), "c": T((3,))},
    ),
    Case(
        "addcmul.value_int8_overflow",
        "torch.addcmul(a, b, c, value=1000)",
        {"a": T((3,), "int8"), "b": T((3,), "int8"), "c": T((3,), "int8")},
    ),
    Case(
        "addcmul.value_complex_error",
        "torch.addcmul(a, b, c, value=1j)",
        {"a": T((3,)), "b": T((3,)), "c": T((3,))},
    ),
    Case(
        "addcmul.value_complex",
        "torch.addcmul(a, b, c, value=1j)",
        {"a": T((3,), "complex64"), "b": T((3,), "complex64"), "c": T((3,), "complex64")},
    ),
    Case(
        "addcmul.promotion",
        "torch.addcmul(a, b, c)",
        {"a": T((3,), "int32"), "b": T((3,)), "c": T((3,), "bool")},
    ),
    Case(
        "addcmul.zero_dim",
        "torch.addcmul(a, b, c)",
        {"a": T((3,), "int32"), "b": T((), "float64"), "c": T((3,), "int32")},
    ),
    Case(
        "addcmul.method",
        "a.addcmul(b, c, value=-1)",
        {"a": T((3,), grad=True), "b": T((3,), grad=True), "c": T((3,), grad=True)},
    ),
    Case(
        "addcmul.inplace", "a.addcmul_(b, c, value=2)", {"a": T((3,)), "b": T((3,)), "c": T((3,))}
    ),
    Case(
        "addcmul.inplace_grad",
        "out = a * 1\nout.addcmul_(b, c)",
        {"a": T((3,), grad=True), "b": T((3,), grad=True), "c": T((3,), grad=True)},
    ),
    Case(
        "addcmul.inplace_cast_error",
        "a.addcmul_(b, c)",
        {"a": T((3,), "int64"), "b": T((3,)), "c": T((3,))},
    ),
    Case(
        "addcmul.out",
        "torch.addcmul(a, b, c, out=o)",
        {"a": T((3,)), "b": T((3,)), "c": T((3,)), "o": T((3,))},
    ),
    Case(
        "addcmul.layouts",
        "torch.addcmul(a, b, c)",
        {
            "a": T((3, 4), layout="t"),
            "b": T((3, 4), layout="step"),
            "c": T((3, 4), layout="expand"),
        },
    ),
    Case(
        "addcmul.empty", "torch.addcmul(a, b, c)", {"a": T((4, 0)), "b": T((1, 0)), "c": T((4, 1))}
    ),
    Case(
        "addcdiv.grad",
        "torch.addcdiv(a, b, c, value=2)",
        {"a": T((3, 4), grad=True), "b": T((3, 1), grad=True), "c": T((4,), grad=True, low=0.5)},
    ),
    Case(
        "addcdiv.int_float",
        "torch.addcdiv(a, b, c)",
        {"a": T((3,), "int64"), "b": T((3,)), "c": T((3,), low=0.5)},
    ),
    Case(
        "addcdiv.float_int_int",
        "torch.addcdiv(a, b, c)",
        {"a": T((3,)), "b": T((3,), "int64"), "c": T((3,), "int64", low=1)},
    ),
    Case(
        "addcdiv.float_int",
        "torch.addcdiv(a, b, c)",
        {"a": T((3,)), "b": T((3,)), "c": T((3,), "int64", low=1)},
    ),
    Case(
        "addcdiv.half_float",
        "torch.addcdiv(a, b, c)",
        {"a": T((3,), "float16"), "b": T((3,)), "c": T((3,), low=0.5)},
    ),
    Case(
        "addcdiv.method",
        "a.addcdiv(b, c, value=0.5)",
        {"a": T((3,), "float64"), "b": T((3,), "float64"), "c": T((3,), "float64", low=0.5)},
    ),
    Case(
        "addcdiv.inplace", "a.addcdiv_(b, c)", {"a": T((3,)), "b": T((3,)), "c": T((3,), low=0.5)}
    ),
    Case(
        "addcdiv.inplace_int_error",
        "a.addcdiv_(b, c)",
        {"a": T((3,)), "b": T((3,), "int32"), "c": T((3,), "int32")},
    ),
    Case(
        "addcdiv.out",
        "torch.addcdiv(a, b, c, value=3, out=o)",
        {"a": T((3,)), "b": T((3,)), "c": T((3,), low=0.5), "o": T((3,))},
    ),
]
