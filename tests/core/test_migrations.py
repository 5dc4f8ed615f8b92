"""Migrations: the scripts match the models, and an older book upgrades without losing a row."""

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, select, text

import desktop_app.core.store as store
from desktop_app.core.models import Base, Contact, LeadCriterion
from desktop_app.core.search import is_search_object
from desktop_app.core.store import SCHEMA_HEAD, SCHEMA_REVISIONS, Book, open_book, upgrade_to


def _scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(Path(store.__file__).parent / "migrations"))
    return ScriptDirectory.from_config(config)


def test_the_known_revisions_are_the_scripts_in_order() -> None:
    chain = [script.revision for script in _scripts().walk_revisions()]
    assert tuple(reversed(chain)) == SCHEMA_REVISIONS
    assert _scripts().get_current_head() == SCHEMA_HEAD


def test_the_migrated_schema_is_the_models_schema(book: Book) -> None:
    with book.engine.connect() as connection:
        # The search index (FTS5 tables, expression indexes) lives outside the models.
        context = MigrationContext.configure(
            connection, opts={"include_name": lambda name, *_: not is_search_object(name)}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_an_old_book_is_backed_up_then_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, SCHEMA_REVISIONS[0])
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO contacts (id, name, email, email_key, phone, role, stage, source, "
                "tags, notes, score, disqualified_reason, created_at) VALUES (1, 'Ada', "
                "'ada@example.org', 'ada@example.org', '', '', 'lead', 'referral', '', '', 0, '', "
                ":at)"
            ),
            {"at": datetime(2026, 3, 2, 9, 30)},
        )
    engine.dispose()

    book = open_book(path)

    assert book.backup_path is not None and book.backup_path.parent == tmp_path
    backup = sqlite3.connect(book.backup_path)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert backup.execute("SELECT name FROM contacts").fetchall() == [("Ada",)]
    backup.close()
    with book.reading() as session:
        assert session.scalar(text("SELECT version_num FROM alembic_version")) == SCHEMA_HEAD
        assert session.scalars(select(Contact.name)).all() == ["Ada"]
        assert len(session.scalars(select(LeadCriterion)).all()) == 5
    book.close()


def test_each_revision_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    from alembic import command

    engine = create_engine(f"sqlite:///{tmp_path / 'b.sqlite'}")
    upgrade_to(engine)
    config = Config()
    config.set_main_option("script_location", str(Path(store.__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    upgrade_to(engine)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM lead_criteria")) == 5


def test_the_funnel_step_of_an_older_book_is_worked_out_from_its_milestones(
    tmp_path: Path,
) -> None:
    path = tmp_path / "before-0004.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0003")
    insert = text(
        "INSERT INTO contacts (id, name, phone, role, stage, source, tags, notes, score, "
        "disqualified_reason, created_at, lead_at, mql_at, sql_at, customer_at) VALUES "
        "(:id, :name, '', '', 'lead', 'seo', '', '', 0, '', :at, :lead, :mql, :sql, :customer)"
    )
    at = datetime(2026, 3, 2, 9, 30)
    with engine.begin() as connection:
        for id_, name, lead, mql, sql, customer in (
            (1, "Only a lead", at, None, None, None),
            (2, "Skipped to SQL", at, None, at, None),
            (3, "A customer", at, at, at, at),
            (4, "Never in the funnel", None, None, None, None),
        ):
            connection.execute(
                insert,
                {"id": id_, "name": name, "at": at, "lead": lead, "mql": mql, "sql": sql}
                | {"customer": customer},
            )
    engine.dispose()

    book = open_book(path)
    with book.reading() as session:
        steps = dict(session.execute(select(Contact.name, Contact.funnel_step)).all())
    book.close()
    # lead = 1, MQL = 2, SQL = 3, opportunity = 4, customer = 5; none = 0.
    assert steps == {
        "Only a lead": 1,
        "Skipped to SQL": 3,
        "A customer": 5,
        "Never in the funnel": 0,
    }
