"""Raw (xp array) backward formulas of the view ops declared in shape.py: permute, squeeze,
unsqueeze, select and slice. The engine runs them instead of the Tensor formulas when no graph
of the backward is wanted (see recording.raw_backward_caller); the values are the same.
"""

from numtorch._ops.shape import (
    _permute,
    _select,
    _slice,
    _squeeze_all,
    _squeeze_dim,
    _squeeze_dims,
    _unsqueeze,
)


@_permute.raw_backward
def _(xp, grad, *, needs, dims):
    inverse = [0] * len(dims)
    for i, d in enumerate(dims):
        inverse[d] = i
    return xp.transpose(grad, inverse)


def _unsqueeze_back(xp, grad, *, needs, self_sym_sizes):
    return grad.reshape(tuple(self_sym_sizes))


_squeeze_all.raw_backward(_unsqueeze_back)
_squeeze_dim.raw_backward(_unsqueeze_back)
_squeeze_dims.raw_backward(_unsqueeze_back)


@_unsqueeze.raw_backward
def _(xp, grad, *, needs, dim):
    shape = grad.shape
    return grad.reshape(shape[:dim] + shape[dim + 1 :])


def _scattered(xp, grad, sizes, dim, where):
    """Zeros shaped like the input, with `grad` written at `where` along `dim` (what torch's
    select_backward and slice_backward make)."""
    result = xp.zeros(tuple(sizes), dtype=grad.dtype)
    result[(slice(None),) * dim + (where,)] = grad
    return result


@_select.raw_backward
def _(xp, grad, *, needs, self_sym_sizes, dim, index):
    return _scattered(xp, grad, self_sym_sizes, dim, index)


@_slice.raw_backward
def _(xp, grad, *, needs, self_sym_sizes, dim, start, end, step):
    return _scattered(xp, grad, self_sym_sizes, dim, slice(start, end, step))
