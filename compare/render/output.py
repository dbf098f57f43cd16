"""Writing outputs safely: atomic replace, so a reader never sees a half-written file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from compare.errors import NewscompareError


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write data to path atomically (a temp file in the same folder, then os.replace)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise NewscompareError(f"{path}: cannot write the output ({exc.strerror or exc}); check the path") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise NewscompareError(f"{path}: cannot write the output ({exc.strerror or exc}); "
                                   "check the path and the free space") from None
        raise
    return path


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 text to path atomically."""
    return write_bytes(path, text.encode("utf-8"))
