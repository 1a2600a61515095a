"""In-place ops on views: the base gets a CopySlices node, the view an AsStridedBackward0.

CopySlices runs the in-place op's backward on the view's region of the base's gradient and
passes the rest of the base's gradient through, as torch's CopySlices does.
"""

from numtorch.autograd.graph import Node


class CopySlices(Node):
    """grad_fn of a base whose view was modified in place."""

    __slots__ = ("_fn", "_view_fn", "_base_meta", "_in_meta", "_device")

    def name(self):
        return "torch::autograd::CopySlices"

    def apply(self, grads):
        from numtorch._device import xp_for
        from numtorch._ops.registry import replay_view
        from numtorch._tensor import Tensor

        (grad,) = grads
        xp = xp_for(self._device)
        shape, dtype = self._base_meta
        whole = grad._data.copy() if grad is not None else xp.zeros(shape, dtype.np)
        region = replay_view(self._view_fn, whole, xp)
        view_grad = Tensor._make(region.copy(), dtype, self._device)
        results = self._fn.apply((view_grad,))
        first = results[0]
        region[...] = first._data if first is not None else 0
        return (Tensor._make(whole, dtype, self._device),) + tuple(results[1:])

    def _release(self):
        self._fn._release()

    def _output_meta(self, output_nr):
        shape, dtype = self._base_meta
        return shape, dtype, self._device


class AsStridedBackward0(Node):
    """grad_fn of a view after an in-place op on it: the view's region of its base."""

    __slots__ = ("_view_fn", "_base_meta", "_in_meta", "_device", "_view_shape")

    def apply(self, grads):
        from numtorch._device import xp_for
        from numtorch._ops.registry import replay_view
        from numtorch._tensor import Tensor

        (grad,) = grads
        xp = xp_for(self._device)
        shape, dtype = self._base_meta
        whole = xp.zeros(shape, dtype.np)
        replay_view(self._view_fn, whole, xp)[...] = grad._data
        return (Tensor._make(whole, dtype, self._device),)

    def _output_meta(self, output_nr):
        return self._view_shape, self._base_meta[1], self._device


def _view_node(view, base, edge):
    node = AsStridedBackward0()
    node._view_fn = view._view_fn
    node._base_meta = (base._data.shape, base.dtype)
    node._in_meta = (node._base_meta,)
    node._device = base._device
    node._view_shape = view._data.shape
    node.next_functions = (edge,)
    return node


def copy_slices(view, fn_node):
    """Rebases history after `fn_node` modified `view` in place."""
    base = view._base
    node = CopySlices()
    node._fn = fn_node
    node._view_fn = view._view_fn
    node._base_meta = (base._data.shape, base.dtype)
    node._device = base._device
    node._in_meta = (node._base_meta,) + tuple(fn_node._in_meta[1:])
    node.next_functions = ((base._grad_node() or (None, 0)),) + tuple(fn_node.next_functions[1:])
    base.grad_fn = node
    base._requires_grad = True
    base._output_nr = 0
    view.grad_fn = _view_node(view, base, (node, 0))
    view._requires_grad = True
    view._output_nr = 0


def refresh_view_grad_fn(view):
    """A view's grad_fn after its base changed in place: its region of the base's history."""
    base = view._base
    view.grad_fn = _view_node(view, base, base._grad_node() or (None, 0))
    view._output_nr = 0
    return view._grad_fn
