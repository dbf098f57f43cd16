"""Outlet profiles: tone, framing, word choice, sourcing and readability of each article, and how outlets differ.

The names below are imported on first use, so that `compare.model` (which needs only the profile types)
does not pay for the profile models at start-up.
"""
from compare import lazy_exports

_API = {
    "build_profile": "compare.profile.build",
    "profile_differences": "compare.profile.differences",
    "method_notes": "compare.profile.methods",
    "OutletProfile": "compare.profile.types",
}
__all__ = sorted(_API)
__getattr__ = lazy_exports("compare.profile", _API)
