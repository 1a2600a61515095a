"""Convolution: torch.convolution (ConvolutionBackward0) and conv1d/2d/3d.

The forward is im2col over strided windows and one matmul per call (the array kernels are in
nn_conv_kernels.py); the backward is two more convolutions (a transposed one for the
input, one with batch and channels swapped for the weight), so create_graph differentiates it
again. The transposed convolutions are in nn_conv_transpose.py.
"""

from numtorch._errors import legacy_type_name, type_name
from numtorch._ops.cascade_sum import torch_order_sum
from numtorch._ops.nn_conv_kernels import (  # noqa: F401  (re-exported to the pool ops)
    batch_last,
    compute_dtype,
    conv_gemm,
    conv_transpose_forward,
    conv_weight_grad,
    dilate,
    pad_spatial,
    windows,
)
from numtorch._ops.registry import REGISTRY, apply, op, public
from numtorch._tensor import Tensor

# ---------------------------------------------------------------- the op


@op(
    "convolution",
    grad_fn="ConvolutionBackward0",
    function=False,
    method=False,
    input_names=("input", "weight", "bias"),
)
def _convolution(
    xp, input, weight, bias, *, stride, padding, dilation, transposed, output_padding, groups
):
    comp = compute_dtype(xp, input.dtype)
    dtype = input.dtype
    if comp is not None:
        input, weight = input.astype(comp), weight.astype(comp)
        bias = None if bias is None else bias.astype(comp)
    if transposed:
        y = conv_transpose_forward(
            xp, input, weight, stride, padding, dilation, output_padding, groups
        )
    else:
        x = pad_spatial(xp, input, padding, padding)
        y = conv_gemm(xp, x, weight, stride, dilation, groups)
    if bias is not None:
        y += bias.reshape((1, -1) + (1,) * (y.ndim - 2))
    return y.astype(dtype, copy=False)


@_convolution.backward
def _(
    grad,
    *,
    needs,
    input,
    weight,
    stride,
    padding,
    dilation,
    transposed,
    output_padding,
    groups,
):
    nd = weight.dim() - 2
    ksize = tuple(weight.shape[2:])
    zeros = (0,) * nd
    grad_input = grad_weight = grad_bias = None
    if needs[0]:
        if transposed:
            grad_input = convolution_call(
                grad, weight, None, stride, padding, dilation, False, zeros, groups
            )
        else:
            extra = tuple(
                input.shape[2 + i]
                + 2 * padding[i]
                - ((grad.shape[2 + i] - 1) * stride[i] + dilation[i] * (ksize[i] - 1) + 1)
                for i in range(nd)
            )
            grad_input = convolution_call(
                grad, weight, None, stride, padding, dilation, True, extra, groups
            )
        grad_input = _narrow_to(grad_input, input.shape[2:])
    if needs[1]:
        if transposed:
            grad_weight = _weight_grad(grad, input, groups, stride, padding, dilation, ksize)
        else:
            grad_weight = _weight_grad(input, grad, groups, stride, padding, dilation, ksize)
    if needs[2]:
        grad_bias = grad.sum([0] + list(range(2, grad.dim())))
    return grad_input, grad_weight, grad_bias


@_convolution.raw_backward
def _(
    xp,
    grad,
    *,
    needs,
    input,
    weight,
    stride,
    padding,
    dilation,
    transposed,
    output_padding,
    groups,
):
    # the Tensor formula's convolutions, run straight on the arrays (the raw path's dtypes need
    # no compute-dtype casts); a plain convolution's two GEMMs share one batch-last copy of grad
    nd = weight.ndim - 2
    ksize = tuple(weight.shape[2:])
    grad_input = grad_weight = grad_bias = None
    grad_last = None
    if not transposed and (needs[0] or needs[1]) and grad.size:
        grad_last = batch_last(xp, grad)
    if needs[0]:
        if transposed:
            x = pad_spatial(xp, grad, padding, padding)
            grad_input = conv_gemm(xp, x, weight, stride, dilation, groups)
        else:
            extra = tuple(
                input.shape[2 + i]
                + 2 * padding[i]
                - ((grad.shape[2 + i] - 1) * stride[i] + dilation[i] * (ksize[i] - 1) + 1)
                for i in range(nd)
            )
            grad_input = conv_transpose_forward(
                xp, grad, weight, stride, padding, dilation, extra, groups, grad_last
            )
        index = (slice(None), slice(None)) + tuple(slice(0, n) for n in input.shape[2:])
        grad_input = grad_input[index]
    if needs[1]:
        if transposed:
            x, g = pad_spatial(xp, grad, padding, padding), input
        else:
            x, g = pad_spatial(xp, input, padding, padding), grad
        grad_weight = conv_weight_grad(xp, x, g, ksize, stride, dilation, groups, grad_last)
    if needs[2]:
        grad_bias = torch_order_sum(xp, grad, (0,) + tuple(range(2, grad.ndim)))
    return grad_input, grad_weight, grad_bias


def convolution_call(input, weight, bias, stride, padding, dilation, transposed, op_, groups):
    """The convolution op on checked arguments (tuples of ints)."""
    params = {
        "stride": stride,
        "padding": padding,
        "dilation": dilation,
        "transposed": transposed,
        "output_padding": op_,
        "groups": groups,
    }
    return apply(REGISTRY["convolution"], (input, weight, bias), params)


def _narrow_to(t, spatial):
    for i, n in enumerate(spatial):
        if t.shape[2 + i] != n:
            t = t.narrow(2 + i, 0, n)
    return t


def _weight_grad(a, b, groups, stride, padding, dilation, ksize):
    """sum over n, j of a_pad[n, c, j*stride + k*dilation] * b[n, o, j], as (O, C/g, *K)."""
    params = {
        "ksize": tuple(ksize),
        "stride": stride,
        "padding": padding,
        "dilation": dilation,
        "groups": groups,
    }
    return apply(REGISTRY["_conv_weight_grad"], (a, b), params)


@op(
    "_conv_weight_grad",
    grad_fn="ConvolutionBackwardBackward0",
    function=False,
    method=False,
    input_names=("input", "grad_output"),
)
def _conv_weight_grad(xp, input, grad_output, *, ksize, stride, padding, dilation, groups):
    comp = compute_dtype(xp, input.dtype)
    dtype = input.dtype
    if comp is not None:
        input, grad_output = input.astype(comp), grad_output.astype(comp)
    x = pad_spatial(xp, input, padding, padding)
    gw = conv_weight_grad(xp, x, grad_output, ksize, stride, dilation, groups)
    return gw.astype(dtype, copy=False)


@_conv_weight_grad.backward
def _(grad, *, needs, input, grad_output, ksize, stride, padding, dilation, groups):
    # the weight gradient is bilinear in (input, grad_output): each part is a convolution
    nd = len(ksize)
    grad_input = grad_grad_output = None
    if needs[0]:
        extra = tuple(
            input.shape[2 + i]
            + 2 * padding[i]
            - ((grad_output.shape[2 + i] - 1) * stride[i] + dilation[i] * (ksize[i] - 1) + 1)
            for i in range(nd)
        )
        grad_input = convolution_call(
            grad_output, grad, None, stride, padding, dilation, True, extra, groups
        )
        grad_input = _narrow_to(grad_input, input.shape[2:])
    if needs[1]:
        grad_grad_output = convolution_call(
            input, grad, None, stride, padding, dilation, False, (0,) * nd, groups
        )
        grad_grad_output = _narrow_to(grad_grad_output, grad_output.shape[2:])
    return grad_input, grad_grad_output


# ---------------------------------------------------------------- argument checks

_CONV_DTYPES = ("float16", "bfloat16", "float32", "float64", "complex64", "complex128")


def int_tuple(value, n, name):
    """An int or a sequence of ints as an n-tuple (torch's expansion of a single value)."""
    if isinstance(value, Tensor):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        values = tuple(int(v) for v in value)
        if len(values) == 1:
            return values * n
        return values
    return (int(value),) * n


def _tensor_type(t):
    return "torch." + legacy_type_name(t.dtype)


def check_conv(input, weight, bias, stride, padding, dilation, transposed, output_padding, groups):
    """torch's checks and messages for a batched convolution."""
    k = weight.dim() - 2
    for name, value in (
        ("stride", stride),
        ("padding", padding),
        ("dilation", dilation),
        ("output_padding", output_padding),
    ):
        if len(value) != k and not (name == "output_padding" and not transposed):
            raise RuntimeError(
                f"expected {name} to be a single integer value or a list of {k} values to match "
                f"the convolution dimensions, but got {name}={list(value)}"
            )
    if any(s <= 0 for s in stride):
        raise RuntimeError("non-positive stride is not supported")
    if any(p < 0 for p in padding):
        raise RuntimeError("negative padding is not supported")
    if any(p < 0 for p in output_padding):
        raise RuntimeError("negative output_padding is not supported")
    if any(d <= 0 for d in dilation):
        raise RuntimeError("non-positive dilation is not supported")
    if groups <= 0:
        raise RuntimeError("non-positive groups is not supported")
    if input.dtype is not weight.dtype:
        if input.dtype.itemsize > weight.dtype.itemsize and input.dtype.is_floating_point:
            raise RuntimeError(
                f"expected scalar type {_scalar_name(input.dtype)} but found "
                f"{_scalar_name(weight.dtype)}"
            )
        raise RuntimeError(
            f"Input type ({_tensor_type(input)}) and weight type ({_tensor_type(weight)}) "
            "should be the same or input should be a MKLDNN tensor and weight is a dense tensor"
        )
    if bias is not None and bias.dtype is not input.dtype:
        raise RuntimeError(
            f"Input type ({_c_name(input.dtype)}) and bias type ({_c_name(bias.dtype)}) should "
            "be the same"
        )
    shape_w = list(weight.shape)
    if weight.shape[0] < 1:
        raise RuntimeError(
            f"Given groups={groups}, expected weight to be at least {groups} at dimension 0, "
            f"but got weight of size {shape_w} instead"
        )
    if weight.shape[0] % groups:
        raise RuntimeError(
            f"Given groups={groups}, expected weight to be divisible by {groups} at dimension "
            f"0, but got weight of size [{shape_w}] instead"
        )
    if input.dim() != weight.dim():
        raise RuntimeError(
            f"Expected {weight.dim()}-dimensional input for {weight.dim()}-dimensional weight "
            f"{shape_w}, but got {input.dim()}-dimensional input of size {list(input.shape)} "
            "instead"
        )
    channels = weight.shape[0] if transposed else weight.shape[1] * groups
    if input.shape[1] != channels:
        head = "Given transposed=1" if transposed else f"Given groups={groups}"
        head += ", weight of size"
        raise RuntimeError(
            f"{head} {shape_w}, expected input{list(input.shape)} to have {channels} channels, "
            f"but got {input.shape[1]} channels instead"
        )
    out_channels = weight.shape[1] * groups if transposed else weight.shape[0]
    if bias is not None and (bias.dim() != 1 or bias.shape[0] != out_channels):
        raise RuntimeError(
            f"Given {'transposed=1, ' if transposed else ''}weight of size {shape_w}, expected "
            f"bias to be 1-dimensional with {out_channels} elements, but got bias of size "
            f"{list(bias.shape)} instead"
        )
    if not transposed:
        padded = [input.shape[2 + i] + 2 * padding[i] for i in range(k)]
        kernel = [dilation[i] * (weight.shape[2 + i] - 1) + 1 for i in range(k)]
        if any(p < kk for p, kk in zip(padded, kernel)):
            raise RuntimeError(
                f"Calculated padded input size per channel: ({' x '.join(map(str, padded))}). "
                f"Kernel size: ({' x '.join(map(str, kernel))}). Kernel size can't be greater "
                "than actual input size"
            )
    else:
        if any(o >= s and o >= d for o, s, d in zip(output_padding, stride, dilation)):
            names = ("depth", "height", "width")[3 - k :] if k <= 3 else [str(i) for i in range(k)]
            if k == 1:
                names = ("",)
            parts = " ".join(f"output_padding_{n}: {o}" for n, o in zip(names, output_padding))
            parts += " " + " ".join(f"stride_{n}: {s}" for n, s in zip(names, stride))
            parts += " " + " ".join(f"dilation_{n}: {d}" for n, d in zip(names, dilation))
            raise RuntimeError(
                "output padding must be smaller than either stride or dilation, but got " + parts
            )
    name = input.dtype.__repr__().split(".")[-1]
    if name not in _CONV_DTYPES and input.dtype.is_floating_point is False:
        if name == "bool":
            raise NotImplementedError(
                f"\"slow_conv{k}d_cpu\" not implemented for 'Bool'"
                if k == 2
                else f"\"slow_conv{k}d_cpu\" not implemented for 'Bool'"
            )


def _scalar_name(dtype):
    return type_name(dtype)


def _c_name(dtype):
    return {
        "float32": "float",
        "float64": "double",
        "float16": "c10::Half",
        "bfloat16": "c10::BFloat16",
        "int64": "long int",
        "int32": "int",
    }.get(dtype.name, dtype.name)


# ---------------------------------------------------------------- public functions


def _batched(name, input, nd, transposed=False):
    """(input with a batch dim, whether one was added), or torch's message for a bad rank."""
    if input.dim() == nd + 1:
        return input.unsqueeze(0), True
    if input.dim() == nd + 2:
        return input, False
    raise RuntimeError(
        f"Expected {nd + 1}D (unbatched) or {nd + 2}D (batched) input to {name}, but got input "
        f"of size: {list(input.shape)}"
    )


def same_padding(weight, dilation, nd):
    """torch's padding='same': (symmetric padding, extra right padding) per spatial dim."""
    sym, extra = [], []
    for i in range(nd):
        total = dilation[i] * (weight.shape[2 + i] - 1)
        sym.append(total // 2)
        extra.append(total - 2 * (total // 2))
    return tuple(sym), tuple(extra)


def conv_nd(name, nd, input, weight, bias, stride, padding, dilation, groups):
    """conv1d/2d/3d: checks, padding strings, the unbatched form."""
    from numtorch._ops.nn_pad import constant_pad

    x, unbatched = _batched(name, input, nd)
    stride = int_tuple(stride, nd, "stride")
    dilation = int_tuple(dilation, nd, "dilation")
    extra = None
    if isinstance(padding, str):
        if padding == "valid":
            padding = (0,) * nd
        elif padding == "same":
            if any(s != 1 for s in stride):
                raise RuntimeError("padding='same' is not supported for strided convolutions")
            if weight.dim() == nd + 2:
                padding, extra = same_padding(weight, dilation, nd)
            else:
                padding = (0,) * nd
        else:
            raise RuntimeError(f"Invalid padding string: '{padding}'")
    else:
        padding = int_tuple(padding, nd, "padding")
    check_conv(x, weight, bias, stride, padding, dilation, False, (0,) * nd, groups)
    if extra is not None and any(extra):
        pads = []
        for e in reversed(extra):
            pads += [0, e]
        x = constant_pad(x, pads, 0.0)
    y = convolution_call(x, weight, bias, stride, padding, dilation, False, (0,) * nd, groups)
    return y.squeeze(0) if unbatched else y


def _make_conv(nd):
    name = f"conv{nd}d"

    def conv(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
        return conv_nd(name, nd, input, weight, bias, stride, padding, dilation, groups)

    conv.__name__ = conv.__qualname__ = name
    conv.__doc__ = f"Same as `torch.nn.functional.{name}`: cross-correlation over {nd} dims."
    return public(name, functional=True)(conv)


conv1d = _make_conv(1)
conv2d = _make_conv(2)
conv3d = _make_conv(3)


@public("convolution")
def convolution(input, weight, bias, stride, padding, dilation, transposed, output_padding, groups):
    """Same as `torch.convolution`: the general (transposed) convolution, batched input."""
    nd = weight.dim() - 2
    stride = int_tuple(stride, nd, "stride")
    padding = int_tuple(padding, nd, "padding")
    dilation = int_tuple(dilation, nd, "dilation")
    output_padding = int_tuple(output_padding, nd, "output_padding")
    check_conv(input, weight, bias, stride, padding, dilation, transposed, output_padding, groups)
    return convolution_call(
        input, weight, bias, stride, padding, dilation, bool(transposed), output_padding, groups
    )
