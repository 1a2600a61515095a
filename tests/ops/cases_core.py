"""Cases for the first ops: add/sub/mul/div/neg/pow/exp, sum/mean, views, cat/stack, indexing."""

from tests.ops.spec import Case, T

CASES = [
    Case("add.float", "torch.add(a, b)", {"a": T((3, 4), grad=True), "b": T((4,), grad=True)}),
    Case("add.alpha", "torch.add(a, b, alpha=2)", {"a": T((2, 3), grad=True), "b": T((2, 3))}),
    Case("add.int_scalar", "a + 2.5", {"a": T((3,), "int64")}),
    Case("add.bool", "a + b", {"a": T((3,), "bool"), "b": T((3,), "bool")}),
    Case(
        "add.noncontig",
        "a + b",
        {"a": T((3, 4), layout="t", grad=True), "b": T((3, 4), layout="step")},
    ),
    Case("add.half", "a + b", {"a": T((5,), "float16"), "b": T((), "float32")}),
    Case("add.broadcast_error", "a + b", {"a": T((3,)), "b": T((4,))}),
    Case(
        "mul.grad", "a * b", {"a": T((2, 3), grad=True, layout="expand"), "b": T((3,), grad=True)}
    ),
    Case("div.int", "a / b", {"a": T((4,), "int32"), "b": T((4,), "int32", low=1)}),
    Case("pow.scalar", "a ** 3", {"a": T((4,), grad=True)}),
    Case("exp.empty", "torch.exp(a)", {"a": T((0, 3), grad=True)}),
    Case("sum.int", "a.sum()", {"a": T((3, 4), "int32")}),
    Case("sum.dim", "a.sum(dim=(0, 2), keepdim=True)", {"a": T((2, 3, 4), grad=True)}),
    Case("mean.int_error", "a.mean()", {"a": T((3,), "int64")}),
    Case("mean.dim", "a.mean(-1)", {"a": T((2, 5), "float64", grad=True)}),
    Case("view.shares", "a.view(4, 3)", {"a": T((3, 4), grad=True)}),
    Case("view.error", "a.view(12)", {"a": T((3, 4), layout="t")}),
    Case("transpose.view", "a.transpose(0, 1)", {"a": T((3, 4), grad=True)}),
    Case(
        "cat.dim1",
        "torch.cat([a, b], dim=1)",
        {"a": T((2, 3), grad=True), "b": T((2, 1), grad=True)},
    ),
    Case("stack.grad", "torch.stack([a, b])", {"a": T((2, 3), grad=True), "b": T((2, 3))}),
    Case("getitem.basic", "a[1:, None, ::2]", {"a": T((3, 4), grad=True)}),
    Case("getitem.int", "a[-1]", {"a": T((3, 4), grad=True)}),
    Case("zero_dim.mul", "a * b", {"a": T((), grad=True), "b": T((3,), "int64")}),
]

# out= with an input that requires grad: torch names the op in its message
_NEEDS_GRAD = {"a": T((2, 3), grad=True), "o": T((2, 3))}
CASES += [
    Case("add.out_needs_grad", "torch.add(a, 1, out=o)", _NEEDS_GRAD),
    Case("exp.out_needs_grad", "torch.exp(a, out=o)", _NEEDS_GRAD),
    Case("sum.out_needs_grad", "torch.sum(a, 0, out=o[0])", _NEEDS_GRAD),
    Case("nanmean.out_needs_grad", "torch.nanmean(a, 0, out=o[0])", _NEEDS_GRAD),
    Case("cat.out_needs_grad", "torch.cat([a, a], out=o)", _NEEDS_GRAD),
    Case("stack.out_needs_grad", "torch.stack([a], out=o)", _NEEDS_GRAD),
    Case("sort.out_needs_grad", "torch.sort(a, out=(o, o.long()))", _NEEDS_GRAD),
    Case("add.out_not_tensor", "torch.add(a, a, out=[1])", {"a": T((2,))}),
]
