"""Input flags shared by every command that reads articles."""
from __future__ import annotations

import argparse
import math
import sys

from compare.errors import ConfigError
from compare.ingest import MAX_BYTES, TIMEOUT, read_article
from compare.model import Article
from compare.render.text import printable


def add_input_arguments(parser: argparse.ArgumentParser, *, optional: bool = False) -> None:
    """ARTICLE arguments (path, URL, .json, .html, or - for standard input) and the reading options
    (``optional``: the command can work from something else, e.g. a saved comparison)."""
    parser.add_argument("articles", nargs="*" if optional else "+", metavar="ARTICLE",
                        help="a text, HTML or JSON file, an http(s) URL, or - for standard input")
    parser.add_argument("--outlet", action="append", default=[], metavar="NAME",
                        help="outlet name for the articles, in order (repeat per article)")
    parser.add_argument("--max-size", type=positive, default=MAX_BYTES / 2**20, metavar="MB",
                        help="refuse inputs larger than this (default %(default)g MB)")
    parser.add_argument("--timeout", type=positive, default=TIMEOUT, metavar="S",
                        help="give up fetching a URL after this many seconds (default %(default)g)")


def positive(value: str) -> float:
    """A finite number above 0 (for --max-size and --timeout)."""
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not (0 < number < math.inf):
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {value!r}")
    return number


def read_inputs(args: argparse.Namespace, *, least: int = 1, most: int | None = None,
                warn: bool = True, progress=None) -> list[Article]:
    """Read every ARTICLE of the command line, checking the count and the --outlet labels; reading warnings
    (e.g. a thin body) go to standard error unless warn is False."""
    sources = args.articles
    if len(sources) < least or (most and len(sources) > most):
        want = f"exactly {least}" if least == most else f"at least {least}" if not most else f"{least} to {most}"
        raise ConfigError(f"{want} articles are needed, {len(sources)} given")
    if sources.count("-") > 1:
        raise ConfigError("standard input (-) can be read only once")
    if len(args.outlet) > len(sources):
        raise ConfigError(f"{len(args.outlet)} --outlet names for {len(sources)} articles")
    outlets = list(args.outlet) + [None] * (len(sources) - len(args.outlet))
    max_bytes = int(args.max_size * 2**20)
    articles = []
    for src, name in zip(sources, outlets):
        articles.append(read_article(src, outlet=name, max_bytes=max_bytes, timeout=args.timeout))
        if progress:
            progress(len(articles), len(sources), "reading")
    for article in articles if warn else ():
        for warning in article.warnings:
            print(f"newscompare: warning: {printable(article.source)}: {printable(warning)}", file=sys.stderr)
    return articles
