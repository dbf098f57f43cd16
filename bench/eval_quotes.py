"""Quote-speaker quality on the labelled BASIL quotes (tests/data/profile/quotes*.jsonl).

    python bench/eval_quotes.py            # development and held-out figures
    python bench/eval_quotes.py --errors   # also list the development set's wrong speakers

Each label is a reference (BASIL uuid, paragraph, sentence, offset of the quote's first character in the
whitespace-normalised sentence) and the speaker as the article names them: a name ("kind": "name"), a
description whose words the speaker must contain ("description": "a Ryan spokesman" -> "spokesman"; one of
several alternatives), or "none" (a title, a slogan, a statute: no speaker). The quotes are found and
attributed through the product's own path (compare.nlp.quotes.find_quotes on the article as read, with the
actors of compare.nlp.actors), exactly as compare.facts does.

Speaker scoring: a quote whose speaker is right is a true positive; a wrong speaker is a false positive
and a false negative; no speaker where the article names one is a false negative; a speaker for a "none"
quote is a false positive. A name is right when it is the same person by compare.nlp.actors.same_actor
(surname, plus a compatible first name when both give one): "Schumer" = "Charles Schumer", but
"Chad" != "Chad Griffin" and "Senators Ron Wyden" != "Ron Wyden".
"""
from __future__ import annotations

import argparse
import json
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT / "tests" / "data" / "profile" / "quotes.jsonl"
HOLDOUT = ROOT / "tests" / "data" / "profile" / "quotes_holdout.jsonl"


@lru_cache(maxsize=None)
def _rows() -> dict:
    from compare.evaldata import eval_dir
    path = eval_dir() / "basil" / "articles.jsonl"
    return {r["uuid"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@lru_cache(maxsize=None)
def _article_quotes(uuid: str):
    """(article, quotes) for one BASIL article, read as the tool reads plain text."""
    from compare.ingest import article_from_text
    from compare.nlp.actors import article_actors
    from compare.nlp.quotes import find_quotes
    row = _rows()[uuid]
    paragraphs = [" ".join(s.strip() for s in p) for p in row["body-paragraphs"]]
    text = row["title"] + "\n\n" + "\n\n".join(p for p in paragraphs if p)
    article = article_from_text(text, source=uuid, outlet=row["source"], date=row["date"])
    _, mentions = article_actors(article)
    return article, find_quotes(article.text, [(s.start, s.end) for s in article.sentences], mentions)


def _position(article, row: dict, ref: dict) -> int:
    """Article offset of a labelled quote's first character."""
    needle = " ".join(row["body-paragraphs"][ref["paragraph"]][ref["sentence"]].split())
    before = sum(len(" ".join(" ".join(s.strip() for s in p).split())) for p in row["body-paragraphs"][:ref["paragraph"]])
    start = article.text.find(needle, min(before, len(article.text)) // 2)
    if start < 0:
        start = article.text.find(needle)
    if start < 0:
        raise ValueError(f"labelled sentence not found: {ref}")
    return start + ref["offset"]


def _same_name(expected: str, predicted: str) -> bool:
    from compare.model import Actor
    from compare.nlp.actors import fold, same_actor
    e, p = (fold(x).removeprefix("the ") for x in (expected, predicted))
    return e == p or same_actor(Actor(expected, "person"), Actor(predicted, "person"))


def speaker_right(label: dict, speaker: str | None) -> bool:
    if label["kind"] == "description":
        return speaker is not None and any(w.lower() in speaker.lower() for w in label["speaker"])
    return speaker is not None and _same_name(label["speaker"], speaker)


def predictions(path: Path) -> list[tuple[dict, str | None, str]]:
    """(label, predicted speaker, the quote's first words) for every labelled quote."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        ref = label["ref"]
        article, quotes = _article_quotes(ref["basil"])
        at = _position(article, _rows()[ref["basil"]], ref)
        quote = next((q for q in quotes if q.start - 2 <= at < q.end), None)
        out.append((label, quote.speaker if quote else None, article.text[at:at + 50]))
    return out


def score(path: Path) -> dict:
    tp = fp = fn = 0
    labelled = predictions(path)
    for label, speaker, _ in labelled:
        if label["kind"] == "none":
            fp += speaker is not None
        elif speaker_right(label, speaker):
            tp += 1
        else:
            fn += 1
            fp += speaker is not None
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"quotes": len(labelled), "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list the development set's wrong speakers")
    args = parser.parse_args(argv)
    from compare.evaldata import eval_dir
    if eval_dir() is None:
        print("no calibration data (set NEWSCOMPARE_EVAL_DIR)")
        return 1
    print("development", json.dumps(score(DEV)))
    print("held-out   ", json.dumps(score(HOLDOUT)))
    if args.errors:
        for label, speaker, words in predictions(DEV):
            if (label["kind"] == "none") != (speaker is None) or (label["kind"] != "none" and not speaker_right(label, speaker)):
                print(f"  want {label['speaker']!r:28} got {speaker!r:28} {words!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
