"""The fact-level diff of two articles for a terminal: diff(1) markers, wrapped columns, colour, context hunks.

Rows follow A's reading order; each of B's facts sits where it aligns, and B's unaligned facts follow the row
holding B's nearest earlier aligned fact (as diff(1) places inserted lines). Markers: ``=`` shared,
``≈`` partly shared, ``~`` conflicting, ``-`` only in A, ``+`` only in B. Article text is data: every string
taken from an article is stripped of escape sequences and control characters before it is printed.
"""
from __future__ import annotations

import dataclasses
import re
import shutil
import unicodedata
from dataclasses import dataclass

from compare.model import (
    CONFLICTING,
    DIFFERENT_EVENTS,
    LINK_KINDS,
    ONLY_A,
    ONLY_B,
    PARTIAL,
    SAME_EVENT,
    SHARED,
    Article,
    Comparison,
    Conflict,
    Difference,
    Fact,
    Link,
    PairComparison,
    Verdict,
)
from compare.textsafe import strip_unsafe

MARKERS = {SHARED: "=", PARTIAL: "≈", CONFLICTING: "~", ONLY_A: "-", ONLY_B: "+"}
KIND_NAMES = {SHARED: "shared", PARTIAL: "partly shared", CONFLICTING: "conflicting",
              ONLY_A: "only in A", ONLY_B: "only in B"}
ONLY_CHOICES = {"shared": (SHARED, PARTIAL), "conflicts": (CONFLICTING,), "omissions": (ONLY_A, ONLY_B)}
SHOWN_ELSEWHERE = ("event", "omission", "exclusive", "conflict")  # in the verdict line or the body, not the footer
MIN_WIDTH = 40
FOOTER_LIMIT = 6  # differences listed by the text footer; Markdown and JSON carry them all
GLUE = "\u00a0"  # joins words that must stay on one line; printed as a space (printable() removes any from articles)

SGR = {"a": "1;31", "b": "1;32", ONLY_A: "31", ONLY_B: "32", CONFLICTING: "33", PARTIAL: "36", SHARED: "2",
       "label": "2", "bold": "1", "hunk": "36", "dim": "2"}
PLAIN_MARKUP = {"a": ("[-", "-]"), "b": ("{+", "+}")}  # wdiff's brackets when there is no colour

_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[@-Z\\-_])")
_WHITESPACE_CONTROLS = dict.fromkeys(map(ord, "\t\n\r\v\f"), " ")


def printable(text: str) -> str:
    """Article text made safe for a terminal: escape sequences, control characters and bidi overrides removed."""
    text = _ESCAPES.sub("", text).translate(_WHITESPACE_CONTROLS)
    return " ".join(strip_unsafe(text).split())


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class Row:
    """One line of the diff: a link, or an unlinked fact, with the facts it joins on each side."""
    kind: str
    a: tuple[Fact, ...]
    b: tuple[Fact, ...]
    link: Link | None = None

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        return self.link.conflicts if self.link else ()


def main_pair(comparison: Comparison) -> PairComparison:
    """The pair a diff shows: articles 0 and 1."""
    if not comparison.pairs:
        raise ValueError("the comparison has no pair of articles to diff")
    return next((p for p in comparison.pairs if (p.a, p.b) == (0, 1)), comparison.pairs[0])


def diff_rows(comparison: Comparison, pair: PairComparison | None = None) -> list[Row]:
    """The pair's links as rows in A's reading order, B's unaligned facts after B's nearest earlier aligned one."""
    pair = pair or main_pair(comparison)
    a_facts = sorted(comparison.facts[pair.a], key=lambda f: (f.start, f.end))
    b_facts = sorted(comparison.facts[pair.b], key=lambda f: (f.start, f.end))
    a_pos = {f.id: i for i, f in enumerate(a_facts)}
    b_pos = {f.id: i for i, f in enumerate(b_facts)}
    anchored: list[tuple[int, int, Row]] = []  # (A position, link order, row)
    floating: list[tuple[int, Row]] = []  # (B position, row) for rows without A facts
    for order, link in enumerate(pair.links):
        a = tuple(sorted((a_facts[a_pos[i]] for i in link.a if i in a_pos), key=lambda f: a_pos[f.id]))
        b = tuple(sorted((b_facts[b_pos[i]] for i in link.b if i in b_pos), key=lambda f: b_pos[f.id]))
        if a:
            anchored.append((a_pos[a[0].id], order, Row(link.kind, a, b, link)))
        elif b:
            floating.append((b_pos[b[0].id], Row(link.kind, a, b, link)))
    anchored = _merge_by_a_fact(anchored)
    linked_a = {f.id for *_, row in anchored for f in row.a}
    linked_b = {f.id for *_, row in anchored for f in row.b} | {f.id for _, row in floating for f in row.b}
    anchored += [(a_pos[f.id], len(pair.links), Row(ONLY_A, (f,), ())) for f in a_facts if f.id not in linked_a]
    floating += [(b_pos[f.id], Row(ONLY_B, (), (f,))) for f in b_facts if f.id not in linked_b]
    anchored.sort(key=lambda t: t[:2])
    holder = {}  # B position -> index of the last anchored row holding that fact
    for index, (*_, row) in enumerate(anchored):
        for fact in row.b:
            holder[b_pos[fact.id]] = index
    slots: list[list[Row]] = [[] for _ in range(len(anchored) + 1)]  # slot 0: before all; i + 1: after row i
    for position, row in sorted(floating, key=lambda t: t[0]):
        earlier = [p for p in holder if p < position]
        slots[holder[max(earlier)] + 1 if earlier else 0].append(row)
    rows = list(slots[0])
    for (*_, row), after in zip(anchored, slots[1:]):
        rows.append(row)
        rows.extend(after)
    return rows


def _merge_by_a_fact(anchored: list[tuple[int, int, Row]]) -> list[tuple[int, int, Row]]:
    """One row per A fact linked to several B facts (the engine keeps one link per pair of facts): its B facts
    together, the row's kind the most telling of its links (conflicting, then partial, then shared)."""
    rank = {CONFLICTING: 0, PARTIAL: 1, SHARED: 2}
    merged: dict[tuple[str, ...], tuple[int, int, Row]] = {}
    out = []
    for pos, order, row in anchored:
        key = tuple(f.id for f in row.a)
        if row.kind not in rank or key not in merged:
            if row.kind in rank:
                merged[key] = (pos, order, row)
            out.append((pos, order, row))
            continue
        _, first_order, first = merged[key]
        links = [first.link, row.link]
        kind = min((first.kind, row.kind), key=rank.get)
        link = dataclasses.replace(first.link, kind=kind, b=first.link.b + row.link.b,
                                   conflicts=first.link.conflicts + row.link.conflicts,
                                   reason=" / ".join(l.reason for l in links))
        new = (pos, first_order, Row(kind, first.a, first.b + row.b, link))
        out[out.index(merged[key])] = new
        merged[key] = new
    return out


def fact_counts(rows: list[Row]) -> dict[str, int]:
    """How many facts each kind of row holds: links for the paired kinds, facts for the one-sided ones."""
    counts = dict.fromkeys(LINK_KINDS, 0)
    for row in rows:
        if row.link is not None and row.link.signals.get("possibly"):  # not a confident omission: counted apart
            counts["possibly"] = counts.get("possibly", 0) + 1
            continue
        counts[row.kind] += len(row.a) if row.kind == ONLY_A else len(row.b) if row.kind == ONLY_B else 1
    return counts


def same_facts(comparison: Comparison) -> bool:
    """True when every fact of each article is shared with the other (diff's exit status 0): every fact is in a link
    and every link holding a fact is a shared one, as in :func:`diff_rows` but without ordering the rows."""
    pair = main_pair(comparison)
    ids = {f.id for f in (*comparison.facts[pair.a], *comparison.facts[pair.b])}
    linked = set()
    for link in pair.links:
        held = ids.intersection((*link.a, *link.b))
        if held and link.kind != SHARED:
            return False
        linked |= held
    return linked == ids


def only_kinds(only) -> frozenset[str] | None:
    """The link kinds selected by --only ("shared", "conflicts", "omissions", or a comma-separated mix)."""
    if not only:
        return None
    names = [n.strip() for n in (only.split(",") if isinstance(only, str) else only) if n.strip()]
    unknown = [n for n in names if n not in ONLY_CHOICES]
    if unknown or not names:
        raise ValueError(f"unknown --only value {', '.join(unknown) or repr(only)}; "
                         f"choose from {', '.join(ONLY_CHOICES)} (comma-separated to combine)")
    return frozenset(kind for n in names for kind in ONLY_CHOICES[n])


def hunks(rows: list[Row], kinds: frozenset[str] | None = None,
          context: int | None = None) -> tuple[list[tuple[int, list[Row]]], int]:
    """The rows to show as (shared rows elided before, rows) hunks, and the shared rows elided after the last.

    Without context every selected row is shown in one hunk. With context N, each selected change (any row
    that is not shared) is shown with up to N shared rows on each side, like ``diff -U N``.
    """
    def selected(row: Row) -> bool:
        return kinds is None or row.kind in kinds

    if context is None:
        return [(0, [row for row in rows if selected(row)])], 0
    pool = [row for row in rows if selected(row) or row.kind == SHARED]
    keep = set()
    for index, row in enumerate(pool):
        if row.kind != SHARED and selected(row):
            keep.update(range(max(0, index - context), min(len(pool), index + context + 1)))
    out: list[tuple[int, list[Row]]] = []
    current, gap = None, 0
    for index, row in enumerate(pool):
        if index in keep:
            if current is None:
                current = []
                out.append((gap, current))
                gap = 0
            current.append(row)
        else:
            current, gap = None, gap + 1
    return out, gap


def verdict_reason(verdict: Verdict) -> str:
    """The main reason for the verdict: the heaviest toward its label; for "related events" the heaviest each way."""
    reasons = verdict.reasons
    if not reasons:
        return ""
    strongest_for, strongest_against = max(reasons, key=lambda r: r.weight), min(reasons, key=lambda r: r.weight)
    if verdict.label == SAME_EVENT:
        return printable(strongest_for.text)
    if verdict.label == DIFFERENT_EVENTS or strongest_for.weight <= 0:
        return printable(strongest_against.text)
    if strongest_against.weight >= 0:
        return printable(strongest_for.text)
    return f"for: {printable(strongest_for.text)} Against: {printable(strongest_against.text)}"


def wording_differs(a: tuple[Fact, ...], b: tuple[Fact, ...]) -> bool:
    """True unless both sides say the same words (ignoring case, punctuation and spacing)."""
    def words(facts):
        return re.sub(r"\W+", " ", unicodedata.normalize("NFKC", " ".join(f.text for f in facts)).casefold()).strip()
    return words(a) != words(b)


def hunk_header(rows: list[Row]) -> str:
    """``@@ A3–A7 | B2–B5 @@``: the first and last fact of each side in the hunk."""
    def span(facts):
        return f"{facts[0].id}–{facts[-1].id}" if len(facts) > 1 else facts[0].id if facts else ""
    a = [f for row in rows for f in row.a]
    b = sorted((f for row in rows for f in row.b), key=lambda f: f.start)
    return "@@ " + " | ".join(s for s in (span(a), span(b)) if s) + " @@"


def elided_text(count: int) -> str:
    return f"… {count} shared fact{'s' if count != 1 else ''}"


def outlet_line(article: Article) -> str:
    outlet = article.outlet if article.outlet and article.outlet_rule != "unknown" else "outlet unknown"
    if article.outlet_rule == "filename":
        outlet += " (outlet named after the file)"
    source = "standard input" if article.source == "-" else article.source
    return " · ".join((outlet, article.date or "date unknown", source))


def counts_line(counts: dict[str, int], totals: tuple[int, int], glue: str = " ", marker=str) -> str:
    """``26 in A, 31 in B · = 0 shared · ≈ 2 partly shared · …`` (paired kinds count links, the others facts)."""
    items = [f"{totals[0]}{glue}in{glue}A,{glue}{totals[1]}{glue}in{glue}B"]
    items += [glue.join((marker(MARKERS[k]), str(counts[k]), *KIND_NAMES[k].split())) for k in LINK_KINDS]
    if counts.get("possibly"):
        items.append(glue.join((marker("?"), str(counts["possibly"]), "possibly", "covered")))
    return " ".join(item + glue + "·" for item in items[:-1]) + " " + items[-1]


def footer_differences(comparison: Comparison) -> list[Difference]:
    """The differences the footer lists (tone, framing, sourcing, ...), highest rank first."""
    return sorted((d for d in comparison.differences if d.kind not in SHOWN_ELSEWHERE),
                  key=lambda d: -d.rank)


def fact_totals(comparison: Comparison, pair: PairComparison) -> tuple[int, int]:
    return len(comparison.facts[pair.a]), len(comparison.facts[pair.b])


def find_values(text: str, values: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of each value in text (whole words, exact case first, else any case)."""
    spans: list[tuple[int, int]] = []
    for value in sorted({v for v in values if v.strip()}, key=len, reverse=True):
        pattern = re.escape(value)
        if value[0].isalnum():
            pattern = r"(?<![\w.])" + pattern
        if value[-1].isalnum():
            pattern += r"(?!\w)"
        found = list(re.finditer(pattern, text)) or list(re.finditer(pattern, text, re.IGNORECASE))
        for m in found:
            if all(m.end() <= s or m.start() >= e for s, e in spans):
                spans.append((m.start(), m.end()))
    return sorted(spans)


# --------------------------------------------------------------------------- styled text

Segments = list[tuple[str, str | None]]  # (text, style name or None)


def highlighted(text: str, values: list[str], style: str) -> Segments:
    """Printable text with every occurrence of the values given the style."""
    text = printable(text)
    out: Segments = []
    last = 0
    for start, end in find_values(text, [printable(v) for v in values]):
        out += [(text[last:start], None), (text[start:end].replace(" ", GLUE), style)]
        last = end
    out.append((text[last:], None))
    return [(t, s) for t, s in out if t]


def cells(text: str) -> int:
    """Terminal columns the text takes (wide East Asian characters take two, combining marks none)."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


class Painter:
    """Turns styled segments into terminal text: ANSI colour, or wdiff brackets without colour."""

    def __init__(self, color: bool):
        self.color = color

    def plain(self, segments: Segments) -> Segments:
        """Without colour, highlighted values become bracketed text (so wrapping counts the brackets)."""
        if self.color:
            return segments
        out: Segments = []
        for text, style in segments:
            if style in PLAIN_MARKUP:
                opening, closing = PLAIN_MARKUP[style]
                out.append((opening + text + closing, None))
            else:
                out.append((text, style))
        return out

    def paint(self, segments: Segments) -> str:
        if not self.color:
            return "".join(text for text, _ in segments).replace(GLUE, " ")
        return "".join(f"\x1b[{SGR[style]}m{text}\x1b[0m" if style in SGR and text.strip() else text
                       for text, style in segments).replace(GLUE, " ")

    def wrap(self, segments: Segments, width: int) -> list[Segments]:
        """Greedy word wrap to width columns; words longer than a line are cut.

        Words are kept as runs of text, not single characters, so a 1 MB unbroken run costs its length once."""
        words: list[Segments] = []
        word: Segments = []
        for text, style in self.plain(segments):
            for k, part in enumerate(text.split(" ")):
                if k and word:
                    words.append(word)
                    word = []
                if part:
                    word.append((part, style))
        if word:
            words.append(word)
        lines: list[Segments] = [[]]
        used = 0
        for word in words:
            size = sum(_width(text) for text, _ in word)
            if lines[-1] and used + 1 + size > width:
                lines.append([])
                used = 0
            if size > width:  # a URL or other unbreakable run (on a line of its own, see above): cut it
                word, size = _cut_word(word, size, width, lines)
            if lines[-1]:
                prev = lines[-1][-1][1]
                lines[-1].append((" ", prev if prev == word[0][1] else None))
                used += 1
            lines[-1].extend(word)
            used += size
        return [_runs(line) for line in lines]


def _width(text: str) -> int:
    return len(text) if text.isascii() else cells(text)


def _cut_word(word: Segments, size: int, width: int, lines: list[Segments]) -> tuple[Segments, int]:
    """Full lines cut from the start of a word wider than a line (each as many characters as fit, at least one),
    appended to lines; returns the rest of the word and its width."""
    pieces = [(text, style, text.isascii()) for text, style in word]
    i = at = 0  # the next character: pieces[i][0][at]
    while size > width:
        line: Segments = []
        room = width
        while i < len(pieces):
            text, style, ascii = pieces[i]
            if ascii:
                n = taken = min(len(text) - at, room)
            else:
                n = taken = 0
                while at + n < len(text):
                    char_cells = cells(text[at + n])
                    if char_cells > room - taken:
                        break
                    taken += char_cells
                    n += 1
            if n:
                line.append((text[at:at + n], style))
                room -= taken
                at += n
            if at < len(text):
                break  # the next character does not fit
            i, at = i + 1, 0
        if not line:  # a character wider than the whole line goes on one of its own
            text, style, _ = pieces[i]
            line.append((text[at], style))
            room -= cells(text[at])
            i, at = (i + 1, 0) if at + 1 == len(text) else (i, at + 1)
        lines[-1].extend(line)
        lines.append([])
        size -= width - room
    if i == len(pieces):
        return [], size
    return [(pieces[i][0][at:], pieces[i][1])] + [(text, style) for text, style, _ in pieces[i + 1:]], size


def _runs(pieces: Segments) -> Segments:
    """Adjacent pieces of one style joined."""
    out: Segments = []
    for text, style in pieces:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out


# --------------------------------------------------------------------------- layout


def render_text(comparison: Comparison, *, width: int | None = None, color: bool = False,
                side_by_side: bool = False, only=None, context: int | None = None) -> str:
    """The diff of articles 0 and 1 as terminal text: header, fact rows, footer of main differences."""
    width = max(MIN_WIDTH, width or shutil.get_terminal_size((80, 24)).columns)
    layout = _Layout(comparison, width, Painter(color), side_by_side)
    return layout.render(only_kinds(only), context)


class _Layout:
    def __init__(self, comparison: Comparison, width: int, painter: Painter, side_by_side: bool):
        self.comparison, self.width, self.painter, self.side_by_side = comparison, width, painter, side_by_side
        self.pair = main_pair(comparison)
        self.rows = diff_rows(comparison, self.pair)

    def render(self, kinds, context) -> str:
        groups, trailing = hunks(self.rows, kinds, context)
        shown = [row for _, rows in groups for row in rows]
        self.label_width = max([len(f.id) for row in shown for f in row.a + row.b] + [2])
        lines = self.header() + [""]
        for gap, rows in groups:
            if gap:
                lines += self.full([(elided_text(gap), "dim")])
            if context is not None:
                lines += self.full([(hunk_header(rows), "hunk")])
            for row in rows:
                lines += self.row(row)
        if trailing:
            lines += self.full([(elided_text(trailing), "dim")])
        if not shown and not trailing:
            lines += self.full([("(no facts of the selected kinds)", "dim")])
        footer = self.footer()
        if footer:
            lines += [""] + footer
        return "\n".join(line.rstrip() for line in lines) + "\n"

    # -- pieces

    def full(self, segments: Segments) -> list[str]:
        """Segments wrapped to the whole width."""
        return [self.painter.paint(segs) for segs in self.painter.wrap(segments, self.width)]

    def hanging(self, head: Segments, body: Segments, head_width: int, width: int) -> list[str]:
        """A fixed-width head (marker, label) then body text wrapped beside it, continuation lines indented."""
        head_cells = cells("".join(t for t, _ in head))
        first = max(head_width, head_cells + 1) if head_cells else head_width  # an over-long label keeps a space
        wrapped = self.painter.wrap(body, max(10, width - first)) if body else [[]]
        head_text = self.painter.paint(head)
        pad = " " * (first - head_cells)
        return [(head_text + pad if i == 0 else " " * head_width) + self.painter.paint(segs)
                for i, segs in enumerate(wrapped)]

    def header(self) -> list[str]:
        a, b = (self.comparison.articles[i] for i in (self.pair.a, self.pair.b))
        if self.side_by_side:
            column = (self.width - 3) // 2
            left = self.article_lines("---", "A", a, ONLY_A, column)
            right = self.article_lines("+++", "B", b, ONLY_B, column)
            lines = self.columns(left, right, column, "   ")
        else:
            lines = self.article_lines("---", "A", a, ONLY_A, self.width)
            lines += self.article_lines("+++", "B", b, ONLY_B, self.width)
        verdict = self.pair.verdict
        reason = verdict_reason(verdict)
        text: Segments = [(verdict.label.replace(" ", GLUE), "bold"), (f" (score{GLUE}{verdict.score:.2f})", None)]
        if reason:
            text.append((f": {reason}", None))
        lines += self.hanging([("Verdict:", "bold")], text, 9, self.width)
        counts = counts_line(fact_counts(self.rows), fact_totals(self.comparison, self.pair), GLUE)
        lines += self.hanging([("Facts:", "bold")], [(counts, None)], 7, self.width)
        return lines

    def article_lines(self, mark: str, name: str, article: Article, style: str, width: int) -> list[str]:
        """``--- A  headline`` then outlet · date · source beneath it."""
        head = [(mark, style), (f" {name}", None)]
        return (self.hanging(head, [(printable(article.headline), "bold")], 7, width)
                + self.hanging([], [(printable(outlet_line(article)), "dim")], 7, width))

    def row(self, row: Row) -> list[str]:
        """A row: A's facts (the first with the marker), B's beneath or beside them, then any conflicts."""
        conflicts = row.conflicts
        a_parts = [(f.id, highlighted(f.text, [c.a for c in conflicts], "a")) for f in row.a]
        b_parts = [(f.id, highlighted(f.text, [c.b for c in conflicts], "b")) for f in row.b]
        marker = [(MARKERS.get(row.kind, "?"), row.kind)]
        head = self.label_width + 4
        lines = []
        if self.side_by_side:
            column = (self.width - 3) // 2
            left = [line for name, text in a_parts
                    for line in self.hanging([(name, "label")], text, self.label_width + 1, column)]
            right = [line for name, text in b_parts
                     for line in self.hanging([(name, "label")], text, self.label_width + 1, column)]
            lines += self.columns(left, right, column, f" {self.painter.paint(marker)} ")
        else:
            if row.a and row.kind == SHARED and not wording_differs(row.a, row.b):
                b_parts = []  # the same words: A's line says it all
            for n, (name, text) in enumerate(a_parts + b_parts):
                lead = marker if n == 0 else [(" ", None)]
                lines += self.hanging(lead + [(" ", None), (name, "label")], text, head, self.width)
        if row.link is not None and row.link.signals.get("possibly"):
            lines += self.hanging([], [(printable(row.link.reason), "dim")], head, self.width)
        for conflict in conflicts:
            text: Segments = [(f"≠ {printable(conflict.kind)}: ", None), (printable(conflict.a), "a"),
                              (" vs ", None), (printable(conflict.b), "b")]
            if conflict.detail:
                text.append((f" ({printable(conflict.detail)})", None))
            lines += self.hanging([], text, head, self.width)
        return lines

    def columns(self, left: list[str], right: list[str], column: int, gutter: str) -> list[str]:
        """Two columns of already-painted lines side by side, the left padded to its width."""
        out = []
        for i in range(max(len(left), len(right))):
            l_line = left[i] if i < len(left) else ""
            r_line = right[i] if i < len(right) else ""
            visible = cells(_ESCAPES.sub("", l_line))
            mid = gutter if i == 0 else " " * 3
            out.append(l_line + " " * max(0, column - visible) + mid + r_line)
        return out

    def footer(self) -> list[str]:
        differences = footer_differences(self.comparison)
        if not differences:
            return []
        more = len(differences) - FOOTER_LIMIT
        differences = differences[:FOOTER_LIMIT]
        kind_width = max(len(printable(d.kind)) for d in differences) + 2
        lines = self.full([("Main differences:", "bold")])
        for d in differences:
            lines += self.hanging([("  " + printable(d.kind), "bold")], [(printable(d.text), None)],
                                  kind_width + 2, self.width)
        if more > 0:
            lines += self.full([(f"  … {more} more in the Markdown and JSON output", "dim")])
        return lines
