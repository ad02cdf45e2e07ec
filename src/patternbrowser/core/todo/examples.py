"""Code examples inside an item's instructions: escaped and unescaped inner fences."""

from __future__ import annotations

import re

from patternbrowser.core.todo.model import Example, Item, Problem, Segment

# An opening fence inside instructions: `\```python` (escaped) or "```toml" (unescaped; the
# outer fence cannot contain a bare ``` line, so an unescaped opener always has a language).
_OPEN = re.compile(r"^[ ]{0,3}(?P<escape>\\?)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\s]*)[^`]*$")
_CLOSE = re.compile(r"^[ ]{0,3}\\?(?P<fence>`{3,}|~{3,})[ \t]*$")


def instruction_segments(item: Item) -> list[Segment]:
    """An item's instructions as prose runs and examples, in order (as the views show them)."""
    if item.segments is not None:  # a body written under the heading, split when parsed
        return item.segments
    return split_instructions(item.instructions, item.instructions_start)[0]


def split_instructions(
    content: str, first_line: int
) -> tuple[list[Segment], list[Example], list[Problem]]:
    """Split an instructions block (content starting at `first_line`) into prose and examples."""
    segments: list[Segment] = []
    examples: list[Example] = []
    problems: list[Problem] = []
    prose: list[str] = []
    body: list[str] = []
    language, fence_char = "", "`"
    opened_at: int | None = None

    def close() -> None:
        assert opened_at is not None
        example = _example(len(examples) + 1, language, body, opened_at)
        examples.append(example)
        if prose:
            segments.append("\n".join(prose))
            prose.clear()
        segments.append(example)

    for offset, line in enumerate(content.split("\n")):
        if opened_at is None:
            match = _OPEN.match(line)
            if match and (match["escape"] or match["info"]):
                language, opened_at, body = match["info"].lower(), first_line + offset, []
                fence_char = match["fence"][0]
            else:
                prose.append(line)
            continue
        end = _CLOSE.match(line)
        if end and end["fence"][0] == fence_char:
            close()
            opened_at = None
        else:
            body.append(line)
    if opened_at is not None:
        problems.append(Problem("example fence is never closed", opened_at))
        close()
    if any(line.strip() for line in prose):
        segments.append("\n".join(prose))
    return segments, examples, problems


def _example(number: int, language: str, body: list[str], opened_at: int) -> Example:
    while body and not body[-1].strip():
        body = body[:-1]
    return Example(number, language or "text", "\n".join(body), opened_at + 1)
