"""Two real terminals to drive the app in: tmux when it is installed, and always a pty + pyte.

Both start the program in a terminal of a given size, type keys, and read the screen back as
text lines, so one scenario runs in each of them.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Sequence

import pyte

from benchmarks.terminal import spawn_in_pty

# tmux key names → the bytes an xterm sends for them
KEYS = {
    "Up": "\x1b[A",
    "Down": "\x1b[B",
    "Right": "\x1b[C",
    "Left": "\x1b[D",
    "Home": "\x1b[H",
    "End": "\x1b[F",
    "PageUp": "\x1b[5~",
    "PageDown": "\x1b[6~",
    "Enter": "\r",
    "Escape": "\x1b",
    "Tab": "\t",
    "BSpace": "\x7f",
    "Space": " ",
    "C-z": "\x1a",
    "C-p": "\x10",
}


class Terminal:
    """A program running in a terminal that a test types into and reads."""

    name = ""

    def start(self, command: Sequence[str], size: tuple[int, int]) -> None:
        raise NotImplementedError

    def keys(self, *names: str) -> None:
        """Press keys (tmux names), all in one write, as a paste or a slow link delivers them."""
        raise NotImplementedError

    def type(self, text: str) -> None:
        """Type literal text."""
        raise NotImplementedError

    def lines(self) -> list[str]:
        """The screen as it is now, one string per row."""
        raise NotImplementedError

    def alive(self) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def clipboard(self) -> str | None:
        """What the program put on this terminal's clipboard, if anything."""
        raise NotImplementedError

    def screen(self) -> str:
        return "\n".join(self.lines())

    def wait_for(self, text: str, timeout: float = 30) -> str:
        """The screen once `text` is on it; fails with the screen after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(
            f"{text!r} never appeared in {self.name}; the screen was:\n{self.screen()}"
        )

    def wait_until_gone(self, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not self.alive(), f"the program did not exit in {self.name}"


class TmuxTerminal(Terminal):
    """A private tmux server (its own socket) holding one session."""

    name = "tmux"

    def __init__(self) -> None:
        self.base = ["tmux", "-L", f"pbtest-{os.getpid()}-{id(self)}"]

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.base, *args], capture_output=True, text=True, check=False)

    def start(self, command: Sequence[str], size: tuple[int, int]) -> None:
        columns, rows = size
        started = self._run(
            "new-session",
            "-d",
            "-s",
            "pb",
            "-x",
            str(columns),
            "-y",
            str(rows),
            " ".join(command),
        )
        assert started.returncode == 0, started.stderr
        self._run("resize-window", "-t", "pb", "-x", str(columns), "-y", str(rows))

    def keys(self, *names: str) -> None:
        self._run("send-keys", "-t", "pb", *names)

    def type(self, text: str) -> None:
        self._run("send-keys", "-t", "pb", "-l", text)

    def lines(self) -> list[str]:
        return self._run("capture-pane", "-p", "-t", "pb").stdout.splitlines()

    def alive(self) -> bool:
        return self._run("has-session", "-t", "pb").returncode == 0

    def clipboard(self) -> str | None:
        shown = self._run("show-buffer")
        return shown.stdout if shown.returncode == 0 else None

    def close(self) -> None:
        self._run("kill-server")


class PtyTerminal(Terminal):
    """A pseudo-terminal whose output is read by pyte, an xterm-like terminal emulator."""

    name = "pty+pyte"

    def start(self, command: Sequence[str], size: tuple[int, int]) -> None:
        columns, rows = size
        self.screen_model = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen_model)
        self.lock = threading.Lock()
        self.raw = bytearray()  # everything written, escape sequences included
        self.fed = 0  # how much of it the emulator has read
        self.process, self.leader = spawn_in_pty(
            command, size, drop=("TMUX", "COLUMNS", "LINES", "TEXTUAL")
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.leader, 65536)
            except OSError:  # the program closed the terminal
                return
            if not chunk:
                return
            with self.lock:  # only keep the bytes here: a slow reader makes the app drop output
                self.raw += chunk

    def keys(self, *names: str) -> None:
        os.write(self.leader, "".join(KEYS.get(name, name) for name in names).encode())

    def type(self, text: str) -> None:
        os.write(self.leader, text.encode())

    def lines(self) -> list[str]:
        with self.lock:
            fresh = bytes(self.raw[self.fed :])
            self.fed = len(self.raw)
        self.stream.feed(fresh)
        return [line.rstrip() for line in self.screen_model.display]

    def alive(self) -> bool:
        return self.process.poll() is None

    def clipboard(self) -> str | None:
        with self.lock:
            found = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)", bytes(self.raw))
        return base64.b64decode(found[-1]).decode() if found else None

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        with contextlib.suppress(OSError):
            os.close(self.leader)


def available() -> list[str]:
    """The terminals this machine can run: pty+pyte always, tmux when it is installed."""
    return ["pty", *(["tmux"] if shutil.which("tmux") else [])]


def make(kind: str) -> Terminal:
    return TmuxTerminal() if kind == "tmux" else PtyTerminal()
