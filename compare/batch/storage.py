"""Keeping batch output folders whole: a lock so two runs never share one, and clean-up after a killed run.

Files themselves are written atomically by compare.render.output.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from compare.errors import NewscompareError

TMP_PATTERN = ".*.tmp"  # the temp files of compare.render.output.write_bytes


class BusyError(NewscompareError):
    """Another run holds the output folder's lock."""


def remove_stale_temp_files(folder: Path) -> int:
    """Delete the temp files (compare.render.output's ".<name>.*.tmp") a killed run left behind; returns how many."""
    stale = list(Path(folder).glob(TMP_PATTERN)) if Path(folder).is_dir() else []
    for tmp in stale:
        tmp.unlink(missing_ok=True)
    return len(stale)


_HELD: dict[int, Path] = {}  # descriptor -> lock file, for the workers to close


def held_lock_fds() -> tuple[int, ...]:
    """The descriptors of the output locks held by this process."""
    return tuple(_HELD)


class OutputLock:
    """An exclusive lock on an output folder (fcntl.flock: released by the OS even after kill -9)."""

    def __init__(self, folder: Path, *, wait: float = 0.0, poll: float = 0.2):
        self.path = Path(folder) / ".newscompare.lock"
        self.wait, self.poll = wait, poll
        self._handle = None

    def __enter__(self) -> OutputLock:
        import fcntl

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.path, "a+")
        except OSError as exc:
            raise NewscompareError(f"{self.path.parent}: cannot use this output folder ({exc.strerror or exc}); "
                                   "check that it is a folder you may write to, or choose another") from None
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "unknown"
                    handle.close()
                    waited = f" after waiting {self.wait:g} s" if self.wait else ""
                    raise BusyError(
                        f"{self.path.parent}: another newscompare run (pid {holder}) is writing to this output "
                        f"folder{waited}; let it finish, pass --wait SECONDS, or choose another output folder"
                    ) from None
                time.sleep(self.poll)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle
        _HELD[handle.fileno()] = self.path
        return self

    def __exit__(self, *exc) -> None:
        import fcntl

        if self._handle is not None:
            _HELD.pop(self._handle.fileno(), None)
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None
