"""Cases for torch.embedding, F.embedding and F.embedding_bag (nn_embedding.py)."""

from tests.ops.spec import Case, T

F = "torch.nn.functional."
W = T((6, 4), grad=True)
IDX = T((2, 3), "int64", values=[0, 2, 5, 2, 2, 1])
FLAT = T((7,), "int64", values=[0, 2, 5, 2, 2, 1, 3])
OFFS = T((3,), "int64", values=[0, 2, 2])

CASES = [
    Case("embedding.basic", F + "embedding(i, w)", {"i": IDX, "w": W}),
    Case(
        "embedding.float64", F + "embedding(i, w)", {"i": IDX, "w": T((6, 4), "float64", grad=True)}
    ),
    Case("embedding.half", F + "embedding(i, w)", {"i": IDX, "w": T((6, 4), "float16", grad=True)}),
    Case(
        "embedding.bfloat16",
        F + "embedding(i, w)",
        {"i": IDX, "w": T((6, 4), "bfloat16", grad=True)},
    ),
    Case("embedding.int_weight", F + "embedding(i, w)", {"i": IDX, "w": T((6, 4), "int64")}),
    Case(
        "embedding.int32_index",
        F + "embedding(i, w)",
        {"i": T((3,), "int32", values=[1, 0, 5]), "w": W},
    ),
    Case("embedding.zero_dim", F + "embedding(i, w)", {"i": T((), "int64", values=[3]), "w": W}),
    Case("embedding.empty", F + "embedding(i, w)", {"i": T((0, 2), "int64"), "w": W}),
    Case(
        "embedding.weight_t",
        F + "embedding(i, w)",
        {"i": IDX, "w": T((4, 6), grad=True, layout="t")},
    ),
    Case(
        "embedding.index_step",
        F + "embedding(i, w)",
        {"i": T((2, 6), "int64", low=0, high=6, layout="step"), "w": W},
    ),
    Case("embedding.padding_idx", F + "embedding(i, w, padding_idx=2)", {"i": IDX, "w": W}),
    Case("embedding.padding_idx_neg", F + "embedding(i, w, padding_idx=-1)", {"i": IDX, "w": W}),
    Case(
        "embedding.scale_grad_by_freq",
        F + "embedding(i, w, scale_grad_by_freq=True)",
        {"i": IDX, "w": W},
    ),
    Case(
        "embedding.scale_and_padding",
        F + "embedding(i, w, padding_idx=0, scale_grad_by_freq=True)",
        {"i": IDX, "w": W},
    ),
    Case(
        "embedding.max_norm",
        F + "embedding(i, w.detach().clone(), max_norm=1.0)",
        {"i": IDX, "w": W},
    ),
    Case(
        "embedding.max_norm_p1",
        "(lambda v: ("
        + F
        + "embedding(i, v, max_norm=0.5, norm_type=1.0), v))(w.detach().clone())",
        {"i": IDX, "w": T((6, 4), "float64")},
    ),
    Case("embedding.function", "torch.embedding(w, i)", {"i": IDX, "w": W}),
    Case("embedding.function_padding", "torch.embedding(w, i, 2, True)", {"i": IDX, "w": W}),
    Case(
        "embedding.out_of_range",
        F + "embedding(i, w)",
        {"i": T((2,), "int64", values=[1, 6]), "w": W},
    ),
    Case(
        "embedding.negative_index",
        F + "embedding(i, w)",
        {"i": T((2,), "int64", values=[1, -1]), "w": W},
    ),
    Case("embedding.float_index", F + "embedding(i, w)", {"i": T((2,), "float32"), "w": W}),
    Case("embedding.weight_1d", F + "embedding(i, w)", {"i": IDX, "w": T((6,))}),
    Case("embedding.bad_padding", F + "embedding(i, w, padding_idx=6)", {"i": IDX, "w": W}),
    Case("embedding.bad_padding_neg", F + "embedding(i, w, padding_idx=-7)", {"i": IDX, "w": W}),
    # embedding_bag
    Case(
        "embedding_bag.mean_offsets", F + "embedding_bag(i, w, o)", {"i": FLAT, "w": W, "o": OFFS}
    ),
    Case(
        "embedding_bag.sum_offsets",
        F + "embedding_bag(i, w, o, mode='sum')",
        {"i": FLAT, "w": W, "o": OFFS},
    ),
    Case(
        "embedding_bag.max_offsets",
        F + "embedding_bag(i, w, o, mode='max')",
        {"i": FLAT, "w": W, "o": OFFS},
    ),
    Case("embedding_bag.mean_2d", F + "embedding_bag(i, w)", {"i": IDX, "w": W}),
    Case("embedding_bag.sum_2d", F + "embedding_bag(i, w, mode='sum')", {"i": IDX, "w": W}),
    Case("embedding_bag.max_2d", F + "embedding_bag(i, w, mode='max')", {"i": IDX, "w": W}),
    Case(
        "embedding_bag.float64",
        F + "embedding_bag(i, w, mode='sum')",
        {"i": IDX, "w": T((6, 4), "float64", grad=True)},
    ),
    Case(
        "embedding_bag.include_last_offset",
        F + "embedding_bag(i, w, o, include_last_offset=True)",
        {"i": FLAT, "w": W, "o": T((4,), "int64", values=[0, 2, 2, 7])},
    ),
    Case(
        # indices past the last offset belong to no bag; torch's backward reads uninitialised
        # memory for them (its weight gradient is garbage there), so only the forward is compared
        "embedding_bag.include_last_offset_sum_short",
        F + "embedding_bag(i, w, o, mode='sum', include_last_offset=True)",
        {"i": FLAT, "w": T((6, 4)), "o": T((4,), "int64", values=[0, 2, 2, 5])},
    ),
    Case(
        "embedding_bag.include_last_offset_max",
        F + "embedding_bag(i, w, o, mode='max', include_last_offset=True)",
        {"i": FLAT, "w": W, "o": T((4,), "int64", values=[0, 2, 2, 7])},
    ),
    Case(
        "embedding_bag.per_sample_weights",
        F + "embedding_bag(i, w, o, mode='sum', per_sample_weights=p)",
        {"i": FLAT, "w": W, "o": OFFS, "p": T((7,), grad=True)},
    ),
    Case(
        "embedding_bag.per_sample_weights_2d",
        F + "embedding_bag(i, w, mode='sum', per_sample_weights=p)",
        {"i": IDX, "w": W, "p": T((2, 3), grad=True)},
    ),
    Case(
        "embedding_bag.padding_idx_mean",
        F + "embedding_bag(i, w, o, padding_idx=2)",
        {"i": FLAT, "w": W, "o": OFFS},
    ),
    Case(
        "embedding_bag.padding_idx_max",
        F + "embedding_bag(i, w, o, mode='max', padding_idx=2)",
        {"i": FLAT, "w": W, "o": OFFS},
    ),
    Case(
        "embedding_bag.padding_idx_sum",
        F + "embedding_bag(i, w, o, mode='sum', padding_idx=-1)",
        {"i": FLAT, "w": W, "o": OFFS},
    ),
    Case(
        "embedding_bag.int32",
        F + "embedding_bag(i, w, o)",
        {
            "i": T((7,), "int32", values=[0, 2, 5, 2, 2, 1, 3]),
            "w": W,
            "o": T((3,), "int32", values=[0, 2, 2]),
        },
    ),
    Case("embedding_bag.no_offsets", F + "embedding_bag(i, w)", {"i": FLAT, "w": W}),
    Case(
        "embedding_bag.offsets_with_2d", F + "embedding_bag(i, w, o)", {"i": IDX, "w": W, "o": OFFS}
    ),
    Case(
        "embedding_bag.bad_mode",
        F + "embedding_bag(i, w, o, mode='min')",
        {"i": FLAT, "w": W, "o": OFFS},
    ),
    Case(
        "embedding_bag.psw_with_mean",
        F + "embedding_bag(i, w, o, per_sample_weights=p)",
        {"i": FLAT, "w": W, "o": OFFS, "p": T((7,))},
    ),
    Case(
        "embedding_bag.out_of_range",
        F + "embedding_bag(i, w, o)",
        {"i": T((2,), "int64", values=[0, 9]), "w": W, "o": T((1,), "int64", values=[0])},
    ),
]
