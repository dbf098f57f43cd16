"""1. Summary: the same-event verdicts, how much is shared, what to notice first, the key conflicts."""
from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus import KeepTogether, Spacer

from compare.render.charts import contrast_text, overlap_figure
from compare.render.content import PairVerdict, SummarySection
from compare.render.pdf.layout import WIDE, Layout, clip, esc, kind_name

VERDICT_MARKS = {"same event": "=", "related events": "~", "different events": "·"}


def section(lay: Layout, s: SummarySection) -> list:
    return verdicts(lay, s.pairs) + overlap(lay, s) + differences(lay, s) + key_conflicts(lay, s)


def verdicts(lay: Layout, pairs: tuple[PairVerdict, ...]) -> list:
    if len(pairs) == 1:
        pair = pairs[0]
        return [lay.p(f"Same event? Verdict: {esc(pair.verdict)} (score {pair.score:.2f})", "h2"),
                lay.p(esc(pair.verdict_text))] + lay.reasons(pair.reasons)
    if len(lay.c.articles) > WIDE:
        return verdict_grid(lay, pairs)
    if pairs:
        return [lay.p("Same event?", "h2"), verdict_table(lay, pairs, 3)]
    return []


def verdict_table(lay: Layout, pairs, reasons: int):
    """Pair, verdict and the first ``reasons`` reasons, a row per pair."""
    rows = [[lay.p(h, "head") for h in ("Pair", "Verdict", "Why")]]
    for pair in pairs:
        rows.append([lay.p(f"<b>{esc(pair.pair)}</b>", "cell"),
                     lay.p(f"<b>{esc(pair.verdict)}</b> ({pair.score:.2f})", "cell"),
                     lay.reasons(pair.reasons[:reasons])])
    w = lay.width
    return lay.table(rows, [w * 0.08, w * 0.2, w * 0.72])


def verdict_grid(lay: Layout, pairs: tuple[PairVerdict, ...]) -> list:
    """Many articles: the verdict of every pair in a grid, then the reasons for the pairs that are about the
    same or related events (the other pairs' reasons are in the JSON output)."""
    labels = [a.label for a in lay.c.articles]
    verdict = {(p.a, p.b): p.verdict for p in pairs}
    verdict.update({(b, a): v for (a, b), v in list(verdict.items())})
    flow = [lay.p("Same event?", "h2"), lay.p(
        "Each cell is the verdict for the articles of its row and column: = same event, ~ related events, "
        "· different events.", "muted")]
    cell = min(18.0, (lay.width - 24) / len(labels))
    for start in range(0, len(labels), int((lay.width - 24) // cell)):
        cols = labels[start:start + int((lay.width - 24) // cell)]
        table = grid_table(lay, labels, cols, verdict, cell)
        flow.append(KeepTogether([table]) if len(labels) < 40 else table)
    close = [p for p in pairs if p.verdict != "different events"]
    if close:
        flow.append(lay.p("Pairs about the same or related events", "label"))
        flow.append(verdict_table(lay, close, 2))
    apart = len(pairs) - len(close)
    if apart:
        flow.append(lay.p(f"{apart} pairs are about different events; their reasons are in the JSON output "
                          "(newscompare compare).", "muted"))
    return flow


def grid_table(lay: Layout, labels: list[str], cols: list[str], verdict: dict, cell: float):
    """One slice of the verdict grid: every article's row against the articles of ``cols``."""
    rows = [[""] + cols]
    for row in labels:
        rows.append([row] + ["" if row == col else VERDICT_MARKS.get(verdict.get((row, col)), "?") for col in cols])
    table = lay.table(rows, [24] + [cell] * len(cols), zebra=False)
    cmds = [("FONTSIZE", (0, 0), (-1, -1), lay.t.font_size - 2), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]
    for k, lab in enumerate(cols, 1):
        cmds.append(("BACKGROUND", (k, 0), (k, 0), HexColor(lay.colours[lab])))
        cmds.append(("TEXTCOLOR", (k, 0), (k, 0), HexColor(contrast_text(lay.colours[lab]))))
    for k, lab in enumerate(labels, 1):
        cmds.append(("BACKGROUND", (0, k), (0, k), HexColor(lay.colours[lab])))
        cmds.append(("TEXTCOLOR", (0, k), (0, k), HexColor(contrast_text(lay.colours[lab]))))
        for j, col in enumerate(cols, 1):
            if verdict.get((lab, col)) in ("same event", "related events"):
                cmds.append(("BACKGROUND", (j, k), (j, k), HexColor("#d9d9d9")))
    table.setStyle(cmds)
    return table


def overlap(lay: Layout, s: SummarySection) -> list:
    """A bar per article: its facts by what the other articles do with them."""
    rows = [(f"{lab} · {clip(lay.outlets[lab], 22)}", lay.colours[lab], o) for lab, o in s.overlap.items()]
    caption = "; ".join(
        f"{lab}: {o.shared + o.partial} of {o.total} facts shared or partly shared, "
        f"{o.conflicting} conflicting, {o.only} only here"
        + (f" ({o.unsure} of them possibly covered: the engine is unsure)" if o.unsure else "")
        for lab, o in s.overlap.items())
    others = "the other article" if len(s.overlap) == 2 else "at least one other article"
    return [KeepTogether([
        lay.p("How much is shared", "h2"),
        lay.p(f"Each bar is one article’s facts, by what {others} does with them.", "muted"),
        Spacer(1, 2), overlap_figure(rows, lay.width, lay.chart_style), lay.p(esc(caption) + ".", "muted")])]


def differences(lay: Layout, s: SummarySection) -> list:
    flow = [lay.p("What to notice first", "h2")]
    if not s.differences:
        return flow + [lay.none("The comparison lists no differences.")]
    for n, d in enumerate(s.differences, 1):
        flow.append(lay.bullet(f"{esc(d.text)} {lay.quiet('(' + d.kind + ')')}", f"{n}."))
    return flow


def key_conflicts(lay: Layout, s: SummarySection) -> list:
    flow = [lay.p("Key conflicts", "h2")]
    if not s.conflicts:
        return flow + [lay.none("No conflicting facts were found: where the engine links two facts, their "
                                "numbers, dates, names and quotes agree (facts it does not link are not compared).")]
    rows = [[lay.p("What", "head"), lay.p("Pair", "head"), lay.p("One says", "head"),
             lay.p("The other says", "head")]]
    for c in s.conflicts:
        rows.append([
            lay.p(esc(kind_name(c.kind)), "cell"), lay.p(esc(c.pair), "cell"),
            lay.p(f"<b>{esc(c.a)}:</b> " + lay.highlight(c.a_value), "cell"),
            lay.p(f"<b>{esc(c.b)}:</b> " + lay.highlight(c.b_value), "cell"),
        ])
    w = lay.width
    return flow + [lay.table(rows, [w * 0.14, w * 0.1, w * 0.38, w * 0.38])]
