"""A deal's page: everything that happened to it, newest first."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from desktop_app.core.history import standing
from desktop_app.core.models import Activity, ContentAsset, ContentUsage, DealStageEvent, Objection
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import label


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # "stage", "activity", "scheduled", "objection", "content"
    text: str
    #: A captured e-mail's thread on a person's timeline (`mail.threads`), else "".
    thread: str = field(default="", compare=False)


def deal_timeline(book: Book, deal_id: int) -> list[TimelineEntry]:
    """Stage events, activities (done and scheduled), objections and content used."""
    with book.reading() as session:
        entries = [
            TimelineEntry(at, "stage", f"Moved to {label(stage)}")
            for stage, at in session.execute(
                select(DealStageEvent.stage, DealStageEvent.occurred_at).where(
                    DealStageEvent.deal_id == deal_id, standing(DealStageEvent)
                )
            ).all()
        ]
        for kind, subject, due, done, outcome, notes in session.execute(
            select(
                Activity.kind,
                Activity.subject,
                Activity.due_at,
                Activity.done_at,
                Activity.outcome,
                Activity.notes,
            ).where(Activity.deal_id == deal_id)
        ).all():
            when = done or due
            if when is None:
                continue
            result = f" — {label(outcome)}" if outcome else ""
            note = f": {notes}" if notes else ""
            state = "activity" if done else "scheduled"
            # Subjects often start with their kind already ("Demo: …"): say it once.
            said = (
                subject
                if subject.lower().startswith(label(kind).lower())
                else (f"{label(kind)}: {subject}")
            )
            entries.append(TimelineEntry(when, state, f"{said}{result}{note}"))
        entries += [
            TimelineEntry(at, "objection", f"Objection ({label(category)}): “{words}”")
            for category, words, at in session.execute(
                select(Objection.category, Objection.verbatim, Objection.heard_at).where(
                    Objection.deal_id == deal_id
                )
            ).all()
        ]
        entries += [
            TimelineEntry(at, "content", f"Content {how}: {title}")
            for title, how, at in session.execute(
                select(ContentAsset.title, ContentUsage.how, ContentUsage.used_at)
                .join(ContentAsset, ContentAsset.id == ContentUsage.asset_id)
                .where(ContentUsage.deal_id == deal_id)
            ).all()
        ]
    return sorted(entries, key=lambda entry: entry.at, reverse=True)
