"""Assemble an Article from a headline and paragraphs: roles, offsets, sentences, outlet, hash."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date as date_cls, datetime
from urllib.parse import urlsplit

from compare.errors import InputError
from compare.ingest.outlet import choose_outlet
from compare.ingest.roles import is_soft_wrap, paragraph_role, trailer_outlet
from compare.model import HEADLINE, NO_TITLE, Article, Paragraph, Sentence
from compare.nlp.sentences import split_sentences
from compare.textsafe import strip_unsafe

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def build_article(headline: str, paragraphs: list[str], *, source: str, outlet: str | None = None,
                  metadata_outlet: str | None = None, url: str | None = None, date: str | None = None,
                  authors: tuple[str, ...] = (), language: str = "en", encoding: str | None = None,
                  reader: str = "text", warnings: tuple[str, ...] = (), section: str | None = None) -> Article:
    """The Article for a headline and its paragraphs (raises InputError when there is no text at all)."""
    headline = _tidy(headline)
    texts = [t for t in (_tidy(p) for p in paragraphs) if t]
    why = "the first line"
    if not headline and texts:
        headline, texts, why = texts[0], texts[1:], NO_TITLE
    if not headline:
        raise InputError(source, "no article text found", "the input is empty or has only whitespace")
    parts: list[tuple[str, str, str]] = [(HEADLINE, why, headline)]
    trailer = None
    for text in texts:
        role, why = paragraph_role(text)
        trailer = trailer or trailer_outlet(text)
        parts.append((role, why, text))

    body, paras, sentences = [], [], []
    offset = 0
    for index, (role, why, text) in enumerate(parts):
        if index:
            offset += 2  # the "\n\n" between paragraphs
        paras.append(Paragraph(index, role, offset, offset + len(text), text, why))
        spans = [(0, len(text))] if role == HEADLINE else split_sentences(text)
        for start, end in spans:
            sentences.append(Sentence(len(sentences), index, offset + start, offset + end, text[start:end]))
        body.append(text)
        offset += len(text)
    full = "\n\n".join(body)
    name, rule = choose_outlet(outlet, metadata_outlet, url, trailer, source)
    genre, genre_rule = article_genre(headline, url, section)
    return Article(
        text=full, headline=headline, paragraphs=tuple(paras), sentences=tuple(sentences),
        outlet=name, outlet_rule=rule, source=source,
        content_hash=hashlib.sha256(full.encode("utf-8")).hexdigest(),
        authors=clean_authors([_tidy(a) for a in authors], name), date=normalise_date(date),
        language=language or "en", url=url, encoding=encoding, reader=reader, warnings=tuple(warnings),
        genre=genre, genre_rule=genre_rule,
    )


_GENRE_PATH = re.compile(
    r"/(opinions?|commentary|op-?eds?|editorials?|columns?|columnists?|analysis|news-analysis)(?:/|$)", re.IGNORECASE)
_GENRE_HEAD = re.compile(
    r"^\s*(opinion|op-ed|editorial|commentary|column|analysis|news analysis)\s*[:|–—-]\s+", re.IGNORECASE)


def article_genre(headline: str, url: str | None, section: str | None) -> tuple[str, str]:
    """("opinion" | "analysis" | "news", the rule): only where the page says so, by its URL path, a label before
    the headline ("Opinion: …") or its section metadata; everything else is news."""
    def kind(word: str) -> str:
        return "analysis" if "analysis" in word.lower() else "opinion"
    if section and re.fullmatch(r"\s*(opinions?|commentary|op-?eds?|editorials?|analysis)\s*", section, re.IGNORECASE):
        return kind(section), f"section '{section.strip()}'"
    head = _GENRE_HEAD.match(headline or "")
    if head:
        return kind(head.group(1)), f"headline label '{head.group(1)}'"
    path = _GENRE_PATH.search(urlsplit(url).path) if url else None
    if path:
        return kind(path.group(1)), f"URL path /{path.group(1)}/"
    return "news", ""


_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_DATE_TAIL = re.compile(r"(?:[\s,|•·–—-]+(?:updated|published|on|(?:%s)\.?|\d{1,4}(?:st|nd|rd|th)?|am|pm|"
                        r"\d{1,2}:\d{2}))+\s*$" % "|".join(_MONTHS), re.IGNORECASE)


def clean_authors(authors: list[str], outlet: str) -> tuple[str, ...]:
    """Author names without a date glued to them ("CBS News February" -> "CBS News"), without the outlet's own
    name standing in for a person, and each once."""
    kept: list[str] = []
    for author in authors:
        name = _DATE_TAIL.sub("", author).strip(" ,|-")
        if name and name.lower() != outlet.lower() and name not in kept:
            kept.append(name)
    return tuple(kept)


def split_plain_text(text: str) -> tuple[str, list[str]]:
    """Headline and paragraphs of plain text: the first non-empty line, then the paragraphs of the rest."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return "", []
    return lines[0], split_paragraphs("\n".join(lines[1:]))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines; inside a block a line break starts a new paragraph unless it
    only wraps a long line."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.split("\n") + [""]:
        if not line.strip():
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and not is_soft_wrap(current[-1], line):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line.strip())
    return paragraphs


def normalise_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from the usual metadata spellings, or None."""
    if not value:
        return None
    value = str(value).strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        try:
            return date_cls.fromisoformat(match.group(0)).isoformat()
        except ValueError:
            return None
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return _parse_any_date(value)


def _parse_any_date(value: str) -> str | None:
    """Other spellings, read with dateutil: RFC 2822 ("Mon, 17 Jul 2017 17:03:00 GMT"), day-first numbers
    ("17/07/2017"; 07/17/2017 is read month-first above). Year, month and day must all be given."""
    from dateutil import parser

    if len(value) > 64 or not re.search(r"\d{4}", value):
        return None  # a year is required: "Monday" or "17/07" alone is no date
    try:  # parsed against two different defaults: a part the text leaves out shows up as a difference
        one = parser.parse(value, dayfirst=True, default=datetime(2000, 1, 1))
        two = parser.parse(value, dayfirst=True, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    return one.date().isoformat() if one.date() == two.date() else None


# a sentence run into the next without a space, as some scraped texts have them ("of reporters.Holder, who ...",
# "reportable.AP media", "with AP.Michael Clemente", "tough stance."We have"): a word of two letters or more that
# ends in a lower-case letter (or "AP." before a name), its end mark, then a capitalised word; never inside initials
# ("U.S.Army") or an address ("Rebecca.Ballhaus@wsj.com")
_JOINED = re.compile(r"(?<=[A-Za-z][a-z][.!?])(?=[A-Z][A-Za-z])(?![\w.]*@)|(?<=[A-Z]{2}[.!?])(?=[A-Z][a-z])"
                     r"|(?<=[A-Za-z][a-z][.!?][\"”])(?=[A-Z][A-Za-z])")


# A name's hover card scraped into the text (The Hill): the name again in full, glued to the headlines of related
# stories, up to "MORE" ("Speaker Paul Ryan Paul Davis RyanDemocrats hit Scalia over ... MORE (R-Wis.)")
_HOVER_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_HOVER_END = re.compile(r"[^\n]{0,400}?\sMORE\b")
_SURNAME = re.compile(r"[A-Z][\w'’-]*[a-z]$")


def _drop_hover_cards(text: str) -> str:
    """The text without the hover cards of names: from after the name as the article writes it (the surname's
    earlier place, within 60 characters) to "MORE"."""
    if "MORE" not in text:
        return text
    out, pos = [], 0
    for glue in _HOVER_GLUE.finditer(text):
        at = glue.start()
        end = _HOVER_END.match(text, at)
        surname = _SURNAME.search(text, max(pos, at - 30), at)
        if at < pos or not end or not surname:
            continue
        name = surname.group()
        shown = text.rfind(name, max(pos, at - 60 - len(name)), surname.start())
        if shown < 0:
            continue  # the name is not written before its card: leave the text as it is
        out.append(text[pos:shown + len(name)])
        pos = end.end()
    return "".join(out) + text[pos:]


def _tidy(text: str) -> str:
    """One line of article text: unsafe characters removed (also those a JSON escape or an HTML entity
    produced after decoding), spaces collapsed, a space put back between sentences run together, NFC."""
    text = _drop_hover_cards(strip_unsafe(text or ""))
    if text.isascii():  # nothing to replace or normalise
        return _JOINED.sub(" ", _SPACES.sub(" ", text)).strip()
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates -> "?"
    return unicodedata.normalize("NFC", _JOINED.sub(" ", _SPACES.sub(" ", text))).strip()
