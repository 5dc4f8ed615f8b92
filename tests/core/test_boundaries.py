"""The core and the command line never pull in Qt or matplotlib (they are for the window)."""

import pkgutil
import subprocess
import sys

import desktop_app.core

FORBIDDEN = ("PySide6", "shiboken6", "matplotlib")


def _imported_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return {name.split(".")[0] for name in result.stdout.split()}


def test_no_core_module_imports_qt_or_matplotlib() -> None:
    modules = [
        info.name
        for info in pkgutil.walk_packages(desktop_app.core.__path__, "desktop_app.core.")
        if ".migrations.versions" not in info.name and not info.name.endswith(".env")
    ]
    imported = _imported_after("\n".join(f"import {name}" for name in modules))
    assert imported.isdisjoint(FORBIDDEN)


def test_the_command_line_imports_no_qt_until_the_window_is_asked_for() -> None:
    imported = _imported_after("import desktop_app.cli")
    assert imported.isdisjoint(FORBIDDEN)
