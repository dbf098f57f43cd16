"""Sentence splitting: exact-case accuracy and speed, plain nupunkt vs compare.nlp.sentences.

Run: python bench/bench_sentences.py
Prints accuracy on tests/data/sentences/cases.json, boundary scores on BASIL paragraphs when the
calibration data is present, and milliseconds per 1000 words on the seed articles' paragraphs.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import nupunkt

from compare.evaldata import eval_dir
from compare.nlp.sentences import split_sentences

REPO = Path(__file__).resolve().parent.parent


def plain_nupunkt(text: str) -> list[tuple[int, int]]:
    """nupunkt's spans, trimmed, empty ones dropped: the baseline."""
    spans = []
    for start, end in nupunkt.sent_spans(text):
        piece = text[start:end]
        if piece.strip():
            start += len(piece) - len(piece.lstrip())
            spans.append((start, start + len(piece.strip())))
    return spans


SPLITTERS = {"plain nupunkt": plain_nupunkt, "ours": split_sentences}


def case_accuracy(split) -> tuple[int, int, list[str]]:
    """Exact matches on the case file, the case count, and the ids that failed."""
    cases = json.loads((REPO / "tests/data/sentences/cases.json").read_text(encoding="utf-8"))
    failed = [c["id"] for c in cases if [c["text"][s:e] for s, e in split(c["text"])] != c["sentences"]]
    return len(cases) - len(failed), len(cases), failed


def basil_scores(split) -> tuple[float, float, float, float] | None:
    """Exact-paragraph rate and boundary precision, recall, F1 on BASIL (None without the data)."""
    root = eval_dir()
    if root is None or not (root / "basil/articles.jsonl").is_file():
        return None
    exact = total = found = predicted = expected = 0
    for line in (root / "basil/articles.jsonl").read_text(encoding="utf-8").splitlines():
        for paragraph in json.loads(line)["body-paragraphs"]:
            gold = [s.strip() for s in paragraph if s.strip()]
            if not gold:
                continue
            text = " ".join(gold)
            spans = split(text)
            gold_starts = {sum(len(s) + 1 for s in gold[:i]) for i in range(1, len(gold))}
            starts = {s for s, _ in spans[1:]}
            found, predicted, expected = found + len(gold_starts & starts), predicted + len(starts), expected + len(gold_starts)
            exact += [text[s:e] for s, e in spans] == gold
            total += 1
    precision, recall = found / predicted, found / expected
    return exact / total, precision, recall, 2 * precision * recall / (precision + recall)


def ms_per_1000_words(split, paragraphs: list[str], repeat: int = 20) -> float:
    """Median wall time over `repeat` runs of splitting all paragraphs, per 1000 words.

    nupunkt memoizes whole texts, so every run gets a fresh prefix to keep its cache from
    answering; the model load happens before timing.
    """
    words = sum(len(p.split()) for p in paragraphs)
    split(paragraphs[0])
    times = []
    for run in range(repeat):
        fresh = [f"Run {run}-{i}. {paragraph}" for i, paragraph in enumerate(paragraphs)]
        started = time.perf_counter()
        for paragraph in fresh:
            split(paragraph)
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2] * 1000 / words * 1000


def main() -> None:
    seed_text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt")))
    paragraphs = [p for p in re.split(r"\n\s*\n", seed_text) if p.strip()]
    print(f"{'splitter':<14} {'cases exact':>14} {'BASIL exact':>12} {'P':>6} {'R':>6} {'F1':>6} {'ms/1000 words':>14}")
    for name, split in SPLITTERS.items():
        correct, total, failed = case_accuracy(split)
        basil = basil_scores(split)
        basil_text = " ".join(f"{x:6.3f}" for x in basil) if basil else "  (no BASIL data)"
        speed = ms_per_1000_words(split, paragraphs)
        print(f"{name:<14} {correct:>4}/{total} {correct / total:6.1%}  {basil_text:>33} {speed:14.2f}")
        print(f"{'':<14} failed: {', '.join(failed) or '-'}")
    print(f"speed measured on {sum(len(p.split()) for p in paragraphs)} words of seed text, {len(paragraphs)} paragraphs")


if __name__ == "__main__":
    main()
