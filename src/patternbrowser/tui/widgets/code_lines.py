"""Numbered code, highlighted by Pygments in the app's theme colours when first drawn."""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from patternbrowser.core.sanitize import visible
from patternbrowser.render.prose import MARK_STYLE


def _gutter(line_count: int) -> int:
    """Cells taken by the line number and its separator."""
    return len(str(line_count)) + 3


def display_lines(code: str) -> list[str]:
    """The lines as drawn: control characters made visible, tabs expanded."""
    # split as the highlighter does, so both agree on the number of lines
    return visible(code).expandtabs(8).splitlines() or [""]


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


class CodeLines(Widget):
    """Numbered, highlighted code, highlighted only when it is first drawn.

    Its size is known from the text alone, so layout never needs the highlighting and an
    example below the fold costs nothing until it is scrolled into view.
    """

    def __init__(self, code: str, language: str) -> None:
        """Size the widget for `code`; highlight it on first render."""
        super().__init__(classes="code")
        self.code = code
        self.language = language
        self._content: Content | None = None
        self.marks: tuple[str, ...] = ()  # the filter's words this code holds, marked
        self.code_width = 0
        self._fit()

    def show(self, code: str, language: str) -> None:
        """Show other code (highlighted when next drawn)."""
        if (code, language) == (self.code, self.language):
            return
        self.code, self.language, self._content, self.marks = code, language, None, ()
        self._fit()
        self.refresh(layout=True)

    def _fit(self) -> None:
        """Size the widget for its code."""
        lines = display_lines(self.code)
        self.code_width = _gutter(len(lines)) + max(cell_len(line) for line in lines)
        self.styles.height = len(lines)
        self.styles.width = self.code_width

    def mark(self, words: tuple[str, ...]) -> None:
        """Mark those of the filter's `words` the code holds (redrawn only if that changes)."""
        folded = self.code.casefold()
        marks = tuple(word for word in words if word and word in folded)
        if marks != self.marks:
            self.marks, self._content = marks, None
            self.refresh()

    @property
    def highlighted(self) -> bool:
        """Whether the code has been drawn (and so highlighted) yet."""
        return self._content is not None

    def render(self) -> Content:
        """The highlighted lines (computed once)."""
        if self._content is None:
            self._content = numbered(self.code, self.language, self.marks)
        return self._content
