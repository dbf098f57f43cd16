"""The brief's content as types: what compare.render.brief builds and compare.render.pdf lays out.

Frozen dataclasses, one family per section, in the order a brief shows them. Text is plain text; a ``marks`` field
holds ``(start, end)`` spans of its ``text`` that the writer highlights. ``compare.model.to_dict`` turns a
:class:`Brief` into JSON-ready data (tests/data/brief/content-*.json are such snapshots).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

SECTION_TITLES = {
    "summary": "Summary",
    "shared": "Shared facts, side by side",
    "omissions": "Only in one article",
    "conflicts": "Conflicts",
    "sources": "Sources and quotes",
    "tone": "Tone and framing",
    "method": "Method and limits",
}
READABILITY_ROWS = (  # the article's words and sentences are on its card (one count per article)
    ("words_per_sentence", "Words per sentence", 1),
    ("flesch_reading_ease", "Flesch reading ease (higher = easier)", 1),
    ("flesch_kincaid_grade", "Flesch–Kincaid grade", 1), ("gunning_fog", "Gunning fog", 1),
    ("smog", "SMOG", 1), ("dale_chall", "Dale–Chall", 1), ("lexical_density", "Lexical density", 2),
)
Marks = tuple[tuple[int, int], ...]


def _section(name: str):
    """The section's id, fixed by its class (not an argument)."""
    return field(default=name, init=False)


def _title(name: str):
    return field(default=SECTION_TITLES[name], init=False)


# ---------------------------------------------------------------------- pieces shared by several sections

@dataclass(frozen=True)
class Marked:
    """A text with the spans to highlight."""
    text: str
    marks: Marks


@dataclass(frozen=True)
class FactEntry:
    """One fact as the brief quotes it (shortened around its marks when the template says so)."""
    id: str
    sentence: int | None  # None: the fact id was not found
    role: str | None
    text: str
    marks: Marks


@dataclass(frozen=True)
class EvidenceEntry:
    """An evidence sentence of an outlet profile, its trigger words marked."""
    sentence: int
    quoted: bool
    text: str
    marks: Marks


# ---------------------------------------------------------------------- cover: the article cards

@dataclass(frozen=True)
class ArticleCard:
    label: str  # A, B, ...
    outlet: str
    outlet_rule: str
    headline: str
    date: str | None
    authors: tuple[str, ...]
    words: int  # headline and body (= OutletProfile.words)
    sentences: int  # = OutletProfile.sentences
    counted: str  # what the counts cover
    paragraphs: int  # body paragraphs
    facts: int
    source: str
    url: str | None
    sha256: str
    colour: str  # the outlet's colour, "#rrggbb"


# ---------------------------------------------------------------------- 1. summary

@dataclass(frozen=True)
class ReasonLine:
    text: str
    weight: float  # > 0 toward the same event
    evidence: tuple[str, ...]  # fact ids


@dataclass(frozen=True)
class PairVerdict:
    pair: str  # "A–B"
    a: str
    b: str
    verdict: str
    verdict_text: str
    score: float
    reasons: tuple[ReasonLine, ...]
    shared_actors: tuple[str, ...]


@dataclass(frozen=True)
class Overlap:
    """One article's facts by what the other articles do with them."""
    shared: int
    partial: int
    conflicting: int
    only: int
    unsure: int  # of "only": possibly covered, the engine is unsure
    total: int


@dataclass(frozen=True)
class DifferenceLine:
    kind: str
    text: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class ConflictRow:
    """One conflicting value of one pair (the summary's key conflicts)."""
    pair: str
    a: str
    b: str
    kind: str
    a_value: str
    b_value: str
    detail: str
    score: float


@dataclass(frozen=True)
class SummarySection:
    id: str = _section("summary")
    title: str = _title("summary")
    pairs: tuple[PairVerdict, ...]
    overlap: dict[str, Overlap]  # label -> counts
    differences: tuple[DifferenceLine, ...]
    conflicts: tuple[ConflictRow, ...]


# ---------------------------------------------------------------------- 2. shared facts

@dataclass(frozen=True)
class NameVariant:
    """How two articles name the same actor."""
    pair: str
    actor: str
    a_form: str
    b_form: str
    note: str


@dataclass(frozen=True)
class MatrixFact:
    """Three or more articles: a fact and each article's wording of it (None: not carried)."""
    text: str
    cells: tuple[str | None, ...]


@dataclass(frozen=True)
class SharedMatrixSection:
    id: str = _section("shared")
    title: str = _title("shared")
    mode: str = field(default="matrix", init=False)
    columns: tuple[str, ...]
    rows: tuple[MatrixFact, ...]
    more: int  # rows left out under tables.max_rows
    variants: tuple[NameVariant, ...]


@dataclass(frozen=True)
class SharedLink:
    kind: str  # shared | partial
    score: float
    reason: str
    a: tuple[FactEntry, ...]
    b: tuple[FactEntry, ...]


@dataclass(frozen=True)
class SharedPair:
    pair: str
    a: str
    b: str
    rows: tuple[SharedLink, ...]
    more: int


@dataclass(frozen=True)
class SharedPairsSection:
    id: str = _section("shared")
    title: str = _title("shared")
    mode: str = field(default="pairs", init=False)
    pairs: tuple[SharedPair, ...]
    variants: tuple[NameVariant, ...]


# ---------------------------------------------------------------------- 3. omissions

@dataclass(frozen=True)
class OmittedFacts:
    """One article's facts that no other article carries."""
    label: str
    outlet: str
    facts: tuple[FactEntry, ...]
    more: int
    total: int
    unsure: int  # facts possibly covered elsewhere: counted, not listed


@dataclass(frozen=True)
class OmissionsSection:
    id: str = _section("omissions")
    title: str = _title("omissions")
    articles: tuple[OmittedFacts, ...]


# ---------------------------------------------------------------------- 4. conflicts

@dataclass(frozen=True)
class ConflictValue:
    kind: str
    a: str
    b: str
    detail: str


@dataclass(frozen=True)
class ConflictItem:
    pair: str
    a: str
    b: str
    score: float
    reason: str
    values: tuple[ConflictValue, ...]
    a_facts: tuple[FactEntry, ...]
    b_facts: tuple[FactEntry, ...]


@dataclass(frozen=True)
class ConflictsSection:
    id: str = _section("conflicts")
    title: str = _title("conflicts")
    items: tuple[ConflictItem, ...]
    more: int


# ---------------------------------------------------------------------- 5. sources

@dataclass(frozen=True)
class Speaker:
    """A source found in the facts' quotes and attributions."""
    name: str
    anonymous: bool
    kind: str
    quotes: int
    attributions: int
    examples: tuple[str, ...]


@dataclass(frozen=True)
class QuotedSpeaker:
    speaker: str
    quotes: int
    words: int
    share: float | None
    anonymous: bool


@dataclass(frozen=True)
class SourcingFigures:
    """The outlet profile's sourcing figures."""
    quotes: int | None
    quoted_word_share: float | None
    attributed_share: float | None
    named: int | None
    anonymous: int | None
    outlets_cited: tuple[str, ...]
    speakers: tuple[QuotedSpeaker, ...]
    anonymous_evidence: tuple[EvidenceEntry, ...]
    note: str


@dataclass(frozen=True)
class ArticleSources:
    label: str
    outlet: str
    speakers: tuple[Speaker, ...]
    named: int  # distinct named sources
    anonymous: int
    profile: SourcingFigures | None


@dataclass(frozen=True)
class SourcesSection:
    id: str = _section("sources")
    title: str = _title("sources")
    articles: tuple[ArticleSources, ...]


# ---------------------------------------------------------------------- 6. tone and framing

@dataclass(frozen=True)
class TargetScore:
    actor: str
    score: float | None
    label: str
    sentences: int
    quoted_score: float | None


@dataclass(frozen=True)
class Sentiment:
    mean: float | None
    quoted_mean: float | None
    sentences: int
    distribution: dict[str, float | None]
    by_section: dict[str, float | None]
    negative: tuple[EvidenceEntry, ...]
    positive: tuple[EvidenceEntry, ...]
    targets: tuple[TargetScore, ...]
    note: str


@dataclass(frozen=True)
class FrameEntry:
    frame: str
    share: float | None
    cues: tuple[str, ...]
    evidence: tuple[EvidenceEntry, ...]


@dataclass(frozen=True)
class Framing:
    distribution: dict[str, float | None]  # largest share first
    headline_frame: str | None
    lead_frame: str | None
    frames: tuple[FrameEntry, ...]
    note: str


@dataclass(frozen=True)
class LoadedWord:
    word: str
    category: str
    count: int
    quoted: int


@dataclass(frozen=True)
class LoadedSentence:
    """A sentence with all its loaded words marked."""
    sentence: int
    text: str
    marks: Marks


@dataclass(frozen=True)
class ActorLabelList:
    actor: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Wording:
    rates: dict[str, float | None]
    loaded: tuple[LoadedWord, ...]
    loaded_sentences: tuple[LoadedSentence, ...]
    biased_share: float | None
    biased: tuple[EvidenceEntry, ...]
    labels: tuple[ActorLabelList, ...]
    note: str


@dataclass(frozen=True)
class Readability:
    """The measures of READABILITY_ROWS, rounded to their digits."""
    words_per_sentence: float | None
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    smog: float | None
    dale_chall: float | None
    lexical_density: float | None
    note: str

    def measures(self) -> tuple[tuple[str, float | None, int], ...]:
        """(name, value, digits) in READABILITY_ROWS order."""
        return tuple((name, getattr(self, key), digits) for key, name, digits in READABILITY_ROWS)


@dataclass(frozen=True)
class ArticleTone:
    label: str
    outlet: str
    notes: tuple[str, ...]
    sentiment: Sentiment | None  # None: no outlet profile, or not measured
    framing: Framing | None
    wording: Wording | None
    readability: Readability | None


@dataclass(frozen=True)
class ToneActors:
    """Sentiment toward the actors most outlets talk about: scores[actor][article], None where not scored."""
    actors: tuple[str, ...]
    scores: tuple[tuple[float | None, ...], ...]


@dataclass(frozen=True)
class ToneFrames:
    """Frame shares per article (None: not measured) over the frames that matter most, the rest as the last."""
    frames: tuple[str, ...]
    shares: tuple[tuple[float, ...] | None, ...]


@dataclass(frozen=True)
class ToneSection:
    id: str = _section("tone")
    title: str = _title("tone")
    articles: tuple[ArticleTone, ...]
    actors: ToneActors
    frames: ToneFrames


# ---------------------------------------------------------------------- 7. method

@dataclass(frozen=True)
class MethodNote:
    score: str
    text: str


@dataclass(frozen=True)
class MethodInput:
    label: str
    outlet: str
    source: str
    sha256: str
    reader: str
    outlet_rule: str


@dataclass(frozen=True)
class MethodSection:
    id: str = _section("method")
    title: str = _title("method")
    tool_version: str | None
    settings: dict[str, str]  # sorted by name
    notes: tuple[MethodNote, ...]
    inputs: tuple[MethodInput, ...]
    schema_version: int
    template: str  # as a reader names it


# ---------------------------------------------------------------------- the whole brief

Section = Union[SummarySection, SharedMatrixSection, SharedPairsSection, OmissionsSection, ConflictsSection,
                SourcesSection, ToneSection, MethodSection]


@dataclass(frozen=True)
class Brief:
    title: str
    subtitle: str
    template: str
    articles: tuple[ArticleCard, ...]
    sections: tuple[Section, ...]  # in the template's order
    rare_characters: str  # beyond Latin Extended: the PDF checks these against its font
