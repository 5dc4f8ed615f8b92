"""The PyInstaller bundle builds and runs (slow: `pytest -m bundle`).

Like qutebrowser's release smoke test: start the frozen program, let it run, and fail on a
crash or on the errors frozen Qt apps are known for (a missing platform plugin, a traceback).
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "tandem" / "tandem"

pytestmark = pytest.mark.bundle


@pytest.fixture(scope="module")
def bundle() -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "build.spec"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return BUNDLE


def test_the_bundle_migrates_and_writes_the_sample(bundle: Path, tmp_path: Path) -> None:
    assert subprocess.run([bundle, "--version"], capture_output=True, text=True).returncode == 0
    result = subprocess.run(
        [bundle, "demo", "--db", tmp_path / "b.sqlite", "--contacts", "50"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_the_bundle_opens_its_window_and_keeps_running(bundle: Path, tmp_path: Path) -> None:
    subprocess.run([bundle, "demo", "--db", tmp_path / "b.sqlite", "--contacts", "50"], check=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [bundle, "--db", tmp_path / "b.sqlite"], env=env, stderr=subprocess.PIPE, text=True
    )
    time.sleep(4)
    alive = process.poll() is None
    process.terminate()
    _, stderr = process.communicate(timeout=10)
    assert alive, stderr
    for sign in ("Traceback", "Could not find the Qt platform plugin", "Cannot load library"):
        assert sign not in stderr
