"""Facts and their parts: actors, quantities, times, quotes, attributions (cases in tests/data/engine/)."""
from __future__ import annotations

import json
import re

import pytest

from compare import facts as facts_module
from compare.facts import article_letter, clause_spans, extract_facts, short_text
from compare.ingest import article_from_text, read_article
from compare.model import Actor, TimeAnchor
from compare.nlp import actors as actors_module, quantities as quantities_module
from compare.nlp.actors import same_actor, spelling_differs, text_actors
from compare.nlp.quantities import find_quantities
from compare.nlp.quotes import find_attributions, find_quotes
from compare.nlp.sentences import split_sentences
from compare.nlp.similarity import is_title_case, terms
from compare.nlp.times import MONTH_NAMES, MONTH_NUMBER, find_times
from conftest import DATA as TEST_DATA, REPO, SEED_A

DATA = TEST_DATA / "engine"
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def _cases(name: str) -> list:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _cases("quantities.json"), ids=lambda c: c["text"][:40])
def test_quantities(case):
    got = [[q.value, q.unit, q.counts] for q in find_quantities(case["text"])]
    assert got == [[float(v), u, c] for v, u, c in case["expect"]]


@pytest.mark.parametrize("case", _cases("times.json"), ids=lambda c: c["text"][:40] + str(c["published"]))
def test_times(case):
    got = [[t.text, t.kind, t.value] for t in find_times(case["text"], published=case["published"])]
    assert got == case["expect"]


@pytest.mark.parametrize("case", _cases("quotes.json"), ids=lambda c: c["text"][:40])
def test_quotes(case):
    text = case["text"]
    spans = split_sentences(text)
    _, mentions = text_actors(text)
    quotes = find_quotes(text, spans, mentions)
    assert len(quotes) == len(case["expect"])
    for q, e in zip(quotes, case["expect"]):
        assert q.text.startswith(e["starts"]) and text[q.start:q.end] == q.text
        assert (q.speaker, q.anonymous, q.verb) == (e["speaker"], e["anonymous"], e["verb"])


@pytest.mark.parametrize("case", _cases("attributions.json"), ids=lambda c: c["text"][:40])
def test_attributions(case):
    text = case["text"]
    spans = split_sentences(text)
    _, mentions = text_actors(text)
    got = [[a.kind, a.source] for a in find_attributions(text, spans, mentions, find_quotes(text, spans, mentions))]
    assert got == case["expect"]


@pytest.mark.parametrize("case", _cases("actor_pairs.json"), ids=lambda c: f"{c['a']}~{c['b']}")
def test_actor_matching(case):
    a, b = Actor(case["a"], "person"), Actor(case["b"], "person")
    assert same_actor(a, b) is case["same"] and same_actor(b, a) is case["same"]
    if case["same"]:
        assert bool(spelling_differs(a, b)) is case["variant"]


def test_actor_resolution_in_seed():
    article = read_article(str(SEED_A))
    actors, facts = extract_facts(article, 0)
    rutte = next(a for a in actors if a.name == "Mark Rutte")
    assert "former Dutch Prime Minister" in rutte.labels
    trump = next(a for a in actors if a.name == "Donald Trump")
    assert {"Trump", "Donald Trump"} <= set(trump.aliases)
    assert not any(a.name in ("Trump", "Rutte") for a in actors)
    described = [m for f in facts for m in f.mentions if m.text == "The former Dutch Prime Minister"]
    assert described and described[0].actor == "Mark Rutte"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_facts_are_consistent(path):
    article = read_article(str(path))
    actors, facts = extract_facts(article, 1)
    assert facts and all(f.id.startswith("B") for f in facts)
    assert len({f.id for f in facts}) == len(facts)
    reporting = {s.index for s in article.reporting_sentences}
    for f in facts:
        assert f.sentence in reporting and article.text[f.start:f.end] == f.text
        assert f.role in ("headline", "lead", "body")
        for part in f.mentions + f.quantities + f.times + f.quotes + f.attributions:
            assert article.text[part.start:part.end] == part.text
        assert set(f.actors) <= {a.name for a in actors}
    assert facts[0].role == "headline"
    assert not any("Photo: Getty" in f.text or "contributed to this report" in f.text for f in facts)


def test_clause_split_only_long_sentences():
    text = ("The alliance agreed on a new spending target for the coming decade after long talks in Brussels; "
            "the United States said it would withdraw troops from Europe unless allies paid more next year.")
    assert len(clause_spans(text, 0, len(text), [])) == 2
    short = "Trump met Rutte; they talked."
    assert clause_spans(short, 0, len(short), []) == [(0, len(short))]


def test_article_letters():
    assert [article_letter(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def test_empty_and_odd_text_does_not_crash():
    for text in ("Headline only", "Title\n\n“unclosed quote and $ and 2% and March", "A\n\n‘’“”\"\"'"):
        article = article_from_text(text)
        actors, facts = extract_facts(article, 0)
        assert all(article.text[f.start:f.end] == f.text for f in facts)


# --------------------------------------------------------------------------- text helpers shared by the engine

@pytest.mark.parametrize("text, words, expected", [
    ("one two three", 2, "one two …"), ("one  two\nthree", 3, "one two three"), ("one", 5, "one"), ("", 3, "")])
def test_short_text(text, words, expected):
    assert short_text(text, words) == expected


@pytest.mark.parametrize("text, expected", [
    ("Trump Meets Rutte At The White House", True), ("Trump meets Rutte at the White House", False),
    ("NATO Chief’s Visit Ends Early, Officials Say", True), ("Big Day", False)])
def test_title_case_is_one_rule_for_actors_and_similarity(text, expected):
    assert is_title_case(text) is expected
    assert (2.0 in {w for _, w in terms(text)}) is not expected  # in Title Case capitals do not mark names


def test_month_names_come_from_one_list():
    for k, names in enumerate(MONTH_NAMES, start=1):
        for name in names:
            assert name.title() in actors_module.MONTHS and MONTH_NUMBER[name] == k
            assert re.fullmatch(quantities_module._MONTHS, name.title())
            (anchor,) = find_times(f"They met on {name.title()} 5 in Brussels.")
            assert anchor.value == f"--{k:02d}-05", anchor
    assert len(actors_module.MONTHS) == len(MONTH_NUMBER)


def test_fact_times_are_the_articles_time_anchors(monkeypatch):
    article = article_from_text("Talks\n\nThe envoys met on March 13 in Brussels to discuss the ceasefire plan.")
    anchor = TimeAnchor("envoys", 9, 15, "date", "--01-01")  # a stand-in only article_times can supply
    monkeypatch.setattr(facts_module, "article_times", lambda a: (anchor,) if a is article else ())
    facts_module.extract_facts.cache_clear()
    _, facts = extract_facts(article, 0)
    facts_module.extract_facts.cache_clear()
    assert [f.times for f in facts if f.times] == [(anchor,)]


def test_a_person_of_a_place_is_the_person():
    text = ("“We’re seeing a lot of marijuana coming over from Colorado,” said Sheriff Adam Hayward of Deuel County, "
            "Neb., who said that he was gratified that the two states had filed the lawsuit.")
    actors, _ = text_actors(text)
    assert ("Adam Hayward", "person") in [(a.name, a.kind) for a in actors]
    assert "Deuel County" not in [a.name for a in actors if a.kind == "person"]
    quotes = find_quotes(text, split_sentences(text), text_actors(text)[1])
    assert [q.speaker for q in quotes] == ["Adam Hayward"]
    # a title run before "of" still gives the name after it
    assert [a.name for a in text_actors("Secretary of State John Kerry said the talks would resume in May.")[0]] \
        == ["John Kerry"]


def test_a_title_word_closing_a_name_is_its_surname():
    text = ("“I believe Sen. McConnell will follow through,” independent Sen. Angus King of Maine, who caucuses with "
            "the Democrats, said on Monday.")
    assert "Angus King" in [a.name for a in text_actors(text)[0]]
    king = text_actors("Martin Luther King was honoured by the city on a cold Monday in January.")[0]
    assert [a.name for a in king] == ["Martin Luther King"]
    # a title before the next person's name stays a title
    names = [a.name for a in text_actors("The talks between Joe Biden and Prime Minister Keir Starmer were held in "
                                         "London on Friday.")[0]]
    assert "Joe Biden" in names and "Keir Starmer" in names


@pytest.mark.parametrize("sentence, expected", [
    # prose full of names is not a Title Case headline: both senators are actors
    ("Senators Ron Wyden of Oregon and Rand Paul of Kentucky objected.",
     {("Ron Wyden", "person"), ("Oregon", "place"), ("Rand Paul", "person"), ("Kentucky", "place")}),
    # party and state tags are not actors of their own ("R-S", "C.")
    ("Senator Lindsay Graham (R-S.C.) and Rep. Tim Ryan (D-Ohio) spoke on Monday.",
     {("Lindsay Graham", "person"), ("Tim Ryan", "person")}),
    ("Rep. John Mabry Jr., D-Waco, said the bill was dead.", {("John Mabry Jr.", "person")}),
    # a state abbreviation after a place is the state, not a person called Tex
    ("One Facebook user who lives near Austin, Tex., posted this update.",
     {("Facebook", "organisation"), ("Austin", "place"), ("Texas", "place")}),
    # days, laws and brands are not people
    ("Supporters marked Chick-fil-A Appreciation Day and a Same-Sex Kiss Day.", set()),
    ("Hundreds of people headed to Chick-fil-A restaurants on Wednesday.", {("Chick-fil-A", "organisation")}),
    ("The Affordable Care Act was upheld, and Senator Ted Cruz objected.", {("Ted Cruz", "person")}),
    # a place or an adjective before one word does not make it a person; places and papers by their last or first word
    ("Amanda Carpenter and Boston Herald columnist Adriana Cohen argued at the Democratic National Convention.",
     {("Amanda Carpenter", "person"), ("Boston Herald", "organisation"), ("Adriana Cohen", "person"),
      ("Democrats", "group")}),
    ("He grew up on Staten Island and moved to Fort Myers, where I'm told he still lives.",
     {("Staten Island", "place"), ("Fort Myers", "place")}),
    # "Bill" is a word ("the Bill passed") unless a surname follows it; a listed first name keeps a surname "Day"
    ("Bill Clinton and former President Bill Clinton's wife, Hillary Clinton, arrived for Memorial Day.",
     {("Bill Clinton", "person"), ("Hillary Clinton", "person")}),
    ("The Bill passed, and Doris Day sang on Monday.", {("Doris Day", "person")}),
    # a possessive ends the owner's name; storms and districts are not people
    ("The Examiner's Phillip Klein said Hurricane Sandy hit the Third District hardest.",
     {("Phillip Klein", "person"), ("Third District", "place")}),
    ("The Center for American Progress and CREDO Action backed Senator Ted Cruz's rival.",
     {("Center for American Progress", "organisation"), ("CREDO Action", "organisation"), ("Ted Cruz", "person")}),
])
def test_actor_kinds_in_prose(sentence, expected):
    actors, _ = text_actors("The plan was announced last week. " + sentence)
    assert {(a.name, a.kind) for a in actors} == expected


def test_a_party_before_a_titled_name_does_not_speak():
    text = ("Senate Democrats changed the rules on Thursday. “This is a sad day for the Senate,” said veteran GOP "
            "Sen. Lamar Alexander of Tennessee.")
    _, mentions = text_actors(text)
    assert [q.speaker for q in find_quotes(text, split_sentences(text), mentions)] == ["Lamar Alexander"]


@pytest.mark.parametrize("text,speakers", [
    # a left mark closing a quote (a typo or a scrape) closes it; the speaker after it speaks
    ("Allies balked on Wednesday.\n\n“It will be an Obama-like mistake,“ Sen. Lindsey Graham (R-SC) said in a "
     "statement. “It would be a big win for ISIS.”", ["Lindsey Graham", "Lindsey Graham"]),
    # a party tag between the name and its appositive
    ("“The decision is dangerous and premature,” Sen. Jeanne Shaheen (D-NH), a member of the Senate’s Foreign "
     "Relations and Armed Services committees, said in a statement.", ["Jeanne Shaheen"]),
])
def test_quotes_a_scrape_or_a_party_tag_would_lose(text, speakers):
    _, mentions = text_actors(text)
    assert [q.speaker for q in find_quotes(text, split_sentences(text), mentions)] == speakers


@pytest.mark.parametrize("joined,spaced", [
    ("to discuss the surveillance of reporters.Holder agreed to a review.",
     "to discuss the surveillance of reporters. Holder agreed to a review."),
    ("so it could be reportable.AP media relations manager Erin White said so.",
     "so it could be reportable. AP media relations manager Erin White said so."),
    ("agrees with AP.Michael Clemente decided not to go.", "agrees with AP. Michael Clemente decided not to go."),
    ("The U.S.Army and the D.C.Council met at 5 p.m.Monday.", "The U.S.Army and the D.C.Council met at 5 p.m.Monday."),
    ("Write to Rebecca.Ballhaus@wsj.com today.", "Write to Rebecca.Ballhaus@wsj.com today."),
])
def test_sentences_run_together_get_their_space_back(joined, spaced):
    article = article_from_text("Headline\n\n" + joined, source="j.txt")
    assert article.paragraphs[1].text == spaced


def test_an_organisation_and_a_person_giving_one_quote_do_not_conflict():
    from compare.align import conflicts_of

    a = article_from_text("AP statement\n\nThe Associated Press said: “If it is not on the record, AP will not attend "
                          "and instead will offer our views in an open letter.”", source="a.txt")
    b = article_from_text("AP statement\n\nAP spokeswoman Erin Madigan White said: “If it is not on the record, AP "
                          "will not attend and instead will offer our views in an open letter.”", source="b.txt")
    fa, fb = extract_facts(a, 0)[1][-1], extract_facts(b, 1)[1][-1]
    assert fa.quotes and fb.quotes and fa.quotes[0].speaker != fb.quotes[0].speaker
    assert not [c for c in conflicts_of(fa, fb, {}, {}) if c.kind == "actor"]


def test_a_quoted_heading_after_a_quote_is_nobodys():
    text = ("Critics spoke up at once.\n\n“It is a huge mistake,” Sen. Lindsey Graham said.\n\n"
            "“You break it, you own it”\n\nThe phrase is an old one in Washington.")
    _, mentions = text_actors(text)
    quotes = find_quotes(text, split_sentences(text), mentions)
    assert [(q.text, q.speaker) for q in quotes] == [("It is a huge mistake,", "Lindsey Graham"),
                                                     ("You break it, you own it", None)]


def test_he_after_a_subordinate_opening_is_its_subject():
    text = ("A Democrat, Ron Wyden of Oregon, came to the floor. While Wyden said he wants to make his point, "
            "he said he will still vote for John Brennan at the end of the day.\n\n"
            "“Senator Paul and I agree that this nomination is an opportunity,” he said.")
    _, mentions = text_actors(text)
    assert [q.speaker for q in find_quotes(text, split_sentences(text), mentions)] == ["Ron Wyden"]


@pytest.mark.parametrize("text,speaker", [
    ('The AP wants the meeting on the record. AP media relations manager Erin Madigan White issued a statement '
     'Wednesday saying, "If it is not on the record, AP will not attend."', "Erin Madigan White"),
    ('The New York Times is adopting the same position, with executive editor Jill Abramson saying in a statement, '
     '"It isn\'t appropriate for us to attend an off-the-record meeting."', "Jill Abramson"),
])
def test_the_person_of_a_participle_speaks_not_the_organisation(text, speaker):
    _, mentions = text_actors(text)
    assert [q.speaker for q in find_quotes(text, split_sentences(text), mentions)] == [speaker]


@pytest.mark.parametrize("text,source,not_source", [
    ("Democrats have been pounding Paul LePage, saying that he needs to step down.", "Democrats", "Paul LePage"),
    ("The president downplayed the news via Twitter on Saturday, saying he had never met Brett McGurk.", None,
     "Twitter"),
    ("The meetings will be part of President Barack Obama’s announced review of the guidelines.", None,
     "Barack Obama"),
    ("The platforms removed content from Alex Jones over what they called hateful speech.", None, "Alex Jones"),
])
def test_who_a_participle_or_a_naming_verb_credits(text, source, not_source):
    spans = split_sentences(text)
    _, mentions = text_actors(text)
    sources = [a.source for a in find_attributions(text, spans, mentions, find_quotes(text, spans, mentions))]
    assert not_source not in sources
    if source:
        assert source in sources


def test_a_group_in_a_body_speaks_not_the_body():
    text = "An increasing number of Republicans in Congress have called on Paul Ryan to accept the popular will."
    spans = split_sentences(text)
    _, mentions = text_actors(text)
    sources = [a.source for a in find_attributions(text, spans, mentions, find_quotes(text, spans, mentions))]
    assert sources == ["Republicans"]


@pytest.mark.parametrize("text,speakers", [
    ("Firms could move, officials said on Monday.\n\nTrump said in another Twitter post that the trade war would not "
     "hurt US trade. “We are right where we want to be with China.”", ["Trump"]),
    ("White House officials praised him.\n\n“He has the full trust of the President,” the talking points say.",
     ["the talking points"]),
    ("Obama said the plan would work. He spoke in Ohio. “It won't,” McConnell said.", ["McConnell"]),
])
def test_a_quote_after_a_reported_sentence_and_a_document_speaker(text, speakers):
    _, mentions = text_actors(text)
    assert [q.speaker for q in find_quotes(text, split_sentences(text), mentions)] == speakers


def test_unnamed_officials_are_no_named_source_and_their_label_is_theirs():
    text = ("Holmes was arrested outside the theater. Authorities said he had booby-trapped his apartment. "
            "The talks stalled, but some observers said the deal was close. Prosecutors said he acted alone.")
    spans = split_sentences(text)
    _, mentions = text_actors(text)
    found = [(a.kind, a.source) for a in find_attributions(text, spans, mentions, find_quotes(text, spans, mentions))]
    assert found == [("anonymous", "Authorities"), ("anonymous", "some observers"), ("anonymous", "Prosecutors")]


@pytest.mark.parametrize("scraped,clean", [
    ("“It is void,” Speaker Paul Ryan Paul Davis RyanDemocrats hit Scalia over LGBTQ rights Krystal Ball touts "
     "Sanders odds in Texas MORE (R-Wis.) said in a statement.", "“It is void,” Speaker Paul Ryan (R-Wis.) said in a "
     "statement."),
    ("Sen. Dick Durbin Richard (Dick) Joseph DurbinHillicon Valley: Democrats seize on report MORE (D-Ill.) blasted "
     "the majority.", "Sen. Dick Durbin (D-Ill.) blasted the majority."),
    ("The company said MORE buyers came. McDonald'sBurger King rose.", "The company said MORE buyers came. "
     "McDonald'sBurger King rose."),
])
def test_a_names_scraped_hover_card_is_dropped(scraped, clean):
    assert article_from_text("Headline\n\n" + scraped, source="h.txt").paragraphs[1].text == clean
