"""Run a batch manifest again and again on a cron expression, one run at a time.

A run that overruns its slot delays the next one (runs never overlap); each run's summary is
logged with a time stamp on standard error. Stop it with Ctrl-C. To let cron or a systemd timer
do the timing instead, call `newscompare batch MANIFEST` from them (docs/batch.md shows both).
Takes the same flags as `batch` (but --wait defaults to 3600 s, an hour); the manifest is read afresh
for every run.

exit status (with --max-runs): the worst of the runs: 0 all done, 1 something failed, 2 trouble.

example:
  newscompare schedule news.toml --cron "0 7 * * *" --jobs 2
  newscompare schedule news.toml --cron "*/30 * * * *" --max-runs 1
"""
from __future__ import annotations

import argparse

from compare.commands.batch import add_run_arguments, execute, load


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("manifest", metavar="MANIFEST", help="the batch manifest (TOML)")
    parser.add_argument("--cron", required=True, metavar="EXPRESSION",
                        help='when to run: minute hour day month weekday, e.g. "0 7 * * *" (daily at 07:00 local)')
    parser.add_argument("--max-runs", type=int, metavar="N", help="stop after N runs (default: run until stopped)")
    add_run_arguments(parser, wait=3600.0)


def run(args) -> int:
    import time

    from compare.batch.schedule import check_cron, run_schedule, stderr_log
    from compare.errors import ConfigError

    check_cron(args.cron)
    if args.max_runs is not None and args.max_runs < 1:
        raise ConfigError(f"--max-runs must be 1 or more, not {args.max_runs}")
    load(args)  # a bad manifest stops the schedule before it starts
    log = stderr_log(time.time)
    return run_schedule(args.cron, lambda: execute(args, log), max_runs=args.max_runs, log=log)
