"""Cases for the margin, embedding and likelihood losses (nn_loss_more.py)."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."
REDUCTIONS = ("none", "mean", "sum")


def _sign(shape, values=None):
    """A target of +1/-1."""
    n = 1
    for s in shape:
        n *= s
    vals = values or [1.0 if i % 3 else -1.0 for i in range(n)]
    return T(shape, values=vals)


CASES = []
for r in REDUCTIONS:
    CASES += [
        Case(
            f"margin_ranking_loss.{r}",
            F + f"margin_ranking_loss(a, b, y, margin=0.3, reduction='{r}')",
            {"a": T((5,), grad=True), "b": T((5,), grad=True), "y": _sign((5,))},
        ),
        Case(
            f"hinge_embedding_loss.{r}",
            F + f"hinge_embedding_loss(a, y, margin=1.5, reduction='{r}')",
            {"a": T((2, 3), grad=True), "y": _sign((2, 3))},
        ),
        Case(
            f"cosine_embedding_loss.{r}",
            F + f"cosine_embedding_loss(a, b, y, margin=0.2, reduction='{r}')",
            {"a": T((4, 3), grad=True), "b": T((4, 3), grad=True), "y": _sign((4,))},
        ),
        Case(
            f"triplet_margin_loss.{r}",
            F + f"triplet_margin_loss(a, p, n, reduction='{r}')",
            {"a": T((4, 3), grad=True), "p": T((4, 3), grad=True), "n": T((4, 3), grad=True)},
        ),
        Case(
            f"soft_margin_loss.{r}",
            F + f"soft_margin_loss(a, y, reduction='{r}')",
            {"a": T((2, 3), grad=True), "y": _sign((2, 3))},
        ),
        Case(
            f"multilabel_soft_margin_loss.{r}",
            F + f"multilabel_soft_margin_loss(a, y, weight=w, reduction='{r}')",
            {"a": T((3, 4), grad=True), "y": T((3, 4), low=0, high=1), "w": T((4,), positive=True)},
        ),
        Case(
            f"multi_margin_loss.{r}",
            F + f"multi_margin_loss(a, t, reduction='{r}')",
            {"a": T((4, 5), grad=True), "t": T((4,), "int64", low=0, high=5)},
        ),
        Case(
            f"multi_margin_loss.p2_weight_{r}",
            F + f"multi_margin_loss(a, t, p=2, margin=0.5, weight=w, reduction='{r}')",
            {
                "a": T((4, 5), "float64", grad=True),
                "t": T((4,), "int64", low=0, high=5),
                "w": T((5,), "float64", positive=True),
            },
        ),
        Case(
            f"poisson_nll_loss.{r}",
            F + f"poisson_nll_loss(a, b, reduction='{r}')",
            {"a": T((2, 3), grad=True), "b": T((2, 3), low=0, high=4, grad=True)},
        ),
        Case(
            f"poisson_nll_loss.full_{r}",
            F + f"poisson_nll_loss(a, b, log_input=False, full=True, reduction='{r}')",
            {"a": T((2, 3), positive=True, grad=True), "b": T((2, 3), low=0, high=4)},
        ),
        Case(
            f"gaussian_nll_loss.{r}",
            F + f"gaussian_nll_loss(a, b, v, reduction='{r}')",
            {
                "a": T((3, 2), grad=True),
                "b": T((3, 2), grad=True),
                "v": T((3, 2), positive=True, grad=True),
            },
        ),
    ]
CASES += [
    Case(
        "margin_ranking_loss.dims",
        F + "margin_ranking_loss(a, b, y)",
        {"a": T((3,)), "b": T((3,)), "y": T((1, 3))},
    ),
    Case(
        "margin_ranking_loss.zero_dim",
        F + "margin_ranking_loss(a, b, y)",
        {"a": T((), grad=True), "b": T(()), "y": T((), values=1.0)},
    ),
    Case(
        "margin_ranking_loss.legacy",
        F + "margin_ranking_loss(a, b, y, reduce=False)",
        {"a": T((3,), grad=True), "b": T((3,)), "y": _sign((3,))},
    ),
    Case(
        "margin_ranking_loss.bad_reduction",
        F + "margin_ranking_loss(a, b, y, reduction='x')",
        {"a": T((3,)), "b": T((3,)), "y": _sign((3,))},
    ),
    Case(
        "hinge_embedding_loss.default",
        F + "hinge_embedding_loss(a, y)",
        {"a": T((5,), "float64", grad=True), "y": _sign((5,))},
    ),
    Case(
        "hinge_embedding_loss.empty",
        F + "hinge_embedding_loss(a, y)",
        {"a": T((0,), grad=True), "y": T((0,))},
    ),
    Case(
        "cosine_embedding_loss.unbatched",
        F + "cosine_embedding_loss(a, b, y)",
        {"a": T((3,), grad=True), "b": T((3,), grad=True), "y": T((), values=-1.0)},
    ),
    Case(
        "cosine_embedding_loss.int_target",
        F + "cosine_embedding_loss(a, b, y)",
        {"a": T((2, 3), grad=True), "b": T((2, 3)), "y": T((2,), "int64", values=[1, -1])},
    ),
    Case(
        "cosine_embedding_loss.bad_target",
        F + "cosine_embedding_loss(a, b, y)",
        {"a": T((2, 3)), "b": T((2, 3)), "y": T((2, 1))},
    ),
    Case(
        "cosine_embedding_loss.bad_inputs",
        F + "cosine_embedding_loss(a, b, y)",
        {"a": T((3,)), "b": T((3,)), "y": T((2,))},
    ),
    Case(
        "cosine_embedding_loss.bad_inputs0",
        F + "cosine_embedding_loss(a, b, y)",
        {"a": T((2, 3)), "b": T((2, 3)), "y": T(())},
    ),
    Case(
        "triplet_margin_loss.swap_p1",
        F + "triplet_margin_loss(a, p, n, margin=0.5, p=1, swap=True)",
        {
            "a": T((4, 3), "float64", grad=True),
            "p": T((4, 3), "float64", grad=True),
            "n": T((4, 3), "float64", grad=True),
        },
    ),
    Case(
        "triplet_margin_loss.unbatched",
        F + "triplet_margin_loss(a, p, n)",
        {"a": T((3,), grad=True), "p": T((3,), grad=True), "n": T((3,))},
    ),
    Case(
        "triplet_margin_loss.dims",
        F + "triplet_margin_loss(a, p, n)",
        {"a": T((2, 3)), "p": T((3,)), "n": T((2, 3))},
    ),
    Case(
        "triplet_margin_loss.function",
        "torch.triplet_margin_loss(a, p, n, 1.0, 2.0, 1e-6, False, 1)",
        {"a": T((2, 3), grad=True), "p": T((2, 3)), "n": T((2, 3))},
    ),
    Case(
        "soft_margin_loss.large",
        F + "soft_margin_loss(a, y)",
        {
            "a": T((4,), grad=True, values=[-100.0, 100.0, 50.0, -3.0]),
            "y": _sign((4,), [1.0, 1.0, -1.0, -1.0]),
        },
    ),
    Case(
        "soft_margin_loss.t",
        F + "soft_margin_loss(a, y)",
        {"a": T((3, 2), "float64", grad=True, layout="t"), "y": _sign((3, 2))},
    ),
    Case(
        "soft_margin_loss.half",
        F + "soft_margin_loss(a, y)",
        {"a": T((4,), "float16"), "y": T((4,), "float16", values=[1.0, -1.0, 1.0, -1.0])},
    ),
    Case(
        "multilabel_soft_margin_loss.default",
        F + "multilabel_soft_margin_loss(a, y)",
        {"a": T((3, 4), grad=True), "y": T((3, 4), low=0, high=1)},
    ),
    Case(
        "multilabel_soft_margin_loss.bad_reduction",
        F + "multilabel_soft_margin_loss(a, y, reduction='x')",
        {"a": T((3, 4)), "y": T((3, 4))},
    ),
    Case(
        "multi_margin_loss.unbatched",
        F + "multi_margin_loss(a, t)",
        {"a": T((5,), grad=True), "t": T((), "int64", values=2)},
    ),
    Case(
        "multi_margin_loss.unbatched_none",
        F + "multi_margin_loss(a, t, reduction='none')",
        {"a": T((5,), grad=True), "t": T((1,), "int64", values=[2])},
    ),
    Case(
        "multi_margin_loss.bad_p",
        F + "multi_margin_loss(a, t, p=3)",
        {"a": T((2, 3)), "t": T((2,), "int64", low=0, high=3)},
    ),
    Case(
        "multi_margin_loss.bad_weight",
        F + "multi_margin_loss(a, t, weight=w)",
        {"a": T((2, 3)), "t": T((2,), "int64", low=0, high=3), "w": T((1, 3))},
    ),
    Case(
        "multi_margin_loss.bad_target",
        F + "multi_margin_loss(a, t)",
        {"a": T((2, 3)), "t": T((3,), "int64", low=0, high=3)},
    ),
    Case(
        "multi_margin_loss.oob",
        F + "multi_margin_loss(a, t)",
        {"a": T((2, 3)), "t": T((2,), "int64", values=[0, 3])},
    ),
    Case(
        "poisson_nll_loss.function",
        "torch.poisson_nll_loss(a, b, True, False, 1e-8, 2)",
        {"a": T((3,), grad=True), "b": T((3,), low=0, high=3)},
    ),
    Case(
        "poisson_nll_loss.bad_reduction",
        F + "poisson_nll_loss(a, b, reduction='x')",
        {"a": T((3,)), "b": T((3,))},
    ),
    Case(
        "poisson_nll_loss.legacy",
        F + "poisson_nll_loss(a, b, size_average=False)",
        {"a": T((3,), grad=True), "b": T((3,), low=0, high=3)},
    ),
    Case(
        "gaussian_nll_loss.full_float_var",
        F + "gaussian_nll_loss(a, b, 0.5, full=True)",
        {"a": T((3, 2), grad=True), "b": T((3, 2))},
    ),
    Case(
        "gaussian_nll_loss.homoscedastic",
        F + "gaussian_nll_loss(a, b, v)",
        {"a": T((3, 2), grad=True), "b": T((3, 2)), "v": T((3,), positive=True, grad=True)},
    ),
    Case(
        "gaussian_nll_loss.broadcast_var",
        F + "gaussian_nll_loss(a, b, v, reduction='none')",
        {"a": T((3, 2), grad=True), "b": T((3, 2)), "v": T((3, 1), positive=True, grad=True)},
    ),
    Case(
        "gaussian_nll_loss.small_var",
        F + "gaussian_nll_loss(a, b, v, eps=0.1)",
        {"a": T((3,), grad=True), "b": T((3,)), "v": T((3,), values=[0.0, 0.05, 2.0], grad=True)},
    ),
    Case(
        "gaussian_nll_loss.negative_var",
        F + "gaussian_nll_loss(a, b, v)",
        {"a": T((3,)), "b": T((3,)), "v": T((3,), values=[-1.0, 1.0, 1.0])},
    ),
    Case(
        "gaussian_nll_loss.negative_float",
        F + "gaussian_nll_loss(a, b, -1.0)",
        {"a": T((3,)), "b": T((3,))},
    ),
    Case(
        "gaussian_nll_loss.bad_size",
        F + "gaussian_nll_loss(a, b, v)",
        {"a": T((3, 2)), "b": T((3, 2)), "v": T((2,), positive=True)},
    ),
    Case(
        "gaussian_nll_loss.bad_reduction",
        F + "gaussian_nll_loss(a, b, v, reduction='x')",
        {"a": T((3,)), "b": T((3,)), "v": T((3,), positive=True)},
    ),
]
