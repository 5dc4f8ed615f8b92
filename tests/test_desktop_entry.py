"""The Linux desktop entry (resources/tandem.desktop) names the windowed program and its icon.

The bundle installs it as share/applications/tandem.desktop beside the icon theme's tandem.png
(tests/test_bundle.py); the window names it for Wayland (`setDesktopFileName("tandem")`).
"""

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DESKTOP_ENTRY = ROOT / "resources" / "tandem.desktop"


def entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read(DESKTOP_ENTRY, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_the_entry_opens_the_windowed_program_under_its_name_and_icon() -> None:
    fields = entry()
    assert {key: fields[key] for key in ("Type", "Name", "Exec", "Icon", "Terminal")} == {
        "Type": "Application",
        "Name": "Tandem",
        "Exec": "tandem-app",
        "Icon": "tandem",
        "Terminal": "false",
    }
    assert fields["Categories"] == "Office;"
    assert fields["Comment"].startswith("Demand creation, deal conversion")
    # The window's X11 class (WM_CLASS "tandem-app", "Tandem"), matched to this entry.
    assert fields["StartupWMClass"] == "Tandem"


def test_the_program_it_starts_is_the_bundles_windowed_one() -> None:
    assert 'program("tandem-app", console=False)' in (ROOT / "build.spec").read_text("utf-8")


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (Debian: desktop-file-utils)",
)
def test_desktop_file_validate_finds_nothing_to_say() -> None:
    result = subprocess.run(
        ["desktop-file-validate", DESKTOP_ENTRY], capture_output=True, text=True
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
