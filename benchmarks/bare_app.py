"""Baselines: a bare Textual app (Header, Tree of 22, Footer), and one that shows a leaf.

Run: python -m benchmarks.bare_app
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Tree

LEAF = "An item title of ordinary length"


class BareApp(App[None]):
    """A Header, a Tree of 22 leaves and a Footer."""

    def compose(self) -> ComposeResult:
        yield Header()
        tree: Tree[int] = Tree("Items")
        for number in range(1, 23):
            tree.root.add_leaf(f"⬜ {number} {LEAF}", data=number)
        tree.root.expand()
        yield tree
        yield Footer()


if __name__ == "__main__":
    BareApp().run()


class BareBrowser(App[None]):
    """The baseline of moving through items: a Tree of 22 leaves and a Static it updates."""

    def compose(self) -> ComposeResult:
        from textual.widgets import Static

        tree: Tree[int] = Tree("Items")
        for number in range(1, 23):
            tree.root.add_leaf(f"⬜ {number} {LEAF}", data=number)
        tree.root.expand()
        yield tree
        yield Static(id="shown")

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[int]) -> None:
        from textual.widgets import Static

        self.query_one("#shown", Static).update(f"item {event.node.data}: {LEAF}")
