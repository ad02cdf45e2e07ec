"""A banner shown while the markdown's markers and the store disagree, with both remedies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Static

from patternbrowser.core.progress.tracker import Drift
from patternbrowser.core.sanitize import one_line
from patternbrowser.core.wording import counted


class DriftBanner(Horizontal):
    """Explains the drift and offers: adopt the markdown, or write the store into it."""

    @dataclass
    class Resolved(Message):
        """The user chose how to resolve drift between store and markdown."""

        keep: Literal["markdown", "store"]
        """"markdown" adopts the markdown's markers; "store" exports the store's statuses."""

    def compose(self) -> ComposeResult:
        """The message; the buttons come with the first drift (most sessions have none)."""
        yield Static(id="drift-message")

    def show(self, drift: list[Drift]) -> None:
        """Show the banner for `drift`, or hide it when there is none."""
        self.display = bool(drift)
        if not drift:
            return
        if not self.query(Button):
            self.mount(
                Button("Adopt markdown (M)", id="adopt-markdown", variant="warning", compact=True),
                Button("Keep store (S)", id="keep-store", compact=True),
            )
        names = ", ".join(f"#{d.number}" for d in drift[:6]) + (" ..." if len(drift) > 6 else "")
        text = Text(
            f"⚠ {counted(len(drift), 'item')} changed in the markdown "
            f"outside patternbrowser ({one_line(names)}): "
        )
        self.query_one("#drift-message", Static).update(text)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Turn the button into a resolution request for the screen."""
        event.stop()
        self.post_message(
            self.Resolved("markdown" if event.button.id == "adopt-markdown" else "store")
        )
