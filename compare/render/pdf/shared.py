"""2. Shared facts, side by side: a table per pair (two articles) or a fact-by-article matrix (three or more), then
how each outlet names the actors."""
from __future__ import annotations

from compare.render.content import NameVariant, SharedMatrixSection, SharedPairsSection
from compare.render.pdf.layout import WIDE, Layout, esc


def section(lay: Layout, s: SharedMatrixSection | SharedPairsSection) -> list:
    flow = matrix(lay, s) if isinstance(s, SharedMatrixSection) else pairs(lay, s)
    return flow + variants(lay, s.variants)


def matrix(lay: Layout, s: SharedMatrixSection) -> list:
    labels = s.columns
    if len(labels) > WIDE and s.rows:
        flow = [lay.p("Facts carried by two or more articles: each numbered fact, as each article that "
                      "carries it words it.", "intro")]
        turned, groups = [], []
        for k, row in enumerate(s.rows, 1):
            carried = [(lab, cell) for lab, cell in zip(labels, row.cells) if cell]
            for lab, cell in carried:
                turned.append((lab, lay.p(str(k) if not groups or groups[-1] != k else "", "small"),
                               lay.p(esc(cell), "cell")))
                groups.append(k)
        head = [lay.p(h, "head") for h in ("Article", "Fact", "How it is told")]
        flow.append(lay.turned(turned, [lay.width * 0.2, lay.width * 0.07, lay.width * 0.73], head, groups))
        return flow + lay.more(s.more)
    flow = [lay.p("Facts carried by two or more articles; a dash means the article does not carry it.", "intro")]
    rows = [[lay.outlet_head(lab) for lab in labels]]
    for row in s.rows:
        rows.append([lay.p(esc(cell) if cell else "—", "cell") for cell in row.cells])
    if len(rows) > 1:
        flow += lay.tables(rows, [lay.width / len(labels)] * len(labels),
                           header_fills=[lay.colours[lab] for lab in labels])
    else:
        flow.append(lay.none("No fact is carried by two or more articles."))
    return flow + lay.more(s.more)


def pairs(lay: Layout, s: SharedPairsSection) -> list:
    flow = []
    for pair in s.pairs:
        if len(s.pairs) > 1:
            flow.append(lay.p(f"{lay.tag(pair.a)} and {lay.tag(pair.b)}", "h2"))
        if not pair.rows:
            flow.append(lay.none("These two articles share no facts."))
            continue
        rows = [[lay.outlet_head(pair.a), lay.outlet_head(pair.b), lay.p("Match", "head")]]
        for r in pair.rows:
            rows.append([
                lay.stack([lay.marked(f) for f in r.a]),
                lay.stack([lay.marked(f) for f in r.b]),
                [lay.p(f"<b>{esc(r.kind)}</b> {r.score:.2f}", "cell"), lay.p(esc(r.reason), "small")],
            ])
        w = lay.width
        flow += lay.tables(rows, [w * 0.37, w * 0.37, w * 0.26],
                           header_fills=[lay.colours[pair.a], lay.colours[pair.b], None])
        flow += lay.more(pair.more)
    return flow


def variants(lay: Layout, variants: tuple[NameVariant, ...]) -> list:
    if not variants:
        return []
    rows = [[lay.p(h, "head") for h in ("Actor", "Pair", "One calls them", "The other calls them", "Note")]]
    for v in variants:
        rows.append([lay.p(esc(x), "cell") for x in (v.actor, v.pair, v.a_form, v.b_form, v.note)])
    w = lay.width
    return [lay.p("How each outlet names the actors", "h2"),
            lay.table(rows, [w * 0.17, w * 0.07, w * 0.22, w * 0.22, w * 0.32])]
