"""The TODO document model: sections, items, examples, phases, summary and date lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Literal

from patternbrowser.core.status import Status
from patternbrowser.core.textfile import TextLines


class Priority(Enum):
    """The priority level a section gives its items."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def group_name(self) -> str:
        """The name of the priority's group, as the Progress Summary spells it."""
        return f"{self.value.capitalize()} Priority"


@dataclass(frozen=True)
class Problem:
    """A warning about the input, with the line (1-based) where it was found."""

    message: str
    line: int | None = None
    path: Path | None = None

    def __str__(self) -> str:
        """Render as `path:line: message`."""
        where = f"{self.path}:" if self.path else ""
        where += f"{self.line}:" if self.line else ""
        return f"{where} {self.message}" if where else self.message


@dataclass(frozen=True)
class Example:
    """A code example embedded in an item's instructions."""

    number: int
    language: str
    code: str
    line: int  # 1-based line of the first code line in the TODO


@dataclass(frozen=True)
class Section:
    """A `##` heading; sections holding items are groups."""

    title: str
    name: str  # the title without its leading emoji or symbols
    priority: Priority | None
    line: int

    @property
    def group(self) -> str:
        """The group this section's items belong to."""
        return self.priority.group_name if self.priority else self.name


@dataclass(frozen=True)
class TaskMark:
    """Where a task-list item keeps its status: the character between `[` and `]`."""

    line_index: int  # 0-based line of the task
    column: int  # index of the character in that line
    char: str  # the character as written


Segment = str | Example  # prose (markdown) or an example, in the order an item's body shows them


@dataclass
class Item:
    """A `### N. Title` heading (or a task of a checklist) and what belongs to it."""

    number: int
    title: str
    section: Section | None
    line: int  # 1-based line of the heading
    heading_index: int  # 0-based index into the document's lines
    marker_status: Status | None  # the marker found in the markdown, if any
    guide: str | None = None  # the target guide's file name
    guide_is_new: bool = False
    effort: str | None = None
    effort_hours: tuple[float, float] | None = None
    recurrence: str | None = None
    instructions: str = ""
    instructions_line: int | None = None  # the line of the **Instructions** field
    instructions_start: int = 0  # the first line inside the instructions fence
    examples: list[Example] = field(default_factory=list)
    phase: int | None = None
    # a body written as prose, lists and code blocks (no Instructions fence), already split
    segments: list[Segment] | None = None
    status_field: int | None = None  # 0-based line of the item's own `**Status**:` field
    own_priority: Priority | None = None  # from a `**Priority**:` field
    extra_fields: list[tuple[str, str]] = field(default_factory=list)  # shown as written
    task: TaskMark | None = None  # set on the tasks of a checklist
    parent: int | None = None  # the task this (nested) task is under

    @property
    def group(self) -> str:
        """The name of the item's group (priority level or its own section)."""
        return self.section.group if self.section else "Ungrouped"

    @property
    def priority(self) -> Priority | None:
        """The item's priority level: its own Priority field, else its section's."""
        if self.own_priority is not None:
            return self.own_priority
        return self.section.priority if self.section else None

    @property
    def is_recurring(self) -> bool:
        """True for items with a Recurrence field."""
        return self.recurrence is not None


@dataclass(frozen=True)
class PhaseEntry:
    """An entry of a phase list naming an item by `(#N)`."""

    item_number: int
    text: str
    line_index: int  # 0-based index of the line that holds the entry's marker
    marker_status: Status | None


@dataclass
class Phase:
    """A `### Phase N - Name (Week a-b)` heading and its entries."""

    number: int
    name: str
    weeks: str | None
    line: int
    entries: list[PhaseEntry] = field(default_factory=list)

    @property
    def item_numbers(self) -> list[int]:
        """The numbers of the items the phase lists, in order."""
        return [entry.item_number for entry in self.entries]


@dataclass(frozen=True)
class SummaryLine:
    """A Progress Summary line such as `- High Priority: 0/5 completed`."""

    label: str
    done: int
    total: int
    line_index: int
    group: str | None  # the group the label maps to, None when it matches none


@dataclass(frozen=True)
class DateLine:
    """A `**Name**: YYYY-MM-DD` line (Last Updated, Next Review)."""

    name: str
    value: str
    line_index: int


@dataclass(frozen=True)
class TableRow:
    """A line of a pipe table (`| a | b |`), with its cells as written."""

    line_index: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Cookie:
    """An Org-style progress cookie at the end of a heading: `[n/m]` or `[p%]`."""

    line_index: int
    start: int  # the span of the cookie (brackets included) in its line
    end: int
    items: tuple[int, ...]  # the numbers of the tasks it counts (nested ones included)


DocumentKind = Literal["todo", "checklist"]


@dataclass
class TodoDocument:
    """A parsed TODO file, with the exact text it came from."""

    path: Path
    text: TextLines
    sections: list[Section]
    items: list[Item]
    phases: list[Phase]
    summary: list[SummaryLine]
    dates: list[DateLine]
    problems: list[Problem]
    table_rows: list[TableRow] = field(default_factory=list)
    kind: DocumentKind = "todo"
    cookies: list[Cookie] = field(default_factory=list)
    # the way the file writes each status: the first task character, or the first status word
    spellings: dict[Status, str] = field(default_factory=dict)

    def item(self, number: int) -> Item | None:
        """The first item with this number, else None."""
        for item in self.items:
            if item.number == number:
                return item
        return None

    @property
    def groups(self) -> list[str]:
        """The group names in order of first appearance."""
        return list(dict.fromkeys(item.group for item in self.items))
