"""The two sentence-level scores the profiles are built on, as a small public API (``compare.target_sentiment``,
``compare.sentence_bias``). The profiles and bench/eval_profile.py call these, so what is measured is what is shipped.
"""
from __future__ import annotations

from typing import Sequence

from compare.nlp.encoder import CONTEXT_DIMS, context_vectors
from compare.profile.linear import LinearModel, load_model
from compare.profile.textfeatures import target_features, target_vectors

TARGET_MODEL = "target_sentiment"
LABELS = ("negative", "neutral", "positive")
Target = tuple[str, int, int, tuple[tuple[int, int], ...]]  # sentence, start, end, the sentence's other targets


def target_sentiment(sentence: str, start: int, end: int, *, other_targets: Sequence[tuple[int, int]] = (),
                     model: LinearModel | None = None) -> tuple[str, float]:
    """Sentiment of ``sentence`` toward the target at ``sentence[start:end]``: (label, score). The label is the most
    probable of negative / neutral / positive; the score is P(positive) − P(negative), −1..1. ``other_targets`` are the
    spans of other people or bodies named in the sentence (their words are not read as context for this one).

    >>> target_sentiment("Critics blasted Smith for the disastrous rollout.", 16, 21)[0]
    'negative'
    """
    return target_sentiments([(sentence, start, end, tuple(other_targets))], model)[0]


def target_sentiments(targets: Sequence[Target], model: LinearModel | None = None) -> list[tuple[str, float]]:
    """:func:`target_sentiment` for many targets at once (one matrix product)."""
    return [(label, p["positive"] - p["negative"]) for label, p in target_probabilities(targets, model)]


def target_probabilities(targets: Sequence[Target], model: LinearModel | None = None,
                         features: list[dict[str, float]] | None = None) -> list[tuple[str, dict[str, float]]]:
    """(label, class probabilities) for each (sentence, start, end, other targets); the shipped model unless given.
    ``features``, if given, receives each target's feature dictionary (the profiles name the words behind a label)."""
    model = model or load_model(TARGET_MODEL)
    feats = [target_features(s, a, b, other_targets=tuple(o)) for s, a, b, o in targets]
    if features is not None:
        features.extend(feats)
    vectors = target_vectors(targets) if model.dense is not None and targets else None
    if vectors is not None and model.dense.shape[1] == vectors.shape[1] + CONTEXT_DIMS:
        # a model trained with the encoder's states: the word-piece vectors, then the contextual ones
        import numpy as np

        vectors = np.hstack([vectors, context_vectors(targets)])
    probs = model.probabilities_many(feats, vectors)
    return [(max(LABELS, key=p.get), p) for p in probs]


def sentence_bias(sentence: str, *, word_model: LinearModel | None = None, sentence_model: LinearModel | None = None,
                  evidence_model: LinearModel | None = None) -> tuple[float, tuple[str, ...]]:
    """Whether ``sentence`` is worded with bias: (probability, evidence words). The probability comes from the sentence
    model (a sentence is flagged at 0.5 or more); a flagged sentence's words are those the evidence model rates most
    likely to be loaded, reading each word in its sentence (never a function word, a word of a proper name or a first
    name); a sentence not flagged has none.

    >>> p, words = sentence_bias("The radical senator's outrageous scheme is a disgraceful power grab.")
    >>> p > 0.5, "outrageous" in words or "disgraceful" in words
    (True, True)
    """
    return sentence_biases([sentence], word_model=word_model, sentence_model=sentence_model, evidence_model=evidence_model)[0]


def sentence_biases(sentences: Sequence[str], *, word_model: LinearModel | None = None,
                    sentence_model: LinearModel | None = None,
                    evidence_model: LinearModel | None = None, evidence: bool = True) -> list[tuple[float, tuple[str, ...]]]:
    """:func:`sentence_bias` for many sentences at once; ``evidence=False`` gives the probabilities only (no words,
    and the encoder the evidence model reads is not run)."""
    from compare.profile.wording import bias_scores

    return bias_scores(list(sentences), word_model, sentence_model, evidence_model, evidence)
