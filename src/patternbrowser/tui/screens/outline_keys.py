"""The main screen's `g` and the guide outline: the tree as every guide's headings."""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from patternbrowser.core.guides.outline import OutlineIndex, Place, outline_index
from patternbrowser.core.stepping import step_from
from patternbrowser.core.todo.grouping import ItemMode, Mode, is_item_mode, next_mode
from patternbrowser.core.wording import counted
from patternbrowser.tui.screens.main_base import MainScreenBase
from patternbrowser.tui.widgets.item_tree import ItemTree
from patternbrowser.tui.widgets.item_view import ItemView
from patternbrowser.tui.widgets.outline_tree import OutlineTree

ITEM_PLACEHOLDER = "filter: number, title, guide or any word of the item"
OUTLINE_PLACEHOLDER = "filter: any words of the guides' text"


class OutlineKeys(MainScreenBase):
    """Cycle the groupings, the guide outline last, and browse it (a mixin of the main screen)."""

    number: int | None
    filter_field: Input
    _last_item: int | None
    _outline_index: OutlineIndex | None = None  # built once per state of the guide files
    _item_mode: ItemMode  # the grouping to go back to from the outline (set by the screen)

    def _has_guides(self) -> bool:
        """Whether there are guide files to browse (an outline of nothing is not offered)."""
        guides = self.session.guides
        return guides is not None and bool(guides.files())

    async def action_grouping(self) -> None:
        """Cycle the tree's grouping, the guide outline last (when there are guides)."""
        document = self.session.tracker.document
        await self._switch_mode(next_mode(self.mode, document, self._has_guides()))

    async def show_outline(self) -> None:
        """Turn the tree into the guide outline (the palette's way there)."""
        if not self._has_guides():
            self.notify("there are no guides to browse", severity="warning")
        elif not self.in_outline:
            await self._switch_mode("outline")

    async def leave_outline(self) -> None:
        """Go back to the grouping of items the outline was opened from."""
        if self.in_outline:
            await self._switch_mode(self._item_mode)

    async def _switch_mode(self, mode: Mode) -> None:
        """Rebuild the tree for `mode`, into or out of the outline with the right thing shown."""
        was_outline = self.in_outline
        self.mode = mode
        if is_item_mode(mode):
            self._item_mode = mode
        self.refresh_all(only_tree=True)
        if self.in_outline and not was_outline:
            await self._enter_outline()
        elif was_outline and not self.in_outline:
            await self._back_to_items()

    async def _enter_outline(self) -> None:
        """Put the cursor on the heading shown, else on the section of the item shown."""
        outline = self.query_one(OutlineTree)
        place = self.query_one(ItemView).place or self._section_place()
        found = outline.find(place) if place is not None else None
        if found is None and outline.matching:
            found = outline.matching[0]
        if found is not None:
            await self.show_place(found)

    async def _back_to_items(self) -> None:
        """Show the item shown before the outline, else the first."""
        number = self._last_item
        if number is None or self.session.tracker.document.item(number) is None:
            number = self.query_one(ItemTree).first_item()
        if number is not None:
            await self.show_item(number)
            self.select_later()

    def _section_place(self) -> Place | None:
        """The guide heading of the item shown, when it has a section."""
        number = self.number if self.number is not None else self._last_item
        item = self.session.tracker.document.item(number) if number is not None else None
        guides = self.session.guides
        if item is None or guides is None:
            return None
        lookup = guides.lookup(item)
        if lookup.path is None or lookup.heading is None:
            return None
        return Place(lookup.path, lookup.heading)

    def draw_outline(self, query: str) -> str:
        """Fill the outline for `query`; the line under the tree saying what it shows."""
        guides = self.session.guides
        if guides is None:
            return "no guides folder is open"
        self._outline_index = outline_index(guides, self._outline_index)
        shown = self.query_one(OutlineTree).populate(self._outline_index, query)
        if query:
            return f"{shown.matching} of {counted(shown.total, 'heading')} · outline"
        return f"{counted(shown.total, 'heading')} · outline"

    def show_navigator(self) -> None:
        """Show the tree of the current mode, hand it the focus, and fit the filter's hint."""
        outline, items = self.query_one(OutlineTree), self.query_one(ItemTree)
        if outline.display == self.in_outline:
            return
        had_focus = self.focused in (outline, items)
        outline.display, items.display = self.in_outline, not self.in_outline
        self.filter_field.placeholder = OUTLINE_PLACEHOLDER if self.in_outline else ITEM_PLACEHOLDER
        if had_focus or self.focused is None:
            self.set_focus(self.navigator())

    async def reselect_place(self, reshow: bool) -> None:
        """Keep the outline's cursor on the heading shown (found again after a file changed)."""
        shown = self.query_one(ItemView).place
        outline = self.query_one(OutlineTree)
        found = outline.find(shown) if shown is not None else None
        if found is None:
            return
        if reshow:
            await self.show_place(found)
        else:
            outline.select_place(found)

    @on(OutlineTree.PlaceFocused)
    async def _place_focused(self, message: OutlineTree.PlaceFocused) -> None:
        if message.place != self.query_one(OutlineTree).current_place:
            return  # the cursor moved on since: a later message (or a key) shows where
        if message.place != self.query_one(ItemView).place:
            await self.show_place(message.place)

    async def outline_match(self, step: int) -> None:
        """Go to the next (or previous) heading the filter lets through, round the end; 0: first."""
        outline = self.query_one(OutlineTree)
        matching = outline.matching
        if not matching:
            self.notify("no heading matches the filter", severity="warning")
            return
        await self.show_place(step_from(matching, outline.current_place, step))
        self.focus_navigator()
