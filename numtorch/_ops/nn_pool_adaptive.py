"""adaptive_avg_pool1d/2d/3d, adaptive_max_pool1d/2d/3d and max_unpool1d/2d/3d.

An adaptive average is separable: one small averaging matrix per spatial dim (window i covers
floor(i*L/n) .. ceil((i+1)*L/n)), applied with a matmul, whose transpose is the backward. The
adaptive max gathers every window (padded to the largest by repeating its last element) and takes
the first maximum, as torch does.
"""

import math

from numtorch._ops.nn_conv import compute_dtype
from numtorch._ops.nn_pool import scatter_by_index
from numtorch._ops.registry import apply, op, public
from numtorch._tensor import Tensor


def _bounds(size, n):
    return [(i * size // n, -(-(i + 1) * size // n)) for i in range(n)]


def _averaging_matrix(xp, size, n, dtype):
    m = xp.zeros((n, size), dtype=dtype)
    for i, (start, end) in enumerate(_bounds(size, n)):
        m[i, start:end] = 1.0 / (end - start)
    return m


def _apply_matrices(xp, x, matrices):
    """x with its last len(matrices) dims contracted by the matrices (out, in) in turn."""
    nd = len(matrices)
    for i, m in enumerate(matrices):
        axis = x.ndim - nd + i
        x = xp.swapaxes(xp.swapaxes(x, axis, -1) @ m.T, axis, -1)
    return xp.ascontiguousarray(x)


def _make_adaptive_avg(nd):
    @op(
        f"adaptive_avg_pool{nd}d",
        grad_fn=f"AdaptiveAvgPool{nd}DBackward0",
        function=False,
        method=False,
    )
    def forward(xp, input, *, output_size):
        comp = compute_dtype(xp, input.dtype) or input.dtype
        spatial = input.shape[-nd:]
        mats = [_averaging_matrix(xp, s, n, comp) for s, n in zip(spatial, output_size)]
        return _apply_matrices(xp, input.astype(comp, copy=False), mats).astype(input.dtype)

    @forward.backward
    def _(grad, *, needs, self_sym_sizes, output_size):
        import numtorch

        spatial = tuple(self_sym_sizes)[-nd:]
        g = grad
        for i, (s, n) in enumerate(zip(spatial, output_size)):
            m = _averaging_matrix(_np(), s, n, "float64")
            mt = numtorch.tensor(m, dtype=grad.dtype, device=grad.device)
            axis = grad.dim() - nd + i
            g = g.transpose(axis, -1).matmul(mt).transpose(axis, -1)
        return (g.contiguous(),)

    return forward.opdef


def _np():
    from numtorch._device import CPU, xp_for

    return xp_for(CPU)


_ADAPTIVE_AVG = {nd: _make_adaptive_avg(nd) for nd in (2, 3)}


def _output_size(output_size, input, nd, name):
    if isinstance(output_size, Tensor):
        output_size = output_size.tolist()
    if isinstance(output_size, (list, tuple)):
        if len(output_size) != nd and not (len(output_size) == 1 and nd == 1):
            raise RuntimeError(f"{name}: output_size must be {nd}")
        sizes = list(output_size)
    else:
        sizes = [output_size] * nd
    spatial = input.shape[-nd:] if input.dim() >= nd else (0,) * nd
    return tuple(int(spatial[i]) if v is None else int(v) for i, v in enumerate(sizes))


def _check_adaptive(name, input, nd, sizes, kind):
    if input.dim() not in (nd + 1, nd + 2):
        raise RuntimeError(
            f"{name}(): Expected {nd + 1}D or {nd + 2}D tensor, but got {list(input.shape)}"
        )
    if any(s < 0 for s in sizes):
        raise RuntimeError(
            f"{name}: elements of output_size must be greater than or equal to 0 but received "
            "{" + ", ".join(map(str, sizes)) + "}"
        )
    if not input.dtype.is_floating_point:
        raise NotImplementedError(f"\"{kind}\" not implemented for '{_type_name(input.dtype)}'")
    for i in range(1, input.dim()):
        if input.shape[i] == 0:
            raise RuntimeError(
                f"{name}(): Expected input to have non-zero size for non-batch dimensions, but "
                f"input has sizes {list(input.shape)} with dimension {i} being empty"
            )


def _type_name(dtype):
    from numtorch._errors import type_name

    return type_name(dtype)


def adaptive_avg_nd(input, output_size, nd):
    name = f"adaptive_avg_pool{nd}d"
    sizes = _output_size(output_size, input, nd, name)
    _check_adaptive(name, input, nd, sizes, name)
    if all(s == 1 for s in sizes) and input.numel():
        return input.mean(tuple(range(-nd, 0)), keepdim=True)
    return apply(_ADAPTIVE_AVG[nd], (input,), {"output_size": sizes})


@public(function=False, functional=True)
def adaptive_avg_pool2d(input, output_size):
    """Same as `torch.nn.functional.adaptive_avg_pool2d`."""
    return adaptive_avg_nd(input, output_size, 2)


@public(function=False, functional=True)
def adaptive_avg_pool3d(input, output_size):
    """Same as `torch.nn.functional.adaptive_avg_pool3d`."""
    return adaptive_avg_nd(input, output_size, 3)


@public(function=True, functional=True)
def adaptive_avg_pool1d(input, output_size):
    """Same as `torch.nn.functional.adaptive_avg_pool1d`: the 2-d pool of input.unsqueeze(-2)."""
    if input.dim() not in (2, 3):
        raise RuntimeError(
            f"adaptive_avg_pool1d() argument 'input' (position 1) must be 2D or 3D, but got "
            f"{input.dim()}D"
        )
    size = _output_size(output_size, input, 1, "adaptive_avg_pool1d")
    return adaptive_avg_nd(input.unsqueeze(-2), (1,) + size, 2).squeeze(-2)


# ---------------------------------------------------------------- adaptive max


def _window_index(xp, size, n):
    """(n, kmax) input indices of each window, the last one repeated to pad short windows."""
    bounds = _bounds(size, n)
    kmax = max((e - s for s, e in bounds), default=1)
    rows = [[min(s + j, e - 1) for j in range(kmax)] for s, e in bounds]
    return xp.asarray(rows, dtype=xp.int64).reshape(n, kmax)


def _make_adaptive_max(nd):
    @op(
        f"adaptive_max_pool{nd}d",
        grad_fn=f"AdaptiveMaxPool{nd}DBackward0",
        function=False,
        method=False,
        returns=tuple,
    )
    def forward(xp, input, *, output_size):
        x = input if input.ndim == nd + 2 else input[None]
        spatial = x.shape[2:]
        comp = compute_dtype(xp, x.dtype)
        src = x.astype(comp) if comp is not None else x
        idx = [_window_index(xp, s, n) for s, n in zip(spatial, output_size)]
        # broadcast index arrays: dim i's (n_i, k_i) placed at axes (2i, 2i+1) of 2*nd axes
        grids = []
        for i, ix in enumerate(idx):
            shape = [1] * (2 * nd)
            shape[2 * i], shape[2 * i + 1] = ix.shape
            grids.append(ix.reshape(shape))
        gathered = src[(slice(None), slice(None)) + tuple(grids)]
        order = (0, 1) + tuple(2 + 2 * i for i in range(nd)) + tuple(3 + 2 * i for i in range(nd))
        gathered = gathered.transpose(order)
        lead = gathered.shape[: 2 + nd]
        flat = gathered.reshape(lead + (-1,))
        if flat.shape[-1] == 0 or math.prod(lead) == 0:
            values = xp.zeros(lead, dtype=x.dtype)
            index = xp.zeros(lead, dtype=xp.int64)
        else:
            arg = xp.argmax(flat, axis=-1)
            values = xp.take_along_axis(flat, arg[..., None], axis=-1)[..., 0].astype(x.dtype)
            offsets = xp.unravel_index(arg, tuple(ix.shape[1] for ix in idx))
            index = xp.zeros(arg.shape, dtype=xp.int64)
            for i, ix in enumerate(idx):
                o = xp.arange(ix.shape[0]).reshape((-1,) + (1,) * (nd - 1 - i))
                index = index * spatial[i] + ix[o, offsets[i]]
        if input.ndim != nd + 2:
            values, index = values[0], index[0]
        return values, index

    @forward.backward
    def _(grad, _grad_indices, *, needs, self_sym_sizes, result1, output_size):
        return (
            scatter_by_index(grad, result1, tuple(self_sym_sizes), nd, f"AdaptiveMaxPool{nd}D"),
        )

    return forward.opdef


_ADAPTIVE_MAX = {nd: _make_adaptive_max(nd) for nd in (2, 3)}


def adaptive_max_nd(input, output_size, nd, return_indices):
    name = f"adaptive_max_pool{nd}d"
    sizes = _output_size(output_size, input, nd, name)
    _check_adaptive(name, input, nd, sizes, name)
    values, index = apply(_ADAPTIVE_MAX[nd], (input,), {"output_size": sizes})
    return (values, index) if return_indices else values


@public(function=False, functional=True)
def adaptive_max_pool2d(input, output_size, return_indices=False):
    """Same as `torch.nn.functional.adaptive_max_pool2d`."""
    return adaptive_max_nd(input, output_size, 2, return_indices)


@public(function=False, functional=True)
def adaptive_max_pool3d(input, output_size, return_indices=False):
    """Same as `torch.nn.functional.adaptive_max_pool3d`."""
    return adaptive_max_nd(input, output_size, 3, return_indices)


@public(function=True, functional=True)
def adaptive_max_pool1d(input, output_size, return_indices=False):
    """Same as `torch.nn.functional.adaptive_max_pool1d`: 2-d pooling of input.unsqueeze(-2)."""
    if input.dim() not in (2, 3):
        raise RuntimeError(
            f"adaptive_max_pool1d() argument 'input' (position 1) must be 2D or 3D, but got "
            f"{input.dim()}D"
        )
    size = _output_size(output_size, input, 1, "adaptive_max_pool1d")
    values, index = adaptive_max_nd(input.unsqueeze(-2), (1,) + size, 2, True)
    values, index = values.squeeze(-2), index.squeeze(-2)
    return (values, index) if return_indices else values


# ---------------------------------------------------------------- max unpool


def _make_unpool(nd):
    @op(
        f"max_unpool{nd}d",
        grad_fn=f"MaxUnpool{nd}DBackward0",
        function=False,
        method=False,
        input_names=("self", "indices"),
    )
    def forward(xp, input, indices, *, output_size):
        lead = input.shape[: input.ndim - nd]
        rows = math.prod(lead)
        plane = math.prod(output_size)
        out = xp.zeros((rows, plane), dtype=input.dtype)
        idx = indices.reshape(rows, -1)
        if idx.size:
            invalid = (idx < 0) | (idx >= plane)
            if invalid.any():
                bad = int(idx.ravel()[int(xp.argmax(invalid.ravel()))])
                raise RuntimeError(
                    f"Found an invalid max index: {bad} (output volumes are of size "
                    + "x".join(map(str, output_size))
                    + ")"
                )
            xp.put_along_axis(out, idx, input.reshape(rows, -1), axis=1)
        return out.reshape(lead + tuple(output_size))

    @forward.backward
    def _(grad, *, needs, indices, output_size):
        lead = indices.dim() - nd
        flat = grad.flatten(lead)
        return flat.gather(lead, indices.flatten(lead)).reshape(indices.shape), None

    return forward.opdef


_UNPOOL = {nd: _make_unpool(nd) for nd in (2, 3)}


def _unpool_size(input, nd, kernel, stride, padding, output_size):
    default = [
        (input.shape[input.dim() - nd + i] - 1) * stride[i] + kernel[i] - 2 * padding[i]
        for i in range(nd)
    ]
    if output_size is None:
        return tuple(default)
    output_size = list(output_size)
    if len(output_size) == nd + 2:
        output_size = output_size[2:]
    if len(output_size) != nd:
        raise ValueError(
            f"output_size should be a sequence containing {nd} or {nd + 2} elements, but it has "
            f"a length of '{len(output_size)}'"
        )
    for i in range(nd):
        lo = default[i] - stride[i]
        hi = default[i] + stride[i]
        if not lo < output_size[i] < hi:
            raise ValueError(
                f'invalid output_size "{output_size}" (dim {i} must be between {lo} and {hi})'
            )
    return tuple(output_size)


def max_unpool_nd(input, indices, kernel_size, stride, padding, output_size, nd):
    from numtorch._ops.nn_pool import pool_tuple

    name = f"max_unpool{nd}d"
    kernel = pool_tuple(kernel_size, nd, "kernel_size", name)
    stride = kernel if stride is None else pool_tuple(stride, nd, "stride", name)
    padding = pool_tuple(padding, nd, "padding", name)
    size = _unpool_size(input, nd, kernel, stride, padding, output_size)
    return apply(_UNPOOL[nd], (input, indices), {"output_size": size})


@public(function=False, functional=True)
def max_unpool2d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    """Same as `torch.nn.functional.max_unpool2d`: max_pool2d's values put back in place."""
    return max_unpool_nd(input, indices, kernel_size, stride, padding, output_size, 2)


@public(function=False, functional=True)
def max_unpool3d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    """Same as `torch.nn.functional.max_unpool3d`."""
    return max_unpool_nd(input, indices, kernel_size, stride, padding, output_size, 3)


@public(function=False, functional=True)
def max_unpool1d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    """Same as `torch.nn.functional.max_unpool1d`: the 2-d unpool of unsqueezed inputs."""
    from numtorch._ops.nn_pool import pool_tuple

    kernel = pool_tuple(kernel_size, 1, "kernel_size", "max_unpool1d")
    stride = kernel if stride is None else pool_tuple(stride, 1, "stride", "max_unpool1d")
    padding = pool_tuple(padding, 1, "padding", "max_unpool1d")
    size = _unpool_size(input, 1, kernel, stride, padding, output_size)
    out = apply(
        _UNPOOL[2], (input.unsqueeze(-2), indices.unsqueeze(-2)), {"output_size": (1,) + size}
    )
    return out.squeeze(-2)
