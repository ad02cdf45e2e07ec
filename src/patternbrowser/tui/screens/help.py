"""The help screen: every key of the app and what it does."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from patternbrowser.core.status import Status

KEYS = [
    ("/", "filter by number, title, guide or any word of the item; enter: first match"),
    ("", "in the guide outline: headings whose text holds every word typed"),
    ("", "the words found are shown reversed in the pane until the filter is cleared"),
    ("n / N", "next / previous item (or heading) the filter lets through"),
    ("f", "status filter: not started → in progress → blocked → completed hidden → all"),
    ("escape", "clear the filter (or close this help)"),
    ("up / down, j / k", "move through the tree; the item under the cursor is shown"),
    ("home / end", "first / last item (or heading)"),
    ("pageup / pagedown", "scroll the item pane a page, from the tree"),
    ("t", "hide the tree (the pane takes the whole width) / show it"),
    ("left / right", "collapse / expand a group or heading"),
    ("space", "cycle the status {not_started} → {in_progress} → {completed} → {not_started}"),
    ("b", "toggle {blocked} blocked (and back to what it was)"),
    ("[ / ]", "previous / next example: the TODO's drafts, then the guide's tested blocks"),
    ("c", "copy the example shown (at first the guide's first block, if it has one)"),
    ("o", "open in $VISUAL / $EDITOR at its line: the item, or the block or heading shown"),
    ("a", "annotate: edit the item's note (enter saves, escape cancels, empty clears)"),
    ("e", "export: write markers, summary and dates into the TODO"),
    ("g", "group by phase → priority → guide file → guide outline (every guide's headings)"),
    ("ctrl+z", "undo the last change (an import counts as one)"),
    ("ctrl+y", "redo what undo reverted"),
    ("M / S", "when the markdown was edited by hand: adopt its markers / keep the store's"),
    ("ctrl+p", "palette: every item, every guide heading (shown from it), every command"),
    ("tab / shift+tab", "move between the tree and the item pane"),
    ("?", "this help"),
    ("q", "quit (every change is already saved)"),
]


class HelpScreen(ModalScreen[None]):
    """A modal list of the keys; any of escape, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close"),
    ]

    def __init__(self, ascii_only: bool = False) -> None:
        """Show the keys, with ASCII status markers when `ascii_only` is set."""
        super().__init__()
        self.ascii_only = ascii_only

    def compose(self) -> ComposeResult:
        """The key table in a framed box that scrolls on small screens."""
        markers = {status.value: status.marker(self.ascii_only).strip() for status in Status}
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, meaning in KEYS:
            table.add_row(key, meaning.format(**markers))
        with VerticalScroll(id="help-box"):
            yield Static(table)
            yield Static("Changes are saved to the progress store at once.", classes="muted")

    def on_mount(self) -> None:
        """Title the box."""
        self.query_one("#help-box").border_title = "Keys"
