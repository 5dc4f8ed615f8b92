"""Properties that hold for any history: rates stay in [0, 1] and the weeks add up to the totals."""

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.metrics import WeekRange, build_review, review_json
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.qualification import disqualify, hand_off_to_sales, qualify
from desktop_app.core.store import open_book

START = datetime(2026, 9, 7, 9, 0)  # a Monday
PATHS = {
    "stays a lead": [],
    "mql": ["mql"],
    "sql": ["mql", "sql"],
    "skips to sql": ["sql"],
    "won": ["mql", "sql", "won"],
    "lost": ["sql", "lost"],
    "open deal": ["mql", "sql", "open"],
    "disqualified": ["disqualified"],
}

contacts = st.lists(
    st.tuples(
        st.sampled_from(sorted(PATHS)),
        st.integers(min_value=0, max_value=55),  # day the lead arrives
        st.integers(min_value=1, max_value=9),  # days between steps
        st.sampled_from(["seo", "referral", "event"]),
    ),
    max_size=25,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    history=contacts,
    first=st.integers(min_value=0, max_value=60),
    length=st.integers(min_value=0, max_value=40),
)
def test_rates_are_fractions_and_weeks_add_up(
    history: list[tuple[str, int, int, str]], first: int, length: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        book = open_book(Path(folder) / "b.sqlite")
        for number, (path, day, gap, source) in enumerate(history):
            _play(book, number, PATHS[path], START + timedelta(days=day), gap, source)
        span = WeekRange(
            date(2026, 9, 7) + timedelta(days=first),
            date(2026, 9, 7) + timedelta(days=first + length),
        )
        figures = review_json(build_review(book, span, START + timedelta(days=120)))
        book.close()
    totals, weeks = figures["totals"], figures["weeks"]
    for key, value in totals.items():
        if key.endswith("_rate") or key.endswith("_ratio"):
            assert value is None or 0 <= value <= 1, key
    assert sum(w["leads"] for w in weeks) == totals["leads"]
    assert sum(w["mqls"] for w in weeks) == totals["mqls"]
    assert sum(w["sqls"] for w in weeks) == totals["sqls"]
    assert all(sum(w["leads_by_source"].values()) == w["leads"] for w in weeks)


def _play(book, number: int, steps: list[str], at: datetime, gap: int, source: str) -> None:  # type: ignore[no-untyped-def]
    contact_id = add_lead(book, NewContact(f"C{number}", source=source), at=at)
    for step in steps:
        at += timedelta(days=gap)
        if step in ("won", "lost", "open"):
            deal_id = open_deal(book, contact_id, "Deal", "1000", at=at)
            if step != "open":
                at += timedelta(days=gap)
                move_deal(book, deal_id, step, lost_reason="price", at=at)
        elif step == "mql":
            qualify(book, contact_id, at=at)
        elif step == "sql":
            hand_off_to_sales(book, contact_id, at=at)
        else:
            disqualify(book, contact_id, "not a fit", at=at)
