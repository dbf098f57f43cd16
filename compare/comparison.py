"""Compare N >= 2 articles: facts and actors per article, every pair aligned with its same-event verdict,
a fact x outlet matrix, the differences a reader should see first, and how every score was made."""
from __future__ import annotations

import dataclasses
import json
import re
from itertools import combinations
from typing import Mapping, Sequence

import compare
from compare.align import align_model, count_links, link_facts, specific_links_only
from compare.errors import InputError
from compare.event import event_verdict
from compare.facts import article_letter, article_name, extract_facts, quoted_excerpt
from compare.model import (
    CONFLICTING,
    DIFFERENT_EVENTS,
    ONLY_A,
    ONLY_B,
    PARTIAL,
    SAME_EVENT,
    SHARED,
    Actor,
    Article,
    Comparison,
    Difference,
    Fact,
    MatrixRow,
    Method,
    PairComparison,
    Verdict,
)
from compare.nlp.similarity import terms
from compare.paths import resource
from compare.settings import DEFAULT, DifferenceSettings, EngineSettings

QUALITY_PATH = resource("engine", "quality.json")
# How much each kind of engine difference matters to a reader (rank = weight x strength, strength 0..1).
WEIGHTS = {"event": 1.0, "conflict": 0.95, "omission": 0.85, "exclusive": 0.6, "actor_variant": 0.5}
ROLE_STRENGTH = {"headline": 1.0, "lead": 0.9, "body": 0.6}
SHORT_WORDS = 18  # words of a fact quoted in a difference line


def compare_articles(articles: Sequence[Article], *, profiles: bool = True,
                     settings: EngineSettings | Mapping | None = None, progress=None,
                     tone_targets: bool = True) -> Comparison:
    """The full comparison of two or more articles (profiles=False skips the outlet profiles; tone_targets=False
    skips the sentiment toward each actor, which no difference line reads: the text diff shows none). ``settings``: the
    engine's thresholds (an EngineSettings, or tables such as {"align": {"link_at": 0.7}}; default: the shipped
    ones), recorded whole in the method. ``progress``, if given, is called as progress(done, total, what) after
    each article and each pair."""
    settings = DEFAULT if settings is None else EngineSettings.from_mapping(settings)
    if len(articles) < 2:
        raise InputError("articles", f"{len(articles)} article(s) given; a comparison needs at least two",
                         "pass two or more articles")
    n = len(articles)
    total, done = n + n * (n - 1) // 2 + (n if profiles else 0), 0

    def step(what: str):
        nonlocal done
        done += 1
        if progress:
            progress(done, total, what)

    extracted = []
    for i, article in enumerate(articles):
        extracted.append(extract_facts(article, i, settings.facts))
        step("facts")
    pairs = []
    for i, j in combinations(range(n), 2):
        pairs.append(compare_pair(articles[i], articles[j], i, j, *extracted[i], *extracted[j], settings))
        step("pairs")
    pairs = tuple(pairs)
    fact_lists = tuple(f for _, f in extracted)
    matrix = fact_matrix(fact_lists, pairs)
    differences = engine_differences(articles, fact_lists, pairs, matrix, settings.differences)
    outlet_profiles: tuple = ()
    groups: tuple = ()
    notes = method_notes()
    if profiles:
        from compare.profile import build_profile, method_notes as profile_notes, profile_differences
        from compare.profile.differences import tone_actor_groups
        outlet_profiles = []
        for i, a in enumerate(articles):
            outlet_profiles.append(build_profile(a, i, extracted[i][1], extracted[i][0], targets=tone_targets))
            step("profiles")
        outlet_profiles = tuple(outlet_profiles)
        actors = [a for a, _ in extracted]
        groups = tone_actor_groups(outlet_profiles, actors)
        differences += profile_differences(articles, outlet_profiles, actors=actors, groups=groups)
        notes = {**notes, **profile_notes()}
    differences = order_differences(differences, settings.differences.same_kind_discount)
    method = Method(tool_version=compare.__version__, settings=settings.record(), notes=notes)
    return Comparison(articles=tuple(articles), actors=tuple(a for a, _ in extracted), facts=fact_lists,
                      pairs=pairs, matrix=matrix, profiles=outlet_profiles, differences=tuple(differences),
                      method=method, actor_groups=groups)


def compare_pair(article_a: Article, article_b: Article, index_a: int, index_b: int,
                 actors_a: Sequence[Actor], facts_a: Sequence[Fact],
                 actors_b: Sequence[Actor], facts_b: Sequence[Fact],
                 settings: EngineSettings = DEFAULT) -> PairComparison:
    """One pair: the facts linked (compare.align), then the same-event verdict on those links (compare.event).
    When the verdict is not "same event", only links anchored in a shared number, date or quote are kept, and the
    verdict is made again so that its reasons speak of the links shown."""
    letters = article_letter(index_a), article_letter(index_b)
    made = link_facts(actors_a, facts_a, actors_b, facts_b, letters, settings.align)
    links, counts = list(made.links), count_links(made.links, facts_a, facts_b)
    verdict = event_verdict(article_a, article_b, facts_a, facts_b, links, made.to_a, made.to_b, letters,
                            settings.event)
    if verdict.label != SAME_EVENT:  # two happenings: facts alike in cast and wording are not the same fact
        links, counts = specific_links_only(links, facts_a, facts_b, letters)
        verdict = event_verdict(article_a, article_b, facts_a, facts_b, links, made.to_a, made.to_b, letters,
                                settings.event)
    variants = tuple(v for v in made.variants if _variant_shown(v, article_a.text, article_b.text))
    return PairComparison(index_a, index_b, tuple(links), verdict, made.shared_actors, variants, counts)


def _variant_shown(variant, text_a: str, text_b: str) -> bool:
    """Whether two names of one person are a difference between the articles: not when they differ only in the marks
    ("O’Neil" and "O'Neil"), nor when either article writes the other's form too (both write "Mike" and "Michael
    Bloomberg": the recogniser kept one of each, the articles do not differ)."""
    def plain(name: str) -> str:
        return re.sub(r"[’‘ʼ`]", "'", re.sub(r"[‐‑–—]", "-", name))

    if plain(variant.a_form) == plain(variant.b_form):
        return False

    def writes(text: str, form: str) -> bool:
        return re.search(r"(?<![\w'])" + re.escape(plain(form)) + r"(?![\w])", plain(text)) is not None

    return not writes(text_a, variant.b_form) and not writes(text_b, variant.a_form)


def same_event(a: Article, b: Article, settings: EngineSettings = DEFAULT) -> Verdict:
    """The cheap path for story grouping: the verdict for two articles (facts cached per article)."""
    actors_a, facts_a = extract_facts(a, 0, settings.facts)
    actors_b, facts_b = extract_facts(b, 1, settings.facts)
    return compare_pair(a, b, 0, 1, actors_a, facts_a, actors_b, facts_b, settings).verdict


def order_differences(differences: list[Difference],
                      discount: float = DEFAULT.differences.same_kind_discount) -> list[Difference]:
    """Differences by rank, each further one of the same kind discounted (the rank it keeps includes the
    discount), so the first lines a reader sees cover different kinds rather than five omissions."""
    seen: dict[str, int] = {}
    ranked = []
    for d in sorted(differences, key=lambda d: (-d.rank, d.kind, d.text)):
        discounted = round(d.rank * discount ** seen.get(d.kind, 0), 4)
        ranked.append(dataclasses.replace(d, rank=discounted))
        seen[d.kind] = seen.get(d.kind, 0) + 1
    return sorted(ranked, key=lambda d: (-d.rank, d.kind, d.text))


def fact_matrix(fact_lists: Sequence[Sequence[Fact]], pairs: Sequence[PairComparison]) -> tuple[MatrixRow, ...]:
    """One row per group of linked facts (shared, partial or conflicting in any pair; a group with several facts
    of one article gets a row for each) and one per unlinked fact, with the fact id each article carries it under
    (None where it does not)."""
    parent: dict[str, str] = {f.id: f.id for facts in fact_lists for f in facts}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        for link in pair.links:
            ids = link.a + link.b
            if link.kind in (SHARED, PARTIAL, CONFLICTING) and len(ids) > 1:
                for other in ids[1:]:
                    ra, rb = root(ids[0]), root(other)
                    if ra != rb:
                        parent[max(ra, rb, key=_order)] = min(ra, rb, key=_order)
    groups: dict[str, list[Fact]] = {}
    for facts in fact_lists:
        for f in facts:
            groups.setdefault(root(f.id), []).append(f)
    rows = []
    for members in sorted(groups.values(), key=lambda m: min(_order(f.id) for f in m)):
        per_article = [sorted((f for f in members if f.article == k), key=lambda f: _order(f.id))
                       for k in range(len(fact_lists))]
        for r in range(max(len(p) for p in per_article)):  # one-to-many: one row per fact of the fuller side
            ids = tuple(p[min(r, len(p) - 1)].id if p else None for p in per_article)
            first = min((p[min(r, len(p) - 1)] for p in per_article if p), key=lambda f: _order(f.id))
            rows.append(MatrixRow(first.text, ids))
    return tuple(rows)


def _order(fact_id: str) -> tuple[int, int, str]:
    letters = "".join(c for c in fact_id if c.isalpha())
    index = 0
    for c in letters:
        index = index * 26 + (ord(c) - 64)
    number = fact_id[len(letters):].split(".")[0]
    return index, int(number or 0), fact_id



def _diff(kind: str, text: str, strength: float, figures: dict, evidence: tuple[str, ...]) -> Difference:
    rank = round(WEIGHTS[kind] * min(1.0, max(0.0, strength)), 3)
    return Difference(kind="event" if kind == "event" else "conflict" if kind == "conflict" else
                      "omission" if kind in ("omission", "exclusive") else "wording",
                      text=text, rank=rank, figures={k: round(float(v), 4) for k, v in figures.items()},
                      evidence=evidence)


def engine_differences(articles: Sequence[Article], fact_lists: Sequence[Sequence[Fact]],
                       pairs: Sequence[PairComparison], matrix: Sequence[MatrixRow],
                       settings: DifferenceSettings = DEFAULT.differences) -> list[Difference]:
    """The engine's differences: event verdicts, conflicts, omissions, exclusives, actor spelling variants."""
    by_id = {f.id: f for facts in fact_lists for f in facts}
    out: list[Difference] = []
    for pair in pairs:
        na, nb = article_name(pair.a, articles), article_name(pair.b, articles)
        v = pair.verdict
        against = [r for r in v.reasons if r.weight < 0]
        lead = max(against, key=lambda r: -r.weight).text if against and v.label != SAME_EVENT else v.reasons[0].text
        strength = 1.0 if v.label == DIFFERENT_EVENTS else 0.9 if v.label != SAME_EVENT else 0.3
        out.append(_diff("event", f"{na} and {nb}: {v.label} (score {v.score:.2f}). {lead}", strength,
                         {"score": v.score, "shared": pair.counts.get(SHARED, 0), "partial": pair.counts.get(PARTIAL, 0),
                          "conflicting": pair.counts.get(CONFLICTING, 0), "only_a": pair.counts.get(ONLY_A, 0),
                          "only_b": pair.counts.get(ONLY_B, 0)},
                         tuple(r.text for r in v.reasons)))
        for link in pair.links:
            for c in link.conflicts:
                out.append(_diff("conflict", f"{na} and {nb} disagree on a {c.kind}: '{c.a}' vs '{c.b}' ({c.detail}).",
                                 link.score, {"score": link.score},
                                 tuple(f"{i}: {by_id[i].text}" for i in link.a + link.b)))
        for variant in pair.actor_variants:
            out.append(_diff("actor_variant", f"{na} writes '{variant.a_form}' and {nb} '{variant.b_form}' for the same "
                                              f"person.", 1.0, {}, (variant.note,)))
    n = len(articles)
    unsure = {fid for pair in pairs for link in pair.links  # "possibly covered", or near something: not claimed
              if link.signals.get("possibly") or link.kind in (ONLY_A, ONLY_B) and link.score >= settings.omission_below
              for fid in link.a + link.b}
    exclusives: dict[int, list[tuple[float, Fact]]] = {}
    for row in matrix:
        carried = [k for k, fid in enumerate(row.facts) if fid]
        if n >= 3 and len(carried) == n - 1:
            missing = next(k for k in range(n) if k not in carried)
            fact = by_id[row.facts[carried[0]]]
            out.append(_diff("omission", f"{article_name(missing, articles)} leaves out what the {n - 1} others report: "
                                         f"{quoted_excerpt(row.text, SHORT_WORDS)} "
                                         f"({', '.join(row.facts[k] for k in carried)}).",
                             ROLE_STRENGTH[fact.role], {"outlets_carrying": len(carried)},
                             tuple(f"{row.facts[k]}: {by_id[row.facts[k]].text}" for k in carried)))
        if len(carried) == 1 and row.facts[carried[0]] not in unsure:  # only confident omissions are claimed
            fact = by_id[row.facts[carried[0]]]
            weight = ROLE_STRENGTH[fact.role] * (1.0 if fact.quantities or fact.times or fact.quotes else 0.8)
            exclusives.setdefault(carried[0], []).append((weight, fact))
    for k, items in exclusives.items():
        items.sort(key=lambda x: (-x[0], _order(x[1].id)))
        others = "the other article" if n == 2 else "any other article"
        elsewhere = {t for j, facts in enumerate(fact_lists) if j != k for f in facts for t, _ in terms(f.text)}
        shown = 0
        for weight, fact in items:
            missing = absent_words(fact.text, elsewhere)
            if len(missing) < settings.absent_words:  # an omission claim must name what the other side never says
                continue
            kind = "omission" if n == 2 and fact.role in ("headline", "lead") else "exclusive"
            out.append(_diff(kind, f"Only {article_name(k, articles)} reports ({fact.role}, {fact.id}): "
                                   f"{quoted_excerpt(fact.text, SHORT_WORDS)} — {others} never says "
                                   f"{', '.join(f'“{w}”' for w in missing[:4])}.", weight,
                             {"facts_only_here": len(items)}, (f"{fact.id}: {fact.text}",)))
            shown += 1
            if shown == settings.exclusives_each:
                break
    return out


def absent_words(text: str, elsewhere: set[str]) -> list[str]:
    """The content words and names of a fact (as written) whose stems the other articles never use."""
    seen, out = set(), []
    for m in re.finditer(r"[\w’'$%.,-]+", text):  # a run of word characters and marks, then the run without the
        word = m.group().rstrip("’'$%.,-")  # marks ending it (as "[…]*\w" finds, without re-reading a run of dots)
        if not word:
            continue
        for key, _ in terms(word):
            if key != "<say>" and key not in elsewhere and key not in seen and (len(key) > 3 or key[:1].isdigit()):
                seen.add(key)
                out.append(word)
    return out


def settings() -> dict[str, str]:
    """Every engine threshold in force by default (EngineSettings.record of the shipped settings)."""
    return DEFAULT.record()


def _quality() -> dict:
    return json.loads(QUALITY_PATH.read_text("utf-8")) if QUALITY_PATH.is_file() else {}


def method_notes() -> dict[str, str]:
    """How each engine score is made, its measured quality (bench/eval_engine.py --record), and its limits."""
    q = _quality()
    measured = q.get("summary", {})
    return {
        "facts": ("Each headline or body sentence is a fact; a long sentence joining two claims at '; ' or ', but/while' "
                  "is split into clauses. Captions, credits and subheadings are not facts. Lead = first body paragraphs "
                  "up to two sentences."),
        "actors": ("Rule-based: capitalised word runs, a shipped gazetteer of places, organisations and outlets, title "
                   "words kept as labels, surnames and descriptions ('the former Dutch Prime Minister') resolved to a "
                   "full name in the same article; across articles by surname with spelling tolerance and "
                   "first-name variants (never by first name alone). " + measured.get("actors", "")),
        "quantities": ("Numbers with units (currency, %, counts) normalised ('eight' = 8, '$28bn' = 28e9 USD) and the "
                       "noun they count. " + measured.get("numbers", "")),
        "times": ("Dates, months, weekdays, years and relative phrases, resolved against the publication date when "
                  "known (a weekday to its nearest occurrence). " + measured.get("times", "")),
        "quotes": ("Quotes found by their marks; speaker from the words after or before the quote, the sentence's "
                   "subject, or the previous quote of the paragraph; pronouns resolved to the last named person. "
                   + measured.get("quotes", "")),
        "same_fact": ("Probability that two facts say the same thing: logistic model over weighted overlap of "
                      "light-stemmed content words (number words as digits, reporting verbs as one class), rapidfuzz "
                      "token ratios, coverage of each side, n-gram overlap and number agreement, fitted on MSRP. "
                      + measured.get("msrp", "") + " Limit: lexical; a paraphrase with few shared words is missed "
                      "(a static embedding was tried and did not measurably help)."),
        "alignment": ("Two stages. Every term is weighted by how rare it is among the facts of both articles; for each "
                      f"fact the {DEFAULT.align.candidates} counterparts sharing the most rare weight (and any sharing a number, "
                      "date or quoted words) are scored on anchors a reader can check: how much of the smaller fact, or "
                      "of one of its clauses, the other contains; shared rare names, numbers, dates, quoted and verbatim "
                      "word runs. A logistic model over these anchors, fitted on labelled cross-outlet links (BASIL "
                      "pairs read in full), gives the probability that one fact states the other's; pairs at "
                      f">= {DEFAULT.align.link_at} are linked. Shared: each covers most of the other; "
                      "partial: one carries the other's fact plus more; conflicting: the same number, date, speaker or "
                      "quote given genuinely different values (a bound or an estimate, 'more than 12', 'about 40', "
                      "conflicts only with a figure outside what it allows; two people, not a person and the "
                      "organisation they speak for). An unlinked fact whose best counterpart reaches "
                      f"{DEFAULT.align.possibly_at} is 'possibly covered', never shown as a confident omission; an "
                      "'Only X reports' line is written only for a fact whose best link probability is under "
                      f"{DEFAULT.differences.omission_below}. "
                      + align_model().get("measured", "")),
        "same_event": ("Logistic score over the share of headline and lead facts the other article states beyond the "
                       "cast (a shared number, date, quote, paraphrase, or a word that is no actor's name or title and "
                       f"that neither article uses in {DEFAULT.event.theme_facts} facts or more), the share of "
                       "all facts linked, whole-article word overlap, agreeing dates (or one relative anchor both "
                       "give: \"days after X\") and publication dates years apart, "
                       f"minus {DEFAULT.event.clash_penalty} on the logit when the dated days each article names (without "
                       "a year; a bare month is background) form ranges two or more months apart; no fact shared beyond the cast caps it below 'same event'. The cast and "
                       "the publication week are shown as context and weigh nothing. Fitted on BASIL (150 same-event "
                       "pairs, 1,061 different events sharing a main entity) with real dates, without dates and with "
                       "the different events re-dated into one week: 95% of same-event pairs recognised, 97.5-99.9% "
                       "of different events kept apart (5-fold 92% / 98.4-99.9%). Each reason's weight is its push on "
                       "the logit relative to the average calibration pair. Limit: two reports of one happening told "
                       "in different words, sharing only their cast, read as 'related events'."),
        "differences": ("Each difference has a rank (how much it matters x how strong it is, 0..1), and each further "
                        f"difference of the same kind has its rank multiplied by {DEFAULT.differences.same_kind_discount} per step, so "
                        "the first lines cover different kinds rather than several of one. The weights are editorial "
                        "choices, not measured."),
    }
