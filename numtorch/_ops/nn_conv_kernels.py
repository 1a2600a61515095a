"""Array kernels of the convolution ops (xp arrays in, xp arrays out; no graph).

The GEMM paths work in a batch-last layout: the input is copied once to (C, *S, N), so that
every kernel offset of a window, over all positions and the whole batch, is one long contiguous
run. The column matrix (C * K, out * N) is then a copy with long inner loops, and the transposed
convolution (col2im: one GEMM, then one strided add per kernel offset) adds runs of the same
length. A column matrix in (N, C, ...) order would have inner runs of one output row only, which
is several times slower to gather and to scatter.
"""

import itertools
import math


def compute_dtype(xp, dtype):
    """float16/bfloat16 are computed in float32 (as torch's CPU kernels accumulate)."""
    if dtype.itemsize == 2 and dtype.kind not in "iu":
        return xp.float32
    return None


def windows(xp, a, ksize, stride, dilation):
    """A view of `a` (B, C, *S) as (B, C, *out, *ksize): every window of the kernel."""
    nd = len(ksize)
    spatial = a.shape[2:]
    out = tuple((spatial[i] - dilation[i] * (ksize[i] - 1) - 1) // stride[i] + 1 for i in range(nd))
    st = a.strides
    shape = a.shape[:2] + out + tuple(ksize)
    strides = (
        st[:2]
        + tuple(st[2 + i] * stride[i] for i in range(nd))
        + tuple(st[2 + i] * dilation[i] for i in range(nd))
    )
    return xp.lib.stride_tricks.as_strided(a, shape, strides, writeable=False)


def pad_spatial(xp, a, before, after, value=0):
    """`a` with its spatial dims padded by `before`/`after` (negative values crop)."""
    if not any(before) and not any(after):
        return a
    crop = tuple(
        slice(max(-b, 0), a.shape[2 + i] - max(-e, 0))
        for i, (b, e) in enumerate(zip(before, after))
    )
    a = a[(slice(None), slice(None)) + crop]
    widths = [(0, 0), (0, 0)] + [(max(b, 0), max(e, 0)) for b, e in zip(before, after)]
    if any(w != (0, 0) for w in widths):
        a = xp.pad(a, widths, constant_values=value)
    return a


def dilate(xp, a, stride):
    """`a` (B, C, *S) with stride-1 zeros between its spatial elements."""
    if all(s == 1 for s in stride):
        return a
    shape = a.shape[:2] + tuple((n - 1) * s + 1 if n else 0 for n, s in zip(a.shape[2:], stride))
    out = xp.zeros(shape, dtype=a.dtype)
    out[(slice(None), slice(None)) + tuple(slice(None, None, s) for s in stride)] = a
    return out


def batch_last(xp, a):
    """(N, C, *S) -> a contiguous (C, *S, N) copy."""
    n = a.shape[0]
    if a.flags.c_contiguous and a.size:
        moved = transposed_copy(xp, a.reshape(n, -1))
        return moved.reshape(a.shape[1:] + (n,))
    return xp.ascontiguousarray(xp.moveaxis(a, 0, -1))


def batch_first(xp, a):
    """(C, *S, N) -> a contiguous (N, C, *S) copy."""
    n = a.shape[-1]
    if a.flags.c_contiguous and a.size:
        moved = transposed_copy(xp, a.reshape(-1, n))
        return moved.reshape((n,) + a.shape[:-1])
    return xp.ascontiguousarray(xp.moveaxis(a, -1, 0))


_BLOCK_ROWS = 128  # rows of a tall matrix transposed at a time (their lines stay in L1)


def transposed_copy(xp, a):
    """A contiguous copy of a.T for a C-contiguous matrix a (rows, cols), avoiding the two
    layouts where a plain strided copy runs several times slower than it should:
    - a row length that is a multiple of 1 KiB: the column walk's reads all fall in a few
      cache sets and evict each other (4K aliasing), so the rows are first copied to a
      padded buffer;
    - a tall matrix: a walk down one long column evicts the lines the next column needs, so
      it is transposed in blocks of rows."""
    rows, cols = a.shape
    row_bytes = cols * a.itemsize
    if rows > 8 and row_bytes % 1024 == 0:
        padded = xp.empty((rows, cols + 64 // a.itemsize), dtype=a.dtype)
        padded[:, :cols] = a
        return xp.ascontiguousarray(padded[:, :cols].T)
    if rows > 8 * _BLOCK_ROWS and cols > 8:
        out = xp.empty((cols, rows), dtype=a.dtype)
        for start in range(0, rows, _BLOCK_ROWS):
            out[:, start : start + _BLOCK_ROWS] = a[start : start + _BLOCK_ROWS].T
        return out
    return xp.ascontiguousarray(a.T)


def out_sizes(spatial, ksize, stride, dilation):
    return tuple(
        (n - d * (k - 1) - 1) // s + 1 for n, k, s, d in zip(spatial, ksize, stride, dilation)
    )


def im2col(xp, xt, ksize, stride, dilation):
    """The column matrix (C * K, out * N) of a batch-last padded input xt (C, *S, N)."""
    c, n = xt.shape[0], xt.shape[-1]
    nd = len(ksize)
    out = out_sizes(xt.shape[1:-1], ksize, stride, dilation)
    st = xt.strides
    view = xp.lib.stride_tricks.as_strided(
        xt,
        (c,) + tuple(ksize) + out + (n,),
        (st[0],)
        + tuple(st[1 + i] * dilation[i] for i in range(nd))
        + tuple(st[1 + i] * stride[i] for i in range(nd))
        + (st[-1],),
        writeable=False,
    )
    return view.reshape(c * math.prod(ksize), math.prod(out) * n), out


def grouped_matmul(xp, a, b, groups, transpose_b=False):
    """a @ b (or a @ b.T) block by block: rows of a and of b split into `groups` blocks."""
    if transpose_b:
        b = b.T
    if groups == 1:
        return a @ b
    ra, cb = a.shape[0] // groups, b.shape[0] // groups
    if transpose_b:
        cb = b.shape[1] // groups
        parts = [a[i * ra : (i + 1) * ra] @ b[:, i * cb : (i + 1) * cb] for i in range(groups)]
    else:
        parts = [a[i * ra : (i + 1) * ra] @ b[i * cb : (i + 1) * cb] for i in range(groups)]
    return xp.concatenate(parts, axis=0)


def conv_gemm(xp, x, w, stride, dilation, groups):
    """Cross-correlation of padded x (N, C, *S) with w (O, C/g, *K): im2col, one GEMM."""
    n = x.shape[0]
    o, ksize = w.shape[0], w.shape[2:]
    out = out_sizes(x.shape[2:], ksize, stride, dilation)
    if x.size == 0 or o == 0 or 0 in out:
        return xp.zeros((n, o) + out, dtype=x.dtype)
    cols, out = im2col(xp, batch_last(xp, x), ksize, stride, dilation)
    y = grouped_matmul(xp, w.reshape(o, -1), cols, groups)
    return batch_first(xp, y.reshape((o,) + out + (n,)))


def conv_weight_grad(xp, x, grad, ksize, stride, dilation, groups, grad_last=None):
    """sum over n and positions of grad[n, o, j] * x_pad[n, c, j*stride + k*dilation]: the
    weight gradient (O, C/g, *K) of conv_gemm, as one GEMM against the im2col columns.
    grad_last: batch_last(grad) when the caller has it already."""
    o = grad.shape[1]
    # an output_padding of the transposed conv larger than its stride leaves extra positions
    need = tuple(
        (g - 1) * s + d * (k - 1) + 1 for g, s, d, k in zip(grad.shape[2:], stride, dilation, ksize)
    )
    if any(n < have for n, have in zip(need, x.shape[2:])):
        x = x[(slice(None), slice(None)) + tuple(slice(0, max(n, 0)) for n in need)]
    cg = x.shape[1] // groups
    out = out_sizes(x.shape[2:], ksize, stride, dilation)
    if x.size == 0 or grad.size == 0 or 0 in out:
        return xp.zeros((o, cg) + tuple(ksize), dtype=grad.dtype)
    cols, out = im2col(xp, batch_last(xp, x), ksize, stride, dilation)
    g = (batch_last(xp, grad) if grad_last is None else grad_last).reshape(o, -1)
    gw = grouped_matmul(xp, g, cols, groups, transpose_b=True)
    return gw.reshape((o, cg) + tuple(ksize))


def conv_transpose_forward(
    xp, x, w, stride, padding, dilation, output_padding, groups, x_last=None
):
    """The adjoint of conv_gemm: x (N, Cin, *S), w (Cin, Cout/g, *K) -> (N, Cout, *S').

    col2im: one GEMM gives every kernel offset's contribution at every input position, then
    one strided add per kernel offset places them in the (uncropped) output. x_last:
    batch_last(x) when the caller has it already."""
    nd = w.ndim - 2
    ksize = tuple(w.shape[2:])
    n, cin = x.shape[:2]
    cout_g = w.shape[1]
    cout = cout_g * groups
    spatial = x.shape[2:]
    sizes = tuple(
        (spatial[i] - 1) * stride[i]
        - 2 * padding[i]
        + dilation[i] * (ksize[i] - 1)
        + output_padding[i]
        + 1
        for i in range(nd)
    )
    if x.size == 0 or cout == 0 or w.size == 0:
        return xp.zeros((n, cout) + sizes, dtype=x.dtype)
    xt = (batch_last(xp, x) if x_last is None else x_last).reshape(cin, -1)
    # (Cin/g, Cout/g * K) per group, transposed: rows (group, Cout/g, K) = (Cout, K)
    wt = w.reshape(groups, cin // groups, cout_g * math.prod(ksize)).transpose(0, 2, 1)
    wt = wt.reshape(cout * math.prod(ksize), cin // groups)
    cols = grouped_matmul(xp, wt, xt, groups)
    cols = cols.reshape((cout,) + ksize + tuple(spatial) + (n,))
    full = tuple(
        builtins_max(
            (spatial[i] - 1) * stride[i] + dilation[i] * (ksize[i] - 1) + 1, padding[i] + sizes[i]
        )
        for i in range(nd)
    )
    acc = xp.zeros((cout,) + full + (n,), dtype=cols.dtype)
    for offs in itertools.product(*(range(k) for k in ksize)):
        target = tuple(
            slice(o * d, o * d + (m - 1) * s + 1, s)
            for o, d, m, s in zip(offs, dilation, spatial, stride)
        )
        acc[(slice(None),) + target] += cols[(slice(None),) + offs]
    acc = acc[(slice(None),) + tuple(slice(p, p + m) for p, m in zip(padding, sizes))]
    return batch_first(xp, acc)


builtins_max = max
