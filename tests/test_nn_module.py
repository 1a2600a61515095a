"""nn.Parameter, nn.Buffer and nn.Module's registration, iteration, modes, conversions and repr:
differential against torch where it is installed, plus torch-free checks with torch's output
recorded as literals."""

import copy
import pickle

import pytest

import numtorch
import numtorch.nn as nn
from tests.nn_module_helpers import needs_torch, same

# ---------------------------------------------------------------- Parameter and Buffer


def test_parameter_repr_torch_free():
    p = nn.Parameter(numtorch.zeros(2, 2))
    assert repr(p) == (
        "Parameter containing:\ntensor([[0., 0.],\n        [0., 0.]], requires_grad=True)"
    )
    q = nn.Parameter(numtorch.zeros(2, dtype=numtorch.float64), requires_grad=False)
    assert repr(q) == "Parameter containing:\ntensor([0., 0.], dtype=torch.float64)"
    assert repr(nn.Parameter()) == "Parameter containing:\ntensor([], requires_grad=True)"


def test_parameter_shares_memory_and_version():
    t = numtorch.zeros(3)
    p = nn.Parameter(t)
    assert p.data_ptr() == t.data_ptr() and p is not t
    t.add_(1)
    assert p._version == 1 and p.tolist() == [1.0, 1.0, 1.0]
    assert isinstance(p, numtorch.Tensor) and isinstance(p, nn.Parameter)
    assert p.is_leaf and p.requires_grad and p.grad_fn is None


def test_parameter_ops_return_plain_tensors():
    p = nn.Parameter(numtorch.ones(2, 2))
    for out in (p * 2, p.detach(), p.data, p.clone(), p[0], p.t(), p.sum()):
        assert type(out) is numtorch.Tensor
    assert not isinstance(numtorch.ones(2), nn.Parameter)


def test_parameter_from_non_leaf_is_a_leaf():
    x = numtorch.ones(2, requires_grad=True)
    p = nn.Parameter(x * 2)
    assert p.grad_fn is None and p.is_leaf and p.tolist() == [2.0, 2.0]


def test_parameter_int_dtype():
    with pytest.raises(RuntimeError, match="Only Tensors of floating point and complex dtype"):
        nn.Parameter(numtorch.arange(3))
    p = nn.Parameter(numtorch.arange(3), requires_grad=False)
    assert repr(p) == "Parameter containing:\ntensor([0, 1, 2])"


def test_parameter_deepcopy_and_pickle():
    p = nn.Parameter(numtorch.ones(2))
    p.grad = numtorch.ones(2)
    p.tag = "w"
    q = copy.deepcopy(p)
    assert type(q) is nn.Parameter and q.requires_grad and q.grad is None
    assert q.data_ptr() != p.data_ptr() and q.tolist() == [1.0, 1.0]
    r = pickle.loads(pickle.dumps(p))
    assert type(r) is nn.Parameter and r.tag == "w" and r.requires_grad and r.tolist() == [1, 1]
    frozen = pickle.loads(pickle.dumps(nn.Parameter(numtorch.ones(1), requires_grad=False)))
    assert not frozen.requires_grad


def test_buffer_marker():
    b = nn.Buffer(numtorch.zeros(2), persistent=False)
    assert type(b) is numtorch.Tensor and isinstance(b, nn.Buffer) and b.persistent is False
    m = nn.Module()
    m.b = b
    assert "b" in m._buffers and "b" in m._non_persistent_buffers_set
    assert list(m.state_dict()) == []


# ---------------------------------------------------------------- registration


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(numtorch.ones(2, 3))
        self.register_buffer("running", numtorch.zeros(3))
        self.register_buffer("scratch", numtorch.zeros(1), persistent=False)
        self.child = nn.Module()
        self.child.p = nn.Parameter(numtorch.ones(3))
        self.plain = 5

    def forward(self, x):
        return x @ self.w


def test_registration_tables_torch_free():
    m = Net()
    assert list(m._parameters) == ["w"] and list(m._buffers) == ["running", "scratch"]
    assert list(m._modules) == ["child"] and m.__dict__["plain"] == 5
    assert [n for n, _ in m.named_parameters()] == ["w", "child.p"]
    assert [n for n, _ in m.named_buffers()] == ["running", "scratch"]
    assert list(m.state_dict()) == ["w", "running", "child.p"]
    m.w = None
    assert m.w is None and list(m.parameters())[0] is m.child.p
    del m.running
    assert "running" not in m._buffers
    with pytest.raises(AttributeError, match="'Net' object has no attribute 'running'"):
        m.running  # noqa: B018


_REGISTER_ERRORS = [
    "m = nn.Module(); m.register_buffer('a.b', torch.ones(1))",
    "m = nn.Module(); m.register_buffer('', torch.ones(1))",
    "m = nn.Module(); m.register_buffer(3, torch.ones(1))",
    "m = nn.Module(); m.register_buffer('x', 3)",
    "m = nn.Module(); m.x = 1; m.register_buffer('x', torch.ones(1))",
    "m = nn.Module(); m.register_parameter('p', torch.ones(1))",
    "m = nn.Module(); m.register_parameter('a.b', nn.Parameter(torch.ones(1)))",
    "m = nn.Module(); m.p = nn.Parameter(torch.ones(1)); m.p = torch.ones(1)",
    "m = nn.Module(); m.c = nn.Module(); m.c = 3",
    "m = nn.Module(); m.b = nn.Buffer(torch.ones(1)); m.b = 3",
    "m = nn.Module(); m.add_module('a.b', nn.Module())",
    "m = nn.Module(); m.add_module('x', 3)",
    "m = nn.Module(); m.add_module('', nn.Module())",
    "m = nn.Module(); m.nothing",
    "m = nn.Module(); m(1)",
    "m = nn.Module(); m.train(1)",
    "m = nn.Module(); m.get_submodule('a.b')",
    "m = nn.Module(); m.a = nn.Module(); m.a.x = 3; m.get_submodule('a.x')",
    "m = nn.Module(); m.a = nn.Module(); m.get_parameter('a.q')",
    "m = nn.Module(); m.a = nn.Module(); m.a.x = 3; m.get_parameter('a.x')",
    "m = nn.Module(); m.a = nn.Module(); m.a.x = torch.ones(1); m.get_buffer('a.x')",
    "m = nn.Module(); m.set_submodule('', nn.Module())",
    "m = nn.Module(); m.set_submodule('a', 3)",
    "m = nn.Module(); m.set_submodule('a', nn.Module(), strict=True)",
    "m = nn.Module(); m.to(torch.int32)",
    "m = nn.Module(1)",
    "m = nn.Module(a=1)",
    """
class Early(nn.Module):
    def __init__(self):
        self.p = nn.Parameter(torch.ones(1))
Early()
""",
    """
class Early(nn.Module):
    def __init__(self):
        self.c = nn.Module()
Early()
""",
    """
class Early(nn.Module):
    def __init__(self):
        self.register_buffer('b', None)
Early()
""",
    """
x = torch.ones(1, requires_grad=True)
m = nn.Module()
p = nn.Parameter(torch.ones(1))
m.register_parameter('p', p)
out = [type(m.p).__name__, m.get_parameter('p') is p]
""",
]


@needs_torch
@pytest.mark.parametrize("src", _REGISTER_ERRORS)
def test_registration_errors_match_torch(src):
    same(src)


@needs_torch
def test_setattr_moves_between_tables():
    same(
        """
m = nn.Module()
m.x = torch.ones(1)
m.x = nn.Parameter(torch.ones(1))
a = (list(m._parameters), list(m._buffers), 'x' in m.__dict__)
m.register_buffer('b', torch.ones(1), persistent=False)
m.b = torch.zeros(2)
b = sorted(m._non_persistent_buffers_set)
m.b = nn.Buffer(torch.ones(1))
c = sorted(m._non_persistent_buffers_set)
m.c = nn.Module()
m.c = None
d = (list(m._modules), m.c)
m.p = None
e = list(m._parameters)
del m.x
out = [a, b, c, d, e, list(m._parameters), repr(m)]
"""
    )


# ---------------------------------------------------------------- iteration


@needs_torch
def test_iteration_with_shared_members():
    same(
        """
shared = nn.Parameter(torch.ones(2))
a = nn.Module(); a.p = shared; a.q = nn.Parameter(torch.zeros(1))
b = nn.Module(); b.p = shared
top = nn.Module(); top.a = a; top.b = b; top.again = a; top.none = None
top.register_buffer('buf', torch.ones(1)); top.register_buffer('nobuf', None)
out = [
    [n for n, _ in top.named_parameters()],
    [n for n, _ in top.named_parameters(remove_duplicate=False)],
    [n for n, _ in top.named_parameters(prefix='model', recurse=False)],
    [n for n, _ in top.named_parameters(prefix='model')],
    [n for n, _ in top.named_buffers()],
    [n for n, _ in top.named_children()],
    [n for n, _ in top.named_modules()],
    [n for n, _ in top.named_modules(remove_duplicate=False)],
    [n for n, _ in top.named_modules(prefix='x')],
    len(list(top.modules())), len(list(top.children())), len(list(top.parameters())),
    len(list(top.parameters(recurse=False))), list(top.state_dict()),
    list(top.state_dict(prefix='pre.')), list(top.state_dict(keep_vars=True)),
]
"""
    )


@needs_torch
def test_modes_grads_apply_dir():
    same(
        """
m = nn.Module(); m.a = nn.Module(); m.a.b = nn.Module(); m.p = nn.Parameter(torch.ones(2))
m.a.q = nn.Parameter(torch.ones(1))
m.eval()
r1 = [x.training for x in m.modules()]
m.a.train()
r2 = [x.training for x in m.modules()]
order = []
m.apply(lambda mod: order.append(mod._get_name()))
(m.p * 2).sum().backward(); (m.a.q * 3).sum().backward()
m.zero_grad(set_to_none=False)
r3 = [p.grad.tolist() for p in m.parameters()]
m.zero_grad()
r4 = [p.grad for p in m.parameters()]
m.requires_grad_(False)
r5 = [p.requires_grad for p in m.parameters()]
m.register_buffer('buf', torch.ones(1))
d = [k for k in dir(m) if not k.startswith('__')]
out = [r1, r2, order, r3, r4, r5, 'p' in d, 'a' in d, 'buf' in d, 'forward' in d, 'training' in d]
"""
    )


# ---------------------------------------------------------------- dtype and device


@needs_torch
def test_conversions_keep_parameter_objects():
    same(
        """
m = nn.Module()
m.p = nn.Parameter(torch.ones(2))
m.register_buffer('steps', torch.zeros(1, dtype=torch.int64))
m.register_buffer('f', torch.zeros(1))
p = m.p
(p * 2).sum().backward()
m.double()
a = [m.p is p, str(m.p.dtype), str(m.p.grad.dtype), str(m.steps.dtype), str(m.f.dtype)]
m.half()
b = [str(m.p.dtype), str(m.steps.dtype), str(m.f.dtype)]
m.to(torch.float32)
c = [str(m.p.dtype), str(m.f.dtype), m.p is p]
m.to('cpu', torch.float64, True)
d = [str(m.p.dtype), str(m.f.dtype)]
m.to(torch.ones(1, dtype=torch.float32))
e = [str(m.p.dtype), m.to(device='cpu') is m, m.float() is m, m.cpu() is m]
m.type(torch.float64)
f = [str(m.p.dtype), str(m.steps.dtype), m.share_memory() is m]
out = [a, b, c, d, e, f, repr(m.p)]
"""
    )


def test_complex_to_warns():
    m = nn.Module()
    m.p = nn.Parameter(numtorch.ones(2))
    with pytest.warns(UserWarning, match="Complex modules are a new feature"):
        m.to(numtorch.complex64)
    assert m.p.dtype is numtorch.complex64


# ---------------------------------------------------------------- repr


class Block(nn.Module):
    def __init__(self, extra):
        super().__init__()
        self.extra = extra
        self.inner = nn.Module()

    def extra_repr(self):
        return self.extra


def test_repr_torch_free():
    top = nn.Module()
    top.one = Block("k=1")
    top.two = Block("a=1\nb=2")
    top.leaf = Block("")
    del top.leaf.inner
    top.empty = nn.Module()
    assert repr(top) == (
        "Module(\n"
        "  (one): Block(\n"
        "    k=1\n"
        "    (inner): Module()\n"
        "  )\n"
        "  (two): Block(\n"
        "    a=1\n"
        "    b=2\n"
        "    (inner): Module()\n"
        "  )\n"
        "  (leaf): Block()\n"
        "  (empty): Module()\n"
        ")"
    )


@needs_torch
def test_repr_matches_torch():
    same(
        """
class Block(nn.Module):
    def __init__(self, extra):
        super().__init__()
        self.extra = extra
        self.inner = nn.Sequential(nn.Identity(), nn.Flatten(0, 1))
    def extra_repr(self):
        return self.extra
top = nn.Module()
top.one = Block('k=1')
top.two = Block('a=1\\n\\nb=2')
top.none = None
top.seq = nn.Sequential(OrderedDict(first=Block('x'), second=nn.Unflatten(1, (2, 3))))
out = repr(top)
"""
    )


# ---------------------------------------------------------------- pickling


def test_module_deepcopy_and_pickle():
    m = Net()
    m.register_forward_hook(_hook_for_pickle)
    m2 = pickle.loads(pickle.dumps(m))
    assert isinstance(m2.w, nn.Parameter) and m2.w.tolist() == m.w.tolist()
    assert list(m2.state_dict()) == list(m.state_dict()) and len(m2._forward_hooks) == 1
    m3 = copy.deepcopy(m)
    assert m3.w is not m.w and m3.child.p.tolist() == [1.0, 1.0, 1.0]
    assert m3(numtorch.ones(1, 2)).tolist() == [[2.0, 2.0, 2.0]]


def _hook_for_pickle(module, args, output):
    return None


_TO_CALLS = [
    "torch.float64, copy=False",
    "copy=True",
    "'cpu', torch.float64, False, False",
    "torch.float64, True, True",
    "torch.ones(1), True",
    "torch.ones(1), True, False",
    "torch.float64, 'x'",
    "'cpu', 3",
    "foo=1",
    "None, torch.float64",
    "torch.device('cpu')",
    "[1]",
    "tensor=torch.ones(1, dtype=torch.float64)",
    "dtype=3",
    "torch.ones(1, dtype=torch.int64)",
    "'cpu', torch.float64, True",
    "device='cpu', dtype=torch.float64, non_blocking=True",
    "torch.float16, non_blocking=True",
]


@needs_torch
@pytest.mark.parametrize("call", _TO_CALLS)
def test_to_overloads_match_torch(call):
    same(
        f"""
m = nn.Module()
m.p = nn.Parameter(torch.ones(2))
r = m.to({call})
out = [r is m, str(m.p.dtype)]
"""
    )


@needs_torch
def test_to_empty_and_call_aliases():
    same(
        """
m = nn.Module()
m.p = nn.Parameter(torch.ones(2, 3))
m.register_buffer('b', torch.zeros(1, dtype=torch.int64))
r = m.to_empty(device='cpu')
out = [r is m, m.p.shape, type(m.p).__name__, m.p.requires_grad, str(m.b.dtype),
       nn.Flatten()._wrapped_call_impl(torch.ones(2, 2, 2)).shape,
       nn.Flatten()._slow_forward(torch.ones(2, 2, 2)).shape,
       nn.Identity()._get_backward_pre_hooks()]
"""
    )
