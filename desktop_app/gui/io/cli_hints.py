"""The core's messages name the command line's flags ("(--dates dmy or --dates mdy)"); in the
window the same choice is a button or a combo beside the message, so the hint is left out."""

import re

_HINT = re.compile(r"\s*\((?:[^()]*\s)?--[a-z][^()]*\)")


def without_cli_hints(message: str) -> str:
    """`message` without its parenthesised command-line hints."""
    return _HINT.sub("", message)
