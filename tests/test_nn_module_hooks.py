"""Module hooks: forward pre-hooks and hooks (with_kwargs, prepend, always_call, global hooks),
full backward hooks and pre-hooks (grad_input / grad_output as torch passes them), the deprecated
backward hook, and state-dict hooks: the call order and the arguments, against torch."""

import pytest

import numtorch
import numtorch.nn as nn
from tests.nn_module_helpers import needs_torch, same

# Put before each snippet: `fmt` writes tensors (and tuples of them) as nested lists.
FMT = """
def fmt(x):
    if isinstance(x, (tuple, list)):
        return [fmt(v) for v in x]
    if isinstance(x, torch.Tensor):
        return [round(float(v), 5) for v in x.detach().reshape(-1)]
    return x
class Mul(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.tensor([1.0, 2.0, 3.0]))
    def forward(self, x, y=None, scale=1.0):
        out = x * self.w * scale
        return out if y is None else (out, y * 2)
"""


def check(src):
    return same(FMT + src)


@needs_torch
def test_forward_hooks_order_and_arguments():
    check(
        """
log = []
m = Mul()
m.register_forward_pre_hook(lambda mod, args: log.append(('pre', fmt(args))))
m.register_forward_pre_hook(lambda mod, args: (args[0] + 1,))
m.register_forward_pre_hook(lambda mod, args: log.append(('pre-first', fmt(args))), prepend=True)
m.register_forward_pre_hook(
    lambda mod, args, kwargs: log.append(('pre-kw', fmt(args), sorted(kwargs))), with_kwargs=True)
def kw_pre(mod, args, kwargs):
    return args, {**kwargs, 'scale': 2.0}
m.register_forward_pre_hook(kw_pre, with_kwargs=True)
m.register_forward_hook(lambda mod, args, out: log.append(('fwd', fmt(args), fmt(out))))
m.register_forward_hook(lambda mod, args, out: out * 10)
m.register_forward_hook(lambda mod, args, kw, out: log.append(('fwd-kw', kw)), with_kwargs=True)
h = m.register_forward_hook(lambda mod, args, out: log.append('removed'))
h.remove()
m.register_forward_hook(lambda mod, args, out: log.append(('first', fmt(out))), prepend=True)
res = m(torch.ones(3), scale=0.5)
out = [log, fmt(res)]
"""
    )


@needs_torch
def test_forward_pre_hook_single_value_and_bad_kwargs_return():
    check(
        """
m = Mul()
m.register_forward_pre_hook(lambda mod, args: torch.zeros(3))
a = fmt(m(torch.ones(3)))
m2 = Mul()
m2.register_forward_pre_hook(lambda mod, args, kwargs: 5, with_kwargs=True)
try:
    m2(torch.ones(3))
except RuntimeError as e:
    b = str(e)
out = [a, b]
"""
    )


@needs_torch
def test_always_call_hooks_run_when_forward_fails():
    check(
        """
import warnings
log = []
class Bad(nn.Module):
    def forward(self, x):
        raise ValueError('boom')
m = Bad()
m.register_forward_hook(lambda mod, args, out: log.append(('always', out)), always_call=True)
m.register_forward_hook(lambda mod, args, out: log.append('normal'))
def failing(mod, args, out):
    raise KeyError('inner')
m.register_forward_hook(failing, always_call=True)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    try:
        m(1)
    except ValueError as e:
        log.append(str(e))
out = [log, [str(x.message) for x in w]]
"""
    )


@needs_torch
def test_global_forward_hooks():
    check(
        """
mm = torch.nn.modules.module
log = []
h1 = mm.register_module_forward_pre_hook(lambda mod, args: log.append(('gpre', type(mod).__name__)))
h2 = mm.register_module_forward_hook(lambda mod, args, out: log.append(('gfwd', type(mod).__name__)))
m = Mul()
m.register_forward_pre_hook(lambda mod, args: log.append('pre'))
m.register_forward_hook(lambda mod, args, out: log.append('fwd'))
m(torch.ones(3))
nn.Sequential(nn.Identity())(torch.ones(1))
h1.remove(); h2.remove()
m(torch.ones(3))
out = log
"""
    )


@needs_torch
def test_full_backward_hooks():
    check(
        """
log = []
m = Mul()
def bw(mod, gi, go):
    log.append(('bw', fmt(gi), fmt(go)))
def bw_pre(mod, go):
    log.append(('pre', fmt(go)))
m.register_full_backward_hook(bw)
m.register_full_backward_pre_hook(bw_pre)
x = torch.tensor([1.0, -1.0, 2.0], requires_grad=True)
y = torch.tensor([3.0, 4.0, 5.0])
a, b = m(x, y)
r1 = [type(a.grad_fn).__name__, b.grad_fn, b.requires_grad]
(a * torch.tensor([1.0, 10.0, 100.0])).sum().backward()
out = [log, r1, fmt(x.grad), fmt(m.w.grad)]
"""
    )


@needs_torch
def test_full_backward_hooks_replace_gradients():
    check(
        """
log = []
m = Mul()
m.register_full_backward_pre_hook(lambda mod, go: (go[0] * 2,))
m.register_full_backward_hook(lambda mod, gi, go: log.append(('seen', fmt(gi), fmt(go))))
m.register_full_backward_hook(lambda mod, gi, go: (gi[0] + 100,))
m.register_full_backward_hook(lambda mod, gi, go: log.append(('first', fmt(gi))), prepend=True)
x = torch.ones(3, requires_grad=True)
m(x).sum().backward()
out = [log, fmt(x.grad), fmt(m.w.grad)]
"""
    )


@needs_torch
def test_full_backward_hook_unused_output_and_non_tensor_args():
    check(
        """
log = []
class Two(nn.Module):
    def forward(self, a, k, b):
        return a * 2, b * 3, a.sum() * k
m = Two()
m.register_full_backward_hook(lambda mod, gi, go: log.append(('bw', fmt(gi), fmt(go))))
m.register_full_backward_pre_hook(lambda mod, go: log.append(('pre', fmt(go))))
a = torch.ones(2, requires_grad=True)
b = torch.ones(2)
o1, o2, o3 = m(a, 4, b)
o1.sum().backward()
out = log
"""
    )


@needs_torch
def test_full_backward_hook_without_input_grad():
    check(
        """
import warnings
log = []
m = Mul()
m.register_full_backward_hook(lambda mod, gi, go: log.append(('bw', fmt(gi), fmt(go))))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    m(torch.ones(3)).sum().backward()
out = [log, len(w), fmt(m.w.grad)]
"""
    )


@needs_torch
def test_backward_hook_errors_and_no_grad_mode():
    check(
        """
m = Mul()
m.register_full_backward_hook(lambda mod, gi, go: (gi[0], gi[0]))
x = torch.ones(3, requires_grad=True)
try:
    m(x).sum().backward()
except RuntimeError as e:
    a = str(e)
m2 = Mul()
m2.register_backward_hook(lambda mod, gi, go: None)
try:
    m2.register_full_backward_hook(lambda mod, gi, go: None)
except RuntimeError as e:
    b = str(e)
log = []
m3 = Mul()
m3.register_full_backward_hook(lambda mod, gi, go: log.append(1))
with torch.no_grad():
    r = m3(x)
out = [a, b, r.requires_grad, log]
"""
    )


@needs_torch
def test_old_backward_hook_sees_last_node():
    check(
        """
import warnings
log = []
m = Mul()
m.register_backward_hook(lambda mod, gi, go: log.append((fmt(gi), fmt(go))))
x = torch.ones(3, requires_grad=True)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    y = m(x)
y.sum().backward()
one = nn.Identity()
one.register_backward_hook(lambda mod, gi, go: log.append((fmt(gi), fmt(go))))
with warnings.catch_warnings(record=True) as w2:
    warnings.simplefilter('always')
    z = one(x * 2)
z.sum().backward()
out = [log, [(x.category.__name__, str(x.message)) for x in w + w2]]
"""
    )


@needs_torch
def test_state_dict_hooks():
    check(
        """
log = []
m = Mul()
m.register_state_dict_pre_hook(lambda mod, prefix, keep_vars: log.append(('pre', prefix, keep_vars)))
def post(mod, sd, prefix, meta):
    log.append(('post', list(sd), prefix, meta))
m.register_state_dict_post_hook(post)
sd = m.state_dict(prefix='x.')
m.register_load_state_dict_pre_hook(lambda mod, sd, prefix, *rest: log.append(('lpre', list(sd), prefix, rest[0])))
m.register_load_state_dict_post_hook(lambda mod, keys: log.append(('lpost', repr(keys))))
m.load_state_dict({'w': torch.zeros(3)})
def bad(mod, sd, prefix, meta):
    return {}
m.register_state_dict_post_hook(bad)
try:
    m.state_dict()
except RuntimeError as e:
    log.append(str(e))
out = log
"""
    )


def test_backward_hook_graph_torch_free():
    """grad_input/grad_output of a module computing 2*x*w, by hand."""
    seen = []

    class Scale(nn.Module):
        def forward(self, x):
            return x * 2

    m = Scale()
    m.register_full_backward_hook(lambda mod, gi, go: seen.append((gi, go)))
    x = numtorch.tensor([1.0, 2.0], requires_grad=True)
    y = m(x)
    assert type(y.grad_fn).__name__ == "BackwardHookFunctionBackward"
    y.backward(numtorch.tensor([1.0, 3.0]))
    (gi,), (go,) = seen[0]
    assert gi.tolist() == [2.0, 6.0] and go.tolist() == [1.0, 3.0]
    assert x.grad.tolist() == [2.0, 6.0]


def test_removable_handle_clears_flags():
    m = nn.Module()
    h = m.register_forward_hook(lambda *a: None, with_kwargs=True, always_call=True)
    assert h.id in m._forward_hooks_with_kwargs and h.id in m._forward_hooks_always_called
    with h:
        pass
    assert not m._forward_hooks and not m._forward_hooks_with_kwargs
    assert not m._forward_hooks_always_called


@pytest.mark.parametrize("prepend", [False, True])
def test_prepend_order_torch_free(prepend):
    calls = []
    m = nn.Identity()
    m.register_forward_hook(lambda *a: calls.append("a"))
    m.register_forward_hook(lambda *a: calls.append("b"), prepend=prepend)
    m(numtorch.ones(1))
    assert calls == (["b", "a"] if prepend else ["a", "b"])
