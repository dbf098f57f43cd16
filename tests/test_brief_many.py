"""Briefs of many articles: any number renders (issue 16 item 6), and with more than a few, tables of
articles side by side are turned so that no word is broken across lines."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from compare.comparison import compare_articles
from compare.ingest import article_from_text
from compare.render.pdf import WIDE, write_brief

pypdf = pytest.importorskip("pypdf")
WHEN = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.timezone.utc)
OUTLETS = ["The Daily Ledger", "Evening Courier", "Harbour Times", "Northern Gazette", "Valley Chronicle",
           "Morning Herald"]


def article(k: int):
    text = (f"Council approves ${k + 2} million for the Elm Street bridge\n\n"
            f"The Millbrook city council voted {5 + k % 3}–2 on Tuesday to approve ${k + 2} million for repairs "
            "to the Elm Street bridge, officials said.\n\n"
            f"Mayor Ana Ruiz said the work would start in {['May', 'June', 'July'][k % 3]} and take a year.\n\n"
            "Commuters will use a temporary crossing while the bridge is closed, according to a city spokesperson.")
    return article_from_text(text, source=f"a{k}.txt", outlet=f"{OUTLETS[k % len(OUTLETS)]} {k // len(OUTLETS) or ''}"
                             .strip(), date=f"2026-03-{10 + k % 5:02d}")


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    comparison = compare_articles([article(k) for k in range(30)], profiles=True)
    return write_brief(comparison, tmp_path_factory.mktemp("brief") / "thirty.pdf", generated=WHEN)


def test_a_brief_of_thirty_articles_renders(many):
    reader = pypdf.PdfReader(str(many))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Same event?" in text and "Shared facts" in text
    assert "articles A–AD (30): see page 1" in text  # the running header names the range, not 30 outlets


def test_no_word_is_broken_across_lines_with_many_articles(many):
    reader = pypdf.PdfReader(str(many))
    words = set()
    for page in reader.pages:
        for line in page.extract_text().splitlines():
            words.update(re.findall(r"[A-Za-z]{2,}", line))
    for fragment in ("Cou", "ncil", "Mil", "lbrook", "commut", "brid"):
        assert fragment not in words, fragment
    assert {"Council", "Millbrook", "bridge"} <= words


def test_wide_is_a_small_number():
    assert 3 <= WIDE <= 5
