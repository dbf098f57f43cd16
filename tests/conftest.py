"""Shared test fixtures: paths to the seeds and the repository."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_A = SEEDS / "rutte-white-house-nato-dues.txt"
SEED_B = SEEDS / "foxnews-rutte-ukraine-talks.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seed_articles():
    from compare.ingest import read_article

    return read_article(str(SEED_A)), read_article(str(SEED_B))
