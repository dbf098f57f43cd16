"""Reading articles from files, URLs, JSON, HTML and standard input (the input edge of the tool)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from compare.errors import InputError
from compare.ingest.build import build_article
from compare.ingest.decode import check_size, decode_bytes
from compare.ingest.readers import read_html, read_json, read_text, sniff_kind
from compare.model import Article

__all__ = ["read_article", "article_from_text", "article_from_bytes", "build_article", "MAX_BYTES"]

MAX_BYTES = 20 * 2**20  # 20 MB: larger inputs are refused unless the limit is raised
TIMEOUT = 15.0


def read_article(source: str | os.PathLike, *, outlet: str | None = None, max_bytes: int = MAX_BYTES,
                 timeout: float = TIMEOUT, stdin=None) -> Article:
    """Read one article from a path, an http(s) URL, or "-" (standard input); the kind is sniffed from content."""
    source = os.fspath(source)
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        check_size(source, len(data), max_bytes)
        return article_from_bytes(data, source="-", outlet=outlet)
    if source.lower().startswith(("http://", "https://")):
        from compare.ingest.fetch import fetch_url

        data, charset, ctype, final_url = fetch_url(source, timeout=timeout, max_bytes=max_bytes)
        hint = "json" if ctype == "application/json" else "html" if "html" in ctype else ""
        return article_from_bytes(data, source=source, outlet=outlet, url=final_url, declared=charset, hint=hint)
    path = Path(source)
    if not path.exists():
        raise InputError(source, "no such file", "check the path (or pass an http(s):// URL, or - for standard input)")
    if path.is_dir():
        raise InputError(source, "is a directory, not an article", "pass the article files inside it")
    try:
        check_size(source, path.stat().st_size, max_bytes)
        with path.open("rb") as handle:  # at most the cap plus one byte, whatever the file is (/dev/zero, a FIFO)
            data = handle.read(max_bytes + 1)
        check_size(source, len(data), max_bytes)
    except PermissionError:
        raise InputError(source, "permission denied", "check the file's permissions") from None
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})", "check the file") from None
    return article_from_bytes(data, source=source, outlet=outlet, hint=path.suffix.lower().lstrip("."))


def article_from_bytes(data: bytes, *, source: str, outlet: str | None = None, url: str | None = None,
                       declared: str | None = None, hint: str = "") -> Article:
    """Decode bytes (UTF-8, BOMs, cp1252/latin-1), sniff the kind and read the article."""
    if not data.strip():
        raise InputError(source, "the input is empty" if not data else "the input contains only whitespace",
                         "pass a file with the article's text")
    text, encoding = decode_bytes(data, source, declared)
    return _read_decoded(text, source=source, outlet=outlet, url=url, encoding=encoding, hint=hint)


def article_from_text(text: str, *, source: str = "-", outlet: str | None = None, date: str | None = None,
                      authors: tuple[str, ...] = (), url: str | None = None) -> Article:
    """An Article from plain text in the seeds' layout (first line the headline, blank-line paragraphs)."""
    return read_text(text, source=source, outlet=outlet, date=date, authors=authors, url=url)


def _read_decoded(text: str, *, source: str, outlet: str | None, url: str | None, encoding: str | None,
                  hint: str) -> Article:
    if not text.strip():
        raise InputError(source, "the input contains only whitespace", "pass a file with the article's text")
    kind = sniff_kind(text, hint)
    if kind == "json":
        return read_json(text, source=source, outlet=outlet, encoding=encoding)
    if kind == "html":
        return read_html(text, source=source, outlet=outlet, url=url, encoding=encoding)
    return read_text(text, source=source, outlet=outlet, url=url, encoding=encoding)
