"""Pair every fact of article A with the facts of B that state the same fact, and say how they relate.

Two stages. A first stage weighs every term by how rare it is in the story (inverse frequency over
the facts of both articles) and keeps, for each fact, the few counterparts that share the most rare weight
(or a number, a date or quoted words). The second stage scores only those candidates on anchors a reader
would check: how much of the smaller fact (or of one of its clauses) the other contains (also with inflections
tolerated: terms alike in their first PREFIX letters), shared rare names, numbers, dates and quoted word runs,
verbatim word runs, terms no other fact of either article uses, the shared weight beyond the actors' names (what
they did), headline and lead roles. A logistic model over these anchors,
fitted on labelled cross-outlet links (bench/eval_align.py --fit writes resources/engine/align.json), gives the
probability that B states A's fact. Containment, not symmetry: a sentence carrying the other's fact plus more
is a link ("partial"); a length difference alone is no evidence against.

Link kinds: "conflicting" when a linked pair gives the same slot genuinely different values (a number of the
same unit and referent, a date of the same happening, the same quote credited to a different person, the same
quote with substantially different words); "shared" when each fact covers most of the other; "partial"
otherwise. A fact with no linked counterpart is only-in; when its best counterpart is weak but not unrelated it
is marked "possibly covered" (signals["possibly"] = 1) and never shown as a confident omission.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from rapidfuzz import fuzz

from compare.facts import quoted_excerpt
from compare.model import (CONFLICTING, ONLY_A, ONLY_B, PARTIAL, SHARED, Actor, ActorVariant, Conflict,
                           Fact, Link, Quantity)
from compare.nlp.actors import PERSON, match_actors, pair_name, spelling_differs
from compare.nlp.quotes import person_name
from compare.nlp.similarity import STOPWORDS, same_fact_probability, signals, story_counts, terms
from compare.settings import DEFAULT, AlignSettings, shipped_model

FEATURES = ("cover_min", "cover_max", "clause_cover", "shared_weight", "word_runs", "quote_runs", "number_shared",
            "number_clash", "date_shared", "names", "headline", "best_one", "best_both",
            "same_fact", "soft_cover", "rare_shared", "content_shared", "both_top_content", "one_top_content")
PREFIX = 5  # letters two terms share for the morphology-tolerant cover
TOP_SHARE = 0.2  # a lead fact counts as the top of its article when it is in the article's first fifth of facts
_WORD = re.compile(r"[\w\u00C0-\u024F]+(?:['’]\w+)?|\d[\d,.]*\d")
_CLAUSE_CUT = re.compile(r"[,;:—–()]|\s(?:and|but|while|who|which|after|before|when|because|as|said|says)\s")
_NEGATIONS = frozenset("not no never n't nothing none neither nor".split())
_CENSOR = re.compile(r"\w*[*#@]{2,}\w*|\w+-{2,}\w*")


@lru_cache(maxsize=1)
def align_model() -> dict:
    """The shipped link model: {"features", "weights", "bias", "link_at", "possibly_at", "shared_cover", ...}."""
    return shipped_model("align")


def actor_map(actors_a: Sequence[Actor], actors_b: Sequence[Actor], letters: tuple[str, str] = ("A", "B")):
    """(A name -> pair name, B name -> pair name, shared names, variants worth a reader's attention); ``letters``
    name the two articles in the variant notes and the suffix of a second-article name that collides."""
    letter_a, letter_b = letters
    to_a: dict[str, str] = {x.name: x.name for x in actors_a}
    to_b: dict[str, str] = {y.name: y.name for y in actors_b}
    shared, variants = [], []
    for x, y in match_actors(actors_a, actors_b):
        name = pair_name(x, y)
        to_a[x.name] = to_b[y.name] = name
        shared.append(name)
        how = spelling_differs(x, y) if x.kind == PERSON else ""
        if how:
            variants.append(ActorVariant(name, x.name, y.name,
                                         f"the same person: '{x.name}' in {letter_a}, '{y.name}' in {letter_b} ({how})"))
    for name in list(to_b):  # an actor only the second names must not collide with the first's name for another
        if to_b[name] == name and name in to_a and name not in shared:
            to_b[name] = f"{name} ({letter_b})"
    return to_a, to_b, tuple(sorted(set(shared))), tuple(variants)


# --------------------------------------------------------------------------- what each fact offers

@dataclass(frozen=True)
class FactView:
    """A fact's anchors for matching: term weights, clauses, word trigrams, quoted trigrams, numbers, dates, names."""
    terms: dict  # term -> story weight (rarity x 1.5 for names and numbers)
    total: float
    clauses: tuple  # (frozenset of terms, rare weight) per clause
    trigrams: frozenset
    quote_trigrams: frozenset
    numbers: frozenset
    dates: frozenset
    names: frozenset  # pair-level actor names
    headline: bool
    top: bool = False  # the headline or the lead
    prefixes: dict | None = None  # first PREFIX letters of the terms (inflections, abbreviations: Ariz./Arizona) -> weight
    name_terms: frozenset = frozenset()  # terms inside the fact's actor mentions
    once: frozenset = frozenset()  # terms no other fact of either article uses


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _trigrams(words: list[str]) -> frozenset:
    return frozenset(zip(words, words[1:], words[2:]))


def _term_keys(text: str) -> list[tuple[str, float]]:
    return [(t, x) for t, x in terms(text) if t != "<say>"]


def story_weights(facts_a: Sequence[Fact], facts_b: Sequence[Fact],
                  counts: dict[str, int] | None = None) -> dict[str, float]:
    """How rare each term is in the story: log((N + 1) / (df + 0.5)) with df the larger of its fact counts in
    the two articles, so a term each article uses once (the mark of a shared fact) keeps its full weight."""
    counts = story_counts([f.text for f in facts_a], [f.text for f in facts_b]) if counts is None else counts
    n = max(len(facts_a), len(facts_b))
    return {t: math.log((n + 1) / (df + 0.5)) for t, df in counts.items()}


def _prefix(term: str) -> str:
    return term if term[:1].isdigit() or len(term) <= PREFIX else term[:PREFIX]


def fact_view(fact: Fact, rarity: dict[str, float], to_pair: dict[str, str],
              clause_min_weight: float = DEFAULT.align.clause_min_weight,
              once: frozenset | set = frozenset(), early: bool = True) -> FactView:
    """The anchors of one fact, weighted by the story's rarity of each term; ``once`` holds the terms no more
    than one fact of each article uses; ``early``: the fact is in its article's first TOP_SHARE of facts (a
    lead fact counts as the top only then: in a very short article every paragraph is the lead)."""
    weights: dict[str, float] = {}
    for t, x in _term_keys(fact.text):
        weights[t] = max(weights.get(t, 0.0), rarity.get(t, 0.0) * (1.5 if x > 1.0 else 1.0))
    clauses = []
    for piece in _CLAUSE_CUT.split(fact.text):
        inside = {t for t, _ in _term_keys(piece)}
        w = math.fsum(weights.get(t, 0.0) for t in inside)
        if w >= clause_min_weight:
            clauses.append((frozenset(inside), w))
    quoted = frozenset(g for q in fact.quotes for g in _trigrams(_words(q.text)))
    numbers = frozenset(_number_key(q) for q in fact.quantities)
    dates = frozenset(t.value[-5:] for t in fact.times if t.kind == "date" and t.value)
    name_terms = frozenset(t for m in fact.mentions for t, _ in _term_keys(m.text))
    prefixed: dict[str, float] = {}
    for t, w in weights.items():
        key = _prefix(t)
        prefixed[key] = prefixed.get(key, 0.0) + w
    return FactView(weights, sum(weights.values()), tuple(clauses), _trigrams(_words(fact.text)), quoted, numbers,
                    dates, frozenset(to_pair.get(a, a) for a in fact.actors), fact.role == "headline",
                    fact.role == "headline" or (fact.role == "lead" and early),
                    prefixed, name_terms,
                    frozenset(t for t in weights if t in once))


def _number_key(q: Quantity) -> str:
    return f"{q.value:.6g}|{q.unit}"


def pair_features(va: FactView, vb: FactView, rarity_of_name: dict[str, float],
                  best: tuple[bool, bool] = (False, False), texts: tuple[str, str] = ("", "")) -> dict[str, float]:
    """The anchors two facts share, each in 0..1 (one code path for fitting and for the product); ``best`` says
    whether each fact is the other's strongest first-stage counterpart."""
    common = va.terms.keys() & vb.terms.keys()
    shared_a = math.fsum(va.terms[t] for t in common)  # fsum: exact, so no set order (hash seed) shows
    shared_b = math.fsum(vb.terms[t] for t in common)
    cover_a = shared_a / va.total if va.total else 0.0
    cover_b = shared_b / vb.total if vb.total else 0.0
    clause = 0.0
    for mine, other in ((va, vb), (vb, va)):
        for keys, w in mine.clauses:
            clause = max(clause, math.fsum(mine.terms.get(t, 0.0) for t in keys & other.terms.keys()) / w)
    runs = len(va.trigrams & vb.trigrams)
    quote_runs = len(va.quote_trigrams & vb.quote_trigrams)
    names_common = va.names & vb.names
    names_all = va.names | vb.names
    name_weight = math.fsum(rarity_of_name.get(n, 1.0) for n in names_common)
    name_total = math.fsum(rarity_of_name.get(n, 1.0) for n in names_all)
    pa, pb = va.prefixes or {}, vb.prefixes or {}
    near = pa.keys() & pb.keys()
    soft_a = math.fsum(pa[k] for k in near) / va.total if va.total else 0.0
    soft_b = math.fsum(pb[k] for k in near) / vb.total if vb.total else 0.0
    content = math.fsum(va.terms[t] + vb.terms[t] for t in common - va.name_terms - vb.name_terms) / 2
    return {
        "cover_min": min(cover_a, cover_b),
        "cover_max": max(cover_a, cover_b),
        "clause_cover": clause,
        "shared_weight": min(1.0, (shared_a + shared_b) / 2 / 15.0),
        "word_runs": min(1.0, runs / 4.0),
        "quote_runs": min(1.0, quote_runs / 3.0),
        "number_shared": 1.0 if va.numbers & vb.numbers else 0.0,
        "number_clash": 1.0 if va.numbers and vb.numbers and not va.numbers & vb.numbers else 0.0,
        "date_shared": 1.0 if va.dates & vb.dates else 0.0,
        "names": name_weight / name_total if name_total else 0.0,
        "headline": 1.0 if va.headline or vb.headline else 0.0,
        "best_one": 1.0 if best[0] or best[1] else 0.0,  # symmetric, so comparing B with A mirrors A with B
        "best_both": 1.0 if best[0] and best[1] else 0.0,
        "same_fact": same_fact_probability(signals(*texts)) if all(texts) else 0.0,  # the MSRP paraphrase model
        "soft_cover": max(soft_a, soft_b),  # the larger share of one fact the other has, inflections tolerated
        "rare_shared": min(1.0, len(va.once & vb.once) / 3.0),  # terms each article uses in this fact alone
        "content_shared": min(1.0, content / 12.0),  # shared weight beyond the actors' names: what they did
        # the headline and lead tell the main event: shared content there weighs more (the cast alone does not,
        # or two happenings of one person would link lead to lead)
        "both_top_content": min(1.0, content / 12.0) if va.top and vb.top else 0.0,
        "one_top_content": min(1.0, content / 12.0) if va.top or vb.top else 0.0,
    }


def link_probability(feats: dict[str, float], model: dict | None = None) -> float:
    """Probability that one fact states the other's fact (or a part of it), from the shared anchors."""
    model = model or align_model()
    z = model["bias"] + sum(w * feats[f] for f, w in zip(model["features"], model["weights"]))
    return 1.0 / (1.0 + math.exp(-z))


def candidate_pairs(views_a: Sequence[FactView], views_b: Sequence[FactView],
                    candidates: int = DEFAULT.align.candidates) -> dict[tuple[int, int], tuple[bool, bool]]:
    """First stage: for each fact the ``candidates`` counterparts sharing the most rare weight, plus
    every pair sharing a number, a date or a quoted word run; each with whether it is the strongest counterpart
    of its A fact and of its B fact."""
    if not views_a or not views_b:
        return {}
    holders: dict[str, list[int]] = {}  # an inverted index: only pairs that share a term are ever weighed
    for j, vb in enumerate(views_b):
        for t in vb.terms:
            holders.setdefault(t, []).append(j)
    rows: list[dict[int, float]] = []
    for va in views_a:
        row: dict[int, float] = {}
        for t, w in va.terms.items():
            for j in holders.get(t, ()):
                row[j] = row.get(j, 0.0) + (w + views_b[j].terms[t]) / 2  # the common terms' weight
        rows.append(row)
    keep = set()
    cols: dict[int, dict[int, float]] = {}
    for i, row in enumerate(rows):
        keep.update((i, j) for j in sorted(row, key=lambda j: (-row[j], j))[:candidates] if row[j] > 0)
        for j, w in row.items():
            cols.setdefault(j, {})[i] = w
    for j, col in cols.items():
        keep.update((i, j) for i in sorted(col, key=lambda i: (-col[i], i))[:candidates] if col[i] > 0)
    for i, va in enumerate(views_a):
        if va.numbers or va.dates or va.quote_trigrams:
            for j, vb in enumerate(views_b):
                if va.numbers & vb.numbers or va.dates & vb.dates or va.quote_trigrams & vb.quote_trigrams:
                    keep.add((i, j))
    best_a = {i: max(row, key=lambda j: (row[j], -j)) for i, row in enumerate(rows) if row}
    best_b = {j: max(col, key=lambda i: (col[i], -i)) for j, col in cols.items()}
    return {(i, j): (best_a.get(i) == j, best_b.get(j) == i) for i, j in sorted(keep)}


# --------------------------------------------------------------------------- conflicts

def _same_kind(x: Quantity, y: Quantity, alone: bool = False) -> bool:
    """Same unit and the same referent: plain counts must count the same noun; money, percentages and weights
    must say what they measure alike, or (``alone``) be the only figure of their unit on each side."""
    if x.unit != y.unit:
        return False
    if x.unit == "count":
        return bool(x.counts) and x.counts == y.counts
    return x.counts == y.counts and (bool(x.counts) or alone)


_FIGURE = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _step(q: Quantity) -> float:
    """The rounding step the text gives its value in: "$7 million" 1,000,000; "3.8 percent" 0.1; "six" 1."""
    m = _FIGURE.search(q.text)
    if not m:
        return 1.0
    shown = float(m.group().replace(",", ""))
    scale = abs(q.value / shown) if shown else 1.0
    return scale * 10.0 ** -len(m.group(1) or "")


def _same_value(x: Quantity, y: Quantity) -> bool:
    """Equal once the more exact figure is rounded as the other is written ("$7 million" and "$7.1 million",
    "4 percent" and "3.8 percent": a rounding, not a disagreement; 234 and 235 votes differ)."""
    return abs(x.value - y.value) <= max(_step(x), _step(y)) / 2 + 1e-9 * max(abs(x.value), abs(y.value))


# words before a figure that make it a bound or an estimate: "more than 12 hours" and "almost 13 hours" agree
_ABOVE = re.compile(r"\b(?:more than|over|at least|upwards of|in excess of|exceeding|topping)\s+(?:\$|€|£)?$", re.I)
_BELOW = re.compile(r"\b(?:less than|fewer than|under|up to|at most|nearly|almost|just under|not quite)\s+(?:\$|€|£)?$",
                    re.I)
_ABOUT = re.compile(r"\b(?:about|around|roughly|some|approximately|an estimated|estimated|close to|nearly|almost)"
                    r"\s+(?:\$|€|£)?$", re.I)
ESTIMATE_SPREAD = 0.2  # an estimate ("about 40", "nearly 13") may be this share of its value off


def _range(q: Quantity, fact: Fact) -> tuple[float, float] | None:
    """The values a figure allows as the fact writes it, when words before it make it a bound or an estimate: a bound
    ("more than 12", "up to 13") is open on one side, an estimate ("about 40") spreads ESTIMATE_SPREAD of its value
    either way, "nearly 13" below it only. None for a figure given as it is."""
    before = fact.text[max(0, q.start - fact.start - 30):max(0, q.start - fact.start)]
    spread = abs(q.value) * ESTIMATE_SPREAD
    above, below, about = _ABOVE.search(before), _BELOW.search(before), _ABOUT.search(before)
    if above:
        return q.value, math.inf
    if below:
        return (q.value - spread if about else -math.inf), q.value
    if about:
        return q.value - spread, q.value + spread
    return None


def _may_agree(x: Quantity, fx: Fact, y: Quantity, fy: Fact) -> bool:
    """Whether two figures of one kind, one of them a bound or an estimate, can both be true: "more than 12 hours"
    and "almost 13 hours" can; "about 40" and "more than 60" cannot. Two figures given as they are agree only by
    rounding (_same_value)."""
    rx, ry = _range(x, fx), _range(y, fy)
    if x.unit != y.unit or (rx is None and ry is None):
        return False
    (lx, hx), (ly, hy) = rx or (x.value - _step(x) / 2, x.value + _step(x) / 2), \
        ry or (y.value - _step(y) / 2, y.value + _step(y) / 2)
    return max(lx, ly) < min(hx, hy)


_CLITICS = {"n't": "not", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would", "'m": "am", "'s": "is"}
_IRREGULAR = {"won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not"}


def _quote_words(text: str) -> list[str]:
    """A quote's words with contractions written out (don't = do not, he's = he is) and censored words dropped."""
    out: list[str] = []
    for w in _words(_CENSOR.sub("*", text)):
        if w == "*":
            continue
        if w in _IRREGULAR:
            out.extend(_IRREGULAR[w].split())
            continue
        tail = next((c for c in _CLITICS if w.endswith(c) and len(w) > len(c)), None)
        out.extend([w[: -len(tail)], _CLITICS[tail]] if tail else [w])
    return out


def _join_compounds(words: list[str], other: list[str]) -> list[str]:
    """``words`` with two neighbours joined where the other quote writes them as one (world view / worldview)."""
    one = set(other)
    out: list[str] = []
    k = 0
    while k < len(words):
        if k + 1 < len(words) and words[k] + words[k + 1] in one:
            out.append(words[k] + words[k + 1])
            k += 2
        else:
            out.append(words[k])
            k += 1
    return out


def quote_difference(x: str, y: str) -> tuple[list[str], list[str]]:
    """Words each quote has that the other lacks, after folding spelling variants (Momma/Mama), contractions,
    compounds written apart and censoring."""
    wx, wy = _quote_words(x), _quote_words(y)
    wx, wy = _join_compounds(wx, wy), _join_compounds(wy, wx)
    left = list(wy)
    only_x = []
    for w in wx:
        match = next((u for u in left if u == w or (len(w) > 3 and fuzz.ratio(u, w) >= 75)), None)
        if match is None:
            only_x.append(w)
        else:
            left.remove(match)
    return only_x, left


def _content(words: list[str]) -> int:
    """How many of the words carry meaning (not function words): a transcript's "I think", "or his" are no
    different wording."""
    return sum(1 for w in words if w not in STOPWORDS)


def _same_quote(x: str, y: str) -> bool:
    """Whether two quotes are the same words, one quoting a part of the other or a few words apart."""
    wx, wy = _quote_words(x), _quote_words(y)
    if not wx or not wy:
        return False
    only_x, only_y = quote_difference(x, y)
    return min(len(wx) - len(only_x), len(wy) - len(only_y)) >= 0.6 * min(len(wx), len(wy))


def _same_person(x: str, y: str) -> bool:
    """One person named by full name, surname or first name (Chad Griffin / Griffin / Chad)."""
    tx, ty = set(x.lower().split()), set(y.lower().split())
    return bool(tx & ty) or x.lower() in y.lower() or y.lower() in x.lower()


def _named_here(quote, fact: Fact) -> bool:
    """Whether a quote's speaker is a named person the fact itself names (not carried over from another sentence)."""
    return bool(quote.speaker) and not quote.anonymous and any(
        m.actor == quote.speaker for m in fact.mentions if not (quote.start <= m.start < quote.end))


def conflicts_of(fa: Fact, fb: Fact, to_a: dict[str, str], to_b: dict[str, str],
                 quote_diff_words: int = DEFAULT.align.quote_diff_words) -> list[Conflict]:
    """Slots two linked facts fill with genuinely different values; one conflict per quote at most."""
    out: list[Conflict] = []
    qa, qb = list(fa.quantities), list(fb.quantities)
    alone_a = [x for x in qa if not any(_same_value(x, y) or _may_agree(x, fa, y, fb) for y in qb)]
    alone_b = [y for y in qb if not any(_same_value(x, y) or _may_agree(x, fa, y, fb) for x in qa)]
    for x in alone_a:
        single = sum(q.unit == x.unit for q in qa) == 1 and sum(q.unit == x.unit for q in qb) == 1
        y = next((y for y in alone_b if _same_kind(x, y, single)), None)
        if y is not None:
            out.append(Conflict("number", x.text, y.text, f"{x.unit} of {x.counts}" if x.counts else f"{x.unit}"))
    da = {t.value[-5:]: t for t in fa.times if t.kind == "date" and t.value}
    db = {t.value[-5:]: t for t in fb.times if t.kind == "date" and t.value}
    if len(da) == 1 and len(db) == 1 and not da.keys() & db.keys():
        (x,), (y,) = da.values(), db.values()
        out.append(Conflict("date", x.text, y.text, "different dates for the same fact"))
    for qx in (q for q in fa.quotes if fa.start <= q.start < fa.end):  # a quote is judged where it starts
        for qy in (q for q in fb.quotes if fb.start <= q.start < fb.end):
            if not _same_quote(qx.text, qy.text):
                continue
            short, long_ = sorted((qx.text, qy.text), key=len)
            own, more = quote_difference(short, long_)  # the shorter quote's words the whole longer one lacks
            worded_alike = _content(own) < quote_diff_words and not {*own, *more} & _NEGATIONS
            window = fuzz.partial_ratio_alignment(short.lower(), long_.lower())  # the part of the longer quote the shorter one quotes
            long_ = long_[window.dest_start:window.dest_end] if window else long_
            tx, ty = (short, long_) if short is qx.text else (long_, short)
            wx, wy = _quote_words(tx), _quote_words(ty)
            only_x, only_y = quote_difference(tx, ty)
            common = min(len(wx) - len(only_x), len(wy) - len(only_y))
            sx = to_a.get(qx.speaker, qx.speaker) if _named_here(qx, fa) else None
            sy = to_b.get(qy.speaker, qy.speaker) if _named_here(qy, fb) else None
            if sx and sy and common >= 5 and not _same_person(sx, sy) and person_name(sx) and person_name(sy):
                # two people: an organisation and a person may be one voice (AP and its spokeswoman)
                out.append(Conflict("actor", sx, sy, "the same quote credited to different speakers"))
            elif not worded_alike and "…" not in qx.text + qy.text and "..." not in qx.text + qy.text \
                    and min(len(wx), len(wy)) >= 0.75 * max(len(wx), len(wy)) \
                    and (min(_content(only_x), _content(only_y)) >= quote_diff_words
                         or {*only_x, *only_y} & _NEGATIONS):
                out.append(Conflict("quote", qx.text, qy.text,
                                    f"the same quote with different words: {', '.join(only_x[:3]) or '-'} vs "
                                    f"{', '.join(only_y[:3]) or '-'}"))
    return out


# --------------------------------------------------------------------------- the pair

def _reason(kind: str, p: float, feats: dict, shared_names: list[str], conflicts: list[Conflict]) -> str:
    """One sentence a reader can check: the kind, the anchors the two facts share, the link probability."""
    names = f"; shared actors: {', '.join(shared_names[:4])}" if shared_names else ""
    anchors = [label for key, label in (("number_shared", "the same number"), ("date_shared", "the same date"),
                                        ("quote_runs", "the same quoted words"), ("word_runs", "the same wording"))
               if feats.get(key, 0) > 0]
    why = f"{', '.join(anchors)}; " if anchors else ""
    if kind == CONFLICTING:
        c = conflicts[0]
        return f"Same fact told differently: {c.kind} '{c.a}' vs '{c.b}' ({c.detail}); link probability {p:.2f}{names}."
    if kind == SHARED:
        return f"Same fact ({why}each covers {feats['cover_min']:.0%} or more of the other; link probability {p:.2f}){names}."
    return (f"One carries the other's fact ({why}{feats['clause_cover']:.0%} of a clause contained; "
            f"link probability {p:.2f}){names}.")


@dataclass(frozen=True)
class PairLinks:
    """The links of two articles before the same-event verdict, and the actor map they were made with."""
    links: tuple
    to_a: dict
    to_b: dict
    shared_actors: tuple
    variants: tuple
    letters: tuple


def candidate_features(actors_a: Sequence[Actor], facts_a: Sequence[Fact], actors_b: Sequence[Actor],
                       facts_b: Sequence[Fact], letters: tuple[str, str] = ("A", "B"),
                       settings: AlignSettings = DEFAULT.align):
    """The actor map of the pair (as actor_map gives it), each fact's anchors, and the features of every
    first-stage candidate pair: ((to_a, to_b, shared, variants), views_a, views_b, {(i, j): features}). The one
    code path for the product and for fitting the link model (bench/eval_align.py)."""
    mapped = actor_map(actors_a, actors_b, letters)
    to_a, to_b = mapped[0], mapped[1]
    counts = story_counts([f.text for f in facts_a], [f.text for f in facts_b])
    rarity = story_weights(facts_a, facts_b, counts)
    once = {t for t, df in counts.items() if df == 1}
    mentions: dict[str, int] = {}
    for f, to in [(f, to_a) for f in facts_a] + [(f, to_b) for f in facts_b]:
        for n in {to.get(a, a) for a in f.actors}:
            mentions[n] = mentions.get(n, 0) + 1
    n_facts = len(facts_a) + len(facts_b)
    name_rarity = {n: math.log((n_facts + 1) / (k + 0.5)) for n, k in mentions.items()}
    views_a = [fact_view(f, rarity, to_a, settings.clause_min_weight, once, k < TOP_SHARE * len(facts_a))
               for k, f in enumerate(facts_a)]
    views_b = [fact_view(f, rarity, to_b, settings.clause_min_weight, once, k < TOP_SHARE * len(facts_b))
               for k, f in enumerate(facts_b)]
    features = {(i, j): pair_features(views_a[i], views_b[j], name_rarity, best, (facts_a[i].text, facts_b[j].text))
                for (i, j), best in candidate_pairs(views_a, views_b, settings.candidates).items()}
    return mapped, views_a, views_b, features


def link_facts(actors_a: Sequence[Actor], facts_a: Sequence[Fact], actors_b: Sequence[Actor],
               facts_b: Sequence[Fact], letters: tuple[str, str] = ("A", "B"),
               settings: AlignSettings = DEFAULT.align) -> PairLinks:
    """Every fact of A linked to the facts of B that state it (or a part of it), plus only-in links."""
    model = align_model()
    (to_a, to_b, shared_actors, variants), views_a, views_b, features = candidate_features(
        actors_a, facts_a, actors_b, facts_b, letters, settings)
    scored = {ij: (link_probability(feats, model), feats) for ij, feats in features.items()}
    edges = {ij: s for ij, s in scored.items() if s[0] >= settings.link_at}
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for (i, j), (p, _) in scored.items():
        best_a[i] = max(best_a.get(i, (0.0, -1)), (p, -j))
        best_b[j] = max(best_b.get(j, (0.0, -1)), (p, -i))

    links: list[Link] = []
    for (i, j), (p, feats) in sorted(edges.items()):  # one link per pair of facts: symmetric, each claim checkable
        fa, fb = facts_a[i], facts_b[j]
        conflicts = conflicts_of(fa, fb, to_a, to_b, settings.quote_diff_words)
        kind = CONFLICTING if conflicts else SHARED if feats["cover_min"] >= settings.shared_cover \
            else PARTIAL
        common = sorted({to_a.get(n, n) for n in fa.actors} & {to_b.get(n, n) for n in fb.actors})
        links.append(Link(kind, (fa.id,), (fb.id,), round(p, 4),
                          _reason(kind, p, feats, common, conflicts),
                          {k: round(v, 4) for k, v in feats.items()} | {"link_probability": round(p, 4)},
                          tuple(conflicts)))
    linked_b = {j for (_, j) in edges}
    linked_a = {i for (i, _) in edges}
    for i, f in enumerate(facts_a):
        if i not in linked_a:
            links.append(_only(ONLY_A, f, best_a.get(i), facts_b, settings.possibly_at, letters))
    for j, f in enumerate(facts_b):
        if j not in linked_b:
            links.append(_only(ONLY_B, f, best_b.get(j), facts_a, settings.possibly_at, letters))
    order_a = {f.id: k for k, f in enumerate(facts_a)}
    order_b = {f.id: k for k, f in enumerate(facts_b)}
    links.sort(key=lambda l: (order_a[l.a[0]] if l.a else len(order_a) + order_b[l.b[0]], l.b and order_b[l.b[0]] or 0))
    return PairLinks(tuple(links), to_a, to_b, shared_actors, variants, letters)


def count_links(links: Sequence[Link], facts_a: Sequence[Fact], facts_b: Sequence[Fact]) -> dict[str, int]:
    """Facts per link kind; a B fact in several links counts once, under its most telling kind."""
    counts = {kind: 0 for kind in (SHARED, PARTIAL, CONFLICTING, ONLY_A, ONLY_B)}
    kind_of_b: dict[str, str] = {}
    rank = {CONFLICTING: 0, PARTIAL: 1, SHARED: 2}
    for link in links:
        counts[link.kind] += 1  # the A fact, or the one only-in fact
        if link.kind in rank:
            for b in link.b:
                if b not in kind_of_b or rank[link.kind] < rank[kind_of_b[b]]:
                    kind_of_b[b] = link.kind
    for kind in kind_of_b.values():
        counts[kind] += 1
    counts["facts_a"], counts["facts_b"] = len(facts_a), len(facts_b)
    counts["possibly_covered"] = sum(1 for l in links if l.signals.get("possibly"))
    return counts


def specific_links_only(links: list[Link], facts_a: Sequence[Fact], facts_b: Sequence[Fact],
                         letters: tuple[str, str]) -> tuple[list[Link], dict[str, int]]:
    """For articles about different happenings, keep only links anchored in something specific to one fact
    (the same number, date or quoted words); the rest become only-in, with the reason said. A "possibly covered"
    hedge becomes a plain only-in too: a fact of another happening does not state this one's."""
    kept = [l for l in links if any(l.signals.get(k, 0) > 0 for k in ("number_shared", "date_shared", "quote_runs"))
            or l.kind in (ONLY_A, ONLY_B) and not l.signals.get("possibly")]
    still_a = {a for l in kept for a in l.a}
    still_b = {b for l in kept for b in l.b}
    why = ("Only in {}: the articles report different happenings; alike in cast and wording, but no "
           "fact of the other gives the same number, date or quoted words.")
    only_a = {a for l in links for a in l.a} - still_a
    only_b = {b for l in links for b in l.b} - still_b
    for fid in (f.id for f in facts_a if f.id in only_a):
        kept.append(Link(ONLY_A, (fid,), (), 0.0, why.format(letters[0]), {"different_happening": 1.0}))
    for fid in (f.id for f in facts_b if f.id in only_b):
        kept.append(Link(ONLY_B, (), (fid,), 0.0, why.format(letters[1]), {"different_happening": 1.0}))
    order_a = {f.id: k for k, f in enumerate(facts_a)}
    order_b = {f.id: k for k, f in enumerate(facts_b)}
    kept.sort(key=lambda l: (order_a[l.a[0]] if l.a else len(order_a) + order_b[l.b[0]], l.b and order_b[l.b[0]] or 0))
    return kept, count_links(kept, facts_a, facts_b)


def _only(kind: str, fact: Fact, best: tuple[float, int] | None, others: Sequence[Fact], possibly_at: float,
          letters: tuple[str, str]) -> Link:
    """An only-in link: confident when nothing comes near, "possibly covered by X" when the best counterpart is
    weak but not unrelated."""
    mine, other = (letters[0], letters[1]) if kind == ONLY_A else (letters[1], letters[0])
    p, neg = best if best else (0.0, 1)
    if best and p >= possibly_at:
        near = others[-neg]
        return Link(kind, (fact.id,) if kind == ONLY_A else (), (fact.id,) if kind == ONLY_B else (), round(p, 4),
                    f"Possibly covered by {near.id} ({quoted_excerpt(near.text, 12)}, link probability {p:.2f}): "
                    f"the engine is unsure whether {other} states it.",
                    {"possibly": 1.0, "best": round(p, 4)})
    if best is None:  # no fact of the other article shares a term with it
        why = f"Only in {mine}: no fact of {other} shares its names, numbers, quotes or wording."
    else:  # the closest counterpart is named, so a reader can check the claim
        near = others[-neg]
        digits = 2 if f"{p:.2f}" != f"{possibly_at:.2f}" else 4  # never "0.13, under the 0.13"
        why = (f"Only in {mine}: the closest fact of {other}, {near.id} ({quoted_excerpt(near.text, 12)}), has link "
               f"probability {p:.{digits}f}, under the {possibly_at:.2f} from which the engine calls a fact possibly "
               f"covered.")
    return Link(kind, (fact.id,) if kind == ONLY_A else (), (fact.id,) if kind == ONLY_B else (), round(p, 4),
                why, {"best": round(p, 4)})
