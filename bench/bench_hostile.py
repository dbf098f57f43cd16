"""Pathological input shapes (issue 16, item 7): seconds per MB in the stage each one used to blow up.

The bound: every shape within 2 s per MB (wall clock, reading plus its stage, default mode at --mb 1), and the
same per MB at 0.5 and 2 MB (each stage near-linear). The run exits 1 when a shape is over --bound.

Run: python bench/bench_hostile.py [--mb 1.0] [--shape NAME ...] [--bound 2]
     python bench/bench_hostile.py --mb 0.5; python bench/bench_hostile.py --mb 2      (linearity)
     python bench/bench_hostile.py --pipeline --mb 0.25 [--stages read,compare,text,pdf]   (then --mb 0.5)
By default each shape goes through reading (decoding, paragraphs, sentence splitting) and then the
stage that used to explode on it (word pieces, time anchors, actors, the terminal wrapper, the PDF
paragraph layout of one long sentence); the line shows both, with the CPU seconds beside the wall clock
(on a busy machine the two part). --pipeline instead compares the shape with a seed article as
`newscompare diff` and `brief` do, to show that the whole run grows linearly (run it at two sizes).

The caps that keep the shapes linear, each where natural text never goes: a word over 100 characters has no word
pieces (compare/nlp/embeddings.py MAX_WORD_CHARS), a sentence over 2,000 characters is cut and a paragraph over
100,000 characters is split by a plain punctuation rule instead of nupunkt (compare/nlp/sentences.py
MAX_SENTENCE_CHARS, MAX_PARAGRAPH_CHARS), a Title Case run is searched for names of at most six words
(compare/nlp/actors.py MAX_NAME_WORDS); in the PDF, lists that grow with the input are tables of at most 150 rows
each (compare/render/pdf/layout.py LONG_TABLE_ROWS: reportlab re-measures every remaining row at a page break).
Run it on a quiet machine (see `uptime`): other work on the cores
inflates the wall clock.
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
    # a party tag whose capitals run on with no closing bracket ("(R-AAAA… x"): the tag pattern must split it one way
    "party-tag": lambda n: "Tags\n\n" + _fill("Senator Smith (R-" + "A" * 60 + " x said. ", n),
}


def _stage(name: str, article, text: str) -> None:
    """The function that used to take minutes on this shape."""
    if name == "long-word":
        from compare.nlp.embeddings import load_piece_table, wordpiece_ids

        wordpiece_ids(text, load_piece_table("profile/wordpiece_vectors").index)
    elif name in ("one-line", "short-paragraphs"):
        from compare.nlp.times import find_times

        find_times(text)
    elif name in ("title-case", "party-tag"):
        from compare.nlp.actors import article_actors

        article_actors(article)
    elif name == "dots":
        from compare.render.text import Painter

        Painter(color=False).wrap([(text, None)], 80)
    elif name == "numbers-sentence":
        from reportlab.lib.styles import getSampleStyleSheet
        from reportlab.platypus import Paragraph

        longest = max(article.sentences, key=lambda s: s.end - s.start)
        Paragraph(longest.text, getSampleStyleSheet()["Normal"]).wrap(170 * 72 / 25.4, 10_000)


def stage_times(name: str, text: str) -> dict[str, float]:
    """Seconds to read the shape and to run its stage (wall clock), and the CPU seconds of both."""
    from compare.ingest import article_from_bytes

    cpu = time.process_time()
    started = time.perf_counter()
    article = article_from_bytes(text.encode("utf-8"), source="hostile.txt")
    read = time.perf_counter() - started
    started = time.perf_counter()
    _stage(name, article, text)
    return {"read": read, "stage": time.perf_counter() - started, "cpu": time.process_time() - cpu}


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
    parser.add_argument("--pipeline", action="store_true", help="time the whole comparison, not the stage")
    parser.add_argument("--stages", default="read,compare,text,pdf", help="with --pipeline: which parts")
    parser.add_argument("--bound", type=float, default=2.0, help="seconds per MB allowed (default 2)")
    args = parser.parse_args(argv)
    stages = args.stages.split(",")
    from compare.ingest import read_article

    read_article(str(SEED))  # warm the lazy loaders, so the first shape is not charged for them
    if not args.pipeline:  # nor for a stage's imports and tables (reportlab, the word pieces)
        for name in args.shape or SHAPES:
            stage_times(name, SHAPES[name](2000))
    worst = 0.0
    for name in args.shape or SHAPES:
        text = SHAPES[name](int(args.mb * 2**20))
        mb = len(text.encode("utf-8")) / 2**20
        times = run_shape(text, stages) if args.pipeline else stage_times(name, text)
        total = sum(v for k, v in times.items() if k != "cpu")
        worst = max(worst, total / mb)
        parts = "  ".join(f"{k} {v:6.2f}" for k, v in times.items())
        print(f"{name:<17} {mb:5.2f} MB  {parts}  total {total:6.2f} s = {total / mb:5.2f} s/MB", flush=True)
    print(f"worst {worst:.2f} s/MB (bound {args.bound:g})")
    return 0 if worst <= args.bound else 1


if __name__ == "__main__":
    sys.exit(main())
