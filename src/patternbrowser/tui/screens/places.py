"""Guide headings in the right pane, from the palette or the guide outline."""

from __future__ import annotations

from patternbrowser.core.errors import InputError
from patternbrowser.core.guides.outline import Place, place_parts
from patternbrowser.core.sanitize import one_line
from patternbrowser.tui.screens.main_base import MainScreenBase
from patternbrowser.tui.widgets.item_view import ItemView
from patternbrowser.tui.widgets.outline_tree import OutlineTree


class PlaceKeys(MainScreenBase):
    """Show a heading of a guide with its examples (a mixin of the main screen)."""

    number: int | None
    _last_item: int | None = None  # the item shown before a heading took the pane

    async def show_place(self, place: Place) -> None:
        """Show the part of the guide under `place`; the tree's item comes back on a move."""
        guides = self.session.guides
        if guides is None:
            return
        try:
            parts = place_parts(guides, place)
        except (InputError, OSError) as error:
            self.notify(one_line(str(error)), title="Not shown", severity="error", markup=False)
            return
        self.cancel_guide()
        if self.number is not None:
            self._last_item = self.number
        self.number = None  # no item is shown: keys on the tree show its item again
        if self.in_outline and not self.query_one(OutlineTree).select_place(place):
            self.action_clear_filter()  # the filter hides it (chosen in the palette)
            self.query_one(OutlineTree).select_place(place)
        await self.query_one(ItemView).show_place(place, parts)

    async def place_target(self) -> Place | None:
        """The heading the keys act on: the outline's cursor (shown first), or the one shown.

        As with items, keys typed in a burst must act on the heading under the cursor once
        the earlier keys were handled, not on the one the pane showed last.
        """
        shown = self.query_one(ItemView).place
        if not self.in_outline:
            return shown
        current = self.query_one(OutlineTree).current_place
        if current is None:  # a guide file without a title, or one that cannot be read
            self.notify("the cursor is on a guide file: move to one of its headings", timeout=3)
        elif current != shown:
            await self.show_place(current)
        return current
