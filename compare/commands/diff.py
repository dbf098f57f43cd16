"""Diff two articles fact by fact, like diff(1): what they share, where they conflict, what only one has.

The header gives both headlines, outlets and dates, the same-event verdict with its main reason, and how
many facts are shared, conflicting or only in each. The body lists facts in A's reading order, B's facts
placed where they align:

  =  shared (B's wording shown when it differs)      ≈  partly shared
  ~  conflicting: the differing values are coloured, or marked [-A's-] and {+B's+} without colour
  -  only in A                                        +  only in B

The footer lists the main differences in tone, framing and sourcing (the top six; all in Markdown and JSON).
With --context N only the changes are shown, each with N shared facts around it ("@@" starts a hunk,
"…" counts the shared facts left out). Colour is used on a terminal, never in a pipe or file, and not
when NO_COLOR is set (unless --color always); FORCE_COLOR turns it on in a pipe. Output longer than the
terminal goes through a pager ($PAGER, else less -FRX, as git does); --no-pager turns that off. Text
wraps to the terminal width (or COLUMNS, or --width).
--format json writes the whole comparison (see docs/json.md); the display options shape text and Markdown.

exit status: 0 when the articles carry the same facts, 1 when they differ, 2 on trouble.

examples:
  newscompare diff seeds/rutte-white-house-nato-dues.txt seeds/foxnews-rutte-ukraine-talks.txt
  newscompare diff --context 1 --only conflicts,omissions --side-by-side a.txt b.html
  cat b.txt | newscompare diff --format markdown -o diff.md a.txt -
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys

from compare.commands._inputs import add_input_arguments, read_inputs
from compare.errors import EXIT_DIFFERENT, EXIT_OK

FORMATS = ("text", "json", "markdown")
COLOR_CHOICES = ("auto", "always", "never")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    parser.usage = "%(prog)s [options] ARTICLE_A ARTICLE_B"
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write here instead of standard output (-: standard output)")
    parser.add_argument("-y", "--side-by-side", action="store_true", help="two columns: A on the left, B on the right")
    parser.add_argument("--only", type=_only, metavar="KINDS",
                        help="show only shared, conflicts or omissions (comma-separated to combine)")
    parser.add_argument("-C", "--context", type=_count, metavar="N",
                        help="show only the changes, each with N shared facts around it")
    parser.add_argument("--color", "--colour", choices=COLOR_CHOICES, default="auto", dest="color",
                        help="colour the text output: auto (on a terminal, unless NO_COLOR is set), always, never")
    parser.add_argument("-W", "--width", type=_width, metavar="COLUMNS",
                        help="wrap text to this width (default: the terminal's, or COLUMNS, or 80)")
    parser.add_argument("--no-pager", action="store_true",
                        help="never page the output (default: a terminal's long output goes through $PAGER or less)")
    parser.add_argument("--no-profiles", action="store_true",
                        help="skip the outlet profiles (faster; no tone/framing/sourcing footer)")


def run(args: argparse.Namespace) -> int:
    from compare.comparison import compare_articles
    from compare.render.text import same_facts

    if args.output == "-":
        args.output = None
    articles = read_inputs(args, least=2, most=2)
    # the text and Markdown diff show difference lines only, none of which reads the sentiment toward each actor
    comparison = compare_articles(articles, profiles=not args.no_profiles, tone_targets=args.format == "json")
    to_terminal = not args.output and _isatty(sys.stdout)
    text = render(comparison, args.format, width=args.width or terminal_width(to_stdout=not args.output),
                  color=use_color(args.color, to_terminal, os.environ), side_by_side=args.side_by_side,
                  only=args.only, context=args.context)
    if args.output:
        from compare.render.output import write_text

        write_text(args.output, text)
    elif not (to_terminal and not args.no_pager and _stdout_is_a_terminal() and page(text, os.environ)):
        sys.stdout.write(text)
        sys.stdout.flush()
    return EXIT_OK if same_facts(comparison) else EXIT_DIFFERENT


def render(comparison, fmt: str, *, width: int, color: bool, side_by_side: bool, only, context) -> str:
    """The comparison in the chosen format (colour and width apply to text only)."""
    if fmt == "json":
        from compare.render.jsonout import render_json
        return render_json(comparison)
    if fmt == "markdown":
        from compare.render.markdown import render_markdown
        return render_markdown(comparison, side_by_side=side_by_side, only=only, context=context)
    from compare.render.text import render_text
    return render_text(comparison, width=width, color=color, side_by_side=side_by_side, only=only, context=context)


def use_color(choice: str, to_terminal: bool, environ) -> bool:
    """--color always/never win; then NO_COLOR (non-empty) turns colour off and FORCE_COLOR (non-empty, not 0)
    on, even in a pipe; auto colours a terminal unless TERM is dumb."""
    if choice in ("always", "never"):
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR", "") not in ("", "0", "false"):
        return True
    return to_terminal and environ.get("TERM") != "dumb"


def page(text: str, environ) -> bool:
    """Show text through a pager, as git does, when it is longer than the terminal: $NEWSCOMPARE_PAGER, $PAGER,
    else less -FRX. False (nothing shown) when it fits, paging is off (PAGER empty or cat) or no pager runs."""
    import shlex
    import subprocess

    if text.count("\n") < shutil.get_terminal_size((80, 24)).lines:
        return False
    command = environ.get("NEWSCOMPARE_PAGER", environ.get("PAGER", "less"))
    if command.strip() in ("", "cat"):
        return False
    env = dict(environ)
    env.setdefault("LESS", "FRX")  # quit if one screen, keep colours, leave the text on the screen
    try:
        pager = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):
        return False
    sys.stdout.flush()
    try:
        pager.communicate(text.encode(sys.stdout.encoding or "utf-8", "replace"))
    except (BrokenPipeError, KeyboardInterrupt):
        pass
    pager.wait()
    return True


def terminal_width(*, to_stdout: bool) -> int:
    """COLUMNS, else the terminal's width when writing to it, else 80."""
    if to_stdout:
        return shutil.get_terminal_size((80, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else 80


def _stdout_is_a_terminal() -> bool:
    """Whether file descriptor 1 itself is a terminal (a pager needs a real one, not a stream that says so)."""
    try:
        return os.isatty(sys.stdout.fileno())
    except (AttributeError, ValueError, OSError):
        return False


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _only(value: str):
    from compare.render.text import only_kinds
    try:
        only_kinds(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def _count(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number of facts (0 or more), got {value!r}")
    return int(value)


def _width(value: str) -> int:
    if not value.isdigit() or int(value) < 40:
        raise argparse.ArgumentTypeError(f"expected a width of at least 40 columns, got {value!r}")
    return int(value)
