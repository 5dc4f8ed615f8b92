"""The dependency rule: `gui → report → core`, and `cli → report, core`.

The core never pulls in Qt or matplotlib; the report (charts, the PDF) never pulls in Qt or
the window; the command line imports neither until the window is asked for, and writing the
review's PDF and images imports no Qt and no window.
"""

import pkgutil
import subprocess
import sys
from pathlib import Path

import desktop_app.core
import desktop_app.report
from desktop_app.core.store import open_book

FORBIDDEN = ("PySide6", "shiboken6", "matplotlib")
QT = ("PySide6", "shiboken6")


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def _imported_after(code: str) -> set[str]:
    return {name.split(".")[0] for name in _modules_after(code)}


def _window_modules(modules: set[str]) -> set[str]:
    return {name for name in modules if name.startswith("desktop_app.gui")}


def test_no_core_module_imports_qt_or_matplotlib() -> None:
    modules = [
        info.name
        for info in pkgutil.walk_packages(desktop_app.core.__path__, "desktop_app.core.")
        if ".migrations.versions" not in info.name and not info.name.endswith(".env")
    ]
    imported = _imported_after("\n".join(f"import {name}" for name in modules))
    assert imported.isdisjoint(FORBIDDEN)


def test_no_report_module_imports_qt_or_the_window() -> None:
    modules = [
        info.name
        for info in pkgutil.walk_packages(desktop_app.report.__path__, "desktop_app.report.")
    ]
    assert "desktop_app.report.export" in modules
    imported = _modules_after("\n".join(f"import {name}" for name in modules))
    assert {name.split(".")[0] for name in imported}.isdisjoint(QT)
    assert _window_modules(imported) == set()


def test_the_command_line_imports_no_qt_until_the_window_is_asked_for() -> None:
    imported = _modules_after("import desktop_app.cli")
    assert {name.split(".")[0] for name in imported}.isdisjoint(FORBIDDEN)
    assert _window_modules(imported) == set()


def test_the_reviews_pdf_and_images_import_no_qt_and_no_window(tmp_path: Path) -> None:
    book = tmp_path / "book.sqlite"
    open_book(book).close()
    pdf, pngs = tmp_path / "review.pdf", tmp_path / "charts"
    imported = _modules_after(
        "import contextlib, io\n"
        "from desktop_app.cli import main\n"
        "with contextlib.redirect_stderr(io.StringIO()):\n"
        f"    assert main(['review', '--db', {str(book)!r}, '--pdf', {str(pdf)!r},"
        f" '--png-dir', {str(pngs)!r}]) == 0"
    )
    assert pdf.read_bytes().startswith(b"%PDF") and any(pngs.iterdir())
    assert "matplotlib" in imported  # the charts were drawn, by the report
    assert {name.split(".")[0] for name in imported}.isdisjoint(QT)
    assert _window_modules(imported) == set()
