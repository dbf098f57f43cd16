"""Word choice: loaded, sensational and hedging words, report verbs, bias-model flags, and the labels given to actors."""
from __future__ import annotations

from functools import lru_cache

from compare.lexicon import lexicon as shared_lexicon
from compare.model import Actor
from compare.nlp.similarity import stem
from compare.profile.linear import LinearModel, load_model
from compare.profile.scores import sentence_biases
from compare.profile.sections import SentenceView
from compare.profile.textfeatures import (
    FUNCTION_WORDS,
    name_words,
    piece_table,
    quoted_spans,
    tokens,
    vader_lexicon,
    words_matrix,
)
from compare.profile.types import NOT_ENOUGH_TEXT, ActorLabels, Evidence, WordingProfile, WordUse
from compare.paths import resource

CATEGORIES = ("loaded", "sensational", "intensifier", "hedge", "factive", "assertive", "implicative", "report_neutral", "report_loaded")
REPORT_CATEGORIES = ("report_neutral", "report_loaded")
MIN_WORDS = 20  # fewer own-voice words: rates mean nothing
EVIDENCE_PER_WORD = 3
BIASED_SENTENCE = 0.5  # probability at or above which a sentence is flagged
MIN_BIAS_WORDS = 4  # own-voice words a sentence needs to be scored for bias


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """Our word-choice lexicon (compare/resources/profile/wording.tsv, report verbs from compare/resources/lexicon/): word -> categories."""
    text = resource("profile", "wording.tsv").read_text(encoding="utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, category = line.split("\t")
            out[word] = out.get(word, ()) + (category,)
    for word, tone in shared_lexicon().report_tone.items():  # report verbs come from the shared vocabulary
        if tone != "-":
            out[word] = out.get(word, ()) + ("report_" + tone,)
    return out


@lru_cache(maxsize=1)
def _charged_words() -> frozenset[str]:
    """The lexicon's loaded or sensational words."""
    return frozenset(w for w, categories in lexicon().items() if {"loaded", "sensational"} & set(categories))


def word_vectors(text: str):
    """(words × dims) word-piece vector of each of tokens(text) (zeros for a word with no known piece): lets the word
    model borrow weights for words it never saw in training ("pathetic" near "disgraceful")."""
    vectors, _ = words_matrix(tuple(text[s:e] for _, s, e in tokens(text)), piece_table())
    return vectors


def word_features(text: str, vocab: frozenset[str] | None = None, vectors: bool = False) -> list[tuple[dict[str, float], str]]:
    """(features, word) for each word of text, for the biased-word model; vocab limits which word identities are used;
    ``vectors`` adds the word-piece vector as features e:0 … (for training; at run time it goes to the model's dense part)."""
    lex = lexicon()
    dense = word_vectors(text) if vectors else None
    val = vader_lexicon()
    toks = tokens(text)
    quotes = quoted_spans(text)
    known = [vocab is None or w in vocab for w, _, _ in toks]
    mags = [abs(val.get(w, 0.0)) for w, _, _ in toks]
    charged = [w in _charged_words() for w, _, _ in toks]
    total_mag, total_charged = sum(mags), sum(charged)
    out = []
    for i, (w, s, _) in enumerate(toks):
        f: dict[str, float] = {"bias": 1.0}
        if known[i]:
            f["w:" + w] = 1.0
            f["st:" + stem(w)] = 1.0  # claim, claims, claimed, claiming share a weight
        if i > 0 and known[i - 1]:
            f["prev:" + toks[i - 1][0]] = 1.0  # context: "illegal aliens", "radical left"
        if i + 1 < len(toks) and known[i + 1]:
            f["next:" + toks[i + 1][0]] = 1.0
        # the rest of the sentence: a word among other strong words is likelier loaded than one in a plain report
        f["sent:val"] = (total_mag - mags[i]) / 4.0
        f["sent:loaded"] = float(total_charged - charged[i])
        f["sent:len"] = len(toks) / 30.0
        if len(w) >= 5:
            f["s3:" + w[-3:]] = 1.0
        for c in lex.get(w, ()):
            f["cat:" + c] = 1.0
        v = val.get(w, 0.0)
        if v:
            f["val:abs"] = abs(v) / 4.0
            f["val:" + ("pos" if v > 0 else "neg")] = 1.0
        if text[s].isupper() and i > 0:
            f["cap"] = 1.0
        if len(w) <= 3:
            f["short"] = 1.0
        if w[0].isdigit():
            f["digit"] = 1.0
        if quotes and any(a <= s < b for a, b in quotes):
            f["quoted"] = 1.0
        if i > 0 and "intensifier" in lex.get(toks[i - 1][0], ()):
            f["after_intensifier"] = 1.0
        if i > 0 and val.get(toks[i - 1][0], 0.0):
            f["after_valenced"] = 1.0
        if dense is not None and dense[i].any():
            f.update(("e:%d" % k, float(x)) for k, x in enumerate(dense[i]))
        out.append((f, w))
    return out


def sentence_bias_features(text: str, vocab: frozenset[str] | None, word_probs: list[float]) -> dict[str, float]:
    """Features of a sentence for the biased-sentence model: words, valence, categories, word-model summary."""
    lex = lexicon()
    val = vader_lexicon()
    f: dict[str, float] = {"bias": 1.0}
    words = [w for w, _, _ in tokens(text)]
    for w in words:
        if vocab is None or w in vocab:
            f["w:" + w] = 1.0
        for c in lex.get(w, ()):
            f["cat:" + c] = f.get("cat:" + c, 0.0) + 1.0
    vals = [val.get(w, 0.0) for w in words]
    f["val:abs"] = sum(abs(v) for v in vals) / 4.0
    f["val:neg"] = sum(v < 0 for v in vals) / 2.0
    ps = sorted(word_probs, reverse=True)
    if ps:
        f["wp:max"] = ps[0]
        f["wp:top3"] = sum(ps[:3]) / 3.0
        f["wp:n50"] = float(sum(p >= 0.5 for p in ps))
    quotes = quoted_spans(text)
    if quotes:
        f["quote:share"] = sum(b - a for a, b in quotes) / max(1, len(text))
    return f


def bias_scores(texts: list[str], word_model: LinearModel | None = None, sentence_model: LinearModel | None = None,
                evidence_model: LinearModel | None = None, evidence: bool = True) -> list[tuple[float, tuple[str, ...]]]:
    """P(biased) for each sentence (shipped models unless given) and, for a flagged sentence, the words the evidence
    model names (never a function word, a word of a proper name or a first name; none for a sentence not flagged, and
    none at all when ``evidence`` is False: the encoder is not run)."""
    import numpy as np

    word_model = word_model or load_model("bias_words")
    sentence_model = sentence_model or load_model("bias_sentences")
    evidence_model = evidence_model or load_model("bias_evidence")
    rows = [word_features(t) for t in texts]
    vectors = np.concatenate([word_vectors(t) for t in texts]) if word_model.dense is not None and any(rows) else None
    flat = iter(word_model.class_probabilities([f for r in rows for f, _ in r], "True", vectors))
    probs = [[next(flat) for _ in r] for r in rows]
    sentence_ps = sentence_model.class_probabilities(
        [sentence_bias_features(text, None, ps) for text, ps in zip(texts, probs)], "True")
    flagged = [k for k, p in enumerate(sentence_ps) if p >= BIASED_SENTENCE] if evidence else []
    words = evidence_words([texts[k] for k in flagged], [probs[k] for k in flagged], word_model, evidence_model)
    named = dict(zip(flagged, words))
    return [(p, named.get(k, ())) for k, p in enumerate(sentence_ps)]


def evidence_candidates(text: str, word_probs: list[float], known: dict[str, int]) -> list[tuple[str, int, int, float]]:
    """(word, start, end, word-model probability) of the words of text that may be named as evidence: not a function
    word, not a word of a proper name or a first name (a word is common when the word model knows it)."""
    names = name_words(text, lambda w: "w:" + w in known)
    return [(w, s, e, p) for (w, s, e), p, name in zip(tokens(text), word_probs, names) if not name and w not in FUNCTION_WORDS]


def evidence_words(texts: list[str], word_probs: list[list[float]], word_model: LinearModel,
                   evidence_model: LinearModel) -> list[tuple[str, ...]]:
    """The loaded words of each (flagged) sentence: the evidence model reads each candidate word's state in the small
    encoder (compare/nlp/encoder.py: its word pieces at layers 3 and 1, so "spousal" in a plain report is not "shameful"
    in a tirade) and the word model's probability; words at or above its threshold, likeliest first (none when no word
    reaches it: a flagged sentence may name no word)."""
    from compare.nlp.encoder import DIMS, context_vectors

    threshold = float(evidence_model.meta.get("word_threshold", 0.5))
    candidates = [evidence_candidates(t, ps, word_model.index) for t, ps in zip(texts, word_probs)]
    flat = [(t, s, e) for t, cs in zip(texts, candidates) for _, s, e, _ in cs]
    vectors = context_vectors(flat)[:, : 2 * DIMS]
    ps = iter(evidence_model.class_probabilities(
        [{"wp:logit": word_logit(p)} for cs in candidates for *_, p in cs], "True", vectors))
    out = []
    for cs in candidates:
        ranked = sorted(((next(ps), w) for w, *_ in cs), key=lambda x: -x[0])
        out.append(tuple(dict.fromkeys(w for p, w in ranked if p >= threshold)))
    return out


def word_logit(p: float) -> float:
    """The evidence model's input from a word-model probability: its log-odds, the probability kept within 1e-4 of
    0 and 1 (bench/train_bias.py trains on the same function)."""
    import math

    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def wording_profile(views: tuple[SentenceView, ...], actors: tuple[Actor, ...], evidence: bool = True) -> WordingProfile:
    """Lexicon uses per category (own voice vs quoted), report verbs, model-flagged biased sentences (with their
    evidence words unless ``evidence`` is False), actor labels."""
    lex = lexicon()
    counts: dict[tuple[str, str], list] = {}  # (word, category) -> [count, quoted, evidence]
    own_words = 0
    for v in views:
        text = v.sentence.text
        words = tokens(text)
        for k, (w, s, e) in enumerate(words):
            quoted = v.is_quoted(s, e)
            own_words += not quoted
            for c in lex.get(w, ()):
                if c in TONE_CATEGORIES and _in_term(words, k):
                    continue  # "aggravated assault", "obstruction of justice": the name of a thing, not a choice
                entry = counts.setdefault((w, c), [0, 0, []])
                entry[0] += 1
                entry[1] += quoted
                if len(entry[2]) < EVIDENCE_PER_WORD and all(x.sentence != v.sentence.index for x in entry[2]):
                    entry[2].append(Evidence(v.sentence.index, text, (w,), 0.0, v.section, quoted))
    uses = tuple(sorted(
        (WordUse(w, c, n, q, tuple(ev)) for (w, c), (n, q, ev) in counts.items()),
        key=lambda u: (-(u.count - u.quoted), u.category, u.word),
    ))
    rates: dict[str, float] = {}
    if own_words >= MIN_WORDS:
        for c in CATEGORIES:
            rates[c] = round(1000.0 * sum(u.count - u.quoted for u in uses if u.category == c) / own_words, 2)
    report_verbs = {u.word: float(u.count - u.quoted) for u in uses if u.category in REPORT_CATEGORIES and u.count > u.quoted}
    candidates = [v for v in views if len(tokens(v.own_text)) >= MIN_BIAS_WORDS]
    scored = len(candidates)
    flagged = [Evidence(v.sentence.index, v.sentence.text, words, round(p, 3), v.section)
               for v, (p, words) in zip(candidates, sentence_biases([v.own_text for v in candidates], evidence=evidence)) if p >= BIASED_SENTENCE]
    names = actor_names(actors)
    labels = tuple(ActorLabels(a.name, kept) for a in actors if (kept := descriptive_labels(a, names)))
    note = "" if own_words >= MIN_WORDS else f"{NOT_ENOUGH_TEXT}: {own_words} own-voice words"
    return WordingProfile(
        words=own_words,
        rates=rates,
        uses=uses,
        report_verbs=dict(sorted(report_verbs.items(), key=lambda x: -x[1])),
        biased_share=round(len(flagged) / scored, 3) if scored >= 2 else None,
        scored=scored,
        biased=tuple(sorted(flagged, key=lambda e: -e.score)),
        labels=labels,
        note=note,
    )


TONE_CATEGORIES = ("loaded", "sensational")
# The names of charges, weapons and things in which a charged word is the plain word for them (a reader check found
# "aggravated assault", "first-degree murder", "obstruction of Congress" and "explosive devices" listed as loaded)
TERMS = frozenset(tuple(t.split()) for t in (
    "aggravated assault", "sexual assault", "assault rifle", "assault rifles", "assault weapon", "assault weapons",
    "assault charge", "assault charges", "with assault", "first-degree murder", "second-degree murder",
    "attempted murder", "murder charge", "murder charges", "with murder", "murder trial", "murder case",
    "obstruction of justice", "obstruction of congress", "illegal drugs", "explosive device", "explosive devices",
    "woke up"))
_TERM_SPANS = tuple(sorted({len(t) for t in TERMS}))


def _in_term(words, k: int) -> bool:
    """Whether words[k] (tokens of a sentence) is part of one of TERMS."""
    for n in _TERM_SPANS:
        for first in range(max(0, k - n + 1), k + 1):
            if tuple(w for w, _, _ in words[first:first + n]) in TERMS:
                return True
    return False


def actor_names(actors: tuple[Actor, ...]) -> frozenset[str]:
    """Every name and alias of the actors, lower-cased."""
    return frozenset(n.lower() for a in actors for n in (a.name, *a.aliases))


def descriptive_labels(actor: Actor, names: frozenset[str]) -> tuple[str, ...]:
    """The labels of an actor that describe it: not another actor's name ("NATO" from "NATO's Rutte"; ``names``: the
    article's :func:`actor_names`) and not a bare capitalised title ("Secretary"); "Republican president" and
    "dictator" stay."""
    return tuple(label for label in actor.labels
                 if label.lower() not in names and not (" " not in label and label[:1].isupper()))
