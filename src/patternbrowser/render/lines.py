"""How many lines drawn prose takes at a width, worked out without drawing it."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from patternbrowser.render.hanging import Hanging


def _rich_divide_line() -> Callable[[str, int, bool], list[int]] | None:
    """Rich's own line breaking, which Text.wrap uses (None if a Rich release moved it)."""
    try:
        from rich._wrap import divide_line
    except ImportError:  # pragma: no cover - then lines are wrapped to be counted
        return None
    return divide_line


DIVIDE_LINE = _rich_divide_line()


def countable(renderable: RenderableType) -> bool:
    """Whether `line_count` counts the lines of `renderable` without rendering any of it."""
    if isinstance(renderable, Group):
        return all(countable(part) for part in renderable.renderables)
    if isinstance(renderable, Table):
        return _plain_table(renderable)
    return isinstance(renderable, Text | Hanging | Rule)


def _plain_table(table: Table) -> bool:
    """A table as prose draws them: text cells under a header, no title, footer or rules."""
    return (
        hasattr(table, "_calculate_column_widths")  # Rich's own: used to size the columns
        and not (table.title or table.caption or table.show_footer or table.show_lines)
        and not table.show_edge
        and table.width is None
        and not table.expand
        and table.min_width is None
        and not any(table.rows[index].end_section for index in range(len(table.rows)))
        and all(isinstance(cell, Text) for column in table.columns for cell in column.cells)
        and all(isinstance(column.header, Text | str) for column in table.columns)
    )


def line_count(renderable: RenderableType, console: Console, options: ConsoleOptions) -> int:
    """The lines `console.render_lines(renderable, options)` gives, mostly without rendering.

    Wrapping decides the count and needs only the plain text, so text, hung list items and
    rules are counted from it; anything else (a pipe table) is rendered and its lines counted.
    A test holds the count to the lines drawn for all the prose of the guides and the TODOs.
    """
    if isinstance(renderable, Group):
        return sum(line_count(part, console, options) for part in renderable.renderables)
    if isinstance(renderable, Text):
        return text_lines(renderable, console, options)
    if isinstance(renderable, Hanging):
        cell = renderable.text_options(console, options)
        if cell is not None:  # the text's lines; the lead takes one of them
            return text_lines(renderable.text, console, cell)
    if isinstance(renderable, Rule) and not renderable.title and options.max_width > 0:
        return 1
    if isinstance(renderable, Table) and _plain_table(renderable):
        counted = _table_lines(renderable, console, options)
        if counted is not None:
            return counted
    return len(console.render_lines(renderable, options, pad=False))


def _table_lines(table: Table, console: Console, options: ConsoleOptions) -> int | None:
    """The lines of a plain table: its rows' tallest cells, and the rule under the header.

    The columns are sized by Rich's own Table._calculate_column_widths, as drawing sizes
    them; None where a column leaves a cell no room (drawing decides that case).
    """
    inside = options.update_width(options.max_width - table._extra_width)
    widths = table._calculate_column_widths(console, inside)
    heights: list[int] = []
    for index, (column, width) in enumerate(zip(table.columns, widths, strict=True)):
        cell_options = options.update(
            width=width,
            justify=column.justify,
            no_wrap=column.no_wrap,
            overflow=column.overflow,
            height=None,
            highlight=column.highlight,
        )
        for row, cell in enumerate(table._get_cells(console, index, column)):
            content, room = cell.renderable, width
            if isinstance(content, Padding):
                padding = content
                content, room = padding.renderable, width - padding.left - padding.right
            if room < 1 or not isinstance(content, Text | str):
                return None
            text = Text(content) if isinstance(content, str) else content
            lines = text_lines(text, console, cell_options.update_width(room))
            if row == len(heights):
                heights.append(1)
            heights[row] = max(heights[row], lines)
    head_rule = 1 if table.box and table.show_header and heights else 0
    return sum(heights) + head_rule


def text_lines(text: Text, console: Console, options: ConsoleOptions) -> int:
    """The lines `text` wraps to, as Text.__rich_console__ wraps it (the styles move no break)."""
    if options.max_width < 1:  # what Rich draws then is its own affair
        return len(console.render_lines(text, options, pad=False))
    tab_size = console.tab_size if text.tab_size is None else text.tab_size
    no_wrap = options.no_wrap if text.no_wrap is None else text.no_wrap
    overflow = text.overflow or options.overflow or "fold"
    plain = text.plain
    if DIVIDE_LINE is not None and "\t" not in plain:
        # Text.wrap splits the text at its newlines and breaks each line where divide_line
        # says, into one more piece than breaks; counted here without building the pieces
        lines = plain.split("\n")
        if no_wrap or overflow == "ignore":
            return len(lines)
        fold = overflow == "fold"
        width = options.max_width
        return sum(len(DIVIDE_LINE(line, width, fold)) + 1 for line in lines)
    return len(
        Text(plain, tab_size=text.tab_size).wrap(
            console,
            options.max_width,
            justify=text.justify or options.justify or "default",
            overflow=overflow,
            tab_size=tab_size or 8,
            no_wrap=bool(no_wrap),
        )
    )
