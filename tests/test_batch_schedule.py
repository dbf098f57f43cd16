"""The cron loop with a fake clock: slots, overruns that delay (never overlap), failures logged, --max-runs."""
from __future__ import annotations

import datetime as dt

import pytest

from compare.batch.schedule import check_cron, next_fire, run_schedule
from compare.errors import ConfigError


class FakeTime:
    """A clock that moves only when the loop sleeps or a run takes time."""

    def __init__(self, start: dt.datetime):
        self.now = start.timestamp()
        self.slept = 0.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds > 0
        self.now += seconds
        self.slept += seconds


def local(*args) -> float:
    return dt.datetime(*args).timestamp()


def schedule(expression, durations, *, start=(2026, 3, 2, 10, 20), fail_on=()):
    """Run the loop for len(durations) runs; returns (run start times as local datetimes, log lines, exit code)."""
    fake, starts, lines = FakeTime(dt.datetime(*start)), [], []

    def run_once():
        n = len(starts)
        starts.append(dt.datetime.fromtimestamp(fake.now))
        if n in fail_on:
            raise ConfigError("manifest.toml, line 3: [output] key 'formats' unknown format 'docx'")
        fake.now += durations[n]
        return 1 if n == 1 else 0

    code = run_schedule(expression, run_once, max_runs=len(durations), clock=fake.clock, sleep=fake.sleep,
                        log=lines.append)
    return starts, lines, code


def test_runs_at_each_slot():
    starts, lines, code = schedule("0 * * * *", [60, 60, 60])
    assert starts == [dt.datetime(2026, 3, 2, h, 0) for h in (11, 12, 13)]
    assert code == 1  # the worst exit code of the runs
    assert any("stopping (--max-runs)" in line for line in lines)


def test_an_overrun_delays_the_next_run_and_never_overlaps():
    starts, lines, _ = schedule("0 * * * *", [90 * 60, 60, 60])
    # run 1 (11:00) takes 90 minutes: the 12:00 slot is missed, run 2 starts when run 1 ends
    assert starts == [dt.datetime(2026, 3, 2, 11, 0), dt.datetime(2026, 3, 2, 12, 30), dt.datetime(2026, 3, 2, 13, 0)]
    assert any("overran 1 slot(s)" in line for line in lines)


def test_a_long_overrun_collapses_missed_slots_into_one_run():
    starts, lines, _ = schedule("*/10 * * * *", [35 * 60, 60])
    assert starts == [dt.datetime(2026, 3, 2, 10, 30), dt.datetime(2026, 3, 2, 11, 5)]
    assert any("overran 3 slot(s)" in line for line in lines)


def test_a_failing_run_is_logged_and_the_schedule_goes_on():
    starts, lines, code = schedule("0 7 * * *", [60, 60], fail_on=(0,))
    assert starts == [dt.datetime(2026, 3, 3, 7, 0), dt.datetime(2026, 3, 4, 7, 0)]
    assert code == 2 and any("run 1 failed" in line and "formats" in line for line in lines)


@pytest.mark.parametrize("expression", ["", "0 7 * *", "61 * * * *", "every day", "0 25 * * *"])
def test_bad_cron_expressions_are_config_errors(expression):
    with pytest.raises(ConfigError, match="not a cron expression"):
        check_cron(expression)


def test_next_fire_is_local_time():
    assert next_fire("0 7 * * *", local(2026, 3, 2, 7, 0)) == local(2026, 3, 3, 7, 0)


def test_an_unexpected_error_is_logged_with_its_type_and_the_schedule_goes_on():
    fake, starts, lines = FakeTime(dt.datetime(2026, 3, 2, 10, 20)), [], []

    def run_once():
        starts.append(dt.datetime.fromtimestamp(fake.now))
        fake.now += 60
        if len(starts) == 1:
            raise OSError(28, "No space left on device")
        return 0

    code = run_schedule("0 7 * * *", run_once, max_runs=2, clock=fake.clock, sleep=fake.sleep, log=lines.append)
    assert starts == [dt.datetime(2026, 3, 3, 7, 0), dt.datetime(2026, 3, 4, 7, 0)]
    assert code == 2
    assert any("run 1 failed: OSError" in line and "No space left" in line for line in lines)
    assert any("run 1 finished with exit code 2" in line for line in lines)
