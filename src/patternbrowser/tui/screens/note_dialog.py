"""A small dialog to edit an item's note: enter saves, escape cancels, empty clears."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from patternbrowser.core.sanitize import one_line


class NoteDialog(ModalScreen[str | None]):
    """Ask for the note; dismisses with the new text ("" clears it), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, note: str) -> None:
        """Edit `note`, the note of the item called `title`."""
        super().__init__()
        self.item_title = title
        self.note = note

    def compose(self) -> ComposeResult:
        """The item's title, the note field prefilled, and what the keys do."""
        with Vertical(id="note-box"):
            yield Static(Text(one_line(self.item_title)))  # from the file: never markup
            yield Input(one_line(self.note), placeholder="a note for this item", id="note")
            yield Static("enter: save · escape: cancel · empty: clear the note", classes="muted")

    def on_mount(self) -> None:
        """Title the box."""
        self.query_one("#note-box").border_title = "Note"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter saves what the field holds."""
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
