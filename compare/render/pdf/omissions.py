"""3. Only in one article: per article, the facts no other article carries, in reading order."""
from __future__ import annotations

from reportlab.platypus import Spacer

from compare.render.content import OmissionsSection
from compare.render.pdf.layout import Layout


def section(lay: Layout, s: OmissionsSection) -> list:
    flow = [lay.p("Facts that no other article carries, in the order the article tells them. "
                  "“¶” is the sentence number in the article.", "intro")]
    for art in s.articles:
        lab = art.label
        flow.append(lay.p(f"Only in {lay.tag(lab)} — {len(art.facts) + art.more} of {art.total} facts", "h2"))
        if not art.facts:
            flow.append(lay.none("Every fact of this article appears in another one."))
            continue
        rows = [[lay.p("¶", "head"), lay.outlet_head(lab)]]
        for f in art.facts:
            rows.append([lay.p(str(f.sentence), "small"), lay.p(lay.marked(f), "cell")])
        flow += lay.tables(rows, [lay.width * 0.06, lay.width * 0.94], header_fills=[None, lay.colours[lab]])
        flow += lay.more(art.more)
        if art.unsure:
            flow.append(lay.p(f"{art.unsure} more fact{'s' if art.unsure != 1 else ''} may be covered by "
                              "another article in other words; the engine is unsure, so they are not listed as "
                              "omissions.", "muted"))
        flow.append(Spacer(1, 4))
    return flow
