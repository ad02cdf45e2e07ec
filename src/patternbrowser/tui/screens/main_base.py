"""What the main screen's key mixins may use of it, declared once for all of them."""

from __future__ import annotations

from textual.screen import Screen

from patternbrowser.core.session import Session
from patternbrowser.core.todo.model import Item


class MainScreenBase(Screen[None]):
    """The main screen's state and methods the mixins call (MainScreen provides them)."""

    session: Session
    ascii_only: bool

    async def target(self) -> Item | None:
        """The item the keys act on, shown first if the view has not followed the cursor."""
        raise NotImplementedError

    def refresh_status(self, item: Item) -> None:
        """Redraw what a change of the item's record affects."""
        raise NotImplementedError
