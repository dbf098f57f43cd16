"""lines7: failure kinds of a development set of fresh AllSides pairs (fresh4), each rule general: a headline naming a
body by what it is, a label given by a description alone, one agency under two names, named outlets read as unnamed
sources, frame cues in another sense."""
import pytest

from compare.ingest import article_from_text
from compare.model import Actor
from compare.profile.sections import sentence_views
from compare.profile.sourcing import sourcing_profile


def _placed(heads, actors, articles):
    from compare.profile.differences import _placement
    from compare.profile.types import FramingProfile, OutletProfile, Placement

    profiles = [OutletProfile(article=i, outlet=f"o{i}",
                              framing=FramingProfile(placement=Placement(headline_actors=tuple(a))))
                for i, a in enumerate(heads)]
    return _placement(profiles, {0: "A", 1: "B"}, actors, articles)


def _pair(head_a, body_a, head_b, body_b):
    return [article_from_text(head_a + "\n\n" + body_a, outlet="o0"),
            article_from_text(head_b + "\n\n" + body_b, outlet="o1")]


@pytest.mark.parametrize("head_a,head_b,name,kind,body_b", [
    ("Gunman angry at Maryland newspaper kills five", "Five killed in attack on Capital Gazette in Annapolis",
     "Capital Gazette", "organisation", "A gunman opened fire in the Capital Gazette newspaper office."),
    ("Federal appeals court sides with administration", "Liberal Ninth Circuit Upholds Funding Rules",
     "Ninth Circuit", "person", "The Ninth Circuit Court of Appeals ruled on Monday."),  # the recogniser's "person"
    ("Former president launches new initiative on maps", "Former President Launches Redistricting U",
     "Redistricting U", "person", "The initiative, Redistricting U, will train activists."),
])
def test_a_body_the_other_headline_names_by_what_it_is_is_no_difference(head_a, head_b, name, kind, body_b):
    articles = _pair(head_a, "It happened on Thursday.", head_b, body_b)
    assert _placed([[], [name]], [(), (Actor(name, kind),)], articles) == []


def test_a_body_named_in_one_headline_only_is_still_a_difference():
    articles = _pair("Senators meet on Thursday", "The senators met.",
                     "Capital Gazette Sues Senators", "The Capital Gazette filed the suit.")
    (line,) = _placed([[], ["Capital Gazette"]], [(), (Actor("Capital Gazette", "organisation"),)], articles)
    assert line.text.endswith("only B's headline names Capital Gazette.")


def test_a_one_word_name_owned_by_a_noun_is_no_person():
    articles = _pair("President's Day scrape: Trump and Obama spar over credit",
                     "Trump and Obama sparred on Day.",
                     "Trump rips Obama over credit", "Trump criticised Obama.")
    assert _placed([["Day"], []], [(Actor("Day", "person"),), ()], articles) == []


def test_a_label_from_a_description_alone_is_not_claimed():
    from compare.profile.differences import _labels
    from compare.profile.types import ActorLabels, OutletProfile, WordingProfile

    trump = Actor("Donald Trump", "person", ("Donald Trump", "Trump"))
    articles = [article_from_text("Rebuke\n\nThe justices were appointed by President Donald Trump. Trump said no "
                                  "more.", outlet="o0"),
                article_from_text("Rebuke\n\nThe justices were appointed by President Donald Trump. The senator added "
                                  "a warning.", outlet="o1")]

    def labelled(*labels):
        return WordingProfile(words=100, labels=(ActorLabels("Donald Trump", labels),))

    profiles = [OutletProfile(0, "o0", wording=labelled("President")),
                OutletProfile(1, "o1", wording=labelled("President", "senator"))]
    assert _labels(profiles, {0: "A", 1: "B"}, [(trump,), (trump,)], articles) == []
    # a title written beside the name is claimed: "Sen. Donald Trump" (a made-up case)
    articles[1] = article_from_text("Rebuke\n\nSen. Donald Trump spoke. The senator added a warning.", outlet="o1")
    (line,) = _labels(profiles, {0: "A", 1: "B"}, [(trump,), (trump,)], articles)
    assert line.text == "B calls Donald Trump “senator”."


def test_one_agency_under_two_names_is_cited_once():
    article = article_from_text("Settlement\n\nThe lawyer told The Associated Press the deal was fair. The state "
                                "settled, AP reported.")
    assert sourcing_profile(sentence_views(article), (), "Example News").outlets == ("Associated Press",)


@pytest.mark.parametrize("sentence", [
    "According to Business Insider, shares of the firm jumped 15 percent.",
    "The firms are reported to be in serious talks, according to BNN Bloomberg Television.",
])
def test_a_named_outlet_is_no_unnamed_source(sentence):
    article = article_from_text("Deal\n\n" + sentence)
    assert sourcing_profile(sentence_views(article), (), "Example News").anonymous == 0


def test_the_passive_report_without_a_named_source_is_unnamed():
    article = article_from_text("Deal\n\nThe firms are reported to be in serious talks.")
    assert sourcing_profile(sentence_views(article), (), "Example News").anonymous == 1


@pytest.mark.parametrize("sentence,frame,absent", [
    ("Police and law enforcement arrived at the scene.", "Crime and punishment",
     "Legality, constitutionality and jurisprudence"),
    ("The national press secretary listed the groups.", "Other", "Cultural identity"),
    ("National security is at stake.", "Security and defense", "Cultural identity"),
])
def test_frame_cues_in_another_sense(sentence, frame, absent):
    from compare.profile.framing import sentence_frames

    weights, _ = sentence_frames(sentence)
    assert frame in weights and absent not in weights, weights
