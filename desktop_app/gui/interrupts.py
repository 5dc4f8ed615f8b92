"""Ctrl+C in the terminal that started the window closes it, as quitting does.

Python runs a signal's handler only between bytecodes, and the Qt event loop runs none while
the window is idle: Ctrl+C did nothing until some slot ran, minutes later or never, and then
raised KeyboardInterrupt inside that slot (the bug dialog). Here the signal also writes a byte
to a socket that Qt watches (`signal.set_wakeup_fd`), so the loop wakes and the handler runs at
once; the handler closes the windows through their own close, which ends the session."""

from __future__ import annotations

import signal
import socket
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication


@contextmanager
def windows_closed_on_interrupt() -> Iterator[None]:
    """While inside, SIGINT closes every window; the handler and wake-up are put back after."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(lambda: _drained(reader))
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    previous_handler = signal.signal(signal.SIGINT, _close_windows)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous_handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        reader.close()
        writer.close()


def _close_windows(_signal: int, _frame: object) -> None:
    QApplication.closeAllWindows()


def _drained(reader: socket.socket) -> None:
    """Read the wake-up bytes (the handler itself has run by the time this slot is called)."""
    try:
        while reader.recv(64):
            pass
    except OSError:  # nothing more to read
        pass
