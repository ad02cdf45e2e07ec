"""What the item pane draws, worked out once per item and guide section, prose kept rendered.

Documents and guide sections do not change until they are reloaded (a reload makes new
`Item` objects and new section texts), so moving back to an item reuses what was built and
rendered for it. A prose run's height is counted from its text, and the run is rendered
only when in view, once per width, not once to measure it and again to paint it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import TypeVar

from rich.console import Console, ConsoleOptions, RenderableType
from rich.measure import Measurement
from rich.segment import Segment

from patternbrowser.core.guides.library import SectionLookup
from patternbrowser.core.guides.samples import OutputBlock, Part, Sample, drafts, section_parts_of
from patternbrowser.core.todo.examples import instruction_segments
from patternbrowser.core.todo.model import Example, Item
from patternbrowser.core.todo.search import words_in
from patternbrowser.render.lines import countable, line_count
from patternbrowser.render.prose import prose_renderable

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

WIDTHS_KEPT = 4  # renders kept per prose run: a resize or two, not every width ever drawn


class Kept:
    """A Rich renderable whose segments (and line counts) are kept per width and options.

    Textual renders a widget's content once to measure its height and again to paint it;
    both now cost one render, and a prose run's height (`Kept.height`) is counted from its
    wrapped text without rendering it at all, so prose below the fold is never rendered
    until it is scrolled into view. The prose renderables hold fixed styles only (no theme
    variables), so the segments stay right across themes and apps.
    """

    __slots__ = ("_heights", "_renders", "renderable")

    def __init__(self, renderable: RenderableType) -> None:
        """Keep the renders of `renderable`."""
        self.renderable = renderable
        self._renders: dict[tuple[object, ...], list[Segment]] = {}
        self._heights: dict[tuple[object, ...], int] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        """The segments of `renderable` at these options, rendered the first time only."""
        key = _key(options)
        segments = self._renders.get(key)
        if segments is None:
            if len(self._renders) >= WIDTHS_KEPT:
                self._renders.clear()
            segments = self._renders[key] = list(console.render(self.renderable, options))
        return segments

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """The measurement of the renderable kept."""
        return Measurement.get(console, options, self.renderable)

    def height(self, console: Console, options: ConsoleOptions) -> int:
        """The lines the renderable takes at these options, counted without rendering it."""
        key = _key(options)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= WIDTHS_KEPT:
                self._heights.clear()
            if key in self._renders or not countable(self.renderable):
                # rendered anyway (a table is), or already: count the lines of the render
                segments = self.__rich_console__(console, options)
                height = sum(segment.text.count("\n") for segment in segments)
            else:
                height = line_count(self.renderable, console, options)
            self._heights[key] = height
        return height


def _key(options: ConsoleOptions) -> tuple[object, ...]:
    """What of the options a render depends on (not the height: prose is never cut)."""
    return (
        options.max_width,
        options.min_width,
        options.justify,
        options.overflow,
        options.no_wrap,
        options.highlight,
        options.markup,
        options.ascii_only,
        options.encoding,
    )


class KeptProse(Kept):
    """A prose run kept rendered, with its markdown and the filter's words it marks."""

    __slots__ = ("markdown", "marks")

    def __init__(self, markdown: str, marks: tuple[str, ...] = ()) -> None:
        """Render `markdown` with the words of `marks` highlighted."""
        super().__init__(prose_renderable(markdown, marks))
        self.markdown = markdown
        self.marks = marks

    def remarked(self, words: tuple[str, ...]) -> KeptProse:
        """The same prose with those of `words` it holds marked (itself if none change)."""
        marks = words_in(self.markdown, words)
        return self if marks == self.marks else prose(self.markdown, marks)


class _Recent(OrderedDict[K, V]):
    """A mapping that forgets its least recently used entries beyond `size`."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        """The value for `key`, made (and kept) if it is not here."""
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = self[key] = make()
        if len(self) > self.size:
            self.popitem(last=False)
        return value


_PROSE: _Recent[tuple[str, tuple[str, ...]], KeptProse] = _Recent(512)
_BODIES: _Recent[tuple[int, Path], tuple[Item, list[Kept | Sample]]] = _Recent(64)
_SECTIONS: _Recent[SectionLookup, list[Kept | Sample | OutputBlock]] = _Recent(64)


def prose(markdown: str, marks: tuple[str, ...] = ()) -> KeptProse:
    """A prose run, rendered as the instructions and guide sections are, kept rendered."""
    return _PROSE.get_or_make((markdown, marks), lambda: KeptProse(markdown, marks))


def kept_parts(parts: list[Part]) -> list[Kept | Sample | OutputBlock]:
    """A guide text's parts with their prose kept rendered."""
    return [prose(part) if isinstance(part, str) else part for part in parts]


def body_parts(item: Item, todo: Path) -> list[Kept | Sample]:
    """An item's instructions: prose runs and its drafts, in order (empty if it has none)."""
    # keyed by the object: a reloaded document makes new items (and may reuse an id)
    kept = _BODIES.get((id(item), todo))
    if kept is not None and kept[0] is item:
        return kept[1]
    samples = iter(drafts(item, todo))
    parts: list[Kept | Sample] = []
    for segment in instruction_segments(item):
        if isinstance(segment, Example):
            parts.append(next(samples))
        elif segment.strip():
            parts.append(prose(segment))
    _BODIES.pop((id(item), todo), None)
    return _BODIES.get_or_make((id(item), todo), lambda: (item, parts))[1]


def section_parts(lookup: SectionLookup) -> list[Kept | Sample | OutputBlock]:
    """A found guide section's parts (none for any other lookup), kept per section text."""
    return _SECTIONS.get_or_make(lookup, lambda: kept_parts(section_parts_of(lookup)))
