"""Naming the outlet of an article, and saying which rule decided."""
from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlparse

from compare.lexicon import lexicon


def canonical_outlet(name: str) -> str:
    """A known outlet's usual spelling; otherwise the name, title-cased if it was shouted in capitals."""
    known_outlets = lexicon().outlet_names  # spellings and domains (compare/resources/lexicon/outlets.tsv)
    clean = re.sub(r"\s+", " ", name).strip().strip(".")
    known = known_outlets.get(clean.lower())
    if known:
        return known
    shorter = re.sub(r"^the |\s+(news|online|\.com)$", "", clean.lower())  # "BBC News" is the BBC of a URL
    if shorter in known_outlets and shorter != "ap":
        return known_outlets[shorter]
    if re.fullmatch(r"[\w-]+(\.[\w-]+)+", clean):  # a domain, e.g. news-please's source_domain
        return outlet_from_url("http://" + clean) or clean
    return clean.title() if clean.isupper() and len(clean) > 4 else clean


def outlet_from_url(url: str) -> str | None:
    """The outlet a URL's domain names (known outlets by name, others by bare domain)."""
    host = (urlparse(url).hostname or "").lower()
    if not host:
        return None
    host = re.sub(r"^(www|m|amp|edition|eu|uk|us)\.", "", host)
    parts = host.split(".")
    for n in (3, 2):
        domain = ".".join(parts[-n:])
        if domain in lexicon().outlet_names:
            return lexicon().outlet_names[domain]
    return host


def outlet_from_filename(source: str) -> str | None:
    """The file's name without extension, as a last resort."""
    if source in ("", "-") or "://" in source:
        return None
    return PurePath(source).stem or None


def choose_outlet(option: str | None, metadata: str | None, url: str | None, trailer: str | None,
                  source: str) -> tuple[str, str]:
    """Apply the rules in order: option, page metadata, URL domain, trailer line, file name."""
    if option and option.strip():
        return option.strip(), "option"
    if metadata and metadata.strip():
        return canonical_outlet(metadata), "metadata"
    from_url = outlet_from_url(url) if url else None
    if from_url:
        return from_url, "url"
    if trailer:
        return canonical_outlet(trailer), "trailer"
    from_file = outlet_from_filename(source)
    if from_file:
        return from_file, "filename"
    return "unknown outlet", "unknown"
