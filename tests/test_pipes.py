"""A reader that goes away early (`| head`) is not an error: no traceback, exit status 0."""
from __future__ import annotations

import io

import pytest

from compare.cli import main


class GoneReader(io.StringIO):
    """Standard output whose reader has gone: every write fails as a closed pipe does."""

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self):
        raise ValueError("no file descriptor")


@pytest.mark.parametrize("args", [["--print-completion", "bash"], ["--help"], ["--version"]])
def test_output_cut_short_is_quiet(args, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdout", GoneReader())
    try:
        status = main(args)
    except SystemExit as done:  # argparse ends --help and --version itself
        status = done.code
    assert status == 0
    assert "Traceback" not in capsys.readouterr().err
