"""Outlet profiles: tone, framing, word choice, sourcing and readability of each article, and how outlets differ.

The names below are imported on first use, so that `compare.model` (which needs only the profile types)
does not pay for the profile models at start-up.
"""
from typing import TYPE_CHECKING

from compare import lazy_exports

_API = {
    "build_profile": "compare.profile.build",
    "profile_differences": "compare.profile.differences",
    "method_notes": "compare.profile.methods",
    "OutletProfile": "compare.profile.types",
}
__all__ = sorted(_API)

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time the names load lazily below
    from compare.profile.build import build_profile
    from compare.profile.differences import profile_differences
    from compare.profile.methods import method_notes
    from compare.profile.types import OutletProfile
__getattr__ = lazy_exports("compare.profile", _API)
