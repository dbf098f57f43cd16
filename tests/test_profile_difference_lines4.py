"""Difference lines checked against fresh same-story pairs of other outlets (issue 14, lines4): quotations without
quotation marks (embedded tweets, block quotations), one person under a short first name, name variants that are no
difference, most-quoted shares as ranges, institutions taken for people, words in names and set phrases, places and
titles in headlines, frames that lead both articles, cue words as written. Made-up sentences only."""

from __future__ import annotations

from compare.ingest import article_from_text
from compare.model import Actor
from compare.profile.differences import _frames, _loaded_words, _placement, _reported, _voice
from compare.profile.types import (
    Evidence,
    FrameScore,
    FramingProfile,
    OutletProfile,
    Placement,
    SourcingProfile,
    SpeakerShare,
    WordingProfile,
    WordUse,
)

NAMES = {0: "A", 1: "B"}


def _profile(text):
    from compare.facts import extract_facts
    from compare.profile.build import build_profile

    article = article_from_text(text, outlet="o0")
    actors, facts = extract_facts(article, 0)
    return article, build_profile(article, 0, facts, actors)


# --------------------------------------------------------------------------- quotations without marks

TWEETED = ("Governor reacts\n\n"
           "The governor reacted on Tuesday to the report about the bridge.\n\n"
           "The bridge was never safe and everyone knew it. Fix it now! https://t.co/x1 — Maria Lopez (@marialopez) "
           "June 9, 2020\n\n"
           "Officials did not comment.")
BLOCK = ("Mayor defends policy\n\n"
         "The mayor’s remarks came at a forum in 2016. Mayor Tom Reed spoke for an hour.\n\n"
         "Reed:\n\n"
         "We send the crews where the potholes are. That is where the calls come from. We did it every night.\n\n"
         "The remarks drew criticism on Monday.")


def test_an_embedded_tweet_is_a_quotation_of_its_signer():
    from compare.nlp.quotes import find_quotes, unmarked_quotes

    article, profile = _profile(TWEETED)
    (start, end, speaker, verb, _), = unmarked_quotes(article.text)
    assert article.text[start:end] == "The bridge was never safe and everyone knew it. Fix it now!"
    assert (speaker, verb) == ("Maria Lopez", "tweeted")
    spans = [(s.start, s.end) for s in article.sentences]
    assert [(q.text, q.speaker) for q in find_quotes(article.text, spans)] == [
        ("The bridge was never safe and everyone knew it. Fix it now!", "Maria Lopez")]
    lopez = next(s for s in profile.sourcing.speakers if s.speaker == "Maria Lopez")
    assert lopez.words == 12 and lopez.checked_words == 12  # the signature names her as surely as "she said"


def test_a_block_quotation_after_a_name_alone_is_that_persons_words_not_the_outlets_voice():
    article, profile = _profile(BLOCK)
    reed = next(s for s in profile.sourcing.speakers if s.speaker.endswith("Reed"))
    assert reed.words == reed.checked_words >= 18
    assert profile.sourcing.quoted_word_share > 0.4
    from compare.facts import extract_facts
    from compare.profile.sections import sentence_views

    views = sentence_views(article, extract_facts(article, 0)[1])
    assert not any("potholes" in v.own_text for v in views)  # the block is not the outlet's own voice


def test_a_colon_without_a_quoting_word_opens_no_block_quotation():
    from compare.nlp.quotes import unmarked_quotes

    text = ("Plan\n\nOfficials said the plan has three parts:\n\nFirst, the state will repair the bridge.\n\n"
            "Here is the text of the letter:\n\nWe ask you to act before the winter.")
    found = [text[a:b] for a, b, _, _, _ in unmarked_quotes(text)]
    assert found == ["We ask you to act before the winter."]


# --------------------------------------------------------------------------- names

def test_michael_and_mike_are_one_person():
    from compare.nlp.actors import same_actor

    assert same_actor(Actor("Mike Ortega", "person"), Actor("Michael Ortega", "person"))
    assert same_actor(Actor("Micheál Ortega", "person"), Actor("Michael Ortega", "person"))
    assert not same_actor(Actor("Edward Lane", "person"), Actor("Theodore Lane", "person"))  # "Ted" of both

    def top(name):
        return SourcingProfile(quotes=3, quoted_word_share=0.3, named=3,
                               speakers=(SpeakerShare(name, 3, 60, 1.0, checked_words=60),))

    profiles = [OutletProfile(0, "o0", sourcing=top("Mike Ortega")),
                OutletProfile(1, "o1", sourcing=top("Michael Ortega"))]
    assert not [d for d in _voice(profiles, NAMES) if d.text.startswith("Most quoted")]


def test_a_name_variant_is_no_difference_when_only_the_marks_differ_or_both_articles_write_both():
    from compare.comparison import _variant_shown
    from compare.model import ActorVariant

    def variant(a, b):
        return ActorVariant(a, a, b, "")

    assert not _variant_shown(variant("Dana O’Hara", "Dana O'Hara"), "Sgt. Dana O’Hara said.", "Dana O'Hara said.")
    assert not _variant_shown(variant("Michael Ortega", "Mike Ortega"),
                              "Michael Ortega spoke. A tweet said Mike Ortega lied.", "Mike Ortega spoke.")
    assert _variant_shown(variant("Steven Park", "Steve Park"), "Steven Park spoke.", "Steve Park spoke.")


def test_an_institution_taken_for_a_surname_is_never_most_quoted(most_quoted_lines):
    def sourcing(name, words):
        return SourcingProfile(quotes=3, quoted_word_share=0.3, named=3,
                               speakers=(SpeakerShare(name, 3, words, 1.0, checked_words=words),))

    actors = [(Actor("Northfield", "person", ("Northfield",)), Actor("Northfield University", "organisation")),
              (Actor("Westbrook", "person", ("Westbrook",)), Actor("Lisa Grant", "person", ("Lisa Grant", "Grant")))]
    profiles = [OutletProfile(0, "o0", sourcing=sourcing("Northfield", 80)),
                OutletProfile(1, "o1", sourcing=sourcing("Westbrook", 40))]
    assert not [d for d in _voice(profiles, NAMES, actors) if d.text.startswith("Most quoted")]
    profiles[1] = OutletProfile(1, "o1", sourcing=sourcing("Grant", 40))  # a surname with a first name is a person
    actors[0] = (Actor("Northfield", "person", ("Northfield",), ("President",)),)  # ...and one with a title
    (line,) = [d for d in _voice(profiles, NAMES, actors) if d.text.startswith("Most quoted")]
    assert line.text.startswith("Most quoted: Northfield in A")


# --------------------------------------------------------------------------- words

def _uses(*words):
    return WordingProfile(words=100, rates={"loaded": 10.0 * len(words)},
                          uses=tuple(WordUse(w, "loaded", 1, 0, (Evidence(1, "x", (w,)),)) for w in words))


def test_loaded_words_inside_names_set_phrases_or_naming_a_subject_are_not_named():
    a = article_from_text(
        "Talks\n\nThe aide was infamous in Washington. He backed regime change in Iran and the Iraq invasion. "
        "The Pro-Choice Voters League, led by Jane Roe, saw through the ploy. Experts spoke of institutional racism. "
        "Anti-abortion groups cheered.",
        outlet="o0")
    b = article_from_text("Talks\n\nThe aide left the job on Tuesday.", outlet="o1")
    actors = [(Actor("Pro-Choice Voters League", "organisation"), Actor("Iran", "place"), Actor("Iraq", "place")), ()]
    profiles = [OutletProfile(0, "o0", wording=_uses("infamous", "regime", "invasion", "pro-choice", "ploy", "racism",
                                                    "anti-abortion")),
                OutletProfile(1, "o1", wording=_uses())]
    (line,) = _loaded_words(profiles, NAMES, [a, b], actors)
    assert line.text == ("A writes loaded or sensational words in its own voice that B does not use: “infamous” and "
                         "“ploy”.")


def test_deny_with_an_object_it_withholds_is_no_report_verb():
    assert not _reported("deny", "The board may delay or deny funds to the school district next year.")
    assert not _reported("denied", "The agency denied visas to the students.")
    assert _reported("denied", "The agency denied the report on Friday.")


# --------------------------------------------------------------------------- headlines

def _heads(*actor_lists):
    return [OutletProfile(article=i, outlet=f"o{i}",
                          framing=FramingProfile(placement=Placement(headline_actors=tuple(a))))
            for i, a in enumerate(actor_lists)]


def _articles(*headlines):
    return [article_from_text(h + "\n\nSome body text that says little.", outlet=f"o{i}")
            for i, h in enumerate(headlines)]


def test_a_place_before_an_organisation_word_or_in_a_headlines_label_is_no_actor_up_front(all_headline_kinds):
    articles = _articles("Neighbors Ask Questions After Ohio Police Stop Driver on Highway",
                         "Police chief apologizes for driver's arrest")
    actors = [(Actor("Ohio", "place"),), ()]
    assert _placement(_heads(["Ohio"], []), NAMES, actors, articles) == []
    articles = _articles("Lagos fire: market blaze started by a generator, officials say", "Traders count losses")
    actors = [(Actor("Lagos", "place"),), ()]
    assert _placement(_heads(["Lagos"], []), NAMES, actors, articles) == []
    articles = _articles("Ohio sues Kentucky over river water", "River water fight heads to court")
    actors = [(Actor("Ohio", "place"), Actor("Kentucky", "place")), ()]
    (line,) = _placement(_heads(["Ohio", "Kentucky"], []), NAMES, actors, articles)
    assert line.text == "Headlines put different actors up front: only A's headline names Ohio and Kentucky."


def test_a_name_with_an_organisation_word_is_no_persons_name_whose_last_word_names_it():
    articles = _articles("Ministry Denies Fault in Norland Flight Delay", "Passengers wait nine hours at the airport")
    actors = [(Actor("International Airlines Flight", "person", ("Flight", "International Airlines Flight")),), ()]
    assert _placement(_heads(["International Airlines Flight"], []), NAMES, actors, articles) == []


def test_a_person_the_other_headline_puts_up_front_by_title_is_no_difference():
    articles = _articles("Democratic senator 'troubled' by budget deal",
                         "Budget: Jane Miller 'troubled' by the deal")
    actors = [(Actor("Jane Miller", "person", ("Jane Miller", "Miller"), ("Senator",)),),
              (Actor("Jane Miller", "person", ("Jane Miller", "Miller")),)]
    assert _placement(_heads([], ["Jane Miller"]), NAMES, actors, articles) == []
    # the title stands for one person only: the one whose label shares more words with the headline
    articles = _articles("Feud with former Mexican president", "Former President Juan Diaz Slams President Luis Ortiz")
    actors = [(Actor("Juan Diaz", "person", ("Juan Diaz", "Diaz"), ("Mexican President",)),
               Actor("Luis Ortiz", "person", ("Luis Ortiz", "Ortiz"), ("President",))),
              (Actor("Juan Diaz", "person", ("Juan Diaz", "Diaz")),
               Actor("Luis Ortiz", "person", ("Luis Ortiz", "Ortiz")))]
    (line,) = _placement(_heads([], ["Juan Diaz", "Luis Ortiz"]), NAMES, actors, articles)
    assert line.text == "Headlines put different actors up front: only B's headline names Luis Ortiz."


# --------------------------------------------------------------------------- frames

def test_no_frame_line_for_a_frame_within_a_hair_of_the_other_articles_top_frame():
    articles = [article_from_text("Verdict\n\nThe murder trial ended. Police and prosecutors spoke. The murder case "
                                  "went to prosecutors. The police and prosecutors met. A suspect was arrested. "
                                  "The jail held him.", outlet="o0"),
                article_from_text("Verdict\n\nThe jury met on Monday. The police spoke.", outlet="o1")]
    cues = ("murder", "police", "prosecutors", "arrested", "jail")
    crime = FrameScore("Crime and punishment", 0.5, 20, cues, (Evidence(1, "x", ("murder",)),))
    def b(crime_share, life_share):
        return OutletProfile(1, "o1", framing=FramingProfile({"Crime and punishment": crime_share,
                                                             "Quality of life": life_share}, ()))

    profiles = [OutletProfile(0, "o0", framing=FramingProfile({"Crime and punishment": 0.5}, (crime,))), b(0.2, 0.21)]
    assert _frames(profiles, NAMES, articles, [(), ()]) == []  # crime is B's lead too, a hair under its top frame
    profiles[1] = b(0.2, 0.3)
    assert len(_frames(profiles, NAMES, articles, [(), ()])) == 1


def test_frame_cues_are_quoted_as_the_article_writes_them():
    long_b = "Weather\n\n" + " ".join(f"It rained on day {i}." for i in range(12)) + " The senate met."
    articles = [article_from_text("Senate vote\n\nThe senator’s vote was held. The party met. The election was called. "
                                  "The senate and the party voted.", outlet="o0"),
                article_from_text(long_b, outlet="o1")]
    cues = ("senator's", "party", "election", "vote")
    political = FrameScore("Political", 0.5, 20, cues, (Evidence(1, "x", ("party",)),))
    profiles = [OutletProfile(0, "o0", framing=FramingProfile({"Political": 0.5}, (political,))),
                OutletProfile(1, "o1", framing=FramingProfile({"Political": 0.05, "Economic": 0.2}, ()))]
    (line,) = _frames(profiles, NAMES, articles, [(), ()])
    assert "“senator’s”" in line.text and "senator's" not in line.text
