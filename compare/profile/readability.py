"""Readability of the reporting text (headline + body sentences) with textstat 0.7.8, language passed explicitly."""
from __future__ import annotations

from compare.profile.sections import SentenceView
from compare.profile.textfeatures import FUNCTION_WORDS, tokens
from compare.profile.types import NOT_ENOUGH_TEXT, ReadabilityProfile

TEXTSTAT_LANG = {"en": "en_US"}
MIN_WORDS = 30  # below this the formulas mean nothing
MIN_SENTENCES = 3  # SMOG and the sentence-based formulas need at least this many


def readability_profile(views: tuple[SentenceView, ...], language: str = "en") -> ReadabilityProfile:
    """Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, Dale-Chall, words per sentence, lexical density."""
    words = [w for v in views for w, _, _ in tokens(v.sentence.text) if not w[0].isdigit()]
    n_sentences = len(views)
    lang = TEXTSTAT_LANG.get(language)
    if lang is None:
        return ReadabilityProfile(len(words), n_sentences, note=f"readability formulas are for English; article language is {language!r}")
    if not words:
        return ReadabilityProfile(0, n_sentences, note=NOT_ENOUGH_TEXT)
    per_sentence = round(len(words) / n_sentences, 1)
    density = round(sum(w not in FUNCTION_WORDS for w in words) / len(words), 3)
    if len(words) < MIN_WORDS or n_sentences < MIN_SENTENCES:
        return ReadabilityProfile(len(words), n_sentences, words_per_sentence=per_sentence, lexical_density=density,
                                  note=f"{NOT_ENOUGH_TEXT}: {len(words)} words in {n_sentences} sentences")
    from textstat.backend import metrics

    text = " ".join(_terminated(v.sentence.text) for v in views)
    if text.isupper():
        text = text.lower()  # all-caps text: syllable and difficult-word counts work on ordinary case
    return ReadabilityProfile(
        words=len(words),
        sentences=n_sentences,
        flesch_reading_ease=round(metrics.flesch_reading_ease(text, lang), 1),
        flesch_kincaid_grade=round(metrics.flesch_kincaid_grade(text, lang), 1),
        gunning_fog=round(metrics.gunning_fog(text, lang), 1),
        smog=round(metrics.smog_index(text, lang), 1),
        dale_chall=round(metrics.dale_chall_readability_score(text, lang), 1),
        words_per_sentence=per_sentence,
        lexical_density=density,
    )


def _terminated(sentence: str) -> str:
    """The sentence with a full stop added when it has no end punctuation (headlines), so textstat counts it."""
    s = sentence.rstrip()
    return s if s[-1:] in ".!?…\"”’'" else s + "."
