"""What people type into money and e-mail fields: read as they meant it, or refused with a
message that says what to type (never another exception)."""

from datetime import date
from decimal import Decimal

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.models import CampaignSpend, Deal
from desktop_app.core.money import parse_money
from desktop_app.core.services.campaigns import CampaignInput, add_spend, create_campaign
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import DealInput, change_deal, open_deal
from desktop_app.core.services.settings import change_revenue_target, read_settings
from desktop_app.core.services.validation import SPECIAL_USE_DOMAINS, money, optional_email
from desktop_app.core.store import Book

# ---- money


@pytest.mark.parametrize(
    ("typed", "currency", "amount"),
    [
        ("250,50", "EUR", "250.50"),
        ("1.250,00", "EUR", "1250.00"),
        ("1,250.00", "EUR", "1250.00"),
        ("€1,030", "EUR", "1030.00"),
        ("1 250", "EUR", "1250.00"),
        ("1 250,5", "EUR", "1250.50"),
        ("$1,030.82", "USD", "1030.82"),
        ("1\u202f250,00 €", "EUR", "1250.00"),  # a narrow no-break space, as French writes it
        ("1'250.50", "CHF", "1250.50"),
        ("250 EUR", "EUR", "250.00"),
        ("eur 250", "EUR", "250.00"),
        ("£12", "GBP", "12.00"),
        ("1.250", "USD", "1250.00"),  # three digits after a mark group thousands
        ("1,250,000", "EUR", "1250000.00"),
        ("1.250.000,75", "EUR", "1250000.75"),
        (".5", "EUR", "0.50"),
        ("0", "EUR", "0.00"),
        ("  42  ", "EUR", "42.00"),
        ("+42", "EUR", "42.00"),
        ("-250", "EUR", "-250.00"),
        ("-€1,030.50", "EUR", "-1030.50"),
        ("\u22127", "EUR", "-7.00"),  # the minus sign a word processor writes
        ("999,999,999,999.99", "EUR", "999999999999.99"),
    ],
)
def test_money_reads_what_people_type(typed: str, currency: str, amount: str) -> None:
    assert parse_money(typed, currency) == Decimal(amount)


@pytest.mark.parametrize("typed", ["", "   ", "\t"])
def test_an_empty_money_field_is_no_amount(typed: str) -> None:
    assert parse_money(typed, "EUR") is None


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("NaN", "is not an amount"),
        ("nan", "is not an amount"),
        ("sNaN", "is not an amount"),
        ("inf", "is not an amount"),
        ("-Infinity", "is not an amount"),
        ("∞", "is not an amount"),
        ("1e3", "exponent"),
        ("2.5E+4", "exponent"),
        ("1.2.3", "two decimal marks"),
        ("1,5,0", "two decimal marks"),
        ("12.3456", "more than two decimals"),
        ("0,125", "more than two decimals"),
        ("1,250.000", "more than two decimals"),
        ("12,50.5", "groups its digits oddly"),
        ("1 25", "groups its digits oddly"),
        ("abc", "is not an amount"),
        ("-", "is not an amount"),
        ("1.", "is not an amount"),
        ("12 apples", "is not an amount"),
        ("(250)", "is not an amount"),
        ("$250", "not in EUR"),
        ("250 USD", "not in EUR"),
        ("€250 EUR", "names its currency twice"),
        ("1" * 13, "more than Tandem can hold"),
        ("9" * 400, "more than Tandem can hold"),
    ],
)
def test_money_refuses_what_is_no_amount_saying_what_to_type(typed: str, says: str) -> None:
    with pytest.raises(TandemError) as caught:
        parse_money(typed, "EUR")
    assert says in caught.value.message
    assert typed.strip() in caught.value.message


@pytest.mark.parametrize("currency", ["USD", "CAD", "AUD"])
def test_a_dollar_sign_fits_every_dollar(currency: str) -> None:
    assert parse_money("$99", currency) == Decimal("99.00")


_TYPED = st.text(alphabet=st.sampled_from("0123456789.,' -+€$£eEnaNIfiy\u00a0\u202fUSDkr()"))


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.text(), _TYPED), st.sampled_from(["EUR", "USD", "SEK", "", "XYZ"]))
@example("1e3", "EUR")
@example("NaN", "")
@example("inf", "")
@example("-", "EUR")
def test_no_typed_string_raises_anything_but_a_tandem_error(typed: str, currency: str) -> None:
    try:
        amount = parse_money(typed, currency)
    except TandemError as error:
        assert error.message
        return
    assert amount is None or (amount.is_finite() and amount == amount.quantize(Decimal("0.01")))


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2))
def test_money_as_the_window_shows_it_reads_back_as_the_same_amount(amount: Decimal) -> None:
    shown = f"€{amount:,.2f}"  # how report.formatting.money writes it
    assert parse_money(shown, "EUR") == amount
    continental = f"{amount:,.2f}".replace(",", " ").replace(".", ",")
    assert parse_money(continental, "EUR") == amount


def test_the_service_check_puts_the_message_beside_its_field() -> None:
    with pytest.raises(TandemError) as caught:
        money("NaN", "value", "Value", "EUR")
    assert caught.value.field == "value"
    with pytest.raises(TandemError, match="cannot be negative") as caught:
        money("-5", "amount", "The amount", "EUR")
    assert caught.value.field == "amount"
    with pytest.raises(TandemError, match="Value is needed"):
        money("  ", "value", "Value", "EUR")
    with pytest.raises(TandemError, match="must be a number"):
        money(float("nan"), "value", "Value")
    with pytest.raises(TandemError, match="must be a number"):
        money(Decimal("Infinity"), "value", "Value")


def _lead(book: Book, name: str = "Ada Lovelace") -> int:
    return add_lead(book, NewContact(name, f"{name.split()[0].lower()}@engines.example"))


def test_deals_spend_and_targets_take_money_as_typed(book: Book) -> None:
    deal_id = open_deal(book, _lead(book), "Analytical engine", "1.250,50")
    change_deal(book, deal_id, DealInput("Analytical engine", "€2,000"))
    campaign_id = create_campaign(
        book, CampaignInput("Autumn webinar", "event", date(2026, 9, 1), None)
    )
    add_spend(book, campaign_id, date(2026, 9, 2), "1 030,82")
    change_revenue_target(book, "€120,000")
    with book.reading() as session:
        value = session.scalar(select(Deal.value).where(Deal.id == deal_id))
        spent = session.scalar(select(CampaignSpend.amount))
    assert (value, spent) == (Decimal("2000.00"), Decimal("1030.82"))
    assert read_settings(book).revenue_target == Decimal("120000.00")


@pytest.mark.parametrize(("typed", "says"), [("NaN", "not an amount"), ("1e3", "exponent")])
def test_a_deal_value_that_is_no_amount_is_refused_beside_the_value(
    book: Book, typed: str, says: str
) -> None:
    contact_id = _lead(book)
    with pytest.raises(TandemError, match=says) as caught:
        open_deal(book, contact_id, "Engine", typed)
    assert caught.value.field == "value"
    with pytest.raises(TandemError, match="not in EUR") as caught:
        open_deal(book, contact_id, "Engine", "$500")
    assert caught.value.field == "value"


# ---- e-mail


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("greta.example.com", "it must have an @"),
        ("greta@example", "should have a period"),
        ("greta @example.com", "a space"),
        ("a..b@example.com", "two periods in a row"),
        ("greta@@example.com", "invalid characters"),
        ("greta@nordic.local", "special-use"),
    ],
)
def test_an_email_that_is_not_one_is_refused_with_the_reason(typed: str, says: str) -> None:
    with pytest.raises(TandemError) as caught:
        optional_email(typed)
    assert caught.value.field == "email"
    assert caught.value.message.startswith(f"“{typed}” is not an e-mail address: ")
    assert says in caught.value.message


@pytest.mark.parametrize(
    "typed",
    ["greta@example.com", "Greta.Lindgren+crm@nordic-analytics.example", "jürgen@müller.de"],
)
def test_an_email_is_kept_as_typed(typed: str) -> None:
    assert optional_email(f"  {typed} ") == typed
    assert optional_email("") is None


_ADDRESS = st.text(alphabet=st.sampled_from("ab0.-_+@ü'Z"), max_size=24)


@settings(max_examples=800, deadline=None)
@given(st.one_of(_ADDRESS, st.emails(), st.text(max_size=30)))
@example("a@b.co")
@example("a@b-.co")
@example("a@-b.co")
@example("a@b--c.co")
@example("a@b.test")
@example("x" * 65 + "@b.co")
def test_email_check_takes_exactly_what_email_validator_takes(typed: str) -> None:
    """The quick path for everyday addresses never lets through what the library refuses."""
    value = typed.strip()
    try:
        validate_email(value, check_deliverability=False)
        library_takes = bool(value)
    except EmailNotValidError:
        library_takes = False
    try:
        ours_takes = optional_email(typed) is not None
    except TandemError:
        ours_takes = False
    assert ours_takes == library_takes


def test_the_quick_path_knows_the_libraries_special_use_domains() -> None:
    from email_validator import SPECIAL_USE_DOMAIN_NAMES

    assert set(SPECIAL_USE_DOMAIN_NAMES) <= SPECIAL_USE_DOMAINS
