"""Reporting sentences (or clauses) of an article as Facts: span, role, actors, numbers, times, quotes,
attributions. Captions, credits and subheadings are not facts.

A sentence is split into clauses only where a long sentence (FactSettings.long_sentence_words words or more)
joins two claims at "; " or ", but/while/whereas/although " (outside quotes), each side at least
FactSettings.min_clause_words words. The lead is the first body paragraphs, up to the one that brings
FactSettings.lead_sentences sentences.
"""
from __future__ import annotations

import re
import string
from functools import lru_cache

from compare.model import BODY, HEADLINE, Actor, Article, Fact
from compare.nlp.actors import article_actors
from compare.nlp.quantities import find_quantities
from compare.nlp.quotes import find_attributions, find_quotes
from compare.nlp.spans import SpanIndex
from compare.nlp.times import find_times
from compare.settings import DEFAULT, FactSettings

_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:but|while|whereas|although|though)\s)")


def article_letter(index: int) -> str:
    """'A', 'B', ... 'Z', 'AA', ... for article index 0, 1, ..."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rem] + letters
    return letters


def article_name(index: int, articles) -> str:
    """How a reader is told which article: "B (Fox News)", or "B" when the outlet is unknown."""
    letter = article_letter(index)
    article = articles[index] if 0 <= index < len(articles) else None
    return f"{letter} ({article.outlet})" if article and article.outlet and article.outlet_rule != "unknown" else letter


def short_text(text: str, words: int) -> str:
    """The first ``words`` words of a text, with '…' when it goes on."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


_INNER_OPEN = re.compile(r'(^|(?<=[\s(\[—–-]))["“]')


def quoted_excerpt(text: str, words: int) -> str:
    """short_text in double quotes, the text's own double quotes made single (a quotation inside a quotation), so a fact
    that opens with a quote reads “‘Everything …,’ Schiff said.” and not “"Everything …," Schiff said.”."""
    inner = _INNER_OPEN.sub(r"\1‘", short_text(text, words)).replace("”", "’").replace('"', "’")
    return f"“{inner}”"


def _lead_paragraphs(article: Article, lead_sentences: int) -> set[int]:
    lead: set[int] = set()
    count = 0
    for p in article.paragraphs:
        if p.role != BODY:
            continue
        if count >= lead_sentences:
            break
        lead.add(p.index)
        count += sum(1 for s in article.sentences if s.paragraph == p.index)
    return lead


def clause_spans(text: str, start: int, end: int, quoted: list[tuple[int, int]],
                 settings: FactSettings = DEFAULT.facts) -> list[tuple[int, int]]:
    """Clause spans of the sentence text[start:end] (the whole sentence when it is not split)."""
    sentence = text[start:end]
    if len(sentence.split()) < settings.long_sentence_words:
        return [(start, end)]
    cuts = [start]
    for m in _CLAUSE_BREAK.finditer(sentence):
        at = start + m.start()
        if any(s <= at < e for s, e in quoted):
            continue
        left = text[cuts[-1]:at]
        right = text[start + m.end():end]
        if len(left.split()) >= settings.min_clause_words and len(right.split()) >= settings.min_clause_words:
            cuts.append(start + m.end())
    spans = []
    for k, s in enumerate(cuts):
        e = cuts[k + 1] if k + 1 < len(cuts) else end
        stripped = text[s:e].rstrip(" ;,")
        spans.append((s, s + len(stripped)))
    return spans


@lru_cache(maxsize=256)
def extract_facts(article: Article, index: int,
                  settings: FactSettings = DEFAULT.facts) -> tuple[tuple[Actor, ...], tuple[Fact, ...]]:
    """The article's actors and its facts; fact ids are the article letter + sentence number (+ '.k')."""
    letter = article_letter(index)
    actors, mentions = article_actors(article)
    all_spans = [(s.start, s.end) for s in article.sentences]
    quotes = find_quotes(article.text, all_spans, mentions)
    attributions = find_attributions(article.text, all_spans, mentions, quotes)
    times = article_times(article)
    quoted = [(q.start, q.end) for q in quotes]
    lead = _lead_paragraphs(article, settings.lead_sentences)
    mentions, times, quotes, attributions = map(SpanIndex, (mentions, times, quotes, attributions))
    facts = []
    for sentence in article.reporting_sentences:
        role = HEADLINE if article.role_of(sentence) == HEADLINE else ("lead" if sentence.paragraph in lead else "body")
        spans = clause_spans(article.text, sentence.start, sentence.end, quoted, settings)
        for k, (s, e) in enumerate(spans, start=1):
            fid = f"{letter}{sentence.index}" + (f".{k}" if len(spans) > 1 else "")
            inside = mentions.inside(s, e)
            facts.append(Fact(
                id=fid, article=index, sentence=sentence.index, start=s, end=e, text=article.text[s:e], role=role,
                actors=tuple(dict.fromkeys(m.actor for m in inside)),
                mentions=tuple(inside),
                quantities=find_quantities(article.text, s, e),
                times=tuple(times.inside(s, e)),
                quotes=tuple(quotes.overlapping(s, e)),
                attributions=tuple(attributions.overlapping(s, e)),
            ))
    return actors, tuple(facts)


def article_times(article: Article):
    """Every time anchor of the article, captions included (captions often carry the event's date)."""
    return find_times(article.text, published=article.date)
