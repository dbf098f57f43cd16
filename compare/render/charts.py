"""The brief's figures, drawn with reportlab.graphics: plain data (or the brief's overlap counts) in, a Drawing out.

Outlets keep their colour in every chart; every bar also has a dark outline and a printed value,
so a greyscale print stays readable.
"""
from __future__ import annotations

from dataclasses import dataclass

from compare.render.content import Overlap

# Overlap categories: fill, text colour, label. Lightness falls from left to right so grey prints keep them apart.
OVERLAP_STYLE = (
    ("shared", "#2b2b2b", "#ffffff", "shared"),
    ("partial", "#7a7a7a", "#ffffff", "partly shared"),
    ("conflicting", None, "#1a1a1a", "conflicting"),  # the template's highlight colour, hatched
    ("only", "#ffffff", "#1a1a1a", "only here"),
)


@dataclass(frozen=True)
class ChartStyle:
    font: str
    bold: str
    size: float
    text: str
    muted: str
    highlight: str


def contrast_text(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (by WCAG relative luminance)."""
    return "#000000" if luminance(fill) > 0.18 else "#ffffff"


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour, 0 (black) .. 1 (white)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def overlap_figure(rows: list[tuple[str, str, Overlap]], width: float, style: ChartStyle):
    """One proportional bar per (label, colour, counts): the share of that article's facts in each category."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib.colors import HexColor
    from reportlab.pdfbase.pdfmetrics import stringWidth

    bar_h, gap, legend_h = 14, 6, 16
    label_w = max(stringWidth(label, style.bold, style.size) for label, _, _ in rows) + 18 if rows else 18
    height = len(rows) * (bar_h + gap) + legend_h
    d = Drawing(width, height, initialFontName=style.font)
    bar_w = width - label_w - 4
    for n, (label, colour, counts) in enumerate(rows):
        y = height - (n + 1) * (bar_h + gap)
        d.add(Rect(0, y, 8, bar_h, fillColor=HexColor(colour), strokeColor=HexColor(style.text), strokeWidth=0.5))
        d.add(String(12, y + 4, label, fontName=style.bold, fontSize=style.size, fillColor=HexColor(style.text)))
        total = counts.total or 0
        x = label_w
        if not total:
            d.add(Rect(x, y, bar_w, bar_h, fillColor=None, strokeColor=HexColor(style.muted), strokeWidth=0.5))
            d.add(String(x + 4, y + 4, "no facts", fontName=style.font, fontSize=style.size - 1,
                         fillColor=HexColor(style.muted)))
            continue
        for key, fill, ink, _ in OVERLAP_STYLE:
            value = getattr(counts, key)
            if not value:
                continue
            w = bar_w * value / total
            fill = fill or style.highlight
            d.add(Rect(x, y, w, bar_h, fillColor=HexColor(fill), strokeColor=HexColor("#1a1a1a"), strokeWidth=0.5))
            if key == "conflicting":
                for line in _hatch(x, y, w, bar_h, 4):
                    d.add(Line(*line, strokeColor=HexColor("#1a1a1a"), strokeWidth=0.4))
            text = str(value)
            if w > 6 * len(text) + 2:
                if key == "conflicting":  # a white patch keeps the number readable over the hatching
                    tw = stringWidth(text, style.bold, style.size - 1) + 4
                    d.add(Rect(x + (w - tw) / 2, y + 2.5, tw, bar_h - 5, fillColor=HexColor("#ffffff"),
                               strokeColor=None))
                d.add(String(x + w / 2, y + 4, text, fontName=style.bold, fontSize=style.size - 1,
                             fillColor=HexColor(ink), textAnchor="middle"))
            x += w
    x = label_w
    for key, fill, _ink, name in OVERLAP_STYLE:
        fill = fill or style.highlight
        d.add(Rect(x, 2, 10, 9, fillColor=HexColor(fill), strokeColor=HexColor("#1a1a1a"), strokeWidth=0.5))
        if key == "conflicting":
            for line in _hatch(x, 2, 10, 9, 4):
                d.add(Line(*line, strokeColor=HexColor("#1a1a1a"), strokeWidth=0.4))
        d.add(String(x + 13, 3.5, name, fontName=style.font, fontSize=style.size - 1, fillColor=HexColor(style.text)))
        x += 13 + stringWidth(name, style.font, style.size - 1) + 14
    return d


def _hatch(x: float, y: float, w: float, h: float, step: float) -> list[tuple[float, float, float, float]]:
    """Diagonal lines (slope 1) clipped to the rectangle."""
    lines = []
    c = -h
    while c < w:
        x0, y0 = (x + c, y) if c >= 0 else (x, y - c)
        x1 = min(x + c + h, x + w)
        y1 = y + (x1 - (x + c))
        if x1 > x0:
            lines.append((x0, y0, x1, y1))
        c += step
    return lines


def sentiment_bars(labels: list[str], values: list[float | None], colours: list[str], width: float,
                   style: ChartStyle, *, height: float = 120, value_range: float | None = None):
    """Vertical bars, one per outlet, for a score from -1 to 1 (negative bars hang below zero)."""
    return grouped_bars(labels, [[v] for v in values], colours, width, style, height=height,
                        value_range=value_range, per_category_colours=True)


def grouped_bars(categories: list[str], series: list[list[float | None]], colours: list[str], width: float,
                 style: ChartStyle, *, height: float = 140, value_range: float | None = None,
                 per_category_colours: bool = False):
    """Vertical grouped bars: ``series[k][c]`` is series k's value for category c (None = not measured)."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor

    if per_category_colours:  # one series, one colour per category: transpose for ReportLab
        data = [[row[0] for row in series]]
    else:
        data = series
    d = Drawing(width, height, initialFontName=style.font)
    chart = VerticalBarChart()
    # An axis no shorter than +/-0.25: small differences in tone must not look large.
    peak = max([abs(v) for row in data for v in row if v is not None] + [0.2])
    top = value_range or min(1.0, _nice_ceiling(peak * 1.15))
    # A bar reaching near the bottom has its value printed under the axis: the category names then go lower still.
    drop = style.size + 2 if any(v is not None and v < -0.85 * top for row in data for v in row) else 0
    chart.x, chart.y, chart.width, chart.height = 34, 22 + drop, width - 44, height - 34 - drop
    chart.data = [list(row) for row in data]  # None: no bar, no label
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = -top, top
    chart.valueAxis.valueStep = top / 2
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = style.font, style.size - 1.5
    chart.valueAxis.labelTextFormat = "%+.2f"
    chart.valueAxis.gridStrokeColor, chart.valueAxis.visibleGrid = HexColor("#d0d0d0"), True
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labelAxisMode = "low"  # labels under the chart even when bars are negative
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = style.font, style.size - 1
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -drop
    chart.barSpacing, chart.groupSpacing = 1, 8
    chart.barLabelFormat = "%+.2f"
    chart.barLabels.fontName, chart.barLabels.fontSize = style.font, style.size - 2
    chart.barLabels.nudge = 6
    for k in range(len(data)):
        chart.bars[k].strokeColor, chart.bars[k].strokeWidth = HexColor("#1a1a1a"), 0.5
        if not per_category_colours:
            chart.bars[k].fillColor = HexColor(colours[k % len(colours)])
    if per_category_colours:
        for c in range(len(categories)):
            chart.bars[(0, c)].fillColor = HexColor(colours[c % len(colours)])
    d.add(chart)
    return d


def horizontal_grouped_bars(categories: list[str], series: list[list[float]], colours: list[str], width: float,
                            style: ChartStyle, *, label_width: float = 120):
    """Horizontal grouped bars of shares (0..1): a group per category, a bar per series."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor

    bar = 7
    height = len(categories) * (len(series) * bar + 8) + 30
    d = Drawing(width, height, initialFontName=style.font)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = label_width, 18, width - label_width - 30, height - 24
    # ReportLab draws the first category at the bottom: reverse so the largest frame is on top.
    chart.data = [list(reversed(row)) for row in series]
    chart.categoryAxis.categoryNames = list(reversed(categories))
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = style.font, style.size - 1
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = min(1.0, _nice_ceiling(max([v for row in series for v in row] + [0.05]) * 1.1))
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = style.font, style.size - 1.5
    chart.valueAxis.labelTextFormat = lambda v: f"{v:.0%}"
    chart.valueAxis.visibleGrid, chart.valueAxis.gridStrokeColor = True, HexColor("#d0d0d0")
    chart.barSpacing, chart.groupSpacing = 0.5, 6
    chart.barLabelFormat = lambda v: f"{v:.0%}" if v else ""
    chart.barLabels.fontName, chart.barLabels.fontSize = style.font, style.size - 2.5
    chart.barLabels.boxAnchor, chart.barLabels.dx = "w", 2
    for k in range(len(series)):
        chart.bars[k].fillColor = HexColor(colours[k % len(colours)])
        chart.bars[k].strokeColor, chart.bars[k].strokeWidth = HexColor("#1a1a1a"), 0.4
    d.add(chart)
    return d


def _nice_ceiling(value: float) -> float:
    """The next of 0.1, 0.25, 0.5, 1 (x10^k) at or above ``value``."""
    scale = 1.0
    while value > scale:
        scale *= 10
    while value <= scale / 10:
        scale /= 10
    for step in (0.1, 0.25, 0.5, 1.0):
        if value <= step * scale:
            return step * scale
    return scale
