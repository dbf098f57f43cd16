"""The command line: inspect, exit codes, one-line errors, --debug, python -m compare."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from compare.cli import main
from conftest import REPO, SEED_A, SEED_B


def test_inspect_text_shows_roles_and_outlet_rule(capsys):
    assert main(["inspect", str(SEED_A)]) == 0
    out = capsys.readouterr().out
    assert "outlet:   rutte-white-house-nato-dues (from the file name; set it with --outlet)" in out
    assert "caption  (ends like a photo caption" in out
    assert "[  0] Trump to meet Rutte at the White House to discuss NATO membership" in out


def test_inspect_json_lists_every_article(capsys):
    assert main(["inspect", "--format", "json", str(SEED_A), str(SEED_B), "--outlet", "A", "--outlet", "B"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["outlet"] for d in data] == ["A", "B"]
    assert data[1]["paragraphs"][-1]["role"] == "credit"


@pytest.mark.parametrize("argv, message", [
    (["inspect", "missing.txt"], "missing.txt: no such file"),
    (["inspect", str(REPO)], "is a directory"),
    (["inspect", str(SEED_A), "--outlet", "a", "--outlet", "b"], "2 --outlet names for 1 articles"),
])
def test_errors_are_one_line_with_exit_2(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_debug_shows_the_traceback_and_keeps_the_exit_code(capsys):
    assert main(["inspect", "missing.txt", "--debug"]) == 2  # an input error, not Python's 1 ("differ")
    lines = capsys.readouterr().err.splitlines()
    # the error's own traceback: Python's header, the frame that raised it, the exception; then the one-line error
    assert lines[0] == "Traceback (most recent call last):"
    assert any(line.strip().startswith("File ") and line.endswith(", in read_article") for line in lines)
    assert lines[-2].startswith("compare.errors.InputError: missing.txt: no such file")
    assert lines[-1].startswith("newscompare: error: missing.txt: no such file")


def test_python_dash_m_and_stdin():
    run = subprocess.run([sys.executable, "-m", "compare", "inspect", "-"], input=SEED_B.read_bytes(),
                         capture_output=True, cwd=REPO, timeout=60)
    assert run.returncode == 0, run.stderr
    assert b"outlet:   Fox News (from a trailer line)" in run.stdout



def test_compare_writes_the_whole_comparison_as_json(tmp_path, capsys):
    from compare.model import Comparison, from_dict

    out = tmp_path / "seeds.json"
    assert main(["compare", str(SEED_A), str(SEED_B), "-o", str(out)]) == 0
    comparison = from_dict(Comparison, json.loads(out.read_text(encoding="utf-8")))
    assert [a.outlet for a in comparison.articles] == ["rutte-white-house-nato-dues", "Fox News"]
    assert comparison.pairs[0].verdict.label != "same event"
    assert len(comparison.profiles) == 2 and comparison.method.notes
    assert main(["compare", str(SEED_A)]) == 2
    assert "at least 2 articles are needed, 1 given" in capsys.readouterr().err


def test_inspect_prints_article_text_as_data(tmp_path, capsys):
    # ingest already drops controls from the text, so the file name (the source and, from it, the outlet) carries
    # the escape sequence and the bidi override to inspect's own printing
    path = tmp_path / "evil\x1b[31mred\x1b[0m\u202eeliv.txt"
    path.write_text("Head \x1b[31mred\x1b[0m line\n\nBody \u202eevil\u202c text here.\n", encoding="utf-8")
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "outlet:   evilredeliv (" in out and "/evilredeliv.txt" in out  # the sequences go, the visible text stays


def test_an_unwritable_output_is_a_one_line_error(capsys):
    assert main(["compare", str(SEED_A), str(SEED_B), "-o", "/proc/no-such-dir/x.json"]) == 2
    err = capsys.readouterr().err
    assert "cannot write the output" in err and "internal error" not in err
