"""F.grid_sample / torch.grid_sampler: bilinear, nearest and bicubic sampling with zeros, border
or reflection padding (see nn_grid.py for how the one Tensor-op implementation is registered)."""

import itertools
import math

from numtorch._tensor import Tensor

_CUBIC_A = -0.75


def _unnormalize(coord, size, align_corners):
    if align_corners:
        return (coord + 1) / 2 * (size - 1)
    return ((coord + 1) * size - 1) / 2


def _clip(coord, limit):
    """Clamped to [0, limit], with torch's gradient: zero unless strictly inside."""
    inside = (coord > 0) & (coord < limit)
    return coord.where(inside, coord.detach().clamp(0, limit))


def _reflect(coord, twice_low, twice_high):
    if twice_low == twice_high:
        return coord * 0
    low = twice_low / 2
    span = (twice_high - twice_low) / 2
    coord = coord - low
    coord = coord.where(coord >= 0, -coord)
    extra = coord.fmod(span)
    flips = (coord / span).floor().detach()
    return (extra + low).where(flips.remainder(2) == 0, span - extra + low)


def _pad_coordinates(coord, size, padding_mode, align_corners):
    if padding_mode == 1:
        return _clip(coord, size - 1)
    if padding_mode == 2:
        if align_corners:
            coord = _reflect(coord, 0, 2 * (size - 1))
        else:
            coord = _reflect(coord, -1, 2 * size - 1)
        return _clip(coord, size - 1)
    return coord


def _gather(flat, positions, sizes):
    """Values of `flat` (N, C, prod(sizes)) at integer-valued float positions (x, y[, z]), zero
    outside the input."""
    valid = None
    index = None
    stride = 1
    for pos, size in zip(positions, sizes):
        ok = (pos >= 0) & (pos < size)
        valid = ok if valid is None else valid & ok
        term = pos.clamp(0, size - 1).long() * stride
        index = term if index is None else index + term
        stride *= size
    n, c = flat.shape[0], flat.shape[1]
    out_shape = index.shape
    count = math.prod(index.shape[1:])
    index = index.reshape(n, 1, count).expand(n, c, count)
    values = flat.gather(2, index).reshape(n, c, *out_shape[1:])
    return values.where(valid.unsqueeze(1), values.new_zeros(()))


def _cubic(t):
    a = _CUBIC_A

    def near(x):
        return ((a + 2) * x - (a + 3)) * x * x + 1

    def far(x):
        return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a

    return [far(t + 1), near(t), near(1 - t), far(2 - t)]


def sample(input, grid, mode, padding_mode, align_corners):
    """grid_sampler over Tensor ops: mode 0 bilinear, 1 nearest, 2 bicubic; padding 0 zeros,
    1 border, 2 reflection."""
    nd = input.dim() - 2
    sizes = list(reversed(input.shape[2:]))  # W, H[, D]
    flat = input.reshape(input.shape[0], input.shape[1], math.prod(input.shape[2:]))
    coords = [grid[..., i] for i in range(nd)]
    raw = [_unnormalize(c, s, align_corners) for c, s in zip(coords, sizes)]
    if mode == 2:
        base = [r.floor().detach() for r in raw]
        ts = [r - b for r, b in zip(raw, base)]
        wx, wy = _cubic(ts[0]), _cubic(ts[1])
        rows = []
        for i in range(4):
            y = _pad_coordinates(base[1] - 1 + i, sizes[1], padding_mode, align_corners)
            acc = None
            for j in range(4):
                x = _pad_coordinates(base[0] - 1 + j, sizes[0], padding_mode, align_corners)
                term = _gather(flat, [x.detach().trunc(), y.detach().trunc()], sizes)
                term = term * wx[j].unsqueeze(1)
                acc = term if acc is None else acc + term
            rows.append(acc)
        out = None
        for i in range(4):
            term = rows[i] * wy[i].unsqueeze(1)
            out = term if out is None else out + term
        return out
    src = [_pad_coordinates(r, s, padding_mode, align_corners) for r, s in zip(raw, sizes)]
    if mode == 1:
        return _gather(flat, [s.detach().round() for s in src], sizes)
    low = [s.floor().detach() for s in src]
    out = None
    for corner in itertools.product((0, 1), repeat=nd):
        corner = corner[::-1]  # x varies fastest: nw, ne, sw, se (then the far plane)
        weight = None
        for d in range(nd):
            w = (src[d] - low[d]) if corner[d] else (low[d] + 1 - src[d])
            weight = w if weight is None else weight * w
        positions = [low[d] + corner[d] for d in range(nd)]
        term = _gather(flat, positions, sizes) * weight.unsqueeze(1)
        out = term if out is None else out + term
    return out


def as_tensor(array):
    from numtorch import _dtype

    return Tensor._make(array, _dtype.from_numpy_dtype(array.dtype))
