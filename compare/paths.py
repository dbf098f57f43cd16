"""Where the package's shipped data lives: compare/resources/ (models, lexicons, fonts, templates, schema).

One way to find it, for every module: ``resource("engine", "align.json")``. The package is installed as files
(pip install, editable or not), so a path next to this module is the data itself.
"""
from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent / "resources"


def resource(*parts: str) -> Path:
    """The path of a shipped file or folder under compare/resources/."""
    return RESOURCES.joinpath(*parts)
