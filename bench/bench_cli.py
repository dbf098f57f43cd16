"""Cold whole-process start of `newscompare diff` on the seeds, and of `import compare.cli`: median of N runs.

Usage: python bench/bench_cli.py [-n RUNS] [--base DIR]
Each run is a fresh interpreter (the console script's own start included), output to a pipe, so the figures
are what a user waits for. Prints one line per command: median, min and max wall seconds, and the median CPU seconds
(user + sys of the child, less sensitive than wall time to other load on the machine), with the load average.
With --base DIR (another checkout, e.g. `git worktree add /tmp/base main`) each command also runs from DIR's code
(PYTHONPATH=DIR, in DIR), the two interleaved run by run so the machine's other load weighs on both alike, and the
standard outputs are checked to be equal. The product keeps no cache on disk between runs of `diff`; Python's own bytecode cache is whatever the environment
gives (PYTHONDONTWRITEBYTECODE=1 means every project module is compiled in every run).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ["seeds/rutte-white-house-nato-dues.txt", "seeds/foxnews-rutte-ukraine-talks.txt"]  # relative to ROOT


def commands() -> dict[str, list[str]]:
    script = shutil.which("newscompare", path=str(Path(sys.executable).parent)) or shutil.which("newscompare")
    diff = [script, "diff"] if script else [sys.executable, "-m", "compare", "diff"]
    return {
        "python -c 'import compare.cli'": [sys.executable, "-c", "import compare.cli"],
        "newscompare diff --help": [*diff, "--help"],
        "newscompare diff SEEDS": [*diff, *SEEDS],
        "newscompare diff --no-profiles SEEDS": [*diff, "--no-profiles", *SEEDS],
        "python -c pass (interpreter floor)": [sys.executable, "-c", "pass"],
    }


def run_once(argv: list[str], root: Path = ROOT) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (user + sys) and standard output of one run of argv with root's code."""
    env = dict(os.environ, PYTHONPATH=str(root)) if root != ROOT else None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"exit {done.returncode}: {done.stderr.decode().strip()[-300:]}")
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, done.stdout


def run_times(argv: list[str], runs: int, roots: tuple[Path, ...] = (ROOT,)) -> dict[Path, tuple[list[float], list[float]]]:
    """Wall and CPU seconds of each run, per code root (runs interleaved across the roots)."""
    out: dict[Path, tuple[list[float], list[float]]] = {root: ([], []) for root in roots}
    for _ in range(runs):
        for root in roots:
            wall, cpu, _ = run_once(argv, root)
            out[root][0].append(wall)
            out[root][1].append(cpu)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=11)
    parser.add_argument("--base", type=Path, help="also time this checkout's code, interleaved, for a before/after")
    args = parser.parse_args()
    roots = (args.base.resolve(), ROOT) if args.base else (ROOT,)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}")
    for name, argv in commands().items():
        try:
            # warm the OS file cache: "cold" means a new process, not an empty disk cache
            outputs = {run_once(argv, root)[2] for root in roots}
            timed = run_times(argv, args.runs, roots)
        except RuntimeError as exc:
            print(f"{name:48s} failed: {exc}")
            continue
        for root, (times, cpu) in timed.items():
            label = f"[{root.name}] {name}" if args.base else name
            print(f"{label:48s} median {statistics.median(times):.3f} s   min {min(times):.3f}   "
                  f"max {max(times):.3f}   cpu median {statistics.median(cpu):.3f} s   (n={args.runs})")
        if len(outputs) > 1:
            print(f"{'':48s} the outputs differ between the checkouts")
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
