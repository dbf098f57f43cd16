"""Hostile input and faults (issue 16): each numbered failure's minimal reproduction, as a test."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
import test_batch_runner as base

from compare.batch.manifest import load_manifest
from compare.cli import main
from compare.errors import ConfigError, InputError, NewscompareError
from compare.ingest import article_from_bytes
from conftest import SEED_A


def pair_manifest(folder: Path, group: str = "", output: str = "", extra: str = "") -> Path:
    """A manifest with one explicit group of two small articles."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text("Alpha headline\n\nAlpha body text about the harbour.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Beta headline\n\nBeta body text about the harbour.\n", encoding="utf-8")
    path = folder / "news.toml"
    path.write_text(f'[output]\nfolder = "out"\nformats = ["json", "markdown"]\n{output}\n'
                    f'[[group]]\n{group}inputs = ["a.txt", "b.txt"]\n{extra}', encoding="utf-8")
    return path


# 5. a group named index or run would be overwritten by the run's own files
@pytest.mark.parametrize("name", ["index", "run", "Index"])
def test_reserved_group_names_are_refused(tmp_path, name):
    with pytest.raises(ConfigError, match=f"line 6: \\[\\[group\\]\\] #1 key 'name' '{name}' is reserved"):
        load_manifest(pair_manifest(tmp_path, group=f'name = "{name}"\n'))


# 10. corrupt cache rows are a cache miss; a malformed file the documented one-line error
def test_a_corrupt_cache_row_is_recomputed(tmp_path):
    path = pair_manifest(tmp_path, group='name = "pair"\n')
    first = base.run(path, run_id="one")
    db = sqlite3.connect(tmp_path / "out" / "cache.sqlite")
    with db:
        db.execute("UPDATE results SET summary = '{\"outlets\": [\"A\"' ")  # flipped bytes: no longer JSON
    db.close()
    lines = []
    second = base.run(path, run_id="two", log=lines.append)
    assert second.done == ["pair"] and not second.cached and second.exit_code == 0
    assert any("could not be read" in line for line in lines)
    assert (second.folder / "pair.json").read_bytes() == (first.folder / "pair.json").read_bytes()


def test_a_zeroed_cache_file_is_a_one_line_error(tmp_path, capsys):
    path = pair_manifest(tmp_path, group='name = "pair"\n')
    base.run(path, run_id="one")
    cache = tmp_path / "out" / "cache.sqlite"
    data = bytearray(cache.read_bytes())
    data[4096:] = bytes(len(data) - 4096)  # the first page (header, schema) survives, the data pages are zeroed
    cache.write_bytes(bytes(data))
    for extra in cache.parent.glob("cache.sqlite-*"):
        extra.unlink()
    with pytest.raises(ConfigError, match="cache.sqlite: the batch cache .*delete"):
        base.run(path, run_id="two")


# 11. internal errors that must be one-line errors
@pytest.mark.parametrize("data", [
    b'{"title": "T", "text": "Body text about the harbour.", "authors": 5}',
    b'{"title": "T", "text": "Body text about the harbour.", "authors": NaN}',
])
def test_odd_json_authors_are_ignored(data):
    assert article_from_bytes(data, source="x.json").authors == ()


def test_a_5000_digit_integer_is_an_input_error():
    with pytest.raises(InputError, match="invalid JSON"):
        article_from_bytes(b'{"title": "T", "text": "Body.", "n": ' + b"1" * 5000 + b"}", source="x.json")


@pytest.mark.parametrize("argv, message", [
    (["inspect", str(SEED_A), "--timeout", "-1"], "expected a number above 0"),
    (["inspect", str(SEED_A), "--timeout", "nan"], "expected a number above 0"),
    (["inspect", str(SEED_A), "--max-size", "inf"], "expected a number above 0"),
    (["inspect", str(SEED_A), "--max-size", "-1"], "expected a number above 0"),
])
def test_bad_numbers_are_usage_errors(capsys, argv, message):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2 and message in capsys.readouterr().err


@pytest.mark.parametrize("output, extra, message", [
    ("", '[[folder]]\npath = "."\npattern = "/etc/*"\n', "key 'pattern' '/etc/\\*' must match file names"),
    ("", '[compare]\nprofiles = "no"\n', "key 'profiles' must be true or false"),
])
def test_manifest_values_are_checked(tmp_path, output, extra, message):
    names = {"profiles": True}
    with pytest.raises(ConfigError, match=message):
        load_manifest(pair_manifest(tmp_path, output=output, extra=extra), option_names=names)


def test_a_manifest_with_a_byte_order_mark_is_read(tmp_path):
    path = pair_manifest(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(load_manifest(path).groups) == 1


@pytest.mark.parametrize("setup, message", [
    (lambda d: (d / "cache.sqlite").mkdir(parents=True), "the batch cache is a folder"),
    (lambda d: d.write_text("a file"), "cannot use this output folder"),
])
def test_cache_or_output_folder_of_the_wrong_kind(tmp_path, setup, message):
    path = pair_manifest(tmp_path)
    setup(tmp_path / "out")
    with pytest.raises(NewscompareError, match=message):
        base.run(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_a_one_line_error(tmp_path):
    path = pair_manifest(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out").chmod(0o500)
    with pytest.raises(NewscompareError, match="cannot use this output folder"):
        base.run(path)


def test_cron_date_that_never_comes_is_refused():
    from compare.batch.schedule import check_cron

    with pytest.raises(ConfigError, match="never"):
        check_cron("0 7 31 2 *")


def test_cluster_address_that_is_not_an_address():
    from compare.batch.runner import Workers

    with pytest.raises(NewscompareError, match="notaurl"):
        with Workers(cluster="notaurl"):
            pass


# 12. smaller ones
def test_json_nan_title_and_null_paragraphs_are_not_text():
    article = article_from_bytes(b'{"title": NaN, "paragraphs": [null, "Body text about the harbour."]}', source="x")
    assert "nan" not in article.headline.lower() and "None" not in article.text


def test_an_input_in_a_group_and_a_folder_is_reported_once(tmp_path):
    path = pair_manifest(tmp_path, extra='\n[[group]]\nname = "g2"\ninputs = ["a.txt", "feed/missing.json"]\n'
                                          '\n[[folder]]\npath = "feed"\n')
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "missing.json").symlink_to(tmp_path / "nowhere.json")  # dangling: reported, not skipped
    summary = base.run(path)
    assert [Path(f.source).name for f in summary.input_failures] == ["missing.json"]


# 8. --cluster at something that is not a Dask scheduler
def test_a_cluster_address_where_something_else_listens_gives_up():
    import socket
    import threading

    from compare.batch.runner import connect_cluster

    pytest.importorskip("dask.distributed")
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    accepted = []
    threading.Thread(target=lambda: accepted.append(server.accept()), daemon=True).start()  # accepts, never answers
    with pytest.raises(NewscompareError, match="no Dask scheduler answered within 1 s"):
        connect_cluster(f"tcp://127.0.0.1:{server.getsockname()[1]}", seconds=1)
    server.close()


# 9. templates inside the documented ranges that left no room, and logos too big to decode
def _template(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, message", [
    ("[page]\nmargins_mm = [10, 80, 10, 80]\n", "key page.margins_mm leaves a text area of 50 × 277 mm"),
    ('[page]\norientation = "landscape"\nmargins_mm = [80, 10, 80, 10]\n', "key page.margins_mm leaves"),
])
def test_margins_that_leave_no_room_are_refused(tmp_path, text, message):
    from compare.render.templates import load_template

    with pytest.raises(ConfigError, match=message):
        load_template(str(_template(tmp_path, text)))


@pytest.mark.parametrize("size, message", [((1, 2000), "key title.logo is 1 × 2000 px"),
                                           ((5000, 4000), "at most 16,000,000 pixels")])
def test_logos_that_cannot_fit_are_refused_before_decoding(tmp_path, size, message):
    from PIL import Image

    from compare.render.templates import load_template

    Image.new("1", size).save(tmp_path / "logo.png")
    with pytest.raises(ConfigError, match=message):
        load_template(str(_template(tmp_path, '[title]\nlogo = "logo.png"\n')))


def test_control_characters_never_reach_the_title(tmp_path):
    from compare.render.templates import load_template

    template = load_template(str(_template(tmp_path, '[title]\ntext = "Brief\\u0007 \\u001b[31mred\\u202e"\n')))
    assert template.title == "Brief [31mred"


# 7. pathological shapes: the caps that keep every stage linear
def test_an_overlong_word_has_no_word_pieces():
    from compare.nlp.embeddings import MAX_WORD_CHARS, load_piece_table, wordpiece_ids

    index = load_piece_table("profile/wordpiece_vectors").index
    assert wordpiece_ids("A" + "b" * MAX_WORD_CHARS, index) == []
    assert wordpiece_ids("Ab" + "c" * 40, index)  # a long word within the cap still gets its pieces


def test_no_sentence_is_longer_than_the_cap():
    from compare.nlp.sentences import MAX_SENTENCE_CHARS, split_sentences

    text = "12.5 3,400 7% " * 2000
    spans = split_sentences(text)
    assert len(spans) > 1 and max(e - s for s, e in spans) <= MAX_SENTENCE_CHARS
    abbreviations = "Mr. A. B. said 1.5 etc. " * 500
    assert max(e - s for s, e in split_sentences(abbreviations)) <= MAX_SENTENCE_CHARS


def test_an_overlong_paragraph_is_split_by_the_plain_rule():
    from compare.nlp.sentences import MAX_PARAGRAPH_CHARS, MAX_SENTENCE_CHARS, split_sentences

    unit = "Mr. A. B. Smith said it rained. The U.S. Army left. "
    text = unit * (MAX_PARAGRAPH_CHARS // len(unit) + 1)
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans[:3]] == ["Mr. A. B. Smith said it rained.", "The U.S. Army left.",
                                                 "Mr. A. B. Smith said it rained."]
    assert len(spans) == 2 * text.count("rained") and max(e - s for s, e in spans) <= MAX_SENTENCE_CHARS
    dots = split_sentences("." * (MAX_PARAGRAPH_CHARS + 1))  # no space, so no sentence end: cut at the cap
    assert len(dots) == (MAX_PARAGRAPH_CHARS + 1) // MAX_SENTENCE_CHARS + 1


@pytest.mark.parametrize("text", ["On May 4 it rained.", "He asked: why?!", "It ended.”)", "No end", "“Go.” ",
                                  "Two lines\nno stop", "So…"])
def test_a_paragraph_that_can_only_be_one_sentence_skips_nupunkt_with_its_answer(text):
    import nupunkt

    from compare.nlp.sentences import _ONE_SENTENCE, split_sentences

    assert _ONE_SENTENCE.fullmatch(text)
    assert nupunkt.sent_spans(text) == [(0, len(text))]
    assert split_sentences(text) == [(0, len(text.rstrip()))] or "\n" in text


def test_a_long_title_case_run_finds_known_names():
    from compare.nlp.actors import find_actors

    text = "John Smith spoke.\n" + "John Smith Mary Jones Peter Brown Anna Lee " * 300
    actors, _ = find_actors(text, [(0, 17), (18, len(text))])
    assert "John Smith" in {a.name for a in actors}


def test_time_anchors_of_a_long_line_do_not_overlap():
    from compare.nlp.times import find_times

    anchors = find_times("On March 3, 2024 at 5 p.m. the 12 ships sailed and " * 300)
    assert len(anchors) >= 300
    assert all(a.end <= b.start for a, b in zip(anchors, anchors[1:]))


def test_the_terminal_wrapper_cuts_a_long_unbroken_run():
    from compare.render.text import Painter, cells

    lines = Painter(color=False).wrap([("." * 5000, None)], 80)
    assert len(lines) == 63 and all(sum(len(t) for t, _ in line) <= 80 for line in lines)
    # runs of styles and wide characters are cut by terminal columns, each line full, the styles kept
    lines = Painter(color=True).wrap([("ab" * 22, "a"), ("漢字" * 30 + " end", "b")], 20)
    assert [sum(cells(t) for t, _ in line) for line in lines] == [20] * 8 + [8]
    assert lines[2] == [("abab", "a"), ("漢字漢字漢字漢字", "b")] and lines[-1] == [("漢字 end", "b")]


def test_a_zero_width_space_does_not_split_a_number():
    article = article_from_bytes("Budget\n\nThe fund is $4.\u200b2 billion this year.\n".encode(), source="x.txt")
    assert [s.text for s in article.sentences][1:] == ["The fund is $4.2 billion this year."]
