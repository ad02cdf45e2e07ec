"""Offer to save an example to a file when no clipboard can be reached."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class SaveExampleScreen(ModalScreen[Path | None]):
    """Ask for a file name; dismisses with the path, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, reason: str, suggestion: str) -> None:
        """Explain `reason` and propose `suggestion` as the file name."""
        super().__init__()
        self.reason = reason
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        """The explanation, a file name field and two buttons."""
        with Vertical(id="save-box"):
            yield Static(self.reason, markup=False)
            yield Static("Save the example to a file instead:")
            yield Input(self.suggestion, id="save-path")
            with Horizontal(id="save-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the field saves."""
        event.stop()
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        event.stop()
        if event.button.id == "save":
            self._finish()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    def _finish(self) -> None:
        value = self.query_one("#save-path", Input).value.strip()
        self.dismiss(Path(value).expanduser() if value else None)
