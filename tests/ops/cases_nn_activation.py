"""Cases for the pointwise activations of torch.nn.functional (nn_activation.py)."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."

# name -> the call with `a` as input (options given where they matter)
CALLS = {
    "relu6": "relu6(a)",
    "leaky_relu": "leaky_relu(a, 0.2)",
    "rrelu": "rrelu(a)",
    "elu": "elu(a, alpha=1.5)",
    "selu": "selu(a)",
    "celu": "celu(a, alpha=0.7)",
    "gelu": "gelu(a)",
    "gelu_tanh": "gelu(a, approximate='tanh')",
    "silu": "silu(a)",
    "mish": "mish(a)",
    "softplus": "softplus(a)",
    "softplus_beta": "softplus(a, beta=2, threshold=3)",
    "softsign": "softsign(a)",
    "hardtanh": "hardtanh(a, -0.5, 2.0)",
    "hardsigmoid": "hardsigmoid(a)",
    "hardswish": "hardswish(a)",
    "hardshrink": "hardshrink(a, 0.7)",
    "softshrink": "softshrink(a, 0.7)",
    "tanhshrink": "tanhshrink(a)",
    "logsigmoid": "logsigmoid(a)",
    "threshold": "threshold(a, 0.3, -2.0)",
    "glu": "glu(a)",
    "relu": "relu(a)",
    "sigmoid": "sigmoid(a)",
    "tanh": "tanh(a)",
}

# activations that accept integer inputs and keep their dtype
INT_OK = ("relu6", "hardtanh", "threshold", "relu", "softsign", "tanhshrink")


def _per_op(name, call):
    expr = F + call
    if name in ("relu", "sigmoid", "tanh"):  # cases_nn.py has <name>.float etc.
        name += ".functional"
    cases = [
        Case(f"{name}.float", expr, {"a": T((3, 4), grad=True, low=-5, high=5)}),
        Case(f"{name}.double_t", expr, {"a": T((4, 6), "float64", grad=True, layout="t")}),
        Case(f"{name}.step", expr, {"a": T((2, 4), grad=True, layout="step")}),
        Case(f"{name}.expand", expr, {"a": T((3, 4), grad=True, layout="expand")}),
        Case(f"{name}.empty", expr, {"a": T((0, 4), grad=True)}),
        Case(f"{name}.half", expr, {"a": T((2, 4), "float16", low=-5, high=5)}),
        Case(f"{name}.bfloat16", expr, {"a": T((2, 4), "bfloat16", low=-5, high=5)}),
        Case(f"{name}.int", expr, {"a": T((2, 4), "int64")}),
        Case(f"{name}.bool", expr, {"a": T((2, 4), "bool")}),
    ]
    if name != "glu":
        cases.append(Case(f"{name}.zero_dim", expr, {"a": T((), grad=True)}))
    return cases


CASES = [c for name, call in CALLS.items() for c in _per_op(name, call)]

CASES += [
    Case("glu.dim0", F + "glu(a, 0)", {"a": T((4, 3), grad=True)}),
    Case("glu.odd", F + "glu(a)", {"a": T((4, 3))}),
    Case("glu.zero_dim", F + "glu(a)", {"a": T(())}),
    Case("glu.bad_dim", F + "glu(a, 2)", {"a": T((4, 2))}),
    Case("gelu.bad_approximate", F + "gelu(a, approximate='fast')", {"a": T((3,))}),
    Case("gelu.large", F + "gelu(a)", {"a": T((6,), grad=True, values=[-40, -9, -3, 0, 3, 40])}),
    Case(
        "softplus.past_threshold",
        F + "softplus(a, beta=0.5, threshold=4)",
        {"a": T((6,), "float64", grad=True, values=[-100, -9, -1, 7, 9, 100])},
    ),
    Case(
        "logsigmoid.large",
        F + "logsigmoid(a)",
        {"a": T((4,), grad=True, values=[-200, -20, 20, 200])},
    ),
    Case("hardtanh.bad_range", F + "hardtanh(a, 2.0, 1.0)", {"a": T((3,))}),
    Case("hardtanh.int_float_bounds", F + "hardtanh(a, -1.5, 2.5)", {"a": T((6,), "int32")}),
    Case("hardtanh.complex", F + "hardtanh(a)", {"a": T((3,), "complex64")}),
    Case("threshold.int_float", F + "threshold(a, 2.5, 10.5)", {"a": T((6,), "int64")}),
    Case("threshold.function", "torch.threshold(a, 0.1, 7.0)", {"a": T((5,), grad=True)}),
    Case("softshrink.negative", F + "softshrink(a, -1.0)", {"a": T((3,))}),
    Case("hardshrink.method", "a.hardshrink(0.3)", {"a": T((5,), grad=True)}),
    Case("celu.zero_alpha", F + "celu(a, 0.0)", {"a": T((3,))}),
    Case("elu.negative_alpha", F + "elu(a, alpha=-1.0)", {"a": T((5,), grad=True)}),
    Case("selu.function", "torch.selu(a)", {"a": T((5,), grad=True)}),
    Case("celu.function", "torch.celu(a)", {"a": T((5,), grad=True)}),
    Case("rrelu.function", "torch.rrelu(a, 0.1, 0.3)", {"a": T((5,), grad=True)}),
    Case("rrelu.bad_bounds", F + "rrelu(a, 0.5, 0.1)", {"a": T((3,))}),
    Case("silu.complex", F + "silu(a)", {"a": T((3,), "complex64")}),
    Case("relu.functional_bool", F + "relu(a)", {"a": T((3,), "bool")}),
]

# in-place forms: F.<name>(x, inplace=True) and the trailing-underscore functions
INPLACE = {
    "relu": F + "relu(out, inplace=True)",
    "relu_fn": F + "relu_(out)",
    "relu_torch": "torch.relu_(out)",
    "relu6": F + "relu6(out, inplace=True)",
    "leaky_relu": F + "leaky_relu(out, 0.1, inplace=True)",
    "leaky_relu_fn": F + "leaky_relu_(out, 0.1)",
    "rrelu": F + "rrelu(out, inplace=True)",
    "rrelu_fn": F + "rrelu_(out)",
    "elu": F + "elu(out, inplace=True)",
    "elu_fn": F + "elu_(out, 0.5)",
    "selu": F + "selu(out, inplace=True)",
    "selu_fn": "torch.selu_(out)",
    "celu": F + "celu(out, 2.0, inplace=True)",
    "celu_fn": F + "celu_(out)",
    "silu": F + "silu(out, inplace=True)",
    "mish": F + "mish(out, inplace=True)",
    "hardtanh": F + "hardtanh(out, inplace=True)",
    "hardtanh_fn": F + "hardtanh_(out, -0.5, 0.5)",
    "hardsigmoid": F + "hardsigmoid(out, inplace=True)",
    "hardswish": F + "hardswish(out, inplace=True)",
    "threshold": F + "threshold(out, 0.2, 5.0, inplace=True)",
    "threshold_fn": F + "threshold_(out, 0.2, 5.0)",
    "threshold_torch": "torch.threshold_(out, 0.2, 5.0)",
}

for key, call in INPLACE.items():
    name = key.split("_fn")[0].split("_torch")[0]
    CASES.append(
        Case(f"{name}.inplace_{key}", "out = a * 1\nr = " + call, {"a": T((3, 4), grad=True)})
    )
    CASES.append(
        Case(
            f"{name}.inplace_result_{key}",
            "out = a.clone()\nout = " + call,
            {"a": T((2, 3), "float64", grad=True)},
        )
    )
CASES += [
    Case("elu.inplace_leaf", F + "elu(a, inplace=True)", {"a": T((3,), grad=True)}),
    Case(
        "relu6.inplace_int",
        "out = a.clone()\n" + F + "relu6(out, inplace=True)",
        {"a": T((4,), "int64")},
    ),
    Case(
        "elu.inplace_view",
        "out = a * 1\n" + F + "elu(out[1], inplace=True)",
        {"a": T((3, 4), grad=True)},
    ),
]

# prelu: a weight per channel (dim 1) or one for all
CASES += [
    Case("prelu.one", F + "prelu(a, w)", {"a": T((3, 4), grad=True), "w": T((1,), grad=True)}),
    Case(
        "prelu.channels",
        F + "prelu(a, w)",
        {"a": T((2, 3, 4), "float64", grad=True), "w": T((3,), "float64", grad=True)},
    ),
    Case("prelu.vector", F + "prelu(a, w)", {"a": T((5,), grad=True), "w": T((1,), grad=True)}),
    Case("prelu.zero_dim", F + "prelu(a, w)", {"a": T((), grad=True), "w": T((), grad=True)}),
    Case("prelu.method", "a.prelu(w)", {"a": T((2, 3), grad=True, layout="t"), "w": T((3,))}),
    Case("prelu.function", "torch.prelu(a, w)", {"a": T((2, 3), grad=True), "w": T((3,))}),
    Case("prelu.half", F + "prelu(a, w)", {"a": T((2, 3), "float16"), "w": T((3,), "float16")}),
    Case("prelu.bad_count", F + "prelu(a, w)", {"a": T((2, 3)), "w": T((2,))}),
    Case("prelu.bad_ndim", F + "prelu(a, w)", {"a": T((2, 3)), "w": T((1, 3))}),
    Case("prelu.mixed", F + "prelu(a, w)", {"a": T((2, 3), "int64"), "w": T((1,))}),
]
