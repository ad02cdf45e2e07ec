"""Browsing the library, in process, as ratios against baselines of the same run.

Run: uv run python -m benchmarks.bench_browse [--rounds N]

1. One filter keystroke (`/` is open; a letter typed, then erased) until the tree is rebuilt:
   at 2,000 items and 20 guides of 100 KB against the seed with the bundled guides.
2. Moving to the next item and showing it, its guide section and the section's code blocks
   included, against a bare Textual app that moves a Tree cursor and updates a Static
   (benchmarks/bare_app.py: BareBrowser), both timed alike: a key, then pauses until what it
   shows has changed and the app is idle; then the same moves again, when the items' parts
   and prose renders are kept.
3. Opening the palette and typing a heading name until its hits are listed: the figure.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.bare_app import BareBrowser
from benchmarks.bytecode import compile_bytecode
from benchmarks.generate import generate_guides, seed_and_big
from benchmarks.table import Row, print_rows
from patternbrowser.paths import bundled_guides

SIZE = (100, 32)


async def _until(pilot: Any, done: Callable[[], bool]) -> None:
    while not done():
        await pilot.pause(0)


def _changed(now: Callable[[], object], before: object) -> bool:
    return now() is not before


async def filter_keystroke(todo: Path, guides: Path, state: Path, keys: int) -> float:
    """Median seconds from a key typed in the filter until the tree shows the new matches."""
    from patternbrowser.tui.app import make_app
    from patternbrowser.tui.widgets.item_tree import ItemTree

    app = make_app(todo, guides, state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ItemTree)
        await pilot.press("slash", "e")
        await pilot.pause()
        elapsed = []
        for index in range(keys):
            key = "backspace" if index % 2 else "x"
            before = tree.root.children
            start = time.perf_counter()
            await pilot.press(key)
            await _until(pilot, partial(_changed, lambda: tree.root.children, before))
            await pilot.pause(0)
            elapsed.append(time.perf_counter() - start)
    return statistics.median(elapsed)


def _guide_drawn(view: Any) -> bool:
    return view.item is not None and view.guide_shown_for == view.item.number


async def _move(pilot: Any, view: Any) -> float:
    """Seconds from `down` until the next item and its guide section (blocks included) are drawn."""
    before = view.item
    start = time.perf_counter()
    for _ in range(3):  # a group heading may lie between two items
        await pilot.press("down")
        await pilot.pause(0)
        if view.item is not before:
            break
    else:
        raise RuntimeError("the selection did not reach another item")
    # drawn with the item, in the same batch: waited on all the same, as the issue asks
    await _until(pilot, partial(_guide_drawn, view))
    return time.perf_counter() - start


async def move_and_show(todo: Path, guides: Path, state: Path, moves: int) -> tuple[float, float]:
    """Median seconds per `down` until the next item and its guide section are drawn.

    Over the first `moves` items, then over the same items again, when their parts and
    prose renders are kept.
    """
    from patternbrowser.tui.app import make_app
    from patternbrowser.tui.widgets.item_view import ItemView

    app = make_app(todo, guides, state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ItemView)
        await _until(pilot, partial(_guide_drawn, view))  # the first screen's, a moment later
        top = view.item
        first = [await _move(pilot, view) for _ in range(moves)]
        await pilot.press("home")
        await _until(pilot, lambda: view.item is top)
        await _until(pilot, partial(_guide_drawn, view))
        again = [await _move(pilot, view) for _ in range(moves)]
    return statistics.median(first), statistics.median(again)


async def bare_move(moves: int) -> float:
    """Median seconds per `down` in the bare app until its Static shows the new leaf."""
    from textual.widgets import Static

    app = BareBrowser()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = app.query_one("#shown", Static)
        app.query_one("Tree").focus()
        elapsed = []
        for index in range(moves):
            key = "down" if index < 20 or index % 2 else "up"
            before = shown.content
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause(0)
            await _until(pilot, partial(_changed, lambda: shown.content, before))
            elapsed.append(time.perf_counter() - start)
    return statistics.median(elapsed)


async def palette(todo: Path, guides: Path, state: Path, typed: str) -> float:
    """Seconds from ctrl+p until the hits for `typed` (a heading's name) are listed."""
    from textual.command import CommandList
    from textual.widgets import Input

    from patternbrowser.tui.app import make_app

    app = make_app(todo, guides, state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("ctrl+p")
        app.screen.query_one(Input).value = typed  # as a paste: one search, not one per key
        commands = app.screen.query_one(CommandList)
        await _until(pilot, lambda: commands.option_count > 0)
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seed, big = seed_and_big(folder)
        generate_guides(folder / "big" / "guides", 20, 100_000)
        small = (seed, bundled_guides(), folder / "seed.toml")
        large = (big, folder / "big" / "guides", folder / "big.toml")
        samples: dict[str, list[float]] = {}

        def add(name: str, value: float) -> None:
            samples.setdefault(name, []).append(value)

        for _ in range(rounds):  # interleaved, so that load on the machine hits all alike
            add("filter seed", asyncio.run(filter_keystroke(*small, 20)))
            add("filter big", asyncio.run(filter_keystroke(*large, 20)))
            add("bare move", asyncio.run(bare_move(40)))
            first, again = asyncio.run(move_and_show(*small, 21))
            add("move seed", first)
            add("move again", again)
            add("palette", asyncio.run(palette(*small, "caching strategies")))
    m = {name: statistics.median(values) for name, values in samples.items()}
    rows = [
        Row("filter keystroke, seed + bundled guides", m["filter seed"]),
        Row(
            "filter keystroke, 2,000 items + 20 guides of 100 KB",
            m["filter big"],
            "seed",
            m["filter big"] / m["filter seed"],
            1.5,
        ),
        Row("bare app: move a Tree cursor, update a Static", m["bare move"]),
        Row(
            "move + show an item, guide blocks included, seed",
            m["move seed"],
            "bare",
            m["move seed"] / m["bare move"],
            2.0,
        ),
        Row(
            "the same moves again (parts and renders kept)",
            m["move again"],
            "bare",
            m["move again"] / m["bare move"],
        ),
        Row("palette: ctrl+p, type a heading, hits listed", m["palette"]),
    ]
    return print_rows(f"browsing: medians of {rounds} interleaved rounds, in process", rows)


if __name__ == "__main__":
    raise SystemExit(main())
