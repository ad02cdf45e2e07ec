"""The main screen's status keys: `space` cycles ⬜ → 🟦 → ✅, `b` toggles ⏸ blocked."""

from __future__ import annotations

from patternbrowser.core import clock
from patternbrowser.core.errors import PatternbrowserError
from patternbrowser.core.progress.transitions import after_block_toggle, after_cycle
from patternbrowser.core.status import Status
from patternbrowser.core.todo.model import Item
from patternbrowser.tui.notices import show_error
from patternbrowser.tui.screens.main_base import MainScreenBase


class StatusKeys(MainScreenBase):
    """Change the status of the item under the cursor (a mixin of the main screen)."""

    def _set(self, item: Item, status: Status) -> None:
        """Save the item's new status, redraw what it affects and say what changed."""
        try:
            change = self.session.change_status(item.number, status)
        except PatternbrowserError as error:
            show_error(self.app, "Not saved", error)
            return
        self.refresh_status(item)
        before, after = change.before.marker(self.ascii_only), status.marker(self.ascii_only)
        self.notify(f"#{item.number}: {before} → {after} {status.label}", timeout=2, markup=False)

    async def action_cycle_status(self) -> None:
        """⬜ → 🟦 → ✅ → ⬜; on an overdue recurring item, ✅ again (the review is done)."""
        item = await self.target()
        if item is None:
            return
        self._set(item, after_cycle(self.session.tracker, item, clock.today()))

    async def action_toggle_blocked(self) -> None:
        """Block the item, or unblock it back to its status before."""
        item = await self.target()
        if item is None:
            return
        self._set(item, after_block_toggle(self.session.tracker, item))
