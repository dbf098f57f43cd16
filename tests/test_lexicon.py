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


def _seed_text() -> str:
    from conftest import SEED_A, SEED_B
    return SEED_A.read_text(encoding="utf-8") + "\n" + SEED_B.read_text(encoding="utf-8")


def test_grouped_alternation_matches_like_the_flat_list():
    """alternation() groups its words by first letter: the regex engine tries fewer words, the matches stay the same."""
    import re

    from compare.lexicon import alternation
    lex = lexicon()
    text = _seed_text() + " Officials said; SOURCES say; dpa reported, DPA and Dpa wrote; according to e-mails. a an"
    for words in (lex.quote_verbs, lex.source_nouns + lex.group_nouns, lex.document_nouns, lex.outlets,
                  ("dpa", "DPA", "Dpa", "a", "an", "and", "")):
        flat = "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
        for flags in (0, re.I):
            for wrap in (r"\b{}\b", r"(?<![\w’'-]){}(?![\w’'-])", r"({})\s+(\w+)"):
                old, new = re.compile(wrap.format(flat), flags), re.compile(wrap.format(alternation(words)), flags)
                assert [(m.span(), m.groups()) for m in old.finditer(text)] == \
                       [(m.span(), m.groups()) for m in new.finditer(text)], (words[:3], flags, wrap)


def test_whole_word_matches_like_the_look_behind_form():
    """whole_word() puts the word before its look-behind (fast to search): the same matches as the look-behind first."""
    import re

    from compare.lexicon import whole_word
    text = _seed_text() + " U.S. and U.S.-led; it’s the-the; aa aaa; Rutte's"
    for word in ("Rutte", "NATO", "U.S.", "the", "a", "aa", "it", "’s", "Trump", "led", "", "-the"):
        for edge, then in ((r"\w", ""), (r"\w'", ""), (r"\w'’-", ""), (r"\w'’-", r"\w{0,4}")):
            old = r"(?<![" + edge + "])" + re.escape(word) + then + r"(?![" + edge + "])"
            for flags in (0, re.I):
                assert [m.span() for m in re.finditer(old, text, flags)] == \
                       [m.span() for m in re.finditer(whole_word(word, edge, then), text, flags)], (word, edge, flags)
