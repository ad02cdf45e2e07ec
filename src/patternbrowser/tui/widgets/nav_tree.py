"""What the item tree and the guide outline share: moving, opening and closing rows."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.widgets import Tree

NodeT = TypeVar("NodeT")


class NavTree(Tree[NodeT], inherit_bindings=False):
    """A tree moved through with the arrows or j/k, its rows opened with right, closed with left."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("left", "collapse_or_parent", "Collapse", show=False),
        Binding("right", "expand", "Expand", show=False),
    ]

    def action_collapse_or_parent(self) -> None:
        """Close an open row, or go up to the row above it."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_expand(self) -> None:
        """Open a row to the rows below it."""
        node = self.cursor_node
        if node is not None and node.allow_expand:
            node.expand()
