"""What the main screen's key mixins may use of it, declared once for all of them."""

from __future__ import annotations

from textual.screen import Screen
from textual.timer import Timer

from patternbrowser.core.guides.outline import Place
from patternbrowser.core.session import Session
from patternbrowser.core.todo.grouping import Mode
from patternbrowser.core.todo.model import Item
from patternbrowser.tui.widgets.item_tree import ItemTree
from patternbrowser.tui.widgets.outline_tree import OutlineTree


class MainScreenBase(Screen[None]):
    """The main screen's state and methods the mixins call (MainScreen provides them)."""

    session: Session
    ascii_only: bool
    mode: Mode
    _guide_timer: Timer | None = None  # the first screen's guide section, drawn a moment later

    def cancel_guide(self) -> None:
        """Drop the first screen's guide section still to come: something else is shown."""
        if self._guide_timer is not None:
            self._guide_timer.stop()
            self._guide_timer = None

    @property
    def in_outline(self) -> bool:
        """Whether the tree shows the guide outline rather than items."""
        return self.mode == "outline"

    def navigator(self) -> ItemTree | OutlineTree:
        """The tree the keys move in: the items, or the guide outline."""
        return self.query_one(OutlineTree) if self.in_outline else self.query_one(ItemTree)

    def focus_navigator(self) -> None:
        """Give the keys to the tree shown (the pane keeps them while `t` hides the tree)."""
        if self.query_one("#left").display:
            self.set_focus(self.navigator())

    def action_clear_filter(self) -> None:
        """Empty and hide the filter, keeping the selection."""
        raise NotImplementedError

    def refresh_all(self, only_tree: bool = False) -> None:
        """Redraw the tree (and unless `only_tree` progress and drift) from the session."""
        raise NotImplementedError

    async def show_item(self, number: int) -> None:
        """Show an item in the right pane."""
        raise NotImplementedError

    async def jump_to(self, number: int) -> None:
        """Select and show an item, clearing a filter that hides it (and leaving the outline)."""
        raise NotImplementedError

    def select_later(self) -> None:
        """Put the tree's cursor on the item shown once the tree has placed its nodes."""
        raise NotImplementedError

    async def show_place(self, place: Place) -> None:
        """Show the part of a guide under a heading."""
        raise NotImplementedError

    async def place_target(self) -> Place | None:
        """The guide heading the keys act on, shown first; None when an item is shown."""
        raise NotImplementedError

    async def outline_match(self, step: int) -> None:
        """Go to the next (or previous, or with 0 the first) heading the outline's filter shows."""
        raise NotImplementedError

    async def target(self) -> Item | None:
        """The item the keys act on, shown first if the view has not followed the cursor."""
        raise NotImplementedError

    def refresh_status(self, item: Item) -> None:
        """Redraw what a change of the item's record affects."""
        raise NotImplementedError
