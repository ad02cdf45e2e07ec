"""Small pieces of wording shared by the CLI and the app."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """`1 line`, `3 lines`: a count with its noun in the right number."""
    return f"{number} {noun}{'s' * (number != 1)}"


def clipped(lines: list[str], most: int) -> str:
    """At most `most` lines, then how many more there are."""
    more = len(lines) - most
    return "\n".join(lines[:most]) + (f"\n... and {more} more" if more > 0 else "")
