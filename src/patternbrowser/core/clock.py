"""The one place that asks for the time, so tests can control it."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    """The current time in UTC, to the second (what the store records)."""
    return datetime.now(UTC).replace(microsecond=0)


def today() -> date:
    """The local calendar date (what the TODO's date lines carry)."""
    return datetime.now().astimezone().date()
