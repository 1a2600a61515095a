"""F.affine_grid (torch.affine_grid_generator) and F.grid_sample (torch.grid_sampler).

affine_grid multiplies a constant base grid of normalised coordinates by each theta. grid_sample
is written once, over Tensor ops (`_sample`): the registered forward runs it without grad, and
the registered backward op (torch's grid_sampler_*d_backward) differentiates it with
autograd.grad, as does that op's own backward, so the graph and double backward match torch's.
"""

import warnings

from numtorch._ops.registry import REGISTRY, apply, op, public
from numtorch.autograd import grad_mode

_ALIGN_WARNING = (
    "Default grid_sample and affine_grid behavior has changed to align_corners=False since "
    "1.3.0. Please specify align_corners=True if the old behavior is desired. See the "
    "documentation of grid_sample for details."
)


def _linspace(steps, align_corners, like):
    import numtorch

    if steps <= 1:
        return numtorch.zeros(max(steps, 0), dtype=like.dtype, device=like.device)
    r = numtorch.linspace(-1, 1, steps, dtype=like.dtype, device=like.device)
    return r if align_corners else r * (steps - 1) / steps


def _base_grid(theta, size, align_corners):
    """(prod(spatial), nd + 1) rows of (x, y[, z], 1), x varying fastest."""
    import numtorch

    spatial = list(size[2:])
    axes = [_linspace(s, align_corners, theta) for s in reversed(spatial)]  # x, y[, z]
    mesh = numtorch.meshgrid(*reversed(axes), indexing="ij")  # [z,] y, x
    coords = [m.reshape(-1) for m in reversed(mesh)]
    ones = numtorch.ones_like(coords[0])
    return numtorch.stack([*coords, ones], 1)


@op(
    "affine_grid_generator",
    grad_fn="AffineGridGeneratorBackward0",
    function=False,
    method=False,
    input_names=("theta",),
)
def _affine_grid_generator(xp, theta, *, size, align_corners):
    from numtorch._ops.nn_grid_sample import as_tensor

    base = _base_grid(as_tensor(theta), size, align_corners)._data
    out = xp.matmul(base[None], xp.swapaxes(theta, 1, 2))
    return xp.ascontiguousarray(out.reshape(size[0], *size[2:], len(size) - 2))


@_affine_grid_generator.backward
def _(grad, *, needs, size, align_corners):
    n, nd = size[0], len(size) - 2
    base = _base_grid(grad, size, align_corners)
    flat = grad.reshape(n, -1, nd)
    return (base.expand(n, *base.shape).transpose(1, 2).bmm(flat).transpose(1, 2),)


@public("affine_grid_generator", function=True)
def affine_grid_generator(theta, size, align_corners):
    """Same as `torch.affine_grid_generator`: theta (N, nd, nd+1) applied to a base grid."""
    size = tuple(int(s) for s in size)
    nd = len(size) - 2
    if theta.shape[0] != size[0]:
        raise RuntimeError(
            "Expected size for first two dimensions of batch2 tensor to be: "
            f"[{size[0]}, {nd + 1}] but got: [{theta.shape[0]}, {theta.shape[2]}]."
        )
    params = {"size": size, "align_corners": bool(align_corners)}
    return apply(REGISTRY["affine_grid_generator"], (theta,), params)


@public("affine_grid", function=False, functional=True)
def affine_grid(theta, size, align_corners=None):
    """Same as `torch.nn.functional.affine_grid`."""
    if align_corners is None:
        warnings.warn(_ALIGN_WARNING, stacklevel=2)
        align_corners = False
    if not theta.is_floating_point():
        raise ValueError(f"Expected theta to have floating point type, but got {theta.dtype}")
    shown = size
    size = list(size)
    if len(size) == 4:
        if theta.dim() != 3 or theta.shape[-2] != 2 or theta.shape[-1] != 3:
            raise ValueError(
                f"Expected a batch of 2D affine matrices of shape Nx2x3 for size {shown}. "
                f"Got {theta.shape}."
            )
        spatial = size[-2:]
    elif len(size) == 5:
        if theta.dim() != 3 or theta.shape[-2] != 3 or theta.shape[-1] != 4:
            raise ValueError(
                f"Expected a batch of 3D affine matrices of shape Nx3x4 for size {shown}. "
                f"Got {theta.shape}."
            )
        spatial = size[-3:]
    else:
        raise NotImplementedError(
            "affine_grid only supports 4D and 5D sizes, for 2D and 3D affine transforms, "
            f"respectively. Got size {shown}."
        )
    if align_corners and min(spatial) == 1:
        warnings.warn(
            "Since version 1.3.0, affine_grid behavior has changed for unit-size grids when "
            "align_corners=True. This is not an intended use case of affine_grid. See the "
            "documentation of affine_grid for details.",
            stacklevel=2,
        )
    elif min(size) <= 0:
        raise ValueError(f"Expected non-zero, positive output size. Got {shown}")
    return affine_grid_generator(theta, size, align_corners)


def _run_sample(input, grid, params):
    from numtorch._ops.nn_grid_sample import sample

    return sample(
        input, grid, params["interpolation_mode"], params["padding_mode"], params["align_corners"]
    )


def _leaves(*arrays):
    from numtorch._ops.nn_grid_sample import as_tensor

    return [as_tensor(a).requires_grad_() for a in arrays]


_PARAM_NAMES = ("interpolation_mode", "padding_mode", "align_corners")


def _make_grid_sampler(nd):
    @op(
        f"grid_sampler_{nd}d",
        grad_fn=f"GridSampler{nd}DBackward0",
        function=False,
        method=False,
        input_names=("input", "grid"),
    )
    def forward(xp, input, grid, *, interpolation_mode, padding_mode, align_corners):
        from numtorch._ops.nn_grid_sample import as_tensor

        params = dict(zip(_PARAM_NAMES, (interpolation_mode, padding_mode, align_corners)))
        with grad_mode.no_grad():
            return _run_sample(as_tensor(input), as_tensor(grid), params)._data

    @forward.backward
    def _(grad, *, needs, input, grid, interpolation_mode, padding_mode, align_corners):
        params = dict(zip(_PARAM_NAMES, (interpolation_mode, padding_mode, align_corners)))
        gi, gg = apply(backward.opdef, (grad, input, grid), params)
        return (gi if needs[0] else None, gg if needs[1] else None)

    @op(
        f"grid_sampler_{nd}d_backward",
        grad_fn=f"GridSampler{nd}DBackwardBackward0",
        function=False,
        method=False,
        input_names=("grad_output", "input", "grid"),
        returns=tuple,
    )
    def backward(xp, grad_output, input, grid, *, interpolation_mode, padding_mode, align_corners):
        from numtorch import autograd
        from numtorch._ops.nn_grid_sample import as_tensor

        params = dict(zip(_PARAM_NAMES, (interpolation_mode, padding_mode, align_corners)))
        x, g = _leaves(input, grid)
        with grad_mode.enable_grad():
            out = _run_sample(x, g, params)
            gi, gg = autograd.grad(out, (x, g), as_tensor(grad_output), allow_unused=True)
        gi = xp.zeros_like(input) if gi is None else gi._data
        gg = xp.zeros_like(grid) if gg is None else gg._data
        return gi, gg

    @backward.backward
    def _(ggi, ggg, *, needs, grad_output, input, grid, **params):
        """The second derivative: differentiate <grad_input, ggi> + <grad_grid, ggg>."""
        from numtorch import autograd

        go, x, g = _leaves(grad_output._data, input._data, grid._data)
        with grad_mode.enable_grad():
            out = _run_sample(x, g, params)
            gi, gg = autograd.grad(out, (x, g), go, create_graph=True, allow_unused=True)
            total = None
            for first, weight in ((gi, ggi), (gg, ggg)):
                if first is not None and weight is not None:
                    term = (first * weight.detach()).sum()
                    total = term if total is None else total + term
            if total is None or not total.requires_grad:
                return (None, None, None)
            grads = autograd.grad(total, (go, x, g), allow_unused=True)
        return tuple(None if r is None else r.detach() for r in grads)

    return forward.opdef


_GRID_SAMPLERS = {nd: _make_grid_sampler(nd) for nd in (2, 3)}
_MODES = {"bilinear": 0, "nearest": 1, "bicubic": 2}
_PADDINGS = {"zeros": 0, "border": 1, "reflection": 2}


@public("grid_sampler", function=True)
def grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners):
    """Same as `torch.grid_sampler`: samples input (N, C, [D,] H, W) at grid's normalised points."""
    nd = 2 if input.dim() == 4 else 3
    return _grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners, nd)


@public("grid_sampler_2d", function=True)
def grid_sampler_2d(input, grid, interpolation_mode, padding_mode, align_corners):
    """Same as `torch.grid_sampler_2d` (GridSampler2DBackward0)."""
    return _grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners, 2)


@public("grid_sampler_3d", function=True)
def grid_sampler_3d(input, grid, interpolation_mode, padding_mode, align_corners):
    """Same as `torch.grid_sampler_3d` (GridSampler3DBackward0)."""
    return _grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners, 3)


def _grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners, nd):
    from numtorch._errors import type_name

    if input.shape[0] != grid.shape[0]:
        raise RuntimeError(
            "grid_sampler(): expected grid and input to have same batch size, but got input with "
            f"sizes {list(input.shape)} and grid with sizes {list(grid.shape)}"
        )
    if grid.shape[-1] != input.dim() - 2:
        raise RuntimeError(
            f"grid_sampler(): expected grid to have size {input.dim() - 2} in last dimension, but "
            f"got grid with sizes {list(grid.shape)}"
        )
    for i in range(2, input.dim()):
        if input.shape[i] == 0:
            raise RuntimeError(
                "grid_sampler(): expected input to have non-empty spatial dimensions, but input "
                f"has sizes {list(input.shape)} with dimension {i} being empty"
            )
    if input.dim() != nd + 2 or grid.dim() != input.dim():
        raise RuntimeError(
            f"grid_sampler(): expected {nd + 2}D input and grid with same number of dimensions, "
            f"but got input with sizes {list(input.shape)} and grid with sizes {list(grid.shape)}"
        )
    if nd == 3 and interpolation_mode == 2:
        raise RuntimeError("grid_sampler(): bicubic interpolation only supports 4D input")
    if input.dtype != grid.dtype:
        raise RuntimeError(
            f"expected scalar type {type_name(input.dtype)} but found {type_name(grid.dtype)}"
        )
    if not input.dtype.is_floating_point:
        raise NotImplementedError(
            f"\"grid_sampler_{nd}d_cpu_kernel_impl\" not implemented for '{type_name(input.dtype)}'"
        )
    params = {
        "interpolation_mode": int(interpolation_mode),
        "padding_mode": int(padding_mode),
        "align_corners": bool(align_corners),
    }
    return apply(_GRID_SAMPLERS[nd], (input, grid), params)


@public("grid_sample", function=False, functional=True)
def grid_sample(input, grid, mode="bilinear", padding_mode="zeros", align_corners=None):
    """Same as `torch.nn.functional.grid_sample`."""
    if mode not in _MODES:
        raise ValueError(
            "nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or 'bicubic', "
            f"but got: '{mode}'"
        )
    if padding_mode not in _PADDINGS:
        raise ValueError(
            "nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or "
            f"'reflection', but got: '{padding_mode}'"
        )
    if align_corners is None:
        warnings.warn(_ALIGN_WARNING, stacklevel=2)
        align_corners = False
    return grid_sampler(input, grid, _MODES[mode], _PADDINGS[padding_mode], align_corners)
