"""Outlet profiles: tone, framing, word choice, sourcing and readability of each article, and how outlets differ.

The names below are imported on first use, so that `compare.model` (which needs only the profile types)
does not pay for the profile models at start-up.
"""
_API = {
    "build_profile": "compare.profile.build",
    "profile_differences": "compare.profile.differences",
    "method_notes": "compare.profile.methods",
    "OutletProfile": "compare.profile.types",
}
__all__ = sorted(_API)


def __getattr__(name):
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'compare.profile' has no attribute {name!r}")
