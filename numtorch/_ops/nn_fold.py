"""F.unfold (im2col) and F.fold (col2im) over 2-D sliding blocks.

im2col zero-pads the input and copies one strided slice per kernel offset; col2im adds those
slices back into a padded zero image and crops it. Each is the other's adjoint, so each is the
other's backward (Im2ColBackward0 <-> Col2ImBackward0) and gradients of any order work.
"""

from numtorch._ops.registry import apply, op, public


def _blocks(size, kernel, dilation, padding, stride):
    span = size + 2 * padding - (dilation * (kernel - 1) + 1)
    return int(span / stride) + 1  # C++ division truncates toward zero


def _offsets(kernel, dilation, stride, blocks):
    """The slice of the padded image read by each kernel offset along one dim."""
    return [
        slice(k * dilation, k * dilation + stride * (blocks - 1) + 1, stride) for k in range(kernel)
    ]


def _im2col(xp, x, kernel_size, dilation, padding, stride):
    *lead, h, w = x.shape
    (kh, kw), (dh, dw), (ph, pw), (sh, sw) = kernel_size, dilation, padding, stride
    oh, ow = _blocks(h, kh, dh, ph, sh), _blocks(w, kw, dw, pw, sw)
    padded = xp.zeros((*lead, h + 2 * ph, w + 2 * pw), dtype=x.dtype)
    padded[..., ph : ph + h, pw : pw + w] = x
    cols = xp.empty((*lead, kh, kw, oh, ow), dtype=x.dtype)
    for i, rows in enumerate(_offsets(kh, dh, sh, oh)):
        for j, columns in enumerate(_offsets(kw, dw, sw, ow)):
            cols[..., i, j, :, :] = padded[..., rows, columns]
    *batch, c = lead
    return cols.reshape(*batch, c * kh * kw, oh * ow)


def _col2im(xp, cols, output_size, kernel_size, dilation, padding, stride):
    (h, w), (kh, kw), (dh, dw), (ph, pw), (sh, sw) = (
        output_size,
        kernel_size,
        dilation,
        padding,
        stride,
    )
    oh, ow = _blocks(h, kh, dh, ph, sh), _blocks(w, kw, dw, pw, sw)
    *batch, ckk, _ = cols.shape
    c = ckk // (kh * kw)
    blocks = cols.reshape(*batch, c, kh, kw, oh, ow)
    padded = xp.zeros((*batch, c, h + 2 * ph, w + 2 * pw), dtype=cols.dtype)
    for i, rows in enumerate(_offsets(kh, dh, sh, oh)):
        for j, columns in enumerate(_offsets(kw, dw, sw, ow)):
            padded[..., rows, columns] += blocks[..., i, j, :, :]
    return xp.ascontiguousarray(padded[..., ph : ph + h, pw : pw + w])


@op("im2col", grad_fn="Im2ColBackward0", function=False, method=False)
def _im2col_op(xp, input, *, kernel_size, dilation, padding, stride):
    return _im2col(xp, input, kernel_size, dilation, padding, stride)


@_im2col_op.backward
def _(grad, *, needs, self_sym_sizes, kernel_size, dilation, padding, stride):
    params = {
        "output_size": tuple(self_sym_sizes)[-2:],
        "kernel_size": kernel_size,
        "dilation": dilation,
        "padding": padding,
        "stride": stride,
    }
    return (apply(_col2im_op.opdef, (grad,), params),)


@op("col2im", grad_fn="Col2ImBackward0", function=False, method=False)
def _col2im_op(xp, input, *, output_size, kernel_size, dilation, padding, stride):
    return _col2im(xp, input, output_size, kernel_size, dilation, padding, stride)


@_col2im_op.backward
def _(grad, *, needs, output_size, kernel_size, dilation, padding, stride):
    params = {
        "kernel_size": kernel_size,
        "dilation": dilation,
        "padding": padding,
        "stride": stride,
    }
    return (apply(_im2col_op.opdef, (grad,), params),)


def _pair(value, fn, name, position):
    if isinstance(value, (list, tuple)):
        if len(value) != 2:
            raise RuntimeError(f"It is expected {name} equals to 2, but got size {len(value)}")
        pair = tuple(value)
    else:
        pair = (value, value)
    for i, v in enumerate(pair):
        if not isinstance(v, int) or isinstance(v, bool):
            raise TypeError(
                f"{fn}(): argument '{name}' (position {position}) must be tuple of ints, but "
                f"found element of type {type(v).__name__} at pos {i}"
            )
    return pair


def _check_params(kernel_size, dilation, padding, stride):
    checks = (
        (kernel_size, "kernel size should be greater than zero", "kernel", 1),
        (dilation, "dilation should be greater than zero", "dilation", 1),
        (padding, "padding should be non-negative", "pad", 0),
        (stride, "stride should be greater than zero", "stride", 1),
    )
    for (a, b), text, label, low in checks:
        if a < low or b < low:
            raise RuntimeError(f"{text}, but got {label}_height: {a} {label}_width: {b}")


def _check_dtype(input, kernel):
    from numtorch._errors import type_name

    dt = input.dtype
    if not (dt.is_floating_point or dt.is_complex or str(dt) == "torch.bool"):
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{type_name(dt)}'")


def _fmt(pair):
    return f"({pair[0]}, {pair[1]})"


@public("unfold", function=False, functional=True)
def unfold(input, kernel_size, dilation=1, padding=0, stride=1):
    """Same as `torch.nn.functional.unfold`: (N, C, H, W) -> (N, C*kh*kw, L) sliding blocks."""
    kernel_size = _pair(kernel_size, "im2col", "kernel_size", 2)
    dilation = _pair(dilation, "im2col", "dilation", 3)
    padding = _pair(padding, "im2col", "padding", 4)
    stride = _pair(stride, "im2col", "stride", 5)
    _check_params(kernel_size, dilation, padding, stride)
    shape = list(input.shape)
    if input.dim() == 2:
        raise IndexError("Dimension out of range (expected to be in range of [-2, 1], but got 2)")
    if input.dim() not in (3, 4) or any(s == 0 for s in shape[-3:]):
        raise RuntimeError(
            "Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero "
            f"dimensions for input, but got: {shape}"
        )
    spatial = shape[-2:]
    blocks = tuple(
        _blocks(spatial[i], kernel_size[i], dilation[i], padding[i], stride[i]) for i in (0, 1)
    )
    if blocks[0] < 1 or blocks[1] < 1:
        raise RuntimeError(
            f"Given input with spatial size {_fmt(spatial)}, kernel_size={_fmt(kernel_size)}, "
            f"dilation={_fmt(dilation)}, padding={_fmt(padding)}, calculated shape of the array "
            f"of sliding blocks as {_fmt(blocks)}, but its components must be at least one."
        )
    _check_dtype(input, "im2col_out_cpu")
    params = {
        "kernel_size": kernel_size,
        "dilation": dilation,
        "padding": padding,
        "stride": stride,
    }
    return apply(_im2col_op.opdef, (input,), params)


@public("fold", function=False, functional=True)
def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    """Same as `torch.nn.functional.fold`: sums sliding blocks (N, C*kh*kw, L) into an image."""
    output_size = _pair(output_size, "col2im", "output_size", 2)
    kernel_size = _pair(kernel_size, "col2im", "kernel_size", 3)
    dilation = _pair(dilation, "col2im", "dilation", 4)
    padding = _pair(padding, "col2im", "padding", 5)
    stride = _pair(stride, "col2im", "stride", 6)
    _check_params(kernel_size, dilation, padding, stride)
    shape = list(input.shape)
    if input.dim() not in (2, 3) or any(s == 0 for s in shape[-2:]):
        raise RuntimeError(
            "Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and "
            f"non-zero dimensions for input, but got: {shape}"
        )
    kk = kernel_size[0] * kernel_size[1]
    if shape[-2] % kk:
        raise RuntimeError(
            "Expected size of input's dimension 1 to be divisible by the product of kernel_size, "
            f"but got input.size(1)={shape[-2]} and kernel_size={_fmt(kernel_size)}."
        )
    blocks = tuple(
        _blocks(output_size[i], kernel_size[i], dilation[i], padding[i], stride[i]) for i in (0, 1)
    )
    if blocks[0] < 1 or blocks[1] < 1 or blocks[0] * blocks[1] != shape[-1]:
        raise RuntimeError(
            f"Given output_size={_fmt(output_size)}, kernel_size={_fmt(kernel_size)}, "
            f"dilation={_fmt(dilation)}, padding={_fmt(padding)}, stride={_fmt(stride)}, "
            "expected size of input's dimension 2 to match the calculated number of sliding "
            f"blocks {max(blocks[0], 0)} * {max(blocks[1], 0)} = "
            f"{max(blocks[0], 0) * max(blocks[1], 0)}, but got input.size(2)={shape[-1]}."
        )
    _check_dtype(input, "col2im_out_cpu")
    params = {
        "output_size": output_size,
        "kernel_size": kernel_size,
        "dilation": dilation,
        "padding": padding,
        "stride": stride,
    }
    return apply(_col2im_op.opdef, (input,), params)
