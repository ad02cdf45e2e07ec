"""A TODO document and its store together: effective statuses, changes, drift and import."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from patternbrowser.core import clock
from patternbrowser.core.errors import UsageError
from patternbrowser.core.progress.recurrence import Due, describe_due, due
from patternbrowser.core.progress.store import Change, ChangeSource, Record, Store, compacted
from patternbrowser.core.status import Status
from patternbrowser.core.todo.model import Item, TodoDocument


@dataclass(frozen=True)
class Drift:
    """An item whose markdown marker was changed outside patternbrowser."""

    number: int
    title: str
    store: Status
    markdown: Status


@dataclass
class Tracker:
    """Answers "what is item N's status" and records changes into the store."""

    document: TodoDocument
    store: Store

    def status_of(self, item: Item) -> Status:
        """The store's status, else the markdown's marker, else not started."""
        record = self.store.records.get(item.number)
        if record is not None:
            return record.status
        return item.marker_status or Status.NOT_STARTED

    def statuses(self) -> dict[int, Status]:
        """Every item number's effective status."""
        return {item.number: self.status_of(item) for item in self.document.items}

    def due_of(self, item: Item, today: date) -> Due | None:
        """When a recurring item is next due (None for the others)."""
        return due(item, self.store.records.get(item.number), self.document, today)

    def due_text(self, item: Item, today: date) -> str | None:
        """`due 2027-02-26 (in 92 days)` for a recurring item, None for the others."""
        info = self.due_of(item, today)
        return describe_due(info, today) if info is not None else None

    def counted_statuses(
        self, today: date, statuses: dict[int, Status] | None = None
    ) -> dict[int, Status]:
        """Statuses as progress counts them: a recurring item that is overdue is not done.

        Pass `statuses` when the caller has just worked them out.
        """
        counted = dict(statuses) if statuses is not None else self.statuses()
        for item in self.document.items:
            if item.is_recurring and counted[item.number] is Status.COMPLETED:
                info = self.due_of(item, today)
                if info is not None and info.overdue:
                    counted[item.number] = Status.NOT_STARTED
        return counted

    def find(self, number: int) -> Item:
        """The item with this number; a missing or duplicated number is a usage error."""
        matches = [item for item in self.document.items if item.number == number]
        if not matches:
            numbers = sorted({item.number for item in self.document.items})
            raise UsageError(f"no item {number} (items: {_ranges(numbers)})", self.document.path)
        if len(matches) > 1:
            lines = ", ".join(str(item.line) for item in matches)
            raise UsageError(
                f"item number {number} is used more than once (lines {lines}); fix the TODO first",
                self.document.path,
            )
        return matches[0]

    def set_status(
        self, number: int, status: Status, source: ChangeSource, note: str | None = None
    ) -> Status:
        """Record a new status for an item (in memory); returns the previous one."""
        item = self.find(number)
        previous = self.status_of(item)
        record = self.store.records.get(number)
        moment = clock.now()
        if record is None:
            record = Record(status, moment, synced=item.marker_status)
            self.store.records[number] = record
        # completing a recurring item again is news even though its status stays the same:
        # the date restarts its interval
        again = item.is_recurring and status is Status.COMPLETED
        if previous != status or again:
            record.history.append(Change(moment, status, previous, source))
            record.history = compacted(record.history)
            record.changed = moment
        record.status = status
        record.title = item.title
        if note is not None:
            record.note = note or None
        self.store.dirty.add(number)
        return previous

    def status_before_blocked(self, item: Item) -> Status:
        """What a blocked item was before it was blocked (not started when unknown)."""
        record = self.store.records.get(item.number)
        for change in reversed(record.history if record else []):
            if change.status is Status.BLOCKED:
                return change.previous or Status.NOT_STARTED
        return Status.NOT_STARTED

    def drift(self) -> list[Drift]:
        """Items whose markdown marker changed since store and markdown last agreed.

        An item whose number the file uses twice is a problem of the file (reported as a
        warning), not a marker to adopt: which heading would the store's record follow?
        """
        found = []
        seen: dict[int, int] = {}
        for item in self.document.items:
            seen[item.number] = seen.get(item.number, 0) + 1
        for item in self.document.items:
            if seen[item.number] > 1:
                continue
            record = self.store.records.get(item.number)
            marker = item.marker_status
            if record is None or marker is None or marker == record.status:
                continue
            if marker != record.synced:
                found.append(Drift(item.number, item.title, record.status, marker))
        return found

    def unexported(self) -> list[int]:
        """Numbers of items whose status the markdown does not show yet."""
        drifted = {drift.number for drift in self.drift()}
        return [
            item.number
            for item in self.document.items
            if self.status_of(item) != (item.marker_status or Status.NOT_STARTED)
            and item.number not in drifted
        ]

    def adopt_markdown(self) -> list[tuple[int, Status, Status]]:
        """Take the markers edited by hand into the store: (number, old, new) per change.

        A marker that is still the one last exported or imported (`synced`) was not edited,
        so the store's newer, unexported status stands.
        """
        changes = []
        for item in self.document.items:
            marker = item.marker_status
            if marker is None:
                continue
            record = self.store.records.get(item.number)
            if record is not None and marker == record.synced:
                continue
            previous = self.status_of(item)
            if previous != marker:
                self.set_status(item.number, marker, "import")
                changes.append((item.number, previous, marker))
                record = self.store.records[item.number]
            if record is not None and record.synced != marker:
                record.synced = marker
                self.store.dirty.add(item.number)
        return changes

    def mark_synced(self) -> None:
        """After an export, the markdown shows every stored status."""
        for number, record in self.store.records.items():
            if record.synced != record.status:
                record.synced = record.status
                self.store.dirty.add(number)


def _ranges(numbers: list[int]) -> str:
    """Compress [1, 2, 3, 5] into "1-3, 5"."""
    parts: list[str] = []
    start = previous = None
    for number in [*numbers, None]:
        if start is not None and (number is None or number != (previous or 0) + 1):
            parts.append(str(start) if start == previous else f"{start}-{previous}")
            start = None
        if number is not None and start is None:
            start = number
        previous = number
    return ", ".join(parts)
