"""Runs op cases on numtorch and on live torch and prints the differences.

python -m tests.ops.check [name-prefix]
"""

import sys

import torch

import numtorch
from tests.ops.catalog import all_cases
from tests.ops.spec import differences, record


def main(prefix=""):
    failed = 0
    cases = all_cases(prefix)
    for case in cases:
        want = record(case, torch)
        try:
            got = record(case, numtorch)
            diffs = differences(got, want, case)
        except Exception as e:  # noqa: BLE001 - report and go on
            diffs = [f"harness error: {type(e).__name__}: {e}"]
        if diffs:
            failed += 1
            print(f"FAIL {case.name}: {case.expr}")
            for d in diffs[:5]:
                print("    " + d[:300])
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
