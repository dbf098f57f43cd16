"""`newscompare diff` end to end with the real engine, on the fixture pairs of tests/data/diff/ and the seeds.

Each case folder with an inputs.json (files relative to the repository root, --outlet names, expected exit
status) has snapshots engine.text.txt and engine.md of the real output. The engine's results may change as
it improves: review the new output, then rewrite the snapshots with NEWSCOMPARE_UPDATE_SNAPSHOTS=1.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from compare.cli import main
from conftest import DATA as TEST_DATA, REPO, check_snapshot

DATA = TEST_DATA / "diff"
CASES = sorted(p.name for p in DATA.iterdir() if (p / "inputs.json").is_file())
SNAPSHOTS = {"engine.text.txt": ["--width", "80"], "engine.md": ["--format", "markdown"]}


def inputs(case: str) -> dict:
    return json.loads((DATA / case / "inputs.json").read_text(encoding="utf-8"))


def argv(case: str) -> list[str]:
    spec = inputs(case)
    return [*spec["files"], *[x for name in spec["outlets"] for x in ("--outlet", name)], "--color", "never"]


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(REPO)  # relative paths in the header, as a user would type them


@pytest.mark.parametrize("snapshot", sorted(SNAPSHOTS))
@pytest.mark.parametrize("case", CASES)
def test_engine_output_matches_snapshot(case, snapshot, capsys, at_root):
    code = main(["diff", *argv(case), *SNAPSHOTS[snapshot]])
    out = capsys.readouterr().out
    path = DATA / case / snapshot
    check_snapshot(path, out)
    assert code == inputs(case)["exit"]


def test_the_seeds_are_not_called_the_same_event(capsys, at_root):
    main(["diff", *argv("seeds"), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["pairs"][0]["verdict"]["label"] != "same event"


@pytest.mark.parametrize("case", CASES)
def test_engine_json_validates_against_the_schema(case, capsys, at_root):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((REPO / "compare/resources/schema/comparison.schema.json").read_text(encoding="utf-8"))
    main(["diff", *argv(case), "--format", "json"])
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.loads(capsys.readouterr().out)))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_a_whole_diff_in_a_pipe_is_plain_and_imports_no_heavy_module():
    code = ("import sys; from compare.cli import main; code = main(['diff', *sys.argv[1:]]); "
            "heavy = sorted(m for m in ('reportlab', 'trafilatura', 'dask', 'distributed') if m in sys.modules); "
            "print('HEAVY', heavy, file=sys.stderr); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code, *inputs("seeds")["files"]], cwd=REPO, capture_output=True,
                          text=True, env={k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")})
    assert done.returncode == 1, done.stderr
    assert "HEAVY []" in done.stderr
    assert "\x1b" not in done.stdout and done.stdout.startswith("--- A  ")
    assert max(len(line) for line in done.stdout.splitlines()) <= 80  # a pipe: COLUMNS unset, 80 columns


def test_python_m_compare_diff_reads_standard_input(at_root):
    files = inputs("bridge-vote")["files"]
    done = subprocess.run([sys.executable, "-m", "compare", "diff", files[0], "-", "--format", "json"],
                          input=(REPO / files[1]).read_bytes(), capture_output=True, cwd=REPO)
    assert done.returncode == 1, done.stderr.decode()
    data = json.loads(done.stdout)
    assert [a["source"] for a in data["articles"]] == [files[0], "-"]
    assert re.match(r"Millbrook bridge", data["articles"][1]["headline"])
