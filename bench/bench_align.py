"""Alignment speed: `newscompare diff --no-profiles` whole process (cold) for article pairs of growing length,
and the seeds with profiles. Articles are built from BASIL paragraphs at bench time (calibration data needed for
the curve; nothing is kept). Prints the median of RUNS runs per size.

    python bench/bench_align.py
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from compare.evaldata import eval_dir  # noqa: E402

RUNS = 5


def timed(args: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "compare", *args], check=False, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def article(rows: list[dict], words: int, start: int) -> dict:
    """Paragraphs of consecutive BASIL articles until ``words`` words."""
    paragraphs, count, k = [], 0, start
    while count < words:
        for p in rows[k % len(rows)]["body-paragraphs"]:
            text = " ".join(s.strip() for s in p)
            paragraphs.append(text)
            count += len(text.split())
        k += 1
    return {"title": rows[start]["title"], "paragraphs": paragraphs}


def main() -> None:
    seeds = ["diff", "--no-pager", "seeds/rutte-white-house-nato-dues.txt", "seeds/foxnews-rutte-ukraine-talks.txt"]
    print(f"seeds diff (profiles), cold whole process: {timed(seeds):.3f} s")
    print(f"seeds diff --no-profiles, cold whole process: {timed(seeds + ['--no-profiles']):.3f} s")
    root = eval_dir()
    if root is None:
        print("no calibration data: no length curve")
        return
    rows = [json.loads(l) for l in (root / "basil" / "articles.jsonl").read_text().splitlines() if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        for words in (500, 1000, 2000, 5000):
            a, b = Path(tmp, "a.json"), Path(tmp, "b.json")
            a.write_text(json.dumps(article(rows, words, 0)))
            b.write_text(json.dumps(article(rows[::-1], words, 0)))
            print(f"{words:5} words per article: diff --no-profiles {timed(['diff', '--no-pager', '--no-profiles', str(a), str(b)]):.3f} s")


if __name__ == "__main__":
    main()
