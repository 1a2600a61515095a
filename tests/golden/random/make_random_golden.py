"""Writes tests/golden/random/streams.json: torch's random streams, hashed.

Run with PyTorch installed: `python3 tests/golden/random/make_random_golden.py`. For every
scenario of tests/random_scenarios.py, seed and size it stores the sha256 (16 hex digits) of the
outputs' bytes and of the generator state after the calls, and the first values at size 7.
tests/test_random_streams.py replays it without PyTorch.
"""

import json
import pathlib
import sys
import warnings

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3]))

import torch  # noqa: E402

from tests.random_scenarios import SCENARIOS, SEEDS, SIZES, run  # noqa: E402

GOLDEN = pathlib.Path(__file__).with_name("streams.json")


def main():
    warnings.simplefilter("ignore")
    doc = {"torch_version": torch.__version__, "streams": {}}
    for name in SCENARIOS:
        for seed in SEEDS:
            for n in SIZES:
                out, state, head = run(torch, name, seed, n)
                entry = [out, state] + ([head] if n == 7 else [])
                doc["streams"][f"{name}|{seed}|{n}"] = entry
    GOLDEN.write_text(json.dumps(doc, indent=0, sort_keys=True) + "\n")
    print(f"{len(doc['streams'])} streams -> {GOLDEN}")


if __name__ == "__main__":
    main()
