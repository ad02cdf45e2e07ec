"""A list item's or quote's text after its lead, wrapped lines aligned under the text."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text


class Hanging:
    """`text` after `lead`: the lines a two-column `Table.grid` draws, without the table.

    Rich's table measures, collapses and aligns its columns for every render, which made
    list items most of the cost of drawing a guide section; this draws the same lines (a
    test compares them) by wrapping the text once at the width the table would give it.
    """

    def __init__(self, lead: str, text: Text, lead_style: str = "") -> None:
        """`text` hung after `lead` (drawn in `lead_style`)."""
        self.lead = Text(lead, style=lead_style)
        self.text = text

    def as_table(self) -> Table:
        """The grid this draws like: a fixed column for the lead, the text folded beside it."""
        grid = Table.grid()
        grid.add_column(width=len(self.lead), no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")  # a long word breaks, never vanishes
        grid.add_row(self.lead, self.text)
        return grid

    def text_options(self, console: Console, options: ConsoleOptions) -> ConsoleOptions | None:
        """The options the text is drawn with beside the lead; None if the lead leaves no room."""
        room = options.max_width - len(self.lead)
        if room < 1:
            return None
        # the text column's width, as Table._calculate_column_widths works it out from the
        # text's measurement (its longest line): as wide as that line, within the room left
        longest = max((cell_len(line) for line in self.text.plain.splitlines()), default=0)
        width = min(longest, room) or 1
        return options.update(
            width=width,
            justify="left",
            no_wrap=False,
            overflow="fold",
            height=None,
            highlight=False,
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The lead, then the text wrapped to the room left; blank under the lead after."""
        cell = self.text_options(console, options)
        if cell is None:  # narrower than the lead: the table's own (rare) squeezing
            yield self.as_table()
            return
        lead_width = len(self.lead)
        lines = console.render_lines(self.text, cell, style=Style.null())
        lead = console.render_lines(
            self.lead,
            cell.update(width=lead_width, no_wrap=True, overflow="ellipsis"),
            style=Style.null(),
        )
        blank = [Segment(" " * lead_width, Style.null())]
        new_line = Segment.line()
        for index, line in enumerate(lines):
            yield from lead[index] if index < len(lead) else blank
            yield from line
            yield new_line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """Measured as the grid it draws like."""
        return Measurement.get(console, options, self.as_table())
