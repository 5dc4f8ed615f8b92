"""The PyInstaller bundle builds and runs (slow: `pytest -m bundle`).

Like qutebrowser's release smoke test: start each frozen program, let it run, and fail on a
crash or on the faults frozen Qt apps are known for (a missing platform plugin, a traceback,
an SVG icon that comes out blank because Qt's SVG plugin was left behind).
"""

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import __version__

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "tandem"
SUFFIX = ".exe" if sys.platform == "win32" else ""
COMMAND_LINE = DIST / f"tandem{SUFFIX}"
WINDOW_APP = DIST / f"tandem-app{SUFFIX}"
FROZEN_QT_FAULTS = ("Traceback", "Could not find the Qt platform plugin", "Cannot load library")
#: How long the window program must keep running; then it is ended from outside.
KEEPS_RUNNING_S = 4
#: How long a window may take to show under Xvfb before the test gives up on it.
SHOWS_WITHIN_S = 60

pytestmark = pytest.mark.bundle


@pytest.fixture(scope="module")
def bundle() -> Path:
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "build.spec"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-4000:]  # PyInstaller logs on stderr
    return DIST


@pytest.fixture
def sample_book(bundle: Path, tmp_path: Path) -> Path:
    book = tmp_path / "b.sqlite"
    subprocess.run([COMMAND_LINE, "demo", "--db", book, "--contacts", "50"], check=True)
    return book


@pytest.fixture
def window_env(tmp_path: Path) -> dict[str, str]:
    """The window's settings (QSettings) go to a folder of the test's, not the user's."""
    return {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}


def run_command_line(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([COMMAND_LINE, *args], capture_output=True, text=True, timeout=120)


def test_both_programs_share_one_folder(bundle: Path) -> None:
    assert COMMAND_LINE.is_file() and WINDOW_APP.is_file()
    assert sorted(path.name for path in bundle.iterdir()) == sorted(
        ["_internal", COMMAND_LINE.name, WINDOW_APP.name]
    )


def test_the_command_line_prints_its_version(bundle: Path) -> None:
    result = run_command_line("--version")
    assert (result.returncode, result.stdout) == (0, f"tandem {__version__}\n")


def test_the_command_line_migrates_and_writes_the_sample(bundle: Path, tmp_path: Path) -> None:
    result = run_command_line("demo", "--db", tmp_path / "b.sqlite", "--contacts", "50")
    assert result.returncode == 0, result.stderr
    assert "Wrote the sample business into b.sqlite: 50 contacts" in result.stdout


def test_the_command_line_carries_the_postgresql_driver(bundle: Path) -> None:
    """Without the driver the URL is refused before any connection ("Cannot use the
    database URL"); with it, the driver itself tries port 1 and is refused."""
    result = run_command_line(
        "--database-url", "postgresql+psycopg://nobody@127.0.0.1:1/nothing", "review"
    )
    assert result.returncode == 1
    assert result.stderr.startswith("tandem: Cannot connect to nothing: connection failed")


def test_the_bundle_carries_qts_svg_plugins(bundle: Path) -> None:
    plugins = bundle / "_internal" / "PySide6" / "Qt" / "plugins"
    assert sorted(path.parent.name for path in plugins.glob("*/*qsvg*")) == [
        "iconengines",
        "imageformats",
    ]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the desktop entry is Linux's")
def test_the_bundle_carries_the_desktop_entry_and_its_icons(bundle: Path) -> None:
    share = bundle / "_internal" / "share"
    assert (share / "applications" / "tandem.desktop").read_bytes() == (
        ROOT / "resources" / "tandem.desktop"
    ).read_bytes()
    icons = sorted(path.relative_to(share).as_posix() for path in share.glob("icons/**/*.png"))
    assert icons == sorted(
        f"icons/hicolor/{size}x{size}/apps/tandem.png" for size in (16, 32, 48, 64, 128, 256, 512)
    )


def test_the_window_program_opens_its_window_offscreen_and_keeps_running(
    sample_book: Path, window_env: dict[str, str]
) -> None:
    process = subprocess.Popen(
        [WINDOW_APP, "--db", sample_book],
        env={**window_env, "QT_QPA_PLATFORM": "offscreen"},
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(KEEPS_RUNNING_S)
    alive = process.poll() is None
    process.terminate()
    _, stderr = process.communicate(timeout=10)
    assert alive, stderr
    for fault in FROZEN_QT_FAULTS:
        assert fault not in stderr, stderr


@pytest.fixture
def x_display() -> Iterator[str]:
    """A fresh Xvfb server; its display name (":N") once it accepts clients."""
    if not all(shutil.which(tool) for tool in ("Xvfb", "xwininfo", "xprop")):
        pytest.skip("needs Xvfb, xwininfo and xprop (Debian: xvfb, x11-utils)")
    ready, told = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(told), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(told,),
        stderr=subprocess.DEVNULL,
    )
    os.close(told)
    with os.fdopen(ready) as answer:
        number = answer.readline().strip()  # written once the server is ready
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def shown_main_window(display: str) -> str | None:
    """The id of Tandem's main window on `display` once it is mapped: its title starts with
    "Tandem — ", its X11 class is the one the desktop entry's StartupWMClass names."""
    env = {**os.environ, "DISPLAY": display}
    tree = subprocess.run(
        ["xwininfo", "-root", "-children"], env=env, capture_output=True, text=True
    ).stdout
    main_windows = r'^\s*(0x[0-9a-f]+) "Tandem — [^"]+": \("tandem-app" "Tandem"\)'
    for window in re.findall(main_windows, tree, re.MULTILINE):
        state = subprocess.run(["xwininfo", "-id", window], env=env, capture_output=True)
        if b"Map State: IsViewable" in state.stdout:
            return window
    return None


def test_the_window_program_shows_its_window_with_its_icon_on_x11(
    sample_book: Path, window_env: dict[str, str], x_display: str
) -> None:
    """The real xcb platform plugin, and the SVG app icon handed to the window manager
    at the sizes Qt renders a scalable icon at."""
    env = {**window_env, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"}
    process = subprocess.Popen(
        [WINDOW_APP, "--db", sample_book], env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        gives_up = time.monotonic() + SHOWS_WITHIN_S
        window = None
        while window is None and process.poll() is None and time.monotonic() < gives_up:
            time.sleep(0.2)
            window = shown_main_window(x_display)
        assert window is not None, "the window never showed"
        icon = subprocess.run(
            ["xprop", "-id", window, "_NET_WM_ICON"], env=env, capture_output=True, text=True
        ).stdout
        sizes = re.findall(r"Icon \((\d+) x \d+\)", icon)
        assert sizes == ["16", "32", "64", "128"]
        time.sleep(KEEPS_RUNNING_S)
        assert process.poll() is None, "the window program ended by itself"
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=10)
    for fault in FROZEN_QT_FAULTS:
        assert fault not in stderr, stderr
