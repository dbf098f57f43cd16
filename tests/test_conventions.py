"""What users expect of a command-line tool and a library: help, exit-status text, completion, types."""
from __future__ import annotations

import re
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


@pytest.mark.parametrize("environ, to_terminal, expected", [
    ({"FORCE_COLOR": "1"}, False, True),
    ({"FORCE_COLOR": "0"}, False, False),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, True, False),
    ({}, True, True),
])
def test_force_color_colours_a_pipe(environ, to_terminal, expected):
    from compare.commands.diff import use_color

    assert use_color("auto", to_terminal, environ) is expected
    assert use_color("never", to_terminal, environ) is False


def test_long_output_goes_through_the_pager_short_output_does_not(tmp_path, monkeypatch):
    import os
    import shutil

    from compare.commands.diff import page

    monkeypatch.setattr(shutil, "get_terminal_size", lambda fallback=None: os.terminal_size((80, 10)))
    got = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open({str(got)!r}, 'wb').write(sys.stdin.buffer.read())\""
    assert page("short\n", {"PAGER": pager}) is False and not got.exists()
    long = "".join(f"line {k}\n" for k in range(40))
    assert page(long, {"PAGER": pager}) is True
    assert got.read_text() == long
    assert page(long, {"PAGER": "cat"}) is False  # paging off, as in git
    assert page(long, {"PAGER": "no-such-pager-here"}) is False  # the caller prints it instead


def test_no_pager_flag(monkeypatch, capsys):
    import compare.commands.diff as diff

    calls = []
    monkeypatch.setattr(diff, "_isatty", lambda stream: True)
    monkeypatch.setattr(diff, "_stdout_is_a_terminal", lambda: True)
    monkeypatch.setattr(diff, "page", lambda text, environ: calls.append(text) or True)
    a, b = (REPO / "tests/data/diff/bridge-vote/a.txt", REPO / "tests/data/diff/bridge-vote/b.txt")
    main(["diff", "--no-profiles", str(a), str(b)])
    assert calls and capsys.readouterr().out == ""
    main(["diff", "--no-profiles", "--no-pager", str(a), str(b)])
    assert len(calls) == 1 and "Millbrook" in capsys.readouterr().out


def test_progress_shows_counts_and_eta_on_a_terminal_and_nothing_in_a_pipe(capsys):
    import io

    from compare.commands._progress import progress_bar
    from compare.comparison import compare_articles
    from compare.ingest import article_from_text

    assert progress_bar(io.StringIO()) is None
    stream = io.StringIO()
    bar = progress_bar(stream, always=True)
    texts = ["Council votes on bridge\n\nThe council voted 7–2 on Tuesday.", "Bridge vote passes\n\nIt passed 7–2."]
    compare_articles([article_from_text(t) for t in texts], progress=bar, profiles=False)
    assert re.search(r"\d/3 \[\d\d:\d\d<", stream.getvalue())  # count, elapsed<remaining
    main(["compare", str(REPO / "seeds/rutte-white-house-nato-dues.txt"),
          str(REPO / "seeds/foxnews-rutte-ukraine-talks.txt")])
    assert capsys.readouterr().err == ""
