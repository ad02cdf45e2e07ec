"""Helpers shared by the UI tests: the terminal size, and reading what the screen shows."""

from __future__ import annotations

import tomllib
from io import StringIO

from rich.console import Console

from patternbrowser.tui.screens.main import MainScreen
from patternbrowser.tui.widgets.item_tree import ItemTree

SIZE = (100, 32)


def main_screen(app) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def stored(workdir, number: int) -> str | None:
    path = workdir / "TODO.progress.toml"
    if not path.exists():
        return None
    items = tomllib.loads(path.read_text())["items"]
    record = items.get(str(number))
    return record["status"] if record else None


def leaf_labels(app) -> list[str]:
    """The item labels in full (drawn on demand, and cut with … to the tree's width)."""
    tree = app.screen.query_one(ItemTree)
    return [
        tree._item_label(tree._items[leaf.data], tree._statuses).plain
        for group in tree.root.children
        for leaf in group.children
    ]


def static_text(app, selector: str) -> str:
    """The text a Static shows, rendered as plain text (tables included)."""
    buffer = StringIO()
    Console(file=buffer, width=120, color_system=None).print(app.screen.query_one(selector).content)
    return buffer.getvalue()


def group_labels(app) -> list[str]:
    return [str(group.label) for group in app.screen.query_one(ItemTree).root.children]


async def guide_shown(pilot) -> None:
    """Wait until the guide section of the item shown is drawn (it comes once moves rest)."""
    from patternbrowser.tui.widgets.item_view import ItemView

    def drawn() -> bool:
        screen = next(s for s in pilot.app.screen_stack if isinstance(s, MainScreen))
        return screen.query_one(ItemView).guide_shown_for == screen.number

    await until(pilot, drawn)


async def palette_shows(pilot, text: str) -> None:
    """Wait until the command palette lists a hit containing `text` (hits come from workers)."""

    def listed() -> bool:
        lists = pilot.app.screen.query("CommandList")
        return bool(lists) and any(text in str(o.prompt) for o in lists.first()._options)

    await until(pilot, listed)


async def until(pilot, condition, timeout: float = 10.0) -> None:
    """Let the app run until `condition()` holds (fails after `timeout` seconds)."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the app never reached the expected state"
        await pilot.pause(0.02)
