"""Speed of numtorch's torch-identical random streams vs real torch on 10**6 draws.

Cases: rand(10**6), randn(10**6), randint(0, 10, (10**6,)), randperm(10**6), float32/int64.
Both libraries run in this one process at 2 threads, blocks of calls interleaved (as in
overhead.py); the figure is the median block, per call. Before timing, each case is checked to
give torch's exact values under the same seed.

    python3 benchmarks/random_streams.py            # table (Markdown) on stdout
    python3 benchmarks/random_streams.py --json     # the same figures as JSON
"""

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "2")

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy  # noqa: E402
import torch  # noqa: E402

import numtorch  # noqa: E402
from benchmarks.overhead import _machine, measure  # noqa: E402

N = 10**6


def _cases(lib):
    return {
        "rand(10**6)": lambda: lib.rand(N),
        "randn(10**6)": lambda: lib.randn(N),
        "randint(0, 10, (10**6,))": lambda: lib.randint(0, 10, (N,)),
        "randperm(10**6)": lambda: lib.randperm(N),
    }


def check_same_results():
    ours, theirs = _cases(numtorch), _cases(torch)
    for name in ours:
        numtorch.manual_seed(0)
        torch.manual_seed(0)
        a, b = ours[name]().numpy(), theirs[name]().numpy()
        if a.dtype != b.dtype or a.tobytes() != b.tobytes():
            raise AssertionError(f"{name}: numtorch and torch disagree")


def run(blocks, target_s):
    torch.set_num_threads(2)
    check_same_results()
    ours, theirs = _cases(numtorch), _cases(torch)
    rows = {name: measure(ours[name], theirs[name], blocks, target_s) for name in ours}
    for r in rows.values():
        r["ratio"] = r["numtorch_us"] / r["torch_us"]
    ratios = [r["ratio"] for r in rows.values()]
    return {
        "command": "python3 " + " ".join(sys.argv),
        "machine": _machine(),
        "blocks": blocks,
        "rows": rows,
        "geomean_ratio": math.exp(sum(map(math.log, ratios)) / len(ratios)),
    }


def markdown(report):
    lines = [
        f"Command: `{report['command']}`  ",
        f"Machine: {report['machine']}  ",
        f"Median of {report['blocks']} interleaved blocks per case; spread = (max - min) / median. "
        "Both give the same numbers (checked before timing).",
        "",
        "| case | numtorch (ms) | torch (ms) | numtorch / torch | spread (numtorch / torch) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, r in report["rows"].items():
        lines.append(
            f"| {name} | {r['numtorch_us'] / 1e3:.2f} | {r['torch_us'] / 1e3:.2f} | "
            f"{r['ratio']:.1f}x | {r['numtorch_spread']:.0%} / {r['torch_spread']:.0%} |"
        )
    lines.append(f"| **geometric mean** | | | **{report['geomean_ratio']:.1f}x** | |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--blocks", type=int, default=7, help="interleaved blocks per case")
    parser.add_argument("--block-seconds", type=float, default=0.5, help="target block length")
    args = parser.parse_args()
    report = run(args.blocks, args.block_seconds)
    print(json.dumps(report, indent=2) if args.json else markdown(report))


if __name__ == "__main__":
    numpy.seterr(all="ignore")
    main()
