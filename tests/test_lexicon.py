"""The shared vocabulary (compare/resources/lexicon/) is the one list every stage uses."""
from compare.lexicon import lexicon
from compare.nlp.actors import find_actors
from compare.nlp.quotes import find_quotes
from compare.nlp.sentences import split_sentences
from compare.profile.wording import REPORT_CATEGORIES, lexicon as wording_lexicon


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


def test_a_quote_over_two_sentences_keeps_one_speaker():
    text = ("NATO Secretary General Mark Rutte met the president.\n\n‘I have total confidence in President Trump. "
            "He’s the only one who can get this done,’ Rutte said.")
    (quote,) = _quotes(text)
    assert quote.text.startswith("I have total confidence") and quote.text.endswith("get this done,")
    assert quote.speaker == "Mark Rutte"


def test_a_pronoun_speaker_fits_the_pronoun_and_a_state_is_not_a_speaker():
    text = ("Representative Nancy Pelosi of California tried to play down any split with Mr. Obama. "
            "“It’s not against the president,” she said.\n\n"
            "“This is scary,” Senator Mark Warner of Virginia, the top Democrat on the committee, said.")
    speakers = [q.speaker for q in _quotes(text)]
    assert speakers == ["Nancy Pelosi", "Mark Warner"]


def test_a_surname_that_is_also_an_outlet_is_the_person():
    text = ("Former Mexican President Vicente Fox spoke on Wednesday about the visit of the candidate.\n\n"
            "“He is not welcome,” Fox said in an interview.")
    assert [q.speaker for q in _quotes(text)] == ["Vicente Fox"]


def test_stopwords_and_outlets_have_one_home():
    from compare.ingest.outlet import canonical_outlet, outlet_from_url
    from compare.nlp.actors import gazetteer
    from compare.nlp.similarity import STOPWORDS
    from compare.profile.textfeatures import FUNCTION_WORDS
    lex = lexicon()
    assert STOPWORDS is lex.stopwords and len(lex.stopwords) == 154
    # profile/ still keeps a copy; it must stay the lexicon's set until it reads lexicon().function_words
    assert FUNCTION_WORDS == lex.function_words and len(lex.function_words) == 161
    assert len(lex.stopwords & lex.function_words) == 135
    assert gazetteer().outlets == frozenset(lex.outlet_actors) and len(lex.outlet_actors) == 43
    assert len(lex.outlets) == 80 and len(set(lex.outlet_names.values())) == 32
    assert canonical_outlet("FOXNEWS.COM") == "Fox News" and outlet_from_url("https://www.bbc.co.uk/news") == "BBC"
    assert canonical_outlet("BBC News") == "BBC" and canonical_outlet("AP News") == "AP News"
    from compare.nlp.similarity import REPORTING
    assert REPORTING is lex.matching_verbs and len(REPORTING) == 24 and {"said", "according"} <= REPORTING
