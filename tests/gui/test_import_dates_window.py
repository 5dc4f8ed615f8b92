"""The import window on a deals file without creation dates (issue 12, "Dates"): it names the
file's date columns with how many rows each remedy dates, and offers each column as a choice."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.gui.io.import_dialog import ImportDialog
from desktop_app.gui.operations import Operations


@pytest.fixture
def dialog(qtbot: QtBot, ops: Operations) -> ImportDialog:
    opened = ImportDialog(ops)
    qtbot.addWidget(opened)
    return opened


def test_the_window_offers_the_date_columns_with_their_counts(
    dialog: ImportDialog, tmp_path: Path
) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(
        "Deal Name,Stage,Demo Date,Close Date\n"
        "Alpha,Closed Won,2026-01-05,2026-02-04\n"
        "Beta,Prospecting,2026-01-12,\n"
        "Gamma,Prospecting,,\n",
        encoding="utf-8",
    )
    dialog.kindCombo.setCurrentText("deals")
    dialog.open_file(path)
    counts = dialog.countsLabel.text()
    assert counts.startswith("0 new, 0 updated, 0 skipped, 3 failing.")
    # Demo Date dates Alpha and Beta; Close Date Alpha; some other date: Alpha and Beta.
    assert (
        "3 rows have no creation date; they can be dated by “Demo Date” for 2 rows, by "
        "“Close Date” for 1 row, by the row's earliest other date for 2 rows, or by the import "
        "time for 3 rows." in counts
    )
    assert "--" not in counts
    dates = dialog.missingDateCombo
    assert [dates.itemData(i) for i in range(dates.count())] == [
        "error",
        "earliest",
        "now",
        "Demo Date",
        "Close Date",
    ]
    assert dates.itemText(3) == "Date it by “Demo Date”"
    dates.setCurrentIndex(dates.findData("Demo Date"))
    assert dialog.countsLabel.text().startswith("2 new, 0 updated, 0 skipped, 1 failing.")
