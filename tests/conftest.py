"""Settings for every test run: the window tests draw off screen, whoever runs them, and
Tandem's data folder (default book, backups, log) is a temporary one, never the user's."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: The throwaway IMAP server and the in-memory keyring of the mail tests.
pytest_plugins = ["tests.mail_server"]


@pytest.fixture(autouse=True)
def data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Tandem's data folder for this test: `platformdirs.user_data_path` in this process,
    XDG_DATA_HOME for the commands it runs (Linux). Apart from tmp_path, whose files some
    tests count."""
    home = tmp_path_factory.mktemp("data-home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setattr("platformdirs.user_data_path", lambda *_a, **_k: home / "Tandem")
    yield home / "Tandem"
