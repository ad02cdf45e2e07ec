"""Open a TODO with its store, and carry out the writes (set, import, export) safely."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from patternbrowser.core.errors import ConflictError
from patternbrowser.core.progress.store import default_store_path, load_store, save_store
from patternbrowser.core.progress.tracker import Tracker
from patternbrowser.core.safefile import read_snapshot, write_atomic
from patternbrowser.core.todo.parser import parse_todo

if TYPE_CHECKING:
    from patternbrowser.core.export.markdown import ExportResult


@dataclass
class Workspace:
    """The files a command works on."""

    todo: Path
    guides: Path | None
    tracker: Tracker

    @property
    def store_note(self) -> str | None:
        """Where the store went and why, when it is not beside the TODO."""
        store = self.tracker.store
        if store.relocated_because is None:
            return None
        return f"progress store: {store.path} ({store.relocated_because})"


def open_workspace(todo: Path, state: Path | None = None, guides: Path | None = None) -> Workspace:
    """Parse the TODO and load its store (beside it unless `state` says otherwise)."""
    document = parse_todo(todo)
    reason = None
    if state is None:
        state, reason = default_store_path(todo)
    store = load_store(state)
    store.relocated_because = reason
    return Workspace(todo, guides, Tracker(document, store))


def save_progress(workspace: Workspace) -> None:
    """Write the store's changed records."""
    save_store(workspace.tracker.store)


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


def write_export(workspace: Workspace, today: date) -> ExportResult:
    """Export into the TODO file, then record in the store that both agree."""
    result = export_preview(workspace, today)
    tracker = workspace.tracker
    store = tracker.store
    # check the store first, so a conflict there stops us before the TODO is touched
    if read_snapshot(store.path, missing_ok=True).data != store.snapshot.data:
        raise ConflictError("changed on disk since it was read; nothing written", store.path)
    if not result.is_current:
        snapshot = tracker.document.text.snapshot
        assert snapshot is not None
        write_atomic(snapshot, result.text.encode())
    tracker.mark_synced()
    save_store(store)
    return result
