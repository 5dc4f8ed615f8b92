"""Write one small fixture book with the code of an old commit (not a test; run by hand).

    git worktree add /tmp/wt-e31df1f e31df1f
    cd /tmp/wt-e31df1f && python /work/main/tests/core/books/write_book.py OUT.sqlite
    git worktree remove /tmp/wt-e31df1f

It imports `desktop_app` from the current directory, so the book is written by that commit's
own store, migrations and services. Every commit since e31df1f has the functions used here.
The history it writes (tests/core/test_old_books.py works its figures out by hand):

    campaign "Autumn webinar" (event), spend 300.00 on 2026-10-05 and 150.00 on 2026-10-12
    Ada  lead Mon 10-05 09:00 (campaign) · mql 10-06 10:00 · sql 10-07 10:00
         deal "Ada pilot" 1,000.00 opened 10-08 10:00 (→ opportunity) · demo 10-09 · won 10-20
         10:00 (→ customer); a call due 10-06 11:00, done 10-06 13:00
    Ben  lead Tue 10-06 09:00 (campaign) · mql 10-07 09:00
         deal "Ben trial" 500.00 opened 10-09 12:00 (→ opportunity) · lost 10-21 12:00 (→ lost)
    Cleo lead Wed 10-07 09:00 (referral) · disqualified 10-08 09:00
    Dan  lead Tue 10-13 09:00 (content), company "Dan & Co"
    Eve  lead Wed 10-14 09:00 (content) · mql 10-15 09:00, a call due 10-16 09:00 not done
    deal "Eve later" 700.00 opened for Eve 10-22 09:00 (→ opportunity), still in discovery
    mode sessions: demand 10-05 08:00–10:00, deals 10-05 13:00–14:30
"""

import inspect
import sqlite3
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, ".")

from desktop_app.core.models import Campaign, CampaignSpend  # noqa: E402
from desktop_app.core.services import activities, contacts, deals, modes  # noqa: E402
from desktop_app.core.store import open_book  # noqa: E402


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 10, day, hour, minute)


def main(out: Path) -> None:
    book = open_book(out)
    with book.transaction() as session:
        campaign = Campaign(
            name="Autumn webinar",
            channel="event",
            starts_on=date(2026, 10, 5),
            ends_on=date(2026, 10, 25),
            lead_target=10,
            notes="",
            created_at=at(1, 9),
        )
        session.add(campaign)
        session.flush()
        session.add(
            CampaignSpend(
                campaign_id=campaign.id,
                spent_on=date(2026, 10, 5),
                amount=Decimal("300.00"),
                note="venue",
            )
        )
        session.add(
            CampaignSpend(
                campaign_id=campaign.id,
                spent_on=date(2026, 10, 12),
                amount=Decimal("150.00"),
                note="ads",
            )
        )
        campaign_id = campaign.id

    for mode, start, end in (("demand", at(5, 8), at(5, 10)), ("deals", at(5, 13), at(5, 14, 30))):
        session_id = modes.enter_mode(book, mode, at=start)
        if "session_id" in inspect.signature(modes.leave_mode).parameters:
            modes.leave_mode(book, session_id, at=end)  # from 6386eb5 on
        else:
            modes.leave_mode(book, at=end)

    new = contacts.NewContact
    ada = contacts.add_lead(
        book,
        new("Ada Lovelace", "ada@example.com", "Analytical Ltd", "event", campaign_id),
        at=at(5, 9),
    )
    ben = contacts.add_lead(
        book, new("Ben Okri", "ben@example.com", "", "event", campaign_id), at=at(6, 9)
    )
    cleo = contacts.add_lead(
        book, new("Cleo Park", "cleo@example.com", "", "referral"), at=at(7, 9)
    )
    contacts.add_lead(
        book, new("Dan Brown", "dan@example.com", "Dan & Co", "content"), at=at(13, 9)
    )
    eve = contacts.add_lead(book, new("Eve Adams", "eve@example.com", "", "content"), at=at(14, 9))

    contacts.change_stage(book, ada, "mql", at=at(6, 10))
    call = activities.schedule_activity(
        book, "call", "First call with Ada", at(6, 11), contact_id=ada, at=at(6, 10)
    )
    activities.complete_activity(book, call, "interested", at=at(6, 13))
    contacts.change_stage(book, ada, "sql", at=at(7, 10))
    contacts.change_stage(book, ben, "mql", at=at(7, 9))
    contacts.change_stage(book, cleo, "disqualified", "no budget", at=at(8, 9))
    contacts.change_stage(book, eve, "mql", at=at(15, 9))
    activities.schedule_activity(
        book, "call", "First call with Eve", at(16, 9), contact_id=eve, at=at(15, 9)
    )

    ada_deal = deals.open_deal(book, ada, "Ada pilot", "1000.00", at=at(8, 10))
    ben_deal = deals.open_deal(book, ben, "Ben trial", "500.00", at=at(9, 12))
    deals.move_deal(book, ada_deal, "demo", at=at(9, 10))
    deals.move_deal(book, ada_deal, "won", at=at(20, 10))
    deals.move_deal(book, ben_deal, "lost", "went with a competitor", at=at(21, 12))
    deals.open_deal(book, eve, "Eve later", "700.00", at=at(22, 9))
    book.close()
    # Smaller pages keep the file at tens of KB; the journal mode the book had is restored.
    connection = sqlite3.connect(out, isolation_level=None)
    mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("PRAGMA page_size = 1024")
    connection.execute("VACUUM")
    connection.execute(f"PRAGMA journal_mode = {mode}")
    connection.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
