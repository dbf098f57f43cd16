"""Manifest parsing: every file under tests/data/batch/manifests states what it expects in its first line."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from compare.batch.manifest import load_manifest
from compare.errors import ConfigError

CASES = sorted((Path(__file__).parent / "data" / "batch" / "manifests").glob("*.toml"))
OPTIONS = ("profiles",)


def expectation(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name}: first line must be '# expect: ...'"
    return first.removeprefix("# expect: ")


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_manifest_case(path):
    expected = expectation(path)
    if expected == "ok":
        manifest = load_manifest(path, option_names=OPTIONS)
        assert manifest.groups or manifest.folders
        return
    with pytest.raises(ConfigError) as info:
        load_manifest(path, option_names=OPTIONS)
    message = str(info.value)
    assert str(path) in message
    assert expected in message, message


def test_full_manifest_values():
    path = next(p for p in CASES if p.stem == "valid-full")
    m = load_manifest(path, option_names=OPTIONS)
    base = path.parent
    assert m.output == base / "runs" and m.cache == base / "state" / "cache.sqlite"
    assert m.formats == ("json", "markdown", "pdf") and m.template == "one-page"
    assert (m.window.since, m.window.until) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert m.window.last_days == 2 and m.window.undated == "skip"
    assert m.grouping.window_days == 2 and m.grouping.accept == 0.35 and m.grouping.one_per_outlet is False
    assert m.compare_options == {"profiles": False}
    (group,) = m.groups
    assert group.name == "rutte" and len(group.inputs) == 2
    assert group.inputs[1].outlet == "Fox News" and Path(group.inputs[1].source).is_absolute()
    assert [f.outlet for f in m.folders] == ["Daily Ledger", None]
    assert m.folders[1].pattern == "*.json" and m.folders[1].recursive


def test_defaults_and_urls_kept(tmp_path):
    path = next(p for p in CASES if p.stem == "valid-minimal")
    m = load_manifest(path)
    assert m.output == path.parent / "out" and m.cache == path.parent / "out" / "cache.sqlite"
    assert m.formats == ("pdf", "json") and m.groups[0].name == "group-01"
    assert m.groups[0].inputs[1].source == "https://example.com/story.html"


def test_missing_manifest_file(tmp_path):
    with pytest.raises(ConfigError, match="no such manifest"):
        load_manifest(tmp_path / "absent.toml")
