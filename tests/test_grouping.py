"""Story grouping: hand-made cases (tests/data/batch/grouping/*.json) and the pieces they rely on."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.batch.grouping import (
    GroupingSettings,
    article_terms,
    candidate_pairs,
    group_stories,
    lead_dates,
    tfidf_vectors,
)
from compare.ingest import article_from_text
from compare.model import DIFFERENT_EVENTS, SAME_EVENT, Verdict

CASES = sorted((Path(__file__).parent / "data" / "batch" / "grouping").glob("*.json"))


def load_case(path: Path):
    case = json.loads(path.read_text(encoding="utf-8"))
    articles = [article_from_text(a["text"], source=a["id"], outlet=a["outlet"], date=a["date"])
                for a in case["articles"]]
    return case, articles, [a["id"] for a in case["articles"]]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_grouping_case(path):
    case, articles, ids = load_case(path)
    grouping = group_stories(articles)
    assert sorted([ids[i] for i in s.members] for s in grouping.stories) == sorted(case["stories"])
    assert [ids[i] for i in grouping.singles] == case["singles"]
    for story in grouping.stories:
        assert story.links and all(link.shared_terms for link in story.links)


def test_undated_weeks_apart_are_rejected_with_the_gap_between_their_lead_dates():
    _, articles, ids = load_case(next(p for p in CASES if p.stem == "undated"))
    grouping = group_stories(articles)
    gaps = {(ids[l.a], ids[l.b]): l.day_gap for l in grouping.rejected}
    assert gaps[("march-1", "april-1")] == 36


def test_dated_weeks_apart_never_compete_for_neighbour_slots():
    _, articles, ids = load_case(next(p for p in CASES if p.stem == "stories"))
    grouping = group_stories(articles)
    considered = {(ids[l.a], ids[l.b]) for s in grouping.stories for l in s.links} | \
                 {(ids[l.a], ids[l.b]) for l in grouping.rejected}
    assert not any("march" in a and "april" in b for a, b in considered)


def test_lead_dates_take_the_year_from_the_publication_date():
    article = article_from_text("Talks on Dec. 30\n\nThe leaders met on December 30 and will meet again Jan. 3.",
                                date="2027-01-01")
    assert [d.value for d in lead_dates(article)] == ["2026-12-30", "2026-12-30", "2027-01-03"]


def test_one_article_per_outlet_in_a_story():
    texts = ["Dam bursts in Ostvik valley\n\nThe Ostvik dam burst on Monday, flooding farms in the valley.",
             "Ostvik dam burst floods valley farms\n\nFarms in the Ostvik valley flooded after the dam burst Monday.",
             "Ostvik valley flooded as dam bursts\n\nThe dam above Ostvik burst on Monday and flooded the farms."]
    articles = [article_from_text(t, source=str(n), outlet=o, date="2026-05-04")
                for n, (t, o) in enumerate(zip(texts, ["Ledger", "Ledger", "Herald"]))]
    grouping = group_stories(articles)
    assert len(grouping.stories) == 1 and len(grouping.stories[0].members) == 2
    assert group_stories(articles, settings=GroupingSettings(one_per_outlet=False)).stories[0].members == (0, 1, 2)


def test_the_engine_decides_only_the_grey_zone():
    case, articles, ids = load_case(next(p for p in CASES if p.stem == "stories"))
    asked = []

    def never_same(a, b):
        asked.append((a.source, b.source))
        return Verdict(DIFFERENT_EVENTS, 0.0)

    def always_same(a, b):
        asked.append((a.source, b.source))
        return Verdict(SAME_EVENT, 1.0)

    strict = GroupingSettings(accept=0.99)  # every candidate falls in the grey zone
    assert group_stories(articles, same_event=never_same, settings=strict).stories == ()
    assert asked
    merged = group_stories(articles, same_event=always_same, settings=strict)
    assert sorted([ids[i] for i in s.members] for s in merged.stories) == sorted(case["stories"])


def test_blocking_proposes_far_fewer_pairs_than_all_pairs():
    _, articles, ids = load_case(next(p for p in CASES if p.stem == "stories"))
    vectors, df = tfidf_vectors([article_terms(a) for a in articles])
    pairs = candidate_pairs(vectors, df, neighbours=2, max_df=0.05)
    n = len(articles)
    assert len(pairs) <= 2 * n < n * (n - 1) // 2
    assert (ids.index("bridge-1"), ids.index("bridge-2")) in pairs


def test_empty_and_single_inputs():
    assert group_stories([]).stories == ()
    one = article_from_text("Lone story\n\nNobody else covered this.", outlet="Ledger")
    assert group_stories([one]).singles == (0,)
