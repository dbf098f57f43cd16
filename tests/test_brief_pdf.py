"""The PDF brief: sections, metadata, embedded fonts, outline, one-page template, literal article text."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from compare.errors import NewscompareError
from compare.render import output
from compare.render.content import SECTION_TITLES
from compare.render.fonts import bundled_paths, missing_chars, register_family
from compare.render.pdf import render_brief, write_brief
from compare.render.templates import PACKAGED_DIR
from test_brief_fixture import HOSTILE, build_comparison, build_hostile_comparison

pypdf = pytest.importorskip("pypdf")
DEFAULT = PACKAGED_DIR / "default.toml"
ONE_PAGE = PACKAGED_DIR / "one-page.toml"
WHEN = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.timezone.utc)


def pdf_text(path: Path) -> tuple[object, str]:
    reader = pypdf.PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    return write_brief(build_comparison(2), tmp_path_factory.mktemp("brief") / "two.pdf", template=DEFAULT,
                       generated=WHEN)


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    return write_brief(build_comparison(3), tmp_path_factory.mktemp("brief") / "three.pdf", template=DEFAULT,
                       generated=WHEN)


@pytest.mark.parametrize("which", ["two", "three"])
def test_every_section_is_present_and_in_the_outline(which, request):
    reader, text = pdf_text(request.getfixturevalue(which))
    for title in SECTION_TITLES.values():
        assert title in text, title
    assert [item.title for item in reader.outline] == list(SECTION_TITLES.values())
    assert 3 <= len(reader.pages) <= 8


def test_section_contents_are_in_the_text(two):
    _, text = pdf_text(two)
    for expected in (
        "Rutte presses allies on €2 billion fund as Trump hosts talks",  # summary: headline
        "same event",  # verdict
        "The weekday of the meeting differs (Thursday vs Wednesday).",  # a reason
        "The outlets give different sums for the fund",  # first difference
        "The leaders talked about defence spending.",  # shared, B's wording
        "Turkish President Recep Tayyip Erdoğan was not invited.",  # only in A
        "Critics called the plan a reckless gamble with taxpayers’ money.",  # only in B
        "a senior official said, speaking on condition of anonymity",  # conflict sentence / sources
        "anonymous",  # sources
        "Flesch reading ease",  # readability
        "same-event verdict",  # method note
        "0d7ab4e2d2aa2612ff485e23ae1b2bc2b58f2ca534b9cc48bdea214708b7862a"[:40],  # input hash (wraps after)
        "generated 2026-03-14T09:30:00+00:00",
        "page 1 of",
    ):
        assert expected in text, expected


def test_non_latin_characters_survive(two):
    _, text = pdf_text(two)
    for word in ("Micheál", "Erdoğan", "Łukasz", "Київ", "€2 billion", "“Europe must pay its fair share,”"):
        assert word in text, word


def test_metadata_is_set(two):
    meta = pypdf.PdfReader(str(two)).metadata
    assert meta.title.startswith("Comparison brief: Rutte presses allies")
    assert meta.author.startswith("newscompare")
    assert "Daily Ledger" in meta.subject and "Evening Courier" in meta.subject
    assert "Daily Ledger" in meta["/Keywords"]


def test_fonts_are_embedded(two):
    reader = pypdf.PdfReader(str(two))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    assert fonts and all(fonts.values()), fonts


def test_bundled_fonts_cover_latin_extended_and_cyrillic():
    family = register_family()
    for name in (family.regular, family.bold, family.italic):
        assert missing_chars(name) == ""
    assert all(path.is_file() for path in bundled_paths().values())


def test_one_page_template_gives_one_page(tmp_path):
    for n in (2, 3):
        path = write_brief(build_comparison(n), tmp_path / f"one-{n}.pdf", template=ONE_PAGE)
        reader, text = pdf_text(path)
        assert len(reader.pages) == 1
        assert "Comparison summary" in text and "What to notice first" in text
        assert [item.title for item in reader.outline] == ["Summary"]


def test_letter_landscape_and_no_header(tmp_path):
    (tmp_path / "t.toml").write_text('[page]\nsize = "Letter"\norientation = "landscape"\nheader = false\n')
    path = write_brief(build_comparison(), tmp_path / "letter.pdf", template=tmp_path / "t.toml")
    box = pypdf.PdfReader(str(path)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)


def test_article_text_is_never_markup(tmp_path):
    path = write_brief(build_hostile_comparison(), tmp_path / "hostile.pdf", template=DEFAULT)
    reader, text = pdf_text(path)
    for literal in ('<font color="red">size</font>', '<a href="javascript:alert(1)">', "click</a> ]]>",
                    '<img src="x" onerror="alert(1)">', "a < b > c", "]]>", "&amp; entities &#169;",
                    "<b>bold</b>", 'Outlet <b>&</b> "Co"', "Reason with <i>markup</i> & ]]>."):
        assert literal in text, literal
    # The 10,000-character word is broken across lines and pages, never dropped nor run off the page.
    assert HOSTILE.count("W" * 10000) == 1 and "W" * 10001 not in HOSTILE
    runs = [len(run) for page in reader.pages for run in re.findall(r"W{20,}", page.extract_text())]
    assert sum(runs) >= 10000 and max(runs) <= 120, (sum(runs), max(runs))  # 120: more than a line of the page holds
    assert sum(bool(re.search(r"W{20,}", page.extract_text())) for page in reader.pages) >= 2
    assert not any(annot for page in reader.pages for annot in (page.get("/Annots") or []))  # no links made


def test_long_urls_wrap_inside_the_page(tmp_path):
    path = write_brief(build_comparison(), tmp_path / "url.pdf", template=DEFAULT)
    _, text = pdf_text(path)
    assert "nato-fund-rutte-trump-white-house-meeting" in text.replace(" ", "")


def test_write_is_atomic_and_replaces(tmp_path, monkeypatch):
    target = tmp_path / "out" / "brief.pdf"
    write_brief(build_comparison(), target, template=ONE_PAGE)
    first, inode = target.read_bytes(), target.stat().st_ino
    write_brief(build_comparison(3), target, template=ONE_PAGE)
    assert target.read_bytes() != first and target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_ino != inode  # a new file renamed over the old one, not the old one rewritten in place
    assert [p.name for p in target.parent.iterdir()] == ["brief.pdf"]
    # a write that fails half-way (disk full before the rename) leaves the previous brief whole and no temp file
    second = target.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", disk_full)
    with pytest.raises(NewscompareError, match="cannot write"):
        write_brief(build_comparison(), target, template=ONE_PAGE)
    assert target.read_bytes() == second
    assert [p.name for p in target.parent.iterdir()] == ["brief.pdf"]


def test_same_input_same_text_apart_from_generation_time():
    a = render_brief(build_comparison(), template=DEFAULT, generated=WHEN)
    b = render_brief(build_comparison(), template=DEFAULT, generated=WHEN + dt.timedelta(hours=1))
    text = [re.sub(r"generated \S+", "", " ".join(p.extract_text() for p in pypdf.PdfReader(__import__("io").BytesIO(x)).pages))
            for x in (a, b)]
    assert text[0] == text[1]


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler's pdftoppm is not installed")
def test_first_page_renders_to_png(two, tmp_path):
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(two), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png"))
    from PIL import Image

    image = Image.open(png).convert("L")
    assert image.size[0] > 200 and image.getextrema()[0] < 80  # dark ink on the page, not blank


def test_template_logo_and_own_font(tmp_path):
    from PIL import Image

    from compare.render.fonts import BUNDLED_BOLD

    Image.new("RGB", (120, 40), "#1f4e79").save(tmp_path / "logo.png")
    shutil.copy(BUNDLED_BOLD, tmp_path / "Heavy.ttf")
    (tmp_path / "t.toml").write_text('[title]\nlogo = "logo.png"\ntext = "Desk brief"\n[fonts]\nregular = "Heavy.ttf"\n')
    path = write_brief(build_comparison(), tmp_path / "logo.pdf", template=tmp_path / "t.toml")
    page = pypdf.PdfReader(str(path)).pages[0]
    assert any(x.get_object()["/Subtype"] == "/Image" for x in page["/Resources"]["/XObject"].values())
    assert "Desk brief" in page.extract_text()


def test_a_font_that_is_not_truetype_is_a_config_error(tmp_path):
    from compare.errors import ConfigError

    (tmp_path / "fake.ttf").write_bytes(b"not a font")
    (tmp_path / "t.toml").write_text('[fonts]\nbold = "fake.ttf"\n')
    with pytest.raises(ConfigError, match="fake.ttf"):
        render_brief(build_comparison(), template=tmp_path / "t.toml")


def test_an_empty_comparison_renders_with_notes_not_errors(tmp_path):
    from compare.model import Comparison, PairComparison, Verdict
    from test_brief_fixture import COURIER, LEDGER, make_article

    articles = (make_article(LEDGER, "unknown"), make_article(COURIER, ""))
    bare = Comparison(articles, ((), ()), ((), ()), (PairComparison(0, 1, (), Verdict("different events", 0.1)),))
    reader, text = pdf_text(write_brief(bare, tmp_path / "bare.pdf", template=DEFAULT))
    for note in ("The comparison lists no differences.", "These two articles share no facts.",
                 "No conflicting facts were found.", "No quotes or attributed sources were found",
                 "Sentiment was not measured", "Framing was not measured", "Readability was not measured",
                 "The comparison carries no method notes.", "unknown outlet"):
        assert note in text, note
    assert [o.title for o in reader.outline] == list(SECTION_TITLES.values())


def test_escaped_text_loses_controls_bidi_overrides_and_noncharacters():
    from compare.render.pdf import esc

    hostile = "a\u202eb\u2066c\u200fd\x85e\x9bf\x07g\ufffeh\uffff<i>&"
    assert esc(hostile) == "abcdefgh&lt;i&gt;&amp;"


def test_characters_the_font_cannot_show_are_named_on_the_first_page(tmp_path):
    from pypdf import PdfReader

    from compare import compare_articles
    from compare.ingest import article_from_text
    from compare.render.pdf import render_brief

    a = article_from_text("Talks in Beijing\n\nThe minister met officials in 北京 on Monday to discuss trade, officials said.")
    b = article_from_text("Beijing talks\n\nOfficials said the minister met them in Beijing on Monday to discuss trade.")
    first = PdfReader(__import__("io").BytesIO(render_brief(compare_articles([a, b], profiles=False)))).pages[0]
    text = " ".join(first.extract_text().split())
    assert "no glyph in the brief's font" in text and "U+5317" in text  # 北, named by code point (it prints as a box)


def test_long_lists_become_consecutive_tables_with_their_header():
    """A table of thousands of rows costs reportlab quadratic time at page breaks (issue 16, item 7): lists that grow
    with the input are cut into tables of LONG_TABLE_ROWS rows, each with the header; short ones stay one table."""
    import datetime as dt

    from compare.render.brief import brief_content
    from compare.render.pdf.layout import LONG_TABLE_ROWS, Layout
    from compare.render.templates import load_template

    template = load_template("default")
    lay = Layout(brief_content(build_comparison(), template), template, dt.datetime(2026, 1, 1))
    head = [lay.p("Head", "head")]
    rows = [head] + [[lay.p(str(k), "cell")] for k in range(2 * LONG_TABLE_ROWS + 1)]
    tables = lay.tables(rows, [lay.width])
    assert [len(t._cellvalues) for t in tables] == [LONG_TABLE_ROWS + 1, LONG_TABLE_ROWS + 1, 2]
    assert all(t._cellvalues[0] == head for t in tables)
    assert [c[0].text for t in tables for c in t._cellvalues[1:]] == [str(k) for k in range(2 * LONG_TABLE_ROWS + 1)]
    assert len(lay.tables(rows[:LONG_TABLE_ROWS + 1], [lay.width])) == 1
