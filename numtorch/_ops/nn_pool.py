"""max_pool1d/2d/3d and avg_pool1d/2d/3d over strided windows, lp_pool1d/2d.

1-d pooling is 2-d pooling of an unsqueezed input, as in torch (its graph shows Squeeze /
MaxPool2DWithIndices / Unsqueeze). The backward of each pool is a registered op of its own (so
create_graph differentiates it: max pool's is a gather, avg pool's is avg pool again).
max_unpool and the adaptive pools are in nn_pool_adaptive.py.
"""

import builtins
import itertools
import math

from numtorch._ops.nn_conv import compute_dtype, pad_spatial, windows
from numtorch._ops.registry import apply, op, public
from numtorch._tensor import Tensor

# ---------------------------------------------------------------- sizes and checks


def pool_tuple(value, nd, what, name):
    """kernel_size/stride/padding/dilation as an nd-tuple, with torch's message otherwise."""
    if isinstance(value, Tensor):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        if len(value) == 1:
            return (int(value[0]),) * nd
        if len(value) != nd:
            words = {2: "two", 3: "three"}[nd]
            raise RuntimeError(
                f"{name}: {what} must either be a single int, or a tuple of {words} ints"
            )
        return tuple(int(v) for v in value)
    return (int(value),) * nd


def out_size(size, k, s, p, d, ceil_mode):
    """torch's pooling output length (a ceil-mode window must start inside input + left pad)."""
    span = size + 2 * p - d * (k - 1) - 1
    n = (-(-span // s) if ceil_mode else span // s) + 1
    if ceil_mode and (n - 1) * s >= size + p:
        n -= 1
    return n


def check_pool(name, input, nd, kernel, stride, padding, dilation, batch_message):
    """torch's checks, and the output spatial size."""
    if any(s == 0 for s in stride):
        raise RuntimeError("stride should not be zero")
    if any(d <= 0 for d in dilation):
        parts = " ".join(f"dilation{n}: {d}" for n, d in zip(("T", "H", "W")[3 - nd :], dilation))
        raise RuntimeError(f"dilation should be greater than zero, but got {parts}")
    shape = list(input.shape)
    if input.dim() not in (nd + 1, nd + 2) or any(s == 0 for s in shape[-nd - 1 :]):
        raise RuntimeError(batch_message(shape))
    for k, p, d in zip(kernel, padding, dilation):
        if p > (d * (k - 1) + 1) // 2:
            raise RuntimeError(
                "pad should be at most half of effective kernel size, but got "
                f"pad={p}, kernel_size={k} and dilation={d}"
            )


def too_small(input, nd, outs):
    if any(o <= 0 for o in outs):
        lead = list(input.shape[-nd - 1 : -nd])
        given = "x".join(map(str, lead + list(input.shape[-nd:])))
        calc = "x".join(map(str, lead + list(outs)))
        raise RuntimeError(
            f"Given input size: ({given}). Calculated output size: ({calc}). Output size is "
            "too small"
        )


def _right_pad(spatial, kernel, stride, padding, dilation, outs):
    """The padding after each dim that makes the last (ceil-mode) window fit."""
    return [
        max((o - 1) * s + d * (k - 1) + 1 - n - p, p) if o > 0 else p
        for n, k, s, p, d, o in zip(spatial, kernel, stride, padding, dilation, outs)
    ]


def _lowest(xp, dtype):
    if dtype.kind == "f" or dtype.kind == "V":
        return -float("inf")
    return xp.iinfo(dtype).min


# ---------------------------------------------------------------- max pool


def _max_pool_arrays(xp, x, kernel, stride, padding, dilation, outs):
    """(values, flat indices into each input plane) for x (B, C, *S).

    One pass per kernel offset over output-sized strided slices keeps the running maximum and
    its offset: a larger value or a NaN takes over, so ties keep the first position and NaN
    the last, as torch's CPU kernel."""
    nd = len(kernel)
    spatial = x.shape[2:]
    comp = compute_dtype(xp, x.dtype)
    src = x.astype(comp) if comp is not None else x
    right = _right_pad(spatial, kernel, stride, padding, dilation, outs)
    padded = pad_spatial(xp, src, padding, right, _lowest(xp, src.dtype))
    plane_strides = [math.prod(spatial[i + 1 :]) for i in range(nd)]
    check_nan = src.dtype.kind in "fc"
    best = chosen = None
    shifts = []
    for k, offs in enumerate(itertools.product(*(range(n) for n in kernel))):
        # a contiguous copy of the slice: the comparisons below run several times faster on it
        part = xp.ascontiguousarray(
            padded[
                (slice(None), slice(None))
                + tuple(
                    slice(o * d, o * d + (n - 1) * s + 1, s)
                    for o, d, n, s in zip(offs, dilation, outs, stride)
                )
            ]
        )
        shifts.append(builtins.sum(o * d * ps for o, d, ps in zip(offs, dilation, plane_strides)))
        if best is None:
            best, chosen = part, xp.zeros(part.shape, dtype=xp.int32)
            continue
        better = part > best
        if check_nan:
            better |= xp.isnan(part)
        # masked writes are slow on random masks: update by arithmetic instead
        step = k - chosen
        step *= better
        chosen += step
        best = xp.maximum(best, part)  # NaN spreads, as the `better` rule keeps it
    offset = xp.asarray(shifts, dtype=xp.int64)[chosen]
    for i in range(nd):
        start = xp.arange(outs[i], dtype=xp.int64) * stride[i] - padding[i]
        offset += (start * plane_strides[i]).reshape((-1,) + (1,) * (nd - 1 - i))
    return best.astype(x.dtype, copy=False), offset


def _make_max_pool(nd):
    name = f"max_pool{nd}d_with_indices"

    @op(
        name,
        grad_fn=f"MaxPool{nd}DWithIndicesBackward0",
        function=False,
        method=False,
        returns=tuple,
    )
    def forward(xp, input, *, kernel, stride, padding, dilation, outs):
        x = input if input.ndim == nd + 2 else input[None]
        values, index = _max_pool_arrays(xp, x, kernel, stride, padding, dilation, outs)
        if input.ndim != nd + 2:
            values, index = values[0], index[0]
        return values, index

    @forward.backward
    def _(
        grad,
        _grad_indices,
        *,
        needs,
        self_sym_sizes,
        result1,
        kernel,
        stride,
        padding,
        dilation,
        outs,
    ):
        # windows that cannot overlap pick distinct positions: a plain scatter suffices
        disjoint = all(s >= d * (k - 1) + 1 for k, s, d in zip(kernel, stride, dilation))
        label = f"MaxPool{nd}D"
        return (scatter_by_index(grad, result1, tuple(self_sym_sizes), nd, label, disjoint),)

    return forward


def scatter_by_index(grad, index, shape, nd, label, disjoint=False):
    """A zero tensor of `shape` with grad added at the flat plane indices `index` (which are
    distinct within each plane when `disjoint`)."""
    params = {"shape": shape, "nd": nd, "disjoint": disjoint}
    return apply(_SCATTER_OPS[label], (grad, index), params)


def _make_scatter(label):
    @op(
        f"_{label.lower()}_backward",
        grad_fn=f"{label}WithIndicesBackwardBackward0"
        if label.startswith("Max")
        else f"{label}BackwardBackward0",
        function=False,
        method=False,
        input_names=("grad_output", "indices"),
    )
    def scatter(xp, grad, index, *, shape, nd, disjoint=False):
        lead = shape[: len(shape) - nd]
        plane = math.prod(shape[len(shape) - nd :])
        rows = math.prod(lead)
        g = grad.reshape(rows, -1)
        idx = index.reshape(rows, -1)
        out = xp.zeros((rows, plane), dtype=grad.dtype)
        if idx.size:
            flat = (idx + xp.arange(rows).reshape(-1, 1) * plane).ravel()
            if disjoint:
                out.reshape(-1)[flat] = g.ravel()
            elif hasattr(xp, "bincount") and grad.dtype.kind == "f" and grad.dtype.itemsize >= 4:
                total = xp.bincount(flat, weights=g.ravel(), minlength=rows * plane)
                out = total.astype(grad.dtype).reshape(rows, plane)
            else:
                xp.add.at(out.reshape(-1), flat, g.ravel())
        return out.reshape(shape)

    @scatter.backward
    def _(grad, *, needs, indices, shape, nd, disjoint=False):
        lead = len(shape) - nd
        flat = grad.flatten(lead) if nd > 1 else grad
        picked = flat.gather(lead, indices.flatten(lead) if nd > 1 else indices)
        return picked.reshape(indices.shape), None

    return scatter.opdef


_SCATTER_OPS = {
    label: _make_scatter(label)
    for label in (
        "MaxPool2D",
        "MaxPool3D",
        "AdaptiveMaxPool2D",
        "AdaptiveMaxPool3D",
    )
}
_MAX_POOLS = {nd: _make_max_pool(nd).opdef for nd in (2, 3)}


def _batch_message(nd, name=None):
    def message(shape):
        prefix = f"{name}: " if name else ""
        return (
            f"{prefix}Expected {nd + 1}D or {nd + 2}D (batch mode) tensor with optional 0 dim "
            f"batch size for input, but got:{shape}"
        )

    return message


def max_pool_nd(nd, input, kernel_size, stride, padding, dilation, ceil_mode, return_indices):
    """max_pool2d/3d (max_pool1d calls it with an unsqueezed input)."""
    name = f"max_pool{nd}d"
    kernel = pool_tuple(kernel_size, nd, "kernel_size", name)
    stride = kernel if stride is None or stride == [] or stride == () else stride
    stride = pool_tuple(stride, nd, "stride", name)
    padding = pool_tuple(padding, nd, "padding", name)
    dilation = pool_tuple(dilation, nd, "dilation", name)
    if input.dtype.name == "bool":
        raise NotImplementedError(f"\"max_pool{nd}d\" not implemented for 'Bool'")
    if input.dim() not in (nd + 1, nd + 2):
        raise RuntimeError(
            f"non-empty {nd + 1}D or {nd + 2}D (batch mode) tensor expected for input"
        )
    check_pool(name, input, nd, kernel, stride, padding, dilation, _batch_message(nd))
    spatial = input.shape[-nd:]
    outs = tuple(
        out_size(n, k, s, p, d, ceil_mode)
        for n, k, s, p, d in zip(spatial, kernel, stride, padding, dilation)
    )
    too_small(input, nd, outs)
    params = {
        "kernel": kernel,
        "stride": stride,
        "padding": padding,
        "dilation": dilation,
        "outs": outs,
    }
    values, index = apply(_MAX_POOLS[nd], (input,), params)
    return (values, index) if return_indices else values


@public(function=True, functional=True)
def max_pool2d(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False
):
    """Same as `torch.nn.functional.max_pool2d`."""
    return max_pool_nd(2, input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


@public(function=True, functional=True)
def max_pool3d(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False
):
    """Same as `torch.nn.functional.max_pool3d`."""
    return max_pool_nd(3, input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


@public(function=True, functional=True)
def max_pool1d(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False
):
    """Same as `torch.nn.functional.max_pool1d`: 2-d pooling of input.unsqueeze(-2)."""
    if input.dim() not in (2, 3) or any(s == 0 for s in input.shape[-2:]):
        raise RuntimeError(
            "max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size "
            f"for input, but got:{list(input.shape)}"
        )
    kernel = pool_tuple(kernel_size, 1, "kernel_size", "max_pool1d")
    stride = kernel if stride is None or stride == [] or stride == () else stride
    stride = pool_tuple(stride, 1, "stride", "max_pool1d")
    padding = pool_tuple(padding, 1, "padding", "max_pool1d")
    dilation = pool_tuple(dilation, 1, "dilation", "max_pool1d")
    if stride[0] > 0 and kernel[0] > 0 and dilation[0] > 0:
        n = out_size(input.shape[-1], kernel[0], stride[0], padding[0], dilation[0], ceil_mode)
        if n <= 0 and padding[0] <= (dilation[0] * (kernel[0] - 1) + 1) // 2:
            raise RuntimeError(f"max_pool1d() Invalid computed output size: {n}")
    out = max_pool_nd(
        2,
        input.unsqueeze(-2),
        (1,) + kernel,
        (1,) + stride,
        (0,) + padding,
        (1,) + dilation,
        ceil_mode,
        True,
    )
    values, index = out[0].squeeze(-2), out[1].squeeze(-2)
    return (values, index) if return_indices else values


# ---------------------------------------------------------------- avg pool


def _divisor(xp, spatial, kernel, stride, padding, outs, ceil_mode, count_include_pad, override):
    """The divisor of each output position (a product of one factor per dim)."""
    if override:
        return override
    total = 1
    for i, (n, k, s, p, o) in enumerate(zip(spatial, kernel, stride, padding, outs)):
        start = xp.arange(o) * s - p
        end = xp.minimum(start + k, n + p)
        size = end - start
        if not count_include_pad:
            size = xp.minimum(end, n) - xp.maximum(start, 0)
        total = total * size.reshape((-1,) + (1,) * (len(outs) - 1 - i))
    return total


def _make_avg_pool(nd):
    name = f"avg_pool{nd}d"

    @op(name, grad_fn=f"AvgPool{nd}DBackward0", function=False, method=False)
    def forward(
        xp, input, *, kernel, stride, padding, outs, ceil_mode, count_include_pad, divisor_override
    ):
        x = input if input.ndim == nd + 2 else input[None]
        comp = compute_dtype(xp, x.dtype)
        src = x.astype(comp) if comp is not None else x
        spatial = x.shape[2:]
        right = _right_pad(spatial, kernel, stride, padding, (1,) * nd, outs)
        padded = pad_spatial(xp, src, padding, right)
        win = windows(xp, padded, kernel, stride, (1,) * nd)
        win = win[(slice(None), slice(None)) + tuple(slice(0, o) for o in outs)]
        total = win.sum(axis=tuple(range(2 + nd, 2 + 2 * nd)))
        div = _divisor(
            xp,
            spatial,
            kernel,
            stride,
            padding,
            outs,
            ceil_mode,
            count_include_pad,
            divisor_override,
        )
        if total.dtype.kind in "iu":
            q = xp.abs(total) // div
            out = xp.where(total < 0, -q, q).astype(x.dtype)
        else:
            out = (total / div).astype(x.dtype)
        return out if input.ndim == nd + 2 else out[0]

    @op(f"_{name}_backward", grad_fn=f"AvgPool{nd}DBackwardBackward0", function=False, method=False)
    def backward_op(
        xp,
        grad,
        *,
        shape,
        kernel,
        stride,
        padding,
        outs,
        ceil_mode,
        count_include_pad,
        divisor_override,
    ):
        g = grad if grad.ndim == nd + 2 else grad[None]
        spatial = shape[-nd:]
        div = _divisor(
            xp,
            spatial,
            kernel,
            stride,
            padding,
            outs,
            ceil_mode,
            count_include_pad,
            divisor_override,
        )
        g = g / div
        edge = [k - 1 for k in kernel]
        ext = pad_spatial(xp, _dilate(xp, g, stride), edge, edge)
        win = windows(xp, ext, kernel, (1,) * nd, (1,) * nd)
        full = win.sum(axis=tuple(range(2 + nd, 2 + 2 * nd)))
        # full covers padded positions 0 .. (outs-1)*stride + kernel - 1
        after = [n + p - f for n, p, f in zip(spatial, padding, full.shape[2:])]
        out = pad_spatial(xp, full, [-p for p in padding], after).astype(grad.dtype)
        return out if grad.ndim == nd + 2 else out[0]

    @forward.backward
    def _(
        grad,
        *,
        needs,
        self_sym_sizes,
        kernel,
        stride,
        padding,
        outs,
        ceil_mode,
        count_include_pad,
        divisor_override,
    ):
        params = dict(
            shape=tuple(self_sym_sizes),
            kernel=kernel,
            stride=stride,
            padding=padding,
            outs=outs,
            ceil_mode=ceil_mode,
            count_include_pad=count_include_pad,
            divisor_override=divisor_override,
        )
        return (apply(backward_op.opdef, (grad,), params),)

    @backward_op.backward
    def _(
        grad,
        *,
        needs,
        shape,
        kernel,
        stride,
        padding,
        outs,
        ceil_mode,
        count_include_pad,
        divisor_override,
    ):
        params = dict(
            kernel=kernel,
            stride=stride,
            padding=padding,
            outs=outs,
            ceil_mode=ceil_mode,
            count_include_pad=count_include_pad,
            divisor_override=divisor_override,
        )
        return (apply(forward.opdef, (grad,), params),)

    return forward.opdef


def _dilate(xp, a, stride):
    from numtorch._ops.nn_conv import dilate

    return dilate(xp, a, stride)


_AVG_POOLS = {nd: _make_avg_pool(nd) for nd in (2, 3)}


def avg_pool_nd(
    nd,
    input,
    kernel_size,
    stride,
    padding,
    ceil_mode,
    count_include_pad,
    divisor_override,
    batch_message=None,
):
    name = f"avg_pool{nd}d"
    kernel = pool_tuple(kernel_size, nd, "kernel_size", name)
    stride = kernel if stride is None or stride == [] or stride == () else stride
    stride = pool_tuple(stride, nd, "stride", name)
    padding = pool_tuple(padding, nd, "padding", name)
    if divisor_override is not None and divisor_override == 0:
        raise RuntimeError("divisor must be not zero")
    if input.dim() < nd:
        from numtorch._errors import wrap_dim

        wrap_dim(-nd - 1, input.dim())
    check_pool(
        name, input, nd, kernel, stride, padding, (1,) * nd, batch_message or _batch_message(nd)
    )
    spatial = input.shape[-nd:]
    outs = tuple(
        out_size(n, k, s, p, 1, ceil_mode) for n, k, s, p in zip(spatial, kernel, stride, padding)
    )
    too_small(input, nd, outs)
    params = {
        "kernel": kernel,
        "stride": stride,
        "padding": padding,
        "outs": outs,
        "ceil_mode": bool(ceil_mode),
        "count_include_pad": bool(count_include_pad),
        "divisor_override": divisor_override,
    }
    return apply(_AVG_POOLS[nd], (input,), params)


@public(function=False, functional=True)
def avg_pool2d(
    input,
    kernel_size,
    stride=None,
    padding=0,
    ceil_mode=False,
    count_include_pad=True,
    divisor_override=None,
):
    """Same as `torch.nn.functional.avg_pool2d`."""
    return avg_pool_nd(
        2, input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override
    )


@public(function=False, functional=True)
def avg_pool3d(
    input,
    kernel_size,
    stride=None,
    padding=0,
    ceil_mode=False,
    count_include_pad=True,
    divisor_override=None,
):
    """Same as `torch.nn.functional.avg_pool3d`."""
    return avg_pool_nd(
        3, input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override
    )


@public(function=True, functional=True)
def avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    """Same as `torch.nn.functional.avg_pool1d`: 2-d pooling of input.unsqueeze(-2)."""
    kernel = pool_tuple(kernel_size, 1, "kernel_size", "avg_pool1d")
    stride = kernel if stride is None or stride == [] or stride == () else stride
    stride = pool_tuple(stride, 1, "stride", "avg_pool1d")
    padding = pool_tuple(padding, 1, "padding", "avg_pool1d")
    out = avg_pool_nd(
        2,
        input.unsqueeze(-2),
        (1,) + kernel,
        (1,) + stride,
        (0,) + padding,
        ceil_mode,
        count_include_pad,
        None,
    )
    return out.squeeze(-2)


# ---------------------------------------------------------------- lp pool


@public(function=False, functional=True)
def lp_pool2d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    """Same as `torch.nn.functional.lp_pool2d`: (sum of x**p over each window) ** (1/p)."""
    kw, kh = pool_tuple(kernel_size, 2, "kernel_size", "lp_pool2d")
    if stride is not None:
        out = avg_pool2d(input.pow(norm_type), (kw, kh), stride, 0, ceil_mode)
    else:
        out = avg_pool2d(input.pow(norm_type), (kw, kh), padding=0, ceil_mode=ceil_mode)
    return (out.sign() * out.abs().relu()).mul(kw * kh).pow(1.0 / norm_type)


@public(function=False, functional=True)
def lp_pool1d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    """Same as `torch.nn.functional.lp_pool1d`."""
    if stride is not None:
        out = avg_pool1d(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
    else:
        out = avg_pool1d(input.pow(norm_type), kernel_size, padding=0, ceil_mode=ceil_mode)
    return (out.sign() * out.abs().relu()).mul(kernel_size).pow(1.0 / norm_type)
