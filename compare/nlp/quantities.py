"""Numbers with units and what they count, normalised: "eight" = 8, "$28bn" = 28,000,000,000 USD.

Rule-based. Years, days of the month and clock times are left to compare.nlp.times; "one" counts only
with a scale word ("one million"), since it is mostly a pronoun in news text.
"""
from __future__ import annotations

import re

from compare.model import Quantity
from compare.nlp.times import MONTH_NAMES

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
          "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "tr": 1e12}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
                  "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rupees": "INR",
                  "hryvnia": "UAH", "hryvnias": "UAH"}
_MONTHS = "|".join(name.title() for names in MONTH_NAMES for name in names)
_NOT_COUNTED = {"of", "to", "and", "or", "in", "on", "at", "for", "the", "a", "an", "by", "from", "with", "as",
                "that", "than", "who", "which", "is", "are", "was", "were", "has", "have", "had", "will", "would",
                "percent", "per", "cent", "more", "less", "times", "old", "p", "a.m", "pm"}

_WORD_NUMBER = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(k for k in _UNITS if k != "dozen") + r"))?|"
                + "|".join(_UNITS) + r"|a\s+dozen)")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|mn|mln|tn|k|m|b)"
_NUMBER = re.compile(
    r"(?P<sign>US\$|[$€£¥])?\s?"
    r"(?P<num>" + _DIGITS + r"|\b" + _WORD_NUMBER + r"\b)"
    r"(?:[\s-]?(?P<scale>" + _SCALE + r")\b)?"
    r"(?:\s?(?P<pct>%|percent\b|per\s+cent\b|percentage\s+points?\b))?", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*(?:[-–]\s*)?(?P<adj>(?:[a-z][\w-]*\s+){0,1}?)(?P<noun>[A-Za-z][\w-]*)")
_TALLY = re.compile(r"(?<![\w$.,/-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\w/%-]|[.,]\d|\s?(?:percent|per\s+cent)\b)")
_POUNDS = re.compile(r"\s*(?:[-–]\s*)?pounds?\b", re.IGNORECASE)  # money with a scale word ("5 million pounds"), else weight
_NAME_BEFORE = re.compile(r"(?:S&P|FTSE|Fortune|Russell|Formula|Nikkei|DAX|CAC|Euro\s?Stoxx|Group\s+of|G|Catch-?)\s?$")
_OF_WHAT = re.compile(r"\s+of\s+(?:(?:their|its|the|his|her|our|your|all|U\.S\.|US|annual|national)\s+){0,2}"
                      r"(?P<what>[A-Za-z][\w-]*)")


def _word_value(word: str) -> float:
    word = word.lower().replace("a dozen", "dozen")
    parts = re.split(r"[- ]+", word)
    if parts[0] in _TENS:
        return float(_TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0))
    return float(_UNITS[parts[0]])


def find_quantities(text: str, start: int = 0, end: int | None = None) -> tuple[Quantity, ...]:
    """Quantities in text[start:end], with value (scaled), unit (USD, EUR, %, count...) and what they count."""
    end = len(text) if end is None else end
    out = []
    tallies = []
    for m in _TALLY.finditer(text, start, end):  # a vote or a score: "passed 234-193", "won 5-4"
        if re.search(r"\b(?:vote[sd]?|voting|passed|approved|rejected|defeated|margin|won|lost|beat|score|tally|ruling|ruled|decision|majority)\b",
                     text[max(start, m.start() - 40):min(end, m.end() + 15)], re.IGNORECASE):
            tallies.append((m.start(), m.end()))
            out.append(Quantity(m.group(), m.start(), m.end(), float(m.group(1)) * 1000 + float(m.group(2)), "tally",
                                "votes"))
    for m in _NUMBER.finditer(text, start, end):
        if any(s <= m.start("num") < e for s, e in tallies):
            continue
        num, scale, sign, pct = m.group("num"), m.group("scale"), m.group("sign"), m.group("pct")
        s = m.start("sign") if sign else m.start("num")
        e = m.end()
        is_word = not num[0].isdigit()
        if is_word and num.lower() == "one" and not scale:
            continue
        if scale and scale.lower() in ("m", "b", "k") and not sign:
            scale = None
            e = m.end("num")
        if not is_word and _is_time_or_year(text, m.start("num"), m.end("num"), num, bool(sign or scale or pct)):
            continue
        if not is_word and m.start("num") > 0 and (text[m.start("num") - 1].isalnum()
                                                   or text[m.start("num") - 1] in "-/:."):
            continue
        if not is_word and not sign and _NAME_BEFORE.search(text, max(start, m.start("num") - 12), m.start("num")):
            continue  # part of a name: "S&P 500", "Fortune 500", "Group of 20"
        value = float(num.replace(",", "")) if not is_word else _word_value(num)
        if scale:
            value *= SCALES[scale.lower()]
        unit, counts = None, None
        if sign:
            unit = CURRENCY_SIGNS[sign]
        elif pct:
            unit = "%"
        after = _NEXT_WORD.match(text, e, end)
        pounds = _POUNDS.match(text, e, end) if not sign and not pct else None
        if pounds:
            unit = "GBP" if scale or re.match(r"\s+(?:sterling|\(£)", text[pounds.end():pounds.end() + 12]) else "lb"
            e = pounds.end()
            of = _OF_WHAT.match(text, e, end)
            counts = of.group("what") if of else None
            out.append(Quantity(text[s:e], s, e, value, unit, counts))
            continue
        if not sign and not pct and after and after.group("noun").lower() in CURRENCY_WORDS:
            unit = CURRENCY_WORDS[after.group("noun").lower()]
            e = after.end()
        elif unit is None and after and after.group("noun").lower() not in _NOT_COUNTED \
                and not after.group("noun")[0].isupper():
            unit, counts = "count", after.group("noun").lower()
            e = after.end()
        if unit in ("%",) or (unit and unit != "count"):
            of = _OF_WHAT.match(text, e, end)
            if of:
                counts = of.group("what")
        if unit is None:
            if is_word and not scale:
                continue
            unit = "count"
        out.append(Quantity(text[s:e], s, e, value, unit, counts))
    return tuple(out)


def _is_time_or_year(text: str, s: int, e: int, num: str, has_unit: bool) -> bool:
    """Years (1900-2099 standing alone), days after month names, ordinals, clock times."""
    before = text[max(0, s - 12):s]
    after = text[e:e + 16]
    if re.search(r"(?:" + _MONTHS + r")\.?\s+$", before) or re.match(r"(?:st|nd|rd|th)\b", after):
        return True
    if re.match(r"\s*(?:of\s+)?(?:" + _MONTHS + r")\b", after) and len(num) <= 2:
        return True
    if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|ET\b|EST\b)", after) or re.match(r":\d", after):
        return True
    plural_after = re.match(r"\s*[a-z]{3,}s\b", after) and not re.match(r"\s*(?:was|has|does|is)\b", after)
    return not has_unit and re.fullmatch(r"(?:19|20)\d{2}", num) is not None and not plural_after
