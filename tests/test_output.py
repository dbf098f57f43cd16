"""Writing outputs: atomic for regular files, write-through for devices and FIFOs, symlinks followed, umask, "-"."""
from __future__ import annotations

import io
import os
import stat
import threading

import pytest

from compare.cli import main
from compare.errors import NewscompareError
from compare.render.output import write_bytes, write_text
from conftest import SEED_A, SEED_B


def test_a_character_device_is_written_through_not_replaced(tmp_path):
    fake_null = tmp_path / "fake_null"
    try:
        os.mknod(fake_null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs root")
    write_text(fake_null, "x" * 1000)
    assert stat.S_ISCHR(fake_null.stat().st_mode)


def test_a_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_bytes(fifo, b"through the pipe")
    reader.join(10)
    assert got == [b"through the pipe"] and stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_symlink_is_followed_and_kept(tmp_path):
    target, link = tmp_path / "target.json", tmp_path / "link.json"
    target.write_text("old", encoding="utf-8")
    link.symlink_to(target)
    write_text(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(NewscompareError, match="is a folder"):
        write_text(tmp_path, "x")


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_outputs_follow_the_umask(tmp_path, mask, mode):
    old = os.umask(mask)
    try:
        path = write_text(tmp_path / "out.md", "text")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_dash_is_standard_output_for_text(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["diff", str(SEED_A), str(SEED_B), "--no-profiles", "-o", "-"]) == 1
    assert "Trump to meet Rutte" in capsys.readouterr().out and not (tmp_path / "-").exists()


class _Terminal(io.TextIOWrapper):
    def isatty(self):
        return True


def test_a_pdf_is_not_written_to_a_terminal_but_to_a_pipe(monkeypatch):
    terminal = _Terminal(io.BytesIO())
    monkeypatch.setattr("sys.stdout", terminal)
    with pytest.raises(NewscompareError, match="will not write a PDF to the terminal"):
        write_bytes("-", b"%PDF-1.4", binary=True)
    pipe = io.TextIOWrapper(io.BytesIO())
    monkeypatch.setattr("sys.stdout", pipe)
    write_bytes("-", b"%PDF-1.4", binary=True)
    assert pipe.buffer.getvalue() == b"%PDF-1.4"
