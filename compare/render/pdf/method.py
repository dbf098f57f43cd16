"""7. Method and limits: how each score is made and how well it measured, the settings, the inputs, the tool."""
from __future__ import annotations

import compare
from compare.render.content import MethodSection
from compare.render.pdf.layout import Layout, esc


def section(lay: Layout, s: MethodSection) -> list:
    w = lay.width
    flow = []
    if s.notes:
        rows = [[lay.p("Score", "head"), lay.p("How it is made, and how well it measured", "head")]]
        rows += [[lay.p(esc(n.score), "cell"), lay.p(esc(n.text), "cell")] for n in s.notes]
        flow.append(lay.table(rows, [w * 0.24, w * 0.76]))
    else:
        flow.append(lay.none("The comparison carries no method notes."))
    if s.settings:
        flow.append(lay.p("Settings: " + esc("; ".join(f"{k} = {v}" for k, v in s.settings.items())), "small"))
    flow.append(lay.p("Inputs", "h2"))
    rows = [[lay.p(h, "head") for h in ("", "Source", "Read as", "SHA-256 of the text")]]
    for i in s.inputs:
        rows.append([lay.p(f"<b>{esc(i.label)}</b>", "cell"),
                     lay.p(f"{esc(i.source)}<br/><font color='{lay.t.colour_muted}'>{esc(i.outlet)} "
                           f"(outlet from: {esc(i.outlet_rule)})</font>", "small"),
                     lay.p(esc(i.reader), "small"), lay.p(esc(i.sha256), "small")])
    flow.append(lay.table(rows, [w * 0.05, w * 0.42, w * 0.1, w * 0.43]))
    flow.append(lay.p(
        f"Tool: newscompare {esc(s.tool_version or compare.__version__)} (data schema {s.schema_version}); "
        f"template: {esc(s.template)}; generated {esc(lay.generated.isoformat())}.", "small"))
    return flow
