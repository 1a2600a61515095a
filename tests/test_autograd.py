"""The autograd engine: requires_grad, backward, autograd.grad, hooks, graph structure, grad modes.

Values are computed by hand, so these tests run without torch; where a comparison with live
torch is cheap, `same_in_torch` runs the same function on both libraries. Error messages and
in-place/version-counter behaviour are in test_autograd_errors.py.
"""

import threading
import warnings

import pytest

import numtorch
from numtorch.autograd.graph import FREED


def leaf(values, dtype=None):
    return numtorch.tensor(values, dtype=dtype, requires_grad=True)


def plain(t):
    """A tensor's values as nested lists (None stays None)."""
    return None if t is None else t.detach().tolist()


def observe(fn, lib):
    """fn(lib) reduced to plain data: tensors to (dtype, values, requires_grad); exceptions to
    (type name, message)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _plain_data(fn(lib))
    except Exception as e:  # noqa: BLE001 - the exception is compared
        return ("raised", type(e).__name__, str(e))


def _plain_data(x):
    if hasattr(x, "grad_fn") and hasattr(x, "dtype"):
        return (str(x.dtype), x.detach().tolist(), x.requires_grad)
    if isinstance(x, (list, tuple)):
        return [_plain_data(v) for v in x]
    if isinstance(x, dict):
        return {k: _plain_data(v) for k, v in x.items()}
    return x


def same_in_torch(fn):
    """Asserts that fn gives the same observable result on numtorch and on live torch (floats
    to float32 rounding: the two libraries may order a sum differently)."""
    torch = pytest.importorskip("torch")
    got, want = observe(fn, numtorch), observe(fn, torch)
    assert _close(got, want), f"numtorch: {got}\ntorch:    {want}"


def _close(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return a == pytest.approx(b, rel=1e-5, abs=1e-6)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    return a == b


# ---------------------------------------------------------------- requires_grad


def test_requires_grad_ctor_attribute_and_method():
    x = numtorch.tensor([1.0, 2.0], requires_grad=True)
    assert x.requires_grad and x.is_leaf and x.grad is None and x.grad_fn is None
    assert numtorch.zeros(2, requires_grad=True).requires_grad
    assert numtorch.ones(2, dtype=numtorch.float64, requires_grad=True).requires_grad
    c = numtorch.tensor([1.0, 2.0])
    assert not c.requires_grad
    c.requires_grad = True
    assert c.requires_grad
    c.requires_grad = False
    assert not c.requires_grad
    assert c.requires_grad_() is c and c.requires_grad
    assert not c.requires_grad_(False).requires_grad
    assert numtorch.tensor([1j], requires_grad=True).requires_grad  # complex may require grad


def test_requires_grad_propagates():
    x = leaf([1.0, 2.0])
    c = numtorch.tensor([3.0, 4.0])
    assert (x * c).requires_grad and not (c * c).requires_grad
    y = x * 2
    assert not y.is_leaf and y.grad_fn is not None
    assert not (x == c).requires_grad  # bool results never require grad
    assert not x.argmax().requires_grad


def test_requires_grad_errors():
    with pytest.raises(RuntimeError, match="^requires_grad must be a bool$"):
        leaf([1.0]).requires_grad = 1
    y = leaf([1.0]) * 2
    with pytest.raises(RuntimeError, match="^you can only change requires_grad flags of leaf"):
        y.requires_grad_(False)
    assert y.requires_grad_(True) is y  # asking a non-leaf for what it has is fine


def test_is_leaf():
    x = leaf([1.0, 2.0])
    c = numtorch.tensor([1.0, 2.0])
    assert x.is_leaf and c.is_leaf and (c * 2).is_leaf
    assert not (x * 2).is_leaf and not x[0].is_leaf
    assert x.detach().is_leaf


# ---------------------------------------------------------------- backward


def test_backward_scalar():
    x = leaf([1.0, 2.0, 3.0])
    (x * x).sum().backward()
    assert plain(x.grad) == [2.0, 4.0, 6.0]
    assert x.grad.dtype is numtorch.float32 and not x.grad.requires_grad


def test_backward_gradient_argument():
    x = leaf([1.0, 2.0])
    (x * x).backward(gradient=numtorch.tensor([1.0, 10.0]))
    assert plain(x.grad) == [2.0, 40.0]


def test_backward_accumulates_and_zero():
    x = leaf([1.0, 2.0])
    (x * 2).sum().backward()
    (x * 3).sum().backward()
    assert plain(x.grad) == [5.0, 5.0]
    grad = x.grad
    assert x.grad.zero_() is grad and plain(x.grad) == [0.0, 0.0]
    (x * x).sum().backward()
    assert x.grad is grad and plain(grad) == [2.0, 4.0]  # accumulated in place
    x.grad = None
    (x * 4).sum().backward()
    assert plain(x.grad) == [4.0, 4.0]


def test_backward_fan_out():
    x = leaf([1.0, 2.0])
    a, b = x * 2, x * 3
    (a * b + a).sum().backward()  # d/dx (6x^2 + 2x) = 12x + 2
    assert plain(x.grad) == [14.0, 26.0]


def test_backward_retain_graph():
    x = leaf([1.0, 2.0])
    y = (x * x).sum()
    y.backward(retain_graph=True)
    y.backward()
    assert plain(x.grad) == [4.0, 8.0]
    with pytest.raises(RuntimeError) as info:
        y.backward()
    assert str(info.value) == FREED


def test_backward_create_graph():
    x = leaf([1.0, 2.0])
    with pytest.warns(UserWarning, match="^Using backward\\(\\) with create_graph=True"):
        (x**3).sum().backward(create_graph=True)
    g = x.grad
    assert plain(g) == [3.0, 12.0] and g.requires_grad and g.grad_fn is not None
    second = numtorch.autograd.grad(g.sum(), x)[0]
    assert plain(second) == [6.0, 12.0]


def test_backward_inputs():
    x, w = leaf([1.0, 2.0]), leaf([3.0, 4.0])
    (x * w).sum().backward(inputs=[x])
    assert plain(x.grad) == [3.0, 4.0] and w.grad is None
    y = x * 2
    y.backward(numtorch.ones(2), inputs=[y])  # a non-leaf input gets its .grad
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a non-leaf's .grad warns only while it is None
        assert plain(y.grad) == [1.0, 1.0]
    assert plain(x.grad) == [3.0, 4.0]


def test_autograd_backward_function():
    x = leaf([1.0, 2.0])
    numtorch.autograd.backward([x * 2, (x * x).sum()], [numtorch.ones(2), None])
    assert plain(x.grad) == [4.0, 6.0]
    numtorch.autograd.backward((x * 3).sum())
    assert plain(x.grad) == [7.0, 9.0]


def test_backward_casts_and_reduces_to_input():
    x = leaf([[1.0], [2.0]], dtype=numtorch.float64)
    b = leaf([1.0, 2.0, 3.0])
    (x * b).sum().backward()  # broadcast (2,1) x (3,) -> (2,3)
    assert plain(x.grad) == [[6.0], [6.0]] and x.grad.dtype is numtorch.float64
    assert plain(b.grad) == [3.0, 3.0, 3.0] and b.grad.dtype is numtorch.float32


# ---------------------------------------------------------------- autograd.grad


def test_grad_returns_without_accumulating():
    x, w = leaf([1.0, 2.0]), leaf([3.0, 4.0])
    gx, gw = numtorch.autograd.grad((x * w).sum(), (x, w))
    assert plain(gx) == [3.0, 4.0] and plain(gw) == [1.0, 2.0]
    assert x.grad is None and w.grad is None
    (g,) = numtorch.autograd.grad(x * x, x, grad_outputs=numtorch.tensor([1.0, 0.5]))
    assert plain(g) == [2.0, 2.0]


def test_grad_allow_unused_and_materialize():
    x, u = leaf([1.0, 2.0]), leaf([3.0])
    gx, gu = numtorch.autograd.grad((x * x).sum(), (x, u), allow_unused=True)
    assert plain(gx) == [2.0, 4.0] and gu is None
    gx, gu = numtorch.autograd.grad((x * x).sum(), (x, u), materialize_grads=True)
    assert plain(gu) == [0.0]
    with pytest.raises(RuntimeError, match="^The differentiated Tensor at index 1 appears to not"):
        numtorch.autograd.grad((x * x).sum(), (x, u))
    with pytest.raises(ValueError, match="^Expected allow_unused to be True or not passed"):
        numtorch.autograd.grad((x * x).sum(), (x, u), materialize_grads=True, allow_unused=False)


def test_grad_frees_graph_unless_retained():
    x = leaf([1.0, 2.0])
    y = (x * x).sum()
    numtorch.autograd.grad(y, x, retain_graph=True)
    numtorch.autograd.grad(y, x)
    with pytest.raises(RuntimeError, match="^Trying to backward through the graph a second time"):
        numtorch.autograd.grad(y, x)


def test_higher_order_cube():
    x = leaf([1.0, 2.0, -3.0])
    (g1,) = numtorch.autograd.grad((x**3).sum(), x, create_graph=True)
    (g2,) = numtorch.autograd.grad(g1.sum(), x, create_graph=True)
    (g3,) = numtorch.autograd.grad(g2.sum(), x)
    assert plain(g1) == [3.0, 12.0, 27.0]
    assert plain(g2) == [6.0, 12.0, -18.0]
    assert plain(g3) == [6.0, 6.0, 6.0]


def test_higher_order_sin():
    if not hasattr(numtorch, "sin"):
        pytest.skip("numtorch.sin is not registered yet")
    import math

    x = leaf([0.5, 1.0], dtype=numtorch.float64)
    (g1,) = numtorch.autograd.grad(numtorch.sin(x).sum(), x, create_graph=True)
    (g2,) = numtorch.autograd.grad(g1.sum(), x)
    assert plain(g1) == pytest.approx([math.cos(0.5), math.cos(1.0)])
    assert plain(g2) == pytest.approx([-math.sin(0.5), -math.sin(1.0)])


def test_higher_order_mixed_partials():
    x, y = leaf([2.0]), leaf([3.0])
    f = (x * x * y).sum()  # d2f/dxdy = 2x
    (gx,) = numtorch.autograd.grad(f, x, create_graph=True)
    (gxy,) = numtorch.autograd.grad(gx.sum(), y)
    assert plain(gx) == [12.0] and plain(gxy) == [4.0]


# ---------------------------------------------------------------- retain_grad and .grad


def test_retain_grad():
    x = leaf([1.0, 2.0])
    y = x * 3
    assert not y.retains_grad
    y.retain_grad()
    assert y.retains_grad and not x.retains_grad
    (y * y).sum().backward()
    assert plain(y.grad) == [6.0, 12.0] and plain(x.grad) == [18.0, 36.0]
    x.retain_grad()  # a no-op on a leaf
    assert not x.retains_grad


def test_non_leaf_grad_warns():
    y = leaf([1.0]) * 2
    with pytest.warns(UserWarning, match="^The .grad attribute of a Tensor that is not a leaf"):
        assert y.grad is None


def test_assign_grad():
    x = leaf([1.0, 2.0])
    x.grad = numtorch.tensor([1.0, 1.0])
    (x * 2).sum().backward()
    assert plain(x.grad) == [3.0, 3.0]


# ---------------------------------------------------------------- hooks


def test_tensor_hook_modifies_grad_and_removes():
    x = leaf([1.0, 2.0])
    y = x * 3
    handle = y.register_hook(lambda g: g * 10)
    y.sum().backward(retain_graph=True)
    assert plain(x.grad) == [30.0, 30.0]
    handle.remove()
    x.grad = None
    y.sum().backward()
    assert plain(x.grad) == [3.0, 3.0]


def test_leaf_hook_sees_and_changes_what_accumulates():
    x = leaf([1.0, 2.0])
    seen = []
    x.register_hook(lambda g: seen.append(plain(g)))  # returning None keeps the gradient
    x.register_hook(lambda g: g * 2)
    (x * 3).sum().backward()
    assert seen == [[3.0, 3.0]] and plain(x.grad) == [6.0, 6.0]


def test_hooks_chain_in_registration_order():
    x = leaf([1.0])
    y = x * 1
    y.register_hook(lambda g: g + 1)
    y.register_hook(lambda g: g * 10)
    y.sum().backward()
    assert plain(x.grad) == [20.0]


def test_node_hooks():
    x = leaf([1.0, 2.0])
    y = x * 3
    log = []
    y.grad_fn.register_prehook(lambda gouts: log.append(("pre", [plain(g) for g in gouts])))
    y.grad_fn.register_hook(
        lambda gins, gouts: log.append(
            ("post", [plain(g) for g in gins], [plain(g) for g in gouts])
        )
    )
    y.backward(numtorch.tensor([1.0, 2.0]))
    assert log == [
        ("pre", [[1.0, 2.0]]),
        ("post", [[3.0, 6.0], None], [[1.0, 2.0]]),
    ]


def test_node_hooks_modify_and_remove():
    x = leaf([1.0, 2.0])
    y = x * 3
    y.grad_fn.register_prehook(lambda gouts: (gouts[0] * 2,))
    handle = y.grad_fn.register_hook(lambda gins, gouts: (gins[0] + 1, None))
    y.sum().backward(retain_graph=True)
    assert plain(x.grad) == [7.0, 7.0]
    handle.remove()
    x.grad = None
    y.sum().backward()
    assert plain(x.grad) == [6.0, 6.0]


def test_hook_errors():
    c = numtorch.tensor([1.0])
    with pytest.raises(RuntimeError, match="^cannot register a hook on a tensor that doesn't"):
        c.register_hook(lambda g: g)
    with pytest.raises(RuntimeError, match="^can't retain_grad on Tensor that has requires_grad"):
        c.retain_grad()


# ---------------------------------------------------------------- graph structure


def test_grad_fn_names_and_next_functions():
    x = leaf([1.0, 2.0])
    y = (x * 2 + 1).sum()
    assert type(y.grad_fn).__name__ == "SumBackward0" and y.grad_fn.name() == "SumBackward0"
    ((add, nr),) = y.grad_fn.next_functions
    assert type(add).__name__ == "AddBackward0" and nr == 0
    (mul, _), (const, const_nr) = add.next_functions
    assert type(mul).__name__ == "MulBackward0" and const is None and const_nr == 0
    (acc, _), (none, _) = mul.next_functions
    assert type(acc).__name__ == "AccumulateGrad" and none is None
    assert acc.name() == "torch::autograd::AccumulateGrad"
    assert acc.variable is x and acc.next_functions == ()
    assert (x * 3).grad_fn.next_functions[0][0] is (x * 4).grad_fn.next_functions[0][0]
    assert repr(mul).startswith("<MulBackward0 object at 0x")


def test_more_grad_fn_names():
    x = leaf([1.0, 2.0])
    names = {
        "x ** 3": (x**3).grad_fn,
        "x.exp()": x.exp().grad_fn,
        "x - 1": (x - 1).grad_fn,
        "x / 2": (x / 2).grad_fn,
        "x.sum(0)": x.sum(0).grad_fn,
        "x.mean()": x.mean().grad_fn,
        "x[0]": x[0].grad_fn,
        "x.view(2, 1)": x.view(2, 1).grad_fn,
    }
    got = {k: type(v).__name__ for k, v in names.items()}
    assert got == {
        "x ** 3": "PowBackward0",
        "x.exp()": "ExpBackward0",
        "x - 1": "SubBackward0",
        "x / 2": "DivBackward0",
        "x.sum(0)": "SumBackward1",
        "x.mean()": "MeanBackward0",
        "x[0]": "SelectBackward0",
        "x.view(2, 1)": "ViewBackward0",
    }


def test_saved_values():
    x, w = leaf([1.0, 2.0]), leaf([3.0, 4.0])
    y = x * w
    assert y.grad_fn._saved_self is x and y.grad_fn._saved_other is w
    e = x.exp()
    saved = e.grad_fn._saved_result
    assert plain(saved) == plain(e) and saved.grad_fn is e.grad_fn
    p = x**3
    assert p.grad_fn._saved_exponent == 3 and type(p.grad_fn._saved_exponent) is int
    assert p.grad_fn._saved_self is x
    assert x.sum().grad_fn._saved_self_sym_sizes == (2,)


def test_saved_values_freed_after_backward():
    x = leaf([1.0, 2.0])
    e = x.exp()
    e.sum().backward(retain_graph=True)
    assert plain(e.grad_fn._saved_result) == plain(e)
    e.sum().backward()
    with pytest.raises(RuntimeError) as info:
        _ = e.grad_fn._saved_result
    assert str(info.value) == FREED


# ---------------------------------------------------------------- detach


def test_detach_shares_memory_and_version():
    x = leaf([1.0, 2.0])
    y = x * 2
    d = y.detach()
    assert not d.requires_grad and d.grad_fn is None and d.is_leaf
    d.add_(1)
    assert plain(y) == [3.0, 5.0] and y._version == 1 and d._version == 1
    xd = x.detach()
    xd.mul_(2)  # allowed on the detached alias of a leaf that requires grad
    assert plain(x) == [2.0, 4.0]


def test_detach_in_place():
    x = leaf([1.0, 2.0])
    y = x * 2
    assert y.detach_() is y
    assert not y.requires_grad and y.grad_fn is None and y.is_leaf
    z = x * 2
    with pytest.raises(
        RuntimeError, match="^Can't detach views in-place. Use detach\\(\\) instead."
    ):
        z[1:].detach_()


def test_data_has_its_own_version():
    x = leaf([1.0, 2.0])
    y = x * x
    x.data.mul_(2)  # unseen by autograd, as in torch
    y.sum().backward()
    assert plain(x.grad) == [4.0, 8.0]


# ---------------------------------------------------------------- grad modes


def test_no_grad_and_enable_grad_contexts():
    x = leaf([1.0])
    with numtorch.no_grad():
        assert not numtorch.is_grad_enabled()
        assert not (x * 2).requires_grad
        with numtorch.enable_grad():
            assert (x * 2).requires_grad
        assert not numtorch.is_grad_enabled()
    assert numtorch.is_grad_enabled()


def test_grad_mode_decorators():
    x = leaf([1.0])

    @numtorch.no_grad()
    def called(a):
        return a * 2

    @numtorch.no_grad
    def bare(a):
        return a * 2

    @numtorch.enable_grad()
    def enabled(a):
        return a * 2

    @numtorch.inference_mode()
    def inferred(a):
        return a * 2

    @numtorch.inference_mode
    def inferred_bare(a):
        return a * 2

    assert not called(x).requires_grad and not bare(x).requires_grad
    assert bare.__name__ == "bare"
    with numtorch.no_grad():
        assert enabled(x).requires_grad
    assert not inferred(x).requires_grad and not inferred_bare(x).requires_grad
    assert numtorch.is_grad_enabled()


def test_set_grad_enabled():
    x = leaf([1.0])
    with numtorch.set_grad_enabled(False):
        assert not (x * 2).requires_grad
    assert numtorch.is_grad_enabled()
    numtorch.set_grad_enabled(False)  # takes effect as a plain call too
    try:
        assert not (x * 2).requires_grad
    finally:
        numtorch.set_grad_enabled(True)
    assert (x * 2).requires_grad


def test_inference_mode():
    x = leaf([1.0])
    with numtorch.inference_mode():
        assert numtorch.is_inference_mode_enabled() and not numtorch.is_grad_enabled()
        assert not (x * 2).requires_grad
    with numtorch.inference_mode(False):
        assert (x * 2).requires_grad
    assert not numtorch.is_inference_mode_enabled()


def test_grad_mode_restored_after_exception():
    with pytest.raises(ValueError), numtorch.no_grad():
        raise ValueError
    assert numtorch.is_grad_enabled()


def test_grad_mode_is_thread_local():
    seen = {}
    inside, done = threading.Event(), threading.Event()

    def worker():
        inside.wait()
        seen["enabled"] = numtorch.is_grad_enabled()
        seen["requires_grad"] = (leaf([1.0]) * 2).requires_grad
        with numtorch.no_grad():
            done.set()
            seen["own no_grad"] = numtorch.is_grad_enabled()

    t = threading.Thread(target=worker)
    t.start()
    with numtorch.no_grad():
        inside.set()
        done.wait()
    t.join()
    assert seen == {"enabled": True, "requires_grad": True, "own no_grad": False}
    assert numtorch.is_grad_enabled()


# ---------------------------------------------------------------- against live torch


def _chain(torch):
    x = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
    w = torch.tensor([[1.0, 2.0, 3.0], [0.5, -1.0, 0.25]], requires_grad=True)
    h = (w * x).tanh()
    y = (h.sigmoid() * h + h.exp() / 3).sum(dim=1)
    y.backward(torch.tensor([1.0, -2.0]))
    return x.grad, w.grad, type(y.grad_fn).__name__


def _second_order(torch):
    x = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
    y = (x.exp() * x * x).sum()
    (g,) = torch.autograd.grad(y, x, create_graph=True)
    (h,) = torch.autograd.grad((g * g).sum(), x)
    return g, h


def _hooks(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * x
    y.retain_grad()
    y.register_hook(lambda g: g * 3)
    z = (y * 2).sum()
    z.backward()
    return x.grad, y.grad


def _grad_outputs(torch):
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    a, b = x * 2, (x * x).sum(0)
    return torch.autograd.grad([a, b], x, [torch.ones(2, 2), torch.tensor([1.0, -1.0])])


@pytest.mark.parametrize("fn", [_chain, _second_order, _hooks, _grad_outputs])
def test_same_as_torch(fn):
    same_in_torch(fn)
