"""Dropout, Dropout1d/2d/3d, AlphaDropout and FeatureAlphaDropout (torch.nn.modules.dropout):
thin modules over the nn.functional forms (numtorch/nn/_dropout.py)."""

from numtorch.nn import _dropout
from numtorch.nn.modules.module import Module

__all__ = [
    "AlphaDropout",
    "Dropout",
    "Dropout1d",
    "Dropout2d",
    "Dropout3d",
    "FeatureAlphaDropout",
]


class _DropoutNd(Module):
    __constants__ = ["p", "inplace"]
    _function = None

    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if p < 0 or p > 1:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def forward(self, input):
        return type(self)._function(input, self.p, self.training, self.inplace)

    def extra_repr(self):
        return f"p={self.p}, inplace={self.inplace}"


class Dropout(_DropoutNd):
    """Same as `torch.nn.Dropout`."""

    _function = staticmethod(_dropout.dropout)


class Dropout1d(_DropoutNd):
    """Same as `torch.nn.Dropout1d`."""

    _function = staticmethod(_dropout.dropout1d)


class Dropout2d(_DropoutNd):
    """Same as `torch.nn.Dropout2d`."""

    _function = staticmethod(_dropout.dropout2d)


class Dropout3d(_DropoutNd):
    """Same as `torch.nn.Dropout3d`."""

    _function = staticmethod(_dropout.dropout3d)


class AlphaDropout(_DropoutNd):
    """Same as `torch.nn.AlphaDropout`."""

    def forward(self, input):
        return _dropout.alpha_dropout(input, self.p, self.training)


class FeatureAlphaDropout(_DropoutNd):
    """Same as `torch.nn.FeatureAlphaDropout`."""

    def forward(self, input):
        return _dropout.feature_alpha_dropout(input, self.p, self.training)
