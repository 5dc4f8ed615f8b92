"""The outreach batch: one outreach task per chosen lead, all due in one slot, in one go.

Batching is the point of demand creation mode: the founder picks leads in the inbox and
works through them later in one sitting, from the marketing agenda.
"""

from datetime import datetime

from sqlalchemy import select

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.models import Contact
from desktop_app.core.services.activities import schedule_in
from desktop_app.core.services.validation import required_text
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import ActivityKind

#: Replaced by each lead's name in the subject of its task.
NAME_PLACEHOLDER = "{name}"
DEFAULT_SUBJECT = f"Reach out to {NAME_PLACEHOLDER}"


def schedule_outreach_batch(
    book: Book,
    contact_ids: list[int],
    due_at: datetime,
    subject: str = DEFAULT_SUBJECT,
    at: datetime | None = None,
) -> list[int]:
    """Create one outreach task per contact, due at `due_at`; all or none are created.

    Returns the new activities' ids in the order of `contact_ids` (repeats dropped)."""
    at = at or clock.now()
    subject = required_text(subject, "subject", "The subject", 250)
    wanted = list(dict.fromkeys(contact_ids))
    if not wanted:
        raise TandemError("Select at least one lead in the inbox first.", "leads")
    if due_at.date() < at.date():
        raise TandemError("Choose a slot from today on; that day has passed.", "due_at")
    with book.transaction() as session:
        names = dict(
            session.execute(select(Contact.id, Contact.name).where(Contact.id.in_(wanted))).all()
        )
        if len(names) != len(wanted):
            raise TandemError("A selected lead no longer exists; refresh and try again.", "leads")
        return [
            schedule_in(
                session,
                ActivityKind.OUTREACH_BATCH,
                subject.replace(NAME_PLACEHOLDER, names[contact_id]),
                due_at,
                contact_id=contact_id,
                at=at,
            )
            for contact_id in wanted
        ]
