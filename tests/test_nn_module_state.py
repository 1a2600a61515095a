"""Module.state_dict / load_state_dict: keys, `_metadata`, keep_vars, non-persistent buffers,
strict and assign, the returned named tuple and torch's error messages."""

import numtorch
import numtorch.nn as nn
from tests.nn_module_helpers import needs_torch, same

MODEL = """
class Leaf(nn.Module):
    _version = 3
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.arange(6.0).reshape(2, 3))
        self.b = nn.Parameter(torch.zeros(2))
        self.register_buffer('count', torch.tensor(0))
        self.register_buffer('cache', torch.ones(1), persistent=False)
        self.register_buffer('unset', None)
        self.scalar = nn.Parameter(torch.tensor(2.0))
def model():
    top = nn.Module()
    top.enc = Leaf()
    top.seq = nn.Sequential(Leaf(), nn.Identity())
    return top
def fmt(sd):
    return [(k, list(v.shape), str(v.dtype), type(v).__name__, v.requires_grad) for k, v in sd.items()]
"""


def check(src):
    return same(MODEL + src)


@needs_torch
def test_state_dict_layout():
    check(
        """
m = model()
sd = m.state_dict()
kv = m.state_dict(keep_vars=True)
dest = {}
r = m.state_dict(destination=dest, prefix='p.')
out = [fmt(sd), list(sd._metadata.items()), type(sd).__name__, fmt(kv), r is dest, list(dest),
       sd['enc.w'].data_ptr() == m.enc.w.data_ptr(), sd['enc.w'].grad_fn]
"""
    )


@needs_torch
def test_load_state_dict_roundtrip_and_copy():
    check(
        """
m = model()
sd = {k: v + 1 for k, v in m.state_dict().items()}
w = m.enc.w
keys = m.load_state_dict(sd)
out = [repr(keys), str(keys), keys.missing_keys, w is m.enc.w, m.enc.w.tolist(), m.enc.count.tolist(),
       m.enc.w.requires_grad, m.enc.w._version > 0]
"""
    )


@needs_torch
def test_load_state_dict_errors():
    check(
        """
m = model()
sd = m.state_dict()
del sd['enc.b']; del sd['seq.0.count']
sd['enc.extra'] = torch.ones(1); sd['nothing.here'] = torch.ones(1); sd['seq.0.w'] = torch.ones(3, 2)
sd['seq.0.scalar'] = torch.ones(1)
msgs = []
try:
    m.load_state_dict(sd)
except RuntimeError as e:
    msgs.append(str(e))
try:
    m.load_state_dict(sd, strict=False)
except RuntimeError as e:
    msgs.append(str(e))
sd2 = m.state_dict(); sd2['enc.w'] = 3
try:
    m.load_state_dict(sd2)
except RuntimeError as e:
    msgs.append(str(e))
sd3 = {k: v for k, v in m.state_dict().items() if k != 'enc.w'}
msgs.append(repr(m.load_state_dict(sd3, strict=False)))
try:
    m.load_state_dict([1])
except TypeError as e:
    msgs.append(str(e))
out = msgs
"""
    )


@needs_torch
def test_load_state_dict_dtype_cast_and_assign():
    check(
        """
m = model()
sd = {k: v.double() if v.is_floating_point() else v for k, v in m.state_dict().items()}
m.load_state_dict(sd)
a = [str(m.enc.w.dtype), m.enc.w.tolist()]
w_old = m.enc.w
new = {k: v * 0 + 5 for k, v in sd.items()}
m.load_state_dict(new, assign=True)
b = [w_old is m.enc.w, type(m.enc.w).__name__, str(m.enc.w.dtype), m.enc.w.requires_grad,
     type(m.enc.count).__name__, m.enc.count.tolist()]
frozen = model(); frozen.requires_grad_(False)
frozen.load_state_dict(new, assign=True)
c = [frozen.enc.w.requires_grad]
out = [a, b, c]
"""
    )


@needs_torch
def test_extra_state():
    check(
        """
class WithExtra(nn.Module):
    def __init__(self):
        super().__init__()
        self.value = 1
    def get_extra_state(self):
        return {'value': self.value}
    def set_extra_state(self, state):
        self.value = state['value']
m = nn.Module(); m.x = WithExtra()
sd = m.state_dict()
sd['x._extra_state'] = {'value': 7}
m.load_state_dict(sd)
a = [list(sd), m.x.value]
try:
    m.load_state_dict({})
except RuntimeError as e:
    b = str(e)
plain = nn.Module()
try:
    plain.load_state_dict({'_extra_state': 1})
except RuntimeError as e:
    c = str(e)
out = [a, b, c]
"""
    )


def test_incompatible_keys_torch_free():
    m = nn.Module()
    m.p = nn.Parameter(numtorch.ones(2))
    keys = m.load_state_dict({"p": numtorch.zeros(2)})
    assert repr(keys) == "<All keys matched successfully>" and m.p.tolist() == [0.0, 0.0]
    keys = m.load_state_dict({"q": numtorch.zeros(2)}, strict=False)
    assert repr(keys) == "_IncompatibleKeys(missing_keys=['p'], unexpected_keys=['q'])"
    assert keys.missing_keys == ["p"] and keys.unexpected_keys == ["q"]
    try:
        m.load_state_dict({"p": numtorch.zeros(3)})
    except RuntimeError as e:
        assert str(e) == (
            "Error(s) in loading state_dict for Module:\n\tsize mismatch for p: copying a param "
            "with shape torch.Size([3]) from checkpoint, the shape in current model is "
            "torch.Size([2])."
        )
    else:
        raise AssertionError("no error")
