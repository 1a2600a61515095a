"""`import numtorch` loads the tensor, the ops and autograd only; nn, optim, utils.data,
serialization, viz, ... load on first use, by attribute or by import statement (numtorch/_lazy.py)."""

import json
import os
import subprocess
import sys

import pytest

_REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAZY = (
    "numtorch.nn",
    "numtorch.optim",
    "numtorch.utils.data",
    "numtorch.viz",
    "numtorch.serialization",
    "numtorch.testing",
    "numtorch.special",
    "numtorch.linalg",
    "numtorch.return_types",
)


def _run(code):
    """Runs `code` in a fresh interpreter; returns what it printed, parsed as JSON."""
    env = dict(os.environ, PYTHONPATH=_REPO + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=_REPO
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_import_leaves_submodules_unloaded():
    loaded = _run(
        "import json, sys, numtorch\n"
        f"print(json.dumps([m for m in {list(LAZY)!r} if m in sys.modules]))"
    )
    assert loaded == []


@pytest.mark.parametrize(
    "statement",
    [
        "import numtorch as torch; m = torch.nn",
        "import numtorch.nn as m",
        "from numtorch import nn as m",
        "from numtorch.nn import functional as m",
    ],
)
def test_nn_loads_on_first_use(statement):
    got = _run(
        f"import json, sys\n{statement}\nimport numtorch\n"
        "print(json.dumps([numtorch.nn.Linear.__name__, m.__name__,\n"
        "    numtorch.nn is sys.modules['numtorch.nn'], 'numtorch.optim' in sys.modules]))"
    )
    assert got[0] == "Linear"
    assert got[1].startswith("numtorch.nn")
    assert got[2:] == [True, False]


def test_lazy_attributes():
    got = _run(
        "import json, numtorch as torch\n"
        "names = dir(torch)\n"
        "x = torch.ones(2, 2)\n"
        "print(json.dumps([\n"
        "    [n in names for n in ('nn', 'optim', 'utils', 'save', 'load', 'special', 'bilinear')],\n"
        "    torch.optim.SGD.__name__, torch.utils.data.DataLoader.__name__,\n"
        "    torch.save.__module__, torch.special.expit is torch.sigmoid,\n"
        "    torch.linalg.norm(x).item(), torch.testing.assert_close.__name__,\n"
        "    torch.bilinear(x, x, torch.ones(1, 2, 2)).shape == (2, 1),\n"
        "    torch._trilinear.__name__ == '_trilinear',\n"
        "]))"
    )
    assert got[0] == [True] * 7
    assert got[1:4] == ["SGD", "DataLoader", "numtorch.serialization"]
    assert got[4] is True
    assert got[5] == pytest.approx(2.0)
    assert got[6:] == ["assert_close", True, True]


def test_missing_attribute_is_attribute_error():
    got = _run(
        "import json, numtorch\n"
        "try:\n"
        "    numtorch.no_such_name\n"
        "except AttributeError as e:\n"
        "    print(json.dumps([str(e), hasattr(numtorch, 'no_such_name')]))"
    )
    assert got == ["module 'numtorch' has no attribute 'no_such_name'", False]
