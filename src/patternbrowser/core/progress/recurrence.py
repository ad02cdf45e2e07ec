"""Recurring items: their interval, when they are next due, and whether they are overdue."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from patternbrowser.core.progress.store import Record
from patternbrowser.core.status import Status
from patternbrowser.core.todo.model import DateLine, Item, TodoDocument
from patternbrowser.core.wording import counted

_NAMED = {
    "daily": (0, 1),
    "weekly": (0, 7),
    "fortnightly": (0, 14),
    "biweekly": (0, 14),
    "monthly": (1, 0),
    "bimonthly": (2, 0),
    "quarterly": (3, 0),
    "semiannually": (6, 0),
    "semi-annually": (6, 0),
    "biannually": (6, 0),
    "yearly": (12, 0),
    "annually": (12, 0),
}
_EVERY = re.compile(r"every\s+(\d+)\s*(day|week|month|quarter|year)s?", re.I)
LONGEST_MONTHS = 100 * 12  # a recurrence longer than a century is a typo, not a plan
_UNIT = {"day": (0, 1), "week": (0, 7), "month": (1, 0), "quarter": (3, 0), "year": (12, 0)}


@dataclass(frozen=True)
class Interval:
    """How often a recurring item comes back: whole months plus days."""

    months: int = 0
    days: int = 0

    def after(self, start: date) -> date | None:
        """The date one interval after `start` (Jan 31 + 1 month = Feb 28); None past year 9999."""
        month_index = start.month - 1 + self.months
        year, month = start.year + month_index // 12, month_index % 12 + 1
        try:
            day = min(start.day, _month_length(year, month))
            return date(year, month, day) + timedelta(days=self.days)
        except (ValueError, OverflowError):  # beyond what a date can hold
            return None


def _month_length(year: int, month: int) -> int:
    """Days in a month (a tiny stand-in for calendar.monthrange, which is slow to import)."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def parse_interval(text: str) -> Interval | None:
    """`Quarterly`, `Monthly`, `Every 3 months`, `Every 2 weeks` ... → an Interval."""
    cleaned = text.strip().strip("*").strip().lower()
    for name, (months, days) in _NAMED.items():
        if cleaned.startswith(name):
            return Interval(months, days)
    match = _EVERY.search(text)
    if match and len(match[1]) <= 6:
        count = int(match[1])
        months, days = _UNIT[match[2].lower()]
        if months * count <= LONGEST_MONTHS and days * count <= LONGEST_MONTHS * 31:
            return Interval(months * count, days * count)
    return None


DueSource = Literal["completion", "next-review", "unknown"]  # where a due date comes from


@dataclass(frozen=True)
class Due:
    """When a recurring item is next due, and from what that was worked out."""

    next_due: date | None
    overdue: bool
    last_done: date | None
    source: DueSource


def last_completion(record: Record | None) -> date | None:
    """The date the item was last marked completed, from the store's history."""
    if record is None:
        return None
    for change in reversed(record.history):
        if change.status is Status.COMPLETED:
            return change.at.date()
    if record.status is Status.COMPLETED:
        return record.changed.date()
    return None


def next_review_line(document: TodoDocument) -> DateLine | None:
    """The TODO's (first) `**Next Review**:` line, if it has one."""
    return next((line for line in document.dates if line.name == "Next Review"), None)


def next_review(document: TodoDocument) -> date | None:
    """The TODO's `**Next Review**:` date, if it has one."""
    line = next_review_line(document)
    return date.fromisoformat(line.value) if line is not None else None


def due(item: Item, record: Record | None, document: TodoDocument, today: date) -> Due | None:
    """When `item` is next due (None for items that do not recur)."""
    if item.recurrence is None:
        return None
    interval = parse_interval(item.recurrence)
    done = last_completion(record)
    next_due: date | None
    source: DueSource
    if done is not None and interval is not None:
        next_due, source = interval.after(done), "completion"
        if next_due is None:
            source = "unknown"
    else:
        next_due = next_review(document)
        source = "next-review" if next_due is not None else "unknown"
    return Due(next_due, next_due is not None and today > next_due, done, source)


def describe_due(info: Due, today: date) -> str:
    """`due 2027-02-26 (in 92 days)`, `overdue since 2026-10-01`, or `no due date`."""
    if info.next_due is None:
        return "no due date (no completion yet and no Next Review line)"
    days = (info.next_due - today).days
    if info.overdue:
        return f"overdue since {info.next_due.isoformat()} ({-days} days)"
    when = "today" if days == 0 else f"in {counted(days, 'day')}"
    return f"due {info.next_due.isoformat()} ({when})"


def review_item(document: TodoDocument) -> Item | None:
    """The recurring item the `**Next Review**:` line follows: the one of the same interval."""
    recurring = [item for item in document.items if item.recurrence]
    line = next_review_line(document)
    if line is None or not recurring:
        return None
    label = document.text.lines[line.line_index].split(line.value, 1)[1]
    wanted = parse_interval(label.strip(" ()*\t"))
    for item in recurring:
        if wanted is not None and parse_interval(item.recurrence or "") == wanted:
            return item
    return recurring[0] if wanted is None else None
