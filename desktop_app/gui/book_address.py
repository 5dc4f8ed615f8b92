"""Where a book is, before it is open: what the window shows while the store loads."""

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from desktop_app.core.paths import default_book_path

#: The sample business's own book, beside the default book in the user's data folder.
SAMPLE_FILE_NAME = "sample-business.sqlite"


def sample_book_path() -> Path:
    """Where File ▸ Open the sample business and the first start keep the sample: never
    the founder's book."""
    return default_book_path().parent / SAMPLE_FILE_NAME


@dataclass(frozen=True)
class BookAddress:
    """Where a book is, as the command line or File ▸ Open book… gave it: what the window
    says while the book opens, before anything has read it."""

    path: Path | None = None
    url: str | None = None

    @property
    def name(self) -> str | None:
        """The name the open book will have (None for a URL without a database name)."""
        if self.path is not None:
            return Path(self.path).name
        if self.url is not None:  # the database's name; the password is never in it
            return PurePosixPath(urlsplit(self.url).path).name or None
        return default_book_path().name

    def describe(self) -> str:
        if self.path is not None:
            return str(Path(self.path).resolve())
        if self.url is not None:
            return f"the database {self.name}"
        return str(default_book_path())
