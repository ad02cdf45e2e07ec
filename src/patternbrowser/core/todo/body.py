"""An item's body written under its heading: prose, lists and code blocks (each an example)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from patternbrowser.core.todo.model import Example, Segment

if TYPE_CHECKING:
    from markdown_it.token import Token

CODE_TOKENS = ("fence", "code_block")


@dataclass
class Body:
    """What a body gives the item: its text, its segments and its examples."""

    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)


def collect_body(
    lines: Sequence[str],
    span: tuple[int, int],
    replaced: dict[int, str | None],
    blocks: Sequence[Token],
) -> Body:
    """The body of lines `span` (0-based, end excluded), without field lines.

    `replaced` maps a line to the text shown for it, or to None (a field line, left out);
    `blocks` are the code block tokens inside the span.
    """
    start, end = span
    body = Body()
    kept: list[str] = []
    prose: list[str] = []

    def take(first: int, last: int) -> None:
        for index in range(first, last):
            line = replaced[index] if index in replaced else lines[index]
            if line is not None:
                prose.append(line)
                kept.append(line)

    def flush() -> None:
        text = "\n".join(prose).strip("\n")
        if text.strip():
            body.segments.append(text)
        prose.clear()

    position = start
    for block in sorted(blocks, key=lambda token: (token.map or (0, 0))[0]):
        assert block.map is not None
        first, last = block.map
        if first < position or first >= end:
            continue
        take(position, first)
        flush()
        example = _example(len(body.examples) + 1, block)
        body.examples.append(example)
        body.segments.append(example)
        kept.extend(lines[first : min(last, end)])
        position = min(last, end)
    take(position, end)
    flush()
    body.text = "\n".join(kept).strip("\n")
    return body


def _example(number: int, token: Token) -> Example:
    """A fence (its language from the info string) or an indented code block (text)."""
    assert token.map is not None
    info = token.info.split() if token.type == "fence" else []  # "```   ": no words at all
    language = info[0].lower() if info else ""
    code_lines = token.content.split("\n")
    while code_lines and not code_lines[-1].strip():
        code_lines.pop()
    first_code_line = token.map[0] + (2 if token.type == "fence" else 1)
    return Example(number, language or "text", "\n".join(code_lines), first_code_line)
