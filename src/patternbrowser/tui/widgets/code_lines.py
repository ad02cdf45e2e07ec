"""Numbered code, highlighted by Pygments in the app's theme colours when first drawn."""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from patternbrowser.core.sanitize import visible


def _gutter(line_count: int) -> int:
    """Cells taken by the line number and its separator."""
    return len(str(line_count)) + 3


def display_lines(code: str) -> list[str]:
    """The lines as drawn: control characters made visible, tabs expanded."""
    # split as the highlighter does, so both agree on the number of lines
    return visible(code).expandtabs(8).splitlines() or [""]


@lru_cache(maxsize=256)  # the same draft or guide block, shown again: highlighted once
def numbered(code: str, language: str) -> Content:
    """The code highlighted with Pygments, each line prefixed by its number.

    Its colours are theme variables, resolved when drawn, so one highlighting serves every theme.
    """
    from textual.highlight import highlight  # Pygments: loaded when code is first drawn

    source = display_lines(code)
    highlighted = highlight("\n".join(source), language=language or "text")
    lines = highlighted.split("\n", allow_blank=True)
    lines += [Content("")] * (len(source) - len(lines))  # the highlighter drops a last blank
    width = _gutter(len(lines)) - 3
    return Content("\n").join(
        Content.styled(f"{number:>{width}} │ ", "$text-muted") + line
        for number, line in enumerate(lines, 1)
    )


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
        self.code_width = 0
        self._fit()

    def show(self, code: str, language: str) -> None:
        """Show other code (highlighted when next drawn)."""
        if (code, language) == (self.code, self.language):
            return
        self.code, self.language, self._content = code, language, None
        self._fit()
        self.refresh(layout=True)

    def _fit(self) -> None:
        """Size the widget for its code."""
        lines = display_lines(self.code)
        self.code_width = _gutter(len(lines)) + max(cell_len(line) for line in lines)
        self.styles.height = len(lines)
        self.styles.width = self.code_width

    @property
    def highlighted(self) -> bool:
        """Whether the code has been drawn (and so highlighted) yet."""
        return self._content is not None

    def render(self) -> Content:
        """The highlighted lines (computed once)."""
        if self._content is None:
            self._content = numbered(self.code, self.language)
        return self._content
