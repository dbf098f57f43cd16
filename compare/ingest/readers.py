"""One reader per input kind; each turns decoded text into an Article."""
from __future__ import annotations

import json
import math

from compare.errors import InputError
from compare.ingest.build import build_article, split_paragraphs, split_plain_text
from compare.model import Article

# news-please and other common spellings of the JSON fields we read.
_TITLE = ("title", "headline")
_TEXT = ("text", "maintext", "body", "content", "article")
_PARAGRAPHS = ("paragraphs", "body-paragraphs", "body_paragraphs")
_OUTLET = ("outlet", "source", "site_name", "sitename", "publisher", "source_domain")
_DATE = ("date", "date_publish", "published", "publication_date", "datePublished")
_AUTHORS = ("authors", "author", "byline")
_URL = ("url", "link", "source_url")


def read_text(text: str, *, source: str, outlet: str | None = None, **meta) -> Article:
    """Plain text as in the seeds: first non-empty line the headline, blank lines between paragraphs."""
    headline, paragraphs = split_plain_text(text)
    if not headline:
        raise InputError(source, "the input is empty or contains only whitespace", "pass a file with the article's text")
    return build_article(headline, paragraphs, source=source, outlet=outlet, reader="text", **meta)


def read_json(text: str, *, source: str, outlet: str | None = None, **meta) -> Article:
    """One JSON object: title, text or paragraphs, outlet, date, authors, url (news-please names accepted)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
                         "fix the JSON, or pass the article as plain text") from None
    except RecursionError:
        raise InputError(source, "the JSON is nested too deeply to be an article",
                         "pass one article as a JSON object with 'title' and 'text'") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise InputError(source, f"invalid JSON ({exc})", "fix the JSON, or pass the article as plain text") from None
    if not isinstance(data, dict):
        raise InputError(source, "the JSON is not an object", "pass one article as a JSON object with 'title' and 'text'")
    title = _first(data, _TITLE)
    paragraphs = _first(data, _PARAGRAPHS)
    body = _first(data, _TEXT)
    if isinstance(paragraphs, list):
        paras = [" ".join(filter(None, map(_as_str, p))) if isinstance(p, list) else _as_str(p) or ""
                 for p in paragraphs]
    elif isinstance(body, str):
        paras = split_paragraphs(body)
    else:
        raise InputError(source, "the JSON object has no 'text' or 'paragraphs' field",
                         "add the article body as 'text' (a string) or 'paragraphs' (a list of strings)")
    authors = _first(data, _AUTHORS) or ()
    authors = [authors] if isinstance(authors, (str, dict)) else authors if isinstance(authors, list) else ()
    meta.setdefault("url", _as_str(_first(data, _URL)))
    return build_article(
        _as_str(title) or "", paras, source=source, outlet=outlet, reader="json",
        metadata_outlet=_as_str(_first(data, _OUTLET)), date=_as_str(_first(data, _DATE)),
        authors=tuple(filter(None, map(_as_str, authors))), language=_as_str(data.get("language")) or "en", **meta,
    )


def read_html(html: str, *, source: str, outlet: str | None = None, url: str | None = None, **meta) -> Article:
    """An article page: main text and metadata (title, authors, date, site name) with trafilatura."""
    import trafilatura  # heavy: imported only when an HTML input is given

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, deduplicate=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < 5:
        raise InputError(source, "no article text found in the HTML",
                         "pass the article page itself (not a home page or index), or save its text as .txt")
    paragraphs = [line for line in text.split("\n") if line.strip()]
    title = getattr(doc, "title", None) or ""
    if paragraphs and paragraphs[0].strip() == title.strip():
        paragraphs = paragraphs[1:]
    authors = [a.strip() for a in (getattr(doc, "author", None) or "").split(";") if a.strip()]
    return build_article(
        title, paragraphs, source=source, outlet=outlet, reader="html" if not url else "url",
        metadata_outlet=getattr(doc, "sitename", None), date=getattr(doc, "date", None),
        authors=tuple(authors), url=url or getattr(doc, "url", None),
        language=getattr(doc, "language", None) or "en", **meta,
    )


TEXT_HINTS = ("txt", "text", "md")


def sniff_kind(text: str, hint: str = "") -> str:
    """json, html or text, from the content; a .txt name keeps prose that mentions <p> or <div> as text."""
    head = text.lstrip()[:2048].lower()
    if head.startswith("{") or (hint == "json" and head.startswith("[")):
        return "json"
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return "html"
    if hint not in TEXT_HINTS and head.startswith("<") and any(
            tag in head for tag in ("<body", "<article", "<head>", "<p>", "<div", "<title>")):
        return "html"
    return "text"


def _first(data: dict, keys: tuple[str, ...]):
    return next((data[k] for k in keys if data.get(k) not in (None, "", [])), None)


def _as_str(value) -> str | None:
    """A JSON value as text: strings and finite numbers; a {"name": ...} object or a list gives its first; else None."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, float) and not math.isfinite(value):  # NaN and Infinity are not a headline
        return None
    if isinstance(value, (dict, list, bool)) or value in (None, ""):
        return None
    return str(value)
