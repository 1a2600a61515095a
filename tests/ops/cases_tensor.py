"""Cases for Tensor's own attributes and conversions: shape/size/dim/numel/stride/storage_offset,
is_contiguous/contiguous, item/tolist, clone/detach/data, to/type/type_as and the dtype shorthands
(float, int, long, double, bool, half, ...), cpu/cuda, copy_/fill_/zero_, new_* and T/mT.

Printing lives in test_printing.py; numpy() and memory sharing with NumPy in test_tensor_api.py.
"""

from tests.ops.spec import Case, T

_DTYPES = ("bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64")
_COMPLEX = ("complex64", "complex128")
_SHORTHANDS = ("float", "double", "half", "int", "long", "short", "char", "byte", "bool")

CASES = [
    # ---------------------------------------------------------------- metadata
    Case("shape.attr", "a.shape", {"a": T((2, 3, 4))}),
    Case("shape.zero_dim", "a.shape", {"a": T(())}),
    Case("shape.empty", "a.shape", {"a": T((0, 3))}),
    Case("shape.index", "a.shape[-1]", {"a": T((2, 5))}),
    Case("shape.slice", "a.shape[1:]", {"a": T((2, 5, 3))}),
    Case("size.all", "a.size()", {"a": T((2, 3))}),
    Case("size.dim", "a.size(1)", {"a": T((2, 3))}),
    Case("size.neg_dim", "a.size(-1)", {"a": T((2, 3))}),
    Case("size.bad_dim", "a.size(2)", {"a": T((2, 3))}),
    Case("size.numel", "a.size().numel()", {"a": T((2, 3, 4))}),
    Case("dim.method", "a.dim()", {"a": T((2, 3, 4))}),
    Case("ndim.attr", "a.ndim", {"a": T(())}),
    Case("ndimension.method", "a.ndimension()", {"a": T((1, 1))}),
    Case("numel.method", "a.numel()", {"a": T((2, 0, 3))}),
    Case("numel.function", "torch.numel(a)", {"a": T((2, 3))}),
    Case("nelement.method", "a.nelement()", {"a": T((4,))}),
    Case("element_size.float64", "a.element_size()", {"a": T((2,), "float64")}),
    Case("element_size.int16", "a.element_size()", {"a": T((2,), "int16")}),
    Case("itemsize.attr", "a.itemsize", {"a": T((2,), "int32")}),
    Case("nbytes.attr", "a.nbytes", {"a": T((2, 3), "float16")}),
    Case("dtype.attr", "a.dtype", {"a": T((2,), "uint8")}),
    Case("device.str", "str(a.device)", {"a": T((2,))}),
    Case("device.type", "a.device.type", {"a": T((2,))}),
    Case("is_cuda.attr", "a.is_cuda", {"a": T((2,))}),
    Case("is_cpu.attr", "a.is_cpu", {"a": T((2,))}),
    Case("get_device.cpu", "a.get_device()", {"a": T((2,))}),
    Case("is_floating_point.float", "a.is_floating_point()", {"a": T((2,), "float16")}),
    Case("is_floating_point.int", "torch.is_floating_point(a)", {"a": T((2,), "int64")}),
    Case("is_complex.complex", "a.is_complex()", {"a": T((2,), "complex64")}),
    Case("is_complex.function", "torch.is_complex(a)", {"a": T((2,))}),
    Case("is_signed.uint8", "a.is_signed()", {"a": T((2,), "uint8")}),
    Case("is_signed.float", "a.is_signed()", {"a": T((2,))}),
    Case("is_tensor.tensor", "torch.is_tensor(a)", {"a": T((2,))}),
    Case("is_tensor.list", "torch.is_tensor([1])"),
    Case("requires_grad.leaf", "a.requires_grad", {"a": T((2,), grad=True)}),
    Case("is_leaf.leaf", "a.is_leaf", {"a": T((2,), grad=True)}),
    Case("is_leaf.result", "(a * 2).is_leaf", {"a": T((2,), grad=True)}),
    # ---------------------------------------------------------------- strides and layout
    Case("stride.contig", "a.stride()", {"a": T((2, 3, 4))}),
    Case("stride.dim", "a.stride(0)", {"a": T((2, 3, 4))}),
    Case("stride.transposed", "a.stride()", {"a": T((3, 4), layout="t")}),
    Case("stride.step", "a.stride()", {"a": T((3, 4), layout="step")}),
    Case("stride.expand", "a.stride()", {"a": T((3, 4), layout="expand")}),
    Case("stride.zero_dim", "a.stride()", {"a": T(())}),
    Case("stride.empty", "torch.zeros(0, 3).stride()"),
    Case("stride.empty_middle", "torch.ones(2, 0, 4).stride()"),
    Case("storage_offset.base", "a.storage_offset()", {"a": T((3, 4))}),
    Case("storage_offset.slice", "a[1:, 2:].storage_offset()", {"a": T((3, 4))}),
    Case("storage_offset.select", "a[2].storage_offset()", {"a": T((3, 4))}),
    Case("is_contiguous.contig", "a.is_contiguous()", {"a": T((2, 3))}),
    Case("is_contiguous.transposed", "a.is_contiguous()", {"a": T((2, 3), layout="t")}),
    Case("is_contiguous.step", "a.is_contiguous()", {"a": T((2, 3), layout="step")}),
    Case("is_contiguous.expand", "a.is_contiguous()", {"a": T((2, 3), layout="expand")}),
    Case("is_contiguous.size_one", "a[:, :1].is_contiguous()", {"a": T((3, 4))}),
    Case("contiguous.shares", "a.contiguous()", {"a": T((2, 3), grad=True)}),
    Case("contiguous.copies", "a.contiguous()", {"a": T((2, 3), layout="t", grad=True)}),
    Case("contiguous.strides", "a.contiguous().stride()", {"a": T((2, 3), layout="t")}),
    # ---------------------------------------------------------------- host values
    Case("item.float", "a.item()", {"a": T((), "float64")}),
    Case("item.int", "a.item()", {"a": T((1, 1), "int32")}),
    Case("item.bool", "a.item()", {"a": T((), "bool", values=True)}),
    Case("item.complex", "a.item()", {"a": T((), "complex128")}),
    Case("item.half", "a.item()", {"a": T((), "float16")}),
    Case("item.many_error", "a.item()", {"a": T((3,))}),
    Case("tolist.matrix", "a.tolist()", {"a": T((2, 3), "int64")}),
    Case("tolist.zero_dim", "a.tolist()", {"a": T((), "float64")}),
    Case("tolist.bool", "a.tolist()", {"a": T((3,), "bool")}),
    Case("tolist.noncontig", "a.tolist()", {"a": T((2, 3), "int16", layout="t")}),
    Case("float.dunder", "float(a)", {"a": T((), "float64")}),
    Case("int.dunder", "int(a)", {"a": T((1,), "float32")}),
    Case("bool.dunder", "bool(a)", {"a": T((), "int64")}),
    Case("bool.ambiguous_error", "bool(a)", {"a": T((2,))}),
    Case("float.many_error", "float(a)", {"a": T((2,))}),
    Case("len.dunder", "len(a)", {"a": T((4, 2))}),
    Case("len.zero_dim_error", "len(a)", {"a": T(())}),
    Case("index.dunder", "[10, 20, 30][a]", {"a": T((), "int64", values=2)}),
    Case("index.float_error", "[10, 20, 30][a]", {"a": T((), "float32", values=1.0)}),
    # ---------------------------------------------------------------- copies and aliases
    Case("clone.grad", "a.clone()", {"a": T((2, 3), grad=True)}),
    Case("clone.function", "torch.clone(a)", {"a": T((2, 3), "int8")}),
    Case("clone.noncontig", "a.clone()", {"a": T((2, 3), layout="t", grad=True)}),
    Case("clone.int", "a.clone()", {"a": T((4,), "int64")}),
    Case("detach.shares", "a.detach()", {"a": T((2, 3), grad=True)}),
    Case("detach.of_result", "(a * 2).detach()", {"a": T((2, 3), grad=True)}),
    Case("data.shares", "a.data", {"a": T((2, 3), grad=True)}),
    Case("detach_.result", "out = (a * 2)\nout.detach_()", {"a": T((3,), grad=True)}),
    # ---------------------------------------------------------------- dtype conversions
    Case("to.dtype", "a.to(torch.float64)", {"a": T((2, 3), grad=True)}),
    Case("to.same_dtype", "a.to(torch.float32)", {"a": T((2, 3), grad=True)}),
    Case("to.dtype_keyword", "a.to(dtype=torch.int32)", {"a": T((2, 3))}),
    Case("to.device", "a.to('cpu')", {"a": T((2, 3))}),
    Case("to.device_object", "a.to(torch.device('cpu'))", {"a": T((2, 3))}),
    Case("to.device_dtype", "a.to('cpu', torch.float16)", {"a": T((2, 3))}),
    Case("to.other_tensor", "a.to(b)", {"a": T((2, 3)), "b": T((1,), "int16")}),
    Case("to.copy", "a.to(torch.float32, copy=True)", {"a": T((2, 3))}),
    Case("to.cuda_error", "a.to('cuda')", {"a": T((2,))}),
    Case(
        "to.float_truncates",
        "a.to(torch.int64)",
        {"a": T((5,), values=[-2.7, -0.5, 0.5, 1.5, 2.9])},
    ),
    Case("to.noncontig", "a.to(torch.float64)", {"a": T((2, 3), layout="t", grad=True)}),
    Case("to.complex_from_float", "a.to(torch.complex64)", {"a": T((3,), grad=True)}),
    Case("type.to_str", "a.type()", {"a": T((2,), "float64")}),
    Case("type.int_str", "a.type()", {"a": T((2,), "int32")}),
    Case("type.dtype", "a.type(torch.int16)", {"a": T((2,))}),
    Case("type.string", "a.type('torch.DoubleTensor')", {"a": T((2,), "int8")}),
    Case("type_as.int", "a.type_as(b)", {"a": T((2, 2)), "b": T((1,), "int64")}),
    Case("cpu.same", "a.cpu()", {"a": T((2,))}),
    Case("cuda.error", "a.cuda()", {"a": T((2,))}),
    Case("new_zeros.dtype", "a.new_zeros((2, 3))", {"a": T((1,), "float64")}),
    Case("new_ones.dtype", "a.new_ones(2, dtype=torch.int8)", {"a": T((1,))}),
    Case("new_full.dtype", "a.new_full((2,), 7)", {"a": T((1,), "int16")}),
    Case("new_empty.shape", "a.new_empty((3, 1)).shape", {"a": T((1,), "float16")}),
    Case("new_tensor.dtype", "a.new_tensor([1, 2])", {"a": T((1,), "float64")}),
    # ---------------------------------------------------------------- in-place fills and copies
    Case("copy_.same", "out = a.clone()\nout.copy_(b)", {"a": T((2, 3)), "b": T((2, 3))}),
    Case("copy_.broadcast", "out = a.clone()\nout.copy_(b)", {"a": T((2, 3)), "b": T((3,))}),
    Case("copy_.cast", "out = a.clone()\nout.copy_(b)", {"a": T((2, 3), "int32"), "b": T((2, 3))}),
    Case("copy_.shape_error", "a.copy_(b)", {"a": T((2, 3)), "b": T((4,))}),
    Case(
        "copy_.grad",
        "out = a * 1\nout.copy_(b)",
        {"a": T((2, 3), grad=True), "b": T((2, 3), grad=True)},
    ),
    Case("fill_.float", "out = a.clone()\nout.fill_(2.5)", {"a": T((2, 3))}),
    Case("fill_.int_truncates", "out = a.clone()\nout.fill_(2.5)", {"a": T((2, 3), "int64")}),
    Case("fill_.tensor", "out = a.clone()\nout.fill_(b)", {"a": T((3,)), "b": T((), "float64")}),
    Case("fill_.grad", "out = a * 1\nout.fill_(3)", {"a": T((2,), grad=True)}),
    Case("zero_.float", "out = a.clone()\nout.zero_()", {"a": T((2, 3))}),
    Case("zero_.view", "out = a.clone()\nout[1:].zero_()\nout = out", {"a": T((3, 2), "int32")}),
    Case("zero_.leaf_error", "a.zero_()", {"a": T((2,), grad=True)}),
    # ---------------------------------------------------------------- transposes
    Case("T.tensor_api_matrix", "a.T", {"a": T((2, 3), grad=True)}),
    Case("mT.tensor_api_batch", "a.mT", {"a": T((2, 3, 4), grad=True)}),
]

for _d in _DTYPES + _COMPLEX:
    CASES += [
        Case(f"to.from_{_d}", "a.to(torch.float32)", {"a": T((3,), _d)}),
        Case(f"to.into_{_d}", f"a.to(torch.{_d})", {"a": T((4,), values=[-1.5, 0.0, 0.5, 2.0])}),
        Case(f"type.name_{_d}", "a.type()", {"a": T((2,), _d)}),
        Case(f"item.of_{_d}", "a.item()", {"a": T((1,), _d)}),
        Case(f"tolist.of_{_d}", "a.tolist()", {"a": T((2,), _d)}),
    ]
for _d in _DTYPES:
    for _s in _SHORTHANDS:
        CASES.append(Case(f"{_s}.from_{_d}", f"a.{_s}()", {"a": T((3,), _d)}))
for _s in ("cfloat", "cdouble"):
    CASES.append(Case(f"{_s}.from_float", f"a.{_s}()", {"a": T((3,), grad=True)}))
CASES.append(Case("float.grad", "a.float()", {"a": T((3,), "float64", grad=True)}))
CASES.append(Case("double.grad", "a.double()", {"a": T((3,), grad=True)}))
