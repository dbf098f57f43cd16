"""A reader that goes away early (`| head`) is not an error: no traceback, exit status kept."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest


@pytest.mark.skipif(shutil.which("head") is None, reason="needs head(1)")
@pytest.mark.parametrize("args", [["--print-completion", "bash"], ["--help"]])
def test_output_cut_short_by_head_is_quiet(args):
    cmd = " ".join([sys.executable, "-m", "compare", *args]) + " | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}"
    done = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.stdout.strip() == "0"
