"""The outlet profile: how one article told the story, each figure with its evidence.

Owned by the profile stage (compare/profile/); compare.model re-exports OutletProfile.
Every figure that can be traced to text carries Evidence (sentence index, sentence text, trigger words).
A figure that would mean nothing on too little text is None, and ``note`` says why.
"""
from __future__ import annotations

from dataclasses import dataclass, field

NOT_ENOUGH_TEXT = "not enough text"


@dataclass(frozen=True)
class Evidence:
    sentence: int  # Sentence.index in the article
    text: str  # the sentence as written
    words: tuple[str, ...] = ()  # the words that triggered the figure
    score: float = 0.0  # the sentence's score for the figure it supports
    section: str = "body"  # headline | lead | body
    quoted: bool = False  # the words are inside a quotation (the speaker's voice, not the outlet's)


# --------------------------------------------------------------------------- sentiment

@dataclass(frozen=True)
class TargetSentiment:
    """Sentiment of what is said about one actor, outlet's own voice apart from quotes."""
    actor: str
    sentences: int  # sentences mentioning the actor
    score: float | None  # mean P(positive) - P(negative) over own-voice sentences, -1..1; None without any
    label: str  # negative | neutral | positive | "not enough text"
    counts: dict[str, float] = field(default_factory=dict)  # own voice: negative / neutral / positive sentences
    quoted_score: float | None = None  # the same inside quotations (what speakers say about the actor)
    quoted_counts: dict[str, float] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class SentimentProfile:
    sentences: int  # reporting sentences scored
    mean: float | None  # mean VADER compound of own-voice text, -1..1
    distribution: dict[str, float] = field(default_factory=dict)  # share of negative / neutral / positive sentences
    by_section: dict[str, float] = field(default_factory=dict)  # headline / lead / body mean compound (own voice)
    quoted_mean: float | None = None  # mean compound of quoted text (the speakers' tone)
    negative: tuple[Evidence, ...] = ()  # clearly negative sentences, most negative first
    positive: tuple[Evidence, ...] = ()  # clearly positive sentences, most positive first
    targets: tuple[TargetSentiment, ...] = ()
    note: str = ""


# --------------------------------------------------------------------------- framing

@dataclass(frozen=True)
class FrameScore:
    frame: str  # one of the 15 Media Frames Corpus dimensions
    share: float  # share of all frame cues in the article, 0..1
    words: int  # words of the sentences whose main frame this is
    cues: tuple[str, ...] = ()  # cue words found, most frequent first
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Placement:
    """What an outlet puts up front, and how much room each actor and frame gets."""
    headline_actors: tuple[str, ...] = ()
    lead_actors: tuple[str, ...] = ()
    headline_facts: tuple[str, ...] = ()  # Fact ids
    lead_facts: tuple[str, ...] = ()
    actor_words: dict[str, float] = field(default_factory=dict)  # words of the sentences mentioning each actor
    actor_first_sentence: dict[str, float] = field(default_factory=dict)  # Sentence.index of each actor's first mention


@dataclass(frozen=True)
class FramingProfile:
    distribution: dict[str, float] = field(default_factory=dict)  # frame -> share of cues
    frames: tuple[FrameScore, ...] = ()  # largest first
    headline_frame: str | None = None
    lead_frame: str | None = None
    placement: Placement = field(default_factory=Placement)
    note: str = ""


# --------------------------------------------------------------------------- word choice

@dataclass(frozen=True)
class WordUse:
    word: str  # as written (lowercased)
    category: str  # loaded | intensifier | sensational | hedge | factive | assertive | implicative | report_verb
    count: int
    quoted: int = 0  # of which inside quotations
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ActorLabels:
    actor: str
    labels: tuple[str, ...]  # descriptions the outlet uses, e.g. ("NATO Secretary General", "the former Dutch Prime Minister")


@dataclass(frozen=True)
class WordingProfile:
    words: int  # reporting words counted
    rates: dict[str, float] = field(default_factory=dict)  # category -> uses per 1,000 own-voice words
    uses: tuple[WordUse, ...] = ()  # most used first
    report_verbs: dict[str, float] = field(default_factory=dict)  # said / claimed / insisted ... -> count
    biased_share: float | None = None  # share of own-voice sentences the bias model flags
    scored: int = 0  # own-voice sentences the bias model scored (the share's denominator)
    biased: tuple[Evidence, ...] = ()  # flagged sentences, highest probability first, with their bias words
    labels: tuple[ActorLabels, ...] = ()
    note: str = ""


# --------------------------------------------------------------------------- sourcing

@dataclass(frozen=True)
class SpeakerShare:
    speaker: str
    quotes: int
    words: int  # quoted words
    share: float  # of all quoted words in the article
    anonymous: bool = False
    evidence: tuple[Evidence, ...] = ()
    checked_words: int = 0  # quoted words whose sentence names this speaker (or a pronoun) at a report cue outside the
    # quotation: "“…,” according to the U.S. Attorney's Office" is not the words of the "Hunters" it mentions


@dataclass(frozen=True)
class SourcingProfile:
    quotes: int
    quoted_word_share: float | None  # quoted words / reporting words
    speakers: tuple[SpeakerShare, ...] = ()  # most quoted words first
    named: int = 0  # attributions to a named person or body
    anonymous: int = 0  # attributions to unnamed sources
    named_sources: int = 0  # distinct named sources (one person attributed in three sentences is one)
    anonymous_sources: int = 0  # distinct unnamed sources ("a senior Democratic staffer" and "the Democratic staffer")
    outlets: tuple[str, ...] = ()  # other outlets and agencies cited
    attributed_share: float | None = None  # share of reporting sentences that carry a quote or attribution
    anonymous_evidence: tuple[Evidence, ...] = ()
    outlet_evidence: tuple[Evidence, ...] = ()
    note: str = ""


# --------------------------------------------------------------------------- readability

@dataclass(frozen=True)
class ReadabilityProfile:
    words: int
    sentences: int
    flesch_reading_ease: float | None = None
    flesch_kincaid_grade: float | None = None
    gunning_fog: float | None = None
    smog: float | None = None
    dale_chall: float | None = None
    words_per_sentence: float | None = None
    lexical_density: float | None = None  # content words / all words
    note: str = ""


# --------------------------------------------------------------------------- the profile

@dataclass(frozen=True)
class OutletProfile:
    article: int  # index of the article in the comparison
    outlet: str
    words: int = 0  # reporting words (headline + body)
    sentences: int = 0  # reporting sentences
    sentiment: SentimentProfile | None = None
    framing: FramingProfile | None = None
    wording: WordingProfile | None = None
    sourcing: SourcingProfile | None = None
    readability: ReadabilityProfile | None = None
    notes: tuple[str, ...] = ()  # e.g. "not enough text: one sentence"
