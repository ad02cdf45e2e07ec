"""Whole-process timings of the CLI, as ratios against baselines measured in the same run.

Run: uv run python -m benchmarks.bench_cli [--runs N]

Commands are run round-robin (one of each per round) so that a burst of load on the machine
hits all of them alike; each figure is the median over the rounds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bytecode import compile_bytecode
from benchmarks.generate import seed_and_big
from benchmarks.table import Row, print_rows

PB = [sys.executable, "-m", "patternbrowser"]


@dataclass
class Case:
    """A command to time, with an optional untimed step before each run."""

    name: str
    command: list[str]
    setup: Callable[[], None] | None = None
    env: dict[str, str] | None = None
    samples: list[float] = field(default_factory=list)

    def run(self) -> None:
        if self.setup:
            self.setup()
        start = time.perf_counter()
        subprocess.run(
            self.command,
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=self.env,
        )
        self.samples.append(time.perf_counter() - start)

    @property
    def median(self) -> float:
        return statistics.median(self.samples[1:])  # the first run only warms caches


def export_case(name: str, todo: Path, guides: Path) -> Case:
    """`export` after one `set`, each run starting from the freshly exported copy.

    `guides` is an empty folder: measuring the guides' metrics is other work than the TODO's
    (about 130 ms on the bundled guides, the same for any TODO with a metrics table).
    """
    pristine = todo.read_bytes()
    store = todo.with_name(f"{todo.stem}.progress.toml")

    def setup() -> None:
        todo.write_bytes(pristine)
        store.unlink(missing_ok=True)
        subprocess.run(
            [*PB, "--todo", str(todo), "set", "3", "completed"],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    return Case(name, [*PB, "--todo", str(todo), "--guides", str(guides), "export"], setup)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        seed, big = seed_and_big(Path(tmp))
        for todo in (seed, big):  # start from exported files, as a user would have them
            subprocess.run(
                [*PB, "--todo", str(todo), "export"], check=True, stdout=subprocess.DEVNULL
            )
        size = big.stat().st_size
        no_cache = {**os.environ, "PATTERNBROWSER_CACHE": "0"}
        no_guides = Path(tmp) / "no-guides"
        no_guides.mkdir()
        cases = [
            Case(
                "python -c 'import rich.console, markdown_it, tomlkit'",
                [sys.executable, "-c", "import rich.console, markdown_it, tomlkit"],
            ),
            Case("status (seed)", [*PB, "--todo", str(seed), "status"]),
            Case("status --json (seed)", [*PB, "--todo", str(seed), "status", "--json"]),
            Case(
                f"status --json (2,000 items, {size / 1e6:.2f} MB)",
                [*PB, "--todo", str(big), "status", "--json"],
            ),
            export_case("export, one item changed (seed)", seed, no_guides),
            export_case("export, one item changed (2,000 items)", big, no_guides),
            Case(
                "status --json (seed, parse cache off)",
                [*PB, "--todo", str(seed), "status", "--json"],
                env=no_cache,
            ),
            Case(
                "status --json (2,000 items, parse cache off)",
                [*PB, "--todo", str(big), "status", "--json"],
                env=no_cache,
            ),
        ]
        for _ in range(runs + 1):
            for case in cases:
                case.run()
    # case: (against case, limit); the cache-off pair is reported, not held to a limit
    limits: dict[int, tuple[int, float | None]] = {
        1: (0, 1.5),
        3: (2, 2.0),
        5: (4, 2.0),
        7: (6, None),
    }
    rows = []
    for index, case in enumerate(cases):
        if index in limits:
            against, limit = limits[index]
            base = cases[against]
            rows.append(Row(case.name, case.median, base.name, case.median / base.median, limit))
        else:
            rows.append(Row(case.name, case.median))
    title = f"median of {runs} interleaved runs each, Python {sys.version.split()[0]}"
    return print_rows(title, rows)


if __name__ == "__main__":
    raise SystemExit(main())
