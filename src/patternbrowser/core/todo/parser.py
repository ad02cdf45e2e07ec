"""Parse a TODO markdown file into the model, from markdown-it tokens and their line maps."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from patternbrowser.core.errors import InputError
from patternbrowser.core.safefile import read_snapshot
from patternbrowser.core.status import Status, split_marker
from patternbrowser.core.textfile import TextLines, lines_of
from patternbrowser.core.todo.body import CODE_TOKENS, collect_body
from patternbrowser.core.todo.examples import split_instructions
from patternbrowser.core.todo.fields import apply_field, field_line
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
_ITEM_REF = re.compile(r"\(#(\d+)\)")
_SUMMARY_ENTRY = re.compile(r"^(.+?):\s*(\d+)\s*/\s*(\d+)\b")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # also what export rewrites
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
    # the open item's field lines (None: left out of its body; text: what the body shows)
    field_lines: dict[int, str | None] = field(default_factory=dict)
    blocks: list[Token] = field(default_factory=list)  # the open item's code blocks
    rules: set[int] = field(default_factory=set)  # lines of thematic breaks (`---`)
    orphans: list[Problem] = field(default_factory=list)  # text before the first item
    spellings: dict[Status, str] = field(default_factory=dict)

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
        raise InputError(
            "no items found (expected '### N. Title' headings or '- [ ] task' lines)", path
        )
    return document


def parse_text(text: TextLines, path: Path) -> TodoDocument:
    """Parse already-read text; problems become warnings with line numbers."""
    state = _State(text, path)
    tokens = block_markdown().parse(text.body())
    for index, token in enumerate(tokens):
        if token.level == 0 and token.map and state.item is None and not state.items:
            _orphan(state, token)
        if token.type == "heading_open":
            _on_heading(state, token, tokens[index + 1])
        elif token.type == "paragraph_open" and token.map:
            _on_paragraph(state, token, tokens[index + 1])
        elif token.type == "list_item_open" and token.map:
            _on_list_item(state, token, _first_inline(tokens, index))
        elif token.type in CODE_TOKENS and token.map:
            _on_fence(state, token)
        elif token.type == "hr" and token.map:
            state.rules.add(token.map[0])
    _close_item(state, len(text.lines))
    if not state.items:
        from patternbrowser.core.todo.tasks import parse_checklist

        checklist = parse_checklist(text, path, tokens, state.problems)
        if checklist is not None:
            return checklist
    state.problems[:0] = state.orphans
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
        spellings=state.spellings,
    )


_ORPHAN_TOKENS = ("paragraph_open", "bullet_list_open", "ordered_list_open", "blockquote_open")


def _orphan(state: _State, token: Token) -> None:
    """Report a block before the first item: no item shows it (a header of fields is fine)."""
    assert token.map is not None
    start, end = token.map
    lines = state.text.lines[start:end]
    if token.type == "paragraph_open" and all(field_line(line) for line in lines):
        return
    if token.type == "html_block" and token.content.lstrip().startswith("<!--"):
        return
    if token.type in (*_ORPHAN_TOKENS, *CODE_TOKENS, "html_block"):
        line = start + 1
        state.orphans.append(
            Problem("text before the first item belongs to no item (not shown)", line, state.path)
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
        _close_item(state, line_index)
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


def _close_item(state: _State, end: int) -> None:
    """Close the open item at line `end`.

    Without an Instructions fence, its body is the text between its heading and `end`, minus
    its field lines.
    """
    item = state.item
    if item is None:
        return
    if not item.instructions_start:
        lines = state.text.lines
        first = item.heading_index + 1
        while end > first and (not lines[end - 1].strip() or end - 1 in state.rules):
            end -= 1  # blank lines and a closing rule belong to no item
        body = collect_body(lines, (first, end), state.field_lines, state.blocks)
        item.instructions, item.segments, item.examples = body.text, body.segments, body.examples
    state.items.append(item)
    state.item = None
    state.field_lines, state.blocks = {}, []


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
        found = field_line(line)
        if found is None:
            continue
        name, value = found.name, found.value
        if name in _DATE_FIELDS and (stamp := DATE.search(value)):
            if _real_date(stamp.group()):
                state.dates.append(DateLine(name, stamp.group(), index))
            else:
                state.warn(f"**{name}**: {stamp.group()} is not a date; ignored", index)
        if state.item is not None:
            apply_field(state.item, found, index, state.field_lines, state.spellings, state.warn)


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
    if token.type == "fence" and not _is_closed(state.text.lines, token, end):
        state.warn("fenced block is never closed", start)
    item = state.item
    if item is None:
        return
    if not _is_instructions(state, item, token):
        state.blocks.append(token)
        return
    item.instructions = token.content
    item.instructions_start = start + 2
    _, examples, problems = split_instructions(token.content, item.instructions_start)
    item.examples = examples
    state.problems.extend(Problem(p.message, p.line, state.path) for p in problems)


def _is_instructions(state: _State, item: Item, token: Token) -> bool:
    """True for the fence right after the item's `**Instructions**:` line (blanks between).

    Any other code block is an example of a body written as prose.
    """
    if item.instructions_start or item.instructions_line is None or token.type != "fence":
        return False
    start = (token.map or (0, 0))[0]
    between = state.text.lines[item.instructions_line : start]
    return start >= item.instructions_line and not any(line.strip() for line in between)


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
