"""`set` on a store that has seen 10,000 changes, against one that has seen 10, in one run.

Run: uv run python -m benchmarks.bench_history [--runs N]

Both stores are made the way use makes them (status changes recorded through the tracker,
round-robin over the seed's 22 items) and restored before every timed `set`.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.bytecode import compile_bytecode
from benchmarks.table import Row, print_rows
from patternbrowser.core import clock
from patternbrowser.core.progress.store import load_store
from patternbrowser.core.progress.store_write import save_store
from patternbrowser.core.progress.tracker import Tracker
from patternbrowser.core.status import Status
from patternbrowser.core.todo.parser import parse_todo
from patternbrowser.paths import bundled_todo

PB = [sys.executable, "-m", "patternbrowser"]
CYCLE = [Status.IN_PROGRESS, Status.COMPLETED, Status.NOT_STARTED, Status.BLOCKED]


def store_after(changes: int, todo: Path) -> bytes:
    """The bytes of a store that recorded `changes` status changes."""
    document = parse_todo(todo)
    store = load_store(todo.with_name(f"{todo.stem}.progress.toml"))
    tracker = Tracker(document, store)
    numbers = [item.number for item in document.items]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    real_now = clock.now
    try:
        for change in range(changes):
            moment = start + timedelta(minutes=change)
            clock.now = lambda moment=moment: moment  # type: ignore[misc]
            number = numbers[change % len(numbers)]
            tracker.set_status(number, CYCLE[(change // len(numbers)) % 4], "set")
    finally:
        clock.now = real_now
    save_store(store)
    data = store.path.read_bytes()
    store.path.unlink()
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    compile_bytecode()
    cases: dict[int, list[float]] = {10: [], 10_000: []}
    sizes = {}
    with tempfile.TemporaryDirectory() as tmp:
        todo = Path(tmp) / "TODO.md"
        shutil.copyfile(bundled_todo(), todo)
        store = todo.with_name("TODO.progress.toml")
        made = {changes: store_after(changes, todo) for changes in cases}
        sizes = {changes: len(data) for changes, data in made.items()}
        for _ in range(runs + 1):
            for changes, samples in cases.items():
                store.write_bytes(made[changes])
                start = time.perf_counter()
                subprocess.run(
                    [*PB, "--todo", str(todo), "set", "3", "completed"],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
                samples.append(time.perf_counter() - start)
    small, large = (statistics.median(cases[n][1:]) for n in (10, 10_000))
    rows = [
        Row(f"set, store after 10 changes ({sizes[10]:,} bytes)", small),
        Row(
            f"set, store after 10,000 changes ({sizes[10_000]:,} bytes)",
            large,
            "after 10 changes",
            large / small,
            1.5,
        ),
    ]
    return print_rows(f"median of {runs} interleaved runs, Python {sys.version.split()[0]}", rows)


if __name__ == "__main__":
    raise SystemExit(main())
