"""Group articles from different outlets into stories: TF-IDF blocking, a date gate, then a same-event check.

The corpus is never compared all-pairs: an inverted index over the rarer terms proposes, for each
article, its few best neighbours; only those pairs are scored exactly, gated by publication dates
and the articles' own time anchors, confirmed (optionally) by the engine's same-event verdict, and
merged by average linkage with at most one article per outlet in a story.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from compare.model import SAME_EVENT, Article, TimeAnchor, Verdict
from compare.nlp.similarity import REPORTING, STOPWORDS, stem
from compare.nlp.times import DATE, WEEKDAY_NUMBER, find_times, parse_date


@dataclass(frozen=True)
class GroupingSettings:
    """How stories are found; every field can be set in a manifest's [grouping] table."""

    window_days: int = 3  # articles whose dates (or lead time anchors) are further apart are never one story
    neighbours: int = 10  # candidate neighbours kept per article from the inverted index
    block_max_df: float = 0.05  # terms in more than this share of articles do not propose candidates
    candidate_floor: float = 0.15  # cosine below which a candidate is dropped without asking the engine
    accept: float = 0.30  # cosine from which a pair is linked on text alone; between floor and this, the engine decides
    link: float = 0.20  # mean cosine two clusters need to merge (average linkage)
    one_per_outlet: bool = True  # a story holds at most one article from each outlet


@dataclass(frozen=True)
class StoryLink:
    """Why two articles were put in one story (or kept apart)."""

    a: int  # index into the grouped articles
    b: int
    similarity: float  # TF-IDF cosine
    shared_terms: tuple[str, ...]  # the heaviest terms both carry
    verdict: str | None  # the engine's same-event label, when asked
    day_gap: int | None  # days between the two articles' dates, when known


@dataclass(frozen=True)
class Story:
    members: tuple[int, ...]  # indices into the grouped articles, in input order
    links: tuple[StoryLink, ...]  # the accepted links that joined them


@dataclass(frozen=True)
class Grouping:
    stories: tuple[Story, ...]  # two or more articles from different outlets
    singles: tuple[int, ...]  # articles no other outlet covered (the blindspot list)
    candidates: int  # pairs scored exactly: the blocking's work (all-pairs would be n*(n-1)/2)
    rejected: tuple[StoryLink, ...] = ()  # candidates the date gate or the engine turned down


SameEvent = Callable[[Article, Article], Verdict]

# --------------------------------------------------------------------------- text features

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_IGNORED = STOPWORDS | REPORTING | frozenset(WEEKDAY_NUMBER) | frozenset(
    ["yesterday", "today", "tomorrow", "year", "years", "week", "people", "time", "including"])


def article_terms(article: Article) -> Counter:
    """Stemmed content words of an article; headline words count twice, names (capitalised mid-sentence) double."""
    counts: Counter = Counter()
    for text in (article.headline, article.text):  # the text opens with the headline: it counts twice
        for match in _WORD.finditer(text):
            word = match.group().replace("’", "'").lower().removesuffix("'s")
            if word in _IGNORED or len(word) < 3:
                continue
            mid_sentence = match.start() > 1 and text[match.start() - 2] not in ".!?\n"
            name_bonus = 2 if match.group()[0].isupper() and mid_sentence else 1
            counts[stem(word)] += name_bonus
    return counts


def tfidf_vectors(term_counts: Sequence[Counter]) -> tuple[list[dict[str, float]], dict[str, int]]:
    """Unit-length sublinear TF-IDF vectors (term -> weight) and the document frequency of each term."""
    df: Counter = Counter()
    for counts in term_counts:
        df.update(counts.keys())
    n = len(term_counts)
    vectors = []
    for counts in term_counts:
        vec = {t: (1 + math.log(c)) * (1 + math.log((1 + n) / (1 + df[t]))) for t, c in counts.items() if df[t] > 1}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vectors.append({t: w / norm for t, w in vec.items()})
    return vectors, dict(df)


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    """Dot product of two unit-length sparse vectors."""
    if len(u) > len(v):
        u, v = v, u
    return sum(w * v.get(t, 0.0) for t, w in u.items())


def shared_terms(u: dict[str, float], v: dict[str, float], k: int = 6) -> tuple[str, ...]:
    """The k terms contributing most to the cosine of u and v (the evidence for a link)."""
    both = sorted(((u[t] * v[t], t) for t in u.keys() & v.keys()), reverse=True)
    return tuple(t for _, t in both[:k])


def candidate_pairs(vectors: Sequence[dict[str, float]], df: dict[str, int], *, neighbours: int, max_df: float,
                    allowed: Callable[[int, int], bool] | None = None) -> set[tuple[int, int]]:
    """Pairs proposed by an inverted index over the rarer terms: each article's best few allowed partial matches."""
    n = len(vectors)
    limit = max(3, int(max_df * n))
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for t, w in vec.items():
            if df[t] <= limit:
                postings[t].append((i, w))
    pairs: set[tuple[int, int]] = set()
    for i, vec in enumerate(vectors):
        partial: dict[int, float] = defaultdict(float)
        for t, w in vec.items():
            for j, wj in postings.get(t, ()):
                if j != i:
                    partial[j] += w * wj
        allowed_j = [j for j in partial if allowed is None or allowed(i, j)]
        for j in sorted(allowed_j, key=partial.__getitem__, reverse=True)[:neighbours]:
            pairs.add((min(i, j), max(i, j)))
    return pairs


# --------------------------------------------------------------------------- time

def lead_dates(article: Article, paragraphs: int = 2) -> tuple[TimeAnchor, ...]:
    """Calendar dates written in the headline and first body paragraphs (the year from the text or the article date)."""
    end = article.paragraphs[min(paragraphs, len(article.paragraphs) - 1)].end if article.paragraphs else 0
    return tuple(t for t in find_times(article.text, 0, end, article.date) if t.kind == DATE and t.value)


def day_gap(a: Article, b: Article, a_dates: Sequence[TimeAnchor], b_dates: Sequence[TimeAnchor]) -> int | None:
    """Days between two articles: their publication dates, else the closest pair of lead dates; None if unknown.

    Lead dates stand in only for a missing publication date: a lead also names background dates
    ("sworn in on January 20, 2017"), so two dated articles are judged by their dates alone.
    """
    pa, pb = parse_date(a.date), parse_date(b.date)
    if pa and pb:
        return abs((pa - pb).days)
    a_days = [_calendar_day(pa.isoformat())] if pa else [_calendar_day(t.value) for t in a_dates]
    b_days = [_calendar_day(pb.isoformat())] if pb else [_calendar_day(t.value) for t in b_dates]
    gaps = [_gap(x, y) for x in a_days for y in b_days if x and y]
    return min(gaps) if gaps else None


def _calendar_day(value: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a resolved anchor value: "2025-03-13" or "--03-13"."""
    match = re.fullmatch(r"(\d{4}|-)-(\d{2})-(\d{2})", value)
    if not match:
        return None
    year = int(match.group(1)) if match.group(1) != "-" else None
    return year, int(match.group(2)), int(match.group(3))


def _gap(x: tuple[int | None, int, int], y: tuple[int | None, int, int]) -> int:
    """Days between two calendar days; without both years, the shorter way round the year."""
    if x[0] and y[0]:
        return abs((dt.date(*x) - dt.date(*y)).days)
    days = abs((_in_2001(x) - _in_2001(y)).days)
    return min(days, 365 - days)


def _in_2001(day: tuple[int | None, int, int]) -> dt.date:
    return dt.date(2001, day[1], min(day[2], calendar.monthrange(2001, day[1])[1]))


# --------------------------------------------------------------------------- grouping

def group_stories(articles: Sequence[Article], *, same_event: SameEvent | None = None,
                  settings: GroupingSettings = GroupingSettings(), map_pairs: Callable = map) -> Grouping:
    """Stories (two or more outlets) and single-outlet articles, with the links that made each story.

    map_pairs(same_event, lefts, rights) runs the engine's checks (builtin map by default; the batch
    runner passes one that uses its cache and worker processes).
    """
    vectors, df = tfidf_vectors([article_terms(a) for a in articles])
    dates = [lead_dates(a) for a in articles]
    published = [parse_date(a.date) for a in articles]

    def allowed(i: int, j: int) -> bool:
        """Blocking by outlet and publication date: only these pairs compete for an article's neighbour slots."""
        if articles[i].outlet == articles[j].outlet:
            return False
        return not (published[i] and published[j] and abs((published[i] - published[j]).days) > settings.window_days)

    pairs = candidate_pairs(vectors, df, neighbours=settings.neighbours, max_df=settings.block_max_df, allowed=allowed)
    accepted, rejected, grey = [], [], []
    for i, j in sorted(pairs):
        sim = cosine(vectors[i], vectors[j])
        if sim < settings.candidate_floor:
            continue
        gap = day_gap(articles[i], articles[j], dates[i], dates[j])
        link = StoryLink(i, j, round(sim, 4), shared_terms(vectors[i], vectors[j]), None, gap)
        if gap is not None and gap > settings.window_days:
            rejected.append(link)
        elif sim >= settings.accept:
            accepted.append(link)  # the engine's verdict vetoed more true pairs than false ones here (docs/batch.md)
        elif same_event is not None:
            grey.append(link)
        else:
            rejected.append(link)
    verdicts = map_pairs(same_event, [articles[l.a] for l in grey], [articles[l.b] for l in grey]) if grey else []
    for link, verdict in zip(grey, verdicts):
        link = dataclasses.replace(link, verdict=verdict.label)
        (accepted if verdict.label == SAME_EVENT else rejected).append(link)
    clusters = _merge(articles, vectors, dates, accepted, settings)
    stories = tuple(Story(tuple(sorted(c)), tuple(l for l in accepted if l.a in c and l.b in c))
                    for c in clusters if len(c) > 1)
    grouped = {i for s in stories for i in s.members}
    stories = tuple(sorted(stories, key=lambda s: s.members))
    return Grouping(stories, tuple(i for i in range(len(articles)) if i not in grouped), len(pairs), tuple(rejected))


def _merge(articles, vectors, dates, links: list[StoryLink], settings: GroupingSettings) -> list[set[int]]:
    """Average-linkage merging along accepted links, strongest first, respecting outlets and the date window."""
    cluster_of = {i: {i} for i in range(len(articles))}
    for link in sorted(links, key=lambda l: (-l.similarity, l.a, l.b)):
        ca, cb = cluster_of[link.a], cluster_of[link.b]
        if ca is cb:
            continue
        if settings.one_per_outlet and {articles[i].outlet for i in ca} & {articles[j].outlet for j in cb}:
            continue
        cross = [(i, j) for i in ca for j in cb]
        gaps = [day_gap(articles[i], articles[j], dates[i], dates[j]) for i, j in cross]
        if any(g is not None and g > settings.window_days for g in gaps):
            continue
        if sum(cosine(vectors[i], vectors[j]) for i, j in cross) / len(cross) < settings.link:
            continue
        merged = ca | cb
        for i in merged:
            cluster_of[i] = merged
    unique = {id(c): c for c in cluster_of.values()}
    return sorted(unique.values(), key=min)
