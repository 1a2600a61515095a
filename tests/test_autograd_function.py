"""Custom autograd Functions (numtorch.autograd.Function).

Each scenario is a function of the library (numtorch or torch) returning plain data, so the same
code runs on both: `test_same_as_torch` compares them live (skipped without torch); the tests
after it check numtorch alone against hand-computed values and gradcheck.
"""

import re
import warnings
import weakref

import pytest

import numtorch
from numtorch.autograd import gradcheck, gradgradcheck
from numtorch.autograd.function import Function, FunctionCtx, once_differentiable


def observe(fn, lib):
    """fn(lib) as plain data: tensors to (dtype, values, requires_grad), an exception to
    ("raised", type name, message); warnings are recorded as ("warned", category, message)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = _plain(fn(lib))
        except Exception as e:  # noqa: BLE001 - the exception is what is compared
            result = ("raised", type(e).__name__, str(e))
    warned = [
        ("warned", w.category.__name__, str(w.message).split(" (Triggered internally")[0])
        for w in caught
        # NumPy's divide-by-zero notes; torch's internal torch.jit deprecation notes
        if not issubclass(w.category, RuntimeWarning) and "torch.jit" not in str(w.message)
    ]
    return [result, *warned] if warned else result


def _plain(x):
    if hasattr(x, "grad_fn") and hasattr(x, "dtype"):
        return ("tensor", str(x.dtype), x.detach().tolist(), x.requires_grad)
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    if isinstance(x, float):
        return round(x, 5)
    return x


def same(a, b):
    """Equal plain data, floats to float32 rounding (exp and sums may round differently)."""
    if isinstance(a, float) and isinstance(b, float):
        return a == pytest.approx(b, rel=1e-5, abs=1e-6, nan_ok=True)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


def node_name(t):
    fn = t.grad_fn
    return None if fn is None else fn.name()


# ----------------------------------------------------------------- scenarios (both libraries)


def _scale_fn(lib):
    class Scale(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x, k):
            ctx.save_for_backward(x)
            ctx.k = k
            ctx.seen = ctx.needs_input_grad
            return x * k

        @staticmethod
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return g * ctx.k * x, None

    return Scale


def s_basic(lib):
    Scale = _scale_fn(lib)
    x = lib.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = Scale.apply(x, 2.0)
    y.sum().backward()
    fn = y.grad_fn
    return [
        y,
        x.grad,
        fn.name(),
        type(fn).__name__,
        type(fn).__qualname__,
        fn.seen,
        fn.k,
        fn.needs_input_grad,
        [n.name() if n is not None else None for n, _ in fn.next_functions],
        str(y).replace("numtorch", "torch"),
        issubclass(type(fn), lib.autograd.function.FunctionCtx),
        type(fn)._forward_cls is Scale,
    ]


def s_saved_after_backward(lib):
    Scale = _scale_fn(lib)
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    y = Scale.apply(x, 3.0)
    y.sum().backward()
    return y.grad_fn.saved_tensors


def s_retain_graph(lib):
    Scale = _scale_fn(lib)
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    y = Scale.apply(x, 3.0)
    y.sum().backward(retain_graph=True)
    y.sum().backward()
    return [x.grad, len(y.grad_fn.saved_tensors)]


def s_no_grad(lib):
    Scale = _scale_fn(lib)
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    with lib.no_grad():
        y = Scale.apply(x, 2.0)
    z = Scale.apply(lib.tensor([1.0]), 2.0)
    return [y, y.grad_fn is None, z, z.grad_fn is None]


def s_setup_context(lib):
    class Mul(lib.autograd.Function):
        @staticmethod
        def forward(x, k=3.0):
            return x * k

        @staticmethod
        def setup_context(ctx, inputs, output):
            x, k = inputs
            ctx.k = k
            ctx.grad_mode = lib.is_grad_enabled()
            ctx.save_for_backward(x, output)

        @staticmethod
        def backward(ctx, g):
            x, out = ctx.saved_tensors
            return g * ctx.k + 0 * out, None

    x = lib.tensor([1.0, -2.0], requires_grad=True)
    y = Mul.apply(x)
    z = Mul.apply(x, k=5.0)
    (y.sum() + z.sum()).backward()
    return [y, z, x.grad, y.grad_fn.grad_mode, node_name(y.grad_fn.saved_tensors[1])]


def s_kwargs_old_style(lib):
    class Lin(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x, a=1.0, b=0.0):
            return x * a + b

        @staticmethod
        def backward(ctx, g):
            return g, None, None

    x = lib.tensor([1.0, 2.0], requires_grad=True)
    return [Lin.apply(x, 2.0, b=1.0), Lin.apply(x)]


def s_multiple_outputs(lib):
    class Split(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            idx = x.argmax()
            ctx.mark_non_differentiable(idx)
            return x * 2, idx, x * 3, "label", 5

        @staticmethod
        def backward(ctx, ga, gi, gc, gs, gn):
            ctx.got = [ga, gi, gc, gs, gn]
            return ga * 2 + gc * 3

    x = lib.tensor([1.0, 4.0, 2.0], requires_grad=True)
    a, i, c, s, n = Split.apply(x)
    a.sum().backward()
    fn = a.grad_fn
    return [a, i, c, s, n, x.grad, fn.got, c.grad_fn is fn, i.grad_fn is None]


def s_materialize_off(lib):
    class Two(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.set_materialize_grads(False)
            return x * 2, x * 3

        @staticmethod
        def backward(ctx, ga, gb):
            ctx.got = [ga is None, gb is None]
            return ga * 2 if ga is not None else gb * 3

    x = lib.tensor([1.0, 2.0], requires_grad=True)
    a, b = Two.apply(x)
    b.sum().backward()
    return [x.grad, a.grad_fn.got]


def s_outputs_are_inputs(lib):
    class Id(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x, y):
            return x, y

        @staticmethod
        def backward(ctx, gx, gy):
            return gx * 2, gy

    x = lib.tensor([1.0, 2.0], requires_grad=True)
    y = lib.tensor([3.0, 4.0])
    a, b = Id.apply(x, y)
    (a * b).sum().backward()
    c, d = Id.apply(x.detach(), y)
    return [
        a is x,
        a._base is x,
        a._is_view(),
        node_name(a),
        b is y,
        b._base is y,
        node_name(b),
        b.requires_grad,
        a.data_ptr() == x.data_ptr(),
        x.grad,
        c._is_view(),
        c.requires_grad,
        d.grad_fn is None,
    ]


def s_mark_dirty(lib):
    class Double(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            x.mul_(2)
            ctx.mark_dirty(x)
            return x

        @staticmethod
        def backward(ctx, g):
            return g * 2

    x = lib.tensor([1.0, 2.0], requires_grad=True)
    y = x * 1
    z = Double.apply(y)
    z.sum().backward()
    plain = lib.tensor([1.0, 2.0])
    w = Double.apply(plain)
    return [z is y, node_name(y), y._version, y, x.grad, w is plain, plain._version, w]


def s_mark_dirty_leaf(lib):
    class Double(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            x.mul_(2)
            ctx.mark_dirty(x)
            return x

        @staticmethod
        def backward(ctx, g):
            return g * 2

    x = lib.tensor([1.0, 2.0], requires_grad=True)
    try:
        Double.apply(x)
    except RuntimeError as e:
        return [str(e), x._version]


def s_mark_dirty_no_grad(lib):
    class Double(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            x.mul_(2)
            ctx.mark_dirty(x)
            return x

        @staticmethod
        def backward(ctx, g):
            return g * 2

    x = lib.tensor([1.0, 2.0], requires_grad=True)
    with lib.no_grad():
        z = Double.apply(x)
    return [z is x, z.requires_grad, x._version, z]


def s_mark_dirty_view(lib):
    class Double(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            x.mul_(2)
            ctx.mark_dirty(x)
            return x

        @staticmethod
        def backward(ctx, g):
            return g * 2

    x = lib.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
    y = x * 1
    v = y[:2]
    z = Double.apply(v)
    y.sum().backward()
    return [z is v, node_name(v), node_name(y), y, x.grad]


def s_dirty_not_returned(lib):
    class Bad(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            x.mul_(2)
            ctx.mark_dirty(x)
            return x * 1

        @staticmethod
        def backward(ctx, g):
            return g

    x = lib.tensor([1.0], requires_grad=True)
    return Bad.apply(x * 1)


def s_saved_modified(lib):
    class Exp(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            r = x.exp()
            ctx.save_for_backward(r)
            return r

        @staticmethod
        def backward(ctx, g):
            (r,) = ctx.saved_tensors
            return g * r

    x = lib.tensor([0.0, 1.0], requires_grad=True)
    y = Exp.apply(x)
    y.add_(1)
    return y.sum().backward()


def s_saved_input_modified(lib):
    class Sv(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x, None)
            return x * 2

        @staticmethod
        def backward(ctx, g):
            x, none = ctx.saved_tensors
            return g * 2

    out = []
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    y0 = x * 1
    y = Sv.apply(y0)
    y0.add_(1)
    try:
        y.sum().backward()
    except RuntimeError as e:
        out.append(str(e))
    y = Sv.apply(x)
    with lib.no_grad():
        x.add_(1)
    try:
        y.sum().backward()
    except RuntimeError as e:
        out.append(str(e))
    return out


def s_save_non_tensor(lib):
    class Bad(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x, 3)
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g

    x = lib.tensor([1.0], requires_grad=True)
    with lib.no_grad():
        Bad.apply(x)  # not recorded: nothing is saved, nothing checked
    return Bad.apply(x)


def _returning(lib, make_grads, first_is_scalar=False):
    class F(lib.autograd.Function):
        @staticmethod
        def forward(ctx, a, b):
            return (b * a) if first_is_scalar else (a * b)

        @staticmethod
        def backward(ctx, g):
            return make_grads(lib, g)

    x = lib.tensor([1.0, 2.0], requires_grad=True)
    args = (2.0, x) if first_is_scalar else (x, 2.0)
    y = F.apply(*args)
    y.sum().backward()
    return x.grad


GRADIENT_RETURNS = {
    "too_few_bare": lambda lib, g: g,
    "too_few_tuple": lambda lib, g: (g,),
    "extra_none": lambda lib, g: (g, None, None),
    "too_many": lambda lib, g: (g, None, g),
    "grad_for_non_tensor": lambda lib, g: (g, g),
    "bad_shape": lambda lib, g: (lib.ones(3), None),
    "broadcast_shape": lambda lib, g: (lib.ones(4, 2), None),
    "shape_1": lambda lib, g: (lib.ones(1), None),
    "shape_0d": lambda lib, g: (lib.tensor(1.0), None),
    "float64": lambda lib, g: (lib.ones(2, dtype=lib.float64), None),
    "int64": lambda lib, g: (lib.ones(2, dtype=lib.int64), None),
    "complex": lambda lib, g: (lib.ones(2, dtype=lib.complex64), None),
    "python_float": lambda lib, g: (3.0, None),
    "list": lambda lib, g: [g, None],
    "none": lambda lib, g: (None, None),
}


def s_index_counts_tensors(lib):
    """The gradient index in torch's shape message counts tensor inputs only."""
    return _returning(lib, lambda lib, g: (None, lib.ones(3)), first_is_scalar=True)


def s_unneeded_gradient_unchecked(lib):
    class F(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x, y):
            return x * y

        @staticmethod
        def backward(ctx, g):
            return g * 2, lib.ones(5)

    x = lib.tensor([1.0, 2.0], requires_grad=True)
    y = F.apply(x, lib.tensor([3.0, 4.0]))
    y.sum().backward()
    return [x.grad, [n is None for n, _ in y.grad_fn.next_functions]]


def s_double_backward(lib):
    class Cube(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x**3

        @staticmethod
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return 3 * x**2 * g

    x = lib.tensor([1.0, 2.0], requires_grad=True)
    (g,) = lib.autograd.grad(Cube.apply(x).sum(), x, create_graph=True)
    (gg,) = lib.autograd.grad(g.sum(), x)
    return [g, node_name(g), gg]


def s_once_differentiable(lib):
    once = lib.autograd.function.once_differentiable

    class Exp(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x.exp()

        @staticmethod
        @once
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return g * x.exp()

    x = lib.tensor([0.0, 1.0], requires_grad=True)
    y = Exp.apply(x)
    (g,) = lib.autograd.grad(y.sum(), x, create_graph=True)
    seed = lib.ones(2, requires_grad=True)
    (g2,) = lib.autograd.grad(Exp.apply(x), x, seed, create_graph=True)
    out = [g, g2, g2.grad_fn.name()]
    try:
        g2.sum().backward()
    except RuntimeError as e:
        out.append(str(e))
    return out


def s_legacy_call(lib):
    Scale = _scale_fn(lib)
    inst = Scale()
    return inst(lib.ones(1), 2.0)


def s_unimplemented(lib):
    class NoForward(lib.autograd.Function):
        pass

    class NoBackward(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

    out = []
    x = lib.ones(2, requires_grad=True)
    for call in (lambda: NoForward.apply(x), lambda: NoBackward.apply(x).sum().backward()):
        try:
            call()
        except NotImplementedError as e:
            out.append(str(e))
    return out


def s_backward_and_vjp(lib):
    class Both(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g

        @staticmethod
        def vjp(ctx, g):
            return g

    return Both.apply(lib.ones(2, requires_grad=True)).sum().backward()


def s_vjp_only(lib):
    class OnlyVjp(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def vjp(ctx, g):
            return g * 5

    x = lib.ones(2, requires_grad=True)
    OnlyVjp.apply(x).sum().backward()
    return x.grad


def s_non_tensor_only(lib):
    class Twice(lib.autograd.Function):
        @staticmethod
        def forward(ctx, a):
            return a * 2

        @staticmethod
        def backward(ctx, g):
            return g

    return Twice.apply(3)


def s_hooks_on_node(lib):
    Scale = _scale_fn(lib)
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    y = Scale.apply(x, 2.0)
    seen = []
    y.grad_fn.register_hook(lambda gi, go: seen.append([gi, go]))
    y.grad_fn.register_prehook(lambda go: (go[0] * 10,))
    y.register_hook(lambda g: g + 1)
    y.sum().backward()
    return [x.grad, seen]


def s_int_output(lib):
    class Round(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x.round().long(), x * 1

        @staticmethod
        def backward(ctx, gi, gx):
            ctx.gi = gi
            return gx

    x = lib.tensor([1.4, 2.6], requires_grad=True)
    r, y = Round.apply(x)
    y.sum().backward()
    return [r, r.grad_fn is None, y.grad_fn.gi, x.grad]


def s_dirty_non_input(lib):
    class D(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            t = x * 2
            ctx.mark_dirty(t)
            return t

        @staticmethod
        def backward(ctx, g):
            return g * 2

    x = lib.tensor([1.0], requires_grad=True)
    y = D.apply(x)
    y.sum().backward()
    return [y, x.grad]


def s_sequence_in_graph(lib):
    Scale = _scale_fn(lib)
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    y = (Scale.apply(x * 2, 3.0) + 1).exp().sum()
    names, fn = [], y.grad_fn
    while fn is not None:
        names.append(fn.name())
        fn = fn.next_functions[0][0] if fn.next_functions else None
    y.backward()
    return [names, x.grad]


def s_twice_same(lib):
    class F(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            y = x * 2
            return y, y

        @staticmethod
        def backward(ctx, g, h):
            return g + 10 * h

    x = lib.ones(2, requires_grad=True)
    a, b = F.apply(x)
    (a.sum() + b.sum() * 2).backward()
    return [a is b, x.grad]


def s_same_input_twice(lib):
    class F(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x, y):
            return x * y

        @staticmethod
        def backward(ctx, g):
            return g * 2, g * 3

    x = lib.ones(2, requires_grad=True)
    F.apply(x, x).sum().backward()
    return x.grad


def s_bool_output(lib):
    class F(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x > 0, x * 1

        @staticmethod
        def backward(ctx, g, h):
            ctx.g = g
            return h

    x = lib.ones(2, requires_grad=True)
    a, b = F.apply(x)
    b.sum().backward()
    return [a, b, b.grad_fn.g]


def s_complex_fn(lib):
    class F(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * x

        @staticmethod
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return g * 2 * x.conj()

    x = lib.tensor([1 + 1j, 2 - 1j], requires_grad=True)
    y = F.apply(x)
    y.abs().sum().backward()
    return [str(x.grad)]


def s_view_of_nograd_input(lib):
    class F(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x, w):
            return x[:1] * 1, x.view(-1)

        @staticmethod
        def backward(ctx, g, h):
            return None, g.sum() * lib.ones(2)

    x = lib.ones(2)
    w = lib.ones(2, requires_grad=True)
    a, b = F.apply(x, w)
    (a.sum() + b.sum()).backward()
    return [a.requires_grad, b.requires_grad, b._base is x, w.grad]


def s_intermediate_saved(lib):
    class F(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            t = x.exp()
            ctx.save_for_backward(t)
            return t * 2

        @staticmethod
        def backward(ctx, g):
            (t,) = ctx.saved_tensors
            return g * 2 * t

    x = lib.tensor([0.0, 1.0], requires_grad=True)
    (g,) = lib.autograd.grad(F.apply(x).sum(), x, create_graph=True)
    return [g, g.requires_grad, g.grad_fn.name() if g.grad_fn else None]


def s_retain_grad_output(lib):
    class F(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g * 2

    x = lib.ones(2, requires_grad=True)
    y = F.apply(x)
    y.retain_grad()
    (y * 3).sum().backward()
    return [y.grad, x.grad]


SCENARIOS = [v for k, v in sorted(globals().items()) if k.startswith("s_")]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda f: f.__name__[2:])
def test_same_as_torch(scenario):
    torch = pytest.importorskip("torch")
    got, want = observe(scenario, numtorch), observe(scenario, torch)
    assert same(got, want), f"numtorch: {got}\ntorch:    {want}"


@pytest.mark.parametrize("case", sorted(GRADIENT_RETURNS))
def test_backward_returns_same_as_torch(case):
    torch = pytest.importorskip("torch")

    def scenario(lib):
        return _returning(lib, GRADIENT_RETURNS[case])

    got, want = observe(scenario, numtorch), observe(scenario, torch)
    assert same(got, want), f"numtorch: {got}\ntorch:    {want}"


# ----------------------------------------------------------------- numtorch alone


class Cube(Function):
    """x**3 with its own backward, differentiable again (double backward)."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**3

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return 3 * x**2 * g


class MulAdd(Function):
    """(a * b + c, a - b) with a non-tensor scale, in the setup_context style."""

    @staticmethod
    def forward(a, b, c, scale):
        return (a * b + c) * scale, a - b

    @staticmethod
    def setup_context(ctx, inputs, output):
        a, b, _, scale = inputs
        ctx.save_for_backward(a, b)
        ctx.scale = scale

    @staticmethod
    def backward(ctx, g, h):
        a, b = ctx.saved_tensors
        s = ctx.scale
        return g * b * s + h, g * a * s - h, g * s, None


class Exp(Function):
    """exp with its result saved (an output saved for backward)."""

    @staticmethod
    def forward(ctx, x):
        r = x.exp()
        ctx.save_for_backward(r)
        return r

    @staticmethod
    def backward(ctx, g):
        (r,) = ctx.saved_tensors
        return g * r


def d64(values):
    return numtorch.tensor(values, dtype=numtorch.float64, requires_grad=True)


def test_hand_computed_gradients():
    x = numtorch.tensor([1.0, -2.0, 0.5], requires_grad=True)
    Cube.apply(x).sum().backward()
    assert x.grad.tolist() == [3.0, 12.0, 0.75]
    a, b, c = (numtorch.tensor([v], requires_grad=True) for v in (2.0, 3.0, 4.0))
    y, z = MulAdd.apply(a, b, c, 10.0)
    assert y.tolist() == [100.0] and z.tolist() == [-1.0]
    (y + 2 * z).sum().backward()
    assert [a.grad.item(), b.grad.item(), c.grad.item()] == [32.0, 18.0, 10.0]


def test_gradcheck_custom_functions():
    assert gradcheck(Cube.apply, (d64([0.3, -1.2, 2.0]),))
    assert gradgradcheck(Cube.apply, (d64([0.3, -1.2, 2.0]),))
    assert gradcheck(Exp.apply, (d64([0.1, 0.7]),))
    assert gradgradcheck(Exp.apply, (d64([0.1, 0.7]),))
    inputs = (d64([0.5, 1.5]), d64([2.0, -1.0]), d64([0.25, 0.75]), 3.0)
    assert gradcheck(MulAdd.apply, inputs)
    assert gradgradcheck(MulAdd.apply, inputs)


def test_double_backward_values():
    x = numtorch.tensor([1.0, 2.0], requires_grad=True)
    (g,) = numtorch.autograd.grad(Cube.apply(x).sum(), x, create_graph=True)
    assert g.tolist() == [3.0, 12.0]
    (gg,) = numtorch.autograd.grad(g.sum(), x)
    assert gg.tolist() == [6.0, 12.0]


def test_ctx_is_the_grad_fn():
    x = numtorch.ones(2, requires_grad=True)
    y = Cube.apply(x)
    fn = y.grad_fn
    assert isinstance(fn, FunctionCtx)
    assert type(fn).__name__ == "CubeBackward" == fn.name()
    assert type(fn).__module__ == "numtorch.autograd.function"
    assert repr(fn).startswith("<numtorch.autograd.function.CubeBackward object at 0x")
    assert "grad_fn=<CubeBackward>" in repr(y)
    assert Cube._backward_cls is type(fn)
    assert fn.saved_tensors[0] is x
    assert fn.needs_input_grad == (True,)
    assert numtorch.autograd.Function is Function
    assert numtorch.autograd.function.Function is Function


def test_saved_output_has_history_and_no_cycle():
    x = numtorch.tensor([0.0], requires_grad=True)
    y = Exp.apply(x)
    fn = y.grad_fn
    (saved,) = fn.saved_tensors
    assert saved.grad_fn is fn and saved is not y
    ref = weakref.ref(fn)
    del y, saved, fn
    assert ref() is None  # the node held its output without a reference cycle


def test_saved_tensors_freed_after_backward():
    x = numtorch.tensor([1.0], requires_grad=True)
    y = Cube.apply(x)
    y.backward(retain_graph=True)
    y.backward()
    assert x.grad.item() == 6.0
    with pytest.raises(RuntimeError, match="^Trying to backward through the graph a second"):
        _ = y.grad_fn.saved_tensors
    with pytest.raises(RuntimeError, match="^Trying to backward through the graph a second"):
        y.backward()


def test_materialized_zeros_and_int_outputs():
    class Pair(Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2, x.argmax()

        @staticmethod
        def backward(ctx, g, gi):
            ctx.zero_int = (gi.dtype, gi.tolist())
            return g * 2

    x = numtorch.tensor([1.0, 3.0], requires_grad=True)
    y, i = Pair.apply(x)
    assert not i.requires_grad and i.grad_fn is None
    y.sum().backward()
    assert y.grad_fn.zero_int == (numtorch.int64, 0)
    assert x.grad.tolist() == [2.0, 2.0]


def test_gradient_broadcast_reduced_and_cast():
    class Wide(Function):
        @staticmethod
        def forward(ctx, x):
            return x.clone()

        @staticmethod
        def backward(ctx, g):
            return numtorch.ones(3, 2, dtype=numtorch.float64)

    x = numtorch.zeros(2, requires_grad=True)
    Wide.apply(x).sum().backward()
    assert x.grad.dtype is numtorch.float32
    assert x.grad.tolist() == [3.0, 3.0]


def test_invalid_gradient_message():
    class Bad(Function):
        @staticmethod
        def forward(ctx, x):
            return x * 1

        @staticmethod
        def backward(ctx, g):
            return numtorch.ones(3)

    x = numtorch.zeros(2, requires_grad=True)
    msg = (
        "Function BadBackward returned an invalid gradient at index 0 - got [3] but expected "
        "shape compatible with [2]"
    )
    with pytest.raises(RuntimeError, match="^" + re.escape(msg) + "$"):
        Bad.apply(x).sum().backward()


def test_once_differentiable_first_order_and_error():
    class Sq(Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * x

        @staticmethod
        @once_differentiable
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return 2 * x * g

    x = numtorch.tensor([3.0], requires_grad=True)
    seed = numtorch.ones(1, requires_grad=True)
    (g,) = numtorch.autograd.grad(Sq.apply(x), x, seed, create_graph=True)
    assert g.tolist() == [6.0] and g.grad_fn.name() == "torch::autograd::Error"
    with pytest.raises(RuntimeError, match="differentiate twice"):
        g.sum().backward()


def test_graph_freed_after_training_steps():
    """No reference cycle keeps a step's graph alive once its tensors are gone."""
    w = numtorch.tensor([0.5], requires_grad=True)
    refs = []
    for _ in range(3):
        y = Cube.apply(w * 2)
        refs.append(weakref.ref(y.grad_fn))
        y.sum().backward()
        del y
    assert all(r() is None for r in refs)
