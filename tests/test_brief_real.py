"""Briefs of real articles: the two seeds, a BASIL triplet (N=3), and the `newscompare brief` command."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from compare.comparison import compare_articles
from compare.evaldata import eval_dir
from compare.render.content import SECTION_TITLES
from compare.render.templates import PACKAGED_DIR
from conftest import SEED_A, SEED_B

pypdf = pytest.importorskip("pypdf")
SEEDS = [SEED_A, SEED_B]
OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}


def pdf_text(path: Path):
    reader = pypdf.PdfReader(str(path))
    return reader, re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))


@pytest.fixture(scope="module")
def seeds_comparison():
    from compare.ingest import read_article

    return compare_articles([read_article(str(p)) for p in SEEDS])


def test_seeds_brief(seeds_comparison, tmp_path):
    from compare.render.pdf import write_brief

    path = write_brief(seeds_comparison, tmp_path / "seeds.pdf", template=PACKAGED_DIR / "default.toml")
    reader, text = pdf_text(path)
    assert [o.title for o in reader.outline] == list(SECTION_TITLES.values())
    assert 3 <= len(reader.pages) <= 14
    for article in seeds_comparison.articles:
        assert re.sub(r"\s+", " ", article.headline) in text
    assert seeds_comparison.pairs[0].verdict.label in text


def test_seeds_one_page(seeds_comparison, tmp_path):
    from compare.render.pdf import write_brief

    path = write_brief(seeds_comparison, tmp_path / "one.pdf", template=PACKAGED_DIR / "one-page.toml")
    assert len(pypdf.PdfReader(str(path)).pages) == 1


def basil_triplet() -> list[dict]:
    root = eval_dir()
    if root is None or not (root / "basil" / "articles.jsonl").is_file():
        pytest.skip("BASIL data not found (set NEWSCOMPARE_EVAL_DIR)")
    rows = [json.loads(line) for line in (root / "basil" / "articles.jsonl").open(encoding="utf-8")]
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["triplet-uuid"], []).append(row)
    triplet = groups[min(k for k, v in groups.items() if len(v) == 3)]
    return sorted(triplet, key=lambda r: r["source"])


def test_basil_triplet_brief(tmp_path):
    from compare.ingest import article_from_text
    from compare.render.pdf import write_brief

    articles = []
    for row in basil_triplet():
        paragraphs = [" ".join(s.strip() for s in p if s.strip()) for p in row["body-paragraphs"]]
        text = row["title"] + "\n\n" + "\n\n".join(p for p in paragraphs if p)
        articles.append(article_from_text(text, source=f"basil:{row['uuid']}", outlet=OUTLETS[row["source"]],
                                          date=row.get("date")))
    path = write_brief(compare_articles(articles), tmp_path / "basil.pdf", template=PACKAGED_DIR / "default.toml")
    reader, text = pdf_text(path)
    assert [o.title for o in reader.outline] == list(SECTION_TITLES.values())
    for name in OUTLETS.values():
        assert name in text
    assert "A–B" in text and "A–C" in text and "B–C" in text


def test_command_writes_a_brief(tmp_path, monkeypatch, capsys):
    from compare.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["brief", *map(str, SEEDS), "--outlet", "Unknown daily", "--outlet", "Fox News",
                 "--template", "one-page"]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.parent == Path("out") and written.name.startswith("brief-unknown-daily-vs-fox-news-")
    assert len(pypdf.PdfReader(str(tmp_path / written)).pages) == 1
    assert main(["brief", *map(str, SEEDS), "--outlet", "Unknown daily", "--outlet", "Fox News",
                 "--template", "one-page"]) == 0
    assert Path(capsys.readouterr().out.strip()) == written  # same inputs, same name


def test_command_rejects_a_broken_template(tmp_path, capsys):
    from compare.cli import main

    bad = tmp_path / "bad.toml"
    bad.write_text('[page]\nsize = "A5"\n')
    assert main(["brief", *map(str, SEEDS), "--template", str(bad)]) == 2
    assert "page.size" in capsys.readouterr().err


def test_default_path_is_fixed_by_inputs_and_template():
    from compare.commands.brief import default_path
    from test_brief_fixture import build_comparison

    articles = build_comparison(3).articles
    first = default_path(articles, "default")
    assert first == default_path(articles, "default")
    assert first != default_path(articles, "one-page") != default_path(articles[:2], "default")
    assert first.name.startswith("brief-daily-ledger-vs-evening-courier-vs-kyiv-gazette-")


def test_same_inputs_same_content():
    from compare.ingest import read_article
    from compare.render.brief import brief_content

    runs = [brief_content(compare_articles([read_article(str(p)) for p in SEEDS]), PACKAGED_DIR / "default.toml")
            for _ in range(2)]
    assert runs[0] == runs[1]


def test_seed_cards_give_the_profile_counts(seeds_comparison, tmp_path):
    from compare.render.brief import brief_content
    from compare.render.content import READABILITY_ROWS
    from compare.render.pdf import write_brief

    content = brief_content(seeds_comparison, PACKAGED_DIR / "default.toml")
    for card, profile in zip(content.articles, seeds_comparison.profiles):
        assert (card.words, card.sentences) == (profile.words, profile.sentences)
    assert not {"words", "sentences"} & {key for key, _, _ in READABILITY_ROWS}  # one count per article, on its card
    _, text = pdf_text(write_brief(seeds_comparison, tmp_path / "seeds.pdf", template=PACKAGED_DIR / "default.toml"))
    for profile in seeds_comparison.profiles:
        assert f"{profile.words:,} words in {profile.sentences} sentences (headline and body)" in text
