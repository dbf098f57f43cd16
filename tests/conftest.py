"""Shared test fixtures and helpers: paths to the repository, the seeds and the test data; one snapshot check."""
from __future__ import annotations

import inspect
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_A = SEEDS / "rutte-white-house-nato-dues.txt"
SEED_B = SEEDS / "foxnews-rutte-ukraine-talks.txt"
DATA = Path(__file__).resolve().parent / "data"
UPDATE_SNAPSHOTS = os.environ.get("NEWSCOMPARE_UPDATE_SNAPSHOTS") == "1"


def check_snapshot(path: Path, actual: str) -> None:
    """Compare output with its snapshot file; NEWSCOMPARE_UPDATE_SNAPSHOTS=1 rewrites the file (review the diff)."""
    if UPDATE_SNAPSHOTS:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path.name} is missing; run with NEWSCOMPARE_UPDATE_SNAPSHOTS=1 to write it"
    assert actual == path.read_text(encoding="utf-8"), f"{path} differs (review, then NEWSCOMPARE_UPDATE_SNAPSHOTS=1)"


def clear_engine_caches() -> int:
    """Empty every lru_cache in compare.* that is keyed on its arguments (texts, articles), so the next call
    computes afresh; the resource loaders (no arguments) keep their cache. Returns how many caches were emptied."""
    cleared = 0
    for name, module in list(sys.modules.items()):
        if not (name == "compare" or name.startswith("compare.")) or module is None:
            continue
        for value in list(vars(module).values()):
            wrapped = getattr(value, "__wrapped__", None)
            if callable(getattr(value, "cache_clear", None)) and wrapped is not None \
                    and getattr(value, "__module__", None) == name and inspect.signature(wrapped).parameters:
                value.cache_clear()
                cleared += 1
    return cleared


@pytest.fixture(scope="session")
def seed_articles():
    from compare.ingest import read_article

    return read_article(str(SEED_A)), read_article(str(SEED_B))


@pytest.fixture
def all_headline_kinds(monkeypatch):
    """Headline lines of every kind of actor (HEADLINE_KINDS_ONLY off): the rules for places and bodies stay tested."""
    from compare.profile import differences

    monkeypatch.setattr(differences, "HEADLINE_KINDS_ONLY", False)


@pytest.fixture
def most_quoted_lines(monkeypatch):
    """Most-quoted lines and clauses on (MOST_QUOTED_LINES off in the product): the rules behind them stay tested."""
    from compare.profile import differences

    monkeypatch.setattr(differences, "MOST_QUOTED_LINES", True)


def placed_lines(heads, actors, articles):
    """The headline ("placement") difference lines of articles whose profiles have these headline actors."""
    from compare.profile.differences import _placement
    from compare.profile.types import FramingProfile, OutletProfile, Placement

    profiles = [OutletProfile(article=i, outlet=f"o{i}",
                              framing=FramingProfile(placement=Placement(headline_actors=tuple(a))))
                for i, a in enumerate(heads)]
    return _placement(profiles, {0: "A", 1: "B"}, actors, articles)
