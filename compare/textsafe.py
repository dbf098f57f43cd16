"""Article text is data: the characters that must never reach a terminal, a PDF or a page.

Removed once when an article is read (compare.ingest), and again by each renderer as a second line of
defence for text that did not come through ingest (labels, options).
"""
from __future__ import annotations

import re

# C0 and C1 controls except tab and newline, and DEL ...
_CONTROLS = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
# ... and the bidirectional marks, overrides and isolates (they can make text display in another order
# than the one it is read in).
_BIDI = r"\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_CONTROLS}{_BIDI}]")
_CONTROL = re.compile(f"[{_CONTROLS}]")


def strip_unsafe(text: str) -> str:
    """The text without control characters and bidirectional overrides (tab and newline kept)."""
    return _UNSAFE.sub("", text)


def count_controls(text: str) -> int:
    """How many control characters the text holds (many of them: binary data read as text)."""
    return len(_CONTROL.findall(text))
