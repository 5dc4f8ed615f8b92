"""Matplotlib's one set-up: a lasting folder for its font cache, and figures drawn one at a
time with the garbage collector waiting."""

import gc
import os
import threading
from pathlib import Path

import pytest

from desktop_app.report import matplotlib_setup
from desktop_app.report.matplotlib_setup import drawing


def test_matplotlib_gets_a_lasting_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MPLCONFIGDIR", raising=False)
    monkeypatch.setattr("platformdirs.user_cache_path", lambda *_a, **_k: tmp_path / "cache")
    matplotlib_setup.keep_font_cache()
    folder = Path(os.environ["MPLCONFIGDIR"])
    assert folder == tmp_path / "cache" / "matplotlib" and folder.is_dir()


def test_a_folder_chosen_for_matplotlib_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MPLCONFIGDIR", "/somewhere/chosen")
    matplotlib_setup.keep_font_cache()
    assert os.environ["MPLCONFIGDIR"] == "/somewhere/chosen"


def test_figures_are_drawn_one_at_a_time_and_collected_young() -> None:
    inside: list[bool] = []

    def other_thread() -> None:
        with drawing():
            inside.append(True)

    with drawing():
        with drawing():  # an export drawing a chart: the same thread may nest
            assert not gc.isenabled()
        assert not gc.isenabled(), "still inside the outer drawing"
        waiting = threading.Thread(target=other_thread)
        waiting.start()
        waiting.join(0.2)
        assert inside == [], "the other thread waits for the lock"
    waiting.join()
    assert inside == [True] and gc.isenabled()
