"""assert_close: tensors, Python scalars, sequences and mappings compared as torch compares
them, failing with torch's messages."""

import math
import warnings
from collections.abc import Mapping, Sequence

from numtorch import _dtype
from numtorch._tensor import Tensor

# (rtol, atol) by dtype; integers and bool compare exactly
_TOLERANCES = {
    "float16": (1e-3, 1e-5),
    "bfloat16": (1.6e-2, 1e-5),
    "float32": (1.3e-6, 1e-5),
    "float64": (1e-7, 1e-7),
    "complex64": (1.3e-6, 1e-5),
    "complex128": (1e-7, 1e-7),
}


class _Failure(Exception):
    def __init__(self, exc_type, message):
        super().__init__(message)
        self.exc_type, self.message = exc_type, message


def _tolerances(*dtypes):
    pairs = [_TOLERANCES.get(d.name, (0.0, 0.0)) for d in dtypes]
    return max(p[0] for p in pairs), max(p[1] for p in pairs)


def assert_close(
    actual,
    expected,
    *,
    allow_subclasses=True,
    rtol=None,
    atol=None,
    equal_nan=False,
    check_device=True,
    check_dtype=True,
    check_layout=True,
    check_stride=False,
    msg=None,
):
    """Same as `torch.testing.assert_close`: values within atol + rtol * |expected| (NaN equal
    only with equal_nan), after checking shape, device and dtype."""
    if (rtol is None) != (atol is None):
        missing = "atol" if atol is None else "rtol"
        raise ValueError(
            f"Both 'rtol' and 'atol' must be either specified or omitted, but got no {missing}."
        )
    options = {
        "rtol": rtol,
        "atol": atol,
        "equal_nan": equal_nan,
        "check_device": check_device,
        "check_dtype": check_dtype,
        "check_stride": check_stride,
    }
    try:
        _compare(actual, expected, options, [])
    except _Failure as failure:
        text = failure.message
        if msg is not None:
            text = msg(text) if callable(msg) else msg
        raise failure.exc_type(text) from None


def _item_path(path):
    return "".join(f"[{p!r}]" for p in path)


def _fail(exc_type, message, path):
    if path:
        message += f"\n\nThe failure occurred for item {_item_path(path)}"
    raise _Failure(exc_type, message)


_NUMBER = (bool, int, float, complex)


def _compare(actual, expected, options, path):
    if actual is None and expected is None:
        return
    if isinstance(actual, Tensor) and isinstance(expected, Tensor):
        return _compare_tensors(actual, expected, options, path)
    if isinstance(actual, _NUMBER) and isinstance(expected, _NUMBER):
        if type(actual) is not type(expected) and options["check_dtype"]:
            _fail(
                AssertionError,
                f"The (d)types do not match: {type(actual)} != {type(expected)}.",
                path,
            )
        return _compare_scalars(actual, expected, options, path, _python_dtype(expected))
    if isinstance(actual, Mapping) and isinstance(expected, Mapping):
        if set(actual) != set(expected):
            _fail(
                AssertionError,
                "The keys of the mappings do not match:\n"
                f"Missing keys in the actual mapping: {sorted(set(expected) - set(actual))}\n"
                f"Additional keys in the actual mapping: {sorted(set(actual) - set(expected))}",
                path,
            )
        for key in expected:
            _compare(actual[key], expected[key], options, path + [key])
        return
    if (
        isinstance(actual, Sequence)
        and isinstance(expected, Sequence)
        and not isinstance(actual, str)
        and not isinstance(expected, str)
    ):
        if len(actual) != len(expected):
            _fail(
                AssertionError,
                f"The length of the sequences mismatch: {len(actual)} != {len(expected)}",
                path,
            )
        for i, (a, e) in enumerate(zip(actual, expected)):
            _compare(a, e, options, path + [i])
        return
    _fail(
        TypeError,
        "No comparison pair was able to handle inputs of type "
        f"{_class_text(type(actual))} and {_class_text(type(expected))}.",
        path,
    )


def _class_text(cls):
    if cls is Tensor:
        return "<class 'torch.Tensor'>"
    return repr(cls)


def _python_dtype(value):
    if isinstance(value, bool):
        return _dtype.bool
    if isinstance(value, int):
        return _dtype.int64
    if isinstance(value, float):
        return _dtype.float64
    return _dtype.complex128


def _compare_scalars(actual, expected, options, path, dtype):
    rtol, atol = options["rtol"], options["atol"]
    if rtol is None:
        rtol, atol = _tolerances(dtype)
    if _close(actual, expected, rtol, atol, options["equal_nan"]):
        return
    exact = dtype.category < _dtype.FLOAT
    abs_diff = abs(actual - expected)
    rel_diff = abs_diff / abs(expected) if expected != 0 else (math.inf if abs_diff else 0.0)
    if exact:
        abs_text = f"Absolute difference: {abs_diff}"
        rel_text = f"Relative difference: {rel_diff}"
    else:
        abs_text = f"Absolute difference: {abs_diff} (up to {atol} allowed)"
        rel_text = f"Relative difference: {rel_diff} (up to {rtol} allowed)"
    kind = "equal" if exact else "close"
    _fail(
        AssertionError,
        f"Scalars are not {kind}!\n\nExpected {expected} but got {actual}.\n{abs_text}\n{rel_text}",
        path,
    )


def _close(a, e, rtol, atol, equal_nan):
    if a == e:
        return True
    if isinstance(a, complex) or isinstance(e, complex):
        if equal_nan and (_isnan(a) and _isnan(e)):
            return True
    elif equal_nan and math.isnan(a) and math.isnan(e):
        return True
    if not (math.isfinite(abs(a)) and math.isfinite(abs(e))):
        return False
    return abs(a - e) <= atol + rtol * abs(e)


def _isnan(z):
    return math.isnan(z.real) or math.isnan(z.imag)


def _attribute_mismatch(name, a, e, path):
    _fail(
        AssertionError,
        f"The values for attribute '{name}' do not match: {a} != {e}.",
        path,
    )


def _compare_tensors(actual, expected, options, path):
    if actual.shape != expected.shape:
        _attribute_mismatch("shape", actual.shape, expected.shape, path)
    if options["check_device"] and actual.device != expected.device:
        _attribute_mismatch("device", actual.device, expected.device, path)
    if options["check_dtype"] and actual.dtype is not expected.dtype:
        _attribute_mismatch("dtype", actual.dtype, expected.dtype, path)
    if options["check_stride"] and actual.stride() != expected.stride():
        _attribute_mismatch("stride()", actual.stride(), expected.stride(), path)
    rtol, atol = options["rtol"], options["atol"]
    if rtol is None:
        rtol, atol = _tolerances(actual.dtype, expected.dtype)
    a, e = actual.detach(), expected.detach()
    if a.dtype is not e.dtype:
        common = _dtype.promote_types(a.dtype, e.dtype)
        a, e = a.to(common), e.to(common)
    if a.numel() == 0:
        return
    if a.dim() == 0:
        return _compare_scalars(
            a.item(), e.item(), options | {"rtol": rtol, "atol": atol}, path, a.dtype
        )
    _compare_values(a, e, rtol, atol, options["equal_nan"], path)


def _compare_values(a, e, rtol, atol, equal_nan, path):
    import numtorch

    exact = a.dtype.category < _dtype.FLOAT
    if exact:
        matches = a == e
    else:
        matches = numtorch.isclose(a, e, rtol=rtol, atol=atol, equal_nan=equal_nan)
    if bool(matches.all()):
        return
    total = matches.numel()
    mismatched = total - int(matches.sum())
    if a.dtype is _dtype.bool:
        a, e = a.to(_dtype.int64), e.to(_dtype.int64)
    abs_diff = (a - e).abs()
    with warnings.catch_warnings():  # x / 0 is inf (or nan), as in torch
        warnings.simplefilter("ignore", RuntimeWarning)
        rel_diff = abs_diff / e.abs()
    abs_diff = abs_diff.masked_fill(matches, 0)
    rel_diff = rel_diff.masked_fill(matches, 0)
    lines = [
        f"Tensor-likes are not {'equal' if exact else 'close'}!",
        "",
        f"Mismatched elements: {mismatched} / {total} ({100 * mismatched / total:.1f}%)",
    ]
    for label, diff, tol in (("absolute", abs_diff, atol), ("relative", rel_diff, rtol)):
        index, value = _greatest(diff)
        line = f"Greatest {label} difference: {value} at index {index}"
        if not exact:
            line += f" (up to {tol} allowed)"
        lines.append(line)
    _fail(AssertionError, "\n".join(lines), path)


def _greatest(diff):
    """The largest value (NaN first, as torch's argmax finds it) and its index tuple."""
    flat = diff.reshape(-1)
    nan = flat.isnan()
    k = int(nan.to(_dtype.int64).argmax()) if bool(nan.any()) else int(flat.argmax())
    value = flat[k].item()
    index = []
    for n in reversed(diff.shape):
        index.append(k % n)
        k //= n
    return tuple(reversed(index)), value
