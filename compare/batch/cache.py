"""The batch result cache: one SQLite file, keyed by the articles' identities, tool version and settings.

A finished group's outputs (JSON, Markdown, PDF bytes) and its index summary are stored under its key,
so a rerun writes them again without comparing; a changed article (text or metadata) changes the key;
--force ignores hits.
Only the client process writes, one transaction per group, so a killed run keeps what it finished.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path

from compare.errors import ConfigError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    summary TEXT NOT NULL,
    created TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS artifacts (
    key TEXT NOT NULL REFERENCES results(key) ON DELETE CASCADE,
    format TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (key, format)
);
CREATE TABLE IF NOT EXISTS verdicts (
    key TEXT PRIMARY KEY,
    label TEXT NOT NULL
);
"""


def cache_key(identities: Sequence[str], *, tool_version: str, settings: Mapping) -> str:
    """sha256 of the articles' identities (in order), the tool version and the settings (as sorted JSON)."""
    payload = json.dumps({"articles": list(identities), "version": tool_version, "settings": settings},
                         sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ResultCache:
    """Finished groups by key; same-event verdicts of article pairs by key."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.damaged: list[str] = []  # entries that could not be read back (recomputed), for the run's log
        if self.path.is_dir():
            raise ConfigError(f"{self.path}: the batch cache is a folder; pass --cache FILE (or set [output] cache "
                              "to a file name)")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30)
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(f"{self.path}: the batch cache cannot be created ({exc}); check that its folder is "
                              "writable, or pass --cache PATH") from None
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise ConfigError(f"{self.path}: the batch cache cannot be opened ({exc}); delete the file (it is "
                              "rebuilt on the next run) or pass --cache PATH to use another one") from None

    def get(self, key: str) -> tuple[dict, dict[str, bytes]] | None:
        """The summary and artifacts (format -> bytes) stored under key, or None (also for a damaged entry)."""
        with self._guard():
            row = self._db.execute("SELECT summary FROM results WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            artifacts = dict(self._db.execute("SELECT format, data FROM artifacts WHERE key = ?", (key,)))
        try:
            summary = json.loads(row[0])
            if not isinstance(summary, dict) or not all(isinstance(v, bytes) for v in artifacts.values()):
                raise ValueError("unexpected types")
        except (ValueError, TypeError) as exc:  # flipped bytes in a row: recompute it
            self.damaged.append(f"{key[:12]}: {type(exc).__name__}: {exc}")
            return None
        return summary, artifacts

    def put(self, key: str, name: str, summary: dict, artifacts: Mapping[str, bytes]) -> None:
        """Store one finished group in one transaction."""
        with self._guard(), self._db:
            self._db.execute("INSERT OR REPLACE INTO results (key, name, summary) VALUES (?, ?, ?)",
                             (key, name, json.dumps(summary, sort_keys=True)))
            self._db.execute("DELETE FROM artifacts WHERE key = ?", (key,))
            self._db.executemany("INSERT INTO artifacts (key, format, data) VALUES (?, ?, ?)",
                                 [(key, fmt, sqlite3.Binary(data)) for fmt, data in artifacts.items()])

    def verdict(self, key: str) -> str | None:
        with self._guard():
            row = self._db.execute("SELECT label FROM verdicts WHERE key = ?", (key,)).fetchone()
        return row[0] if row and isinstance(row[0], str) else None

    def put_verdicts(self, verdicts: Mapping[str, str]) -> None:
        with self._guard(), self._db:
            self._db.executemany("INSERT OR REPLACE INTO verdicts (key, label) VALUES (?, ?)", verdicts.items())

    @contextlib.contextmanager
    def _guard(self):
        """A damaged or unwritable cache file: the documented one-line error, not a traceback."""
        try:
            yield
        except sqlite3.Error as exc:
            raise ConfigError(f"{self.path}: the batch cache failed ({exc}); if it is damaged, delete it (it is "
                              "rebuilt on the next run), or pass --cache PATH to use another one") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
