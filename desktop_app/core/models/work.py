"""What the founder does and when: activities, mode sessions, and the book's settings."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.core.models.base import Base


class Activity(Base):
    __tablename__ = "activities"
    __table_args__ = (
        Index("ix_activities_done_at_due_at", "done_at", "due_at"),
        Index("ix_activities_contact_id_done_at_kind", "contact_id", "done_at", "kind"),
        Index("ix_activities_deal_id_done_at", "deal_id", "done_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(String(300))
    due_at: Mapped[datetime | None]
    done_at: Mapped[datetime | None]
    outcome: Mapped[str] = mapped_column(String(30), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    #: A captured e-mail's thread: the Message-ID its conversation began with (`mail.messages`);
    #: None for other activities and for e-mails captured before revision 0011.
    thread: Mapped[str | None] = mapped_column(String(200))


class ModeSession(Base):
    """A stretch of time in one mode; `ended_at` is empty while it runs.

    The window marks a running session as seen every half minute, so a session left open by a
    crash ends when it was last seen rather than when Tandem is next started.
    """

    __tablename__ = "mode_sessions"
    __table_args__ = (Index("ix_mode_sessions_started_at", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    mode: Mapped[str] = mapped_column(String(10))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    last_seen_at: Mapped[datetime | None]


class Setting(Base):
    """Business settings that travel with the book (not window state, which is QSettings)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
