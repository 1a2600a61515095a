"""Training steps per second and peak memory of numtorch vs real torch on the issue's models.

Models: an MLP 784-512-256-10 (ReLU, cross-entropy, SGD lr 0.01) at batch 128 and 16, and a
LeNet-style CNN (conv 1->6 5x5, max-pool 2, conv 6->16 5x5, max-pool 2, linear 256->120->84->10,
28x28 input) at batch 64. Both libraries get the same initial weights (fixed NumPy draws) and the
same synthetic batches; before timing, their first-step losses must agree.

Speed: both libraries in this one process at 2 threads (BENCH_THREADS=n to change: on a loaded
machine, 2 threads that must wait for a core make BLAS calls of both libraries many times
slower), interleaved blocks of steps, medians (as in overhead.py).
Memory: one fresh subprocess per library runs 1000 MLP (batch 128) steps and reports its peak
RSS (VmHWM, see _peak_rss_bytes) and its RSS at steps 100 and 1000 (/proc/self/statm); a third
subprocess gives numtorch's tracemalloc peak.

    python3 benchmarks/training.py            # table (Markdown) on stdout
    python3 benchmarks/training.py --json     # the same figures as JSON
    python3 benchmarks/training.py --only mlp128,lenet --quick
    python3 benchmarks/training.py --phases mlp16,lenet64   # CPU time per phase of a step
"""

import os

# torch's intra-op threads and NumPy's BLAS threads: 2 unless BENCH_THREADS says otherwise
THREADS = int(os.environ.setdefault("BENCH_THREADS", "2"))
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = str(THREADS)

import argparse  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import numpy  # noqa: E402

LEARNING_RATE = 0.01
DATA_BATCHES = 4  # distinct synthetic batches, cycled through
MEMORY_STEPS = 1000

SPEED_CASES = {
    # name -> (model, batch size)
    "mlp128": ("mlp", 128),
    "mlp16": ("mlp", 16),
    "lenet64": ("lenet", 64),
}


def build_model(lib, kind):
    nn = lib.nn
    if kind == "mlp":
        return nn.Sequential(
            nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 10)
        )
    return nn.Sequential(
        nn.Conv2d(1, 6, 5),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(16 * 4 * 4, 120),
        nn.ReLU(),
        nn.Linear(120, 84),
        nn.ReLU(),
        nn.Linear(84, 10),
    )


def initial_weights(model):
    """The same starting weights in either library: fixed normal draws with the spread of
    PyTorch's default init (uniform within 1/sqrt(fan_in), so std 1/sqrt(3 fan_in)); a bias
    takes the fan-in of the weight before it."""
    gen = numpy.random.default_rng(1234)
    arrays, fan_in = {}, 1
    for name, p in model.state_dict().items():
        shape = tuple(p.shape)
        if len(shape) > 1:
            fan_in = int(numpy.prod(shape[1:]))
        arrays[name] = (gen.standard_normal(shape) / numpy.sqrt(3.0 * fan_in)).astype("float32")
    return arrays


def synthetic_data(kind, batch):
    gen = numpy.random.default_rng(42)
    shape = (batch, 784) if kind == "mlp" else (batch, 1, 28, 28)
    xs = [gen.standard_normal(shape).astype(numpy.float32) for _ in range(DATA_BATCHES)]
    ys = [gen.integers(0, 10, batch).astype(numpy.int64) for _ in range(DATA_BATCHES)]
    return xs, ys


class Trainer:
    """One model, its optimizer and its data in one library; `step()` runs one training step."""

    def __init__(self, lib, kind, batch):
        self.model = build_model(lib, kind)
        weights = initial_weights(self.model)
        self.model.load_state_dict({k: lib.from_numpy(v) for k, v in weights.items()})
        self.optimizer = lib.optim.SGD(self.model.parameters(), lr=LEARNING_RATE)
        self.loss_fn = lib.nn.CrossEntropyLoss()
        xs, ys = synthetic_data(kind, batch)
        self.batches = [(lib.from_numpy(x), lib.from_numpy(y)) for x, y in zip(xs, ys)]
        self.count = 0

    def step(self):
        x, y = self.batches[self.count % len(self.batches)]
        self.count += 1
        self.optimizer.zero_grad()
        loss = self.loss_fn(self.model(x), y)
        loss.backward()
        self.optimizer.step()
        return loss


def check_first_losses(kind, batch):
    """Both libraries must start from the same loss (float32 tolerance) before timing."""
    import torch

    import numtorch

    ours, theirs = Trainer(numtorch, kind, batch), Trainer(torch, kind, batch)
    for step in range(3):
        a, b = float(ours.step().item()), float(theirs.step().item())
        if not numpy.isclose(a, b, rtol=1e-4, atol=1e-5):
            raise AssertionError(f"{kind} batch {batch} step {step}: loss {a} vs torch {b}")
    return a, b


def speed(names, blocks, target_s):
    """Steps per second of each case in SPEED_CASES named in `names`."""
    import torch

    import numtorch
    from benchmarks.overhead import measure

    torch.set_num_threads(THREADS)
    rows = {}
    for name in names:
        kind, batch = SPEED_CASES[name]
        loss_ours, loss_torch = check_first_losses(kind, batch)
        ours, theirs = Trainer(numtorch, kind, batch), Trainer(torch, kind, batch)
        r = measure(ours.step, theirs.step, blocks, target_s)
        rows[name] = {
            "model": kind,
            "batch": batch,
            "numtorch_steps_s": 1e6 / r["numtorch_us"],
            "torch_steps_s": 1e6 / r["torch_us"],
            "ratio": r["torch_us"] / r["numtorch_us"],
            "numtorch_spread": r["numtorch_spread"],
            "torch_spread": r["torch_spread"],
            "loss_after_3_steps": [loss_ours, loss_torch],
        }
    return rows


PHASES = ("zero_grad", "forward", "loss", "backward", "optimizer step")


def phases(name, steps=200, warmup=20):
    """CPU time (this thread's, so that other processes on a loaded machine count less) per
    phase of one training step of case `name`, in microseconds, for numtorch then torch."""
    import time

    import torch

    import numtorch

    torch.set_num_threads(THREADS)
    kind, batch = SPEED_CASES[name]
    rows = {}
    for lib in (numtorch, torch):
        t = Trainer(lib, kind, batch)
        totals = [0.0] * len(PHASES)
        for i in range(warmup + steps):
            x, y = t.batches[i % len(t.batches)]
            marks = [time.thread_time()]
            t.optimizer.zero_grad()
            marks.append(time.thread_time())
            out = t.model(x)
            marks.append(time.thread_time())
            loss = t.loss_fn(out, y)
            marks.append(time.thread_time())
            loss.backward()
            marks.append(time.thread_time())
            t.optimizer.step()
            marks.append(time.thread_time())
            if i >= warmup:
                for k in range(len(PHASES)):
                    totals[k] += marks[k + 1] - marks[k]
        rows[lib.__name__] = {p: v / steps * 1e6 for p, v in zip(PHASES, totals)}
    return rows


def phases_markdown(name, rows):
    lines = [
        f"CPU µs per phase of one {name} step (thread time, mean of 200 steps after 20):",
        "",
        "| library | " + " | ".join(PHASES) + " | total |",
        "|---|" + "---:|" * (len(PHASES) + 1),
    ]
    for lib, r in rows.items():
        cells = " | ".join(f"{r[p]:.0f}" for p in PHASES)
        lines.append(f"| {lib} | {cells} | {sum(r.values()):.0f} |")
    return "\n".join(lines)


def _rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _peak_rss_bytes():
    """This process's high-water RSS (VmHWM). getrusage's ru_maxrss is not used as the peak:
    Linux carries it over fork and exec, so a child started from a parent that has imported
    torch reports at least the parent's size."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def memory_child(library, steps, use_tracemalloc):
    """Runs in a fresh process: `steps` MLP batch-128 steps in `library` alone; prints JSON."""
    lib = importlib.import_module(library)
    if library == "torch":
        lib.set_num_threads(THREADS)
    if use_tracemalloc:
        import tracemalloc

        tracemalloc.start()
    trainer = Trainer(lib, "mlp", 128)
    figures = {"rss_after_setup": _rss_bytes()}
    for step in range(1, steps + 1):
        trainer.step()
        if step in (steps // 10, steps):
            figures[f"rss_step_{step}"] = _rss_bytes()
            if use_tracemalloc:
                figures[f"tracemalloc_current_step_{step}"] = tracemalloc.get_traced_memory()[0]
    figures["peak_rss"] = _peak_rss_bytes()
    figures["ru_maxrss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if use_tracemalloc:
        figures["tracemalloc_peak"] = tracemalloc.get_traced_memory()[1]
    print(json.dumps(figures))


def _run_child(library, steps, use_tracemalloc=False):
    cmd = [sys.executable, os.path.abspath(__file__), "--memory-child", library]
    cmd += ["--steps", str(steps)] + (["--tracemalloc"] if use_tracemalloc else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def memory(steps=MEMORY_STEPS):
    ours, theirs = _run_child("numtorch", steps), _run_child("torch", steps)
    traced = _run_child("numtorch", steps, use_tracemalloc=True)
    first, last = f"rss_step_{steps // 10}", f"rss_step_{steps}"
    return {
        "steps": steps,
        "numtorch": ours,
        "torch": theirs,
        "numtorch_tracemalloc_peak": traced["tracemalloc_peak"],
        "numtorch_tracemalloc": traced,
        "ratio": ours["peak_rss"] / theirs["peak_rss"],
        "samples": [steps // 10, steps],
        "numtorch_growth": ours[last] - ours[first],
        "torch_growth": theirs[last] - theirs[first],
    }


def run(only=None, blocks=7, target_s=0.5):
    from benchmarks.overhead import _machine

    importlib.import_module("torch").set_num_threads(THREADS)
    names = [n for n in SPEED_CASES if not only or n in only or SPEED_CASES[n][0] in only]
    report = {
        "command": "python3 " + " ".join(sys.argv),
        "machine": _machine(),
        "blocks": blocks,
        "rows": speed(names, blocks, target_s),
    }
    if not only or "memory" in only:
        report["memory"] = memory()
    return report


def _mib(n):
    return f"{n / 2**20:.1f}"


def markdown(report):
    lines = [
        f"Command: `{report['command']}`  ",
        f"Machine: {report['machine']}  ",
        f"Median of {report['blocks']} interleaved blocks of steps; spread = (max - min) / median. "
        "Same weights and data in both; first-step losses checked equal before timing.",
        "",
        "| model | batch | numtorch (steps/s) | torch (steps/s) | numtorch / torch | spread |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in report["rows"].values():
        lines.append(
            f"| {r['model']} | {r['batch']} | {r['numtorch_steps_s']:.1f} | "
            f"{r['torch_steps_s']:.1f} | {r['ratio']:.2f}x | "
            f"{r['numtorch_spread']:.0%} / {r['torch_spread']:.0%} |"
        )
    m = report.get("memory")
    if m:
        n, t = m["numtorch"], m["torch"]
        first, last = m["samples"]
        lines += [
            "",
            f"Memory over {m['steps']} MLP (batch 128) steps, fresh process per library (MiB):",
            "",
            f"| library | RSS after setup | RSS step {first} | RSS step {last} | peak RSS |",
            "|---|---:|---:|---:|---:|",
        ]
        for name, f in (("numtorch", n), ("torch", t)):
            lines.append(
                f"| {name} | {_mib(f['rss_after_setup'])} | {_mib(f[f'rss_step_{first}'])} | "
                f"{_mib(f[f'rss_step_{last}'])} | {_mib(f['peak_rss'])} |"
            )
        lines.append(
            f"\nPeak RSS numtorch / torch: {m['ratio']:.2f}x; numtorch tracemalloc peak "
            f"{_mib(m['numtorch_tracemalloc_peak'])} MiB."
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--blocks", type=int, default=7, help="interleaved blocks per case")
    parser.add_argument("--block-seconds", type=float, default=0.5, help="target block length")
    parser.add_argument("--quick", action="store_true", help="3 short blocks per case")
    parser.add_argument("--only", help="comma list of mlp128, mlp16, lenet64, mlp, lenet, memory")
    parser.add_argument(
        "--phases", help="CPU time per phase of a step of these cases (comma list) instead"
    )
    parser.add_argument("--memory-child", choices=("numtorch", "torch"), help=argparse.SUPPRESS)
    parser.add_argument("--steps", type=int, default=MEMORY_STEPS, help=argparse.SUPPRESS)
    parser.add_argument("--tracemalloc", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        memory_child(args.memory_child, args.steps, args.tracemalloc)
        return
    if args.phases:
        for name in args.phases.split(","):
            print(phases_markdown(name, phases(name)) + "\n")
        return
    blocks, target_s = (3, 0.2) if args.quick else (args.blocks, args.block_seconds)
    only = set(args.only.split(",")) if args.only else None
    report = run(only, blocks, target_s)
    print(json.dumps(report, indent=2) if args.json else markdown(report))


if __name__ == "__main__":
    main()
