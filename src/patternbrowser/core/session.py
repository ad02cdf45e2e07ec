"""A long-lived view of the files for the terminal UI: changes, undo, export and reloads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from patternbrowser.core import clock
from patternbrowser.core.errors import PatternbrowserError
from patternbrowser.core.guides.library import GuideLibrary
from patternbrowser.core.progress.store import ChangeSource, Store
from patternbrowser.core.progress.store_write import save_store
from patternbrowser.core.progress.tracker import Tracker
from patternbrowser.core.safefile import Fingerprint, fingerprint
from patternbrowser.core.status import Status
from patternbrowser.core.todo.parser import parse_todo
from patternbrowser.core.workspace import Workspace, open_workspace, reload_store

if TYPE_CHECKING:
    from patternbrowser.core.export.markdown import ExportResult

T = TypeVar("T")


@dataclass(frozen=True)
class StatusChange:
    """A change made through the session, as undo needs it."""

    number: int
    before: Status
    after: Status


@dataclass(frozen=True)
class Reload:
    """What a reload found: which files changed, and an error if the new content is bad."""

    changed: list[str]
    error: str | None = None


class Session:
    """The open TODO, its store and the guides, kept in step with the disk."""

    def __init__(self, todo: Path, guides: Path | None, state: Path | None) -> None:
        """Open the files; raises PatternbrowserError when the TODO or store is unusable."""
        self.workspace: Workspace = open_workspace(todo, state, guides)
        self.guides = GuideLibrary(guides) if guides is not None else None
        self._undo: list[list[StatusChange]] = []
        self._redo: list[list[StatusChange]] = []
        self._seen = self._fingerprints()

    @property
    def tracker(self) -> Tracker:
        """The document and store as currently loaded."""
        return self.workspace.tracker

    def change_status(
        self, number: int, status: Status, source: ChangeSource = "app"
    ) -> StatusChange:
        """Set a status and save the store at once (after any change another writer made)."""
        previous = self._write(lambda: self.workspace.set_status(number, status, source))
        change = StatusChange(number, previous, status)
        if previous != status:
            self._undo.append([change])
            self._redo.clear()
        return change

    def set_note(self, number: int, note: str) -> None:
        """Save the item's note (an empty one clears it), its status as it is; not undoable."""
        status = self.tracker.status_of(self.tracker.find(number))
        self._write(lambda: self.workspace.set_status(number, status, "app", note=note))

    def undo(self) -> list[StatusChange]:
        """Revert the last change made in this session (an import counts as one); [] if none."""
        return self._replay(self._undo, self._redo)

    def redo(self) -> list[StatusChange]:
        """Make again the change the last undo reverted; [] if none."""
        return self._replay(self._redo, self._undo)

    def _replay(
        self, source: list[list[StatusChange]], target: list[list[StatusChange]]
    ) -> list[StatusChange]:
        if not source:
            return []
        group = source.pop()
        reverted = [StatusChange(c.number, c.after, c.before) for c in reversed(group)]

        def write() -> None:
            with self.workspace.writing():
                for change in reverted:
                    self.tracker.set_status(change.number, change.after, "undo")
                save_store(self.tracker.store)

        try:
            self._write(write)
        except PatternbrowserError:
            source.append(group)  # not undone: it can be tried again
            raise
        target.append(reverted)
        return reverted

    def export(self, today: date | None = None) -> ExportResult:
        """Write the statuses into the TODO and reload it."""
        result = self._write(lambda: self.workspace.export(today or clock.today()))
        self._saw(self.workspace.todo)
        return result

    def adopt_markdown(self) -> list[tuple[int, Status, Status]]:
        """Resolve drift in favour of the markdown (what `import` does); undone as one step."""
        changes = self._write(self.workspace.import_markers)
        if changes:
            self._undo.append([StatusChange(n, old, new) for n, old, new in changes])
            self._redo.clear()
        return changes

    def _write(self, write: Callable[[], T]) -> T:
        """Carry out a write; the files it re-read or wrote are now the ones this session saw."""
        try:
            return write()
        finally:
            self._saw(self.tracker.store.path)

    def reload_if_changed(self) -> Reload:
        """Re-read whichever of TODO, store and guides changed on disk since last seen."""
        now = self._fingerprints()
        # a guide that was deleted is a change too: compare both sets of paths
        changed = sorted(
            path for path in now.keys() | self._seen.keys() if now.get(path) != self._seen.get(path)
        )
        if not changed:
            return Reload([])
        self._seen = now
        try:
            if str(self.workspace.todo) in changed:
                self._reload_document()
            if str(self.tracker.store.path) in changed:
                self.tracker.store = self._reload_store()
        except PatternbrowserError as error:
            return Reload(changed, f"{error}; still showing the last good version")
        return Reload(changed)

    def _reload_document(self) -> None:
        self.tracker.document = parse_todo(self.workspace.todo)

    def _reload_store(self) -> Store:
        return reload_store(self.tracker.store)

    def _saw(self, *written: Path) -> None:
        """Remember the files this session just wrote; others' changes stay to be noticed."""
        for path in written:
            self._seen[str(path)] = fingerprint(path)

    def _fingerprints(self) -> dict[str, Fingerprint]:
        paths = [self.workspace.todo, self.tracker.store.path]
        if self.guides is not None:
            paths += self.guides.files()
        return {str(path): fingerprint(path) for path in paths}
