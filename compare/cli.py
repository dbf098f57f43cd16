"""The command line: parse, call the library, print, map errors to exit codes.

Each command lives in compare/commands/<name>.py: its docstring is its --help (with an example),
`add_arguments(parser)` declares its flags and `run(args)` returns the exit code.
"""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import traceback

import compare
from compare.errors import EXIT_USAGE, NewscompareError

ORDER = ("inspect", "compare", "diff", "brief", "batch", "schedule")
DESCRIPTION = """Compare news articles about the same story: what they share, what each leaves out, where they
contradict each other, and how each outlet frames and colours it, with the sentences behind every claim.

examples:
  newscompare diff a.txt b.html                  the facts of two articles side by side, like diff(1)
  newscompare brief a.txt b.html c.json          a PDF brief of two or more articles
  newscompare compare a.txt b.txt -o result.json the whole comparison as JSON
  newscompare inspect a.html                     how an article was read
  newscompare batch news.toml                    many articles, grouped by story

Inputs are text, HTML or JSON files, http(s) URLs, or - for standard input."""
FILE_ARGUMENTS = ("articles", "manifest", "output", "template", "cache")
EPILOG = """Each command's --help gives its options, examples and exit status (2 always means trouble: an
unreadable input, bad arguments, a bad manifest or template). Add --debug to see the traceback of an error.
Shell completion: newscompare --print-completion bash (or zsh); see the README."""


def command_modules() -> dict[str, object]:
    """Every command module, in the order of ORDER then by name."""
    import compare.commands as package

    names = [m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_")]
    names.sort(key=lambda n: (ORDER.index(n) if n in ORDER else len(ORDER), n))
    return {name: importlib.import_module(f"compare.commands.{name}") for name in names}


def build_parser(completion: bool = False) -> argparse.ArgumentParser:
    """The command-line parser; with ``completion`` it can print shell completion (shtab is imported only then:
    it costs about 0.1 s at start-up)."""
    if completion:
        import shtab

    parser = argparse.ArgumentParser(
        prog="newscompare", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"newscompare {compare.__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    if completion:
        shtab.add_argument_to(parser, ["--print-completion"], help="print a shell completion script (bash or zsh)")
    else:
        parser.add_argument("--print-completion", choices=["bash", "zsh", "tcsh"], metavar="{bash,zsh,tcsh}",
                            help="print a shell completion script (bash or zsh)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in command_modules().items():
        doc = (module.__doc__ or "").strip()
        summary = doc.splitlines()[0] if doc else name
        cmd = sub.add_parser(name, help=summary, description=doc,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(cmd)
        for action in cmd._actions:  # complete file names where a file is expected
            if completion and action.dest in FILE_ARGUMENTS:
                action.complete = shtab.FILE
        cmd.set_defaults(run=module.run)
    return parser


# numpy's OpenBLAS starts a pool of threads when it loads (~60 ms of a 2-core machine's CPU per process); every
# matrix the tool multiplies is small (OpenBLAS runs those on one thread anyway) and batch runs its own worker
# processes, so the command line asks for one BLAS thread unless the user has set it. Set before numpy is imported.
BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1"}


def main(argv: list[str] | None = None) -> int:
    for name, value in BLAS_THREADS.items():
        os.environ.setdefault(name, value)
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    argv = [a for a in argv if a != "--debug"]
    parser = build_parser(completion=any(a.startswith("--print-completion") for a in argv))
    try:
        args = parser.parse_args(argv)  # --help, --version and --print-completion print here
    except BrokenPipeError:
        return _reader_gone()
    args.debug = debug
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except NewscompareError as exc:
        if debug:
            traceback.print_exc()  # then the documented exit code, not Python's 1
        print(f"newscompare: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _reader_gone()
    except Exception as exc:  # noqa: BLE001 - a bug: say so in one line unless --debug
        if debug:
            traceback.print_exc()
        print(f"newscompare: internal error: {type(exc).__name__}: {exc} "
              "(run again with --debug for the traceback, and please report it)", file=sys.stderr)
        return EXIT_USAGE


def _reader_gone() -> int:
    """The reader of standard output went away (e.g. `| head`): not an error, and nothing more to print."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
    except (OSError, ValueError):
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
