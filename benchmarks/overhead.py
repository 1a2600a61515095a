"""Per-call overhead of numtorch vs real torch on tiny tensors, and a 100-op autograd chain.

Both libraries run in this one process at 2 threads (torch.set_num_threads(2); NumPy's BLAS
through the *_NUM_THREADS variables set before NumPy is imported). Each case is timed in blocks
of N calls after a warm-up, numtorch and torch blocks interleaved so that load from other
processes hits both alike; the figure is the median block, per call.

    python3 benchmarks/overhead.py            # table (Markdown) on stdout
    python3 benchmarks/overhead.py --json     # the same figures as JSON
"""

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "2")

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy  # noqa: E402
import torch  # noqa: E402

import numtorch  # noqa: E402

CHAIN_LENGTH = 100


def _tiny_cases(lib):
    """name -> zero-argument callable running one op on 4x4 float32 tensors (no grad)."""
    gen = numpy.random.default_rng(0)
    a = lib.tensor(gen.standard_normal((4, 4)).astype("float32"))
    b = lib.tensor(gen.standard_normal((4, 4)).astype("float32"))
    cat = lib.cat
    return {
        "add": lambda: a + b,
        "mul": lambda: a * b,
        "sum": lambda: a.sum(),
        "matmul": lambda: a @ b,
        "exp": lambda: a.exp(),
        "index": lambda: a[0],
        "reshape": lambda: a.reshape(16),
        "cat": lambda: cat((a, b)),
    }


def _chain_step(y):
    """The ten-op pattern repeated in the chain (add, sub, mul, div, neg, pow; scalar and tensor
    operands): values stay finite and positive."""
    y = y * 1.01
    y = y + 0.5
    y = y / 1.5
    y = y - 0.1
    y = -y
    y = y * 0.9
    y = y**2
    y = y + 0.25
    y = y / 2.0
    return y * y


def _chain_case(lib):
    """Forward and backward through CHAIN_LENGTH elementwise ops on 16 elements."""
    x = lib.linspace(-1.0, 1.0, 16, dtype=lib.float32).requires_grad_()

    def run():
        x.grad = None
        y = x
        for _ in range(CHAIN_LENGTH // 10):
            y = _chain_step(y)
        y.sum().backward()
        return x.grad

    return run


def check_same_results():
    """Both libraries must compute the same values before their times are compared."""
    ours, theirs = _tiny_cases(numtorch), _tiny_cases(torch)
    for name in ours:
        a, b = ours[name]().numpy(), theirs[name]().numpy()
        if a.shape != b.shape or not numpy.allclose(a, b, rtol=1e-5, atol=1e-6):
            raise AssertionError(f"{name}: numtorch and torch disagree")
    a, b = _chain_case(numtorch)().numpy(), _chain_case(torch)().numpy()
    if not numpy.allclose(a, b, rtol=1e-3, atol=0):
        raise AssertionError(f"chain gradients disagree: {a} vs {b}")


def _time_block(fn, n):
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n


def _calls_for(fn, target_s):
    """Calls per block so that one block takes about target_s."""
    n = 1
    while True:
        t = _time_block(fn, n) * n
        if t >= target_s / 10 or n >= 1 << 20:
            return max(1, int(n * target_s / max(t, 1e-9)))
        n *= 4


def measure(fn_ours, fn_torch, blocks, target_s):
    """Median seconds per call of each, over `blocks` interleaved blocks, and their spread."""
    for _ in range(3):
        fn_ours(), fn_torch()
    n_ours, n_torch = _calls_for(fn_ours, target_s), _calls_for(fn_torch, target_s)
    ours, theirs = [], []
    for _ in range(blocks):
        ours.append(_time_block(fn_ours, n_ours))
        theirs.append(_time_block(fn_torch, n_torch))
    return {
        "numtorch_us": statistics.median(ours) * 1e6,
        "torch_us": statistics.median(theirs) * 1e6,
        "numtorch_spread": _spread(ours),
        "torch_spread": _spread(theirs),
        "calls_per_block": [n_ours, n_torch],
    }


def _spread(times):
    """(max - min) / median over the blocks: how noisy the measurement was."""
    return (max(times) - min(times)) / statistics.median(times)


def run(blocks, target_s, only=None):
    torch.set_num_threads(2)
    check_same_results()
    ours, theirs = _tiny_cases(numtorch), _tiny_cases(torch)
    rows = {}
    for name in ours:
        if only and name not in only:
            continue
        rows[name] = measure(ours[name], theirs[name], blocks, target_s)
    if not only or "chain" in only:
        rows[f"chain{CHAIN_LENGTH}_fwd_bwd"] = measure(
            _chain_case(numtorch), _chain_case(torch), blocks, target_s
        )
    for r in rows.values():
        r["ratio"] = r["numtorch_us"] / r["torch_us"]
    tiny = [r["ratio"] for k, r in rows.items() if not k.startswith("chain")]
    return {
        "command": "python3 " + " ".join(sys.argv),
        "machine": _machine(),
        "blocks": blocks,
        "rows": rows,
        "geomean_tiny_ratio": math.exp(sum(map(math.log, tiny)) / len(tiny)) if tiny else None,
    }


def _cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _machine():
    return (
        f"{_cpu_name()}, {os.cpu_count()} CPUs, no GPU; "
        f"Python {platform.python_version()}, NumPy {numpy.__version__}, torch {torch.__version__}, "
        f"torch threads {torch.get_num_threads()}"
    )


def markdown(report):
    lines = [
        f"Command: `{report['command']}`  ",
        f"Machine: {report['machine']}  ",
        f"Median of {report['blocks']} interleaved blocks per case; spread = (max - min) / median.",
        "",
        "| case | numtorch (µs) | torch (µs) | numtorch / torch | spread (numtorch / torch) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, r in report["rows"].items():
        label = name if name.startswith("chain") else f"{name} (4x4 float32)"
        lines.append(
            f"| {label} | {r['numtorch_us']:.2f} | {r['torch_us']:.2f} | {r['ratio']:.2f}x | "
            f"{r['numtorch_spread']:.0%} / {r['torch_spread']:.0%} |"
        )
    if report["geomean_tiny_ratio"] is not None:
        lines.append(
            f"| **geometric mean, 4x4 ops** | | | **{report['geomean_tiny_ratio']:.2f}x** | |"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--blocks", type=int, default=7, help="timed blocks per case (default 7)")
    parser.add_argument(
        "--block-seconds", type=float, default=0.1, help="target length of one block (0.1)"
    )
    parser.add_argument("--only", nargs="*", help="case names to run (e.g. add chain)")
    args = parser.parse_args(argv)
    report = run(args.blocks, args.block_seconds, args.only)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(markdown(report))


if __name__ == "__main__":
    main()
