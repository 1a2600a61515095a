"""gradcheck and gradgradcheck: central finite differences against the engine's gradients.

Same checks, defaults and messages as `torch.autograd.gradcheck`. Jacobians are laid out as torch
lays them out (one row per input element, one column per output element, row-major order) and
are computed on the host with NumPy; the error messages show them as numtorch tensors.
Complex outputs are checked as torch checks them: their imaginary parts first, then their real
parts, each as a real function (a gradient of `Im(y)` is the vector-Jacobian product with the
grad_output `1j`). A complex input's numerical column is the conjugate Wirtinger derivative
`ds/dx + 1j * ds/dy`, which is what the engine's gradient of a real `s` is.
"""

import warnings

import numpy

from numtorch import _dtype
from numtorch._device import CPU, to_host


class GradcheckError(RuntimeError):
    """Raised by `gradcheck` and `gradgradcheck` when a check fails."""


GradcheckError.__module__ = "numtorch.autograd.gradcheck"

_UNDEFINED_BC = (
    "Backwards compatibility: New undefined gradient support checking feature is enabled by "
    "default, but it may break existing callers of this function. If this is true for you, you "
    'can call this function with "check_undefined_grad=False" to disable the feature'
)
_UNDEFINED_NOTE = (
    'Please look at "Notes about undefined output gradients" in "tools/autograd/derivatives.yaml"'
)


def _is_tensor(x):
    from numtorch._tensor import Tensor

    return isinstance(x, Tensor)


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    if isinstance(x, list):
        return tuple(x)
    return (x,)


def _differentiable(outputs):
    return tuple(o for o in _as_tuple(outputs) if _is_tensor(o) and o.requires_grad)


def _is_inexact(t):
    return _is_tensor(t) and t.dtype.category >= _dtype.FLOAT


def _host(t):
    """A private host copy of a tensor's values, in a NumPy dtype that can hold them."""
    arr = to_host(t._data)
    if t.dtype is _dtype.bfloat16:
        arr = arr.astype(numpy.float32)
    return numpy.array(arr, copy=True)


def _as_tensor(array, dtype):
    from numtorch._tensor import Tensor

    return Tensor._make(numpy.array(array, dtype=dtype.np, order="C"), dtype, CPU)


def _check_inputs(inputs):
    found = False
    for idx, inp in enumerate(inputs):
        if not (_is_tensor(inp) and inp.requires_grad):
            continue
        if inp.dtype not in (_dtype.float64, _dtype.complex128):
            warnings.warn(
                f"Input #{idx} requires gradient and is not a double precision floating point or "
                "complex. This check will likely fail if all the inputs are not of double "
                "precision floating point or complex. ",
                stacklevel=3,
            )
        if not all(st > 0 or n <= 1 for st, n in zip(inp.stride(), inp.shape)):
            raise RuntimeError(
                f"The {idx}th input has a dimension with stride 0. gradcheck only supports inputs "
                "that are non-overlapping to be able to compute the numerical gradients "
                "correctly. You should call .contiguous on the input before passing it to "
                "gradcheck."
            )
        found = True
    if not found:
        raise ValueError(
            "gradcheck expects at least one input tensor to require gradient, but none of them "
            "have requires_grad=True."
        )


# ---------------------------------------------------------------- numerical Jacobians


def _evaluate(func, inputs):
    """Host copies of the floating and complex outputs of `func(*inputs)`, with their dtypes."""
    outs = [o for o in _as_tuple(func(*inputs)) if _is_inexact(o)]
    return [(_host(o), o.dtype, o.shape) for o in outs]


def _same_kind(a, b, idx, eps):
    where = f"on index {idx} " if idx is not None else ""
    if a[2] != b[2]:
        raise AssertionError(
            "Expected `func` to return outputs with the same shape when inputs are perturbed "
            f"{where}by {eps}, but got: shapes {a[2]} and {b[2]}."
        )
    if a[1] is not b[1]:
        raise AssertionError(
            "Expected `func` to return outputs with the same dtype when inputs are perturbed "
            f"{where}by {eps}, but got: dtypes {a[1]} and {b[1]}."
        )


def _central_difference(func, inputs, data, idx, step, eps):
    """d(outputs)/d(step) at element `idx` of the array `data` (one per floating output)."""
    orig = data[idx].copy()
    data[idx] = orig - step
    before = _evaluate(func, inputs)
    data[idx] = orig + step
    after = _evaluate(func, inputs)
    data[idx] = orig
    cols = []
    for a, b in zip(before, after):
        _same_kind(a, b, idx, eps)
        cols.append(((b[0] - a[0]) / (2 * eps)).reshape(-1))
    return cols


def _numerical_jacobians(func, inputs, eps):
    """{input position: [raw Jacobian per floating output]}, each (input numel, output numel).

    The raw Jacobian holds d(output)/d(real part) and, for a complex input, d(output)/d(imag
    part) separately: `_project` turns them into what a real-valued output part is compared on.
    """
    outputs = _evaluate(func, inputs)
    result = {}
    for pos, inp in enumerate(inputs):
        if not (_is_tensor(inp) and inp.requires_grad):
            continue
        data = inp._data
        n = inp.numel()
        jac_re = [numpy.zeros((n, o[0].size), dtype=numpy.result_type(o[0], 1.0)) for o in outputs]
        jac_im = [j.copy() for j in jac_re] if inp.is_complex() else None
        for row, idx in enumerate(numpy.ndindex(*inp.shape)):
            for j, col in zip(jac_re, _central_difference(func, inputs, data, idx, eps, eps)):
                j[row] = col
            if jac_im is not None:
                cols = _central_difference(func, inputs, data, idx, eps * 1j, eps)
                for j, col in zip(jac_im, cols):
                    j[row] = col
        result[pos] = [(re, None if jac_im is None else jac_im[k]) for k, re in enumerate(jac_re)]
    return outputs, result


def _project(raw, part, input_dtype, output_dtype):
    """The numerical Jacobian of the real (`part`="real") or imaginary part of an output."""
    d_re, d_im = raw
    take = numpy.real if part == "real" else numpy.imag
    if d_im is None:
        values = take(d_re) if output_dtype.is_complex else d_re
        dtype = output_dtype.to_real() if output_dtype.is_complex else output_dtype
        return values, dtype
    return take(d_re) + 1j * take(d_im), input_dtype


# ---------------------------------------------------------------- analytical Jacobians


def _vjp(output, diff_inputs, grad_output):
    from numtorch.autograd import grad

    return grad(output, diff_inputs, grad_output, retain_graph=True, allow_unused=True)


def _analytical_jacobians(diff_inputs, output, part, check_grad_dtypes, nondet_tol):
    """[Jacobian per differentiable input] of one output, by one backward per output element.

    Everything is computed twice to check that backward is reentrant (deterministic).
    """
    seed_value = 1j if part == "imag" else 1.0
    runs = []
    for _ in range(2):
        jacs = [numpy.zeros((x.numel(), output.numel()), dtype=x.dtype.np) for x in diff_inputs]
        sizes_ok = types_ok = True
        seed = numpy.zeros(output.numel(), dtype=_np_of(output.dtype))
        for col in range(output.numel()):
            seed[:] = 0
            seed[col] = seed_value
            grads = _vjp(output, diff_inputs, _as_tensor(seed.reshape(output.shape), output.dtype))
            for jac, x, g in zip(jacs, diff_inputs, grads):
                if g is None:
                    continue
                if g.shape != x.shape:
                    sizes_ok = False
                    continue
                if g.dtype is not x.dtype:
                    types_ok = False
                jac[:, col] = _host(g).reshape(-1)
        runs.append(jacs)
    if not types_ok and check_grad_dtypes:
        raise GradcheckError("Gradient has dtype mismatch")
    if not sizes_ok:
        raise GradcheckError("Analytical gradient has incorrect size")
    for first, second in zip(*runs):
        if first.size and numpy.abs(first - second).max() > nondet_tol:
            raise GradcheckError(
                "Backward is not reentrant, i.e., running backward with same input and "
                "grad_output multiple times gives different values, although analytical gradient "
                f"matches numerical gradient.The tolerance for nondeterminism was {nondet_tol}."
            )
    return runs[0]


def _np_of(dtype):
    return numpy.float32 if dtype is _dtype.bfloat16 else dtype.np


def _allclose(a, n, rtol, atol):
    a = numpy.asarray(a)
    n = numpy.asarray(n)
    with numpy.errstate(invalid="ignore"):
        return bool(numpy.all(numpy.abs(a - n) <= atol + rtol * numpy.abs(n)))


def _mismatch(analytical, numerical, out_idx, in_idx, complex_out, part):
    name = "imaginary" if part == "imag" else "real"
    prefix = f"While considering the {name} part of complex outputs only, " if complex_out else ""
    return (
        f"{prefix}Jacobian mismatch for output {out_idx:d} with respect to input {in_idx:d},\n"
        f"numerical:{numerical}\nanalytical:{analytical}\n"
    )


# ---------------------------------------------------------------- slow and fast modes


def _slow_check(func, inputs, outputs, float_pos, eps, rtol, atol, grad_dtypes, nondet_tol):
    """Full Jacobians, numerical against analytical, for every (output, input) pair."""
    diff_inputs = [x for x in inputs if _is_tensor(x) and x.requires_grad]
    floating, numerical = _numerical_jacobians(func, inputs, eps)
    if not outputs:
        for per_output in numerical.values():
            for d_re, d_im in per_output:
                if numpy.any(d_re != 0) or (d_im is not None and numpy.any(d_im != 0)):
                    raise GradcheckError("Numerical gradient for function expected to be zero")
        return
    in_positions = sorted(numerical)
    parts = ("imag", "real") if any(o.is_complex() for o in outputs) else ("real",)
    for part in parts:
        for i, (o, k) in enumerate(zip(outputs, float_pos)):
            if part == "imag" and not o.is_complex():
                continue
            analytical = _analytical_jacobians(diff_inputs, o, part, grad_dtypes, nondet_tol)
            for j, (pos, a) in enumerate(zip(in_positions, analytical)):
                n, n_dtype = _project(numerical[pos][k], part, inputs[pos].dtype, floating[k][1])
                if not _allclose(a, n, rtol, atol):
                    raise GradcheckError(
                        _mismatch(
                            _as_tensor(a, inputs[pos].dtype),
                            _as_tensor(n, n_dtype),
                            i,
                            j,
                            o.is_complex(),
                            part,
                        )
                    )


def _fast_check(func, inputs, outputs, float_pos, eps, rtol, atol, grad_dtypes, nondet_tol):
    """Compares v^T J u from one backward (per output) with a directional finite difference.

    u and v are random non-negative unit vectors; atol is scaled by sum(u) * sum(v), as the
    difference of two such projections can be that many times an element-wise difference.
    """
    if any(o.is_complex() for o in outputs) or any(
        _is_tensor(x) and x.requires_grad and x.is_complex() for x in inputs
    ):
        return _slow_check(
            func, inputs, outputs, float_pos, eps, rtol, atol, grad_dtypes, nondet_tol
        )
    rng = numpy.random.default_rng(0)
    diff = [(pos, x) for pos, x in enumerate(inputs) if _is_tensor(x) and x.requires_grad]
    all_u = [_unit(rng, x.numel()) for _, x in diff]
    if not outputs:
        for (_, x), u in zip(diff, all_u):
            for col in _directional(func, inputs, x, u, eps):
                if numpy.any(col != 0):
                    raise GradcheckError("Numerical gradient for function expected to be zero")
        return
    numerical = [_directional(func, inputs, x, u, eps) for (_, x), u in zip(diff, all_u)]
    for i, o in enumerate(outputs):
        v = _unit(rng, o.numel())
        grads = []
        for _ in range(2):
            got = _vjp(o, [x for _, x in diff], _as_tensor(v.reshape(o.shape), o.dtype))
            grads.append([None if g is None else _host(g).reshape(-1) for g in got])
        for g1, g2 in zip(*grads):
            if g1 is not None and g1.size and numpy.abs(g1 - g2).max() > nondet_tol:
                raise GradcheckError(
                    "Backward is not reentrant, i.e., running backward with same input and "
                    "grad_output multiple times gives different values, although analytical "
                    "gradient matches numerical gradient.The tolerance for nondeterminism was "
                    f"{nondet_tol}."
                )
        k = float_pos[i]
        for j, (u, g) in enumerate(zip(all_u, grads[0])):
            a = 0.0 if g is None else float(g @ u)
            n = float(numerical[j][k] @ v)
            if not _allclose(a, n, rtol, atol * u.sum() * v.sum()):
                raise GradcheckError(
                    _mismatch(a, n, i, j, False, "real")
                    + _slow_mode_report(func, inputs, outputs, float_pos, i, j, rtol, atol, eps)
                )


def _unit(rng, n):
    u = rng.random(n)
    norm = numpy.linalg.norm(u)
    return u / norm if norm else u


def _directional(func, inputs, x, u, eps):
    """J u for every floating output, by perturbing all of `x` along `u`."""
    data = x._data
    orig = data.copy()
    delta = (u * eps).reshape(x.shape).astype(data.dtype)
    data[...] = orig - delta
    before = _evaluate(func, inputs)
    data[...] = orig + delta
    after = _evaluate(func, inputs)
    data[...] = orig
    cols = []
    for a, b in zip(before, after):
        _same_kind(a, b, None, eps)
        cols.append(((b[0] - a[0]) / (2 * eps)).reshape(-1))
    return cols


def _slow_mode_report(func, inputs, outputs, float_pos, out_idx, in_idx, rtol, atol, eps):
    diff_inputs = [x for x in inputs if _is_tensor(x) and x.requires_grad]
    floating, numerical = _numerical_jacobians(func, inputs, eps)
    pos = sorted(numerical)[in_idx]
    k = float_pos[out_idx]
    n, n_dtype = _project(numerical[pos][k], "real", inputs[pos].dtype, floating[k][1])
    a = _analytical_jacobians(diff_inputs, outputs[out_idx], "real", False, float("inf"))[in_idx]
    max_diff = numpy.abs(n - a).max() if n.size else 0.0
    text = (
        "\nThe above quantities relating the numerical and analytical jacobians are computed \n"
        "in fast mode. See: https://github.com/pytorch/pytorch/issues/53876 for more background \n"
        "about fast mode. Below, we recompute numerical and analytical jacobians in slow mode:\n\n"
        f"Numerical:\n {_as_tensor(n, n_dtype)}\n"
        f"Analytical:\n{_as_tensor(a, inputs[pos].dtype)}\n\n"
        f"The max per-element difference (slow mode) is: {float(max_diff)}.\n"
    )
    if _allclose(a, n, rtol, atol):
        text += (
            "\nFast gradcheck failed but element-wise differences are small. This means that "
            "the\ntest might've passed in slow_mode!"
        )
    return text


# ---------------------------------------------------------------- the backward-only checks


def _check_multiplied_by_grad_output(outputs, inputs):
    from numtorch._creation import zeros_like

    diff_inputs = [x for x in inputs if _is_tensor(x) and x.requires_grad]
    grads = _vjp(list(outputs), diff_inputs, [zeros_like(o) for o in outputs])
    for g, x in zip(grads, diff_inputs):
        if g is None:
            continue
        if numpy.any(_host(g) != 0):
            raise GradcheckError("backward not multiplied by grad_output")
        if g.dtype is not x.dtype:
            raise GradcheckError("grad is incorrect type")
        if g.device != x.device:
            raise GradcheckError("grad is incorrect device")
        if g.shape != x.shape:
            raise GradcheckError("grad is incorrect size")


def _check_undefined_grads(func, inputs):
    """Backward must treat an output gradient that is missing (undefined) as zeros."""
    from numtorch._creation import ones_like
    from numtorch.autograd.engine import run_backward

    diff_inputs = [x for x in inputs if _is_tensor(x) and x.requires_grad]
    keys = [x._grad_node() for x in diff_inputs]
    first = _differentiable(func(*inputs))
    patterns = [tuple(False for _ in first)]
    if len(first) > 1:
        patterns += [tuple(i != k for i in range(len(first))) for k in range(len(first))]
    for defined in patterns:
        outs = _differentiable(func(*inputs))
        seeds = [ones_like(o) if d else None for o, d in zip(outs, defined)]
        roots = [o._grad_node() for o in outs]
        try:
            captured = run_backward(roots, seeds, False, False, keys, accumulate=False)
        except RuntimeError as e:
            warnings.warn(_UNDEFINED_BC, stacklevel=3)
            raise GradcheckError(
                f"Expected backward function to handle undefined output grads. {_UNDEFINED_NOTE}"
            ) from e
        if any(defined):
            continue
        for g in captured.values():
            if g is not None and numpy.any(_host(g) != 0):
                warnings.warn(_UNDEFINED_BC, stacklevel=3)
                raise GradcheckError(
                    "Expected all input grads to be undefined or zero when all output grads are "
                    f"undefined or zero. {_UNDEFINED_NOTE}"
                )


# ---------------------------------------------------------------- public API


def gradcheck(
    func,
    inputs,
    *,
    eps=1e-6,
    atol=1e-5,
    rtol=1e-3,
    raise_exception=True,
    nondet_tol=0.0,
    check_undefined_grad=True,
    check_grad_dtypes=False,
    check_batched_grad=False,
    check_batched_forward_grad=False,
    check_forward_ad=False,
    check_backward_ad=True,
    fast_mode=False,
    masked=None,
):
    """Same as `torch.autograd.gradcheck`: finite differences against backward's gradients.

    numtorch has no forward-mode AD and no vmap: check_forward_ad, check_batched_grad and
    check_batched_forward_grad raise NotImplementedError. Sparse inputs do not exist, so
    `masked` changes nothing.
    """
    if not (check_forward_ad or check_backward_ad):
        raise AssertionError(
            "Expected at least one of check_forward_ad or check_backward_ad to be True"
        )
    if check_batched_grad and not check_backward_ad:
        raise AssertionError(
            "Setting check_batched_grad=True requires check_backward_ad to be True"
        )
    if check_batched_forward_grad and not check_forward_ad:
        raise AssertionError(
            "Setting check_batched_forward_grad=True requires check_forward_ad to be True"
        )
    if check_forward_ad or check_batched_grad or check_batched_forward_grad:
        raise NotImplementedError(
            "numtorch's gradcheck checks backward mode only (no forward-mode AD, no vmap)"
        )
    try:
        return _gradcheck(
            func,
            inputs,
            eps,
            atol,
            rtol,
            nondet_tol,
            check_undefined_grad,
            check_grad_dtypes,
            fast_mode,
        )
    except GradcheckError:
        if raise_exception:
            raise
        return False


def _gradcheck(func, inputs, eps, atol, rtol, nondet_tol, undefined, grad_dtypes, fast_mode):
    inputs = _as_tuple(inputs)
    _check_inputs(inputs)
    floating = [o for o in _as_tuple(func(*inputs)) if _is_inexact(o)]
    float_pos = [k for k, o in enumerate(floating) if o.requires_grad]
    outputs = [floating[k] for k in float_pos]
    check = _fast_check if fast_mode else _slow_check
    check(func, inputs, outputs, float_pos, eps, rtol, atol, grad_dtypes, nondet_tol)
    if not outputs:
        return True
    _check_multiplied_by_grad_output(outputs, inputs)
    if undefined:
        _check_undefined_grads(func, inputs)
    return True


def gradgradcheck(
    func,
    inputs,
    grad_outputs=None,
    *,
    eps=1e-6,
    atol=1e-5,
    rtol=1e-3,
    gen_non_contig_grad_outputs=False,
    raise_exception=True,
    nondet_tol=0.0,
    check_undefined_grad=True,
    check_grad_dtypes=False,
    check_batched_grad=False,
    check_fwd_over_rev=False,
    check_rev_over_rev=True,
    fast_mode=False,
    masked=False,
):
    """Same as `torch.autograd.gradgradcheck`: gradcheck of the gradients themselves.

    Without `grad_outputs`, random ones in [-1, 1) are drawn from a private generator (so the
    global random state is left alone).
    """
    if not (check_fwd_over_rev or check_rev_over_rev):
        raise AssertionError(
            "Expected at least one of check_fwd_over_rev or check_rev_over_rev to be True"
        )
    if check_undefined_grad and not check_rev_over_rev:
        raise AssertionError(
            "Setting check_undefined_grad=True requires check_rev_over_rev to be True"
        )
    if check_batched_grad and not check_rev_over_rev:
        raise AssertionError(
            "Setting check_batched_grad=True requires check_rev_over_rev to be True"
        )
    inputs = _as_tuple(inputs)
    if grad_outputs is None:
        rng = numpy.random.default_rng(0)
        grad_outputs = tuple(
            _random_grad_output(rng, o, gen_non_contig_grad_outputs)
            for o in _differentiable(func(*inputs))
        )
    else:
        grad_outputs = _as_tuple(grad_outputs)
    n_out = len(grad_outputs)
    diff_inputs = {i for i, x in enumerate(inputs) if _is_tensor(x) and x.requires_grad}
    diff_grads = {i for i, g in enumerate(grad_outputs) if g.requires_grad}

    def first_derivatives(*args):
        from numtorch.autograd import grad

        ins = tuple(
            x.requires_grad_() if i in diff_inputs else x for i, x in enumerate(args[:-n_out])
        )
        outs = _differentiable(func(*ins))
        gos = tuple(
            g.requires_grad_() if i in diff_grads else g for i, g in enumerate(args[-n_out:])
        )
        wrt = tuple(x for i, x in enumerate(ins) if i in diff_inputs)
        grads = grad(outs, wrt, gos, create_graph=True, allow_unused=True)
        return tuple(g for g in grads if g is not None)

    return gradcheck(
        first_derivatives,
        inputs + grad_outputs,
        eps=eps,
        atol=atol,
        rtol=rtol,
        raise_exception=raise_exception,
        nondet_tol=nondet_tol,
        check_undefined_grad=check_undefined_grad,
        check_grad_dtypes=check_grad_dtypes,
        check_batched_grad=check_batched_grad,
        fast_mode=fast_mode,
        check_forward_ad=check_fwd_over_rev,
        check_backward_ad=check_rev_over_rev,
        masked=masked,
    )


def _random_grad_output(rng, output, noncontiguous):
    from numtorch._creation import tensor

    dtype = output.dtype if output.dtype.category >= _dtype.FLOAT else _dtype.float64
    shape = tuple(output.shape)
    storage = shape[:-1] + (2 * shape[-1],) if noncontiguous and shape else shape
    values = rng.uniform(-1.0, 1.0, storage)
    if dtype.is_complex:
        values = values + 1j * rng.uniform(-1.0, 1.0, storage)
    t = tensor(values.tolist(), dtype=dtype, device=output.device)
    if noncontiguous and shape:
        t = t[..., ::2]
    return t.detach().requires_grad_()
