"""The commands of the newscompare CLI, one module each (see compare/cli.py)."""
