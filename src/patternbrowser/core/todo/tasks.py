"""Plain markdown task lists (`- [ ] task`) read as a checklist: each task an item."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from patternbrowser.core.status import Status
from patternbrowser.core.textfile import TextLines
from patternbrowser.core.todo.body import CODE_TOKENS, collect_body
from patternbrowser.core.todo.model import Cookie, Item, Problem, Section, TaskMark, TodoDocument

if TYPE_CHECKING:
    from markdown_it.token import Token

# the start of a task's text, as markdown-it gives it: `[c]` then a space (or nothing)
_CHECKBOX = re.compile(r"^\[([^\]\n\r])\](?=[ \t]|$)")
# what may come before the checkbox on its line: indentation, quote marks, list markers
_TASK_PREFIX = re.compile(r"^(?:[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+)+$")
COOKIE = re.compile(r"\[(\d*)/(\d*)\]|\[(\d*)%\]")  # Org's `[n/m]` and `[p%]` (also empty)
TASK_CHARS: dict[str, Status] = {
    " ": Status.NOT_STARTED,
    "x": Status.COMPLETED,
    "X": Status.COMPLETED,
    "/": Status.IN_PROGRESS,
    "~": Status.IN_PROGRESS,
    "!": Status.BLOCKED,
}
DEFAULT_CHARS = {Status.NOT_STARTED: " ", Status.COMPLETED: "x", Status.IN_PROGRESS: "/"}
DEFAULT_CHARS[Status.BLOCKED] = "!"
PATH_SEPARATOR = " › "


@dataclass
class _Open:
    """A heading still open (its level, its section, the cookie it carries)."""

    level: int
    section: Section
    cookie: tuple[int, int, int] | None  # line index, start, end
    tasks: list[int] = field(default_factory=list)


@dataclass
class _Task:
    """A task found, with the lines its own body may use."""

    item: Item
    span: tuple[int, int]  # the list item's lines
    first_body_line: int  # the line after the task's own first line
    children: list[tuple[int, int]] = field(default_factory=list)


def parse_checklist(
    text: TextLines, path: Path, tokens: list[Token], problems: list[Problem]
) -> TodoDocument | None:
    """The checklist of a file without `### N. Title` items, or None when it has no task."""
    tasks: list[_Task] = []
    sections: list[Section] = []
    headings: list[_Open] = []
    cookies: list[Cookie] = []
    spellings: dict[Status, str] = {}
    problems = list(problems)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            level = int(token.tag[1:])
            while headings and headings[-1].level >= level:
                cookies += _closed(headings.pop())
            opened = _heading(text, token, tokens[index + 1].content, headings)
            headings.append(opened)
            sections.append(opened.section)
        elif token.type == "list_item_open" and token.map:
            task = _task(text, tokens, index, len(tasks) + 1, headings, tasks)
            if task is None:
                continue
            tasks.append(task)
            for heading in headings:
                heading.tasks.append(task.item.number)
            mark = task.item.task
            assert mark is not None
            if task.item.marker_status is None:
                problems.append(
                    Problem(
                        f"task {task.item.number}: '[{mark.char}]' is not a status "
                        "([ ], [x], [/], [~], [!]); left as it is",
                        task.item.line,
                        path,
                    )
                )
            else:
                spellings.setdefault(task.item.marker_status, mark.char)
    if not tasks:
        return None
    while headings:
        cookies += _closed(headings.pop())
    blocks = [t for t in tokens if t.type in CODE_TOKENS and t.map]
    for task in tasks:
        _fill_body(text, task, blocks)
    return TodoDocument(
        path,
        text,
        sections,
        [task.item for task in tasks],
        [],
        [],
        [],
        problems,
        kind="checklist",
        cookies=sorted(cookies, key=lambda cookie: cookie.line_index),
        spellings=spellings,
    )


def _heading(text: TextLines, token: Token, content: str, outer: list[_Open]) -> _Open:
    """A heading as a group: its path names it; a cookie at its end is remembered."""
    assert token.map is not None
    level = int(token.tag[1:])
    cookie = None
    title = content
    found = list(COOKIE.finditer(content))
    if found and found[-1].end() == len(content.rstrip()):
        title = content[: found[-1].start()].rstrip()
        # a setext heading's text ends on the line above its underline
        last = token.map[0] if token.markup.startswith("#") else token.map[1] - 2
        raw = text.lines[last]
        start = raw.rfind(found[-1].group())
        if start >= 0:
            cookie = (last, start, start + len(found[-1].group()))
    name = PATH_SEPARATOR.join([*(h.section.title for h in outer), title.strip() or "(untitled)"])
    return _Open(level, Section(title, name, None, token.map[0] + 1), cookie)


def _closed(heading: _Open) -> list[Cookie]:
    if heading.cookie is None:
        return []
    line, start, end = heading.cookie
    return [Cookie(line, start, end, tuple(heading.tasks))]


def _task(
    text: TextLines,
    tokens: list[Token],
    index: int,
    number: int,
    headings: list[_Open],
    earlier: list[_Task],
) -> _Task | None:
    """The task a list item holds, when its text starts with a checkbox."""
    token = tokens[index]
    paragraph = tokens[index + 1] if index + 1 < len(tokens) else None
    if paragraph is None or paragraph.type != "paragraph_open" or not paragraph.map:
        return None
    content = tokens[index + 2].content
    box = _CHECKBOX.match(content)
    if box is None:
        return None
    line_index = paragraph.map[0]
    raw = text.lines[line_index]
    column = raw.find("[")
    # the character must sit where the file has it, after nothing but list markers
    if raw[column : column + 3] != box.group() or not _TASK_PREFIX.match(raw[:column]):
        return None
    char = box[1]
    assert token.map is not None
    span = (token.map[0], token.map[1])
    parent = None
    for task in reversed(earlier):
        if task.span[0] <= span[0] and span[1] <= task.span[1]:
            parent = task
            break
    item = Item(
        number=number,
        title=content.split("\n", 1)[0][box.end() :].strip(),
        section=headings[-1].section if headings else None,
        line=line_index + 1,
        heading_index=line_index,
        marker_status=TASK_CHARS.get(char),
        task=TaskMark(line_index, column + 1, char),
        parent=parent.item.number if parent else None,
    )
    if parent is not None:
        parent.children.append(span)
    return _Task(item, span, line_index + 1)


def _fill_body(text: TextLines, task: _Task, blocks: list[Token]) -> None:
    """A task's body: its continuation lines and nested content, nested tasks left out."""
    start, end = task.first_body_line, task.span[1]
    lines = text.lines
    while end > start and not lines[end - 1].strip():
        end -= 1
    skipped: dict[int, str | None] = {}
    for first, last in task.children:
        skipped.update(dict.fromkeys(range(first, last)))
    own = [
        block
        for block in blocks
        if block.map
        and start <= block.map[0] < end
        and not any(first <= block.map[0] < last for first, last in task.children)
    ]
    body = collect_body(lines, (start, end), skipped, own)
    item = task.item
    item.segments = [textwrap.dedent(s) if isinstance(s, str) else s for s in body.segments]
    item.examples = body.examples
    item.instructions = textwrap.dedent(body.text)
