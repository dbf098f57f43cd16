"""The top of page 1: title, subtitle and logo, one card per article, and a note on characters the font lacks."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Image, Table

from compare.render.content import ArticleCard
from compare.render.fonts import missing_chars
from compare.render.pdf.layout import WIDE, Layout, esc

OUTLET_RULE_NOTES = {"filename": "outlet name taken from the file name", "unknown": "outlet not known"}


def title_block(lay: Layout) -> list:
    flow = []
    title = [lay.p(esc(lay.c.title), "title")]
    if lay.c.subtitle:
        title.append(lay.p(esc(lay.c.subtitle), "subtitle"))
    if lay.t.logo:
        logo = Image(lay.t.logo)
        w = lay.t.logo_width_mm * mm
        logo.drawHeight, logo.drawWidth = logo.imageHeight * w / logo.imageWidth, w
        head = Table([[title, logo]], colWidths=[lay.width - w - 6, w + 6], hAlign="LEFT")
        flow.append(head)
    else:
        flow.extend(title)
    flow.append(article_cards(lay))
    missing = missing_chars(lay.fonts.regular, lay.c.rare_characters)
    if missing:
        sample = ", ".join(f"U+{ord(c):04X}" for c in missing[:8]) + (" …" if len(missing) > 8 else "")
        flow.append(lay.p(esc(f"Note: {len(missing)} kind{'s' if len(missing) != 1 else ''} of character in "
                              f"the articles ({sample}) have no glyph in the brief's font and print as boxes; "
                              "set fonts.regular in a template to a font that covers them."), "muted"))
    return flow


def article_cards(lay: Layout):
    articles = lay.c.articles
    n = len(articles)
    widths = [lay.width / n] * n
    if n > WIDE:
        widths = [lay.width * 0.2, lay.width * 0.8]
    cells = [card(lay, a) for a in articles]
    if n > WIDE:
        return lay.turned([(a.label, cell) for a, cell in zip(articles, cells)], widths)
    return lay.table([[lay.outlet_head(a.label) for a in articles], cells], widths,
                     header_fills=[a.colour for a in articles], zebra=False)


def card(lay: Layout, a: ArticleCard) -> list:
    facts = [f"{a.date or 'date unknown'}",
             f"{a.words:,} words in {a.sentences} sentences ({a.counted}) · {a.paragraphs} body paragraphs"]
    if a.authors:
        facts.insert(0, "by " + ", ".join(a.authors))
    cell = [lay.p(f"<b>{esc(a.headline)}</b>", "cell")]
    cell += [lay.p(esc(x), "small") for x in facts]
    if a.outlet_rule in OUTLET_RULE_NOTES:
        cell.append(lay.p(esc(OUTLET_RULE_NOTES[a.outlet_rule]), "muted"))
    cell.append(lay.p(esc(a.url or a.source), "muted"))
    return cell
