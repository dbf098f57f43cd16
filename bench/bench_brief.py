"""Time the PDF brief of the two seed articles: cold (first brief in the process) and warm (median of runs).

The comparison is made once and not timed in the brief figures; its own time is printed apart.
usage: python bench/bench_brief.py [--runs 20] [--template default]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = [REPO / "seeds" / "rutte-white-house-nato-dues.txt", REPO / "seeds" / "foxnews-rutte-ukraine-talks.txt"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--template", default="default")
    args = parser.parse_args()

    from compare.comparison import compare_articles
    from compare.ingest import read_article
    from compare.render.brief import brief_content
    from compare.render.pdf import write_brief
    from compare.render.templates import load_template

    articles = [read_article(str(p)) for p in SEEDS]
    start = time.perf_counter()
    comparison = compare_articles(articles)
    compare_s = time.perf_counter() - start
    template = load_template(args.template)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "brief.pdf"
        start = time.perf_counter()
        write_brief(comparison, out, template=template)
        cold = time.perf_counter() - start
        warm, content = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            write_brief(comparison, out, template=template)
            warm.append(time.perf_counter() - start)
            start = time.perf_counter()
            brief_content(comparison, template)
            content.append(time.perf_counter() - start)
        from pypdf import PdfReader

        pages, size = len(PdfReader(str(out)).pages), out.stat().st_size
    print(f"seeds brief ({args.template}): {pages} pages, {size / 1024:.0f} KiB")
    print(f"compare_articles (not in the brief figures): {compare_s * 1000:.0f} ms")
    print(f"brief cold (first in process, fonts loaded): {cold * 1000:.0f} ms")
    print(f"brief warm: median {statistics.median(warm) * 1000:.0f} ms, min {min(warm) * 1000:.0f} ms, "
          f"max {max(warm) * 1000:.0f} ms over {args.runs} runs (target < 300 ms)")
    print(f"brief_content alone: median {statistics.median(content) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
