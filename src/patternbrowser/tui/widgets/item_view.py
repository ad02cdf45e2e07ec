"""The selected item: title, fields, instructions as markdown, examples, and its guide section."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal, NamedTuple, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from patternbrowser.core.guides.library import SectionLookup
from patternbrowser.core.guides.outline import Place
from patternbrowser.core.guides.samples import Part, Sample, first_choice
from patternbrowser.core.progress.store import Record
from patternbrowser.core.sanitize import one_line
from patternbrowser.core.status import Status
from patternbrowser.core.todo.model import Example, Item
from patternbrowser.render.labels import item_title
from patternbrowser.render.prose import marked
from patternbrowser.render.tables import fields_table
from patternbrowser.tui.parts_cache import Kept, KeptProse, body_parts, kept_parts, section_parts
from patternbrowser.tui.widgets.code_block import CodeBlockView
from patternbrowser.tui.widgets.example_view import ExampleView
from patternbrowser.tui.widgets.one_pass import Line, OnePass, Parts
from patternbrowser.tui.widgets.pane_parts import Drawn, Note, Prose, Refill, refill


class ItemState(NamedTuple):
    """What the store and the clock say of the item shown."""

    status: Status
    record: Record | None
    due: str | None  # "due 2027-02-26 (in 92 days)" for a recurring item


WidgetT = TypeVar("WidgetT", bound=Widget)

Moved = Literal["", "wrapped-to-first", "wrapped-to-last"]


class Later:
    """Said of a guide section that is drawn later (`ItemView.show_guide`), not with the item."""


LATER = Later()


class ItemView(OnePass, VerticalScroll):
    """Everything about one item (or guide heading); its widgets given the next one's parts."""

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
        self._guide_drawn: SectionLookup | None = None  # the lookup it was drawn from
        self.marks: tuple[str, ...] = ()  # the filter's words, highlighted wherever shown
        self._place_parts: list[Part] = []  # what the heading shown was drawn from
        self._status = Status.NOT_STARTED  # of the item shown, for its title
        self._shown = 0  # counts the items and headings shown: a later scroll checks it

    def compose(self) -> ComposeResult:
        """The fixed parts; the body and guide section are filled per item."""
        yield Line(id="item-title")
        yield Line(id="item-fields")
        yield Parts(id="item-body")
        yield Line("Guide section", id="guide-caption", classes="caption")
        yield Parts(id="guide-body")

    async def show(
        self,
        item: Item,
        state: ItemState,
        todo: Path,
        guide: SectionLookup | Later | None = LATER,
    ) -> None:
        """Show `item` (of the TODO at `todo`), with its `guide` section unless that comes later.

        Everything changes in one batch, so Textual lays the pane out and paints it once.
        """
        same = self.item is not None and self.item.number == item.number
        redraw_body = self.item is not item or self.todo != todo or self.place is not None
        self.item, self.todo, self.place = item, todo, None
        if not same:
            self._another_shown()
            self.moved, self.current_example = False, 0
            self.guide_shown_for, self._guide_drawn = None, None
        body = self._body_parts(item) if redraw_body else None
        section: list[Drawn] | None
        if isinstance(guide, Later):
            section = None if same else [Note("…", "muted")]
        else:
            section = self._section_parts(item.number, guide)
        with self.app.batch_update():
            self.query_one("#guide-caption").display = True
            self.show_status(state)
            await self._fill(body, section, guide_drawn=not isinstance(guide, Later))
            if not same:
                self.scroll_home(animate=False)
        if not isinstance(guide, Later):
            self._guide_shown(item.number, guide)

    async def show_guide(self, number: int, lookup: SectionLookup | None) -> None:
        """Show the guide section found for item `number` (ignored if another item is shown)."""
        if self.item is None or self.item.number != number:
            return
        section = self._section_parts(number, lookup)
        with self.app.batch_update():
            await self._fill(None, section, guide_drawn=True)
        self._guide_shown(number, lookup)

    def _section_parts(self, number: int, lookup: SectionLookup | None) -> list[Drawn] | None:
        """The guide section's parts for item `number`; None if those drawn are still right."""
        if self.guide_shown_for == number and lookup == self._guide_drawn:
            return None
        return self._guide_parts(lookup)

    def _guide_shown(self, number: int, lookup: SectionLookup | None) -> None:
        """Note that item `number`'s guide section, found by `lookup`, is in place."""
        self.guide_shown_for, self._guide_drawn = number, lookup  # what tests can wait on

    async def _fill(
        self, body: list[Drawn] | None, guide: list[Drawn] | None, guide_drawn: bool
    ) -> None:
        """Draw the new body and guide parts (None keeps those shown), current example marked.

        The widgets there are reused where they fit; the current example is marked before
        new widgets are mounted, so that they are styled once.
        """
        views: list[ExampleView] = []
        changes: list[tuple[Parts, Refill]] = []
        for selector, parts in (("#item-body", body), ("#guide-body", guide)):
            box = self.query_one(selector, Parts)
            if parts is None:
                widgets = [widget for widget in box.children if widget.display]
            else:
                change = refill(box, parts)
                changes.append((box, change))
                widgets = change.widgets
            views += [widget for widget in widgets if isinstance(widget, ExampleView)]
        if guide_drawn and not self.moved:
            # the verified block is what `c` copies until the user picks another
            self.current_example = first_choice([view.sample for view in views])
        self._mark_current(views)
        self._forget_selections({box for box, _change in changes})
        for _box, change in changes:  # all at once, before the awaits below
            for widget in change.widgets:
                widget.display = True
            for widget in change.spare:
                widget.display = False
        for box, change in changes:
            if change.stale:
                await box.remove_children(change.stale)
            if change.new:
                await box.mount_all(change.new)
        if self.marks or changes:  # new parts come unmarked; parts kept may hold old marks
            self._apply_marks()
        # each changed widget asks the screen for a layout from its own next turn (a container
        # once its new children are mounted): let them all do so now, before the screen goes
        # idle, or it lays the pane out twice and runs its after-refresh callbacks (a scroll
        # to a widget) on the layout of the item before
        await asyncio.sleep(0)

    def _forget_selections(self, within: set[Widget]) -> None:
        """Forget text selected with the mouse in `within` and their children: changed text."""
        # a selection is kept per widget and measured in its text; on a widget given another
        # part, or hidden as a spare, copying it would copy text the user never selected
        selections = self.screen.selections
        kept = {
            widget: selection
            for widget, selection in selections.items()
            if widget not in within and widget.parent not in within
        }
        if len(kept) != len(selections):
            self.screen.selections = kept

    def mark(self, words: Sequence[str]) -> None:
        """Highlight the filter's `words` wherever the pane shows them; none takes marks away."""
        marks = tuple(word for word in words if word)
        if marks != self.marks:
            self.marks = marks
            self._apply_marks()
            if self.item is not None or self.place is not None:
                self.query_one("#item-title", Static).update(self._title())

    def _apply_marks(self) -> None:
        """Mark the current words in every prose run and code block (only those that change)."""
        for prose in self._drawn(".prose", Static):
            content = prose.content
            if isinstance(content, KeptProse):
                remarked = content.remarked(self.marks)
                if remarked is not content:
                    prose.update(remarked)
        for code in self._drawn("CodeBlockView", CodeBlockView):
            code.mark(self.marks)

    def first_mark(self) -> tuple[Widget, int] | None:
        """The first prose run or code block drawing a marked word, and the line it is on."""
        for widget in self._drawn(".prose, CodeBlockView", Widget):
            if isinstance(widget, CodeBlockView | Prose):
                line = widget.first_marked_line()
                if line is not None:
                    return widget, line
        return None

    async def show_place(self, place: Place, parts: list[Part]) -> None:
        """Show a guide heading's part of the guide, its examples current from the first.

        The same heading with the same text (a reload of another file) is left as it is:
        the example stepped to and the scroll position stay.
        """
        if place == self.place and parts == self._place_parts:
            return
        self._place_parts = parts
        self._another_shown()
        self.item, self.place = None, place
        self.moved, self.current_example = False, 0
        self.guide_shown_for, self._guide_drawn = None, None
        body: list[Drawn] = [*kept_parts(parts)] or [Note("(no text)", "muted")]
        with self.app.batch_update():
            self.query_one("#item-title", Static).update(self._title())
            owner = f" · the section of item #{place.heading.item}" if place.heading.item else ""
            where = Text(one_line(f"{place.where}{owner}"))
            self.query_one("#item-fields", Static).update(where)
            self.query_one("#guide-caption").display = False
            await self._fill(body, [], guide_drawn=False)
            self.scroll_home(animate=False)

    def show_status(self, state: ItemState) -> None:
        """Refresh the title and fields after a status change."""
        if self.item is None:
            return
        self._status = state.status
        self.query_one("#item-title", Static).update(self._title())
        status = state.status
        # kept: Textual renders the table once to measure it and again to paint it
        fields = Kept(fields_table(self.item, status, state.record, state.due))
        self.query_one("#item-fields", Static).update(fields)

    def _title(self) -> Text:
        """The heading shown, or the item's title with its status; the filter's words marked."""
        if self.place is not None or self.item is None:
            title = Text(one_line(self.place.name)) if self.place is not None else Text()
        else:
            title = item_title(self.item, self._status, self.ascii_only)
        return marked(title, self.marks)

    def _body_parts(self, item: Item) -> list[Drawn]:
        parts: list[Drawn] = [Note("Instructions", "caption"), *body_parts(item, self.todo)]
        if len(parts) == 1:
            parts.append(Note("This item has no instructions.", "muted"))
        return parts

    def _guide_parts(self, lookup: SectionLookup | None) -> list[Drawn]:
        if lookup is None:
            return [Note("No guides folder is open.", "muted")]
        if lookup.state != "found":
            style = "warning" if lookup.state in ("unsafe", "unreadable") else "muted"
            return [Note(Text(one_line(lookup.message)), style)]
        return [Note(Text(one_line(lookup.message)), "muted"), *section_parts(lookup)]

    @property
    def sample_views(self) -> list[ExampleView]:
        """Every example of the item shown: its drafts, then its guide's blocks once drawn."""
        return self._drawn("ExampleView", ExampleView)

    def _drawn(self, selector: str, kind: type[WidgetT]) -> list[WidgetT]:
        """The pane's widgets matching `selector` that draw a part (spare ones are hidden)."""
        return [widget for widget in self.query(selector).results(kind) if widget.display]

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
        view = views[index]
        self.scroll_later(
            lambda: self.scroll_to_widget(view, animate=False, top=True, immediate=True)
        )
        return view.sample, moved

    def scroll_later(self, scroll: Callable[[], object]) -> None:
        """Scroll once the pane is laid out, unless it shows another item or heading by then."""
        # queued here, after the scrolls asked for before (a new item's scroll home among
        # them); a key that showed another item meanwhile makes this one moot
        shown = self._shown

        def scroll_if_still_shown() -> None:
            if self._shown == shown:
                scroll()

        self.call_after_refresh(scroll_if_still_shown)

    def _another_shown(self) -> None:
        """Note that the pane now shows another item or heading, and forget what was selected."""
        self._shown += 1
        title, fields = self.query_one("#item-title"), self.query_one("#item-fields")
        self._forget_selections({title, fields})

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

    def _mark_current(self, views: list[ExampleView] | None = None) -> None:
        """Frame the current example (of `views`, before they are mounted; else those shown)."""
        for index, view in enumerate(self.sample_views if views is None else views):
            view.set_class(index == self.current_example, "-current")
