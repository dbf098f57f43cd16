"""The batch runner with stand-in engine functions: outputs, cache, failures, parallel runs, lock, kill -9."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from compare.batch.manifest import load_manifest
from compare.batch.runner import Engine, run_batch
from compare.batch.storage import TMP_PATTERN, BusyError, OutputLock
from compare.model import SAME_EVENT, Comparison, Difference, PairComparison, Verdict

STORIES = Path(__file__).parent / "data" / "batch" / "grouping" / "stories.json"


# --------------------------------------------------------------------------- stand-ins (module level: picklable)

def fake_compare(articles, *, profiles=True):
    """A tiny Comparison: one verdict per pair, one difference naming the outlets; fails on 'EXPLODE'."""
    for a in articles:
        if "EXPLODE" in a.text:
            raise ValueError(f"cannot compare {a.source}")
    if os.environ.get("NEWSCOMPARE_TEST_SLOW"):
        time.sleep(float(os.environ["NEWSCOMPARE_TEST_SLOW"]))
    pairs = tuple(PairComparison(i, j, (), Verdict(SAME_EVENT, 0.9)) for i in range(len(articles))
                  for j in range(i + 1, len(articles)))
    diff = Difference("omission", " vs ".join(a.outlet for a in articles) + (" (profiles)" if profiles else ""), 1.0)
    return Comparison(tuple(articles), ((),) * len(articles), ((),) * len(articles), pairs, differences=(diff,))


def fake_json(comparison):
    return json.dumps({"headlines": [a.headline for a in comparison.articles],
                       "differences": [d.text for d in comparison.differences]})


def fake_markdown(comparison):
    return "# " + " / ".join(a.headline for a in comparison.articles) + "\n"


def fake_pdf(comparison, *, template="default"):
    return b"%PDF-1.4 fake " + template.encode() + b" " + str(len(comparison.articles)).encode()


ENGINE = Engine(fake_compare, {"json": fake_json, "markdown": fake_markdown, "pdf": fake_pdf}, None, "test-1")
CHECKED: list[tuple[str, str]] = []


def fake_same_event(a, b):
    """Same event when the headlines share a capitalised word of five letters or more."""
    CHECKED.append((a.source, b.source))
    names = {w for w in a.headline.split() if w[:1].isupper() and len(w) >= 5}
    return Verdict(SAME_EVENT if names & set(b.headline.split()) else "different events", 0.5)


def write_corpus(folder: Path) -> None:
    """The grouping case's articles as JSON files in one mixed folder."""
    feeds = folder / "feeds"
    feeds.mkdir(parents=True, exist_ok=True)
    for a in json.loads(STORIES.read_text(encoding="utf-8"))["articles"]:
        headline, _, body = a["text"].partition("\n\n")
        (feeds / f"{a['id']}.json").write_text(json.dumps(
            {"title": headline, "text": body, "outlet": a["outlet"], "date": a["date"]}), encoding="utf-8")


def write_manifest(folder: Path, extra: str = "", formats='["json", "markdown", "pdf"]') -> Path:
    write_corpus(folder)
    (folder / "a.txt").write_text("Alpha headline\n\nAlpha body text about the harbour.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Beta headline\n\nBeta body text about the harbour.\n", encoding="utf-8")
    path = folder / "news.toml"
    path.write_text(f"""
[output]
folder = "out"
formats = {formats}

[[group]]
name = "pair"
inputs = [{{ source = "a.txt", outlet = "Alpha" }}, {{ source = "b.txt", outlet = "Beta" }}]

[[folder]]
path = "feeds"
{extra}
""", encoding="utf-8")
    return path


def run(path: Path, **kw):
    return run_batch(load_manifest(path), engine=kw.pop("engine", ENGINE), **kw)


# --------------------------------------------------------------------------- tests

def test_run_writes_briefs_json_markdown_and_index(tmp_path):
    summary = run(write_manifest(tmp_path))
    assert summary.exit_code == 0 and not summary.failed
    folder = summary.folder
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    names = [g["name"] for g in index["groups"]]
    assert names[0] == "pair" and len(names) == 5  # the explicit pair and the four stories
    for group in index["groups"]:
        assert group["status"] == "done" and group["verdict"] == SAME_EVENT and group["differences"]
        for name in group["files"].values():
            assert (folder / name).is_file()
        assert (folder / group["files"]["pdf"]).read_bytes().startswith(b"%PDF")
    assert [b["headline"] for b in index["blindspots"]] == ["Harbour lantern festival returns to Skarvik"]
    assert "Harbour lantern festival" in (folder / "index.md").read_text(encoding="utf-8")
    assert "<table>" in (folder / "index.html").read_text(encoding="utf-8")
    assert json.loads((folder / "run.json").read_text())["status"] == "done"


def test_rerun_uses_cache_changed_article_is_redone_force_redoes_all(tmp_path):
    path = write_manifest(tmp_path)
    first = run(path, run_id="one")
    assert len(first.done) == 5 and not first.cached
    second = run(path, run_id="two")
    assert not second.done and len(second.cached) == 5
    assert (second.folder / "pair.json").read_bytes() == (first.folder / "pair.json").read_bytes()
    (tmp_path / "b.txt").write_text("Beta headline\n\nBeta body text, corrected.\n", encoding="utf-8")
    third = run(path, run_id="three")
    assert third.done == ["pair"] and len(third.cached) == 4
    fourth = run(path, run_id="four", force=True)
    assert len(fourth.done) == 5 and not fourth.cached


def test_failing_inputs_and_groups_are_recorded_and_the_rest_finish(tmp_path):
    path = write_manifest(tmp_path)
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "boom.txt").write_text("Boom\n\nThis one says EXPLODE.\n", encoding="utf-8")
    with path.open("a", encoding="utf-8") as f:
        f.write('\n[[group]]\nname = "half"\ninputs = ["a.txt", "b.txt", "missing.txt", "empty.txt", '
                '"http://127.0.0.1:9/dead-link.html"]\n'
                '\n[[group]]\nname = "boom"\ninputs = ["a.txt", "boom.txt"]\n'
                '\n[[group]]\nname = "none"\ninputs = ["missing.txt", "empty.txt"]\n')
    summary = run(path)
    assert summary.exit_code == 1
    failed = dict(summary.failed)
    assert "cannot compare" in failed["boom"] and "only 0 of 2" in failed["none"]
    assert "half" in summary.done and "pair" in summary.done
    reasons = {Path(f.source).name: f.reason for f in summary.input_failures}
    assert "no such file" in reasons["missing.txt"] and "whitespace" in reasons["empty.txt"]
    assert "refused" in reasons["dead-link.html"]  # a dead URL (nothing listens on port 9)
    index = json.loads((summary.folder / "index.json").read_text())
    statuses = {g["name"]: g["status"] for g in index["groups"]}
    assert statuses["boom"] == statuses["none"] == "failed" and statuses["half"] == "done"
    assert len(index["unreadable_inputs"]) == 3
    assert "2 failed" in summary.lines()[0] and any("unreadable input" in line for line in summary.lines())


def test_processes_give_the_same_files_as_one_process(tmp_path):
    one = run(write_manifest(tmp_path / "a"), jobs=1)
    two = run(write_manifest(tmp_path / "b"), jobs=2)
    assert sorted(one.done) == sorted(two.done)
    for name in one.done:
        assert (one.folder / f"{name}.json").read_bytes() == (two.folder / f"{name}.json").read_bytes()


def test_dask_local_cluster(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        summary = run(write_manifest(tmp_path), cluster=client)
    assert summary.exit_code == 0 and len(summary.done) == 5
    assert (summary.folder / "pair.json").is_file()


def test_window_keeps_recent_articles_only(tmp_path):
    import datetime as dt

    path = write_manifest(tmp_path, extra="")
    path.write_text(path.read_text() + '\n[window]\nsince = 2026-04-01\n', encoding="utf-8")
    summary = run(path, now=lambda: dt.datetime(2026, 4, 15, tzinfo=dt.timezone.utc))
    assert len(summary.done) == 2  # the explicit pair and the April story
    assert any(name.startswith("2026-04-14-halvorsen-and-marquez-sign-fishing-quota-deal-") for name in summary.done)


def test_a_second_run_on_the_same_folder_refuses_clearly(tmp_path):
    path = write_manifest(tmp_path)
    with OutputLock(tmp_path / "out"):
        with pytest.raises(BusyError, match=r"another newscompare run \(pid \d+\).*--wait"):
            run(path)
        started = time.monotonic()
        with pytest.raises(BusyError, match="after waiting"):
            run(path, wait=0.3)
        assert time.monotonic() - started >= 0.3
    assert run(path).exit_code == 0


def test_killed_run_leaves_no_partial_file_and_the_rerun_completes(tmp_path):
    path = write_manifest(tmp_path, formats='["json", "pdf"]')
    script = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import test_batch_runner as t; "
              f"t.run(__import__('pathlib').Path({str(path)!r}))")
    env = {**os.environ, "NEWSCOMPARE_TEST_SLOW": "0.4"}
    proc = subprocess.Popen([sys.executable, "-c", script], env=env)
    out = tmp_path / "out"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*/*.json"))) < 4:  # run.json + 3 groups' JSON
        time.sleep(0.05)
    with pytest.raises(BusyError, match=f"pid {proc.pid}"):  # a second run at the same time refuses
        run(path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    (run_folder,) = [p for p in out.iterdir() if p.is_dir()]
    assert json.loads((run_folder / "run.json").read_text())["status"] == "running"
    assert not (run_folder / "index.json").exists()
    for f in run_folder.glob("*.json"):
        json.loads(f.read_text(encoding="utf-8"))  # every file there is whole
    finished = {p.stem for p in run_folder.glob("*.json")} - {"run"}
    summary = run(path)
    assert summary.folder == run_folder  # the killed run is resumed, not restarted
    assert finished <= set(summary.cached) and len(summary.done) + len(summary.cached) == 5
    assert not list(run_folder.glob(TMP_PATTERN))
    assert json.loads((run_folder / "index.json").read_text())["summary"]["failed"] == 0


def test_engine_checks_decide_the_grey_zone_and_are_cached(tmp_path):
    import dataclasses

    path = write_manifest(tmp_path, extra="\n[grouping]\naccept = 0.99\n")
    engine = dataclasses.replace(ENGINE, same_event=fake_same_event)
    CHECKED.clear()
    first = run(path, engine=engine)
    assert CHECKED and len(first.done) >= 3  # the pair, and stories whose headlines share a name
    CHECKED.clear()
    second = run(path, engine=engine, force=True)
    assert not CHECKED and sorted(second.done) == sorted(first.done)  # verdicts came from the cache


def test_index_pages_never_pass_article_text_as_markup():
    from compare.batch.index import render_index_html, render_index_markdown

    hostile = '<script>alert("x")</script> *not bold* [link](http://evil)'
    data = {"run_id": "r1", "summary": {"done": 1, "cached": 0, "failed": 0, "unreadable_inputs": 0,
                                        "single_outlet_stories": 1},
            "groups": [{"name": "g", "status": "done", "outlets": [hostile], "verdict": "same event",
                        "differences": [{"kind": "omission", "text": hostile}], "files": {"json": "g.json"}}],
            "blindspots": [{"outlet": "X", "headline": hostile, "date": None}], "unreadable_inputs": []}
    page = render_index_html(data)
    assert "<script>" not in page and "&lt;script&gt;" in page
    markdown = render_index_markdown(data)
    assert "<script>" not in markdown and "\\*not bold\\*" in markdown and "\\[link\\]" in markdown


def write_dated_pair(folder: Path, outlet: str, date_b: str) -> Path:
    """A manifest with one explicit group of two JSON articles; the first's outlet is set in the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.json").write_text(json.dumps({"title": "Alpha headline", "text": "Alpha body about the harbour.",
                                               "date": "2026-03-04"}), encoding="utf-8")
    (folder / "b.json").write_text(json.dumps({"title": "Beta headline", "text": "Beta body about the harbour.",
                                               "outlet": "Beta", "date": date_b}), encoding="utf-8")
    path = folder / "news.toml"
    path.write_text(f'[output]\nfolder = "out"\nformats = ["json"]\n\n[[group]]\nname = "pair"\n'
                    f'inputs = [{{ source = "a.json", outlet = "{outlet}" }}, "b.json"]\n', encoding="utf-8")
    return path


def test_changed_outlet_or_date_with_the_same_text_is_compared_again(tmp_path):
    first = run(write_dated_pair(tmp_path, "Reuters", "2026-03-04"), run_id="one")
    assert first.done == ["pair"]
    assert run(write_dated_pair(tmp_path, "Reuters", "2026-03-04"), run_id="two").cached == ["pair"]
    moved = run(write_dated_pair(tmp_path, "Politico", "2026-03-04"), run_id="three")
    assert moved.done == ["pair"] and not moved.cached
    index = json.loads((moved.folder / "index.json").read_text(encoding="utf-8"))
    assert index["groups"][0]["outlets"] == ["Politico", "Beta"]
    assert "Politico vs Beta" in (moved.folder / "pair.json").read_text(encoding="utf-8")
    redated = run(write_dated_pair(tmp_path, "Politico", "2026-03-05"), run_id="four")
    assert redated.done == ["pair"] and not redated.cached
    index = json.loads((redated.folder / "index.json").read_text(encoding="utf-8"))
    assert index["groups"][0]["dates"] == ["2026-03-04", "2026-03-05"]
    assert run(write_dated_pair(tmp_path, "Politico", "2026-03-05"), run_id="five").cached == ["pair"]


def test_article_identity_covers_metadata_not_just_text():
    import dataclasses

    from compare.batch.runner import article_identity
    from compare.ingest import article_from_text

    article = article_from_text("Headline\n\nBody text.", outlet="Reuters", date="2026-03-04")
    same = article_from_text("Headline\n\nBody text.", outlet="Reuters", date="2026-03-04")
    assert article_identity(article) == article_identity(same)
    for change in ({"outlet": "Politico"}, {"date": "2026-03-05"}, {"url": "https://example.org/a"},
                   {"authors": ("A. Writer",)}, {"language": "de"}, {"source": "elsewhere.txt"}):
        assert article_identity(dataclasses.replace(article, **change)) != article_identity(article), change


def test_same_event_verdicts_are_redone_for_an_article_whose_metadata_changed(tmp_path):
    import dataclasses

    path = write_manifest(tmp_path, extra="\n[grouping]\naccept = 0.99\n")
    engine = dataclasses.replace(ENGINE, same_event=fake_same_event)
    CHECKED.clear()
    run(path, engine=engine)
    changed = Path(CHECKED[0][0])
    data = json.loads(changed.read_text(encoding="utf-8"))
    changed.write_text(json.dumps({**data, "authors": ["A. Writer"]}), encoding="utf-8")
    CHECKED.clear()
    run(path, engine=engine, force=True)
    assert CHECKED and all(str(changed) in pair for pair in CHECKED)  # only its pairs, the rest from the cache


def test_in_window_reads_dates_as_parse_date_does(tmp_path):
    import dataclasses
    import datetime as dt

    from compare.batch.manifest import load_manifest
    from compare.batch.runner import in_window
    from compare.ingest import article_from_text
    from compare.nlp.times import parse_date

    manifest = load_manifest(write_manifest(tmp_path))
    manifest = dataclasses.replace(manifest, window=dataclasses.replace(manifest.window, undated="drop"))
    article = article_from_text("Headline\n\nBody text.")
    for value in ("2026-03-04", "2026-03-04T10:00:00Z", "20260304", "2026-3-4", "garbage", "", None):
        dated = dataclasses.replace(article, date=value)
        assert in_window(dated, manifest, dt.date(2026, 3, 10)) == (parse_date(value) is not None), value


def test_the_index_takes_the_comparisons_first_differences_in_its_order():
    from compare.batch.runner import HEADLINE_DIFFERENCES, comparison_summary
    from compare.ingest import article_from_text

    articles = (article_from_text("One\n\nBody one."), article_from_text("Two\n\nBody two."))
    # the engine's order: a second omission's rank is discounted below the conflict, yet the list is the authority
    ordered = (Difference("omission", "first", 0.9), Difference("conflict", "second", 0.5),
               Difference("omission", "third", 0.6), Difference("tone", "fourth", 0.95))
    comparison = Comparison(articles, ((),) * 2, ((),) * 2, (PairComparison(0, 1, (), Verdict(SAME_EVENT, 0.9)),),
                            differences=ordered)
    texts = [d["text"] for d in comparison_summary(comparison)["differences"]]
    assert texts == [d.text for d in ordered[:HEADLINE_DIFFERENCES]]


def test_a_corrupt_cache_file_is_a_config_error_naming_it_and_the_connection_is_closed(tmp_path, monkeypatch):
    import sqlite3

    from compare.batch.cache import ResultCache
    from compare.errors import ConfigError

    opened = []
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        opened.append(real_connect(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(sqlite3, "connect", connect)
    cache = tmp_path / "cache.sqlite"
    cache.write_bytes(os.urandom(64) + b"not a database" * 500)
    with pytest.raises(ConfigError, match=r"cache\.sqlite.*delete the file.*--cache"):
        ResultCache(cache)
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        opened[0].execute("SELECT 1")
    path = write_manifest(tmp_path / "run")
    (tmp_path / "run" / "out").mkdir()
    (tmp_path / "run" / "out" / "cache.sqlite").write_bytes(b"\x00garbage\xff" * 1000)
    with pytest.raises(ConfigError, match="cache.sqlite"):
        run(path)
    (tmp_path / "run" / "out" / "cache.sqlite").unlink()  # what the message says to do
    assert run(path).exit_code == 0  # and the output folder's lock was released


def test_index_html_escapes_every_article_derived_string(tmp_path):
    from compare.batch.index import render_index_html

    hostile = '<script>alert("x")</script> Smith & Sons'
    data = {"run_id": "r1", "summary": {"done": 1, "cached": 0, "failed": 1, "unreadable_inputs": 1,
                                        "single_outlet_stories": 1},
            "groups": [{"name": "g", "status": "done", "outlets": [hostile, "B"], "verdict": hostile,
                        "differences": [{"kind": "omission", "text": hostile}], "files": {"json": hostile}},
                       {"name": "bad", "status": "failed", "reason": hostile, "outlets": [hostile]}],
            "blindspots": [{"outlet": hostile, "headline": hostile, "date": hostile}],
            "unreadable_inputs": [{"source": hostile, "reason": hostile}]}
    page = render_index_html(data)
    assert "<script" not in page and " & " not in page and '"x"' not in page
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Smith &amp; Sons"
    assert page.count(escaped) == 11  # 4 in the done group, 2 in the failed one, 3 blindspot fields, 2 unreadable


def test_a_run_escapes_a_hostile_headline_in_index_html(tmp_path):
    path = write_manifest(tmp_path)
    (tmp_path / "feeds" / "hostile.json").write_text(json.dumps(
        {"title": "<script>alert(1)</script> Tom & Jerry open a bakery", "text": "A bakery opened in town today.",
         "outlet": "Gazette & Co", "date": "2026-03-07"}), encoding="utf-8")
    page = (run(path).folder / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry open a bakery" in page
    assert "Gazette &amp; Co" in page


def test_a_changed_lexicon_or_model_file_changes_the_cache_version(tmp_path):
    import inspect

    from compare.batch import runner
    from compare.paths import RESOURCES

    assert inspect.signature(runner.resources_digest).parameters["root"].default == RESOURCES  # the shipped data
    assert (RESOURCES / "lexicon" / "reporting_verbs.tsv").is_file()

    root = tmp_path / "compare" / "resources"
    (root / "lexicon").mkdir(parents=True)
    words = root / "lexicon" / "words.txt"
    words.write_text("said\n")
    before = runner.resources_digest(root)
    words.write_text("said\nshouted\n")
    assert runner.resources_digest(root) != before
