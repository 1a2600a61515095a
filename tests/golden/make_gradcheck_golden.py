"""Writes tests/golden/gradcheck.json: torch's own gradcheck verdict on every op case's variant.

Run it with PyTorch installed (`python3 tests/golden/make_gradcheck_golden.py`) after adding op
cases. tests/test_gradcheck.py reads it without torch: where numtorch's gradcheck fails on a case
and torch's recorded verdict is not "pass" either, the inputs sit on a point with no derivative
(a kink, a tie) and the case is skipped rather than failed.
"""

import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))

import torch  # noqa: E402

from tests.test_gradcheck import GOLDEN, _grad_cases, _second_order_cases, run_check  # noqa: E402


def main():
    verdicts = {case.name: run_check(case, torch) for case in _grad_cases()}
    for case in _second_order_cases():
        verdicts["gradgradcheck:" + case.name] = run_check(case, torch, second_order=True)
    GOLDEN.write_text(json.dumps(verdicts, indent=0, sort_keys=True) + "\n")
    passed = sum(v == "pass" for v in verdicts.values())
    print(f"{len(verdicts)} verdicts ({passed} pass) -> {GOLDEN}", file=sys.stderr)


if __name__ == "__main__":
    main()
