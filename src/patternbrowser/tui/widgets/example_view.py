"""One of an item's examples: a code block titled with its number and language."""

from __future__ import annotations

from patternbrowser.core.todo.model import Example
from patternbrowser.tui.widgets.code_block import CodeBlockView


class ExampleView(CodeBlockView):
    """An item's example; the current one (for `[`, `]` and `c`) carries `-current`."""

    def __init__(self, example: Example, total: int) -> None:
        """Show `example`, the n-th of `total`."""
        super().__init__(example, f"Example {example.number}/{total} · {example.language}")
