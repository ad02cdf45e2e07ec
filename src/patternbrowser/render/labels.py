"""Rich text for statuses and titles, shared by the CLI and the app: one colour per status."""

from __future__ import annotations

from rich.text import Text

from patternbrowser.core.progress.counts import Counts
from patternbrowser.core.sanitize import one_line
from patternbrowser.core.status import Status
from patternbrowser.core.todo.model import Item

STATUS_STYLE = {
    Status.NOT_STARTED: "",
    Status.IN_PROGRESS: "bold blue",
    Status.COMPLETED: "green",
    Status.BLOCKED: "yellow",
}
"""The colour of each status: markers, tree rows, titles and the bars' filled cells."""

BAR_GLYPHS = {
    Status.COMPLETED: ("█", "#"),
    Status.IN_PROGRESS: ("▒", "~"),
    Status.BLOCKED: ("▚", "!"),
    Status.NOT_STARTED: ("░", "."),
}
"""Progress bar cells per status: (glyph, ASCII glyph)."""

BAR_EMPTY_STYLE = "bright_black"  # not started: the bar's background


def item_title(item: Item, status: Status, ascii_only: bool) -> Text:
    """`✅ 3. JWT Authentication Flow`: the marker in its colour, the title shown literally."""
    title = Text(f"{status.marker(ascii_only)} ", style=STATUS_STYLE[status])
    title.append(f"{item.number}. ", style="bold")
    title.append(one_line(item.title), style="bold")
    return title


def item_label(
    item: Item, status: Status, ascii_only: bool, number_width: int, due_again: bool = False
) -> Text:
    """`⬜  3 JWT Authentication Flow`, with the title shown literally.

    `due_again` marks a completed recurring item whose next review date has passed.
    """
    label = Text(status.marker(ascii_only), style=STATUS_STYLE[status])
    label.append(f" {item.number:>{number_width}} ", style="dim")
    if due_again:
        label.append("due again ", style="bold red")
    label.append(one_line(item.title))
    return label


def group_label(name: str, counts: Counts) -> Text:
    """`Phase 1 · Critical Security  2/5`, the count dimmed unless the group is done."""
    label = Text(one_line(name), style="bold")
    done = counts.total and counts.done == counts.total
    label.append(f"  {counts.done}/{counts.total}", style="green" if done else "dim")
    return label
