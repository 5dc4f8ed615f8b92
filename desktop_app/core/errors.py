"""The errors a user can cause, each with a message a person can act on."""


class TandemError(Exception):
    """Invalid input to a service: `field` names the form field the message belongs beside."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class BookError(TandemError):
    """A book that cannot be opened as it is: not Tandem's, damaged, or from a newer Tandem.

    Raising it guarantees the file was left exactly as it was found.
    """
