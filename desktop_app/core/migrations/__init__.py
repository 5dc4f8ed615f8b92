"""Alembic's environment and the revisions of a book's schema, oldest first."""
