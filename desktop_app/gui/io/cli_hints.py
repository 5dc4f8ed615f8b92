"""The core's messages name the command line's flags ("(--dates dmy or --dates mdy)"); in the
window the same choice is a button or a combo beside the message, so the hint is left out."""

import re

_HINT = re.compile(r"\s*\((?:[^()]*\s)?--[a-z][^()]*\)")
#: "give --rate USD=RATE to convert it": in the window, the rate field beside "1 USD =".
_RATE = re.compile(r"give --rate ([A-Z]{3})=RATE")


def without_cli_hints(message: str) -> str:
    """`message` without its parenthesised command-line hints."""
    return _RATE.sub(r"type a rate beside “1 \1 =”", _HINT.sub("", message))
