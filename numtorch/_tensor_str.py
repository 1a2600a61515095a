"""How a tensor prints: `repr(t)` and `str(t)`, byte for byte as PyTorch prints them.

All the arithmetic runs in NumPy on a host copy of the (already summarised) data, never through
numtorch's own ops, so printing keeps working while an op is broken and cannot recurse into itself.

The rules follow torch's `_tensor_str`: one `_Formatter` per tensor (two for complex, one for the
real parts and one for the imaginary parts) fixes a common width and the notation (integer-like,
fixed point or scientific) from the non-zero finite values; then the nested lists are laid out with
torch's indentation and line wrapping, and suffixes such as `dtype=` close the text.
"""

import contextlib
import dataclasses
import math

import numpy

from numtorch import _device, _dtype

__all__ = [
    "PRINT_OPTS",
    "format_array",
    "get_printoptions",
    "printoptions",
    "set_printoptions",
    "tensor_repr",
]


@dataclasses.dataclass
class PrintOptions:
    """The options `set_printoptions` changes; field order is the order of `get_printoptions()`."""

    precision: int = 4
    threshold: float = 1000
    edgeitems: int = 3
    linewidth: int = 80
    sci_mode: bool | None = None


PRINT_OPTS = PrintOptions()

_PROFILES = {
    "default": {"precision": 4, "threshold": 1000, "edgeitems": 3, "linewidth": 80},
    "short": {"precision": 2, "threshold": 1000, "edgeitems": 2, "linewidth": 80},
    "full": {"precision": 4, "threshold": math.inf, "edgeitems": 3, "linewidth": 80},
}


def set_printoptions(
    precision=None,
    threshold=None,
    edgeitems=None,
    linewidth=None,
    profile=None,
    sci_mode=None,
):
    """Same as `torch.set_printoptions`.

    As in torch, a profile is applied first and explicit options override it, an unknown profile
    name is ignored, and `sci_mode` is always assigned: any call without it goes back to automatic
    notation.
    """
    if profile is not None:
        for name, value in _PROFILES.get(profile, {}).items():
            setattr(PRINT_OPTS, name, value)
    if precision is not None:
        PRINT_OPTS.precision = precision
    if threshold is not None:
        PRINT_OPTS.threshold = threshold
    if edgeitems is not None:
        PRINT_OPTS.edgeitems = edgeitems
    if linewidth is not None:
        PRINT_OPTS.linewidth = linewidth
    PRINT_OPTS.sci_mode = sci_mode


def get_printoptions():
    """The current options as a dict that `set_printoptions(**d)` accepts back."""
    return dataclasses.asdict(PRINT_OPTS)


@contextlib.contextmanager
def printoptions(**kwargs):
    """Set print options for the duration of a `with` block, then restore the previous ones."""
    saved = get_printoptions()
    set_printoptions(**kwargs)
    try:
        yield
    finally:
        set_printoptions(**saved)


# ---------------------------------------------------------------- element formatting


def _as_printable(array):
    """A NumPy array whose elements Python can format: bfloat16 widens exactly to float32."""
    array = numpy.asarray(_device.to_host(array))
    if array.dtype.name == "bfloat16":
        array = array.astype(numpy.float32)
    return array


class _Formatter:
    """Pads every element of one tensor to a common width in one common notation.

    Only non-zero finite values decide the notation and the width, so zeros, nan and inf print in
    whatever notation those values chose (and may stick out of the width, as in torch).
    """

    def __init__(self, values, floating):
        self.floating = floating
        self.int_mode = True
        self.sci_mode = False
        self.width = 1
        flat = values.reshape(-1)
        if not floating:
            if flat.size:
                ends = (flat.min(), flat.max())
                self.width = max(len(str(v)) for v in numpy.array(ends).tolist())
            return
        keep = numpy.isfinite(flat) & (flat != 0)
        nonzero = flat[keep]
        if nonzero.size == 0:
            return
        self.int_mode = bool(numpy.all(numpy.ceil(nonzero) == nonzero))
        magnitude = numpy.abs(nonzero).astype(numpy.float64)
        smallest, largest = float(magnitude.min()), float(magnitude.max())
        if PRINT_OPTS.sci_mode is None:
            self.sci_mode = largest / smallest > 1000.0 or largest > 1.0e8 or smallest < 1.0e-4
        else:
            self.sci_mode = PRINT_OPTS.sci_mode
        self.width = max(len(self._text(v)) for v in self._widest_candidates(nonzero))
        if self.int_mode and not self.sci_mode:
            self.width += 1  # room for the "." that marks an integer-valued float

    def _text(self, value):
        """The unpadded text of a non-zero finite value, as measured for the width."""
        precision = PRINT_OPTS.precision
        if self.sci_mode:
            return f"{value:.{precision}e}"
        if self.int_mode:
            return f"{value:.0f}"
        return f"{value:.{precision}f}"

    @staticmethod
    def _widest_candidates(nonzero):
        """The few values one of which has the longest text.

        Rounding is monotonic, so among values of one sign the text length (fixed point) or the
        exponent's magnitude (scientific) peaks at the smallest or the largest magnitude; checking
        those four values spares formatting every element of a large tensor.
        """
        found = []
        for part in (nonzero[nonzero > 0], nonzero[nonzero < 0]):
            if part.size:
                found += [part.min(), part.max()]
        return numpy.array(found, dtype=numpy.float64).tolist()

    def format(self, value):
        """The text of one element (a Python scalar), right-aligned to the common width."""
        if not self.floating:
            text = f"{value}"
        elif self.sci_mode:
            text = f"{value:{self.width}.{PRINT_OPTS.precision}e}"
        elif self.int_mode:
            text = f"{value:.0f}"
            if math.isfinite(value):
                text += "."
        else:
            text = f"{value:.{PRINT_OPTS.precision}f}"
        return text.rjust(self.width)


class _ComplexFormatter:
    """Formats `a+bj` with one formatter for the real parts and one for the imaginary parts."""

    def __init__(self, values):
        self.real = _Formatter(values.real, True)
        self.imag = _Formatter(values.imag, True)
        # the real part, the imaginary part and its "j" share a slot in a wrapped line
        self.width = self.real.width + self.imag.width + 1

    def format(self, value):
        value = complex(value)
        imag = (self.imag.format(value.imag) + "j").lstrip()
        sign = "" if imag[0] in "+-" else "+"
        return self.real.format(value.real) + sign + imag


# ---------------------------------------------------------------- layout


def _summarised(array, edgeitems):
    """The elements torch shows of a summarised tensor, and which axes lost their middle.

    Along each axis longer than 2 * edgeitems only the first and last `edgeitems` entries stay.
    Slicing happens before the copy to the host, so a large device array is not copied whole.
    """
    cut = []
    for axis, size in enumerate(array.shape):
        cut.append(size > 2 * edgeitems)
        if cut[-1]:
            keep = list(range(edgeitems)) + list(range(size - edgeitems, size))
            array = array.take(keep, axis=axis)
    return array, tuple(cut)


def _vector_str(values, indent, cut, edgeitems, formatter):
    """One innermost row: as many elements per line as fit in the line width after `indent`."""
    slot = formatter.width + 2  # an element and its ", "
    per_line = max(1, math.floor((PRINT_OPTS.linewidth - indent) / slot))
    items = values.tolist()
    if cut:
        texts = [formatter.format(v) for v in items[:edgeitems]]
        texts.append(" ...")
        texts += [formatter.format(v) for v in items[edgeitems:]]
    else:
        texts = [formatter.format(v) for v in items]
    lines = [", ".join(texts[i : i + per_line]) for i in range(0, len(texts), per_line)]
    return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"


def _nested_str(values, indent, cut, edgeitems, formatter):
    """Nested brackets; a blank line separates blocks for each dimension beyond the second."""
    if values.ndim == 0:
        return formatter.format(values.item())
    if values.ndim == 1:
        return _vector_str(values, indent, cut[0], edgeitems, formatter)
    parts = [
        _nested_str(values[i], indent + 1, cut[1:], edgeitems, formatter)
        for i in range(values.shape[0])
    ]
    if cut[0]:
        parts.insert(edgeitems, "...")
    separator = "," + "\n" * (values.ndim - 1) + " " * (indent + 1)
    return "[" + separator.join(parts) + "]"


def format_array(array, dtype=None, indent=0):
    """The bracketed body of a tensor's repr, e.g. `[1., 2.]`, for a NumPy (or CuPy) array.

    `dtype`, a numtorch dtype, tells floating from integer data when the storage type alone does
    not (by default the array's own type decides). `indent` is the column the body starts at, which
    sets where wrapped lines start and how many elements fit on a line.
    """
    shape = tuple(array.shape)
    numel = math.prod(shape)
    if numel == 0:
        return "[]"
    summarise = numel > PRINT_OPTS.threshold
    edgeitems = PRINT_OPTS.edgeitems
    if summarise and array.ndim and not edgeitems:
        return "[...]"
    if summarise:
        array, cut = _summarised(array, edgeitems)
    else:
        cut = (False,) * array.ndim
    values = _as_printable(array)
    if dtype is not None:
        floating, is_complex = dtype.is_floating_point, dtype.is_complex
    else:
        floating, is_complex = values.dtype.kind == "f", values.dtype.kind == "c"
    formatter = _ComplexFormatter(values) if is_complex else _Formatter(values, floating)
    return _nested_str(values, indent, cut, edgeitems, formatter)


# ---------------------------------------------------------------- the whole repr


def _device_suffix(device):
    text = str(device)
    if device.type == "cuda" and device.index is None:
        text = "cuda:0"  # torch always resolves a CUDA tensor's device to an index
    return f"device='{text}'"


def _add_suffixes(text, suffixes, indent):
    """Append `, suffix` items, moving one to a new line when it would pass the line width.

    torch measures the last line as two characters longer than it is when the text has no line
    break; that quirk decides where suffixes wrap, so it is kept.
    """
    pieces = [text]
    last_line = len(text) - text.rfind("\n") + 1
    for suffix in suffixes:
        if last_line + len(suffix) + 2 > PRINT_OPTS.linewidth:
            pieces.append(",\n" + " " * indent + suffix)
            last_line = indent + len(suffix)
        else:
            pieces.append(", " + suffix)
            last_line += len(suffix) + 2
    pieces.append(")")
    return "".join(pieces)


def tensor_repr(t):
    """`repr(t)` (and `str(t)`) of a tensor exactly as torch writes it, suffixes included."""
    prefix = "tensor("
    indent = len(prefix)
    shape = tuple(int(n) for n in t.shape)
    dtype = t.dtype
    suffixes = []
    if t.device.type != "cpu":
        suffixes.append(_device_suffix(t.device))

    default = _dtype.get_default_dtype()
    default_complex = _dtype.complex128 if default == _dtype.float64 else _dtype.complex64
    shows_dtype = dtype not in (default, default_complex, _dtype.int64, _dtype.bool)
    if math.prod(shape) == 0:
        # NumPy-style: the shape is spelled out unless it is (0,), and with no element to hint
        # at the type, any dtype but the default one is named (int64 and bool included)
        if len(shape) != 1:
            suffixes.append(f"size={shape}")
        if dtype != default:
            suffixes.append(f"dtype={dtype!r}")
        body = "[]"
    else:
        if not PRINT_OPTS.edgeitems:
            suffixes.append(f"size={shape}")
        if shows_dtype:
            suffixes.append(f"dtype={dtype!r}")
        data = t._data
        if data.shape != shape:
            data = data.reshape(shape)
        body = format_array(data, dtype, indent)

    grad_fn = getattr(t, "grad_fn", None)
    if grad_fn is not None:
        suffixes.append(f"grad_fn=<{type(grad_fn).__name__}>")
    elif getattr(t, "requires_grad", False):
        suffixes.append("requires_grad=True")
    return _add_suffixes(prefix + body, suffixes, indent)
