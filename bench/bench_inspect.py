"""Whole-process figures for `newscompare inspect` on the seeds (cold start) and the CLI's import time.

Run: python bench/bench_inspect.py [runs]
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = [str(REPO / "seeds" / "rutte-white-house-nato-dues.txt"), str(REPO / "seeds" / "foxnews-rutte-ukraine-talks.txt")]


def wall(argv: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, cwd=REPO)
        times.append(time.perf_counter() - start)
    return times


def report(label: str, times: list[float]) -> None:
    print(f"{label:<44} median {statistics.median(times) * 1000:7.1f} ms   "
          f"min {min(times) * 1000:7.1f} ms   ({len(times)} runs)")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    report("python -c pass (interpreter floor)", wall([sys.executable, "-c", "pass"], runs))
    report("python -c 'import compare.cli'", wall([sys.executable, "-c", "import compare.cli"], runs))
    report("newscompare inspect <2 seeds>", wall([sys.executable, "-m", "compare", "inspect", *SEEDS], runs))
    report("newscompare inspect --format json <2 seeds>",
           wall([sys.executable, "-m", "compare", "inspect", "--format", "json", *SEEDS], runs))
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import compare.cli, compare.ingest"],
                         capture_output=True, text=True, cwd=REPO).stderr
    heavy = sorted((int(line.split("|")[1]), line.split("|")[2].strip())
                   for line in out.splitlines() if line.startswith("import time:") and "|" in line
                   and line.split("|")[1].strip().isdigit())[-5:]
    print("largest cumulative imports (us):", ", ".join(f"{name} {us}" for us, name in reversed(heavy)))


if __name__ == "__main__":
    main()
