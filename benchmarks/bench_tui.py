"""Start-up and navigation of the terminal UI, as ratios against baselines of the same run.

Run: uv run python -m benchmarks.bench_tui [--runs N]

1. Time from launch to the first complete screen, in a real pseudo-terminal of 100x32
   (benchmarks/terminal.py): the program is started as a user starts it and timed until
   its own terminal output holds everything that screen shows. The seed with the bundled
   guides against a bare Textual app (Header, Tree of 22 leaves, Footer), and a generated
   TODO of 2,000 items with 20 guides of 100 KB against the seed. Runs are interleaved so
   that load on the machine hits all cases alike.
2. Moving the selection and showing the item, in process: the median over 40 moves at
   2,000 items against the same at 22.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bare_app import LEAF
from benchmarks.bytecode import compile_bytecode
from benchmarks.generate import generate_guides, seed_and_big
from benchmarks.table import Row, print_rows
from benchmarks.terminal import time_to_screen
from patternbrowser.paths import bundled_guides

PYTHON = [sys.executable, "-m"]
# What the first complete screen shows: the first item's title and its instructions, the
# tree's count, the footer; for the generated TODO also its (visible) example, highlighted
SEED_SCREEN = [
    "3. JWT Authentication Flow",
    "Add complete JWT authentication implementation:",
    "22 items",
    "Quit",
]
BIG_SCREEN = [
    "1. Generated Pattern Number 1",
    "Add the pattern with:",
    "pattern_1",
    "2000 items",
    "Quit",
]


def app_command(paths: list[str]) -> list[str]:
    """patternbrowser as a user starts it, on these TODO, guides and store paths."""
    todo, guides, state = paths
    return [*PYTHON, "patternbrowser", "--todo", todo, "--guides", guides, "--state", state]


def startup(cases: dict[str, tuple[list[str], list[str]]], runs: int) -> dict[str, float]:
    """Median seconds from launch until each case's texts are on its terminal screen."""
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs + 1):  # the first round warms the disk and parse caches; dropped
        for name, (command, texts) in cases.items():
            samples[name].append(time_to_screen(command, texts, size=(100, 32)))
    return {name: statistics.median(values[1:]) for name, values in samples.items()}


async def move_time(todo: Path, guides: Path, state: Path, moves: int) -> float:
    """Median seconds per `down` key until the next item is shown."""
    from patternbrowser.tui.app import make_app
    from patternbrowser.tui.widgets.item_view import ItemView

    app = make_app(todo, guides, state)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ItemView)
        while view.item is None:
            await pilot.pause(0.01)
        elapsed = []
        for _ in range(moves):
            before = view.item
            start = time.perf_counter()
            for _ in range(3):  # a group heading may lie between two items
                await pilot.press("down")
                await pilot.pause()
                if view.item is not before:
                    break
            else:
                raise RuntimeError("the selection did not reach another item")
            elapsed.append(time.perf_counter() - start)
    return statistics.median(elapsed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seed, big = seed_and_big(folder)
        generate_guides(folder / "big" / "guides", 20, 100_000)
        seed_args = [str(seed), str(bundled_guides()), str(folder / "seed.toml")]
        big_args = [str(big), str(folder / "big" / "guides"), str(folder / "big.toml")]
        times = startup(
            {
                "bare": ([*PYTHON, "benchmarks.bare_app"], [f"22 {LEAF}", "palette"]),
                "seed": (app_command(seed_args), SEED_SCREEN),
                "big": (app_command(big_args), BIG_SCREEN),
            },
            runs,
        )
        seed_paths = [Path(arg) for arg in seed_args]
        big_paths = [Path(arg) for arg in big_args]
        moves_seed = asyncio.run(move_time(seed_paths[0], seed_paths[1], seed_paths[2], 21))
        moves_big = asyncio.run(move_time(big_paths[0], big_paths[1], big_paths[2], 40))
    bare, seed_time, big_time = times["bare"], times["seed"], times["big"]
    rows = [
        Row("bare Textual app: Header, Tree of 22 leaves, Footer", bare),
        Row(
            "patternbrowser on the seed + bundled guides", seed_time, "bare", seed_time / bare, 1.3
        ),
        Row(
            "patternbrowser on 2,000 items + 20 guides of 100 KB",
            big_time,
            "seed",
            big_time / seed_time,
            1.5,
        ),
        Row("move + show an item, seed (median of 21)", moves_seed),
        Row(
            "move + show an item, 2,000 items (median of 40)",
            moves_big,
            "seed",
            moves_big / moves_seed,
            1.5,
        ),
    ]
    python = sys.version.split()[0]
    title = f"first complete screen: median of {runs} interleaved runs; Python {python}"
    return print_rows(title, rows)


if __name__ == "__main__":
    raise SystemExit(main())
