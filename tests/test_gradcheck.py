"""gradcheck itself, and a float64 gradcheck of every differentiable op case.

Every case in tests/ops/cases_*.py with grad inputs is turned into a float64 variant (each float
input made with grad=True becomes float64; the rest stay as they are) and the map from those grad
inputs to the case's floating outputs goes through `numtorch.autograd.gradcheck`; a subset goes
through `gradgradcheck` too. Cases whose expression raises are skipped. A check that fails where
torch's own gradcheck fails on the same variant (a kink, a tie: no derivative there) is skipped
too: live torch says so when installed, else tests/golden/gradcheck.json, which
tests/golden/make_gradcheck_golden.py records.
"""

import copy
import json
import pathlib
import warnings

import pytest

import numtorch
from numtorch.autograd.gradcheck import GradcheckError
from tests.ops.catalog import all_cases
from tests.ops.spec import FLOAT_DTYPES, T, _seed, build_inputs, evaluate

try:
    import torch
except ImportError:
    torch = None

GOLDEN = pathlib.Path(__file__).with_name("golden") / "gradcheck.json"

# Where a case's outputs are not double precision (the expression fixes their dtype), the check
# runs with tolerances fit for single precision; half precision cannot be checked this way.
SINGLE = {"eps": 1e-3, "atol": 1e-2, "rtol": 1e-2}
CHECKABLE = ("float64", "complex128", "float32", "complex64")


# ---------------------------------------------------------------- the float64 variant of a case


def _promoted(spec):
    """The float64 (complex128) spec for a grad input; an expanded one is made unexpanded."""
    new = copy.copy(spec)
    new.dtype = "complex128" if spec.dtype.startswith("complex") else "float64"
    if spec.layout == "expand":
        new.shape = spec._storage_shape()
        new.layout = "contig"
    return new


class Variant:
    """A case's float64 gradcheck problem in one library: `func(*leaves)` -> float outputs."""

    def __init__(self, case, lib):
        self.case, self.lib = case, lib
        self.names = [
            k
            for k, v in case.inputs.items()
            if isinstance(v, T) and v.grad and (v.dtype in FLOAT_DTYPES or "complex" in v.dtype)
        ]
        self.rest = copy.copy(case)
        self.rest.inputs = {k: v for k, v in case.inputs.items() if k not in self.names}
        self.leaves = tuple(
            _promoted(case.inputs[k]).make(lib, _seed(case.name, k)) for k in self.names
        )

    def func(self, *leaves):
        lib = self.lib
        env = build_inputs(self.rest, lib)  # fresh every call: the expression may write into them
        for k, leaf in zip(self.names, leaves):
            spec = self.case.inputs[k]
            env[k] = leaf.expand(*spec.shape) if spec.layout == "expand" else leaf
        lib.manual_seed(0)  # random ops draw the same numbers on every call
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = evaluate(self.case, lib, env)
        return tuple(
            t
            for t in _flat(out)
            if getattr(t, "dtype", None) is not None
            and (t.dtype.is_floating_point or t.dtype.is_complex)
        )

    def tolerances(self):
        """gradcheck keywords for this variant, or a reason it cannot be checked."""
        outs = [o for o in self.func(*self.leaves) if o.requires_grad]
        names = {str(o.dtype).replace("torch.", "") for o in outs}
        if not names <= set(CHECKABLE):
            return f"outputs in {sorted(names)}: too coarse for finite differences"
        if names <= {"float64", "complex128"}:
            return {}
        return dict(SINGLE)


def _flat(out):
    if isinstance(out, (tuple, list)):
        return [t for o in out for t in _flat(o)]
    return [out] if hasattr(out, "grad_fn") else []


def run_check(case, lib, second_order=False):
    """'pass', 'fail: <first line>' or 'raises: <type>' for a case's variant in `lib`."""
    try:
        variant = Variant(case, lib)
        if not variant.leaves:
            return "raises: no grad inputs"
        kw = variant.tolerances()
        if isinstance(kw, str):
            return "raises: " + kw
        check = lib.autograd.gradgradcheck if second_order else lib.autograd.gradcheck
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            check(variant.func, variant.leaves, **kw)
    except Exception as e:  # noqa: BLE001 - how it fails is the result
        if type(e).__name__ == "GradcheckError":
            return "fail: " + str(e).split("\n")[0]
        return f"raises: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"
    return "pass"


# ---------------------------------------------------------------- the sweep over op cases


def _grad_cases():
    return [
        c
        for c in all_cases()
        if c.grad and any(isinstance(v, T) and v.grad for v in c.inputs.values())
    ]


def _second_order_cases():
    """The first grad case of each op (the name before the first dot)."""
    seen, out = set(), []
    for c in _grad_cases():
        op = c.name.split(".")[0]
        if op not in seen:
            seen.add(op)
            out.append(c)
    return out


def _golden():
    return json.loads(GOLDEN.read_text()) if GOLDEN.exists() else {}


def _torch_result(case, second_order):
    if torch is not None:
        return run_check(case, torch, second_order)
    return _golden().get(("gradgradcheck:" if second_order else "") + case.name)


def _check_case(case, second_order):
    got = run_check(case, numtorch, second_order)
    if got == "pass":
        return
    if got.startswith("raises"):
        pytest.skip(f"the variant cannot be checked: {got}")
    want = _torch_result(case, second_order)
    if want is not None and want != "pass":
        pytest.skip(f"torch's gradcheck does not pass here either ({want})")
    pytest.fail(f"{case.name}: {case.expr}\n{got}")


@pytest.mark.parametrize("case", _grad_cases(), ids=lambda c: c.name)
def test_gradcheck_case(case):
    _check_case(case, second_order=False)


@pytest.mark.parametrize("case", _second_order_cases(), ids=lambda c: c.name)
def test_gradgradcheck_case(case):
    _check_case(case, second_order=True)


def test_sweep_covers_cases():
    cases = _grad_cases()
    assert len(cases) >= 10
    assert {c.name for c in _second_order_cases()} <= {c.name for c in cases}


# ---------------------------------------------------------------- gradcheck itself


def _double(values, requires_grad=True):
    return numtorch.tensor(values, dtype=numtorch.float64, requires_grad=requires_grad)


def _wrong_backward(x):
    """3x forward, but the backward sees only one x (the rest is detached)."""
    return x.detach() * 2 + x


def test_gradcheck_passes_correct_gradients():
    x = _double([1.0, 2.0, 3.0])
    y = _double([[0.5, -1.0], [2.0, 0.25]])
    assert numtorch.autograd.gradcheck(lambda a: a * a, (x,))
    assert numtorch.autograd.gradcheck(lambda a: a * a, x)  # a lone tensor is one input
    assert numtorch.autograd.gradcheck(lambda a, b: (a * b.sum(), b.exp()), (x, y))
    assert numtorch.autograd.gradcheck(lambda a, b: (a * b.sum(), b.exp()), [x, y], fast_mode=True)


def test_gradcheck_ignores_inputs_without_grad():
    x = _double([1.0, 2.0])
    k = _double([3.0, 4.0], requires_grad=False)
    assert numtorch.autograd.gradcheck(lambda a, b, s: a * b * s, (x, k, 2.5))


def test_gradcheck_mismatch_message():
    x = _double([1.0, 2.0, 3.0])
    with pytest.raises(GradcheckError) as info:
        numtorch.autograd.gradcheck(_wrong_backward, (x,))
    assert isinstance(info.value, RuntimeError)
    assert str(info.value) == (
        "Jacobian mismatch for output 0 with respect to input 0,\n"
        "numerical:tensor([[3.0000, 0.0000, 0.0000],\n"
        "        [0.0000, 3.0000, 0.0000],\n"
        "        [0.0000, 0.0000, 3.0000]], dtype=torch.float64)\n"
        "analytical:tensor([[1., 0., 0.],\n"
        "        [0., 1., 0.],\n"
        "        [0., 0., 1.]], dtype=torch.float64)\n"
    )
    assert numtorch.autograd.gradcheck(_wrong_backward, (x,), raise_exception=False) is False


def test_gradcheck_names_output_and_input():
    x, y = _double([1.0, 2.0]), _double([3.0])
    with pytest.raises(GradcheckError, match="for output 1 with respect to input 1,"):
        numtorch.autograd.gradcheck(lambda a, b: (a * 2, a + _wrong_backward(b)), (x, y))


def test_gradcheck_fast_mode_mismatch():
    x = _double([1.0, 2.0, 3.0])
    with pytest.raises(GradcheckError) as info:
        numtorch.autograd.gradcheck(_wrong_backward, (x,), fast_mode=True)
    text = str(info.value)
    assert text.startswith("Jacobian mismatch for output 0 with respect to input 0,\nnumerical:")
    assert "Below, we recompute numerical and analytical jacobians in slow mode" in text
    assert "The max per-element difference (slow mode) is: 1.99999" in text


def test_gradcheck_input_errors():
    with pytest.raises(ValueError, match="^gradcheck expects at least one input tensor to require"):
        numtorch.autograd.gradcheck(lambda a: a * 2, (_double([1.0], requires_grad=False),))
    expanded = _double([[1.0, 2.0]], requires_grad=False).expand(3, 2).requires_grad_()
    with pytest.raises(RuntimeError, match="^The 0th input has a dimension with stride 0."):
        numtorch.autograd.gradcheck(lambda a: a * 2, (expanded,))


def test_gradcheck_warns_for_single_precision():
    x = numtorch.tensor([1.0, 2.0], requires_grad=True)
    with pytest.warns(UserWarning, match="^Input #0 requires gradient and is not a double"):
        ok = numtorch.autograd.gradcheck(lambda a: a * 2, (x,), eps=1e-3, atol=1e-3)
    assert ok
    with pytest.warns(UserWarning), pytest.raises(GradcheckError):
        numtorch.autograd.gradcheck(lambda a: a * 2, (x,))  # float32 with eps=1e-6 is too coarse


def test_gradcheck_outputs_without_grad():
    x = _double([1.0, 2.0])
    assert numtorch.autograd.gradcheck(lambda a: a.detach() * 0, (x,))
    with pytest.raises(
        GradcheckError, match="^Numerical gradient for function expected to be zero"
    ):
        numtorch.autograd.gradcheck(lambda a: a.detach() * 2, (x,))


def test_gradcheck_tolerances():
    x = _double([1.0, 2.0])

    def slightly_off(a):  # gradient 1.0 where the function's slope is 1.001
        return a * 1.001 - a.detach() * 0.001

    assert not numtorch.autograd.gradcheck(slightly_off, (x,), raise_exception=False, rtol=1e-4)
    assert numtorch.autograd.gradcheck(slightly_off, (x,), rtol=1e-2)
    assert numtorch.autograd.gradcheck(slightly_off, (x,), rtol=0, atol=2e-3)


def test_gradcheck_complex_output():
    x = _double([1.0, 2.0])
    assert numtorch.autograd.gradcheck(lambda a: a * (1 + 2j), (x,))
    with pytest.raises(GradcheckError, match="^While considering the imaginary part of complex"):
        numtorch.autograd.gradcheck(lambda a: _wrong_backward(a) * (1 + 2j), (x,))


def test_gradcheck_unsupported_modes():
    x = _double([1.0])
    with pytest.raises(AssertionError, match="at least one of check_forward_ad or check_backward"):
        numtorch.autograd.gradcheck(lambda a: a, (x,), check_backward_ad=False)
    with pytest.raises(NotImplementedError):
        numtorch.autograd.gradcheck(lambda a: a, (x,), check_forward_ad=True)


def test_gradgradcheck():
    x = _double([1.0, -2.0, 0.5])
    assert numtorch.autograd.gradgradcheck(lambda a: a * a * a, (x,))
    go = _double([0.5, 1.0, -1.0])
    assert numtorch.autograd.gradgradcheck(lambda a: a * a * a, (x,), (go,))
    assert numtorch.autograd.gradgradcheck(
        lambda a: a * a * a, (x,), gen_non_contig_grad_outputs=True
    )


def _detached_second_order(a):
    """x**3 whose first derivative is right but whose second misses a term."""
    square = a * a
    square.register_hook(lambda g: g.detach())
    return square * a


def test_gradgradcheck_detects_wrong_second_derivative():
    x = _double([1.0, -2.0, 0.5])
    assert numtorch.autograd.gradcheck(_detached_second_order, (x,))
    with pytest.raises(
        GradcheckError, match="^Jacobian mismatch for output 0 with respect to input 0"
    ):
        numtorch.autograd.gradgradcheck(_detached_second_order, (x,))


def test_messages_match_torch():
    live = pytest.importorskip("torch")
    for fn, kw in ((_wrong_backward, {}), (lambda a: _wrong_backward(a) * (1 + 2j), {})):
        got = want = None
        try:
            numtorch.autograd.gradcheck(fn, (_double([1.0, 2.0, 3.0]),), **kw)
        except GradcheckError as e:
            got = str(e)
        try:
            x = live.tensor([1.0, 2.0, 3.0], dtype=live.float64, requires_grad=True)
            live.autograd.gradcheck(fn, (x,), **kw)
        except RuntimeError as e:
            want = str(e)
        assert got == want
