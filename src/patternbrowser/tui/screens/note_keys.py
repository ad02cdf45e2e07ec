"""The main screen's `a`: annotate the item, its note saved to the store like a status."""

from __future__ import annotations

from textual.binding import Binding

from patternbrowser.core.errors import PatternbrowserError
from patternbrowser.tui.notices import show_error
from patternbrowser.tui.screens.main_base import MainScreenBase

NOTE_BINDINGS = [Binding("a", "annotate", "Note", show=False)]


class NoteKeys(MainScreenBase):
    """Edit the item's note in a small dialog (a mixin of the main screen)."""

    async def action_annotate(self) -> None:
        """Open the note dialog for the item under the cursor."""
        from patternbrowser.tui.screens.note_dialog import NoteDialog

        item = await self.target()
        if item is None:
            return
        record = self.session.tracker.store.records.get(item.number)
        note = (record.note if record else None) or ""

        def save(text: str | None) -> None:
            if text is None or text == note:
                return  # cancelled, or nothing to change
            try:
                self.session.set_note(item.number, text)
            except PatternbrowserError as error:
                show_error(self.app, "Note not saved", error)
                return
            self.refresh_status(item)
            said = "note saved" if text else "note cleared"
            self.notify(f"#{item.number}: {said}", timeout=2, markup=False)

        self.app.push_screen(NoteDialog(f"#{item.number} {item.title}", note), save)
