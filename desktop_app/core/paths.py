"""Where books live by default. Free of SQLAlchemy, so the window can name the book it is
about to open before the store is imported."""

from pathlib import Path


def default_book_path() -> Path:
    """The book in the platform's user data folder (e.g. ~/.local/share/Tandem on Linux)."""
    from platformdirs import user_data_path

    return user_data_path("Tandem", appauthor=False) / "tandem.sqlite"


def backups_folder() -> Path:
    """Where `core.backups` keeps each book's automatic backups, a folder per book."""
    return default_book_path().parent / "Backups"


def log_path() -> Path:
    """Tandem's log of unexpected errors (`core.bug_log`), in the same data folder."""
    return default_book_path().parent / "tandem.log"
