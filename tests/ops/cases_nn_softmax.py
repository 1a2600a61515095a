"""Cases for softmax, log_softmax and softmin (nn_softmax.py)."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."

CASES = []
for name in ("softmax", "log_softmax", "softmin"):
    fn = F + name
    CASES += [
        Case(f"{name}.dim1", fn + "(a, 1)", {"a": T((3, 4), grad=True)}),
        Case(f"{name}.dim0", fn + "(a, 0)", {"a": T((3, 4), grad=True, low=-20, high=20)}),
        Case(f"{name}.neg_dim", fn + "(a, -1)", {"a": T((2, 3, 4), "float64", grad=True)}),
        Case(f"{name}.t", fn + "(a, 1)", {"a": T((3, 4), grad=True, layout="t")}),
        Case(f"{name}.step", fn + "(a, 0)", {"a": T((3, 4), grad=True, layout="step")}),
        Case(f"{name}.expand", fn + "(a, 1)", {"a": T((3, 4), grad=True, layout="expand")}),
        Case(f"{name}.zero_dim", fn + "(a, 0)", {"a": T((), grad=True)}),
        Case(f"{name}.empty", fn + "(a, 1)", {"a": T((0, 3), grad=True)}),
        Case(f"{name}.empty_dim", fn + "(a, 0)", {"a": T((0, 3), grad=True)}),
        Case(f"{name}.half", fn + "(a, 1)", {"a": T((2, 5), "float16")}),
        Case(f"{name}.bfloat16", fn + "(a, 1)", {"a": T((2, 5), "bfloat16")}),
        Case(f"{name}.large", fn + "(a, 0)", {"a": T((4,), grad=True, values=[1e4, -1e4, 0, 1e4])}),
        Case(f"{name}.inf", fn + "(a, 0)", {"a": T((3,), values=[float("-inf"), 0, 1])}),
        Case(f"{name}.dtype", fn + "(a, 1, dtype=torch.float64)", {"a": T((2, 3), grad=True)}),
        Case(f"{name}.dtype_half", fn + "(a, 1, dtype=torch.float16)", {"a": T((2, 3))}),
        Case(f"{name}.int_dtype", fn + "(a, 1, dtype=torch.float32)", {"a": T((2, 3), "int64")}),
        Case(f"{name}.implicit_2d", fn + "(a)", {"a": T((2, 3), grad=True)}),
        Case(f"{name}.implicit_3d", fn + "(a)", {"a": T((2, 3, 2), grad=True)}),
        Case(f"{name}.implicit_1d", fn + "(a)", {"a": T((4,), grad=True)}),
        Case(f"{name}.int", fn + "(a, 1)", {"a": T((2, 3), "int64")}),
        Case(f"{name}.int_dim0", fn + "(a, 0)", {"a": T((2, 3), "int32")}),
        Case(f"{name}.int_empty", fn + "(a, 1)", {"a": T((0, 3), "int64")}),
        Case(f"{name}.bool", fn + "(a, 1)", {"a": T((2, 3), "bool")}),
        Case(f"{name}.bad_dim", fn + "(a, 2)", {"a": T((2, 3))}),
        Case(f"{name}.bad_dtype", fn + "(a, 1, dtype=torch.int64)", {"a": T((2, 3))}),
    ]
for name in ("softmax", "log_softmax"):
    CASES += [
        Case(f"{name}.function", f"torch.{name}(a, 1)", {"a": T((3, 4), grad=True)}),
        Case(
            f"{name}.function_dtype",
            f"torch.{name}(a, 0, torch.float64)",
            {"a": T((3,), grad=True)},
        ),
        Case(f"{name}.method", f"a.{name}(-1)", {"a": T((2, 5), grad=True, layout="t")}),
        Case(f"{name}.method_dtype", f"a.{name}(dim=0, dtype=torch.float64)", {"a": T((2, 5))}),
        Case(f"{name}.function_no_dim", f"torch.{name}(a)", {"a": T((2, 5))}),
    ]
