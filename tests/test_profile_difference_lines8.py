"""lines8: failure kinds of the clean counts allsides5/allsides6 (judged blind, then looked at): words in indirect
speech taken for the outlet's own, one group of unnamed sources counted three times, a letter read as a source, a
share line whose lower side hands paragraphs over with a colon, a plural title kept in a speaker's name, a group the
other headline names by its adjective or abbreviation."""
import pytest

from compare.ingest import article_from_text
from compare.model import Actor
from conftest import placed_lines


def _pair(head_a, body_a, head_b, body_b):
    return [article_from_text(head_a + "\n\n" + body_a, outlet="o0"),
            article_from_text(head_b + "\n\n" + body_b, outlet="o1")]


@pytest.mark.parametrize("text,word,own", [
    ("She faced a secret trial that was criticised as a sham by human rights experts.", "sham", False),
    ("Most Alabama Republicans are saying the allegations against him are a hoax.", "hoax", False),
    ("Conway suggested that the president regards the latest actions as nothing short of betrayal.", "betrayal", False),
    ("The platforms removed content over what they called hateful and violent speech.", "hateful", False),
    ("He has overseen a crackdown on his critics and rivals.", "crackdown", True),
    # a demand told in the outlet's words, and the thing a speaker names
    ("Legislators called for a session to rebuke the governor over his latest tirade.", "tirade", True),
    ("Gibbs called his rhetoric well over the line.", "rhetoric", True),
    ("He said on Monday it was fine. The outrage grew.", "outrage", True),
    # allsides7: a title or a regimen is no loaded word
    ("The world figure skating champion Evgenia Medvedeva will compete.", "champion", False),
    ("Athletes face a stricter-than-usual testing regime.", "regime", False),
    ("The regime in Tehran jailed its critics.", "regime", True),
    ("He will champion the cause of the poor.", "champion", True),
])
def test_a_word_after_a_reporting_verb_or_in_a_set_phrase_is_not_the_outlets_choice(text, word, own):
    from compare.profile.differences import _neutral_spans, _reported_spans, _written_outside

    assert _written_outside(word, text, _reported_spans(text) + _neutral_spans(text)) is own


def test_reported_words_make_no_loaded_line():
    from compare.profile.differences import _loaded_words
    from compare.profile.types import OutletProfile, WordingProfile, WordUse

    text_b = ("The trial was criticised as a sham by experts. Critics are saying the case is a travesty. "
              "He has overseen a crackdown on rivals.")
    articles = _pair("Court jails critic", "The court jailed a critic on Monday.", "Court jails critic", text_b)

    def uses(*words):
        return WordingProfile(words=100, rates={"loaded": 30.0}, uses=tuple(WordUse(w, "loaded", 1) for w in words))

    profiles = [OutletProfile(0, "o0", wording=WordingProfile(words=100, rates={"loaded": 0.0})),
                OutletProfile(1, "o1", wording=uses("sham", "travesty", "crackdown"))]
    assert _loaded_words(profiles, {0: "A", 1: "B"}, articles) == []  # one own word ("crackdown") is no pattern
    profiles[1] = OutletProfile(1, "o1", wording=uses("sham", "travesty", "crackdown", "slammed"))
    articles[1] = article_from_text("Court jails critic\n\n" + text_b + " He slammed them.", outlet="o1")
    (line,) = _loaded_words(profiles, {0: "A", 1: "B"}, articles)
    assert "“crackdown” and “slammed”" in line.text and "sham" not in line.text


def test_one_group_of_unnamed_sources_is_one_source():
    from compare.profile.sourcing import _distinct_anonymous

    keys = {("nyt", "source"), ("", "source"), ("nyt", "source")}
    assert _distinct_anonymous(keys) == 1
    assert _distinct_anonymous({("", "source"), ("democratic", "staffer")}) == 2
    assert _distinct_anonymous({("sentence", 3), ("sentence", 5), ("", "official")}) == 3


def test_a_possessive_qualifier_is_the_same_source():
    from compare.profile.sourcing import _anonymous_key
    from compare.profile.types import Evidence

    def key(cue):
        return _anonymous_key((0, cue), Evidence("", 0, (cue,)))

    assert key("NYT’s sources said") == key("according to three NYT sources") == ("nyt", "source")


@pytest.mark.parametrize("sentence,letter", [
    ("In July, many lawmakers wrote Mr. Obama a letter urging him to pick her.", True),
    ("Aides wrote the president a long memo.", True),
    ("Officials wrote that the plan had failed.", False),
    ("Officials wrote on Monday.", False),
])
def test_a_letter_written_to_someone_is_no_source(sentence, letter):
    from compare.profile.sourcing import _writes_to

    end = sentence.index("wrote") + len("wrote")
    assert _writes_to(sentence, end) is letter


def test_no_share_line_when_the_lower_side_hands_paragraphs_over_with_a_colon():
    from compare.nlp.quotes import hands_over

    assert hands_over("Police released the following account of the incident:\nAt about 7 a.m. officers went.")
    assert hands_over("IJReview reports:\n\nThe bill passed the council 9 to 4.")
    assert not hands_over("She said:\n“We will win.”")
    assert not hands_over("The vote was 9 to 4: a win for the mayor.\nThe council met.")


@pytest.mark.parametrize("speaker,shown", [
    ("Justices Samuel Alito", "Samuel Alito"), ("Senators Ron Wyden", "Ron Wyden"),
    ("Chris Collins", "Chris Collins"), ("Justice Samuel Alito", "Justice Samuel Alito"),
])
def test_a_plural_title_is_not_part_of_a_speakers_name(speaker, shown):
    from compare.profile.differences import _speaker_name

    assert _speaker_name(speaker) == shown


@pytest.mark.parametrize("head_b", [
    "Trump to end asylum protections for most Central American migrants",
    "Dem senators sue to overturn the appointment",
])
def test_a_group_the_other_headline_names_by_its_adjective_or_abbreviation(head_b):
    name = "Central Americans" if "American" in head_b else "Democrats"
    head_a = ("Trump ending asylum protections for Central Americans" if name != "Democrats"
              else "Democrats sue over appointment")
    body = f"{name} were in the news. Democrats and Central Americans spoke."
    articles = _pair(head_a, body, head_b, body)
    actors = [(Actor(name, "group"),), ()]
    assert placed_lines([[name], []], actors, articles) == []
    articles = _pair(head_a, body, "Trump acts on asylum protections", body)  # not named: the line stays
    (line,) = placed_lines([[name], []], actors, articles)
    assert line.text.endswith(f"only A's headline names {name}.")


# --------------------------------------------------------------------------- failure kinds of the clean count allsides7
# (fresh pairs judged blind on f8d8460, then looked at)

def test_complaining_of_pain_is_no_report_verb():
    from compare.profile.differences import _reported

    assert not _reported("complained", "He went to hospital after complaining of pain. He complained of chest pain.")
    assert _reported("complained", "She complained that the rules were unfair.")


@pytest.mark.parametrize("a,b,same", [
    ("N.Y. Gov.", "Democratic Gov.", True), ("U.S. Sen.", "Republican Senator", True),
    ("Democratic Gov.", "N.Y. Gov.", False), ("Republican governor", "Georgia Gov.", False),  # a party is a label
    ("embattled Gov.", "Democratic Gov.", False), ("former pastor", "Gov.", False),
])
def test_one_office_with_a_place_added_is_one_label(a, b, same):
    from compare.profile.differences import _same_office

    assert _same_office(a, b) is same


def test_an_outlet_named_by_its_abbreviation_in_a_dateline_is_named():
    from compare.profile.differences import _cited_outlets
    from compare.profile.types import OutletProfile, SourcingProfile

    articles = _pair("Law passes", "The Associated Press reports the law passed.", "Law passes",
                     "ALBANY, N.Y. (AP) — The law passed on Tuesday.")
    profiles = [OutletProfile(0, "CBS News", sourcing=SourcingProfile(1, 0.1, outlets=("Associated Press",))),
                OutletProfile(1, "Associated Press", sourcing=SourcingProfile(1, 0.1))]
    assert _cited_outlets(profiles, {0: "A", 1: "B"}, articles) == []
    articles[1] = article_from_text("Law passes\n\nALBANY, N.Y. — The law passed on Tuesday.", outlet="o1")
    (line,) = _cited_outlets(profiles, {0: "A", 1: "B"}, articles)
    assert line.text == "A cites Associated Press; B does not name it."


def test_a_group_named_by_its_country_in_the_other_headline():
    articles = _pair("IOC to allow Russians to compete under a neutral flag", "Russians will compete.",
                     "Olympics: Russia banned from Pyeongchang Games", "Russia was banned.")
    actors = [(Actor("Russians", "group"),), ()]
    assert placed_lines([["Russians"], []], actors, articles) == []


def test_a_quotation_after_a_sentence_telling_of_a_person_speaking_is_theirs_but_unchecked():
    from compare import compare_articles

    body = ("Boats sank off Libya on Sunday. Maltese prime minister Joseph Muscat held a press conference after the "
            "tragedy. “What happened on Sunday was a game changer, and history will judge Europe very harshly if it "
            "does not act as a team now.”\n\nChancellor Angela Merkel said: “We must act.”")
    other = "Boats sank off Libya on Sunday. Leaders will meet on Thursday to discuss the crisis."
    result = compare_articles(_pair("Migrants drown", body, "Migrants drown", other), tone_targets=False)
    speakers = {s.speaker: (s.words, s.checked_words) for s in result.profiles[0].sourcing.speakers}
    assert speakers["Joseph Muscat"][0] > speakers["Angela Merkel"][0] and speakers["Joseph Muscat"][1] == 0
    from compare.profile.differences import _most_quoted

    assert _most_quoted(result.profiles[0]) is None  # Merkel is not the most quoted; Muscat is not checked


@pytest.mark.parametrize("own,joint", [
    ("Smollett's attorneys, Todd Pugh and Victor Henderson, said", True),
    ("Nancy Pelosi and Chuck Schumer said in a joint statement", True),
    ("Victor Henderson said", False),
    ("Victor Henderson, a lawyer for the family, said", False),
])
def test_words_two_people_say_together_are_checked_for_neither(own, joint):
    from compare.profile.sourcing import JOINT, _cue_names

    names = _cue_names(own)[0]
    assert (JOINT in names) is joint and names - {JOINT}


# --------------------------------------------------------------------------- failure kinds of the clean count allsides8
# (22 fresh pairs judged blind on b6203a4, then looked at)

def test_a_right_mark_opening_a_word_opens_a_quotation():
    from compare.nlp.quotes import quote_spans

    text = "”We have mechanisms in place,” Mr. Obama said. He said “yes.”"
    assert [text[a:b] for a, b in quote_spans(text)] == ["We have mechanisms in place,", "yes."]


def test_the_person_before_a_description_in_commas_speaks():
    from compare.nlp.actors import text_actors
    from compare.nlp.quotes import find_quotes

    text = ("“That direction accords with the Constitution,” Justice Elena Kagan, an Obama-appointee, wrote for the "
            "court.")
    _, mentions = text_actors(text)
    (quote,) = find_quotes(text, [(0, len(text))], mentions)
    assert quote.speaker == "Elena Kagan"


@pytest.mark.parametrize("line,caption", [
    ("JUST WATCHED McCain: Leaks came from the White House Replay More Videos ... MUST WATCH McCain 01:00", True),
    ("Enlarge this image toggle caption Alex Wong/Getty Images", True),
    ("He said he would replay the tape for the committee on Monday.", False),
    ("Photos: Her life in the spotlight Photos: Her life in the spotlight She accepts the nomination in Philadelphia "
     "on July 28, 2016. " * 4 + "Hide Caption 1 of 43 Photos: Her life in the spotlight She married in 1975. "
     "Hide Caption 2 of 43", True),
    ("The museum's new guide tells visitors to hide caption cards from the light in room 43 of the wing.", False),
])
def test_a_video_players_caption_is_no_reporting(line, caption):
    from compare.ingest.roles import paragraph_role

    assert (paragraph_role(line)[0] == "caption") is caption


def test_a_label_the_other_article_writes_as_its_acronym_is_no_difference():
    from compare.profile.differences import _labels
    from compare.profile.types import ActorLabels, OutletProfile, WordingProfile

    pruitt = Actor("Gary Pruitt", "person", ("Gary Pruitt", "Pruitt"))
    articles = _pair("Records seized", "AP President and Chief Executive Officer Gary Pruitt protested.",
                     "Records seized", "Gary Pruitt, the news agency's CEO, wrote a letter.")
    profiles = [OutletProfile(0, "o0", wording=WordingProfile(words=100, labels=(
                    ActorLabels("Gary Pruitt", ("Chief Executive Officer",)),))),
                OutletProfile(1, "o1", wording=WordingProfile(words=100, labels=(ActorLabels("Gary Pruitt", ()),)))]
    assert _labels(profiles, {0: "A", 1: "B"}, [(pruitt,), (pruitt,)], articles) == []


def test_a_link_to_a_story_is_no_citation():
    from compare.profile.sourcing import _cited_at

    text = "Manafort sent a link to Business Insider story titled “Not guilty”. He told Business Insider he was fine."
    first, second = (m for m in __import__("re").finditer("Business Insider", text))
    assert not _cited_at(text, first.start(), first.end()) and _cited_at(text, second.start(), second.end())


@pytest.mark.parametrize("text,reports", [
    ("They will win their case after it has been fully briefed and argued.", False),
    ("The case was argued before the court in May.", False),
    ("Lawyers argued that the law was void.", True),
])
def test_a_case_argued_in_court_is_no_report(text, reports):
    from compare.profile.differences import _reported

    assert _reported("argued", text) is reports


def test_a_month_that_is_a_surname_names_the_person():
    from compare.nlp.actors import text_actors

    text = ("Prime Minister Theresa May spoke on Monday. “We will defer the vote,” May told parliament. In May, the "
            "talks failed. Mrs. May said no. The vote is due on Friday May 3.")
    actors, mentions = text_actors(text)
    assert [a.name for a in actors] == ["Theresa May"]
    assert [text[m.start:m.end] for m in mentions] == ["Theresa May", "May", "May"]  # not "In May", not "May 3"


def test_a_side_the_other_headline_names_as_the_left_is_no_difference():
    articles = _pair("Schumer bashed by the left over shutdown-ending deal", "Liberal groups attacked Schumer.",
                     "Liberals Fume At 'Worst Negotiator' Chuck Schumer", "Liberals were angry at Schumer.")
    actors = [(), (Actor("Liberals", "group"),)]
    assert placed_lines([[], ["Liberals"]], actors, articles) == []
    articles[0] = article_from_text("Schumer strikes shutdown-ending deal\n\nLiberal groups attacked Schumer.",
                                    outlet="o0")
    (line,) = placed_lines([[], ["Liberals"]], actors, articles)
    assert line.text.endswith("only B's headline names Liberals.")
