"""Batch and scheduled comparisons: manifest, story grouping, cache, local or Dask runs, cron schedule."""
from __future__ import annotations

from compare.batch.grouping import (
           Grouping,
           GroupingSettings,
           Story,
           StoryLink,
           group_stories,
)
from compare.batch.manifest import Manifest, load_manifest, parse_manifest
from compare.batch.runner import Engine, RunSummary, default_engine, run_batch
from compare.batch.schedule import run_schedule

__all__ = ["Engine", "Grouping", "GroupingSettings", "Manifest", "RunSummary", "Story", "StoryLink",
           "default_engine", "group_stories", "load_manifest", "parse_manifest", "run_batch", "run_schedule"]
