"""The selected item: title, fields, instructions as markdown, examples, and its guide section."""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from patternbrowser.core.guides.library import SectionLookup, section_parts
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


class ItemView(VerticalScroll):
    """Everything about one item; rebuilt when another item is shown."""

    def __init__(self, ascii_only: bool, **kwargs: object) -> None:
        """An empty view until an item is shown; ASCII markers when `ascii_only` is set."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.ascii_only = ascii_only
        self.item: Item | None = None
        self.current_example = 0
        self.guide_shown_for: int | None = None  # the item whose guide section is drawn

    def compose(self) -> ComposeResult:
        """The fixed parts; the body and guide section are filled per item."""
        yield Static(id="item-title")
        yield Static(id="item-fields")
        yield Vertical(id="item-body")
        yield Static("Guide section", id="guide-caption", classes="caption")
        yield Vertical(id="guide-body")

    async def show(self, item: Item, state: ItemState) -> None:
        """Show `item` from the top, with its first example current; the guide comes later."""
        same = self.item is not None and self.item.number == item.number
        self.item = item
        self.show_status(state)
        body = self.query_one("#item-body", Vertical)
        guide = self.query_one("#guide-body", Vertical)
        await body.remove_children()
        await body.mount_all(self._body_widgets(item))
        if not same:
            await guide.remove_children()
            await guide.mount(Static("…", classes="muted"))
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
        for segment in instruction_segments(item):
            if isinstance(segment, Example):
                widgets.append(ExampleView(segment, len(item.examples)))
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
        for part in section_parts(lookup.text):
            if isinstance(part, Example):
                widgets.append(CodeBlockView(part, part.language or "code"))
            else:
                widgets.append(Static(prose_renderable(part), classes="prose"))
        return widgets

    @property
    def examples(self) -> list[ExampleView]:
        """The example widgets of the item shown."""
        return list(self.query(ExampleView))

    def move_example(self, step: int) -> Example | None:
        """Make the next (or previous) example current and scroll to it."""
        views = self.examples
        if not views:
            return None
        self.current_example = (self.current_example + step) % len(views)
        self._mark_current()
        # after the next refresh: an item shown a moment ago may not be laid out yet
        self.call_after_refresh(
            self.scroll_to_widget, views[self.current_example], animate=False, top=True
        )
        return views[self.current_example].example

    @property
    def example(self) -> Example | None:
        """The current example, if the item has any."""
        views = self.examples
        return views[self.current_example].example if views else None

    def _mark_current(self) -> None:
        for index, view in enumerate(self.examples):
            view.set_class(index == self.current_example, "-current")
