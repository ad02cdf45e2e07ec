"""Time a full-screen program in a real pseudo-terminal until given texts are on its screen.

This is what a user sees: from launch until the first frame that holds everything asked for,
written by the program's own terminal driver (escape sequences and all), not a headless run.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence

# CSI, OSC and two-byte escape sequences: what separates the words of a frame on the wire
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")


class ScreenTimeout(RuntimeError):
    """The program did not show the expected texts in time."""


def spawn_in_pty(
    command: Sequence[str], size: tuple[int, int], drop: Sequence[str] = ()
) -> tuple[subprocess.Popen[bytes], int]:
    """Start `command` in a new pseudo-terminal of `size` (an xterm); returns it and the leader.

    `drop` names environment variables the program must not inherit.
    """
    leader, follower = os.openpty()
    columns, rows = size
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    for name in drop:
        env.pop(name, None)
    process = subprocess.Popen(
        list(command),
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        start_new_session=True,
    )
    os.close(follower)
    return process, leader


def time_to_screen(
    command: Sequence[str],
    texts: Sequence[str],
    size: tuple[int, int] = (100, 32),
    timeout: float = 20.0,
) -> float:
    """Seconds from launch until every one of `texts` has been written to the terminal."""
    start = time.perf_counter()
    process, leader = spawn_in_pty(
        command, size, drop=("NO_COLOR", "TEXTUAL", "COLUMNS", "LINES", "TMUX")
    )
    received = bytearray()
    try:
        while True:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise ScreenTimeout(f"{command[-1]}: not all of {list(texts)} shown")
            ready, _, _ = select.select([leader], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the program closed the terminal: it exited
                chunk = b""
            if not chunk:
                raise ScreenTimeout(f"{command[-1]}: exited before showing {list(texts)}")
            received += chunk
            screen = _ESCAPES.sub("", received.decode("utf-8", errors="replace"))
            if all(text in screen for text in texts):
                return time.perf_counter() - start
    finally:
        _stop(process)
        os.close(leader)


def _stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):  # it may have exited by itself
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
