"""nn.Parameter and nn.Buffer: the tensors a Module registers as its state (torch.nn.parameter).

A Parameter is a Tensor subclass; ops on it return plain Tensors, as in torch. A Buffer is only a
marker: `nn.Buffer(t)` returns a plain Tensor flagged `_is_buffer`, which `isinstance` recognises.
"""

from numtorch._tensor import Tensor

__all__ = ["Buffer", "Parameter", "is_lazy"]


class _ParameterMeta(type):
    """Also counts a plain Tensor flagged `_is_param` as a Parameter, as torch's metaclass does."""

    def __instancecheck__(cls, instance):
        if cls is Parameter and isinstance(instance, Tensor):
            if getattr(instance, "_is_param", False):
                return True
        return super().__instancecheck__(instance)


class Parameter(Tensor, metaclass=_ParameterMeta):
    """Same as `torch.nn.Parameter`: a Tensor that a Module registers as a parameter when it is
    assigned as an attribute. It shares `data`'s memory and requires grad unless told otherwise.

    >>> Parameter(numtorch.zeros(2))
    Parameter containing:
    tensor([0., 0.], requires_grad=True)
    """

    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            from numtorch._creation import empty

            data = empty(0)
        if type(data) is Tensor or type(data) is Parameter:
            return _make_subclass(cls, data, requires_grad)
        t = data.detach().requires_grad_(requires_grad)
        if type(t) is not type(data):
            raise RuntimeError(
                f"Creating a Parameter from an instance of type {type(data).__name__} requires "
                "that detach() returns an instance of the same type, but return type "
                f"{type(t).__name__} was found instead. To use the type as a Parameter, please "
                "correct the detach() semantics defined by its __torch_dispatch__() "
                "implementation."
            )
        t._is_param = True
        return t

    def __deepcopy__(self, memo):
        if id(self) in memo:
            return memo[id(self)]
        # torch copies the values and the flag only: the copy has no .grad
        result = type(self)(self.data.clone(), self.requires_grad)
        memo[id(self)] = result
        return result

    def __repr__(self):
        return "Parameter containing:\n" + super().__repr__()

    def __reduce_ex__(self, protocol):
        state = dict(self.__dict__)
        return (_rebuild_parameter, (self.detach(), self.requires_grad, state))


def _make_subclass(cls, data, requires_grad):
    """A new `cls` tensor over `data`'s memory and version counter, with no history."""
    if requires_grad and not (data.dtype.is_floating_point or data.dtype.is_complex):
        raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
    t = cls._make(data._data, data.dtype, data._device, bool(requires_grad))
    t._vc = data._vc
    return t


def _rebuild_parameter(data, requires_grad, state):
    """Unpickles a Parameter (what `Parameter.__reduce_ex__` names)."""
    param = Parameter(data, requires_grad)
    param.__dict__.update(state)
    return param


class _BufferMeta(type):
    def __instancecheck__(cls, instance):
        if cls is Buffer and isinstance(instance, Tensor):
            if getattr(instance, "_is_buffer", False):
                return True
        return super().__instancecheck__(instance)


class Buffer(Tensor, metaclass=_BufferMeta):
    """Same as `torch.nn.Buffer`: marks a tensor to be registered as a buffer when assigned to a
    Module attribute (`persistent=False` keeps it out of the state_dict). Returns a plain Tensor
    (detached from `data`'s history, sharing its memory)."""

    def __new__(cls, data=None, *, persistent=True):
        if data is None:
            from numtorch._creation import empty

            data = empty(0)
        t = data.detach().requires_grad_(data.requires_grad)
        t.persistent = persistent
        t._is_buffer = True
        return t


def is_lazy(param):
    """Same as `torch.nn.parameter.is_lazy`: numtorch has no uninitialized parameters."""
    return False


Parameter.__module__ = "numtorch.nn.parameter"
Buffer.__module__ = "numtorch.nn.parameter"
