"""Validation of a TODO and its store: what `patternbrowser check` reports."""

from __future__ import annotations

from patternbrowser.core.progress.recurrence import parse_interval
from patternbrowser.core.progress.tracker import Tracker
from patternbrowser.core.todo.model import Problem


def check_todo(tracker: Tracker) -> list[Problem]:
    """Problems of the TODO (from parsing) and of the store against it."""
    problems = list(tracker.document.problems)
    items = {item.number: item for item in tracker.document.items}
    store = tracker.store
    for number, record in sorted(store.records.items()):
        item = items.get(number)
        if item is None:
            problems.append(
                Problem(
                    f"store has a record for item {number}, which the TODO does not have",
                    None,
                    store.path,
                )
            )
        elif record.title and record.title != item.title:
            problems.append(
                Problem(
                    f"store record for item {number} was made for "
                    f"'{record.title}', the TODO now says '{item.title}'",
                    None,
                    store.path,
                )
            )
    for item in tracker.document.items:
        if item.recurrence is not None and parse_interval(item.recurrence) is None:
            problems.append(
                Problem(
                    f"item {item.number}: recurrence '{_short(item.recurrence)}' is not an "
                    "interval "
                    "(Monthly, Quarterly, Every N days/weeks/months/years, at most 100 years); "
                    "its next due date follows the Next Review line",
                    item.line,
                    tracker.document.path,
                )
            )
    for drift in tracker.drift():
        problems.append(
            Problem(
                f"item {drift.number}: the markdown says {drift.markdown.value}, the store "
                f"says {drift.store.value} (import adopts the markdown, export writes the store)",
                _item_line(tracker, drift.number),
                tracker.document.path,
            )
        )
    return problems


def _item_line(tracker: Tracker, number: int) -> int | None:
    item = tracker.document.item(number)
    return item.line if item else None


def _short(text: str, most: int = 40) -> str:
    """A value quoted in a message, cut to `most` characters."""
    return text if len(text) <= most else text[: most - 1] + "…"
