"""Opinion and analysis pieces are recognised where the page says so, and are never the same event as a news report."""
from __future__ import annotations

import pytest

from compare import compare_articles
from compare.ingest import read_article
from compare.ingest.build import article_genre
from compare.ingest.readers import read_html, read_json

NEWS = ("Council approves bridge repairs\n\nThe Millbrook city council voted 7-2 on Tuesday to approve $4.2 million "
        "for repairs to the Elm Street bridge.\n\nThe bridge has been closed to trucks since January.")


@pytest.mark.parametrize("headline, url, section, genre", [
    ("Opinion: The bridge vote was a mistake", None, None, "opinion"),
    ("Why the bridge vote matters", "https://example.com/opinion/2024/bridge-vote", None, "opinion"),
    ("What the bridge vote tells us", "https://example.com/news/analysis/bridge", None, "analysis"),
    ("The bridge vote", None, "Opinion", "opinion"),
    ("Council approves bridge repairs", "https://example.com/local/bridge-vote", "Local", "news"),
    ("Opinionated residents pack the bridge hearing", None, None, "news"),
])
def test_genre_only_where_the_page_says_so(headline, url, section, genre):
    assert article_genre(headline, url, section)[0] == genre


def test_section_metadata_of_a_page_and_a_json_field():
    page = ("<html><head><title>The bridge vote</title><meta property='article:section' content='Opinion'></head>"
            "<body><article><h1>The bridge vote</h1>" + "".join(f"<p>{p}</p>" for p in NEWS.split("\n\n")[1:] * 3)
            + "</article></body></html>")
    assert read_html(page, source="page.html").genre == "opinion"
    assert read_json('{"title": "The bridge vote", "text": "A long text. It goes on.", "section": "Analysis"}',
                     source="a.json").genre == "analysis"


def test_an_opinion_piece_is_never_the_same_event_as_the_report(tmp_path):
    news, opinion = tmp_path / "news.txt", tmp_path / "opinion.txt"
    news.write_text(NEWS)
    opinion.write_text(NEWS.replace("Council approves bridge repairs", "Opinion: Council approves bridge repairs"))
    pair = compare_articles([read_article(str(news)), read_article(str(opinion))], profiles=False).pairs[0]
    assert pair.verdict.label != "same event"
    assert any("opinion piece (headline label 'Opinion')" in r.text and r.weight < 0 for r in pair.verdict.reasons)
