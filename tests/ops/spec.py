"""Op test cases, written once and run on numtorch and on real PyTorch alike.

A case is an expression over named inputs (`T` specs or plain values), evaluated with `torch` bound
to either library. `record(case, lib)` runs it and reduces everything observable (values, shape,
dtype, grad_fn name, memory shared with inputs, gradients, exceptions) to plain JSON data, so that a
numtorch record can be compared with a live torch record or with one stored in a golden file.
"""

import math
import zlib

import numpy

FLOAT_DTYPES = ("float16", "bfloat16", "float32", "float64")
INT_DTYPES = ("uint8", "int8", "int16", "int32", "int64")
ALL_DTYPES = ("bool",) + INT_DTYPES + FLOAT_DTYPES + ("complex64", "complex128")

# Relative/absolute tolerances by result dtype (torch.testing's defaults, a little looser).
TOLERANCE = {
    "float16": (1e-3, 1e-3),
    "bfloat16": (1.6e-2, 1e-2),
    "float32": (1.3e-5, 1e-5),
    "float64": (1e-7, 1e-7),
    "complex64": (1.3e-5, 1e-5),
    "complex128": (1e-7, 1e-7),
}


class T:
    """A tensor input: shape, dtype, and how it is made.

    layout: "contig"; "t" (the transpose of a contiguous tensor: last two dims swapped, needs
    ndim >= 2); "step" (every other element of the last dim); "expand" (a size-1 leading dim
    expanded to `shape[0]`). low/high bound the values; `values` gives them outright (nested
    list). grad=True makes it a leaf that requires grad (floating dtypes only).
    """

    def __init__(
        self,
        shape=(),
        dtype="float32",
        *,
        low=None,
        high=None,
        grad=False,
        layout="contig",
        values=None,
        positive=False,
    ):
        self.shape = tuple(shape)
        self.dtype = dtype
        self.low, self.high = low, high
        self.grad = grad
        self.layout = layout
        self.values = values
        if positive and low is None:
            self.low = 0.1

    def __repr__(self):
        extra = "" if self.layout == "contig" else f", {self.layout}"
        return f"T({self.shape}, {self.dtype}{extra}{', grad' if self.grad else ''})"

    def array(self, seed):
        """The values as a NumPy array of the shape this spec's layout starts from."""
        shape = self._storage_shape()
        if self.values is not None:
            vals = numpy.array(self.values)
            dtype = "float32" if self.dtype == "bfloat16" else self.dtype
            return vals.astype(dtype).reshape(shape)
        rng = numpy.random.RandomState(seed)
        d = self.dtype
        if d == "bool":
            return numpy.asarray(rng.rand(*shape) > 0.5)
        if d in INT_DTYPES:
            lo = 0 if d == "uint8" else -9
            lo = lo if self.low is None else int(self.low)
            hi = 10 if self.high is None else int(self.high)
            return rng.randint(lo, hi, size=shape).astype(d)
        lo = -3.0 if self.low is None else self.low
        hi = 3.0 if self.high is None else self.high
        vals = rng.uniform(lo, hi, size=shape)
        if d.startswith("complex"):
            vals = vals + 1j * rng.uniform(lo, hi, size=shape)
            return vals.astype(d)
        return vals.astype("float32" if d == "bfloat16" else d)

    def _storage_shape(self):
        s = list(self.shape)
        if self.layout == "t":
            s[-1], s[-2] = s[-2], s[-1]
        elif self.layout == "step":
            s[-1] = 2 * s[-1]
        elif self.layout == "expand":
            s[0] = 1
        return tuple(s)

    def make(self, lib, seed):
        """The tensor in library `lib` (numtorch or torch)."""
        arr = numpy.array(self.array(seed), order="C")
        t = lib.from_numpy(arr).clone()
        if self.dtype != arr.dtype.name:
            t = t.to(getattr(lib, self.dtype))
        if self.layout == "t":
            t = t.transpose(-1, -2)
        elif self.layout == "step":
            t = t[..., ::2]
        elif self.layout == "expand":
            t = t.expand(*self.shape)
        if self.grad:
            t = t.detach().requires_grad_()
        return t


class Case:
    """One call to check: `expr` evaluated with `torch` and the named inputs in scope.

    `expr` is an expression, or statements that assign `out`. grad: backpropagate through the
    floating outputs into the inputs made with grad=True (default: when any input has grad).
    exact_message: compare exception messages exactly (else type and first line prefix).
    """

    def __init__(self, name, expr, inputs=None, *, grad=None, rtol=None, atol=None, ops=()):
        self.name = name
        self.expr = expr
        self.inputs = dict(inputs or {})
        self.grad = (
            grad
            if grad is not None
            else any(isinstance(v, T) and v.grad for v in self.inputs.values())
        )
        self.rtol, self.atol = rtol, atol
        self.ops = tuple(ops)

    def __repr__(self):
        return f"Case({self.name!r})"


def _seed(case_name, arg_name):
    return zlib.crc32(f"{case_name}/{arg_name}".encode()) % (2**31)


def build_inputs(case, lib):
    env = {}
    for k, v in case.inputs.items():
        env[k] = v.make(lib, _seed(case.name, k)) if isinstance(v, T) else v
    return env


def evaluate(case, lib, env):
    scope = {"torch": lib, **env}
    if "\n" in case.expr or case.expr.lstrip().startswith("out ="):
        exec(case.expr, scope)
        return scope["out"]
    return eval(case.expr, scope)


def _storage_key(t):
    """Something equal for two tensors exactly when they share memory."""
    if hasattr(t, "untyped_storage"):
        return t.untyped_storage().data_ptr()
    arr = t._data
    while getattr(arr, "base", None) is not None:
        arr = arr.base
    return id(arr)


def _tensor_record(t, env):
    dtype = str(t.dtype).replace("torch.", "")
    data = t.detach()
    if getattr(data, "_is_zerotensor", lambda: False)():
        data = data.clone()  # torch's lazy zero gradients have no storage to read
    if dtype == "bfloat16":
        data = data.float()
    shares = sorted(
        k
        for k, v in env.items()
        if hasattr(v, "numel")  # a tensor (not a NumPy scalar input)
        and v.numel() > 0
        and t.numel() > 0
        and _storage_key(v) == _storage_key(t)
    )
    rec = {
        "kind": "tensor",
        "shape": list(t.shape),
        "dtype": dtype,
        "values": _encode(data.tolist()),
        "requires_grad": bool(t.requires_grad),
        "grad_fn": None if t.grad_fn is None else type(t.grad_fn).__name__,
        "shares": shares,
    }
    return rec


def _encode(v):
    """JSON-safe values: nan/inf become strings, complex becomes [re, im]."""
    if isinstance(v, list):
        return [_encode(x) for x in v]
    if isinstance(v, complex):
        return [_encode(v.real), _encode(v.imag)]
    if isinstance(v, float) and not math.isfinite(v):
        return repr(v)
    return v


def _is_tensor(x):
    return type(x).__name__ in ("Tensor", "Parameter") and hasattr(x, "grad_fn")


def _output_record(out, env):
    if _is_tensor(out):
        return _tensor_record(out, env)
    if isinstance(out, (tuple, list)):
        tname = type(out).__name__
        if tname not in ("tuple", "list", "Size"):
            tname = "return_types." + tname
        return {"kind": tname, "items": [_output_record(o, env) for o in out]}
    if type(out).__name__ == "dtype":
        return {"kind": "dtype", "value": str(out).replace("torch.", "")}
    if isinstance(out, (bool, int, float, complex)) or out is None:
        return {"kind": type(out).__name__, "value": _encode(out)}
    return {"kind": "other", "value": str(out)}


def _flat_tensors(out):
    if _is_tensor(out):
        return [out]
    if isinstance(out, (tuple, list)):
        return [t for o in out for t in _flat_tensors(o)]
    return []


def record(case, lib):
    """Runs `case` in library `lib`; everything observable as plain data."""
    env = build_inputs(case, lib)
    try:
        out = evaluate(case, lib, env)
    except Exception as e:  # noqa: BLE001 - the exception is part of the behaviour compared
        return {"error": [type(e).__name__, str(e).split("\n")[0]]}
    rec = {"out": _output_record(out, env)}
    if case.grad:
        rec["grads"] = _grads(case, lib, env, out)
    return rec


def _grads(case, lib, env, out):
    floats = [t for t in _flat_tensors(out) if t.requires_grad and t.dtype.is_floating_point]
    if not floats:
        return {"error": ["NoGrad", "no differentiable output"]}
    try:
        total = None
        for i, t in enumerate(floats):
            w = numpy.random.RandomState(_seed(case.name, f"w{i}")).uniform(0.5, 1.5, t.shape)
            wt = lib.tensor(w.tolist() if w.ndim else w.item(), dtype=t.dtype)
            term = (t * wt).sum()
            total = term if total is None else total + term
        total.backward()
    except Exception as e:  # noqa: BLE001
        return {"error": [type(e).__name__, str(e).split("\n")[0]]}
    grads = {}
    for k, v in env.items():
        if _is_tensor(v) and v.requires_grad and v.is_leaf:
            grads[k] = None if v.grad is None else _tensor_record(v.grad, {})
    return grads


# ---------------------------------------------------------------- comparison


def _decode(v):
    if isinstance(v, list):
        return [_decode(x) for x in v]
    if isinstance(v, str):
        return float(v)
    return v


def _values_close(a, b, dtype, rtol, atol):
    x = numpy.array(_decode(a), dtype=complex if dtype.startswith("complex") else float)
    y = numpy.array(_decode(b), dtype=complex if dtype.startswith("complex") else float)
    if dtype.startswith("complex") and x.ndim and x.shape[-1:] == (2,):
        pass
    if x.shape != y.shape:
        return False
    if dtype in TOLERANCE:
        r, a_ = TOLERANCE[dtype]
        return bool(numpy.allclose(x, y, rtol=rtol or r, atol=atol or a_, equal_nan=True))
    return bool(numpy.array_equal(x, y))


def differences(got, want, case, path="out"):
    """The list of ways record `got` (numtorch) differs from `want` (torch); empty if none."""
    if "error" in want or "error" in got:
        if "error" not in got:
            return [f"{path}: torch raised {want['error']}, numtorch did not"]
        if "error" not in want:
            return [f"{path}: numtorch raised {got['error']}, torch did not"]
        (gt, gm), (wt, wm) = got["error"], want["error"]
        if gt != wt or not gm.startswith(wm):
            return [f"{path}: raised {got['error']}, torch raised {want['error']}"]
        return []
    if "out" in want:
        diffs = _diff_output(got["out"], want["out"], case, "out")
        if "grads" in want:
            diffs += _diff_grads(got.get("grads"), want["grads"], case)
        return diffs
    return _diff_output(got, want, case, path)


def _diff_grads(got, want, case):
    if got is None:
        return ["grads: numtorch computed none"]
    if "error" in want or "error" in got:
        return differences(got, want, case, "grads")
    diffs = []
    for k in sorted(set(want) | set(got)):
        g, w = got.get(k), want.get(k)
        if (g is None) != (w is None):
            diffs.append(
                f"grad of {k}: {'None' if g is None else 'a tensor'}, torch: "
                f"{'None' if w is None else 'a tensor'}"
            )
        elif w is not None:
            diffs += _diff_output(g, w, case, f"grad of {k}", grad=True)
    return diffs


def _diff_output(g, w, case, path, grad=False):
    if g["kind"] != w["kind"]:
        return [f"{path}: {g['kind']} vs torch's {w['kind']}"]
    if w["kind"] == "tensor":
        diffs = []
        for key in ("shape", "dtype") + (() if grad else ("requires_grad", "grad_fn", "shares")):
            if g[key] != w[key]:
                diffs.append(f"{path}.{key}: {g[key]!r} vs torch's {w[key]!r}")
        if not diffs and not _values_close(
            g["values"], w["values"], w["dtype"], case.rtol, case.atol
        ):
            diffs.append(f"{path}.values: {g['values']!r} vs torch's {w['values']!r}")
        return diffs
    if "items" in w:
        if len(g["items"]) != len(w["items"]):
            return [f"{path}: {len(g['items'])} items vs torch's {len(w['items'])}"]
        diffs = []
        for i, (gi, wi) in enumerate(zip(g["items"], w["items"])):
            diffs += _diff_output(gi, wi, case, f"{path}[{i}]", grad)
        return diffs
    if w["kind"] == "float" and isinstance(g["value"], float):
        if _values_close([g["value"]], [w["value"]], "float64", case.rtol, case.atol):
            return []
    if g["value"] != w["value"]:
        return [f"{path}: {g['value']!r} vs torch's {w['value']!r}"]
    return []
