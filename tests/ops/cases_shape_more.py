"""More shape-op cases: tril/triu, diagonals, as_strided, the functional scatters (and
create_graph through the views whose backward uses them), atleast_nd and the NumPy-style stacks
and splits, and the T/mT/H/mH transposes."""

from tests.ops.cases_shape import ALL
from tests.ops.spec import Case, T

G = {"grad": True}

GRAD_OF_GRAD = """
y = ({view} ** 2 * w).sum()
(g,) = torch.autograd.grad(y, a, create_graph=True)
out = g
"""

CASES = [
    # ------------------------------------------------------------ tril / triu
    *[Case(f"tril.{d}", "a.tril()", {"a": T((3, 4), d)}) for d in ALL],
    *[Case(f"triu.{d}", "torch.triu(a, 1)", {"a": T((4, 3), d)}) for d in ALL],
    Case("tril.grad", "a.tril(-1)", {"a": T((3, 4), **G)}),
    Case("tril.batch", "torch.tril(a, diagonal=1)", {"a": T((2, 3, 4), layout="t", **G)}),
    Case("tril.far", "a.tril(-5)", {"a": T((3, 4), **G)}),
    Case("tril.empty", "a.tril()", {"a": T((0, 3), **G)}),
    Case("tril.1d_error", "a.tril()", {"a": T((3,))}),
    Case("tril.0d_error", "torch.tril(a)", {"a": T(())}),
    Case("tril.inplace", "a.clone().tril_(1)", {"a": T((3, 3), **G)}),
    Case("tril.inplace_view", "b = a.clone()\nb[1:].tril_()\nout = b", {"a": T((3, 3), **G)}),
    Case("tril.inplace_1d_error", "a.tril_()", {"a": T((3,))}),
    Case("tril.inplace_leaf_error", "a.tril_()", {"a": T((3, 3), **G)}),
    Case("tril.out", "torch.tril(a, out=o)", {"a": T((3, 4), layout="step"), "o": T((3, 4))}),
    Case("triu.grad", "a.triu()", {"a": T((2, 4, 3), layout="expand", **G)}),
    Case("triu.far", "a.triu(7)", {"a": T((3, 4), **G)}),
    Case("triu.neg", "torch.triu(a, -1)", {"a": T((4, 4), "int64")}),
    Case("triu.inplace", "a.clone().triu_(-1)", {"a": T((3, 4), **G)}),
    Case("triu.out", "torch.triu(a, 2, out=o)", {"a": T((3, 4)), "o": T((3, 4))}),
    Case("triu.1d_error", "a.triu()", {"a": T((3,))}),
    # ------------------------------------------------------------ diagonal / diag / diag_embed
    *[Case(f"diagonal.{d}", "a.diagonal()", {"a": T((3, 4), d)}) for d in ALL],
    Case("diagonal.offset", "a.diagonal(1)", {"a": T((3, 4), **G)}),
    Case("diagonal.neg_offset", "torch.diagonal(a, -1)", {"a": T((3, 4), layout="t", **G)}),
    Case("diagonal.dims", "a.diagonal(1, 0, 2)", {"a": T((2, 3, 4), **G)}),
    Case("diagonal.neg_dims", "a.diagonal(-1, -1, -2)", {"a": T((2, 3, 4), **G)}),
    Case("diagonal.kw", "torch.diagonal(a, offset=1, dim1=2, dim2=0)", {"a": T((2, 3, 4), **G)}),
    Case("diagonal.big_offset", "a.diagonal(10)", {"a": T((3, 4), **G)}),
    Case("diagonal.big_neg", "a.diagonal(-10)", {"a": T((3, 4), **G)}),
    Case("diagonal.step", "a.diagonal()", {"a": T((3, 3), layout="step", **G)}),
    Case("diagonal.expand", "a.diagonal(0, 1, 2)", {"a": T((2, 3, 3), layout="expand", **G)}),
    Case("diagonal.empty", "a.diagonal()", {"a": T((0, 3), **G)}),
    Case("diagonal.same_error", "a.diagonal(0, 1, 1)", {"a": T((2, 3, 4))}),
    Case("diagonal.same_neg_error", "a.diagonal(0, -1, 2)", {"a": T((2, 3, 4))}),
    Case("diagonal.1d_error", "a.diagonal()", {"a": T((3,))}),
    Case("diagonal.dim_error", "a.diagonal(0, 0, 2)", {"a": T((3, 4))}),
    Case("diagonal.write", "b = a.clone()\nb.diagonal().mul_(2)\nout = b", {"a": T((3, 3), **G)}),
    Case("diagonal_copy.grad", "torch.diagonal_copy(a, 1)", {"a": T((3, 4), **G)}),
    Case("diagonal_copy.out", "torch.diagonal_copy(a, out=o)", {"a": T((3, 4)), "o": T((3,))}),
    *[Case(f"diag.vec_{d}", "a.diag()", {"a": T((3,), d)}) for d in ALL],
    *[Case(f"diag.mat_{d}", "torch.diag(a)", {"a": T((3, 4), d)}) for d in ALL],
    Case("diag.vec_grad", "a.diag(1)", {"a": T((3,), **G)}),
    Case("diag.vec_neg", "torch.diag(a, diagonal=-2)", {"a": T((3,), layout="step", **G)}),
    Case("diag.mat_grad", "a.diag(1)", {"a": T((3, 4), layout="t", **G)}),
    Case("diag.mat_neg", "torch.diag(a, -1)", {"a": T((3, 4), **G)}),
    Case("diag.mat_big", "a.diag(10)", {"a": T((3, 4), **G)}),
    Case("diag.empty_vec", "a.diag()", {"a": T((0,), **G)}),
    Case("diag.3d_error", "a.diag()", {"a": T((2, 3, 4))}),
    Case("diag.0d_error", "torch.diag(a)", {"a": T(())}),
    Case("diag.out", "torch.diag(a, out=o)", {"a": T((3,)), "o": T((3, 3))}),
    *[Case(f"diag_embed.{d}", "torch.diag_embed(a)", {"a": T((2, 3), d)}) for d in ALL],
    Case("diag_embed.grad", "a.diag_embed()", {"a": T((2, 3), **G)}),
    Case("diag_embed.offset", "torch.diag_embed(a, 2, 0, 1)", {"a": T((3,), **G)}),
    Case("diag_embed.dims", "a.diag_embed(-1, 0, 2)", {"a": T((3, 4), layout="t", **G)}),
    Case("diag_embed.kw", "torch.diag_embed(a, offset=1, dim1=-1, dim2=0)", {"a": T((2, 3), **G)}),
    Case("diag_embed.empty", "a.diag_embed()", {"a": T((2, 0), **G)}),
    Case("diag_embed.0d_error", "a.diag_embed()", {"a": T(())}),
    Case("diag_embed.same_error", "a.diag_embed(0, -1, 1)", {"a": T((3,))}),
    Case("diag_embed.dim_error", "a.diag_embed(0, 0, 3)", {"a": T((3, 4))}),
    Case("diag_embed.out_error", "torch.diag_embed(a, out=o)", {"a": T((3,)), "o": T((3, 3))}),
    # ------------------------------------------------------------ as_strided
    Case("as_strided.basic", "a.as_strided((2, 2), (1, 2), 1)", {"a": T((3, 4), **G)}),
    Case("as_strided.overlap", "torch.as_strided(a, (3, 3), (1, 1))", {"a": T((3, 4), **G)}),
    Case("as_strided.zero_stride", "a.as_strided((3, 3), (0, 1), 3)", {"a": T((3, 4), **G)}),
    Case("as_strided.0d", "a.as_strided((), (), 3)", {"a": T((3, 4), **G)}),
    Case("as_strided.own_offset", "a[1:].as_strided((2, 2), (1, 2))", {"a": T((3, 4), **G)}),
    Case("as_strided.base_offset", "a[1:].as_strided((2, 2), (1, 2), 0)", {"a": T((3, 4), **G)}),
    Case("as_strided.t", "a.as_strided((4,), (3,))", {"a": T((4, 3), layout="t", **G)}),
    Case("as_strided.step", "a.as_strided((3,), (2,), 1)", {"a": T((2, 3), layout="step", **G)}),
    Case(
        "as_strided.expand", "a.as_strided((2, 4), (4, 1))", {"a": T((3, 4), layout="expand", **G)}
    ),
    Case(
        "as_strided.kw",
        "torch.as_strided(a, size=(2,), stride=(2,), storage_offset=1)",
        {"a": T((6,), "int32")},
    ),
    Case("as_strided.empty", "a.as_strided((0, 2), (1, 1), 20)", {"a": T((3, 4), **G)}),
    Case("as_strided.oob", "a.as_strided((5, 5), (4, 1))", {"a": T((3, 4))}),
    Case("as_strided.neg_stride", "a.as_strided((2, 2), (-1, 1))", {"a": T((3, 4))}),
    Case("as_strided.len_error", "a.as_strided((2, 2), (1,))", {"a": T((3, 4))}),
    Case("as_strided.neg_offset", "a.as_strided((2, 2), (1, 2), -1)", {"a": T((3, 4))}),
    Case("as_strided.neg_size", "a.as_strided((-2, 2), (1, 2), 0)", {"a": T((3, 4))}),
    Case(
        "as_strided.write",
        "b = a.clone()\nb.as_strided((2,), (5,)).mul_(3)\nout = b",
        {"a": T((3, 4), **G)},
    ),
    # ------------------------------------------------------------ functional scatters
    *[
        Case(
            f"select_scatter.{d}",
            "torch.select_scatter(a, b, 0, 1)",
            {"a": T((3, 4), d), "b": T((4,), d)},
        )
        for d in ALL
    ],
    Case(
        "select_scatter.grad",
        "torch.select_scatter(a, b, 1, -1)",
        {"a": T((3, 4), **G), "b": T((3,), **G)},
    ),
    Case(
        "select_scatter.method",
        "a.select_scatter(b, -1, 0)",
        {"a": T((3, 4), layout="t", **G), "b": T((3,), layout="step", **G)},
    ),
    Case(
        "select_scatter.kw",
        "torch.select_scatter(a, src=b, dim=0, index=1)",
        {"a": T((3, 4), **G), "b": T((4,))},
    ),
    Case(
        "select_scatter.cast",
        "torch.select_scatter(a, b, 0, 0)",
        {"a": T((3, 4)), "b": T((4,), "float64", **G)},
    ),
    Case(
        "select_scatter.int_src",
        "torch.select_scatter(a, b, 0, 2)",
        {"a": T((3, 4)), "b": T((4,), "int64")},
    ),
    Case(
        "select_scatter.1d",
        "torch.select_scatter(a, b, 0, 2)",
        {"a": T((3,), **G), "b": T((), **G)},
    ),
    Case(
        "select_scatter.shape_error",
        "torch.select_scatter(a, b, 0, 1)",
        {"a": T((3, 4)), "b": T((3,))},
    ),
    Case(
        "select_scatter.bcast_error",
        "torch.select_scatter(a, b, 0, 1)",
        {"a": T((3, 4)), "b": T((1,))},
    ),
    Case(
        "select_scatter.index_error",
        "torch.select_scatter(a, b, 0, 5)",
        {"a": T((3, 4)), "b": T((4,))},
    ),
    Case(
        "select_scatter.neg_dim_error",
        "torch.select_scatter(a, b, -1, -5)",
        {"a": T((3, 4)), "b": T((3,))},
    ),
    Case("select_scatter.0d_error", "torch.select_scatter(a, b, 0, 0)", {"a": T(()), "b": T(())}),
    Case(
        "select_scatter.out_error",
        "torch.select_scatter(a, b, 0, 0, out=o)",
        {"a": T((3,)), "b": T(()), "o": T((3,))},
    ),
    *[
        Case(
            f"slice_scatter.{d}",
            "torch.slice_scatter(a, b, 1, 0, 4, 2)",
            {"a": T((3, 4), d), "b": T((3, 2), d)},
        )
        for d in ALL
    ],
    Case(
        "slice_scatter.grad",
        "torch.slice_scatter(a, b, 1, 1, 3)",
        {"a": T((3, 4), **G), "b": T((3, 2), **G)},
    ),
    Case(
        "slice_scatter.default",
        "torch.slice_scatter(a, b)",
        {"a": T((3, 4), **G), "b": T((3, 4), **G)},
    ),
    Case(
        "slice_scatter.neg",
        "a.slice_scatter(b, -1, -1)",
        {"a": T((3, 4), layout="t", **G), "b": T((3, 1), **G)},
    ),
    Case(
        "slice_scatter.kw",
        "torch.slice_scatter(a, src=b, dim=0, start=1, end=None, step=2)",
        {"a": T((5, 2), **G), "b": T((2, 2), **G)},
    ),
    Case(
        "slice_scatter.big_end",
        "torch.slice_scatter(a, b, 0, 2, 100)",
        {"a": T((4,), **G), "b": T((2,), **G)},
    ),
    Case(
        "slice_scatter.empty",
        "torch.slice_scatter(a, b, 0, 3, 1)",
        {"a": T((4,), **G), "b": T((0,), **G)},
    ),
    Case(
        "slice_scatter.cast", "torch.slice_scatter(a, b)", {"a": T((3,)), "b": T((3,), "float64")}
    ),
    Case(
        "slice_scatter.shape_error",
        "torch.slice_scatter(a, b, 1)",
        {"a": T((3, 4)), "b": T((3, 3))},
    ),
    Case(
        "slice_scatter.step_error",
        "torch.slice_scatter(a, b, 1, 0, 1, 0)",
        {"a": T((3, 4)), "b": T((3, 1))},
    ),
    Case(
        "slice_scatter.dim_error", "torch.slice_scatter(a, b, 2)", {"a": T((3, 4)), "b": T((3, 4))}
    ),
    Case(
        "slice_scatter.out",
        "torch.slice_scatter(a, b, 0, 0, 1, out=o)",
        {"a": T((3,)), "b": T((1,)), "o": T((3,))},
    ),
    *[
        Case(
            f"diagonal_scatter.{d}",
            "torch.diagonal_scatter(a, b)",
            {"a": T((3, 4), d), "b": T((3,), d)},
        )
        for d in ALL
    ],
    Case(
        "diagonal_scatter.grad",
        "torch.diagonal_scatter(a, b, 1)",
        {"a": T((3, 4), **G), "b": T((3,), **G)},
    ),
    Case(
        "diagonal_scatter.dims",
        "a.diagonal_scatter(b, -1, 2, 0)",
        {"a": T((3, 2, 3), **G), "b": T((2, 2), **G)},
    ),
    Case(
        "diagonal_scatter.kw",
        "torch.diagonal_scatter(a, src=b, offset=0, dim1=1, dim2=0)",
        {"a": T((3, 4), layout="t", **G), "b": T((3,), **G)},
    ),
    Case(
        "diagonal_scatter.shape_error",
        "torch.diagonal_scatter(a, b, 1)",
        {"a": T((3, 4)), "b": T((4,))},
    ),
    Case(
        "diagonal_scatter.same_error",
        "torch.diagonal_scatter(a, b, 0, 1, 1)",
        {"a": T((3, 4)), "b": T((3,))},
    ),
    Case(
        "diagonal_scatter.cast",
        "torch.diagonal_scatter(a, b)",
        {"a": T((3, 3)), "b": T((3,), "float64")},
    ),
    # create_graph=True through views: their backward is the scatter, differentiated again
    Case(
        "select.grad_of_grad", GRAD_OF_GRAD.format(view="a[1]"), {"a": T((3, 4), **G), "w": T((4,))}
    ),
    Case(
        "slice.grad_of_grad",
        GRAD_OF_GRAD.format(view="a[1:3]"),
        {"a": T((3, 4), **G), "w": T((2, 4))},
    ),
    Case(
        "slice.step_grad_of_grad",
        GRAD_OF_GRAD.format(view="a[:, ::2]"),
        {"a": T((3, 4), **G), "w": T((3, 2))},
    ),
    Case(
        "narrow.grad_of_grad",
        GRAD_OF_GRAD.format(view="a.narrow(0, 1, 1)"),
        {"a": T((3, 4), **G), "w": T((1, 4))},
    ),
    Case(
        "diagonal.grad_of_grad",
        GRAD_OF_GRAD.format(view="a.diagonal(1)"),
        {"a": T((3, 4), **G), "w": T((3,))},
    ),
    Case(
        "select_scatter.grad_of_grad",
        GRAD_OF_GRAD.format(view="torch.select_scatter(a, a[0] * 2, 0, 2)"),
        {"a": T((3, 4), **G), "w": T((3, 4))},
    ),
    # ------------------------------------------------------------ atleast_nd
    Case("atleast_1d.0d", "torch.atleast_1d(a)", {"a": T((), **G)}),
    Case("atleast_1d.same", "torch.atleast_1d(a)", {"a": T((3,), **G)}),
    Case("atleast_1d.many", "torch.atleast_1d(a, b)", {"a": T((), **G), "b": T((2, 3), **G)}),
    Case("atleast_1d.list", "torch.atleast_1d([a, b])", {"a": T((), "int64"), "b": T((2,))}),
    Case("atleast_1d.one_list", "torch.atleast_1d((a,))", {"a": T(())}),
    Case("atleast_1d.none", "torch.atleast_1d()"),
    Case("atleast_2d.0d", "torch.atleast_2d(a)", {"a": T((), **G)}),
    Case("atleast_2d.1d", "torch.atleast_2d(a)", {"a": T((3,), layout="step", **G)}),
    Case("atleast_2d.empty", "torch.atleast_2d(a)", {"a": T((0,), **G)}),
    Case(
        "atleast_2d.many",
        "torch.atleast_2d(a, b, c)",
        {"a": T((), **G), "b": T((2,)), "c": T((2, 3, 1))},
    ),
    Case("atleast_3d.0d", "torch.atleast_3d(a)", {"a": T((), **G)}),
    Case("atleast_3d.1d", "torch.atleast_3d(a)", {"a": T((4,), **G)}),
    Case("atleast_3d.2d", "torch.atleast_3d(a)", {"a": T((3, 4), layout="t", **G)}),
    Case("atleast_3d.4d", "torch.atleast_3d(a)", {"a": T((1, 2, 1, 2), **G)}),
    # ------------------------------------------------------------ stacks
    Case("hstack.1d", "torch.hstack([a, b])", {"a": T((3,), **G), "b": T((2,), **G)}),
    Case(
        "hstack.2d", "torch.hstack((a, b))", {"a": T((3, 2), layout="t", **G), "b": T((3, 1), **G)}
    ),
    Case("hstack.0d", "torch.hstack([a, b])", {"a": T((), **G), "b": T((), **G)}),
    Case(
        "hstack.promote", "torch.hstack([a, b])", {"a": T((3,), "int64"), "b": T((2,), "float16")}
    ),
    Case("hstack.mix_error", "torch.hstack([a, b])", {"a": T((3,)), "b": T((3, 4))}),
    Case("hstack.empty_error", "torch.hstack([])"),
    Case("hstack.tensor_error", "torch.hstack(a)", {"a": T((3,))}),
    Case("hstack.out", "torch.hstack([a, a], out=o)", {"a": T((2,)), "o": T((4,))}),
    Case("vstack.1d", "torch.vstack([a, b])", {"a": T((3,), **G), "b": T((3,), **G)}),
    Case(
        "vstack.mix",
        "torch.vstack([a, b])",
        {"a": T((4,), **G), "b": T((2, 4), layout="step", **G)},
    ),
    Case("vstack.0d", "torch.vstack([a, b])", {"a": T(()), "b": T(())}),
    Case("vstack.error", "torch.vstack([a, b])", {"a": T((3,)), "b": T((4,))}),
    Case("vstack.empty_error", "torch.vstack([])"),
    Case(
        "row_stack.alias",
        "torch.row_stack((a, b))",
        {"a": T((2,), "int32"), "b": T((1, 2), "int32")},
    ),
    Case("row_stack.empty_error", "torch.row_stack([])"),
    Case("dstack.1d", "torch.dstack([a, b])", {"a": T((3,), **G), "b": T((3,), **G)}),
    Case(
        "dstack.2d", "torch.dstack([a, b])", {"a": T((2, 3), **G), "b": T((2, 3), layout="t", **G)}
    ),
    Case("dstack.3d", "torch.dstack([a, b])", {"a": T((2, 3, 1), **G), "b": T((2, 3, 2))}),
    Case("dstack.0d", "torch.dstack([a, b])", {"a": T(()), "b": T(())}),
    Case("dstack.empty_error", "torch.dstack([])"),
    Case("dstack.out", "torch.dstack([a, a], out=o)", {"a": T((2,)), "o": T((1, 2, 2))}),
    Case(
        "column_stack.1d",
        "torch.column_stack([a, b])",
        {"a": T((3,), **G), "b": T((3,), layout="step", **G)},
    ),
    Case(
        "column_stack.mix",
        "torch.column_stack([a, b, c])",
        {"a": T((3, 2), **G), "b": T((3,), **G), "c": T((3, 1), "int64")},
    ),
    Case("column_stack.0d", "torch.column_stack([a, b])", {"a": T((), **G), "b": T(())}),
    Case("column_stack.error", "torch.column_stack([a, b])", {"a": T((3,)), "b": T((4,))}),
    Case("column_stack.empty_error", "torch.column_stack([])"),
    # ------------------------------------------------------------ tensor_split / hsplit / vsplit / dsplit
    Case("tensor_split.sections", "a.tensor_split(3)", {"a": T((7,), **G)}),
    Case("tensor_split.dim", "torch.tensor_split(a, 3, dim=-1)", {"a": T((3, 4), layout="t", **G)}),
    Case("tensor_split.more", "a.tensor_split(7)", {"a": T((5,), **G)}),
    Case("tensor_split.one", "a.tensor_split(1)", {"a": T((3, 4), **G)}),
    Case("tensor_split.indices", "a.tensor_split([1, 3], dim=1)", {"a": T((2, 5), **G)}),
    Case("tensor_split.indices_neg", "torch.tensor_split(a, [-2, 10])", {"a": T((5,), **G)}),
    Case("tensor_split.indices_down", "a.tensor_split([3, 1])", {"a": T((5,), "int64")}),
    Case("tensor_split.indices_empty", "a.tensor_split([])", {"a": T((3, 4), **G)}),
    Case("tensor_split.tensor", "a.tensor_split(torch.tensor([1, 3]))", {"a": T((5,), **G)}),
    Case(
        "tensor_split.tensor_0d",
        "a.tensor_split(torch.tensor(2), 1)",
        {"a": T((3, 5), layout="step", **G)},
    ),
    Case("tensor_split.kw_sections", "torch.tensor_split(a, sections=2)", {"a": T((5,), **G)}),
    Case("tensor_split.kw_indices", "torch.tensor_split(a, indices=[2])", {"a": T((5,))}),
    Case(
        "tensor_split.kw_tensor",
        "torch.tensor_split(a, tensor_indices_or_sections=torch.tensor([2]))",
        {"a": T((5,))},
    ),
    Case("tensor_split.empty", "a.tensor_split(2)", {"a": T((0, 3), **G)}),
    Case("tensor_split.zero_error", "a.tensor_split(0)", {"a": T((5,))}),
    Case("tensor_split.neg_error", "a.tensor_split(-1)", {"a": T((5,))}),
    Case("tensor_split.0d_error", "a.tensor_split(2)", {"a": T(())}),
    Case("tensor_split.float_error", "a.tensor_split(torch.tensor([1.0]))", {"a": T((5,))}),
    Case(
        "tensor_split.int32_error",
        "a.tensor_split(torch.tensor([1], dtype=torch.int32))",
        {"a": T((5,))},
    ),
    Case("tensor_split.2d_error", "a.tensor_split(torch.tensor([[1]]))", {"a": T((5,))}),
    Case("tensor_split.dim_error", "a.tensor_split(2, 1)", {"a": T((5,))}),
    Case("hsplit.int", "a.hsplit(2)", {"a": T((3, 4), **G)}),
    Case("hsplit.1d", "torch.hsplit(a, 3)", {"a": T((6,), **G)}),
    Case("hsplit.list", "a.hsplit([1, 2])", {"a": T((3, 4), layout="t", **G)}),
    Case("hsplit.tensor", "a.hsplit(torch.tensor([1]))", {"a": T((3, 4))}),
    Case("hsplit.one", "a.hsplit(1)", {"a": T((3, 4), **G)}),
    Case("hsplit.div_error", "a.hsplit(3)", {"a": T((3, 4))}),
    Case("hsplit.zero_error", "a.hsplit(0)", {"a": T((3, 4))}),
    Case("hsplit.0d_error", "a.hsplit(1)", {"a": T(())}),
    Case("vsplit.int", "torch.vsplit(a, 3)", {"a": T((3, 4), **G)}),
    Case("vsplit.list", "a.vsplit([1])", {"a": T((3, 4), "bool")}),
    Case("vsplit.div_error", "a.vsplit(2)", {"a": T((3, 4))}),
    Case("vsplit.1d_error", "a.vsplit(1)", {"a": T((3,))}),
    Case("dsplit.int", "a.dsplit(2)", {"a": T((2, 3, 4), **G)}),
    Case("dsplit.list", "torch.dsplit(a, [3])", {"a": T((2, 3, 4), layout="step", **G)}),
    Case("dsplit.div_error", "a.dsplit(3)", {"a": T((2, 3, 4))}),
    Case("dsplit.2d_error", "a.dsplit(2)", {"a": T((3, 4))}),
    # ------------------------------------------------------------ T / mT / H / mH / adjoint
    Case("T.2d", "a.T", {"a": T((3, 4), **G)}),
    Case("T.3d", "a.T", {"a": T((2, 3, 4), layout="t", **G)}),
    Case("T.1d", "a.T", {"a": T((4,), **G)}),
    Case("T.0d", "a.T", {"a": T((), **G)}),
    Case("mT.3d", "a.mT", {"a": T((2, 3, 4), **G)}),
    Case("mT.2d", "a.mT", {"a": T((3, 4), "int8", layout="step")}),
    Case("mT.0d", "a.mT", {"a": T((), **G)}),
    Case("mT.1d_error", "a.mT", {"a": T((4,))}),
    Case("H.2d", "a.H", {"a": T((3, 4), **G)}),
    Case("H.0d", "a.H", {"a": T((), **G)}),
    Case("H.1d_error", "a.H", {"a": T((4,))}),
    Case("H.3d_error", "a.H", {"a": T((2, 3, 4))}),
    Case("mH.3d", "a.mH", {"a": T((2, 3, 4), **G)}),
    Case("mH.1d_error", "a.mH", {"a": T((4,))}),
    Case("adjoint.3d", "a.adjoint()", {"a": T((2, 3, 4), **G)}),
    Case("adjoint.fn", "torch.adjoint(a)", {"a": T((3, 4), "int64")}),
    Case("adjoint.1d_error", "torch.adjoint(a)", {"a": T((4,))}),
]
