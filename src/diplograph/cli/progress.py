"""Progress of long work for people: a rich bar in a terminal, a line every few seconds in a log.

Commands hand a :class:`Progress` to library functions as a plain callable
(``advance(done, note)``), so the library never prints and stays usable
without a terminal.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

__all__ = ["Advance", "report"]

LOG_EVERY = float(os.environ.get("DIPLOGRAPH_PROGRESS_EVERY", "5"))
"""Seconds between lines when the output is not a terminal (``DIPLOGRAPH_PROGRESS_EVERY``)."""


class Advance(Protocol):
    def __call__(self, done: int, note: str | None = None) -> None: ...


@contextmanager
def report(console: Console, what: str, total: int | None = None, unit: str = "") -> Iterator[Advance]:
    """Show how far ``what`` has got: yields ``advance(done, note)``, to call as often as convenient.

    ``done`` is an absolute count (of ``total`` when known); ``note`` replaces
    the description (e.g. the file being loaded).
    """
    if console.is_terminal:
        columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()] if total else \
            [TextColumn("{task.description}"), TextColumn("{task.completed:,} " + unit)]
        with Progress(*columns, TimeElapsedColumn(), *([TimeRemainingColumn()] if total else []),
                      console=console, transient=True) as bar:
            task = bar.add_task(what, total=total)

            def advance(done: int, note: str | None = None) -> None:
                bar.update(task, completed=done, description=f"{what}: {note}" if note else what)

            yield advance
        return
    started = last = time.monotonic()

    def advance(done: int, note: str | None = None) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= LOG_EVERY:
            last = now
            share = f" of {total:,} ({done / total:.0%})" if total else ""
            console.print(f"{what}{': ' + note if note else ''}: {done:,}{share} {unit} after {now - started:.0f} s",
                          markup=False, highlight=False)

    yield advance
