"""The document around the sections: the story in template order, headings kept with their text, bookmarks, the
running header and the 'page X of Y' footer, and the one-page shrink."""
from __future__ import annotations

import io
from typing import Callable

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Frame, KeepInFrame, KeepTogether, PageTemplate

import compare
from compare.render.content import Section
from compare.render.pdf import conflicts, cover, method, omissions, shared, sources, summary, tone
from compare.render.pdf.layout import Layout, clip

# Space a heading needs below it on the page, else it starts the next page (style name -> points).
LEAD_SPACE = {"h1": 150, "h2": 100, "label": 70, "intro": 90, "caption": 90}
SECTIONS: dict[str, Callable[[Layout, Section], list]] = {
    "summary": summary.section, "shared": shared.section, "omissions": omissions.section,
    "conflicts": conflicts.section, "sources": sources.section, "tone": tone.section, "method": method.section,
}


def build(lay: Layout) -> bytes:
    """The PDF of the brief ``lay`` was made for."""
    buf = io.BytesIO()
    top, right, bottom, left = lay.margins
    articles = lay.c.articles
    doc = BaseDocTemplate(
        buf, pagesize=lay.page, leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
        title=f"{lay.c.title}: " + " / ".join(a.headline for a in articles)[:400],
        author=f"newscompare {compare.__version__}",
        subject="Comparison of " + ", ".join(f"{a.label}: {a.outlet}" for a in articles),
        keywords=["newscompare", "comparison brief"] + [a.outlet for a in articles],
        creator=f"newscompare {compare.__version__}", initialFontName=lay.fonts.regular,
    )
    frame = Frame(left, bottom, lay.width, lay.height, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    pending: list[tuple[str, str]] = []  # one-page briefs: outline entries put on page 1 by hand
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=lambda canvas, _: decorate(lay, canvas, pending))])
    doc.afterFlowable = lambda flowable: bookmark(doc.canv, flowable)
    story = cover.title_block(lay)
    for section in lay.c.sections:
        story.append(lay.heading(section.id, section.title))
        story.extend(SECTIONS[section.id](lay, section))
    story = _keep_headings_with_text(story)
    if lay.t.fit_one_page:
        # One page: shrink everything to fit; bookmarks go in by hand on page 1.
        story = [KeepInFrame(lay.width, lay.height, _unwrap(story), mode="shrink")]
        pending[:] = [(f"s-{s.id}", s.title) for s in lay.c.sections]
    doc.build(story, canvasmaker=numbered_canvas(lay))
    return buf.getvalue()


def _unwrap(story: list) -> list:
    """Flowables with KeepTogether groups opened up (KeepInFrame cannot draw them)."""
    flat = []
    for f in story:
        flat.extend(_unwrap(f._content) if isinstance(f, KeepTogether) else [f])
    return flat


def _keep_headings_with_text(story: list) -> list:
    """A conditional page break before each run of heading-like paragraphs, so none ends a page alone."""
    out, previous_lead = [], False
    for f in story:
        name = getattr(getattr(f, "style", None), "name", None)
        lead = name in LEAD_SPACE
        if lead and not previous_lead:
            out.append(CondPageBreak(LEAD_SPACE[name]))
        out.append(f)
        previous_lead = lead
    return out


def bookmark(canvas, flowable) -> None:
    mark = getattr(flowable, "_bookmark", None)
    if mark:
        key, title = mark
        canvas.bookmarkPage(key)
        canvas.addOutlineEntry(title, key, level=0)


def decorate(lay: Layout, canvas, pending: list[tuple[str, str]]) -> None:
    """Running header on every page; on one-page briefs, the outline entries too."""
    if lay.t.fit_one_page and pending:
        for key, title in pending:
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(title, key, level=0)
        pending.clear()
    if lay.t.header:
        header(lay, canvas)


def header(lay: Layout, canvas) -> None:
    """The title on the left; on the right each article's colour and letter, with its outlet where there is room."""
    top, right, _, left = lay.margins
    y = lay.page[1] - top + 8
    canvas.saveState()
    canvas.setStrokeColor(HexColor(lay.t.colour_rule))
    canvas.setLineWidth(0.5)
    canvas.line(left, y - 3, lay.page[0] - right, y - 3)
    canvas.setFont(lay.fonts.bold, lay.t.font_size - 1)
    canvas.setFillColor(HexColor(lay.t.colour_accent))
    canvas.drawString(left, y, lay.c.title[:80])
    x = lay.page[0] - right
    size = lay.t.font_size - 1.5
    room = x - left - canvas.stringWidth(lay.c.title[:80], lay.fonts.bold, lay.t.font_size - 1) - 12
    arts = lay.c.articles

    def key(a, named: bool) -> str:
        return f"{a.label} {clip(a.outlet, 28)}" if named else a.label

    def needs(named: bool) -> float:
        return sum(canvas.stringWidth(key(a, named), lay.fonts.regular, size) + 17 for a in arts)

    named = needs(True) <= room  # too many outlets for the line: letters only
    canvas.setFont(lay.fonts.regular, size)
    if not named and needs(False) > room:  # still too many: name the range, the cards on page 1 say the rest
        canvas.setFillColor(HexColor(lay.t.colour_muted))
        canvas.drawRightString(x, y, f"articles {arts[0].label}–{arts[-1].label} ({len(arts)}): see page 1")
        canvas.restoreState()
        return
    for a in reversed(arts):
        text = key(a, named)
        w = canvas.stringWidth(text, lay.fonts.regular, size)
        x -= w
        canvas.setFillColor(HexColor(lay.t.colour_muted))
        canvas.drawString(x, y, text)
        x -= 9
        canvas.setFillColor(HexColor(a.colour))
        canvas.setStrokeColor(HexColor("#1a1a1a"))
        canvas.rect(x, y - 0.5, 7, 7, fill=1, stroke=1)
        x -= 8
    canvas.restoreState()


def numbered_canvas(lay: Layout) -> type:
    """A canvas that knows the page count when it saves, for 'page X of Y' footers."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages = []

        def showPage(self):
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                if lay.t.footer:
                    footer(lay, self, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def footer(lay: Layout, canvas, total: int) -> None:
    _, right, bottom, left = lay.margins
    y = bottom - 14
    canvas.saveState()
    canvas.setFont(lay.fonts.regular, lay.t.font_size - 1.5)
    canvas.setFillColor(HexColor(lay.t.colour_muted))
    canvas.drawString(left, y, f"newscompare {compare.__version__} · generated {lay.generated.isoformat()}"
                               f" · template {lay.t.name}")
    canvas.drawRightString(lay.page[0] - right, y, f"page {canvas.getPageNumber()} of {total}")
    canvas.restoreState()
