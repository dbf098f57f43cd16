"""Tone: VADER per sentence (own voice apart from quotes), by section, and the sentiment toward each actor."""
from __future__ import annotations

import re

from compare.model import Actor, Fact
from compare.profile.linear import load_model
from compare.profile.scores import LABELS, TARGET_MODEL, target_probabilities
from compare.profile.sections import SentenceView
from compare.profile.textfeatures import FUNCTION_WORDS, analyzer, name_words, tokens, vader_lexicon
from compare.profile.types import NOT_ENOUGH_TEXT, Evidence, SentimentProfile, TargetSentiment

NEUTRAL_BAND = 0.05  # VADER's own threshold for a non-neutral compound
CLEAR = 0.5  # |compound| at or above this is "clearly" negative / positive
MIN_OWN_WORDS = 3  # own-voice text shorter than this is not scored
MIN_SENTENCES = 2  # fewer scored sentences: the mean means nothing
EVIDENCE_PER_FIGURE = 3
MAX_TONE_SENTENCES = 400  # sentences naming an actor read for tone, the first ones of the article: each costs an encoder
#                           pass (~5 ms); news articles have far fewer, and a book-length input stays linear
WORD_FEATURES = frozenset({"w", "L", "R", "nL", "nR"})  # target-model features named after one word
Mentions = dict[str, dict[int, list[tuple[int, int]]]]  # actor -> Sentence.index -> sentence-relative mention spans
_CAPITALISED = re.compile(r"(?<!^)\b[A-Z][\w'’-]*")


def compound(text: str) -> float:
    return float(analyzer().polarity_scores(text)["compound"])


def valence_words(text: str) -> tuple[str, ...]:
    """The words of text that carry a VADER valence (the evidence for its score), never inside a proper name or a
    first name ("Supreme" in Supreme Court, "Security" in Social Security)."""
    lexicon = vader_lexicon()
    return tuple(dict.fromkeys(w for (w, _, _), name in zip(tokens(text), name_words(text, lexicon.__contains__))
                               if w in lexicon and not name))


def _label(value: float, band: float) -> str:
    return "positive" if value >= band else "negative" if value <= -band else "neutral"


def sentiment_profile(views: tuple[SentenceView, ...], mentions: Mentions) -> SentimentProfile:
    """Per-sentence VADER of the outlet's own voice, its distribution and sections, quotes apart, and per-actor tone
    (``mentions`` from :func:`actor_mentions`)."""
    scored: list[tuple[SentenceView, float, str]] = []
    quoted: list[float] = []
    for v in views:
        own = v.own_text
        if len(tokens(own)) >= MIN_OWN_WORDS:
            scored.append((v, compound(own), own))
        if v.quotes and len(tokens(v.quoted_text)) >= MIN_OWN_WORDS:
            quoted.append(compound(v.quoted_text))
    targets = target_sentiments(views, mentions)
    if not scored:
        return SentimentProfile(sentences=0, mean=None, quoted_mean=_mean(quoted), targets=targets, note=NOT_ENOUGH_TEXT)
    values = [c for _, c, _ in scored]
    n = len(values)
    distribution = {lab: sum(_label(c, NEUTRAL_BAND) == lab for c in values) / n for lab in ("negative", "neutral", "positive")}
    distribution["clearly_negative"] = sum(c <= -CLEAR for c in values) / n
    distribution["clearly_positive"] = sum(c >= CLEAR for c in values) / n
    by_section: dict[str, float] = {}
    for section in ("headline", "lead", "body"):
        part = [c for v, c, _ in scored if v.section == section]
        if part:
            by_section[section] = round(sum(part) / len(part), 3)

    def evidence(items):
        return tuple(Evidence(v.sentence.index, v.sentence.text, valence_words(own), round(c, 3), v.section) for v, c, own in items)

    negative = sorted((x for x in scored if x[1] <= -CLEAR), key=lambda x: x[1])[:EVIDENCE_PER_FIGURE]
    positive = sorted((x for x in scored if x[1] >= CLEAR), key=lambda x: -x[1])[:EVIDENCE_PER_FIGURE]
    return SentimentProfile(
        sentences=n,
        mean=round(sum(values) / n, 3) if n >= MIN_SENTENCES else None,
        distribution={k: round(v, 3) for k, v in distribution.items()},
        by_section=by_section,
        quoted_mean=_mean(quoted),
        negative=evidence(negative),
        positive=evidence(positive),
        targets=targets,
        note="" if n >= MIN_SENTENCES else NOT_ENOUGH_TEXT + ": one scored sentence",
    )


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def actor_mentions(views: tuple[SentenceView, ...], facts: tuple[Fact, ...], actors: tuple[Actor, ...]) -> Mentions:
    """actor -> Sentence.index -> sentence-relative mention spans; from the facts' mentions, else by alias match."""
    by_index = {v.sentence.index: v for v in views}
    found: Mentions = {}
    for fact in facts:
        view = by_index.get(fact.sentence)
        if view is None:
            continue
        for m in fact.mentions:
            span = (m.start - view.sentence.start, m.end - view.sentence.start)
            if 0 <= span[0] < span[1] <= len(view.sentence.text):
                spans = found.setdefault(m.actor, {}).setdefault(fact.sentence, [])
                if span not in spans:
                    spans.append(span)
    for actor in actors:
        if actor.name in found:
            continue
        forms = sorted({actor.name, *actor.aliases}, key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms if f) + r")\b")
        for v in views:
            spans = [(m.start(), m.end()) for m in pattern.finditer(v.sentence.text)]
            if spans:
                found.setdefault(actor.name, {})[v.sentence.index] = spans
    return found


def target_sentiments(views: tuple[SentenceView, ...], mentions: Mentions) -> tuple[TargetSentiment, ...]:
    """Sentiment toward each actor through :func:`compare.target_sentiment` (one score per sentence: the mentions' mean,
    own voice and quotes kept apart; the other actors named in the sentence are passed as its other targets). A sentence
    is labelled by its most probable class; the actor by the most probable class of its mean probabilities."""
    if not mentions:
        return ()
    model = load_model(TARGET_MODEL)
    by_index = {v.sentence.index: v for v in views}
    in_sentence: dict[int, list[tuple[int, int]]] = {}
    for per_sentence in mentions.values():
        for index, spans in per_sentence.items():
            in_sentence.setdefault(index, []).extend(spans)
    read = set(sorted(in_sentence)[:MAX_TONE_SENTENCES])
    jobs = []  # (actor, sentence index, own voice?, the mentions scored)
    for actor, per_sentence in mentions.items():
        for index, spans in sorted(per_sentence.items()):
            if index not in read:
                continue
            view = by_index[index]
            own_spans = [sp for sp in spans if not view.is_quoted(*sp)]
            jobs.append((actor, index, bool(own_spans), own_spans or spans))
    targets = [(by_index[index].sentence.text, a, b, tuple(o for o in in_sentence[index] if o not in spans and not _overlaps(o, spans)))
               for _, index, _, spans in jobs for a, b in spans]
    feats: list[dict[str, float]] = []
    results = iter(target_probabilities(targets, model, feats))
    scored: dict[str, list[tuple[dict[str, float], int, bool, list[dict[str, float]]]]] = {}
    for (actor, index, own, spans), start in zip(jobs, _starts(jobs)):
        ps = [next(results)[1] for _ in spans]
        mean = {c: sum(p[c] for p in ps) / len(ps) for c in LABELS}
        scored.setdefault(actor, []).append((mean, index, own, feats[start:start + len(spans)]))
    out = []
    for actor, items in scored.items():
        own = [p for p, _, o, _ in items if o]
        said = [p for p, _, o, _ in items if not o]
        top = sorted((x for x in items if x[2]), key=lambda x: -abs(_score(x[0])))[:EVIDENCE_PER_FIGURE]
        evidence = tuple(Evidence(i, by_index[i].sentence.text, _trigger_words(model, by_index[i].sentence.text, f, p),
                                  round(_score(p), 3), by_index[i].section) for p, i, _, f in top)
        out.append(TargetSentiment(
            actor=actor,
            sentences=len(items),
            score=_mean([_score(p) for p in own]) if own else None,
            label=_argmax(_average(own)) if own else NOT_ENOUGH_TEXT,
            counts={lab: float(sum(_argmax(p) == lab for p in own)) for lab in LABELS} if own else {},
            quoted_score=_mean([_score(p) for p in said]),
            quoted_counts={lab: float(sum(_argmax(p) == lab for p in said)) for lab in LABELS} if said else {},
            evidence=evidence,
        ))
    return tuple(sorted(out, key=lambda t: (-t.sentences, t.actor)))


def _starts(jobs) -> list[int]:
    """Index of each job's first target in the flat target list."""
    starts, n = [], 0
    for *_, spans in jobs:
        starts.append(n)
        n += len(spans)
    return starts


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)


def _score(p: dict[str, float]) -> float:
    return p["positive"] - p["negative"]


def _argmax(p: dict[str, float]) -> str:
    return max(LABELS, key=p.get)


def _average(ps: list[dict[str, float]]) -> dict[str, float]:
    return {c: sum(p[c] for p in ps) / len(ps) for c in LABELS}


def _trigger_words(model, text: str, feats: list[dict[str, float]], p: dict[str, float]) -> tuple[str, ...]:
    """The content words pushing the target model toward the sentence's label (none for a neutral reading)."""
    label = _argmax(p)
    if label == "neutral":
        return ()
    names = {w.lower() for w in _CAPITALISED.findall(text)}
    words: dict[str, float] = {}
    for f in feats:  # only the word features' contributions (the same figures model.contributions gives them)
        kept = {n: v for n, v in f.items() if n.partition(":")[0] in WORD_FEATURES}
        for name, c in model.contributions(kept, label).items():
            w = name.partition(":")[2]
            if c > 0 and w not in FUNCTION_WORDS and w not in names and not w.startswith("<"):
                words[w] = words.get(w, 0.0) + c
    return tuple(w for w, _ in sorted(words.items(), key=lambda x: -x[1])[:3])
