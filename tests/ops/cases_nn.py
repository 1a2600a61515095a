"""Cases for the seed's nn ops: sigmoid, tanh, relu and binary_cross_entropy_with_logits."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."

CASES = [
    Case("sigmoid.float", "torch.sigmoid(a)", {"a": T((3, 4), grad=True, low=-30, high=30)}),
    Case("sigmoid.method_t", "a.sigmoid()", {"a": T((3, 4), "float64", grad=True, layout="t")}),
    Case("sigmoid.int", "torch.sigmoid(a)", {"a": T((5,), "int64")}),
    Case("sigmoid.half", "torch.sigmoid(a)", {"a": T((5,), "float16")}),
    Case("sigmoid.zero_dim", "torch.sigmoid(a)", {"a": T((), grad=True)}),
    Case("sigmoid.empty", "torch.sigmoid(a)", {"a": T((0, 2), grad=True)}),
    Case("sigmoid.inplace", "out = a.clone()\nout.sigmoid_()", {"a": T((4,), grad=True)}),
    Case("sigmoid.functional", F + "sigmoid(a)", {"a": T((4,), grad=True)}),
    Case("sigmoid.out", "torch.sigmoid(a, out=torch.empty(3))", {"a": T((3,))}),
    Case("tanh.float", "torch.tanh(a)", {"a": T((2, 3), grad=True, layout="step")}),
    Case("tanh.int", "torch.tanh(a)", {"a": T((3,), "int32")}),
    Case("tanh.inplace", "out = a * 1\nout.tanh_()", {"a": T((4,), grad=True)}),
    Case("tanh.functional", F + "tanh(a)", {"a": T((4,), "float64", grad=True)}),
    Case("relu.float", "torch.relu(a)", {"a": T((3, 4), grad=True, layout="t")}),
    Case("relu.int", "torch.relu(a)", {"a": T((6,), "int64")}),
    Case("relu.functional", F + "relu(a)", {"a": T((2, 2), grad=True)}),
    Case("relu.inplace", "out = a + 0\nout.relu_()", {"a": T((5,), grad=True)}),
    Case("relu.zero_dim", "a.relu()", {"a": T((), grad=True, low=0.5)}),
    Case(
        "bce_logits.mean",
        F + "binary_cross_entropy_with_logits(x, t)",
        {"x": T((4,), grad=True), "t": T((4,), low=0, high=1, grad=True)},
    ),
    Case(
        "bce_logits.sum_weight",
        F + "binary_cross_entropy_with_logits(x, t, weight=w, reduction='sum')",
        {"x": T((2, 3), grad=True), "t": T((2, 3), low=0, high=1), "w": T((3,), positive=True)},
    ),
    Case(
        "bce_logits.none_pos_weight",
        F + "binary_cross_entropy_with_logits(x, t, reduction='none', pos_weight=p)",
        {
            "x": T((2, 3), "float64", grad=True),
            "t": T((2, 3), "float64", low=0, high=1, grad=True),
            "p": T((3,), "float64", positive=True),
        },
    ),
    Case(
        "bce_logits.large_logits",
        F + "binary_cross_entropy_with_logits(x, t)",
        {"x": T((4,), grad=True, values=[-200.0, 200.0, 50.0, -50.0]), "t": T((4,), low=0, high=1)},
    ),
    Case(
        "bce_logits.legacy_flags",
        F + "binary_cross_entropy_with_logits(x, t, reduce=False)",
        {"x": T((3,), grad=True), "t": T((3,), low=0, high=1)},
    ),
    Case(
        "bce_logits.shape_error",
        F + "binary_cross_entropy_with_logits(x, t)",
        {"x": T((3,)), "t": T((2,))},
    ),
    Case(
        "bce_logits.bad_reduction",
        F + "binary_cross_entropy_with_logits(x, t, reduction='avg')",
        {"x": T((3,)), "t": T((3,))},
    ),
]
