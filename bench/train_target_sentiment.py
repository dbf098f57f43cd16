"""Train the target-sentiment model on NewsMTSC, report grouped 5-fold CV figures, export weights to resources.

Usage: python bench/train_target_sentiment.py [--no-export]
Reads <eval>/newsmtsc/train.jsonl (MIT, Hamborg & Donnay 2021); writes compare/resources/profile/target_sentiment.npz.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, accuracy_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from compare.evaldata import eval_dir  # noqa: E402
from compare.profile.textfeatures import target_features  # noqa: E402

LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
OUT = ROOT / "compare" / "resources" / "profile" / "target_sentiment.npz"
C, MIN_DF = 0.25, 2


def load_examples():
    """(features, label, group, sentence, target span) per NewsMTSC target."""
    rows = [json.loads(line) for line in open(eval_dir() / "newsmtsc" / "train.jsonl", encoding="utf-8")]
    out = []
    for r in rows:
        text = r["sentence_normalized"]
        group = "_".join(r["primary_gid"].split("_")[:3])
        spans = [(t["from"], t["to"]) for t in r["targets"]]
        for t in r["targets"]:
            others = tuple(s for s in spans if s != (t["from"], t["to"]))
            out.append((target_features(text, t["from"], t["to"], other_targets=others), LABELS[t["polarity"]], group, text, (t["from"], t["to"])))
    return out


def vader_baseline(examples):
    """Whole-sentence VADER compound with the usual ±0.05 thresholds."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    sia = SentimentIntensityAnalyzer()
    pred = []
    for _, _, _, text, _ in examples:
        c = sia.polarity_scores(text)["compound"]
        pred.append("positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral")
    return pred


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--C", type=float, default=C)
    ap.add_argument("--min-df", type=int, default=MIN_DF)
    args = ap.parse_args()
    ex = load_examples()
    y = np.array([e[1] for e in ex])
    groups = np.array([e[2] for e in ex])
    base = vader_baseline(ex)
    print(f"examples {len(ex)}  VADER whole-sentence macro-F1 {f1_score(y, base, average='macro'):.3f} acc {accuracy_score(y, base):.3f}")
    feats = [e[0] for e in ex]
    preds = np.empty(len(ex), dtype=object)
    for fold, (tr, te) in enumerate(GroupKFold(n_splits=5).split(feats, y, groups)):
        vec, clf = fit_model([feats[i] for i in tr], y[tr], args.C, args.min_df)
        preds[te] = clf.predict(vec.transform([feats[i] for i in te]))
    f1 = f1_score(y, preds, average="macro")
    print(f"grouped 5-fold CV (by source article): macro-F1 {f1:.3f} acc {accuracy_score(y, preds):.3f}")
    print("per class F1", dict(zip(sorted(set(y)), np.round(f1_score(y, preds, average=None, labels=sorted(set(y))), 3))))
    if args.no_export:
        return
    vec, clf = fit_model(feats, y, args.C, args.min_df)
    export(vec, clf, OUT, {"cv_macro_f1": round(float(f1), 3), "cv_accuracy": round(float(accuracy_score(y, preds)), 3),
                           "vader_macro_f1": round(float(f1_score(y, base, average='macro')), 3), "n": len(ex)})


def fit_model(feats, y, c=C, min_df=MIN_DF):
    """DictVectorizer (features seen in at least min_df examples) + NB-scaled one-vs-rest logistic regression."""
    from collections import Counter
    df = Counter(k for f in feats for k in f)
    vec = DictVectorizer()
    X = vec.fit_transform([{k: v for k, v in f.items() if df[k] >= min_df} for f in feats])
    return vec, NBLogisticRegression(c).fit(X, np.asarray(y))


class NBLogisticRegression:
    """One-vs-rest logistic regression on features scaled by their naive-Bayes log-count ratio (Wang & Manning 2012).

    The scaling is folded into coef_, so the exported weights score raw features like any linear model.
    """

    def __init__(self, c: float):
        self.c = c

    def fit(self, X, y):
        import scipy.sparse as sp

        self.classes_ = np.array(sorted(set(y)))
        present = (X > 0).astype(np.float64)
        coefs, intercepts = [], []
        for cls in self.classes_:
            pos = np.asarray(present[y == cls].sum(0)).ravel() + 1.0
            neg = np.asarray(present[y != cls].sum(0)).ravel() + 1.0
            ratio = np.log((pos / pos.sum()) / (neg / neg.sum()))
            clf = LogisticRegression(C=self.c, max_iter=2000, class_weight="balanced").fit(X @ sp.diags(ratio), y == cls)
            coefs.append(clf.coef_[0] * ratio)
            intercepts.append(clf.intercept_[0])
        self.coef_, self.intercept_ = np.vstack(coefs), np.array(intercepts)
        return self

    def predict(self, X):
        return self.classes_[np.argmax(X @ self.coef_.T + self.intercept_, axis=1)]


def export(vec, clf, path, meta):
    """Write feature names, weights (float16) and intercepts for the numpy run-time scorer."""
    w = clf.coef_.astype(np.float32)
    keep = np.abs(w).max(axis=0) > 1e-3
    names = np.array(vec.get_feature_names_out())[keep]
    np.savez_compressed(path, names="\n".join(names), weights=w[:, keep].astype(np.float16), intercept=clf.intercept_.astype(np.float32),
                        classes="\n".join(clf.classes_), meta=json.dumps(meta))
    print(f"wrote {path} ({Path(path).stat().st_size / 1024:.0f} KiB, {keep.sum()} features)")


if __name__ == "__main__":
    main()
