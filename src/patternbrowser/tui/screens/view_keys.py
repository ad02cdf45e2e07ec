"""The main screen's layout keys: scroll the item pane from the tree, hide the tree."""

from __future__ import annotations

from textual.binding import Binding

from patternbrowser.tui.screens.main_base import MainScreenBase
from patternbrowser.tui.widgets.item_view import ItemView

VIEW_BINDINGS = [
    Binding("pageup", "scroll_pane(-1)", "Pane up", show=False),
    Binding("pagedown", "scroll_pane(1)", "Pane down", show=False),
    Binding("t", "toggle_tree", "Hide tree", show=False),
]


class ViewKeys(MainScreenBase):
    """Page through the item pane and give it the whole width (a mixin of the main screen)."""

    def action_scroll_pane(self, pages: int) -> None:
        """Scroll the item pane a page up or down, wherever the focus is."""
        pane = self.query_one(ItemView)
        if pages > 0:
            pane.scroll_page_down(animate=False)
        else:
            pane.scroll_page_up(animate=False)

    def action_toggle_tree(self) -> None:
        """Hide the tree so the pane takes the whole width, or show it again."""
        left = self.query_one("#left")
        left.display = not left.display
        self.set_focus(self.navigator() if left.display else self.query_one(ItemView))
