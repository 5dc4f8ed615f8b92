"""The command line as a person uses it: one clear line on error, never a traceback."""

import subprocess
import sys
from pathlib import Path

from desktop_app import __version__


def tandem(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=120
    )


def test_version_and_help() -> None:
    assert tandem("--version").stdout.strip() == f"tandem {__version__}"
    shown = tandem("--help")
    assert shown.returncode == 0
    assert "demo" in shown.stdout and "--database-url" in shown.stdout


def test_an_unknown_flag_is_one_line_and_exit_status_2() -> None:
    result = tandem("--colour=pink")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "unrecognized arguments: --colour" in result.stderr


def test_a_damaged_book_is_one_line_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    result = tandem("demo", "--db", str(path), "--contacts", "10")
    assert result.returncode == 1
    assert result.stderr.startswith("tandem: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == b"SQLite format 3\x00" + b"\x13" * 5000


def test_db_may_come_before_or_after_the_command(tmp_path: Path) -> None:
    from desktop_app.cli import build_parser

    parser = build_parser()
    before = parser.parse_args(["--db", str(tmp_path / "a.sqlite"), "demo"])
    after = parser.parse_args(["demo", "--db", str(tmp_path / "b.sqlite")])
    assert (before.db.name, after.db.name) == ("a.sqlite", "b.sqlite")


def test_the_sample_business_is_written_by_the_demo_command(tmp_path: Path) -> None:
    path = tmp_path / "sample.sqlite"
    result = tandem("demo", "--db", str(path), "--contacts", "300", "--weeks", "8")
    assert result.returncode == 0, result.stderr
    assert "sample.sqlite: 300 contacts, " in result.stdout and "rows in all)." in result.stdout
    assert "Summary(" not in result.stdout
    again = tandem("demo", "--db", str(path), "--contacts", "300")
    assert again.returncode == 1 and again.stderr.startswith("tandem: ")


def test_review_json_has_the_documented_shape(tmp_path: Path) -> None:
    import json

    path = tmp_path / "sample.sqlite"
    assert tandem("demo", "--db", str(path), "--contacts", "300", "--weeks", "8").returncode == 0
    result = tandem("review", "--db", str(path), "--weeks", "4", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) == {"range", "weeks", "totals", "campaigns", "objections", "warnings"}
    assert len(figures["weeks"]) == 4
    assert set(figures["weeks"][0]) == {
        "week",
        "leads",
        "leads_by_source",
        "mqls",
        "sqls",
        "deals_created",
        "deals_won",
        "deals_lost",
        "won_value",
        "hours_by_mode",
        "mode_switches",
    }
    assert set(figures["totals"]) == {
        "leads",
        "mqls",
        "sqls",
        "lead_to_mql_rate",
        "mql_to_sql_rate",
        "sql_to_opportunity_rate",
        "lead_to_opportunity_rate",
        "win_rate",
        "opportunity_to_win_ratio",
        "avg_deal_size",
        "sales_cycle_days_median",
        "lead_response_hours_median",
        "follow_up_breaches",
        "open_pipeline",
        "open_pipeline_weighted",
        "pipeline_velocity",
        "stale_deals",
    }
    assert set(figures["campaigns"][0]) == {
        "name",
        "channel",
        "spend",
        "leads",
        "mqls",
        "deals",
        "customers",
        "won_value",
        "cpl",
        "cac",
        "roi",
    }


def test_review_refuses_a_backwards_range(tmp_path: Path) -> None:
    result = tandem(
        "review", "--db", str(tmp_path / "b.sqlite"), "--from", "2026-11-10", "--to", "2026-11-01"
    )
    assert result.returncode == 1 and "ends before it starts" in result.stderr
    bad = tandem("review", "--from", "10/11/2026")
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_review_writes_its_charts_as_a_pdf_and_pngs(tmp_path: Path) -> None:
    import re

    from desktop_app.report.catalogue import CATALOGUE

    path = tmp_path / "sample.sqlite"
    assert tandem("demo", "--db", str(path), "--contacts", "200", "--weeks", "6").returncode == 0
    pdf, pngs = tmp_path / "review.pdf", tmp_path / "charts"
    result = tandem("review", "--db", str(path), "--pdf", str(pdf), "--png-dir", str(pngs))
    assert result.returncode == 0, result.stderr
    # A page of the range's figures and warning signs, then a chart a page.
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes())) == 1 + len(CATALOGUE)
    assert sorted(p.name for p in pngs.iterdir()) == sorted(f"{c.key}.png" for c in CATALOGUE)
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pngs.iterdir())
