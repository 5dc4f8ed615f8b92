"""One function per thing a user does, each validating its input and running in one transaction.

The window, the command line and the importers change a book only through these modules.
Functions that only read return plain frozen dataclasses, never live ORM objects, so a screen
can hold them after the session is gone.
"""
