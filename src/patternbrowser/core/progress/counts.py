"""Counting statuses per group, per phase and in total."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from patternbrowser.core.status import Status
from patternbrowser.core.todo.model import Item, TodoDocument


@dataclass
class Counts:
    """How many items are in each status."""

    by_status: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(Status, 0))

    @property
    def total(self) -> int:
        """All items counted."""
        return sum(self.by_status.values())

    @property
    def percent(self) -> int:
        """Completed items as a whole percentage of all (0 when there are none)."""
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def done(self) -> int:
        """Completed items."""
        return self.by_status[Status.COMPLETED]

    def add(self, status: Status) -> None:
        """Count one more item in `status`."""
        self.by_status[status] += 1

    def as_dict(self) -> dict[str, int]:
        """Counts keyed by status id, plus `total`."""
        return {status.value: n for status, n in self.by_status.items()} | {"total": self.total}


def count(items: Iterable[Item], statuses: dict[int, Status]) -> Counts:
    """Count the statuses of `items`."""
    counts = Counts()
    for item in items:
        counts.add(statuses[item.number])
    return counts


def group_counts(document: TodoDocument, statuses: dict[int, Status]) -> dict[str, Counts]:
    """Counts per group, in the order groups appear."""
    result = {name: Counts() for name in document.groups}
    for item in document.items:
        result[item.group].add(statuses[item.number])
    return result


def phase_counts(document: TodoDocument, statuses: dict[int, Status]) -> dict[int, Counts]:
    """Counts per phase number, counting each listed item that exists."""
    by_number = {item.number: item for item in document.items}
    return {
        phase.number: count(
            (by_number[n] for n in dict.fromkeys(phase.item_numbers) if n in by_number), statuses
        )
        for phase in document.phases
    }
