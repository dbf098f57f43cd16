"""Print a labelled-alignment pair (tests/data/align/pairs.json) with sentence references, for labelling.

    python bench/show_pair.py p03

References: "T" is the headline; "P.S" is sentence S of body paragraph P in BASIL's own split (0-based).
The text is read from the calibration folder (../shared/eval/basil); none of it is kept in the repository.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from compare.evaldata import eval_dir  # noqa: E402

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "align" / "pairs.json"


def basil_rows() -> dict[str, dict]:
    root = eval_dir()
    if root is None:
        raise SystemExit("no calibration data: set NEWSCOMPARE_EVAL_DIR or put it at ../shared/eval")
    lines = (root / "basil" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["uuid"]: r for r in map(json.loads, lines)}


def sentences(row: dict) -> list[tuple[str, str]]:
    """(reference, text) for the headline and every body sentence, in reading order."""
    out = [("T", row["title"].strip())]
    for p, para in enumerate(row["body-paragraphs"]):
        for s, text in enumerate(para):
            if text.strip():
                out.append((f"{p}.{s}", text.strip()))
    return out


def main(argv: list[str]) -> None:
    pairs = {p["id"]: p for p in json.loads(PAIRS.read_text())}
    rows = basil_rows()
    for pid in argv or sorted(pairs):
        pair = pairs[pid]
        print(f"=== {pid} ({pair['outlets']}, {pair['split']}): {pair['event']}")
        for side in ("a", "b"):
            row = rows[pair[side]]
            print(f"--- {side.upper()}: {row['source']} {row['date']}")
            for ref, text in sentences(row):
                print(f"{side.upper()}{ref}\t{text}")
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
