"""torch.autograd.Variable: the legacy name for Tensor, kept for code (and torchviz) that uses it."""


class _VariableMeta(type):
    def __instancecheck__(cls, other):
        from numtorch._tensor import Tensor

        return isinstance(other, Tensor)


class Variable(metaclass=_VariableMeta):
    """`isinstance(t, Variable)` holds for every Tensor; `Variable(t)` gives a detached alias of t."""

    def __new__(cls, data=None, requires_grad=False, volatile=False):
        import warnings

        from numtorch._creation import empty
        from numtorch._tensor import Tensor

        if volatile:
            warnings.warn(
                "volatile was removed and now has no effect. Use `with torch.no_grad():` instead.",
                UserWarning,
                stacklevel=2,
            )
        if data is None:
            data = empty(0)
        if not isinstance(data, Tensor):
            raise TypeError(f"Variable data has to be a tensor, but got {type(data).__name__}")
        return data.detach().requires_grad_(requires_grad)


_VariableMeta.__name__ = "VariableMeta"
Variable.__module__ = "numtorch.autograd.variable"
