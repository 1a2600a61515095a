"""parameters_to_vector and vector_to_parameters (torch.nn.utils.convert_parameters)."""

from numtorch._tensor import Tensor

__all__ = ["parameters_to_vector", "vector_to_parameters"]


def parameters_to_vector(parameters):
    """Same as `torch.nn.utils.parameters_to_vector`: the parameters flattened into one vector
    (differentiable: CatBackward0 over ViewBackward0s)."""
    from numtorch._ops.registry import FUNCTIONS

    device = None
    flat = []
    for param in parameters:
        device = _check_param_device(param, device)
        flat.append(param.view(-1))
    return FUNCTIONS["cat"](flat)


def vector_to_parameters(vec, parameters):
    """Same as `torch.nn.utils.vector_to_parameters`: each parameter's `.data` becomes its slice
    of `vec` (sharing vec's memory)."""
    from numtorch.nn.modules.module import typename

    if not isinstance(vec, Tensor):
        raise TypeError(f"expected torch.Tensor, but got: {typename(vec)}")
    device = None
    pointer = 0
    for param in parameters:
        device = _check_param_device(param, device)
        n = param.numel()
        param.data = vec[pointer : pointer + n].view_as(param).data
        pointer += n


def _check_param_device(param, old_device):
    if old_device is None:
        return param.get_device() if param.device.type == "cuda" else -1
    if param.device.type == "cuda":
        warn = param.get_device() != old_device
    else:
        warn = old_device != -1
    if warn:
        raise TypeError(
            "Found two parameters on different devices, this is currently not supported."
        )
    return old_device
