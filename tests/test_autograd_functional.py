"""numtorch.autograd.functional: vjp, jvp, jacobian, hessian, hvp, vhp.

`test_same_as_torch` runs each scenario on numtorch and on live torch (skipped without torch) and
compares values, dtypes, structure (tuples vs tensors), requires_grad, grad_fn names and error
messages; the tests after it check known derivatives without torch.
"""

import pytest

import numtorch
from numtorch.autograd.functional import hessian, hvp, jacobian, jvp, vhp, vjp
from tests.test_autograd_function import observe, same


def _functional(lib):
    return lib.autograd.functional


def _x(lib, grad=False):
    return lib.tensor([1.0, 2.0, 3.0], requires_grad=grad)


def _y(lib):
    return lib.tensor([0.5, -1.0])


def _square(a):
    return a**2


def _two_in_two_out(a, b):
    return a.sum() * b, a * 2


def _cubic_sum(a):
    return (a**3).sum()


def _mixed(a, b):
    return (a**2).sum() * b.sum() + (a * a.sum()).sum()


def _name(t):
    return None if t.grad_fn is None else t.grad_fn.name()


SCENARIOS = {
    # vjp
    "vjp.scalar_output": lambda lib: _functional(lib).vjp(lambda a: a.sum(), _x(lib)),
    "vjp.vector": lambda lib: _functional(lib).vjp(_square, _x(lib), lib.ones(3)),
    "vjp.tuples": lambda lib: _functional(lib).vjp(
        _two_in_two_out, (_x(lib), _y(lib)), (lib.ones(2), lib.ones(3))
    ),
    "vjp.one_tuple": lambda lib: _functional(lib).vjp(_square, (_x(lib),), lib.ones(3)),
    "vjp.unused_input": lambda lib: _functional(lib).vjp(
        lambda a, b: a * 2, (_x(lib), _y(lib)), lib.ones(3)
    ),
    "vjp.create_graph": lambda lib: [
        (lambda r: [r, _name(r[0]), _name(r[1])])(
            _functional(lib).vjp(_square, _x(lib, True), lib.ones(3), create_graph=True)
        )
    ],
    "vjp.grad_mode_off": lambda lib: _no_grad(
        lib, lambda: _functional(lib).vjp(_square, _x(lib), lib.ones(3))
    ),
    "vjp.bad_v_size": lambda lib: _functional(lib).vjp(_square, _x(lib), lib.ones(2)),
    "vjp.bad_v_tuple_len": lambda lib: _functional(lib).vjp(
        _two_in_two_out, (_x(lib), _y(lib)), (lib.ones(2),)
    ),
    "vjp.bad_v_entry": lambda lib: _functional(lib).vjp(
        _two_in_two_out, (_x(lib), _y(lib)), (lib.ones(2), lib.ones(2))
    ),
    "vjp.v_for_single": lambda lib: _functional(lib).vjp(
        _square, _x(lib), (lib.ones(3), lib.ones(3))
    ),
    "vjp.v_none": lambda lib: _functional(lib).vjp(_square, _x(lib)),
    "vjp.list_inputs": lambda lib: _functional(lib).vjp(lambda a: a.sum(), [_x(lib)]),
    "vjp.tuple_with_number": lambda lib: _functional(lib).vjp(lambda a, b: a.sum(), (_x(lib), 2)),
    "vjp.number_output": lambda lib: _functional(lib).vjp(lambda a: 3, _x(lib)),
    "vjp.strict_no_grad_output": lambda lib: _functional(lib).vjp(
        lambda a: a.detach(), _x(lib), lib.ones(3), strict=True
    ),
    "vjp.strict_unused": lambda lib: _functional(lib).vjp(
        lambda a, b: a * 2, (_x(lib), _y(lib)), lib.ones(3), strict=True
    ),
    "vjp.independent_output": lambda lib: _functional(lib).vjp(
        lambda a: lib.ones(3), _x(lib), lib.ones(3)
    ),
    # jvp
    "jvp.vector": lambda lib: _functional(lib).jvp(_square, _x(lib), lib.ones(3)),
    "jvp.tuples": lambda lib: _functional(lib).jvp(
        _two_in_two_out, (_x(lib), _y(lib)), (lib.ones(3), lib.ones(2))
    ),
    "jvp.scalar_input": lambda lib: _functional(lib).jvp(lambda a: a * 3, lib.tensor(2.0)),
    "jvp.v_none": lambda lib: _functional(lib).jvp(_square, _x(lib)),
    "jvp.bad_v": lambda lib: _functional(lib).jvp(_square, _x(lib), lib.ones(4)),
    "jvp.create_graph": lambda lib: (lambda r: [r, _name(r[1])])(
        _functional(lib).jvp(_square, _x(lib, True), lib.ones(3), create_graph=True)
    ),
    "jvp.strict_linear_ok": lambda lib: _functional(lib).jvp(
        lambda a: a * 2, _x(lib), lib.ones(3), strict=True
    ),
    "jvp.strict_unused": lambda lib: _functional(lib).jvp(
        lambda a, b: a * 2, (_x(lib), _y(lib)), (lib.ones(3), lib.ones(2)), strict=True
    ),
    "jvp.unused_input": lambda lib: _functional(lib).jvp(
        lambda a, b: (a * 2, a.sum()), (_x(lib), _y(lib)), (lib.ones(3), lib.ones(2))
    ),
    # jacobian
    "jacobian.square": lambda lib: _functional(lib).jacobian(_square, _x(lib)),
    "jacobian.tuples": lambda lib: _functional(lib).jacobian(_two_in_two_out, (_x(lib), _y(lib))),
    "jacobian.scalar_out": lambda lib: _functional(lib).jacobian(lambda a: a.sum(), _x(lib)),
    "jacobian.one_tuple": lambda lib: _functional(lib).jacobian(_square, (_x(lib),)),
    "jacobian.tuple_out_single_in": lambda lib: _functional(lib).jacobian(
        lambda a: (a * 2, a.sum()), _x(lib)
    ),
    "jacobian.matrix": lambda lib: _functional(lib).jacobian(
        lambda m: m @ m, lib.tensor([[1.0, 2.0], [3.0, 4.0]])
    ),
    "jacobian.float64": lambda lib: _functional(lib).jacobian(
        lambda a: a.exp(), lib.tensor([0.0, 1.0], dtype=lib.float64)
    ),
    "jacobian.vectorize": lambda lib: _functional(lib).jacobian(_square, _x(lib), vectorize=True),
    "jacobian.forward_vectorized": lambda lib: _functional(lib).jacobian(
        _two_in_two_out, (_x(lib), _y(lib)), vectorize=True, strategy="forward-mode"
    ),
    "jacobian.create_graph": lambda lib: (lambda j: [j, _name(j)])(
        _functional(lib).jacobian(_square, _x(lib, True), create_graph=True)
    ),
    "jacobian.unused": lambda lib: _functional(lib).jacobian(
        lambda a, b: a * 2, (_x(lib), _y(lib))
    ),
    "jacobian.strict_unused": lambda lib: _functional(lib).jacobian(
        lambda a, b: a * 2, (_x(lib), _y(lib)), strict=True
    ),
    "jacobian.strict_detached": lambda lib: _functional(lib).jacobian(
        lambda a: a.detach(), _x(lib), strict=True
    ),
    "jacobian.strict_linear_create_graph": lambda lib: _functional(lib).jacobian(
        lambda a: a * 2, _x(lib), create_graph=True, strict=True
    ),
    "jacobian.bad_strategy": lambda lib: _functional(lib).jacobian(_square, _x(lib), strategy="x"),
    "jacobian.forward_not_vectorized": lambda lib: _functional(lib).jacobian(
        _square, _x(lib), strategy="forward-mode"
    ),
    "jacobian.forward_create_graph": lambda lib: _functional(lib).jacobian(
        _square, _x(lib), strategy="forward-mode", create_graph=True
    ),
    "jacobian.forward_strict": lambda lib: _functional(lib).jacobian(
        _square, _x(lib), strategy="forward-mode", strict=True, vectorize=True
    ),
    "jacobian.strict_vectorize": lambda lib: _functional(lib).jacobian(
        _square, _x(lib), strict=True, vectorize=True
    ),
    "jacobian.empty_output": lambda lib: _functional(lib).jacobian(lambda a: a[:0], _x(lib)),
    "jacobian.empty_input": lambda lib: _functional(lib).jacobian(lambda a: a * 2, lib.ones(0)),
    # hessian
    "hessian.cubic": lambda lib: _functional(lib).hessian(_cubic_sum, _x(lib)),
    "hessian.mixed": lambda lib: _functional(lib).hessian(_mixed, (_x(lib), _y(lib))),
    "hessian.one_tuple": lambda lib: _functional(lib).hessian(_cubic_sum, (_x(lib),)),
    "hessian.matrix_input": lambda lib: _functional(lib).hessian(
        lambda m: (m**3).sum(), lib.tensor([[1.0, 2.0], [3.0, 4.0]])
    ),
    "hessian.create_graph": lambda lib: (lambda h: [h, h.requires_grad])(
        _functional(lib).hessian(_cubic_sum, _x(lib, True), create_graph=True)
    ),
    "hessian.not_scalar": lambda lib: _functional(lib).hessian(lambda a: a, _x(lib)),
    "hessian.tuple_output": lambda lib: _functional(lib).hessian(lambda a: (a.sum(),), _x(lib)),
    "hessian.linear": lambda lib: _functional(lib).hessian(lambda a: a.sum() * 2, _x(lib)),
    "hessian.strict_linear": lambda lib: _functional(lib).hessian(
        lambda a: a.sum() * 2, _x(lib), strict=True
    ),
    "hessian.bad_strategy": lambda lib: _functional(lib).hessian(
        _cubic_sum, _x(lib), outer_jacobian_strategy="y"
    ),
    "hessian.forward_vectorized": lambda lib: _functional(lib).hessian(
        _cubic_sum, _x(lib), vectorize=True, outer_jacobian_strategy="forward-mode"
    ),
    # hvp / vhp
    "hvp.cubic": lambda lib: _functional(lib).hvp(_cubic_sum, _x(lib), lib.ones(3)),
    "vhp.cubic": lambda lib: _functional(lib).vhp(_cubic_sum, _x(lib), lib.ones(3)),
    "hvp.mixed": lambda lib: _functional(lib).hvp(
        _mixed, (_x(lib), _y(lib)), (lib.ones(3), lib.tensor([1.0, 2.0]))
    ),
    "vhp.mixed": lambda lib: _functional(lib).vhp(
        _mixed, (_x(lib), _y(lib)), (lib.ones(3), lib.tensor([1.0, 2.0]))
    ),
    "hvp.v_none": lambda lib: _functional(lib).hvp(_cubic_sum, _x(lib)),
    "hvp.v_none_scalar": lambda lib: _functional(lib).hvp(lambda a: a**3, lib.tensor(2.0)),
    "vhp.not_scalar": lambda lib: _functional(lib).vhp(lambda a: a, _x(lib), lib.ones(3)),
    "hvp.tuple_output": lambda lib: _functional(lib).hvp(
        lambda a: (a.sum(),), _x(lib), lib.ones(3)
    ),
    "hvp.create_graph": lambda lib: (lambda r: [r, _name(r[1])])(
        _functional(lib).hvp(_cubic_sum, _x(lib, True), lib.ones(3), create_graph=True)
    ),
    "vhp.linear": lambda lib: _functional(lib).vhp(lambda a: a.sum() * 2, _x(lib), lib.ones(3)),
    "vhp.strict_linear": lambda lib: _functional(lib).vhp(
        lambda a: a.sum() * 2, _x(lib), lib.ones(3), strict=True
    ),
    "hvp.strict_quadratic": lambda lib: _functional(lib).hvp(
        lambda a: (a * a).sum(), _x(lib), lib.ones(3), strict=True
    ),
    "hvp.bad_v": lambda lib: _functional(lib).hvp(_cubic_sum, _x(lib), lib.ones(2)),
}


def _no_grad(lib, fn):
    with lib.no_grad():
        result = fn()
    return [result, lib.is_grad_enabled()]


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_same_as_torch(name):
    torch = pytest.importorskip("torch")
    got, want = observe(SCENARIOS[name], numtorch), observe(SCENARIOS[name], torch)
    assert same(got, want), f"numtorch: {got}\ntorch:    {want}"


# ----------------------------------------------------------------- numtorch alone


def test_hessian_of_quadratic_form():
    a = numtorch.tensor([[2.0, 1.0], [1.0, 3.0]], dtype=numtorch.float64)

    def quadratic(x):
        return x @ a @ x

    x = numtorch.tensor([0.3, -0.7], dtype=numtorch.float64)
    h = hessian(quadratic, x)
    assert h.tolist() == [[4.0, 2.0], [2.0, 6.0]]  # A + A^T
    v = numtorch.tensor([1.0, 2.0], dtype=numtorch.float64)
    _, hv = hvp(quadratic, x, v)
    _, vh = vhp(quadratic, x, v)
    assert hv.tolist() == vh.tolist() == [8.0, 14.0]


def test_jacobian_of_linear_map_is_the_matrix():
    m = numtorch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    j = jacobian(lambda x: m @ x, numtorch.zeros(3))
    assert j.tolist() == m.tolist()
    assert not j.requires_grad


def test_structures():
    x, y = numtorch.ones(3), numtorch.ones(2)
    out, grads = vjp(lambda a, b: a.sum() + b.sum(), (x, y))
    assert isinstance(grads, tuple) and len(grads) == 2
    out, grads = vjp(lambda a: a.sum(), x)
    assert isinstance(grads, numtorch.Tensor)
    jac = jacobian(lambda a, b: (a * 2, b.sum()), (x, y))
    assert [[tuple(t.shape) for t in row] for row in jac] == [[(3, 3), (3, 2)], [(3,), (2,)]]
    jac = jacobian(lambda a: (a * 2, a.sum()), x)
    assert [tuple(t.shape) for t in jac] == [(3, 3), (3,)]
    out, jv = jvp(lambda a: (a * 2, a.sum()), x, numtorch.ones(3))
    assert [t.tolist() for t in jv] == [[2.0, 2.0, 2.0], 3.0]


def test_create_graph_keeps_the_caller_graph():
    x = numtorch.tensor([1.0, 2.0], requires_grad=True)
    _, g = vjp(lambda a: (a**3).sum(), x, create_graph=True)
    assert g.requires_grad
    g.sum().backward()
    assert x.grad.tolist() == [6.0, 12.0]


def test_errors_without_torch():
    x = numtorch.ones(3)
    with pytest.raises(RuntimeError, match=r"v has invalid size: should be torch.Size\(\[3\]\)"):
        vjp(lambda a: a * 2, x, numtorch.ones(2))
    with pytest.raises(TypeError, match="The inputs given to jacobian must be either a Tensor"):
        jacobian(lambda a: a, [x])
    with pytest.raises(RuntimeError, match="should contain a single element"):
        hessian(lambda a: a, x)
