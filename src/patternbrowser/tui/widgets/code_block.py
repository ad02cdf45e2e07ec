"""A framed code block: numbered, highlighted lines that scroll sideways."""

from __future__ import annotations

from rich.style import Style as RichStyle
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from patternbrowser.core.sanitize import one_line
from patternbrowser.core.todo.model import Example
from patternbrowser.core.todo.search import words_in
from patternbrowser.core.wording import counted
from patternbrowser.tui.widgets.code_lines import display_lines, numbered, numbered_width
from patternbrowser.tui.widgets.one_pass import OnePass


class CodeBlockView(ScrollView, can_focus=False):
    """A framed, numbered code block, highlighted when first drawn.

    Long lines are not wrapped (that would break the line numbers): the block scrolls
    sideways instead. It draws its lines itself (Textual's line API), one widget per
    block: its size is known from the text alone, so layout never needs the highlighting,
    a block below the fold costs nothing until scrolled into view, and only the lines in
    view are turned into strips.
    """

    def __init__(self, example: Example, title: str) -> None:
        """Show `example`'s code under `title`."""
        super().__init__()
        self.example = example
        self.code_width = 0
        self._title = ""
        self._lines: list[Content] | None = None  # highlighted when first drawn
        self._strips: dict[int, Strip] = {}  # lines drawn, in the style they were drawn in
        self._strips_style: tuple[Style, str] | None = None  # the widget's style, the theme
        self.marks: tuple[str, ...] = ()  # the filter's words this code holds, marked
        self._fit()
        self._frame(title)

    @property
    def highlighted(self) -> bool:
        """Whether the code has been drawn (and so highlighted) yet."""
        return self._lines is not None

    @property
    def content(self) -> Content:
        """The numbered, highlighted code."""
        return numbered(self.example.code, self.example.language, self.marks)

    def mark(self, words: tuple[str, ...]) -> None:
        """Mark those of the filter's `words` the code holds (drawn again only if that changes)."""
        marks = words_in(self.example.code, words)
        if marks != self.marks:
            self.marks = marks
            self._lines = None
            self._strips.clear()
            self.refresh()

    def first_marked_line(self) -> int | None:
        """The first of the block's lines, its frame's top line counted, with a marked word."""
        for number, line in enumerate(display_lines(self.example.code)):
            if words_in(line, self.marks):
                return self.styles.gutter.top + number
        return None

    def show_example(self, example: Example, title: str) -> None:
        """Show another example's code under `title`, from its first column."""
        if (example, title) == (self.example, self._title):
            return
        same_code = (example.code, example.language) == (
            self.example.code,
            self.example.language,
        )
        self.example = example
        if not same_code:
            self._lines, self.marks = None, ()
            self._strips.clear()
            self._fit()
            self.refresh(layout=True)
        self._frame(title)
        self.scroll_x = 0

    def _fit(self) -> None:
        """Size the scrollable area for the code."""
        lines = display_lines(self.example.code)
        self.code_width = numbered_width(lines)
        # quietly: a block being mounted is laid out anyway, and `show_example` asks for it
        self.set_reactive(ScrollView.virtual_size, Size(self.code_width, len(lines)))

    def _frame(self, title: str) -> None:
        """The frame's title and, below, the number of lines."""
        # the title holds text from files (a language, a skip reason): never markup
        self._title = title
        self.border_title = Content(one_line(title))
        self.border_subtitle = counted(len(self.example.code.splitlines()), "line")

    @property
    def horizontal_scrollbar(self) -> ScrollBar:
        """The sideways scrollbar: one that follows the block's size without a layout of its own."""
        # Textual makes a plain ScrollBar here (Widget.horizontal_scrollbar), whose size
        # change after each layout asks for another layout of the whole screen
        if self._horizontal_scrollbar is None:
            thickness = self.scrollbar_size_horizontal
            bar = SidewaysBar(vertical=False, name="horizontal", thickness=thickness)
            bar.display = False
            self._horizontal_scrollbar = bar
            self.app._start_widget(self, bar)
        return self._horizontal_scrollbar

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The code's height; code wider than `width` gets its sideways scrollbar now."""
        # Textual shows the scrollbar only once a layout has found the code too wide (or
        # hides it once narrow), and the block's new height lays the whole pane out again.
        # Decided here, where the width is known, the pane is laid out right the first time
        # (Textual adds the scrollbar's line to the height returned).
        wide = self.code_width > width
        if wide != self.show_horizontal_scrollbar:
            # set quietly: this layout places the scrollbar; the reactive and the `display`
            # property would each ask for another layout
            self.set_reactive(ScrollView.show_horizontal_scrollbar, wide)
            self.horizontal_scrollbar.styles.set_rule("display", "block" if wide else "none")
        return self.virtual_size.height

    def render_lines(self, crop: Region) -> list[Strip]:
        """The block's lines within `crop`, the code's lines among them drawn in one go."""
        style = self.visual_style
        # drawn again in another theme (its colours are the highlighting's) or style, not
        # when only the frame changes (the current example's)
        if (style, self.app.theme) != self._strips_style:
            self._strips.clear()
            self._strips_style = (style, self.app.theme)
        if self._lines is None:
            self._lines = self.content.split("\n", allow_blank=True)
        top = self.styles.gutter.top  # the frame's top line
        first = max(0, crop.y - top) + self.scroll_offset.y
        last = min(len(self._lines), crop.bottom - top + self.scroll_offset.y)
        if any(index not in self._strips for index in range(first, last)):
            self._draw(first, last, style)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line `y` of the block in view, scrolled sideways as far as the block is."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        blank = _background(self.visual_style)
        strip = self._strips.get(scroll_y + y)
        if strip is None:  # below the code, or not among the lines drawn for the crop
            if self._lines is None or scroll_y + y >= len(self._lines):
                return Strip.blank(width, blank)
            self._draw(scroll_y + y, scroll_y + y + 1, self.visual_style)
            strip = self._strips[scroll_y + y]
        strip = strip.crop_extend(scroll_x, scroll_x + width, blank)
        if scroll_x:  # the cut leaves the first piece's column (for the mouse) out of step
            strip = strip.apply_offsets(scroll_x, scroll_y + y)
        return strip

    def _draw(self, start: int, end: int, style: Style) -> None:
        """Turn the code's lines `start` to `end` into strips, in one go."""
        assert self._lines is not None
        # empty lines before them: each line keeps its place in the whole code, which its
        # strip records for the mouse and the selection is measured in
        lines = [Content("")] * start + self._lines[start:end]
        joined = Content("\n").join(lines)
        blank = _background(style)
        strips = Visual.to_strips(self, joined, self.code_width, len(lines), style)
        for index, strip in enumerate(strips[start:], start):
            self._strips[index] = strip.extend_cell_length(self.code_width, blank)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text selected with the mouse: of the numbered lines, as drawn (none if hidden)."""
        if not self.display:  # a spare: a triple click selects hidden widgets too
            return None
        return selection.extract(self.content.plain), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        """Draw the lines again, the selection shown on them."""
        self._strips.clear()
        self.refresh()


class SidewaysBar(OnePass, ScrollBar):
    """A code block's sideways scrollbar, sized with the block in the block's layout."""


def _background(style: Style) -> RichStyle:
    """The background alone: what lies beyond the code shows, as a container's would."""
    return RichStyle(bgcolor=style.rich_style.bgcolor)
