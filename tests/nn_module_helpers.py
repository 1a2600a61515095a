"""Helpers for the nn.Module tests: run one snippet against numtorch and real torch, and copy a
torch module's parameters into a numtorch one."""

import textwrap
from collections import OrderedDict

import numpy as np
import pytest

import numtorch

try:
    import torch
except ImportError:  # the torch-free parts of the suite still run
    torch = None

needs_torch = pytest.mark.skipif(torch is None, reason="real torch is not installed")
needs_random = pytest.mark.skipif(
    not hasattr(numtorch.Tensor, "uniform_"),
    reason="Tensor.uniform_/normal_ (the rng helper's) are not in numtorch yet",
)


def run(lib, src):
    """exec `src` with `torch`, `nn`, `F` bound to `lib`; ("ok", out) or (type, message)."""
    ns = {"torch": lib, "nn": lib.nn, "F": lib.nn.functional, "OrderedDict": OrderedDict}
    try:
        exec(textwrap.dedent(src), ns)
    except Exception as e:  # noqa: BLE001 - the exception is the result being compared
        return (type(e).__name__, str(e))
    return ("ok", ns.get("out"))


def same(src):
    """Asserts the snippet gives the same `out` (or the same exception) in both libraries; class
    paths in messages (`<class 'numtorch.nn...'>`) are compared as torch's."""
    got, want = run(numtorch, src), run(torch, src)
    got = _as_torch_paths(got)
    assert got == want, f"\nnumtorch: {got}\ntorch:    {want}"
    return got


def _as_torch_paths(value):
    if isinstance(value, str):
        return value.replace("<class 'numtorch.", "<class 'torch.")
    if isinstance(value, (list, tuple)):
        return type(value)(_as_torch_paths(v) for v in value)
    return value


def to_numtorch(t):
    if t is None:
        return None
    return numtorch.tensor(t.detach().numpy())


def copy_params(src, dst):
    """Loads torch module `src`'s state into numtorch module `dst` (via NumPy)."""
    state = OrderedDict((k, to_numtorch(v)) for k, v in src.state_dict().items())
    dst.load_state_dict(state)


def assert_close(got, want, rtol=1e-5, atol=1e-6):
    want = want.detach().numpy() if hasattr(want, "detach") else np.asarray(want)
    got = got.detach().numpy() if hasattr(got, "detach") else np.asarray(got)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=rtol, atol=atol)
