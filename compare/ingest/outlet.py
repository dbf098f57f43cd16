"""Naming the outlet of an article, and saying which rule decided."""
from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlparse

# Spellings of well-known outlets, by lower-cased name or registered domain (our own list).
KNOWN_OUTLETS = {
    "fox news": "Fox News", "foxnews.com": "Fox News", "fox": "Fox News",
    "the new york times": "The New York Times", "new york times": "The New York Times",
    "nytimes.com": "The New York Times", "nyt": "The New York Times",
    "huffpost": "HuffPost", "huffpost.com": "HuffPost", "huffingtonpost.com": "HuffPost", "hpo": "HuffPost",
    "the washington post": "The Washington Post", "washingtonpost.com": "The Washington Post",
    "cnn": "CNN", "cnn.com": "CNN", "bbc": "BBC", "bbc news": "BBC", "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "reuters": "Reuters", "reuters.com": "Reuters",
    "associated press": "Associated Press", "ap": "Associated Press", "apnews.com": "Associated Press",
    "the guardian": "The Guardian", "theguardian.com": "The Guardian",
    "npr": "NPR", "npr.org": "NPR", "politico": "Politico", "politico.com": "Politico",
    "politico.eu": "Politico Europe", "the wall street journal": "The Wall Street Journal",
    "wsj.com": "The Wall Street Journal", "bloomberg": "Bloomberg", "bloomberg.com": "Bloomberg",
    "al jazeera": "Al Jazeera", "aljazeera.com": "Al Jazeera", "breitbart": "Breitbart",
    "breitbart.com": "Breitbart", "msnbc": "MSNBC", "msnbc.com": "MSNBC", "nbc news": "NBC News",
    "nbcnews.com": "NBC News", "abc news": "ABC News", "abcnews.go.com": "ABC News",
    "cbs news": "CBS News", "cbsnews.com": "CBS News", "usa today": "USA Today", "usatoday.com": "USA Today",
    "the hill": "The Hill", "thehill.com": "The Hill", "axios": "Axios", "axios.com": "Axios",
    "euronews": "Euronews", "euronews.com": "Euronews", "dw": "DW", "dw.com": "DW",
    "france 24": "France 24", "france24.com": "France 24", "the telegraph": "The Telegraph",
    "telegraph.co.uk": "The Telegraph", "the independent": "The Independent", "independent.co.uk": "The Independent",
    "the times of israel": "The Times of Israel", "times of israel": "The Times of Israel",
    "timesofisrael": "The Times of Israel", "timesofisrael.com": "The Times of Israel",
    "financial times": "Financial Times", "ft.com": "Financial Times", "newsmax": "Newsmax", "newsmax.com": "Newsmax",
}


def canonical_outlet(name: str) -> str:
    """A known outlet's usual spelling; otherwise the name, title-cased if it was shouted in capitals."""
    clean = re.sub(r"\s+", " ", name).strip().strip(".")
    known = KNOWN_OUTLETS.get(clean.lower())
    if known:
        return known
    shorter = re.sub(r"^the |\s+(news|online|\.com)$", "", clean.lower())  # "BBC News" is the BBC of a URL
    if shorter in KNOWN_OUTLETS and shorter != "ap":
        return KNOWN_OUTLETS[shorter]
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
        if domain in KNOWN_OUTLETS:
            return KNOWN_OUTLETS[domain]
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
