"""Golden records of torch's behaviour for every op case, one JSON file per cases module.

    python -m tests.ops.golden [cases_module_stem ...]   # re-record with real torch

The files let the differential tests run with torch uninstalled.
"""

import importlib
import json
import sys

from tests.ops.catalog import HERE
from tests.ops.spec import record

GOLDEN_DIR = HERE.parent / "golden" / "ops"


def path_for(stem):
    return GOLDEN_DIR / f"{stem}.json"


def load(stem):
    p = path_for(stem)
    return json.loads(p.read_text()) if p.exists() else {}


def write(stem):
    import torch

    module = importlib.import_module(f"tests.ops.{stem}")
    records = {case.name: record(case, torch) for case in module.CASES}
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    path_for(stem).write_text(json.dumps(records, indent=0, sort_keys=True) + "\n")
    return len(records)


if __name__ == "__main__":
    stems = sys.argv[1:] or [p.stem for p in sorted(HERE.glob("cases_*.py"))]
    for s in stems:
        print(f"{s}: {write(s)} cases recorded")
