"""Open a TODO with its store, and carry out the writes (set, import, export) safely.

Every write holds the TODO's lock from the read it depends on until its rename, and re-reads
whatever another writer changed first, so no writer loses another's update.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from patternbrowser.core.errors import PatternbrowserError, WriteError
from patternbrowser.core.progress.store import (
    ChangeSource,
    Store,
    default_store_path,
    load_store,
)
from patternbrowser.core.progress.store_write import save_store
from patternbrowser.core.progress.tracker import Tracker
from patternbrowser.core.safefile import Snapshot, is_read_only, read_snapshot, write_atomic
from patternbrowser.core.status import Status
from patternbrowser.core.todo.parser import parse_todo
from patternbrowser.core.writelock import holding, lock_path

if TYPE_CHECKING:
    from patternbrowser.core.export.markdown import ExportResult

Import = list[tuple[int, Status, Status]]  # (item number, old status, new status) per change


@dataclass
class Workspace:
    """The files a command works on, and the three ways to change them."""

    todo: Path
    guides: Path | None
    tracker: Tracker
    on_wait: Callable[[], None] | None = field(default=None, repr=False)
    last_refresh: list[Path] = field(default_factory=list, repr=False)  # re-read under the lock

    @property
    def store_note(self) -> str | None:
        """Where the store went and why, when it is not beside the TODO."""
        store = self.tracker.store
        if store.relocated_because is None:
            return None
        return f"progress store: {store.path} ({store.relocated_because})"

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the TODO's lock, with the TODO and store re-read if another writer changed them."""
        with holding(lock_path(self.tracker.store.path, self.todo), on_wait=self.on_wait):
            self.last_refresh = self.refresh()
            yield

    def refresh(self) -> list[Path]:
        """Re-read the TODO and the store where their bytes changed on disk; the paths re-read."""
        tracker, reread = self.tracker, []
        snapshot = tracker.document.text.snapshot
        if snapshot is None or read_snapshot(self.todo, missing_ok=True).data != snapshot.data:
            tracker.document = parse_todo(self.todo)
            reread.append(self.todo)
        store = tracker.store
        if read_snapshot(store.path, missing_ok=True).data != store.snapshot.data:
            tracker.store = reload_store(store)
            reread.append(store.path)
        return reread

    def set_status(
        self, number: int, status: Status, source: ChangeSource, note: str | None = None
    ) -> Status:
        """Record a status (and note) in the store and save it; returns the previous status."""
        self.tracker.find(number)  # a bad number is an error before any file is touched
        with self.writing():
            previous = self.tracker.set_status(number, status, source, note)
            save_store(self.tracker.store)
        return previous

    def import_markers(self) -> Import:
        """Adopt the markers edited by hand in the markdown into the store, and save it."""
        with self.writing():
            changes = self.tracker.adopt_markdown()
            save_store(self.tracker.store)
        return changes

    def export(self, today: date) -> ExportResult:
        """Write the statuses into the TODO, then record in the store that both agree."""
        result = export_preview(self, today)  # bad contents fail before any file is touched
        if not result.is_current and is_read_only(self.todo):
            raise WriteError("file is read-only; not written", self.todo)
        with self.writing():
            if self.last_refresh:
                result = export_preview(self, today)
            tracker = self.tracker
            before = tracker.document.text.snapshot
            assert before is not None
            if not result.is_current:
                write_atomic(before, result.text.encode())
            tracker.mark_synced()
            try:
                save_store(tracker.store)
            except PatternbrowserError as error:
                if not result.is_current:
                    _put_back(before, result.text.encode(), error)
                raise
            if not result.is_current:
                tracker.document = parse_todo(self.todo)
        return result


def _put_back(before: Snapshot, written: bytes, error: PatternbrowserError) -> None:
    """Undo an export's TODO write when the store could not follow, so exit 2 changed nothing."""
    try:
        write_atomic(Snapshot(before.path, written), before.data or b"")
    except PatternbrowserError as second:
        raise WriteError(
            f"{error}; the TODO was exported but could not be put back ({second.message}): "
            "run 'patternbrowser export' again once the store is writable",
            error.path,
        ) from None


def reload_store(store: Store) -> Store:
    """The store as it is on disk now, still placed where `store` was and for the same reason."""
    fresh = load_store(store.path)
    fresh.relocated_because = store.relocated_because
    return fresh


def open_workspace(todo: Path, state: Path | None = None, guides: Path | None = None) -> Workspace:
    """Parse the TODO and load its store (beside it unless `state` says otherwise)."""
    document = parse_todo(todo)
    reason = None
    if state is None:
        state, reason = default_store_path(todo)
    store = load_store(state)
    store.relocated_because = reason
    return Workspace(todo, guides, Tracker(document, store))


def export_preview(workspace: Workspace, today: date) -> ExportResult:
    """What exporting would produce, without writing anything."""
    from patternbrowser.core.export.markdown import export_document  # only the commands that export
    from patternbrowser.core.export.metrics import measure, metric_rows

    tracker = workspace.tracker
    rows = metric_rows(tracker.document)
    values = measure(workspace.guides, set(rows)) if rows and workspace.guides else {}
    statuses = tracker.statuses()
    return export_document(
        tracker.document,
        statuses,
        today,
        values,
        counted=tracker.counted_statuses(today, statuses),
        next_review=_review_date(tracker, today),
    )


def _review_date(tracker: Tracker, today: date) -> date | None:
    """The next due date of the item the Next Review line follows, once it was completed."""
    from patternbrowser.core.progress.recurrence import review_item

    item = review_item(tracker.document)
    info = tracker.due_of(item, today) if item else None
    return info.next_due if info and info.source == "completion" else None
