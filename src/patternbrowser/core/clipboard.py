"""Copy text to the clipboard: OSC 52 through the terminal, plus a native tool when present."""

from __future__ import annotations

import base64
import os
import shutil
import stat
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from patternbrowser.core.errors import WriteError
from patternbrowser.core.safefile import read_snapshot, write_atomic
from patternbrowser.core.wording import counted

TerminalWriter = Callable[[str], bool]  # writes an escape sequence; False when there is no tty


@dataclass
class CopyResult:
    """What reached a clipboard, in words a user understands.

    `via` holds the ways known to have worked (a tool that exited 0, tmux's buffer); `sent`
    the ones nobody confirms (OSC 52: the terminal may ignore it).
    """

    lines: int
    via: list[str] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def reached(self) -> bool:
        """True when the text went somewhere that may hold it."""
        return bool(self.via or self.sent)

    @property
    def native(self) -> bool:
        """True when a clipboard is known to hold the text."""
        return bool(self.via)

    def describe(self) -> str:
        """`copied 14 lines via xclip`, `sent 14 lines to the terminal (OSC 52) ...`."""
        lines = counted(self.lines, "line")
        if self.via:
            also = " (also sent to the terminal by OSC 52)" if self.sent else ""
            return f"copied {lines} via {' + '.join(self.via)}{also}"
        if self.sent:
            return (
                f"sent {lines} to the terminal's clipboard by OSC 52 "
                "(it arrives if the terminal allows it)"
            )
        return f"could not copy {lines}: no terminal for OSC 52 and no clipboard tool"


def osc52(text: str) -> str:
    """The OSC 52 sequence that asks the terminal to set its clipboard."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"\x1b]52;c;{payload}\x07"


def native_commands(env: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    """The clipboard tools this environment offers, best first: (name, argv)."""
    path = env.get("PATH", os.defpath)
    found: list[tuple[str, list[str]]] = []

    def offer(name: str, *args: str) -> None:
        program = shutil.which(name, path=path)
        if program:
            found.append((name, [program, *args]))

    if env.get("WAYLAND_DISPLAY"):
        offer("wl-copy")
    if env.get("DISPLAY"):
        offer("xclip", "-selection", "clipboard", "-in")
        if not any(name == "xclip" for name, _ in found):
            offer("xsel", "--clipboard", "--input")
    offer("pbcopy")
    offer("clip.exe")
    return found


def copy_text(
    text: str, write_terminal: TerminalWriter | None, env: Mapping[str, str] | None = None
) -> CopyResult:
    """Give `text` to tmux (inside tmux) or OSC 52, and to the first clipboard tool that works.

    Inside tmux an OSC 52 from a program, plain or wrapped for pass-through, is dropped by
    default; `tmux load-buffer -w` puts the text in tmux's buffer and, where tmux is set up
    for it, forwards it to the outer terminal's clipboard.
    """
    env = os.environ if env is None else env
    result = CopyResult(lines=len(text.splitlines()) or 1)
    tmux = shutil.which("tmux", path=env.get("PATH", os.defpath)) if env.get("TMUX") else None
    if tmux is not None:
        _run_tool(result, "tmux buffer", [tmux, "load-buffer", "-w", "-"], text, env)
    elif write_terminal is not None and write_terminal(osc52(text)):
        result.sent.append("OSC 52")
    for name, argv in native_commands(env):
        if _run_tool(result, name, argv, text, env):
            break
    return result


def _run_tool(
    result: CopyResult, name: str, argv: list[str], text: str, env: Mapping[str, str]
) -> bool:
    """Feed `text` to a tool; it counts as copied only when it exits 0."""
    try:
        subprocess.run(
            argv,
            input=text.encode("utf-8"),
            check=True,
            timeout=5,
            env=dict(env),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError) as error:
        result.failures.append(f"{name}: {error}")
        return False
    result.via.append(name)
    return True


def tty_writer() -> TerminalWriter:
    """A writer for the controlling terminal (for the CLI); False when there is none."""

    def write(sequence: str) -> bool:
        try:
            fd = os.open("/dev/tty", os.O_WRONLY | os.O_NOCTTY)
        except OSError:
            return False
        try:
            os.write(fd, sequence.encode("ascii"))
        finally:
            os.close(fd)
        return True

    return write


def save_to_file(path: Path, text: str) -> None:
    """Write `text` to a new file (never over an existing one) atomically, or to a stream.

    A pipe or terminal such as /dev/stdout is written to, never read: reading our own
    pipe to see whether it "exists" would wait forever.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise WriteError(f"cannot write: {error.strerror or error}", path) from None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        _write_stream(path, text)
        return
    if mode is not None:
        raise WriteError("already exists; not overwritten (choose another name)", path)
    snapshot = read_snapshot(path, missing_ok=True)
    if not path.parent.is_dir():
        raise WriteError(f"folder {path.parent} does not exist", path)
    write_atomic(snapshot, text.encode("utf-8"))


def _write_stream(path: Path, text: str) -> None:
    """Write to a pipe, terminal or other device the user named."""
    try:
        with path.open("w", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as error:
        raise WriteError(f"cannot write: {error.strerror or error}", path) from None
