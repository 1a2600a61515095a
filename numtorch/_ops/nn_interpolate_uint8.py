"""uint8 bilinear/bicubic upsampling as torch's CPU kernel does it: in fixed point.

Each dim (width first) is a separate pass over windowed taps (nn_interpolate.aa_taps) whose
weights are scaled to int16 with the largest precision that keeps them below 2**15; a pass sums
value * weight in integers, adds half a unit, shifts back and clamps to 0..255 before the next.
"""


def _precision(max_weight):
    precision = 0
    while precision < 22:
        if int(0.5 + max_weight * (1 << (precision + 1))) >= (1 << 15):
            break
        precision += 1
    return precision


def _pass(xp, x, axis, idx, w):
    precision = _precision(float(w.max()) if w.size else 0.0)
    scaled = w * (1 << precision)
    w16 = xp.where(scaled < 0, scaled - 0.5, scaled + 0.5).astype(xp.int16).astype(xp.int64)
    shape = [1] * x.ndim
    shape[axis] = -1
    acc = xp.full(x.shape[:axis] + (idx.shape[0],) + x.shape[axis + 1 :], 0, dtype=xp.int64)
    if precision > 0:
        acc += 1 << (precision - 1)
    for k in range(idx.shape[1]):
        acc += xp.take(x, idx[:, k], axis=axis).astype(xp.int64) * w16[:, k].reshape(shape)
    return xp.clip(acc >> precision, 0, 255).astype(xp.uint8)


def _window(xp, taps, in_size):
    """Border-clamped taps merged into one contiguous window per output (repeated edge indices
    add their weights), as torch's uint8 bicubic kernel holds them."""
    from numtorch._ops.nn_interpolate import weight_matrix

    m = weight_matrix(xp, taps, in_size)
    nonzero = m != 0
    first = xp.argmax(nonzero, axis=1)
    last = in_size - 1 - xp.argmax(nonzero[:, ::-1], axis=1)
    width = int((last - first).max()) + 1 if m.shape[0] else 1
    idx = first[:, None] + xp.arange(width)[None, :]
    inside = idx < in_size
    idx = xp.minimum(idx, in_size - 1)
    w = xp.take_along_axis(m, idx, axis=1) * inside
    return idx, w


def resample_uint8(xp, x, kind, output_size, align_corners, scales):
    from numtorch._ops.nn_interpolate import aa_taps, cubic_taps

    cubic = kind.startswith("cubic")
    antialias = kind.endswith("_aa")
    for axis in (3, 2):
        dim = axis - 2
        args = (xp, xp.float64, x.shape[axis], output_size[dim], align_corners, scales[dim])
        if kind == "cubic":
            idx, w = _window(xp, cubic_taps(*args), x.shape[axis])
        else:
            idx, w = aa_taps(*args, cubic, antialias)
        x = _pass(xp, x, axis, idx, w)
    return xp.ascontiguousarray(x)
