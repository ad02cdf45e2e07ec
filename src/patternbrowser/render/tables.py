"""Rich renderings of the CLI's answers: progress tables, item lists, one item in full."""

from __future__ import annotations

from datetime import date

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from patternbrowser.core.progress.counts import Counts, count, group_counts, phase_counts
from patternbrowser.core.progress.recurrence import describe_due
from patternbrowser.core.progress.store import Record
from patternbrowser.core.progress.tracker import Tracker
from patternbrowser.core.sanitize import one_line, visible
from patternbrowser.core.status import Status
from patternbrowser.core.todo.examples import instruction_segments
from patternbrowser.core.todo.model import Example, Item
from patternbrowser.render.labels import BAR_EMPTY_STYLE, BAR_GLYPHS, STATUS_STYLE, item_title

_BAR_WIDTH = 20


def progress_bar(counts: Counts, ascii_only: bool, width: int = _BAR_WIDTH) -> Text:
    """A stacked bar: completed, in progress, blocked, then not started."""
    bar = Text()
    total = counts.total or 1
    used = 0
    for status in (Status.COMPLETED, Status.IN_PROGRESS, Status.BLOCKED):
        cells = round(counts.by_status[status] * width / total)
        cells = min(cells, width - used)
        glyph, ascii_glyph = BAR_GLYPHS[status]
        bar.append((ascii_glyph if ascii_only else glyph) * cells, STATUS_STYLE[status])
        used += cells
    glyph, ascii_glyph = BAR_GLYPHS[Status.NOT_STARTED]
    bar.append((ascii_glyph if ascii_only else glyph) * (width - used), BAR_EMPTY_STYLE)
    return bar


def _progress_row(name: str, counts: Counts, ascii_only: bool) -> list[RenderableType]:
    return [
        Text(one_line(name)),
        Text(f"{counts.done}/{counts.total}", justify="right"),
        progress_bar(counts, ascii_only),
        Text(f"{counts.percent}%", justify="right"),
        *(Text(str(counts.by_status[s]), justify="right") for s in _COUNT_COLUMNS),
    ]


_COUNT_COLUMNS = (Status.IN_PROGRESS, Status.BLOCKED)


def status_view(tracker: Tracker, ascii_only: bool, today: date) -> RenderableType:
    """Progress per group, per phase and in total, in one aligned table, then recurring work."""
    document = tracker.document
    statuses = tracker.counted_statuses(today)
    table = Table(box=None, padding=(0, 1), header_style="bold")
    table.add_column("Group", no_wrap=True, overflow="ellipsis", max_width=44)
    table.add_column("Done", justify="right")
    table.add_column("Progress", no_wrap=True)
    table.add_column("%", justify="right")
    for status in _COUNT_COLUMNS:
        table.add_column(status.marker(ascii_only), justify="right")
    for name, counts in group_counts(document, statuses).items():
        table.add_row(*_progress_row(name, counts, ascii_only))
    if document.phases:
        table.add_row()
        table.add_row(Text("Phase", style="bold"))
        phase_totals = phase_counts(document, statuses)
        for phase in document.phases:
            label = f"{phase.number}. {phase.name}"
            table.add_row(*_progress_row(label, phase_totals[phase.number], ascii_only))
    table.add_row()
    table.add_row(
        *_progress_row("Total", count(document.items, statuses), ascii_only), style="bold"
    )
    parts: list[RenderableType] = [table]
    recurring = [item for item in document.items if item.is_recurring]
    if recurring:
        due_table = Table(box=None, padding=(0, 1), header_style="bold", title_justify="left")
        due_table.add_column("Recurring", no_wrap=True, overflow="ellipsis", max_width=40)
        due_table.add_column("Next due", no_wrap=True)
        for item in recurring:
            info = tracker.due_of(item, today)
            entry = Text(f"{tracker.status_of(item).marker(ascii_only)} {item.number:>2} ")
            entry.append(one_line(item.title))
            when = Text(
                describe_due(info, today) if info else "-",
                style="bold red" if info and info.overdue else "",
            )
            due_table.add_row(entry, when)
        parts += [Text(), due_table]
    return Group(*parts, Text(), legend(ascii_only))


def legend(ascii_only: bool) -> Text:
    """The status legend line."""
    text = Text(style="dim")
    for status in Status:
        text.append(f"{status.marker(ascii_only)} {status.label}   ")
    return text


def items_table(
    tracker: Tracker, items: list[Item], ascii_only: bool, width: int
) -> RenderableType:
    """The items under their group names, with status, phase, guide, effort and examples.

    A checklist's tasks have no phase, guide or effort: those columns are left out for it.
    """
    table = Table(box=None, padding=(0, 1), header_style="bold", collapse_padding=True)
    tasks = all(item.task is not None for item in items)
    guide_width = min(22, max((len(item.guide or "-") + 1 for item in items), default=1))
    # the title gives way first: every other column keeps its (small) width
    others = 3 + 3 + 3 + (0 if tasks else 5 + guide_width + 10 + 8)
    table.add_column("#", justify="right")
    table.add_column("", no_wrap=True)
    table.add_column("Title", no_wrap=True, overflow="ellipsis", max_width=max(12, width - others))
    if not tasks:
        table.add_column("Phase", justify="right")
        table.add_column("Guide", no_wrap=True, overflow="ellipsis", max_width=22)
        table.add_column("Effort", no_wrap=True, overflow="ellipsis", max_width=10)
    table.add_column("Ex", justify="right")
    group = None
    for item in items:
        if item.group != group:
            group = item.group
            table.add_row("", "", Text(one_line(group), style="bold"))
        guide = item.guide or "-"
        cells: list[RenderableType] = [
            str(item.number),
            tracker.status_of(item).marker(ascii_only),
            Text(one_line(item.title)),
        ]
        if not tasks:
            cells += [
                str(item.phase) if item.phase else "-",
                Text(one_line(guide + ("*" if item.guide_is_new else ""))),
                Text(one_line(_short_effort(item))),
            ]
        table.add_row(*cells, str(len(item.examples)))
    # notes below the table, on lines of their own (a caption would wrap to the table's width)
    if any(item.guide_is_new for item in items):
        return Group(table, Text("* the guide file is to be created", style="dim"))
    if tasks:
        return Group(table, Text("tasks are numbered in document order", style="dim"))
    return table


def _short_effort(item: Item) -> str:
    if item.effort_hours:
        low, high = (f"{hours:g}" for hours in item.effort_hours)
        return f"{low}-{high} h" if low != high else f"{low} h"
    return item.effort or item.recurrence or "-"


def fields_table(item: Item, status: Status, record: Record | None, due: str | None) -> Table:
    """An item's fields as a two-column grid (the CLI's `show` and the app's item view)."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    rows = [("Status", status.label), ("Group", item.group)]
    if item.task is not None:
        under = f", under task {item.parent}" if item.parent is not None else ""
        rows.append(("Task", f"{item.number}{under} (tasks are numbered in document order)"))
    else:
        rows += [
            ("Phase", str(item.phase) if item.phase else "-"),
            ("Guide", (item.guide or "-") + (" (new file)" if item.guide_is_new else "")),
        ]
        if item.recurrence:
            rows.append(("Recurrence", item.recurrence))
            if due:
                rows.append(("Due", due.removeprefix("due ")))  # "Due  2026-12-26 (in 27 days)"
        else:
            rows.append(("Effort", item.effort or "-"))
    rows += item.extra_fields
    if record is not None:
        rows.append(("Changed", record.changed.strftime("%Y-%m-%d %H:%M UTC")))
        if record.note:
            rows.append(("Note", record.note))
    rows.append(("Line", str(item.line)))
    for name, value in rows:
        table.add_row(name, Text(one_line(value)))
    return table


def item_view(tracker: Tracker, item: Item, ascii_only: bool, today: date) -> RenderableType:
    """An item's fields, its instructions, and its highlighted examples."""
    from patternbrowser.render.prose import prose_renderable

    status = tracker.status_of(item)
    title = item_title(item, status, ascii_only)
    due = tracker.due_text(item, today)
    fields = fields_table(item, status, tracker.store.records.get(item.number), due)
    parts: list[RenderableType] = [title, fields, Text()]
    for segment in instruction_segments(item):
        if isinstance(segment, Example):
            parts += [Text(), example_view(segment, len(item.examples)), Text()]
        elif segment.strip():
            parts.append(prose_renderable(segment))
    return Group(*parts)


def example_view(example: Example, of: int) -> RenderableType:
    """One example, highlighted, with line numbers and a caption."""
    caption = f"Example {example.number}/{of} · {example.language}"
    return code_view(caption, example.code, example.language)


def code_view(caption: str, code: str, language: str) -> RenderableType:
    """Code highlighted with line numbers under a bold caption (shown literally)."""
    from rich.syntax import Syntax

    syntax = Syntax(
        visible(code), lexer_for(language), line_numbers=True, word_wrap=False, theme="ansi_dark"
    )
    return Group(Text(one_line(caption), style="bold"), Padding(syntax, (0, 0, 0, 1)))


def lexer_for(language: str) -> str:
    """The Pygments lexer name for a language, plain text when Pygments has none."""
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        get_lexer_by_name(language)
    except ClassNotFound:
        return "text"
    return language


def make_console(stderr: bool = False) -> Console:
    """A console that never interprets emoji codes or highlights numbers on its own."""
    return Console(stderr=stderr, emoji=False, highlight=False)


PIPE_WIDTH = 10_000  # wide enough that no cell is ever cut for a program reading the output


def print_plain_lines(renderable: RenderableType) -> None:
    """Print for a pipe: nothing cut to a terminal's width, no spaces padding line ends."""
    console = Console(width=PIPE_WIDTH, emoji=False, highlight=False, color_system=None)
    with console.capture() as captured:
        console.print(renderable)
    for line in captured.get().splitlines():
        print(line.rstrip())
