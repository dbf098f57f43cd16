"""The brief's content (what the PDF lays out) for hand-built comparisons, snapshotted as JSON (compare.model.to_dict).

Refresh the snapshots after an intended change with NEWSCOMPARE_UPDATE_SNAPSHOTS=1.
"""
from __future__ import annotations

import json

import pytest

from compare.model import to_dict
from compare.render.brief import brief_content, distinct_examples, label, marked, shorten
from compare.render.content import Overlap
from compare.render.templates import PACKAGED_DIR, load_template
from conftest import DATA as TEST_DATA, check_snapshot
from test_brief_fixture import build_comparison, build_hostile_comparison

DATA = TEST_DATA / "brief"
CASES = {
    "two-default": (lambda: build_comparison(2), "default"),
    "three-default": (lambda: build_comparison(3), "default"),
    "three-one-page": (lambda: build_comparison(3), "one-page"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_content_matches_snapshot(case):
    build, template = CASES[case]
    content = brief_content(build(), load_template(PACKAGED_DIR / f"{template}.toml"))
    text = json.dumps(to_dict(content), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    path = DATA / f"content-{case}.json"
    check_snapshot(path, text)


def test_same_input_gives_same_content():
    template = load_template(PACKAGED_DIR / "default.toml")
    assert brief_content(build_comparison(3), template) == brief_content(build_comparison(3), template)


def test_sections_follow_the_template_order(tmp_path):
    (tmp_path / "t.toml").write_text('[sections]\norder = ["method", "conflicts"]\n')
    content = brief_content(build_comparison(), load_template(tmp_path / "t.toml"))
    assert [s.id for s in content.sections] == ["method", "conflicts"]


def test_summary_lists_the_top_differences_by_rank():
    content = brief_content(build_comparison(), load_template(PACKAGED_DIR / "one-page.toml"))
    summary = content.sections[0]
    assert len(summary.differences) == 4
    assert summary.differences[0].text.startswith("The outlets give different sums")
    assert [c.kind for c in summary.conflicts] == ["number", "date", "attribution"]


def test_overlap_counts_every_fact_once():
    summary = brief_content(build_comparison(3), load_template(PACKAGED_DIR / "default.toml")).sections[0]
    for counts in summary.overlap.values():
        assert counts.shared + counts.partial + counts.conflicting + counts.only == counts.total
    assert summary.overlap["A"] == Overlap(shared=3, partial=1, conflicting=1, only=4, unsure=0, total=9)


def test_omissions_are_in_reading_order_and_exclude_carried_facts():
    content = brief_content(build_comparison(), load_template(PACKAGED_DIR / "default.toml"))
    omissions = next(s for s in content.sections if s.id == "omissions")
    only_a = [f.id for f in omissions.articles[0].facts]
    assert only_a == ["A3", "A5", "A6", "A7", "A8"]


def test_conflict_values_are_marked_in_the_sentences():
    content = brief_content(build_comparison(), load_template(PACKAGED_DIR / "default.toml"))
    conflicts = next(s for s in content.sections if s.id == "conflicts")
    item = conflicts.items[0]
    fact = item.a_facts[0]
    assert [fact.text[s:e] for s, e in fact.marks] == ["Thursday"]


def test_missing_profiles_are_reported_not_crashed():
    comparison = build_comparison(3)  # article C's profile has no figures
    content = brief_content(comparison, load_template(PACKAGED_DIR / "default.toml"))
    tone = next(s for s in content.sections if s.id == "tone")
    c = tone.articles[2]
    assert c.sentiment is None and c.framing is None and c.notes == ("not enough text: three sentences",)
    assert tone.frames.shares[2] is None


def test_hostile_text_stays_text_in_the_content():
    content = brief_content(build_hostile_comparison(), load_template(PACKAGED_DIR / "default.toml"))
    assert content.articles[0].headline.startswith('Breaking: <font color="red">')


@pytest.mark.parametrize("text,limit,expected", [
    ("short", 10, "short"), ("one two three four", 12, "one two…"), ("x" * 30, 10, "x" * 9 + "…"), ("abc", 0, "abc"),
])
def test_shorten(text, limit, expected):
    assert shorten(text, limit) == expected


def test_marked_keeps_the_needle_in_a_shortened_text():
    text = "word " * 100 + "Thursday " + "word " * 100
    result = marked(text, ["thursday"], 80)
    assert len(result.text) <= 80
    assert [result.text[s:e] for s, e in result.marks] == ["Thursday"]


def test_examples_drop_a_quote_already_in_its_sentence():
    quote, sentence = "“We must act,”", "“We must act,” the official said today."
    assert distinct_examples([quote, sentence, "today", "today"]) == [sentence]
    assert distinct_examples(["a plan", "another plan"]) == ["a plan", "another plan"]


@pytest.mark.parametrize("text,needles,expected", [
    ("In 2025, 32 delegates and 2 envoys met.", ["2"], ["2"]),  # not the 2 in 2025 or 32
    ("A swarm of drones; the war goes on.", ["war"], ["war"]),  # not the "war" in "swarm"
    ("İstanbul talks: the war goes on.", ["war"], ["war"]),  # İ lowercases to two characters
    ("Trump met Rutte; trump cards were played.", ["Trump"], ["Trump"]),  # exact case first
    ("the talks were TENSE and tense", ["Tense"], ["TENSE", "tense"]),  # else any case
    ("Rutte met Trump", ["Trump", "Rutte", "Trump"], ["Rutte", "Trump"]),  # reading order, no repeats
])
def test_marks_are_whole_words_at_offsets_in_the_text(text, needles, expected):
    result = marked(text, needles)
    assert [result.text[s:e] for s, e in result.marks] == expected


def test_article_labels_follow_the_fact_ids_past_z():
    assert [label(i) for i in (0, 25, 26, 27, 51, 52)] == ["A", "Z", "AA", "AB", "AZ", "BA"]


def test_tone_chart_has_one_row_per_actor_across_spellings():
    import dataclasses

    from compare.profile.differences import tone_actor_groups

    comparison = build_comparison(2)
    spellings = ("Vladimir Zelensky", "Volodymyr Zelenskyy")
    profiles = tuple(dataclasses.replace(p, sentiment=dataclasses.replace(p.sentiment, targets=p.sentiment.targets + (
        dataclasses.replace(p.sentiment.targets[0], actor=name, score=score, sentences=9),)))
        for p, name, score in zip(comparison.profiles, spellings, (-0.4, 0.3)))
    template = load_template(PACKAGED_DIR / "default.toml")
    groups = tone_actor_groups(profiles, comparison.actors)  # the engine's grouping, saved in the comparison
    content = brief_content(dataclasses.replace(comparison, profiles=profiles, actor_groups=groups), template)
    chart = next(s for s in content.sections if s.id == "tone").actors
    rows = [(a, scores) for a, scores in zip(chart.actors, chart.scores) if "Zelensk" in a]
    assert rows == [("Vladimir Zelensky", (-0.4, 0.3))]


def test_a_comparison_saved_without_actor_groups_keeps_one_row_per_name():
    import dataclasses

    comparison = dataclasses.replace(build_comparison(2), actor_groups=())  # as saved before the engine grouped them
    content = brief_content(comparison, load_template(PACKAGED_DIR / "default.toml"))
    chart = next(s for s in content.sections if s.id == "tone").actors
    assert dict(zip(chart.actors, chart.scores))["Donald Trump"] == (0.2, -0.1)


def _compared(*texts):
    """The comparison of small plain-text articles, through the product's own path."""
    from compare import compare_articles
    from compare.ingest import article_from_text

    return compare_articles([article_from_text(t, source=f"t{i}.txt") for i, t in enumerate(texts)])


def _section(comparison, section_id):
    return next(s for s in brief_content(comparison).sections if s.id == section_id)


def test_a_quote_with_no_speaker_is_unattributed_not_a_named_source():
    from compare.render.pdf.sources import _kind

    texts = ("Council passes budget\n\nThe city council passed the budget on Monday, Mayor Ann Lee said.\n\n"
             "The budget adds money for parks and libraries. The amendment’s text reads: "
             "“No money shall be drawn from the parks fund for any other purpose.”\n\n"
             "“It is a win,” Lee said. The plan takes effect in July. Critics said the plan was rushed.",
             "Budget approved\n\nThe city council approved the budget on Monday.\n\n"
             "The vote was 7 to 2. “We did our job,” council member Tom Park said. It takes effect in July.")
    comparison = _compared(*texts)
    sources = _section(comparison, "sources")
    for art, facts in zip(sources.articles, comparison.facts):
        speakers = {q.speaker for f in facts for q in f.quotes}
        rows = {r.name: r for r in art.speakers}
        if None in speakers:
            assert rows["unattributed quote"].kind == "unattributed"
        assert "unidentified speaker" not in rows
        assert art.named == sum(1 for r in art.speakers if r.kind in ("named", "outlet"))
        for sp in art.profile.speakers if art.profile else ():
            assert _kind(sp) == ("unattributed" if sp.speaker == "unattributed quote" else
                                 "anonymous" if sp.anonymous else "named")
    assert any(r.kind == "unattributed" for art in sources.articles for r in art.speakers), \
        "the test text must hold a quote the engine finds no speaker for"


def test_intensifiers_are_not_listed_as_loaded_words():
    texts = ("Storm hits coast\n\nThe very strong storm caused disastrous floods along the coast on Monday. "
             "Officials said the damage was really extensive. Roads were completely closed. "
             "The outrageous delays angered residents, who said help came very late.",
             "Storm reaches coast\n\nA storm brought floods to the coast on Monday. Roads were closed. "
             "Officials said repairs would take weeks. Residents waited for help.")
    tone = _section(_compared(*texts), "tone")
    listed = {w.word.lower() for a in tone.articles if a.wording for w in a.wording.loaded}
    assert not listed & {"very", "really", "completely"}
    assert listed & {"disastrous", "outrageous"}, listed


def test_the_tone_chart_leaves_places_out():
    from compare.nlp.actors import PLACE

    texts = ("Floods hit Ohio\n\nFloods hit Ohio on Monday. Ohio officials said roads in Ohio were closed. "
             "Governor Mike DeWine praised the rescue crews in Ohio. Ohio residents were angry at the slow help.",
             "Ohio floods\n\nHeavy rain flooded Ohio on Monday. Governor Mike DeWine called the damage terrible. "
             "Ohio towns were cut off. Crews in Ohio worked through the night.")
    comparison = _compared(*texts)
    places = {a.name for actors in comparison.actors for a in actors if a.kind == PLACE}
    scored = {t.actor for p in comparison.profiles if p.sentiment for t in p.sentiment.targets if t.score is not None}
    assert "Ohio" in places & scored, "the test text must have a place the profiles score"
    tone = _section(comparison, "tone")
    assert tone.actors.actors and not set(tone.actors.actors) & places


def test_the_plain_name_of_a_charge_or_a_weapon_is_not_a_loaded_word():
    from compare.facts import extract_facts
    from compare.ingest import article_from_text
    from compare.profile.build import build_profile

    text = ("Suspect charged\n\nThe suspect faces first-degree murder charges and a charge of aggravated assault, "
            "police said on Monday. Officers found explosive devices and an assault rifle in his apartment. "
            "Critics called the police response a disgraceful murder of common sense. The outraged mayor spoke.")
    article = article_from_text(text, source="c.txt")
    actors, facts = extract_facts(article, 0)
    uses = {u.word: u.count for u in build_profile(article, 0, facts, actors, targets=False).wording.uses
            if u.category in ("loaded", "sensational")}
    assert uses.get("murder") == 1  # "a disgraceful murder of common sense" is a choice; the charge is not
    assert "assault" not in uses and "explosive" not in uses
    assert {"disgraceful", "outraged"} <= set(uses)
