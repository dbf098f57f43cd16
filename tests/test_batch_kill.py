"""kill -9 of `batch --jobs 2` at each phase, and SIGTERM of a schedule: no survivors, and the rerun completes."""
from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import test_batch_runner as base

from compare.batch.runner import run_batch

PHASES = ("reading", "grouping", "comparing", "writing-pdf", "writing-index")
GROUPING = "\n[grouping]\naccept = 0.99\n"  # grey-zone pairs go to the engine's check, on the workers


def pause(phase: str) -> None:
    """Stop here for good if this is the phase the test kills in (NEWSCOMPARE_TEST_PAUSE=phase:marker)."""
    wanted, _, marker = os.environ.get("NEWSCOMPARE_TEST_PAUSE", "").partition(":")
    if wanted == phase:
        Path(marker).touch()
        time.sleep(300)


def pausing_compare(articles, **options):
    pause("comparing")
    return base.fake_compare(articles, **options)


def pausing_same_event(a, b):
    pause("grouping")
    return base.fake_same_event(a, b)


PLAIN = dataclasses.replace(base.ENGINE, same_event=base.fake_same_event)
ENGINE = dataclasses.replace(base.ENGINE, compare=pausing_compare, same_event=pausing_same_event)


def child(path: str, schedule: bool = False) -> None:
    """The killed process: a batch run with --jobs 2, with pauses patched into the main process's phases."""
    import compare.batch.index
    import compare.batch.runner
    import compare.ingest
    from compare.batch.manifest import load_manifest

    read, write_bytes, write_text = (compare.ingest.read_article, compare.batch.runner.write_bytes,
                                     compare.batch.index.write_text)
    compare.ingest.read_article = lambda *a, **k: (pause("reading"), read(*a, **k))[1]
    compare.batch.runner.write_bytes = lambda p, d: (pause("writing-pdf") if str(p).endswith(".pdf") else None,
                                                     write_bytes(p, d))[1]
    compare.batch.index.write_text = lambda p, t: (pause("writing-index"), write_text(p, t))[1]

    def once():
        return run_batch(load_manifest(path), engine=ENGINE, jobs=2).exit_code

    if schedule:
        from compare.batch.schedule import run_schedule

        offset = [0.0]
        run_schedule("* * * * *", once, max_runs=1, clock=lambda: time.time() + offset[0],
                     sleep=lambda s: offset.__setitem__(0, offset[0] + s), log=lambda line: None)
    else:
        once()


def start(path: Path, phase: str, marker: Path, schedule: bool = False) -> subprocess.Popen:
    script = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import test_batch_kill as t; "
              f"t.child({str(path)!r}, {schedule!r})")
    env = {**os.environ, "NEWSCOMPARE_TEST_PAUSE": f"{phase}:{marker}"}
    return subprocess.Popen([sys.executable, "-c", script], env=env, start_new_session=True)


def live_members(group: int) -> list[int]:
    """Processes of a process group that are alive (zombies waiting for a reaper do not count)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def outputs(folder: Path) -> dict[str, bytes]:
    """A run's group files, and its index's groups (run id and timings differ from run to run)."""
    files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.stem not in ("run", "index")}
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    groups = json.dumps([index["groups"], index["blindspots"], index["unreadable_inputs"]], sort_keys=True)
    files["index groups"] = groups.replace(str(folder.parent.parent), "ROOT").encode()  # sources are absolute
    return files


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory):
    path = base.write_manifest(tmp_path_factory.mktemp("whole"), extra=GROUPING)
    summary = run_batch(base.load_manifest(path), engine=PLAIN, jobs=2)
    assert summary.exit_code == 0
    return outputs(summary.folder)


def kill_and_rerun(tmp_path: Path, phase: str, sig: int, uninterrupted: dict, schedule: bool = False) -> None:
    path = base.write_manifest(tmp_path, extra=GROUPING)
    marker = tmp_path / "paused"
    proc = start(path, phase, marker, schedule)
    deadline = time.monotonic() + 60
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), f"the run never reached {phase}"
    os.kill(proc.pid, sig)
    proc.wait()
    deadline = time.monotonic() + 5
    while live_members(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not live_members(proc.pid), f"processes of the killed run still alive after {phase}"
    summary = run_batch(base.load_manifest(path), engine=PLAIN, jobs=2)  # no clean-up, no --wait
    assert summary.exit_code == 0
    assert outputs(summary.folder) == uninterrupted
    assert len([p for p in (tmp_path / "out").iterdir() if p.is_dir()]) == 1  # the killed run was resumed


@pytest.mark.parametrize("phase", PHASES)
def test_kill_9_of_a_parallel_run_at_each_phase(tmp_path, phase, uninterrupted):
    kill_and_rerun(tmp_path, phase, signal.SIGKILL, uninterrupted)


def test_sigterm_of_a_schedule_while_comparing(tmp_path, uninterrupted):
    kill_and_rerun(tmp_path, "comparing", signal.SIGTERM, uninterrupted, schedule=True)
