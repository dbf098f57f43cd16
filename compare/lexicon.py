"""The shared vocabulary (compare/resources/lexicon/): reporting verbs, anonymous-source nouns, news outlets,
first names with the pronoun they usually take, stopwords.

One cached loader, so the sentence splitter, the quote finder, actor recognition and the profiles read the
same lists. Pure data: no stage imports another to get a word list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from compare.paths import resource


@dataclass(frozen=True)
class Lexicon:
    """The shared word lists, loaded once."""
    report_tone: dict[str, str]  # reporting verb -> "neutral" | "loaded" | "-" (cues an attribution, not counted)
    quote_verbs: tuple[str, ...]  # verbs that may mark a quotation's or a claim's attribution
    matching_verbs: frozenset[str]  # reporting words word matching folds into one class ("said" = "told")
    source_nouns: tuple[str, ...]  # unnamed sources whenever they report ("officials", "aides")
    group_nouns: tuple[str, ...]  # unnamed only as a quote's speaker ("witnesses", "critics")
    document_nouns: tuple[str, ...]  # a text that speaks for its author, as a quote's speaker ("the statement said")
    outlets: tuple[str, ...]  # news outlets cited in article text (the sourcing profile)
    first_name_gender: dict[str, str]  # common first name -> "f" | "m" (the pronoun it usually takes)
    outlet_actors: tuple[str, ...]  # outlet names recognised as actors in article text (the gazetteer's outlets)
    outlet_names: dict[str, str]  # lower-cased spelling or domain -> the outlet's name as ingest writes it
    stopwords: frozenset[str]  # skipped by word matching (the "same fact" signals, story grouping)
    function_words: frozenset[str]  # function words of the outlet profiles (lexical density, model features)

    def report_verbs(self, tone: str) -> frozenset[str]:
        """Reporting verbs of one tone ("neutral" or "loaded")."""
        return frozenset(w for w, t in self.report_tone.items() if t == tone)

    def verb_pattern(self) -> str:
        """A regex alternation of the quote verbs, longest first (no group, no word boundaries)."""
        return alternation(self.quote_verbs)

    def anonymous_pattern(self, *, groups: bool = True) -> str:
        """A regex alternation of the anonymous-source nouns (with the group nouns unless groups=False)."""
        return alternation(self.source_nouns + (self.group_nouns if groups else ()))


    def document_pattern(self) -> str:
        """A regex alternation of the document nouns ("statement", "memo"), longest first."""
        return alternation(self.document_nouns)


def alternation(words) -> str:
    """A regex alternation of the words, longest first, grouped by first letter ("s(?:tated|aid)|c(?:laimed|…)"): the
    regex engine then tries at each place only the words that can start there, several times faster than one flat list
    of 100 words, and with the same matches (words of different first letters, in any case, never match at the same
    place; within a letter the order is kept)."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[:1].casefold(), []).append(w)
    return "(?:" + "|".join(map(_branch, groups.values())) + ")"


def whole_word(word: str, edge: str = r"\w", then: str = "") -> str:
    """A regex for ``word`` (taken literally) standing whole: no character of the class ``edge`` right before it, nor
    right after it (and after ``then``, a pattern that may follow it, such as an ending). It matches exactly where
    ``(?<![edge])word then(?![edge])`` does, but is written with the word first and the look-behind after it: Python's
    regex engine then looks for the word's letters, where a pattern that opens with a look-behind is tried at every
    character of the text (an article's text, searched for a name: about ten times faster)."""
    w = re.escape(word)
    return f"{w}(?<![{edge}]{w}){then}(?![{edge}])"


def _branch(words: list[str]) -> str:
    """Words of one first letter as alternatives, the letter written once when they all share its case."""
    first = words[0][:1]
    if len(words) > 1 and all(w[:1] == first for w in words):
        return re.escape(first) + "(?:" + "|".join(re.escape(w[1:]) for w in words) + ")"
    return "|".join(re.escape(w) for w in words)


def _rows(name: str) -> list[list[str]]:
    text = resource("lexicon", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped shared vocabulary."""
    verbs = _rows("reporting_verbs.tsv")
    nouns = _rows("anonymous_sources.tsv")
    outlets = [(form, name, uses.split(",")) for form, name, uses in _rows("outlets.tsv")]
    stopwords = [(word, sets.split(",")) for word, sets in _rows("stopwords.tsv")]
    return Lexicon(
        report_tone={w: tone for w, tone, _, _ in verbs},
        quote_verbs=tuple(w for w, _, quote, _ in verbs if quote == "yes"),
        matching_verbs=frozenset(w for w, _, _, match in verbs if match == "yes"),
        source_nouns=tuple(w for w, kind in nouns if kind == "source"),
        group_nouns=tuple(w for w, kind in nouns if kind == "group"),
        document_nouns=tuple(w for w, kind in nouns if kind == "document"),
        outlets=tuple(form for form, _, uses in outlets if "cited" in uses),
        first_name_gender={name: gender for name, gender in _rows("first_names.tsv")},
        outlet_actors=tuple(form for form, _, uses in outlets if "actor" in uses),
        outlet_names={form.lower(): name for form, name, uses in outlets if "ingest" in uses},
        stopwords=frozenset(word for word, sets in stopwords if "matching" in sets),
        function_words=frozenset(word for word, sets in stopwords if "function" in sets),
    )
