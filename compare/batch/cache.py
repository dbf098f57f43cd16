"""The batch result cache: one SQLite file, keyed by the articles' identities, tool version and settings.

A finished group's outputs (JSON, Markdown, PDF bytes) and its index summary are stored under its key,
so a rerun writes them again without comparing; a changed article (text or metadata) changes the key;
--force ignores hits.
Only the client process writes, one transaction per group, so a killed run keeps what it finished.
"""
from __future__ import annotations

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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=30)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise ConfigError(f"{self.path}: the batch cache cannot be opened ({exc}); delete the file (it is "
                              "rebuilt on the next run) or pass --cache PATH to use another one") from None

    def get(self, key: str) -> tuple[dict, dict[str, bytes]] | None:
        """The summary and artifacts (format -> bytes) stored under key, or None."""
        row = self._db.execute("SELECT summary FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        artifacts = dict(self._db.execute("SELECT format, data FROM artifacts WHERE key = ?", (key,)))
        return json.loads(row[0]), artifacts

    def put(self, key: str, name: str, summary: dict, artifacts: Mapping[str, bytes]) -> None:
        """Store one finished group in one transaction."""
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO results (key, name, summary) VALUES (?, ?, ?)",
                             (key, name, json.dumps(summary, sort_keys=True)))
            self._db.execute("DELETE FROM artifacts WHERE key = ?", (key,))
            self._db.executemany("INSERT INTO artifacts (key, format, data) VALUES (?, ?, ?)",
                                 [(key, fmt, sqlite3.Binary(data)) for fmt, data in artifacts.items()])

    def verdict(self, key: str) -> str | None:
        row = self._db.execute("SELECT label FROM verdicts WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put_verdicts(self, verdicts: Mapping[str, str]) -> None:
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO verdicts (key, label) VALUES (?, ?)", verdicts.items())

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
