"""newscompare: compare news articles about the same story, with evidence."""
__version__ = "0.1.0"
