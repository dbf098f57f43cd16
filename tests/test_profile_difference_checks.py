"""Difference lines say only what both texts bear out (issue 14): names checked against the other headline, places and
organisations never "written of" as people, no line from one unclear sentence, no made-up example word."""

from __future__ import annotations

from compare.ingest import article_from_text
from compare.model import Actor, Difference
from compare.profile.differences import _actor_tone, _examples_in_text, _placement
from compare.profile.types import FramingProfile, OutletProfile, Placement, SentimentProfile, TargetSentiment

NAMES = {0: "A", 1: "B"}


def _heads(*actor_lists):
    return [
        OutletProfile(article=i, outlet=f"o{i}", framing=FramingProfile(placement=Placement(headline_actors=tuple(a))))
        for i, a in enumerate(actor_lists)
    ]


def _articles(*headlines):
    return [
        article_from_text(h + "\n\nSome body text that says little.", outlet=f"o{i}") for i, h in enumerate(headlines)
    ]


def test_only_a_names_is_checked_against_the_other_headline():
    articles = _articles(
        "FBI fires Peter Strzok, months after anti-Trump texts revealed",
        "F.B.I. Agent Peter Strzok, Who Criticized Trump in Texts, Is Fired",
    )
    actors = [
        (Actor("Peter Strzok", "person"),),
        (Actor("Donald J. Trump", "person", ("Trump",)), Actor("Peter Strzok", "person")),
    ]
    profiles = _heads(["Peter Strzok"], ["Peter Strzok", "Donald J. Trump"])
    assert _placement(profiles, NAMES, actors, articles) == []  # A's "anti-Trump" names Trump


def test_first_and_last_name_and_first_name_count_as_naming():
    articles = _articles("Romney calls on Akin to drop bid", "Mitt To Akin: Drop Out")
    actors = [
        (Actor("Mitt Romney", "person", ("Romney",)), Actor("Todd Akin", "person")),
        (Actor("Todd Akin", "person"),),
    ]
    profiles = _heads(["Mitt Romney", "Todd Akin"], ["Todd Akin"])
    assert _placement(profiles, NAMES, actors, articles) == []


def test_an_actor_named_only_in_one_headline_is_still_said():
    articles = _articles("Trump taps Patrick Shanahan as acting secretary", "Jim Mattis Resigns in Rebuke of Trump")
    actors = [
        (Actor("Patrick Shanahan", "person"), Actor("Donald Trump", "person")),
        (Actor("Donald Trump", "person"),),
    ]
    profiles = _heads(["Donald Trump", "Patrick Shanahan"], ["Donald Trump"])
    (line,) = _placement(profiles, NAMES, actors, articles)
    assert line.text == "Headlines put different actors up front: only A's headline names Patrick Shanahan."


def test_a_whole_headline_is_not_an_actor():
    articles = _articles("White House Plays Down Data Program", "Officials defend surveillance")
    actors = [(Actor("White House Plays Down Data Program", "organisation"),), ()]
    profiles = _heads(["White House Plays Down Data Program"], [])
    assert _placement(profiles, NAMES, actors, articles) == []


def _target(actor, score, neg, neu, pos):
    return TargetSentiment(
        actor=actor,
        sentences=neg + neu + pos,
        score=score,
        label="x",
        counts={"negative": float(neg), "neutral": float(neu), "positive": float(pos)},
    )


def _tone_profiles(a: TargetSentiment, b: TargetSentiment):
    return [
        OutletProfile(article=i, outlet=f"o{i}", sentiment=SentimentProfile(sentences=5, mean=0.0, targets=(t,)))
        for i, t in enumerate((a, b))
    ]


def test_a_place_gets_no_tone_line_and_a_person_does():
    for kind, expected in (("place", 0), ("person", 1)):
        actors = [(Actor("Benghazi", kind),), (Actor("Benghazi", kind),)]
        lines = _actor_tone(
            _tone_profiles(_target("Benghazi", -0.6, 3, 1, 0), _target("Benghazi", 0.1, 0, 3, 1)), NAMES, actors
        )
        assert len(lines) == expected
        assert all("writes of Benghazi" in d.text for d in lines)


def test_an_organisation_is_said_to_be_one():
    actors = [(Actor("FBI", "organisation"),), (Actor("FBI", "organisation"),)]
    (line,) = _actor_tone(_tone_profiles(_target("FBI", -0.6, 3, 1, 0), _target("FBI", 0.1, 0, 3, 1)), NAMES, actors)
    assert line.text.startswith("A's sentences about the organisation FBI read more negatively")


def test_one_unclear_sentence_makes_no_tone_line():
    actors = [(Actor("Rashida Tlaib", "person"),), (Actor("Rashida Tlaib", "person"),)]
    # A's score rests on one negative sentence among neutral ones; B has no clearly positive sentence
    assert (
        _actor_tone(
            _tone_profiles(_target("Rashida Tlaib", -0.35, 1, 1, 0), _target("Rashida Tlaib", 0.0, 0, 3, 0)),
            NAMES,
            actors,
        )
        == []
    )


def test_a_surname_shared_with_another_person_of_the_article_makes_no_tone_line():
    actors = [(Actor("Hillary Clinton", "person", ("Clinton",)),), (Actor("Hillary Clinton", "person", ("Clinton",)),)]
    articles = _articles("White House asked Bill Clinton to urge Sestak", "Clinton aide speaks")
    profiles = _tone_profiles(_target("Hillary Clinton", -0.6, 3, 1, 0), _target("Hillary Clinton", 0.3, 0, 1, 3))
    assert _actor_tone(profiles, NAMES, actors, articles) == []
    assert len(_actor_tone(profiles, NAMES, actors, _articles("Sestak drops out", "Clinton aide speaks"))) == 1


def test_example_words_must_be_written_in_an_article():
    articles = _articles("Senator assailed the plan", "The mayor said it was fine")
    assert _examples_in_text(Difference("wording", "A “assailed”; B its own: “said”.", 0.4), articles)
    assert not _examples_in_text(Difference("wording", "A “assailed”; B its own: “told”.", 0.4), articles)


def test_a_headline_frame_needs_more_than_one_cue_word():
    from compare.profile.build import build_profile

    one = article_from_text(
        "Ocasio-Cortez Backs Tlaib In Senate Race\n\nThe two spoke on Monday about the weekend and the weather."
    )
    two = article_from_text(
        "Senate Republicans Vote Down The Bill\n\nThe two spoke on Monday about the weekend and the weather."
    )
    assert build_profile(one, 0, (), ()).framing.headline_frame is None
    assert build_profile(two, 0, (), ()).framing.headline_frame == "Political"


def test_judged_lines_are_references_only_and_counted():
    """The judged sample keeps no article text, and the 'after' sample is the one reported (≥ 40 lines, ≥ 10 pairs)."""
    import json
    from pathlib import Path

    doc = json.loads(
        (Path(__file__).parent / "data" / "profile" / "difference_judgements.json").read_text(encoding="utf-8")
    )
    for stage in ("before", "after"):
        lines = doc[stage]
        assert len(lines) >= 40 and len({(x["a"], x["b"]) for x in lines}) >= 10
        assert {x["verdict"] for x in lines} <= {"right", "partly", "wrong"}
        assert all(set(x) <= {"a", "b", "kind", "line", "verdict", "why"} for x in lines)
    right = lambda s: sum(x["verdict"] == "right" for x in doc[s]) / len(doc[s])  # noqa: E731
    wrong = lambda s: sum(x["verdict"] == "wrong" for x in doc[s]) / len(doc[s])  # noqa: E731
    assert right("after") > right("before") and wrong("after") < wrong("before")
