"""Real-shaped news pages (written for these tests) read right: headline, date, encoding, authors,
boilerplate, thin bodies, and one outlet name whatever the reader."""
from __future__ import annotations

import json

import pytest

from compare.ingest import article_from_bytes, read_article
from compare.ingest.build import normalise_date
from compare.model import CREDIT
from conftest import DATA

PAGES = DATA / "ingest" / "pages"


def read(name):
    return read_article(str(PAGES / name))


def test_every_page_is_read():
    for page in sorted(PAGES.glob("*.html")):
        article = read_article(str(page))
        assert len(article.headline.split()) >= 3 and len(article.paragraphs) >= 3, page.name


def test_a_cms_token_headline_gives_way_to_og_title():
    assert read("telegraph-escenic.html").headline == "Plumber jailed after boiler killed millionaire's daughter"


def test_the_date_is_date_published_not_date_modified():
    assert read("reuters-dates.html").date == "2020-01-19"


def test_a_declared_windows_1251_page_is_not_mojibake():
    article = read("cp1251-meta.html")
    assert article.encoding == "cp1251"
    assert article.headline == "Киев и Москва обменялись пленными"


def test_a_date_glued_to_an_author_and_the_outlet_as_author_are_dropped():
    assert read("cbs-authors.html").authors == ()
    assert read("cnn-newsletter.html").authors == ("Rob Picheta",)


@pytest.mark.parametrize("page, line", [
    ("reuters-dates.html", "Our Standards: The Thomson Reuters Trust Principles."),
    ("cnn-newsletter.html", "CNN will soon launch Royal News"),
    ("cnn-newsletter.html", "We want to hear what you think about this article"),
])
def test_boilerplate_lines_are_not_facts(page, line):
    article = read(page)
    (paragraph,) = [p for p in article.paragraphs if p.text.startswith(line)]
    assert paragraph.role == CREDIT


def test_a_thin_body_from_a_large_page_is_warned_about(capsys):
    from compare.cli import main

    assert "words of text from a" in read("scmp-script-body.html").warnings[0]
    assert read("bbc-outlet.html").warnings == ()
    assert main(["inspect", str(PAGES / "scmp-script-body.html")]) == 0
    assert "warning:  only" in capsys.readouterr().out


def test_one_outlet_name_whatever_the_reader():
    from_html = read("bbc-outlet.html").outlet
    from_json = article_from_bytes(json.dumps({"title": "New York ramps up mass burials", "text": "Bodies. More.",
                                               "source_domain": "bbc.co.uk"}).encode(), source="x.json").outlet
    from_name = article_from_bytes(json.dumps({"title": "New York ramps up mass burials", "text": "Bodies. More.",
                                               "outlet": "BBC"}).encode(), source="x.json").outlet
    assert from_html == from_json == from_name == "BBC"


@pytest.mark.parametrize("value, expected", [
    ("Mon, 17 Jul 2017 17:03:00 GMT", "2017-07-17"),
    ("17/07/2017", "2017-07-17"),
    ("07/17/2017", "2017-07-17"),
    ("2017-07-17T10:00:00Z", "2017-07-17"),
    ("July 2017", None),
    ("Monday", None),
])
def test_json_dates_in_common_spellings(value, expected):
    assert normalise_date(value) == expected
    article = article_from_bytes(json.dumps({"title": "A headline of words", "text": "One. Two.",
                                             "date": value}).encode(), source="x.json")
    assert article.date == expected


def test_the_same_page_reads_the_same_twice_in_one_process():
    first, second = read("cnn-newsletter.html"), read("cnn-newsletter.html")
    assert first.text == second.text  # trafilatura's cross-document de-duplication once emptied the second
