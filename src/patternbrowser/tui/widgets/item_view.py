"""The selected item: title, fields, instructions as markdown, examples, and its guide section."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from patternbrowser.core.guides.library import SectionLookup
from patternbrowser.core.guides.outline import Place
from patternbrowser.core.guides.samples import (
    OutputBlock,
    Part,
    Sample,
    drafts,
    first_choice,
    section_parts_of,
)
from patternbrowser.core.progress.store import Record
from patternbrowser.core.sanitize import one_line
from patternbrowser.core.status import Status
from patternbrowser.core.todo.examples import instruction_segments
from patternbrowser.core.todo.model import Example, Item
from patternbrowser.render.labels import item_title
from patternbrowser.render.prose import prose_renderable
from patternbrowser.render.tables import fields_table
from patternbrowser.tui.widgets.code_block import CodeBlockView
from patternbrowser.tui.widgets.example_view import ExampleView


class ItemState(NamedTuple):
    """What the store and the clock say of the item shown."""

    status: Status
    record: Record | None
    due: str | None  # "due 2027-02-26 (in 92 days)" for a recurring item


Moved = Literal["", "wrapped-to-first", "wrapped-to-last"]


class ItemView(VerticalScroll):
    """Everything about one item; rebuilt when another item is shown."""

    def __init__(self, ascii_only: bool, **kwargs: object) -> None:
        """An empty view until an item is shown; ASCII markers when `ascii_only` is set."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.ascii_only = ascii_only
        self.item: Item | None = None
        self.todo = Path()
        self.moved = False  # the user stepped through the examples of the item shown
        self.current_example = 0  # index into `sample_views`
        self.place: Place | None = None  # a guide heading shown instead of an item
        self.guide_shown_for: int | None = None  # the item whose guide section is drawn

    def compose(self) -> ComposeResult:
        """The fixed parts; the body and guide section are filled per item."""
        yield Static(id="item-title")
        yield Static(id="item-fields")
        yield Vertical(id="item-body")
        yield Static("Guide section", id="guide-caption", classes="caption")
        yield Vertical(id="guide-body")

    async def show(self, item: Item, state: ItemState, todo: Path) -> None:
        """Show `item` (of the TODO at `todo`) from the top; the guide comes later."""
        same = self.item is not None and self.item.number == item.number
        self.item, self.todo, self.place = item, todo, None
        self.query_one("#guide-caption").display = True
        self.show_status(state)
        body = self.query_one("#item-body", Vertical)
        guide = self.query_one("#guide-body", Vertical)
        await body.remove_children()
        await body.mount_all(self._body_widgets(item))
        if not same:
            await guide.remove_children()
            await guide.mount(Static("…", classes="muted"))
            self.moved = False
            self.current_example = 0
            self.scroll_home(animate=False)
        self._mark_current()

    async def show_guide(self, number: int, lookup: SectionLookup | None) -> None:
        """Show the guide section found for item `number` (ignored if another item is shown)."""
        if self.item is None or self.item.number != number:
            return
        guide = self.query_one("#guide-body", Vertical)
        await guide.remove_children()
        await guide.mount_all(self._guide_widgets(lookup))
        self.guide_shown_for = number  # what tests (and anyone else) can wait on
        if not self.moved:
            # the verified block is what `c` copies until the user picks another
            self.current_example = first_choice([view.sample for view in self.sample_views])
        self._mark_current()

    async def show_place(self, place: Place, parts: list[Part]) -> None:
        """Show a guide heading's part of the guide, its examples current from the first."""
        self.item, self.place = None, place
        self.query_one("#item-title", Static).update(Text(one_line(place.name)))
        owner = f" · the section of item #{place.heading.item}" if place.heading.item else ""
        where = Text(one_line(f"{place.where}{owner}"))
        self.query_one("#item-fields", Static).update(where)
        body = self.query_one("#item-body", Vertical)
        await body.remove_children()
        await body.mount_all(part_widgets(parts) or [Static("(no text)", classes="muted")])
        self.query_one("#guide-caption").display = False
        await self.query_one("#guide-body", Vertical).remove_children()
        self.moved, self.current_example = False, 0
        self.scroll_home(animate=False)
        self._mark_current()

    def show_status(self, state: ItemState) -> None:
        """Refresh the title and fields after a status change."""
        if self.item is None:
            return
        status = state.status
        title = item_title(self.item, status, self.ascii_only)
        self.query_one("#item-title", Static).update(title)
        fields = fields_table(self.item, status, state.record, state.due)
        self.query_one("#item-fields", Static).update(fields)

    def _body_widgets(self, item: Item) -> list[Widget]:
        widgets: list[Widget] = [Static("Instructions", classes="caption")]
        samples = iter(drafts(item, self.todo))
        for segment in instruction_segments(item):
            if isinstance(segment, Example):
                widgets.append(ExampleView(next(samples)))
            elif segment.strip():
                # one Static per prose run: far lighter than a Markdown widget per block
                widgets.append(Static(prose_renderable(segment), classes="prose"))
        if len(widgets) == 1:
            widgets.append(Static("This item has no instructions.", classes="muted"))
        return widgets

    def _guide_widgets(self, lookup: SectionLookup | None) -> list[Widget]:
        if lookup is None:
            return [Static("No guides folder is open.", classes="muted")]
        if lookup.state != "found":
            style = "warning" if lookup.state in ("unsafe", "unreadable") else "muted"
            return [Static(Text(one_line(lookup.message)), classes=style)]
        widgets: list[Widget] = [Static(Text(one_line(lookup.message)), classes="muted")]
        return widgets + part_widgets(section_parts_of(lookup))

    @property
    def sample_views(self) -> list[ExampleView]:
        """Every example of the item shown: its drafts, then its guide's blocks once drawn."""
        return list(self.query(ExampleView))

    @property
    def examples(self) -> list[ExampleView]:
        """The draft examples of the item shown (those of its instructions)."""
        return [view for view in self.sample_views if view.sample.kind == "draft"]

    def move_example(self, step: int) -> tuple[Sample, Moved] | None:
        """Make the next (or previous) example current and scroll to it; None if there is none.

        Past the last example it goes round to the first (and back), and says so.
        """
        views = self.sample_views
        if not views:
            return None
        self.moved = True
        index = self.current_example + step
        moved: Moved = ""
        if index >= len(views):
            index, moved = 0, "wrapped-to-first"
        elif index < 0:
            index, moved = len(views) - 1, "wrapped-to-last"
        self.current_example = index
        self._mark_current()
        # after the next refresh: an item shown a moment ago may not be laid out yet
        self.call_after_refresh(self.scroll_to_widget, views[index], animate=False, top=True)
        return views[index].sample, moved

    @property
    def sample(self) -> Sample | None:
        """The current example, if the item has any."""
        views = self.sample_views
        return views[min(self.current_example, len(views) - 1)].sample if views else None

    @property
    def example(self) -> Example | None:
        """The current example as a plain example, if the item has any."""
        sample = self.sample
        return sample.example if sample is not None else None

    def _mark_current(self) -> None:
        for index, view in enumerate(self.sample_views):
            view.set_class(index == self.current_example, "-current")


def part_widgets(parts: list[Part]) -> list[Widget]:
    """Widgets for a guide text's parts: prose, examples, and output listings."""
    widgets: list[Widget] = []
    for part in parts:
        if isinstance(part, Sample):
            widgets.append(ExampleView(part))
        elif isinstance(part, OutputBlock):
            output = Example(0, part.language, part.code, part.line)
            widgets.append(CodeBlockView(output, f"{part.language} · output, not an example"))
        else:
            widgets.append(Static(prose_renderable(part), classes="prose"))
    return widgets
