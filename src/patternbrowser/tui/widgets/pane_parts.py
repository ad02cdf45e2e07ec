"""The widgets that draw the item pane's parts, changed in place from one item to the next.

Mounting a widget costs Textual its construction, styling, composing and a round of
messages, and removing one as much again (and each a second layout of the screen); most
items are drawn by the same kinds of widget in the same order (a caption, prose, an
example, prose), so the widgets already there are given the new parts, those not needed
are hidden for later items, and only what is still missing is added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import ConsoleOptions
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from patternbrowser.core.guides.samples import OutputBlock, Sample
from patternbrowser.core.todo.model import Example
from patternbrowser.render.prose import is_marked
from patternbrowser.tui.parts_cache import Kept
from patternbrowser.tui.widgets.code_block import CodeBlockView
from patternbrowser.tui.widgets.example_view import ExampleView
from patternbrowser.tui.widgets.one_pass import Line, PaneText


@dataclass(frozen=True)
class Note:
    """A line of the pane's own, a caption or a message, drawn with the style `classes`."""

    text: str | Text  # a str is the app's own wording; text from files comes as Text
    classes: str


Drawn = Kept | Sample | OutputBlock | Note  # prose, an example, output, or a note


class Prose(PaneText):
    """A prose run: its height counted from its text, so it is rendered only when in view."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The lines the prose wraps to at `width`, as Textual would render them."""
        content = self.content
        if not isinstance(content, Kept) or width <= 0:
            return super().get_content_height(container, viewport, width)
        return content.height(self.app.console, self._options(width))

    def first_marked_line(self) -> int | None:
        """The first of the lines drawn that holds a marked word (None if none does)."""
        content, width = self.content, self.size.width
        if not isinstance(content, Kept) or width <= 0:
            return None
        lines = self.app.console.render_lines(content, self._options(width), pad=False)
        for number, line in enumerate(lines):
            if any(is_marked(segment.style) for segment in line):
                return number
        return None

    def _options(self, width: int) -> ConsoleOptions:
        """The options Textual renders the prose with at `width`."""
        return self.app.console_options.update_width(width).update(highlight=False)


def _output(block: OutputBlock) -> tuple[Example, str]:
    """An output listing as a code block and its frame's title."""
    example = Example(0, block.language, block.code, block.line)
    return example, f"{block.language} · output, not an example"


def new_widget(part: Drawn) -> Widget:
    """A widget that draws `part`."""
    if isinstance(part, Sample):
        return ExampleView(part)
    if isinstance(part, OutputBlock):
        return CodeBlockView(*_output(part))
    if isinstance(part, Note):
        return Line(part.text, classes=part.classes)
    return Prose(part, classes="prose")  # one Static per prose run: lighter than Markdown


def redrawn(widget: Widget, part: Drawn) -> bool:
    """Whether `widget` now draws `part`, changed in place; False if it is another kind."""
    if isinstance(part, Sample):
        if type(widget) is not ExampleView:
            return False
        widget.show_sample(part)
        return True
    if isinstance(part, OutputBlock):
        if type(widget) is not CodeBlockView:
            return False
        widget.show_example(*_output(part))
        return True
    content: str | Text | Kept
    kind: type[Static]
    if isinstance(part, Note):
        content, classes, kind = part.text, part.classes, Line
    else:
        content, classes, kind = part, "prose", Prose
    if type(widget) is not kind or widget.classes != {classes}:
        return False
    if widget.content is not content and widget.content != content:
        widget.update(content)
    return True


SPARE = 24  # hidden widgets a container keeps for later items; more are removed


@dataclass(frozen=True)
class Refill:
    """How a container's children become the widgets of new parts."""

    widgets: list[Widget]  # every widget shown, in order, once `new` is mounted
    new: list[Widget]  # to mount after every child
    spare: list[Widget]  # to hide: drawing nothing now, kept for later items
    stale: list[Widget]  # to remove: spares beyond SPARE


def refill(container: Widget, parts: Sequence[Drawn]) -> Refill:
    """Change the children of `container` in place to draw `parts`, as far as their kinds go."""
    # each part goes to the next child that can draw it; the children passed over are
    # hidden, not removed: removing and mounting cost a second layout once their messages
    # are handled. The parts no child is left for get new widgets, after every child.
    children = list(container.children)
    shown: list[Widget] = []
    spare: list[Widget] = []
    next_child = 0
    for index, part in enumerate(parts):
        found = _next_to_draw(part, children, next_child)
        if found is None:
            new = [new_widget(rest) for rest in parts[index:]]
            break
        spare += children[next_child:found]
        shown.append(children[found])
        next_child = found + 1
    else:
        new = []
    spare += children[next_child:]
    return Refill(shown + new, new, spare[:SPARE], spare[SPARE:])


def _next_to_draw(part: Drawn, children: list[Widget], start: int) -> int | None:
    """The index of the first of `children` from `start` now drawing `part`; None if none can."""
    for index in range(start, len(children)):
        if redrawn(children[index], part):
            return index
    return None
