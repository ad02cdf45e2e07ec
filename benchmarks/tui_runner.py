"""Start an app headless, wait for its first complete screen, exit (timed by bench_tui).

Run: python -m benchmarks.tui_runner bare|app [TODO GUIDES STATE]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Footer, Header, Tree


class BareApp(App[None]):
    """The baseline: a Header, a Tree of 22 leaves and a Footer."""

    def compose(self) -> ComposeResult:
        yield Header()
        tree: Tree[int] = Tree("Items")
        for number in range(1, 23):
            tree.root.add_leaf(f"⬜ {number} An item title of ordinary length", data=number)
        tree.root.expand()
        yield tree
        yield Footer()


async def first_screen_then_exit(pilot: Pilot[Any]) -> None:
    """Wait until the app shows what a user expects to see first, then leave."""
    app = pilot.app
    await pilot.pause()
    screen = app.screen
    if hasattr(screen, "number"):  # patternbrowser: wait for the first item to be shown
        from patternbrowser.tui.widgets.item_view import ItemView

        while screen.query_one(ItemView).item is None:
            await pilot.pause(0.01)
        await pilot.pause()
    app.exit()


def main() -> None:
    kind = sys.argv[1]
    if kind == "bare":
        app: App[None] = BareApp()
    else:
        from patternbrowser.tui.app import make_app

        todo, guides, state = (Path(arg) for arg in sys.argv[2:5])
        app = make_app(todo, guides, state)
    app.run(headless=True, size=(100, 32), auto_pilot=first_screen_then_exit)


if __name__ == "__main__":
    main()
