"""The status keys' rules: what `space` and `b` turn an item's status into."""

from __future__ import annotations

from datetime import date

from patternbrowser.core.progress.tracker import Tracker
from patternbrowser.core.status import Status
from patternbrowser.core.todo.model import Item


def after_cycle(tracker: Tracker, item: Item, today: date) -> Status:
    """⬜ → 🟦 → ✅ → ⬜; an overdue recurring item stays ✅ (its review is done again)."""
    status = tracker.status_of(item)
    due = tracker.due_of(item, today)
    if status is Status.COMPLETED and due is not None and due.overdue:
        return Status.COMPLETED
    return status.cycled()


def after_block_toggle(tracker: Tracker, item: Item) -> Status:
    """Blocked, or back from blocked to the status the item had before."""
    if tracker.status_of(item) is Status.BLOCKED:
        return tracker.status_before_blocked(item)
    return Status.BLOCKED
