"""Small pieces of wording shared by the CLI and the app."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from patternbrowser.core.errors import UsageError

T = TypeVar("T")


def counted(number: int, noun: str) -> str:
    """`1 line`, `3 lines`: a count with its noun in the right number."""
    return f"{number} {noun}{'s' * (number != 1)}"


def numbered(things: Sequence[T], number: int, missing: str, label: str, path: Path | None) -> T:
    """Thing `number` (from 1), or a usage error: `{missing} {number} ({label}: 1-3)`."""
    if not 1 <= number <= len(things):
        have = f"1-{len(things)}" if things else "none"
        raise UsageError(f"{missing} {number} ({label}: {have})", path)
    return things[number - 1]


def clipped(lines: list[str], most: int) -> str:
    """At most `most` lines, then how many more there are."""
    more = len(lines) - most
    return "\n".join(lines[:most]) + (f"\n... and {more} more" if more > 0 else "")
