"""Same-event verdict on BASIL, measured the way a user meets it (prints figures; ships nothing unless --fit).

    python bench/eval_event.py [--fit]

Pairs: the 150 within-triplet pairs (same event) and every cross-triplet pair sharing a main entity (different
events, same cast). Three settings: real publication dates; no dates; and "same week": each different-event pair
re-dated so the second article appears 0-6 days after the first (the same cast in the same week), same-event
pairs keeping their real dates. Figures are cross-validated by triplet (5 folds) and, for the shipped weights,
in-sample. --fit refits compare/resources/engine/event.json on all three settings (scikit-learn, bench only).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.evaldata import eval_dir  # noqa: E402


def rows_and_pairs():
    rows = [json.loads(l) for l in (eval_dir() / "basil" / "articles.jsonl").read_text().splitlines() if l.strip()]
    pairs = []
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            same = rows[i]["triplet-uuid"] == rows[j]["triplet-uuid"]
            if same or set(rows[i]["main-entities"]) & set(rows[j]["main-entities"]):
                pairs.append((i, j, int(same)))
    return rows, pairs


def article(row: dict, date: str | None):
    from compare.ingest import article_from_text
    paragraphs = [" ".join(s.strip() for s in p) for p in row["body-paragraphs"]]
    text = row["title"] + "\n\n" + "\n\n".join(p for p in paragraphs if p)
    return article_from_text(text, source=row["uuid"], outlet=row["source"], date=date)


def features(setting: str) -> tuple[list[dict], list[int], list[tuple[int, int, int]], list[dict]]:
    """Verdict features of every pair in one setting ("dates", "none", "same_week"), from the links the product
    makes before its verdict."""
    from compare.align import link_facts
    from compare.event import event_features
    from compare.facts import extract_facts
    rows, pairs = rows_and_pairs()
    cache: dict = {}

    def get(k: int, date: str | None):
        key = (k, date)
        if key not in cache:
            art = article(rows[k], date)
            cache[key] = (art, *extract_facts(art, 0))
        return cache[key]

    feats, labels = [], []
    for n, (i, j, same) in enumerate(pairs):
        date_a = rows[i]["date"] if setting != "none" else None
        date_b = rows[j]["date"] if setting != "none" else None
        if setting == "same_week" and not same:
            date_b = (dt.date.fromisoformat(rows[i]["date"]) + dt.timedelta(days=n % 7)).isoformat()
        art_a, actors_a, facts_a = get(i, date_a)
        art_b, actors_b, facts_b = get(j, date_b)
        made = link_facts(actors_a, facts_a, actors_b, facts_b)
        f, _ = event_features(art_a, art_b, facts_a, facts_b, made.links, made.to_a, made.to_b)
        feats.append(f)
        labels.append(same)
    return feats, labels, pairs, rows


def score(model_feats, labels, predict) -> dict:
    pred = [predict(f) for f in model_feats]
    pos = [p for p, l in zip(pred, labels) if l]
    neg = [p for p, l in zip(pred, labels) if not l]
    recall, reject = sum(pos) / len(pos), 1 - sum(neg) / len(neg)
    return {"same_recall": round(recall, 3), "different_rejected": round(reject, 3),
            "balanced": round((recall + reject) / 2, 3)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--cached", action="store_true", help="reuse the features of the last run (same code only)")
    args = parser.parse_args(argv)
    if eval_dir() is None:
        print("no calibration data")
        return 1
    import pickle

    from sklearn.linear_model import LogisticRegression

    from compare.event import event_model, verdict_from_features
    from compare.settings import DEFAULT
    cache = Path("/tmp/newscompare-event-features.pickle")
    if args.cached and cache.exists():
        data = pickle.loads(cache.read_bytes())
    else:
        data = {s: features(s) for s in ("dates", "none", "same_week")}
        cache.write_bytes(pickle.dumps(data))
    model = event_model()
    from compare.event import FEATURES
    names = list(FEATURES)
    out = {}
    for setting, (feats, labels, pairs, rows) in data.items():
        shipped = score(feats, labels, lambda f: verdict_from_features(f)[0] == "same event")
        triplets = sorted({r["triplet-uuid"] for r in rows})
        fold = {t: k % 5 for k, t in enumerate(triplets)}
        pred = [0] * len(feats)
        for k in range(5):
            test = [n for n, (i, j, _) in enumerate(pairs) if k in (fold[rows[i]["triplet-uuid"]], fold[rows[j]["triplet-uuid"]])]
            train = [n for n in range(len(pairs)) if n not in set(test)]
            X = [[data[s][0][n][x] for x in names] for s in data for n in train]
            y = [data[s][1][n] for s in data for n in train]
            clf = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit(X, y)
            z = clf.decision_function([[feats[n][x] for x in names] for n in test])
            for n, zz in zip(test, z):
                p = 1 / (1 + math.exp(-(zz - DEFAULT.event.clash_penalty * feats[n]["time_clash"])))
                pred[n] = int(p >= model["same_at"])
        cv = score(list(range(len(feats))), labels, lambda n, pred=pred: pred[n])
        out[setting] = {"pairs": len(labels), "shipped": shipped, "cv5": cv}
    print(json.dumps(out, indent=1))
    if args.fit:
        X = [[f[x] for x in names] for s in data for f in data[s][0]]
        y = [l for s in data for l in data[s][1]]
        clf = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit(X, y)
        fitted = dict(model, features=names, weights=[round(w, 4) for w in clf.coef_[0].tolist()], bias=round(float(clf.intercept_[0]), 4),
                      means=[round(sum(x[k] for x in X) / len(X), 4) for k in range(len(names))],
                      fitted_on=("BASIL: 150 within-triplet pairs and every cross-triplet pair sharing a main entity, "
                                 "with real dates, without dates, and re-dated into the same week (bench/eval_event.py); "
                                 "logistic regression C=1, balanced classes"))
        (ROOT / "compare" / "resources" / "engine" / "event.json").write_text(json.dumps(fitted, indent=1) + "\n")
        print("written compare/resources/engine/event.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
