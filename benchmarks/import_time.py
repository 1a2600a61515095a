"""`import numtorch` vs `import torch` (and numpy alone, numtorch's floor) in fresh processes.

Both libraries are timed with their bytecode caches written and used: this environment sets
PYTHONDONTWRITEBYTECODE=1, which makes every import recompile numtorch's sources, so the
variable is removed from the children's environment and each module is imported once before
timing. Runs alternate between the modules (so a change in the machine's load hits all of them
alike) and the medians are reported.

    python3 -m benchmarks.import_time [--runs 7] [--breakdown 25]

--breakdown N also prints the N costliest numtorch modules of `python -X importtime`
(cumulative microseconds; numpy appears as one line, its submodules left out).
"""

import argparse
import os
import statistics
import subprocess
import sys

MODULES = ("numtorch", "torch", "numpy")
_REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_TIMER = "import time; t = time.perf_counter(); import {0}; print(time.perf_counter() - t)"


def _environment():
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = _REPO + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _run(args, env):
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=True, env=env, cwd=_REPO
    )


def warm_caches(modules=MODULES, env=None):
    """Imports each module once with bytecode writing on, so the timed runs read .pyc files."""
    env = env or _environment()
    for module in modules:
        _run(["-c", f"import {module}"], env)


def import_seconds(module, env=None):
    """Seconds `import <module>` takes in a fresh interpreter (the interpreter's start excluded)."""
    return float(_run(["-c", _TIMER.format(module)], env or _environment()).stdout.strip())


def measure(runs=7, modules=MODULES):
    """{module: median seconds} over `runs` alternating fresh-process imports, caches warm."""
    env = _environment()
    warm_caches(modules, env)
    times = {m: [] for m in modules}
    for _ in range(runs):
        for module in modules:
            times[module].append(import_seconds(module, env))
    return {m: statistics.median(t) for m, t in times.items()}


def breakdown(top, module="numtorch"):
    """The `top` costliest of `module`'s own modules (and numpy) by -X importtime's
    cumulative time: (microseconds, name indented by nesting depth)."""
    env = _environment()
    warm_caches((module,), env)
    err = _run(["-X", "importtime", "-c", f"import {module}"], env).stderr
    rows = []
    for line in err.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue
        name = parts[2].strip()
        if name == "numpy" or name.partition(".")[0] == module:
            rows.append((int(parts[1]), parts[2].rstrip()))
    rows.sort(reverse=True)
    return rows[:top]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--breakdown", type=int, default=0, metavar="N")
    args = parser.parse_args()
    medians = measure(args.runs)
    for module, seconds in medians.items():
        print(f"import {module:<9} {seconds * 1e3:8.1f} ms (median of {args.runs})")
    ratio = medians["numtorch"] / medians["torch"]
    print(f"numtorch / torch   {ratio:8.3f}  (target <= 0.1)")
    floor = medians["numtorch"] - medians["numpy"]
    print(f"numtorch - numpy   {floor * 1e3:8.1f} ms (numtorch's own share)")
    if args.breakdown:
        print(f"\n-X importtime, {args.breakdown} costliest (cumulative us):")
        for cumulative, name in breakdown(args.breakdown):
            print(f"{cumulative:>10} {name}")


if __name__ == "__main__":
    main()
