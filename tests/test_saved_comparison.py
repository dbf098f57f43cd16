"""A comparison saved as JSON renders the same brief as the articles it was made from, without the engine."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from compare import compare_articles
from compare.errors import InputError
from compare.ingest import read_article
from compare.render.brief import brief_content
from compare.render.jsonout import read_comparison, render_json
from conftest import SEED_A, SEED_B

SEEDS = [str(SEED_A), str(SEED_B)]


def test_saved_comparison_gives_the_same_brief(tmp_path):
    comparison = compare_articles([read_article(s) for s in SEEDS])
    saved = tmp_path / "seeds.json"
    saved.write_text(render_json(comparison), encoding="utf-8")
    again = read_comparison(str(saved))
    assert again == comparison
    assert brief_content(again) == brief_content(comparison)
    # the engine's cross-article actor groups travel with it: the brief matches no names itself
    zelensky = [g.by_article() for g in again.actor_groups if any("Zelensk" in n.name for n in g.names)]
    assert zelensky == [{0: "Vladimir Zelensky", 1: "Volodymyr Zelenskyy"}]


def test_brief_from_a_saved_comparison_on_the_command_line(tmp_path):
    saved, pdf = tmp_path / "seeds.json", tmp_path / "brief.pdf"
    run = lambda *a: subprocess.run([sys.executable, "-m", "compare", *a], capture_output=True, text=True)  # noqa: E731
    assert run("compare", *SEEDS, "-o", str(saved)).returncode == 0
    done = run("brief", "--from", str(saved), "-o", str(pdf))
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    both = run("brief", "--from", str(saved), SEEDS[0])
    assert both.returncode == 2 and "not both" in both.stderr


@pytest.mark.parametrize("content, problem", [("{", "is not JSON"), ('{"articles": []}', "not a saved comparison"),
                                              (json.dumps({"articles": [], "facts": [], "pairs": [],
                                                           "schema_version": 99}), "schema version 99")])
def test_a_bad_saved_comparison_is_a_clear_error(tmp_path, content, problem):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(InputError, match=problem):
        read_comparison(str(path))
