"""torch.nn.functional: the functional forms, bound from the op registry."""

from numtorch._ops.registry import FUNCTIONAL
from numtorch.nn._dropout import (  # noqa: F401
    alpha_dropout,
    dropout,
    dropout1d,
    dropout2d,
    dropout3d,
    feature_alpha_dropout,
)
from numtorch.nn._linear_functional import bilinear, linear  # noqa: F401

globals().update(FUNCTIONAL)
__all__ = sorted(FUNCTIONAL)
