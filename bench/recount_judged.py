"""Re-run the judged pairs and count the current difference lines by the verdicts their text was given.

Usage: python bench/recount_judged.py [--only KEY[,KEY]] [--dump DIR] [--show]
tests/data/profile/difference_judgements.json keeps, per judged set (its keys), the lines judges read against both
articles: references and line text only, no article text. This script runs `compare_articles` on every pair again and
joins each line it emits now with a verdict given to the same text: "right", "partly", "wrong", or "new" (a line no
judge has read: the counts of the judged lines then say nothing about it). A change that drops judged-right lines or
adds new ones shows here before anyone judges again. --only keeps the keys that start or end with one of the given
strings ("allsides8", "fresh_"); --show prints every line that is not judged right, with the judge's reason.

BASIL pairs come from the calibration data (compare.evaldata). The AllSides pairs ("allsides:<ID>") need the
Article-Bias-Prediction dump (github.com/ramybaly/Article-Bias-Prediction, data/jsons): --dump is its checkout, or a
bare git copy of it (read with `git show`). Their outlets are the dump's source names, shortened as the judged runs
had them ("CNN (Web News)" -> "CNN").
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from diff_lines import article as basil_article  # noqa: E402

from compare import compare_articles  # noqa: E402
from compare.evaldata import eval_dir  # noqa: E402
from compare.ingest.readers import read_json  # noqa: E402
from compare.profile.differences import WEIGHTS  # noqa: E402

JUDGEMENTS = ROOT / "tests" / "data" / "profile" / "difference_judgements.json"
OUTLETS = {"Breitbart News": "Breitbart", "USA TODAY": "USA Today", "New York Times": "The New York Times",
           "Fox": "Fox News", "Washington Post": "The Washington Post", "Guardian": "The Guardian",
           "TheBlaze.com": "TheBlaze"}


def outlet(source: str) -> str:
    """The dump's source name as the judged runs named the outlet ("NPR Online News" -> "NPR")."""
    name = re.sub(r"\s*\((?:Online|Web) News\)|\s+Online News|\s+-\s+News$|\s+\(Opinion\)", "", source).strip()
    return OUTLETS.get(name, name)


def allsides_article(ref: str, dump: Path):
    key = ref.removeprefix("allsides:")
    files = dump / "data" / "jsons" / f"{key}.json"
    if files.exists():
        raw = files.read_text(encoding="utf-8")
    else:
        raw = subprocess.run(["git", "--git-dir", str(dump), "show", f"HEAD:data/jsons/{key}.json"],
                             capture_output=True, text=True, check=True).stdout
    d = json.loads(raw)
    data = {"title": d["title"], "text": d["content_original"], "date": d["date"], "url": d["url"],
            "outlet": outlet(d["source"])}
    return read_json(json.dumps(data), source=ref)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    judged = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))
    wanted = args.only.split(",") if args.only else None
    verdicts: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
    for key, records in judged.items():
        if key == "about" or (wanted and not any(key.startswith(w) or key.endswith(w) for w in wanted)):
            continue
        for r in records:
            verdicts.setdefault((r["a"], r["b"]), {})[r["line"]] = (r["verdict"], r.get("why", ""))
    basil = None
    counts: Counter = Counter()
    for (a, b), lines in verdicts.items():
        if a.startswith("allsides:"):
            if args.dump is None:
                counts["pairs skipped (no --dump)"] += 1
                continue
            articles = [allsides_article(a, args.dump), allsides_article(b, args.dump)]
        else:
            if basil is None:
                rows = (json.loads(line) for line in open(eval_dir() / "basil" / "articles.jsonl", encoding="utf-8"))
                basil = {r["uuid"]: r for r in rows}
            articles = [basil_article(basil[a]), basil_article(basil[b])]
        for d in compare_articles(articles).differences:
            if d.kind not in WEIGHTS:
                continue
            verdict, why = lines.get(d.text, ("new", ""))
            counts[verdict] += 1
            if args.show and verdict != "right":
                print(f"[{verdict}] {a}: {d.text}" + (f"\n    {why}" if why else ""))
    judged_lines = counts["right"] + counts["partly"] + counts["wrong"]
    print(dict(counts), f"right among judged lines: {counts['right'] / judged_lines:.3f}" if judged_lines else "")


if __name__ == "__main__":
    main()
