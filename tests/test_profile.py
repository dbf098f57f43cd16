"""Outlet profiles: contract, evidence, quotes kept apart, sourcing from facts, cue lexicons, bad input, JSON round trip."""
from __future__ import annotations

import json

import pytest

from compare.facts import extract_facts
from compare.ingest import article_from_text, read_article
from compare.model import Actor, Attribution, Fact, Mention, OutletProfile, Quote, from_dict, to_dict
from compare.profile import build, build_profile, framing, method_notes, profile_differences, sentiment
from compare.profile.differences import actor_groups
from compare.profile.framing import cue_frames, sentence_frames
from compare.profile.sections import sentence_views
from compare.profile.sourcing import sourcing_profile
from compare.profile.types import NOT_ENOUGH_TEXT, ReadabilityProfile, SourcingProfile, SpeakerShare
from compare.profile.wording import wording_profile
from conftest import DATA as TEST_DATA, SEED_A, SEED_B

DATA = TEST_DATA / "profile"
SEEDS = (SEED_A, SEED_B)
EDGE_CASES = json.loads((DATA / "edge_cases.json").read_text(encoding="utf-8"))
ACTOR_GROUPS = json.loads((DATA / "actor_groups.json").read_text(encoding="utf-8"))
OWN_OUTLET = json.loads((DATA / "own_outlet.json").read_text(encoding="utf-8"))
CUES = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))


def _get(obj, dotted: str):
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _fact(article, sentence_index: int, fid: str, *, mentions=(), quotes=(), attributions=()) -> Fact:
    s = article.sentences[sentence_index]
    return Fact(id=fid, article=0, sentence=s.index, start=s.start, end=s.end, text=s.text, role="body",
                actors=tuple(m.actor for m in mentions), mentions=tuple(mentions), quotes=tuple(quotes), attributions=tuple(attributions))


def _span(article, needle: str, after: int = 0) -> tuple[int, int]:
    start = article.text.index(needle, after)
    return start, start + len(needle)


# --------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("case", EDGE_CASES, ids=[c["name"] for c in EDGE_CASES])
def test_bad_input_still_gives_a_profile(case):
    article = article_from_text(case["text"])
    profile = build_profile(article, 0, (), ())
    for note in case["notes_include"]:
        assert any(note in n for n in profile.notes), profile.notes
    for dotted in case["none"]:
        assert _get(profile, dotted) is None, dotted
    for dotted in case.get("not_none", ()):
        assert _get(profile, dotted) is not None, dotted
    for dotted, value in case["equal"].items():
        assert _get(profile, dotted) == value, dotted
    assert from_dict(OutletProfile, json.loads(json.dumps(to_dict(profile)))) == profile


def test_not_enough_text_is_said_where_figures_are_missing():
    articles = [article_from_text("Leaders meet in the capital"), article_from_text("Ministers gather in Brussels today")]
    profiles = [build_profile(a, i, (), ()) for i, a in enumerate(articles)]
    for profile in profiles:
        assert NOT_ENOUGH_TEXT in profile.readability.note
        assert NOT_ENOUGH_TEXT in profile.sourcing.note
    assert profile_differences(articles, profiles) == []  # two profiles without figures: nothing to set apart


# --------------------------------------------------------------------------- seeds

@pytest.fixture(scope="module")
def seeds():
    articles = [read_article(str(p)) for p in SEEDS]
    extracted = [extract_facts(a, i) for i, a in enumerate(articles)]
    profiles = [build_profile(a, i, facts, actors) for i, (a, (actors, facts)) in enumerate(zip(articles, extracted))]
    return articles, profiles


def test_seed_profiles_round_trip_through_json(seeds):
    _, profiles = seeds
    for p in profiles:
        assert from_dict(OutletProfile, json.loads(json.dumps(to_dict(p)))) == p


def test_every_evidence_points_at_its_sentence(seeds):
    articles, profiles = seeds
    for article, p in zip(articles, profiles):
        evidence = [*p.sentiment.negative, *p.sentiment.positive, *(e for t in p.sentiment.targets for e in t.evidence),
                    *(e for f in p.framing.frames for e in f.evidence), *(e for u in p.wording.uses for e in u.evidence),
                    *p.wording.biased, *p.sourcing.anonymous_evidence, *p.sourcing.outlet_evidence]
        assert evidence
        for e in evidence:
            assert article.sentences[e.sentence].text == e.text
            for w in e.words:
                assert w.lower().replace("’", "'") in e.text.lower().replace("’", "'"), (w, e.text)


def test_seed_differences_name_the_sourcing_contrast(seeds):
    articles, profiles = seeds
    differences = profile_differences(articles, profiles)
    assert differences == sorted(differences, key=lambda d: -d.rank)
    sourcing = [d for d in differences if d.kind == "sourcing" and "anonymous" in d.text]
    assert sourcing and sourcing[0].text.startswith("A") and sourcing[0].evidence
    assert any(d.kind == "wording" and "plunged" in d.text for d in differences)


def test_seed_wording_finds_the_sensational_phrasing(seeds):
    _, (a, b) = seeds
    own = {u.word for u in a.wording.uses if u.category == "sensational" and u.count > u.quoted}
    assert {"plunged", "chaotic", "shouting", "existential"} <= own
    assert a.wording.rates["sensational"] > b.wording.rates["sensational"]


# --------------------------------------------------------------------------- quotes kept apart; facts used

TEXT = (
    "Mayor opens bridge\n\n"
    "The mayor opened the new bridge on Monday in a calm ceremony with residents.\n\n"
    "\"This is a disgraceful, awful, terrible waste of money,\" said Jane Roe, a local critic.\n\n"
    "The bridge links the two halves of the town, according to officials.\n\n"
    "The mayor thanked the workers who built it."
)


def test_harsh_quote_is_the_speakers_tone_not_the_outlets():
    article = article_from_text(TEXT)
    profile = build_profile(article, 0, (), ())
    assert profile.sentiment.quoted_mean < -0.5
    assert profile.sentiment.mean > -0.1
    assert all(not e.quoted for e in profile.sentiment.negative)
    uses = {u.word: u for u in profile.wording.uses}
    assert uses["disgraceful"].quoted == uses["disgraceful"].count == 1


def test_sourcing_counts_named_quotes_and_anonymous_attributions_from_facts():
    article = article_from_text(TEXT)
    quote_start, quote_end = _span(article, "\"This is a disgraceful, awful, terrible waste of money,\"")
    cue = _span(article, "according to officials")
    facts = (
        _fact(article, 2, "A2", quotes=[Quote(article.text[quote_start:quote_end], quote_start, quote_end, "Jane Roe", False, "said")]),
        _fact(article, 3, "A3", attributions=[Attribution("anonymous", "officials", "according to officials", *cue)]),
    )
    views = sentence_views(article, facts)
    s = sourcing_profile(views, facts, article.outlet)
    assert s.quotes == 1 and s.speakers[0].speaker == "Jane Roe" and s.speakers[0].share == 1.0
    assert s.named == 1 and s.anonymous == 1
    assert s.anonymous_evidence[0].sentence == 3
    assert 0 < s.quoted_word_share < 1
    assert s.attributed_share == pytest.approx(2 / 5)


def test_target_sentiment_uses_fact_mentions_and_keeps_quoted_mentions_apart():
    article = article_from_text(
        "Critics attack mayor\n\n"
        "The mayor was widely praised for a brilliant, successful rescue plan.\n\n"
        "\"The mayor is a disaster,\" a rival said."
    )
    first = _span(article, "mayor", article.text.index("The mayor was"))
    second = _span(article, "mayor", article.text.index("\"The mayor"))
    quote = _span(article, "\"The mayor is a disaster,\"")
    facts = (
        _fact(article, 1, "A1", mentions=[Mention("mayor", *first, "Mayor")]),
        _fact(article, 2, "A2", mentions=[Mention("mayor", *second, "Mayor")], quotes=[Quote(article.text[quote[0]:quote[1]], *quote, "a rival", True, "said")]),
    )
    profile = build_profile(article, 0, facts, (Actor("Mayor", "person", ("mayor",)),))
    (target,) = profile.sentiment.targets
    assert target.actor == "Mayor" and target.sentences == 2
    assert target.score > 0 and target.label == "positive"
    assert target.quoted_score is not None and target.quoted_score < target.score
    assert target.evidence[0].sentence == 1 and target.evidence[0].words


def test_actors_without_facts_are_found_by_name():
    article = article_from_text(TEXT)
    profile = build_profile(article, 0, (), (Actor("Jane Roe", "person", ("Roe",)), Actor("Mayor", "person", ("mayor",))))
    names = {t.actor for t in profile.sentiment.targets}
    assert names == {"Jane Roe", "Mayor"}
    assert profile.framing.placement.headline_actors == ("Mayor",)


# --------------------------------------------------------------------------- lexicons

@pytest.mark.parametrize("sentence,word,category", CUES["wording"])
def test_wording_lexicon(sentence, word, category):
    article = article_from_text("Headline\n\n" + sentence)
    uses = wording_profile(sentence_views(article), ()).uses
    assert any(u.word == word and u.category == category for u in uses), [(u.word, u.category) for u in uses]


@pytest.mark.parametrize("sentence,frame", CUES["frames"])
def test_frame_cues(sentence, frame):
    weights, _ = sentence_frames(sentence)
    assert max(weights, key=weights.get) == frame, weights


@pytest.mark.parametrize("word", ["europe", "plane", "planet", "plantation", "crimea", "courteous", "courting",
                                  "politico", "waged", "morales", "trademark", "judged", "policing", "homeland",
                                  "homework"])
def test_frame_prefix_cues_do_not_catch_other_words(word):
    # cues written as prefixes caught unrelated words: "Europe" cued Economic (euro*), "plane" Policy (plan*)
    assert cue_frames(word) == ()


@pytest.mark.parametrize("word,frame", [("euros", "Economic"), ("trades", "Economic"), ("wages", "Economic"),
                                        ("morality", "Morality"), ("courtroom", "Legality, constitutionality and jurisprudence"),
                                        ("policies", "Policy prescription and evaluation"), ("crimes", "Crime and punishment"),
                                        ("politicians", "Political"), ("homeowners", "Quality of life")])
def test_frame_cue_words_kept(word, frame):
    assert frame in cue_frames(word)


@pytest.mark.parametrize("sentence,anonymous", CUES["anonymous"])
def test_anonymous_source_patterns(sentence, anonymous):
    article = article_from_text("Headline\n\n" + sentence)
    assert (sourcing_profile(sentence_views(article), (), "Example News").anonymous > 0) is anonymous


@pytest.mark.parametrize("sentence,outlet", CUES["outlets"])
def test_cited_outlets(sentence, outlet):
    article = article_from_text("Headline\n\n" + sentence)
    assert sourcing_profile(sentence_views(article), (), "Example News").outlets == (outlet,)
    assert sourcing_profile(sentence_views(article), (), outlet).outlets == ()


# --------------------------------------------------------------------------- differences and method

def _article_pair():
    a = article_from_text(
        "Talks stall\n\n"
        "The talks stalled on Monday, according to sources. A senior official said the mood was tense.\n\n"
        "Officials familiar with the matter said no deal was near. The talks are said to resume next week.",
        outlet="Paper A")
    b = article_from_text(
        "Talks stall\n\n"
        "The talks stalled on Monday. \"We made progress, but not enough,\" Minister Anna Berg said.\n\n"
        "\"We will return next week,\" Berg told reporters in the capital.",
        outlet="Paper B")
    return a, b


def test_differences_rank_anonymous_against_named_sourcing_first():
    a, b = _article_pair()
    qa = [_span(b, "\"We made progress, but not enough,\""), _span(b, "\"We will return next week,\"")]
    facts_b = tuple(_fact(b, s, f"B{s}", quotes=[Quote(b.text[x:y], x, y, "Anna Berg", False, "said")]) for s, (x, y) in zip((2, 3), qa))
    profiles = [build_profile(a, 0, (), ()), build_profile(b, 1, facts_b, (Actor("Anna Berg", "person", ("Berg",)),))]
    differences = profile_differences([a, b], profiles)
    top = differences[0]
    assert top.kind == "sourcing" and "A (Paper A) relies on anonymous sources" in top.text and "Anna Berg" in top.text
    assert top.figures["A (Paper A): anonymous share"] == 1.0 and top.evidence


@pytest.mark.parametrize("case", ACTOR_GROUPS, ids=[c["name"] for c in ACTOR_GROUPS])
def test_actor_groups_use_the_engine_matcher(case):
    expected = [{int(k): v for k, v in g.items()} for g in case["groups"]]
    assert actor_groups([tuple(x) for x in case["names"]]) == expected


def test_seed_zelenskyy_spellings_are_one_actor(seeds):
    articles, profiles = seeds
    actors = [extract_facts(a, i)[0] for i, a in enumerate(articles)]
    targets = [(p.article, t.actor) for p in profiles for t in p.sentiment.targets]
    assert {"Vladimir Zelensky", "Volodymyr Zelenskyy"} <= {name for _, name in targets}
    groups = [g for g in actor_groups(targets, actors) if any("Zelensk" in name for name in g.values())]
    assert groups == [{0: "Vladimir Zelensky", 1: "Volodymyr Zelenskyy"}]


@pytest.mark.parametrize("case", OWN_OUTLET, ids=[c["name"] for c in OWN_OUTLET])
def test_own_outlet_is_left_out_of_cited_outlets_by_whole_name(case):
    article = article_from_text(case["text"], outlet=case["outlet"])
    assert list(sourcing_profile(sentence_views(article), (), article.outlet).outlets) == case["cited"]


def test_article_27_is_called_AA_as_in_fact_ids():
    articles = [article_from_text(f"Headline {i}\n\nA sentence of the body.") for i in range(28)]
    profiles = [OutletProfile(i, "", readability=ReadabilityProfile(100, 5, flesch_kincaid_grade=grade, words_per_sentence=20.0))
                for i, grade in ((26, 14.0), (27, 6.0))]
    (difference,) = profile_differences(articles, profiles)
    assert difference.text.startswith("AA is harder to read") and "than AB" in difference.text


@pytest.mark.parametrize("words,says", [((80, 20), "most of it Anna Berg"), ((50, 25, 25), "the largest share to Anna Berg"),
                                        ((40, 30, 30), "the largest share to Anna Berg")])
def test_quoted_share_says_most_only_over_half(words, says, most_quoted_lines):
    articles = [article_from_text("Headline\n\nA sentence of the body.", outlet=o) for o in ("Paper A", "Paper B")]
    names = ("Anna Berg", "Ivo Lind", "Eva Holm")
    speakers = tuple(SpeakerShare(n, 2, w, w / 100, checked_words=w) for n, w in zip(names, words))
    profiles = [OutletProfile(0, "Paper A", sourcing=SourcingProfile(5, 0.4, speakers)),
                OutletProfile(1, "Paper B", sourcing=SourcingProfile(1, 0.1, ()))]
    voice = [d.text for d in profile_differences(articles, profiles) if "of its words to quotations" in d.text]
    assert voice == [f"A (Paper A) gives 40% of its words to quotations, {says} ({words[0]}% of quoted words); B (Paper B) 10%."]


def test_actor_mentions_are_found_once_per_profile(seeds, monkeypatch):
    articles, _ = seeds
    actors, facts = extract_facts(articles[1], 1)
    calls = []

    def counted(*args):
        calls.append(1)
        return real(*args)
    real = sentiment.actor_mentions
    for module in (build, sentiment, framing):
        if hasattr(module, "actor_mentions"):
            monkeypatch.setattr(module, "actor_mentions", counted)
    profile = build_profile(articles[1], 1, facts, actors)
    assert len(calls) == 1 and profile.sentiment.targets and profile.framing.placement.headline_actors


def test_method_notes_cover_every_score_with_measured_figures():
    notes = method_notes()
    assert set(notes) == {"sentiment", "target_sentiment", "framing", "wording", "sourcing", "readability"}
    assert "macro-F1 0." in notes["target_sentiment"] and "macro-F1 0." in notes["wording"]
    assert "unvalidated" in notes["framing"]


# --------------------------------------------------------------------------- any text

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from compare.errors import InputError  # noqa: E402


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=120), min_size=1, max_size=5))
def test_any_text_gives_a_profile_that_round_trips(paragraphs):
    try:
        article = article_from_text("\n\n".join(paragraphs))
    except InputError:
        return
    actors = (Actor("Somebody", "person", ("Somebody",)),)
    profile = build_profile(article, 0, (), actors)
    assert from_dict(OutletProfile, json.loads(json.dumps(to_dict(profile)))) == profile
    profile_differences([article, article], [profile, build_profile(article, 1, (), ())])


def test_a_quote_carried_by_several_facts_is_counted_once():
    from compare.facts import extract_facts

    text = ("Leaders meet\n\n“We will pay our share. We always have. Nobody should doubt it,” the minister said on "
            "Monday. Officials said talks would go on.\n\nThe meeting ended late, and no deal was signed.")
    article = article_from_text(text)
    actors, facts = extract_facts(article, 0)
    assert sum(len(f.quotes) for f in facts) > len({(q.start, q.end) for f in facts for q in f.quotes})
    profile = build_profile(article, 0, facts, actors)
    assert profile.sourcing.quotes == 1
    assert profile.sourcing.quoted_word_share is None or profile.sourcing.quoted_word_share <= 1.0


def test_words_are_counted_in_any_script():
    from compare.ingest import article_from_text
    from compare.profile.build import reporting_words

    russian = article_from_text("Москва заявила\n\nМинистр иностранных дел России Сергей Лавров заявил в понедельник, "
                                "что переговоры продолжатся.")
    assert reporting_words(russian) == 14
    assert reporting_words(article_from_text("Micheál Martin met Erdoğan\n\nThey met.")) == 6


def test_the_product_names_no_most_quoted_speaker():
    """MOST_QUOTED_LINES is off: the share line gives the shares only, and no "Most quoted" line is made."""
    articles = [article_from_text("Headline\n\nA sentence of the body.", outlet=o) for o in ("Paper A", "Paper B")]
    profiles = [OutletProfile(0, "Paper A", sourcing=SourcingProfile(5, 0.4, (SpeakerShare("Anna Berg", 2, 80, 0.8,
                                                                                           checked_words=80),))),
                OutletProfile(1, "Paper B", sourcing=SourcingProfile(2, 0.1, (SpeakerShare("Ivo Lind", 2, 30, 0.3,
                                                                                           checked_words=30),)))]
    texts = [d.text for d in profile_differences(articles, profiles) if d.kind == "sourcing"]
    assert texts == ["A (Paper A) gives 40% of its words to quotations; B (Paper B) 10%."]
