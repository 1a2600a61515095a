"""Cases for ctc_loss (nn_ctc.py)."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."
CTC = F + "ctc_loss"


def _targets(values):
    return T((len(values), len(values[0])), "int64", values=values)


PADDED = _targets([[1, 2, 2], [3, 1, 0], [4, 4, 4]])
CASES = []
for r in ("none", "mean", "sum"):
    CASES += [
        Case(
            f"ctc_loss.{r}",
            f"{CTC}(x.log_softmax(2), t, (8, 6, 7), (3, 2, 3), reduction='{r}')",
            {"x": T((8, 3, 5), grad=True), "t": PADDED},
        ),
        Case(
            f"ctc_loss.leaf_{r}",
            f"{CTC}(x, t, (8, 6, 7), (3, 2, 1), reduction='{r}')",
            {"x": T((8, 3, 5), "float64", grad=True, low=-3, high=-0.1), "t": PADDED},
        ),
        Case(
            f"ctc_loss.concatenated_{r}",
            f"{CTC}(x.log_softmax(2), t, il, tl, reduction='{r}')",
            {
                "x": T((7, 2, 4), grad=True),
                "t": T((5,), "int64", values=[1, 1, 2, 3, 1]),
                "il": T((2,), "int64", values=[7, 5]),
                "tl": T((2,), "int64", values=[3, 2]),
            },
        ),
        Case(
            f"ctc_loss.infeasible_{r}",
            f"{CTC}(x.log_softmax(2), t, (2, 6, 7), (3, 2, 3), reduction='{r}')",
            {"x": T((8, 3, 5), grad=True), "t": PADDED},
        ),
        Case(
            f"ctc_loss.zero_infinity_{r}",
            f"{CTC}(x.log_softmax(2), t, (2, 6, 7), (3, 2, 3), reduction='{r}', zero_infinity=True)",
            {"x": T((8, 3, 5), grad=True), "t": PADDED},
        ),
    ]
CASES += [
    Case(
        "ctc_loss.blank_last",
        f"{CTC}(x.log_softmax(2), t, (6, 6), (2, 1), blank=4)",
        {"x": T((6, 2, 5), "float64", grad=True), "t": _targets([[0, 3], [2, 2]])},
    ),
    Case(
        "ctc_loss.empty_target",
        f"{CTC}(x.log_softmax(2), t, (5, 4), (0, 2), reduction='none')",
        {"x": T((5, 2, 3), grad=True), "t": _targets([[1, 2], [2, 1]])},
    ),
    Case(
        "ctc_loss.unbatched",
        f"{CTC}(x.log_softmax(1), t, (6,), (3,))",
        {"x": T((6, 4), grad=True), "t": T((3,), "int64", values=[1, 3, 3])},
    ),
    Case(
        "ctc_loss.unbatched_none",
        f"{CTC}(x.log_softmax(1), t, (6,), (2,), reduction='none')",
        {"x": T((6, 4), grad=True), "t": T((2,), "int64", values=[1, 3])},
    ),
    Case(
        "ctc_loss.tensor_lengths",
        f"{CTC}(x.log_softmax(2), t, torch.tensor([8, 6, 7]), torch.tensor([3, 2, 3]))",
        {"x": T((8, 3, 5), grad=True), "t": PADDED},
    ),
    Case(
        "ctc_loss.int_targets",
        f"{CTC}(x.log_softmax(2), t, (8, 6, 7), (3, 2, 3))",
        {
            "x": T((8, 3, 5), grad=True),
            "t": T((3, 3), "int32", values=[[1, 2, 2], [3, 1, 0], [4, 4, 4]]),
        },
    ),
    Case(
        "ctc_loss.long_input",
        f"{CTC}(x.log_softmax(2), t, (40, 33), (4, 5))",
        {
            "x": T((40, 2, 6), "float64", grad=True),
            "t": _targets([[1, 2, 3, 3, 0], [5, 4, 5, 4, 5]]),
        },
    ),
    Case(
        "ctc_loss.too_long_input",
        f"{CTC}(x, t, (9, 6, 7), (3, 2, 3))",
        {"x": T((8, 3, 5)), "t": PADDED},
    ),
    Case(
        "ctc_loss.too_long_target",
        f"{CTC}(x, t, (8, 6, 7), (4, 2, 3))",
        {"x": T((8, 3, 5)), "t": PADDED},
    ),
    Case(
        "ctc_loss.batch_lengths",
        f"{CTC}(x, t, (8, 6), (3, 2, 3))",
        {"x": T((8, 3, 5)), "t": PADDED},
    ),
    Case(
        "ctc_loss.bad_blank",
        f"{CTC}(x, t, (8, 6, 7), (3, 2, 3), blank=5)",
        {"x": T((8, 3, 5)), "t": PADDED},
    ),
    Case(
        "ctc_loss.half",
        f"{CTC}(x, t, (8, 6, 7), (3, 2, 3))",
        {"x": T((8, 3, 5), "float16"), "t": PADDED},
    ),
    Case(
        "ctc_loss.bad_reduction",
        f"{CTC}(x, t, (8, 6, 7), (3, 2, 3), reduction='avg')",
        {"x": T((8, 3, 5)), "t": PADDED},
    ),
    Case(
        "ctc_loss.function",
        "torch.ctc_loss(x.log_softmax(2), t, (8, 6, 7), (3, 2, 3), 0, 2)",
        {"x": T((8, 3, 5), grad=True), "t": PADDED},
    ),
]
