"""Progress bars: the total and one per group, updated whenever a status changes."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from patternbrowser.core.progress.counts import Counts, count, group_counts
from patternbrowser.core.sanitize import one_line
from patternbrowser.core.status import Status
from patternbrowser.core.todo.model import TodoDocument
from patternbrowser.render.tables import progress_bar

GROUP_CELL = 11  # a group's bar of 6 and its count need this much; narrower, bars go
NARROW = 70  # below this width the total's bar is shorter, so its count stays whole


class ProgressPanel(Static):
    """Total progress and a compact bar per group, side by side."""

    def __init__(self, ascii_only: bool, **kwargs: object) -> None:
        """An empty panel until `show` is called."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.ascii_only = ascii_only
        self._shown: tuple[TodoDocument, dict[int, Status]] | None = None

    def show(self, document: TodoDocument, statuses: dict[int, Status]) -> None:
        """Draw the bars for these statuses, fitted to the width."""
        self._shown = (document, statuses)
        groups = group_counts(document, statuses)
        total = count(document.items, statuses)
        width = self.size.width or self.app.size.width
        # on a narrow screen the groups keep their counts and lose their bars, never a bar
        # cut in pieces
        with_bars = (width - 22) // max(1, len(groups)) >= GROUP_CELL
        grid = Table.grid(expand=True, padding=(0, 1))
        cells: list[Text] = [self._cell("Total", total, 12 if width >= NARROW else 6, bold=True)]
        grid.add_column(ratio=2, no_wrap=True, overflow="ellipsis")
        for name, counts in groups.items():
            grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
            cells.append(self._cell(name, counts, 6 if with_bars else 0))
        grid.add_row(*cells)
        self.update(grid)

    def on_resize(self) -> None:
        """Fit the bars to the new width."""
        if self._shown is not None:
            self.show(*self._shown)

    def _cell(self, name: str, counts: Counts, width: int, bold: bool = False) -> Text:
        text = Text(one_line(name), style="bold" if bold else "")
        if bold:  # on the name's line, which has room to spare at 80 columns
            text.append(f" {counts.percent}%", style="dim")
        text.append("\n")
        if width:
            text.append_text(progress_bar(counts, self.ascii_only, width))
            text.append(" ")
        done = counts.total and counts.done == counts.total
        text.append(
            f"{counts.done}/{counts.total}", style="bold" if bold else "green" if done else ""
        )
        return text
