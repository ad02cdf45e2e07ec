"""End to end in a real terminal: the app runs, keys are typed, the CLI checks the result."""

from __future__ import annotations

import json
import subprocess
import sys

from wcwidth import wcswidth

from tests.e2e.terminals import Terminal

APP = [sys.executable, "-m", "patternbrowser"]


def statuses(todo) -> dict[int, str]:
    result = subprocess.run(
        [*APP, "--todo", str(todo), "status", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return {item["number"]: item["status"] for item in json.loads(result.stdout)["items"]}


def test_filter_select_and_mark(terminal: Terminal, seed):
    terminal.start([*APP, "--todo", str(seed)], (100, 32))
    terminal.wait_for("JWT Authentication Flow")
    terminal.keys("/")
    terminal.wait_for("filter: number, title")  # the field is open; type as a person would
    terminal.type("JWT")
    terminal.wait_for("1 of 22 items")
    terminal.keys("Enter")
    terminal.wait_for("3. JWT Authentication Flow")
    terminal.keys("Space")
    terminal.wait_for("In Progress")
    terminal.keys("q")
    terminal.wait_for("Not exported")  # the status is saved; the markdown does not show it
    terminal.keys("q")
    terminal.wait_until_gone()
    items = statuses(seed)
    assert items[3] == "in_progress"
    assert [n for n, s in items.items() if s != "not_started"] == [3]


def test_keys_in_one_burst_act_on_the_item_under_the_cursor(terminal: Terminal, seed):
    """Down x4 and Space arrive together (a paste, a slow SSH link): item 10 changes, not 4."""
    terminal.start([*APP, "--todo", str(seed)], (100, 32))
    terminal.wait_for("3. JWT Authentication Flow")
    terminal.keys("Down", "Down", "Down", "Down", "Space")
    terminal.wait_for("#10:")  # the notice of the change
    terminal.keys("q")
    terminal.wait_for("Not exported")  # the status is saved; the markdown does not show it
    terminal.keys("q")
    terminal.wait_until_gone()
    assert {n: s for n, s in statuses(seed).items() if s != "not_started"} == {10: "in_progress"}


def test_rows_of_all_four_statuses_line_up(terminal: Terminal, seed):
    """⏸️ is one cell to tmux and two to the app: rows must not shift or leave debris."""
    for number, status in [(4, "in_progress"), (5, "completed"), (11, "blocked")]:
        subprocess.run(
            [*APP, "--todo", str(seed), "set", str(number), status], check=True, capture_output=True
        )
    terminal.start([*APP, "--todo", str(seed)], (100, 32))
    screen = terminal.wait_for("Blocked")
    rows = {}
    for line in screen.splitlines():
        for title in (
            "JWT Authentication",
            "File Upload Security",
            "API Rate Limiting",
            "SQL Injection",
        ):
            if title in line and title not in rows:
                rows[title] = line
    assert len(rows) == 4, screen
    # the cell each title starts at, counted the way the terminal counts (wcwidth)
    columns = {wcswidth(line[: line.index(title)]) for title, line in rows.items()}
    assert len(columns) == 1, "\n".join(rows.values())
    dividers = {wcswidth(line[: line.index("▕")]) for line in rows.values() if "▕" in line}
    assert len(dividers) == 1, "\n".join(rows.values())


def test_c_puts_the_example_on_the_terminals_clipboard(terminal: Terminal, seed, tmp_path):
    """In tmux the text goes to tmux's buffer; elsewhere by OSC 52 to the terminal."""
    terminal.start([*APP, "--todo", str(seed)], (100, 32))
    terminal.wait_for("3. JWT Authentication Flow")
    terminal.keys("c")
    terminal.wait_for("8 lines")
    clipboard = terminal.clipboard()
    assert clipboard is not None and clipboard.startswith("from jose import JWTError, jwt\n")
