"""Compare two or more articles and write the whole comparison as JSON.

The JSON holds everything the other commands show: articles, facts, alignments, the same-event
verdict with its reasons, outlet profiles, ranked differences and the method (see docs/json.md).
On a terminal, a progress bar shows the work on many articles.

exit status: 0 the JSON was written; 2 trouble (an unreadable input, bad arguments, an unwritable output).

example:
  newscompare compare seeds/rutte-white-house-nato-dues.txt seeds/foxnews-rutte-ukraine-talks.txt -o out/seeds.json
"""
from __future__ import annotations

import sys

from compare.commands._inputs import add_input_arguments, read_inputs


def add_arguments(parser) -> None:
    add_input_arguments(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="write the JSON here (default or -: standard output)")


def run(args) -> int:
    from compare.commands._progress import progress_bar
    from compare.comparison import compare_articles
    from compare.render.jsonout import render_json
    from compare.render.output import write_text

    bar = progress_bar()
    comparison = compare_articles(read_inputs(args, least=2, progress=bar), progress=bar)
    text = render_json(comparison)
    if args.output and args.output != "-":
        write_text(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
