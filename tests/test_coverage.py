"""Every public op name in the registry is exercised by at least one op case.

A name counts as covered when some case expression (tests/ops/cases_*.py) uses it: `torch.name(`,
`x.name(` or `.name` for a property; a dunder counts when its operator appears in the form that
reaches it (`a + b` for __add__, `2 + a` for __radd__, `a += b` for __iadd__, `-a` for __neg__,
...). The allow-list names what no case can reach, with the reason.
"""

import pathlib
import re

import pytest

import numtorch  # noqa: F401 - binds the registry
from numtorch._ops.registry import FUNCTIONS, METHODS
from tests.ops.catalog import all_cases

# Names no op case can exercise, and why.
ALLOWED = {
    "__div__": "Python 2's division hook: no Python 3 operator reaches it",
    "__idiv__": "Python 2's in-place division hook: no Python 3 operator reaches it",
    "__rdiv__": "Python 2's reflected division hook: no Python 3 operator reaches it",
    "__rmatmul__": "reached only from a left operand without __matmul__, which torch has none of",
    "bfloat16": "needs ml_dtypes for storage, which the test environment need not have",
}

_END = r"[\w)\]]\s*"  # the end of a left operand
_LITERAL = r"(?<![\w.])(?:\d[\d_]*\.?\d*(?:e-?\d+)?j?|True|False)\s*"  # a Python number on the left
_START = r"\s*[\w(\[]"  # the start of a right operand

# operator text -> a pattern for the operator that does not also match a longer one
_BINARY = {
    "add": r"\+(?![+=])",
    "sub": r"-(?![-=])",
    "mul": r"(?<!\*)\*(?![*=])",
    "truediv": r"(?<!/)/(?![/=])",
    "floordiv": r"//(?!=)",
    "mod": r"%(?!=)",
    "pow": r"\*\*(?!=)",
    "matmul": r"@(?!=)",
    "and": r"&(?!=)",
    "or": r"\|(?!=)",
    "xor": r"\^(?!=)",
    "lshift": r"<<(?!=)",
    "rshift": r">>(?!=)",
}
_IN_PLACE = {
    name: re.escape(op) + "="
    for name, op in {
        "add": "+",
        "sub": "-",
        "mul": "*",
        "truediv": "/",
        "floordiv": "//",
        "mod": "%",
        "pow": "**",
        "matmul": "@",
        "and": "&",
        "or": "|",
        "xor": "^",
        "lshift": "<<",
        "rshift": ">>",
    }.items()
}
_COMPARE = {
    "eq": r"==",
    "ne": r"!=",
    "lt": r"(?<![<])<(?![<=])",
    "le": r"<=",
    "gt": r"(?<![>-])>(?![>=])",
    "ge": r">=",
}
_UNARY_START = r"(?:^|[(\[,=:+\-*/]|\breturn\b|\bout\s*=)\s*"


def dunder_pattern(name):
    """A regex that finds the operator form reaching dunder `name`, or None if unknown."""
    core = name[2:-2]
    if core in _BINARY:
        return re.compile(_END + _BINARY[core] + _START)
    if core.startswith("r") and core[1:] in _BINARY:
        return re.compile(_LITERAL + _BINARY[core[1:]] + _START)
    if core.startswith("i") and core[1:] in _IN_PLACE:
        return re.compile(_END + _IN_PLACE[core[1:]])
    if core in _COMPARE:
        return re.compile(_END + _COMPARE[core] + _START)
    unary = {"neg": r"-", "pos": r"\+", "invert": r"~"}
    if core in unary:
        return re.compile(_UNARY_START + unary[core] + r"\s*[\w(]", re.MULTILINE)
    if core in ("abs", "len", "bool", "float", "int", "complex"):
        return re.compile(rf"(?<![\w.]){core}\(")
    if core == "getitem":
        return re.compile(r"\w\[")
    if core == "setitem":
        return re.compile(r"\w\[[^\]]*\]\s*=(?!=)")
    return None


def name_pattern(name):
    if name.startswith("__") and name.endswith("__"):
        return dunder_pattern(name)
    return re.compile(rf"\.{re.escape(name)}\b")


def public_names():
    return sorted(set(FUNCTIONS) | set(METHODS))


# Tests outside the op cases that also run each call on numtorch and on torch and compare: the
# random streams are compared bit for bit there (sampling ops cannot be op cases: their values
# depend on the generator's state, which the cases do not carry).
_OTHER_DIFFERENTIAL = ("random_scenarios.py", "test_random_api.py")


def missing_names():
    """Public names that no case expression (or other differential test) uses (the allow-list
    aside)."""
    exprs = [case.expr for case in all_cases()]
    here = pathlib.Path(__file__).parent
    exprs += [(here / name).read_text() for name in _OTHER_DIFFERENTIAL]
    text = "\n".join(exprs)
    missing = []
    for name in public_names():
        if name in ALLOWED or (name.startswith("_") and not name.startswith("__")):
            continue
        pattern = name_pattern(name)
        if pattern is None or not pattern.search(text):
            missing.append(name)
    return missing


def test_every_public_name_has_a_case():
    missing = missing_names()
    print(f"{len(missing)} public names without a case:\n" + " ".join(missing))
    assert not missing, f"{len(missing)} names without a case: {' '.join(missing)}"


def test_allow_list_names_exist():
    """The allow-list must not rot: each name is a real public name."""
    assert set(ALLOWED) <= set(public_names())


@pytest.mark.parametrize(
    "name,text,found",
    [
        ("__add__", "a + b", True),
        ("__add__", "a += b", False),
        ("__iadd__", "out = a.clone()\nout += b", True),
        ("__radd__", "2 + a", True),
        ("__radd__", "a + 2", False),
        ("__sub__", "torch.sub(a, b) - c", True),
        ("__neg__", "-a", True),
        ("__neg__", "a - b", False),
        ("__mul__", "a ** 2", False),
        ("__pow__", "a ** 2", True),
        ("__rpow__", "2 ** a", True),
        ("__truediv__", "a // b", False),
        ("__floordiv__", "a // b", True),
        ("__lt__", "a << b", False),
        ("__lshift__", "a << b", True),
        ("__le__", "a <= b", True),
        ("__invert__", "~a", True),
        ("__abs__", "abs(a)", True),
        ("__getitem__", "a[1:]", True),
        ("__setitem__", "a[0] = 1", True),
        ("add", "torch.add(a, b)", True),
        ("add", "a.add_(b)", False),
        ("add_", "a.add_(b)", True),
        ("real", "a.real", True),
    ],
)
def test_patterns(name, text, found):
    assert bool(name_pattern(name).search(text)) is found
