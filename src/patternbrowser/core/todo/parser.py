"""Parse a TODO markdown file into the model, from markdown-it tokens and their line maps."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from patternbrowser.core.errors import InputError
from patternbrowser.core.guidepath import unsafe_reason
from patternbrowser.core.safefile import read_snapshot
from patternbrowser.core.status import split_marker
from patternbrowser.core.textfile import TextLines, lines_of
from patternbrowser.core.todo.examples import split_instructions
from patternbrowser.core.todo.labels import match_label, section_priority, strip_symbols
from patternbrowser.core.todo.model import (
    DateLine,
    Item,
    Phase,
    PhaseEntry,
    Problem,
    Section,
    SummaryLine,
    TableRow,
    TodoDocument,
)
from patternbrowser.core.todo.parse_cache import cached_parse

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_ITEM_HEADING = re.compile(r"^(\d+)\.\s+(.*)$")
_PHASE_HEADING = re.compile(r"^Phase\s+(\d+)\s*[-–—:]\s*(.+?)(?:\s*\(([^()]*)\))?\s*$", re.I)
_FIELD = re.compile(r"^\s*\*\*([^*]+?):?\*\*:?\s*(.*?)\s*$")
_ITEM_REF = re.compile(r"\(#(\d+)\)")
_SUMMARY_ENTRY = re.compile(r"^(.+?):\s*(\d+)\s*/\s*(\d+)\b")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # also what export rewrites
_GUIDE = re.compile(r"`([^`]+?\.md)`")
_QUOTED = re.compile(r"`([^`]+)`")
_EFFORT = re.compile(
    r"(?<!\d)(\d{1,6}(?:\.\d{1,3})?)(?:\s*[-–]\s*(\d{1,6}(?:\.\d{1,3})?))?\s*h(?:ours?|rs?)?\b",
    re.I,
)
_DATE_FIELDS = ("Last Updated", "Next Review")
MAX_DIGITS = 9  # item, phase and summary numbers; longer ones are typos or hostile input


# Only block structure matters here; inline parsing (emphasis, links) would cost most of the
# time on a big file, and the raw `content` of inline tokens is all the parser reads.
@cache
def block_markdown() -> MarkdownIt:
    """The block-only parser (markdown-it loads on first use: a cached TODO needs none)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").disable(["inline", "text_join", "reference"])


@dataclass
class _State:
    """What the token walk has seen so far."""

    text: TextLines
    path: Path
    sections: list[Section] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    raw_summary: list[tuple[str, int, int, int]] = field(default_factory=list)
    dates: list[DateLine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    table_rows: list[TableRow] = field(default_factory=list)
    section: Section | None = None
    item: Item | None = None
    phase: Phase | None = None
    in_summary: bool = False

    def warn(self, message: str, line_index: int | None) -> None:
        """Record a problem at a 0-based line index."""
        line = line_index + 1 if line_index is not None else None
        self.problems.append(Problem(message, line, self.path))

    def number(self, digits: str, what: str, line_index: int) -> int | None:
        """`digits` as an int, or None with a warning when it is too long to be meant."""
        if len(digits) > MAX_DIGITS:
            self.warn(
                f"{what} has {len(digits):,} digits (at most {MAX_DIGITS}); ignored", line_index
            )
            return None
        return int(digits)


def parse_todo(path: Path) -> TodoDocument:
    """Read and parse a TODO file; raises InputError when it cannot be used at all."""
    snapshot = read_snapshot(path)
    document = cached_parse(snapshot, lambda: parse_text(lines_of(snapshot), path))
    if not document.items:
        raise InputError("no items found (expected '### N. Title' headings)", path)
    return document


def parse_text(text: TextLines, path: Path) -> TodoDocument:
    """Parse already-read text; problems become warnings with line numbers."""
    state = _State(text, path)
    tokens = block_markdown().parse(text.body())
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            _on_heading(state, token, tokens[index + 1])
        elif token.type == "paragraph_open" and token.map:
            _on_paragraph(state, token, tokens[index + 1])
        elif token.type == "list_item_open" and token.map:
            _on_list_item(state, token, _first_inline(tokens, index))
        elif token.type == "fence" and token.map:
            _on_fence(state, token)
    _close_item(state)
    _check_references(state)
    summary = _resolve_summary(state)
    return TodoDocument(
        path,
        text,
        state.sections,
        state.items,
        state.phases,
        summary,
        state.dates,
        state.problems,
        state.table_rows,
    )


def _first_inline(tokens: list[Token], index: int) -> Token | None:
    """The first inline token of the list item starting at `index`."""
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.type == "inline":
            return token
        if token.type in ("list_item_close", "list_item_open"):
            return None
    return None


def _on_heading(state: _State, token: Token, inline: Token) -> None:
    level = int(token.tag[1:])
    line_index = token.map[0] if token.map else 0
    content = inline.content
    state.in_summary = "progress summary" in content.lower()
    if level <= 3:
        _close_item(state)
        state.phase = None
    if level == 2:
        priority = section_priority(content)
        state.section = Section(content, strip_symbols(content), priority, line_index + 1)
        state.sections.append(state.section)
    elif level == 3:
        _on_h3(state, content, line_index)


def _on_h3(state: _State, content: str, line_index: int) -> None:
    marker_status, _, rest = split_marker(content)
    match = _ITEM_HEADING.match(rest.lstrip())
    number = state.number(match[1], "item number", line_index) if match else None
    if match and number is not None:
        state.item = Item(
            number=number,
            title=match[2].strip(),
            section=state.section,
            line=line_index + 1,
            heading_index=line_index,
            marker_status=marker_status,
        )
        return
    phase = _PHASE_HEADING.match(content)
    if phase and (number := state.number(phase[1], "phase number", line_index)) is not None:
        state.phase = Phase(number, phase[2].strip(), phase[3], line_index + 1)
        state.phases.append(state.phase)


def _close_item(state: _State) -> None:
    if state.item is not None:
        state.items.append(state.item)
        state.item = None


def _on_paragraph(state: _State, token: Token, inline: Token) -> None:
    assert token.map is not None
    start, end = token.map
    if "progress summary" in inline.content.lower():
        state.in_summary = True
        state.phase = None
    for index in range(start, end):
        line = state.text.lines[index]
        if line.lstrip().startswith("|"):
            cells = tuple(cell.strip() for cell in line.strip().strip("|").split("|"))
            state.table_rows.append(TableRow(index, cells))
            continue
        match = _FIELD.match(line)
        if not match:
            continue
        name, value = match[1].strip(), match[2]
        if name in _DATE_FIELDS and (found := DATE.search(value)):
            if _real_date(found.group()):
                state.dates.append(DateLine(name, found.group(), index))
            else:
                state.warn(f"**{name}**: {found.group()} is not a date; ignored", index)
        if state.item is not None:
            _set_field(state, state.item, name, value, index)


def _set_field(state: _State, item: Item, name: str, value: str, index: int) -> None:
    key = name.lower()
    if key == "file":
        # the first back-quoted .md name; failing that, any back-quoted path, so that a
        # hostile or mistyped one is reported rather than silently ignored
        guide = _GUIDE.search(value) or _QUOTED.search(value)
        item.guide = guide[1] if guide else None
        item.guide_is_new = value.lower().startswith("new")
        if item.guide and (reason := unsafe_reason(item.guide)):
            state.warn(f"item {item.number}: guide path '{item.guide}' {reason}", index)
    elif key in ("estimated effort", "effort"):
        item.effort = value
        effort = _EFFORT.search(value)
        if effort:
            low = float(effort[1])
            item.effort_hours = (low, float(effort[2]) if effort[2] else low)
    elif key == "recurrence":
        item.recurrence = value
    elif key == "instructions":
        item.instructions_line = index + 1


def _on_list_item(state: _State, token: Token, inline: Token | None) -> None:
    if inline is None or token.map is None:
        return
    first = token.map[0]
    # the item-reference search runs only on lines of a phase list, not on every list item
    if (
        state.phase is not None
        and state.item is None
        and (refs := _ITEM_REF.findall(inline.content))
    ):
        status, _, _ = split_marker(inline.content)
        number = state.number(refs[0], "item reference", first)
        if number is not None:
            state.phase.entries.append(PhaseEntry(number, inline.content, first, status))
    elif state.in_summary:
        match = _SUMMARY_ENTRY.match(inline.content)
        if match:
            done = state.number(match[2], "summary count", first)
            total = state.number(match[3], "summary count", first)
            if done is not None and total is not None:
                state.raw_summary.append((match[1].strip(), done, total, first))


def _on_fence(state: _State, token: Token) -> None:
    assert token.map is not None
    start, end = token.map
    if not _is_closed(state.text.lines, token, end):
        state.warn("fenced block is never closed", start)
    item = state.item
    if item is None or item.instructions or item.instructions_line is None:
        return
    item.instructions = token.content
    item.instructions_start = start + 2
    _, examples, problems = split_instructions(token.content, item.instructions_start)
    item.examples = examples
    state.problems.extend(Problem(p.message, p.line, state.path) for p in problems)


def _is_closed(lines: list[str], token: Token, end: int) -> bool:
    """markdown-it runs an unclosed fence to the end of the document; spot that case."""
    if end - 1 <= (token.map or (0, 0))[0] or end > len(lines):
        return False
    last = lines[end - 1].strip()
    return last.startswith(token.markup) and not last.strip(token.markup[0])


def _check_references(state: _State) -> None:
    by_number: dict[int, list[Item]] = {}
    for item in state.items:
        same = by_number.setdefault(item.number, [])
        if same:
            state.warn(
                f"duplicate item number {item.number} (first at line {same[0].line})", item.line - 1
            )
        same.append(item)
    for phase in state.phases:
        for entry in phase.entries:
            targets = by_number.get(entry.item_number, [])
            if not targets:
                state.warn(
                    f"phase {phase.number} names item #{entry.item_number}, which does not exist",
                    entry.line_index,
                )
            elif targets[0].phase is not None and targets[0].phase != phase.number:
                state.warn(
                    f"item #{entry.item_number} is listed in phases {targets[0].phase} "
                    f"and {phase.number}",
                    entry.line_index,
                )
            else:
                for target in targets:
                    target.phase = phase.number


def _resolve_summary(state: _State) -> list[SummaryLine]:
    groups = list(dict.fromkeys(section.group for section in _item_sections(state)))
    summary: list[SummaryLine] = []
    for label, done, total, index in state.raw_summary:
        group = match_label(label, groups)
        if group is None:
            state.warn(f"summary label '{label}' matches no group", index)
        summary.append(SummaryLine(label, done, total, index, group))
    return summary


def _item_sections(state: _State) -> Iterator[Section]:
    with_items = {id(item.section) for item in state.items}
    for section in state.sections:
        if id(section) in with_items or section.priority is not None:
            yield section


def _real_date(text: str) -> bool:
    """True for a YYYY-MM-DD that names a day of the calendar (not 2025-02-30)."""
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
