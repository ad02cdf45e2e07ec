"""A long-lived view of the files for the terminal UI: changes, undo, export and reloads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from patternbrowser.core import clock
from patternbrowser.core.errors import ConflictError, PatternbrowserError
from patternbrowser.core.guides.library import GuideLibrary
from patternbrowser.core.progress.store import Store, load_store, save_store
from patternbrowser.core.progress.tracker import Tracker
from patternbrowser.core.safefile import Fingerprint, fingerprint
from patternbrowser.core.status import Status
from patternbrowser.core.todo.parser import parse_todo
from patternbrowser.core.workspace import Workspace, open_workspace, write_export

if TYPE_CHECKING:
    from patternbrowser.core.export.markdown import ExportResult


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
        self._undo: list[StatusChange] = []
        self._seen = self._fingerprints()

    @property
    def tracker(self) -> Tracker:
        """The document and store as currently loaded."""
        return self.workspace.tracker

    def change_status(self, number: int, status: Status, source: str = "app") -> StatusChange:
        """Set a status and save the store at once (merging with changes made on disk)."""
        previous = self.tracker.set_status(number, status, source)
        try:
            save_store(self.tracker.store)
        except ConflictError:
            # someone else wrote the store: take their version, then put this change on top
            self.tracker.store = self._reload_store()
            self.tracker.set_status(number, status, source)
            save_store(self.tracker.store)
        self._saw(self.tracker.store.path)
        change = StatusChange(number, previous, status)
        if source != "undo" and previous != status:
            self._undo.append(change)
        return change

    def undo(self) -> StatusChange | None:
        """Revert the last status change made in this session, if any."""
        if not self._undo:
            return None
        last = self._undo.pop()
        self.change_status(last.number, last.before, source="undo")
        return StatusChange(last.number, last.after, last.before)

    def export(self, today: date | None = None) -> ExportResult:
        """Write the statuses into the TODO and reload it."""
        result = write_export(self.workspace, today or clock.today())
        self._reload_document()
        self._saw(self.workspace.todo, self.tracker.store.path)
        return result

    def adopt_markdown(self) -> list[tuple[int, Status, Status]]:
        """Resolve drift in favour of the markdown (what `import` does)."""
        changes = self.tracker.adopt_markdown()
        save_store(self.tracker.store)
        self._saw(self.tracker.store.path)
        return changes

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
        store = load_store(self.tracker.store.path)
        store.relocated_because = self.tracker.store.relocated_because
        return store

    def _saw(self, *written: Path) -> None:
        """Remember the files this session just wrote; others' changes stay to be noticed."""
        for path in written:
            self._seen[str(path)] = fingerprint(path)

    def _fingerprints(self) -> dict[str, Fingerprint]:
        paths = [self.workspace.todo, self.tracker.store.path]
        if self.guides is not None:
            paths += self.guides.files()
        return {str(path): fingerprint(path) for path in paths}
