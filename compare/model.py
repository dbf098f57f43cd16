"""Plain immutable data shared by every stage, and its JSON round trip.

Offsets (``start``/``end``) are always character offsets into ``Article.text``
(the article's own normalised text), so any span can be shown in context.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field

SCHEMA_VERSION = 1

# Paragraph roles. Only "headline" and "body" paragraphs carry facts.
HEADLINE, BODY, SUBHEADING, CAPTION, CREDIT = "headline", "body", "subheading", "caption", "credit"
NO_TITLE = "no title given: the first paragraph stands in"  # the headline paragraph's why when the input had no title
PARAGRAPH_ROLES = (HEADLINE, BODY, SUBHEADING, CAPTION, CREDIT)


# --------------------------------------------------------------------------- article

@dataclass(frozen=True)
class Paragraph:
    index: int
    role: str  # one of PARAGRAPH_ROLES
    start: int
    end: int
    text: str
    why: str = ""  # the rule that gave the role, e.g. "ends with 'Photo: Getty.'"


@dataclass(frozen=True)
class Sentence:
    index: int  # article-wide number, 0 = first sentence of the headline
    paragraph: int  # Paragraph.index
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    text: str  # headline + "\n\n" + paragraphs joined by "\n\n", NFC-normalised
    headline: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    outlet: str
    outlet_rule: str  # option | metadata | url | trailer | filename | unknown
    source: str  # path, URL, or "-" for standard input
    content_hash: str  # sha256 of text, hex
    authors: tuple[str, ...] = ()
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    language: str = "en"
    url: str | None = None
    encoding: str | None = None  # how the bytes were decoded, when read from bytes
    reader: str = "text"  # text | html | json | url
    warnings: tuple[str, ...] = ()  # what may have gone wrong in reading, e.g. a thin body from a large page
    genre: str = "news"  # news | opinion | analysis, as the page says so (URL path, headline label, section)
    genre_rule: str = ""  # what said so, e.g. "URL path /opinion/"; empty for news by default

    def role_of(self, sentence: Sentence) -> str:
        return self.paragraphs[sentence.paragraph].role

    @property
    def titled(self) -> bool:
        """Whether the input gave a title (JSON or a page with an empty title has its first paragraph in the headline's
        place: no headline a comparison may speak of)."""
        return not self.paragraphs or self.paragraphs[0].why != NO_TITLE

    @property
    def reporting_sentences(self) -> tuple[Sentence, ...]:
        """Sentences of headline and body paragraphs: the ones that can be facts."""
        return tuple(s for s in self.sentences if self.role_of(s) in (HEADLINE, BODY))


# --------------------------------------------------------------------------- facts

@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int
    actor: str  # canonical actor name within the article


@dataclass(frozen=True)
class Actor:
    name: str  # canonical, e.g. "Mark Rutte"
    kind: str  # person | organisation | place | group | other
    aliases: tuple[str, ...] = ()  # surface forms seen, e.g. ("Rutte", "Mark Rutte")
    labels: tuple[str, ...] = ()  # descriptions used for it, e.g. ("NATO Secretary General",)


@dataclass(frozen=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float
    unit: str | None = None  # USD | EUR | % | count | ...
    counts: str | None = None  # what it counts, e.g. "GDP", "countries"


@dataclass(frozen=True)
class TimeAnchor:
    text: str
    start: int
    end: int
    kind: str  # date | weekday | month | year | relative
    value: str | None = None  # resolved ISO date / month / year, when possible


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None = None  # canonical actor, or the description of an unnamed one
    anonymous: bool = False
    verb: str | None = None


@dataclass(frozen=True)
class Attribution:
    kind: str  # named | anonymous | outlet
    source: str
    text: str  # the cue, e.g. "according to sources"
    start: int
    end: int


@dataclass(frozen=True)
class Fact:
    id: str  # e.g. "A7" or "A7.2" for the second clause of A's sentence 7
    article: int  # index of the article in the comparison
    sentence: int  # Sentence.index
    start: int
    end: int
    text: str
    role: str  # headline | lead | body
    actors: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeAnchor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()


# --------------------------------------------------------------------------- alignment

SHARED, PARTIAL, CONFLICTING, ONLY_A, ONLY_B = "shared", "partial", "conflicting", "only_a", "only_b"
LINK_KINDS = (SHARED, PARTIAL, CONFLICTING, ONLY_A, ONLY_B)


@dataclass(frozen=True)
class Conflict:
    kind: str  # number | date | actor | attribution | quote
    a: str  # A's value, as written
    b: str  # B's value, as written
    detail: str = ""


@dataclass(frozen=True)
class Link:
    kind: str  # one of LINK_KINDS
    a: tuple[str, ...]  # fact ids in A (empty for only_b)
    b: tuple[str, ...]  # fact ids in B (empty for only_a)
    score: float  # combined similarity, 0..1
    reason: str  # one sentence a reader can check
    signals: dict[str, float] = field(default_factory=dict)  # lexical, semantic, actors, ...
    conflicts: tuple[Conflict, ...] = ()


@dataclass(frozen=True)
class Reason:
    text: str
    weight: float  # > 0 points to the same event, < 0 away from it
    evidence: tuple[str, ...] = ()


SAME_EVENT, RELATED_EVENTS, DIFFERENT_EVENTS = "same event", "related events", "different events"


@dataclass(frozen=True)
class Verdict:
    label: str  # SAME_EVENT | RELATED_EVENTS | DIFFERENT_EVENTS
    score: float  # 0..1, higher = more likely the same event
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class ActorVariant:
    actor: str  # canonical name used across the pair
    a_form: str
    b_form: str
    note: str = ""


@dataclass(frozen=True)
class PairComparison:
    a: int  # article index
    b: int
    links: tuple[Link, ...]
    verdict: Verdict
    shared_actors: tuple[str, ...] = ()
    actor_variants: tuple[ActorVariant, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)  # per link kind, in facts


@dataclass(frozen=True)
class MatrixRow:
    """One fact and where each outlet carries it (for N >= 2 articles)."""
    text: str
    facts: tuple[str | None, ...]  # per article: the fact id carrying it, or None


@dataclass(frozen=True)
class Difference:
    kind: str  # event | omission | conflict | sourcing | tone | framing | wording | ...
    text: str  # one sentence for a reader
    rank: float = 0.0  # higher first (includes a discount for repeats of a kind; see method notes)
    figures: dict[str, float] = field(default_factory=dict)
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Method:
    tool_version: str
    settings: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # score name -> how it is made, quality, limits


@dataclass(frozen=True)
class ActorName:
    article: int  # article index
    name: str  # the article's name for the actor (as in the profile's sentiment targets)


@dataclass(frozen=True)
class ActorGroup:
    """One actor across the articles, as the engine's matcher (compare.nlp.actors.same_actor) groups the names the
    outlet profiles score tone toward: "Vladimir Zelensky" in A and "Volodymyr Zelenskyy" in B are one group."""
    names: tuple[ActorName, ...]  # at most one per article, in the order the engine met them

    def by_article(self) -> dict[int, str]:
        return {n.article: n.name for n in self.names}


from compare.profile.types import OutletProfile  # noqa: E402  (profile types live with their code)


@dataclass(frozen=True)
class Comparison:
    articles: tuple[Article, ...]
    actors: tuple[tuple[Actor, ...], ...]  # per article
    facts: tuple[tuple[Fact, ...], ...]  # per article
    pairs: tuple[PairComparison, ...]
    matrix: tuple[MatrixRow, ...] = ()
    profiles: tuple[OutletProfile, ...] = ()
    differences: tuple[Difference, ...] = ()
    method: Method | None = None
    actor_groups: tuple[ActorGroup, ...] = ()  # the profiles' tone targets across articles (empty without profiles)
    schema_version: int = SCHEMA_VERSION


# --------------------------------------------------------------------------- JSON

def to_dict(obj):
    """A dataclass tree as plain JSON-ready data (tuples become lists)."""
    if dataclasses.is_dataclass(obj):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


def from_dict(cls, data):
    """Rebuild a dataclass tree written by :func:`to_dict`."""
    return _build(cls, data)


@typing.no_type_check
def _build(tp, data):
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [t for t in typing.get_args(tp) if t is not type(None)]
        return _build(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        args = typing.get_args(tp)
        inner = args[0] if args else typing.Any
        return tuple(_build(inner, x) for x in data)
    if origin is list:
        (inner,) = typing.get_args(tp) or (typing.Any,)
        return [_build(inner, x) for x in data]
    if origin is dict:
        _, inner = typing.get_args(tp) or (str, typing.Any)
        return {k: _build(inner, v) for k, v in data.items()}
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _build(hints[k], v) for k, v in data.items() if k in names})
    if tp is float and isinstance(data, int):
        return float(data)
    return data


_HINTS: dict[type, dict] = {}


def _hints(tp):
    if tp not in _HINTS:
        import sys
        _HINTS[tp] = typing.get_type_hints(tp, vars(sys.modules[tp.__module__]))
    return _HINTS[tp]
