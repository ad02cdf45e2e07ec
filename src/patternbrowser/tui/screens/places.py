"""Showing a guide heading in the right pane (from the palette or the outline)."""

from __future__ import annotations

from textual.timer import Timer

from patternbrowser.core.errors import InputError
from patternbrowser.core.guides.outline import Place, place_parts
from patternbrowser.core.sanitize import one_line
from patternbrowser.tui.screens.main_base import MainScreenBase
from patternbrowser.tui.widgets.item_view import ItemView


class PlaceKeys(MainScreenBase):
    """Show a heading of a guide with its examples (a mixin of the main screen)."""

    number: int | None
    _guide_timer: Timer | None

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
        if self._guide_timer is not None:
            self._guide_timer.stop()
            self._guide_timer = None
        self.number = None  # no item is shown: keys on the tree show its item again
        await self.query_one(ItemView).show_place(place, parts)
