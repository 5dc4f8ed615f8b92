"""What `tandem import` tells the founder: failing rows grouped by cause, the failing rows written
out to fix, the exit status of a dry run, how stage and source words were read, and the fields
--map accepts (in --help and in the README, both from the importer's synonyms)."""

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.io import csv_import
from desktop_app.core.io.csv_import import FIELDS, ImportOptions, fields_markdown
from desktop_app.core.io.csv_import.reports import field_headers, grouped_problems
from desktop_app.core.store import Book
from tests.core.conftest import PG_URL, pg_database

README = Path(__file__).resolve().parents[2] / "README.md"

#: Lines 3, 5, 6, 8 and 9 have an e-mail without "@"; line 7 a date that does not exist; line 2
#: and line 4 are fine (line 4's company holds a quoted comma, kept as it is).
CONTACTS = """\
Name,Email,Company,Create Date
Ada Lovelace,ada@example.org,Analytical,2026-03-02
Bo Chen,bo.example.org,Chen Ltd,2026-03-02
Cy Young,cy@example.org,"Young, Sons & Co",2026-03-03
Di Prince,di.example.org,,2026-03-03
Ed Stone,ed.example.org,,2026-03-04
Flo Ray,flo@example.org,,2026-02-31
Gus Lee,gus.example.org,,2026-03-05
Hal Hope,hal.example.org,"Hope, Inc",2026-03-05
"""

DEALS = """\
Deal Name,Deal Stage,Create Date,Close Date,Lead Source
Alpha,Prospecting,2026-01-05,,Trade Show
Beta,Prospecting,2026-01-06,,Trade Show
Gamma,Engaging,2026-01-07,,
Delta,Prospecting,2026-01-08,,Carrier pigeon
Epsilon,Engaging,2026-01-09,,
Zeta,Closed Won,2026-01-10,2026-02-01,
Eta,Demo booked,2026-01-11,,
Theta,Sandbox,2026-01-12,,
"""


@pytest.fixture(params=["sqlite", "postgresql"])
def where(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[list[str]]:
    """The book option for the command line, on each database this run can reach."""
    if request.param == "sqlite":
        yield ["--db", str(tmp_path / "book.sqlite")]
        return
    if not PG_URL:
        pytest.skip("set TANDEM_TEST_PG_URL to run on PostgreSQL too")
    with pg_database() as url:
        yield ["--database-url", url]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def section(out: str, title: str) -> list[str]:
    """The indented lines under `title` in the command's output."""
    lines = out.splitlines()
    start = lines.index(title) + 1
    taken = []
    for line in lines[start:]:
        if not line.startswith("  "):
            break
        taken.append(line)
    return taken


def test_failing_rows_are_one_line_per_cause_and_a_dry_run_with_any_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "people.csv", CONTACTS)
    db = tmp_path / "book.sqlite"
    status, out, _err = run(capsys, "import", "contacts", str(path), "--db", str(db), "--dry-run")

    assert status == 1
    assert "2 new, 0 updated, 0 skipped, 6 failing" in out
    assert section(out, "Failing rows, by cause:") == [
        "  5 rows: Email: “…” is not an e-mail address: it must have an @ (lines 3, 5, 6, …)",
        "  line 7: Create Date: “2026-02-31” is not a date.",
    ]
    assert "Dry run: nothing was written." in out


def test_a_dry_run_where_every_row_imports_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "people.csv", "".join(CONTACTS.splitlines(True)[:2]))
    db = tmp_path / "book.sqlite"
    status, out, _err = run(capsys, "import", "contacts", str(path), "--db", str(db), "--dry-run")
    assert status == 0
    assert "1 new, 0 updated, 0 skipped, 0 failing" in out
    assert "Failing rows" not in out


def test_the_refusal_names_the_flag_and_the_flag_imports_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: list[str]
) -> None:
    path = write(tmp_path, "people.csv", CONTACTS)
    status, _out, err = run(capsys, "import", "contacts", str(path), *where)
    assert status == 1
    assert err.startswith("tandem: 6 row(s) of people.csv cannot be imported (5 rows: Email:")
    assert "1 other cause(s)" in err and "(--skip-failed)" in err and "--errors FILE" in err
    assert err.count("\n") == 1

    status, out, _err = run(capsys, "import", "contacts", str(path), *where, "--skip-failed")
    assert status == 0
    assert "Imported as batch 1: 2 new, 0 updated, 0 skipped, 6 left out." in out


def test_the_errors_file_holds_each_failing_row_as_written_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: list[str]
) -> None:
    path = write(tmp_path, "people.csv", CONTACTS)
    errors = tmp_path / "to fix.csv"
    status, out, _err = run(
        capsys, "import", "contacts", str(path), *where, "--dry-run", "--errors", str(errors)
    )
    assert status == 1
    assert f"Wrote the 6 failing row(s) to {errors}" in out

    with errors.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Name", "Email", "Company", "Create Date", "Tandem: why"]
    assert [row[:4] for row in rows[1:]] == [
        ["Bo Chen", "bo.example.org", "Chen Ltd", "2026-03-02"],
        ["Di Prince", "di.example.org", "", "2026-03-03"],
        ["Ed Stone", "ed.example.org", "", "2026-03-04"],
        ["Flo Ray", "flo@example.org", "", "2026-02-31"],
        ["Gus Lee", "gus.example.org", "", "2026-03-05"],
        ["Hal Hope", "hal.example.org", "Hope, Inc", "2026-03-05"],
    ]
    assert rows[1][4] == "Email: “bo.example.org” is not an e-mail address: it must have an @."
    assert rows[4][4] == "Create Date: “2026-02-31” is not a date."

    # Fixed in a spreadsheet: "@" for ".", and the 31st of February made the 28th.
    fixed = [row[:1] + [row[1].replace(".example", "@example")] + row[2:] for row in rows[1:]]
    fixed[3][3] = "2026-02-28"
    with errors.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([rows[0], *fixed])
    status, out, _err = run(capsys, "import", "contacts", str(errors), *where)
    assert status == 0, out
    assert "6 new, 0 updated, 0 skipped, 0 failing" in out
    assert "Not read: “Tandem: why”" in out
    assert "Imported as batch 1: 6 new" in out


def test_no_errors_file_when_nothing_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "people.csv", "".join(CONTACTS.splitlines(True)[:2]))
    errors = tmp_path / "errors.csv"
    db = tmp_path / "book.sqlite"
    status, out, _err = run(
        capsys,
        "import",
        "contacts",
        str(path),
        "--db",
        str(db),
        "--dry-run",
        "--errors",
        str(errors),
    )
    assert status == 0 and not errors.exists()
    assert f"No failing rows: {errors} was not written." in out


def test_a_row_wider_than_the_header_keeps_its_cells_before_the_why(tmp_path: Path) -> None:
    path = write(tmp_path, "wide.csv", "Name,Email\nAda,ada@example.org\nBo,bo@x.org,extra\n")
    plan = csv_import.plan_import(csv_import.read_source_file(path), ImportOptions("contacts"))
    failing = [(row.line, row.problem) for row in plan.rows if row.problem]
    assert [line for line, _why in failing] == [3]
    written = csv_import.write_failed_rows(plan, failing, tmp_path / "out.csv")
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert written == 1
    assert rows[0] == ["Name", "Email", "", "Tandem: why"]
    assert rows[1][:3] == ["Bo", "bo@x.org", "extra"]
    assert rows[1][3].startswith("This row has 3 cells")


def test_the_window_gets_the_same_groups(tmp_path: Path, book: Book) -> None:
    path = write(tmp_path, "people.csv", CONTACTS)
    plan = csv_import.plan_import(csv_import.read_source_file(path), ImportOptions("contacts"))
    preview = csv_import.preview_import(book, plan)
    groups = preview.failure_groups
    assert [(group.count, group.lines) for group in groups] == [(5, (3, 5, 6, 8, 9)), (1, (7,))]
    assert str(groups[1]) == "line 7: Create Date: “2026-02-31” is not a date."


def test_unknown_stage_words_stay_causes_of_their_own() -> None:
    stage = "Stage “{}” is not a deal stage Tandem knows; say which (--stage-map “{}=STAGE”)."
    groups = grouped_problems(
        [(2, stage.format("Sandbox", "Sandbox")), (3, stage.format("Parked", "Parked"))]
        + [(4, stage.format("Sandbox", "Sandbox"))]
    )
    assert [(group.lines, "Sandbox" in group.cause) for group in groups] == [
        ((2, 4), True),
        ((3,), False),
    ]
    cells = grouped_problems([(5, "has 14 cells where the header has 12 (…)."), (9, "has 13 …")])
    assert len(cells) == 2  # different shapes of message are different causes


def test_a_dry_run_says_how_each_stage_and_source_word_was_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "deals.csv", DEALS)
    db = tmp_path / "book.sqlite"
    status, out, _err = run(capsys, "import", "deals", str(path), "--db", str(db), "--dry-run")
    assert status == 1  # Theta's "Sandbox" is no stage
    assert section(out, "“Deal Stage” read as stage:") == [
        "  Prospecting → discovery (3)",
        "  Engaging → discovery (2)",
        "  Closed Won → won (1)",
        "  Demo booked → demo (1) (guessed from a word in it)",
        "  Not read: “Sandbox” (1) → the row fails",
    ]
    assert section(out, "“Lead Source” read as source:") == [
        "  Trade Show → event (2)",
        "  Not read: “Carrier pigeon” (1) → no source",
    ]

    status, out, _err = run(
        capsys,
        "import",
        "deals",
        str(path),
        "--db",
        str(db),
        "--dry-run",
        "--stage-map",
        "sandbox=demo",
        "--source-map",
        "Carrier Pigeon=referral",
    )
    assert status == 0
    assert "  Sandbox → demo (1)" in out
    assert "  Carrier pigeon → referral (1)" in out
    assert "Not read" not in out
    assert "8 new, 0 updated, 0 skipped, 0 failing" in out


def test_contact_sources_not_read_fall_to_the_default_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Email,Original Source,Create Date\n" + "".join(
        f"p{n}@example.org,{source},2026-03-0{n}\n"
        for n, source in enumerate(("Google", "google", "Carrier pigeon", "Google"), start=1)
    )
    path = write(tmp_path, "people.csv", text)
    db = tmp_path / "book.sqlite"
    status, out, _err = run(
        capsys, "import", "contacts", str(path), "--db", str(db), "--dry-run",
        "--default-source", "event",
    )  # fmt: skip
    assert status == 0
    assert section(out, "“Original Source” read as source:") == [
        "  Google / google → seo (3)",
        "  Not read: “Carrier pigeon” (1) → event (the word is kept in the notes)",
    ]


@pytest.mark.parametrize("kind", ["contacts", "companies", "deals", "activities"])
def test_import_kind_help_lists_every_field_and_its_headers(
    kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["import", kind, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    listed = out.split(f"fields of {kind} (--map FIELD=COLUMN)")[1]
    flat = re.sub(r"\s+", " ", listed)
    for field in FIELDS[kind]:
        assert f" {field.key} {field.label}: {', '.join(field_headers(field))}" in flat


def test_help_names_headers_from_the_tools(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "deals", "--help"])
    deals = re.sub(r"\s+", " ", capsys.readouterr().out)
    assert "Exit status: 0 when every row imports" in deals
    assert re.search(r" stage Stage: Deal Stage, StageName, Stage,", deals)
    assert re.search(r" title Title: Deal Name, Deal - Title, Opportunity Name,", deals)
    with pytest.raises(SystemExit):
        main(["import", "contacts", "-h"])
    contacts = re.sub(r"\s+", " ", capsys.readouterr().out)
    assert "became_mql_at Became an MQL: Became a Marketing Qualified Lead Date" in contacts
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "'tandem import KIND --help' lists the fields" in capsys.readouterr().out


def test_the_readme_lists_the_fields_the_code_accepts() -> None:
    text = README.read_text(encoding="utf-8")
    listed = text.split("<!-- import-fields:start -->\n")[1].split("\n<!-- import-fields:end -->")[
        0
    ]
    assert listed == fields_markdown(), "run: python scripts/readme_import_fields.py"
    for fields in FIELDS.values():
        for field in fields:
            assert f"| `{field.key}` | {field.label} |" in listed


def test_lifecycle_words_are_read_or_fail_until_mapped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Email,Lifecycle Stage,Create Date\n" + "".join(
        f"p{n}@example.org,{stage},2026-03-0{n}\n"
        for n, stage in enumerate(
            ("Subscriber", "Marketing Qualified Lead", "Hot", "subscriber"), start=1
        )
    )
    path = write(tmp_path, "people.csv", text)
    db = tmp_path / "book.sqlite"
    status, out, _err = run(capsys, "import", "contacts", str(path), "--db", str(db), "--dry-run")
    assert status == 1
    assert section(out, "“Lifecycle Stage” read as stage:") == [
        "  Subscriber / subscriber → lead (2)",
        "  Marketing Qualified Lead → mql (1)",
        "  Not read: “Hot” (1) → the row fails",
    ]
    assert "3 new, 0 updated, 0 skipped, 1 failing" in out

    mapped = ("--dry-run", "--stage-map", "Hot=sql")
    status, out, _err = run(capsys, "import", "contacts", str(path), "--db", str(db), *mapped)
    assert status == 0
    assert "  Hot → sql (1)" in section(out, "“Lifecycle Stage” read as stage:")
