"""People and companies, and the append-only history of each contact's lifecycle."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.core.models.base import Base, only_rows_with


class Company(Base):
    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    #: Lower-cased name: companies are matched by name regardless of case.
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    domain: Mapped[str | None] = mapped_column(String(200))
    employees: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]

    contacts: Mapped[list["Contact"]] = relationship(back_populates="company")


class Contact(Base):
    """A person. `stage` mirrors the newest lifecycle event; figures never read it.

    `lead_at` … `customer_at` are the times of the contact's first event of each funnel stage,
    kept with the events in the same transaction (and rebuilt from them by
    `services.contacts.refresh_milestones` after bulk writes): the cohort figures of a
    100,000-contact book are then index range scans rather than a grouping of every event.
    `funnel_step` goes with them: how far along `FUNNEL` the contact has come (0 not at all,
    1 lead … 5 customer), so "reached MQL or later" is read from the cohort's own index
    rather than from every contact's row.
    """

    __tablename__ = "contacts"
    __table_args__ = (
        Index("ix_contacts_stage_created_at", "stage", "created_at"),
        Index("ix_contacts_lead_cohort", "lead_at", "source", "funnel_step", "campaign_id"),
        # PostgreSQL keeps the id beside them (SQLite's indexes hold it anyway), so the
        # per-contact lookups of the response time and the hand-offs read the index alone.
        Index(
            "ix_contacts_mql_cohort",
            "mql_at",
            "funnel_step",
            "campaign_id",
            postgresql_include=["id"],
            **only_rows_with("mql_at"),
        ),
        Index(
            "ix_contacts_sql_cohort",
            "sql_at",
            "funnel_step",
            postgresql_include=["id"],
            **only_rows_with("sql_at"),
        ),
        Index("ix_contacts_customer_at", "customer_at", **only_rows_with("customer_at")),
        Index(
            "ix_contacts_campaign_milestones",
            "campaign_id",
            "lead_at",
            "mql_at",
            "customer_at",
            **only_rows_with("campaign_id"),
        ),
        Index("ix_contacts_company_id", "company_id"),
        Index("ix_contacts_owner", "owner"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    #: Lower-cased e-mail, unique: two contacts never share an address whatever its case.
    email_key: Mapped[str | None] = mapped_column(String(320), unique=True)
    phone: Mapped[str] = mapped_column(String(60), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="SET NULL"))
    stage: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(30))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    #: Comma-separated, lower-case, with a leading and trailing comma so `LIKE '%,tag,%'` finds one.
    tags: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[int] = mapped_column(default=0)
    disqualified_reason: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime]
    lead_at: Mapped[datetime | None]
    mql_at: Mapped[datetime | None]
    sql_at: Mapped[datetime | None]
    opportunity_at: Mapped[datetime | None]
    customer_at: Mapped[datetime | None]
    funnel_step: Mapped[int] = mapped_column(default=0, server_default="0")
    #: Who looks after the person (a name, "" for nobody in particular): from "Contact owner".
    owner: Mapped[str] = mapped_column(String(200), default="", server_default="")
    #: When the person asked to be forgotten: what identified them is gone for good, their
    #: lifecycle events stay (anonymous) so that past weeks' counts do not change.
    erased_at: Mapped[datetime | None]

    company: Mapped[Company | None] = relationship(back_populates="contacts")
    events: Mapped[list["LifecycleEvent"]] = relationship(
        back_populates="contact", order_by="LifecycleEvent.occurred_at"
    )


class LifecycleEvent(Base):
    """One change of a contact's stage. Rows are only ever added.

    Undoing a change adds a row that `reverses` it (see `core.undo`): neither the reversed
    event nor the reversal counts in any figure or milestone (`core.history.effective`).
    """

    __tablename__ = "lifecycle_events"
    __table_args__ = (
        Index("ix_lifecycle_events_contact_id_stage", "contact_id", "stage"),
        Index("ix_lifecycle_events_reverses_id", "reverses_id", **only_rows_with("reverses_id")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(20))
    occurred_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(String(300), default="")
    reverses_id: Mapped[int | None] = mapped_column(
        ForeignKey("lifecycle_events.id", ondelete="CASCADE")
    )

    contact: Mapped[Contact] = relationship(back_populates="events")


class LeadStandard(Base):
    """The founder's definition of a qualified lead; there is one row."""

    __tablename__ = "lead_standard"

    id: Mapped[int] = mapped_column(primary_key=True)
    mql_threshold: Mapped[int]
    last_reviewed_on: Mapped[date | None]


class LeadCriterion(Base):
    __tablename__ = "lead_criteria"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(String(500), default="")
    weight: Mapped[int]
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class LeadAnswer(Base):
    """Whether a contact meets one criterion of the lead standard."""

    __tablename__ = "lead_answers"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("lead_criteria.id", ondelete="CASCADE"), primary_key=True
    )
    met: Mapped[bool]
    answered_at: Mapped[datetime]
