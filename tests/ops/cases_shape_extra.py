"""Cases for the further shape ops of shape_more.py: ravel, rot90, unfold, broadcast_shapes,
broadcast_tensors, meshgrid, narrow_copy, split_with_sizes, unsafe_split/unsafe_chunk and the
in-place view ops (t_, transpose_, squeeze_, unsqueeze_, as_strided_, ...)."""

from tests.ops.cases_shape import ALL
from tests.ops.spec import Case, T

G = {"grad": True}

CASES = [
    # ------------------------------------------------------------ ravel / rot90
    Case("ravel.view", "a.ravel()", {"a": T((2, 3), **G)}),
    Case("ravel.copy", "torch.ravel(a)", {"a": T((3, 4), layout="t", **G)}),
    Case("ravel.step", "a.ravel()", {"a": T((3, 2), layout="step", **G)}),
    Case("ravel.0d", "a.ravel()", {"a": T((), "int64")}),
    *[Case(f"rot90.{d}", "a.rot90()", {"a": T((2, 3), d)}) for d in ALL],
    Case("rot90.grad", "torch.rot90(a, 1, (0, 1))", {"a": T((3, 4), **G)}),
    Case("rot90.k2", "a.rot90(2)", {"a": T((3, 4), layout="t", **G)}),
    Case("rot90.neg_k", "a.rot90(-1, (1, 0))", {"a": T((3, 4), **G)}),
    Case("rot90.k0", "a.rot90(0)", {"a": T((3, 4), **G)}),
    Case("rot90.k5", "a.rot90(5, [2, 0])", {"a": T((2, 3, 4), **G)}),
    Case("rot90.neg_dims", "a.rot90(1, (-1, 0))", {"a": T((3, 4), **G)}),
    Case("rot90.empty", "a.rot90()", {"a": T((0, 3), **G)}),
    Case("rot90.same_error", "a.rot90(1, (0, -2))", {"a": T((3, 4))}),
    Case("rot90.len_error", "a.rot90(1, (0,))", {"a": T((3, 4))}),
    Case("rot90.1d_error", "a.rot90()", {"a": T((3,))}),
    Case("rot90.dim_error", "a.rot90(1, (0, 2))", {"a": T((3, 4))}),
    # ------------------------------------------------------------ unfold
    *[Case(f"unfold.{d}", "a.unfold(1, 2, 1)", {"a": T((2, 4), d)}) for d in ALL],
    Case("unfold.grad", "a.unfold(1, 2, 1)", {"a": T((3, 4), **G)}),
    Case("unfold.step", "a.unfold(0, 2, 2)", {"a": T((5, 3), layout="t", **G)}),
    Case("unfold.overlap", "a.unfold(-1, 3, 1)", {"a": T((2, 5), layout="step", **G)}),
    Case("unfold.whole", "a.unfold(0, 3, 3)", {"a": T((3, 4), **G)}),
    Case("unfold.zero_size", "a.unfold(1, 0, 1)", {"a": T((3, 4))}),
    Case("unfold.0d", "a.unfold(0, 1, 1)", {"a": T((), **G)}),
    Case("unfold.size_error", "a.unfold(1, 5, 1)", {"a": T((3, 4))}),
    Case("unfold.step_error", "a.unfold(1, 2, 0)", {"a": T((3, 4))}),
    Case("unfold.0d_error", "a.unfold(0, 2, 1)", {"a": T(())}),
    Case("unfold.dim_error", "a.unfold(2, 1, 1)", {"a": T((3, 4))}),
    Case(
        "unfold.grad_of_grad",
        "y = (a.unfold(1, 2, 1) ** 2 * w).sum()\n(g,) = torch.autograd.grad(y, a, create_graph=True)\nout = g",
        {"a": T((3, 4), **G), "w": T((3, 3, 2))},
    ),
    Case("unfold.write", "b = a.clone()\nb.unfold(0, 2, 2).mul_(2)\nout = b", {"a": T((5,), **G)}),
    # ------------------------------------------------------------ broadcasting / meshgrid
    Case("broadcast_shapes.basic", "torch.broadcast_shapes((3, 1), (4,), (2, 1, 1))"),
    Case("broadcast_shapes.int", "torch.broadcast_shapes(3, (1, 3))"),
    Case("broadcast_shapes.none", "torch.broadcast_shapes()"),
    Case("broadcast_shapes.zero", "torch.broadcast_shapes((0, 1), (1, 4))"),
    Case("broadcast_shapes.error", "torch.broadcast_shapes((3, 2), (4,))"),
    Case("broadcast_shapes.error_later", "torch.broadcast_shapes((2,), (1,), (3,))"),
    Case("broadcast_shapes.negative", "torch.broadcast_shapes((-1,), (3,))"),
    Case(
        "broadcast_tensors.grad",
        "torch.broadcast_tensors(a, b, c)",
        {"a": T((3, 1), **G), "b": T((2, 1, 4), **G), "c": T((), "int64")},
    ),
    Case(
        "broadcast_tensors.same",
        "torch.broadcast_tensors(a, b)",
        {"a": T((2, 3), **G), "b": T((3,))},
    ),
    Case("broadcast_tensors.one", "torch.broadcast_tensors(a)", {"a": T((2, 3), **G)}),
    Case("broadcast_tensors.error", "torch.broadcast_tensors(a, b)", {"a": T((3,)), "b": T((4,))}),
    Case(
        "meshgrid.ij", "torch.meshgrid(a, b, indexing='ij')", {"a": T((3,), **G), "b": T((2,), **G)}
    ),
    Case(
        "meshgrid.xy",
        "torch.meshgrid(a, b, c, indexing='xy')",
        {"a": T((3,), **G), "b": T((2,)), "c": T((4,), **G)},
    ),
    Case(
        "meshgrid.list",
        "torch.meshgrid([a, b], indexing='ij')",
        {"a": T((3,), "int64"), "b": T((2,), "int64")},
    ),
    Case("meshgrid.default", "torch.meshgrid(a, b)", {"a": T((3,)), "b": T((2,))}),
    Case("meshgrid.0d", "torch.meshgrid(a, b, indexing='ij')", {"a": T((), **G), "b": T((2,))}),
    Case("meshgrid.one_xy", "torch.meshgrid(a, indexing='xy')", {"a": T((3,), **G)}),
    Case(
        "meshgrid.dtype_error",
        "torch.meshgrid(a, b, indexing='ij')",
        {"a": T((2,)), "b": T((2,), "float64")},
    ),
    Case("meshgrid.empty_error", "torch.meshgrid(indexing='ij')"),
    Case("meshgrid.indexing_error", "torch.meshgrid(a, indexing='foo')", {"a": T((2,))}),
    # ------------------------------------------------------------ narrow_copy / split variants
    Case("narrow_copy.grad", "a.narrow_copy(1, 1, 2)", {"a": T((3, 4), **G)}),
    Case("narrow_copy.neg", "torch.narrow_copy(a, -1, -2, 1)", {"a": T((3, 4), layout="t", **G)}),
    Case(
        "narrow_copy.tensor_start",
        "a.narrow_copy(0, torch.tensor(1), 2)",
        {"a": T((3, 4), "int32")},
    ),
    Case("narrow_copy.error", "a.narrow_copy(1, 3, 2)", {"a": T((3, 4))}),
    Case(
        "narrow_copy.out", "torch.narrow_copy(a, 0, 0, 1, out=o)", {"a": T((3, 4)), "o": T((1, 4))}
    ),
    Case("split_with_sizes.grad", "a.split_with_sizes([1, 2], 1)", {"a": T((2, 3), **G)}),
    Case(
        "split_with_sizes.fn",
        "torch.split_with_sizes(a, (2, 1))",
        {"a": T((3, 2), layout="t", **G)},
    ),
    Case("split_with_sizes.error", "a.split_with_sizes([1, 1])", {"a": T((3, 2))}),
    Case("split.zero_error", "a.split(0, 1)", {"a": T((2, 3))}),
    Case("split.zero_empty", "a.split(0)", {"a": T((0, 3), **G)}),
    Case("unsafe_split.grad", "torch.unsafe_split(a, 2, 1)", {"a": T((2, 3), **G)}),
    Case("unsafe_split.method", "a.unsafe_split(1)", {"a": T((3, 2), layout="step", **G)}),
    Case("unsafe_split.zero_error", "torch.unsafe_split(a, 0, 1)", {"a": T((2, 3))}),
    Case("unsafe_split.list_error", "torch.unsafe_split(a, [1, 2], 1)", {"a": T((2, 3))}),
    Case("unsafe_chunk.grad", "torch.unsafe_chunk(a, 4, 1)", {"a": T((2, 3), **G)}),
    Case("unsafe_chunk.one", "a.unsafe_chunk(1)", {"a": T((2, 3), **G)}),
    Case("unsafe_chunk.error", "a.unsafe_chunk(0)", {"a": T((2, 3))}),
    # ------------------------------------------------------------ in-place view ops
    Case("t_.grad", "b = a.clone()\nb.t_()\nout = b", {"a": T((3, 4), **G)}),
    Case("t_.returns_self", "b = a.clone()\nout = b.t_() is b", {"a": T((3, 4))}),
    Case("t_.3d_error", "a.t_()", {"a": T((2, 3, 4))}),
    Case("t_.leaf_error", "a.t_()", {"a": T((3, 4), **G)}),
    Case("t_.no_grad", "b = a.detach()\nb.t_()\nout = (b, int(b._version))", {"a": T((3, 4), **G)}),
    Case(
        "transpose_.grad",
        "b = a.clone()\nb.transpose_(0, -1)\nout = b * 1",
        {"a": T((2, 3, 4), **G)},
    ),
    Case(
        "transpose_.view",
        "b = a.clone()\nv = b[1:]\nv.transpose_(0, 1)\nout = (v, b)",
        {"a": T((3, 4), **G)},
    ),
    Case(
        "transpose_.view_write",
        "b = a.clone()\nv = b[1:]\nv.t_()\nv.mul_(2)\nout = (v, b)",
        {"a": T((3, 4), **G)},
    ),
    Case("swapaxes_.grad", "b = a.clone()\nb.swapaxes_(0, 1)\nout = b", {"a": T((3, 4), **G)}),
    Case(
        "swapdims_.grad",
        "b = a.clone()\nb.swapdims_(1, 0)\nout = b",
        {"a": T((3, 4), layout="t", **G)},
    ),
    Case("unsqueeze_.grad", "b = a.clone()\nb.unsqueeze_(-1)\nout = b", {"a": T((3, 4), **G)}),
    Case("unsqueeze_.error", "a.unsqueeze_(3)", {"a": T((3, 4))}),
    Case("squeeze_.all", "b = a.clone()\nb.squeeze_()\nout = b", {"a": T((1, 3, 1), **G)}),
    Case("squeeze_.dim", "b = a.clone()\nb.squeeze_(0)\nout = b", {"a": T((1, 3), **G)}),
    Case("squeeze_.tuple", "b = a.clone()\nb.squeeze_((0, 2))\nout = b", {"a": T((1, 3, 1), **G)}),
    Case(
        "squeeze_.view", "b = a.clone().unsqueeze(0)\nb.squeeze_()\nout = b", {"a": T((3, 4), **G)}
    ),
    Case("squeeze_.error", "a.squeeze_(2)", {"a": T((1, 3))}),
    Case(
        "as_strided_.grad",
        "b = a.clone()\nb.as_strided_((2, 2), (1, 2), 1)\nout = b",
        {"a": T((3, 4), **G)},
    ),
    Case(
        "as_strided_.fn",
        "b = a.clone()\nout = torch.as_strided_(b, (3,), (4,))",
        {"a": T((3, 4), **G)},
    ),
    Case("as_strided_.error", "a.as_strided_((5, 5), (4, 1))", {"a": T((3, 4))}),
]
