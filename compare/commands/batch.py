"""Run the comparisons a TOML manifest describes: explicit groups, and folders grouped by story.

Each run writes out/<run-id>/: one brief (PDF), JSON and/or Markdown per group, and index.json,
index.md and index.html listing every group (outlets, verdict, headline differences), the stories
only one outlet covered, and the inputs that could not be read. Finished groups are cached (SQLite,
in the output folder): a rerun skips them, a changed article is compared again, --force redoes all.
A run killed part-way is resumed by the next run of the same manifest. The manifest format is in
docs/batch.md.

exit status: 0 every group done; 1 some group or input failed (named in the summary);
2 bad manifest or arguments, or the output folder is busy.

example:
  newscompare batch news.toml --jobs 2
  newscompare batch news.toml --cluster tcp://10.0.0.5:8786 --force
"""
from __future__ import annotations

import argparse
import os
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("manifest", metavar="MANIFEST", help="the batch manifest (TOML)")
    add_run_arguments(parser)


def add_run_arguments(parser: argparse.ArgumentParser, *, wait: float = 0.0) -> None:
    """Flags shared by batch and schedule (schedule waits an hour for a busy output folder by default)."""
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="compare in N processes (0 = one per CPU; default 1)")
    parser.add_argument("--cluster", metavar="ADDRESS",
                        help="run the comparisons on a Dask cluster, e.g. tcp://host:8786 (see docs/batch.md)")
    parser.add_argument("--force", action="store_true", help="ignore the cache and compare every group again")
    parser.add_argument("--wait", type=float, default=wait, metavar="SECONDS",
                        help="if another run holds the output folder, wait up to this long "
                             f"(default: {f'{wait:g} s' if wait else 'refuse'})")
    parser.add_argument("--cache", metavar="PATH", help="the cache file (default: cache.sqlite in the output folder)")
    parser.add_argument("--output", metavar="FOLDER", help="the output folder (overrides [output] folder)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines, only the summary")


def load(args):
    """The manifest with the command line's overrides, checked against the engine's options."""
    import dataclasses
    import inspect
    from pathlib import Path

    from compare.batch.manifest import load_manifest
    from compare.comparison import compare_articles
    from compare.errors import ConfigError

    if args.jobs < 0:
        raise ConfigError(f"--jobs must be 0 or more, not {args.jobs}")
    names = {p.name: p.default for p in inspect.signature(compare_articles).parameters.values()
             if p.kind is p.KEYWORD_ONLY and p.name != "progress"}
    manifest = load_manifest(args.manifest, option_names=names)
    if args.output:
        output = Path(args.output).resolve()
        cache = manifest.cache if manifest.cache.parent != manifest.output else output / manifest.cache.name
        manifest = dataclasses.replace(manifest, output=output, cache=cache)
    if args.cache:
        manifest = dataclasses.replace(manifest, cache=Path(args.cache).resolve())
    return manifest


def execute(args, log) -> int:
    """One batch run; log receives the progress lines (unless --quiet) and the summary."""
    from compare.batch.runner import run_batch

    progress = None if args.quiet else terminal_progress(sys.stderr)
    summary = run_batch(load(args), jobs=args.jobs or os.cpu_count() or 1, cluster=args.cluster, force=args.force,
                        wait=args.wait, progress=progress, log=None if args.quiet else log)
    for line in summary.lines():
        log(line)
    return summary.exit_code


def run(args) -> int:
    return execute(args, lambda line: print(line, file=sys.stderr, flush=True))


def terminal_progress(stream):
    """A bar with counts, elapsed time and ETA on a terminal (tqdm); plain log lines otherwise."""
    from compare.commands._progress import progress_bar

    bar = progress_bar(stream, unit="group")
    if bar:
        return bar

    def show(done: int, total: int, what: str) -> None:
        stream.write(f"[{done}/{total}] {what}\n")
        stream.flush()

    return show
