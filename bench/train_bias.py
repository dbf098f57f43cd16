"""Train the biased-word and biased-sentence models on BABE; report grouped 5-fold CV figures; export weights.

Usage: python bench/train_bias.py [--no-export]
Reads <eval>/babe/sentences.jsonl (BABE, AGPL-3.0 repository) and, for the vocabulary only, <eval>/newsmtsc/train.jsonl
(MIT). The shipped vocabulary is ours and not BABE's: VADER's lexicon (MIT) + compare/resources/profile/wording.tsv (ours)
+ NewsMTSC words seen at least twice; BABE supplies only the learned weights of those words (derived statistics).
Writes compare/resources/profile/bias_words.npz and bias_sentences.npz.
"""
from __future__ import annotations

import argparse
import ast
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from compare.evaldata import eval_dir  # noqa: E402
from compare.nlp.encoder import DIMS, context_vectors  # noqa: E402
from compare.profile import wording  # noqa: E402
from compare.profile.linear import text_array  # noqa: E402
from compare.profile.textfeatures import tokens, vader_lexicon  # noqa: E402

OUT = ROOT / "compare" / "resources" / "profile"
WORD_C, SENTENCE_C = 0.25, 0.1
EVIDENCE_C = 0.01  # the evidence model's regularisation (standardised features)
WORD_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


def allowed_vocabulary() -> frozenset[str]:
    """Words whose identity the models may use: VADER lexicon, our wording list, NewsMTSC words seen twice."""
    counts = Counter()
    for line in open(eval_dir() / "newsmtsc" / "train.jsonl", encoding="utf-8"):
        counts.update(w for w, _, _ in tokens(json.loads(line)["sentence_normalized"]))
    return frozenset(vader_lexicon()) | frozenset(wording.lexicon()) | frozenset(w for w, c in counts.items() if c >= 2)


def load_babe():
    """(text, biased?, marked words, group = source article) per BABE sentence."""
    out = []
    for line in open(eval_dir() / "babe" / "sentences.jsonl", encoding="utf-8"):
        r = json.loads(line)
        marked = {w for phrase in ast.literal_eval(r["biased_words"] or "[]") for w, _, _ in tokens(phrase)}
        out.append((r["text"], r["label_bias"] == "Biased", marked, r["news_link"] or r["text"][:40]))
    return out


def fit(feats, y, C, min_df=2):
    """DictVectorizer (features seen min_df times) + class-balanced logistic regression."""
    df = Counter(k for f in feats for k in f)
    vec = DictVectorizer()
    X = vec.fit_transform([{k: v for k, v in f.items() if df[k] >= min_df} for f in feats])
    X.indices = X.indices.astype(np.int32)
    X.indptr = X.indptr.astype(np.int32)
    return vec, LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(X, y)


class BabeWords:
    """Token-level rows of BABE: features (vocabulary-limited), is-marked label, owning sentence, whether the word may
    be named as evidence (not a function word or a word of a name), and its encoder state (layers 3 and 1)."""

    def __init__(self, data, vocab):
        self.feats, labels, owner, candidate = [], [], [], []
        known = {"w:" + w: 0 for w in vocab}  # a word is common when the models may use its identity
        for i, (text, _, marked, _) in enumerate(data):
            spans = {(s, e) for _, s, e, _ in wording.evidence_candidates(text, [0.0] * len(tokens(text)), known)}
            for (f, w), (_, s, e) in zip(wording.word_features(text, vocab, vectors=True), tokens(text)):
                self.feats.append(f)
                labels.append(w in marked)
                owner.append(i)
                candidate.append((s, e) in spans)
        self.y, self.owner, self.candidate = np.array(labels), np.array(owner), np.array(candidate)
        targets = [(text, s, e) for text, *_ in data for _, s, e in tokens(text)]
        self.context = context_vectors(targets)[:, : 2 * DIMS]

    def rows(self, sentences) -> np.ndarray:
        return np.flatnonzero(np.isin(self.owner, np.asarray(sentences)))


def _word_probs(vec, clf, feats):
    return clf.predict_proba(vec.transform(feats))[:, 1] if feats else np.zeros(0)


def sentence_rows(data, vocab, probs, owner, sentences):
    """Sentence-model features for the given sentences, from word probabilities aligned with owner."""
    per = {i: [] for i in sentences}
    for p, o in zip(probs, owner):
        if o in per:
            per[o].append(p)
    return [wording.sentence_bias_features(data[i][0], vocab, per[i]) for i in sentences]


def train_models(data, vocab, words: BabeWords, train, groups):
    """Word model on the training sentences; sentence model and evidence model on word probabilities from an inner
    3-fold split (honest inputs)."""
    train = np.asarray(train)
    probs = np.zeros(len(words.y))
    for itr, ite in GroupKFold(n_splits=3).split(train, groups=groups[train]):
        a, b = words.rows(train[itr]), words.rows(train[ite])
        v, c = fit([words.feats[i] for i in a], words.y[a], WORD_C)
        probs[b] = _word_probs(v, c, [words.feats[i] for i in b])
    rows = words.rows(train)
    wv, wc = fit([words.feats[i] for i in rows], words.y[rows], WORD_C)
    y = np.array([d[1] for d in data])
    sv, sc = fit(sentence_rows(data, vocab, probs, words.owner, list(train)), y[train], SENTENCE_C)
    cand = rows[words.candidate[rows]]
    evidence = EvidenceModel().fit(probs[cand], words.context[cand], words.y[cand])
    return wv, wc, sv, sc, evidence


def predict(data, vocab, words: BabeWords, models, test):
    """(sentence P(biased), word probabilities of the test sentences' tokens, those token rows, evidence probabilities
    of those rows (0 where a word is no candidate))."""
    wv, wc, sv, sc, evidence = models
    rows = words.rows(test)
    probs = np.zeros(len(words.y))
    probs[rows] = _word_probs(wv, wc, [words.feats[i] for i in rows])
    sp = sc.predict_proba(sv.transform(sentence_rows(data, vocab, probs, words.owner, list(test))))[:, 1]
    ev = np.where(words.candidate[rows], evidence.predict(probs[rows], words.context[rows]), 0.0)
    return sp, probs[rows], rows, ev


class EvidenceModel:
    """Logistic regression naming a candidate word as loaded from its contextual encoder state (layers 3 and 1) and
    the word model's logit; standardised for the fit, the scaling folded into the exported weights."""

    def fit(self, word_probs, context, y):
        X = np.hstack([_logits(word_probs)[:, None], context])
        self.mu, self.sd = X.mean(axis=0), X.std(axis=0) + 1e-6
        self.clf = LogisticRegression(C=EVIDENCE_C, max_iter=3000, class_weight="balanced").fit((X - self.mu) / self.sd, y)
        return self

    def predict(self, word_probs, context):
        X = np.hstack([_logits(word_probs)[:, None], context])
        return self.clf.predict_proba((X - self.mu) / self.sd)[:, 1]

    def export(self, path, meta):
        w = self.clf.coef_[0] / self.sd
        intercept = self.clf.intercept_[0] - float(w @ self.mu)
        np.savez_compressed(path, names=text_array("wp:logit"), weights=w[None, :1].astype(np.float32),
                            intercept=np.array([intercept], dtype=np.float32), classes="False\nTrue", meta=json.dumps(meta),
                            dense=w[None, 1:].astype(np.float32))
        print(f"wrote {path} ({Path(path).stat().st_size / 1024:.0f} KiB)")


def _logits(p):
    """wording.word_logit of each probability: the run-time scorer's own input."""
    return np.array([wording.word_logit(float(x)) for x in np.asarray(p).ravel()], dtype=np.float64)


def break_even(y, scores, named):
    """The threshold where precision and recall meet (the first t, in steps of 0.01 from 0.5, where precision reaches
    recall) when the words named are those of ``named`` with scores >= t and recall counts every marked word, named
    or not (as bench/eval_profile.py counts)."""
    for t in np.arange(0.5, 0.99, 0.01):
        hit = named & (scores >= t)
        tp = (hit & y).sum()
        if hit.any() and tp / hit.sum() >= tp / y.sum():
            return round(float(t), 2)
    return 0.99


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-export", action="store_true")
    args = ap.parse_args()
    vocab = allowed_vocabulary()
    data = load_babe()
    y = np.array([d[1] for d in data])
    groups = np.array([d[3] for d in data])
    words = BabeWords(data, vocab)
    r3 = lambda x: round(float(x), 3)  # noqa: E731
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    sia = SentimentIntensityAnalyzer()
    mag = np.array([abs(sia.polarity_scores(d[0])["compound"]) for d in data])
    naive = {t: f1_score(y, mag >= t, average="macro") for t in (0.3, 0.5)}
    print("naive |VADER compound| >= t, macro-F1:", {t: r3(v) for t, v in naive.items()})
    lex = vader_lexicon()
    naive_w = np.array([abs(lex.get(w, 0.0)) >= 1.0 for d in data for w, _, _ in tokens(d[0])])
    print(f"naive words (VADER |valence| >= 1): P {precision_score(words.y, naive_w):.3f} R {recall_score(words.y, naive_w):.3f} "
          f"F1 {f1_score(words.y, naive_w):.3f}")
    oof_sent = np.zeros(len(y))
    oof_word = np.zeros(len(words.y))
    oof_evidence = np.zeros(len(words.y))
    for tr, te in GroupKFold(n_splits=5).split(data, y, groups):
        sp, wp, rows, ev = predict(data, vocab, words, train_models(data, vocab, words, tr, groups), te)
        oof_sent[te] = sp
        oof_word[rows] = wp
        oof_evidence[rows] = ev
    pred = oof_sent >= wording.BIASED_SENTENCE
    print(f"biased sentences, grouped 5-fold CV: macro-F1 {f1_score(y, pred, average='macro'):.3f} "
          f"P {precision_score(y, pred):.3f} R {recall_score(y, pred):.3f}")
    best = None
    for t in WORD_THRESHOLDS:
        wp = oof_word >= t
        row = (f1_score(words.y, wp), t, precision_score(words.y, wp), recall_score(words.y, wp))
        print(f"biased words at p >= {t}: P {row[2]:.3f} R {row[3]:.3f} F1 {row[0]:.3f}")
        best = max(best or row, row)
    print(f"word threshold {best[1]} (F1 {best[0]:.3f}; chosen on the same out-of-fold predictions, so slightly optimistic)")
    named = words.candidate & (oof_sent[words.owner] >= wording.BIASED_SENTENCE)  # what the product can name
    evidence_threshold = break_even(words.y, oof_evidence, named)
    hit = named & (oof_evidence >= evidence_threshold)
    print(f"evidence words at p >= {evidence_threshold} (where precision meets recall on these out-of-fold predictions, "
          f"every marked word counted): P {(hit & words.y).sum() / hit.sum():.3f} R {(hit & words.y).sum() / words.y.sum():.3f}")
    if args.no_export:
        return
    meta = {"sentences": len(data), "sentence_cv_macro_f1": r3(f1_score(y, pred, average="macro")),
            "sentence_cv_precision": r3(precision_score(y, pred)), "sentence_cv_recall": r3(recall_score(y, pred)),
            "naive_sentence_macro_f1": r3(naive[0.5]), "word_threshold": best[1], "word_cv_f1": r3(best[0]),
            "word_cv_precision": r3(best[2]), "word_cv_recall": r3(best[3]),
            "naive_word_precision": r3(precision_score(words.y, naive_w)), "naive_word_recall": r3(recall_score(words.y, naive_w)),
            "naive_word_f1": r3(f1_score(words.y, naive_w))}
    wv, wc, sv, sc, evidence = train_models(data, vocab, words, np.arange(len(data)), groups)
    export(wv, wc, OUT / "bias_words.npz", meta)
    export(sv, sc, OUT / "bias_sentences.npz", meta)
    evidence.export(OUT / "bias_evidence.npz", {"word_threshold": evidence_threshold, "C": EVIDENCE_C})


def export(vec, clf, path, meta):
    """Write feature names, weights (float16) and intercepts for the numpy run-time scorer."""
    w = clf.coef_.astype(np.float32)
    all_names = np.array(vec.get_feature_names_out())
    vector_cols = {int(n[2:]): i for i, n in enumerate(all_names) if n.startswith("e:")}  # word-piece vector -> dense part
    extra = {}
    if vector_cols:
        dims = wording.piece_table().dims
        extra["dense"] = np.zeros((w.shape[0], dims), dtype=np.float32)
        for k, i in vector_cols.items():
            extra["dense"][:, k] = w[:, i]
    keep = (np.abs(w).max(axis=0) > 1e-3) & ~np.char.startswith(all_names.astype(str), "e:")
    names = all_names[keep]
    np.savez_compressed(path, names=text_array("\n".join(names)), weights=w[:, keep].astype(np.float16), intercept=clf.intercept_.astype(np.float32),
                        classes="\n".join(str(c) for c in clf.classes_), meta=json.dumps(meta), **extra)
    print(f"wrote {path} ({Path(path).stat().st_size / 1024:.0f} KiB, {keep.sum()} features)")


if __name__ == "__main__":
    main()
