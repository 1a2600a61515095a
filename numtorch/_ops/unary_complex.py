"""Complex parts: conj, conj_physical, resolve_conj, is_conj, resolve_neg, is_neg, real, imag,
view_as_real, view_as_complex.

real and imag are views built as torch builds them (view_as_real, then select), so their graph
and memory sharing are torch's. conj is the one departure: NumPy has no lazy conjugate view, so
conj of a complex tensor is a conjugated copy.
"""

from numtorch import _dtype
from numtorch._errors import type_name
from numtorch._ops.registry import FORWARD, METHODS, REGISTRY, SAME, apply, op, public
from numtorch._ops.unary import out_dtype_is_input


@op("conj", grad_fn="ConjBackward0", promote=SAME, function=False, method=False, out=False)
def _conj(xp, input):
    return xp.conj(input)


@_conj.backward
def _(grad, *, needs):
    return grad.conj()


@public(method=True)
def conj(input):
    """Same as `torch.conj`: `input` itself for real dtypes. For complex ones numtorch returns a
    conjugated copy (NumPy has no lazy conjugate view), so it shares no memory with input."""
    if input.dtype.category != _dtype.COMPLEX:
        return input
    return apply(REGISTRY["conj"], (input,), {})


@op(
    "conj_physical",
    grad_fn="ConjPhysicalBackward0",
    promote=SAME,
    function=False,
    method=False,
    inplace=True,
)
def _conj_physical(xp, input):
    return xp.conj(input)


@public(method=True)
def conj_physical(input, *, out=None):
    """Same as `torch.conj_physical`: a conjugated copy; `input` itself for real dtypes."""
    if out is not None:
        out_dtype_is_input(input, out)
    elif input.dtype.category != _dtype.COMPLEX:
        return input
    return apply(REGISTRY["conj_physical"], (input,), {}, out)


@_conj_physical.backward
def _(grad, *, needs):
    return grad.conj()


@public(function=True, method=True)
def resolve_conj(input):
    """Same as `torch.resolve_conj`: numtorch's conjugates are never lazy, so `input` itself."""
    return input


@public(function=True, method=True)
def is_conj(input):
    """Same as `torch.is_conj`: always False, numtorch's conjugates are never lazy."""
    return False


@public(function=True, method=True)
def resolve_neg(input):
    """Same as `torch.resolve_neg`: numtorch has no lazy negation, so `input` itself."""
    return input


@public(function=True, method=True)
def is_neg(input):
    """Same as `torch.is_neg`: always False, numtorch has no lazy negation."""
    return False


@op(grad_fn="ViewAsRealBackward0", promote=FORWARD, view=True, method=False)
def view_as_real(xp, input):
    """Same as `torch.view_as_real`: a complex tensor seen as real pairs in a last dim of 2."""
    if input.dtype.kind != "c":
        raise RuntimeError("view_as_real is only supported for complex tensors")
    parts = input.real
    return xp.lib.stride_tricks.as_strided(
        parts, shape=input.shape + (2,), strides=input.strides + (parts.itemsize,)
    )


@view_as_real.backward
def _(grad, *, needs):
    return view_as_complex(grad.contiguous())


@op("view_as_complex", grad_fn="ViewAsComplexBackward0", promote=FORWARD, view=True, method=False)
def _view_as_complex(xp, input):
    pairs = input.view("complex64" if input.dtype.itemsize == 4 else "complex128")
    return pairs[..., 0]


@_view_as_complex.backward
def _(grad, *, needs):
    return view_as_real(grad.contiguous())


@public()
def view_as_complex(input):
    """Same as `torch.view_as_complex`: a (..., 2) float tensor seen as complex numbers."""
    if input.dtype not in (_dtype.float32, _dtype.float64):
        if input.dtype is _dtype.float16:
            raise TypeError("numtorch has no complex32 storage: view_as_complex needs float32/64")
        raise RuntimeError(
            "view_as_complex is only supported for half, float and double tensors, but got a "
            f"tensor of scalar type: {type_name(input.dtype)}"
        )
    if input.dim() == 0:
        raise RuntimeError("Input tensor must have one or more dimensions")
    if input.shape[-1] != 2:
        raise RuntimeError("Tensor must have a last dimension of size 2")
    strides = input.stride()
    if strides[-1] != 1:
        raise RuntimeError("Tensor must have a last dimension with stride 1")
    if any(s % 2 for s in strides[:-1]):
        raise RuntimeError("Tensor must have a stride divisible by 2 for all but last dimension")
    if input.storage_offset() % 2:
        raise RuntimeError("Tensor must have a storage_offset divisible by 2")
    return apply(REGISTRY["view_as_complex"], (input,), {})


@public(method=False)
def real(input):
    """Same as `torch.real`: `input` itself for real dtypes, else a view of the real parts."""
    if input.dtype.category != _dtype.COMPLEX:
        return input
    return view_as_real(input).select(-1, 0)


@public(method=False)
def imag(input):
    """Same as `torch.imag`: a view of the imaginary parts of a complex tensor."""
    if input.dtype.category != _dtype.COMPLEX:
        raise RuntimeError("imag is not implemented for tensors with non-complex dtypes.")
    return view_as_real(input).select(-1, 1)


def _set_part(part):
    def setter(self, value):
        part(self).copy_(value)

    return setter


METHODS["real"] = property(real, _set_part(real), doc="Same as `Tensor.real`.")
METHODS["imag"] = property(imag, _set_part(imag), doc="Same as `Tensor.imag`.")
