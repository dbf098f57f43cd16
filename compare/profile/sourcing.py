"""Sourcing: who gets a voice (quotes per speaker, quoted words), named vs anonymous sources, outlets cited, attributed share."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from compare.ingest.outlet import canonical_outlet
from compare.lexicon import alternation, lexicon, whole_word
from compare.nlp.actors import gazetteer
from compare.nlp.quotes import VERB_SIGNED, signed_after
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
PASSIVE_REPORT = re.compile(r"\b(?:is|are|was|were) (?:said|reported|understood|believed) to\b", re.I)
ANONYMOUS_PATTERNS = (
    re.compile(r"\baccording to (?:(?:a|an|the|two|three|several|some|other)\s+)?(?:[\w.\-]+\s+){0,3}?" + _SOURCE_NOUN + r"\b", re.I),
    re.compile(r"\b(?:a|an|the|two|three|several|some|other|one)\s+(?:[\w.\-]+\s+){0,3}?" + _SOURCE_NOUN + r"\s+(?:[\w,]+\s+){0,3}?" + _REPORT + r"\b", re.I),
    re.compile(r"\b(?:[A-Z][\w.]*\s+){0,2}" + _SOURCE_NOUN + r"\s+" + _REPORT + r"\b"),
    PASSIVE_REPORT,
)
OUTLETS = lexicon().outlets  # the shared vocabulary (compare/resources/lexicon/outlets.txt)
OUTLET_RE = re.compile(r"\b" + alternation(OUTLETS) + r"\b(?:[’']s?)?")


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


def _one_name_each(cited: dict[str, list]) -> dict[str, list]:
    """Cited outlets with one entry per outlet: "AP" and "Associated Press" are one (the longer name, both evidences),
    and so are a short name and the one cited outlet whose name ends in it ("The Times" of "New York Times")."""
    by_key: dict[str, list[str]] = {}
    for name in cited:
        by_key.setdefault(_outlet_key(name), []).append(name)
    for key in sorted(by_key, key=len):
        longer = [k for k in by_key if k != key and k.endswith(key)]
        if len(longer) == 1 and key in by_key:
            by_key[longer[0]] += by_key.pop(key)
    return {max(names, key=lambda n: (len(n), n)): [e for n in names for e in cited[n]] for names in by_key.values()}


def _same_outlet(cited: str, own: str) -> bool:
    """Whether a cited outlet is the article's own ("AP" is not "The Japan Times", though "ap" is inside it)."""
    key = _outlet_key(cited)
    return bool(key) and key == _outlet_key(own or "")


def sourcing_profile(views: tuple[SentenceView, ...], facts: tuple[Fact, ...], outlet: str,
                     article_text: str = "") -> SourcingProfile:
    """Quotes per speaker, quoted-word share, named / anonymous attributions, cited outlets, attributed share;
    ``article_text``, the article's whole text, gives the outlets of its reporting credits ("Contributing: The
    Associated Press"), which are no reporting sentences."""
    by_index = {v.sentence.index: v for v in views}
    positions = _positions(views)
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
            speaker = q.speaker or _event_speaker(views, view, q, positions) or UNATTRIBUTED
            checked = bool(q.speaker) and not q.anonymous and (_signed(views, q, positions)
                                                                or _speaker_at_cue(views, view, q, positions))
            _add_quote(speakers, speaker, q, view, checked)
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
            kind = "outlet" if a.kind == "anonymous" and OUTLET_RE.fullmatch(a.source.strip()) else a.kind
            if kind == "anonymous" and _writes_to(view.sentence.text, a.end - view.sentence.start):
                continue  # "many lawmakers wrote Mr. Obama a letter": an event of the story, no unnamed source of it
            if kind == "anonymous":  # (an outlet the engine does not know is no unnamed source: "According to Business Insider")
                anonymous.setdefault((view.sentence.index, a.source), _evidence(view, _within(view, a.start, a.end) or a.text))
            elif kind == "outlet":
                at = a.text.find(a.source)
                employer = at >= 0 and EMPLOYER_AFTER.match(a.text, at + len(a.source)) is not None  # "Fox News host"
                if (not _same_outlet(a.source, outlet) and not employer
                        and not _person_before(view.sentence.text[:max(0, a.start - view.sentence.start)])
                        and _cited_in(view.sentence.text, a.source)):
                    cited.setdefault(_canonical_outlet(a.source), []).append(_evidence(view, _within(view, a.start, a.end) or a.text))
            else:
                named.add((view.sentence.index, a.source))
    for v in views:
        text = v.sentence.text
        outlets = list(OUTLET_RE.finditer(text))
        for pattern in ANONYMOUS_PATTERNS:
            if pattern is PASSIVE_REPORT and any(_cited_at(text, m.start(), m.end()) for m in outlets):
                continue  # "are reported to be in talks, according to BNN Bloomberg": the report is named
            for m in pattern.finditer(text):
                if (not v.is_quoted(m.start(), m.end()) and not any(k[0] == v.sentence.index for k in anonymous)
                        and not OUTLET_RE.search(m.group())):  # "According to Business Insider": a named outlet
                    anonymous[(v.sentence.index, m.group())] = _evidence(v, m.group())
                    attributed.add(v.sentence.index)
        for m in outlets:
            name = _canonical_outlet(m.group())
            if _person_before(text[:m.start()]) or EMPLOYER_AFTER.match(text, m.end()):
                continue  # "Mayor Michael Bloomberg": a person of that name; "the Fox News host": an employer, no source
            if not _cited_at(text, m.start(), m.end()):
                continue  # "(AP Photo/Jane Doe)", "CNN's Jeff Zucker", "He tweeted a Times report": named, not a source
            if not _same_outlet(name, outlet) and not v.is_quoted(m.start(), m.end()):
                evs = cited.setdefault(name, [])
                if all(e.sentence != v.sentence.index for e in evs):
                    evs.append(_evidence(v, m.group()))
                attributed.add(v.sentence.index)
        if any(w in report_words and not v.is_quoted(s, e) for w, s, e in tokens(text)):
            attributed.add(v.sentence.index)
    for line in article_text.splitlines():
        if CREDIT_LINE.search(line):
            for m in OUTLET_RE.finditer(line):
                name = _canonical_outlet(m.group())
                if not _same_outlet(name, outlet):
                    cited.setdefault(name, [])
    cited = _one_name_each(cited)
    quoted_words = sum(s[1] for s in speakers.values())
    shares = tuple(sorted(
        (SpeakerShare(name, n, w, round(w / quoted_words, 3) if quoted_words else 0.0, anon, tuple(ev[:EVIDENCE_PER_FIGURE]),
                      checked)
         for name, (n, w, anon, ev, checked) in speakers.items()),
        key=lambda s: (-s.words, s.speaker),
    ))
    enough = total_words >= MIN_WORDS and len(views) >= 2
    return SourcingProfile(
        quotes=sum(s.quotes for s in shares),
        quoted_word_share=round(quoted_words / total_words, 3) if enough else None,
        speakers=shares,
        named=len(named),
        anonymous=len(anonymous),
        named_sources=len({speaker for _, speaker in named}),
        anonymous_sources=_distinct_anonymous({_anonymous_key(k, e) for k, e in anonymous.items()}),
        outlets=tuple(sorted(cited)),
        attributed_share=round(len(attributed) / len(views), 3) if enough else None,
        anonymous_evidence=tuple(sorted(anonymous.values(), key=lambda e: e.sentence)[:EVIDENCE_PER_FIGURE * 2]),
        outlet_evidence=tuple(e for evs in cited.values() for e in evs[:EVIDENCE_PER_FIGURE]),
        note="" if enough else f"{NOT_ENOUGH_TEXT}: {total_words} words in {len(views)} sentences",
    )


EMPLOYER_AFTER = re.compile(r"\s+(?:(?:senior|chief|political|legal|national|former|longtime|top)\s+)?(?:host|hosts|"
                            r"contributor|contributors|anchor|anchors|analyst|analysts|commentator|commentators|personality|"
                            r"personalities|pundit|pundits|employee|employees|executive|executives|founder|owner|chairman|"
                            r"president|star|show host|talk show host)\b", re.I)


_ARTICLE = (r"(?:(?:a|an|the|its|their|his|her|one|two|several|recent|new|earlier|an earlier)\s+)*"
            r"(?:(?:newspaper|paper|magazine|network|website|site|news agency|agency|channel|station|outlet)\s+)?")
_REPORT_NOUN = (r"(?:report|reports|reporting|story|stories|article|articles|analysis|poll|polls|survey|investigation|"
                r"interview|review|tally|count|data|estimate|estimates|projection|projections|findings)")
_SAY_VERB = (r"(?:reported|reports|reporting|first reported|said|says|found|finds|obtained|obtains|confirmed|"
             r"confirms|revealed|reveals|learned|learns|published|publishes|wrote|writes|noted|notes|quoted|quotes|cited|"
             r"cites|projected|projects|estimated|estimates|showed|shows|broke the news|was first to report|"
             r"has learned|has reported|had reported|previously reported|also reported|later reported|first reported)")
# The outlet as a source of information, in the words before it: "according to (a report by) the X", "told X", "said
# in an interview with X", "first reported by X", "a report in X", "speaking on X"
CITED_BEFORE = re.compile(
    r"(?:\baccording\s+to\s+" + _ARTICLE + r"(?:[\w’'-]+\s+){0,2}?(?:" + _REPORT_NOUN + r"\s+(?:by|from|in|of)\s+)?" + _ARTICLE
    + r"|\b(?:told|tells|telling|tell|spoke\s+to|speaking\s+to|talked\s+to|talking\s+to|confirmed\s+to|said\s+to|"
    r"(?:interview|interviews|conversation|statement|statements)\s+(?:with|to|on)|"
    r"(?:op-ed|column|piece|essay|editorial|commentary)\s+(?:for|in)|"
    r"(?:exchange|appearance|segment|broadcast|debate)\s+on|"
    r"(?:reported|published|posted|obtained|revealed|confirmed|first\s+reported|broken|quoted|cited|carried|aired|"
    r"broadcast)(?:\s+online)?\s+by|"
    r"(?:said|says|saying|speaking|appeared|appearing|appears|wrote|writes|writing|told\s+\w+)\s+(?:on|in)|"
    r"(?:contributing|additional\s+reporting|reporting)\s*(?::|by|from)|"
    r"citing|cited|per|via\s+(?=" + _REPORT_NOUN + r")|" + _REPORT_NOUN + r"\s+(?:by|from|in|on|for))\s+" + _ARTICLE + r")$",
    re.I)
# ... or after it: "X reported", "X first reported", "X's report found", "a X poll showed", "X, citing officials"
CITED_AFTER = re.compile(
    r"^(?:[’']s?)?(?:,\s+(?:which|citing|quoting)\b|\s+contributed\b|\s+\(@\w+\)|\s+(?:(?:also|first|later|previously|"
    r"earlier|has|had|have|was|were|exclusively|recently|initially)\s+){0,2}" + _SAY_VERB + r"\b|\s+(?:[\w’'-]+\s+){0,1}?"
    + _REPORT_NOUN + r"\s+(?:(?!(?:and|but|then|before|after|while|who|he|she|they|it)\s)[\w’'-]+\s+){0,4}?" + _SAY_VERB
    + r"\b)", re.I)  # not "He tweeted a X report on the talks and wrote": there the report says nothing itself


# A reporting credit: "Contributing: The Associated Press", "Reuters contributed to this report"
CREDIT_LINE = re.compile(r"^\s*(?:contributing|additional reporting|reporting)\s*(?::|by|from)\s|\bcontributed\s+(?:to\s+this\s+"
                         r"(?:report|story|article)|reporting)\b", re.I)


def _cited_at(text: str, start: int, end: int) -> bool:
    """Whether the outlet named at text[start:end] is a source of information: "according to X", "X reported", "told
    X", "in an interview with X", "first reported by X", "a X report found"; not a photo credit ("(AP Photo/...)",
    "Photo: Bloomberg", "via AP"), an employer ("CNN's Jeff Zucker", "an MSNBC host") or the object of another verb ("He
    tweeted a New York Times report")."""
    before, after = text[max(0, start - 80):start], text[end:end + 120]
    if re.match(r"\)\s*[—–-]", after) and before.endswith("("):
        return True  # a dateline: "DENVER (AP) —"
    joint = re.search(r"/\s*$", before) and any(m.end() == len(before.rstrip("/ ")) for m in
                                                  OUTLET_RE.finditer(before.rstrip("/ ")))
    if not joint and re.search(r"(?:\bphoto|\bcredit|\bimages?|\bvia|/|\()\s*[:/]?\s*$", before, re.I):
        return False  # a picture's credit
    if re.search(r"\b(?:link|links|linked|linking)\s+to\s+(?:an?\s+|the\s+)?$", before, re.I):
        return False  # "sent a link to Business Insider story titled ...": the story is what he sent, not a source
    if CITED_BEFORE.search(before):
        return True
    after = re.sub(r"^/(?:[A-Z][\w.&’'-]*\s?){1,4}?(?=\s+" + _REPORT_NOUN + r"\b)", "", after)  # "NBC News/WSJ poll"
    if (re.search(r"\b(?:in|during|to|from|by|with|for)\s+" + _ARTICLE + r"$", before, re.I)
            and re.match(r"\s+(?:[\w’'-]+\s+)?" + _REPORT_NOUN + r"\b", after, re.I)):
        return True  # "asserted in a New York Times interview", "in a CNN poll"
    possessive = re.search(r"[’']s?$", text[start:end]) or re.match(r"[’']", after)
    if possessive and re.search(r"\bon\s+$", before, re.I) and re.match(r"(?:[’']s?)?\s+[“\"]", after):
        return True  # "On Fox News' “Hannity,” she said": on the outlet's programme
    if possessive and re.match(r"(?:[’']s?)?\s+(?:[A-Z][\w.’'-]*\s+){1,3}(?:first\s+|also\s+)?(?:reported|reports|tweeted|wrote|writes|"
                r"noted|notes|confirmed|revealed|learned)\b", after):
        return True  # "CNN's Jane Roe tweeted": the outlet's reporter reporting
    if re.search(r"\b(?:one|another)\s+by\s+$", before, re.I) and re.match(r"\s*(?:--|—|–)\s*" + _SAY_VERB, after):
        return True  # "two instant surveys -- one by CBS, one by CNN -- showed"
    if re.match(r"\s*(?:[’']s?\s+)?(?:[A-Z][\w.’'-]*\s+){0,1}(?:Photo|Images)\b", after):
        return False
    if not CITED_AFTER.match(after):
        return False
    # "a New York Times report" as the object of another verb ("He tweeted a ... report") is no citation: the report
    # must say something itself ("a X report found") or be where the facts are ("according to a X report", above)
    return True


def _cited_in(text: str, source: str) -> bool:
    """Whether a sentence a fact attributes to an outlet cites it somewhere as a source (see :func:`_cited_at`); a
    sentence that does not write the name as given is taken at the fact's word."""
    found = [m for m in re.finditer(whole_word(source), text)]
    return not found or any(_cited_at(text, m.start(), m.end()) for m in found)


def _person_before(text: str) -> bool:
    """Whether the text ends in a person's first name, an initial or a title ("Mayor Michael", "Michael R.", "Mr."):
    the outlet name after it is that person's surname (Michael Bloomberg is not the Bloomberg news agency)."""
    m = re.search(r"([A-Z][\w.’'-]*)\s+$", text)
    if not m:
        return False
    word = m.group(1)
    return (word in lexicon().first_name_gender or re.fullmatch(r"[A-Z]\.", word) is not None
            or word in gazetteer().titles)


def _evidence(view: SentenceView, cue: str) -> Evidence:
    return Evidence(view.sentence.index, view.sentence.text, (cue,), 0.0, view.section)


def _view_at(views: tuple[SentenceView, ...], offset: int) -> SentenceView | None:
    """The reporting sentence holding the article offset, if any."""
    import bisect

    k = bisect.bisect_right(views, offset, key=lambda v: v.sentence.start) - 1  # views are in reading order
    return views[k] if k >= 0 and views[k].sentence.start <= offset < views[k].sentence.end else None


LEAD_NAME = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}:")


# A sentence telling of a person speaking without giving the words ("Joseph Muscat held a press conference after the
# tragedy."): a quotation that opens the next sentence with no cue of its own is that person's
SPEECH_EVENT = re.compile(r"\b(?:held|hosted|gave|delivered|called|issued|released|posted)\s+(?:a|an|his|her|their)\s+"
                          r"(?:[\w-]+\s+){0,2}(?:press conference|news conference|press briefing|briefing|speech|address|"
                          r"statement|interview)\b|\b(?:spoke|told reporters|addressed (?:reporters|the \w+))\b")
_PERSON_NAME = re.compile(r"\b[A-Z][a-z][\w’'-]*(?:\s+[A-Z]\.)?(?:\s+(?:de |van |von |al-)?[A-Z][a-z][\w’'-]*)+")


def _event_speaker(views: tuple[SentenceView, ...], view: SentenceView, quote: Quote, at: _Positions) -> str | None:
    """The person a quotation with no speaker is said by when it opens its sentence right after a sentence telling
    of that person speaking (SPEECH_EVENT), named by first and last name before the event; None otherwise. Such words
    are the person's but not checked at a report cue: a line never names a most-quoted person from them."""
    k = at.index.get(id(view), 0)
    if k < 1 or view.sentence.text[:max(0, quote.start - view.sentence.start)].strip(" “\"‘'"):
        return None
    before = views[k - 1].sentence.text
    event = SPEECH_EVENT.search(before)
    if event is None or re.search(r"[“”\"]", before):
        return None
    names = [m for m in _PERSON_NAME.finditer(before, 0, event.start())
             if not any(w.lower() in _titles_lower() for w in m.group().split())]
    return names[-1].group() if names else None


@lru_cache(maxsize=1)
def _titles_lower() -> frozenset[str]:
    return frozenset(t.lower() for t in gazetteer().titles)


def _signed(views: tuple[SentenceView, ...], quote: Quote, at: _Positions) -> bool:
    """Whether the quote is an embedded tweet whose signature ("— Name (@handle) June 9, 2020") follows its words, or a
    block quotation whose lead-in is the speaker's name alone ("Bloomberg:"): the speaker is named at the quote as
    surely as at a report cue."""
    if not quote.speaker:
        return False
    if quote.verb == VERB_SIGNED:
        k = max(0, bisect_right(at.starts, quote.end) - 1)
        after = " ".join(v.sentence.text[max(0, quote.end - v.sentence.start):] for v in views[k:k + 2])
        return signed_after(after)
    k = bisect_right(at.starts, quote.start) - 1
    if k < 1 or views[k].sentence.start != quote.start:
        return False
    lead = views[k - 1].sentence.text.strip()
    return LEAD_NAME.fullmatch(lead) is not None and quote.speaker.split()[-1] in lead


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


def _add_quote(speakers: dict[str, list], speaker: str, quote: Quote, view: SentenceView, checked: bool = False) -> None:
    entry = speakers.setdefault(speaker, [0, 0, quote.anonymous, [], 0])
    entry[0] += 1
    entry[1] += len(tokens(quote.text))
    entry[4] += len(tokens(quote.text)) if checked else 0
    if len(entry[3]) < EVIDENCE_PER_FIGURE and all(e.sentence != view.sentence.index for e in entry[3]):  # only the first are kept
        words = _within(view, quote.start, quote.end)
        entry[3].append(Evidence(view.sentence.index, view.sentence.text, (words[:80],) if words else (), 0.0, view.section, True))


_SOURCE_WORD = re.compile(r"\b(" + lexicon().anonymous_pattern()[3:-1] + r")\b", re.I)


def _anonymous_key(key: tuple[int, str], evidence: Evidence) -> tuple:
    """What tells one unnamed source from another: its noun (singular) and the capitalised word before it ("Democratic
    staffer" in "A senior Democratic staffer told", "the Democratic staffer" and "said the Democratic staffer, noting":
    one source), else the sentence (a "was said to" per sentence)."""
    cue = evidence.words[0] if evidence.words else key[1]
    found = list(_SOURCE_WORD.finditer(cue))
    if not found:
        return ("sentence", key[0])
    m = found[-1]
    noun = m.group(1).lower()
    noun = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    before = cue[:m.start()].split()
    qualifier = before[-1].lower() if before and before[-1][:1].isupper() and before[-1].lower() not in _DETERMINERS else ""
    return (re.sub(r"(?:’s|'s|’|')$", "", qualifier), noun)  # "NYT’s sources" = "NYT sources"


WROTE_TO = re.compile(r"(?:wrote|write|writes|sent|send|sends)\s*$", re.I)
LETTER_AFTER = re.compile(r"\s+(?:to\s+)?(?:(?:[A-Z][\w.’'-]*\s+){1,4}|(?:him|her|them|the\s+\w+)\s+)(?:a|an|the)\s+"
                          r"(?:\w+\s+)?(?:letter|note|memo|email|e-mail)\b")


def _writes_to(sentence: str, end: int) -> bool:
    """Whether the attribution ending at `end` is a letter written to someone ("wrote Mr. Obama a letter")."""
    return bool(WROTE_TO.search(sentence[:max(0, end)])) and LETTER_AFTER.match(sentence, max(0, end)) is not None


def _distinct_anonymous(keys: set[tuple]) -> int:
    """How many unnamed sources the keys tell apart: "the three sources" is the "three NYT sources" written before
    (a noun without a qualifier is one with it, when the article writes one)."""
    qualified = {k[1] for k in keys if k[0] != "sentence" and k[0]}
    return sum(1 for k in keys if k[0] == "sentence" or k[0] or k[1] not in qualified)


_DETERMINERS = frozenset({"a", "an", "the", "two", "three", "several", "some", "other", "one", "according", "said", "told"})
_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
_TITLE_BACK = re.compile(r"\b[Tt]he (?:" + "|".join(sorted({t.lower() for t in gazetteer().titles if t.isalpha()}, key=len, reverse=True))
                         + r"|congressman|congresswoman|lawmaker|senator|candidate|nominee|official|spokesman|spokeswoman)\b")
_NAME_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'.-]*)*")
_WHEN = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
                  "August September October November December".split())  # "said Tuesday" names no one
CUE_REACH = 40  # characters between a report cue and the name it is said of


@dataclass(frozen=True)
class _Positions:
    starts: list  # each view's sentence start, in order
    index: dict  # id(view) -> its place in views


def _positions(views: tuple[SentenceView, ...]) -> _Positions:
    return _Positions([v.sentence.start for v in views], {id(v): k for k, v in enumerate(views)})


def _speaker_at_cue(views: tuple[SentenceView, ...], view: SentenceView, quote: Quote, at: _Positions | None = None) -> bool:
    """Whether the text outside the quotation, in the quote's sentences, has a report cue ("said", "according to",
    "calling") whose nearest name is the quote's speaker (any word of the name: "Reid", "Mr. Netanyahu") or a pronoun.
    "“…,” according to the U.S. Attorney’s Office" is not Hunter's; "a letter signed by all 42 Senate Republicans, which
    stated, “…”" is not Reid's, though Reid received it; a scare quote with no report cue is no one's words. A quotation
    that is a whole sentence with no cue takes the cue of the sentence before or after it (a quote carried on after
    "Mr. Braverman added.")."""
    at = at or _positions(views)  # the caller passes them once for all the quotes of an article
    k = max(0, bisect_right(at.starts, quote.start) - 1)  # the sentences the quote spans, found by their starts
    spanned = []
    while k < len(views) and views[k].sentence.start < quote.end:
        if quote.start < views[k].sentence.end:
            spanned.append(views[k])
        k += 1
    spanned = spanned or [view]
    first = at.index[id(spanned[0])]
    if first > 0 and views[first - 1].sentence.text.rstrip().endswith(":"):
        spanned.insert(0, views[first - 1])  # 'Reid said on Tuesday:' then the quote
    name_words = {re.sub(r"[’']s?$", "", w.lower().strip(".,")) for w in (quote.speaker or "").split()
                  if len(w.strip(".,")) > 1}
    found = _cue_names(" ".join(_own_voice(v, quote) for v in spanned))
    if not found:
        last = at.index[id(spanned[-1])]
        near = [views[k] for k in (first - 1, last + 1) if 0 <= k < len(views)]
        found = [names for v in near for names in _cue_names(v.own_text)]
    if any(names & name_words for names in found if PRONOUN not in names and JOINT not in names):
        return True
    # "…," he said: the pronoun is the speaker's only when the person the text last put first is the speaker
    return any(PRONOUN in names for names in found) and _subject_is(views, first, spanned, name_words)


def _subject_is(views: tuple[SentenceView, ...], first: int, spanned: list[SentenceView], name_words: set[str]) -> bool:
    """Whether the first person named in the quote's own sentence, else in the sentence before, is the speaker; a title
    standing in for a person ("the governor identified himself and went on to curse out Gattine") names no one we can
    check, and no person at all leaves the engine's speaker standing."""
    texts = [_own_voice(v, Quote("", 0, 0)) for v in spanned]
    if first > 0:
        texts.append(views[first - 1].own_text)
    firsts = lexicon().first_name_gender
    titles = gazetteer().titles
    for text in texts:
        mentions = [(m.start(), "title") for m in _TITLE_BACK.finditer(text)]
        for m in _NAME_RUN.finditer(text):
            words = [re.sub(r"[’']s?$", "", w.strip(".,")) for w in m.group().split()]
            if {w.lower() for w in words} & name_words:
                mentions.append((m.start(), "speaker"))
            elif any(w in firsts for w in words) or (words and words[0] in titles and len(words) > 1):
                mentions.append((m.start(), "other"))
        if mentions:
            return min(mentions)[1] == "speaker"
    return True


PRONOUN = "\0pronoun"
JOINT = "\0joint"  # the name at a cue is the last of two or more who speak together: the words are no one person's


def _cue_names(own: str) -> list[set[str]]:
    """For each report cue of an own-voice text, the words of the nearest name (or PRONOUN) within CUE_REACH."""
    words = _cue_words()
    own = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), own)  # "John Boehner (R-Ohio) admitted"
    cues = []
    for m in re.finditer(r"[\w’']+", own):
        word, after = m.group().lower(), own[m.end():m.end() + 4]
        if word == "according" and after.startswith(" to"):
            cues.append((m.start(), m.end()))
        elif word in words and not after.startswith(" to "):  # "continued to spend", "expects to" are no report
            cues.append((m.start(), m.end()))
        elif word == "went" and after.startswith(" on"):  # 'He went on, "…"'
            cues.append((m.start(), m.end()))
    candidates = [(m.start(), m.end(), {re.sub(r"[’']s?$", "", w.lower().strip(".,")) for w in m.group().split()})
                  for m in _NAME_RUN.finditer(own)
                  if not _is_cue_word(m.group(), words) and m.group() not in _WHEN and m.group().lower() not in _PRONOUNS]
    # a pronoun, or a title that refers back to the speaker ("the president said"), stands for the quote's speaker
    ends = {c_end for _, c_end, _ in candidates}
    candidates = [(c_start, c_end, names | {JOINT} if own[:c_start].rstrip().endswith("and")  # (else no match: skip the search)
                   and (j := re.search(r",?\s+and\s+$", own[:c_start])) and j.start() in ends
                   else names) for c_start, c_end, names in candidates]  # "attorneys Todd Pugh and Victor Henderson said"
    candidates += [(m.start(), m.end(), {PRONOUN}) for m in re.finditer(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b", own)]
    candidates += [(m.start(), m.end(), {PRONOUN}) for m in _TITLE_BACK.finditer(own)]
    out = []
    for start, end in cues:
        # an appositive just before the cue may hold the name ("the coalition's executive director, Matt Brooks, said")
        # or come between it and the name ("Tom Cole, an Oklahoma Republican and Boehner lieutenant, said"): both read
        before = own[:start].rstrip()
        gaps = [(start, start)]
        if before.endswith(",") and "," in before[:-1]:
            gaps.append((before[:-1].rindex(","), start))
        for gap in gaps:
            near = [(max(0, c_start - end, start - c_end - (gap[1] - gap[0] if c_end <= gap[0] else 0)), names)
                    for c_start, c_end, names in candidates
                    if not (c_start <= start and end <= c_end) and not (gap[0] <= c_start and c_end <= gap[1])]
            near = [x for x in near if x[0] <= CUE_REACH]
            if near:
                out.append(min(near, key=lambda x: x[0])[1])
    return out


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Every reporting word of the shared vocabulary, those that only cue an attribution ("called") included."""
    return frozenset(lexicon().report_tone) | _report_words()


def _is_cue_word(text: str, words: frozenset[str]) -> bool:
    """A capitalised report word at a sentence's start ("Said …", "According to …") is a cue, not a name."""
    return text.lower() in words or text.lower() == "according"


def _own_voice(view: SentenceView, quote: Quote) -> str:
    """The sentence with this quote (and every other quotation) blanked: what the outlet says around it."""
    s = view.sentence
    chars = list(view.own_text)
    a, b = max(quote.start, s.start) - s.start, min(quote.end, s.end) - s.start
    if a < b:
        chars[a:b] = " " * (b - a)
    return "".join(chars)
