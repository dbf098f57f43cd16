"""Show how the tool read each article: outlet, headline, date, paragraphs with roles, sentences.

Check this first when a comparison looks wrong: it shows which lines were taken as captions,
subheadings or credits (kept, but not facts) and where sentences were split.

exit status: 0 every article read; 2 trouble (an unreadable input, bad arguments).

example:
  newscompare inspect seeds/rutte-white-house-nato-dues.txt
  newscompare inspect --format json https://example.com/story.html
"""
from __future__ import annotations

import json
import sys

from compare.commands._inputs import add_input_arguments, read_inputs
from compare.model import Article, to_dict
from compare.render.text import printable

RULES = {
    "option": "given with --outlet",
    "metadata": "from the page's metadata",
    "url": "from the URL's domain",
    "trailer": "from a trailer line",
    "filename": "from the file name; set it with --outlet",
    "unknown": "unknown; set it with --outlet",
}


def add_arguments(parser) -> None:
    add_input_arguments(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def run(args) -> int:
    articles = read_inputs(args, warn=False)  # describe() shows the warnings
    if args.format == "json":
        json.dump([to_dict(a) for a in articles], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n\n".join(describe(a) for a in articles) + "\n")
    return 0


def describe(article: Article) -> str:
    """A readable account of one article as the tool read it."""
    words = len(article.text.split())
    lines = [
        f"source:   {printable(article.source)}",
        f"outlet:   {printable(article.outlet)} ({RULES.get(article.outlet_rule, article.outlet_rule)})",
        f"headline: {printable(article.headline)}",
        f"date:     {article.date or 'unknown'}",
    ]
    if article.authors:
        lines.append(f"authors:  {printable(', '.join(article.authors))}")
    if article.url:
        lines.append(f"url:      {printable(article.url)}")
    read = f"{article.reader}" + (f", {article.encoding}" if article.encoding else "")
    for warning in article.warnings:
        lines.append(f"warning:  {printable(warning)}")
    lines.append(f"read as:  {read}; {words} words, {len(article.paragraphs)} paragraphs, "
                 f"{len(article.sentences)} sentences; sha256 {article.content_hash[:16]}")
    by_paragraph: dict[int, list] = {}
    for sentence in article.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    for para in article.paragraphs:
        why = f"  ({printable(para.why)})" if para.role not in ("body", "headline") and para.why else ""
        lines.append(f"\n¶{para.index} {para.role}{why}")
        for sentence in by_paragraph.get(para.index, []):
            lines.append(f"  [{sentence.index:>3}] {printable(sentence.text)}")
    return "\n".join(lines)
