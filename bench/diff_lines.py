"""Print the profile difference lines of BASIL pairs (for judging them against both texts).

Usage: python bench/diff_lines.py [--pairs N] [--start K] [--json FILE]
Picks N triplets of the BASIL calibration data (sorted by triplet uuid, skipping the triplets whose articles hold
held-out labelled quotes), one pair per triplet (fox/nyt, nyt/hpo, fox/hpo in turn), runs compare_articles and
prints each profile difference line with the two BASIL uuids. --start K skips the first K pairs (a fresh slice to
judge; each pair keeps its place in the fox/nyt, nyt/hpo, fox/hpo turn; past the last triplet, K = 35 + j gives
triplet j's next pair in the turn, so pairs 35-69 and 70-104 are pairs not printed in 0-34). tests/data/profile/difference_judgements.json keeps
the verdicts given to these lines (references and line text only, no article text).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from compare import compare_articles  # noqa: E402
from compare.evaldata import eval_dir  # noqa: E402
from compare.ingest.readers import read_json  # noqa: E402
from compare.profile.differences import WEIGHTS  # noqa: E402

ORDER = (("fox", "nyt"), ("nyt", "hpo"), ("fox", "hpo"))


def basil_pairs(n: int):
    rows = [json.loads(line) for line in open(eval_dir() / "basil" / "articles.jsonl", encoding="utf-8")]
    held = {json.loads(line)["ref"]["basil"] for line in open(ROOT / "tests" / "data" / "profile" / "quotes_holdout.jsonl")}
    triplets: dict[str, dict[str, dict]] = {}
    for r in rows:
        triplets.setdefault(r["triplet-uuid"], {})[r["source"]] = r
    chosen = [t for k, t in sorted(triplets.items()) if not held & {r["uuid"] for r in t.values()} and len(t) == 3]
    # past the last triplet the turn goes round again, one place on: pair K + len(chosen) is the same triplet's next
    # pair in the fox/nyt, nyt/hpo, fox/hpo turn (a pair never printed before)
    out = []
    for k in range(min(n, 3 * len(chosen))):
        t = chosen[k % len(chosen)]
        a, b = ORDER[(k % len(chosen) + k // len(chosen)) % 3]
        out.append((t[a], t[b]))
    return out


def article(r: dict):
    data = {"title": r["title"], "paragraphs": [" ".join(p) for p in r["body-paragraphs"]], "outlet": r["source"], "date": r["date"]}
    return read_json(json.dumps(data), source=r["uuid"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=12)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--json")
    args = ap.parse_args()
    out = []
    for a, b in basil_pairs(args.start + args.pairs)[args.start:]:
        result = compare_articles([article(a), article(b)])
        print(f"== {a['uuid']} ({a['source']}) vs {b['uuid']} ({b['source']}): {a['title']} | {b['title']}")
        for d in (d for d in result.differences if d.kind in WEIGHTS):
            print(f"  [{d.kind}] {d.text}")
            out.append({"a": a["uuid"], "b": b["uuid"], "kind": d.kind, "line": d.text, "evidence": list(d.evidence)})
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
