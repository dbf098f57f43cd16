"""Quality gate for the profile models: one held-out grouped fold through the run-time path, pinned minimums.

Minimums sit a little below the figures bench/eval_profile.py measured (5-fold, held out); the gate skips without
the eval data (../shared/eval or $NEWSCOMPARE_EVAL_DIR) or without scikit-learn (needed only to train).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from compare.evaldata import eval_dir

BENCH = Path(__file__).resolve().parent.parent / "bench"
MIN_TARGET_MACRO_F1 = 0.66  # measured 0.681 (5-fold, through compare.target_sentiment), 0.693 on this fold; VADER 0.52
MIN_GAIN_OVER_VADER = 0.14  # measured +0.177 on this fold
MIN_BIASED_MACRO_F1 = 0.69  # measured 0.723 (5-fold), 0.716 on this fold; VADER magnitude 0.53 (was 0.66 before issue 14)
MIN_WORD_PRECISION = 0.38  # words named as evidence: measured P 0.411, R 0.410 (5-fold), 0.413 / 0.388 on this fold
MIN_WORD_RECALL = 0.36  # (were 0.28 / 0.27 for P 0.347, R 0.330 before the word-piece vectors and the name filter)

pytestmark = [
    pytest.mark.skipif(eval_dir() is None, reason="calibration data not found (../shared/eval or NEWSCOMPARE_EVAL_DIR)"),
]


@pytest.fixture(scope="module")
def bench():
    pytest.importorskip("sklearn", reason="scikit-learn is needed to train the held-out models")
    sys.path.insert(0, str(BENCH))
    import eval_profile

    return eval_profile


def test_target_sentiment_beats_whole_sentence_vader_on_held_out_articles(bench, tmp_path):
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    examples = bench.train_target_sentiment.load_examples()
    train, test = next(GroupKFold(n_splits=5).split(examples, groups=[e[2] for e in examples]))
    gold, pred, vader, _ = bench.target_fold(examples, train, test, tmp_path)
    model, baseline = f1_score(gold, pred, average="macro"), f1_score(gold, vader, average="macro")
    assert model >= MIN_TARGET_MACRO_F1, (model, baseline)
    assert model - baseline >= MIN_GAIN_OVER_VADER, (model, baseline)


def test_biased_sentences_and_evidence_words_on_held_out_articles(bench, tmp_path):
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold
    import numpy as np

    train_bias = bench.train_bias
    data = train_bias.load_babe()
    vocab = train_bias.allowed_vocabulary()
    words = train_bias.BabeWords(data, vocab)
    groups = np.array([d[3] for d in data])
    train, test = next(GroupKFold(n_splits=5).split(data, groups=groups))
    rows = bench.bias_fold(data, vocab, words, groups, train, test, tmp_path)
    macro = f1_score([r[0] for r in rows], [r[1] >= 0.5 for r in rows], average="macro")
    precision, recall = bench.word_figures(rows)
    assert macro >= MIN_BIASED_MACRO_F1, macro
    assert precision >= MIN_WORD_PRECISION and recall >= MIN_WORD_RECALL, (precision, recall)
