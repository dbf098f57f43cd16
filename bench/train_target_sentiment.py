"""Train the target-sentiment model on NewsMTSC, report grouped 5-fold CV figures, export weights to resources.

Usage: python bench/train_target_sentiment.py [--no-export] [--build-piece-table DIR]
Reads <eval>/newsmtsc/train.jsonl (MIT, Hamborg & Donnay 2021); writes compare/resources/profile/target_sentiment.npz.
The word-piece vectors it reads (compare/resources/profile/wordpiece_vectors.npz) were made once with
--build-piece-table DIR, DIR holding static-minilm-128.npy + static-minilm-vocab.txt (a model2vec distillation of
all-MiniLM-L6-v2, see compare/resources/profile/README.md): ASCII pieces only, PCA to PIECE_DIMS, int8 per dimension.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from compare.evaldata import eval_dir  # noqa: E402
from compare.nlp.encoder import context_vectors  # noqa: E402
from compare.profile.linear import text_array  # noqa: E402
from compare.profile.textfeatures import target_features, target_vector  # noqa: E402

LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
OUT = ROOT / "compare" / "resources" / "profile" / "target_sentiment.npz"
PIECES_OUT = ROOT / "compare" / "resources" / "profile" / "wordpiece_vectors.npz"
PIECE_DIMS = 64
C, MIN_DF = 0.25, 2
CONTEXT = True  # the encoder's contextual states as dense features too (compare/nlp/encoder.py)
DENSE_SCALE = 0.15  # standardised embedding features are multiplied by this before the fit (their L2 weight vs the sparse ones)


def load_examples():
    """(features, label, group, sentence, target span, dense vector, other targets' spans) per NewsMTSC target."""
    rows = [json.loads(line) for line in open(eval_dir() / "newsmtsc" / "train.jsonl", encoding="utf-8")]
    targets = [(r["sentence_normalized"], t["from"], t["to"]) for r in rows for t in r["targets"]]
    context = iter(context_vectors(targets)) if CONTEXT else None
    out = []
    for r in rows:
        text = r["sentence_normalized"]
        group = "_".join(r["primary_gid"].split("_")[:3])
        spans = [(t["from"], t["to"]) for t in r["targets"]]
        for t in r["targets"]:
            others = tuple(s for s in spans if s != (t["from"], t["to"]))
            out.append((target_features(text, t["from"], t["to"], other_targets=others), LABELS[t["polarity"]], group, text,
                        (t["from"], t["to"]), _dense(text, t["from"], t["to"], context), others))
    return out


def _dense(text, start, end, context):
    """The target's dense features as the run-time scorer builds them: word-piece vectors, then the encoder's states."""
    vector = target_vector(text, start, end)
    return vector if context is None else np.concatenate([vector, next(context)])


def vader_baseline(examples):
    """Whole-sentence VADER compound with the usual ±0.05 thresholds."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    sia = SentimentIntensityAnalyzer()
    pred = []
    for _, _, _, text, *_ in examples:
        c = sia.polarity_scores(text)["compound"]
        pred.append("positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral")
    return pred


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--C", type=float, default=C)
    ap.add_argument("--min-df", type=int, default=MIN_DF)
    ap.add_argument("--dense-scale", type=float, default=DENSE_SCALE, help="0 drops the embedding features")
    ap.add_argument("--build-piece-table", metavar="DIR", help="rebuild wordpiece_vectors.npz from DIR, then train")
    args = ap.parse_args()
    if args.build_piece_table:
        build_piece_table(Path(args.build_piece_table), PIECES_OUT)
    ex = load_examples()
    y = np.array([e[1] for e in ex])
    groups = np.array([e[2] for e in ex])
    base = vader_baseline(ex)
    print(f"examples {len(ex)}  VADER whole-sentence macro-F1 {f1_score(y, base, average='macro'):.3f} acc {accuracy_score(y, base):.3f}")
    feats = [e[0] for e in ex]
    vectors = np.array([e[5] for e in ex])
    preds = np.empty(len(ex), dtype=object)
    for _fold, (tr, te) in enumerate(GroupKFold(n_splits=5).split(feats, y, groups)):
        vec, clf = fit_model([feats[i] for i in tr], vectors[tr], y[tr], args.C, args.min_df, args.dense_scale)
        preds[te] = clf.predict(vec.transform([feats[i] for i in te]), vectors[te])
    f1 = f1_score(y, preds, average="macro")
    print(f"grouped 5-fold CV (by source article): macro-F1 {f1:.3f} acc {accuracy_score(y, preds):.3f}")
    print("per class F1", dict(zip(sorted(set(y)), np.round(f1_score(y, preds, average=None, labels=sorted(set(y))), 3))))
    if args.no_export:
        return
    vec, clf = fit_model(feats, vectors, y, args.C, args.min_df, args.dense_scale)
    export(vec, clf, OUT, {"cv_macro_f1": round(float(f1), 3), "cv_accuracy": round(float(accuracy_score(y, preds)), 3),
                           "vader_macro_f1": round(float(f1_score(y, base, average='macro')), 3), "n": len(ex)})


def fit_model(feats, vectors, y, c=C, min_df=MIN_DF, dense_scale=DENSE_SCALE):
    """DictVectorizer (features seen in at least min_df examples) + NB-scaled one-vs-rest logistic regression that
    also reads the standardised dense vectors (target_vector) unless dense_scale is 0."""
    from collections import Counter
    df = Counter(k for f in feats for k in f)
    vec = DictVectorizer()
    X = vec.fit_transform([{k: v for k, v in f.items() if df[k] >= min_df} for f in feats])
    return vec, NBLogisticRegression(c, dense_scale).fit(X, np.asarray(y), np.asarray(vectors, dtype=np.float64))


class NBLogisticRegression:
    """One-vs-rest logistic regression on features scaled by their naive-Bayes log-count ratio (Wang & Manning 2012),
    plus dense features standardised and scaled by dense_scale.

    The scalings are folded into coef_, dense_coef_ and intercept_, so the exported weights score raw features.
    """

    def __init__(self, c: float, dense_scale: float = DENSE_SCALE):
        self.c, self.dense_scale = c, dense_scale

    def fit(self, X, y, D):
        import scipy.sparse as sp

        self.classes_ = np.array(sorted(set(y)))
        present = (X > 0).astype(np.float64)
        use_dense = self.dense_scale > 0
        mu, sd = D.mean(axis=0), D.std(axis=0) + 1e-6
        dense = sp.csr_matrix(self.dense_scale * (D - mu) / sd) if use_dense else sp.csr_matrix((X.shape[0], 0))
        coefs, dense_coefs, intercepts = [], [], []
        for cls in self.classes_:
            pos = np.asarray(present[y == cls].sum(0)).ravel() + 1.0
            neg = np.asarray(present[y != cls].sum(0)).ravel() + 1.0
            ratio = np.log((pos / pos.sum()) / (neg / neg.sum()))
            clf = LogisticRegression(C=self.c, max_iter=3000, class_weight="balanced").fit(sp.hstack([X @ sp.diags(ratio), dense]).tocsr(), y == cls)
            w_sparse, w_dense = clf.coef_[0][: X.shape[1]], clf.coef_[0][X.shape[1]:]
            coefs.append(w_sparse * ratio)
            dense_coefs.append(w_dense * self.dense_scale / sd if use_dense else np.zeros(D.shape[1]))
            intercepts.append(clf.intercept_[0] - (float(dense_coefs[-1] @ mu) if use_dense else 0.0))
        self.coef_, self.dense_coef_, self.intercept_ = np.vstack(coefs), np.vstack(dense_coefs), np.array(intercepts)
        return self

    def predict(self, X, D):
        return self.classes_[np.argmax(X @ self.coef_.T + np.asarray(D) @ self.dense_coef_.T + self.intercept_, axis=1)]


def build_piece_table(folder: Path, path: Path, dims: int = PIECE_DIMS):
    """Shrink a static word-piece embedding: ASCII pieces only, centred, PCA to dims, int8 with a scale per dimension."""
    vocab = (folder / "static-minilm-vocab.txt").read_text("utf-8").split("\n")[:-1]
    vectors = np.load(folder / "static-minilm-128.npy").astype(np.float64)
    keep = np.array([p.isascii() and p.strip() != "" and not p.startswith("[") for p in vocab])
    kept = vectors[keep] - vectors[keep].mean(axis=0)
    _, _, components = np.linalg.svd(kept, full_matrices=False)
    reduced = kept @ components[:dims].T
    scale = np.abs(reduced).max(axis=0) / 127.0
    np.savez_compressed(path, pieces="\n".join(p for p, k in zip(vocab, keep) if k),
                        vectors=np.round(reduced / scale).astype(np.int8), scale=scale.astype(np.float32))
    print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KiB, {keep.sum()} pieces x {dims})")


def export(vec, clf, path, meta):
    """Write feature names, weights (float16), dense-vector weights (float32) and intercepts for the numpy run-time scorer."""
    w = clf.coef_.astype(np.float32)
    keep = np.abs(w).max(axis=0) > 1e-3
    names = np.array(vec.get_feature_names_out())[keep]
    np.savez_compressed(path, names=text_array("\n".join(names)), weights=w[:, keep].astype(np.float16), intercept=clf.intercept_.astype(np.float32),
                        classes="\n".join(clf.classes_), meta=json.dumps(meta), dense=clf.dense_coef_.astype(np.float32))
    print(f"wrote {path} ({Path(path).stat().st_size / 1024:.0f} KiB, {keep.sum()} features)")


if __name__ == "__main__":
    main()
