"""cProfile of one overhead.py case on numtorch: where the time of a tiny op call goes.

python3 benchmarks/profile_overhead.py add          # 20000 calls, top 25 by own time
python3 benchmarks/profile_overhead.py chain -n 200
"""

import argparse
import cProfile
import os
import pstats
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import overhead  # noqa: E402

import numtorch  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("case", help="a 4x4 case name (add, sum, ...) or 'chain'")
    parser.add_argument("-n", type=int, default=20000, help="calls to profile")
    parser.add_argument("--top", type=int, default=25, help="rows to print")
    parser.add_argument("--sort", default="tottime", help="pstats sort key (tottime, cumtime)")
    args = parser.parse_args(argv)
    if args.case == "chain":
        fn = overhead._chain_case(numtorch)
    else:
        fn = overhead._tiny_cases(numtorch)[args.case]
    fn()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.n):
        fn()
    profiler.disable()
    pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
