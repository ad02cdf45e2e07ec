"""The filter field: `enter` goes to the first match in order with the keys typed around it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Input


class FilterField(Input):
    """An Input whose `enter` is carried out in the field's own order of keys.

    Keys typed at once (a paste, a slow SSH link) all reach the field before any is handled;
    a binding for `enter` would run only once the key had bubbled up to the app, after the
    keys behind it were typed into the field. Here `enter` runs where it stands: after the
    letters before it, and the keys after it go on to whatever has the focus by then.
    """

    # for the footer (and a click on it): the key itself is carried out in _on_key, in order
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "accept", "First match")]

    def __init__(self, accept: Callable[[], Awaitable[None]], **kwargs: object) -> None:
        """A field that calls `accept` on enter (the screen's go-to-first-match)."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._accept = accept

    async def action_accept(self) -> None:
        """Go to the first match (the footer's key, clicked)."""
        await self._accept()

    async def _on_key(self, event: events.Key) -> None:
        """Carry out enter in order; hand keys that came after it to the widget focused now."""
        if self.screen.focused is not self:
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            await self._accept()
            return
        await super()._on_key(event)
