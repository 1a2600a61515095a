"""Hand-written bfloat16 cases: ops whose cases have no floating input to twin (creation, random
shapes, metadata), and exact-value checks (EXACT tolerance) of where torch rounds: numbers cast to
bfloat16 before a float32 computation, float32 accumulation, addbmm's per-batch rounding."""

from tests.ops.spec import Case, T

BF = "bfloat16"
EXACT = {"rtol": 1e-12, "atol": 1e-12}  # bfloat16 results compared bit for bit


def V(values, dtype=BF, **kw):
    return T((len(values),), dtype, values=values, **kw)


CASES = [
    # creation
    # torch rounds each step of its linspace to bfloat16 (numtorch: to within an ulp)
    Case("linspace.bf16", "torch.linspace(-3, 5, 11, dtype=torch.bfloat16)"),
    Case("linspace.bf16_fine", "torch.linspace(0, 1, 7, dtype=torch.bfloat16)"),
    Case("logspace.bf16", "torch.logspace(0, 2, 5, dtype=torch.bfloat16)"),
    Case("arange.bf16_step", "torch.arange(0, 2, 0.3, dtype=torch.bfloat16)", **EXACT),
    Case("arange.bf16_above_256", "torch.arange(250, 262, dtype=torch.bfloat16)", **EXACT),
    Case("full.bf16_rounds", "torch.full((3,), 0.7, dtype=torch.bfloat16)", **EXACT),
    Case("tensor.bf16_rounds", "torch.tensor([0.1, 257.0, 1e38], dtype=torch.bfloat16)", **EXACT),
    Case("tensor.bf16_overflow", "torch.tensor([3.4e38, -1e39], dtype=torch.bfloat16)"),
    Case("empty.bf16", "torch.empty(2, 3, dtype=torch.bfloat16).shape"),
    Case("empty.bf16_dtype", "torch.empty(0, dtype=torch.bfloat16).dtype"),
    Case("rand.bf16", "torch.rand(2, 3, dtype=torch.bfloat16).dtype"),
    Case("randn.bf16", "torch.randn(4, dtype=torch.bfloat16).shape"),
    Case("randint.bf16", "torch.randint(0, 5, (3,), dtype=torch.bfloat16).dtype"),
    Case("randperm.bf16", "torch.randperm(5, dtype=torch.bfloat16).sort().values"),
    Case("rand_like.bf16", "torch.rand_like(a).dtype", {"a": T((2, 2), BF)}),
    Case("randint_like.bf16", "torch.randint_like(a, 7).dtype", {"a": T((2, 2), BF)}),
    # metadata and factories on a bfloat16 tensor
    Case("element_size.bf16", "a.element_size()", {"a": T((3,), BF)}),
    Case("itemsize.bf16", "a.itemsize", {"a": T((3,), BF)}),
    Case("dtype.bf16", "a.dtype", {"a": T((3,), BF)}),
    Case("is_neg.bf16", "a.is_neg()", {"a": T((3,), BF)}),
    Case("new_zeros.bf16", "a.new_zeros(2, 2)", {"a": T((3,), BF)}),
    Case("new_full.bf16", "a.new_full((2,), 0.7)", {"a": T((3,), BF)}, **EXACT),
    Case("new_tensor.bf16", "a.new_tensor([1.1, 2.2])", {"a": T((3,), BF)}, **EXACT),
    Case("argwhere.bf16", "torch.argwhere(a)", {"a": V([0.0, 1.5, 0.0, -2.0])}),
    Case("finfo.bf16_eps", "torch.finfo(torch.bfloat16).eps"),
    Case("finfo.bf16_max", "torch.finfo(torch.bfloat16).max"),
    Case("finfo.bf16_tiny", "torch.finfo(torch.bfloat16).tiny"),
    Case("finfo.bf16_resolution", "torch.finfo(torch.bfloat16).resolution"),
    Case("promote_types.bf16_half", "torch.promote_types(torch.bfloat16, torch.float16)"),
    Case("result_type.bf16_scalar", "torch.result_type(a, 1.5)", {"a": T((2,), BF)}),
    Case("add.bf16_half", "a + b", {"a": T((3,), BF), "b": T((3,), "float16")}),
    Case("repr.bf16", "repr(a)", {"a": V([0.1, -2.5, 1e10, 3.0])}),
    Case("repr.bf16_grad", "repr(a * 2)", {"a": V([0.1, 300.0], grad=True)}, grad=False),
    Case("str.bf16_int_like", "str(a)", {"a": V([1.0, 2.0, 256.0])}),
    Case("to.bf16_from_int", "a.to(torch.bfloat16)", {"a": V([255, 257, 1001], "int64")}, **EXACT),
    # numbers and other dtypes are cast to bfloat16 before the float32 computation ...
    Case("add.bf16_scalar_exact", "a + 0.7", {"a": T((40,), BF)}, **EXACT),
    Case("sub.bf16_scalar_exact", "a - 1.6", {"a": T((40,), BF)}, **EXACT),
    Case("remainder.bf16_scalar_exact", "torch.remainder(a, 0.7)", {"a": T((40,), BF)}, **EXACT),
    Case("fmod.bf16_scalar_exact", "torch.fmod(a, 0.3333)", {"a": T((40,), BF)}, **EXACT),
    Case(
        "add.bf16_int_tensor_exact",
        "a + i",
        {"a": T((3,), BF), "i": V([257, 1001, -515], "int64")},
        **EXACT,
    ),
    Case(
        "add.bf16_zero_dim_float_exact",
        "a + b",
        {"a": T((40,), BF), "b": V([0.7], "float32")},
        **EXACT,
    ),
    Case("atan2.bf16_zero_dim_exact", "torch.atan2(a, torch.tensor(1.6))", {"a": T((40,), BF)}),
    # ... except by mul and div, which read a one-element second operand unrounded
    Case("mul.bf16_scalar_exact", "a * 0.7", {"a": T((40,), BF)}, **EXACT),
    Case("mul.bf16_zero_dim_exact", "a * torch.tensor(0.3333)", {"a": T((40,), BF)}, **EXACT),
    Case("div.bf16_scalar_exact", "a / 0.7", {"a": T((40,), BF)}, **EXACT),
    Case(
        "div.bf16_floor_exact", "torch.div(a, 0.3333, rounding_mode='floor')", {"a": T((40,), BF)}
    ),
    Case("rdiv.bf16_scalar_exact", "0.7 / a", {"a": T((40,), BF, low=0.5)}, **EXACT),
    # float32 accumulation
    Case("var.bf16_exact", "a.var()", {"a": V([1.5, 2.25, 3.3])}, **EXACT),
    Case("std.bf16_exact", "a.std(0)", {"a": T((30, 2), BF)}, **EXACT),
    Case("sum.bf16_exact", "a.sum()", {"a": T((300,), BF)}, **EXACT),
    Case("mean.bf16_exact", "a.mean(1)", {"a": T((3, 50), BF)}, **EXACT),
    Case("trace.bf16_exact", "torch.trace(a)", {"a": T((40, 40), BF)}, **EXACT),
    Case("norm.bf16_exact", "a.norm()", {"a": T((100,), BF)}, **EXACT),
    Case("logsumexp.bf16", "a.logsumexp(0)", {"a": T((64,), BF)}),
    Case(
        "addbmm.bf16_exact",
        "torch.addbmm(c, a, b)",
        {"c": T((2, 4), BF), "a": T((6, 2, 3), BF), "b": T((6, 3, 4), BF)},
        **EXACT,
    ),
    Case("clamp.bf16_scalar_exact", "a.clamp(-0.7, 0.7)", {"a": T((20,), BF)}, **EXACT),
    Case("nan_to_num.bf16_posinf", "torch.nan_to_num(a, posinf=1e10)", {"a": V([1e39, -1e39])}),
    Case("clamp.bf16_overflow_error", "a.clamp(max=3.4e38)", {"a": T((2,), BF)}),
    Case("fill_.bf16_overflow_error", "a.clone().fill_(1e39)", {"a": T((2,), BF)}),
]
