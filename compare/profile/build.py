"""Build the outlet profile of an article (or of several) from its sentences, facts and actors."""
from __future__ import annotations

import re
from typing import Iterator, Sequence

from compare.model import Actor, Article, Fact
from compare.profile.framing import framing_profile
from compare.profile.readability import readability_profile
from compare.profile.sections import sentence_views
from compare.profile.sentiment import actor_mentions, sentiment_profile, tone_sentences
from compare.profile.sourcing import sourcing_profile
from compare.profile.types import NOT_ENOUGH_TEXT, OutletProfile
from compare.profile.wording import wording_profile


def build_profile(article: Article, index: int, facts: tuple[Fact, ...], actors: tuple[Actor, ...],
                  targets: bool = True) -> OutletProfile:
    """The outlet profile of one article: every figure with its evidence, "not enough text" where a figure would mean
    nothing; ``targets=False`` leaves out what needs the encoder: the sentiment toward each actor and the evidence
    words of flagged sentences (noted in the profile; the text diff shows neither)."""
    return next(_build([(article, index, facts, actors)], targets))


def build_profiles(articles: Sequence[Article], extracted: Sequence[tuple[tuple[Actor, ...], tuple[Fact, ...]]],
                   targets: bool = True) -> Iterator[OutletProfile]:
    """:func:`build_profile` of each article (its index is its place; ``extracted`` holds each one's actors and facts),
    yielded in order. The same profiles, sooner: the sentences read for the tone toward actors, of every article, go
    to the encoder's background thread first (compare.nlp.encoder.prefetch), then the others (the evidence words of a
    flagged sentence read it too), and the parts that need no encoder are built for every article before the first
    tone is asked for."""
    return _build([(a, i, facts, actors) for i, (a, (actors, facts)) in enumerate(zip(articles, extracted))], targets)


def _build(items: list[tuple[Article, int, tuple[Fact, ...], tuple[Actor, ...]]], targets: bool) -> Iterator[OutletProfile]:
    read = []
    for article, _, facts, actors in items:
        views = sentence_views(article, facts)
        mentions = actor_mentions(views, facts, actors)
        read.append((views, mentions))
    if targets:
        from compare.nlp.encoder import prefetch

        by_index = [{v.sentence.index: v.sentence.text for v in views} for views, _ in read]
        tone = [texts[k] for texts, (_, mentions) in zip(by_index, read) for k in tone_sentences(mentions)]
        # then the other sentences: a flagged one is read again for its evidence words
        prefetch(tone + [text for texts in by_index for text in texts.values()])
    try:
        plain = [(framing_profile(views, facts, mentions), sourcing_profile(views, facts, article.outlet, article.text),
                  readability_profile(views, article.language))
                 for (article, _, facts, _), (views, mentions) in zip(items, read)]
        for (article, index, facts, actors), (views, mentions), (framing, sourcing, readability) in zip(items, read, plain):
            yield OutletProfile(
                article=index,
                outlet=article.outlet,
                words=reporting_words(article),
                sentences=len(views),
                sentiment=sentiment_profile(views, mentions if targets else {}),
                framing=framing,
                wording=wording_profile(views, actors, evidence=targets),
                sourcing=sourcing,
                readability=readability,
                notes=_notes(views, facts, actors, targets),
            )
    finally:  # also when the caller stops early (build_profile takes the first)
        if targets:
            prefetch(())  # the states no profile asked for (sentences not flagged) are not kept


def _notes(views, facts: tuple[Fact, ...], actors: tuple[Actor, ...], targets: bool) -> tuple[str, ...]:
    notes = []
    if not views:
        notes.append(f"{NOT_ENOUGH_TEXT}: no headline or body sentences")
    elif len(views) == 1:
        notes.append(f"{NOT_ENOUGH_TEXT}: one sentence")
    if not any(f.quotes for f in facts) and not any(v.quotes for v in views):
        notes.append("no quotations found")
    if not actors and not any(f.mentions for f in facts):
        notes.append("no actors found: no sentiment toward actors")
    elif not targets:
        notes.append("sentiment toward actors and biased-wording evidence words not computed (not shown in this output)")
    return tuple(notes)


_ANY_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]|\d[\d,.]*%?")  # letters of any script (Київ, Micheál)


def reporting_words(article: Article) -> int:
    """Words of the headline and body sentences (the count the profile's rates and the brief's article card use),
    in any script: a Russian article is not three words long."""
    return sum(len(_ANY_WORD.findall(s.text)) for s in article.reporting_sentences)
