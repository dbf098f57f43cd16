"""lines6: the remaining failures of the fresh_allsides2 judgement (outlets missing from the cited list, labels, loaded
words the outlet did not choose, reprinted statements, frame cue senses)."""
import pytest

from compare.ingest import article_from_text
from compare.profile.sections import sentence_views
from compare.profile.sourcing import sourcing_profile


def _cited(sentence: str, outlet: str = "Example News") -> tuple:
    article = article_from_text("Headline\n\n" + sentence)
    return sourcing_profile(sentence_views(article), (), outlet).outlets


@pytest.mark.parametrize("sentence,outlet", [
    ("The letter was signed by hundreds of lawyers, the Daily Caller reported.", "Daily Caller"),
    ("According to the Washington Examiner, the vote was delayed.", "Washington Examiner"),
    ("The senator told the Daily Wire that he would vote no.", "Daily Wire"),
    ("Newsmax reported that the meeting was cancelled.", "Newsmax"),
    ("The memo was first reported by Axios.", "Axios"),
    ("The plan was first reported by Vox.", "Vox"),
    ("Mother Jones obtained the recording.", "Mother Jones"),
    ("The governor said in an interview with The Blaze that he would stay.", "The Blaze"),
    ("TheBlaze reported on the ruling last week.", "TheBlaze"),
    ("The actor spoke to The Hollywood Reporter about the film.", "Hollywood Reporter"),
    ("The figures were first reported by the Daily Beast.", "Daily Beast"),
    ("According to the Washington Times, the contract was signed.", "Washington Times"),
])
def test_common_us_outlets_are_known_as_cited(sentence, outlet):
    assert _cited(sentence) == (outlet,)


def test_an_outlet_citing_itself_cites_nothing():
    assert _cited("The Daily Caller reported the story first.", "Daily Caller") == ()
    assert _cited("TheBlaze reported the story first.", "theblaze.com") == ()  # the outlet of a domain
    assert _cited("The Blaze reported the story first.", "theblaze.com") == ()


# --------------------------------------------------------------------------- documents reprinted without marks

APOLOGY = ("Paper apologises for cartoon\n\n"
           "The Daily Ledger removed the cartoon on Saturday after days of criticism. On Sunday it posted a tweet that "
           "read, \"We apologise for the cartoon. Here is our statement.\"\n\n"
           "We are deeply sorry for the cartoon we published last week, and we are committed to making sure nothing "
           "like this happens again. A single editor chose it without oversight, and we anticipate significant "
           "changes.\n\n"
           "Critics said the apology came late. \"It took them four days,\" columnist Ann Reed wrote.")
PETITION = ("Former officials urge minister to go\n\n"
            "More than 900 former ministry officials signed a petition calling on the minister to resign. According to "
            "the petition, the minister broke the department's rules.\n\n"
            "We, the undersigned, served governments of both parties. Each of us strongly condemns the minister's "
            "interference in the case.\n\n"
            "The minister's office did not answer questions on Monday.")


def _reprinted(text):
    from compare.nlp.quotes import unmarked_quotes

    return [(text[a:b][:20], speaker) for a, b, speaker, _, _ in unmarked_quotes(text)]


def test_a_first_person_paragraph_after_a_named_document_is_the_documents_words():
    assert _reprinted(APOLOGY) == [("We are deeply sorry ", "the statement")]
    assert _reprinted(PETITION) == [("We, the undersigned,", "the petition")]


def test_the_outlets_own_first_person_is_no_reprint():
    own = APOLOGY + "\n\nWe have asked the Ledger how the cartoon was chosen."  # the outlet writes "We" itself
    assert _reprinted(own) == []
    assert _reprinted(APOLOGY.replace("Critics said", "\n\nWe asked the editor why. Critics said")) == []
    unnamed = APOLOGY.replace("Here is our statement.", "See below.").replace("posted a tweet that read", "wrote")
    assert _reprinted(unnamed.replace("tweet", "line")) == []  # no document named before it
    assert _reprinted("Vote\n\nThe council voted on Monday.\n\nWe will update this story.") == []


def test_a_reprinted_document_is_quoted_text_not_the_outlets_voice():
    from compare.facts import extract_facts
    from compare.profile.build import build_profile
    from compare.profile.sections import sentence_views

    article = article_from_text(PETITION, outlet="o0")
    actors, facts = extract_facts(article, 0)
    views = sentence_views(article, facts)
    assert not any("condemns" in v.own_text for v in views)
    profile = build_profile(article, 0, facts, actors)
    assert not [u for u in profile.wording.uses if u.word == "condemns" and u.count > u.quoted]
    assert profile.sourcing.quoted_word_share > 0.3


def test_a_reprinted_document_quoted_more_than_a_person_leaves_no_most_quoted_person():
    from compare.facts import extract_facts
    from compare.profile.build import build_profile
    from compare.profile.differences import _most_quoted

    article = article_from_text(APOLOGY, outlet="o0")
    actors, facts = extract_facts(article, 0)
    profile = build_profile(article, 0, facts, actors)
    statement = next(s for s in profile.sourcing.speakers if s.speaker == "the statement")
    assert statement.words > 30
    assert _most_quoted(profile, actors) is None  # not Ann Reed: the paper's own statement is quoted more


TWEET_LINES = ("Paper criticised\n\n"
               "The chief of the league also condemned the paper on Saturday.\n\n"
               "The more I think about the @dailyledger \"cartoon,\" the more appalled I am.\n\n"
               "While #hate is rising, the paper pours oil on the fire.\n\n"
               "Shame on them. pic.twitter.com/x1 — Dan Hart (@danhart) April 27, 2019\n\n"
               "The paper did not reply.")


def test_an_embedded_tweet_over_several_paragraphs_is_all_the_signers():
    from compare.nlp.quotes import unmarked_quotes

    (found,) = [(TWEET_LINES[a:b], speaker) for a, b, speaker, _, _ in unmarked_quotes(TWEET_LINES)]
    assert found[0].startswith("The more I think") and found[0].endswith("Shame on them.") and found[1] == "Dan Hart"
    narration = TWEET_LINES.replace("While #hate is rising, the", "The")  # a line with no handle or hashtag ends it
    (found,) = [narration[a:b] for a, b, _, _, _ in unmarked_quotes(narration)]
    assert found == "Shame on them."


def test_a_tweets_signature_is_no_ones_own_voice():
    from compare.facts import extract_facts
    from compare.profile.sections import sentence_views

    article = article_from_text(TWEET_LINES, outlet="o0")
    views = sentence_views(article, extract_facts(article, 0)[1])
    assert not any("appalled" in v.own_text or "hate" in v.own_text or "Dan Hart" in v.own_text for v in views)
    assert any("did not reply" in v.own_text for v in views)


# --------------------------------------------------------------------------- labels


def test_an_office_owned_by_a_title_gives_no_one_that_title():
    from compare.facts import extract_facts

    article = article_from_text("Pardons\n\nFormer Kentucky Gov. Ann Reed issued hundreds of pardons before leaving "
                                "office. The Kentucky secretary of state's office began filing the orders on Monday. "
                                "The governor said each case was reviewed.", outlet="o0")
    reed = next(a for a in extract_facts(article, 0)[0] if a.name == "Ann Reed")
    assert "Kentucky secretary of state" not in reed.labels


def _label_line(label_b, text_a):
    from compare.model import Actor
    from compare.profile.differences import _labels
    from compare.profile.types import ActorLabels, OutletProfile, WordingProfile

    articles = [article_from_text("Mask order\n\n" + text_a, outlet="o0"),
                article_from_text("Mask order\n\nGeorgia Gov. Ben Kerr, a former pastor, signed the order on "
                                  "Wednesday.", outlet="o1")]
    kerr = Actor("Ben Kerr", "person", ("Ben Kerr", "Kerr"))
    actors = [(kerr,), (kerr,)]

    def labelled(*labels):
        return WordingProfile(words=100, labels=(ActorLabels("Ben Kerr", labels),))

    profiles = [OutletProfile(0, "o0", wording=labelled("Georgia Gov.")),
                OutletProfile(1, "o1", wording=labelled(label_b))]
    return [d.text for d in _labels(profiles, {0: "A", 1: "B"}, actors, articles)]


def test_a_label_whose_words_the_other_article_gives_the_person_is_no_difference():
    a = "Georgia Gov. Ben Kerr voided local mask orders. Kerr, a Republican, has clashed with mayors."
    assert _label_line("Republican governor", a) == []
    assert _label_line("Republican governor", "Georgia Gov. Ben Kerr voided local orders. The mayor is a Republican "
                                               "who has long opposed the state's plans.") == [
        "B calls Ben Kerr “Republican governor”."]  # "Republican" is not said of him
    assert _label_line("former pastor", a) == ["B calls Ben Kerr “former pastor”."]


# --------------------------------------------------------------------------- loaded words


def _uses(*words):
    from compare.profile.types import Evidence, WordingProfile, WordUse

    return WordingProfile(words=200, rates={"loaded": 5.0 * len(words), "sensational": 0.0},
                          uses=tuple(WordUse(w, "loaded", 1, 0, (Evidence(1, "x", (w,)),)) for w in words))


def test_a_lexicon_word_in_the_name_of_a_charge_or_a_set_phrase_is_no_loaded_word():
    from compare.profile.differences import _loaded_words
    from compare.profile.types import OutletProfile

    a = article_from_text("Pardons\n\nThe governor blasted the court. One man was on death row for years; another was "
                          "charged with reckless homicide. A third was accused of lying under oath. The pardons were "
                          "controversial.", outlet="o0")
    b = article_from_text("Pardons\n\nThe governor left office on Monday.", outlet="o1")
    profiles = [OutletProfile(0, "o0", wording=_uses("blasted", "row", "reckless", "lying", "controversial")),
                OutletProfile(1, "o1", wording=_uses())]
    (line,) = _loaded_words(profiles, {0: "A", 1: "B"}, [a, b])
    assert line.text == ("A writes loaded or sensational words in its own voice that B does not use: “blasted” and "
                         "“controversial”.")
    reckless = article_from_text("Pardons\n\nThe governor blasted the court. A reckless court, it went on. The row was "
                                 "controversial.")
    (line,) = _loaded_words(profiles, {0: "A", 1: "B"}, [reckless, b])
    assert "“row”" in line.text and "“reckless”" in line.text  # the words in their own sense are still named


def test_a_speaker_whose_name_ends_in_an_acronym_is_no_person():
    from compare.profile.differences import _is_person

    assert not _is_person("Atlanta-Fulton EMA")  # a tweet's display name: a county agency
    assert _is_person("Thurston Howell III") and _is_person("Melanie Thompson")
