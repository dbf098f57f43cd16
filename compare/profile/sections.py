"""The parts of an article a profile measures: sections (headline / lead / body), quoted vs own-voice text."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from compare.model import HEADLINE, Article, Fact, Sentence
from compare.nlp.quotes import signature_span
from compare.profile.textfeatures import quoted_spans

LEAD_SENTENCES = 2  # the lead is the first body paragraphs until they hold this many sentences (at most two paragraphs)


@dataclass(frozen=True)
class SentenceView:
    """One reporting sentence with its section and the character spans (sentence-relative) that are quoted."""
    sentence: Sentence
    section: str  # headline | lead | body
    quotes: tuple[tuple[int, int], ...]

    @cached_property  # read by the tone and the word-choice parts: worked out once per sentence
    def own_text(self) -> str:
        """The sentence with quoted spans and an embedded tweet's signature blanked out: the outlet's own voice."""
        signature = signature_span(self.sentence.text) if "(@" in self.sentence.text else None
        if not self.quotes and not signature:
            return self.sentence.text
        chars = list(self.sentence.text)
        for s, e in (*self.quotes, *((signature,) if signature else ())):
            chars[s:e] = " " * (e - s)
        return "".join(chars)

    @property
    def quoted_text(self) -> str:
        return " … ".join(self.sentence.text[s:e] for s, e in self.quotes)

    def is_quoted(self, start: int, end: int) -> bool:
        """Whether the sentence-relative span lies inside a quotation."""
        return bool(self.quotes) and any(s <= start and end <= e for s, e in self.quotes)


def lead_sentences(article: Article) -> frozenset[int]:
    """Sentence indices of the lead: first body paragraphs until LEAD_SENTENCES sentences, two paragraphs at most."""
    reporting = article.reporting_sentences
    body_paragraphs = []
    for s in reporting:
        if article.role_of(s) != HEADLINE and s.paragraph not in body_paragraphs:
            body_paragraphs.append(s.paragraph)
            if len(body_paragraphs) == 2:  # only the first two count (not a list search per paragraph of a long text)
                break
    lead: list[int] = []
    for p in body_paragraphs[:2]:
        lead.extend(s.index for s in reporting if s.paragraph == p)
        if len(lead) >= LEAD_SENTENCES:
            break
    return frozenset(lead)


def sentence_views(article: Article, facts: tuple[Fact, ...] = ()) -> tuple[SentenceView, ...]:
    """The reporting sentences with section and quoted spans (from the facts' quotes, else from quotation marks)."""
    lead = lead_sentences(article)
    fact_quotes: dict[int, list[tuple[int, int]]] = {}
    for fact in facts:
        for q in fact.quotes:
            fact_quotes.setdefault(fact.sentence, []).append((q.start, q.end))
    views = []
    for s in article.reporting_sentences:
        spans = [(a - s.start, b - s.start) for a, b in fact_quotes.get(s.index, ())]
        spans = [(max(0, a), min(len(s.text), b)) for a, b in spans if b > 0 and a < len(s.text)]
        spans.extend(quoted_spans(s.text))
        section = HEADLINE if article.role_of(s) == HEADLINE else "lead" if s.index in lead else "body"
        views.append(SentenceView(s, section, _merge(spans)))
    return tuple(views)


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)

