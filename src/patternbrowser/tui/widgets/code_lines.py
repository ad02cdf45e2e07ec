"""Numbered code: the lines as drawn, their width, and their highlighting (done once per code)."""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len
from textual.content import Content

from patternbrowser.core.sanitize import visible
from patternbrowser.render.prose import MARK_STYLE


def _gutter(line_count: int) -> int:
    """Cells taken by the line number and its separator."""
    return len(str(line_count)) + 3


def display_lines(code: str) -> list[str]:
    """The lines as drawn: control characters made visible, tabs expanded."""
    # split as the highlighter does, so both agree on the number of lines
    return visible(code).expandtabs(8).splitlines() or [""]


def numbered_width(lines: list[str]) -> int:
    """Cells the numbered `lines` take: the gutter and the longest line."""
    return _gutter(len(lines)) + max(cell_len(line) for line in lines)


@lru_cache(maxsize=256)  # the same draft or guide block, shown again: highlighted once
def numbered(code: str, language: str, marks: tuple[str, ...] = ()) -> Content:
    """The code highlighted with Pygments, each line numbered, the words in `marks` marked.

    Its colours are theme variables, resolved when drawn, so one highlighting serves every theme.
    """
    from textual.highlight import highlight  # Pygments: loaded when code is first drawn

    source = display_lines(code)
    highlighted = highlight("\n".join(source), language=language or "text")
    lines = highlighted.split("\n", allow_blank=True)
    lines += [Content("")] * (len(source) - len(lines))  # the highlighter drops a last blank
    width = _gutter(len(lines)) - 3
    return Content("\n").join(
        Content.styled(f"{number:>{width}} │ ", "$text-muted") + _marked(line, marks)
        for number, line in enumerate(lines, 1)
    )


def _marked(line: Content, marks: tuple[str, ...]) -> Content:
    """`line` with each occurrence of the words in `marks` (any case) marked."""
    plain = line.plain
    for word in filter(None, marks):
        for found in re.finditer(re.escape(word), plain, re.IGNORECASE):
            line = line.stylize(MARK_STYLE, found.start(), found.end())
    return line
