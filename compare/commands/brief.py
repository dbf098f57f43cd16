"""Write a PDF brief comparing two or more articles: summary, shared facts, omissions, conflicts, sources, tone, method.

Without -o the brief goes to out/brief-<outlets>-<hash>.pdf, a name fixed by the inputs and the template.
--template takes a name (looked up in ./templates/, then the packaged templates: default, one-page)
or a path to a .toml file; copy a packaged template and edit it to change the page, fonts, colours,
logo, title or sections (see templates/README.md). Any number of articles fits: with many, the
tables of facts by outlet are split across pages. On a terminal, a progress bar shows the work.

exit status: 0 the brief was written (its path is printed); 2 trouble (an unreadable input, bad
arguments, a bad template, an unwritable output).

--from FILE renders a comparison saved by `newscompare compare -o FILE`, without comparing again.

example:
  newscompare brief seeds/rutte-white-house-nato-dues.txt seeds/foxnews-rutte-ukraine-talks.txt -o out/brief.pdf
  newscompare brief --from out/seeds.json -o out/brief-from-saved.pdf
  newscompare brief a.html b.html c.json --outlet Reuters --outlet AP --template one-page
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from compare.commands._inputs import add_input_arguments, read_inputs


def add_arguments(parser) -> None:
    add_input_arguments(parser, optional=True)
    parser.add_argument("--from", dest="saved", metavar="JSON",
                        help="render a comparison saved by `newscompare compare -o JSON` instead of comparing articles")
    parser.add_argument("-o", "--output", metavar="PDF",
                        help="where to write the brief; - for standard output "
                             "(default: a name under out/ fixed by the inputs)")
    parser.add_argument("--template", default="default", metavar="NAME|PATH",
                        help="template name (./templates/NAME.toml, else packaged) or path (default: %(default)s)")


def run(args) -> int:
    from compare.render.templates import load_template

    template = load_template(args.template)  # a bad template fails before the slow part

    from compare.commands._progress import progress_bar
    from compare.comparison import compare_articles
    from compare.render.pdf import write_brief

    bar = progress_bar()
    if args.saved:
        from compare.errors import ConfigError
        from compare.render.jsonout import read_comparison

        if args.articles:
            raise ConfigError("give either articles or --from a saved comparison, not both")
        comparison = read_comparison(args.saved)
        articles = list(comparison.articles)
    else:
        articles = read_inputs(args, least=2, progress=bar)
        comparison = compare_articles(articles, progress=bar)
    path = Path(args.output) if args.output else default_path(articles, template.name)
    if bar:
        bar(0, 1, "writing the brief")
    write_brief(comparison, path, template=template)
    if bar:
        bar(1, 1, "writing the brief")
    if str(path) != "-":  # the PDF itself went to standard output
        print(path, file=sys.stdout)
    return 0


def default_path(articles, template_name: str, folder: Path = Path("out")) -> Path:
    """out/brief-<outlets>-<first 10 hex of sha256 over the texts and template name>.pdf."""
    digest = hashlib.sha256("\n".join([a.content_hash for a in articles] + [template_name]).encode()).hexdigest()
    slug = "-vs-".join(re.sub(r"[^a-z0-9]+", "-", (a.outlet or "unknown").lower()).strip("-") or "unknown"
                       for a in articles)[:60].strip("-")
    return folder / f"brief-{slug}-{digest[:10]}.pdf"
