"""Spans (anything with .start and .end) indexed by start, so "which lie inside / overlap / cover this" is not a
scan."""
from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable


class SpanIndex:
    """Spans sorted by start (stable), with the running maximum of their ends; answers come in start order."""

    def __init__(self, spans: Iterable):
        self.items = sorted(spans, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]
        self.reach = list(itertools.accumulate((x.end for x in self.items), max))

    def inside(self, start: int, end: int) -> list:
        """Spans with start <= span.start and span.end <= end."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [x for x in self.items[lo:hi] if x.end <= end]

    def overlapping(self, start: int, end: int) -> list:
        """Spans with span.start < end and start < span.end."""
        found, k = [], bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.reach[k] > start:  # nothing further left reaches start
            if self.items[k].end > start:
                found.append(self.items[k])
            k -= 1
        return found[::-1]

    def covering(self, offset: int) -> list:
        """Spans with span.start <= offset < span.end."""
        return self.overlapping(offset, offset + 1)
