"""A framed code block: numbered, highlighted lines that scroll sideways."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import ScrollableContainer
from textual.content import Content

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
        lines = len(example.code.splitlines())
        # the title holds text from files (a language, a skip reason): never markup
        self.border_title = Content(one_line(title))
        self.border_subtitle = counted(lines, "line")

    def compose(self) -> ComposeResult:
        """The numbered code, highlighted when first drawn."""
        yield CodeLines(self.example.code, self.example.language)
