"""The main screen's filter keys beyond `/`: the status filter and `n`/`N` through matches."""

from __future__ import annotations

from functools import partial

from textual import on
from textual.binding import Binding
from textual.widgets import Input

from patternbrowser.core.stepping import step_from
from patternbrowser.core.todo.grouping import mode_name
from patternbrowser.core.todo.search import (
    STATUS_FILTER_NAMES,
    StatusFilter,
    mark_words,
    next_status_filter,
)
from patternbrowser.tui.screens.main_base import MainScreenBase
from patternbrowser.tui.widgets.item_tree import ItemTree
from patternbrowser.tui.widgets.item_view import ItemView

MARK_CONTEXT = 2  # lines shown above the first marked word when the pane scrolls to it

FILTER_BINDINGS = [
    Binding("f", "status_filter", "Status filter", show=False),
    Binding("n", "next_match(1)", "Next match", show=False),
    Binding("N", "next_match(-1)", "Previous match", show=False),
]


class FilterKeys(MainScreenBase):
    """Status filter and match stepping (a mixin of the main screen)."""

    status_filter: StatusFilter = "all"
    tree_query = ""  # the filter text the tree was last drawn for
    filter_field: Input

    @property
    def query_text(self) -> str:
        """What the filter field holds (the main screen's)."""
        raise NotImplementedError

    def action_filter(self) -> None:
        """Show and focus the filter field."""
        field = self.filter_field
        field.display = True
        self.set_focus(field)  # at once, so the next keys typed land in the field

    @on(Input.Changed, "#filter")
    def _filter_changed(self, _event: Input.Changed) -> None:
        # keys typed at once change the field before its first event is heard: that event
        # draws what the field holds by then, and the later ones have nothing left to do
        self._catch_up_filter()

    def _catch_up_filter(self) -> None:
        """Draw the filter for what the field holds, unless the tree shows that already."""
        if self.tree_query != self.query_text:
            self._draw_filter()

    def _draw_filter(self) -> None:
        """Rebuild the tree for what the field holds and mark its words in the pane."""
        self.refresh_all(only_tree=True)
        self.query_one(ItemView).mark(mark_words(self.query_text))

    def show_first_mark(self) -> None:
        """Scroll the pane to the first word the filter matched, once the pane is laid out."""
        view = self.query_one(ItemView)
        view.scroll_later(partial(self._scroll_to_first_mark, view))

    def _scroll_to_first_mark(self, view: ItemView) -> None:
        """Scroll the pane so that the line of the first marked word is near its top."""
        first = view.first_mark()
        if first is None:
            return
        widget, line = first
        view.scroll_to_widget(widget, animate=False, top=True, immediate=True)
        line += widget.styles.margin.top  # the scroll put the widget's margin at the top
        if line > MARK_CONTEXT:  # deep in a long prose run or block: to the line itself
            y = view.scroll_y + line - MARK_CONTEXT
            view.scroll_to(y=y, animate=False, immediate=True)

    async def action_accept_filter(self) -> None:
        """Go to the first match and hand the keys back to the tree."""
        # the field's change events for the last letters typed may still be on their way
        self._catch_up_filter()
        # the focus moves once the match is shown: keys typed meanwhile wait in the field,
        # which hands them on in order, instead of overtaking them on their way to the tree
        await self._go_to_match(0)  # the first
        self.focus_navigator()
        self.show_first_mark()

    def action_clear_filter(self) -> None:
        """Empty and hide the filter, keeping the selection."""
        field = self.filter_field
        if not field.display and not self.query_text:
            return
        with self.prevent(Input.Changed):  # one redraw, below, not a second one for the event
            field.value = ""
        field.display = False
        self._draw_filter()
        self.focus_navigator()

    def tree_footer(self, shown: int, total: int) -> str:
        """The line under the tree: how many items are shown, the grouping and the filters."""
        filtered = bool(self.query_text) or self.status_filter != "all"
        words = [f"{shown} of {total} items" if filtered else f"{total} items"]
        words.append(mode_name(self.mode, self.session.tracker.document))
        if self.status_filter != "all":
            words.append(f"{STATUS_FILTER_NAMES[self.status_filter]} (f)")
        return " · ".join(words)

    def action_status_filter(self) -> None:
        """Show every status → only not started → in progress → blocked → hide completed."""
        if self.in_outline:
            self.notify("the status filter is for items: g goes on to them", timeout=3)
            return
        self.status_filter = next_status_filter(self.status_filter)
        self.refresh_all(only_tree=True)
        self.notify(f"showing {STATUS_FILTER_NAMES[self.status_filter]}", timeout=2)

    async def action_next_match(self, step: int) -> None:
        """Go to the next (or previous) item the filters let through, round the end."""
        await self._go_to_match(step)
        self.show_first_mark()

    async def _go_to_match(self, step: int) -> None:
        """Show the match `step` places on (in the outline, a heading), round the end; 0: first."""
        if self.in_outline:
            await self.outline_match(step)
            return
        tree = self.query_one(ItemTree)
        shown = tree.shown_items()
        if not shown:
            self.notify("no item matches the filter", severity="warning")
            return
        if step and not self.query_text and self.status_filter == "all":
            self.notify("no filter: / searches the items' text", timeout=2)
        await self.jump_to(step_from(shown, tree.current_item, step))
