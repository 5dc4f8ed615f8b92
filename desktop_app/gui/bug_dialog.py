"""What the window shows when something goes wrong that nobody handled (sys.excepthook).

A sentence meant for the founder (a `TandemError`: a database problem such as another program
writing to the book, a full disk, a read-only book) is shown as what it is, a message, not as a
bug. Anything else is a bug: it is written with its traceback to Tandem's log
(`core.bug_log`), and the bug dialog says so, names the log file and offers "Copy details"
(the traceback, Tandem's, Python's and Qt's versions, the platform) for a report.
"""

from __future__ import annotations

import sys
from types import TracebackType

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from desktop_app.core.bug_log import bug_details, bug_log_path, log_problem, log_unexpected
from desktop_app.core.errors import TandemError

BUG_TITLE = "Tandem ran into a bug"
PROBLEM_TITLE = "Tandem could not do that"
COPY_DETAILS = "&Copy details"
COPIED = "Copied"

_showing = False


class BugDialog(QMessageBox):
    """The bug, its details under "Show Details…", and "Copy details", which puts them on
    the clipboard and leaves the dialog open; Close (Esc) closes it."""

    def __init__(
        self,
        kind: type[BaseException],
        error: BaseException,
        details: str,
        log: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QMessageBox.Icon.Critical, BUG_TITLE, "", parent=parent)
        self.details = details
        self.setText(f"Something went wrong that Tandem did not expect:\n{_one_line(kind, error)}")
        self.setInformativeText(
            f"What you were doing may not have been saved. Copy the details to report it.\n{log}"
        )
        self.setDetailedText(details)
        self.copy_button: QPushButton = self.addButton(
            COPY_DETAILS, QMessageBox.ButtonRole.ActionRole
        )
        self.copy_button.setToolTip("Put the details of the bug on the clipboard")
        close = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(close)
        self.setEscapeButton(close)

    def done(self, result: int) -> None:
        if self.clickedButton() is self.copy_button:
            self.copy_details()
            return  # stays open: the founder may still read or close it
        super().done(result)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(COPIED)


def show_unexpected_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """sys.excepthook while the window runs: nothing is lost on stderr alone.

    While one bug dialog is open, further errors only go to stderr and the log, so that an
    error repeated on every repaint cannot stack up dialogs.
    """
    global _showing
    if isinstance(error, TandemError):
        log_problem(error.message, str(error.__cause__ or ""))
        if QApplication.instance() is not None and not _showing:
            _showing = True
            try:
                QMessageBox.warning(QApplication.activeWindow(), PROBLEM_TITLE, error.message)
            finally:
                _showing = False
        return
    details = bug_details(kind, error, trace, versions=_qt_versions())
    sys.stderr.write(details)
    log = log_unexpected(kind, error, trace, "The window")
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        BugDialog(kind, error, details, log_line(log), QApplication.activeWindow()).exec()
    finally:
        _showing = False


def log_line(log: object) -> str:
    """Where the details were written, or that they could not be."""
    if log is not None:
        return f"The details are also in Tandem's log: {log}"
    intended = bug_log_path()
    if intended is not None:
        return f"Tandem could not write its log ({intended}); copy the details instead."
    return "Tandem keeps no log in this session; copy the details instead."


def _qt_versions() -> list[str]:
    return [f"Qt {qVersion()} (PySide6 {PySide6.__version__})"]


def _one_line(kind: type[BaseException], error: BaseException) -> str:
    words = str(error).strip().splitlines()
    return f"{kind.__name__}: {words[0]}" if words else kind.__name__
