"""How alike two sentences are, as symmetric signals and one calibrated "same fact" probability.

Signals: weighted overlap of light-stemmed content words (names and numbers weigh more, number words
become digits, reporting verbs fold to one class), rapidfuzz token ratios, how much of each side the
other covers, length ratio, and number agreement. A logistic model over them, fitted on MSRP news
paraphrase pairs (bench/eval_engine.py --fit writes compare/resources/engine/paraphrase.json), turns
them into a probability. No difflib; no model download; imports only rapidfuzz.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from rapidfuzz import fuzz

from compare.lexicon import lexicon
from compare.paths import resource

RESOURCES = resource("engine")
MODEL_PATH = RESOURCES / "paraphrase.json"
FEATURES = ("dice", "min_cover", "max_cover", "token_set", "token_sort", "len_ratio", "numbers_agree",
            "numbers_clash", "names_jaccard", "bigram_dice", "trigram_dice", "unmatched_min", "unmatched_max")

STOPWORDS = lexicon().stopwords  # the shared vocabulary (compare/resources/lexicon/stopwords.tsv)
REPORTING = lexicon().matching_verbs  # the shared reporting verbs marked "match" (compare/resources/lexicon/)
NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
                "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
                "million": "1000000", "billion": "1000000000", "percent": "%", "pct": "%"}
_WORD = re.compile(r"[$€£%]|\d[\d,.]*\d|\d|[\w\u00C0-\u024F]+(?:['’][\w]+)?")


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A light English suffix stripper (plural, -ing, -ed, -ly, -ment, -ation), enough to match inflections."""
    w = word
    for suffix, repl, min_len in (("ies", "y", 5), ("sses", "ss", 5), ("ness", "", 7), ("ments", "", 8),
                                  ("ment", "", 7), ("ations", "ate", 8), ("ation", "ate", 7), ("ings", "", 6),
                                  ("ing", "", 6), ("edly", "", 7), ("ed", "", 5), ("ly", "", 6), ("es", "", 6),
                                  ("s", "", 4)):
        if w.endswith(suffix) and len(w) >= min_len and not (suffix == "s" and w.endswith(("ss", "us", "is"))):
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    return w.rstrip("e") if len(w) > 4 else w


def is_title_case(text: str) -> bool:
    """Whether a text is set in Title Case (as many headlines are): 85% or more of its 3+ words over three
    letters start with a capital."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


@lru_cache(maxsize=8192)
def terms(text: str) -> tuple[tuple[str, float], ...]:
    """Content terms of a text with weights: names and numbers 2.0, other content words 1.0 (all 1.0 in Title Case)."""
    out = []
    title_case = is_title_case(text)  # capitals mean nothing
    for m in _WORD.finditer(text):
        raw = m.group()
        low = raw.lower().replace("’", "'")
        if low.endswith("'s"):  # as re.sub(r"'s$", "", low): a word holds no newline
            low = low[:-2]
        if low in STOPWORDS:
            continue
        if low in REPORTING:
            out.append(("<say>", 0.5))
        elif low in NUMBER_WORDS:
            out.append((NUMBER_WORDS[low], 2.0))
        elif raw[0].isdigit():
            out.append((low.replace(",", ""), 2.0))
        elif raw[0] in "$€£%":
            out.append((raw, 1.0))
        else:
            out.append((stem(low), 2.0 if raw[0].isupper() and m.start() > 0 and not title_case else 1.0))
    return tuple(out)



def story_counts(texts_a: Sequence[str], texts_b: Sequence[str]) -> dict[str, int]:
    """Per content term, the larger of its counts of texts (facts) using it in the two articles: 1 marks a term
    each article uses in one fact at most; a high count, the story's theme."""
    counts: list[dict[str, int]] = []
    for texts in (texts_a, texts_b):
        df: dict[str, int] = {}
        for text in texts:
            for t in {t for t, _ in terms(text) if t != "<say>"}:
                df[t] = df.get(t, 0) + 1
        counts.append(df)
    return {t: max(counts[0].get(t, 0), counts[1].get(t, 0)) for t in counts[0].keys() | counts[1].keys()}

@dataclass(frozen=True)
class SentenceProfile:
    """Everything signals() needs from one sentence, computed once per sentence."""
    weights: dict
    total: float
    numbers: frozenset
    names: frozenset
    bigrams: frozenset
    trigrams: frozenset
    lower: str


@lru_cache(maxsize=8192)
def sentence_profile(text: str) -> SentenceProfile:
    """The sentence's term weights, numbers, names and n-grams (cached)."""
    weights: dict[str, float] = {}
    for t, x in terms(text):
        weights[t] = max(weights.get(t, 0.0), x)
    seq = [t for t, _ in terms(text)]
    return SentenceProfile(weights, sum(weights.values()),
                    frozenset(t for t in weights if t[:1].isdigit()),
                    frozenset(t for t, x in weights.items() if x == 2.0 and not t[:1].isdigit()),
                    frozenset(tuple(seq[i:i + 2]) for i in range(len(seq) - 1)),
                    frozenset(tuple(seq[i:i + 3]) for i in range(len(seq) - 2)),
                    text.lower())


def signals(a: str, b: str) -> dict[str, float]:
    """Symmetric similarity signals of two sentences, each in 0..1."""
    pa, pb = sentence_profile(a), sentence_profile(b)
    wa, wb = pa.weights, pb.weights
    common = wa.keys() & wb.keys()
    sa, sb = pa.total, pb.total
    overlap_a = math.fsum(wa[t] for t in common)  # fsum: exact, so no set order (hash seed) shows
    overlap_b = math.fsum(wb[t] for t in common)
    cover_a = overlap_a / sa if sa else 0.0
    cover_b = overlap_b / sb if sb else 0.0
    names = pa.names | pb.names
    return {
        "dice": (overlap_a + overlap_b) / (sa + sb) if sa + sb else 0.0,
        "min_cover": min(cover_a, cover_b),
        "max_cover": max(cover_a, cover_b),
        "token_set": fuzz.token_set_ratio(pa.lower, pb.lower) / 100.0,
        "token_sort": fuzz.token_sort_ratio(pa.lower, pb.lower) / 100.0,
        "len_ratio": min(sa, sb) / max(sa, sb) if max(sa, sb) else 1.0,
        "numbers_agree": 1.0 if pa.numbers and pa.numbers == pb.numbers else 0.0,
        "numbers_clash": 1.0 if pa.numbers and pb.numbers and not (pa.numbers & pb.numbers) else 0.0,
        "names_jaccard": len(pa.names & pb.names) / len(names) if names else 0.0,
        "bigram_dice": _dice(pa.bigrams, pb.bigrams),
        "trigram_dice": _dice(pa.trigrams, pb.trigrams),
        "unmatched_min": min(1.0, min(sa - overlap_a, sb - overlap_b) / 10.0),
        "unmatched_max": min(1.0, max(sa - overlap_a, sb - overlap_b) / 10.0),
    }


def extra_words(a: str, b: str) -> tuple[list[str], list[str]]:
    """Plain content words (not names or numbers) each sentence has and the other lacks."""
    wa, wb = sentence_profile(a).weights, sentence_profile(b).weights
    return ([t for t, x in wa.items() if x == 1.0 and t not in wb and t != "<say>"],
            [t for t, x in wb.items() if x == 1.0 and t not in wa and t != "<say>"])


def _dice(ga: frozenset, gb: frozenset) -> float:
    return 2 * len(ga & gb) / (len(ga) + len(gb)) if ga and gb else 0.0


@lru_cache(maxsize=1)
def paraphrase_model() -> dict:
    """The shipped logistic model: {"features": [...], "weights": [...], "bias": b, "threshold": t, ...}."""
    return json.loads(MODEL_PATH.read_text("utf-8"))


def same_fact_probability(sig: dict[str, float], model: dict | None = None) -> float:
    """Probability (0..1) that two sentences state the same fact, from their signals."""
    model = model or paraphrase_model()
    z = model["bias"] + sum(w * sig[f] for f, w in zip(model["features"], model["weights"]))
    return 1.0 / (1.0 + math.exp(-z))
