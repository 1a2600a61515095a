"""torch.nn.modules: the Module base class, containers and layers."""

from numtorch.nn.modules.container import (
    Container,
    ModuleDict,
    ModuleList,
    ParameterDict,
    ParameterList,
    Sequential,
)
from numtorch.nn.modules.flatten import Flatten, Unflatten
from numtorch.nn.modules.linear import Bilinear, Identity, Linear
from numtorch.nn.modules.module import Module

__all__ = [
    "Bilinear",
    "Container",
    "Flatten",
    "Identity",
    "Linear",
    "Module",
    "ModuleDict",
    "ModuleList",
    "ParameterDict",
    "ParameterList",
    "Sequential",
    "Unflatten",
]
