"""numtorch's random streams equal torch's bit for bit, and so do the generator states after.

Every scenario of tests/random_scenarios.py runs for seeds 0, 1, 42, 2**32+5, 123456789 and
sizes 1 ... 4099; size 100003 runs for one seed per scenario (all seeds with
NUMTORCH_RANDOM_FULL=1). Outputs and states are compared with tests/golden/random/streams.json
(written from torch by make_random_golden.py) and, when torch is installed, with torch live.
"""

import json
import os
import pathlib
import warnings
import zlib

import pytest

import numtorch
from tests.random_scenarios import SCENARIOS, SEEDS, SIZES, run

GOLDEN = json.loads(
    (pathlib.Path(__file__).parent / "golden" / "random" / "streams.json").read_text()
)["streams"]
FULL = bool(os.environ.get("NUMTORCH_RANDOM_FULL"))

try:
    import torch
except ImportError:
    torch = None


def _sizes(name, seed):
    big = SIZES[-1]
    owner = SEEDS[zlib.crc32(name.encode()) % len(SEEDS)]
    return [n for n in SIZES if n != big or FULL or seed == owner]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_stream(name, seed):
    failures = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for n in _sizes(name, seed):
            got = run(numtorch, name, seed, n)
            want = GOLDEN[f"{name}|{seed}|{n}"]
            if list(got[:2]) != want[:2]:
                failures.append(
                    f"n={n}: golden values {got[0] == want[0]}, state {got[1] == want[1]}"
                )
            if n == 7 and got[2] != want[2]:
                failures.append(f"n=7 first values {got[2]} != torch's {want[2]}")
            if torch is not None:
                live = run(torch, name, seed, n)
                if got[:2] != live[:2]:
                    failures.append(
                        f"n={n}: live values {got[0] == live[0]}, state {got[1] == live[1]}"
                    )
    assert not failures, failures


def test_golden_covers_every_stream():
    for name in SCENARIOS:
        for seed in SEEDS:
            for n in SIZES:
                assert f"{name}|{seed}|{n}" in GOLDEN
