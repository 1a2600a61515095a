"""Cases for mse/l1/smooth_l1/huber, nll_loss, cross_entropy, binary_cross_entropy, kl_div."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."
REDUCTIONS = ("none", "mean", "sum")


def _long(shape, high, low=0):
    return T(shape, "int64", low=low, high=high)


CASES = []

# ---------------------------------------------------------------- regression losses
for name, extra in (
    ("mse_loss", ""),
    ("l1_loss", ""),
    ("smooth_l1_loss", ", beta=0.5"),
    ("huber_loss", ", delta=0.7"),
):
    fn = F + name
    for r in REDUCTIONS:
        CASES.append(
            Case(
                f"{name}.{r}",
                f"{fn}(a, b, reduction='{r}'{extra})",
                {"a": T((3, 4), grad=True), "b": T((3, 4), grad=True)},
            )
        )
    CASES += [
        Case(f"{name}.default", f"{fn}(a, b)", {"a": T((5,), grad=True), "b": T((5,))}),
        Case(
            f"{name}.double_t",
            f"{fn}(a, b{extra})",
            {"a": T((3, 4), "float64", grad=True, layout="t"), "b": T((3, 4), "float64")},
        ),
        Case(
            f"{name}.step_expand",
            f"{fn}(a, b, reduction='none'{extra})",
            {"a": T((3, 4), grad=True, layout="step"), "b": T((3, 4), layout="expand")},
        ),
        Case(f"{name}.zero_dim", f"{fn}(a, b{extra})", {"a": T((), grad=True), "b": T(())}),
        Case(f"{name}.empty_mean", f"{fn}(a, b)", {"a": T((0, 3), grad=True), "b": T((0, 3))}),
        Case(
            f"{name}.empty_none",
            f"{fn}(a, b, reduction='none')",
            {"a": T((0, 3), grad=True), "b": T((0, 3))},
        ),
        Case(
            f"{name}.half", f"{fn}(a, b{extra})", {"a": T((4,), "float16"), "b": T((4,), "float16")}
        ),
        Case(
            f"{name}.bfloat16",
            f"{fn}(a, b, reduction='sum'{extra})",
            {"a": T((4,), "bfloat16"), "b": T((4,), "bfloat16")},
        ),
        Case(
            f"{name}.mixed",
            f"{fn}(a, b{extra})",
            {"a": T((4,), grad=name != "huber_loss"), "b": T((4,), "float64")},
        ),
        Case(f"{name}.int", f"{fn}(a, b{extra})", {"a": T((4,), "int64"), "b": T((4,), "int64")}),
        Case(f"{name}.int_float", f"{fn}(a, b{extra})", {"a": T((4,), "int64"), "b": T((4,))}),
        Case(
            f"{name}.broadcast",
            f"{fn}(a, b{extra})",
            {"a": T((3, 4), grad=True), "b": T((4,), grad=True)},
        ),
        Case(
            f"{name}.bad_reduction",
            f"{fn}(a, b, reduction='avg'{extra})",
            {"a": T((3,)), "b": T((3,))},
        ),
        Case(f"{name}.bad_shape", f"{fn}(a, b{extra})", {"a": T((3,)), "b": T((2,))}),
    ]
    if name != "huber_loss":
        CASES += [
            Case(
                f"{name}.legacy_reduce",
                f"{fn}(a, b, reduce=False)",
                {"a": T((3,), grad=True), "b": T((3,))},
            ),
            Case(
                f"{name}.legacy_size_average",
                f"{fn}(a, b, size_average=False)",
                {"a": T((3,), grad=True), "b": T((3,))},
            ),
        ]
    for r in REDUCTIONS:
        CASES.append(
            Case(
                f"{name}.weight_{r}",
                f"{fn}(a, b, reduction='{r}'{extra}, weight=w)",
                {
                    "a": T((2, 3), grad=True),
                    "b": T((2, 3)),
                    "w": T((2, 3), positive=True, grad=True),
                },
            )
        )
    CASES += [
        Case(
            f"{name}.weight_bad",
            f"{fn}(a, b, weight=w)",
            {"a": T((2, 3)), "b": T((2, 3)), "w": T((3,))},
        ),
        Case(
            f"{name}.weight_bad_reduction",
            f"{fn}(a, b, weight=w, reduction='avg')",
            {"a": T((2, 3)), "b": T((2, 3)), "w": T((2, 3))},
        ),
    ]
CASES += [
    Case(
        "smooth_l1_loss.beta0",
        F + "smooth_l1_loss(a, b, beta=0.0)",
        {"a": T((4,), grad=True), "b": T((4,))},
    ),
    Case(
        "smooth_l1_loss.beta_negative",
        F + "smooth_l1_loss(a, b, beta=-1.0)",
        {"a": T((4,)), "b": T((4,))},
    ),
    Case("huber_loss.delta_zero", F + "huber_loss(a, b, delta=0.0)", {"a": T((4,)), "b": T((4,))}),
    Case(
        "huber_loss.big_delta",
        F + "huber_loss(a, b, delta=5.0)",
        {"a": T((4,), grad=True), "b": T((4,))},
    ),
]

# ---------------------------------------------------------------- nll_loss
NLL = F + "nll_loss"
for r in REDUCTIONS:
    CASES += [
        Case(
            f"nll_loss.{r}",
            f"{NLL}(a, t, reduction='{r}')",
            {"a": T((4, 5), grad=True), "t": _long((4,), 5)},
        ),
        Case(
            f"nll_loss.weight_{r}",
            f"{NLL}(a, t, weight=w, reduction='{r}')",
            {"a": T((4, 5), grad=True), "t": _long((4,), 5), "w": T((5,), positive=True)},
        ),
        Case(
            f"nll_loss.ignore_{r}",
            f"{NLL}(a, t, ignore_index=1, reduction='{r}')",
            {"a": T((6, 3), grad=True), "t": T((6,), "int64", values=[0, 1, 2, 1, 1, 0])},
        ),
        Case(
            f"nll_loss.spatial_{r}",
            f"{NLL}(a, t, reduction='{r}')",
            {"a": T((2, 3, 2, 4), grad=True), "t": _long((2, 2, 4), 3)},
        ),
        Case(
            f"nll_loss.3d_{r}",
            f"{NLL}(a, t, reduction='{r}')",
            {"a": T((2, 3, 4), grad=True), "t": _long((2, 4), 3)},
        ),
        Case(
            f"nll_loss.5d_{r}",
            f"{NLL}(a, t, weight=w, reduction='{r}')",
            {
                "a": T((2, 3, 2, 2, 2), "float64", grad=True),
                "t": _long((2, 2, 2, 2), 3),
                "w": T((3,), "float64", positive=True),
            },
        ),
        Case(
            f"nll_loss.unbatched_{r}",
            f"{NLL}(a, t, reduction='{r}')",
            {"a": T((5,), grad=True), "t": 2},
        ),
    ]
CASES += [
    Case("nll_loss.unbatched_tensor", f"{NLL}(a, torch.tensor(3))", {"a": T((5,), grad=True)}),
    Case(
        "nll_loss.t", f"{NLL}(a, t)", {"a": T((4, 3), grad=True, layout="t"), "t": _long((4,), 3)}
    ),
    Case(
        "nll_loss.3d_t",
        f"{NLL}(a, t, reduction='none')",
        {"a": T((2, 4, 3), grad=True, layout="t"), "t": _long((2, 3), 4)},
    ),
    Case(
        "nll_loss.all_ignored",
        f"{NLL}(a, t, ignore_index=0)",
        {"a": T((3, 2), grad=True), "t": _long((3,), 1)},
    ),
    Case(
        "nll_loss.uint8_target",
        f"{NLL}(a, t)",
        {"a": T((3, 4), grad=True), "t": T((3,), "uint8", high=4)},
    ),
    Case("nll_loss.half", f"{NLL}(a, t)", {"a": T((3, 4), "float16"), "t": _long((3,), 4)}),
    Case(
        "nll_loss.bfloat16",
        f"{NLL}(a, t, reduction='sum')",
        {"a": T((3, 4), "bfloat16"), "t": _long((3,), 4)},
    ),
    Case("nll_loss.empty", f"{NLL}(a, t)", {"a": T((0, 4), grad=True), "t": _long((0,), 4)}),
    Case(
        "nll_loss.empty_none",
        f"{NLL}(a, t, reduction='none')",
        {"a": T((0, 4), grad=True), "t": _long((0,), 4)},
    ),
    Case(
        "nll_loss.empty_3d", f"{NLL}(a, t)", {"a": T((0, 4, 2), grad=True), "t": _long((0, 2), 4)}
    ),
    Case(
        "nll_loss.legacy",
        f"{NLL}(a, t, size_average=False)",
        {"a": T((3, 4), grad=True), "t": _long((3,), 4)},
    ),
    Case(
        "nll_loss.out_of_bounds",
        f"{NLL}(a, t)",
        {"a": T((3, 4)), "t": T((3,), "int64", values=[0, 5, 1])},
    ),
    Case(
        "nll_loss.negative",
        f"{NLL}(a, t)",
        {"a": T((3, 4)), "t": T((3,), "int64", values=[0, -1, 1])},
    ),
    Case(
        "nll_loss.oob_spatial",
        f"{NLL}(a, t)",
        {"a": T((1, 2, 1, 2)), "t": T((1, 1, 2), "int64", values=[0, 2])},
    ),
    Case("nll_loss.batch_mismatch", f"{NLL}(a, t)", {"a": T((3, 4)), "t": _long((2,), 4)}),
    Case(
        "nll_loss.int_target",
        f"{NLL}(a, t)",
        {"a": T((3, 4)), "t": T((3,), "int32", low=0, high=4)},
    ),
    Case("nll_loss.float_target", f"{NLL}(a, t)", {"a": T((3, 4)), "t": T((3,))}),
    Case("nll_loss.int_input", f"{NLL}(a, t)", {"a": T((3, 4), "int64"), "t": _long((3,), 4)}),
    Case("nll_loss.zero_dim", f"{NLL}(a, t)", {"a": T(()), "t": _long((), 1)}),
    Case(
        "nll_loss.bad_weight",
        f"{NLL}(a, t, weight=w)",
        {"a": T((3, 4)), "t": _long((3,), 4), "w": T((3,))},
    ),
    Case(
        "nll_loss.weight_dtype",
        f"{NLL}(a, t, weight=w)",
        {"a": T((3, 4), "float64"), "t": _long((3,), 4), "w": T((4,))},
    ),
    Case("nll_loss.multi_target", f"{NLL}(a, t)", {"a": T((3, 4)), "t": _long((3, 2), 4)}),
    Case("nll_loss.spatial_target", f"{NLL}(a, t)", {"a": T((2, 3, 4, 5)), "t": _long((2, 4), 3)}),
    Case("nll_loss.3d_target_size", f"{NLL}(a, t)", {"a": T((2, 3, 4)), "t": _long((2, 5), 3)}),
    Case(
        "nll_loss.bad_reduction",
        f"{NLL}(a, t, reduction='avg')",
        {"a": T((3, 4)), "t": _long((3,), 4)},
    ),
]

# ---------------------------------------------------------------- cross_entropy
CE = F + "cross_entropy"
for r in REDUCTIONS:
    CASES += [
        Case(
            f"cross_entropy.{r}",
            f"{CE}(a, t, reduction='{r}')",
            {"a": T((4, 5), grad=True), "t": _long((4,), 5)},
        ),
        Case(
            f"cross_entropy.weight_{r}",
            f"{CE}(a, t, weight=w, reduction='{r}', ignore_index=2)",
            {"a": T((6, 3), grad=True), "t": _long((6,), 3), "w": T((3,), positive=True)},
        ),
        Case(
            f"cross_entropy.spatial_{r}",
            f"{CE}(a, t, reduction='{r}')",
            {"a": T((2, 3, 4), "float64", grad=True), "t": _long((2, 4), 3)},
        ),
        Case(
            f"cross_entropy.probs_{r}",
            f"{CE}(a, p, reduction='{r}')",
            {"a": T((3, 4), grad=True), "p": T((3, 4), low=0, high=1, grad=True)},
        ),
        Case(
            f"cross_entropy.probs_weight_{r}",
            f"{CE}(a, p, weight=w, reduction='{r}', label_smoothing=0.2)",
            {
                "a": T((2, 3, 2), grad=True),
                "p": T((2, 3, 2), low=0, high=1, grad=True),
                "w": T((3,), positive=True),
            },
        ),
        Case(
            f"cross_entropy.smoothing_{r}",
            f"{CE}(a, t, reduction='{r}', label_smoothing=0.1)",
            {"a": T((5, 4), grad=True), "t": T((5,), "int64", values=[0, 3, -100, 2, 1])},
        ),
        Case(
            f"cross_entropy.smoothing_weight_{r}",
            f"{CE}(a, t, weight=w, reduction='{r}', label_smoothing=0.3, ignore_index=1)",
            {
                "a": T((5, 4), "float64", grad=True),
                "t": T((5,), "int64", values=[0, 3, 1, 2, 1]),
                "w": T((4,), "float64", positive=True),
            },
        ),
    ]
CASES += [
    Case(
        "cross_entropy.default",
        f"{CE}(a, t)",
        {"a": T((3, 5), grad=True, low=-10, high=10), "t": _long((3,), 5)},
    ),
    Case("cross_entropy.unbatched", f"{CE}(a, t)", {"a": T((5,), grad=True), "t": _long((), 5)}),
    Case(
        "cross_entropy.unbatched_probs",
        f"{CE}(a, p)",
        {"a": T((5,), grad=True), "p": T((5,), low=0, high=1)},
    ),
    Case(
        "cross_entropy.unbatched_smooth",
        f"{CE}(a, t, label_smoothing=0.2)",
        {"a": T((5,), grad=True), "t": _long((), 5)},
    ),
    Case(
        "cross_entropy.4d",
        f"{CE}(a, t)",
        {"a": T((2, 3, 2, 2), grad=True), "t": _long((2, 2, 2), 3)},
    ),
    Case(
        "cross_entropy.4d_smooth",
        f"{CE}(a, t, label_smoothing=0.1, reduction='none')",
        {"a": T((2, 3, 2, 2), grad=True), "t": _long((2, 2, 2), 3)},
    ),
    Case(
        "cross_entropy.t",
        f"{CE}(a, t)",
        {"a": T((4, 3), grad=True, layout="t"), "t": _long((4,), 3)},
    ),
    Case("cross_entropy.half", f"{CE}(a, t)", {"a": T((3, 4), "float16"), "t": _long((3,), 4)}),
    Case(
        "cross_entropy.bfloat16", f"{CE}(a, t)", {"a": T((3, 4), "bfloat16"), "t": _long((3,), 4)}
    ),
    Case(
        "cross_entropy.empty",
        f"{CE}(a, t, reduction='sum')",
        {"a": T((0, 4), grad=True), "t": _long((0,), 4)},
    ),
    Case(
        "cross_entropy.legacy",
        f"{CE}(a, t, reduce=False)",
        {"a": T((3, 4), grad=True), "t": _long((3,), 4)},
    ),
    Case(
        "cross_entropy.oob",
        f"{CE}(a, t)",
        {"a": T((3, 4)), "t": T((3,), "int64", values=[0, 1, 5])},
    ),
    Case("cross_entropy.batch_mismatch", f"{CE}(a, t)", {"a": T((3, 4)), "t": _long((2,), 4)}),
    Case("cross_entropy.float_target_shape", f"{CE}(a, t)", {"a": T((3, 4)), "t": T((3,))}),
    Case("cross_entropy.multi_target", f"{CE}(a, t)", {"a": T((3, 4)), "t": T((3, 3))}),
    Case(
        "cross_entropy.probs_ignore",
        f"{CE}(a, p, ignore_index=1)",
        {"a": T((3, 4)), "p": T((3, 4))},
    ),
    Case("cross_entropy.probs_int", f"{CE}(a, p)", {"a": T((3, 4)), "p": _long((3, 4), 2)}),
    Case(
        "cross_entropy.smoothing_big",
        f"{CE}(a, t, label_smoothing=1.5)",
        {"a": T((3, 4)), "t": _long((3,), 4)},
    ),
    Case("cross_entropy.int_input", f"{CE}(a, t)", {"a": T((3, 4), "int64"), "t": _long((3,), 4)}),
    Case("cross_entropy.spatial_size", f"{CE}(a, t)", {"a": T((2, 3, 4)), "t": _long((2, 5), 3)}),
    Case(
        "cross_entropy.weight_dtype",
        f"{CE}(a, t, weight=w)",
        {"a": T((3, 4)), "t": _long((3,), 4), "w": T((4,), "float64")},
    ),
    Case(
        "cross_entropy.probs_bad_weight",
        f"{CE}(a, p, weight=w)",
        {"a": T((3, 4)), "p": T((3, 4)), "w": T((3,))},
    ),
]

# ---------------------------------------------------------------- binary_cross_entropy
BCE = F + "binary_cross_entropy"
for r in REDUCTIONS:
    CASES += [
        Case(
            f"binary_cross_entropy.{r}",
            f"{BCE}(a, b, reduction='{r}')",
            {
                "a": T((3, 4), low=0.05, high=0.95, grad=True),
                "b": T((3, 4), low=0, high=1, grad=True),
            },
        ),
        Case(
            f"binary_cross_entropy.weight_{r}",
            f"{BCE}(a, b, weight=w, reduction='{r}')",
            {
                "a": T((3, 4), "float64", low=0.05, high=0.95, grad=True),
                "b": T((3, 4), "float64", low=0, high=1),
                "w": T((4,), "float64", positive=True),
            },
        ),
    ]
CASES += [
    Case(
        "binary_cross_entropy.edges",
        f"{BCE}(a, b)",
        {"a": T((4,), values=[0.0, 1.0, 0.0, 1.0]), "b": T((4,), values=[0.0, 1.0, 1.0, 0.0])},
    ),
    Case(
        "binary_cross_entropy.zero_dim",
        f"{BCE}(a, b)",
        {"a": T((), low=0.1, high=0.9, grad=True), "b": T((), low=0, high=1)},
    ),
    Case("binary_cross_entropy.empty", f"{BCE}(a, b)", {"a": T((0,), grad=True), "b": T((0,))}),
    Case(
        "binary_cross_entropy.t",
        f"{BCE}(a, b)",
        {"a": T((3, 4), low=0.1, high=0.9, grad=True, layout="t"), "b": T((3, 4), low=0, high=1)},
    ),
    Case(
        "binary_cross_entropy.half",
        f"{BCE}(a, b)",
        {"a": T((4,), "float16", low=0.1, high=0.9), "b": T((4,), "float16", low=0, high=1)},
    ),
    Case(
        "binary_cross_entropy.bfloat16",
        f"{BCE}(a, b)",
        {"a": T((4,), "bfloat16", low=0.1, high=0.9), "b": T((4,), "bfloat16", low=0, high=1)},
    ),
    Case(
        "binary_cross_entropy.legacy",
        f"{BCE}(a, b, size_average=False)",
        {"a": T((3,), low=0.1, high=0.9, grad=True), "b": T((3,), low=0, high=1)},
    ),
    Case(
        "binary_cross_entropy.out_of_range",
        f"{BCE}(a, b)",
        {"a": T((3,), low=-2, high=2), "b": T((3,), low=0, high=1)},
    ),
    Case(
        "binary_cross_entropy.shape",
        f"{BCE}(a, b)",
        {"a": T((3, 4), low=0, high=1), "b": T((4,), low=0, high=1)},
    ),
    Case("binary_cross_entropy.int", f"{BCE}(a, b)", {"a": _long((3,), 2), "b": _long((3,), 2)}),
    Case(
        "binary_cross_entropy.bad_weight",
        f"{BCE}(a, b, weight=w)",
        {"a": T((3, 4), low=0, high=1), "b": T((3, 4), low=0, high=1), "w": T((5,))},
    ),
    Case(
        "binary_cross_entropy.bad_reduction",
        f"{BCE}(a, b, reduction='avg')",
        {"a": T((3,), low=0, high=1), "b": T((3,), low=0, high=1)},
    ),
]

# ---------------------------------------------------------------- kl_div
KL = F + "kl_div"
for r in REDUCTIONS + ("batchmean",):
    CASES += [
        Case(
            f"kl_div.{r}",
            f"{KL}(a, b, reduction='{r}')",
            {"a": T((3, 4), grad=True), "b": T((3, 4), low=0, high=1, grad=True)},
        ),
        Case(
            f"kl_div.log_target_{r}",
            f"{KL}(a, b, reduction='{r}', log_target=True)",
            {"a": T((3, 4), "float64", grad=True), "b": T((3, 4), "float64", grad=True)},
        ),
    ]
CASES += [
    Case(
        "kl_div.zero_target",
        f"{KL}(a, b, reduction='sum')",
        {"a": T((3,), grad=True), "b": T((3,), values=[0.0, 0.5, 0.0], grad=True)},
    ),
    Case(
        "kl_div.zero_dim_batchmean",
        f"{KL}(a, b, reduction='batchmean')",
        {"a": T((), grad=True), "b": T((), low=0, high=1)},
    ),
    Case(
        "kl_div.broadcast",
        f"{KL}(a, b, reduction='none')",
        {"a": T((3, 4), grad=True), "b": T((4,), low=0, high=1)},
    ),
    Case(
        "kl_div.empty",
        f"{KL}(a, b, reduction='batchmean')",
        {"a": T((0, 3), grad=True), "b": T((0, 3))},
    ),
    Case(
        "kl_div.half",
        f"{KL}(a, b, reduction='sum')",
        {"a": T((4,), "float16"), "b": T((4,), "float16", low=0, high=1)},
    ),
    Case(
        "kl_div.bfloat16",
        f"{KL}(a, b, reduction='sum')",
        {"a": T((4,), "bfloat16"), "b": T((4,), "bfloat16", low=0, high=1)},
    ),
    Case(
        "kl_div.mixed",
        f"{KL}(a, b)",
        {"a": T((4,), grad=True), "b": T((4,), "float64", low=0, high=1)},
    ),
    Case(
        "kl_div.legacy",
        f"{KL}(a, b, reduce=False)",
        {"a": T((4,), grad=True), "b": T((4,), low=0, high=1)},
    ),
    Case("kl_div.int", f"{KL}(a, b)", {"a": _long((3,), 3), "b": _long((3,), 3)}),
    Case("kl_div.bad_reduction", f"{KL}(a, b, reduction='avg')", {"a": T((3,)), "b": T((3,))}),
]
