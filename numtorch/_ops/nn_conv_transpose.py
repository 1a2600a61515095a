"""conv_transpose1d/2d/3d: the public forms of the transposed convolution (nn_conv.py)."""

from numtorch._ops.nn_conv import _batched, check_conv, convolution_call, int_tuple
from numtorch._ops.registry import public


def conv_transpose_nd(
    name, nd, input, weight, bias, stride, padding, output_padding, groups, dilation
):
    """conv_transpose1d/2d/3d: checks and the unbatched form."""
    if isinstance(padding, str):
        raise TypeError(f"{name}(): argument 'padding' must be tuple of ints, not str")
    x, unbatched = _batched(name, input, nd)
    stride = int_tuple(stride, nd, "stride")
    padding = int_tuple(padding, nd, "padding")
    output_padding = int_tuple(output_padding, nd, "output_padding")
    dilation = int_tuple(dilation, nd, "dilation")
    check_conv(x, weight, bias, stride, padding, dilation, True, output_padding, groups)
    y = convolution_call(x, weight, bias, stride, padding, dilation, True, output_padding, groups)
    return y.squeeze(0) if unbatched else y


def _make(nd):
    name = f"conv_transpose{nd}d"

    def conv_transpose(
        input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1
    ):
        return conv_transpose_nd(
            name, nd, input, weight, bias, stride, padding, output_padding, groups, dilation
        )

    conv_transpose.__name__ = conv_transpose.__qualname__ = name
    conv_transpose.__doc__ = (
        f"Same as `torch.nn.functional.{name}`: the adjoint of conv{nd}d (a 'deconvolution')."
    )
    return public(name, functional=True)(conv_transpose)


conv_transpose1d = _make(1)
conv_transpose2d = _make(2)
conv_transpose3d = _make(3)
