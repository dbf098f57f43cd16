"""newscompare: compare news articles about the same story, with evidence.

The library is the product; the CLI only calls it:

    >>> from compare import read_article, compare_articles        # doctest: +SKIP
    >>> result = compare_articles([read_article("a.txt"), read_article("b.txt")])
    >>> result.pairs[0].verdict.label                              # doctest: +SKIP
    'different events'
"""
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
}
__all__ = sorted(_API)


def lazy_exports(package: str, api: dict[str, str]):
    """A module __getattr__ that imports each public name from its module on first use."""

    def __getattr__(name):
        if name in api:
            import importlib

            return getattr(importlib.import_module(api[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__


__getattr__ = lazy_exports("compare", _API)
