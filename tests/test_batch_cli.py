"""`newscompare batch` and `newscompare schedule` from the command line, with the real engine."""
from __future__ import annotations

import json
import shutil

import pytest

from compare.cli import main
from conftest import SEED_A, SEED_B


def write(tmp_path, body: str):
    path = tmp_path / "news.toml"
    path.write_text(body, encoding="utf-8")
    return str(path)


def test_bad_manifest_is_one_line_naming_line_and_key_exit_2(tmp_path, capsys):
    path = write(tmp_path, '[output]\nformats = ["json", "docx"]\n\n[[group]]\ninputs = ["a.txt", "b.txt"]\n')
    assert main(["batch", path]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "line 2" in err and "'formats'" in err and "docx" in err


def test_unknown_compare_option_is_named(tmp_path, capsys):
    path = write(tmp_path, '[compare]\nno_such_option = 1\n\n[[group]]\ninputs = ["a.txt", "b.txt"]\n')
    assert main(["batch", path]) == 2
    assert "[compare] key 'no_such_option' is not a known key" in capsys.readouterr().err


@pytest.mark.parametrize("argv, message", [
    (["--cron", "0 25 * * *"], "not a cron expression"),
    (["--cron", "0 7 * * *", "--max-runs", "0"], "--max-runs"),
])
def test_schedule_usage_errors_exit_2(tmp_path, capsys, argv, message):
    path = write(tmp_path, '[[group]]\ninputs = ["a.txt", "b.txt"]\n')
    assert main(["schedule", path, *argv]) == 2
    assert message in capsys.readouterr().err


def test_seeds_batch_then_cached_rerun(tmp_path, capsys):
    shutil.copy(SEED_A, tmp_path / "a.txt")
    shutil.copy(SEED_B, tmp_path / "b.txt")
    path = write(tmp_path, '[output]\nformats = ["json", "markdown"]\n\n'
                           '[[group]]\nname = "rutte"\ninputs = ["a.txt", "b.txt", "missing.txt"]\n')
    assert main(["batch", path, "--quiet"]) == 1  # missing.txt is unreadable; the pair is still compared
    err = capsys.readouterr().err
    assert "1 groups done" in err and "unreadable input" in err and "missing.txt" in err
    (index_path,) = (tmp_path / "out").glob("*/index.json")
    index = json.loads(index_path.read_text(encoding="utf-8"))
    (group,) = index["groups"]
    assert group["status"] == "done" and group["verdict"] and set(group["files"]) == {"json", "markdown"}
    comparison = json.loads((index_path.parent / group["files"]["json"]).read_text(encoding="utf-8"))
    assert len(comparison["articles"]) == 2
    path = write(tmp_path, '[output]\nformats = ["json", "markdown"]\n\n'
                           '[[group]]\nname = "rutte"\ninputs = ["a.txt", "b.txt"]\n')
    assert main(["batch", path]) == 0
    assert "0 groups done, 1 skipped (cached)" in capsys.readouterr().err


def test_schedule_one_run_every_second(tmp_path, capsys):
    shutil.copy(SEED_A, tmp_path / "a.txt")
    shutil.copy(SEED_B, tmp_path / "b.txt")
    path = write(tmp_path, '[output]\nformats = ["json"]\n\n[[group]]\ninputs = ["a.txt", "b.txt"]\n')
    assert main(["schedule", path, "--cron", "* * * * * *", "--max-runs", "1", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "run 1 starting" in err and "1 groups done" in err and "stopping (--max-runs)" in err
