"""The weights-only unpickler `load` uses by default: it runs a small stack machine over the pickle's
opcodes and only ever calls or builds what torch's allowlist names (tensors, storages, dtypes,
containers, ...) plus what the user adds with `add_safe_globals`. A file that names anything else
(os.system, builtins.eval, subprocess, a module class) is refused with torch's UnpicklingError
before anything in it runs.

Opcodes are decoded by `pickletools.genops`, which only parses; nothing here imports or calls what
a file names unless the name is on the list.
"""

import _compat_pickle
import collections
import pickletools
import warnings
from pickle import UnpicklingError

from numtorch.serialization._names import BLOCKED_MODULES, torch_globals
from numtorch.serialization._rebuild import parameter_class

_user_globals = set()


def add_safe_globals(safe_globals):
    """Same as `torch.serialization.add_safe_globals`: marks functions/classes (or
    (object, "module.qualname") pairs) as loadable by a weights-only load."""
    global _user_globals
    _user_globals = _user_globals | set(safe_globals)


def get_safe_globals():
    """Same as `torch.serialization.get_safe_globals`: the user-added globals."""
    return list(_user_globals)


def clear_safe_globals():
    """Same as `torch.serialization.clear_safe_globals`."""
    global _user_globals
    _user_globals = set()


def _remove_safe_globals(safe_globals):
    global _user_globals
    _user_globals = _user_globals - set(safe_globals)


class safe_globals:
    """Same as `torch.serialization.safe_globals`: a context manager that allows `safe_globals`
    in weights-only loads inside it."""

    def __init__(self, safe_globals):
        self.safe_globals = safe_globals

    def __enter__(self):
        add_safe_globals(self.safe_globals)

    def __exit__(self, exc_type, exc, tb):
        _remove_safe_globals(self.safe_globals)


def user_globals():
    """The user-added globals keyed by their path; a numtorch object also answers to its torch
    path, so allowing numtorch.nn.Linear lets a torch-written file naming torch's Linear load."""
    table = {}
    for entry in _user_globals:
        if isinstance(entry, tuple):
            if len(entry) != 2:
                raise ValueError(
                    "Expected tuple of length 2 (global, str of callable full path), but got "
                    f"tuple of length: {len(entry)}"
                )
            if type(entry[1]) is not str:
                raise TypeError(
                    "Expected second item in tuple to be str of callable full path, but got: "
                    f"{type(entry[1])}"
                )
            table[entry[1]] = entry[0]
            continue
        path = f"{entry.__module__}.{entry.__qualname__}"
        table[path] = entry
        if path.startswith("numtorch."):
            table.setdefault("torch." + path[len("numtorch.") :], entry)
    return table


def global_path(module, name):
    """The path torch checks for GLOBAL module/name, after Python 2 name fixes."""
    if (module, name) in _compat_pickle.NAME_MAPPING:
        module, name = _compat_pickle.NAME_MAPPING[(module, name)]
    elif module in _compat_pickle.IMPORT_MAPPING:
        module = _compat_pickle.IMPORT_MAPPING[module]
    return module, name


def _unsupported_global(path):
    shown = path
    if shown.startswith("builtins"):
        rest = shown[len("builtins") :]
        shown = rest[1:] if rest.startswith(".") else shown
    return UnpicklingError(
        f"Unsupported global: GLOBAL {shown} was not an allowed global by default. Please use "
        f"`torch.serialization.add_safe_globals([{shown}])` or the "
        f"`torch.serialization.safe_globals([{shown}])` context manager to allowlist this global "
        "if you trust this class/function."
    )


def _contains(values, obj):
    return any(v is obj for v in values)


class WeightsOnlyUnpickler:
    """Loads one pickle from `file` allowing only torch's safe globals and the user's."""

    def __init__(self, file, *, encoding="bytes", persistent_load=None):
        self.file = file
        self.encoding = encoding
        self._persistent_load = persistent_load
        self.memo = {}

    def persistent_load(self, pid):
        if self._persistent_load is None:
            raise UnpicklingError("unsupported persistent id encountered")
        return self._persistent_load(pid)

    def load(self):
        allowed = torch_globals()
        users = user_globals()
        self.stack = []
        self.marks = []
        parameter = parameter_class()
        try:
            ops = pickletools.genops(self.file)
            for opcode, arg, _pos in ops:
                result = self._step(opcode, arg, allowed, users, parameter)
                if result is not _CONTINUE:
                    return result
        except ValueError as e:  # genops: a byte that is no opcode at all
            if "unknown" in str(e):
                raise UnpicklingError(f"Unsupported operand {_unknown_byte(e)}") from None
            raise
        raise EOFError

    def _pop_mark(self):
        items = self.stack
        self.stack = self.marks.pop()
        return items

    def _step(self, opcode, arg, allowed, users, parameter):
        name = opcode.name
        stack = self.stack
        if name == "GLOBAL":
            module, attr = global_path(*arg.split(" ", 1))
            path = f"{module}.{attr}"
            if module in BLOCKED_MODULES:
                raise UnpicklingError(
                    f"Trying to load unsupported GLOBAL {path} whose module {module} is blocked."
                )
            if path in allowed:
                stack.append(allowed[path])
            elif path in users:
                stack.append(users[path])
            else:
                raise _unsupported_global(path)
        elif name == "NEWOBJ":
            args = stack.pop()
            cls = stack.pop()
            if parameter is not None and cls is parameter:
                stack.append(parameter(*args))
            elif _contains(users.values(), cls) or _contains(allowed.values(), cls):
                stack.append(cls.__new__(cls, *args))
            else:
                raise UnpicklingError(
                    "Can only create new object for nn.Parameter or classes allowlisted via "
                    f"`add_safe_globals` but got {cls}"
                )
        elif name == "REDUCE":
            args = stack.pop()
            func = stack[-1]
            if not (_contains(allowed.values(), func) or _contains(users.values(), func)):
                message = f"Trying to call reduce for unrecognized function {func}"
                if hasattr(func, "__self__"):
                    message += f" which belongs to {func.__self__}"
                raise UnpicklingError(message)
            stack[-1] = func(*args)
        elif name == "BUILD":
            self._build(stack.pop(), stack[-1], allowed, users, parameter)
        elif name == "APPEND":
            item = stack.pop()
            if type(stack[-1]) is not list:
                raise UnpicklingError(f"Can only append to lists, but got {type(stack[-1])}")
            stack[-1].append(item)
        elif name == "APPENDS":
            items = self._pop_mark()
            if type(self.stack[-1]) is not list:
                raise UnpicklingError(f"Can only extend lists, but got {type(self.stack[-1])}")
            self.stack[-1].extend(items)
        elif name == "SETITEM":
            value, key = stack.pop(), stack.pop()
            self._check_mapping("SETITEM")
            stack[-1][key] = value
        elif name == "SETITEMS":
            items = self._pop_mark()
            self._check_mapping("SETITEMS")
            target = self.stack[-1]
            for i in range(0, len(items), 2):
                target[items[i]] = items[i + 1]
        elif name == "MARK":
            self.marks.append(stack)
            self.stack = []
        elif name == "TUPLE":
            items = self._pop_mark()
            self.stack.append(tuple(items))
        elif name == "TUPLE1":
            stack[-1] = (stack[-1],)
        elif name == "TUPLE2":
            stack[-2:] = [(stack[-2], stack[-1])]
        elif name == "TUPLE3":
            stack[-3:] = [(stack[-3], stack[-2], stack[-1])]
        elif name in _CONSTANTS:
            stack.append(_CONSTANTS[name]())
        elif name in ("BININT", "BININT1", "BININT2", "BINFLOAT", "LONG1", "BINUNICODE"):
            stack.append(arg)
        elif name == "SHORT_BINSTRING":
            data = arg.encode("latin-1")
            stack.append(data if self.encoding == "bytes" else data.decode(self.encoding, "strict"))
        elif name == "BINPERSID":
            pid = stack.pop()
            if type(pid) is not tuple and type(pid) is not int:
                raise UnpicklingError(
                    f"persistent_load id must be tuple or int, but got {type(pid)}"
                )
            if type(pid) is tuple and pid and _ascii(pid[0]) != "storage":
                raise UnpicklingError(
                    f"Only persistent_load of storage is allowed, but got {type(pid[0])}"
                )
            stack.append(self.persistent_load(pid))
        elif name in ("BINGET", "LONG_BINGET"):
            stack.append(self.memo[arg])
        elif name in ("BINPUT", "LONG_BINPUT"):
            if arg < 0:
                raise ValueError("negative argument")
            self.memo[arg] = stack[-1]
        elif name == "PROTO":
            if arg != 2:
                warnings.warn(
                    f"Detected pickle protocol {arg} in the checkpoint, which was not the default "
                    "pickle protocol used by `torch.load` (2). The weights_only Unpickler might "
                    "not support all instructions implemented by this protocol, please file an "
                    "issue for adding support if you encounter this.",
                    stacklevel=4,
                )
        elif name == "STOP":
            return stack.pop()
        else:
            raise UnpicklingError(f"Unsupported operand {opcode.code.encode('latin-1')[0]}")
        return _CONTINUE

    def _build(self, state, inst, allowed, users, parameter):
        from numtorch._tensor import Tensor

        kind = type(inst)
        if kind is Tensor:
            raise UnpicklingError("numtorch cannot rebuild a legacy Tensor.set_ state")
        if kind is collections.OrderedDict:
            inst.__dict__.update(state)
            return
        if (parameter is not None and kind is parameter) or (
            _contains(users.values(), kind) or _contains(allowed.values(), kind)
        ):
            if hasattr(inst, "__setstate__") and kind is not parameter:
                inst.__setstate__(state)
                return
            slots = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slots = state
            if state:
                inst.__dict__.update(state)
            if slots:
                for key, value in slots.items():
                    setattr(inst, key, value)
            return
        raise UnpicklingError(
            "Can only build Tensor, Parameter, OrderedDict or types allowlisted via "
            f"`add_safe_globals`, but got {kind}"
        )

    def _check_mapping(self, opcode):
        if type(self.stack[-1]) not in (dict, collections.OrderedDict, collections.Counter):
            raise UnpicklingError(
                f"Can only {opcode} for dict, collections.OrderedDict, collections.Counter, but "
                f"got {type(self.stack[-1])}"
            )


_CONTINUE = object()
_CONSTANTS = {
    "NONE": lambda: None,
    "NEWFALSE": lambda: False,
    "NEWTRUE": lambda: True,
    "EMPTY_TUPLE": tuple,
    "EMPTY_LIST": list,
    "EMPTY_DICT": dict,
    "EMPTY_SET": set,
}


def _ascii(value):
    return value.decode("ascii") if isinstance(value, bytes) else value


def _unknown_byte(error):
    """The byte value genops names in its "opcode '\\xff' unknown" error."""
    import ast
    import re

    found = re.search(r"opcode (.+) unknown", str(error))
    try:
        return ord(ast.literal_eval(found.group(1)))
    except (AttributeError, ValueError, SyntaxError, TypeError):
        return str(error)


def globals_in_pickle(data):
    """The GLOBAL paths a pickle names, read without running it."""
    import io

    found = set()
    for opcode, arg, _pos in pickletools.genops(io.BytesIO(data)):
        if opcode.name == "GLOBAL":
            module, attr = global_path(*arg.split(" ", 1))
            found.add(f"{module}.{attr}")
    return found


def unsafe_globals(data):
    """The globals in pickle `data` that a weights-only load would refuse, sorted."""
    safe = set(torch_globals()) | set(user_globals())
    return sorted(globals_in_pickle(data) - safe)


__all__ = [
    "UnpicklingError",
    "WeightsOnlyUnpickler",
    "add_safe_globals",
    "clear_safe_globals",
    "get_safe_globals",
    "safe_globals",
]
