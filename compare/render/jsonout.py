"""The comparison as JSON: every field of compare.model, keys sorted, so equal comparisons give equal bytes.

The format is documented in docs/json.md and by the JSON Schema compare/resources/schema/comparison.schema.json.
"""
from __future__ import annotations

import json

from compare.model import Comparison, to_dict


def render_json(comparison: Comparison) -> str:
    """The comparison as indented JSON with sorted keys, ending in a newline (non-ASCII kept as is)."""
    return json.dumps(to_dict(comparison), sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
