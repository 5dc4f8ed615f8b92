"""Damage done to a closed book on purpose, as a failing disk would do it."""

import sqlite3
from pathlib import Path


def flip_contacts_page(path: Path) -> None:
    """Flip the bytes of the contacts table's page header and cell pointers in the closed
    book at `path`, so SQLite cannot read the page as a b-tree page."""
    raw = sqlite3.connect(path)
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'contacts'").fetchone()[0]
    raw.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    assert data[start] == 0x0D  # a leaf page of a table, where the contacts' rows are
    for offset in range(start, start + 32):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
