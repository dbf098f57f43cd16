"""4. Conflicts: each conflicting pair of facts side by side, the values in conflict highlighted."""
from __future__ import annotations

from reportlab.platypus import Spacer

from compare.render.content import ConflictItem, ConflictsSection
from compare.render.pdf.layout import Layout, esc, kind_name


def section(lay: Layout, s: ConflictsSection) -> list:
    if not s.items:
        return [lay.none("No conflicting facts were found. Only facts the engine links are compared; "
                         "a conflict between facts it did not link is not seen.")]
    flow = [lay.p("Where two articles report the same fact with different values. "
                  "The values in conflict are highlighted.", "intro")]
    for item in s.items:
        flow += conflict(lay, item)
    return flow + lay.more(s.more)


def conflict(lay: Layout, item: ConflictItem) -> list:
    w = lay.width
    kinds = ", ".join(kind_name(v.kind) for v in item.values) or "other"
    rows = [[lay.outlet_head(item.a), lay.outlet_head(item.b)]]
    rows.append([lay.stack([lay.marked(f) for f in item.a_facts]),
                 lay.stack([lay.marked(f) for f in item.b_facts])])
    for v in item.values:
        detail = f" <font color='{lay.t.colour_muted}'>({esc(v.detail)})</font>" if v.detail else ""
        rows.append([
            lay.p(f"{esc(kind_name(v.kind))}: " + lay.highlight(v.a), "small"),
            lay.p(lay.highlight(v.b) + detail, "small"),
        ])
    return [lay.p(f"{esc(item.pair)}: {esc(kinds)} <font color='{lay.t.colour_muted}'>"
                  f"(match {item.score:.2f}) — {esc(item.reason)}</font>", "caption"),
            lay.table(rows, [w / 2, w / 2], header_fills=[lay.colours[item.a], lay.colours[item.b]], zebra=False),
            Spacer(1, 6)]
