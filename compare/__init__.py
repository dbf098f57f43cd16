"""newscompare: put news articles about the same story side by side and see, with evidence, what they share,
what each leaves out, where they contradict each other and how each outlet frames the story.

    >>> from compare import read_article, compare_articles, write_brief    # doctest: +SKIP
    >>> result = compare_articles([read_article("a.txt"), read_article("b.html")])
    >>> result.pairs[0].verdict.label                                     # doctest: +SKIP
    'different events'
    >>> write_brief(result, "out/brief.pdf")                              # doctest: +SKIP

read_article reads a text, HTML or JSON file or a URL; compare_articles returns a Comparison (facts,
alignments, the same-event verdict, outlet profiles, differences); render_text, render_markdown,
render_json and write_brief show it; to_dict and from_dict round-trip it through JSON. target_sentiment and
sentence_bias are the two sentence-level scores the outlet profiles are built on.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

# Public names and the modules that define them; imported on first use so `import compare` stays light.
_API = {
    "read_article": "compare.ingest",
    "article_from_text": "compare.ingest",
    "compare_articles": "compare.comparison",
    "write_brief": "compare.render.pdf",
    "render_text": "compare.render.text",
    "render_markdown": "compare.render.markdown",
    "render_json": "compare.render.jsonout",
    "to_dict": "compare.model",
    "from_dict": "compare.model",
    "target_sentiment": "compare.profile.scores",
    "sentence_bias": "compare.profile.scores",
}
__all__ = sorted(_API)

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time the names load lazily below
    from compare.comparison import compare_articles
    from compare.ingest import article_from_text, read_article
    from compare.model import from_dict, to_dict
    from compare.profile.scores import sentence_bias, target_sentiment
    from compare.render.jsonout import render_json
    from compare.render.markdown import render_markdown
    from compare.render.pdf import write_brief
    from compare.render.text import render_text


def lazy_exports(package: str, api: dict[str, str]):
    """A module __getattr__ that imports each public name from its module on first use."""

    def __getattr__(name):
        if name in api:
            import importlib

            return getattr(importlib.import_module(api[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))


__getattr__ = lazy_exports("compare", _API)
