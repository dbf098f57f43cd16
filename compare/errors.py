"""The exceptions the tool raises on purpose, and the exit code each maps to.

Messages are written for people: they name the input and say what to do.
"""
from __future__ import annotations

# Exit codes (documented in the README and in --help).
EXIT_OK = 0
EXIT_DIFFERENT = 1  # diff: the articles differ; batch: some items failed
EXIT_USAGE = 2  # bad arguments, bad manifest or template, unreadable input


class NewscompareError(Exception):
    """Base class: a problem the user can fix; shown as one line, no traceback."""

    exit_code = EXIT_USAGE


class InputError(NewscompareError):
    """An input (file, URL, JSON, standard input) cannot be read as an article."""

    def __init__(self, source: str, problem: str, hint: str = ""):
        self.source, self.problem, self.hint = source, problem, hint
        text = f"{source}: {problem}"
        super().__init__(f"{text}; {hint}" if hint else text)


class ConfigError(NewscompareError):
    """A template, manifest or settings file is malformed; the message names the key."""
