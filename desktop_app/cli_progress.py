"""A progress bar for the command line: one line on stderr, redrawn in place.

Drawn only when stderr is a terminal (a pipe or a log file gets nothing), at most ten times a
second, and cleared before anything else is printed so that it never mixes with the output:

    Writing   45,000 of 100,000 rows [#############-----------------]  45%
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

#: Seconds between two redraws of one stage (a new stage and the last step draw at once).
INTERVAL = 0.1
#: Characters of the bar itself.
WIDTH = 30


class ProgressBar:
    """`show(stage, done, total)` as work goes on; `clear()` before printing anything else."""

    def __init__(
        self,
        stream: TextIO | None = None,
        quiet: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = not quiet and _is_terminal(self.stream)
        self.clock = clock
        self._stage = ""
        self._drawn_at: float | None = None
        self._width = 0
        self._text = ""

    def show(self, stage: str, done: int, total: int) -> None:
        """Draw `done` of `total` for `stage` (e.g. "Writing"), unless drawn under a tenth
        of a second ago in the same stage and not yet complete."""
        if not self.enabled:
            return
        now = self.clock()
        if (
            stage == self._stage
            and done < total
            and self._drawn_at is not None
            and now - self._drawn_at < INTERVAL
        ):
            return
        self._stage, self._drawn_at = stage, now
        text = line(stage, done, total)
        if text != self._text:
            self._draw(text)

    def clear(self) -> None:
        """Wipe the line (the next stage draws afresh)."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
        self._width = 0
        self._stage, self._drawn_at, self._text = "", None, ""

    def callback(self, stage: str) -> Callable[[int, int], bool]:
        """A (done, total) callback for the importer that draws `stage` and never cancels."""

        def report(done: int, total: int) -> bool:
            self.show(stage, done, total)
            return True

        return report

    def _draw(self, text: str) -> None:
        padding = " " * max(0, self._width - len(text))
        self.stream.write("\r" + text + padding)
        self.stream.flush()
        self._width, self._text = len(text), text


def line(stage: str, done: int, total: int) -> str:
    """E.g. "Writing   45,000 of 100,000 rows [#############-----------------]  45%"."""
    done = max(0, min(done, total))
    share = done / total if total else 1.0
    filled = int(share * WIDTH)
    bar = "#" * filled + "-" * (WIDTH - filled)
    digits = len(f"{total:,}")
    return f"{stage:<8} {done:>{digits},} of {total:,} rows [{bar}] {int(share * 100):>3}%"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # a closed or stand-in stream
        return False
