"""Collects every op case from the `cases_*.py` modules beside this file."""

import importlib
import pathlib

HERE = pathlib.Path(__file__).parent


def all_cases(prefix=""):
    """Every Case, in file order; `prefix` keeps only cases whose name starts with it."""
    cases, seen = [], set()
    for path in sorted(HERE.glob("cases_*.py")):
        module = importlib.import_module(f"tests.ops.{path.stem}")
        for case in module.CASES:
            if case.name in seen:
                raise ValueError(f"two cases named {case.name!r}")
            seen.add(case.name)
            if case.name.startswith(prefix):
                cases.append(case)
    return cases
