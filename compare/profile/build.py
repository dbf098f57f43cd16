"""Build one article's outlet profile from its sentences, facts and actors."""
from __future__ import annotations

import re

from compare.model import Actor, Article, Fact
from compare.profile.framing import framing_profile
from compare.profile.readability import readability_profile
from compare.profile.sections import sentence_views
from compare.profile.sentiment import actor_mentions, sentiment_profile
from compare.profile.sourcing import sourcing_profile
from compare.profile.types import NOT_ENOUGH_TEXT, OutletProfile
from compare.profile.wording import wording_profile


def build_profile(article: Article, index: int, facts: tuple[Fact, ...], actors: tuple[Actor, ...],
                  targets: bool = True) -> OutletProfile:
    """The outlet profile of one article: every figure with its evidence, "not enough text" where a figure would mean
    nothing; ``targets=False`` leaves out what needs the encoder: the sentiment toward each actor and the evidence
    words of flagged sentences (noted in the profile; the text diff shows neither)."""
    views = sentence_views(article, facts)
    mentions = actor_mentions(views, facts, actors)
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
    return OutletProfile(
        article=index,
        outlet=article.outlet,
        words=reporting_words(article),
        sentences=len(views),
        sentiment=sentiment_profile(views, mentions if targets else {}),
        framing=framing_profile(views, facts, mentions),
        wording=wording_profile(views, actors, evidence=targets),
        sourcing=sourcing_profile(views, facts, article.outlet, article.text),
        readability=readability_profile(views, article.language),
        notes=tuple(notes),
    )


_ANY_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]|\d[\d,.]*%?")  # letters of any script (Київ, Micheál)


def reporting_words(article: Article) -> int:
    """Words of the headline and body sentences (the count the profile's rates and the brief's article card use),
    in any script: a Russian article is not three words long."""
    return sum(len(_ANY_WORD.findall(s.text)) for s in article.reporting_sentences)
