"""Sentence splitting tuned for news text: nupunkt plus a news-abbreviation layer.

nupunkt (Punkt trained on legal/financial text) proposes the sentences; four small rules, all our
own and listed below as data, then repair what it gets wrong on news copy:

1. Merge after a title or other never-final abbreviation ("Lt. | Col. Sarah Mendez") unless the
   next word is a closed-class sentence starter (The, It, He, But, ...).
2. Merge a quoted question or exclamation with the attribution that follows it
   ("“Why now?” | Sen. Susan Collins asked."), a bare list number with its item ("1. | The data ..."),
   and a piece that starts with closing punctuation or a dash ("(D-Calif. | ), who ...") or with a
   lowercase word ("F.E.C. | campaign reports"; not "iPhone").
   A *period* before a closing quote always ends the sentence: news style puts a comma there
   when an attribution follows, so "“... dues.” Trump said so on Friday." is two sentences.
3. Split after a token ending in "." that nupunkt read as an abbreviation (U.S., Inc., Ph.D., Mich.,
   III, a single capital letter, ...) when a closed-class sentence starter or an opening quote
   follows ("... a Ph.D. | His parents", "Lexington, Ky. | “I'm ...").
   After U.S./U.K. a capitalised noun stays attached ("U.S. Treasury"): attributive use is far
   more common than a sentence ending in the country name followed by a capitalised noun.
   After a.m./p.m. any capitalised word other than a time zone, weekday or month starts a sentence.
4. Split at a line break when the line has no end punctuation and the next starts with a capital,
   digit or quote (a headline or subhead line inside the paragraph) — unless the paragraph looks
   hard-wrapped (two or more breaks, every line but the last 40–100 characters long).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

# Abbreviations that precede a name or number and never end a sentence (lowercase, no final dot).
NEVER_FINAL_ABBREVIATIONS = (
    "mr", "mrs", "ms", "dr", "prof", "rev", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "cpl",
    "pvt", "adm", "brig", "gov", "sen", "rep", "pres", "supt", "det", "insp", "hon", "atty",
    "messrs", "mmes", "drs", "gens", "sens", "reps", "govs", "lts", "sgts",
    "st", "ste", "mt", "ft", "no", "nos", "vs", "v",
)
# Capitalised words that start a sentence and are not names: the test for splitting after an
# abbreviation that can end a sentence.
SENTENCE_STARTERS = (
    "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We",
    "You", "His", "Her", "Their", "Our", "My", "There", "Here", "But", "And", "Or", "So", "Yet",
    "However", "Meanwhile", "Still", "Also", "Then", "Now", "In", "On", "At", "By", "For", "From",
    "With", "After", "Before", "During", "Since", "While", "When", "Although", "Though", "If",
    "As", "Both", "Some", "Many", "Most", "Several", "Few", "All", "Each", "Neither", "Nor",
    "About", "More", "Only", "Earlier", "Later", "What", "Why", "How", "Who", "Where", "Asked",
)
# Capitalised words that may follow a.m./p.m. inside the same sentence.
CLOCK_FOLLOWERS = (
    "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "BST",
    "UTC", "CET", "CEST", "Eastern", "Central", "Mountain", "Pacific", "Atlantic", "Hawaii",
    "Alaska", "Greenwich", "Moscow", "Kyiv", "London", "Paris", "Beijing", "Tokyo",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
    "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
)

MAX_SENTENCE_CHARS = 2000  # longer "sentences" (a 1 MB run without a full stop) are cut: every later stage stays linear
# A paragraph longer than this (about 16,000 words: longer than any news article, let alone one of its paragraphs)
# is not prose a reader wrote: instead of nupunkt (about 2 µs a character where full stops are dense) and the
# rules below, a plain rule splits it (_rough_spans), so a 20 MB input of abbreviations reads in seconds.
MAX_PARAGRAPH_CHARS = 100_000
_TAIL = 200  # characters of a piece the merge rules look at (a long merged sentence is not re-read each time)
_CLOSERS = "\"'”’)]»"
_LOWER_ABBREVIATIONS = ("approx", "dept", "govt", "corp", "assn", "bros", "univ", "incl", "natl", "intl", "mgmt",
                        "misc", "spec", "supt", "sept", "repr", "chap", "vols", "nos", "figs", "cent")
# Abbreviations followed by a name even when the name starts like a sentence ("Lakers vs. The ...").
_JOINING_ABBREVIATIONS = ("v", "vs")
# nupunkt can only end a sentence at ".", "?", "!" or "…" with whitespace or closing punctuation after it; when all of
# them stand in one run at the end of the paragraph (followed only by nupunkt's closing characters), its answer is the
# whole paragraph, so it is not asked (most short paragraphs: "On May 4 it rained.").
_ONE_SENTENCE = re.compile(r"[^.?!…]*[.?!…]*[\"')\]}”’»*]*\s*")
# The plain rule for an overlong paragraph: end punctuation, closing marks, space, then a capital, digit or quote; a
# full stop after a single letter or a never-final abbreviation ("Mr. A. B. Smith") is no end.
_ROUGH_END = re.compile(
    r"[.?!…](?=[" + re.escape(_CLOSERS) + r"]*\s+[A-Z0-9\"“‘(])(?<!\b[^\W\d_]\.)"
    + "".join(r"(?<!\b(?i:" + a + r")\.)" for a in NEVER_FINAL_ABBREVIATIONS) + r"[" + re.escape(_CLOSERS) + r"]*\s+")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """Compiled rule patterns, built once from the word lists above."""
    starters = "|".join(SENTENCE_STARTERS)
    from compare.lexicon import lexicon

    verbs = lexicon().verb_pattern()  # the shared reporting verbs (compare/resources/lexicon/)
    return {
        # Rule 3: an abbreviation-like token ending in "." (optionally closed by quotes or
        # brackets), then a closed-class starter or an opening quote.
        "split_before_starter": re.compile(
            r"(?<!\S)(\S*\.)[" + re.escape(_CLOSERS) + r"]*\s+"
            r"(?=[\"“‘(]?(?:" + starters + r")\b|[“‘]|[\"'](?=[A-Z]))"
        ),
        # "a 50 per cent stake. Moroccan Interior Minister …": nupunkt sometimes keeps a plain lower-case word's
        # full stop inside the sentence; a word of four or more lower-case letters is no abbreviation (but a few).
        "split_after_word": re.compile(r"(?<![\w.’'-])(?!(?:" + "|".join(_LOWER_ABBREVIATIONS) + r")\.)[a-z]{4,}\."
                                       r"[" + re.escape(_CLOSERS) + r"]*\s+(?=[A-Z][a-z])"),
        "split_after_clock": re.compile(
            r"\b[ap]\.m\.\s+(?=[A-Z])(?!(?:" + "|".join(CLOCK_FOLLOWERS) + r")\b)"
        ),
        "starter_word": re.compile(r"[\"“‘(]?(?:" + starters + r")\b"),
        "continues_sentence": re.compile(r"[,;:)\]}—–―]|[a-z](?![a-z]*[A-Z])"),
        "attribution": re.compile(
            r"(?:(?:[A-Z][\w'’.-]*|of|the|de|van|von)\s+){1,5}(?:" + verbs + r")\b"
        ),
        "quoted_question_end": re.compile(r"[?!][" + re.escape(_CLOSERS) + r"]+$"),
        "list_number": re.compile(r"\(?\d{1,2}[.)]$"),
        "line_break_boundary": re.compile(
            r"(?<=[^\s.?!:;,\"'”’)\]…—-])[ \t\r]*\n\s*(?=[A-Z0-9\"“‘(])"
        ),
    }


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span narrowed to exclude leading and trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cut(text: str, spans: list[tuple[int, int]], cuts: list[int]) -> list[tuple[int, int]]:
    """Spans further split at the given character positions, trimmed, empty pieces dropped."""
    out = []
    bounds = sorted(set(cuts))
    for start, end in spans:
        inner = bounds[bisect.bisect_right(bounds, start):bisect.bisect_left(bounds, end)]
        for piece_start, piece_end in zip([start, *inner], [*inner, end]):
            piece = _trim(text, piece_start, piece_end)
            if piece[1] > piece[0]:
                out.append(piece)
    return out


def _is_hard_wrapped(text: str) -> bool:
    """True if the paragraph looks like fixed-width wrapped text (every line but the last 40–100 chars)."""
    lines = text.strip().split("\n")
    return len(lines) >= 3 and all(40 <= len(line.strip()) <= 100 for line in lines[:-1])


def _should_merge(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """True if nupunkt's boundary between two adjacent sentences is wrong (rules 1 and 2)."""
    pat = _patterns()
    before = text[max(left[0], left[1] - _TAIL):left[1]]  # the rules read only the end of the left piece
    after = text[right[0]:min(right[1], right[0] + _TAIL)]  # and the start of the right one
    if pat["continues_sentence"].match(after):
        return True
    if left[1] - left[0] < _TAIL and pat["list_number"].fullmatch(before):
        return True
    if pat["quoted_question_end"].search(before):
        return bool(pat["attribution"].match(after))
    if not before.endswith("."):
        return False
    last = before.rsplit(None, 1)[-1].lstrip("(\"“‘")
    word = last[:-1].lower()
    never_final = word in NEVER_FINAL_ABBREVIATIONS or (len(word) == 1 and word.isalpha())
    if word == "no" and not after[:1].isdigit():
        return False
    return never_final and not pat["starter_word"].match(after)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences of one paragraph, whitespace trimmed."""
    import nupunkt

    one = len(text) <= MAX_PARAGRAPH_CHARS and _ONE_SENTENCE.fullmatch(text)
    if one and "\n" not in text:  # no full stop is followed by a space, so no rule below can cut it either
        start, end = _trim(text, 0, len(text))
        if end - start <= MAX_SENTENCE_CHARS:
            return [(start, end)] if end > start else []
        return _cap(text, (start, end))
    if len(text) > MAX_PARAGRAPH_CHARS:  # the plain rule alone: rules 1-4 are for prose
        return [piece for s, e in _rough_spans(text) for piece in _cap(text, _trim(text, s, e)) if piece[1] > piece[0]]
    pat = _patterns()
    proposed = [(0, len(text))] if one else nupunkt.sent_spans(text)
    spans = [_trim(text, s, e) for s, e in proposed]
    spans = [s for s in spans if s[1] > s[0]]
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and _should_merge(text, merged[-1], span):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    cuts = []
    for start, end in merged:
        sentence = text[start:end]
        for m in pat["split_before_starter"].finditer(sentence):
            word = m.group(1).lstrip("(\"“‘")[:-1].lower()
            if word not in _JOINING_ABBREVIATIONS and not pat["list_number"].fullmatch(m.group(1)):
                cuts.append(start + m.end())
        cuts.extend(start + m.end() for m in pat["split_after_clock"].finditer(sentence))
        cuts.extend(start + m.end() for m in pat["split_after_word"].finditer(sentence))
    if "\n" in text and not _is_hard_wrapped(text):
        cuts.extend(m.end() for m in pat["line_break_boundary"].finditer(text))
    return [piece for span in _cut(text, merged, cuts) for piece in _cap(text, span)]


def _rough_spans(text: str) -> list[tuple[int, int]]:
    """Sentence proposals for an overlong paragraph without nupunkt: a break after end punctuation and space when a
    capital, digit or quote follows, unless the word before the full stop is a single letter or a never-final
    abbreviation ("Mr. A. B. Smith")."""
    spans, start = [], 0
    for m in _ROUGH_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    return spans + [(start, len(text))]


def _cap(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A span longer than MAX_SENTENCE_CHARS cut at the last space before each limit (no sentence is that long)."""
    start, end = span
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        space = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit)
        cut = space if space > start else limit
        pieces.append(_trim(text, start, cut))
        start = _trim(text, cut, end)[0]
    return [p for p in pieces + [(start, end)] if p[1] > p[0]]
