"""Sourcing: who gets a voice (quotes per speaker, quoted words), named vs anonymous sources, outlets cited, attributed share."""
from __future__ import annotations

import re
from functools import lru_cache

from compare.ingest.outlet import canonical_outlet
from compare.lexicon import lexicon
from compare.model import Fact, Quote
from compare.profile.sections import SentenceView
from compare.profile.textfeatures import tokens
from compare.profile.types import NOT_ENOUGH_TEXT, Evidence, SourcingProfile, SpeakerShare
from compare.profile.wording import REPORT_CATEGORIES
from compare.profile.wording import lexicon as wording_lexicon

UNATTRIBUTED = "unattributed quote"
EVIDENCE_PER_FIGURE = 3
MIN_WORDS = 20

_SOURCE_NOUN = r"(?:" + lexicon().anonymous_pattern(groups=False)[3:-1] + r"|people familiar with [\w\s]{1,30}?)"
_REPORT = r"(?:" + lexicon().verb_pattern()[3:-1] + r"|interviewed|expects?|indicate)"
ANONYMOUS_PATTERNS = (
    re.compile(r"\baccording to (?:(?:a|an|the|two|three|several|some|other)\s+)?(?:[\w.\-]+\s+){0,3}?" + _SOURCE_NOUN + r"\b", re.I),
    re.compile(r"\b(?:a|an|the|two|three|several|some|other|one)\s+(?:[\w.\-]+\s+){0,3}?" + _SOURCE_NOUN + r"\s+(?:[\w,]+\s+){0,3}?" + _REPORT + r"\b", re.I),
    re.compile(r"\b(?:[A-Z][\w.]*\s+){0,2}" + _SOURCE_NOUN + r"\s+" + _REPORT + r"\b"),
    re.compile(r"\b(?:is|are|was|were) (?:said|reported|understood|believed) to\b", re.I),
)
OUTLETS = lexicon().outlets  # the shared vocabulary (compare/resources/lexicon/outlets.txt)
OUTLET_RE = re.compile(r"\b(?:" + "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True)) + r")\b(?:[’']s?)?")


@lru_cache(maxsize=1)
def _report_words() -> frozenset[str]:
    """The report verbs of the word-choice lexicon (neutral or loaded)."""
    return frozenset(w for w, cats in wording_lexicon().items() if any(c in REPORT_CATEGORIES for c in cats))


def _canonical_outlet(name: str) -> str:
    name = re.sub(r"[’']s?$", "", name).strip()
    return name[4:] if name.startswith("The ") and name[4:] in OUTLETS else name


def _outlet_key(name: str) -> str:
    """An outlet's name compared whole: usual spelling ("AP" = "Associated Press"), no possessive, no leading "the"."""
    name = canonical_outlet(re.sub(r"[’']s?$", "", name.strip())).lower()
    return re.sub(r"[^\w]|_", "", re.sub(r"^the\s+", "", name))


def _same_outlet(cited: str, own: str) -> bool:
    """Whether a cited outlet is the article's own ("AP" is not "The Japan Times", though "ap" is inside it)."""
    key = _outlet_key(cited)
    return bool(key) and key == _outlet_key(own or "")


def sourcing_profile(views: tuple[SentenceView, ...], facts: tuple[Fact, ...], outlet: str) -> SourcingProfile:
    """Quotes per speaker, quoted-word share, named / anonymous attributions, cited outlets, attributed share."""
    by_index = {v.sentence.index: v for v in views}
    report_words = _report_words()
    total_words = sum(len(tokens(v.sentence.text)) for v in views)
    speakers: dict[str, list] = {}  # speaker -> [quotes, words, anonymous, evidence]
    attributed: set[int] = set()
    named: set[tuple[int, str]] = set()
    anonymous: dict[tuple[int, str], Evidence] = {}
    cited: dict[str, list[Evidence]] = {}
    # A quote spanning several sentences (or clauses) is carried by each of their facts: count it once.
    unique = {(q.start, q.end): (f, q) for f in facts for q in f.quotes}
    fact_quotes = [(_view_at(views, q.start) or by_index.get(f.sentence), q) for f, q in unique.values()]
    if fact_quotes:
        for view, q in fact_quotes:
            if view is None:
                continue
            index = view.sentence.index
            speaker = q.speaker or UNATTRIBUTED
            _add_quote(speakers, speaker, q, view)
            attributed.add(index)
            if q.anonymous:
                cue_view, cue = _speaker_cue(views, view, q)
                anonymous.setdefault((cue_view.sentence.index, speaker), _evidence(cue_view, cue))
            else:
                named.add((index, speaker))
    else:
        for v in views:
            for s, e in v.quotes:
                _add_quote(speakers, UNATTRIBUTED, Quote(v.sentence.text[s:e], v.sentence.start + s, v.sentence.start + e), v)
                attributed.add(v.sentence.index)
    for f in facts:
        for a in f.attributions:
            view = _view_at(views, a.start) or by_index.get(f.sentence)
            if view is None:
                continue
            attributed.add(view.sentence.index)
            if a.kind == "anonymous":
                anonymous.setdefault((view.sentence.index, a.source), _evidence(view, _within(view, a.start, a.end) or a.text))
            elif a.kind == "outlet":
                if not _same_outlet(a.source, outlet):
                    cited.setdefault(_canonical_outlet(a.source), []).append(_evidence(view, _within(view, a.start, a.end) or a.text))
            else:
                named.add((view.sentence.index, a.source))
    for v in views:
        text = v.sentence.text
        for pattern in ANONYMOUS_PATTERNS:
            for m in pattern.finditer(text):
                if not v.is_quoted(m.start(), m.end()) and not any(k[0] == v.sentence.index for k in anonymous):
                    anonymous[(v.sentence.index, m.group())] = _evidence(v, m.group())
                    attributed.add(v.sentence.index)
        for m in OUTLET_RE.finditer(text):
            name = _canonical_outlet(m.group())
            if not _same_outlet(name, outlet) and not v.is_quoted(m.start(), m.end()):
                evs = cited.setdefault(name, [])
                if all(e.sentence != v.sentence.index for e in evs):
                    evs.append(_evidence(v, m.group()))
                attributed.add(v.sentence.index)
        if any(w in report_words and not v.is_quoted(s, e) for w, s, e in tokens(text)):
            attributed.add(v.sentence.index)
    quoted_words = sum(s[1] for s in speakers.values())
    shares = tuple(sorted(
        (SpeakerShare(name, n, w, round(w / quoted_words, 3) if quoted_words else 0.0, anon, tuple(ev[:EVIDENCE_PER_FIGURE]))
         for name, (n, w, anon, ev) in speakers.items()),
        key=lambda s: (-s.words, s.speaker),
    ))
    enough = total_words >= MIN_WORDS and len(views) >= 2
    return SourcingProfile(
        quotes=sum(s.quotes for s in shares),
        quoted_word_share=round(quoted_words / total_words, 3) if enough else None,
        speakers=shares,
        named=len(named),
        anonymous=len(anonymous),
        outlets=tuple(sorted(cited)),
        attributed_share=round(len(attributed) / len(views), 3) if enough else None,
        anonymous_evidence=tuple(sorted(anonymous.values(), key=lambda e: e.sentence)[:EVIDENCE_PER_FIGURE * 2]),
        outlet_evidence=tuple(e for evs in cited.values() for e in evs[:EVIDENCE_PER_FIGURE]),
        note="" if enough else f"{NOT_ENOUGH_TEXT}: {total_words} words in {len(views)} sentences",
    )


def _evidence(view: SentenceView, cue: str) -> Evidence:
    return Evidence(view.sentence.index, view.sentence.text, (cue,), 0.0, view.section)


def _view_at(views: tuple[SentenceView, ...], offset: int) -> SentenceView | None:
    """The reporting sentence holding the article offset, if any."""
    import bisect

    k = bisect.bisect_right(views, offset, key=lambda v: v.sentence.start) - 1  # views are in reading order
    return views[k] if k >= 0 and views[k].sentence.start <= offset < views[k].sentence.end else None


def _speaker_cue(views: tuple[SentenceView, ...], view: SentenceView, quote: Quote) -> tuple[SentenceView, str]:
    """Where an anonymous quote's speaker is described (the quote's sentence or the next), and the words as written."""
    if quote.speaker:
        following = [v for v in views if v.sentence.index in (view.sentence.index, view.sentence.index + 1)]
        for v in following:
            at = v.sentence.text.lower().find(quote.speaker.lower())
            if at >= 0:
                return v, v.sentence.text[at:at + len(quote.speaker)]
    return view, _within(view, quote.start, quote.end)


def _within(view: SentenceView, start: int, end: int) -> str:
    """The part of the article span [start, end) that lies in the view's sentence."""
    s = view.sentence
    return s.text[max(start, s.start) - s.start:min(end, s.end) - s.start].strip()


def _add_quote(speakers: dict[str, list], speaker: str, quote: Quote, view: SentenceView) -> None:
    entry = speakers.setdefault(speaker, [0, 0, quote.anonymous, []])
    entry[0] += 1
    entry[1] += len(tokens(quote.text))
    if all(e.sentence != view.sentence.index for e in entry[3]):
        words = _within(view, quote.start, quote.end)
        entry[3].append(Evidence(view.sentence.index, view.sentence.text, (words[:80],) if words else (), 0.0, view.section, True))
