"""Held-out quality of the profile models through the run-time path (export -> numpy scorer), grouped 5-fold CV.

Usage: python bench/eval_profile.py [--folds N] [--skip-target] [--skip-basil]
Each fold trains with the bench/train_*.py code on the other folds (groups = source articles), writes the model
files to a temporary folder, reads them back with compare.profile.linear.read_model and scores the held-out fold
with the same functions the tool runs. Prints target-sentiment macro-F1 vs whole-sentence VADER, biased-sentence
macro-F1 / P / R vs VADER magnitude, and P / R of the words named as evidence vs VADER-lexicon words.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import GroupKFold

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))
import train_bias  # noqa: E402
import train_target_sentiment  # noqa: E402

from compare.profile.linear import load_model, read_model  # noqa: E402
from compare.profile.scores import sentence_biases, target_probabilities  # noqa: E402
from compare.profile.textfeatures import tokens, vader_lexicon  # noqa: E402
from compare.profile.wording import BIASED_SENTENCE  # noqa: E402

OLD_MARGIN = 0.15  # the label rule before issue 14: P(pos) - P(neg) beyond ±0.15, else neutral (printed for comparison)


def vader_label(text: str, sia) -> str:
    c = sia.polarity_scores(text)["compound"]
    return "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral"


def target_fold(examples, train, test, folder: Path):
    """(gold, model, whole-sentence VADER) labels of the test examples, the model trained on train."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vec, clf = train_target_sentiment.fit_model([examples[i][0] for i in train], [examples[i][5] for i in train],
                                                [examples[i][1] for i in train])
    path = folder / "target.npz"
    train_target_sentiment.export(vec, clf, path, {})
    model = read_model(path)
    results = target_probabilities([(examples[i][3], *examples[i][4], examples[i][6]) for i in test], model)  # the public API
    pred = [label for label, _ in results]
    margin = [("positive" if d >= OLD_MARGIN else "negative" if d <= -OLD_MARGIN else "neutral")
              for d in (p["positive"] - p["negative"] for _, p in results)]
    sia = SentimentIntensityAnalyzer()
    return [examples[i][1] for i in test], pred, [vader_label(examples[i][3], sia) for i in test], margin


def bias_fold(data, vocab, words, groups, train, test, folder: Path):
    """Per test sentence: gold label, P(biased), words named as evidence (only for flagged sentences), marked words."""
    wv, wc, sv, sc, evidence = train_bias.train_models(data, vocab, words, train, groups)
    meta = {"word_threshold": float(load_model("bias_words").meta.get("word_threshold", 0.8))}  # as shipped
    train_bias.export(wv, wc, folder / "words.npz", meta)
    train_bias.export(sv, sc, folder / "sentences.npz", meta)
    evidence.export(folder / "evidence.npz", {"word_threshold": float(load_model("bias_evidence").meta["word_threshold"])})
    scores = sentence_biases([data[i][0] for i in test], word_model=read_model(folder / "words.npz"),
                             sentence_model=read_model(folder / "sentences.npz"),
                             evidence_model=read_model(folder / "evidence.npz"))  # the public API
    return [(data[i][1], p, set(w) if p >= BIASED_SENTENCE else set(), data[i][2]) for i, (p, w) in zip(test, scores)]


def word_figures(rows):
    """Micro precision / recall over (sentence, word) pairs: words named vs words the annotators marked."""
    tp = sum(len(named & marked) for _, _, named, marked in rows)
    named = sum(len(n) for _, _, n, _ in rows)
    marked = sum(len(m) for *_, m in rows)
    return (tp / named if named else 0.0), (tp / marked if marked else 0.0)


def basil_lexical_spans():
    """Shipped bias model (trained on BABE only) against BASIL's lexical-bias spans: an independent, out-of-corpus check."""
    import json

    from compare.evaldata import eval_dir
    from compare.profile.textfeatures import FUNCTION_WORDS
    from compare.profile.wording import lexicon

    lex_words = {w for w, cats in lexicon().items() if {"loaded", "sensational"} & set(cats)}
    vader = vader_lexicon()
    detectors = {"bias model (flagged sentences)": [], "our loaded+sensational list": [], "VADER |valence| >= 1": []}
    spans_total = 0
    found = {k: 0 for k in detectors}
    for line in open(eval_dir() / "basil" / "articles.jsonl", encoding="utf-8"):
        r = json.loads(line)
        sentences = [s for para in r["body-paragraphs"] for s in para]
        spans = [a["txt"] for a in r["annotations"]["phrase-level-annotations"] if a["bias"] == "lex"]
        gold = {w for t in spans for w, _, _ in tokens(t) if w not in FUNCTION_WORDS}
        scores = sentence_biases(sentences)
        named = {
            "bias model (flagged sentences)": {w for p, ws in scores if p >= BIASED_SENTENCE for w in ws},
            "our loaded+sensational list": {w for s in sentences for w, _, _ in tokens(s) if w in lex_words},
            "VADER |valence| >= 1": {w for s in sentences for w, _, _ in tokens(s) if abs(vader.get(w, 0.0)) >= 1.0},
        }
        spans_total += len(spans)
        for k, words in named.items():
            detectors[k].append((len(words & gold), len(words)))
            found[k] += sum(1 for t in spans if {w for w, _, _ in tokens(t)} & words)
    for k, rows in detectors.items():
        tp, n = sum(a for a, _ in rows), sum(b for _, b in rows)
        print(f"  BASIL lexical-bias spans ({spans_total}), {k}: span recall {found[k] / spans_total:.3f}, "
              f"word precision {tp / n if n else 0:.3f} ({n} words named)")


def target_figures(folds: int, folder: Path):
    """Target-sentiment macro-F1 over grouped folds of NewsMTSC, printed."""
    examples = train_target_sentiment.load_examples()
    groups = np.array([e[2] for e in examples])
    gold, pred, base, margin, order = [], [], [], [], []
    for tr, te in GroupKFold(n_splits=folds).split(examples, groups=groups):
        g, p, b, m = target_fold(examples, tr, te, folder)
        order += list(te)
        gold += g
        pred += p
        base += b
        margin += m
    labels = sorted(set(gold))
    per_class = ", ".join(f"{c} {f:.3f}" for c, f in zip(labels, f1_score(gold, pred, average=None, labels=labels)))
    print(f"target sentiment (NewsMTSC, {len(gold)} targets, grouped {folds}-fold): macro-F1 {f1_score(gold, pred, average='macro'):.3f}"
          f" ({per_class}; labels as compare.target_sentiment emits them, the most probable class) vs the old ±{OLD_MARGIN} margin "
          f"rule {f1_score(gold, margin, average='macro'):.3f} and whole-sentence VADER {f1_score(gold, base, average='macro'):.3f}")
    by_sentence: dict[str, list[int]] = {}
    for k, i in enumerate(order):
        by_sentence.setdefault(examples[i][3], []).append(k)
    mixed = [ks for ks in by_sentence.values() if len({gold[k] for k in ks}) > 1]
    alike = sum(len({pred[k] for k in ks}) == 1 for ks in mixed)
    print(f"  sentences whose targets differ in gold polarity: {len(mixed)}; every target given one label in {alike} "
          f"({alike / max(len(mixed), 1):.0%})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--skip-basil", action="store_true", help="leave out the BASIL lexical-span check")
    ap.add_argument("--skip-target", action="store_true", help="leave out the target-sentiment CV")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_target:
            target_figures(args.folds, Path(tmp))
        data = train_bias.load_babe()
        vocab = train_bias.allowed_vocabulary()
        words = train_bias.BabeWords(data, vocab)
        bgroups = np.array([d[3] for d in data])
        rows = []
        for tr, te in GroupKFold(n_splits=args.folds).split(data, groups=bgroups):
            rows += bias_fold(data, vocab, words, bgroups, tr, te, Path(tmp))
    y = [r[0] for r in rows]
    flagged = [r[1] >= BIASED_SENTENCE for r in rows]
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    naive = [abs(sia.polarity_scores(d[0])["compound"]) >= 0.5 for d in data]
    print(f"biased sentences (BABE, {len(rows)} sentences, grouped {args.folds}-fold): macro-F1 {f1_score(y, flagged, average='macro'):.3f} "
          f"P {precision_score(y, flagged):.3f} R {recall_score(y, flagged):.3f}; naive |VADER| >= 0.5: macro-F1 "
          f"{f1_score([d[1] for d in data], naive, average='macro'):.3f}")
    p, r = word_figures(rows)
    lex = vader_lexicon()
    naive_rows = [(d[1], 0, {w for w, _, _ in tokens(d[0]) if abs(lex.get(w, 0.0)) >= 1.0}, d[2]) for d in data]
    np_, nr = word_figures(naive_rows)
    print(f"words named as evidence (flagged sentences only) vs words marked by BABE annotators: P {p:.3f} R {r:.3f}; "
          f"naive (every VADER word with |valence| >= 1): P {np_:.3f} R {nr:.3f}")
    if not args.skip_basil:
        print("independent check on BASIL (shipped models, article vocabulary per article):")
        basil_lexical_spans()


if __name__ == "__main__":
    main()
