"""The shared vocabulary (compare/resources/lexicon/) is the one list every stage uses."""
from compare.lexicon import lexicon
from compare.nlp.quotes import find_quotes
from compare.nlp.sentences import split_sentences
from compare.nlp.actors import find_actors
from compare.profile.wording import REPORT_CATEGORIES
from compare.profile.wording import lexicon as wording_lexicon


def _quotes(text):
    spans = split_sentences(text)
    _, mentions = find_actors(text, spans)
    return find_quotes(text, spans, mentions)


def test_a_verb_the_splitter_knows_the_quote_finder_knows():
    text = "“We will win this fight,” Senator Jane Smith shouted."
    (quote,) = _quotes(text)
    assert (quote.speaker, quote.verb) == ("Jane Smith", "shouted")
    assert split_sentences("“Why now?” Sen. Susan Collins shouted. Then she left.") == [(0, 38), (39, 53)]


def test_profiles_count_the_shared_report_verbs_by_tone():
    lex = lexicon()
    words = wording_lexicon()
    for verb, tone in lex.report_tone.items():
        cats = [c for c in words.get(verb, ()) if c in REPORT_CATEGORIES]
        assert cats == ([] if tone == "-" else ["report_" + tone]), verb
    assert "alleged" not in lex.report_tone  # mostly an adjective in news ("the alleged bribe")
    assert {"said", "told"} <= lex.report_verbs("neutral") and "shouted" in lex.report_verbs("loaded")


def test_anonymous_nouns_and_outlets_are_loaded_once():
    lex = lexicon()
    assert lexicon() is lex
    assert "officials" in lex.source_nouns and "witnesses" in lex.group_nouns
    assert "Reuters" in lex.outlets
