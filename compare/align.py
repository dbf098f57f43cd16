"""Pair every fact of article A with its counterpart(s) in B and say how they relate.

Score of a fact pair = SAME_FACT_WEIGHT x the calibrated same-fact probability (compare.nlp.similarity)
+ ACTOR_WEIGHT x the Jaccard overlap of their actors (matched across the articles). Links: mutual best
pairs scoring at least LINK_THRESHOLD, then facts whose best counterpart is already linked join that link
(one-to-many). A link is "conflicting" when its facts give a different number, date, speaker, source or
quote wording for what is otherwise the same fact (score >= CONFLICT_THRESHOLD); "shared" when the
same-fact probability reaches the model's threshold and neither fact adds SAYS_MORE_WORDS plain content
words the other lacks; "partial" otherwise (overlapping, one says more). Unlinked facts are only_a/only_b.
"""
from __future__ import annotations

import re
from typing import Sequence

from rapidfuzz import fuzz

from compare.event import event_verdict
from compare.facts import article_letter
from compare.model import (CONFLICTING, ONLY_A, ONLY_B, PARTIAL, SHARED, Actor, ActorVariant, Article, Conflict,
                           Fact, Link, PairComparison, Quantity)
from compare.nlp.actors import PERSON, match_actors, pair_name, spelling_differs
from compare.nlp.similarity import extra_words, paraphrase_model, same_fact_probability, sentence_profile, signals, terms

SAME_FACT_WEIGHT = 0.85
ACTOR_WEIGHT = 0.15
LINK_THRESHOLD = 0.30
CONFLICT_THRESHOLD = 0.45
SAYS_MORE_WORDS = 4  # plain content words one fact adds for a likely paraphrase to count as partial
QUOTE_SAME_MIN, QUOTE_SAME_MAX = 60.0, 96.0  # fuzz.ratio band for "the same quote, worded differently"


def settings() -> dict[str, str]:
    """The thresholds in force, for Method.settings."""
    return {
        "align.same_fact_weight": str(SAME_FACT_WEIGHT), "align.actor_weight": str(ACTOR_WEIGHT),
        "align.link_threshold": str(LINK_THRESHOLD), "align.conflict_threshold": str(CONFLICT_THRESHOLD),
        "align.shared_probability": str(paraphrase_model()["threshold"]),
        "align.quote_reworded_ratio": f"{QUOTE_SAME_MIN:g}-{QUOTE_SAME_MAX:g}",
        "align.says_more_words": str(SAYS_MORE_WORDS),
    }


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


def _pair_score(fa: Fact, fb: Fact, actors_a: set[str], actors_b: set[str]) -> tuple[float, float, dict]:
    if not sentence_profile(fa.text).weights.keys() & sentence_profile(fb.text).weights.keys():
        return 0.0, 0.0, {}
    sig = signals(fa.text, fb.text)
    p = same_fact_probability(sig)
    union = actors_a | actors_b
    aj = len(actors_a & actors_b) / len(union) if union else 0.0
    return SAME_FACT_WEIGHT * p + ACTOR_WEIGHT * aj, p, {**sig, "same_fact": p, "actors": aj}


def _excerpt(short: str, full: str) -> bool:
    """Whether every piece of ``short`` between elisions ('…', '...') appears word for word in ``full``."""
    pieces = [p.strip(" ,.;:") for p in re.split(r"…|\.\.\.", short)]
    pieces = [p for p in pieces if p]
    return bool(pieces) and all(fuzz.partial_ratio(p, full) >= QUOTE_SAME_MAX for p in pieces)


def _says_more(fa: Fact, fb: Fact) -> bool:
    """Whether one fact adds SAYS_MORE_WORDS or more plain content words while the other adds at most one."""
    extra_a, extra_b = extra_words(fa.text, fb.text)
    return max(len(extra_a), len(extra_b)) >= SAYS_MORE_WORDS and min(len(extra_a), len(extra_b)) <= 1


def _same_kind(x: Quantity, y: Quantity) -> bool:
    """Same unit, and the same thing counted where both say what they count (counts must match for plain counts)."""
    if x.unit != y.unit:
        return False
    return x.counts == y.counts if x.unit == "count" else (x.counts == y.counts or not x.counts or not y.counts)


def _same_value(x: Quantity, y: Quantity) -> bool:
    return abs(x.value - y.value) <= 0.01 * max(abs(x.value), abs(y.value), 1e-9)


def _conflicts(fas: Sequence[Fact], fbs: Sequence[Fact], to_a, to_b) -> list[Conflict]:
    out: list[Conflict] = []
    qa = [q for f in fas for q in f.quantities]
    qb = [q for f in fbs for q in f.quantities]
    alone_a = [x for x in qa if not any(_same_kind(x, y) and _same_value(x, y) for y in qb)]
    alone_b = [y for y in qb if not any(_same_kind(x, y) and _same_value(x, y) for x in qa)]
    for x in alone_a:
        y = next((y for y in alone_b if _same_kind(x, y)), None)
        if y is not None:
            out.append(Conflict("number", x.text, y.text, f"{x.unit} {x.counts or y.counts or ''}".strip()))
    ta = [t for f in fas for t in f.times if t.kind == "date" and t.value]
    tb = [t for f in fbs for t in f.times if t.kind == "date" and t.value]
    if ta and tb and not {t.value[-5:] for t in ta} & {t.value[-5:] for t in tb}:
        out.append(Conflict("date", ta[0].text, tb[0].text, "different dates for the same fact"))
    speakers_a = {to_a.get(q.speaker, q.speaker): q for f in fas for q in f.quotes if q.speaker}
    speakers_b = {to_b.get(q.speaker, q.speaker): q for f in fbs for q in f.quotes if q.speaker}
    for qx in (q for f in fas for q in f.quotes):
        for qy in (q for f in fbs for q in f.quotes):
            x, y = qx.text.lower(), qy.text.lower()
            ratio = fuzz.ratio(x, y)
            excerpt = _excerpt(x, y) or _excerpt(y, x)  # one quotes a part of the other (elisions allowed)
            if ratio < QUOTE_SAME_MIN and not excerpt:
                continue
            sx = to_a.get(qx.speaker, qx.speaker) if qx.speaker else None
            sy = to_b.get(qy.speaker, qy.speaker) if qy.speaker else None
            if sx and sy and sx != sy:
                out.append(Conflict("actor", sx, sy, "the same quote credited to different speakers"))
            elif not excerpt and ratio < QUOTE_SAME_MAX and min(len(x), len(y)) >= 0.6 * max(len(x), len(y)) \
                    and len(x.split()) >= 4:
                out.append(Conflict("quote", qx.text, qy.text, f"the same quote worded differently ({ratio:.0f}% alike)"))
    attr_a = {(a.kind, to_a.get(a.source, a.source)) for f in fas for a in f.attributions}
    attr_b = {(a.kind, to_b.get(a.source, a.source)) for f in fbs for a in f.attributions}
    if attr_a and attr_b and not attr_a & attr_b and not speakers_a.keys() & speakers_b.keys():
        kinds_a, kinds_b = {k for k, _ in attr_a}, {k for k, _ in attr_b}
        if kinds_a != kinds_b or not out:
            out.append(Conflict("attribution", "; ".join(sorted(s for _, s in attr_a)),
                                "; ".join(sorted(s for _, s in attr_b)),
                                f"credited to {'/'.join(sorted(kinds_a))} vs {'/'.join(sorted(kinds_b))} sources"))
    return out


def _distinct_words(fas: Sequence[Fact], fbs: Sequence[Fact], limit: int = 4) -> tuple[list[str], list[str]]:
    wa = {t for f in fas for t, _ in terms(f.text)}
    wb = {t for f in fbs for t, _ in terms(f.text)}

    def words(facts, other):
        seen = []
        for f in facts:
            for m in re.finditer(r"[\w’'-]{3,}", f.text):
                w = m.group()
                key = next((t for t, _ in terms(w)), None)
                if key and key not in other and w.lower() not in seen and key != "<say>":
                    seen.append(w.lower())
        return seen[:limit]
    return words(fas, wb), words(fbs, wa)


def _reason(kind: str, fas, fbs, score: float, p: float, shared_actors: list[str], conflicts: list[Conflict],
            letters: tuple[str, str]) -> str:
    actors = f"; shared actors: {', '.join(shared_actors[:4])}" if shared_actors else ""
    if kind == CONFLICTING:
        c = conflicts[0]
        return f"Same fact told differently: {c.kind} '{c.a}' vs '{c.b}' ({c.detail}); score {score:.2f}{actors}."
    if kind == SHARED:
        return f"Same fact (same-fact probability {p:.2f}, score {score:.2f}){actors}."
    extra_a, extra_b = _distinct_words(fas, fbs)
    adds = [f"{letter} adds '{' '.join(extra)}'" for letter, extra in zip(letters, (extra_a, extra_b)) if extra]
    return (f"Overlapping facts (same-fact probability {p:.2f}, score {score:.2f}); "
            f"{'; '.join(adds) or 'worded differently'}{actors}.")


def align_pair(article_a: Article, article_b: Article, index_a: int, index_b: int,
               actors_a: Sequence[Actor], facts_a: Sequence[Fact],
               actors_b: Sequence[Actor], facts_b: Sequence[Fact]) -> PairComparison:
    """Links between the facts of two articles, with the same-event verdict and actor matches."""
    letters = article_letter(index_a), article_letter(index_b)
    to_a, to_b, shared_actors, variants = actor_map(actors_a, actors_b, letters)
    act_a = [{to_a.get(n, n) for n in f.actors} for f in facts_a]
    act_b = [{to_b.get(n, n) for n in f.actors} for f in facts_b]
    scores: dict[tuple[int, int], tuple[float, float, dict]] = {}
    for i, fa in enumerate(facts_a):
        for j, fb in enumerate(facts_b):
            s = _pair_score(fa, fb, act_a[i], act_b[j])
            if s[0] > 0:
                scores[(i, j)] = s
    best_a = {i: max(((scores[(i, j)][0], -j), j) for j in range(len(facts_b)) if (i, j) in scores)[1]
              for i in range(len(facts_a)) if any((i, j) in scores for j in range(len(facts_b)))}
    best_b = {j: max(((scores[(i, j)][0], -i), i) for i in range(len(facts_a)) if (i, j) in scores)[1]
              for j in range(len(facts_b)) if any((i, j) in scores for i in range(len(facts_a)))}
    groups: list[tuple[list[int], list[int]]] = []
    group_of_a: dict[int, int] = {}
    group_of_b: dict[int, int] = {}
    for i, j in sorted(best_a.items()):
        if best_b.get(j) == i and scores[(i, j)][0] >= LINK_THRESHOLD:
            group_of_a[i] = group_of_b[j] = len(groups)
            groups.append(([i], [j]))
    joins_a = [(i, group_of_b[j]) for i, j in best_a.items()
               if i not in group_of_a and j in group_of_b and scores[(i, j)][0] >= LINK_THRESHOLD]
    joins_b = [(j, group_of_a[i]) for j, i in best_b.items()
               if j not in group_of_b and i in group_of_a and scores[(i, j)][0] >= LINK_THRESHOLD]
    for i, g in joins_a:
        groups[g][0].append(i)
    for j, g in joins_b:
        groups[g][1].append(j)

    links: list[Link] = []
    for ia, jb in groups:
        ia, jb = sorted(ia), sorted(jb)
        fas, fbs = [facts_a[i] for i in ia], [facts_b[j] for j in jb]
        best = max((scores[(i, j)] for i in ia for j in jb if (i, j) in scores), key=lambda s: s[0])
        score, p, sig = best
        conflicts = _conflicts(fas, fbs, to_a, to_b) if score >= CONFLICT_THRESHOLD else []
        if conflicts:
            kind = CONFLICTING
        elif p >= paraphrase_model()["threshold"] and len(ia) == len(jb) == 1 and not _says_more(fas[0], fbs[0]):
            kind = SHARED
        else:
            kind = PARTIAL
        common = sorted({n for i in ia for n in act_a[i]} & {n for j in jb for n in act_b[j]})
        links.append(Link(kind, tuple(f.id for f in fas), tuple(f.id for f in fbs), round(score, 4),
                          _reason(kind, fas, fbs, score, p, common, conflicts, letters),
                          {k: round(v, 4) for k, v in sig.items()}, tuple(conflicts)))
    linked_a = {i for ia, _ in groups for i in ia}
    linked_b = {j for _, jb in groups for j in jb}
    for i, f in enumerate(facts_a):
        if i not in linked_a:
            near = scores.get((i, best_a[i]), (0.0,))[0] if i in best_a else 0.0
            links.append(Link(ONLY_A, (f.id,), (), round(near, 4),
                              f"Only in {letters[0]}: no fact of {letters[1]} scores {LINK_THRESHOLD:.2f} or more "
                              f"(best {near:.2f})."))
    for j, f in enumerate(facts_b):
        if j not in linked_b:
            near = scores.get((best_b[j], j), (0.0,))[0] if j in best_b else 0.0
            links.append(Link(ONLY_B, (), (f.id,), round(near, 4),
                              f"Only in {letters[1]}: no fact of {letters[0]} scores {LINK_THRESHOLD:.2f} or more "
                              f"(best {near:.2f})."))
    order_a = {f.id: k for k, f in enumerate(facts_a)}
    order_b = {f.id: k for k, f in enumerate(facts_b)}
    links.sort(key=lambda l: (order_a[l.a[0]] if l.a else len(order_a) + order_b[l.b[0]], l.b and order_b[l.b[0]] or 0))
    counts = {kind: 0 for kind in (SHARED, PARTIAL, CONFLICTING, ONLY_A, ONLY_B)}
    for link in links:
        counts[link.kind] += len(link.a) + len(link.b)
    counts["facts_a"], counts["facts_b"] = len(facts_a), len(facts_b)
    verdict = event_verdict(article_a, article_b, facts_a, facts_b, links, to_a, to_b, letters)
    return PairComparison(index_a, index_b, tuple(links), verdict, shared_actors, variants, counts)
