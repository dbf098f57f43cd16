"""How each profile score is made, its measured quality (figures read from the shipped model files), and its limits."""
from __future__ import annotations

from compare.profile.linear import load_model


def method_notes() -> dict[str, str]:
    """Score name -> how it is made, measured quality on the eval data, limits (printed in the brief's method section)."""
    target = load_model("target_sentiment").meta
    bias = load_model("bias_words").meta
    evidence = load_model("bias_evidence").meta
    return {
        "sentiment": (
            "Each headline and body sentence is scored with VADER (vaderSentiment 3.3) on the outlet's own words: text inside "
            "quotation marks or engine-detected quotes is blanked and scored apart as the speakers' tone. Reported per outlet: "
            "mean compound, share of negative / neutral / positive sentences (±0.05) and of clearly negative / positive ones "
            "(|compound| ≥ 0.5), and means for headline, lead (first body paragraphs, two sentences) and body. "
            f"Quality: whole-sentence VADER reaches macro-F1 {target.get('vader_macro_f1', 'n/a')} on NewsMTSC's sentiment-toward-"
            "target labels, so read it as the general tone of the wording, not as a judgement of anyone. Limits: a lexicon; "
            "misses irony and news-specific negativity (\"dues\", \"delinquent\" carry no valence for VADER). The main differences "
            "carry no line on which outlet's own voice is more negative: read against both articles, 6 of 19 such lines were "
            "right (both outlets told the same grim events; the mean measures which events an article tells and at what length), "
            "so the figures stay here and in the profile tables."
        ),
        "target_sentiment": (
            "Sentiment toward each actor: for every sentence that mentions the actor (engine mentions, else name and alias "
            "matches), a linear model (naive-Bayes-scaled one-vs-rest logistic regression) scores the mention from the words "
            "on each side and near it, word prefixes, word pairs, VADER valences weighted by distance, negation and quotation "
            "position, plus average word-piece vectors (a 64-dimension reduction of a static all-MiniLM-L6-v2 distillation) "
            "of the target, the three words on each side and the rest of the sentence, and contextual states of a small encoder "
            "(the first three layers of all-MiniLM-L6-v2, int8, run once per sentence: the target's own word pieces at its "
            "1st and 3rd layers, the "
            "four pieces on each side and the whole sentence), which tell whom the words are about (at most the article's first "
            "400 sentences naming an actor are read); each sentence is labelled by its most "
            "probable class, the actor's score is the mean of P(positive) − P(negative) over own-voice sentences (quoted sentences are "
            "kept apart) and its label the most probable class of the mean probabilities; the other people and bodies named in the "
            "sentence are masked as other targets, as in training. The same scorer is public as compare.target_sentiment. "
            f"Trained on NewsMTSC (Hamborg & Donnay 2021, MIT; {target.get('n', 'n/a')} targets). Quality, 5-fold cross-"
            f"validation grouped by source article: macro-F1 {target.get('cv_macro_f1', 'n/a')} against {target.get('vader_macro_f1', 'n/a')} "
            "for whole-sentence VADER (published RoBERTa model: 0.83). Limits: about one sentence in three is misread; scores over "
            "fewer than three sentences are anecdotes; trained on US political news. The main differences carry no line on tone "
            "toward an actor: read against both articles, 6 of 24 such lines were right (the sentences naming the actor were "
            "negative about the event or another person), so the scores stay here and in the tone chart, with their sentences."
        ),
        "framing": (
            "Frames are the 15 dimensions of the Media Frames Corpus (Card et al. 2015). Each sentence's frame weights come from "
            "our own cue lexicon (about 300 words and stems; a cue naming two frames counts half for each); a weak cue (\"defends\", "
            "\"investigators\", \"business\", \"deal\", \"attack\") counts only in a sentence with another cue of the same frame, "
            "so defending a colleague is not Security and defense; sentences with no cue are Other. The outlet's distribution is "
            "the word-weighted mean over headline and body sentences; a headline or lead frame is named only when more than one "
            "cue word carries it. What is validated: that the cue rules do what they say (tests with written sentences), and a "
            "reading of the difference lines of 35 BASIL pairs against both articles (a frame line needs two cue words used four times "
            "outside names). What is not: the frames themselves are unvalidated — the "
            "lexicon was never scored against frame annotations (the Media Frames Corpus is not in our eval data), so no accuracy "
            "figure exists; cue words are not frames (\"war\" in a policy sentence counts as Security), so compare outlets with "
            "each other rather than reading one distribution alone. Placement counts the actors in headline and lead and the "
            "words of the sentences that name each actor; a place or body a headline names only as a venue (\"at the White "
            "House\"), as an office's place (\"Maine Gov.\") or in an event's name (\"Senate bid\", \"Iowa caucus\") is "
            "no actor of it; a main-difference line on headlines names people and groups only (judged against both texts, "
            "lines naming organisations and places were right fewer than half the time: venues, nicknames, a body the other "
            "headline describes). A main-difference line that one outlet gives a frame more room needs four different cue words "
            "in five of its sentences (judged against both texts, lines on fewer were right 1 time in 7)."
        ),
        "wording": (
            "Word choice: our own lexicon of loaded, sensational, intensifying and hedging words (hedges after Hyland 2005) and of "
            "factive, assertive, implicative and report verbs (after Recasens et al. 2013), counted per 1,000 own-voice words, with "
            "quoted uses counted apart; a charged word inside the plain name of a charge or thing ('first-degree murder', "
            "'obstruction of justice', 'explosive devices') is not counted, and the brief lists loaded and sensational words "
            "only (intensifiers count in the rates). A two-stage logistic model flags biased sentences: a word model gives each word a bias "
            "probability (word identity over a vocabulary that is VADER's lexicon, our lists and NewsMTSC words, plus suffix, "
            "valence, lexicon category, its stem, its neighbours, how charged the rest of its sentence is, and the word's "
            "word-piece vector, which lends weights to words never seen in training), and a sentence model combines its summary with the sentence's words. Weights "
            "are learned on BABE (Spinde et al. 2021, AGPL-3.0 repository; only the weights are shipped). Quality, 5-fold cross-"
            f"validation grouped by source article on {bias.get('sentences', 'n/a')} BABE sentences: biased-sentence macro-F1 "
            f"{bias.get('sentence_cv_macro_f1', 'n/a')} (precision {bias.get('sentence_cv_precision', 'n/a')}, recall "
            f"{bias.get('sentence_cv_recall', 'n/a')}) against {bias.get('naive_sentence_macro_f1', 'n/a')} for VADER magnitude; "
            f"biased words at p ≥ {bias.get('word_threshold', 'n/a')}: precision {bias.get('word_cv_precision', 'n/a')}, recall "
            f"{bias.get('word_cv_recall', 'n/a')} against {bias.get('naive_word_precision', 'n/a')} / {bias.get('naive_word_recall', 'n/a')} "
            "for VADER-lexicon words. The words named as evidence of a flagged sentence come from a third model that reads each "
            "word in its sentence (the word's states in a small encoder, all-MiniLM-L6-v2 int8, with the word model's score), at "
            f"p ≥ {evidence.get('word_threshold', 'n/a')} (where precision meets recall out of fold); a flagged sentence may name "
            "none. They are never function words, words of a proper name (Supreme Court, "
            "Social Security) or first names; against the words BABE's annotators marked they reach precision 0.47 and recall 0.49 "
            "(grouped 5-fold, flagged sentences only; 0.42 / 0.41 from the word model alone). The same scorer is public as "
            "compare.sentence_bias. Limits: BABE is US "
            "partisan news; word flags are suggestions for a reader to check, and more than half of them were not marked by BABE's "
            "annotators."
        ),
        "sourcing": (
            "Quotes and speakers come from the engine's quotes (else quotation marks, speaker unknown); quotations printed "
            "without marks count too: an embedded tweet (its signer's, over several paragraphs when they hold its handles or "
            "hashtags), a block quotation after a lead-in ending in a colon, and a document reprinted in the first person "
            "right after a paragraph naming it (\"We, the undersigned, ...\": the petition's). Quoted-word share is quoted "
            "words over headline and body words. Anonymous sources: the engine's anonymous attributions plus our patterns "
            "(\"according to sources\", \"a senior official said\", \"U.S. sources indicate\", \"is said to\"); outlets and agencies "
            "cited: the engine's outlet attributions plus a list of about 75 outlets (the article's own outlet excluded, whole "
            "names compared). A sentence counts as attributed when it holds a quote, an attribution, the name of a cited outlet "
            "or a report verb outside quotes. A speaker's words count for \"most quoted\" only where the text outside the quote "
            "names the speaker (or a pronoun) nearest a report cue; sources are counted once each (\"a senior Democratic "
            "staffer\" and \"the Democratic staffer\" are one). The main differences name no most-quoted person: read against "
            "both articles on fresh pairs, the person such a line named was right 35 times in 60 (a missed quote decides who "
            "leads); the speakers' shares stay in the sourcing table, each with its quotations. Quality: quote speakers "
            "F1 0.93 on labelled development quotes, 0.87 held out; the rest rule-based. "
            "Limits: an unnamed source described in detail can be missed; a named official after \"the\" may be counted anonymous."
        ),
        "readability": (
            "textstat 0.7.8 (language passed explicitly, en_US) on the headline and body sentences, each handed over as one "
            "sentence (the full stops of \"Mr.\" or \"Sen.\" inside it dropped, which textstat would count as sentence ends): "
            "Flesch reading ease, Flesch-"
            "Kincaid grade, Gunning fog, SMOG, Dale-Chall; words per sentence and lexical density (share of words that are not "
            "function words, our list) from our tokenizer. Limits: standard formulas, not measured on news; SMOG is meant for 30+ "
            "sentences; under 30 words or 3 sentences only words per sentence and lexical density are given."
        ),
    }
