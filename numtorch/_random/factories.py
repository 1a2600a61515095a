"""Random factories: rand, randn, randint, randperm, their *_like forms and torch.normal.

As in torch, each makes an empty tensor and fills it with the in-place method of `methods.py`
(`rand` is `empty(size).uniform_()`), so both draw the same numbers in the same order.
"""

import numpy

from numtorch import _dtype
from numtorch._creation import _finish, _shape
from numtorch._device import as_device, xp_for
from numtorch._errors import broadcast_shapes_of, type_name
from numtorch._ops.registry import REGISTRY, _write_out, apply, op
from numtorch._random import kernels, methods
from numtorch._random.layout import visit_perm
from numtorch._tensor import Tensor
from numtorch.autograd import grad_mode


def _empty(shape, dtype, device):
    device = as_device(device) if device is not None else as_device("cpu")
    return _finish(xp_for(device).empty(shape, dtype.np), dtype, device, False)


def _empty_like(input, dtype=None, device=None):
    """`empty_like` with torch's preserve format: a dense input's strides are kept (so a
    transposed input gives a transposed result, filled in memory order)."""
    dtype = dtype or input.dtype
    device = as_device(device) if device is not None else input.device
    xp = xp_for(device)
    shape, strides = input.shape, input._data.strides
    perm = visit_perm(shape, strides)
    inner = 1
    dense = True
    for d in reversed(perm):
        if shape[d] != 1 and strides[d] != inner * input._data.itemsize:
            dense = False
        inner *= shape[d]
    if dense and perm != sorted(perm):
        inverse = numpy.argsort(perm).tolist()
        data = xp.empty([shape[d] for d in perm], dtype.np).transpose(inverse)
    else:
        data = xp.empty(tuple(shape), dtype.np)
    return _finish(data, dtype, device, False)


def _make(shape, dtype, device, requires_grad, out, fill):
    """`fill(t)` on a new tensor (or on `out`, resized to shape, as torch's *_out do)."""
    if out is not None:
        if out.shape != tuple(shape):
            _write_out(out, _empty(shape, out.dtype, out.device))
        fill(out)
        return out
    t = _empty(shape, dtype, device)
    with grad_mode.no_grad():
        fill(t)
    if requires_grad:
        t.requires_grad_(True)
    return t


def rand(
    *size,
    generator=None,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """Same as `torch.rand`: uniform on [0, 1), torch's numbers under `manual_seed`."""
    shape = _shape(size, "rand")
    dtype = dtype or _dtype.get_default_dtype()
    return _make(
        shape, dtype, device, requires_grad, out, lambda t: t.uniform_(0, 1, generator=generator)
    )


def randn(
    *size,
    generator=None,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """Same as `torch.randn`: standard normal, torch's numbers under `manual_seed`."""
    shape = _shape(size, "randn")
    dtype = dtype or _dtype.get_default_dtype()
    return _make(
        shape, dtype, device, requires_grad, out, lambda t: t.normal_(0, 1, generator=generator)
    )


def randint(
    low=0,
    high=None,
    size=None,
    *,
    generator=None,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """Same as `torch.randint(high, size)` and `torch.randint(low, high, size)`."""
    if size is None:
        low, high, size = 0, low, high
    elif high is None:  # torch.randint(high, size=...)
        low, high = 0, low
    shape = _shape((size,), "randint")
    dtype = dtype or _dtype.int64
    return _make(
        shape,
        dtype,
        device,
        requires_grad,
        out,
        lambda t: t.random_(low, high, generator=generator),
    )


def randperm(
    n,
    *,
    generator=None,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """Same as `torch.randperm`: torch's swap loop over its 32-bit draws."""
    n = int(n)
    if n < 0:
        raise RuntimeError(f"Trying to create tensor with negative dimension {n}: [{n}]")
    dtype = dtype or (out.dtype if out is not None else _dtype.int64)
    if dtype is _dtype.bool or dtype.is_complex:
        raise NotImplementedError(f"\"randperm\" not implemented for '{type_name(dtype)}'")
    if dtype.is_floating_point and dtype is not _dtype.bfloat16:
        digits = {"float16": 11, "float32": 24, "float64": 53}[dtype.name]
        if n > (1 << digits) + 1:
            shown = "2049" if digits == 11 else f"2^{digits}+1"
            raise RuntimeError(f"n cannot be greater than {shown} for {type_name(dtype)} type.")
    elif not dtype.is_floating_point and n - 1 > int(_dtype.iinfo(dtype).max):
        ctype = f"{dtype.name}_t"
        raise RuntimeError(f"value cannot be converted to type {ctype} without overflow")
    gen = methods.gen_of(generator)
    values = kernels.cast(kernels.randperm(gen, n), dtype.np)

    def fill(t):
        t._data[...] = (
            values if t._data.__class__ is numpy.ndarray else xp_for(t.device).asarray(values)
        )
        t._bump_version()

    return _make((n,), dtype, device, requires_grad, out, fill)


def rand_like(
    input, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None
):
    """Same as `torch.rand_like`."""
    t = _empty_like(input, dtype, device)
    t.uniform_(0, 1)
    return t.requires_grad_(requires_grad) if requires_grad else t


def randn_like(
    input, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None
):
    """Same as `torch.randn_like`."""
    t = _empty_like(input, dtype, device)
    t.normal_(0, 1)
    return t.requires_grad_(requires_grad) if requires_grad else t


def randint_like(
    input,
    low=0,
    high=None,
    *,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    memory_format=None,
):
    """Same as `torch.randint_like(input, high)` and `torch.randint_like(input, low, high)`."""
    if high is None:
        low, high = 0, low
    t = _empty_like(input, dtype, device)
    t.random_(low, high)
    return t.requires_grad_(requires_grad) if requires_grad else t


# ---------------------------------------------------------------- torch.normal


def _given(xp, mean, *, values):
    return values


def _given2(xp, mean, std, *, values):
    return values


def _zeros_backward(grad, *, needs, self_sym_sizes):
    from numtorch._creation import zeros

    return (zeros(self_sym_sizes, dtype=grad.dtype),)


def _zeros_backward2(grad, *, needs, self_sym_sizes, other_sym_sizes):
    from numtorch._creation import zeros

    return tuple(
        zeros(s, dtype=grad.dtype) if need else None
        for s, need in zip((self_sym_sizes, other_sym_sizes), needs)
    )


for _name, _grad_fn, _forward, _backward in (
    ("_random_normal_tensor_float", "NormalBackward1", _given, _zeros_backward),
    ("_random_normal_float_tensor", "NormalBackward2", _given, _zeros_backward),
    ("_random_normal_tensor_tensor", "NormalBackward3", _given2, _zeros_backward2),
    ("_random_poisson", "PoissonBackward0", _given, _zeros_backward),
    ("_random_bernoulli", "BernoulliBackward0", _given, _zeros_backward),
    ("_random_bernoulli_float", "NotImplemented", _given, _zeros_backward),
):
    op(_name, grad_fn=_grad_fn, function=False, method=False)(_forward).backward(_backward)


def attach(name, inputs, result):
    """Gives `result` (computed without grad) the grad_fn of op `name` over `inputs`."""
    if not any(isinstance(a, Tensor) and a.requires_grad for a in inputs):
        return result
    return apply(REGISTRY[name], tuple(inputs), {"values": result._data})


def normal(mean=0.0, std=1.0, size=None, *, generator=None, out=None, **options):
    """Same as `torch.normal`: (Tensor, Tensor), (Tensor, float), (float, Tensor) and
    (float, float, size) overloads, as torch computes them (draw, then scale and shift)."""
    mean_t, std_t = isinstance(mean, Tensor), isinstance(std, Tensor)
    if not mean_t and not std_t:
        if size is None:
            raise TypeError(
                "normal() received an invalid combination of arguments - got (float, float), "
                "but expected one of:"
            )
        dtype = options.get("dtype") or _dtype.get_default_dtype()
        return _make(
            _shape((size,), "normal"),
            dtype,
            options.get("device"),
            options.get("requires_grad", False),
            out,
            lambda t: t.normal_(mean, std, generator=generator),
        )
    if std_t and std.numel() and not bool((std >= 0).all()):
        raise RuntimeError("normal expects all elements of std >= 0.0")
    with grad_mode.no_grad():
        if mean_t and not std_t:
            methods.check_std(std)
            result = _empty(mean.shape, mean.dtype, mean.device)
            result.normal_(0, std, generator=generator).add_(mean)
            name, inputs = "_random_normal_tensor_float", (mean,)
        elif std_t and not mean_t:
            result = _empty(std.shape, std.dtype, std.device)
            result.normal_(0, 1, generator=generator).mul_(std).add_(mean)
            name, inputs = "_random_normal_float_tensor", (std,)
        else:
            shape = broadcast_shapes_of(mean.shape, std.shape)
            result = _empty(shape, mean.dtype, mean.device)
            result.normal_(0, 1, generator=generator).mul_(std).add_(mean)
            name, inputs = "_random_normal_tensor_tensor", (mean, std)
    result = attach(name, inputs, result)
    return result if out is None else _write_out(out, result, "normal")
