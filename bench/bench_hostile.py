"""Pathological input shapes (issue 16, item 7): seconds per MB through read, compare, text diff and PDF brief.

Run: python bench/bench_hostile.py [--mb 1.0] [--shape NAME ...] [--stages read,compare,text,pdf]
Each shape is built at the given size and compared with a seed article, as `newscompare diff` and
`newscompare brief` would. Prints one line per shape and stage and exits 1 when any shape takes more
than --bound seconds per MB (default 2) in total.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "foxnews-rutte-ukraine-talks.txt"


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


SHAPES = {
    # a headline that is one capitalised 10,000-character word, then a body of the same
    "long-word": lambda n: "Ab" + "c" * 9_998 + "\n\n" + _fill("Xyzzyplugh" * 50 + " ", n - 10_002),
    "abbreviations": lambda n: "Mr. A. B. said\n\n" + _fill("Mr. A. B. said 1.5 etc. ", n),
    "dots": lambda n: "Dots\n\n" + "." * n,
    "one-line": lambda n: "One line\n\n" + _fill("On March 3, 2024 at 5 p.m. the 12 ships sailed and ", n),
    "short-paragraphs": lambda n: "Paragraphs\n\n" + _fill("On May 4 it rained.\n\n", n),
    "title-case": lambda n: "Names Of People\n\n" + _fill("John Smith Mary Jones Peter Brown Anna Lee ", n),
    "numbers-sentence": lambda n: "Numbers\n\n" + _fill("12.5 3,400 7% $8.1 ", n),
}


def run_shape(text: str, stages: list[str]) -> dict[str, float]:
    """Seconds per stage for one hostile article compared with the seed."""
    from compare.comparison import compare_articles
    from compare.ingest import article_from_bytes, read_article

    times = {}
    started = time.perf_counter()
    article = article_from_bytes(text.encode("utf-8"), source="hostile.txt")
    times["read"] = time.perf_counter() - started
    other = read_article(str(SEED))
    if "compare" in stages or "text" in stages or "pdf" in stages:
        started = time.perf_counter()
        comparison = compare_articles([article, other])
        times["compare"] = time.perf_counter() - started
    if "text" in stages:
        from compare.render.text import render_text

        started = time.perf_counter()
        render_text(comparison, width=80, color=False, side_by_side=False, only=None, context=None)
        times["text"] = time.perf_counter() - started
    if "pdf" in stages:
        from compare.render.pdf import render_brief

        started = time.perf_counter()
        render_brief(comparison)
        times["pdf"] = time.perf_counter() - started
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES))
    parser.add_argument("--stages", default="read,compare,text,pdf")
    parser.add_argument("--bound", type=float, default=2.0, help="seconds per MB allowed (default 2)")
    args = parser.parse_args(argv)
    stages = args.stages.split(",")
    from compare.ingest import read_article

    read_article(str(SEED))  # warm the lazy loaders, so the first shape is not charged for them
    worst = 0.0
    for name in args.shape or SHAPES:
        text = SHAPES[name](int(args.mb * 2**20))
        mb = len(text.encode("utf-8")) / 2**20
        times = run_shape(text, stages)
        total = sum(times.values())
        worst = max(worst, total / mb)
        parts = "  ".join(f"{k} {v:6.2f}" for k, v in times.items())
        print(f"{name:<17} {mb:5.2f} MB  {parts}  total {total:6.2f} s = {total / mb:5.2f} s/MB", flush=True)
    print(f"worst {worst:.2f} s/MB (bound {args.bound:g})")
    return 0 if worst <= args.bound else 1


if __name__ == "__main__":
    sys.exit(main())
