"""Cold whole-process start of `newscompare diff` on the seeds, and of `import compare.cli`: median of N runs.

Usage: python bench/bench_cli.py [-n RUNS]
Each run is a fresh interpreter (the console script's own start included), output to a pipe, so the figures
are what a user waits for. Prints one line per command: median, min and max wall seconds.
"""
from __future__ import annotations

import argparse
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


def wall_times(argv: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"exit {done.returncode}: {done.stderr.decode().strip()[-300:]}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=11)
    args = parser.parse_args()
    for name, argv in commands().items():
        try:
            wall_times(argv, 1)  # warm the OS file cache: "cold" means a new process, not an empty disk cache
            times = wall_times(argv, args.runs)
        except RuntimeError as exc:
            print(f"{name:40s} failed: {exc}")
            continue
        print(f"{name:40s} median {statistics.median(times):.3f} s   min {min(times):.3f}   "
              f"max {max(times):.3f}   (n={args.runs})")


if __name__ == "__main__":
    main()
