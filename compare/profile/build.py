"""Build one article's outlet profile from its sentences, facts and actors."""
from __future__ import annotations

from compare.model import Actor, Article, Fact
from compare.profile.framing import framing_profile
from compare.profile.readability import readability_profile
from compare.profile.sections import sentence_views
from compare.profile.sentiment import sentiment_profile
from compare.profile.sourcing import sourcing_profile
from compare.profile.textfeatures import tokens
from compare.profile.types import NOT_ENOUGH_TEXT, OutletProfile
from compare.profile.wording import wording_profile


def build_profile(article: Article, index: int, facts: tuple[Fact, ...], actors: tuple[Actor, ...]) -> OutletProfile:
    """The outlet profile of one article: every figure with its evidence, "not enough text" where a figure would mean nothing."""
    views = sentence_views(article, facts)
    words = sum(len(tokens(v.sentence.text)) for v in views)
    notes = []
    if not views:
        notes.append(f"{NOT_ENOUGH_TEXT}: no headline or body sentences")
    elif len(views) == 1:
        notes.append(f"{NOT_ENOUGH_TEXT}: one sentence")
    if not any(f.quotes for f in facts) and not any(v.quotes for v in views):
        notes.append("no quotations found")
    if not actors and not any(f.mentions for f in facts):
        notes.append("no actors found: no sentiment toward actors")
    return OutletProfile(
        article=index,
        outlet=article.outlet,
        words=words,
        sentences=len(views),
        sentiment=sentiment_profile(views, facts, actors),
        framing=framing_profile(views, facts, actors),
        wording=wording_profile(views, actors),
        sourcing=sourcing_profile(views, facts, article.outlet),
        readability=readability_profile(views, article.language),
        notes=tuple(notes),
    )
