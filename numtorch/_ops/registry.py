"""OpDef, the @op decorator, and apply(): the one path every op call takes.

An op is declared once, as a pure forward over arrays (`forward(xp, *arrays, **params)`) and a
backward over Tensors (`backward(*grads, needs, <saved names>, <params>)`). From that one
declaration this module makes the `numtorch.<name>` function, the `Tensor.<name>` method, the
in-place `Tensor.<name>_`, the dunders, `out=` and the grad_fn class.
"""

import contextlib
import inspect
import marshal
import os
import sys
from types import CodeType

from numtorch import _dtype
from numtorch._device import CPU, xp_for
from numtorch._errors import (
    LEAF_INPLACE,
    VIEW_OF_LEAF_INPLACE,
    broadcast_shapes_of,
    cant_cast,
    device_mismatch,
    shape_mismatch_inplace,
)
from numtorch._ops.promotion import (
    _CAST,
    _HALF,
    _NUMBER_LIKE,
    _SCALAR_CATEGORY,
    DEFAULT,
    FORWARD,
    SAME,
    _cast_arrays,
    _NumpyScalars,
    _prepare_call,
    _uncast_result,
    python_numbers,
)

# the promotion names the op modules import from here, with the rest of the registry
from numtorch._ops.promotion import ALWAYS_BOOL as ALWAYS_BOOL
from numtorch._ops.promotion import EXACT_SCALAR as EXACT_SCALAR
from numtorch._ops.promotion import INT_TO_FLOAT as INT_TO_FLOAT
from numtorch._ops.promotion import number_arg as number_arg
from numtorch._ops.promotion import python_number as python_number
from numtorch._ops.promotion import result_dtype as result_dtype
from numtorch._ops.recording import backward_callers, op_recorder, raw_backward_caller, value_saver
from numtorch._ops.recording import edges as _edges
from numtorch._ops.recording import fill_node as _fill_node
from numtorch._ops.recording import new_node as _new_node
from numtorch._ops.recording import record as _record
from numtorch._tensor import Tensor
from numtorch.autograd import grad_mode
from numtorch.autograd.graph import node_class

FUNCTIONS = {}  # numtorch.<name>
METHODS = {}  # Tensor.<name>
FUNCTIONAL = {}  # numtorch.nn.functional.<name>
REGISTRY = {}  # op name -> OpDef

_FROM_NP = _dtype._FROM_NP
_FLOAT = _dtype.FLOAT
_INT = _dtype.INT
_enabled = grad_mode.is_grad_enabled
_grad_mode = grad_mode._state  # its `enabled` is _enabled() (the object is never replaced)


class OpDef:
    """One op overload: its forward, its backward, and what its grad_fn saves."""

    __slots__ = (
        "name",
        "label",
        "forward",
        "backward",
        "grad_fn",
        "node_cls",
        "promote",
        "n_inputs",
        "input_names",
        "saved_inputs",
        "saves_result",
        "saved_params",
        "sym_sizes",
        "view",
        "opmath",
        "returns",
        "call_backward",
        "call_backward1",
        "save_values",
        "raw_backward",
        "call_raw",
        "record1",
    )

    def __repr__(self):
        return f"<op {self.name}>"


class _Param:
    """One parameter of a declared function: the parts of inspect.Parameter the declaration
    reads, taken from the code object (inspect.signature costs ~50 us a call, ~800 calls)."""

    __slots__ = ("name", "kind", "default")
    empty = inspect.Parameter.empty
    POSITIONAL_OR_KEYWORD = inspect.Parameter.POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = inspect.Parameter.VAR_POSITIONAL
    KEYWORD_ONLY = inspect.Parameter.KEYWORD_ONLY
    VAR_KEYWORD = inspect.Parameter.VAR_KEYWORD

    def __init__(self, name, kind, default):
        self.name, self.kind, self.default = name, kind, default


def _parameters(fn):
    """fn's parameters in inspect.signature's order (following functools.wraps' __wrapped__);
    inspect.signature itself for what a code object does not describe alone."""
    while hasattr(fn, "__wrapped__") and not hasattr(fn, "__signature__"):
        fn = fn.__wrapped__
    code = getattr(fn, "__code__", None)
    if code is None or code.co_posonlyargcount or hasattr(fn, "__signature__"):
        return [
            _Param(p.name, p.kind, p.default) for p in inspect.signature(fn).parameters.values()
        ]
    n_pos, n_kw, names = code.co_argcount, code.co_kwonlyargcount, code.co_varnames
    empty = _Param.empty
    defaults = fn.__defaults__ or ()
    first_default = n_pos - len(defaults)
    params = [
        _Param(
            names[i],
            _Param.POSITIONAL_OR_KEYWORD,
            defaults[i - first_default] if i >= first_default else empty,
        )
        for i in range(n_pos)
    ]
    extra = n_pos + n_kw  # where the *args and **kwargs names follow
    if code.co_flags & inspect.CO_VARARGS:
        params.append(_Param(names[extra], _Param.VAR_POSITIONAL, empty))
        extra += 1
    kwdefaults = fn.__kwdefaults__ or {}
    for name in names[n_pos : n_pos + n_kw]:
        params.append(_Param(name, _Param.KEYWORD_ONLY, kwdefaults.get(name, empty)))
    if code.co_flags & inspect.CO_VARKEYWORDS:
        params.append(_Param(names[extra], _Param.VAR_KEYWORD, empty))
    return params


def _keyword_only_names(fn):
    """fn's keyword-only parameter names (straight from the code object where it can)."""
    while hasattr(fn, "__wrapped__") and not hasattr(fn, "__signature__"):
        fn = fn.__wrapped__
    code = getattr(fn, "__code__", None)
    if code is None or hasattr(fn, "__signature__"):
        return [p.name for p in _parameters(fn) if p.kind is _Param.KEYWORD_ONLY]
    n = code.co_argcount
    return code.co_varnames[n : n + code.co_kwonlyargcount]


def _backward_needs(backward, input_names):
    """From the backward's keyword-only parameters: saved inputs, result, sizes and params."""
    saved_inputs, saves_result, sym_sizes, params = [], [], [], []
    for name in _keyword_only_names(backward):
        if name == "needs":
            continue
        if name in input_names:
            saved_inputs.append((input_names.index(name), name))
        elif name == "result" or (name[:6] == "result" and name[6:].isdigit()):
            saves_result.append((int(name[6:] or 0), name))
        elif name.endswith("_sym_sizes") and name[: -len("_sym_sizes")] in input_names:
            sym_sizes.append((input_names.index(name[: -len("_sym_sizes")]), name))
        else:
            params.append(name)
    return tuple(saved_inputs), tuple(saves_result), tuple(sym_sizes), tuple(params)


def op(
    name=None,
    *,
    grad_fn=None,
    promote=SAME,
    function=True,
    method=True,
    inplace=False,
    dunders=(),
    rdunders=(),
    functional=False,
    view=False,
    opmath=False,
    out=None,
    returns=None,
    input_names=None,
    signature=None,
):
    """Declares an op from its forward; returns the op as a callable (`numtorch.<name>`'s
    signature), whose `.backward` decorator adds the backward formula and `.raw_backward` (after
    it) the same formula over xp arrays, which the engine runs when no graph of the backward is
    wanted (see recording.raw_backward_caller).

    The forward is `f(xp, *tensors, **options)`: its positional parameters (after `xp`) are the
    tensor arguments (a Python scalar may stand in for one), its keyword-only parameters are the
    options. The public signature is the forward's, unless `signature` (the text of a parameter
    list, e.g. "input, dim, index") gives torch's order. grad_fn: the class name torch shows, or a
    callable(options) -> name. input_names: torch's names for the tensors in saved attributes
    (`self`, `other`, ...).
    """

    def declare(forward):
        params = _parameters(forward)[1:]
        tensors = [p.name for p in params if p.kind is p.POSITIONAL_OR_KEYWORD]
        od = OpDef()
        od.name = name or forward.__name__
        od.label = _torch_label(od.name)
        od.forward = forward
        od.backward = None
        od.grad_fn = grad_fn
        od.node_cls = None
        od.promote = promote
        od.n_inputs = len(tensors)
        od.input_names = tuple(input_names or ("self", "other", "third", "fourth")[: len(tensors)])
        od.saved_inputs, od.saves_result, od.sym_sizes, od.saved_params = (), (), (), ()
        od.view = view
        od.opmath = opmath
        od.returns = returns
        od.raw_backward = od.call_raw = od.record1 = None
        REGISTRY[od.name] = od
        public_sig = signature if signature is not None else _signature_text(params)
        callable_ = _bind(
            od,
            public_sig,
            tensors,
            params,
            function,
            method,
            inplace,
            dunders,
            rdunders,
            functional,
            out,
        )

        def set_backward(backward):
            od.backward = backward
            needs = _backward_needs(backward, od.input_names)
            od.saved_inputs, od.saves_result, od.sym_sizes, od.saved_params = needs
            _defer_recording_code(od)
            return backward

        def set_raw_backward(raw):
            if od.backward is None:
                raise TypeError(f"{od.name}: declare the Tensor backward before the raw one")
            saved = [n for _, n in od.saved_inputs + od.saves_result + od.sym_sizes]
            for name in _keyword_only_names(raw):
                if name != "needs" and name not in saved and name not in od.saved_params:
                    raise TypeError(
                        f"{od.name}: the raw backward's {name!r} is not saved for backward"
                    )
            od.raw_backward = raw

            def first_call_raw(node, grad, xp):
                od.call_raw = raw_backward_caller(od)
                return od.call_raw(node, grad, xp)

            od.call_raw = first_call_raw
            return raw

        callable_.backward = set_backward
        callable_.raw_backward = set_raw_backward
        callable_.opdef = od
        return callable_

    return declare


def _defer_recording_code(od):
    """Gives `od` stand-ins for its grad_fn class and its generated recorder, saver and
    backward callers: each builds them all on first use and replaces itself, so that an op
    never recorded costs no exec at import (most programs record a few dozen ops of ~400)."""

    def build():
        saved_names = [n for _, n in od.saved_inputs] + [n for _, n in od.saves_result]
        saved_names += [n for _, n in od.sym_sizes] + list(od.saved_params)
        grad_fn = od.grad_fn
        if isinstance(grad_fn, str):
            od.node_cls = node_class(grad_fn, saved_names)
        else:
            od.node_cls = lambda params, _names=saved_names: node_class(grad_fn(params), _names)
        od.call_backward, od.call_backward1 = backward_callers(od)
        od.save_values = value_saver(od)
        od.record1 = op_recorder(od)

    def node_cls(params):  # read as `cls = od.node_cls; if type(cls) is not type: cls(params)`
        build()
        cls = od.node_cls
        return cls if type(cls) is type else cls(params)

    def call_backward(node, grads):
        build()
        return od.call_backward(node, grads)

    def call_backward1(node, grad):
        build()
        return od.call_backward1(node, grad)

    def save_values(node, args, params, outputs, saved_self):
        build()
        return od.save_values(node, args, params, outputs, saved_self)

    def record1(args, params, output):
        build()
        return od.record1(args, params, output)

    od.node_cls = node_cls
    od.call_backward, od.call_backward1 = call_backward, call_backward1
    od.save_values = save_values
    od.record1 = record1


def _signature_text(params):
    """The parameter list of a forward (without xp) as source text; defaults come from _D."""
    parts, star = [], False
    for p in params:
        if p.kind is p.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        parts.append(p.name if p.default is p.empty else f"{p.name}=_D[{p.name!r}]")
    return ", ".join(parts)


# ---------------------------------------------------------------- binding

_CODE = """
def _public({params}):
    return _run(_op, ({args}), {{{kwargs}}}{out})
"""
_COMPILED = {}  # _CODE's text -> its code object: ~570 callables share ~180 texts
# Those code objects as the last import left them (compiling them costs ~30 ms): kept beside
# the .pyc files and, like them, written only while Python writes bytecode.
_CACHE_FILE = os.path.join(
    os.path.dirname(__file__), "__pycache__", f"registry_public.{sys.implementation.cache_tag}"
)
_compiled_anew = []  # the texts compiled in this process


def _read_cache():
    try:
        with open(_CACHE_FILE, "rb") as f:
            cached = marshal.loads(f.read())  # marshal.load(f) reads in small pieces: ~20x slower
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return cached if type(cached) is dict else {}


_CACHED = _read_cache()


def _compiled(text):
    """The code object of `text`, compiled once (executing it binds a new function whose
    defaults are read from the namespace it runs in)."""
    code = _COMPILED.get(text)
    if code is None:
        code = _CACHED.get(text)
        if type(code) is not CodeType:
            code = compile(text, "<string>", "exec")
            _compiled_anew.append(text)
        _COMPILED[text] = code
    return code


def save_compiled():
    """Writes this import's code objects for the next one (numtorch/__init__ calls this once
    the ops are declared), if any had to be compiled and bytecode writing is on."""
    if not _compiled_anew or sys.dont_write_bytecode:
        return
    _compiled_anew.clear()
    temporary = f"{_CACHE_FILE}.{os.getpid()}"
    try:
        os.makedirs(os.path.dirname(_CACHE_FILE), exist_ok=True)
        with open(temporary, "wb") as f:
            marshal.dump(_COMPILED, f)
        os.replace(temporary, _CACHE_FILE)  # atomic: a concurrent import reads old or new
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(temporary)


def _bind(od, sig, tensors, params, function, method, inplace, dunders, rdunders, functional, out):
    """Makes the public callables from the signature text (once, at import)."""
    with_out = out if out is not None else not od.view
    options = [p.name for p in params if p.kind is p.KEYWORD_ONLY]
    kw = ", ".join(f"'{n}': {n}" for n in options)
    defaults = {p.name: p.default for p in params if p.default is not p.empty}
    first = sig.split(",")[0].split("=")[0].strip()
    positional = [p.split("=")[0].strip() for p in sig.split(",")]
    # fn(self, other) is runner(od, (self, other), <the options' defaults>): what a guarded
    # dunder (operands.guard_dunders) calls without fn's frame
    binary = (
        tensors[:1] == [first]
        and len(tensors) == 2
        and positional[1:2] == tensors[1:]
        and all(n in defaults for n in options)
    )
    codes = {}  # (as_method, use_out) -> the code object of that form

    def code_of(as_method, use_out):
        text = sig
        args = list(tensors)
        if as_method:
            text = "self" + text[len(first) :]
            args = ["self" if a == first else a for a in args]
        if use_out:
            star = "*" in (part.strip() for part in text.split(","))
            text += ", out=None" if star else ", *, out=None"
        code = codes[as_method, use_out] = _compiled(
            _CODE.format(
                params=text,
                args=", ".join(args) + ("," if len(args) == 1 else ""),
                kwargs=kw,
                out=", out" if use_out else "",
            )
        )
        return code

    def make(fname, as_method, runner, use_out):
        code = codes.get((as_method, use_out)) or code_of(as_method, use_out)
        namespace = {"_run": runner, "_op": od, "_D": defaults}
        exec(code, namespace)
        fn = namespace["_public"]
        fn.__code__ = fn.__code__.replace(co_name=fname, co_qualname=fname)
        fn.__name__ = fn.__qualname__ = fname
        fn.__doc__ = od.forward.__doc__
        fn.__module__ = "numtorch"
        if binary and as_method and not use_out:
            fn.binary_call = (runner, od, {n: defaults[n] for n in options})
        return fn

    if function:
        FUNCTIONS[od.name] = make(od.name, False, apply, with_out)
    if functional:
        FUNCTIONAL[od.name] = make(od.name, False, apply, False)
    if method:
        METHODS[od.name] = make(od.name, True, apply, False)
    if inplace:
        METHODS[od.name + "_"] = make(od.name + "_", True, apply_inplace, False)
    for d in dunders:
        METHODS[d] = METHODS[od.name] if method else make(d, True, apply, False)
        if d in _INPLACE_DUNDERS:
            METHODS["__i" + d[2:]] = make("__i" + d[2:], True, apply_inplace, False)
    for d in rdunders:
        METHODS[d] = _reflected(od)
    if function:
        return FUNCTIONS[od.name]
    return make(od.name, False, apply, with_out)


_INPLACE_DUNDERS = (
    "__add__",
    "__sub__",
    "__mul__",
    "__truediv__",
    "__floordiv__",
    "__mod__",
    "__pow__",
    "__and__",
    "__or__",
    "__xor__",
    "__lshift__",
    "__rshift__",
    "__matmul__",
)


def _reflected(od):
    def reflected(self, other):
        return apply(od, (other, self), {})

    return reflected


def public(name=None, *, function=True, method=False, functional=False):
    """Registers a hand-written callable (an overload dispatcher) under the public names."""

    def register(fn):
        n = name or fn.__name__
        if function:
            FUNCTIONS[n] = fn
        if method:
            METHODS[n] = fn
        if functional:
            FUNCTIONAL[n] = fn
        return fn

    return register


# ---------------------------------------------------------------- the hot path
#
# Every op call runs through here, so this section trades a little repetition for speed: one
# pass over the arguments finds the device and whether any input requires grad, the common
# promotion cases (tensors of one dtype, scalars of no higher category) skip the three-level
# rule, and a call with no input requiring grad never reads the grad mode or builds a node.

# The category a Python scalar takes part in promotion with (a wrapped number); other types
# (NumPy scalars, ...) go through the general rule.
_CPU = CPU
_numpy = xp_for(CPU)
_new_tensor = Tensor._make


def apply(od, args, params, out=None):
    """Runs op `od` on `args` (tensors and scalars) with keyword `params`; records the graph."""
    if len(args) == 1 and type(args[0]) is Tensor:  # one tensor argument: no loop, no scalars
        a = args[0]
        same = a.dtype
        grad = a._requires_grad
        dev = a._device
        arrays = [a._data]
        xp = _numpy if dev is _CPU else xp_for(dev)
        kind = od.promote
        if kind is SAME or (kind is DEFAULT and not (od.opmath and same in _HALF)):
            res = same
        elif kind is FORWARD:
            res = None
        else:
            res = _uncast_result(od, args, same, False, -1)
            if res is _CAST:
                arrays, res = _cast_arrays(od, args, xp)
    else:
        b = args[1] if len(args) == 2 else None
        if type(b) is Tensor and type(args[0]) is Tensor:  # two tensors: no loop
            a = args[0]
            same, dev = a.dtype, a._device
            grad = a._requires_grad or b._requires_grad
            d = b._device
            if d is not dev and d != dev:
                raise device_mismatch(dev, d)
            mixed = b.dtype is not same
            scalars = -1
            arrays = [a._data, b._data]
        elif type(b) is float and type(args[0]) is Tensor:  # a tensor and a float
            a = args[0]
            same, dev = a.dtype, a._device
            grad = a._requires_grad
            mixed = False
            scalars = _FLOAT
            arrays = [a._data, b]
        else:
            # _prepare_call, inlined: this loop runs for every op call
            dev = same = None
            grad = mixed = False
            scalars = -1
            arrays = []
            for a in args:
                if isinstance(a, Tensor):
                    arrays.append(a._data)
                    if a._requires_grad:
                        grad = True
                    d = a._device
                    if dev is None:
                        dev, same = d, a.dtype
                    else:
                        if d is not dev and d != dev:
                            raise device_mismatch(dev, d)
                        if a.dtype is not same:
                            mixed = True
                else:
                    arrays.append(a)
                    if a is not None:
                        category = _SCALAR_CATEGORY.get(type(a))
                        if category is None:
                            if isinstance(a, _NUMBER_LIKE):
                                return apply(od, python_numbers(args), params, out)
                            mixed = True
                        elif category > scalars:
                            scalars = category
        xp = _numpy if dev is _CPU else xp_for(dev)
        kind = od.promote
        if (
            kind is DEFAULT
            and not mixed
            and same is not None
            and (scalars < 0 or scalars <= same.category != _INT)
            and not (od.opmath and same in _HALF)
        ):
            res = same  # the commonest cases of _uncast_result, without the call
        elif kind is SAME:
            res = args[0].dtype
        elif kind is FORWARD:
            res = None
        else:
            res = _uncast_result(od, args, same, mixed, scalars)
            if res is _CAST:
                arrays, res = _cast_arrays(od, args, xp)
    try:
        if params:
            result = od.forward(xp, *arrays, **params)
        elif len(arrays) == 2:  # spelled out: much cheaper than the star call
            result = od.forward(xp, arrays[0], arrays[1])
        elif len(arrays) == 1:
            result = od.forward(xp, arrays[0])
        else:
            result = od.forward(xp, *arrays)
    except ValueError as e:
        _check_broadcast(args, e)
        raise
    if od.returns is None or type(result) is not tuple:
        if type(result) is not xp.ndarray:
            result = xp.asarray(result)
        if res is None:
            res = _FROM_NP.get(result.dtype) or _dtype.from_numpy_dtype(result.dtype)
        else:
            have = result.dtype
            if have is not res._np and have != res._np:
                result = result.astype(res.np)
        output = _new_tensor(result, res, dev)
        if od.view:  # _make_view, inlined
            base = args[0]
            output._base = base if base._base is None else base._base
            output._vc = base._vc
            output._view_fn = (od, params, base._view_fn)
        if grad and od.backward is not None and _grad_mode.enabled:  # _enabled(), inlined
            od.record1(args, params, output)
        if out is not None:
            return _write_out(out, output, od.label)
        return output
    outputs = tuple(_wrap(r, None, dev, xp) for r in result)
    if od.view:
        for o in outputs:
            _make_view(o, args[0], od, params)
    if grad and od.backward is not None and _enabled():
        _record(od, args, params, outputs)
    if out is not None:
        outputs = tuple(_write_out(o_, r, od.label) for o_, r in zip(out, outputs))
    return outputs if od.returns is tuple else od.returns(*outputs)


def _check_broadcast(args, error):
    """After xp failed: torch's error if the tensor arguments' shapes do not broadcast."""
    shapes = [a.shape for a in args if isinstance(a, Tensor)]
    if len(shapes) > 1 and "broadcast" in str(error):
        broadcast_shapes_of(*shapes)


def _wrap(array, res, dev, xp):
    if type(array) is not xp.ndarray:
        array = xp.asarray(array)
    if res is None:
        res = _dtype.from_numpy_dtype(array.dtype)
    else:
        have = array.dtype
        if have is not res._np and have != res._np:
            array = array.astype(res.np)
    return _new_tensor(array, res, dev)


def _make_view(result, base, od, params):
    result._base = base if base._base is None else base._base
    result._vc = base._vc
    result._view_fn = (od, params, base._view_fn)


def replay_view(view_fn, array, xp):
    """Applies a view's chain of view ops to `array` (shaped like the view's base)."""
    chain = []
    while view_fn is not None:
        chain.append(view_fn)
        view_fn = view_fn[2]
    for od, params, _ in reversed(chain):
        array = od.forward(xp, array, **params)
    return array


# Overload suffixes of op names (sum_dim, pow_tensor_scalar, div_true_mode, eq_scalar_) that
# torch's messages leave out: they name the op as `sum(): ...`.
_OVERLOAD_WORDS = {
    "all",
    "dim",
    "dims",
    "scalar",
    "tensor",
    "round",
    "true",
    "mode",
    "self",
    "other",
    "",
}


def _torch_label(name):
    """The op name torch's messages use for an overload's OpDef name."""
    words = name.lstrip("_").split("_")
    while len(words) > 1 and words[-1] in _OVERLOAD_WORDS:
        words.pop()
    return "_".join(words)


def _write_out(out, result, name=None):
    """Writes `result` into the user's `out=` tensor, as torch does; `name` is the op's name,
    which torch's messages start with."""
    prefix = f"{name}(): " if name else ""
    if not isinstance(out, Tensor):
        raise TypeError(f"{prefix}argument 'out' must be Tensor, not {type(out).__name__}")
    if result._requires_grad and _enabled():
        raise RuntimeError(
            f"{prefix}functions with out=... arguments don't support automatic differentiation, "
            "but one of the arguments requires grad."
        )
    if result.dtype is not out.dtype and not _dtype.can_cast(result.dtype, out.dtype):
        raise cant_cast(result.dtype, out.dtype)
    if out._data.shape != result._data.shape:
        if out._data.size:
            _warn_resized(out._data.shape, result._data.shape)
        out._data = result._data.astype(out.dtype.np)
    else:
        out._data[...] = result._data
    out._bump_version()
    return out


def _warn_resized(old_shape, new_shape):
    """torch's deprecation warning when out= has elements and the wrong shape (it is resized)."""
    import warnings

    old, new = ", ".join(map(str, old_shape)), ", ".join(map(str, new_shape))
    warnings.warn(
        f"An output with one or more elements was resized since it had shape [{old}], which does "
        f"not match the required output shape [{new}]. This behavior is deprecated, and in a "
        "future PyTorch release outputs will not be resized unless they have zero elements. You "
        "can explicitly reuse an out tensor t by resizing it, inplace, to zero elements with "
        "t.resize_(0).",
        UserWarning,
        stacklevel=4,
    )


def apply_inplace(od, args, params):
    """`self.<op>_(...)`: computes out of place, then writes into self's memory and history."""
    self = args[0]
    if not isinstance(self, Tensor):
        raise TypeError(f"in-place op on a {type(self).__name__}")
    recording = od.backward is not None and _grad_mode.enabled
    if recording and self._requires_grad and self.grad_fn is None:
        raise RuntimeError(LEAF_INPLACE)
    if recording and self._base is not None and self._base._requires_grad:
        if self._base.grad_fn is None:
            raise RuntimeError(VIEW_OF_LEAF_INPLACE)
    try:
        dev, xp, arrays, res, grad = _prepare_call(od, args)
    except _NumpyScalars:
        args = python_numbers(args)
        dev, xp, arrays, res, grad = _prepare_call(od, args)
    try:
        if params:
            result = od.forward(xp, *arrays, **params)
        elif len(arrays) == 2:
            result = od.forward(xp, arrays[0], arrays[1])
        else:
            result = od.forward(xp, *arrays)
    except ValueError as e:
        _check_broadcast(args, e)
        raise
    if type(result) is not xp.ndarray:
        result = xp.asarray(result)
    if res is None:
        res = _dtype.from_numpy_dtype(result.dtype)
    if res is not self.dtype and not _dtype.can_cast(res, self.dtype):
        raise cant_cast(res, self.dtype)
    if result.shape != self._data.shape:
        raise shape_mismatch_inplace(self._data.shape, result.shape)
    recording = recording and grad  # grad: some input requires grad
    old_self = None
    if recording and any(i == 0 for i, _ in od.saved_inputs):
        old_self = self._alias_without_graph()._private_copy()
        old_self._requires_grad = self._requires_grad
        old_self.grad_fn, old_self._output_nr = self.grad_fn, self._output_nr
    self._data[...] = result
    self._vc[0] += 1  # self._bump_version()
    if recording:
        needs = tuple([isinstance(a, Tensor) and a._requires_grad for a in args])
        _rebase_history(self, od, args, params, needs, old_self)
    return self


def _rebase_history(self, od, args, params, needs, old_self):
    """Makes the in-place op the new grad_fn of self (or, for a view, of its base)."""
    from numtorch.autograd.inplace import copy_slices

    node = _new_node(od, params, _edges(args))
    _fill_node(node, od, args, params, (self,), needs, saved_self=old_self)
    if self._base is None:
        self.grad_fn = node
        self._requires_grad = True
        self._output_nr = 0
    else:
        copy_slices(self, node)
