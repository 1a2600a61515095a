"""torch.nn.utils: gradient clipping and parameter/vector conversion."""

from numtorch.nn.utils import clip_grad, convert_parameters, rnn
from numtorch.nn.utils.clip_grad import clip_grad_norm, clip_grad_norm_, clip_grad_value_
from numtorch.nn.utils.convert_parameters import parameters_to_vector, vector_to_parameters

__all__ = [
    "clip_grad",
    "clip_grad_norm",
    "clip_grad_norm_",
    "clip_grad_value_",
    "convert_parameters",
    "parameters_to_vector",
    "rnn",
    "vector_to_parameters",
]
