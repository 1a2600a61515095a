"""Every workload of issue 7's targets table, numtorch vs real torch, in one command.

Both libraries at 2 threads (BENCH_THREADS=n to change: on a machine whose cores are busy with
other work, 2 BLAS threads that wait for a core are many times slower than 1), one process,
interleaved blocks, medians after warm-up (overhead.py's `measure`). Import times come from fresh
subprocesses; peak memory from one fresh subprocess per library (training.py).

    python3 benchmarks/all.py                      # the table (Markdown)
    python3 benchmarks/all.py --json               # the same figures as JSON
    python3 benchmarks/all.py --quick --only mlp,lenet
Row groups for --only: import, overhead, chain, fused, matmul, mlp, lenet, memory, random.
"""

import os

# before NumPy loads: its BLAS threads (torch's are set in run())
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = os.environ.setdefault("BENCH_THREADS", "2")

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy  # noqa: E402
import torch  # noqa: E402

import numtorch  # noqa: E402
from benchmarks import import_time, overhead, random_streams, training  # noqa: E402

GROUPS = ("import", "overhead", "chain", "fused", "matmul", "mlp", "lenet", "memory", "random")
FUSED_N = 10**7


def _row(workload, ours, theirs, unit, target, ratio, met, **extra):
    return dict(
        workload=workload,
        numtorch=ours,
        torch=theirs,
        unit=unit,
        ratio=ratio,
        target=target,
        met=met,
        **extra,
    )


def import_rows(runs):
    """Fresh-process imports with warm bytecode caches, alternating (benchmarks/import_time.py)."""
    medians = import_time.measure(runs, ("numtorch", "torch"))
    a, b = medians["numtorch"] * 1e3, medians["torch"] * 1e3
    return [
        _row("`import` in a fresh process", a, b, "ms", "<= 0.1x", a / b, a / b <= 0.1, runs=runs)
    ]


def overhead_rows(blocks, target_s):
    ours, theirs = overhead._tiny_cases(numtorch), overhead._tiny_cases(torch)
    ratios = {}
    for name in ours:
        r = overhead.measure(ours[name], theirs[name], blocks, target_s)
        ratios[name] = r["numtorch_us"] / r["torch_us"]
    geomean = math.exp(sum(map(math.log, ratios.values())) / len(ratios))
    return [
        _row(
            "per-op overhead, 4x4 float32 (geomean of " + ", ".join(ratios) + ")",
            None,
            None,
            "",
            "<= 2x",
            geomean,
            geomean <= 2,
            per_op_ratio=ratios,
        )
    ]


def chain_rows(blocks, target_s):
    r = overhead.measure(
        overhead._chain_case(numtorch), overhead._chain_case(torch), blocks, target_s
    )
    ratio = r["numtorch_us"] / r["torch_us"]
    return [
        _row(
            f"chain of {overhead.CHAIN_LENGTH} ops on 16 elements, fwd + bwd",
            r["numtorch_us"],
            r["torch_us"],
            "µs",
            "<= 1x",
            ratio,
            ratio <= 1,
        )
    ]


def fused_rows(blocks, target_s):
    gen = numpy.random.default_rng(0)
    a, b, c = (gen.standard_normal(FUSED_N, dtype=numpy.float32) for _ in range(3))
    ta, tb, tc = (numtorch.from_numpy(x) for x in (a, b, c))
    r = overhead.measure(lambda: (ta * tb + tc).sum(), lambda: (a * b + c).sum(), blocks, target_s)
    torch_r = overhead.measure(
        lambda: (ta * tb + tc).sum(),
        lambda: (torch.from_numpy(a) * torch.from_numpy(b) + torch.from_numpy(c)).sum(),
        max(3, blocks // 2),
        target_s,
    )
    ratio = r["numtorch_us"] / r["torch_us"]
    return [
        _row(
            "`(a * b + c).sum()`, 10M float32, vs plain NumPy",
            r["numtorch_us"] / 1e3,
            r["torch_us"] / 1e3,
            "ms (torch column: NumPy)",
            "<= 1.1x NumPy",
            ratio,
            ratio <= 1.1,
            real_torch_ms=torch_r["torch_us"] / 1e3,
        )
    ]


def matmul_rows(blocks, target_s):
    rows = []
    for n in (1024, 2048):
        gen = numpy.random.default_rng(n)
        a, b = (gen.standard_normal((n, n), dtype=numpy.float32) for _ in range(2))
        na, nb = numtorch.from_numpy(a), numtorch.from_numpy(b)
        ta, tb = torch.from_numpy(a), torch.from_numpy(b)
        if not numpy.allclose((na @ nb).numpy(), (ta @ tb).numpy(), rtol=1e-3, atol=1e-2):
            raise AssertionError(f"matmul {n}: numtorch and torch disagree")
        r = overhead.measure(
            lambda na=na, nb=nb: na @ nb, lambda ta=ta, tb=tb: ta @ tb, blocks, max(target_s, 0.3)
        )
        flops = 2.0 * n**3
        ours, theirs = flops / r["numtorch_us"] / 1e3, flops / r["torch_us"] / 1e3
        rows.append(
            _row(
                f"float32 matmul {n}x{n}",
                ours,
                theirs,
                "GFLOP/s",
                ">= 1x",
                ours / theirs,
                ours >= theirs,
            )
        )
    return rows


def training_rows(names, blocks, target_s):
    targets = {"mlp": 1.0, "lenet": 0.8}
    rows = []
    for r in training.speed(names, blocks, target_s).values():
        goal = targets[r["model"]]
        rows.append(
            _row(
                f"{'MLP 784-512-256-10' if r['model'] == 'mlp' else 'LeNet CNN'}, "
                f"batch {r['batch']}, training",
                r["numtorch_steps_s"],
                r["torch_steps_s"],
                "steps/s",
                f">= {goal:g}x",
                r["ratio"],
                r["ratio"] >= goal,
            )
        )
    return rows


def memory_rows(steps):
    m = training.memory(steps)
    ours, theirs = m["numtorch"], m["torch"]
    first, last = m["samples"]
    growth = m["numtorch_growth"]
    flat = growth <= 0.05 * ours[f"rss_step_{first}"]
    mib = 2**20
    return [
        _row(
            f"peak RSS over {steps} MLP (batch 128) steps",
            ours["peak_rss"] / mib,
            theirs["peak_rss"] / mib,
            "MiB",
            "<= 1.5x",
            m["ratio"],
            m["ratio"] <= 1.5,
            numtorch_tracemalloc_peak_mib=m["numtorch_tracemalloc_peak"] / mib,
        ),
        _row(
            "peak RSS above the RSS after import and setup (the training's own memory)",
            (ours["peak_rss"] - ours["rss_after_setup"]) / mib,
            (theirs["peak_rss"] - theirs["rss_after_setup"]) / mib,
            "MiB",
            "(information)",
            (ours["peak_rss"] - ours["rss_after_setup"])
            / max(1, theirs["peak_rss"] - theirs["rss_after_setup"]),
            None,
        ),
        _row(
            f"RSS growth from step {first} to step {last}",
            growth / mib,
            m["torch_growth"] / mib,
            "MiB",
            "flat (<= 5 %)",
            None,
            flat,
        ),
    ]


def random_rows(blocks, target_s):
    random_streams.check_same_results()
    ours, theirs = random_streams._cases(numtorch), random_streams._cases(torch)
    rows = []
    for name in ("randn(10**6)", "randperm(10**6)"):
        r = overhead.measure(ours[name], theirs[name], blocks, target_s)
        ratio = r["numtorch_us"] / r["torch_us"]
        rows.append(
            _row(
                f"`{name}`",
                r["numtorch_us"] / 1e3,
                r["torch_us"] / 1e3,
                "ms",
                "<= 2x",
                ratio,
                ratio <= 2,
            )
        )
    return rows


def run(only, quick):
    blocks, target_s = (3, 0.1) if quick else (7, 0.3)
    torch.set_num_threads(training.THREADS)
    overhead.check_same_results()
    rows = []
    if "import" in only:
        rows += import_rows(3 if quick else 7)
    if "overhead" in only:
        rows += overhead_rows(blocks, min(target_s, 0.1))
    if "chain" in only:
        rows += chain_rows(blocks, target_s)
    if "fused" in only:
        rows += fused_rows(blocks, target_s)
    if "matmul" in only:
        rows += matmul_rows(blocks, target_s)
    names = [n for n, (kind, _) in training.SPEED_CASES.items() if kind in only]
    if names:
        rows += training_rows(names, blocks, max(target_s, 0.5))
    if "memory" in only:
        rows += memory_rows(200 if quick else training.MEMORY_STEPS)
    if "random" in only:
        rows += random_rows(blocks, target_s)
    return {
        "command": "python3 " + " ".join(sys.argv),
        "machine": overhead._machine(),
        "load_average": os.getloadavg(),
        "blocks": blocks,
        "rows": rows,
    }


def _fmt(x):
    if x is None:
        return ""
    return f"{x:.3g}" if abs(x) < 100 else f"{x:.0f}"


def _met(met):
    return "" if met is None else "yes" if met else "**no**"


def markdown(report):
    load = ", ".join(f"{x:.2f}" for x in report["load_average"])
    lines = [
        f"Command: `{report['command']}`  ",
        f"Machine: {report['machine']}; load average at the end {load}  ",
        f"Median of {report['blocks']} interleaved blocks per timed row. Ratio: numtorch / torch "
        "for times and memory, numtorch / torch for throughputs (steps/s, GFLOP/s).",
        "",
        "| workload | numtorch | torch | unit | ratio | target | met |",
        "|---|---:|---:|---|---:|---|---|",
    ]
    for r in report["rows"]:
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}x"
        lines.append(
            f"| {r['workload']} | {_fmt(r['numtorch'])} | {_fmt(r['torch'])} | {r['unit']} | "
            f"{ratio} | {r['target']} | {_met(r['met'])} |"
        )
        if "per_op_ratio" in r:
            per_op = ", ".join(f"{k} {v:.2f}x" for k, v in r["per_op_ratio"].items())
            lines.append(f"| ↳ per op (numtorch / torch): {per_op} | | | | | | |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--quick", action="store_true", help="fewer, shorter blocks")
    parser.add_argument("--only", help="comma list of row groups: " + ",".join(GROUPS))
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else set(GROUPS)
    unknown = only - set(GROUPS)
    if unknown:
        parser.error(f"unknown groups {sorted(unknown)}; choose from {','.join(GROUPS)}")
    numpy.seterr(all="ignore")
    start = time.perf_counter()
    report = run(only, args.quick)
    report["seconds"] = time.perf_counter() - start
    print(json.dumps(report, indent=2) if args.json else markdown(report))


if __name__ == "__main__":
    main()
