"""End to end in a real terminal: tmux runs the app, keys are typed, the CLI checks the result."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest


class Tmux:
    """A private tmux server (its own socket) holding one session."""

    def __init__(self, socket: str) -> None:
        self.base = ["tmux", "-L", socket]

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.base, *args], capture_output=True, text=True, check=False)

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "pb").stdout

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def alive(self) -> bool:
        return self("has-session", "-t", "pb").returncode == 0


@pytest.fixture
def tmux():
    if shutil.which("tmux") is None:
        pytest.fail("tmux is required for this test (.ci/run installs it)")
    server = Tmux(f"pbtest-{os.getpid()}")
    yield server
    server("kill-server")


def test_filter_select_and_mark_in_a_real_terminal(tmux, seed):
    todo = seed
    command = f"{sys.executable} -m patternbrowser --todo {todo}"
    started = tmux("new-session", "-d", "-s", "pb", "-x", "100", "-y", "32", command)
    assert started.returncode == 0, started.stderr
    tmux("resize-window", "-t", "pb", "-x", "100", "-y", "32")
    tmux.wait_for("JWT Authentication Flow")
    tmux("send-keys", "-t", "pb", "/")
    tmux.wait_for("filter: number, title")  # the field is open; type into it as a person would
    tmux("send-keys", "-t", "pb", "-l", "JWT")
    tmux.wait_for("1 of 22 items")
    tmux("send-keys", "-t", "pb", "Enter")
    time.sleep(0.3)
    tmux("send-keys", "-t", "pb", "Space")
    tmux.wait_for("In Progress")
    tmux("send-keys", "-t", "pb", "q")
    deadline = time.monotonic() + 15
    while tmux.alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not tmux.alive(), "the app did not quit on q"
    status = subprocess.run(
        [sys.executable, "-m", "patternbrowser", "--todo", str(todo), "status", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    items = {item["number"]: item["status"] for item in json.loads(status.stdout)["items"]}
    assert items[3] == "in_progress"
    assert [n for n, s in items.items() if s != "not_started"] == [3]
