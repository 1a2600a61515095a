"""Thread-local grad mode: no_grad, enable_grad, set_grad_enabled, inference_mode.

Each works as a context manager and as a decorator, like torch's.
"""

import functools
import threading


class _State(threading.local):
    """Per-thread modes; the class attributes are every thread's starting values (reading them
    is much cheaper than getattr with a default, and ops read `enabled` on every call)."""

    enabled = True
    inference = False


_state = _State()


def is_grad_enabled():
    """Same as `torch.is_grad_enabled`."""
    return _state.enabled


def _set(flag):
    _state.enabled = flag


def is_inference_mode_enabled():
    """Same as `torch.is_inference_mode_enabled`."""
    return _state.inference


class _Mode:
    """A context manager that is also a decorator; subclasses say what `__enter__` sets."""

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self.clone():
                return func(*args, **kwargs)

        return wrapper

    def clone(self):
        return self.__class__()


class _BareDecorator(_Mode):
    """A mode that also decorates without parentheses: `@no_grad` as well as `@no_grad()`."""

    def __new__(cls, orig_func=None):
        if orig_func is not None and callable(orig_func):
            return cls()(orig_func)
        return super().__new__(cls)

    def __init__(self, orig_func=None):
        pass


class no_grad(_BareDecorator):
    """Same as `torch.no_grad`: ops inside record no graph."""

    def __enter__(self):
        self._prev = is_grad_enabled()
        _set(False)

    def __exit__(self, *exc):
        _set(self._prev)
        return False


class enable_grad(_BareDecorator):
    """Same as `torch.enable_grad`."""

    def __enter__(self):
        self._prev = is_grad_enabled()
        _set(True)

    def __exit__(self, *exc):
        _set(self._prev)
        return False


class set_grad_enabled(_Mode):
    """Same as `torch.set_grad_enabled`: takes effect at once, and also works with `with`."""

    def __init__(self, mode):
        self._prev = is_grad_enabled()
        self.mode = bool(mode)
        _set(self.mode)

    def __enter__(self):
        pass

    def __exit__(self, *exc):
        _set(self._prev)
        return False

    def clone(self):
        return self.__class__(self.mode)


class inference_mode(_Mode):
    """Same as `torch.inference_mode`: in numtorch, grad mode off (no inference-tensor flag)."""

    def __new__(cls, mode=True):
        if callable(mode):  # used bare, as `@inference_mode`
            return cls()(mode)
        return super().__new__(cls)

    def __init__(self, mode=True):
        self.mode = mode

    def __enter__(self):
        self._prev = (is_grad_enabled(), is_inference_mode_enabled())
        if self.mode:
            _set(False)
            _state.inference = True

    def __exit__(self, *exc):
        _set(self._prev[0])
        _state.inference = self._prev[1]
        return False

    def clone(self):
        return self.__class__(self.mode)
