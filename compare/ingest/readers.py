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
        authors=tuple(filter(None, map(_as_str, authors))), language=_as_str(data.get("language")) or "en",
        section=_as_str(data.get("section") or data.get("genre")), **meta,
    )


def read_html(html: str, *, source: str, outlet: str | None = None, url: str | None = None, **meta) -> Article:
    """An article page: main text and metadata (title, authors, date, site name) with trafilatura."""
    import trafilatura  # heavy: imported only when an HTML input is given

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, deduplicate=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < 5:
        raise InputError(source, "no article text found in the HTML",
                         "pass the article page itself (not a home page or index), or save its text as .txt")
    paragraphs = [line for line in text.split("\n") if line.strip()]
    page = page_metadata(html)
    title = choose_title(getattr(doc, "title", None) or "", page)
    if paragraphs and paragraphs[0].strip() == title.strip():
        paragraphs = paragraphs[1:]
    authors = [a.strip() for a in (getattr(doc, "author", None) or "").split(";") if a.strip()]
    words = len(text.split())
    warnings = ()
    if words < THIN_WORDS and len(html) > THIN_PAGE_BYTES:
        warnings = (f"only {words} words of text from a {len(html) // 1024} KB page: the article may be kept in a "
                    "script the reader cannot see; check with `newscompare inspect`, or save the text as .txt",)
    return build_article(
        title, paragraphs, source=source, outlet=outlet, reader="html" if not url else "url",
        metadata_outlet=getattr(doc, "sitename", None), date=page.get("published") or getattr(doc, "date", None),
        authors=tuple(authors), url=url or getattr(doc, "url", None),
        language=getattr(doc, "language", None) or "en", warnings=warnings, section=page.get("section"), **meta,
    )


THIN_WORDS = 150  # fewer words than this from a page over THIN_PAGE_BYTES: warn that the body is thin
THIN_PAGE_BYTES = 50_000
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "datepublished", "publishdate",
                   "pubdate", "dc.date.issued", "parsely-pub-date")


def page_metadata(html: str) -> dict[str, str]:
    """The page's og:title, <title> and publication date (never the modification date), where it gives them."""
    import json

    import lxml.html

    try:
        tree = lxml.html.fromstring(html.encode("utf-8"))
    except (ValueError, lxml.etree.ParserError):
        return {}
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if value and key in ("og:title", "twitter:title"):
            found.setdefault("og_title", value)
        elif value and key in _PUBLISHED_META:
            found.setdefault("published", value)
        elif value and key in ("article:section", "section", "articlesection", "parsely-section"):
            found.setdefault("section", value)
    title = tree.find(".//head/title")
    if title is not None and (title.text or "").strip():
        found["title"] = title.text.strip()
    for script in tree.iter("script"):
        if "published" in found:
            break
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            try:
                published = _ld_published(json.loads(script.text))
            except (ValueError, RecursionError):
                continue
            if published:
                found["published"] = published
    return found


def _ld_published(data) -> str | None:
    """datePublished from a JSON-LD block (an object, a list, or an @graph)."""
    items = data if isinstance(data, list) else [data]
    for item in items:
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return item["datePublished"]
            inner = _ld_published(item.get("@graph") or [])
            if inner:
                return inner
    return None


def choose_title(title: str, page: dict[str, str]) -> str:
    """The extracted title, unless it is too short to be a headline (a CMS token such as "escenic"): then
    og:title, else <title>."""
    if len(title.split()) >= 3:
        return title
    for candidate in (page.get("og_title"), page.get("title")):
        if candidate and len(candidate.split()) >= 3:
            return candidate
    return title


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
