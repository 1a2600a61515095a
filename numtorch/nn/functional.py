"""torch.nn.functional: the functional forms, bound from the op registry."""

from numtorch._ops.registry import FUNCTIONAL

globals().update(FUNCTIONAL)
__all__ = sorted(FUNCTIONAL)
