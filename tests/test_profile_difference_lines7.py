"""lines7: failure kinds of a development set of fresh AllSides pairs (fresh4), each rule general: a headline naming a
body by what it is, a label given by a description alone, one agency under two names, named outlets read as unnamed
sources, frame cues in another sense."""
import pytest

from compare.ingest import article_from_text
from compare.model import Actor
from compare.profile.sections import sentence_views
from compare.profile.sourcing import sourcing_profile
from conftest import placed_lines


def _pair(head_a, body_a, head_b, body_b):
    return [article_from_text(head_a + "\n\n" + body_a, outlet="o0"),
            article_from_text(head_b + "\n\n" + body_b, outlet="o1")]


@pytest.mark.parametrize("head_a,name,kind,body_b,described", [
    ("Gunman angry at Maryland newspaper kills five", "Capital Gazette", "organisation",
     "A gunman opened fire in the Capital Gazette newspaper office.", True),
    ("Federal appeals court sides with administration", "Ninth Circuit", "person",  # the recogniser's "person"
     "The Ninth Circuit Court of Appeals ruled on Monday.", True),
    ("Former president launches new initiative on maps", "Redistricting U", "person",
     "The initiative, Redistricting U, will train activists.", True),
    ("Party leaders back the tax bill", "Republicans", "group", "Republicans, the party of the majority, backed it.",
     True),
    ("Senators meet on Thursday", "Capital Gazette", "organisation", "The Capital Gazette filed the suit.", False),
])
def test_a_body_the_other_headline_names_by_what_it_is(head_a, name, kind, body_b, described):
    from compare.profile.differences import _described

    assert _described(Actor(name, kind), head_a, ["It happened on Thursday.", body_b]) is described


def test_a_one_word_name_owned_by_a_noun_is_no_person(all_headline_kinds):
    articles = _pair("President's Day scrape: Trump and Obama spar over credit",
                     "Trump and Obama sparred on Day.",
                     "Trump rips Obama over credit", "Trump criticised Obama.")
    assert placed_lines([["Day"], []], [(Actor("Day", "person"),), ()], articles) == []


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


# --------------------------------------------------------------------------- after the clean counts (fresh3, fresh5)

def test_headline_lines_name_people_and_groups_only():
    articles = _pair("Nebraska and Oklahoma Sue Colorado Over Marijuana Law", "Nebraska and Oklahoma sued Colorado.",
                     "Neighbouring states go to court over marijuana", "Two states sued Colorado on Thursday.")
    actors = [(Actor("Nebraska", "place"), Actor("Oklahoma", "place")), ()]
    # places (and bodies) are left to the profile's placement table
    assert placed_lines([["Nebraska", "Oklahoma"], []], actors, articles) == []
    articles = _pair("Republicans Back Rep. Ann Reed's Bill", "Republicans backed Rep. Ann Reed's bill on Tuesday.",
                     "House bill advances", "The bill advanced on Tuesday.")
    actors = [(Actor("Republicans", "group"), Actor("Ann Reed", "person", ("Ann Reed", "Reed"), ("Rep.",))), ()]
    (line,) = placed_lines([["Republicans", "Ann Reed"], []], actors, articles)
    assert line.text.endswith("only A's headline names Republicans and Ann Reed.")
    # the recogniser's "person" with no first name or title is no person: "Ninth Circuit"
    articles = _pair("Liberal Ninth Circuit Upholds Rules", "The Ninth Circuit ruled on Monday.",
                     "Appeals judges uphold rules", "The judges ruled on Monday.")
    assert placed_lines([["Ninth Circuit"], []], [(Actor("Ninth Circuit", "person"),), ()], articles) == []


def test_a_short_name_of_the_one_cited_outlet_is_that_outlet():
    article = article_from_text("Recall\n\nThe professor told The New York Times the recall was just. According to "
                                "The Times, the judge declined to comment.")
    assert sourcing_profile(sentence_views(article), (), "Example News").outlets == ("New York Times",)


def test_a_passage_after_an_outlets_lead_in_is_its_words():
    from compare.nlp.quotes import unmarked_quotes

    text = ("The group claimed the attack.\n\nThe Associated Press reports:\n\nThe gunman fired at the crowd for seven "
            "minutes.\n\nPolice said the search went on.")
    ((start, end, speaker, _, _),) = unmarked_quotes(text)
    assert speaker == "Associated Press" and text[start:end] == "The gunman fired at the crowd for seven minutes."
    # no outlet and no quoting word in the lead-in: the outlet's own account follows
    assert unmarked_quotes("Officials said the plan has three parts:\n\nFirst, roads.") == []


def test_a_us_title_is_the_title_without_the_country():
    from compare.profile.differences import _labelled_near

    sasse = Actor("Ben Sasse", "person", ("Ben Sasse", "Sasse"))
    assert _labelled_near("Republican Senator Ben Sasse said the arrest was right.", "U.S. Sen.", sasse)


def test_a_party_tag_gives_the_party_and_the_state():
    from compare.profile.differences import _labelled_near

    grimm = Actor("Michael Grimm", "person", ("Michael Grimm", "Grimm"))
    assert _labelled_near("Rep. Michael Grimm (R-N.Y.) is expected to be indicted.", "New York Republican Rep.", grimm)
    assert _labelled_near("Sen. Michael Grimm, R-N.Y., said so.", "Republican Sen.", grimm)
    assert not _labelled_near("Rep. Michael Grimm (R-N.Y.) is expected to be indicted.", "Democratic Rep.", grimm)
    assert not _labelled_near("Rep. Michael Grimm is expected to be indicted.", "Republican Rep.", grimm)
    nessel = Actor("Dana Nessel", "person", ("Dana Nessel", "Nessel"))
    assert _labelled_near("Attorney General Dana Nessel (D) said so.", "Democratic Attorney General", nessel)
    assert _labelled_near("said Sen. Dana Nessel, Democrat of Illinois.", "Democratic Sen.", nessel)


def test_a_plural_title_is_no_part_of_a_name():
    from compare.facts import extract_facts

    article = article_from_text("Ruling\n\nJustices Samuel Alito and Brett Kavanaugh penned dissents. "
                                "\"This is wrong,\" Alito wrote.", outlet="o0")
    names = {a.name for a in extract_facts(article, 0)[0]}
    assert "Samuel Alito" in names and "Justices Samuel Alito" not in names


def test_a_name_alone_before_a_colon_stays_the_persons_words():
    from compare.model import Mention
    from compare.nlp.quotes import unmarked_quotes

    text = "He spoke in Aspen.\n\nBloomberg:\n\nNinety-five percent of murders fit one pattern.\n\nThe audio surfaced."
    ((_, _, speaker, _, _),) = unmarked_quotes(text, [Mention("Bloomberg", 20, 29, "Michael Bloomberg")])
    assert speaker == "Michael Bloomberg"  # the man the article names, not the news agency of the same name
