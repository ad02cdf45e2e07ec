"""One code example: a caption, line numbers and highlighting that follows the app's theme."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.highlight import highlight
from textual.widgets import Static

from patternbrowser.core.model import Example
from patternbrowser.core.sanitize import visible


def numbered(code: str, language: str) -> Content:
    """The code highlighted with Pygments, each line prefixed by its number."""
    highlighted = highlight(visible(code), language=language or "text")
    lines = highlighted.split("\n", allow_blank=True) or [Content("")]
    width = len(str(len(lines)))
    return Content("\n").join(
        Content.styled(f"{number:>{width}} │ ", "$text-muted") + line
        for number, line in enumerate(lines, 1)
    )


class ExampleView(ScrollableContainer, can_focus=False):
    """A highlighted example; the current one (for `[`, `]` and `c`) carries `-current`.

    Long lines are not wrapped (that would break the line numbers): the example scrolls
    sideways instead.
    """

    def __init__(self, example: Example, total: int) -> None:
        """Show `example`, the n-th of `total`."""
        super().__init__()
        self.example = example
        lines = len(example.code.splitlines())
        self.border_title = f"Example {example.number}/{total} · {example.language}"
        self.border_subtitle = f"{lines} line{'s' * (lines != 1)}"

    def compose(self) -> ComposeResult:
        """The numbered, highlighted code."""
        yield Static(numbered(self.example.code, self.example.language), classes="code")
