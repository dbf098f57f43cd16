"""Same event, related events, or different events: a score with reasons a reader can check.

Evidence: the share of facts the two articles share (partial links count half), how much of each
article's attention goes to the same actors (salience-weighted overlap of mentions), time anchors that
agree (the same day of the month in both) or clash (the months each article names without a year, at
least EventSettings.clash_min_months on each side, form ranges EventSettings.clash_months or more apart), publication dates when both are
known, and the distinctive facts and words on each side. A logistic combination (resources/engine/event.json,
fitted on BASIL by bench/eval_event.py --fit) less EventSettings.clash_penalty on the logit when the news times
clash gives the score; "same_at" and "related_at" cut it into the three verdicts.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

from compare.facts import article_times, short_text
from compare.model import (CONFLICTING, DIFFERENT_EVENTS, ONLY_A, ONLY_B, PARTIAL, RELATED_EVENTS, SAME_EVENT,
                           SHARED, Article, Fact, Link, Reason, Verdict)
from compare.nlp.actors import gazetteer
from compare.nlp.similarity import story_counts, terms
from compare.nlp.times import parse_date
from compare.settings import DEFAULT, EventSettings, shipped_model

FACT_WORDS = 14  # words of a distinctive fact quoted in a reason
FEATURES = ("fact_share", "core_share", "date_agree", "pub_far", "term_overlap")  # the cast and the publication
# week are shown as context but weigh nothing: on calibration pairs re-dated into one week they called different
# events with the same cast "same event" half the time (bench/eval_event.py)
CORE_ROLES = ("headline", "lead")  # the happening: who did what, as the headline and the lead tell it


@lru_cache(maxsize=1)
def event_model() -> dict:
    """The shipped weights: {"features", "weights", "bias", "same_at", "related_at", ...}."""
    return shipped_model("event")


def _news_months(anchors) -> dict[int, str]:
    """Ordinal month (year*12 + month, year 0 when unknown) -> anchor text, for dates of a day written without a
    year: the news time. An explicit year usually marks a background reference, and so does a bare month ("has
    visited in July and also in August", "starting in April")."""
    months: dict[int, str] = {}
    for t in anchors:
        if t.kind != "date" or not t.value or re.search(r"\d{4}", t.text):
            continue
        v = t.value
        key = int(v[2:4]) if v.startswith("--") else int(v[:4]) * 12 + int(v[5:7])
        months.setdefault(key, t.text)
    return months


def _named_in(name: str, words: frozenset[str], text: str) -> bool:
    """Whether a text (``words``: the words it writes) writes the name, or its last word (a surname), as words of
    its own: "only A names Zelenskyy" must not be said of an article that writes Zelenskyy once without a first name."""
    parts = re.findall(r"\w+", name)
    if not parts:
        return False
    last = parts[-1]
    if len(last) >= 3 and last[:1].isupper() and last in words:
        return True
    return all(p in words for p in parts) and name in text


@lru_cache(maxsize=64)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text))


def _days(anchors) -> dict[str, str]:
    return {t.value[-5:]: t.text for t in anchors if t.kind == "date" and t.value}


_AFTER = re.compile(r"\s+(?:after|before)\s*$", re.IGNORECASE)
_UNTIL_STOP = re.compile(r"[^,.;:—–()“”\"]{0,80}")


def _relative_to(text: str, anchors) -> dict[frozenset, tuple[str, frozenset]]:
    """Happenings the article times itself by ("days after Zelenskyy visited the White House"): the content terms
    of the words after a relative anchor ending in after/before (up to the next punctuation) -> (the words as
    written, the names among the terms); only anchors whose happening has a name."""
    out: dict[frozenset, tuple[str, frozenset]] = {}
    for t in anchors:
        if t.kind != "relative" or not _AFTER.search(t.text):
            continue
        tail = _UNTIL_STOP.match(text, t.end).group().strip()
        # a stop word first, so the tail's first word keeps its capital as a name (terms() discounts an opening one)
        words = [(k, w) for k, w in terms("about " + " ".join(tail.split()[:8])) if k != "<say>"]
        names = frozenset(k for k, w in words if w > 1.0 and not k[:1].isdigit())
        if names and len({k for k, _ in words}) >= 2:
            out.setdefault(frozenset(k for k, _ in words), (f"{t.text} {tail}".strip(), names))
    return out


def _same_relative(a: dict, b: dict) -> list[tuple[str, str]]:
    """Relative anchors both articles give to one happening: two content terms in common, a name among them."""
    return [(a[x][0], b[y][0]) for x in a for y in b if len(x & y) >= 2 and a[x][1] & b[y][1]]


def _arc(months: set[int]) -> tuple[int, int]:
    """(first month, length) of the shortest run of the 12-month circle that holds every month given."""
    ordered = sorted(months)
    gaps = [((ordered[(k + 1) % len(ordered)] - m - 1) % 12, k) for k, m in enumerate(ordered)]
    _, widest = max(gaps, key=lambda g: (g[0], -g[1]))
    first = ordered[(widest + 1) % len(ordered)]
    return first, (ordered[widest] - first) % 12 + 1


def _clash_gap(a: dict[int, str], b: dict[int, str], min_months: int = DEFAULT.event.clash_min_months) -> int | None:
    """Months between the two articles' news-time ranges when the ranges do not overlap (None otherwise).
    Each side needs ``min_months`` distinct months, so one background mention never decides. Months without a
    year lie on a circle (December is next to January), so their gap is measured the short way round."""
    if len(a) < min_months or len(b) < min_months:
        return None
    if any(k > 12 for k in a) != any(k > 12 for k in b):  # one side resolved to years, the other not
        a, b = {(k - 1) % 12 + 1: v for k, v in a.items()}, {(k - 1) % 12 + 1: v for k, v in b.items()}
    if all(k <= 12 for k in a) and all(k <= 12 for k in b):
        (start_a, len_a), (start_b, len_b) = _arc(set(a)), _arc(set(b))
        after_a, after_b = (start_b - start_a) % 12, (start_a - start_b) % 12  # how far one run starts past the other
        if after_a < len_a or after_b < len_b:
            return None
        return min(after_a - len_a + 1, after_b - len_b + 1)
    lo_a, hi_a, lo_b, hi_b = min(a), max(a), min(b), max(b)
    if hi_a < lo_b:
        return lo_b - hi_a
    if hi_b < lo_a:
        return lo_a - hi_b
    return None


def _content_terms(text: str) -> set[str]:
    return {t for t, _ in terms(text) if t != "<say>" and (len(t) > 2 or t[:1].isdigit())}


@lru_cache(maxsize=1)
def _title_terms() -> frozenset[str]:
    return frozenset(t for title in gazetteer().titles for t in _content_terms(title))


def beyond_cast(link: Link, fact_a: Fact, fact_b: Fact, counts: dict[str, int],
                settings: EventSettings = DEFAULT.event) -> bool:
    """Whether a link states something of one happening beyond its cast: the same number, date or quoted words;
    a shared content word that is neither a name or title of the actors in the two facts nor a word of the
    story's theme (one either article uses in ``theme_facts`` facts or more, like "meet" in two stories of
    meetings); or two facts the paraphrase model reads as one statement. "Trump meets Rutte", stated by two
    stories of two meetings, is their cast and theme, not one happening."""
    signals = link.signals
    if signals.get("number_shared") or signals.get("date_shared") or signals.get("quote_runs"):
        return True
    if signals.get("same_fact", 0.0) >= settings.paraphrase_at:
        return True
    cast = {t for name in (*fact_a.actors, *fact_b.actors) for t in _content_terms(name)} | _title_terms()
    common = _content_terms(fact_a.text) & _content_terms(fact_b.text)
    return any(counts.get(t, 0) < settings.theme_facts for t in common - cast)


def _salience(facts: Sequence[Fact], to_pair: dict[str, str]) -> Counter:
    return Counter(to_pair.get(m.actor, m.actor) for f in facts for m in f.mentions)


@lru_cache(maxsize=512)
def _word_counts(texts: tuple[str, ...]) -> tuple[Counter, dict[str, str]]:
    """Counts of the common (lower-case) words of an article's facts, keyed by stem, with a surface form each."""
    c: Counter = Counter()
    surface: dict[str, str] = {}
    for text in texts:
        for m in re.finditer(r"\b[a-z][\w’'-]{3,}", text):
            key = next((t for t, _ in terms(m.group())), None)
            if key and key != "<say>":
                c[key] += 1
                surface.setdefault(key, m.group())
    return c, surface


def _distinctive_terms(facts_a: Sequence[Fact], facts_b: Sequence[Fact], limit: int = 5) -> tuple[list[str], list[str]]:
    """Common words (not names) one article repeats and the other never uses."""
    (ca, sa), (cb, sb) = _word_counts(tuple(f.text for f in facts_a)), _word_counts(tuple(f.text for f in facts_b))

    def pick(c, surface, other):
        return [surface[k] for k, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2 and k not in other][:limit]
    return pick(ca, sa, cb), pick(cb, sb, ca)


@lru_cache(maxsize=512)
def _term_counts(texts: tuple[str, ...]) -> Counter:
    return Counter(t for text in texts for t, _ in terms(text))


def _term_overlap(facts_a: Sequence[Fact], facts_b: Sequence[Fact]) -> float:
    wa, wb = _term_counts(tuple(f.text for f in facts_a)), _term_counts(tuple(f.text for f in facts_b))
    inter = sum((wa & wb).values())
    return 2 * inter / (sum(wa.values()) + sum(wb.values())) if wa and wb else 0.0


def event_features(article_a: Article, article_b: Article, facts_a: Sequence[Fact], facts_b: Sequence[Fact],
                   links: Sequence[Link], to_a: dict[str, str], to_b: dict[str, str],
                   letters: tuple[str, str] = ("A", "B"), settings: EventSettings = DEFAULT.event,
                   ) -> tuple[dict[str, float], list[tuple[Reason, tuple[str, ...]]]]:
    """The verdict's inputs and the reasons that show them, each with the features it stands for (its weight is
    filled in by the caller); ``letters`` name the two articles."""
    la, lb = letters
    n = len(facts_a) + len(facts_b)
    joined = [l for l in links if l.kind in (SHARED, PARTIAL, CONFLICTING)]
    linked = sum((len(l.a) + len(l.b)) * (0.5 if l.kind == PARTIAL else 1.0) for l in joined)
    share = linked / n if n else 0.0
    by_id = {f.id: f for f in (*facts_a, *facts_b)}
    term_counts = story_counts([f.text for f in facts_a], [f.text for f in facts_b])
    happening = [l for l in joined if beyond_cast(l, by_id[l.a[0]], by_id[l.b[0]], term_counts, settings)]
    core_links = [l for l in happening if by_id[l.a[0]].role in CORE_ROLES and by_id[l.b[0]].role in CORE_ROLES]
    core = [f.id for f in (*facts_a, *facts_b) if f.role in CORE_ROLES]
    core_linked = {i for l in happening for i in (*l.a, *l.b) if by_id[i].role in CORE_ROLES}
    core_share = len(core_linked) / len(core) if core else 0.0
    sal_a, sal_b = _salience(facts_a, to_a), _salience(facts_b, to_b)
    tot_a, tot_b = sum(sal_a.values()) or 1, sum(sal_b.values()) or 1
    overlap = math.fsum(min(sal_a[x] / tot_a, sal_b[x] / tot_b) for x in sal_a.keys() & sal_b.keys())  # exact: no set order
    top_shared = sorted(sal_a.keys() & sal_b.keys(), key=lambda x: (-(sal_a[x] / tot_a + sal_b[x] / tot_b), x))[:5]
    times_a, times_b = article_times(article_a), article_times(article_b)
    days_a, days_b = _days(times_a), _days(times_b)
    agree = sorted(days_a.keys() & days_b.keys())
    agree_relative = _same_relative(_relative_to(article_a.text, times_a), _relative_to(article_b.text, times_b))
    months_a, months_b = _news_months(times_a), _news_months(times_b)
    gap = _clash_gap(months_a, months_b, settings.clash_min_months)
    clash = gap is not None and gap >= settings.clash_months and not agree and not agree_relative
    pa, pb = parse_date(article_a.date), parse_date(article_b.date)
    pub_gap = abs((pa - pb).days) if pa and pb else None
    term_overlap = _term_overlap(facts_a, facts_b)
    feats = {
        "fact_share": share, "actor_overlap": overlap, "date_agree": 1.0 if agree or agree_relative else 0.0,
        "time_clash": 1.0 if clash else 0.0,
        "pub_same_week": 1.0 if pub_gap is not None and pub_gap <= 7 else 0.0,
        "pub_far": 1.0 if pub_gap is not None and pub_gap > 30 else 0.0,
        "term_overlap": term_overlap,
        "core_link": 1.0 if core_links else 0.0,
        "core_share": core_share,
        "happening_links": float(len(happening)),
        "genre_differs": 1.0 if article_a.genre != article_b.genre else 0.0,
    }
    counts = Counter(l.kind for l in links)
    reasons = [
        (Reason(f"{share:.0%} of the facts are shared or overlapping ({counts[SHARED]} shared, {counts[PARTIAL]} "
                f"partial, {counts[CONFLICTING]} conflicting links; {counts[ONLY_A]} facts only in {la}, "
                f"{counts[ONLY_B]} only in {lb}).", 0.0, tuple(l.reason for l in links if l.kind == SHARED)[:3]),
         ("fact_share",)),
        (Reason(f"{term_overlap:.0%} of the content words overlap (both articles' facts taken whole).", 0.0, ()),
         ("term_overlap",)),
        (Reason(("The headlines and leads state the same happening: "
                 + "; ".join(f"{l.a[0]} ≈ {l.b[0]}" for l in core_links[:3]) + ".") if core_links else
                (f"{core_share:.0%} of the headline and lead facts are stated in the other article's body beyond "
                 "the cast (a shared number, date, quote or word of their own), though no headline or lead states "
                 "the other's.") if core_share else
                (f"No headline or lead fact of {la} or {lb} is stated anywhere in the other beyond the cast "
                 "(a shared number, date, quote or word of its own)."),
                0.0, tuple(f"{l.a[0]} ≈ {l.b[0]}" for l in core_links[:3])), ("core_share",)),
        (Reason(f"Actors overlap {overlap:.0%} by attention; most prominent in both: {', '.join(top_shared) or 'none'}.",
                0.0, tuple(top_shared)), ("actor_overlap",)),
    ]
    cast_only = [l for l in joined if l not in happening and by_id[l.a[0]].role in CORE_ROLES
                 and by_id[l.b[0]].role in CORE_ROLES]
    if cast_only and not core_links:
        shown = "; ".join(f"{l.a[0]} ≈ {l.b[0]}" for l in cast_only[:3])
        reasons.append((Reason(f"The headlines and leads share only their cast and theme ({shown}): no number, date, "
                               "quote or word of one happening, so these links do not count as the same fact.", 0.0,
                               tuple(f"{l.a[0]} ≈ {l.b[0]}" for l in cast_only[:3])), ()))
    if not core_links:
        heads = [next((f for f in facts if f.role == "headline"), None) for facts in (facts_a, facts_b)]
        if all(heads):
            reasons.append((Reason(f"Each reports its own happening: {la} \"{short_text(heads[0].text, FACT_WORDS)}\"; "
                                   f"{lb} \"{short_text(heads[1].text, FACT_WORDS)}\".", 0.0,
                                   tuple(h.id for h in heads)), ()))
    if agree:
        reasons.append((Reason(f"Both give the same date: {', '.join(days_a[d] + ' / ' + days_b[d] for d in agree)}.",
                               0.0, tuple(agree)), ("date_agree",)))
    elif agree_relative:
        x, y = agree_relative[0]
        reasons.append((Reason(f"Both time it by the same happening: “{x}” / “{y}”.", 0.0, (x, y)), ("date_agree",)))
    if months_a and months_b:
        text_a = ", ".join(sorted(months_a.values(), key=_order_key))
        text_b = ", ".join(sorted(months_b.values(), key=_order_key))
        if clash:
            reasons.append((Reason(f"Time anchors clash: {la} refers to {text_a}; {lb} to {text_b} "
                                   f"({gap} months or more apart), so they are unlikely to report the same event.",
                                   0.0, (text_a, text_b)), ("time_clash",)))
        elif not agree:
            reasons.append((Reason(f"Time anchors: {la} refers to {text_a}; {lb} to {text_b}.", 0.0,
                                   (text_a, text_b)), ()))
    if pub_gap is not None:
        reasons.append((Reason(f"Published {pub_gap} day{'s' if pub_gap != 1 else ''} apart "
                               f"({article_a.date} / {article_b.date}).", 0.0, (article_a.date, article_b.date)),
                        ("pub_far",)))
    if article_a.genre != article_b.genre:
        reasons.append((Reason(f"{la} is {_genre_name(article_a)} and {lb} {_genre_name(article_b)}: a piece that "
                               "discusses the news is related to it, not a second report of the same event.", 0.0,
                               (article_a.genre_rule, article_b.genre_rule)), ("genre_differs",)))
    words_a, words_b = _word_set(article_a.text), _word_set(article_b.text)
    actors_only_a = [x for x, _ in sal_a.most_common() if x not in sal_b and not _named_in(x, words_b, article_b.text)][:5]
    actors_only_b = [x for x, _ in sal_b.most_common() if x not in sal_a and not _named_in(x, words_a, article_a.text)][:5]
    if actors_only_a or actors_only_b:
        reasons.append((Reason(f"Distinctive actors: only {la} names {', '.join(actors_only_a) or 'none'}; "
                               f"only {lb} names {', '.join(actors_only_b) or 'none'}.", 0.0,
                               tuple(actors_only_a + actors_only_b)), ()))
    only_a, only_b = _distinctive_terms(facts_a, facts_b)
    if only_a or only_b:
        reasons.append((Reason(f"Distinctive words: {la} alone repeats {', '.join(only_a) or 'nothing'}; "
                               f"{lb} alone repeats {', '.join(only_b) or 'nothing'}.", 0.0,
                               tuple(only_a + only_b)), ()))
    dist_a = _distinctive_facts(links, facts_a, ONLY_A)
    dist_b = _distinctive_facts(links, facts_b, ONLY_B)
    if dist_a or dist_b:
        reasons.append((Reason("Distinctive facts: " + "; ".join(
            [f"only {la}: {f.id} \"{short_text(f.text, FACT_WORDS)}\"" for f in dist_a]
            + [f"only {lb}: {f.id} \"{short_text(f.text, FACT_WORDS)}\"" for f in dist_b])
            + ".", 0.0, tuple(f.id for f in dist_a + dist_b)), ()))
    return feats, reasons


def _genre_name(article: Article) -> str:
    if article.genre == "news":
        return "a news report"
    return f"{'an' if article.genre[0] in 'aeiou' else 'a'} {article.genre} piece ({article.genre_rule})"


def _order_key(text: str) -> tuple[int, str]:
    from compare.nlp.times import MONTH_NUMBER
    word = re.match(r"[A-Za-z]+", text)
    return (MONTH_NUMBER.get(word.group().lower(), 13) if word else 13, text)


def _distinctive_facts(links: Sequence[Link], facts: Sequence[Fact], kind: str, limit: int = 2) -> list[Fact]:
    """Unmatched facts that carry the most specifics (times, numbers, actors), headline and lead first."""
    only = {i for l in links if l.kind == kind for i in (l.a if kind == ONLY_A else l.b)}
    cands = [f for f in facts if f.id in only]
    rank = {"headline": 2, "lead": 1, "body": 0}
    cands.sort(key=lambda f: -(rank[f.role] + 2 * len(f.times) + len(f.quantities) + 0.5 * len(f.actors)))
    return cands[:limit]


def verdict_from_features(feats: dict[str, float], settings: EventSettings = DEFAULT.event) -> tuple[str, float]:
    """(label, score) from the verdict's inputs: the fitted logistic score, less the clash penalty (on the logit)
    when the news times clash, cut at settings.same_at and settings.related_at."""
    model = event_model()
    z = model["bias"] + sum(w * feats[f] for f, w in zip(model["features"], model["weights"]))
    z -= settings.clash_penalty * feats["time_clash"]
    score = 1.0 / (1.0 + math.exp(-z))
    if not feats.get("happening_links") or feats.get("genre_differs"):  # nothing of one happening stated by both
        # (only the cast, or nothing at all), or an opinion piece
        score = min(score, round(settings.same_at - 0.01, 4))  # on a news report: never "same event"
    label = SAME_EVENT if score >= settings.same_at else RELATED_EVENTS if score >= settings.related_at \
        else DIFFERENT_EVENTS
    return label, round(score, 4)


def event_verdict(article_a: Article, article_b: Article, facts_a: Sequence[Fact], facts_b: Sequence[Fact],
                  links: Sequence[Link], to_a: dict[str, str], to_b: dict[str, str],
                  letters: tuple[str, str] = ("A", "B"), settings: EventSettings = DEFAULT.event) -> Verdict:
    """The same-event verdict for an aligned pair (``letters`` name the two articles in its reasons)."""
    feats, reasons = event_features(article_a, article_b, facts_a, facts_b, links, to_a, to_b, letters, settings)
    label, score = verdict_from_features(feats, settings)
    push = feature_pushes(feats, settings)
    return Verdict(label, score, tuple(Reason(r.text, round(sum(push.get(f, 0.0) for f in keys), 3), r.evidence)
                                       for r, keys in reasons))


def feature_pushes(feats: dict[str, float], settings: EventSettings = DEFAULT.event) -> dict[str, float]:
    """Each feature's push on the logit: weight x (value - its mean over the BASIL pairs the weights were fitted on),
    and minus the clash penalty for a clash of news times. A reason weighs the pushes of the features it stands for;
    distinctive items are shown for the reader and weigh nothing themselves."""
    model = event_model()
    push = {f: w * (feats[f] - m) for f, w, m in zip(model["features"], model["weights"], model["means"])}
    return {**push, "time_clash": -settings.clash_penalty * feats["time_clash"],
            "genre_differs": -1.0 * feats.get("genre_differs", 0.0)}  # shown as against; the cap itself is a rule
