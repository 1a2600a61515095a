"""Autograd's errors, word for word as torch raises them, and in-place ops inside a graph.

The expected texts are torch 2.13's (checked against live torch by `test_messages_match_torch`
when it is installed). In-place ops on non-leaf tensors and on views (CopySlices) are checked by
hand-computed gradients and, when torch is installed, against it.
"""

import warnings

import pytest

import numtorch
from numtorch.autograd.graph import FREED
from tests.test_autograd import leaf, observe, plain, same_in_torch

HINT = (
    "Hint: enable anomaly detection to find the operation that failed to compute its gradient, "
    "with torch.autograd.set_detect_anomaly(True, check_nan=False)."
)


def raised(fn, lib=numtorch):
    """(exception type name, message) of fn(lib)."""
    got = observe(fn, lib)
    assert isinstance(got, tuple) and got[0] == "raised", f"did not raise: {got!r}"
    return got[1:]


# ---------------------------------------------------------------- the functions that fail


def backward_twice(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = (x * x).sum()
    y.backward()
    y.backward()


def implicit_non_scalar(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    (x * 2).backward()


def implicit_complex(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    (x * 1j).sum().backward()


def no_grad_fn(torch):
    torch.tensor([1.0, 2.0]).sum().backward()


def gradient_shape(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    (x * 2).backward(torch.ones(3))


def empty_inputs(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    (x * 2).sum().backward(inputs=[])


def grad_of_constant(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    c = torch.tensor([1.0, 2.0])
    torch.autograd.grad((x * c).sum(), c)


def saved_input_modified(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * 2
    z = y * y  # saves y (version 0)
    y.add_(1)
    z.sum().backward()


def saved_output_modified(torch):
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = x.exp()  # saves its result
    y.mul_(2)
    y.sum().backward()


def saved_base_modified_through_view(torch):
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = x * 2
    z = y * y
    y[1:].mul_(2)  # the view shares y's version counter
    z.sum().backward()


def saved_view_modified_through_base(torch):
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = x * 2
    v = y[:2]
    z = v * v
    y.add_(1)
    z.sum().backward()


def saved_leaf_modified(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * x
    with torch.no_grad():
        x.add_(1)
    y.sum().backward()


def saved_constant_modified(torch):
    a = torch.tensor([1.0, 2.0])
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * a
    a.add_(1)
    y.sum().backward()


def leaf_in_place(torch):
    torch.tensor([1.0, 2.0], requires_grad=True).add_(1)


def view_of_leaf_in_place(torch):
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    x[1:].mul_(2)


def int_requires_grad_method(torch):
    torch.tensor([1, 2]).requires_grad_()


def int_requires_grad_attribute(torch):
    torch.tensor([1, 2]).requires_grad = True


def int_requires_grad_ctor(torch):
    torch.tensor([1, 2], requires_grad=True)


def int_requires_grad_factory(torch):
    torch.zeros(2, dtype=torch.int64, requires_grad=True)


def non_leaf_requires_grad_off(torch):
    x = torch.tensor([1.0], requires_grad=True)
    (x * 2).requires_grad_(False)


def assign_grad_wrong_size(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    x.grad = torch.ones(2, 2)


def assign_grad_wrong_dtype(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    x.grad = torch.tensor([1, 1])


def assign_grad_not_tensor(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    x.grad = [1.0, 2.0]


def unused_input(torch):
    x = torch.tensor([1.0], requires_grad=True)
    u = torch.tensor([1.0], requires_grad=True)
    torch.autograd.grad((x * 2).sum(), [x, u])


def saved_after_free(torch):
    x = torch.tensor([1.0], requires_grad=True)
    y = x.exp()
    y.sum().backward()
    return y.grad_fn._saved_result


EXPECTED = {
    backward_twice: ("RuntimeError", FREED),
    implicit_non_scalar: ("RuntimeError", "grad can be implicitly created only for scalar outputs"),
    implicit_complex: (
        "RuntimeError",
        "grad can be implicitly created only for real scalar outputs but got torch.complex64",
    ),
    no_grad_fn: (
        "RuntimeError",
        "element 0 of tensors does not require grad and does not have a grad_fn",
    ),
    gradient_shape: (
        "RuntimeError",
        "Mismatch in shape: grad_output[0] has a shape of torch.Size([3]) and output[0] has a "
        "shape of torch.Size([2]).",
    ),
    empty_inputs: ("RuntimeError", "`inputs` argument to `backward()` cannot be empty."),
    grad_of_constant: ("RuntimeError", "One of the differentiated Tensors does not require grad"),
    saved_input_modified: (
        "RuntimeError",
        "one of the variables needed for gradient computation has been modified by an inplace "
        "operation: [torch.FloatTensor [2]], which is output 0 of Add, is at version 1; "
        f"expected version 0 instead. {HINT}",
    ),
    saved_output_modified: (
        "RuntimeError",
        "one of the variables needed for gradient computation has been modified by an inplace "
        "operation: [torch.FloatTensor [3]], which is output 0 of Exp, is at version 1; "
        f"expected version 0 instead. {HINT}",
    ),
    saved_base_modified_through_view: (
        "RuntimeError",
        "one of the variables needed for gradient computation has been modified by an inplace "
        "operation: [torch.FloatTensor [3]], which is output 0 of torch::autograd::CopySlices, "
        f"is at version 1; expected version 0 instead. {HINT}",
    ),
    saved_leaf_modified: (
        "RuntimeError",
        "one of the variables needed for gradient computation has been modified by an inplace "
        f"operation: [torch.FloatTensor [2]] is at version 1; expected version 0 instead. {HINT}",
    ),
    saved_constant_modified: (
        "RuntimeError",
        "one of the variables needed for gradient computation has been modified by an inplace "
        f"operation: [torch.FloatTensor [2]] is at version 1; expected version 0 instead. {HINT}",
    ),
    leaf_in_place: (
        "RuntimeError",
        "a leaf Variable that requires grad is being used in an in-place operation.",
    ),
    view_of_leaf_in_place: (
        "RuntimeError",
        "a view of a leaf Variable that requires grad is being used in an in-place operation.",
    ),
    int_requires_grad_method: (
        "RuntimeError",
        "only Tensors of floating point dtype can require gradients",
    ),
    int_requires_grad_attribute: (
        "RuntimeError",
        "only Tensors of floating point and complex dtype can require gradients",
    ),
    int_requires_grad_ctor: (
        "RuntimeError",
        "Only Tensors of floating point and complex dtype can require gradients",
    ),
    int_requires_grad_factory: (
        "RuntimeError",
        "Only Tensors of floating point and complex dtype can require gradients",
    ),
    non_leaf_requires_grad_off: (
        "RuntimeError",
        "you can only change requires_grad flags of leaf variables. If you want to use a "
        "computed variable in a subgraph that doesn't require differentiation use var_no_grad = "
        "var.detach().",
    ),
    assign_grad_wrong_size: (
        "RuntimeError",
        "attempting to assign a gradient of size '[2, 2]' to a tensor of size '[2]'. Please "
        "ensure that the gradient and the tensor are the same size",
    ),
    assign_grad_wrong_dtype: (
        "RuntimeError",
        "attempting to assign a gradient with dtype 'long int' to a tensor with grad_dtype "
        "'Float'. The gradient must match the tensor's grad_dtype (defaults to the tensor's "
        "dtype). You can set the tensor's grad_dtype attribute with a specific dtype, or None to "
        "allow any dtype. Set grad_dtype with caution. Diverging the dtypes of a tensor and its "
        "gradient may break downstream systems that assume they match.",
    ),
    assign_grad_not_tensor: (
        "TypeError",
        "assigned grad expected to be a Tensor or None but got grad of type list",
    ),
    unused_input: (
        "RuntimeError",
        "The differentiated Tensor at index 1 appears to not have been used in the graph. Set "
        "allow_unused=True if this is the desired behavior.",
    ),
    saved_after_free: ("RuntimeError", FREED),
}


@pytest.mark.parametrize("fn", list(EXPECTED), ids=lambda f: f.__name__)
def test_message(fn):
    assert raised(fn) == EXPECTED[fn]


@pytest.mark.parametrize("fn", list(EXPECTED), ids=lambda f: f.__name__)
def test_messages_match_torch(fn):
    torch = pytest.importorskip("torch")
    assert raised(fn) == raised(fn, torch)


def saved_view_modified_message_names_the_view_op():
    got = raised(saved_view_modified_through_base)
    assert got[0] == "RuntimeError"
    assert got[1].startswith("one of the variables needed for gradient computation has been")
    assert "is at version 1; expected version 0 instead." in got[1]


def test_saved_view_modified_through_base():
    saved_view_modified_message_names_the_view_op()


def test_saved_view_modified_through_base_like_torch():
    torch = pytest.importorskip("torch")
    assert raised(saved_view_modified_through_base) == raised(
        saved_view_modified_through_base, torch
    )


def test_failed_in_place_leaves_tensor_unchanged():
    x = leaf([1.0, 2.0])
    with pytest.raises(RuntimeError):
        x.add_(1)
    assert plain(x) == [1.0, 2.0] and x._version == 0


# ---------------------------------------------------------------- in-place ops in a graph


def test_in_place_on_non_leaf():
    x = leaf([1.0, 2.0])
    y = x * 2
    y.mul_(3)
    assert type(y.grad_fn).__name__ == "MulBackward0" and y._version == 1
    (y * y).sum().backward()  # y = 6x, d/dx (36x^2) = 72x
    assert plain(x.grad) == [72.0, 144.0]


def test_in_place_chain_versions():
    x = leaf([0.0, 1.0])
    y = x + 1
    y.mul_(2)
    y.add_(x)
    assert y._version == 2 and type(y.grad_fn).__name__ == "AddBackward0"
    y.sum().backward()  # y = 2(x + 1) + x
    assert plain(x.grad) == [3.0, 3.0]


def test_in_place_on_view_copy_slices():
    x = leaf([1.0, 2.0, 3.0, 4.0])
    y = x * 1
    view = y[1:3]
    view.mul_(2)
    assert type(y.grad_fn).__name__ == "CopySlices"
    assert y.grad_fn.name() == "torch::autograd::CopySlices"
    assert type(view.grad_fn).__name__ == "AsStridedBackward0"
    assert plain(y) == [1.0, 4.0, 6.0, 4.0]
    assert y._version == 1 and view._version == 1 and x._version == 0
    (y * y).sum().backward()  # y = (x0, 2x1, 2x2, x3): grad = 2y * (1, 2, 2, 1)
    assert plain(x.grad) == [2.0, 16.0, 24.0, 8.0]


def test_in_place_on_view_with_grad_input():
    x = leaf([[1.0, 2.0], [3.0, 4.0]])
    w = leaf([5.0, 6.0])
    y = x.clone()
    y[0].add_(w)
    y.t()[1].mul_(w)  # column 1 times w
    weights = numtorch.tensor([[1.0, 2.0], [3.0, 4.0]])
    (y * weights).sum().backward()
    # y = [[x00 + w0, (x01 + w1) * w0], [x10, x11 * w1]]
    assert plain(y) == [[6.0, 40.0], [3.0, 24.0]]
    assert plain(x.grad) == [[1.0, 10.0], [3.0, 24.0]]
    # dy00/dw0 = 1 (weight 1), dy01/dw0 = x01 + w1 = 8 (weight 2), dy01/dw1 = w0 (weight 2),
    # dy11/dw1 = x11 (weight 4)
    assert plain(w.grad) == [1.0 + 16.0, 10.0 + 16.0]


def test_view_of_non_leaf_then_base_used():
    x = leaf([1.0, 2.0, 3.0])
    y = x.exp()
    z = y * 1
    z[0].zero_()
    z.sum().backward()
    assert plain(x.grad) == pytest.approx([0.0, plain(y)[1], plain(y)[2]])


def _copy_slices(torch):
    x = torch.tensor([[1.0, -2.0, 3.0], [0.5, 4.0, -1.0]], requires_grad=True)
    w = torch.tensor([2.0, -1.0], requires_grad=True)
    y = x * 2
    y[:, 1].mul_(w)
    y[1].add_(y[0].detach())
    y[0, ::2].mul_(3)
    (y * y).sum().backward()
    return type(y.grad_fn).__name__, y, x.grad, w.grad


def _in_place_non_leaf(torch):
    x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
    y = x.exp()
    y.mul_(x)
    y.sub_(1)
    y.pow_(2)
    y.sum().backward()
    return type(y.grad_fn).__name__, y._version, x.grad


@pytest.mark.parametrize("fn", [_copy_slices, _in_place_non_leaf])
def test_in_place_same_as_torch(fn):
    same_in_torch(fn)


def test_non_leaf_grad_warning_text_matches_torch():
    torch = pytest.importorskip("torch")

    def read_non_leaf_grad(lib):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            (lib.tensor([1.0], requires_grad=True) * 2).grad  # noqa: B018 - the read warns
        # torch's C++ warnings end with where they were raised: not part of the message
        return [
            (c.category.__name__, str(c.message).split(" (Triggered internally")[0]) for c in caught
        ]

    assert read_non_leaf_grad(numtorch) == read_non_leaf_grad(torch)
    assert len(read_non_leaf_grad(numtorch)) == 1
