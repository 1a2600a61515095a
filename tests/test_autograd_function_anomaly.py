"""Anomaly mode (numtorch.autograd.detect_anomaly / set_detect_anomaly).

Scenarios run on numtorch and live torch (skipped without torch) and compare the error, the
warnings' first lines and which forward source lines the tracebacks show (torch's also list
frames of its own Python code, numtorch's leave its machinery out); the tests after them run
without torch.
"""

import warnings

import pytest

import numtorch
from numtorch.autograd.anomaly_mode import is_anomaly_enabled
from numtorch.autograd.function import Function


def run(fn, lib):
    """(result or error, [(category, first line, forward source lines shown)] per warning)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = fn(lib)
        except Exception as e:  # noqa: BLE001 - the exception is compared
            result = ("raised", type(e).__name__, str(e))
    shown = []
    for w in caught:
        if issubclass(w.category, RuntimeWarning) or "torch.jit" in str(w.message):
            continue
        text = str(w.message).split(" (Triggered internally")[0]
        lines = text.split("\n")
        head = next(line for line in lines if line)
        code = [line.strip() for line in lines if line.startswith("    ") and "# fwd" in line]
        shown.append((w.category.__name__, head, code))
    return result, shown


def s_nan_division(lib):
    x = lib.zeros(2, requires_grad=True)
    with lib.autograd.detect_anomaly():
        y = x / x  # fwd: division
        y.sum().backward()


def s_nan_outside_forward(lib):
    x = lib.zeros(2, requires_grad=True)
    y = x / x
    with lib.autograd.detect_anomaly():
        y.sum().backward()


def s_nan_deeper(lib):
    x = lib.zeros(2, requires_grad=True)
    with lib.autograd.detect_anomaly():
        y = x / x  # fwd: division
        z = y.exp()  # fwd: exp
        w = z * 2
        lib.autograd.grad(w.sum(), x)


def s_check_nan_off(lib):
    x = lib.zeros(2, requires_grad=True)
    with lib.autograd.detect_anomaly(check_nan=False):
        (x / x).sum().backward()
    return [x.grad.isnan().tolist(), lib.is_anomaly_enabled()]


def s_custom_error(lib):
    class Boom(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            raise ValueError("boom")

    x = lib.ones(2, requires_grad=True)
    with lib.autograd.detect_anomaly():
        y = Boom.apply(x)  # fwd: custom
        y.sum().backward()


def s_custom_nan(lib):
    class NanGrad(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g * float("nan")

    x = lib.ones(2, requires_grad=True)
    with lib.autograd.detect_anomaly():
        y = NanGrad.apply(x)  # fwd: custom
        y.sum().backward()


def s_double_backward_parent(lib):
    with lib.autograd.detect_anomaly():
        x = lib.tensor([0.0, 1.0], requires_grad=True)
        y = x.sqrt()  # fwd: sqrt
        (g,) = lib.autograd.grad(y.sum(), x, create_graph=True)  # fwd: grad
        keys = sorted(g.grad_fn.metadata)
        (g * 0).sum().backward()
    return keys


def s_metadata(lib):
    with lib.autograd.detect_anomaly():
        x = lib.ones(2, requires_grad=True)
        y = x * 3  # fwd: mul
    trace = y.grad_fn.metadata["traceback_"]
    return [sorted(y.grad_fn.metadata), [line for line in trace if "# fwd" in line][-1].strip()]


def s_modes(lib):
    states = [lib.is_anomaly_enabled()]
    d = lib.autograd.detect_anomaly(check_nan=False)
    states.append([d.prev, d.check_nan, d.prev_check_nan, lib.is_anomaly_enabled()])
    with d:
        states.append([lib.is_anomaly_enabled(), lib.is_anomaly_check_nan_enabled()])
    states.append([lib.is_anomaly_enabled(), lib.is_anomaly_check_nan_enabled()])
    s = lib.autograd.set_detect_anomaly(True)
    states.append([lib.is_anomaly_enabled(), s.prev])
    with lib.autograd.set_detect_anomaly(False):
        states.append(lib.is_anomaly_enabled())
    states.append(lib.is_anomaly_enabled())
    lib.autograd.set_detect_anomaly(False)
    lib.set_anomaly_enabled(True, check_nan=False)
    states.append([lib.is_anomaly_enabled(), lib.is_anomaly_check_nan_enabled()])
    lib.set_anomaly_enabled(False)
    states.append([lib.is_anomaly_enabled(), lib.is_anomaly_check_nan_enabled()])
    return states


def s_not_a_decorator(lib):
    return lib.autograd.detect_anomaly()(lambda: 1)


SCENARIOS = [v for k, v in sorted(globals().items()) if k.startswith("s_")]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda f: f.__name__[2:])
def test_same_as_torch(scenario):
    torch = pytest.importorskip("torch")
    try:
        got, want = run(scenario, numtorch), run(scenario, torch)
    finally:
        torch.set_anomaly_enabled(False)
        numtorch.set_anomaly_enabled(False)
    assert got == want


# ----------------------------------------------------------------- numtorch alone


def test_nan_error_and_forward_trace():
    x = numtorch.zeros(2, requires_grad=True)
    with pytest.warns(UserWarning, match="Anomaly Detection has been enabled"):
        mode = numtorch.autograd.detect_anomaly()
    with mode:
        y = x / x  # the forward line
        with pytest.warns(UserWarning) as caught:
            with pytest.raises(RuntimeError) as error:
                y.sum().backward()
    assert str(error.value) == "Function 'DivBackward0' returned nan values in its 1th output."
    (message,) = [str(w.message) for w in caught if w.category is UserWarning]
    assert message.startswith(
        "Error detected in DivBackward0. Traceback of forward call that caused the error:\n"
    )
    assert "    y = x / x  # the forward line\n" in message
    assert "numtorch/_ops" not in message and "<string>" not in message
    assert not is_anomaly_enabled()


def test_custom_function_error_names_its_node():
    class Boom(Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            raise ValueError("boom")

    x = numtorch.ones(1, requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mode = numtorch.autograd.detect_anomaly()
    with mode:
        y = Boom.apply(x)
        with pytest.warns(UserWarning, match="^Error detected in BoomBackward"):
            with pytest.raises(ValueError, match="boom"):
                y.backward()


def test_off_by_default_and_no_metadata():
    assert not numtorch.is_anomaly_enabled()
    y = numtorch.ones(1, requires_grad=True) * 2
    assert y.grad_fn.metadata == {}
