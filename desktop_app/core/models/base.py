"""The declarative base shared by every table.

Constraint names follow a fixed convention so Alembic's batch mode can rebuild SQLite tables
and PostgreSQL can drop constraints by name in later migrations.
"""

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, MetaData, Numeric, text
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Money is exact: two decimals, stored as NUMERIC on both databases.
Money = Numeric(14, 2, asdecimal=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {Decimal: Money, datetime: DateTime()}


def only_rows_with(column: str) -> dict[str, Any]:
    """An index's options holding only the rows where `column` is set (revision 0013): for
    a column most rows leave empty, whose every query names a value of it."""
    condition = text(f"{column} IS NOT NULL")
    return {"sqlite_where": condition, "postgresql_where": condition}
