"""Anomaly detection: detect_anomaly, set_detect_anomaly, is_anomaly_enabled.

While it is on, every graph node made records the Python stack of the forward call that made it
(`grad_fn.metadata["traceback_"]`, as torch's), and the backward engine checks each node: a node
whose gradients contain NaN raises torch's RuntimeError, and any error raised while a node runs
is preceded by a UserWarning that shows that node's forward traceback.
"""

import os
import threading
import traceback
import warnings

__all__ = ["detect_anomaly", "set_detect_anomaly", "is_anomaly_enabled"]

ENABLED_WARNING = (
    "Anomaly Detection has been enabled. This mode will increase the runtime and should only be "
    "enabled for debugging."
)


# Process-wide, as torch's (graph.Node and the engine read `enabled` directly).
enabled = False
check_nan = True


class _Running(threading.local):
    node = None  # the node the engine runs now (the parent of nodes a create_graph makes)


_running = _Running()


def is_anomaly_enabled():
    """Same as `torch.is_anomaly_enabled`."""
    return enabled


def is_anomaly_check_nan_enabled():
    """Same as `torch.is_anomaly_check_nan_enabled`."""
    return check_nan


def set_anomaly_enabled(enabled, check_nan=True):
    """Same as `torch.set_anomaly_enabled`."""
    globals().update(enabled=bool(enabled), check_nan=bool(check_nan))


class detect_anomaly:
    """Same as `torch.autograd.detect_anomaly`: a context manager that turns anomaly detection on
    (torch 2.13's is not a decorator)."""

    def __init__(self, check_nan=True):
        self.prev = is_anomaly_enabled()
        self.check_nan = check_nan
        self.prev_check_nan = is_anomaly_check_nan_enabled()
        warnings.warn(ENABLED_WARNING, UserWarning, stacklevel=2)

    def __enter__(self):
        set_anomaly_enabled(True, self.check_nan)

    def __exit__(self, *args):
        set_anomaly_enabled(self.prev, self.prev_check_nan)


class set_detect_anomaly:
    """Same as `torch.autograd.set_detect_anomaly`: sets the mode when made; as a context
    manager, puts the previous mode back on exit."""

    def __init__(self, mode, check_nan=True):
        self.prev = is_anomaly_enabled()
        self.prev_check_nan = is_anomaly_check_nan_enabled()
        set_anomaly_enabled(mode, check_nan)

    def __enter__(self):
        pass

    def __exit__(self, *args):
        set_anomaly_enabled(self.prev, self.prev_check_nan)


# Frames in these folders are numtorch's op and autograd machinery (C++ in torch, which leaves it
# out of its tracebacks); nn modules are Python in torch too and stay.
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_HIDDEN = tuple(
    os.path.join(_PACKAGE, part) for part in ("_ops", "autograd", "_tensor.py", "_creation.py")
)


def record_forward(node):
    """Called for each new node while anomaly mode is on: keeps its forward stack."""
    stack = [
        f
        for f in traceback.extract_stack()[:-2]
        if not f.filename.startswith(_HIDDEN) and f.filename != "<string>"  # exec-made op code
    ]
    metadata = node.metadata
    metadata["traceback_"] = traceback.format_list(stack)
    if _running.node is not None:
        metadata["parent_"] = _running.node


def _trace_text(node):
    metadata = getattr(node, "_metadata", None) or {}
    return "".join(metadata.get("traceback_", ()))


def report_error(node):
    """torch's warnings when a node fails in anomaly mode: its forward traceback, then one per
    node whose backward made it (double backward), as torch's separate warnings."""
    trace = _trace_text(node)
    if not trace:
        warnings.warn(
            f"Error detected in {node.name()}. No forward pass information available. Enable "
            "detect anomaly during forward pass for more information.",
            UserWarning,
            stacklevel=4,
        )
        return
    warnings.warn(
        f"Error detected in {node.name()}. Traceback of forward call that caused the "
        f"error:\n{trace}",
        UserWarning,
        stacklevel=4,
    )
    parent = node._metadata.get("parent_")
    while parent is not None:
        warnings.warn(
            f"\n\nPrevious calculation was induced by {parent.name()}. Traceback of forward "
            f"call that induced the previous calculation:\n{_trace_text(parent)}",
            UserWarning,
            stacklevel=4,
        )
        parent = (getattr(parent, "_metadata", None) or {}).get("parent_")


def check_outputs(node, grads):
    """torch's error for a node whose gradients contain NaN (with check_nan on)."""
    if not check_nan:
        return
    for i, g in enumerate(grads):
        if g is None or g.dtype.category < 2:  # only float and complex gradients can be NaN
            continue
        data = g._data
        if (data != data).any():
            raise RuntimeError(f"Function '{node.name()}' returned nan values in its {i}th output.")


class NodeErrors:
    """The engine's guard while anomaly mode is on: the engine sets `running(node)` before each
    node; an error raised in it is reported with that node's forward traceback."""

    __slots__ = ("prev",)

    def __enter__(self):
        self.prev = _running.node
        return self

    def __exit__(self, kind, error, tb):
        node = _running.node
        _running.node = self.prev
        if kind is not None and node is not None and issubclass(kind, Exception):
            report_error(node)
        return False


def running(node):
    _running.node = node
