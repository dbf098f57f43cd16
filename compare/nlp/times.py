"""Time anchors (March 13th, February 28, Wednesday, "days after", 2022), resolved against the
article's publication date where it has one.

Values: "2025-03-13" (resolved date), "--03-13" (day without a known year, ISO 8601 style), "2025-03" or
"--03" (month), "2022" (year); weekdays and relative phrases get a date only with a publication date.
A weekday resolves to its closest occurrence to the publication date (within three days either way).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from compare.model import TimeAnchor

DATE, WEEKDAY, MONTH, YEAR, RELATIVE = "date", "weekday", "month", "year", "relative"
MONTH_NAMES = (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
               ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"),
               ("november", "nov"), ("december", "dec"))  # full name, then abbreviations (longest first)
MONTH_NUMBER = {name: k for k, names in enumerate(MONTH_NAMES, start=1) for name in names}
WEEKDAY_NUMBER = {d: k for k, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}

_M = ("(?P<month>" + "|".join(names[0].title() for names in MONTH_NAMES) + "|"
      + "|".join(name.title() + r"\.?" for names in MONTH_NAMES for name in names[1:]) + ")")
_SAFE_MONTH = r"(?P<month>January|February|April|June|July|September|October|November|December)"
# Each pattern that opens with \b has a look-ahead for the first characters its words can start with: it lets the regex
# engine skip to the places a match can start (up to five times faster through a long text; the matches are the same).
_PATTERNS = [
    (DATE, re.compile(_M + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?")),
    (DATE, re.compile(r"(?=\d)\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M + r"\b(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?")),
    (MONTH, re.compile(r"(?i:(?=[isbutdflnem])\b(?:in|since|by|until|through|during|from|last|next|this|early|late|mid-|"
                       r"end of|beginning of|start of)\s+)" + _M + r"\b(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?")),
    (MONTH, re.compile(r"(?=[JFASOND])\b" + _SAFE_MONTH + r"\b(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?")),
    (MONTH, re.compile(r"(?=[JFMASOND])\b" + _M + r"\s+(?P<year>(?:19|20)\d{2})\b")),
    (WEEKDAY, re.compile(r"(?=[MTWFS])\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")),
    (YEAR, re.compile(r"(?<![$€£\d.,])(?=[12])\b(?P<year>(?:19|20)\d{2})\b(?!\s*%|,\d|\.\d)")),
    (RELATIVE, re.compile(r"(?i)(?=[ytlnedwmfsa\d])\b(?P<rel>yesterday|today|tonight|tomorrow|"
                          r"(?:last|this|next|earlier this|later this)\s+(?:week|month|year|weekend|spring|summer|fall|autumn|winter)|"
                          r"(?:(?P<n>\d+|a few|few|several|two|three|four|five|six|seven|a couple of)\s+)?"
                          r"(?P<span>days?|weeks?|months?|years?)\s+(?P<dir>ago|after|before|earlier|later|ahead|from now|prior))\b")),
]
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def parse_date(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD string as a date, else None."""
    try:
        return dt.date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _month_year(month: int, year: int | None, published: dt.date | None) -> int | None:
    if year is not None or published is None:
        return year
    return published.year - 1 if month - published.month > 2 else published.year


def _resolve(kind: str, m: re.Match, published: dt.date | None) -> str | None:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if kind in (DATE, MONTH):
        month = MONTH_NUMBER[groups["month"].rstrip(".").lower()]
        year = _month_year(month, year, published)
        if kind == MONTH:
            return f"{year:04d}-{month:02d}" if year else f"--{month:02d}"
        day = int(groups["day"])
        try:
            return dt.date(year, month, day).isoformat() if year else f"--{month:02d}-{day:02d}"
        except ValueError:
            return None
    if kind == YEAR:
        return groups["year"]
    if published is None:
        return None
    if kind == WEEKDAY:
        back = (published.weekday() - WEEKDAY_NUMBER[groups["weekday"].lower()]) % 7
        delta = -back if back <= 3 else 7 - back
        return (published + dt.timedelta(days=delta)).isoformat()
    rel = groups["rel"].lower()
    shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}.get(rel)
    if shift is not None:
        return (published + dt.timedelta(days=shift)).isoformat()
    n = groups.get("n")
    if groups.get("dir") == "ago" and n and (n.isdigit() or n in _SMALL):
        count = int(n) if n.isdigit() else _SMALL[n]
        days = {"day": 1, "week": 7}.get(groups["span"].rstrip("s"))
        if days:
            return (published - dt.timedelta(days=count * days)).isoformat()
    return None


@lru_cache(maxsize=256)
def find_times(text: str, start: int = 0, end: int | None = None, published: str | None = None) -> tuple[TimeAnchor, ...]:
    """Time anchors in text[start:end]; ``published`` (YYYY-MM-DD) resolves weekdays and relative phrases."""
    end = len(text) if end is None else end
    pub = parse_date(published)
    taken: list[tuple[int, int]] = []  # disjoint spans of the earlier patterns, sorted
    out = []
    resolved: dict = {}  # (pattern, matched text) -> value: the same words matched by one pattern mean one time
    for kind, pattern in _PATTERNS:
        by_month = kind == MONTH and "month" in pattern.groupindex
        kept = []  # this pattern's matches never overlap one another (finditer), only earlier patterns' spans
        k = 0
        for m in pattern.finditer(text, start, end):
            s = m.start("month") if by_month and m.group("month") else m.start()
            e = m.end()
            while k < len(taken) and taken[k][1] <= s:  # matches come in text order: one sweep along taken
                k += 1
            if k < len(taken) and taken[k][0] < e:
                continue
            kept.append((s, e))
            key = (pattern, m.group())
            if key not in resolved:
                resolved[key] = _resolve(kind, m, pub)
            out.append(TimeAnchor(text[s:e], s, e, kind, resolved[key]))
        taken = sorted(taken + kept)  # two sorted runs: a linear merge, no insertion into the middle of a list
    return tuple(sorted(out, key=lambda t: t.start))
