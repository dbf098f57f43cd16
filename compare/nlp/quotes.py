"""Quotations (the quoted words, the speaker, the reporting verb) and attributions (who a claim is
credited to: a named source, an anonymous one, or another outlet).

Rule-based. Quotes are found by their marks (straight, curly double, curly single with apostrophes told
apart), within one paragraph line. The speaker is looked for, in order: right after the quote
(', Rutte said' / '," said Trump'), right before it ('Trump remarked, "'), anywhere earlier in the sentence
('He had reiterated that ... "'), else carried over from the previous quote of the same paragraph.
Pronoun speakers resolve to the last person named before. All offsets are into the text given.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Sequence

from compare.lexicon import lexicon
from compare.model import Attribution, Mention, Quote
from compare.nlp.actors import GROUP, gazetteer
from compare.nlp.spans import SpanIndex

NAMED, ANONYMOUS, OUTLET = "named", "anonymous", "outlet"

_VERB = lexicon().verb_pattern()  # the shared vocabulary (compare/resources/lexicon/)
_ANON_HEAD = lexicon().anonymous_pattern()
_ANON = re.compile(
    r"(?:\b(?:an?|the|one|two|three|several|some|other|many|multiple|two|u\.s\.|us)\s+)?"
    r"(?:\b(?!(?:to|of|with|for|from|by|in|on|at|about|as|and|but|or|while|when|than|that|further)\b)[\w.\-’']+\s+)"
    r"{0,3}?\b" + _ANON_HEAD +
    r"(?:\s+(?:familiar with [\w ]+?|interviewed|close to (?:the )?[\w]+|who (?:spoke|requested|asked)[\w ,]*?))?"
    r"(?=\s*,?\s*$)", re.IGNORECASE)
_DOCUMENT = re.compile(r"(?:(?:the|a|an|its|his|her|their|this|that)\s+|[A-Z][\w.\-]*(?:’s|'s|’|')\s+)"
                       r"(?:[\w\-]+\s+){0,3}?" + lexicon().document_pattern() + r"\b", re.IGNORECASE)
_OWNER = re.compile(r"\s+(?:from|by|of)\s+(?:the\s+)?")
_PRONOUN = re.compile(r"\b(he|she|they|we|I)\s*$", re.IGNORECASE)
_AUX = re.compile(r"(?:\s+(?:has|had|have|also|later|then|previously|reportedly|once|again|would|will|long|repeatedly|"
                  r"publicly|privately|recently|routinely|initially|first|quickly|meanwhile|today|yesterday)|"
                  r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|"
                  r"\s+(?:in|on)\s+an?\s+(?:statement|memo|letter|tweet|interview|post|email|e-mail)|"
                  r"\s+(?:is|was|are|were)\s+(?:shown|heard|seen|quoted)(?:\s+as)?|"
                  r"\s+(?:last|this)\s+(?:week|month)|\s*\([DRI](?:-[\w.\s]{1,20})?\)|,?\s+[DRI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?|"
                  r",?\s+(?:an?\s+)?(?:Republican|Democrat|independent)\s+(?:of|from)\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?|,)$")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+((?:[^\s,.;:“”\"‘’]+(?:\s+|(?=[,.;:]))){1,7}?)(?=[,.;:]|$)")
_REPORTED_BY = re.compile(r"\b(?:reported by|first reported by|as reported by)\s+", re.IGNORECASE)
_OUTLET_VERB = re.compile(r"\s+(?:first\s+)?(?:reported|reports|revealed|published)\b")


def _pairs(line: str) -> list[tuple[int, int]]:
    """Outermost (start, end) of quoted content in one line, marks excluded."""
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    n = len(line)
    for i, ch in enumerate(line):
        prev = line[i - 1] if i else " "
        nxt = line[i + 1] if i + 1 < n else " "
        kind = None
        if ch == "“":  # after a clause's last mark, inside an open quote, a left mark closes it (a typo or a scrape:
            #            '“It will be a mistake,“ Sen. Lindsey Graham said')
            closes = prev in ",.!?" and nxt.isspace() and any(k == "d" for k, _ in stack)
            kind = ("close", "d") if closes else ("open", "d")
        elif ch == "”":  # a right mark opening a word after a space is a scraped opening mark ("”We have ...,” he")
            opens = (prev.isspace() or prev in "([—–") and nxt.isalnum() and not any(k == "d" for k, _ in stack)
            kind = ("open", "d") if opens else ("close", "d")
        elif ch == '"':
            kind = ("close", "d") if any(k == "d" for k, _ in stack) else ("open", "d")
        elif ch == "‘" and not prev.isalnum():
            kind = ("open", "s")
        elif ch in "’'" and stack and stack[-1][0] == "s" and not (prev.isalpha() and nxt.isalpha()) \
                and not prev.isspace():
            kind = ("close", "s")
        elif ch == "'" and not prev.isalnum() and nxt.isupper():
            kind = ("open", "s")
        if kind is None:
            continue
        action, mark = kind
        if action == "open":
            stack.append((mark, i + 1))
        else:
            while stack and stack[-1][0] != mark:
                stack.pop()
            if stack:
                _, start = stack.pop()
                if not stack and i > start:
                    out.append((start, i))
    if stack and stack[0][0] == "d" and n - stack[0][1] > 20:  # a quote running to the paragraph's end
        out.append((stack[0][1], n))
    return out


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of quoted content in ``text`` (quotes never cross a line break)."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.extend((pos + s, pos + e) for s, e in _pairs(line) if line[s:e].strip())
        pos += len(line) + 1
    return spans


_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
# the signature an embedded tweet ends with: "— Display Name (@handle) June 9, 2020"
_SIGNATURE = r"\s+[—–]\s*(?P<name>[^\n()—–]{1,80}?)\s*\(@\w{1,15}\)\s+" + _MONTH + r"\s+\d{1,2},\s+\d{4}"
_LINK = r"(?:https?://\S+|pic\.twitter\.com/\S+)"
SIGNED = re.compile(_SIGNATURE + r"\s*$")
_SIGNED_AT = re.compile(r"(?:\s*" + _LINK + r")*" + _SIGNATURE)
_LINKS = re.compile(r"(?:\s*" + _LINK + r")+\s*$")
_SIGNED_END = re.compile(r"(?:\s*" + _LINK + r")*" + _SIGNATURE + r"\s*$")
# a block quotation's lead-in that is not a name alone holds a quoting word ("Trump lashed out on Twitter, saying:",
# "Here's the text of that portion of the interview:", "a section quoting some career officials ...:"); a report verb
# alone does not do ("Officials said the plan has three parts:" is followed by the outlet's own account)
_BLOCK_CUE = re.compile(r"\b(?:saying|wrote|writes|writing|tweeted|tweeting|posted|quoting|quoted|reads?|text|"
                        r"transcript|excerpts?|passage|statement)\b", re.IGNORECASE)
# a document (the shared vocabulary's document nouns: a text that speaks for its author) an outlet may reprint whole,
# without quotation marks, in the paragraph after the one naming it ("The statement was attached to a tweet that read,
# ...", "According to the petition, ...") when that paragraph speaks in the first person ("We are deeply sorry ...",
# "We, the undersigned, ...") and the outlet's own paragraphs never do
_REPRINTABLE = re.compile(r"\b(?:" + lexicon().document_pattern() + r")\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"(?:We|I|Our|My|Each of us|All of us|None of us)\b")
_NO_REPRINT = re.compile(r"\b(?:for comment|reached out|this (?:story|report|article|post)|update)\b", re.IGNORECASE)
_BLOCK_LEAD_WORDS = 5  # a lead-in of at most this many words that is only a name ("Bloomberg:") introduces its words
VERB_SIGNED = "tweeted"  # the verb of a quote signed as an embedded tweet


def signed_tweet(line: str) -> re.Match | None:
    """The "— Name (@handle) Month D, YYYY" signature a line (an embedded tweet) ends with, or None."""
    return SIGNED.search(line)


def signature_span(text: str) -> tuple[int, int] | None:
    """Where a text ends in an embedded tweet's signature, links before it included ("pic.twitter.com/x — Name
    (@handle) June 9, 2020"): the tweet's frame, no one's words."""
    m = _SIGNED_END.search(text)
    return m.span() if m else None


def signed_after(text: str) -> bool:
    """Whether a tweet's signature (links before it allowed) opens the text: what follows a signed tweet's words."""
    return _SIGNED_AT.match(text) is not None


def _display_name(name: str, mentions: Sequence[Mention]) -> str | None:
    """A tweet's display name as the speaker: the article's actor of the same surname when it has one ("Donald J.
    Trump" -> "Donald Trump"), else the display name itself when it reads as a name (a nickname in quotation marks
    and emoji left out: 'Kyle "Please Mute Your Line" Feldscher' -> "Kyle Feldscher")."""
    clean = re.sub(r"[^\w\s.’'-]", "", re.sub(r"\s*[“\"][^”\"]*[”\"]", "", name)).strip()
    words = clean.split()
    if not words or not words[0][:1].isupper():
        return None  # "drop out bloomberg": no name
    by_surname = [m.actor for m in mentions if m.actor.split()[-1:] == words[-1:] and _is_person(m)]
    return max(by_surname, key=len) if by_surname else clean


@lru_cache(maxsize=1)
def _outlet_lead() -> re.Pattern:
    """A lead-in that hands over to a known outlet's report: "The Associated Press reports:", "More on the background
    from POLITICO:" (the outlet's words are reprinted below it)."""
    names = "|".join(re.escape(o) for o in sorted(lexicon().outlets, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?P<outlet>" + names + r")(?:[’']s)?(?:\s+(?:reports?|reported|writes|wrote|notes|"
                      r"explains|adds))?\s*:\s*$", re.IGNORECASE)


def _block_speaker(lead: str, lead_start: int, mentions: Sequence[Mention]) -> tuple[bool, str | None]:
    """(whether the lead-in introduces a block quotation, whose words it says they are): a name alone ("Bloomberg:")
    introduces that person's words, a known outlet's report ("The Associated Press reports:") the outlet's, a lead-in
    with a quoting word (_BLOCK_CUE) words it does not name."""
    named = [m for m in mentions if lead_start <= m.start < lead_start + len(lead)]
    words = lead.rstrip(":").split()
    if len(words) <= _BLOCK_LEAD_WORDS and named and all(w[:1].isupper() for w in words) and not lead.isupper():
        return True, named[-1].actor  # "Bloomberg:" of Michael Bloomberg, not the news agency
    outlet = _outlet_lead().search(lead)
    if outlet:
        return True, outlet.group("outlet")
    return _BLOCK_CUE.search(lead) is not None, None


def unmarked_quotes(text: str, mentions: Sequence[Mention] = ()) -> list[tuple[int, int, str | None, str | None, int]]:
    """Quotations written without quotation marks, as (start, end, speaker, verb, end of their paragraph):
    - an embedded tweet: a paragraph signed "— Name (@handle) Month D, YYYY"; the words before the signature, links left
      out, are the signer's (VERB_SIGNED);
    - a block quotation: a paragraph after a paragraph whose last sentence (the lead-in) ends in a colon, when the
      lead-in is a name alone ("Bloomberg:"), whose words it is, or holds a quoting word ("saying:", "the text of the
      interview:"); a paragraph that opens with a quotation mark is a marked quotation, "Here's what we know:" no
      lead-in;
    - a reprinted document: a paragraph that speaks in the first person ("We are deeply sorry ...") after a paragraph
      whose last sentence names a statement, letter or petition (_REPRINTABLE), in an article whose other paragraphs
      never open in the first person (an outlet writing "We" is its own voice); its speaker is the document ("the
      statement"), as of a quote "the statement said"."""
    out = []
    offsets, pos = [], 0
    lines = text.split("\n")
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    previous = None  # (index, line) of the last non-empty line
    reprints = _reprinted(lines)
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        start = offsets[k] + len(line) - len(line.lstrip())
        signed = signed_tweet(line)
        if signed:
            end = offsets[k] + len(_LINKS.sub("", line[:signed.start()]).rstrip())
            start = _tweet_start(lines, offsets, k, start, end - start, out[-1][4] if out else 0)
            if end - start > 1:
                speaker = _display_name(signed.group("name"), mentions)
                out.append((start, end, speaker, VERB_SIGNED, offsets[k] + len(line)))
        elif previous is not None and _hands_over(previous[1], line):
            lead = re.split(r"(?<=[.!?”\"])\s+", previous[1].strip())[-1]
            block, speaker = _block_speaker(lead, offsets[previous[0]] + previous[1].rindex(lead), mentions)
            if block:
                end = offsets[k] + len(line.rstrip())
                out.append((start, end, speaker, None, end))
        elif k in reprints:
            end = offsets[k] + len(line.rstrip())
            out.append((start, end, reprints[k], None, end))
        previous = (k, line)
    return out


def _hands_over(lead: str, line: str) -> bool:
    """Whether a paragraph ends in a colon and the next one (line) does not open a quotation: a block quotation's
    place, whose words are someone's when the lead-in says whose (see :func:`unmarked_quotes`)."""
    return lead.rstrip().endswith(":") and line.lstrip()[:1] not in "“\"‘'"


def hands_over(text: str) -> bool:
    """Whether any paragraph of the text ends in a colon before a paragraph that opens no quotation (a reprint or a
    list the outlet hands over to, marked or not)."""
    lines = [line for line in text.split("\n") if line.strip()]
    return any(_hands_over(a, b) for a, b in zip(lines, lines[1:]))


TWEET_CHARACTERS = 280  # the most a tweet holds: the lines before a signed line that may still be its words
_TWEET_MARK = re.compile(r"(?<![\w@#])[@#]\w")  # a handle or a hashtag: a line written as a tweet


def _tweet_start(lines: Sequence[str], offsets: Sequence[int], k: int, start: int, length: int, free: int) -> int:
    """Where the words of the tweet signed on line k begin: an embedded tweet of several lines spreads over several
    paragraphs, so the lines before it that hold a handle or a hashtag (not opening with a quotation mark, after
    ``free``, the end of the last quotation found) are its words too while the whole stays within TWEET_CHARACTERS."""
    j = k - 1
    while j >= 0:
        line = lines[j].strip()
        if line:
            if (offsets[j] < free or line[:1] in "“\"‘'" or not _TWEET_MARK.search(line) or signed_tweet(line)
                    or length + len(line) > TWEET_CHARACTERS):
                break
            length += len(line) + 1
            start = offsets[j] + len(lines[j]) - len(lines[j].lstrip())
        j -= 1
    return start


def _reprinted(lines: Sequence[str]) -> dict[int, str]:
    """The lines that are a document reprinted without quotation marks (see :func:`unmarked_quotes`), each with the
    document as its speaker ("the statement"), as a quote "the statement said" has."""
    found: dict[int, str] = {}
    previous = None
    first_person = []
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        if _FIRST_PERSON.match(line.lstrip()) and not signed_tweet(line):
            first_person.append(k)
            lead = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", lines[previous].strip())[-1] if previous is not None else ""
            documents = _REPRINTABLE.findall(lead)
            if documents and not _NO_REPRINT.search(line):
                found[k] = "the " + documents[-1].lower()
        previous = k
    return found if found and len(found) == len(first_person) else {}


def _sentence_of(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= offset < e or s <= offset <= e:
            return s, e
    return offset, offset


_last_index: tuple = (None, None, False)  # (mentions, their SpanIndex, in start order): asked about many times


def _index(mentions: Sequence[Mention]) -> SpanIndex:
    """A SpanIndex of the mentions, reused while the same tuple is asked about."""
    return _indexed(mentions)[0]


def _indexed(mentions: Sequence[Mention]) -> tuple[SpanIndex, bool]:
    """The SpanIndex of the mentions, and whether they come in start order (then its items are in their order)."""
    global _last_index
    last, index, ordered = _last_index
    if last is not mentions or not isinstance(mentions, tuple):  # a list could change between calls
        index = SpanIndex(mentions)
        ordered = all(a.start <= b.start for a, b in zip(mentions, mentions[1:]))
        _last_index = (mentions, index, ordered)
    return index, ordered


def _starting_in(mentions: Sequence[Mention], lo: int, hi: int) -> Sequence[Mention]:
    """The mentions that start in [lo, hi), in their order (looked up, not scanned for, in an article's mentions)."""
    index, ordered = _indexed(mentions)
    if ordered:
        return index.items[bisect.bisect_left(index.starts, lo):bisect.bisect_left(index.starts, hi)]
    return [x for x in mentions if lo <= x.start < hi]


_last_titles: tuple = (None, None, None)  # (text, mentions, their title genders)


def _titles(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """_title_genders of an article, kept while the same text and mention tuple are asked about (not hashed again)."""
    global _last_titles
    last_text, last, titles = _last_titles
    if last_text is not text or last is not mentions or not isinstance(mentions, tuple):
        titles = _title_genders(text, tuple(mentions))
        _last_titles = (text, mentions, titles)
    return titles


def _speaker_from(text: str, start: int, end: int, mentions: Sequence[Mention], starts: Sequence[int] = (),
                  documents: bool = True):
    """(speaker, anonymous, start) for the phrase text[start:end] that ends right before a verb, or None.
    ``starts``: the sentence starts (sorted), to find the sentence a pronoun points back to; ``documents``:
    whether a document may speak ("the statement said")."""
    phrase = " " + text[start:end].rstrip()
    while (aux := _AUX.search(phrase)) is not None:
        phrase = phrase[:aux.start()]
    phrase = phrase[1:]
    stop = start + len(phrase)
    ending = [x for x in _index(mentions).inside(start, stop) if not text[x.end:stop].strip(" ’'s,")]
    if ending:
        mention = ending[-1]
        after_preposition = _PREPOSITION_BEFORE.search(text, max(start, _title_start(text, mention) - 12),
                                                       _title_start(text, mention))
        appositive = [x for x in mentions if start <= x.start and x.end < mention.start and _is_person(x)
                      and text[x.end:x.end + 1] == "," and not text[start:_title_start(text, x)].strip(" ,")]
        described = [x for x in appositive if re.match(r",\s+(?:a|an|the)\s", text[x.end:mention.start])]
        if after_preposition and appositive:  # "Jim Manley, a spokesman for Mr. Reid, said": Manley
            mention = appositive[0]
        elif described and _is_person(described[0]):  # "Justice Elena Kagan, an Obama-appointee, wrote": Kagan
            mention = described[0]
        elif not _is_person(mention) and mention.actor not in gazetteer().outlets:
            # "Senator Mark Warner of Virginia, the top Democrat on the Committee, said": the person, not the place
            after_preposition = _PREPOSITION_BEFORE.search(text, max(start, mention.start - 6), mention.start)
            named = [x for x in _starting_in(mentions, start, mention.start) if x.end <= mention.start and _is_person(x)
                     and (after_preposition or re.match(r",|\s+of\s", text[x.end:x.end + 4]))]
            # "Republicans in Congress have called": the group, not the body it sits in
            group = [x for x in _starting_in(mentions, start, mention.start)
                     if gazetteer().kinds.get(x.actor, ("",))[0] == GROUP
                     and re.fullmatch(r"\s+(?:in|of|from)\s+(?:the\s+)?", text[x.end:mention.start])]
            mention = named[0] if named else group[0] if group else mention
        if mention.actor in gazetteer().outlets:
            return mention.actor, False, mention.start
        anon = _ANON.search(phrase)
        if anon and anon.start() + start < mention.start:
            return anon.group().strip(" ,"), True, start + anon.start()
        return mention.actor, False, mention.start
    first = [x for x in _index(mentions).inside(start, stop) if _is_person(x)]
    if first and all(w in gazetteer().titles for w in text[start:first[0].start].strip(" ,“\"‘").split()) \
            and re.match(r"(?:\s*\([DRI](?:-[\w.\s]{1,20})?\))?,\s+(?!(?:he|she|they|it|we|I)\b)[^,;“”\"]{2,80},?$",
                         text[first[0].end:stop]):
        # "Sean Spicer, the White House spokesman, said": Spicer (a party tag may stand between: "Sen. Jeanne
        # Shaheen (D-NH), a member of the committee, said")
        return first[0].actor, False, first[0].start
    anon = _ANON.search(phrase)
    if anon and anon.group().strip():
        named = _role_holder(text, anon.group().strip(" ,"), start + anon.start(), mentions)
        if named is not None:  # "the attorney said" after "Aitan Goelman, Strzok's attorney"
            return named.actor, False, start + anon.start()
        return anon.group().strip(" ,"), True, start + anon.start()
    clause = max((c.end() for c in re.finditer(r"[,;:]\s+", phrase)), default=0)  # the last clause's start
    clause += len(re.match(r"\s*(?:(?:and|but|while|as)\s+)?", phrase[clause:]).group())
    document = _document(text, start + clause, stop, mentions) if documents else None
    if document and len(text[document[1]:stop].split()) <= 8:
        return document[0], False, document[1]
    pron = _PRONOUN.search(phrase)
    if pron:
        at = start + pron.start()
        gender = _PRONOUN_GENDER.get(pron.group(1).lower())
        titles = _titles(text, mentions)
        earlier = [(x, person) for x, person in zip(mentions, _people(text, mentions)) if x.end <= at]
        if pron.group(1).lower() in ("they", "we"):  # a group or an organisation, never one person
            fits = [x for x, person in earlier if not person
                    and gazetteer().kinds.get(x.actor, ("",))[0] != "place"]
        elif gender:
            fits = [x for x, person in earlier if person and _gender(x.actor, titles) in (None, gender)]
        else:
            fits = [x for x, person in earlier if person]
        same_sentence = [x for x in fits if start <= x.start and x.end <= at]
        if same_sentence:  # a pronoun marker still: the previous quote's speaker wins unless this is a subject
            return PRONOUN + same_sentence[0].actor, False, at
        before = [x for x in fits if x.end <= start]
        if before:  # the first person named in the nearest earlier sentence that names one (its likely subject),
            limit = before[-1].start  # skipping sentences that themselves open with a pronoun
            for _ in range(3):
                gap = _sentence_break(text, limit, starts)
                nearest = [x for x in before if gap < x.start <= limit]
                opening = text[gap + 1:limit].lstrip(" \n“\"‘")
                if not re.match(r"(?:He|She|They)\b", opening) or gap <= 0:
                    break
                earlier = [x for x in before if x.start < gap]
                if not earlier:
                    break
                limit = earlier[-1].start
                sentence_start = _sentence_break(text, limit, starts)
                nearest = [x for x in before if sentence_start < x.start <= limit]
            main = [x for x in nearest if not _in_subordinate_opening(text, gap + 1, x.start)]
            opening = _SUBORDINATE.match(text, gap + 1)
            if opening and re.match(r"\s*(?:he|she)\b", text[opening.end():opening.end() + 5]):
                # "While Wyden said ..., he said he will vote for Brennan": the main clause's "he" is the opening's
                # subject, so the opening names the speaker
                main = [x for x in nearest if x.start < opening.end()]
            nearest = main or nearest
            speaking = [x for x in nearest if _VERB_AFTER.match(text, x.end)]  # the one who speaks in it
            return PRONOUN + (speaking or nearest)[0].actor, False, at
    return None


_SUBORDINATE = re.compile(r"[\s“\"‘]*(?:After|When|Whenever|While|As|Before|Since|Although|Though|If|Once|Until|"
                          r"Because|Unless|Whereas)\b[^,;:]{0,200},[”\"]?")


def _in_subordinate_opening(text: str, sentence_start: int, at: int) -> bool:
    """Whether ``at`` lies in a clause opening its sentence ("When Mr. Biden went after ..., Mr. Ryan said"),
    which holds no subject of the main clause."""
    m = _SUBORDINATE.match(text, sentence_start)
    return bool(m) and at < m.end()


def _document(text: str, at: int, end: int, mentions: Sequence[Mention]):
    """(speaker, start, end) when a document opens text[at:end] ("the statement", "a memo detailing ...",
    "FreedomWorks’ website"): its author when named ("a statement from Harry Reid's office" -> Harry Reid,
    "the statement from Grimm's attorney, William McGinley" -> William McGinley), else the document."""
    m = _DOCUMENT.match(text, at, end)
    if not m or re.search(r"[,;:“”\"]", m.group()):
        return None
    inside = _index(mentions).inside(at, m.end())
    if inside and text[inside[0].end:inside[0].end + 1] in "’'":  # "FreedomWorks’ website"
        return inside[0].actor, inside[0].start, m.end()
    possessor = re.match(r"([A-Z][\w.\-]*)(?:’s|'s|’|')\s", m.group())
    if possessor:
        return possessor.group(1), at, m.end()
    owner = _OWNER.match(text, m.end(), end)
    if owner:
        near = [x for x in mentions if owner.end() <= x.start <= owner.end() + 40 and x.start < end
                and not re.search(r"[,;“”\"]", text[owner.end():x.start])]
        by = next((x for x in near if _is_person(x)), near[0] if near else None)
        if by is not None:
            role = re.match(r"(?:’s|'s|’|')\s+[\w\s]{1,30}?,\s+", text[by.end:end])
            named = [x for x in mentions if role and x.start == by.end + role.end() and _is_person(x)]
            who = named[0] if named else by
            return who.actor, at, who.end
    return m.group().strip(), at, m.end()


def _role_holder(text: str, description: str, before: int, mentions: Sequence[Mention]) -> Mention | None:
    """The person an article named with a role that "the <role>" takes up again: the latest one before ``before``
    written "Jim Manley, a spokesman for ..." or "attorney Aitan Goelman" / "Strzok's attorney, Aitan Goelman"."""
    m = re.fullmatch(r"[Tt]he\s+([a-z]+)", description)
    if not m:
        return None
    role = re.escape(m.group(1))
    after = re.compile(r",\s+(?:[\w.’'\-]+\s+){0,4}?" + role + r"\b")
    ahead = re.compile(r"\b" + role + r",?\s+(?:[A-Z][\w.]*\s+)*$")
    for x in reversed(mentions):
        if x.end <= before and _is_person(x) and (after.match(text, x.end) or ahead.search(text, max(0, x.start - 40),
                                                                                              x.start)):
            return x
    return None


def _sentence_break(text: str, limit: int, starts: Sequence[int]) -> int:
    """The offset just before the sentence holding ``limit`` begins (the splitter's sentences when given)."""
    if starts:
        i = bisect.bisect_right(starts, limit) - 1
        return starts[i] - 1 if i >= 0 else -1
    return max(text.rfind(". ", 0, limit), text.rfind("\n", 0, limit))


_PRONOUN_GENDER = {"he": "m", "she": "f"}
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|in|at|to|from|with|by|for|of|about|against)\s+(?:the\s+)?$")
_VERB_AFTER = re.compile(r"(?:,[^,.;“”\"]{1,80},|,\s+[DRI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,|\s+\([^()]{1,20}\))?"
                         r"\s+(?:\w+\s+){0,2}?" + _VERB + r"\b")
_TITLE_GENDER = (("Mr.", "m"), ("Mrs.", "f"), ("Ms.", "f"), ("Miss", "f"), ("Sir", "m"), ("Congresswoman", "f"),
                 ("Congressman", "m"))


def _gender(actor: str, titles: dict[str, str]) -> str | None:
    """'f' or 'm' when a person's first name or a title in the text (``titles``) says so, else None (unknown)."""
    first = actor.split()[0] if " " in actor else ""
    return lexicon().first_name_gender.get(first) or titles.get(actor)


@lru_cache(maxsize=8)
def _title_genders(text: str, mentions: tuple[Mention, ...]) -> dict[str, str]:
    """actor -> 'f' / 'm' from a title before any of its mentions ("Mr. Obama", "Ms. Brewer"), one pass."""
    out: dict[str, str] = {}
    for x in mentions:
        if x.actor in out:
            continue
        before = text[max(0, x.start - 15):x.start]
        for title, gender in _TITLE_GENDER:
            if before.endswith(title + " ") or x.text.startswith(title + " "):
                out[x.actor] = gender
                break
    return out


PRONOUN = "\x00"  # marks a speaker guessed from a pronoun, so a quote's named speaker nearby can win


_last_people: tuple = (None, None, None)  # (text, mentions, their _is_person flags): asked about per pronoun


def _people(text: str, mentions: Sequence[Mention]) -> list[bool]:
    """_is_person(x, text) for each mention, reused while the same text and mentions are asked about."""
    global _last_people
    last_text, last, flags = _last_people
    if last_text is not text or last is not mentions or not isinstance(mentions, tuple):
        flags = [_is_person(x, text) for x in mentions]
        _last_people = (text, mentions, flags)
    return flags


def _is_person(m: Mention, text: str | None = None) -> bool:
    """Whether a mention's actor looks like a person (not a gazetteer entry, an organisation or an acronym);
    given the text, also not a name after "the" ("told the Conservative Political Action Conference")."""
    gz = gazetteer()
    name = m.actor
    return (name not in gz.kinds and name[:1].isupper() and not name.isupper()
            and name.split()[-1] not in gz.org_suffixes and name not in lexicon().outlets
            and name not in _PLATFORMS
            and (text is None or not _THE_BEFORE.search(text, max(0, m.start - 60), m.start)))


_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w.'’\-]*\s+)*$")


_PLATFORMS = frozenset(("Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Snapchat", "Reddit", "Truth Social"))


def _after(text, q_end, sent_end, mentions, starts=()):
    """Speaker and verb in the words right after a quote."""
    if text[q_end:q_end + 1] == "“" and text[q_end - 1:q_end] in ",.!?":
        q_end += 1  # a left mark that closed the quote ('…,“ Sen. Lindsey Graham said': see _pairs)
    tail = text[q_end:sent_end]
    m = re.match(r"[”\"’'.,!?\s]*", tail)
    offset = q_end + m.end()
    if not (re.search(r"[,.!?…—-]", m.group()) or re.search(r"[,.!?…][’”“\"']?$", text[q_end - 3:q_end])
            or offset >= sent_end):
        return None  # a quote inside a clause ("his “deep state” Justice Department") is not followed by its speaker
    rest = text[offset:sent_end]
    verb_first = re.match(r"(" + _VERB + r")\s+", rest)
    if verb_first and verb_first.group(1).endswith("ing"):
        return None  # '“...,” saying that ...': the sentence's subject speaks, before the quote
    if verb_first:
        sub = offset + verb_first.end()
        document = _document(text, sub, sent_end, mentions)
        if document:
            return document[0], False, verb_first.group(1), offset, document[2]
        cand = [x for x in mentions if sub <= x.start <= sub + 25 and not text[sub:x.start].count(",")]
        anon = re.match(r"(?:an?|the)\s+(?:[\w.\-]+\s+){0,3}?" + _ANON_HEAD +
                        r"(?:\s+(?:familiar with [\w ]+|interviewed|close to [\w ]+))?", text[sub:sent_end],
                        re.IGNORECASE)
        if anon and (not cand or sub + anon.end() >= cand[0].end):
            return anon.group().strip(), True, verb_first.group(1), offset, sub + anon.end()
        if cand and not _is_person(cand[0]) and cand[0].actor not in gazetteer().outlets:
            named = [x for x in mentions if sub <= x.start <= sub + 80 and _is_person(x)
                     and text[sub:x.start].count(",") <= 1
                     and not re.search(r"[.;“”\"]", _TITLE_STOPS.sub("", text[sub:x.start]))]
            cand = named[:1] or cand  # 'said veteran GOP Sen. Lamar Alexander': Alexander, not the party
        if cand:
            return cand[0].actor, False, verb_first.group(1), offset, cand[0].end
    verb_after = re.search(r"\s(" + _VERB + r")\b", rest[:120])
    if verb_after:
        who = _speaker_from(text, offset, offset + verb_after.start(), mentions, starts)
        if who and len(text[offset:who[2]]) <= 40 and not re.search(r"[“”\"‘;]", text[offset:who[2]]):
            return who[0], who[1], verb_after.group(1), offset, offset + verb_after.end()
        appositive = [x for x in mentions if offset <= x.start <= offset + 25 and text[x.end:x.end + 1] == ","
                      and not text[offset:x.start].count(",")]
        named = [x for x in mentions if offset <= x.start <= offset + 25 and _is_person(x)
                 and re.match(r",|\s+of\s", text[x.end:x.end + 4]) and not text[offset:x.start].count(",")]
        appositive = named[:1] or appositive
        if appositive:
            return appositive[0].actor, False, verb_after.group(1), offset, offset + verb_after.end()
    return None


# the full stops of title abbreviations ("Sen.", "Gov."), which end no sentence between a verb and its speaker
_TITLE_STOPS = re.compile(r"\b(?:" + "|".join(sorted((re.escape(t[:-1]) for t in gazetteer().titles if t.endswith(".")),
                                                       key=len, reverse=True)) + r")\.")


def _sentence_final(text, q_end, sent_end, mentions, starts=()):
    """A closing attribution after the quote: '..., the White House said in a statement.'"""
    m = re.search(r",\s+((?:[^,]{1,60}?))\s+(" + _VERB + r")\b[^,]{0,40}[.!?]?\s*$", text[q_end:sent_end])
    if not m:
        return None
    who = _speaker_from(text, q_end + m.start(1), q_end + m.end(1), mentions, starts)
    if who and not who[0].startswith(PRONOUN):
        return who[0], who[1], m.group(2), q_end + m.start(1), q_end + m.end(2)
    return None


def _before(text, sent_start, q_start, mentions, starts=()):
    """Speaker and verb earlier in the sentence ('Trump remarked, "' / 'He had reiterated that ... "'), else the
    sentence's subject: its first named actor, when a reporting verb follows it before the quote."""
    head = text[sent_start:q_start]
    verbs = [v for v in re.finditer(r"\b(" + _VERB + r")\b", head)  # not a gerund ("accused X of telling her")
             if not (v.group(1).endswith("ing") and _PREPOSITION_BEFORE.search(head, max(0, v.start() - 12),
                                                                               v.start()))]
    for verb in reversed(verbs):
        if verb.group(1).endswith("ing"):  # a participle's speaker is its clause's subject, not the words before it
            continue                       # ("He sent an e-mail to RNC members saying ...": he)
        who = _speaker_from(text, sent_start, sent_start + verb.start(), mentions, starts)
        if who:
            return who[0], who[1], verb.group(1), who[2], sent_start + verb.end()
    if verbs:
        verb = verbs[0]
        right_before = [x for x in mentions if sent_start <= x.start and x.end <= sent_start + verb.start()
                        and verb.group(1).endswith("ing") and _is_person(x, text)
                        and not text[x.end:sent_start + verb.start()].strip()]
        if right_before:  # "..., with executive editor Jill Abramson saying in a statement, “...”": her words
            return right_before[0].actor, False, verb.group(1), right_before[0].start, sent_start + verb.end()
        subject = [x for x in mentions if sent_start <= x.start < sent_start + verb.start()
                   and (_is_person(x, text) or x.actor in gazetteer().outlets)
                   and not _in_subordinate_opening(text, sent_start, x.start)
                   and not _PREPOSITION_BEFORE.search(text, max(sent_start, x.start - 30), _title_start(text, x))]
        if len(subject) > 1 and not _is_person(subject[0], text) and _is_person(subject[1], text) \
                and subject[1].start - subject[0].end <= 40 and "," not in text[subject[0].end:subject[1].start]:
            subject = subject[1:]  # "AP media relations manager Erin Madigan White issued a statement saying": her
        if subject:
            return subject[0].actor, False, verb.group(1), subject[0].start, sent_start + verb.end()
        pronoun = _SUBJECT_PRONOUN.match(text, sent_start, sent_start + verb.start())
        if pronoun:  # "In that interview, he invoked ..., saying it means “...”"
            who = _speaker_from(text, sent_start, pronoun.end(), mentions, starts)
            if who:
                return who[0], who[1], verb.group(1), who[2], sent_start + verb.end()
        return None
    intro = _SHORT_INTRO.fullmatch(head)
    # a short introduction ending in a comma or colon: 'He went on, “...' / 'Trump, on Twitter: “...' (not one
    # opening with a verb: 'Added Gibbs: “...')
    if intro and not re.match(_VERB + r"\b", intro.group(1), re.IGNORECASE):
        subject = intro.group(1)
        if subject in ("He", "She"):
            who = _speaker_from(text, sent_start, sent_start + intro.end(1), mentions, starts)
            if who:
                return who[0], who[1], None, who[2], sent_start + intro.end()
        else:
            at = sent_start + intro.start(1)
            named = [x for x in mentions if at <= x.start < sent_start + intro.end(1) and _is_person(x, text)]
            if named and not text[at:named[0].start].strip(" ") or named and \
                    all(w in gazetteer().titles for w in text[at:named[0].start].split()):
                return named[0].actor, False, None, named[0].start, sent_start + intro.end()
    return None


_SHORT_INTRO = re.compile(r"[\s“\"‘]*((?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w’'\-]*)"
                          r"(?:,?\s+[\w’'\-]+){0,4}[,:]\s*")


_SUBJECT_PRONOUN = re.compile(r"[\s“\"‘]*(?:[^,;:“”\"]{1,60},\s+)?(?:He|She|he|she)\b")


def find_quotes(text: str, sentence_spans: Sequence[tuple[int, int]],
                mentions: Sequence[Mention] = ()) -> tuple[Quote, ...]:
    """Every quotation in ``text`` with its speaker (actor name or anonymous description) and verb."""
    return tuple(q for q, _ in _quotes_with_cues(text, sentence_spans, mentions))


def _quotes_with_cues(text, sentence_spans, mentions) -> list[tuple[Quote, tuple[int, int] | None]]:
    """Quotes, each with the span of its attribution cue ('Rutte said') when one was found."""
    quotes: list[tuple[Quote, tuple[int, int] | None]] = []
    previous: Quote | None = None
    previous_line = -1
    previous_cue: tuple[int, int] | None = None
    found = unmarked_quotes(text, mentions)
    unmarked = {(a, b): (speaker, verb) for a, b, speaker, verb, _ in found}
    # a quotation inside a tweet (its signature too) or inside a block quotation is part of it
    spans = sorted([(s, e) for s, e in quote_spans(text) if not any(a <= s and e <= c for a, _, _, _, c in found)]
                   + list(unmarked))
    mentions = _outside(mentions, spans)  # a name inside quotation marks is spoken about, never the speaker
    starts = sorted(s for s, _ in sentence_spans)
    breaks = [m.start() for m in re.finditer(r"\n+", text)]
    last: Quote | None = None  # the latest quote with a named speaker, and its line
    last_line = -1
    for start, end in spans:
        s_start, s_end = _sentence_of(sentence_spans, start)
        s_end = max(s_end, _sentence_of(sentence_spans, end)[1])
        line = bisect.bisect_right(breaks, start)  # the paragraph (a run of line breaks ends one)
        if (start, end) in unmarked:  # a tweet or block quotation: its speaker is its signer or its lead-in's name
            speaker, verb = unmarked[start, end]
            quote = Quote(text[start:end], start, end, speaker, False, verb)
            quotes.append((quote, None))
            previous, previous_line, previous_cue = quote, line, None
            if speaker:
                last, last_line = quote, line
            continue
        if _is_title(text, start, end):
            quotes.append((Quote(text[start:end], start, end), None))
            continue
        found = _after(text, end, s_end, mentions, starts) or _sentence_final(text, end, s_end, mentions, starts)
        if not found and previous is not None and previous.speaker and previous_cue is not None \
                and previous.end <= previous_cue[0] and previous_cue[1] <= start and line == previous_line \
                and not re.search(r"[.!?][”\"’']?\s+[A-Z“\"]", text[previous.end:start].rstrip(" “\"‘")):
            # the second part of a quote its attribution splits ('"...," said Reid on Tuesday, "however ..."')
            quote = Quote(text[start:end], start, end, previous.speaker, previous.anonymous, previous.verb)
            quotes.append((quote, None))
            previous = quote
            if quote.speaker and not quote.anonymous:
                last, last_line = quote, line
            continue
        found = found or _before(text, s_start, start - 1, mentions, starts)
        cue = None
        if found:
            speaker, anonymous, verb = found[0], found[1], found[2]
            cue = (min(found[3], found[4]), max(found[3], found[4]))
            if speaker.startswith(PRONOUN):
                gender = _PRONOUN_GENDER.get(text[found[3]:found[3] + 4].split(" ")[0].lower())
                plural = text[found[3]:found[3] + 5].split(" ")[0].lower() in ("they", "we")
                named = last.speaker if last is not None and line - last_line <= 4 \
                    and (not gender or person_name(last.speaker)) and not (plural and person_name(last.speaker)) \
                    and not _other_subject_between(text, sentence_spans, last, start, mentions) else None
                genders = _titles(text, mentions)
                if named and gender and _gender(named, genders) != gender and any(
                        last.end <= x.start < start and _gender(x.actor, genders) == gender for x in mentions):
                    named = None  # "she" after his quote, with a woman named since: not him
                if named and gender and _gender(named, genders) not in (None, gender):
                    named = None
                speaker = named or speaker[1:]
        elif previous is not None and previous.speaker and line - previous_line <= 1 \
                and _may_carry(text, end, previous.speaker, mentions) \
                and not text[s_start:start].strip(" “\"‘'") \
                and (previous.start, previous.end) not in unmarked and not _heading(text, start, end):
            # a quote that opens its sentence continues the last one; not after a tweet or a block quotation (whole
            # in itself), and not when it is a heading of its own ('“You break it, you own it”' over a section)
            speaker, anonymous, verb = previous.speaker, previous.anonymous, None
        elif (said := _said_just_before(text, s_start, start, spans, sentence_spans, mentions, starts)):
            speaker, anonymous, verb = said  # 'Trump said in another post that ... “We are right where we want to be.”'
        else:
            speaker, anonymous, verb = None, False, None
        quote = Quote(text[start:end], start, end, speaker, anonymous, verb)
        quotes.append((quote, cue))
        previous, previous_line, previous_cue = quote, line, cue
        if speaker and not anonymous:
            last, last_line = quote, line
    return _speaker_next(text, quotes, sentence_spans)


def _said_just_before(text, s_start, start, spans, sentence_spans, mentions, starts):
    """(speaker, anonymous, verb) of the sentence just before, in the same paragraph, when it reports someone's words
    without quoting them ("Trump said in another post that the war would not hurt") and this quote opens its own
    sentence: the words that follow are that speaker's. None otherwise."""
    if text[s_start:start].strip(" “\"‘'") or s_start == 0:
        return None
    before = [(a, b) for a, b in sentence_spans if b <= s_start]
    if not before:
        return None
    p_start, p_end = before[-1]
    if "\n" in text[p_start:s_start] or any(p_start <= a < p_end for a, _ in spans):
        return None  # another paragraph, or a sentence with a quote of its own (its speaker carries, or not, above)
    found = _before(text, p_start, p_end, mentions, starts)
    if not found or found[0].startswith(PRONOUN) or found[2] is None or found[2].endswith("ing"):
        return None
    return found[0], found[1], found[2]


def _heading(text: str, start: int, end: int) -> bool:
    """Whether a quotation is a line of its own with no end mark inside or after it: a heading, not speech."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip(" “\"‘'") and not text[end:line_end].strip(" ”\"’'") \
        and text[start:end].rstrip()[-1:] not in ".!?,;:…"


def _speaker_next(text: str, quotes: list, sentence_spans) -> list:
    """A quote with no speaker takes the speaker named right after the next quote, when that quote opens the next
    sentence of the same paragraph ('The comment was “...” It was “...,” LaBolt said.')."""
    for i in range(len(quotes) - 1, 0, -1):
        (q, cue), (nxt, nxt_cue) = quotes[i - 1], quotes[i]
        if q.speaker or not nxt.speaker or nxt_cue is None or nxt_cue[0] < nxt.end or _is_title(text, q.start, q.end):
            continue
        sentence_end = _sentence_of(sentence_spans, q.start)[1]
        lead = text[sentence_end:nxt.start]  # the next sentence's words before its quote ("It was")
        if "\n" in text[q.end:nxt.start] or sentence_end > nxt.start or len(lead.split()) > 4 \
                or text[q.end:sentence_end].strip(" ”\"’'.!?,"):  # the quote must close its sentence
            continue
        quotes[i - 1] = (Quote(q.text, q.start, q.end, nxt.speaker, nxt.anonymous, nxt.verb), cue)
    return quotes


_SMALL_WORDS = frozenset(("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "from", "by"))
_TITLE_BEFORE = re.compile(r"\b(?:on|in|at|to|from|of|for)\s+(?:the\s+)?(?:[\w’'.\-]+\s+){0,3}?[“\"‘']?$")


def _is_title(text: str, start: int, end: int) -> bool:
    """Whether a quotation is a title, not speech: a few capitalised words after a preposition
    ('said on the CNN program “State of the Union.”', 'an appearance on the “Tonight Show”')."""
    words = text[start:end].strip(" .,;:!?").split()
    if not 0 < len(words) <= 8 or not _TITLE_BEFORE.search(text, max(0, start - 50), start):
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS
                                          for w in words)


# an attribution right after a quote that names no one found ('“...,” it says', '“...,” the four-term congressman
# said'): the quote is not carried over from an earlier speaker
_IT_SAYS = re.compile(r"(?:,[”\"’']|[”\"’'],|[!?][”\"’'])[ \t]+(?:[\w.’'\-]+[ \t]+){1,4}?(?:" + _VERB + r")\b")


def _may_carry(text: str, end: int, speaker: str, mentions: Sequence[Mention]) -> bool:
    """Whether a quote may take the previous quote's speaker: not when an attribution right after it describes
    someone else ('“...,” it says', '“...,” the four-term congressman said' after another's quote); yes when the
    description is a title the previous speaker carries ('“...,” the president said' after President Obama)."""
    m = _IT_SAYS.match(text, end - 1 if text[end - 1:end] in ",!?" else end)
    if not m:
        return True
    described = text[m.start():m.end()].split()[-2].lower()
    return described in _titles_of(text, tuple(mentions)).get(speaker, ())


@lru_cache(maxsize=8)
def _titles_of(text: str, mentions: tuple[Mention, ...]) -> dict[str, frozenset[str]]:
    """actor -> the title words written before any of its mentions, lower case ("President Obama": president)."""
    titles = gazetteer().titles
    out: dict[str, set[str]] = {}
    for x in mentions:
        own = x.text.split()  # a mention may hold its titles ("President Obama")
        while len(own) > 1 and own[0] in titles:
            out.setdefault(x.actor, set()).add(own.pop(0).lower().rstrip("."))
        words = text[max(0, x.start - 60):x.start].split()
        while words and words[-1] in titles:
            out.setdefault(x.actor, set()).add(words.pop().lower().rstrip("."))
    return {actor: frozenset(words) for actor, words in out.items()}


def _outside(mentions: Sequence[Mention], spans: Sequence[tuple[int, int]]) -> tuple[Mention, ...]:
    """The mentions that are not inside any quotation (spans sorted by start, as quote_spans gives them)."""
    out = []
    i = 0
    for m in sorted(mentions, key=lambda x: x.start):
        while i < len(spans) and spans[i][1] <= m.start:
            i += 1
        if i < len(spans) and spans[i][0] <= m.start < spans[i][1]:
            continue
        out.append(m)
    return tuple(out)


def _title_start(text: str, mention: Mention) -> int:
    """Where a mention's run of capitalised words (titles included: "President Bronislaw ...") begins."""
    m = re.search(r"(?:[A-Z][\w.\-]*\s+)*$", text[max(0, mention.start - 60):mention.start])
    return mention.start - len(m.group()) if m else mention.start


def _other_subject_between(text: str, sentence_spans, previous: Quote, start: int,
                           mentions: Sequence[Mention]) -> bool:
    """Whether a person other than the previous quote's speaker is the subject of a sentence between that quote
    and ``start``: named at the sentence's start (after titles only) or right before a reporting verb. A person
    named in passing ("Saying President Obama, he said, was ...") does not take the pronoun."""
    for x in mentions:
        if not (previous.end <= x.start < start) or x.actor == previous.speaker or not _is_person(x, text):
            continue
        if _VERB_AFTER.match(text, x.end):
            return True
        s_start = _sentence_of(sentence_spans, x.start)[0]
        lead = re.split(r"[,:;][”\"’']?\s", text[s_start:x.start])[-1].strip(" “\"‘'\n").split()
        while lead and lead[-1] in gazetteer().titles:
            lead.pop()
        if not lead or (len(lead) == 1 and lead[0].lower() in _CLAUSE_OPENERS):
            return True
    return False


_CLAUSE_OPENERS = frozenset(("and", "but", "so", "yet", "then", "when", "while", "as", "after", "before", "because",
                             "since", "although", "though", "if", "once", "until", "whereas"))


def person_name(name: str) -> bool:
    """Whether an actor name (a quote's speaker) looks like a person's."""
    return _is_person(Mention(name, 0, 0, name))


# words before a reporting verb that make it no one's report
_POSSESSIVE_BEFORE = re.compile(r"[’']s\s+$")  # "Obama’s announced review": no one's report
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:[\w’'-]+\s+){0,2}$")  # "what they called hateful speech": a name given


def _participle_subject(text: str, s_start: int, v_start: int, mentions: Sequence[Mention]):
    """(speaker, anonymous, start) of a participle after a comma (", saying"): the sentence's subject, when the
    main clause opens with a person, group or outlet ("Democrats have been pounding LePage, saying": Democrats, not
    LePage; "Rep. Carlos Curbelo (R-Fla.) criticized the statement, calling"); None otherwise ("Strzok’s attorney
    blasted the bureau, saying": the attorney)."""
    opening = _SUBORDINATE.match(text, s_start)
    clause = opening.end() if opening else s_start
    first = _index(mentions).inside(clause, v_start)
    if not first:
        return None
    x = first[0]
    kind = gazetteer().kinds.get(x.actor, ("",))[0]
    if text[clause:_title_start(text, x)].strip(" “\"‘") or text[x.end:x.end + 2] in ("’s", "'s") \
            or not (_is_person(x, text) or kind == GROUP or x.actor in gazetteer().outlets):
        return None
    return x.actor, False, x.start


def _classify_source(phrase: str, start: int, text: str, mentions: Sequence[Mention]):
    """(kind, source) of the words after 'according to'."""
    gz = gazetteer()
    inside = list(_starting_in(mentions, start, start + len(phrase)))
    for m in inside:
        if m.actor in gz.outlets:
            return OUTLET, m.actor
    if re.search(r"\b" + _ANON_HEAD + r"\b", phrase, re.IGNORECASE) and not any(_is_person(m) for m in inside):
        return ANONYMOUS, phrase.strip()
    if inside:
        return NAMED, inside[0].actor
    return None


def find_attributions(text: str, sentence_spans: Sequence[tuple[int, int]], mentions: Sequence[Mention] = (),
                      quotes: Sequence[Quote] = ()) -> tuple[Attribution, ...]:
    """Who claims are credited to: quote speakers, 'according to X', 'X said/told/indicated', 'X reported'."""
    gz = gazetteer()
    found: dict[tuple[int, int], Attribution] = {}
    inside_quote = SpanIndex(quotes)

    def quoted(i: int) -> bool:
        return bool(inside_quote.covering(i))

    for quote, cue in _quotes_with_cues(text, sentence_spans, mentions):
        if cue and quote.speaker:
            kind = ANONYMOUS if quote.anonymous else (OUTLET if quote.speaker in gz.outlets else NAMED)
            found[cue] = Attribution(kind, quote.speaker, text[cue[0]:cue[1]].strip(" ,”\"’'"), cue[0], cue[1])

    for m in _ACCORDING.finditer(text):
        if quoted(m.start()):
            continue
        kind_source = _classify_source(m.group(1), m.start(1), text, mentions)
        if kind_source:
            found[(m.start(), m.end())] = Attribution(kind_source[0], kind_source[1], m.group().strip(), m.start(),
                                                      m.start(1) + len(m.group(1).rstrip()))
    for m in _REPORTED_BY.finditer(text):
        outlet = next((x for x in mentions if x.start == m.end() and x.actor in gz.outlets), None)
        if outlet and not quoted(m.start()):
            found[(m.start(), outlet.end)] = Attribution(OUTLET, outlet.actor, text[m.start():outlet.end],
                                                         m.start(), outlet.end)
    for x in mentions:
        if x.actor in gz.outlets and _OUTLET_VERB.match(text, x.end) and not quoted(x.start):
            verb = _OUTLET_VERB.match(text, x.end)
            found[(x.start, verb.end())] = Attribution(OUTLET, x.actor, text[x.start:verb.end()], x.start, verb.end())
    earlier = SpanIndex(found.values())
    added: list[tuple[int, int]] = []  # spans found below; while they all start before the verb, one reach says it
    reach = latest = -1
    for s_start, s_end in sentence_spans:
        for verb in re.finditer(r"\b(" + _VERB + r")\b", text[s_start:s_end]):
            v_start, v_end = s_start + verb.start(), s_start + verb.end()
            if quoted(v_start) or earlier.covering(v_start) or (
                    reach > v_start if latest <= v_start else any(s <= v_start < e for s, e in added)):
                continue
            naming = verb.group(1).lower().startswith(("call", "dub", "term", "label", "describ"))
            if _POSSESSIVE_BEFORE.search(text, max(s_start, v_start - 3), v_start) \
                    or (naming and _WHAT_BEFORE.search(text, max(s_start, v_start - 30), v_start)):
                continue  # "Obama’s announced review", "what they called hateful speech"
            if verb.group(1).endswith("ing") and text[max(s_start, v_start - 2):v_start] == ", ":
                who = _participle_subject(text, s_start, v_start, mentions)  # "Trump lashed out on Twitter, saying"
            else:
                who = _speaker_from(text, s_start, v_start, mentions, documents=False)
            if not who:
                continue
            speaker, anonymous, w_start = who
            speaker = speaker.lstrip(PRONOUN)
            if text[w_start:v_start].count(" ") > 8:
                continue
            kind = ANONYMOUS if anonymous else (OUTLET if speaker in gz.outlets else NAMED)
            found[(w_start, v_end)] = Attribution(kind, speaker, text[w_start:v_end], w_start, v_end)
            added.append((w_start, v_end))
            reach, latest = max(reach, v_end), max(latest, w_start)
    return tuple(sorted(found.values(), key=lambda a: (a.start, a.end)))
