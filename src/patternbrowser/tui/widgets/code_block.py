"""A framed code block: numbered, highlighted lines that scroll sideways."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.geometry import Size

from patternbrowser.core.sanitize import one_line
from patternbrowser.core.todo.model import Example
from patternbrowser.core.wording import counted
from patternbrowser.tui.widgets.code_lines import CodeLines


class CodeBlockView(ScrollableContainer, can_focus=False):
    """A framed, numbered code block.

    Long lines are not wrapped (that would break the line numbers): the block scrolls
    sideways instead.
    """

    def __init__(self, example: Example, title: str) -> None:
        """Show `example`'s code under `title`."""
        super().__init__()
        self.example = example
        self.code_lines = CodeLines(example.code, example.language)
        self._frame(title)

    def show_example(self, example: Example, title: str) -> None:
        """Show another example's code under `title`, from its first column."""
        if (example, title) == (self.example, self._title):
            return
        self.example = example
        self.code_lines.show(example.code, example.language)
        self._frame(title)
        self.scroll_x = 0

    def _frame(self, title: str) -> None:
        """The frame's title and, below, the number of lines."""
        # the title holds text from files (a language, a skip reason): never markup
        self._title = title
        self.border_title = Content(one_line(title))
        self.border_subtitle = counted(len(self.example.code.splitlines()), "line")

    def compose(self) -> ComposeResult:
        """The numbered code, highlighted when first drawn."""
        yield self.code_lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The code's height, plus the sideways scrollbar that code wider than `width` gets.

        Textual adds the scrollbar only once a layout has shown the code too wide, so the
        block would grow by a line and the whole pane be laid out again; counting it from
        the start lays the pane out right the first time.
        """
        height = super().get_content_height(container, viewport, width)
        if not self.show_horizontal_scrollbar and self.code_lines.code_width > width:
            height += self.styles.scrollbar_size_horizontal
        return height
