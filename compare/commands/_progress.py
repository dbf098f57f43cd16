"""Progress bars on a terminal (tqdm: counts, elapsed time, ETA); nothing when standard error is not one."""
from __future__ import annotations

import sys


def progress_bar(stream=None, *, unit: str = "step", always: bool = False):
    """A progress(done, total, what) callable drawing a bar on a terminal; None in a pipe or file (unless always)."""
    stream = stream or sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    if not (tty or always):
        return None
    from tqdm import tqdm

    bar = None

    def show(done: int, total: int, what: str) -> None:
        nonlocal bar
        if bar is None or bar.total != total:
            if bar is not None:
                bar.close()
            bar = tqdm(total=total, file=stream, unit=unit, leave=False, dynamic_ncols=True,
                       bar_format="{desc}{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}]")
        bar.set_description_str(what[:40], refresh=False)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()
            bar = None

    return show
