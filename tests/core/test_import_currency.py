"""Currencies in the importer: a file in dollars into a book in euros is refused with one
sentence naming --rate, converted with it (the deal keeps the amount it was written in), a
currency column per row, a sign that disagrees with it, --currency, updates, undo, spend, and
the command line's flags. Every expected figure is worked out by hand in the test."""

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.cli import main
from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import import (
    ImportOptions,
    ImportPlan,
    commit_import,
    plan_import,
    preview_import,
    read_source,
    undo_import,
)
from desktop_app.core.io.csv_import.options import currency_code, parse_rates
from desktop_app.core.io.csv_import.values import converted
from desktop_app.core.models import Campaign, CampaignSpend, Deal
from desktop_app.core.services.deal_details import deal_details
from desktop_app.core.services.deals import DealInput, change_deal
from desktop_app.core.store import Book, open_book

PLANNED_AT = datetime(2026, 3, 10, 9, 0)

#: Two deals in dollars, one written with the sign, one with the code.
DOLLAR_DEALS = """\
Deal Name,Value,Create Date
Apollo,"$1,200",2026-01-05
Gemini,999.99 USD,2026-01-06
"""
#: 1,200.00 × 0.92 = 1,104.00; 999.99 × 0.92 = 919.9908, to the cent 919.99.
USD_0_92 = {"USD": Decimal("0.92")}


def _plan(text: str, kind: str = "deals", **options: object) -> ImportPlan:
    source = read_source(text.encode("utf-8"), f"{kind}.csv")
    return plan_import(source, ImportOptions(kind, **options), now=PLANNED_AT)  # type: ignore[arg-type]


def _deals(book: Book) -> list[tuple[str, Decimal, str, Decimal | None, str | None]]:
    with book.reading() as session:
        rows = session.execute(
            select(
                Deal.title, Deal.value, Deal.currency, Deal.original_value, Deal.original_currency
            ).order_by(Deal.id)
        ).all()
    return [
        (title, Decimal(value), currency, None if original is None else Decimal(original), code)
        for title, value, currency, original, code in rows
    ]


# --- the options ---------------------------------------------------------------------------


def test_rates_read_as_codes_and_positive_numbers() -> None:
    assert parse_rates(["USD=0.92", "gbp = 1.17"]) == {
        "USD": Decimal("0.92"),
        "GBP": Decimal("1.17"),
    }
    for bad, words in (
        ("USD=abc", "takes a positive number"),
        ("USD=-1", "takes a positive number"),
        ("USD=0", "takes a positive number"),
        ("USD=NaN", "takes a positive number"),
        ("USD=inf", "takes a positive number"),
        ("US=1", "three-letter currency code"),
        ("USD", "takes CODE=RATE"),
    ):
        with pytest.raises(TandemError, match=words) as raised:
            parse_rates([bad])
        assert raised.value.field == "rate"


def test_options_upper_case_their_codes_and_name_the_wrong_one() -> None:
    options = ImportOptions("deals", currency="usd", rates={"gbp": Decimal("1.17")}).checked()
    assert (options.currency, dict(options.rates)) == ("USD", {"GBP": Decimal("1.17")})
    assert currency_code(" eur ") == "EUR"
    with pytest.raises(TandemError, match="--currency takes a three-letter") as raised:
        ImportOptions("deals", currency="dollars").checked()
    assert raised.value.field == "currency"
    with pytest.raises(TandemError, match="--rate USD=RATE takes a positive number") as raised:
        ImportOptions("deals", rates={"USD": Decimal("-0.5")}).checked()
    assert raised.value.field == "rate"


def test_conversion_rounds_half_up_to_the_cent() -> None:
    assert converted(Decimal("1200.00"), Decimal("0.92")) == Decimal("1104.00")
    assert converted(Decimal("999.99"), Decimal("0.92")) == Decimal("919.99")  # 919.9908
    # 1.25 × 0.1 = 0.125: half up gives 0.13 (half even would give 0.12).
    assert converted(Decimal("1.25"), Decimal("0.1")) == Decimal("0.13")
    # 3.35 × 0.5 = 1.675 → 1.68.
    assert converted(Decimal("3.35"), Decimal("0.5")) == Decimal("1.68")


# --- deals ---------------------------------------------------------------------------------


def test_a_file_in_dollars_is_refused_with_one_sentence_naming_the_rate(book: Book) -> None:
    plan = _plan(DOLLAR_DEALS)
    preview = preview_import(book, plan)

    assert (preview.new, preview.failed) == (0, 2)
    assert [str(problem) for problem in preview.failures] == [
        "line 2: Value: 1,200.00 USD is not in the book's currency (EUR): give --rate "
        "USD=RATE to convert it.",
        "line 3: Value: 999.99 USD is not in the book's currency (EUR): give --rate "
        "USD=RATE to convert it.",
    ]
    assert len(preview.failure_groups) == 1  # one cause, whatever the amounts
    assert preview.currencies == (("USD", 2),) and preview.book_currency == "EUR"
    assert "Values: 2 in USD, no rate given (--rate USD=RATE)." in preview.column_notes
    with pytest.raises(TandemError, match="2 row\\(s\\) of deals.csv cannot be imported"):
        commit_import(book, plan)
    assert _deals(book) == []


def test_five_hundred_rows_in_dollars_are_one_line() -> None:
    rows = "".join(f"Deal {n},{n}.50 USD,2026-01-05\n" for n in range(1, 501))
    book = open_book(url="sqlite://")
    try:
        preview = preview_import(book, _plan("Deal Name,Value,Create Date\n" + rows))
    finally:
        book.close()
    assert preview.failed == 500
    (group,) = preview.failure_groups
    assert str(group) == (
        "500 rows: Value: … USD is not in the book's currency (EUR): give --rate USD=RATE "
        "to convert it (lines 2, 3, 4, …)"
    )


def test_a_rate_converts_and_the_deal_keeps_what_it_was_written_in(book: Book) -> None:
    plan = _plan(DOLLAR_DEALS, rates=USD_0_92)
    preview = preview_import(book, plan)

    assert (preview.new, preview.failed) == (2, 0)
    assert [row.values[1] for row in preview.rows] == [
        "1,104.00 EUR (1,200.00 USD)",
        "919.99 EUR (999.99 USD)",
    ]
    assert "Values: 2 in USD, converted at 0.92 EUR per USD." in preview.column_notes
    commit_import(book, plan)
    assert _deals(book) == [
        ("Apollo", Decimal("1104.00"), "EUR", Decimal("1200.00"), "USD"),
        ("Gemini", Decimal("919.99"), "EUR", Decimal("999.99"), "USD"),
    ]
    with book.reading() as session:
        apollo = session.scalars(select(Deal.id).where(Deal.title == "Apollo")).one()
    # 1,104.00 / 1,200.00 = 0.92
    assert deal_details(book, apollo).imported_as == "Imported as 1,200.00 USD at 0.92"


def test_a_currency_column_mixes_the_books_currency_and_dollars(book: Book) -> None:
    text = (
        "Deal Name,Amount,Currency,Create Date\n"
        "Euro deal,500,EUR,2026-01-05\n"
        "Dollar deal,250.00,usd,2026-01-06\n"
        "Unsaid,40,,2026-01-07\n"
    )
    plan = _plan(text, rates=USD_0_92)
    commit_import(book, plan)
    # 250.00 × 0.92 = 230.00; the row without a currency is in the book's.
    assert _deals(book) == [
        ("Euro deal", Decimal("500.00"), "EUR", None, None),
        ("Dollar deal", Decimal("230.00"), "EUR", Decimal("250.00"), "USD"),
        ("Unsaid", Decimal("40.00"), "EUR", None, None),
    ]
    assert preview_import(book, _plan(text, rates=USD_0_92)).currencies == (
        ("EUR", 2),
        ("USD", 1),
    )


def test_a_sign_that_disagrees_with_the_currency_column_fails_the_row(book: Book) -> None:
    text = 'Deal Name,Value,Currency,Create Date\nOdd,"$1,200",EUR,2026-01-05\n'
    preview = preview_import(book, _plan(text, rates=USD_0_92))
    assert [str(problem) for problem in preview.failures] == [
        "line 2: Value says USD but Currency says EUR."
    ]


def test_currency_says_what_a_file_without_codes_is_in(book: Book) -> None:
    text = "Deal Name,Value,Create Date\nPlain,1000,2026-01-05\nOwn code,100 EUR,2026-01-06\n"
    refused = preview_import(book, _plan(text, currency="usd"))
    assert [str(p) for p in refused.failures] == [
        "line 2: Value: 1,000.00 USD is not in the book's currency (EUR): give --rate "
        "USD=RATE to convert it."
    ]
    commit_import(book, _plan(text, currency="USD", rates={"USD": Decimal("0.9")}))
    # 1,000.00 × 0.9 = 900.00; the row's own code wins over --currency.
    assert _deals(book) == [
        ("Plain", Decimal("900.00"), "EUR", Decimal("1000.00"), "USD"),
        ("Own code", Decimal("100.00"), "EUR", None, None),
    ]


def test_a_bare_dollar_sign_is_the_dollar_currency_say(book: Book) -> None:
    text = "Deal Name,Value,Create Date\nMaple,$200,2026-01-05\n"
    commit_import(book, _plan(text, currency="CAD", rates={"CAD": Decimal("0.68")}))
    # 200.00 × 0.68 = 136.00
    assert _deals(book) == [("Maple", Decimal("136.00"), "EUR", Decimal("200.00"), "CAD")]


def test_a_rate_for_a_currency_not_in_the_file_is_harmless(book: Book) -> None:
    text = "Deal Name,Value,Create Date\nLocal,300,2026-01-05\n"
    commit_import(book, _plan(text, rates={"GBP": Decimal("1.17")}))
    assert _deals(book) == [("Local", Decimal("300.00"), "EUR", None, None)]


def test_an_unknown_amount_stays_not_known_in_any_currency(book: Book) -> None:
    text = "Deal Name,Value,Currency,Create Date\nLater,#N/A,USD,2026-01-05\n"
    plan = _plan(text)
    preview = preview_import(book, plan)
    assert (preview.new, preview.failed) == (1, 0)
    assert preview.rows[0].values[1] == "not known yet"
    commit_import(book, plan)
    assert _deals(book) == [("Later", Decimal("0.00"), "EUR", None, None)]


def test_an_update_by_a_row_in_dollars_converts_and_undo_restores(book: Book) -> None:
    first = "Deal ID,Deal Name,Value,Create Date\n7,Apollo,800,2026-01-05\n"
    commit_import(book, _plan(first))
    again = 'Deal ID,Deal Name,Value,Create Date\n7,Apollo,"$1,200",2026-01-05\n'
    assert preview_import(book, _plan(again)).failed == 1  # no rate: refused for updates too
    result = commit_import(book, _plan(again, rates=USD_0_92))

    assert (result.new, result.updated) == (0, 1)
    assert _deals(book) == [("Apollo", Decimal("1104.00"), "EUR", Decimal("1200.00"), "USD")]
    assert result.batch_id is not None
    undo_import(book, result.batch_id)
    assert _deals(book) == [("Apollo", Decimal("800.00"), "EUR", None, None)]


def test_a_later_row_of_one_deal_keeps_its_amount_and_currency_together(book: Book) -> None:
    text = (
        "Deal ID,Deal Name,Value,Currency,Deal Stage,Create Date\n"
        "9,Apollo,1200,USD,discovery,2026-01-05\n"
        "9,Apollo,,EUR,demo,2026-01-05\n"
    )
    commit_import(book, _plan(text, rates=USD_0_92))
    # The later row moves the stage on; its currency without an amount does not re-label
    # the first row's dollars: 1,200.00 × 0.92 = 1,104.00.
    assert _deals(book) == [("Apollo", Decimal("1104.00"), "EUR", Decimal("1200.00"), "USD")]


def test_undo_of_a_converted_import_takes_its_deals_back(book: Book) -> None:
    result = commit_import(book, _plan(DOLLAR_DEALS, rates=USD_0_92))
    assert result.batch_id is not None and len(_deals(book)) == 2
    undo_import(book, result.batch_id)
    assert _deals(book) == []


def test_an_exports_original_value_and_currency_are_kept_as_given(book: Book) -> None:
    text = (
        "Deal Name,Value,Currency,Original value,Original currency,Create Date\n"
        "Round trip,1104.00,EUR,1200.00,USD,2026-01-05\n"
        "Wrong,1200.00,USD,1200.00,USD,2026-01-06\n"
        "Half,50.00,EUR,70.00,,2026-01-07\n"
    )
    plan = _plan(text, rates=USD_0_92)
    preview = preview_import(book, plan)
    assert [str(p) for p in preview.failures] == [
        "line 3: Value is in USD, but a row with an original value gives its value in the "
        "book's currency (EUR).",
        "line 4: Original value has no currency: give it in Original currency (USD).",
    ]
    commit_import(book, plan, keep_going=True)
    assert _deals(book) == [
        ("Round trip", Decimal("1104.00"), "EUR", Decimal("1200.00"), "USD"),
    ]


def test_a_value_typed_by_hand_is_no_longer_the_imported_one(book: Book) -> None:
    commit_import(book, _plan(DOLLAR_DEALS, rates=USD_0_92))
    with book.reading() as session:
        apollo = session.scalars(select(Deal.id).where(Deal.title == "Apollo")).one()
    change_deal(book, apollo, DealInput("Apollo", "1,104.00"), at=PLANNED_AT)
    assert deal_details(book, apollo).imported_as == "Imported as 1,200.00 USD at 0.92"
    change_deal(book, apollo, DealInput("Apollo", "2,000.00"), at=PLANNED_AT)
    assert deal_details(book, apollo).imported_as == ""


# --- campaign spend ------------------------------------------------------------------------

DOLLAR_SPEND = """\
Day,Campaign,Cost,Clicks
2026-03-02,Brand,"$1,200.00",10
2026-03-03,Brand,12.50 USD,
"""


def _spend(book: Book) -> list[tuple[str, Decimal, str]]:
    with book.reading() as session:
        rows = session.execute(
            select(Campaign.name, CampaignSpend.amount, CampaignSpend.note)
            .join(Campaign, Campaign.id == CampaignSpend.campaign_id)
            .order_by(CampaignSpend.spent_on)
        ).all()
    return [(name, Decimal(amount), note) for name, amount, note in rows]


def test_spend_in_dollars_is_refused_then_converted_with_the_rate_in_its_note(
    book: Book,
) -> None:
    refused = preview_import(book, _plan(DOLLAR_SPEND, "spend"))
    assert [str(group) for group in refused.failure_groups] == [
        "2 rows: Cost: … USD is not in the book's currency (EUR): give --rate USD=RATE to "
        "convert it (lines 2, 3)"
    ]
    plan = _plan(DOLLAR_SPEND, "spend", rates=USD_0_92)
    preview = preview_import(book, plan)
    assert [row.values[2] for row in preview.rows] == [
        "1,104.00 (1,200.00 USD at 0.92)",
        "11.50 (12.50 USD at 0.92)",
    ]
    commit_import(book, plan)
    # 1,200.00 × 0.92 = 1,104.00; 12.50 × 0.92 = 11.50.
    assert _spend(book) == [
        ("Brand", Decimal("1104.00"), "1,200.00 USD at 0.92, 10 clicks"),
        ("Brand", Decimal("11.50"), "12.50 USD at 0.92"),
    ]


def test_spend_takes_currency_for_costs_without_a_sign(book: Book) -> None:
    text = "Day,Campaign,Cost\n2026-03-02,Brand,100.00\n"
    assert preview_import(book, _plan(text, "spend", currency="GBP")).failed == 1
    commit_import(book, _plan(text, "spend", currency="GBP", rates={"GBP": Decimal("1.17")}))
    assert _spend(book) == [("Brand", Decimal("117.00"), "100.00 GBP at 1.17")]


# --- the command line ----------------------------------------------------------------------


def test_the_command_line_refuses_then_converts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, db = tmp_path / "deals.csv", tmp_path / "book.sqlite"
    path.write_text(DOLLAR_DEALS, encoding="utf-8")

    assert main(["import", "deals", str(path), "--db", str(db), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert (
        "2 rows: Value: … USD is not in the book's currency (EUR): give --rate USD=RATE to "
        "convert it (lines 2, 3)" in out
    )
    assert "Values: 2 in USD, no rate given (--rate USD=RATE)." in out
    assert not db.exists()
    assert main(["import", "deals", str(path), "--db", str(db)]) == 1
    assert "give --rate USD=RATE" in capsys.readouterr().err

    assert main(["import", "deals", str(path), "--db", str(db), "--rate", "USD=0.92"]) == 0
    assert "line 2 new: Apollo | 1,104.00 EUR (1,200.00 USD)" in capsys.readouterr().out
    book = open_book(path=db)
    try:
        assert [(title, value) for title, value, *_ in _deals(book)] == [
            ("Apollo", Decimal("1104.00")),
            ("Gemini", Decimal("919.99")),
        ]
    finally:
        book.close()


@pytest.mark.parametrize(
    "flags",
    [
        ["--rate", "USD=abc"],
        ["--rate", "USD=-1"],
        ["--rate", "USD=0"],
        ["--rate", "US=1"],
        ["--currency", "dollars"],
    ],
)
def test_a_bad_currency_flag_is_one_sentence_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str]
) -> None:
    path, db = tmp_path / "deals.csv", tmp_path / "book.sqlite"
    path.write_text(DOLLAR_DEALS, encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["import", "deals", str(path), "--db", str(db), *flags])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("tandem: ") and err.count("\n") == 1 and "Traceback" not in err
    assert not db.exists()


def test_import_help_names_the_currency_flags(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "deals", "--help"])
    out = capsys.readouterr().out
    assert "--currency CODE" in out and "--rate CODE=RATE" in out
    assert "original_value" in out and "original_currency" in out
