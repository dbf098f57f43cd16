"""The fact-level diff of two articles as Markdown (GitHub flavour): the same rows and markers as the text diff.

Article text is escaped so that it can never act as Markdown or HTML; differing values are set in bold.
"""
from __future__ import annotations

import re

from compare.model import SHARED, Comparison
from compare.render.text import (
    KIND_NAMES,
    MARKERS,
    Row,
    counts_line,
    diff_rows,
    elided_text,
    fact_counts,
    fact_totals,
    find_values,
    footer_differences,
    hunk_header,
    hunks,
    main_pair,
    only_kinds,
    outlet_line,
    printable,
    verdict_reason,
    wording_differs,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$#])")


def escape(text: str) -> str:
    """Printable article text with every character Markdown or HTML could act on backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", printable(text))


def emphasised(text: str, values: list[str]) -> str:
    """Escaped text with each occurrence of the values in bold."""
    text = printable(text)
    out, last = [], 0
    for start, end in find_values(text, [printable(v) for v in values]):
        out += [_SPECIAL.sub(r"\\\1", text[last:start]), "**", _SPECIAL.sub(r"\\\1", text[start:end]), "**"]
        last = end
    out.append(_SPECIAL.sub(r"\\\1", text[last:]))
    return "".join(out)


def render_markdown(comparison: Comparison, *, side_by_side: bool = False, only=None,
                    context: int | None = None) -> str:
    """The diff of articles 0 and 1 as Markdown: header table, fact list (or two-column table), differences."""
    pair = main_pair(comparison)
    rows = diff_rows(comparison, pair)
    a, b = comparison.articles[pair.a], comparison.articles[pair.b]
    lines = ["# newscompare diff", "",
             "| | Headline | Outlet · date · source |", "|---|---|---|",
             f"| `---` **A** | {escape(a.headline)} | {escape(outlet_line(a))} |",
             f"| `+++` **B** | {escape(b.headline)} | {escape(outlet_line(b))} |", ""]
    verdict = pair.verdict
    reason = verdict_reason(verdict)
    lines.append(f"**Verdict: {verdict.label}** (score {verdict.score:.2f})"
                 + (f": {escape(reason)}" if reason else ""))
    counts = counts_line(fact_counts(rows), fact_totals(comparison, pair), marker=lambda m: f"`{m}`")
    lines += ["", f"**Facts:** {counts}", "",
              "## Facts, in A's reading order", ""]
    groups, trailing = hunks(rows, only_kinds(only), context)
    for gap, group in groups:
        if gap:
            lines += [f"*{elided_text(gap)}*", ""]
        if context is not None:
            lines += [f"`{hunk_header(group)}`", ""]
        lines += _table(group) if side_by_side else _list(group)
        lines.append("")
    if trailing:
        lines += [f"*{elided_text(trailing)}*", ""]
    if not any(group for _, group in groups) and not trailing:
        lines += ["*No facts of the selected kinds.*", ""]
    differences = footer_differences(comparison)
    if differences:
        lines += ["## Main differences", ""]
        lines += [f"- **{escape(d.kind)}**: {escape(d.text)}" for d in differences]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _sides(row: Row) -> tuple[list[str], list[str], list[str]]:
    """Each side's facts as "**id** text" with conflicting values in bold, and the conflict notes."""
    conflicts = row.conflicts
    a_parts = [f"**{f.id}** {emphasised(f.text, [c.a for c in conflicts])}" for f in row.a]
    b_parts = [f"**{f.id}** {emphasised(f.text, [c.b for c in conflicts])}" for f in row.b]
    notes = [f"≠ {escape(c.kind)}: **{escape(c.a)}** vs **{escape(c.b)}**"
             + (f" ({escape(c.detail)})" if c.detail else "") for c in conflicts]
    return a_parts, b_parts, notes


def _list(rows: list[Row]) -> list[str]:
    lines = []
    for row in rows:
        a_parts, b_parts, notes = _sides(row)
        if row.a and row.kind == SHARED and not wording_differs(row.a, row.b):
            b_parts = []
        lines.append(f"- `{MARKERS.get(row.kind, '?')}` " + "  \n  ".join(a_parts + b_parts + notes))
    return lines


def _table(rows: list[Row]) -> list[str]:
    lines = ["| | A | B |", "|---|---|---|"]
    for row in rows:
        a_parts, b_parts, notes = _sides(row)
        title = KIND_NAMES.get(row.kind, row.kind)
        lines.append(f"| `{MARKERS.get(row.kind, '?')}` {title} | {'<br>'.join(a_parts)} | "
                     f"{'<br>'.join(b_parts + notes)} |")
    return lines
