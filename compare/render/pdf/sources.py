"""5. Sources and quotes: per article, the sourcing figures of its profile, who is quoted, who is cited, and the
anonymous sourcing as written."""
from __future__ import annotations

from compare.profile.sourcing import UNATTRIBUTED
from compare.render.content import ArticleSources, SourcesSection
from compare.render.pdf.layout import Layout, esc


def section(lay: Layout, s: SourcesSection) -> list:
    flow = []
    for art in s.articles:
        flow.append(lay.p(f"{lay.tag(art.label)}", "h2"))
        flow.append(lay.p(esc("; ".join(figures(art))) + "."))
        flow += speakers(lay, art)
        prof = art.profile
        if prof and prof.anonymous_evidence:
            flow.append(lay.p("Anonymous sourcing, as written", "label"))
            flow += [lay.bullet(lay.marked(e)) for e in prof.anonymous_evidence]
    return flow


def figures(art: ArticleSources) -> list[str]:
    """The article's sourcing in a line: quotes, attributed sentences, named and anonymous sources, outlets cited."""
    prof = art.profile
    line = []
    if prof:
        if prof.quotes is not None:
            share = prof.quoted_word_share
            of_words = f" ({share:.0%} of the words)" if share is not None else ""
            line.append(f"{prof.quotes} quotes{of_words}")
        if prof.attributed_share is not None:
            line.append(f"{prof.attributed_share:.0%} of sentences attributed")
        if prof.named is not None:
            line.append(f"attributions: {prof.named} named, {prof.anonymous} anonymous")
    line.append(f"distinct sources: {art.named} named, {art.anonymous} anonymous")
    if prof and prof.outlets_cited:
        line.append("cites " + ", ".join(prof.outlets_cited))
    return line


def _kind(sp) -> str:
    """A quoted speaker's kind: anonymous, named, or unattributed (the quotes the engine found no speaker for)."""
    return "anonymous" if sp.anonymous else "unattributed" if sp.speaker == UNATTRIBUTED else "named"


def speakers(lay: Layout, art: ArticleSources) -> list:
    """The profile's quoted speakers, then the sources of the facts' quotes and attributions with examples."""
    w = lay.width
    flow = []
    quoted = art.profile.speakers if art.profile else ()
    if quoted:
        flow.append(lay.p("Quoted speakers", "label"))
        rows = [[lay.p(h, "head") for h in ("Speaker", "Kind", "Quotes", "Quoted words", "Share")]]
        for sp in quoted:
            rows.append([lay.p(esc(sp.speaker), "cell"), lay.p(_kind(sp), "cell"),
                         lay.p(str(sp.quotes), "cell"), lay.p(str(sp.words), "cell"),
                         lay.p(f"{sp.share:.0%}" if sp.share is not None else "—", "cell")])
        flow += lay.tables(rows, [w * 0.4, w * 0.15, w * 0.12, w * 0.17, w * 0.16])
    if art.speakers:
        flow.append(lay.p("Quotes and attributions in the facts", "label"))
        rows = [[lay.p(h, "head") for h in ("Source", "Kind", "Quotes", "Cited", "Example")]]
        for sp in art.speakers:
            rows.append([lay.p(esc(sp.name), "cell"), lay.p(esc(sp.kind), "cell"),
                         lay.p(str(sp.quotes), "cell"), lay.p(str(sp.attributions), "cell"),
                         lay.stack([esc(x) for x in sp.examples])])
        flow += lay.tables(rows, [w * 0.2, w * 0.14, w * 0.08, w * 0.08, w * 0.5])
    elif not quoted:
        flow.append(lay.none("No quotes or attributed sources were found in this article."))
    return flow
