"""Writing outputs safely: atomic replace of regular files, so a reader never sees a half-written file.

"-" is standard output. A path that is a device or a FIFO (e.g. /dev/null) is written through, never
replaced; a symbolic link is followed, so the file it points to is replaced and the link stays.
New files get the mode the umask gives (like any other tool), not the temp file's 0600.
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from compare.errors import NewscompareError

STDOUT = "-"


def write_bytes(path: str | os.PathLike, data: bytes, *, binary: bool = False) -> Path:
    """Write data to path: "-" is standard output (binary data is refused on a terminal); a regular file atomically."""
    if str(path) == STDOUT:
        return _write_stdout(data, binary)
    path = Path(os.path.realpath(path))  # follow symlinks: replace the target, keep the link
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _cannot(path, exc, "check the path") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise NewscompareError(f"{path}: is a folder; give a file name for the output")
    if mode is not None and not stat.S_ISREG(mode):  # a device, FIFO or socket: write into it, never replace it
        try:
            with open(path, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise _cannot(path, exc, "check the path") from None
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot(path, exc, "check the path") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), 0o666 & ~_umask())
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot(path, exc, "check the path and the free space") from None
        raise
    return path


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 text to path ("-": standard output) atomically."""
    return write_bytes(path, text.encode("utf-8"))


def _write_stdout(data: bytes, binary: bool) -> Path:
    out = sys.stdout
    if binary and out.isatty():
        raise NewscompareError("will not write a PDF to the terminal; "
                               "redirect standard output to a file or a pipe, or give -o FILE.pdf")
    out.flush()
    out.buffer.write(data)
    out.buffer.flush()
    return Path(STDOUT)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _cannot(path: Path, exc: OSError, hint: str) -> NewscompareError:
    return NewscompareError(f"{path}: cannot write the output ({exc.strerror or exc}); {hint}")
