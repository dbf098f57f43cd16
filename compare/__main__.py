"""python -m compare: the same as the newscompare command."""
import sys

from compare.cli import main

sys.exit(main())
