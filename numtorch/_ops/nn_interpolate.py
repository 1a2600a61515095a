"""F.interpolate / F.upsample*: nearest, nearest-exact, (bi/tri)linear, bicubic, antialiased
bilinear/bicubic and area (adaptive average pooling).

Every mode is separable: for each spatial dim, output position i reads a few input positions
(`taps`: indices and weights, computed with torch's source-index formulas in torch's scale dtype:
float32 for nearest, the op-math dtype for the others). The forward gathers and weights those taps
dim by dim, last dim first as torch does. The backward (a registered op, torch's
`upsample_*_backward`) multiplies the gradient by each dim's dense (out, in) weight matrix; its own
backward is the forward again, so double backward works.
"""

import math

from numtorch._ops.nn_conv import compute_dtype
from numtorch._ops.registry import apply, op, public
from numtorch._tensor import Tensor

_CUBIC_A = -0.75
_AA_CUBIC_A = -0.5


def _scale(xp, dtype, in_size, out_size, align_corners, scale):
    """torch's area_pixel_compute_scale in `dtype` (input/output ratio, or 1/scale_factor)."""
    if align_corners:
        if out_size > 1:
            return xp.asarray(in_size - 1, dtype=dtype) / xp.asarray(out_size - 1, dtype=dtype)
        return xp.asarray(0, dtype=dtype)
    if scale is not None and scale > 0:
        return xp.asarray(1.0 / scale, dtype=dtype)
    return xp.asarray(in_size, dtype=dtype) / xp.asarray(out_size, dtype=dtype)


def _source(xp, dtype, scale, out_size, align_corners, cubic):
    dst = xp.arange(out_size, dtype=dtype)
    if align_corners:
        return scale * dst
    src = scale * (dst + xp.asarray(0.5, dtype=dtype)) - xp.asarray(0.5, dtype=dtype)
    return src if cubic else xp.maximum(src, xp.asarray(0, dtype=dtype))


def _nearest_taps(xp, in_size, out_size, scale, exact):
    if not exact and out_size == in_size:
        return xp.arange(out_size)[:, None], None
    if not exact and out_size == 2 * in_size:
        return (xp.arange(out_size) >> 1)[:, None], None
    f32 = xp.float32
    s = _scale(xp, f32, in_size, out_size, False, scale)
    dst = xp.arange(out_size, dtype=f32)
    if exact:
        dst = dst + xp.asarray(0.5, dtype=f32)
    idx = xp.minimum(xp.floor(dst * s).astype(xp.int64), in_size - 1)
    return idx[:, None], None


def _linear_taps(xp, dtype, in_size, out_size, align_corners, scale):
    if out_size == in_size:
        idx = xp.arange(out_size)
        return xp.stack([idx, idx], 1), xp.stack(
            [xp.ones(out_size, dtype=dtype), xp.zeros(out_size, dtype=dtype)], 1
        )
    s = _scale(xp, dtype, in_size, out_size, align_corners, scale)
    real = _source(xp, dtype, s, out_size, align_corners, False)
    i0 = xp.minimum(xp.floor(real).astype(xp.int64), in_size - 1)
    lam1 = xp.clip(real - i0.astype(dtype), 0, 1).astype(dtype)
    i1 = i0 + (i0 < in_size - 1)
    return xp.stack([i0, i1], 1), xp.stack([1 - lam1, lam1], 1)


def _cubic_weights(xp, t, a):
    def near(x):
        return ((a + 2) * x - (a + 3)) * x * x + 1

    def far(x):
        return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a

    return xp.stack([far(t + 1), near(t), near(1 - t), far(2 - t)], 1)


def cubic_taps(xp, dtype, in_size, out_size, align_corners, scale):
    s = _scale(xp, dtype, in_size, out_size, align_corners, scale)
    real = _source(xp, dtype, s, out_size, align_corners, True)
    i0 = xp.minimum(xp.floor(real).astype(xp.int64), in_size - 1)
    t = xp.clip(real - i0.astype(dtype), 0, 1).astype(dtype)
    idx = xp.clip(i0[:, None] + xp.arange(-1, 3)[None, :], 0, in_size - 1)
    return idx, _cubic_weights(xp, t, _CUBIC_A).astype(dtype)


def _aa_filter(xp, x, cubic, a=_AA_CUBIC_A):
    x = xp.abs(x)
    if not cubic:
        return xp.where(x < 1, 1 - x, 0)
    return xp.where(
        x < 1,
        ((a + 2) * x - (a + 3)) * x * x + 1,
        xp.where(x < 2, (((x - 5) * x + 8) * x - 4) * a, 0),
    )


def aa_taps(xp, dtype, in_size, out_size, align_corners, scale, cubic, antialias=True):
    """Windowed taps (torch's separable kernel): a filter, widened by the downscale factor when
    antialiasing, over the inputs in the window, normalised per output. Without antialias (the
    uint8 kernels) the cubic filter is Keys' a=-0.75 and align_corners shifts the centres."""
    s = float(_scale(xp, xp.float64, in_size, out_size, align_corners, scale))
    widen = antialias and s >= 1.0
    support = (2.0 if cubic else 1.0) * (s if widen else 1.0)
    invscale = 1.0 / s if widen else 1.0
    delta = 0.5 if align_corners and not antialias else 0.0
    a = _AA_CUBIC_A if antialias else _CUBIC_A
    rows = []
    for i in range(out_size):
        center = s * (i + 0.5 - delta)
        xmin = max(int(center - support + 0.5 + delta), 0)
        xsize = min(int(center + support + 0.5 + delta), in_size) - xmin
        rows.append((center, xmin, xsize))
    width = max([r[2] for r in rows] + [1])
    idx = xp.zeros((out_size, width), dtype=xp.int64)
    w = xp.zeros((out_size, width), dtype=xp.float64)
    for i, (center, xmin, xsize) in enumerate(rows):
        j = xp.arange(xsize)
        wi = _aa_filter(xp, (j + xmin - center + 0.5 - delta) * invscale, cubic, a)
        total = wi.sum()
        idx[i, :xsize] = j + xmin
        w[i, :xsize] = wi / total if total != 0 else wi
    return idx, w.astype(dtype)


def _taps(xp, kind, dtype, in_size, out_size, align_corners, scale):
    if kind in ("nearest", "nearest_exact"):
        return _nearest_taps(xp, in_size, out_size, scale, kind == "nearest_exact")
    if kind == "linear":
        return _linear_taps(xp, dtype, in_size, out_size, align_corners, scale)
    if kind == "cubic":
        return cubic_taps(xp, dtype, in_size, out_size, align_corners, scale)
    return aa_taps(xp, dtype, in_size, out_size, align_corners, scale, kind == "cubic_aa")


def _all_taps(xp, kind, dtype, spatial, output_size, align_corners, scales):
    return [
        _taps(xp, kind, dtype, s, n, align_corners, sc)
        for s, n, sc in zip(spatial, output_size, scales)
    ]


def _resample(xp, x, taps):
    nd = len(taps)
    for i in reversed(range(nd)):
        axis = x.ndim - nd + i
        idx, w = taps[i]
        if w is None:
            x = xp.take(x, idx[:, 0], axis=axis)
            continue
        shape = [1] * x.ndim
        shape[axis] = -1
        acc = None
        for k in range(idx.shape[1]):
            term = xp.take(x, idx[:, k], axis=axis) * w[:, k].reshape(shape)
            acc = term if acc is None else acc + term
        x = acc
    return xp.ascontiguousarray(x)


def weight_matrix(xp, taps, in_size):
    idx, w = taps
    out = idx.shape[0]
    m = xp.zeros((out, in_size), dtype=xp.float64)
    rows = xp.repeat(xp.arange(out), idx.shape[1])
    vals = xp.ones(idx.size) if w is None else w.reshape(-1).astype(xp.float64)
    xp.add.at(m, (rows, idx.reshape(-1)), vals)
    return m


_KIND_NAMES = {
    "nearest": ("upsample_nearest{}d", "UpsampleNearest{}DBackward0"),
    "nearest_exact": ("_upsample_nearest_exact{}d", "UpsampleNearestExact{}DBackward0"),
    "linear": (None, None),
    "cubic": ("upsample_bicubic2d", "UpsampleBicubic2DBackward0"),
    "linear_aa": ("_upsample_bilinear2d_aa", "UpsampleBilinear2DAaBackward0"),
    "cubic_aa": ("_upsample_bicubic2d_aa", "UpsampleBicubic2DAaBackward0"),
}
_LINEAR_NAMES = {
    1: ("upsample_linear1d", "UpsampleLinear1DBackward0"),
    2: ("upsample_bilinear2d", "UpsampleBilinear2DBackward0"),
    3: ("upsample_trilinear3d", "UpsampleTrilinear3DBackward0"),
}


def _names(kind, nd):
    if kind == "linear":
        return _LINEAR_NAMES[nd]
    name, grad_fn = _KIND_NAMES[kind]
    return name.format(nd), grad_fn.format(nd)


def _make(kind, nd):
    name, grad_fn = _names(kind, nd)

    @op(name, grad_fn=grad_fn, function=False, method=False)
    def forward(xp, input, *, output_size, scales, align_corners):
        spatial = input.shape[-nd:]
        nearest = kind.startswith("nearest")
        if input.dtype.kind == "u" and not nearest:
            from numtorch._ops.nn_interpolate_uint8 import resample_uint8

            return resample_uint8(xp, input, kind, output_size, align_corners, scales)
        comp = input.dtype if nearest else (compute_dtype(xp, input.dtype) or input.dtype)
        taps = _all_taps(xp, kind, comp, spatial, output_size, align_corners, scales)
        out = _resample(xp, input.astype(comp, copy=False), taps)
        return out.astype(input.dtype, copy=False)

    @forward.backward
    def _(grad, *, needs, self_sym_sizes, output_size, scales, align_corners):
        params = {
            "input_size": tuple(self_sym_sizes),
            "output_size": output_size,
            "scales": scales,
            "align_corners": align_corners,
        }
        return (apply(backward.opdef, (grad,), params),)

    @op(
        f"{name}_backward",
        grad_fn=grad_fn.replace("Backward0", "BackwardBackward0"),
        function=False,
        method=False,
        input_names=("grad_output",),
    )
    def backward(xp, grad_output, *, input_size, output_size, scales, align_corners):
        spatial = input_size[-nd:]
        comp = xp.float64 if grad_output.dtype == xp.float64 else xp.float32
        taps = _all_taps(xp, kind, comp, spatial, output_size, align_corners, scales)
        g = grad_output.astype(comp, copy=False)
        for i in range(nd):
            axis = g.ndim - nd + i
            m = weight_matrix(xp, taps[i], spatial[i]).astype(comp)
            g = xp.swapaxes(xp.swapaxes(g, axis, -1) @ m, axis, -1)
        return xp.ascontiguousarray(g).astype(grad_output.dtype, copy=False)

    @backward.backward
    def _(grad, *, needs, input_size, output_size, scales, align_corners):
        params = {"output_size": output_size, "scales": scales, "align_corners": align_corners}
        return (apply(forward.opdef, (grad,), params),)

    return forward.opdef


_OPS = {
    (kind, nd): _make(kind, nd)
    for kind, dims in (
        ("nearest", (1, 2, 3)),
        ("nearest_exact", (1, 2, 3)),
        ("linear", (1, 2, 3)),
        ("cubic", (2,)),
        ("linear_aa", (2,)),
        ("cubic_aa", (2,)),
    )
    for nd in dims
}

_FLOAT_ONLY_KERNEL = {
    "nearest": "compute_indices_weights_nearest",
    "nearest_exact": "compute_indices_weights_nearest",
    "linear": "compute_indices_weights_linear",
    "cubic": "compute_indices_weights_cubic",
    "linear_aa": "compute_index_ranges_weights",
    "cubic_aa": "compute_index_ranges_weights",
}


def _check_dtype(input, kind, nd):
    """torch's CPU kernels take floats, and uint8 for nearest and for the 2-D modes."""
    from numtorch._errors import type_name

    dt = input.dtype
    if dt.is_floating_point or (str(dt) == "torch.uint8" and (nd == 2 or kind.startswith("near"))):
        return
    kernel = _FLOAT_ONLY_KERNEL[kind]
    if nd == 2 and kind in ("nearest", "nearest_exact", "linear"):
        kernel = "upsample_{}2d_channels_last".format("bilinear" if kind == "linear" else "nearest")
    raise NotImplementedError(f"\"{kernel}\" not implemented for '{type_name(dt)}'")


def _check_sizes(input, nd, output_size):
    spatial = tuple(input.shape[-nd:])
    letters = "DHW"[3 - nd :]
    if any(s <= 0 for s in spatial) or any(s <= 0 for s in output_size):

        def fmt(sizes):
            return ", ".join(f"{c}: {s}" for c, s in zip(letters, sizes))

        joiner = " and " if nd == 1 else " "
        raise RuntimeError(
            "Input and output sizes should be greater than 0, but got input "
            f"({fmt(spatial)}){joiner}output ({fmt(output_size)})"
        )
    if input.numel() == 0 and input.shape[0] != 0 or input.shape[1] == 0:
        raise RuntimeError(
            f"Non-empty {nd + 2}D data tensor expected but got a tensor with sizes "
            f"{list(input.shape)}"
        )


def upsample(input, kind, output_size, scales, align_corners=False):
    """The upsample kernel for `kind` on the last input.dim()-2 dims (torch's _C._nn ops)."""
    nd = input.dim() - 2
    if scales is None:
        scales = (None,) * nd
    else:
        scales = tuple(float(s) for s in scales)
        if output_size is None:
            output_size = [int(math.floor(s * f)) for s, f in zip(input.shape[2:], scales)]
    output_size = tuple(int(s) for s in output_size)
    _check_sizes(input, nd, output_size)
    _check_dtype(input, kind, nd)
    params = {"output_size": output_size, "scales": scales, "align_corners": bool(align_corners)}
    return apply(_OPS[(kind, nd)], (input,), params)


_MODES = "nearest | linear | bilinear | bicubic | trilinear | lanczos | area | nearest-exact"
_NEEDS = {"linear": 3, "bilinear": 4, "trilinear": 5}


def _is_integer(x):
    if isinstance(x, Tensor):
        return not (x.dtype.is_floating_point or x.dtype.is_complex)
    return isinstance(x, int) and not isinstance(x, bool) or hasattr(x, "__index__")


def _output_and_scales(input, size, scale_factor, recompute_scale_factor, mode):
    dim = input.dim() - 2
    if size is not None and scale_factor is not None:
        raise ValueError("only one of size or scale_factor should be defined")
    if size is not None:
        scales = None
        if isinstance(size, (list, tuple)):
            if len(size) != dim:
                raise ValueError(
                    "Input and output must have the same number of spatial dimensions, but got "
                    f"input with spatial dimensions of {list(input.shape[2:])} and output size of "
                    f"{size}. Please provide input tensor in (N, C, d1, d2, ...,dK) format and "
                    "output size in (o1, o2, ...,oK) format."
                )
            if not all(_is_integer(x) for x in size):
                raise TypeError(
                    "expected size to be one of int or Tuple[int] or Tuple[int, int] or "
                    f"Tuple[int, int, int], but got size with types {[type(x) for x in size]}"
                )
            output = list(size)
        else:
            output = [size] * dim
    elif scale_factor is not None:
        output = None
        if isinstance(scale_factor, (list, tuple)):
            if len(scale_factor) != dim:
                raise ValueError(
                    "Input and scale_factor must have the same number of spatial dimensions, but "
                    f"got input with spatial dimensions of {list(input.shape[2:])} and "
                    f"scale_factor of shape {scale_factor}. Please provide input tensor in (N, C, "
                    "d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format."
                )
            scales = list(scale_factor)
        else:
            scales = [scale_factor] * dim
    else:
        raise ValueError("either size or scale_factor should be defined")
    if recompute_scale_factor and size is not None:
        raise ValueError("recompute_scale_factor is not meaningful with an explicit size.")
    if mode == "area" and output is None:
        recompute_scale_factor = True
    if recompute_scale_factor:
        output = [int(input.shape[i + 2] * scales[i]) for i in range(dim)]
        scales = None
    return output, scales


@public("interpolate", function=False, functional=True)
def interpolate(
    input,
    size=None,
    scale_factor=None,
    mode="nearest",
    align_corners=None,
    recompute_scale_factor=None,
    antialias=False,
):
    """Same as `torch.nn.functional.interpolate`."""
    from numtorch.nn import functional as F

    if mode in ("nearest", "area", "nearest-exact"):
        if align_corners is not None:
            raise ValueError(
                "align_corners option can only be set with the interpolating modes: "
                "linear | bilinear | bicubic | trilinear"
            )
    elif align_corners is None:
        align_corners = False
    output, scales = _output_and_scales(input, size, scale_factor, recompute_scale_factor, mode)
    ndim = input.dim()
    if antialias and not (mode in ("bilinear", "bicubic", "lanczos") and ndim == 4):
        raise ValueError(
            "Anti-alias option is restricted to bilinear, bicubic, and lanczos modes and requires "
            "a 4-D tensor as input"
        )
    if ndim in (3, 4, 5):
        if mode in ("nearest", "nearest-exact"):
            return upsample(input, mode.replace("-", "_"), output, scales)
        if mode == "area":
            return getattr(F, f"adaptive_avg_pool{ndim - 2}d")(input, output)
        if _NEEDS.get(mode) == ndim:
            kind = "linear_aa" if antialias else "linear"
            return upsample(input, kind, output, scales, align_corners)
        if mode == "bicubic" and ndim == 4:
            return upsample(
                input, "cubic_aa" if antialias else "cubic", output, scales, align_corners
            )
        if mode in _NEEDS:
            raise NotImplementedError(
                f"Got {ndim}D input, but {mode} mode needs {_NEEDS[mode]}D input"
            )
    raise NotImplementedError(
        f"Input Error: Only 3D, 4D and 5D input Tensors supported (got {ndim}D) for the modes: "
        f"{_MODES} (got {mode})"
    )


def _deprecated(name):
    import warnings

    warnings.warn(
        f"`nn.functional.{name}` is deprecated. Use `nn.functional.interpolate` instead.",
        stacklevel=3,
    )


@public("upsample", function=False, functional=True)
def upsample_functional(input, size=None, scale_factor=None, mode="nearest", align_corners=None):
    """Same as `torch.nn.functional.upsample` (deprecated alias of interpolate)."""
    _deprecated("upsample")
    return interpolate(input, size, scale_factor, mode, align_corners)


@public("upsample_nearest", function=False, functional=True)
def upsample_nearest(input, size=None, scale_factor=None):
    """Same as `torch.nn.functional.upsample_nearest`."""
    _deprecated("upsample_nearest")
    return interpolate(input, size, scale_factor, mode="nearest")


@public("upsample_bilinear", function=False, functional=True)
def upsample_bilinear(input, size=None, scale_factor=None):
    """Same as `torch.nn.functional.upsample_bilinear` (align_corners=True)."""
    _deprecated("upsample_bilinear")
    return interpolate(input, size, scale_factor, mode="bilinear", align_corners=True)
