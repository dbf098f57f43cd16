"""What every section of the PDF shares: page geometry, fonts, paragraph styles, and the small pieces (escaped
paragraphs, highlights, tables, legends) the section modules build with.

Article text is data, never markup: every string that reaches a Paragraph goes through :func:`esc`.
"""
from __future__ import annotations

import datetime as dt
import re

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import pagesizes
from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from compare.render.charts import ChartStyle, contrast_text
from compare.render.content import Brief, ReasonLine
from compare.render.fonts import register_family
from compare.render.templates import Template
from compare.textsafe import strip_unsafe

_NONCHARACTERS = re.compile("[\ufffe\uffff]")  # not characters at all; ReportLab's fonts have no glyph for them
KIND_NAMES = {"number": "number", "date": "date", "actor": "name", "quote": "quote", "attribution": "source",
              "other": "other"}
WIDE = 4  # more articles than this: tables of articles side by side are turned (an article per row)
CHART_SERIES = 6  # more articles than this: bar charts with a bar per article become tables
LONG_TABLE_ROWS = 150  # rows per table in lists that grow with the input (even: the zebra shading runs on)


def esc(text) -> str:
    """Plain text made safe for a ReportLab Paragraph: entities escaped, controls, bidi overrides and noncharacters
    dropped."""
    text = _NONCHARACTERS.sub("", strip_unsafe("" if text is None else str(text)))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def kind_name(kind: str) -> str:
    """A conflict's kind as the reader calls it."""
    return KIND_NAMES.get(kind, kind)


class Layout:
    """One brief's page, fonts, styles and outlet colours, and the flowables every section builds with."""

    def __init__(self, content: Brief, template: Template, generated: dt.datetime):
        self.c, self.t, self.generated = content, template, generated
        self.fonts = register_family(template.font_regular, template.font_bold, template.font_italic)
        size = pagesizes.A4 if template.page_size == "A4" else pagesizes.LETTER
        self.page = pagesizes.landscape(size) if template.landscape else pagesizes.portrait(size)
        top, right, bottom, left = (m * mm for m in template.margins_mm)
        self.margins = top, right, bottom, left
        self.width = self.page[0] - left - right
        self.height = self.page[1] - top - bottom
        self.colours = {a.label: a.colour for a in content.articles}
        self.outlets = {a.label: a.outlet for a in content.articles}
        self.styles = self._styles()
        self.chart_style = ChartStyle(self.fonts.regular, self.fonts.bold, template.font_size, template.colour_text,
                                      template.colour_muted, template.colour_highlight)

    def _styles(self) -> dict[str, ParagraphStyle]:
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

    # ------------------------------------------------------------------ paragraphs and markup

    def p(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, self.styles[style])

    def bullet(self, markup: str, sign: str = "•") -> Paragraph:
        item = self.p(markup, "bullet")
        item.bulletText = sign
        return item

    def marked(self, item) -> str:
        """Escaped ``item.text`` with its ``item.marks`` spans highlighted (bold on the highlight colour)."""
        return self.marked_text(item.text, item.marks)

    def marked_text(self, text: str, marks) -> str:
        out, pos = [], 0
        for start, end in marks or ():
            out.append(esc(text[pos:start]))
            out.append(f'<span backColor="{self.t.colour_highlight}"><b>{esc(text[start:end])}</b></span>')
            pos = end
        out.append(esc(text[pos:]))
        return "".join(out)

    def highlight(self, text: str) -> str:
        """All of ``text``, escaped and highlighted."""
        return self.marked_text(text, [(0, len(text))] if text else [])

    def quiet(self, text: str) -> str:
        """``text`` escaped, in the muted colour."""
        return f"<font color='{self.t.colour_muted}'>{esc(text)}</font>"

    def tag(self, label: str) -> str:
        """'A · Outlet' in bold, for running text."""
        return f"<b>{esc(label)}</b> · {esc(self.outlets.get(label, ''))}"

    def stack(self, markups: list[str]) -> list:
        """Paragraphs for one table cell, spaced apart when there are several."""
        return [self.p(m, "gap" if n < len(markups) - 1 else "cell") for n, m in enumerate(markups)]

    def reasons(self, reasons: tuple[ReasonLine, ...]) -> list:
        """The verdict's reasons as +/− bullets, with the fact ids they rest on."""
        flow = []
        for r in reasons:
            sign = "+" if r.weight > 0 else "−" if r.weight < 0 else "·"
            evidence = f" <font color='{self.t.colour_muted}'>[{esc(', '.join(r.evidence))}]</font>" \
                if r.evidence else ""
            flow.append(self.bullet(f"{esc(r.text)}{evidence}", sign))
        return flow

    def heading(self, section_id: str, title: str) -> Paragraph:
        heading = Paragraph(esc(title), self.styles["h1"])
        heading._bookmark = (f"s-{section_id}", title)
        return heading

    def none(self, text: str) -> Paragraph:
        return self.p(f"<i>{esc(text)}</i>", "muted")

    def more(self, more: int) -> list:
        if not more:
            return []
        return [self.p(f"… and {more} more (raise tables.max_rows in the template to see them).", "muted")]

    # ------------------------------------------------------------------ tables

    def outlet_head(self, label: str) -> Paragraph:
        """A table header cell in the outlet's colour with readable text."""
        style = ParagraphStyle("ohead", self.styles["head"], textColor=contrast_text(self.colours[label]))
        return Paragraph(f"{esc(label)} · {esc(self.outlets[label])}", style)

    def table(self, rows: list[list], widths: list[float], *, header_fills: list[str | None] | None = None,
              zebra: bool = True, header: bool = True) -> Table:
        """A table that splits across pages (rows too), repeating its header row."""
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

    def tables(self, rows: list[list], widths: list[float], **options) -> list[Table]:
        """``table`` for a list that grows with the input (facts, links, speakers): past LONG_TABLE_ROWS rows under
        the header, consecutive tables of that many rows, each with the header row. reportlab measures every
        remaining row again at each page break, so one table of thousands of rows (a pathological input) takes
        quadratic time; an ordinary article's lists stay far below the limit and come out as one table."""
        head, body = rows[:1], rows[1:]
        if len(body) <= LONG_TABLE_ROWS:
            return [self.table(rows, widths, **options)]
        return [self.table(head + body[k:k + LONG_TABLE_ROWS], widths, **options)
                for k in range(0, len(body), LONG_TABLE_ROWS)]

    def turned(self, rows: list[tuple], widths: list[float], head: list | None = None,
               groups: list[int] | None = None) -> Table:
        """A table with an article per row, its first cell the outlet in its colour (for many articles, where
        a column per article would break words); groups numbers rows so that a group shares one shade."""
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

    def value_table(self, names: list[str], rows: list[tuple[str, list[str]]], first: str) -> list:
        """Values per article (a row each) and per name (a column each, six to a table): many articles' charts."""
        flow = []
        for start in range(0, len(names), 6):
            cols = names[start:start + 6]
            head = [self.p(first, "head")] + [self.p(esc(n), "small") for n in cols]
            body = [(lab, *[self.p(v, "cell") for v in values[start:start + 6]]) for lab, values in rows]
            flow.append(self.turned(body, [self.width * 0.2] + [self.width * 0.8 / len(cols)] * len(cols), head))
        return flow

    def legend(self, labels: list[str]) -> Drawing:
        d = Drawing(self.width, 14, initialFontName=self.fonts.regular)
        x = 34
        texts = [f"{lab} · {clip(self.outlets[lab], 28)}" for lab in labels]
        if x + sum(13 + 5.0 * len(t) + 16 for t in texts) > self.width:
            texts = list(labels)  # too wide with the outlets' names: the letters (the cards name them)
        for lab, text in zip(labels, texts):
            d.add(Rect(x, 2, 10, 9, fillColor=HexColor(self.colours[lab]), strokeColor=HexColor("#1a1a1a"),
                       strokeWidth=0.5))
            d.add(String(x + 13, 3.5, text, fontName=self.fonts.regular, fontSize=self.t.font_size - 1,
                         fillColor=HexColor(self.t.colour_text)))
            x += 13 + 5.0 * len(text) + 16
        return d
