"""The documentation runs: every command has --help with an example, and the README's examples work.

README examples are the `newscompare ...` and `python -m compare ...` lines of its fenced shell blocks
(```sh, ```shell, ```bash, ```console; a leading "$ " prompt is dropped, trailing backslashes join lines).
Each runs through bash in a temporary copy of the repository, with the copy first on PYTHONPATH. Exit status
0 is required; `diff` may also exit 1 ("the articles differ"). Lines that fetch a URL are skipped (tests are
offline).
"""
from __future__ import annotations

import importlib
import os
import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import compare.commands
from compare.cli import main
from conftest import REPO

README = REPO / "README.md"
FENCE = re.compile(r"^```(?:sh|shell|bash|console)\s*\n(.*?)^```", re.M | re.S)
COMMAND = re.compile(r"^(?:[^|]*\|\s*)?(?:newscompare|python3? -m compare)\b")
IGNORE = shutil.ignore_patterns(".git", "__pycache__", ".pytest_cache", ".hypothesis", "*.egg-info", ".venv",
                                "build", "dist")


def readme_examples(text: str) -> list[str]:
    """The command lines of the README's fenced shell blocks."""
    examples = []
    for block in FENCE.findall(text):
        joined = re.sub(r"\s*\\\n\s*", " ", block)
        for line in joined.splitlines():
            line = line.strip()
            line = line[2:] if line.startswith("$ ") else line
            if COMMAND.match(line):
                examples.append(line)
    return examples


def command_names() -> list[str]:
    return [m.name for m in pkgutil.iter_modules(compare.commands.__path__) if not m.name.startswith("_")]


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_with_an_example(name, capsys):
    module = importlib.import_module(f"compare.commands.{name}")
    doc = (module.__doc__ or "").strip()
    assert doc and callable(getattr(module, "add_arguments", None)) and callable(getattr(module, "run", None))
    with pytest.raises(SystemExit) as stop:
        main([name, "--help"])
    out = capsys.readouterr().out
    assert stop.value.code == 0
    assert doc.splitlines()[0] in out
    assert re.search(r"^examples?:\s*\n\s+(newscompare|python -m compare) " + name + r"\b", out, re.M | re.I), \
        f"`newscompare {name} --help` shows no example of the {name} command"


def test_readme_examples_are_found():
    block = "```sh\n$ newscompare diff a.txt \\\n   b.txt\necho hi\n```\n"
    assert readme_examples(block) == ["newscompare diff a.txt b.txt"]
    assert readme_examples("```python\nnewscompare x\n```\n```console\ncat b | newscompare diff a -\n```\n") == [
        "cat b | newscompare diff a -"]


EXAMPLES = readme_examples(README.read_text(encoding="utf-8")) if README.exists() else []


def test_the_readme_has_examples():
    assert EXAMPLES, "README.md has no `newscompare ...` command in a fenced shell block"


@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory):
    target = tmp_path_factory.mktemp("repo") / "newscompare"
    shutil.copytree(REPO, target, ignore=IGNORE, symlinks=True)
    return target


@pytest.mark.parametrize("command", EXAMPLES, ids=[c[:60] for c in EXAMPLES])
def test_readme_example_runs(command, repo_copy):
    if re.search(r"https?://", command):
        pytest.skip("fetches a URL; tests run offline")
    env = dict(os.environ, PYTHONPATH=str(repo_copy), NO_COLOR="1",
               PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    done = subprocess.run(["bash", "-c", "set -o pipefail; " + command], cwd=repo_copy, env=env,
                          capture_output=True, text=True, timeout=300)
    allowed = {0, 1} if re.search(r"\bdiff\b", command) else {0}
    assert done.returncode in allowed, f"{command}\nexit {done.returncode}\n{done.stderr[-2000:]}"
