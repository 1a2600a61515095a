"""Padding: constant_pad_nd, reflection/replication pads (1-3 spatial dims) and F.pad.

Reflection and replication pads gather along each padded dim with an index map; their backward
is a registered op that adds the gradient back along runs of that map (a few slice adds per dim),
and whose own backward is the pad again. Circular padding is a composite of slice copies, as in
torch (its grad_fn is CopySlices).
"""

from numtorch._ops.registry import REGISTRY, apply, op, public

# ---------------------------------------------------------------- constant


@op(
    "constant_pad_nd",
    grad_fn="ConstantPadNdBackward0",
    method=False,
    signature="input, pad, value=0",
)
def _constant_pad_nd(xp, input, *, pad, value=0):
    """Same as `torch.constant_pad_nd`: pads (or crops, for negative values) the last dims."""
    return _pad_constant_array(xp, input, pad, value)


@_constant_pad_nd.backward
def _(grad, *, needs, pad, value):
    return (constant_pad(grad, [-p for p in pad], 0),)


def _pad_constant_array(xp, a, pad, value):
    n = len(pad) // 2
    before = [0] * (a.ndim - n) + [pad[2 * (n - 1 - i)] for i in range(n)]
    after = [0] * (a.ndim - n) + [pad[2 * (n - 1 - i) + 1] for i in range(n)]
    crop = tuple(
        slice(max(-b, 0), a.shape[i] - max(-e, 0)) for i, (b, e) in enumerate(zip(before, after))
    )
    a = a[crop]
    widths = [(max(b, 0), max(e, 0)) for b, e in zip(before, after)]
    if a.dtype.kind == "b":
        value = bool(value)
    elif a.dtype.kind in "iu":
        value = int(value)
    out = xp.full(tuple(s + w0 + w1 for s, (w0, w1) in zip(a.shape, widths)), value, dtype=a.dtype)
    out[tuple(slice(w0, w0 + s) for s, (w0, _) in zip(a.shape, widths))] = a
    return out


def constant_pad(input, pad, value=0):
    """constant_pad_nd after torch's checks on `pad`."""
    pad = [int(p) for p in pad]
    _check_pad_length(input, pad)
    for i in range(len(pad) // 2):
        size = input.shape[input.dim() - 1 - i]
        if size + pad[2 * i] + pad[2 * i + 1] < 0:
            raise RuntimeError("narrow(): length must be non-negative.")
    return apply(REGISTRY["constant_pad_nd"], (input,), {"pad": tuple(pad), "value": value})


def _check_pad_length(input, pad):
    if len(pad) % 2:
        raise RuntimeError("Padding length must be divisible by 2")
    if len(pad) // 2 > input.dim():
        raise RuntimeError(
            "Padding length should be less than or equal to two times the input dimension but "
            f"got padding length {len(pad)} and input of dimension {input.dim()}"
        )


# ---------------------------------------------------------------- index maps


def _index_map(mode, size, before, after):
    """The input index of each output position along one padded dim."""
    positions = range(-before, size + after)
    if mode == "reflect":
        return [abs(size - 1 - abs(size - 1 - abs(j))) for j in positions]
    if mode == "replicate":
        return [min(max(j, 0), size - 1) for j in positions]
    return [j % size for j in positions]


def _runs(index):
    """The index map as runs (output start, input start, length, step), step in -1, 0, 1."""
    runs = []
    j = 0
    while j < len(index):
        step = index[j + 1] - index[j] if j + 1 < len(index) else 1
        if step not in (-1, 0, 1):
            step = 1
        end = j + 1
        while end < len(index) and index[end] - index[end - 1] == step:
            end += 1
        runs.append((j, index[j], end - j, step))
        j = end
    return runs


def _gather(xp, a, maps):
    """a.take(map) along each of the last len(maps) dims."""
    n = len(maps)
    for i, index in enumerate(maps):
        axis = a.ndim - n + i
        a = xp.take(a, xp.asarray(index, dtype=xp.intp), axis=axis)
    return a


def _scatter_runs(xp, g, maps, sizes):
    """The adjoint of _gather: adds each output position's gradient to its input index."""
    n = len(maps)
    for i, (index, size) in enumerate(zip(maps, sizes)):
        axis = g.ndim - n + i
        shape = list(g.shape)
        shape[axis] = size
        out = xp.zeros(shape, dtype=g.dtype)
        lead = (slice(None),) * axis
        for start, first, length, step in _runs(index):
            part = g[lead + (slice(start, start + length),)]
            if step == 0:
                out[lead + (slice(first, first + 1),)] += part.sum(axis=axis, keepdims=True)
            elif step == 1:
                out[lead + (slice(first, first + length),)] += part
            else:
                stop = first - length + 1
                out[lead + (slice(stop, first + 1),)] += xp.flip(part, axis=axis)
        g = out
    return g


def _make_index_pad(mode, nd, grad_fn, backward_grad_fn):
    name = f"_{mode}_pad{nd}d"

    @op(name, grad_fn=grad_fn, function=False, method=False)
    def forward(xp, input, *, maps):
        return _gather(xp, input, maps)

    @op(name + "_backward", grad_fn=backward_grad_fn, function=False, method=False)
    def backward_op(xp, grad, *, maps, sizes):
        return _scatter_runs(xp, grad, maps, sizes)

    @forward.backward
    def _(grad, *, needs, self_sym_sizes, maps):
        sizes = tuple(self_sym_sizes[len(self_sym_sizes) - nd :])
        return (apply(backward_op.opdef, (grad,), {"maps": maps, "sizes": sizes}),)

    @backward_op.backward
    def _(grad, *, needs, maps, sizes):
        return (apply(forward.opdef, (grad,), {"maps": maps}),)

    return forward.opdef


_INDEX_PADS = {}
for _mode, _label in (("reflect", "Reflection"), ("replicate", "Replication")):
    for _nd in (1, 2, 3):
        _INDEX_PADS[_mode, _nd] = _make_index_pad(
            _mode, _nd, f"{_label}Pad{_nd}DBackward0", f"{_label}Pad{_nd}DBackwardBackward0"
        )


def _non_constant_checks(input, pad, mode):
    nd = len(pad) // 2
    if len(pad) % 2 or nd not in (1, 2, 3) or input.dim() not in (nd + 1, nd + 2):
        raise NotImplementedError(
            f"Padding size {len(pad)} is not supported for {input.dim()}D input tensor.\n"
            "Supported combinations for non-constant padding:\n"
            "  - 2D or 3D input: padding size = 2 (pads last dimension)\n"
            "  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n"
            "  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)"
        )
    return nd


def _index_pad(input, pad, mode):
    nd = _non_constant_checks(input, pad, mode)
    shape = list(input.shape)
    first = input.dim() - nd
    if any(s == 0 for s in shape[1:]) or (input.dim() == nd + 1 and shape[0] == 0):
        batch = "3D or 4D" if nd == 2 else ("2D or 3D" if nd == 1 else "4D or 5D")
        raise RuntimeError(
            f"Expected {batch} (batch mode) tensor with possibly 0 batch size and other non-zero "
            f"dimensions for input, but got: {shape}"
        )
    maps = []
    for i in range(nd):
        dim = first + i
        before, after = pad[2 * (nd - 1 - i)], pad[2 * (nd - 1 - i) + 1]
        size = shape[dim]
        if mode == "reflect" and (before >= size or after >= size):
            raise RuntimeError(
                f"Argument #{4 + 2 * (nd - 1 - i)}: Padding size should be less than the "
                f"corresponding input dimension, but got: padding ({before}, {after}) at "
                f"dimension {dim} of input {shape}"
            )
        maps.append(tuple(_index_map(mode, size, before, after)))
    return apply(_INDEX_PADS[mode, nd], (input,), {"maps": tuple(maps)})


def _circular_pad(input, pad):
    """torch's composite: the middle copied into a new tensor, then the wrapped edges."""
    nd = _non_constant_checks(input, pad, "circular")
    first = input.dim() - nd
    for i in range(nd):
        size = input.shape[first + i]
        before, after = pad[2 * (nd - 1 - i)], pad[2 * (nd - 1 - i) + 1]
        if before > size or after > size:
            raise RuntimeError("Padding value causes wrapping around more than once.")
    out_shape = list(input.shape)
    for i in range(nd):
        out_shape[first + i] += pad[2 * (nd - 1 - i)] + pad[2 * (nd - 1 - i) + 1]
    out = input.new_empty(out_shape)
    lead = (slice(None),) * first
    src, dst = [], []
    for i in range(nd):
        size = input.shape[first + i]
        before, after = pad[2 * (nd - 1 - i)], pad[2 * (nd - 1 - i) + 1]
        src.append(slice(max(-before, 0), size - max(-after, 0)))
        dst.append(slice(max(before, 0), out_shape[first + i] - max(after, 0)))
    out[lead + tuple(dst)] = input[lead + tuple(src)]
    # each dim in turn: wrap what is already filled in the dims before it
    for i in range(nd):
        dim = first + i
        size_out = out_shape[dim]
        before, after = pad[2 * (nd - 1 - i)], pad[2 * (nd - 1 - i) + 1]
        rest = tuple(slice(None) for _ in range(nd - 1 - i))
        done = tuple(slice(None) for _ in range(i))
        if before > 0:
            out[lead + done + (slice(0, before),) + rest] = out[
                lead
                + done
                + (slice(size_out - max(after, 0) - before, size_out - max(after, 0)),)
                + rest
            ]
        if after > 0:
            out[lead + done + (slice(size_out - after, size_out),) + rest] = out[
                lead + done + (slice(max(before, 0), max(before, 0) + after),) + rest
            ]
    return out


@public(function=False, functional=True)
def pad(input, pad, mode="constant", value=None):
    """Same as `torch.nn.functional.pad`: constant, reflect, replicate or circular padding."""
    pad = [int(p) for p in pad]
    if mode == "constant":
        return constant_pad(input, pad, 0 if value is None else value)
    if value is not None and value != 0:
        raise RuntimeError(f'Padding mode "{mode}" doesn\'t take in value argument')
    if len(pad) % 2:
        raise RuntimeError("Padding length must be divisible by 2")
    if mode in ("reflect", "replicate"):
        return _index_pad(input, pad, mode)
    if mode == "circular":
        return _circular_pad(input, pad)
    raise NotImplementedError(f"Unrecognised padding mode {mode}")
