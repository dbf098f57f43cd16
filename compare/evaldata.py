"""Where the public calibration data lives (never shipped; tests skip without it)."""
from __future__ import annotations

import os
from pathlib import Path


def eval_dir() -> Path | None:
    """The calibration data folder: $NEWSCOMPARE_EVAL_DIR, else ../shared/eval beside the repo, else None."""
    env = os.environ.get("NEWSCOMPARE_EVAL_DIR")
    candidates = [Path(env)] if env else []
    candidates.append(Path(__file__).resolve().parent.parent.parent / "shared" / "eval")
    return next((p for p in candidates if (p / "README.md").is_file()), None)
