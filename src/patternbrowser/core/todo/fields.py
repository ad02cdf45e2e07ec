"""Item fields in the TODO's dialects: `**Name**: value` lines or bullets, status words."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from patternbrowser.core.guidepath import unsafe_reason
from patternbrowser.core.status import STATUS_WORDS, Status, split_marker
from patternbrowser.core.todo.model import Item, Priority

FieldKind = Literal[
    "file", "effort", "recurrence", "instructions", "body", "status", "priority", "extra"
]

# `**Name**: value`, `**Name:** value`, or the same as a bullet (`- **Name**: value`)
FIELD_LINE = re.compile(
    r"^(?P<lead>[ \t]*(?:[-*+][ \t]+)?)\*\*(?P<name>[^*]+?):?\*\*:?(?P<gap>[ \t]*)"
    r"(?P<value>.*?)[ \t]*$"
)
_KINDS: dict[str, FieldKind] = {
    "file": "file",
    "guide": "file",
    "target": "file",
    "target file": "file",
    "guide file": "file",
    "effort": "effort",
    "estimated effort": "effort",
    "estimate": "effort",
    "estimated time": "effort",
    "time estimate": "effort",
    "recurrence": "recurrence",
    "recurring": "recurrence",
    "repeats": "recurrence",
    "instructions": "instructions",
    # fields whose value is part of the body, not a property of the item
    "description": "body",
    "details": "body",
    "notes": "body",
    "note": "body",
    "steps": "body",
    "tasks": "body",
    "acceptance criteria": "body",
    "status": "status",
    "state": "status",
    "priority": "priority",
    # properties the model has no place for: shown among the item's fields as written
    "dependencies": "extra",
    "depends on": "extra",
    "owner": "extra",
    "assignee": "extra",
    "due": "extra",
    "due date": "extra",
    "tags": "extra",
    "labels": "extra",
    "created": "extra",
}
# longest first, so that "not started" wins over a shorter word it starts with
_STATUS_PHRASES = sorted(STATUS_WORDS, key=len, reverse=True)
_DEFAULT_WORDS = {
    Status.NOT_STARTED: "Not started",
    Status.IN_PROGRESS: "In progress",
    Status.COMPLETED: "Done",
    Status.BLOCKED: "Blocked",
}
_PRIORITY_WORDS = {
    "high": Priority.HIGH,
    "critical": Priority.HIGH,
    "urgent": Priority.HIGH,
    "medium": Priority.MEDIUM,
    "normal": Priority.MEDIUM,
    "low": Priority.LOW,
    "minor": Priority.LOW,
}
_DECORATION = "*_` \t"
_GUIDE = re.compile(r"`([^`]+?\.md)`")
_QUOTED = re.compile(r"`([^`]+)`")
_EFFORT = re.compile(
    r"(?<!\d)(\d{1,6}(?:\.\d{1,3})?)(?:\s*[-–]\s*(\d{1,6}(?:\.\d{1,3})?))?\s*h(?:ours?|rs?)?\b",
    re.I,
)


@dataclass(frozen=True)
class FieldLine:
    """A field as written on one line."""

    name: str  # as written
    kind: FieldKind | None  # None: a name no dialect uses
    value: str
    value_start: int  # where the value begins in the line


def field_line(line: str) -> FieldLine | None:
    """The field a raw line holds (as a line or a bullet), else None."""
    match = FIELD_LINE.match(line)
    if match is None:
        return None
    name = match["name"].strip()
    kind = _KINDS.get(" ".join(name.lower().split()))
    return FieldLine(name, kind, match["value"], match.start("value"))


@dataclass(frozen=True)
class StatusValue:
    """A status field's value, read: the status and where its marker and word are."""

    status: Status | None  # None: neither a marker nor a word this reader knows
    marker: tuple[int, int] | None  # span of an emoji marker within the value
    word: tuple[int, int] | None  # span of the status word within the value


def read_status_value(value: str) -> StatusValue:
    """Read `✅ Done`, `**In progress**`, `blocked (waiting for review)` and the like."""
    marker_status, marker_text, rest = split_marker(value.lstrip())
    offset = len(value) - len(value.lstrip())
    marker = (offset, offset + len(marker_text)) if marker_status else None
    offset += len(marker_text)
    start = offset + len(rest) - len(rest.lstrip(_DECORATION))
    lowered = value[start:].lower()
    for phrase in _STATUS_PHRASES:
        if lowered.startswith(phrase) and not lowered[len(phrase) : len(phrase) + 1].isalnum():
            return StatusValue(STATUS_WORDS[phrase], marker, (start, start + len(phrase)))
    return StatusValue(marker_status, marker, None)


def status_word(status: Status, spellings: dict[Status, str], like: str) -> str:
    """The word to write for `status`: the file's own, else a default in the style of `like`."""
    if status in spellings:
        return spellings[status]
    word = _DEFAULT_WORDS[status]
    if like.islower():
        return word.lower()
    if like.isupper() and len(like) > 1:
        return word.upper()
    if " " in like and like == like.title():
        return word.title()
    return word


def priority_of(value: str) -> Priority | None:
    """The priority a `**Priority**:` value names (High, medium, 🔴 ...), else None."""
    from patternbrowser.core.todo.labels import section_priority

    words = value.strip(_DECORATION).lower().split()
    if words and (found := _PRIORITY_WORDS.get(words[0].strip(".,;:()"))):
        return found
    return section_priority(value)


def apply_field(
    item: Item,
    found: FieldLine,
    index: int,
    body_lines: dict[int, str | None],
    spellings: dict[Status, str],
    warn: Callable[[str, int], None],
) -> None:
    """Set what a field line at `index` says on `item`.

    `body_lines` learns whether (and how) the item's body shows the line, `spellings` the
    file's status words, and `warn` what is wrong.
    """
    key, value = found.kind, found.value
    body_lines[index] = None
    if key == "file":
        # the first back-quoted .md name; failing that, any back-quoted path, so that a
        # hostile or mistyped one is reported rather than silently ignored
        guide = _GUIDE.search(value) or _QUOTED.search(value)
        item.guide = guide[1] if guide else None
        item.guide_is_new = value.lower().startswith("new")
        if item.guide and (reason := unsafe_reason(item.guide)):
            warn(f"item {item.number}: guide path '{item.guide}' {reason}", index)
    elif key == "effort":
        item.effort = value
        effort = _EFFORT.search(value)
        if effort:
            low = float(effort[1])
            item.effort_hours = (low, float(effort[2]) if effort[2] else low)
    elif key == "recurrence":
        item.recurrence = value
    elif key == "instructions":
        item.instructions_line = index + 1
        body_lines[index] = value or None  # a value written on the line is body text
    elif key == "status":
        _status_field(item, value, index, spellings, warn)
    elif key == "priority":
        item.own_priority = priority_of(value)
        if item.own_priority is None:
            warn(f"item {item.number}: priority '{value}' is not high, medium or low", index)
    elif key == "extra":
        item.extra_fields.append((found.name, value))
    else:
        del body_lines[index]  # shown in the body as written
        if key is None:
            warn(f"item {item.number}: unknown field '{found.name}' (shown as text)", index)


def _status_field(
    item: Item,
    value: str,
    index: int,
    spellings: dict[Status, str],
    warn: Callable[[str, int], None],
) -> None:
    """An item's own status field: its status when the heading has no marker."""
    read = read_status_value(value)
    if read.status is None:
        warn(
            f"item {item.number}: status '{value}' is not a status word "
            "(not started, in progress, done, blocked); ignored",
            index,
        )
        return
    if item.status_field is not None:
        return  # the first one counts; export keeps only that one in step
    item.status_field = index
    if item.marker_status is None:
        item.marker_status = read.status
    elif item.marker_status != read.status:
        warn(
            f"item {item.number}: its heading's marker says {item.marker_status.value}, its "
            f"status field {read.status.value} (the marker counts; export writes both)",
            index,
        )
    if read.word is not None:
        spellings.setdefault(read.status, value[read.word[0] : read.word[1]])
