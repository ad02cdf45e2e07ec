"""Rich text for tree nodes and headings: status markers, safe titles, done/total counts."""

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
