"""Lay a brief out as a PDF with ReportLab platypus: the typed content of compare.render.brief (its types in
compare.render.content), styled by a template.

``layout`` holds what every section shares (page, fonts, styles, tables), ``document`` the story, bookmarks,
header and footer, ``cover`` the title and article cards, and one module per section: ``summary``, ``shared``,
``omissions``, ``conflicts``, ``sources``, ``tone``, ``method``. Article text is data, never markup: every string
that reaches a Paragraph goes through :func:`esc`.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from compare.model import Comparison
from compare.render.brief import brief_content
from compare.render.output import write_bytes
from compare.render.pdf.document import build
from compare.render.pdf.layout import CHART_SERIES, WIDE, Layout, esc
from compare.render.templates import Template, load_template

__all__ = ["CHART_SERIES", "WIDE", "esc", "render_brief", "write_brief"]


def write_brief(comparison: Comparison, path, *, template: Template | str | Path = "default",
                generated: dt.datetime | None = None) -> Path:
    """Write the PDF brief of ``comparison`` to ``path`` (atomically; "-" is standard output when not a terminal)."""
    return write_bytes(path, render_brief(comparison, template=template, generated=generated), binary=True)


def render_brief(comparison: Comparison, *, template: Template | str | Path = "default",
                 generated: dt.datetime | None = None) -> bytes:
    """The PDF brief of ``comparison`` as bytes."""
    tpl = template if isinstance(template, Template) else load_template(template)
    content = brief_content(comparison, tpl)
    generated = generated or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    return build(Layout(content, tpl, generated))
