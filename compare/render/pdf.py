"""Lay a brief out as a PDF with ReportLab platypus: the content of compare.render.brief, styled by a template.

Article text is data, never markup: every string that reaches a Paragraph goes through :func:`esc`.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import compare
from compare.model import Comparison
from compare.render import brief as content_mod
from compare.render.charts import ChartStyle, contrast_text
from compare.render.output import write_bytes
from compare.render.templates import Template, load_template
from compare.textsafe import strip_unsafe

_NONCHARACTERS = re.compile("[\ufffe\uffff]")  # not characters at all; ReportLab's fonts have no glyph for them
OUTLET_RULE_NOTES = {"filename": "outlet name taken from the file name", "unknown": "outlet not known"}
KIND_NAMES = {"number": "number", "date": "date", "actor": "name", "quote": "quote", "attribution": "source",
              "other": "other"}


def write_brief(comparison: Comparison, path, *, template: Template | str | Path = "default",
                generated: dt.datetime | None = None) -> Path:
    """Write the PDF brief of ``comparison`` to ``path`` (atomically; "-" is standard output when not a terminal)."""
    return write_bytes(path, render_brief(comparison, template=template, generated=generated), binary=True)


def render_brief(comparison: Comparison, *, template: Template | str | Path = "default",
                 generated: dt.datetime | None = None) -> bytes:
    """The PDF brief of ``comparison`` as bytes."""
    tpl = template if isinstance(template, Template) else load_template(template)
    content = content_mod.brief_content(comparison, tpl)
    generated = generated or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    return _Layout(content, tpl, generated).build()


def esc(text) -> str:
    """Plain text made safe for a ReportLab Paragraph: entities escaped, controls, bidi overrides and noncharacters dropped."""
    text = _NONCHARACTERS.sub("", strip_unsafe("" if text is None else str(text)))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _unwrap(story: list) -> list:
    """Flowables with KeepTogether groups opened up (KeepInFrame cannot draw them)."""
    from reportlab.platypus import KeepTogether

    flat = []
    for f in story:
        flat.extend(_unwrap(f._content) if isinstance(f, KeepTogether) else [f])
    return flat


# Space a heading needs below it on the page, else it starts the next page (style name -> points).
LEAD_SPACE = {"h1": 150, "h2": 100, "label": 70, "intro": 90, "caption": 90}


def _keep_headings_with_text(story: list) -> list:
    """A conditional page break before each run of heading-like paragraphs, so none ends a page alone."""
    from reportlab.platypus import CondPageBreak

    out, previous_lead = [], False
    for f in story:
        name = getattr(getattr(f, "style", None), "name", None)
        lead = name in LEAD_SPACE
        if lead and not previous_lead:
            out.append(CondPageBreak(LEAD_SPACE[name]))
        out.append(f)
        previous_lead = lead
    return out


WIDE = 4  # more articles than this: tables of articles side by side are turned (an article per row)
CHART_SERIES = 6  # more articles than this: bar charts with a bar per article become tables
VERDICT_MARKS = {"same event": "=", "related events": "~", "different events": "·"}


class _Layout:
    """Builds the flowables of one brief and the page decorations around them."""

    def __init__(self, content: dict, template: Template, generated: dt.datetime):
        from reportlab.lib import pagesizes
        from reportlab.lib.units import mm

        from compare.render.fonts import register_family

        self.c, self.t, self.generated = content, template, generated
        self.fonts = register_family(template.font_regular, template.font_bold, template.font_italic)
        size = pagesizes.A4 if template.page_size == "A4" else pagesizes.LETTER
        self.page = pagesizes.landscape(size) if template.landscape else pagesizes.portrait(size)
        top, right, bottom, left = (m * mm for m in template.margins_mm)
        self.margins = top, right, bottom, left
        self.width = self.page[0] - left - right
        self.height = self.page[1] - top - bottom
        self.colours = {a["label"]: a["colour"] for a in content["articles"]}
        self.outlets = {a["label"]: a["outlet"] for a in content["articles"]}
        self.styles = self._styles()
        self.chart_style = ChartStyle(self.fonts.regular, self.fonts.bold, template.font_size, template.colour_text,
                                      template.colour_muted, template.colour_highlight)
        self.sections_done: list[tuple[str, str]] = []

    # ------------------------------------------------------------------ styles and small pieces

    def _styles(self) -> dict:
        from reportlab.lib.colors import HexColor
        from reportlab.lib.styles import ParagraphStyle

        t, f = self.t, self.fonts
        size = t.font_size
        base = ParagraphStyle("body", fontName=f.regular, fontSize=size, leading=size * 1.32,
                              textColor=HexColor(t.colour_text), splitLongWords=1, spaceAfter=size * 0.35,
                              bulletFontName=f.regular)
        return {
            "body": base,
            "small": ParagraphStyle("small", base, fontSize=size - 1, leading=(size - 1) * 1.3, spaceAfter=0),
            "muted": ParagraphStyle("muted", base, fontSize=size - 1, leading=(size - 1) * 1.3,
                                    textColor=HexColor(t.colour_muted)),
            "intro": ParagraphStyle("intro", base, fontSize=size - 1, leading=(size - 1) * 1.3,
                                    textColor=HexColor(t.colour_muted)),
            "caption": ParagraphStyle("caption", base, fontSize=size - 1, leading=(size - 1) * 1.3,
                                      spaceAfter=size * 0.2),
            "label": ParagraphStyle("label", base, fontName=f.bold, fontSize=size - 1, leading=(size - 1) * 1.3,
                                    spaceBefore=size * 0.5, spaceAfter=size * 0.2),
            "gap": ParagraphStyle("gap", base, fontSize=size - 0.5, leading=(size - 0.5) * 1.28,
                                  spaceAfter=size * 0.45),
            "cell": ParagraphStyle("cell", base, fontSize=size - 0.5, leading=(size - 0.5) * 1.28, spaceAfter=0),
            "head": ParagraphStyle("head", base, fontName=f.bold, fontSize=size - 0.5, leading=(size - 0.5) * 1.25,
                                   spaceAfter=0),
            "title": ParagraphStyle("title", base, fontName=f.bold, fontSize=t.heading_size * 1.45,
                                    leading=t.heading_size * 1.75, textColor=HexColor(t.colour_accent), spaceAfter=2),
            "subtitle": ParagraphStyle("subtitle", base, fontSize=size + 1.5, leading=(size + 1.5) * 1.3,
                                       textColor=HexColor(t.colour_muted), spaceAfter=size),
            "h1": ParagraphStyle("h1", base, fontName=f.bold, fontSize=t.heading_size, leading=t.heading_size * 1.25,
                                 textColor=HexColor(t.colour_accent), spaceBefore=t.heading_size * 0.6,
                                 spaceAfter=t.heading_size * 0.35),
            "h2": ParagraphStyle("h2", base, fontName=f.bold, fontSize=size + 2, leading=(size + 2) * 1.25,
                                 textColor=HexColor(t.colour_text), spaceBefore=size * 0.8, spaceAfter=size * 0.3),
            "bullet": ParagraphStyle("bullet", base, leftIndent=size * 1.4, bulletIndent=size * 0.3,
                                     spaceAfter=size * 0.2),
        }

    def p(self, markup: str, style: str = "body"):
        from reportlab.platypus import Paragraph

        return Paragraph(markup, self.styles[style])

    def marked(self, item: dict) -> str:
        """Escaped text with its marked spans highlighted (bold on the highlight colour)."""
        text, marks = item["text"], item.get("marks") or []
        out, pos = [], 0
        for start, end in marks:
            out.append(esc(text[pos:start]))
            out.append(f'<span backColor="{self.t.colour_highlight}"><b>{esc(text[start:end])}</b></span>')
            pos = end
        out.append(esc(text[pos:]))
        return "".join(out)

    def highlight(self, text: str) -> str:
        """All of ``text``, escaped and highlighted."""
        return self.marked({"text": text, "marks": [[0, len(text)]] if text else []})

    def quiet(self, text: str) -> str:
        """``text`` escaped, in the muted colour."""
        return f"<font color='{self.t.colour_muted}'>{esc(text)}</font>"

    def tag(self, label: str) -> str:
        """'A · Outlet' in bold, for running text."""
        return f"<b>{esc(label)}</b> · {esc(self.outlets.get(label, ''))}"

    def stack(self, markups: list[str]) -> list:
        """Paragraphs for one table cell, spaced apart when there are several."""
        return [self.p(m, "gap" if n < len(markups) - 1 else "cell") for n, m in enumerate(markups)]

    def reasons(self, reasons: list[dict]) -> list:
        """The verdict's reasons as +/− bullets, with the fact ids they rest on."""
        flow = []
        for r in reasons:
            sign = "+" if r["weight"] > 0 else "−" if r["weight"] < 0 else "·"
            evidence = f" <font color='{self.t.colour_muted}'>[{esc(', '.join(r['evidence']))}]</font>" \
                if r["evidence"] else ""
            flow.append(self.p(f"{esc(r['text'])}{evidence}", "bullet"))
            flow[-1].bulletText = sign
        return flow

    def outlet_head(self, label: str):
        """A table header cell in the outlet's colour with readable text."""
        from reportlab.lib.styles import ParagraphStyle

        style = ParagraphStyle("ohead", self.styles["head"], textColor=contrast_text(self.colours[label]))
        from reportlab.platypus import Paragraph

        return Paragraph(f"{esc(label)} · {esc(self.outlets[label])}", style)

    def table(self, rows: list[list], widths: list[float], *, header_fills: list[str | None] | None = None,
              zebra: bool = True, header: bool = True):
        """A table that splits across pages (rows too), repeating its header row."""
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import Table, TableStyle

        table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1, hAlign="LEFT")
        cmds = [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(self.t.colour_rule)),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            cmds.append(("BACKGROUND", (0, 0), (-1, 0), HexColor("#e8e8e8")))
            cmds.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(self.t.colour_text)))
            for col, fill in enumerate(header_fills or []):
                if fill:
                    cmds.append(("BACKGROUND", (col, 0), (col, 0), HexColor(fill)))
        if zebra and len(rows) > 2:
            cmds.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [None, HexColor("#f5f5f5")]))
        table.setStyle(TableStyle(cmds))
        return table

    def turned(self, rows: list[tuple[str, list]], widths: list[float], head: list | None = None,
               groups: list[int] | None = None):
        """A table with an article per row, its first cell the outlet in its colour (for many articles, where
        a column per article would break words); groups numbers rows so that a group shares one shade."""
        from reportlab.lib.colors import HexColor

        data = ([head] if head else []) + [[self.outlet_head(label), *cells] for label, *cells in rows]
        table = self.table(data, widths, header=bool(head), zebra=False)
        first = 1 if head else 0
        cmds = [("BACKGROUND", (0, first + k), (0, first + k), HexColor(self.colours[row[0]]))
                for k, row in enumerate(rows)]
        for k, group in enumerate(groups or []):
            if group % 2:
                cmds.append(("BACKGROUND", (1, first + k), (-1, first + k), HexColor("#f5f5f5")))
            if k and group != groups[k - 1]:
                cmds.append(("LINEABOVE", (0, first + k), (-1, first + k), 0.9, HexColor(self.t.colour_text)))
        table.setStyle(cmds)
        return table

    def heading(self, section_id: str, title: str):
        from reportlab.platypus import Paragraph

        heading = Paragraph(esc(title), self.styles["h1"])
        heading._bookmark = (f"s-{section_id}", title)
        return heading

    def none(self, text: str):
        return self.p(f"<i>{esc(text)}</i>", "muted")

    # ------------------------------------------------------------------ document

    def build(self) -> bytes:
        from reportlab.platypus import BaseDocTemplate, Frame, KeepInFrame, PageTemplate

        buf = io.BytesIO()
        top, right, bottom, left = self.margins
        articles = self.c["articles"]
        doc = BaseDocTemplate(
            buf, pagesize=self.page, leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
            title=f"{self.c['title']}: " + " / ".join(a["headline"] for a in articles)[:400],
            author=f"newscompare {compare.__version__}",
            subject="Comparison of " + ", ".join(f"{a['label']}: {a['outlet']}" for a in articles),
            keywords=["newscompare", "comparison brief"] + [a["outlet"] for a in articles],
            creator=f"newscompare {compare.__version__}", initialFontName=self.fonts.regular,
        )
        frame = Frame(left, bottom, self.width, self.height, id="body", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("page", [frame], onPage=self.decorate)])
        doc.afterFlowable = lambda flowable: self.bookmark(doc.canv, flowable)
        story = self.title_block()
        for section in self.c["sections"]:
            story.append(self.heading(section["id"], section["title"]))
            story.extend(getattr(self, f"section_{section['id']}")(section))
        story = _keep_headings_with_text(story)
        if self.t.fit_one_page:
            # One page: shrink everything to fit; bookmarks go in by hand on page 1.
            story = [KeepInFrame(self.width, self.height, _unwrap(story), mode="shrink")]
            self.sections_done = [(f"s-{s['id']}", s["title"]) for s in self.c["sections"]]
        doc.build(story, canvasmaker=self.canvas_class())
        return buf.getvalue()

    def bookmark(self, canvas, flowable) -> None:
        mark = getattr(flowable, "_bookmark", None)
        if mark:
            key, title = mark
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(title, key, level=0)

    def decorate(self, canvas, doc) -> None:
        """Running header on every page; on one-page briefs, the outline entries too."""
        from reportlab.lib.colors import HexColor

        if self.t.fit_one_page and self.sections_done:
            for key, title in self.sections_done:
                canvas.bookmarkPage(key)
                canvas.addOutlineEntry(title, key, level=0)
            self.sections_done = []
        if not self.t.header:
            return
        top, right, _, left = self.margins
        y = self.page[1] - top + 8
        canvas.saveState()
        canvas.setStrokeColor(HexColor(self.t.colour_rule))
        canvas.setLineWidth(0.5)
        canvas.line(left, y - 3, self.page[0] - right, y - 3)
        canvas.setFont(self.fonts.bold, self.t.font_size - 1)
        canvas.setFillColor(HexColor(self.t.colour_accent))
        canvas.drawString(left, y, self.c["title"][:80])
        x = self.page[0] - right
        size = self.t.font_size - 1.5
        room = x - left - canvas.stringWidth(self.c["title"][:80], self.fonts.bold, self.t.font_size - 1) - 12

        def key(a, named: bool) -> str:
            return f"{a['label']} {_clip(a['outlet'], 28)}" if named else a["label"]

        def needs(named: bool) -> float:
            return sum(canvas.stringWidth(key(a, named), self.fonts.regular, size) + 17 for a in self.c["articles"])

        named = needs(True) <= room  # too many outlets for the line: letters only
        canvas.setFont(self.fonts.regular, size)
        if not named and needs(False) > room:  # still too many: name the range, the cards on page 1 say the rest
            arts = self.c["articles"]
            canvas.setFillColor(HexColor(self.t.colour_muted))
            canvas.drawRightString(x, y, f"articles {arts[0]['label']}–{arts[-1]['label']} ({len(arts)}): see page 1")
            canvas.restoreState()
            return
        for a in reversed(self.c["articles"]):
            text = key(a, named)
            w = canvas.stringWidth(text, self.fonts.regular, size)
            x -= w
            canvas.setFillColor(HexColor(self.t.colour_muted))
            canvas.drawString(x, y, text)
            x -= 9
            canvas.setFillColor(HexColor(a["colour"]))
            canvas.setStrokeColor(HexColor("#1a1a1a"))
            canvas.rect(x, y - 0.5, 7, 7, fill=1, stroke=1)
            x -= 8
        canvas.restoreState()

    def canvas_class(self):
        """A canvas that knows the page count when it saves, for 'page X of Y' footers."""
        from reportlab.pdfgen.canvas import Canvas

        layout = self

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
                    if layout.t.footer:
                        layout.footer(self, total)
                    Canvas.showPage(self)
                Canvas.save(self)

        return NumberedCanvas

    def footer(self, canvas, total: int) -> None:
        from reportlab.lib.colors import HexColor

        _, right, bottom, left = self.margins
        y = bottom - 14
        canvas.saveState()
        canvas.setFont(self.fonts.regular, self.t.font_size - 1.5)
        canvas.setFillColor(HexColor(self.t.colour_muted))
        canvas.drawString(left, y, f"newscompare {compare.__version__} · generated {self.generated.isoformat()}"
                                   f" · template {self.t.name}")
        canvas.drawRightString(self.page[0] - right, y, f"page {canvas.getPageNumber()} of {total}")
        canvas.restoreState()

    # ------------------------------------------------------------------ title and article cards

    def title_block(self) -> list:
        from reportlab.lib.units import mm
        from reportlab.platypus import Image, Table

        flow = []
        title = [self.p(esc(self.c["title"]), "title")]
        if self.c["subtitle"]:
            title.append(self.p(esc(self.c["subtitle"]), "subtitle"))
        if self.t.logo:
            logo = Image(self.t.logo)
            w = self.t.logo_width_mm * mm
            logo.drawHeight, logo.drawWidth = logo.imageHeight * w / logo.imageWidth, w
            head = Table([[title, logo]], colWidths=[self.width - w - 6, w + 6], hAlign="LEFT")
            flow.append(head)
        else:
            flow.extend(title)
        flow.append(self.article_cards())
        from compare.render.fonts import missing_chars

        missing = missing_chars(self.fonts.regular, self.c.get("rare_characters", ""))
        if missing:
            sample = ", ".join(f"U+{ord(c):04X}" for c in missing[:8]) + (" …" if len(missing) > 8 else "")
            flow.append(self.p(esc(f"Note: {len(missing)} kind{'s' if len(missing) != 1 else ''} of character in "
                                   f"the articles ({sample}) have no glyph in the brief's font and print as boxes; "
                                   "set fonts.regular in a template to a font that covers them."), "muted"))
        return flow

    def article_cards(self):
        articles = self.c["articles"]
        n = len(articles)
        widths = [self.width / n] * n
        if n > WIDE:
            widths = [self.width * 0.2, self.width * 0.8]
        cells = []
        for a in articles:
            facts = [f"{a['date'] or 'date unknown'}",
                     f"{a['words']:,} words in {a['sentences']} sentences ({a['counted']}) · {a['paragraphs']} body paragraphs"]
            if a["authors"]:
                facts.insert(0, "by " + ", ".join(a["authors"]))
            cell = [self.p(f"<b>{esc(a['headline'])}</b>", "cell")]
            cell += [self.p(esc(x), "small") for x in facts]
            if a["outlet_rule"] in OUTLET_RULE_NOTES:
                cell.append(self.p(esc(OUTLET_RULE_NOTES[a["outlet_rule"]]), "muted"))
            cell.append(self.p(esc(a["url"] or a["source"]), "muted"))
            cells.append(cell)
        if n > WIDE:
            return self.turned([(a["label"], cell) for a, cell in zip(articles, cells)], widths)
        return self.table([[self.outlet_head(a["label"]) for a in articles], cells], widths,
                          header_fills=[a["colour"] for a in articles], zebra=False)

    # ------------------------------------------------------------------ 1. summary

    def section_summary(self, s: dict) -> list:
        from reportlab.platypus import KeepTogether, Spacer

        from compare.render.charts import overlap_figure

        flow = []
        if len(s["pairs"]) == 1:
            pair = s["pairs"][0]
            flow.append(self.p(f"Same event? Verdict: {esc(pair['verdict'])} (score {pair['score']:.2f})", "h2"))
            flow.append(self.p(esc(pair["verdict_text"])))
            flow += self.reasons(pair["reasons"])
        elif len(self.c["articles"]) > WIDE:
            flow += self.verdict_grid(s["pairs"])
        elif s["pairs"]:
            flow.append(self.p("Same event?", "h2"))
            rows = [[self.p(h, "head") for h in ("Pair", "Verdict", "Why")]]
            for pair in s["pairs"]:
                rows.append([self.p(f"<b>{esc(pair['pair'])}</b>", "cell"),
                             self.p(f"<b>{esc(pair['verdict'])}</b> ({pair['score']:.2f})", "cell"),
                             self.reasons(pair["reasons"][:3])])
            w = self.width
            flow.append(self.table(rows, [w * 0.08, w * 0.2, w * 0.72]))
        overlap = s["overlap"]
        rows = [(f"{lab} · {_clip(self.outlets[lab], 22)}", self.colours[lab], overlap[lab]) for lab in overlap]
        caption = "; ".join(
            f"{lab}: {o['shared'] + o['partial']} of {o['total']} facts shared or partly shared, "
            f"{o['conflicting']} conflicting, {o['only']} only here"
            + (f" ({o['unsure']} of them possibly covered: the engine is unsure)" if o.get("unsure") else "")
            for lab, o in overlap.items())
        others = "the other article" if len(overlap) == 2 else "at least one other article"
        flow.append(KeepTogether([
            self.p("How much is shared", "h2"),
            self.p(f"Each bar is one article’s facts, by what {others} does with them.", "muted"),
            Spacer(1, 2), overlap_figure(rows, self.width, self.chart_style), self.p(esc(caption) + ".", "muted")]))
        flow.append(self.p("What to notice first", "h2"))
        if s["differences"]:
            for n, d in enumerate(s["differences"], 1):
                item = self.p(f"{esc(d['text'])} {self.quiet('(' + d['kind'] + ')')}", "bullet")
                item.bulletText = f"{n}."
                flow.append(item)
        else:
            flow.append(self.none("The comparison lists no differences."))
        flow.append(self.p("Key conflicts", "h2"))
        if not s["conflicts"]:
            flow.append(self.none("No conflicting facts were found: where the articles overlap, "
                                  "their numbers, dates, names and quotes agree."))
        else:
            rows = [[self.p("What", "head"), self.p("Pair", "head"), self.p("One says", "head"),
                     self.p("The other says", "head")]]
            for c in s["conflicts"]:
                rows.append([
                    self.p(esc(KIND_NAMES.get(c["kind"], c["kind"])), "cell"), self.p(esc(c["pair"]), "cell"),
                    self.p(f"<b>{esc(c['a'])}:</b> " + self.highlight(c["a_value"]), "cell"),
                    self.p(f"<b>{esc(c['b'])}:</b> " + self.highlight(c["b_value"]), "cell"),
                ])
            w = self.width
            flow.append(self.table(rows, [w * 0.14, w * 0.1, w * 0.38, w * 0.38]))
        return flow

    def verdict_grid(self, pairs: list[dict]) -> list:
        """Many articles: the verdict of every pair in a grid, then the reasons for the pairs that are about the
        same or related events (the other pairs' reasons are in the JSON output)."""
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import KeepTogether

        labels = [a["label"] for a in self.c["articles"]]
        verdict = {(p["a"], p["b"]): p["verdict"] for p in pairs}
        verdict.update({(b, a): v for (a, b), v in list(verdict.items())})
        flow = [self.p("Same event?", "h2"), self.p(
            "Each cell is the verdict for the articles of its row and column: = same event, ~ related events, "
            "· different events.", "muted")]
        cell = min(18.0, (self.width - 24) / len(labels))
        for start in range(0, len(labels), int((self.width - 24) // cell)):
            cols = labels[start:start + int((self.width - 24) // cell)]
            rows = [[""] + cols]
            for row in labels:
                rows.append([row] + ["" if row == col else VERDICT_MARKS.get(verdict.get((row, col)), "?")
                                     for col in cols])
            table = self.table(rows, [24] + [cell] * len(cols), zebra=False)
            cmds = [("FONTSIZE", (0, 0), (-1, -1), self.t.font_size - 2), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]
            for k, lab in enumerate(cols, 1):
                cmds.append(("BACKGROUND", (k, 0), (k, 0), HexColor(self.colours[lab])))
                cmds.append(("TEXTCOLOR", (k, 0), (k, 0), HexColor(contrast_text(self.colours[lab]))))
            for k, lab in enumerate(labels, 1):
                cmds.append(("BACKGROUND", (0, k), (0, k), HexColor(self.colours[lab])))
                cmds.append(("TEXTCOLOR", (0, k), (0, k), HexColor(contrast_text(self.colours[lab]))))
                for j, col in enumerate(cols, 1):
                    if verdict.get((lab, col)) in ("same event", "related events"):
                        cmds.append(("BACKGROUND", (j, k), (j, k), HexColor("#d9d9d9")))
            table.setStyle(cmds)
            flow.append(KeepTogether([table]) if len(labels) < 40 else table)
        close = [p for p in pairs if p["verdict"] != "different events"]
        if close:
            flow.append(self.p("Pairs about the same or related events", "label"))
            rows = [[self.p(h, "head") for h in ("Pair", "Verdict", "Why")]]
            for pair in close:
                rows.append([self.p(f"<b>{esc(pair['pair'])}</b>", "cell"),
                             self.p(f"<b>{esc(pair['verdict'])}</b> ({pair['score']:.2f})", "cell"),
                             self.reasons(pair["reasons"][:2])])
            w = self.width
            flow.append(self.table(rows, [w * 0.08, w * 0.2, w * 0.72]))
        apart = len(pairs) - len(close)
        if apart:
            flow.append(self.p(f"{apart} pairs are about different events; their reasons are in the JSON output "
                               "(newscompare compare).", "muted"))
        return flow

    def value_table(self, names: list[str], rows: list[tuple[str, list[str]]], first: str) -> list:
        """Values per article (a row each) and per name (a column each, six to a table): many articles' charts."""
        flow = []
        for start in range(0, len(names), 6):
            cols = names[start:start + 6]
            head = [self.p(first, "head")] + [self.p(esc(n), "small") for n in cols]
            body = [(lab, *[self.p(v, "cell") for v in values[start:start + 6]]) for lab, values in rows]
            flow.append(self.turned(body, [self.width * 0.2] + [self.width * 0.8 / len(cols)] * len(cols), head))
        return flow

    # ------------------------------------------------------------------ 2. shared facts

    def section_shared(self, s: dict) -> list:
        flow = []
        if s["mode"] == "matrix":
            labels = s["columns"]
            flow.append(self.p("Facts carried by two or more articles; a dash means the article does not carry it.",
                               "intro"))
            rows = [[self.outlet_head(lab) for lab in labels]]
            for row in s["rows"]:
                rows.append([self.p(esc(cell) if cell else "—", "cell") for cell in row["cells"]])
            if len(labels) > WIDE and s["rows"]:
                flow[-1] = self.p("Facts carried by two or more articles: each numbered fact, as each article that "
                                  "carries it words it.", "intro")
                turned, groups = [], []
                for k, row in enumerate(s["rows"], 1):
                    carried = [(lab, cell) for lab, cell in zip(labels, row["cells"]) if cell]
                    for lab, cell in carried:
                        turned.append((lab, self.p(str(k) if not groups or groups[-1] != k else "", "small"),
                                       self.p(esc(cell), "cell")))
                        groups.append(k)
                head = [self.p(h, "head") for h in ("Article", "Fact", "How it is told")]
                flow.append(self.turned(turned, [self.width * 0.2, self.width * 0.07, self.width * 0.73], head,
                                        groups))
            elif len(rows) > 1:
                flow.append(self.table(rows, [self.width / len(labels)] * len(labels),
                                       header_fills=[self.colours[lab] for lab in labels]))
            else:
                flow.append(self.none("No fact is carried by two or more articles."))
            flow += self._more(s["more"])
        else:
            for pair in s["pairs"]:
                if len(s["pairs"]) > 1:
                    flow.append(self.p(f"{self.tag(pair['a'])} and {self.tag(pair['b'])}", "h2"))
                if not pair["rows"]:
                    flow.append(self.none("These two articles share no facts."))
                    continue
                rows = [[self.outlet_head(pair["a"]), self.outlet_head(pair["b"]), self.p("Match", "head")]]
                for r in pair["rows"]:
                    rows.append([
                        self.stack([self.marked(f) for f in r["a"]]),
                        self.stack([self.marked(f) for f in r["b"]]),
                        [self.p(f"<b>{esc(r['kind'])}</b> {r['score']:.2f}", "cell"),
                         self.p(esc(r["reason"]), "small")],
                    ])
                w = self.width
                flow.append(self.table(rows, [w * 0.37, w * 0.37, w * 0.26],
                                       header_fills=[self.colours[pair["a"]], self.colours[pair["b"]], None]))
                flow += self._more(pair["more"])
        if s["variants"]:
            flow.append(self.p("How each outlet names the actors", "h2"))
            rows = [[self.p(h, "head") for h in ("Actor", "Pair", "One calls them", "The other calls them", "Note")]]
            for v in s["variants"]:
                rows.append([self.p(esc(v[k]), "cell") for k in ("actor", "pair", "a_form", "b_form", "note")])
            w = self.width
            flow.append(self.table(rows, [w * 0.17, w * 0.07, w * 0.22, w * 0.22, w * 0.32]))
        return flow

    def _more(self, more: int) -> list:
        if not more:
            return []
        return [self.p(f"… and {more} more (raise tables.max_rows in the template to see them).", "muted")]

    # ------------------------------------------------------------------ 3. omissions

    def section_omissions(self, s: dict) -> list:
        from reportlab.platypus import Spacer

        flow = [self.p("Facts that no other article carries, in the order the article tells them. "
                       "“¶” is the sentence number in the article.", "intro")]
        for art in s["articles"]:
            lab = art["label"]
            flow.append(self.p(f"Only in {self.tag(lab)} — {len(art['facts']) + art['more']} of {art['total']} facts",
                               "h2"))
            if not art["facts"]:
                flow.append(self.none("Every fact of this article appears in another one."))
                continue
            rows = [[self.p("¶", "head"), self.outlet_head(lab)]]
            for f in art["facts"]:
                rows.append([self.p(str(f["sentence"]), "small"), self.p(self.marked(f), "cell")])
            flow.append(self.table(rows, [self.width * 0.06, self.width * 0.94],
                                   header_fills=[None, self.colours[lab]]))
            flow += self._more(art["more"])
            if art.get("unsure"):
                flow.append(self.p(f"{art['unsure']} more fact{'s' if art['unsure'] != 1 else ''} may be covered by "
                                   "another article in other words; the engine is unsure, so they are not listed as "
                                   "omissions.", "muted"))
            flow.append(Spacer(1, 4))
        return flow

    # ------------------------------------------------------------------ 4. conflicts

    def section_conflicts(self, s: dict) -> list:
        from reportlab.platypus import Spacer

        if not s["items"]:
            return [self.none("No conflicting facts were found.")]
        flow = [self.p("Where two articles report the same fact with different values. "
                       "The values in conflict are highlighted.", "intro")]
        w = self.width
        for item in s["items"]:
            kinds = ", ".join(KIND_NAMES.get(v["kind"], v["kind"]) for v in item["values"]) or "other"
            rows = [[self.outlet_head(item["a"]), self.outlet_head(item["b"])]]
            rows.append([self.stack([self.marked(f) for f in item["a_facts"]]),
                         self.stack([self.marked(f) for f in item["b_facts"]])])
            for v in item["values"]:
                detail = f" <font color='{self.t.colour_muted}'>({esc(v['detail'])})</font>" if v["detail"] else ""
                rows.append([
                    self.p(f"{esc(KIND_NAMES.get(v['kind'], v['kind']))}: " + self.highlight(v["a"]), "small"),
                    self.p(self.highlight(v["b"]) + detail, "small"),
                ])
            flow.append(self.p(f"{esc(item['pair'])}: {esc(kinds)} <font color='{self.t.colour_muted}'>"
                               f"(match {item['score']:.2f}) — {esc(item['reason'])}</font>", "caption"))
            fills = [self.colours[item["a"]], self.colours[item["b"]]]
            flow.append(self.table(rows, [w / 2, w / 2], header_fills=fills, zebra=False))
            flow.append(Spacer(1, 6))
        return flow + self._more(s["more"])

    # ------------------------------------------------------------------ 5. sources

    def section_sources(self, s: dict) -> list:
        flow = []
        w = self.width
        for art in s["articles"]:
            lab = art["label"]
            flow.append(self.p(f"{self.tag(lab)}", "h2"))
            prof = art.get("profile")
            line = []
            if prof:
                if prof["quotes"] is not None:
                    share = prof["quoted_word_share"]
                    of_words = f" ({share:.0%} of the words)" if share is not None else ""
                    line.append(f"{prof['quotes']} quotes{of_words}")
                if prof["attributed_share"] is not None:
                    line.append(f"{prof['attributed_share']:.0%} of sentences attributed")
                if prof["named"] is not None:
                    line.append(f"attributions: {prof['named']} named, {prof['anonymous']} anonymous")
            line.append(f"distinct sources: {art['named']} named, {art['anonymous']} anonymous")
            if prof and prof["outlets_cited"]:
                line.append("cites " + ", ".join(prof["outlets_cited"]))
            flow.append(self.p(esc("; ".join(line)) + "."))
            speakers = art["speakers"]
            if prof and prof["speakers"]:
                flow.append(self.p("Quoted speakers", "label"))
                rows = [[self.p(h, "head") for h in ("Speaker", "Kind", "Quotes", "Quoted words", "Share")]]
                for sp in prof["speakers"]:
                    rows.append([self.p(esc(sp["speaker"]), "cell"),
                                 self.p("anonymous" if sp["anonymous"] else "named", "cell"),
                                 self.p(str(sp["quotes"]), "cell"), self.p(str(sp["words"]), "cell"),
                                 self.p(f"{sp['share']:.0%}" if sp["share"] is not None else "—", "cell")])
                flow.append(self.table(rows, [w * 0.4, w * 0.15, w * 0.12, w * 0.17, w * 0.16]))
            if speakers:
                flow.append(self.p("Quotes and attributions in the facts", "label"))
                rows = [[self.p(h, "head") for h in ("Source", "Kind", "Quotes", "Cited", "Example")]]
                for sp in speakers:
                    rows.append([self.p(esc(sp["name"]), "cell"), self.p(esc(sp["kind"]), "cell"),
                                 self.p(str(sp["quotes"]), "cell"), self.p(str(sp["attributions"]), "cell"),
                                 self.stack([esc(x) for x in sp["examples"]])])
                flow.append(self.table(rows, [w * 0.2, w * 0.11, w * 0.08, w * 0.08, w * 0.53]))
            elif not (prof and prof["speakers"]):
                flow.append(self.none("No quotes or attributed sources were found in this article."))
            if prof and prof["anonymous_evidence"]:
                flow.append(self.p("Anonymous sourcing, as written", "label"))
                for e in prof["anonymous_evidence"]:
                    flow.append(self.p(self.marked(e), "bullet"))
                    flow[-1].bulletText = "•"
        return flow

    # ------------------------------------------------------------------ 6. tone and framing

    def section_tone(self, s: dict) -> list:
        from reportlab.platypus import KeepTogether

        from compare.render.charts import grouped_bars, horizontal_grouped_bars, sentiment_bars

        arts = s["articles"]
        labels = [a["label"] for a in arts]
        colours = [self.colours[lab] for lab in labels]
        flow = []
        scored = [a for a in arts if a["sentiment"] and a["sentiment"]["mean"] is not None]
        heading = self.p("Sentiment of each outlet’s own voice", "h2")
        if scored:
            values = [a["sentiment"]["mean"] if a["sentiment"] else None for a in arts]
            names = [f"{a['label']} · {_clip(a['outlet'], 20)}" for a in arts]
            explain = self.p("Mean sentiment of the sentences in the outlet’s own words (quotes apart), "
                             "from −1 (negative) to +1 (positive).", "muted")
            if len(arts) > CHART_SERIES:
                flow += [heading, explain]  # a line per article below says it
            else:
                chart = sentiment_bars(names, values, colours, min(self.width, 360), self.chart_style, height=120)
                flow.append(KeepTogether([heading, chart, explain]))
            for a in scored:
                sent = a["sentiment"]
                quoted = f"; quotes {sent['quoted_mean']:+.2f}" if sent["quoted_mean"] is not None else ""
                dist = ", ".join(f"{k} {v:.0%}" for k, v in sent["distribution"].items() if v is not None)
                flow.append(self.p(f"{self.tag(a['label'])}: own voice {sent['mean']:+.2f}{esc(quoted)}"
                                   + (f" ({esc(dist)} of sentences)" if dist else ""), "small"))
                for sign, examples in (("−", sent["negative"][:1]), ("+", sent["positive"][:1])):
                    for e in examples:
                        flow.append(self.p(self.marked(e), "bullet"))
                        flow[-1].bulletText = sign
        else:
            flow += [heading, self.none("Sentiment was not measured for these articles.")]
        actors = s["actors"]
        heading = self.p("Sentiment toward each actor", "h2")
        if actors["actors"] and len(arts) > CHART_SERIES:
            flow.append(heading)
            flow += self.value_table(actors["actors"], [(a["label"], ["—" if actors["scores"][j][k] is None else
                                                                      f"{actors['scores'][j][k]:+.2f}"
                                                                      for j in range(len(actors["actors"]))])
                                                        for k, a in enumerate(arts)], "Article")
            flow.append(self.p("Mean sentiment of the outlet’s own sentences that mention the actor; — = not "
                               "measured.", "muted"))
        elif actors["actors"]:
            series = [[row[k] for row in actors["scores"]] for k in range(len(arts))]
            chart = grouped_bars([x[:22] for x in actors["actors"]], series, colours, self.width, self.chart_style,
                                 height=150)
            flow.append(KeepTogether([heading, chart, self.legend(labels), self.p(
                "Mean sentiment of the outlet’s own sentences that mention the actor; no bar = not measured.",
                "muted")]))
        else:
            flow += [heading, self.none("No actor had enough sentences to score.")]
        frames = s["frames"]
        heading = self.p("Framing", "h2")
        present = [k for k, row in enumerate(frames["shares"]) if row]
        if frames["frames"] and present and len(arts) > CHART_SERIES:
            flow.append(heading)
            flow += self.value_table(frames["frames"], [(a["label"], [f"{v:.0%}" for v in row] if row else
                                                         ["—"] * len(frames["frames"]))
                                                        for a, row in zip(arts, frames["shares"])], "Article")
            flow.append(self.p("Share of each outlet’s framing cues per frame (Media Frames Corpus dimensions).",
                               "muted"))
        elif frames["frames"] and present:
            series = [row or [0.0] * len(frames["frames"]) for row in frames["shares"]]
            chart = horizontal_grouped_bars(frames["frames"], series, colours, self.width, self.chart_style)
            flow.append(KeepTogether([heading, chart, self.legend(labels), self.p(
                "Share of each outlet’s framing cues per frame (Media Frames Corpus dimensions).", "muted")]))
            for a in arts:
                fr = a["framing"]
                if fr and fr["frames"]:
                    top = fr["frames"][0]
                    cues = ", ".join(top["cues"])
                    flow.append(self.p(f"{self.tag(a['label'])}: headline frame <b>{esc(fr['headline_frame'] or '—')}"
                                       f"</b>, lead frame <b>{esc(fr['lead_frame'] or '—')}</b>; main frame "
                                       f"{esc(top['frame'])}" + (f" (cues: {esc(cues)})" if cues else ""), "small"))
        else:
            flow += [heading, self.none("Framing was not measured for these articles.")]
        flow.append(self.p("Loaded words, in their sentences", "h2"))
        any_words = False
        for a in arts:
            wd = a["wording"]
            if not wd:
                continue
            items = wd["loaded"]
            if items:
                any_words = True
                flow.append(self.p(f"{self.tag(a['label'])}: " + ", ".join(
                    f"<b>{esc(u['word'])}</b> ×{u['count']}" + (" (in a quote)" if u["quoted"] else "")
                    for u in items),
                    "small"))
                for e in wd["loaded_sentences"]:
                    flow.append(self.p(self.marked(e), "bullet"))
                    flow[-1].bulletText = "•"
            if wd["biased_share"] is not None and wd["biased"]:
                any_words = True
                flow.append(self.p(f"{self.tag(a['label'])}: {wd['biased_share']:.0%} of own-voice sentences "
                                   "flagged as biased wording, e.g.", "small"))
                for e in wd["biased"][:2]:
                    flow.append(self.p(self.marked(e), "bullet"))
                    flow[-1].bulletText = "•"
        if not any_words:
            flow.append(self.none("No loaded words were found (or wording was not measured)."))
        flow += self.readability_table(arts)
        notes = [(a["label"], n) for a in arts for n in a["notes"]]
        if notes:
            flow.append(self.p("Limits: " + "; ".join(f"{esc(lab)}: {esc(n)}" for lab, n in notes) + ".", "muted"))
        return flow

    def readability_table(self, arts: list[dict]) -> list:
        flow = [self.p("Readability", "h2")]
        if not any(a["readability"] for a in arts):
            return flow + [self.none("Readability was not measured for these articles.")]
        if len(arts) > WIDE:
            head = [self.p("Article", "head")] + [self.p(esc(name), "small") for _, name, _ in
                                                 content_mod.READABILITY_ROWS]
            rows = [(a["label"], *[self.p("—" if (a["readability"] or {}).get(key) is None else
                                          f"{a['readability'][key]:,.{digits}f}", "cell")
                                   for key, _, digits in content_mod.READABILITY_ROWS]) for a in arts]
            k = len(content_mod.READABILITY_ROWS)
            flow.append(self.turned(rows, [self.width * 0.2] + [self.width * 0.8 / k] * k, head))
            return flow
        rows = [[self.p("Measure", "head")] + [self.outlet_head(a["label"]) for a in arts]]
        for key, name, digits in content_mod.READABILITY_ROWS:
            cells = []
            for a in arts:
                value = (a["readability"] or {}).get(key)
                cells.append(self.p("—" if value is None else f"{value:,.{digits}f}", "cell"))
            rows.append([self.p(esc(name), "cell")] + cells)
        first = self.width * 0.34
        widths = [first] + [(self.width - first) / len(arts)] * len(arts)
        flow.append(self.table(rows, widths, header_fills=[None] + [self.colours[a["label"]] for a in arts]))
        notes = [f"{a['label']}: {a['readability']['note']}" for a in arts
                 if a["readability"] and a["readability"]["note"]]
        if notes:
            flow.append(self.p(esc("; ".join(notes)), "muted"))
        return flow

    def legend(self, labels: list[str]):
        from reportlab.graphics.shapes import Drawing, Rect, String
        from reportlab.lib.colors import HexColor

        d = Drawing(self.width, 14, initialFontName=self.fonts.regular)
        x = 34
        texts = [f"{lab} · {_clip(self.outlets[lab], 28)}" for lab in labels]
        if x + sum(13 + 5.0 * len(t) + 16 for t in texts) > self.width:
            texts = list(labels)  # too wide with the outlets' names: the letters (the cards name them)
        for lab, text in zip(labels, texts):
            d.add(Rect(x, 2, 10, 9, fillColor=HexColor(self.colours[lab]), strokeColor=HexColor("#1a1a1a"),
                       strokeWidth=0.5))
            d.add(String(x + 13, 3.5, text, fontName=self.fonts.regular, fontSize=self.t.font_size - 1,
                         fillColor=HexColor(self.t.colour_text)))
            x += 13 + 5.0 * len(text) + 16
        return d

    # ------------------------------------------------------------------ 7. method

    def section_method(self, s: dict) -> list:
        w = self.width
        flow = []
        if s["notes"]:
            rows = [[self.p("Score", "head"), self.p("How it is made, and how well it measured", "head")]]
            rows += [[self.p(esc(n["score"]), "cell"), self.p(esc(n["text"]), "cell")] for n in s["notes"]]
            flow.append(self.table(rows, [w * 0.24, w * 0.76]))
        else:
            flow.append(self.none("The comparison carries no method notes."))
        if s["settings"]:
            flow.append(self.p("Settings: " + esc("; ".join(f"{k} = {v}" for k, v in s["settings"].items())), "small"))
        flow.append(self.p("Inputs", "h2"))
        rows = [[self.p(h, "head") for h in ("", "Source", "Read as", "SHA-256 of the text")]]
        for i in s["inputs"]:
            rows.append([self.p(f"<b>{esc(i['label'])}</b>", "cell"),
                         self.p(f"{esc(i['source'])}<br/><font color='{self.t.colour_muted}'>{esc(i['outlet'])} "
                                f"(outlet from: {esc(i['outlet_rule'])})</font>", "small"),
                         self.p(esc(i["reader"]), "small"), self.p(esc(i["sha256"]), "small")])
        flow.append(self.table(rows, [w * 0.05, w * 0.42, w * 0.1, w * 0.43]))
        flow.append(self.p(
            f"Tool: newscompare {esc(s['tool_version'] or compare.__version__)} (data schema {s['schema_version']}); "
            f"template: {esc(s['template'])}; generated {esc(self.generated.isoformat())}.", "small"))
        return flow
