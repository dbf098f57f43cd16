"""Build a synthetic batch corpus with known stories from the BASIL calibration articles (never committed).

Each BASIL event appears in several epochs weeks apart (the same actors, different weeks: separate
stories). Each (event, epoch) story is covered by some of five outlets; an outlet's article is a variant
of one of the event's three real articles: sentences dropped, numbers changed, paragraphs reordered.
One folder per outlet of JSON files, and truth.json mapping each file to its story.

Run: python bench/make_corpus.py OUT_DIR [--articles 1000] [--seed 7]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from collections import defaultdict
from pathlib import Path

from compare.evaldata import eval_dir

OUTLETS = ("Northern Courier", "Daily Ledger", "Morning Post", "Coastal Herald", "Evening Standard Wire")
EPOCH_DAYS = 21  # the same event again three weeks later is another story


def outlet_folder(outlet: str) -> str:
    """The corpus subfolder of an outlet."""
    return re.sub(r"[^a-z]+", "-", outlet.lower())


def _variant(paragraphs: list[list[str]], rng: random.Random) -> list[str]:
    """Drop about a fifth of the sentences, change some numbers, swap some body paragraphs."""
    out = []
    for n, sentences in enumerate(paragraphs):
        kept = [s for s in sentences if n == 0 or rng.random() > 0.2]
        text = " ".join(kept)
        text = re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + rng.choice((0, 0, 1, 2))), text)
        if text.strip():
            out.append(text)
    for _ in range(len(out) // 4):
        i, j = rng.randrange(1, max(len(out), 2)), rng.randrange(1, max(len(out), 2))
        if i < len(out) and j < len(out):
            out[i], out[j] = out[j], out[i]
    return out


def make_corpus(folder: Path, *, articles: int = 1000, seed: int = 7) -> dict[str, str]:
    """Write the corpus under folder (one subfolder per outlet); returns file -> story id."""
    source = eval_dir()
    if source is None:
        raise SystemExit("no calibration data: set NEWSCOMPARE_EVAL_DIR or put it at ../shared/eval")
    rows = [json.loads(line) for line in (source / "basil" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    events = defaultdict(list)
    for row in rows:
        events[row["triplet-uuid"]].append(row)
    rng = random.Random(seed)
    epochs = -(-articles // (len(events) * len(OUTLETS))) + 1  # enough slots to leave some stories thin
    slots = [(event, epoch, outlet) for event in sorted(events) for epoch in range(epochs) for outlet in OUTLETS]
    rng.shuffle(slots)
    truth = {}
    for n, (event, epoch, outlet) in enumerate(sorted(slots[:articles])):
        base = rng.choice(events[event])
        day = dt.date.fromisoformat(base["date"]) + dt.timedelta(days=epoch * EPOCH_DAYS + rng.randint(0, 1))
        name = f"{outlet_folder(outlet)}/{n:04d}.json"
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"title": base["title"], "paragraphs": _variant(base["body-paragraphs"], rng),
                                    "outlet": outlet, "date": day.isoformat()}), encoding="utf-8")
        truth[name] = f"{event}/{epoch}"
    (folder / "truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    truth = make_corpus(args.out, articles=args.articles, seed=args.seed)
    print(f"{len(truth)} articles, {len(set(truth.values()))} stories, {len(OUTLETS)} outlets in {args.out}")


if __name__ == "__main__":
    main()
