"""What users expect of a command-line tool and a library: help, exit-status text, completion, types."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import compare
from compare.cli import build_parser, main

from conftest import REPO


def help_text(capsys, *argv) -> str:
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


def test_top_help_opens_with_what_the_tool_does(capsys):
    text = help_text(capsys)
    description = text.split("\n\n")[1]
    assert description.startswith("Compare news articles about the same story")
    assert "newscompare diff a.txt b.html" in text


def test_package_docstring_opens_for_users():
    assert compare.__doc__.startswith("newscompare: put news articles about the same story side by side")


@pytest.mark.parametrize("name", ["inspect", "compare", "diff", "brief", "batch", "schedule"])
def test_each_command_has_one_exit_status_text(capsys, name):
    assert help_text(capsys, name).lower().count("exit status") == 1


def test_schedule_wait_default_is_stated_once_and_the_same(capsys):
    text = help_text(capsys, "schedule")
    assert "3600 s" in text and "refuse" not in text
    assert build_parser().parse_args(["schedule", "m.toml", "--cron", "* * * * *"]).wait == 3600.0
    assert build_parser().parse_args(["batch", "m.toml"]).wait == 0.0


def test_diff_usage_says_two_articles(capsys):
    text = help_text(capsys, "diff")
    assert text.startswith("usage: newscompare diff [options] ARTICLE_A ARTICLE_B\n")


@pytest.mark.parametrize("shell, needle", [("bash", "complete"), ("zsh", "#compdef newscompare")])
def test_completion_scripts_name_every_command(shell, needle):
    run = subprocess.run([sys.executable, "-m", "compare", "--print-completion", shell],
                         capture_output=True, text=True, cwd=REPO, timeout=60)
    assert run.returncode == 0, run.stderr
    assert needle in run.stdout
    for command in ("inspect", "diff", "brief", "batch", "schedule", "--side-by-side"):
        assert command in run.stdout


def test_py_typed_is_shipped_and_public_api_visible_to_help():
    assert (Path(compare.__file__).parent / "py.typed").is_file()
    import pydoc

    text = pydoc.render_doc(compare, renderer=pydoc.plaintext)
    for name in compare.__all__:
        assert f"{name}(" in text
    assert set(compare.__all__) <= set(dir(compare))


def test_method_section_names_the_template_not_its_path(tmp_path, monkeypatch):
    from compare.render.brief import template_label
    from compare.render.templates import load_template

    copy = tmp_path / "house.toml"
    copy.write_text((REPO / "templates" / "default.toml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # no ./templates/ here: the packaged default
    assert template_label(load_template("default")) == "default (packaged)"
    assert template_label(load_template(str(copy))) == "house.toml"
