"""numtorch binds no public name that torch lacks: every `numtorch.<name>`, `Tensor.<name>` and
`nn.functional.<name>` the op registry makes exists in torch 2.13 too (an internal overload that
leaks out as a public name would let user code run here and fail under torch)."""

import pytest

import numtorch  # noqa: F401 - binds the registry
from numtorch._ops.registry import FUNCTIONAL, FUNCTIONS, METHODS

torch = pytest.importorskip("torch")


@pytest.mark.parametrize(
    "table,where",
    [(FUNCTIONS, "torch"), (METHODS, "torch.Tensor"), (FUNCTIONAL, "torch.nn.functional")],
    ids=["functions", "methods", "functional"],
)
def test_registry_names_exist_in_torch(table, where):
    import torch.nn.functional  # noqa: F401

    target = {"torch": torch, "torch.Tensor": torch.Tensor}.get(where, torch.nn.functional)
    extra = sorted(name for name in table if not hasattr(target, name))
    assert not extra, f"public in numtorch but not in {where}: {extra}"
