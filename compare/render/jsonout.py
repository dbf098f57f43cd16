"""The comparison as JSON: every field of compare.model, keys sorted, so equal comparisons give equal bytes.

The format is documented in docs/json.md and by the JSON Schema compare/resources/schema/comparison.schema.json.
"""
from __future__ import annotations

import json

from compare.model import Comparison, to_dict


def render_json(comparison: Comparison) -> str:
    """The comparison as indented JSON with sorted keys, ending in a newline (non-ASCII kept as is)."""
    return json.dumps(to_dict(comparison), sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def read_comparison(path: str) -> Comparison:
    """A comparison saved by `newscompare compare -o FILE`, rebuilt exactly (so it renders without the engine)."""
    from compare.errors import InputError
    from compare.model import SCHEMA_VERSION, from_dict

    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror or e})",
                         "give the JSON that `newscompare compare -o` wrote") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(path, f"is not JSON ({e})", "give the JSON that `newscompare compare -o` wrote") from None
    if not isinstance(data, dict) or not {"articles", "facts", "pairs"} <= data.keys():
        raise InputError(path, "is not a saved comparison (no articles, facts and pairs)",
                         "give the JSON that `newscompare compare -o` wrote")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise InputError(path, f"was written with schema version {data.get('schema_version')}, this tool reads "
                               f"{SCHEMA_VERSION}", "compare the articles again with this version")
    try:
        return from_dict(Comparison, data)
    except (TypeError, ValueError, KeyError, AttributeError) as e:
        raise InputError(path, f"does not hold a whole comparison ({e})", "compare the articles again") from None
