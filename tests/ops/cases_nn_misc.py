"""Cases for one_hot, normalize, cosine_similarity and pairwise_distance (nn_misc.py)."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."

CASES = [
    Case("one_hot.infer", F + "one_hot(t)", {"t": T((5,), "int64", low=0, high=4)}),
    Case("one_hot.classes", F + "one_hot(t, 6)", {"t": T((2, 3), "int64", low=0, high=4)}),
    Case("one_hot.zero_dim", F + "one_hot(t, 3)", {"t": T((), "int64", values=1)}),
    Case("one_hot.empty", F + "one_hot(t, 3)", {"t": T((0,), "int64")}),
    Case("one_hot.empty_infer", F + "one_hot(t)", {"t": T((0,), "int64")}),
    Case("one_hot.t", F + "one_hot(t)", {"t": T((2, 3), "int64", low=0, high=3, layout="t")}),
    Case("one_hot.int32", F + "one_hot(t)", {"t": T((3,), "int32", low=0, high=3)}),
    Case("one_hot.negative", F + "one_hot(t)", {"t": T((3,), "int64", values=[0, -1, 2])}),
    Case("one_hot.too_big", F + "one_hot(t, 2)", {"t": T((3,), "int64", values=[0, 1, 2])}),
    Case("normalize.default", F + "normalize(a)", {"a": T((3, 4), grad=True)}),
    Case(
        "normalize.p1_dim0", F + "normalize(a, p=1, dim=0)", {"a": T((3, 4), "float64", grad=True)}
    ),
    Case(
        "normalize.zeros",
        F + "normalize(a)",
        {"a": T((2, 2), values=[[0.0, 0.0], [1.0, 2.0]], grad=True)},
    ),
    Case("normalize.t", F + "normalize(a, dim=-1)", {"a": T((3, 4), grad=True, layout="t")}),
    Case("normalize.empty", F + "normalize(a)", {"a": T((0, 3), grad=True)}),
    Case("normalize.half", F + "normalize(a)", {"a": T((2, 3), "float16")}),
    Case("normalize.bfloat16", F + "normalize(a)", {"a": T((2, 3), "bfloat16")}),
    Case(
        "normalize.out",
        "o = torch.empty(2, 3)\nout = " + F + "normalize(a, out=o)",
        {"a": T((2, 3))},
    ),
    Case("normalize.bad_dim", F + "normalize(a, dim=2)", {"a": T((2, 3))}),
    Case(
        "cosine_similarity.default",
        F + "cosine_similarity(a, b)",
        {"a": T((3, 4), grad=True), "b": T((3, 4), grad=True)},
    ),
    Case(
        "cosine_similarity.dim0",
        F + "cosine_similarity(a, b, dim=0)",
        {"a": T((3, 4), "float64", grad=True), "b": T((3, 4), "float64", grad=True)},
    ),
    Case(
        "cosine_similarity.broadcast",
        F + "cosine_similarity(a, b)",
        {"a": T((3, 4), grad=True), "b": T((4,), grad=True)},
    ),
    Case(
        "cosine_similarity.zero",
        F + "cosine_similarity(a, b, dim=0)",
        {"a": T((3,), values=[0.0, 0.0, 0.0], grad=True), "b": T((3,), grad=True)},
    ),
    Case(
        "cosine_similarity.function",
        "torch.cosine_similarity(a, b, 1, 1e-6)",
        {"a": T((2, 3), grad=True, layout="t"), "b": T((2, 3))},
    ),
    Case(
        "cosine_similarity.int",
        F + "cosine_similarity(a, b)",
        {"a": T((2, 3), "int64"), "b": T((2, 3))},
    ),
    Case(
        "cosine_similarity.int_int",
        F + "cosine_similarity(a, b)",
        {"a": T((2, 3), "int64"), "b": T((2, 3), "int64")},
    ),
    Case(
        "cosine_similarity.half",
        F + "cosine_similarity(a, b)",
        {"a": T((2, 3), "float16"), "b": T((2, 3), "float16")},
    ),
    Case(
        "cosine_similarity.bad_dim",
        F + "cosine_similarity(a, b, dim=3)",
        {"a": T((2, 3)), "b": T((2, 3))},
    ),
    Case(
        "pairwise_distance.default",
        F + "pairwise_distance(a, b)",
        {"a": T((3, 4), grad=True), "b": T((3, 4), grad=True)},
    ),
    Case(
        "pairwise_distance.p1_keepdim",
        F + "pairwise_distance(a, b, p=1, keepdim=True)",
        {"a": T((3, 4), "float64", grad=True), "b": T((3, 4), "float64", grad=True)},
    ),
    Case(
        "pairwise_distance.p3",
        F + "pairwise_distance(a, b, p=3.0)",
        {"a": T((3, 4), "float64", grad=True), "b": T((3, 4), "float64")},
    ),
    Case(
        "pairwise_distance.inf",
        F + "pairwise_distance(a, b, p=float('inf'))",
        {"a": T((3, 4), grad=True), "b": T((3, 4))},
    ),
    Case(
        "pairwise_distance.broadcast",
        F + "pairwise_distance(a, b)",
        {"a": T((3, 4), grad=True), "b": T((4,), grad=True)},
    ),
    Case(
        "pairwise_distance.vector",
        F + "pairwise_distance(a, b)",
        {"a": T((4,), grad=True), "b": T((4,))},
    ),
    Case(
        "pairwise_distance.function",
        "torch.pairwise_distance(a, b)",
        {"a": T((2, 3), grad=True, layout="t"), "b": T((2, 3))},
    ),
    Case(
        "pairwise_distance.empty",
        F + "pairwise_distance(a, b)",
        {"a": T((0, 3), grad=True), "b": T((0, 3))},
    ),
]

CASES += [
    Case("pdist.p2", F + "pdist(a)", {"a": T((4, 3), grad=True)}),
    Case("pdist.p1", F + "pdist(a, 1)", {"a": T((4, 3), "float64", grad=True)}),
    Case("pdist.p3", F + "pdist(a, 3.0)", {"a": T((5, 2), "float64", grad=True)}),
    Case("pdist.p0", F + "pdist(a, 0)", {"a": T((3, 2), grad=True)}),
    Case("pdist.inf", F + "pdist(a, float('inf'))", {"a": T((4, 3), grad=True)}),
    Case("pdist.t", "torch.pdist(a)", {"a": T((4, 3), grad=True, layout="t")}),
    Case("pdist.one_row", F + "pdist(a)", {"a": T((1, 3), grad=True)}),
    Case(
        "pdist.repeated_rows",
        F + "pdist(a)",
        {"a": T((3, 2), values=[[1.0, 2.0], [1.0, 2.0], [0.0, 1.0]], grad=True)},
    ),
    Case("pdist.vector", F + "pdist(a)", {"a": T((3,))}),
    Case("pdist.int", F + "pdist(a)", {"a": T((3, 2), "int64")}),
    Case("pdist.negative_p", F + "pdist(a, -1)", {"a": T((3, 2))}),
    Case("pdist.half", F + "pdist(a)", {"a": T((3, 2), "float16")}),
]
