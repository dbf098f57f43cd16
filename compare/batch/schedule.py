"""Run a job on a cron expression, one run at a time: a run that overruns its slot delays the next, never overlaps.

The clock, the sleep and the log are parameters, so the loop is tested without waiting.
"""
from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable

from compare.errors import EXIT_OK, EXIT_USAGE, ConfigError, NewscompareError


def check_cron(expression: str) -> str:
    """The expression if croniter accepts it (five fields; seconds and years too), else a ConfigError."""
    from croniter import croniter

    if not croniter.is_valid(expression):
        raise ConfigError(f"--cron {expression!r} is not a cron expression; "
                          "write five fields: minute hour day-of-month month day-of-week, e.g. \"0 7 * * *\"")
    try:
        next_fire(expression, time.time())
    except Exception:  # noqa: BLE001 - croniter gives up on a date that never comes (31 February)
        raise ConfigError(f"--cron {expression!r} names a date that never comes; check the day and the month") from None
    return expression


def next_fire(expression: str, after: float) -> float:
    """The first time (epoch seconds) after `after` that the expression names, in local time."""
    from croniter import croniter

    start = dt.datetime.fromtimestamp(after).astimezone()
    return croniter(expression, start).get_next(dt.datetime).timestamp()


def run_schedule(expression: str, run_once: Callable[[], int], *, max_runs: int | None = None,
                 clock: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep,
                 log: Callable[[str], None] | None = None, nap: float = 60.0) -> int:
    """Call run_once at each slot of the cron expression; returns the worst exit code of the runs made."""
    check_cron(expression)
    log = log or stderr_log(clock)
    worst, runs = EXIT_OK, 0
    slot = next_fire(expression, clock())
    log(f"schedule {expression!r}: first run at {_when(slot)}")
    while max_runs is None or runs < max_runs:
        while (remaining := slot - clock()) > 0:
            sleep(min(remaining, nap))  # short naps, so a changed wall clock is noticed
        log(f"run {runs + 1} starting (slot {_when(slot)})")
        try:
            code = run_once()
        except NewscompareError as exc:  # a bad manifest or a busy folder: log it, keep the schedule
            log(f"run {runs + 1} failed: {exc}")
            code = exc.exit_code
        except Exception as exc:  # noqa: BLE001 - a full disk or a locked database must not end an unattended schedule
            log(f"run {runs + 1} failed: {type(exc).__name__}: {exc}")
            code = EXIT_USAGE
        worst, runs = max(worst, code), runs + 1
        ended = clock()
        following = next_fire(expression, slot)
        if following <= ended:
            missed = _count_slots(expression, slot, ended)
            log(f"run {runs} overran {missed} slot(s) (first {_when(following)}); the next run starts now")
            slot = ended
        else:
            slot = following
        if max_runs is None or runs < max_runs:
            log(f"run {runs} finished with exit code {code}; next run at {_when(slot)}")
        else:
            log(f"run {runs} finished with exit code {code}; {runs} run(s) done, stopping (--max-runs)")
    return worst


def _count_slots(expression: str, after: float, until: float) -> int:
    count, t = 0, next_fire(expression, after)
    while t <= until:
        count, t = count + 1, next_fire(expression, t)
    return count


def _when(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch).astimezone().isoformat(timespec="seconds")


def stderr_log(clock: Callable[[], float]) -> Callable[[str], None]:
    def log(message: str) -> None:
        print(f"{_when(clock())} newscompare schedule: {message}", file=sys.stderr, flush=True)

    return log
