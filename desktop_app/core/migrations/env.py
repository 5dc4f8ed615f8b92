"""Alembic environment: runs on the connection the store hands over, in batch mode for SQLite."""

from alembic import context

from desktop_app.core.models import Base
from desktop_app.core.search import is_search_object

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    # The search index (revision 0007) lives outside the models: FTS5 tables, expression indexes.
    include_name=lambda name, _type, _parents: not is_search_object(name),
)
with context.begin_transaction():
    context.run_migrations()
