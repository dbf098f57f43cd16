"""`newscompare diff` and its renderers, on hand-made comparisons of the fixture pairs in tests/data/diff/.

Each case folder holds a.txt, b.txt, hand.json (a hand-made alignment, so these tests do not depend on the
engine) and the expected renderings hand.*.txt / hand.*.md. Set NEWSCOMPARE_UPDATE_SNAPSHOTS=1 to rewrite them.
"""
from __future__ import annotations

import dataclasses
import io
import json
import re
import subprocess
import sys
import types

import pytest

from compare import model
from compare.cli import main
from compare.ingest import article_from_text
from compare.model import (
    CONFLICTING,
    ONLY_A,
    ONLY_B,
    PARTIAL,
    SHARED,
    Comparison,
    Conflict,
    Difference,
    Fact,
    Link,
    PairComparison,
    Reason,
    Verdict,
    from_dict,
)
from compare.render.jsonout import render_json
from compare.render.markdown import escape, render_markdown
from compare.render.text import (
    cells,
    diff_rows,
    hunks,
    only_kinds,
    printable,
    render_text,
    same_facts,
    verdict_reason,
)
from conftest import DATA as TEST_DATA, REPO, check_snapshot

DATA = TEST_DATA / "diff"
CASES = sorted(p.name for p in DATA.iterdir() if (p / "hand.json").is_file())
SCHEMA = REPO / "compare" / "resources" / "schema" / "comparison.schema.json"
SGR = re.compile(r"\x1b\[[0-9;]*m")

# snapshot name -> (renderer, options)
VARIANTS = {
    "text.txt": ("text", {"width": 80}),
    "side.txt": ("text", {"width": 110, "side_by_side": True}),
    "context1.txt": ("text", {"width": 72, "context": 1}),
    "conflicts.txt": ("text", {"width": 80, "only": "conflicts", "context": 1}),
    "md": ("markdown", {}),
    "side.md": ("markdown", {"side_by_side": True, "context": 0}),
}


def hand_comparison(case: str) -> Comparison:
    """The Comparison a case's hand.json describes: one fact per reporting sentence, the links as written."""
    folder = DATA / case
    spec = json.loads((folder / "hand.json").read_text(encoding="utf-8"))
    articles, facts = [], []
    for n, entry in enumerate(spec["articles"]):
        article = article_from_text((folder / entry["file"]).read_text(encoding="utf-8"), source=entry["file"],
                                    outlet=entry["outlet"], date=entry["date"])
        articles.append(article)
        facts.append(tuple(Fact(id=f"{'AB'[n]}{s.index}", article=n, sentence=s.index, start=s.start, end=s.end,
                                text=s.text, role=article.role_of(s)) for s in article.reporting_sentences))
    links = tuple(Link(kind=k["kind"], a=tuple(k["a"]), b=tuple(k["b"]), score=k["score"], reason=k["reason"],
                       conflicts=tuple(Conflict(**c) for c in k.get("conflicts", ()))) for k in spec["links"])
    pair = PairComparison(a=0, b=1, links=links, verdict=from_dict(Verdict, spec["verdict"]))
    return Comparison(articles=tuple(articles), actors=((), ()), facts=tuple(facts), pairs=(pair,),
                      differences=tuple(from_dict(Difference, d) for d in spec["differences"]))


def render(comparison: Comparison, renderer: str, options: dict) -> str:
    return (render_text if renderer == "text" else render_markdown)(comparison, **options)


# --------------------------------------------------------------------------- snapshots


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("case", CASES)
def test_rendering_matches_snapshot(case, variant):
    renderer, options = VARIANTS[variant]
    check_snapshot(DATA / case / f"hand.{variant}", render(hand_comparison(case), renderer, options))


# --------------------------------------------------------------------------- layout


@pytest.mark.parametrize("case", CASES)
def test_every_fact_appears_once_in_a_full_listing(case):
    comparison = hand_comparison(case)
    rows = diff_rows(comparison)
    shown = [f.id for row in rows for f in row.a] + [f.id for row in rows for f in row.b]
    assert sorted(shown) == sorted(f.id for side in comparison.facts for f in side)


def test_rows_follow_a_and_place_b_only_facts_after_their_predecessor():
    rows = diff_rows(hand_comparison("bridge-vote"))
    a_order = [f.id for row in rows for f in row.a]
    assert a_order == sorted(a_order, key=lambda i: int(i[1:]))
    labels = [(row.kind, [f.id for f in row.a], [f.id for f in row.b]) for row in rows]
    # B4 and B5 follow B3, the nearest earlier B fact that aligns (with A2)
    assert labels[2:5] == [(SHARED, ["A2"], ["B3"]), (ONLY_B, [], ["B4"]), (ONLY_B, [], ["B5"])]


def test_unlinked_facts_become_one_sided_rows_and_many_to_one_links_stay_one_row():
    comparison = hand_comparison("bridge-vote")
    pair = comparison.pairs[0]
    links = (Link(SHARED, ("A1", "A2"), ("B1",), 0.7, "two sentences of A, one of B"),)
    rows = diff_rows(dataclasses.replace(comparison, pairs=(dataclasses.replace(pair, links=links),)))
    assert [(r.kind, [f.id for f in r.a], [f.id for f in r.b]) for r in rows[:3]] == [
        (ONLY_B, [], ["B0"]), (ONLY_A, ["A0"], []), (SHARED, ["A1", "A2"], ["B1"])]
    assert sum(r.kind == ONLY_B for r in rows) == 5 and sum(r.kind == ONLY_A for r in rows) == 4


@pytest.mark.parametrize("context, expected", [
    # (shared rows elided before each hunk, its row kinds), shared rows elided at the end
    (0, ([(0, [PARTIAL, CONFLICTING]), (1, [ONLY_B, ONLY_B, CONFLICTING, ONLY_A, ONLY_A])], 0)),
    (1, ([(0, [PARTIAL, CONFLICTING, SHARED, ONLY_B, ONLY_B, CONFLICTING, ONLY_A, ONLY_A])], 0)),
])
def test_context_keeps_n_shared_facts_around_each_change(context, expected):
    groups, trailing = hunks(diff_rows(hand_comparison("bridge-vote")), None, context)
    assert ([(gap, [r.kind for r in rows]) for gap, rows in groups], trailing) == expected


def test_context_on_identical_facts_elides_everything_and_only_filters_kinds():
    rows = diff_rows(hand_comparison("same-facts"))
    assert hunks(rows, None, 2) == ([], 3)
    bridge = diff_rows(hand_comparison("bridge-vote"))
    (_, shown), = hunks(bridge, only_kinds("omissions"), None)[0]
    assert {r.kind for r in shown} == {ONLY_A, ONLY_B}
    (_, shown), = hunks(bridge, only_kinds("shared,conflicts"), None)[0]
    assert {r.kind for r in shown} == {SHARED, PARTIAL, CONFLICTING}
    groups, _ = hunks(bridge, only_kinds("conflicts"), 1)
    assert [[r.kind for r in rows] for _, rows in groups] == [[CONFLICTING, SHARED, CONFLICTING]]


def test_only_rejects_unknown_kinds():
    with pytest.raises(ValueError, match="choose from shared, conflicts, omissions"):
        only_kinds("conflict")


@pytest.mark.parametrize("width", [40, 57, 80, 131])
@pytest.mark.parametrize("side_by_side", [False, True])
@pytest.mark.parametrize("color", [False, True])
def test_no_line_is_wider_than_the_width(width, side_by_side, color):
    text = render_text(hand_comparison("bridge-vote"), width=width, side_by_side=side_by_side, color=color)
    widest = max(cells(SGR.sub("", line)) for line in text.splitlines())
    assert widest <= width


@pytest.mark.parametrize("side_by_side", [False, True])
def test_a_link_of_several_facts_shows_each_on_its_own_line(side_by_side):
    comparison = hand_comparison("bridge-vote")
    links = (Link(PARTIAL, ("A0", "A1", "A2"), ("B1", "B3"), 0.5, "three facts of A, two of B"),)
    pair = dataclasses.replace(comparison.pairs[0], links=links)
    text = render_text(dataclasses.replace(comparison, pairs=(pair,)), width=90, side_by_side=side_by_side)
    starts = [line[:6] for line in text.splitlines()]
    if side_by_side:
        assert [line[:3] for line in text.splitlines() if line[:1] == "A"][:3] == ["A0 ", "A1 ", "A2 "]
        assert sum(" ≈ B1 " in line for line in text.splitlines()) == 1 and "  B3 " in text
    else:
        assert starts[starts.index("≈ A0  "):][:1] == ["≈ A0  "] and "  A1  " in starts and "  B3  " in starts
    assert max(cells(line) for line in text.splitlines()) <= 90


def test_wrapped_lines_are_indented_under_the_text_column():
    lines = render_text(hand_comparison("bridge-vote"), width=60).splitlines()
    body = lines[lines.index("") + 1:]
    for line, following in zip(body, body[1:]):
        if line[:1] in "=≈~-+" and following and following[:1] == " " and not following.lstrip().startswith("B"):
            assert following.startswith(" " * 6) and not following.startswith(" " * 7)


def test_conflicting_values_are_marked_like_wdiff_without_colour_and_coloured_with_it():
    comparison = hand_comparison("bridge-vote")
    plain = render_text(comparison, width=200)
    assert "approve [-$4.2 million-] for" in plain and "approved {+$4.8 million+} to" in plain
    coloured = render_text(comparison, width=200, color=True)
    assert "\x1b[1;31m$4.2 million\x1b[0m" in coloured and "\x1b[1;32m$4.8 million\x1b[0m" in coloured
    assert "[-" not in coloured and SGR.sub("", coloured).replace("[-", "") == SGR.sub("", coloured)


def test_shared_facts_in_the_same_words_show_only_a():
    text = render_text(hand_comparison("same-facts"), width=200)
    assert "B2" in text and "B0" in text  # reworded: B's wording shown
    comparison = hand_comparison("same-facts")
    same_b = tuple(dataclasses.replace(f, text=a.text) for f, a in zip(comparison.facts[1], comparison.facts[0]))
    text = render_text(dataclasses.replace(comparison, facts=(comparison.facts[0], same_b)), width=200)
    assert not re.search(r"^\s+B\d", text, re.M)


def test_footer_lists_differences_by_rank_without_those_the_body_shows():
    text = render_text(hand_comparison("bridge-vote"), width=200)
    footer = text.split("Main differences:\n")[1].splitlines()
    assert [line.split()[0] for line in footer] == ["sourcing", "framing", "tone"]
    assert "bus network" not in text.split("Main differences:")[1]  # the omission difference is in the body


@pytest.mark.parametrize("label, weights, expected", [
    ("same event", (0.6, 0.3, -0.1), "r0"),
    ("different events", (0.6, -0.9, -0.1), "r1"),
    ("related events", (0.6, 0.3, -0.1), "for: r0 Against: r2"),
    ("related events", (0.6, 0.3), "r0"),
    ("related events", (-0.6, -0.3), "r0"),
])
def test_the_main_reason_weighs_most_toward_the_verdict(label, weights, expected):
    reasons = tuple(Reason(f"r{i}", w) for i, w in enumerate(weights))
    assert verdict_reason(Verdict(label, 0.5, reasons)) == expected


def test_the_text_footer_lists_the_top_differences_and_counts_the_rest():
    comparison = hand_comparison("bridge-vote")
    many = tuple(Difference("tone", f"difference {i}", rank=-i) for i in range(9))
    text = render_text(dataclasses.replace(comparison, differences=many), width=80)
    assert "difference 5" in text and "difference 6" not in text and "… 3 more" in text
    assert "difference 8" in render_markdown(dataclasses.replace(comparison, differences=many))


# --------------------------------------------------------------------------- article text is data

HOSTILE = ("Evil\x1b[2J\x1b]0;owned\x07 text\x9b31m with\u202e bidi\x00 and\ttabs "
           "<script>alert(1)</script> [x](javascript:y) *b*")


def hostile_comparison() -> Comparison:
    comparison = hand_comparison("bridge-vote")
    a_facts = tuple(dataclasses.replace(f, text=HOSTILE) if f.id == "A4" else f for f in comparison.facts[0])
    a0 = dataclasses.replace(comparison.articles[0], headline="Head\x1b[31mline\x07", outlet="Out\x1blet")
    return dataclasses.replace(comparison, facts=(a_facts, comparison.facts[1]),
                               articles=(a0, comparison.articles[1]))


def test_printable_strips_escapes_controls_and_bidi_overrides():
    assert printable(HOSTILE).startswith("Evil text31m with bidi and tabs <script>")
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", printable(HOSTILE))


@pytest.mark.parametrize("side_by_side", [False, True])
def test_terminal_output_carries_no_escape_from_article_text(side_by_side):
    plain = render_text(hostile_comparison(), width=100, side_by_side=side_by_side)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", plain)
    coloured = render_text(hostile_comparison(), width=100, color=True, side_by_side=side_by_side)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", SGR.sub("", coloured))
    assert "Headline" in plain and "Outlet" in plain


def test_markdown_escapes_article_text():
    md = render_markdown(hostile_comparison())
    assert "<script>" not in md and "[x](" not in md and " *b*" not in md
    assert r"\<script\>alert(1)\</script\>" in md
    assert escape("$4 and $5 | a_b") == r"\$4 and \$5 \| a\_b"


# --------------------------------------------------------------------------- JSON


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("case", CASES)
def test_json_validates_against_the_schema_and_round_trips(case, validator):
    comparison = hand_comparison(case)
    text = render_json(comparison)
    data = json.loads(text)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    assert from_dict(Comparison, data) == comparison
    assert render_json(from_dict(Comparison, data)) == text
    assert list(data) == sorted(data)


def test_schema_rejects_what_the_model_forbids(validator):
    data = json.loads(render_json(hand_comparison("bridge-vote")))
    data["pairs"][0]["links"][0]["kind"] = "similar"
    data["facts"][0][0]["undocumented"] = 1
    assert len(list(validator.iter_errors(data))) == 2


def test_schema_describes_every_field_of_the_model():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    classes = {name: cls for name, cls in vars(model).items() if dataclasses.is_dataclass(cls)}
    for name, definition in schema["$defs"].items():
        fields = {f.name for f in dataclasses.fields(classes[name])}
        if definition.get("additionalProperties") is False:
            assert set(definition["properties"]) == fields, name
        assert set(definition["required"]) <= fields, name
    assert set(schema["properties"]) == {f.name for f in dataclasses.fields(Comparison)}
    referenced = set(re.findall(r'"#/\$defs/(\w+)"', SCHEMA.read_text(encoding="utf-8")))
    assert referenced == set(schema["$defs"])


def test_the_json_documentation_covers_the_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    doc = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
    for name, definition in [("Comparison", schema), *schema["$defs"].items()]:
        section = doc.split(f"### {name}\n", 1)[1].split("\n### ", 1)[0]
        for field in definition["properties"]:
            assert f"| `{field}` |" in section, f"docs/json.md: {name}.{field} is not documented"


# --------------------------------------------------------------------------- the command


@pytest.fixture
def engine(monkeypatch):
    """Stand the hand-made comparison of a case in for compare.comparison.compare_articles."""
    calls = []

    def use(case: str):
        def compare_articles(articles, *, profiles=True, tone_targets=True):
            calls.append({"headlines": [a.headline for a in articles], "profiles": profiles,
                          "tone_targets": tone_targets})
            return hand_comparison(case)
        fake = types.ModuleType("compare.comparison")
        fake.compare_articles = compare_articles
        monkeypatch.setitem(sys.modules, "compare.comparison", fake)
        return calls
    return use


def run_diff(capsys, *argv, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(stdin), isatty=lambda: False))
    code = main(["diff", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def case_files(case: str) -> list[str]:
    return [str(DATA / case / "a.txt"), str(DATA / case / "b.txt")]


def test_exit_status_is_0_for_the_same_facts_1_when_they_differ(capsys, engine):
    engine("same-facts")
    assert run_diff(capsys, *case_files("same-facts"))[0] == 0
    engine("bridge-vote")
    assert run_diff(capsys, *case_files("bridge-vote"))[0] == 1
    assert not same_facts(hand_comparison("bridge-vote")) and same_facts(hand_comparison("same-facts"))


def test_exit_status_is_2_on_trouble(capsys, engine, tmp_path):
    engine("bridge-vote")
    code, out, err = run_diff(capsys, tmp_path / "missing.txt", DATA / "bridge-vote" / "b.txt")
    assert (code, out) == (2, "") and "missing.txt: no such file" in err
    code, _, err = run_diff(capsys, DATA / "bridge-vote" / "a.txt")
    assert code == 2 and "exactly 2 articles" in err
    (tmp_path / "a-file").write_text("")
    code, _, err = run_diff(capsys, *case_files("bridge-vote"), "-o", tmp_path / "a-file" / "out.txt")
    assert code == 2 and "cannot write the output" in err


@pytest.mark.parametrize("argv", [["--only", "conflict"], ["--context", "-1"], ["--format", "pdf"],
                                  ["--color", "sometimes"], ["--width", "10"]])
def test_bad_flags_exit_2_with_a_message(capsys, engine, argv):
    engine("bridge-vote")
    with pytest.raises(SystemExit) as stop:
        main(["diff", *case_files("bridge-vote"), *argv])
    assert stop.value.code == 2 and "error:" in capsys.readouterr().err


def test_the_inputs_are_read_and_passed_to_the_engine(capsys, engine, monkeypatch):
    calls = engine("bridge-vote")
    b_text = (DATA / "bridge-vote" / "b.txt").read_bytes()
    code, out, _ = run_diff(capsys, DATA / "bridge-vote" / "a.txt", "-", "--no-profiles",
                            stdin=b_text, monkeypatch=monkeypatch)
    assert code == 1 and out.startswith("--- A  Council approves")
    assert calls == [{"headlines": ["Council approves Elm Street bridge repairs after heated debate",
                                    "Millbrook bridge repair plan wins council vote"], "profiles": False,
                      "tone_targets": False}]


@pytest.mark.parametrize("fmt, targets", [("text", False), ("markdown", False), ("json", True)])
def test_only_the_json_diff_scores_tone_toward_actors(capsys, engine, fmt, targets):
    """No line of the text or Markdown diff reads the sentiment toward each actor, so only --format json pays for it."""
    calls = engine("bridge-vote")
    run_diff(capsys, *case_files("bridge-vote"), "--format", fmt)
    assert [c["tone_targets"] for c in calls] == [targets]


@pytest.mark.parametrize("variant", ["text.txt", "side.txt", "context1.txt", "conflicts.txt", "md", "side.md"])
def test_flags_give_the_library_renderings(capsys, engine, variant):
    engine("bridge-vote")
    renderer, options = VARIANTS[variant]
    argv = ["--format", "markdown"] if renderer == "markdown" else ["--width", options["width"]]
    argv += ["--side-by-side"] if options.get("side_by_side") else []
    argv += ["--only", options["only"]] if "only" in options else []
    argv += ["--context", options["context"]] if "context" in options else []
    code, out, _ = run_diff(capsys, *case_files("bridge-vote"), *argv)
    assert out == (DATA / "bridge-vote" / f"hand.{variant}").read_text(encoding="utf-8")


def test_json_format_and_output_file(capsys, engine, tmp_path, validator):
    engine("bridge-vote")
    target = tmp_path / "diff.json"
    code, out, _ = run_diff(capsys, *case_files("bridge-vote"), "--format", "json", "-o", target)
    assert (code, out) == (1, "")
    assert target.read_text(encoding="utf-8") == render_json(hand_comparison("bridge-vote"))
    assert not list(validator.iter_errors(json.loads(target.read_text(encoding="utf-8"))))


@pytest.mark.parametrize("flag, environ, tty, coloured", [
    ("auto", {}, False, False),  # a pipe
    ("auto", {}, True, True),  # a terminal
    ("auto", {"NO_COLOR": "1"}, True, False),
    ("auto", {"NO_COLOR": ""}, True, True),  # NO_COLOR counts only when non-empty
    ("auto", {"TERM": "dumb"}, True, False),
    ("always", {"NO_COLOR": "1"}, False, True),  # the flag overrides the environment
    ("never", {}, True, False),
])
def test_colour_follows_the_flag_the_terminal_and_no_color(capsys, engine, monkeypatch, flag, environ, tty, coloured):
    engine("bridge-vote")
    for name in ("NO_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty, raising=False)
    _, out, _ = run_diff(capsys, *case_files("bridge-vote"), "--color", flag, "--width", 80)
    assert bool(SGR.search(out)) is coloured


def test_width_comes_from_columns_when_not_given(capsys, engine, monkeypatch, tmp_path):
    engine("bridge-vote")
    monkeypatch.setenv("COLUMNS", "52")
    _, out, _ = run_diff(capsys, *case_files("bridge-vote"))
    assert max(cells(line) for line in out.splitlines()) <= 52
    target = tmp_path / "out.txt"
    run_diff(capsys, *case_files("bridge-vote"), "-o", target)
    assert target.read_text(encoding="utf-8") == render_text(hand_comparison("bridge-vote"), width=52)


def test_help_documents_markers_exit_status_and_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["diff", "--help"])
    text = capsys.readouterr().out
    for needle in ("exit status: 0 when the articles carry the same facts", "--side-by-side", "--only",
                   "--context", "--format", "NO_COLOR", "[-A's-]", "newscompare diff seeds/"):
        assert needle in text


def test_diff_does_not_import_what_it_does_not_use():
    code = ("import sys; from compare.cli import build_parser; build_parser(); import compare.commands.diff, "
            "compare.render.text, compare.render.markdown, compare.render.jsonout; "
            "print(sorted(m for m in ('reportlab', 'trafilatura', 'dask', 'sklearn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True).stdout
    assert out.strip() == "[]"
