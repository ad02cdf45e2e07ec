"""The item pane's widgets that take the size a layout gives them without asking for more."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.geometry import Size
from textual.selection import Selection
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.widget import Widget

    _Mixin = Widget
else:
    # not a widget class: Textual takes a widget's CSS from its first widget base alone
    _Mixin = object


class OnePass(_Mixin):
    """A widget whose new size does not lay the screen out a second time (first among bases)."""

    # After a layout Textual gives each widget its virtual size through a reactive that asks
    # for another layout whenever the size changed. For the item pane's widgets, sized by
    # their content, that second pass places everything where the first did, a frame later:
    # it doubled the cost of showing the next item. Scrollbars that must now appear or go
    # still ask for their layout (`_refresh_scrollbars` sets reactives of its own).

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Take the sizes the layout decided; the layout already placed this widget by them."""
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class PaneText(OnePass, Static):
    """Text in the item pane, which may be hidden as a spare for later items."""

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text selected here; none while hidden (a triple click selects hidden ones too)."""
        return super().get_selection(selection) if self.display else None


class Line(PaneText):
    """A line or paragraph of the pane's own: a title, the fields, a caption, a note."""


class Parts(OnePass, Vertical):
    """A column of the pane's parts (the item's body, its guide section)."""
