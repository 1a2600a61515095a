"""torch.autograd.Function: user-defined ops with a hand-written backward.

`MyFn.apply(*args)` runs `MyFn.forward` under no_grad and makes one graph node for the call, an
instance of `MyFnBackward` (made once per subclass by the metaclass). As in torch, that node *is*
the `ctx` that forward / setup_context fill in, so attributes set on ctx are read back in backward
and through `y.grad_fn`. The node holds one edge per tensor argument (next_functions), while
backward returns one value per forward argument: `_BackwardNode.apply` maps between the two and
checks what backward returned with torch's messages; the engine then reduces each gradient to its
input's shape and dtype as it does for every node.
"""

import functools
import inspect
import warnings
import weakref

from numtorch import _dtype
from numtorch.autograd import grad_mode
from numtorch.autograd.graph import FREED, Node, SavedTensor

__all__ = [
    "Function",
    "FunctionCtx",
    "BackwardCFunction",
    "InplaceFunction",
    "once_differentiable",
]

LEGACY_CALL = (
    "Legacy autograd function with non-static forward method is deprecated. Please use "
    "new-style autograd function with static forward method. (Example: "
    "https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)"
)
DIRTY_NOT_RETURNED = (
    "Some elements marked as dirty during the forward method were not returned as output. The "
    "inputs that are modified inplace must all be outputs of the Function."
)
LEAF_MODIFIED = "a leaf Variable that requires grad has been used in an in-place operation."
DIRTY_NOT_INPUT = (
    "ctx.mark_dirty() received a tensor that was not an input. Only input Tensors that have "
    "been mutated should be passed to ctx.mark_dirty()."
)
COMPLEX_GRAD = (
    "Expected isFloatingType(grad.scalar_type()) || (input_is_complex == grad_is_complex) to be "
    "true, but got false.  (Could this error message be improved?  If so, please report an "
    "enhancement request to PyTorch.)"
)
TWICE = "trying to differentiate twice a function that was marked with @once_differentiable"

_NO_EDGE = (None, 0)
# forward -> its signature (the setup_context style binds defaults on each call)
_signatures = weakref.WeakKeyDictionary()


class FunctionCtx:
    """What `forward` / `setup_context` get as `ctx` (the graph node of the call)."""

    def save_for_backward(self, *tensors):
        """Tensors (or None) backward reads back from `ctx.saved_tensors`, version-checked."""
        self.to_save = tensors

    def save_for_forward(self, *tensors):
        from numtorch._tensor import Tensor

        for t in tensors:
            if not (isinstance(t, Tensor) or t is None):
                raise AssertionError(
                    "save_for_forward expects all arguments to be tensors; you should save "
                    "non-tensors as attributes on ctx."
                )
        self.saved_for_forward = tensors

    def mark_dirty(self, *args):
        """Says which inputs forward modified in place (they must be returned as outputs)."""
        self.dirty_tensors = args

    def mark_shared_storage(self, *pairs):
        warnings.warn(
            "mark_shared_storage is deprecated. Tensors with shared storages are automatically "
            "tracked. Note that calls to `set_()` are not tracked",
            FutureWarning,
            stacklevel=2,
        )

    def mark_non_differentiable(self, *args):
        """Outputs that get requires_grad=False (backward still gets a gradient slot for them)."""
        self.non_differentiable = args

    def set_materialize_grads(self, value):
        """With False, backward gets None instead of zeros for outputs that got no gradient."""
        self.materialize_grads = value


class _HookMixin:
    @staticmethod
    def _register_hook(backward_hooks, hook):
        from collections import OrderedDict

        from numtorch.utils.hooks import RemovableHandle

        if backward_hooks is None:
            backward_hooks = OrderedDict()
        handle = RemovableHandle(backward_hooks)
        backward_hooks[handle.id] = hook
        return backward_hooks, handle


class BackwardCFunction(Node, FunctionCtx, _HookMixin):
    """Base of every `<Name>Backward` node class: the ctx of one `apply` call and its node."""

    _forward_cls = None
    _in_meta = None
    _out_meta = None

    def __init__(self):
        super().__init__(())
        self.to_save = None
        self.dirty_tensors = None
        self.non_differentiable = None
        self.materialize_grads = True
        self.needs_input_grad = ()
        self._saved = ()  # SavedTensor (or None) per saved value; FREED after release
        self._input_is_tensor = ()  # per forward argument
        self._output_dtypes = ()  # per output: its dtype, or None for a non-tensor

    def __repr__(self):
        cls = type(self)
        return f"<{cls.__module__}.{cls.__qualname__} object at {hex(id(self))}>"

    @property
    def saved_tensors(self):
        saved = self._saved
        if saved is FREED:
            raise RuntimeError(FREED)
        return tuple([None if s is None else s.unpack(self) for s in saved])

    @property
    def saved_variables(self):
        warnings.warn(
            "'saved_variables' is deprecated; use 'saved_tensors'", DeprecationWarning, stacklevel=2
        )
        return self.saved_tensors

    @property
    def _raw_saved_tensors(self):
        if self._saved is FREED:
            raise RuntimeError(FREED)
        return self._saved

    def _get_user_fn(self):
        cls = self._forward_cls
        backward_fn, vjp_fn = cls.backward, cls.vjp
        if backward_fn is not Function.backward and vjp_fn is not Function.vjp:
            raise RuntimeError(
                "Implementing both 'backward' and 'vjp' for a custom Function is not allowed. "
                "You should only implement one of them."
            )
        return vjp_fn if vjp_fn is not Function.vjp else backward_fn

    def _release(self):
        self._saved = FREED

    def _output_meta(self, output_nr):
        """Zeros for an output that got no gradient; None (so backward gets None) for a
        non-tensor output or after set_materialize_grads(False)."""
        if not self.materialize_grads:
            return None
        return self._out_meta[output_nr]

    def apply(self, grads):
        """Runs the user's backward on one gradient per output; returns one per tensor input."""
        result = self._get_user_fn()(self, *grads)
        if type(result) is not tuple:
            result = (result,)
        return self._check_gradients(result)

    def _check_gradients(self, result):
        from numtorch._tensor import Tensor

        name = self.name()
        n_args = len(self._input_is_tensor)
        if len(result) != n_args:
            extra = result[n_args:]
            if len(result) < n_args or any(g is not None for g in extra):
                raise RuntimeError(
                    f"function {name} returned an incorrect number of gradients (expected "
                    f"{n_args}, got {len(result)})"
                )
            result = result[:n_args]
        grads = []
        for i, (is_tensor, g) in enumerate(zip(self._input_is_tensor, result)):
            if not is_tensor:
                if g is not None:
                    raise RuntimeError(
                        f"function {name} returned a gradient different than None at position "
                        f"{i + 1}, but the corresponding forward input was not a Variable"
                    )
                continue
            if g is not None and not isinstance(g, Tensor):
                raise RuntimeError(f"expected Variable or None (got {type(g).__name__})")
            grads.append(g)
        for j, ((node, _), g) in enumerate(zip(self.next_functions, grads)):
            if g is None or node is None:
                continue
            shape, dtype = self._in_meta[j]
            if not _expandable(shape, g.shape):
                raise RuntimeError(
                    f"Function {name} returned an invalid gradient at index {j} - got "
                    f"{list(g.shape)} but expected shape compatible with {list(shape)}"
                )
            if not g.dtype.is_floating_point and dtype.is_complex != g.dtype.is_complex:
                raise RuntimeError(COMPLEX_GRAD)
        return tuple(grads)


def _expandable(shape, target):
    """Whether `shape` broadcasts to `target` (so a gradient of `target` sums down to it)."""
    if len(shape) > len(target):
        return False
    return all(n == m or n == 1 for n, m in zip(reversed(shape), reversed(target)))


class FunctionMeta(type):
    """Gives each Function subclass its node class `<Name>Backward` (`cls._backward_cls`)."""

    def __init__(cls, name, bases, attrs):
        cls._backward_cls = type(
            name + "Backward",
            (BackwardCFunction,),
            {"_forward_cls": cls, "__module__": __name__, "__qualname__": name + "Backward"},
        )
        super().__init__(name, bases, attrs)


class _SingleLevelFunction(FunctionCtx, _HookMixin, metaclass=FunctionMeta):
    @staticmethod
    def forward(*args, **kwargs):
        """forward(ctx, *args) (or forward(*args) with setup_context): the op's result."""
        raise NotImplementedError(
            "You must implement the forward function for custom autograd.Function."
        )

    @staticmethod
    def setup_context(ctx, inputs, output):
        """Fills ctx from forward's inputs and output (forward then takes no ctx)."""
        raise NotImplementedError("setup_context is not implemented.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        """One gradient per forward input (None where not needed) from one per output."""
        raise NotImplementedError(
            "You must implement either the backward or vjp method for your custom "
            "autograd.Function to use it with backward mode AD."
        )

    vjp = backward

    @staticmethod
    def jvp(ctx, *grad_inputs):
        raise NotImplementedError(
            "You must implement the jvp function for custom autograd.Function to use it with "
            "forward mode AD."
        )

    clear_saved_tensors_on_access = False
    boxed_grads_call = False


class Function(_SingleLevelFunction):
    """Same as `torch.autograd.Function`: subclass it with static forward and backward, and
    call `MyFn.apply(...)`."""

    generate_vmap_rule = False

    def __init__(self, *args, **kwargs):
        warnings.warn(
            f"{self.__class__} should not be instantiated. Methods on autograd functions are "
            "all static, so you should invoke them on the class itself. Instantiating an "
            "autograd function will raise an error in a future version of PyTorch.",
            DeprecationWarning,
            stacklevel=2,
        )

    def __call__(self, *args, **kwargs):
        raise RuntimeError(LEGACY_CALL)

    @staticmethod
    def vmap(info, in_dims, *args):
        raise NotImplementedError(
            "To use autograd.Function with vmap, you must either override the vmap "
            "staticmethod or set generate_vmap_rule=True."
        )

    @classmethod
    def apply(cls, *args, **kwargs):
        """Runs forward under no_grad and records the call's `<Name>Backward` node."""
        from numtorch._tensor import Tensor

        with_setup = cls.setup_context is not _SingleLevelFunction.setup_context
        if with_setup:
            signature = _signatures.get(cls.forward)
            if signature is None:
                signature = _signatures[cls.forward] = inspect.signature(cls.forward)
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            args, kwargs = bound.args, bound.kwargs
        ctx = cls._backward_cls()
        is_tensor = tuple([isinstance(a, Tensor) for a in args])
        ctx._input_is_tensor = is_tensor
        ctx.needs_input_grad = tuple([t and a._requires_grad for t, a in zip(is_tensor, args)])
        recording = grad_mode.is_grad_enabled() and True in ctx.needs_input_grad
        if recording:
            # edges before forward runs: an input modified in place gets a new history after
            ctx.next_functions = tuple(
                [a._grad_node() or _NO_EDGE for t, a in zip(is_tensor, args) if t]
            )
            ctx._in_meta = tuple([(a._data.shape, a.dtype) for t, a in zip(is_tensor, args) if t])
        with grad_mode.no_grad():
            if with_setup:
                output = cls.forward(*args, **kwargs)
                cls.setup_context(ctx, args, output)
            else:
                output = cls.forward(ctx, *args, **kwargs)
        inputs = [a for t, a in zip(is_tensor, args) if t]
        return _wrap_outputs(ctx, inputs, output, recording)

    @staticmethod
    def _compiled_autograd_key(ctx):
        return (id(type(ctx)),)


class InplaceFunction(Function):
    """Kept for old code, as torch keeps it: a Function with an `inplace` flag."""

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace


def _wrap_outputs(ctx, inputs, output, recording):
    """Gives forward's outputs their history (torch's _wrap_outputs), then saves ctx.to_save."""
    from numtorch._tensor import Tensor

    is_tuple = type(output) is tuple
    raw = output if is_tuple else (output,)
    dirty = {id(t) for t in ctx.dirty_tensors or ()}
    output_ids = {id(o) for o in raw if isinstance(o, Tensor)}
    if not dirty <= output_ids:
        raise RuntimeError(DIRTY_NOT_RETURNED)
    for t in ctx.dirty_tensors or ():
        t._bump_version()
    non_diff = {id(t) for t in ctx.non_differentiable or ()}
    wrapped = []
    for nr, o in enumerate(raw):
        if isinstance(o, Tensor):
            differentiable = (
                recording and id(o) not in non_diff and o.dtype.category >= _dtype.FLOAT
            )
            o = _wrap_one(ctx, o, nr, inputs, id(o) in dirty, differentiable, len(raw))
        wrapped.append(o)
    if recording:
        ctx._out_meta = tuple(
            [
                (o._data.shape, o.dtype, o._device) if isinstance(o, Tensor) else None
                for o in wrapped
            ]
        )
        _save(ctx, raw, wrapped)
    else:
        ctx.next_functions = ()
    return tuple(wrapped) if is_tuple else wrapped[0]


def _wrap_one(ctx, o, nr, inputs, is_dirty, differentiable, n_outputs):
    is_input = any(o is t for t in inputs)
    if not differentiable:
        if not o.requires_grad:
            return _alias(o) if is_input and not is_dirty else o
        if is_input:
            return o.detach()
        if o._base is None:
            o.detach_()
        return o
    if is_dirty:
        if o.grad_fn is None and o._requires_grad:
            raise RuntimeError(LEAF_MODIFIED)
        if not is_input:
            warnings.warn(DIRTY_NOT_INPUT, UserWarning, stacklevel=4)
        if o._base is not None and (o._base._requires_grad or o._base.grad_fn is not None):
            if not (nr == 0 and n_outputs == 1 and inputs[0] is o):
                raise NotImplementedError(
                    "numtorch supports ctx.mark_dirty on a view only when the view is the "
                    "Function's first tensor input and its only output"
                )
            from numtorch.autograd.inplace import copy_slices

            copy_slices(o, ctx)
            return o
    elif is_input:
        o = _alias(o)
    o.grad_fn = ctx
    o._requires_grad = True
    o._output_nr = nr
    return o


def _alias(t):
    """A view of `t` that is `t` itself (torch returns inputs given back as such views)."""
    with grad_mode.no_grad():
        return t.view_as(t)


def _check_saved(to_save):
    from numtorch._tensor import Tensor

    for i, t in enumerate(to_save):
        if t is not None and not isinstance(t, Tensor):
            raise TypeError(
                "save_for_backward can only save variables, but argument "
                f"{i} is of type {type(t).__name__}"
            )


def _save(ctx, raw, wrapped):
    """Saves ctx.to_save: an output is saved as an output (so the node holds no cycle)."""
    to_save = ctx.to_save
    if to_save is None:
        return
    _check_saved(to_save)
    out_index = {id(o): nr for nr, o in enumerate(raw)}
    saved = []
    for t in to_save:
        if t is None:
            saved.append(None)
            continue
        nr = out_index.get(id(t))
        if nr is not None and wrapped[nr].grad_fn is ctx:
            saved.append(SavedTensor(wrapped[nr], True, nr))
        else:
            saved.append(SavedTensor(t))
    ctx._saved = tuple(saved)
    ctx.to_save = None


class Error(Node):
    """grad_fn of what a @once_differentiable backward returns under create_graph=True:
    differentiating through it raises (torch's DelayedError node, named Error)."""

    __slots__ = ("_out_meta",)

    def name(self):
        return "torch::autograd::Error"

    def apply(self, grads):
        raise RuntimeError(TWICE)

    def _output_meta(self, output_nr):
        return self._out_meta[output_nr]


def once_differentiable(fn):
    """Runs a backward under no_grad; a second differentiation through it raises."""

    @functools.wraps(fn)
    def wrapper(ctx, *args, **kwargs):
        from numtorch._tensor import Tensor

        with grad_mode.no_grad():
            outputs = fn(ctx, *args, **kwargs)
        if not grad_mode.is_grad_enabled():
            return outputs
        if not any(isinstance(a, Tensor) and a.requires_grad for a in args):
            return outputs
        is_tuple = type(outputs) is tuple
        outs = outputs if is_tuple else (outputs,)
        # As torch: the node's inputs are detached copies that require grad, so that it has
        # edges (to their AccumulateGrad nodes) and its outputs require grad.
        leaves = [None if o is None else o.detach().requires_grad_() for o in outs]
        node = Error(tuple([_NO_EDGE if v is None else v._grad_node() for v in leaves]))
        node._out_meta = tuple(
            [(o._data.shape, o.dtype, o._device) if o is not None else None for o in outs]
        )
        wrapped = tuple(
            [None if o is None else o._alias_with_graph(node, nr) for nr, o in enumerate(outs)]
        )
        return wrapped if is_tuple else wrapped[0]

    return wrapper
