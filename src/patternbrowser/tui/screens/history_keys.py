"""The main screen's ctrl+z and ctrl+y: undo and redo, said in words."""

from __future__ import annotations

from patternbrowser.core.errors import PatternbrowserError
from patternbrowser.core.wording import clipped
from patternbrowser.tui.notices import show_error
from patternbrowser.tui.screens.main_base import MainScreenBase


class HistoryKeys(MainScreenBase):
    """Undo and redo of this session's changes (a mixin of the main screen)."""

    def action_undo(self) -> None:
        """Revert the last change of this session (an import counts as one)."""
        self._replay("undo", "undid", "nothing to undo")

    def action_redo(self) -> None:
        """Make again the change the last undo reverted."""
        self._replay("redo", "redid", "nothing to redo")

    def _replay(self, what: str, done: str, nothing: str) -> None:
        try:
            changes = self.session.undo() if what == "undo" else self.session.redo()
        except PatternbrowserError as error:
            show_error(self.app, f"{what.capitalize()} failed", error)
            return
        if not changes:
            self.notify(nothing, timeout=2)
            return
        for change in changes:
            item = self.session.tracker.document.item(change.number)
            if item is not None:
                self.refresh_status(item)
        back = "back to " if what == "undo" else "to "
        words = [
            f"item {c.number} {back}{c.after.marker(self.ascii_only)} {c.after.label}"
            for c in changes
        ]
        text = f"{done}: {words[0]}" if len(words) == 1 else f"{done}:\n" + clipped(words, 4)
        self.notify(text, timeout=3, markup=False)
