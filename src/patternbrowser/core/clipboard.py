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
    """What reached a clipboard, in words a user understands."""

    lines: int
    via: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def reached(self) -> bool:
        """True when at least one way to a clipboard worked."""
        return bool(self.via)

    @property
    def native(self) -> bool:
        """True when a clipboard tool (not only the terminal) took the text."""
        return any(way != "OSC 52" for way in self.via)

    def describe(self) -> str:
        """A one-line summary such as 'copied 14 lines via OSC 52 + xclip'."""
        lines = counted(self.lines, "line")
        if not self.via:
            return f"could not copy {lines}: no terminal for OSC 52 and no clipboard tool"
        return f"copied {lines} via {' + '.join(self.via)}"


def osc52(text: str, in_tmux: bool) -> str:
    """The OSC 52 sequence that sets the clipboard, wrapped for tmux pass-through if needed."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    sequence = f"\x1b]52;c;{payload}\x07"
    if in_tmux:
        # DCS pass-through: tmux hands the inner sequence (ESCs doubled) to the outer terminal
        return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    return sequence


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
    """Send `text` by OSC 52 (always, when a terminal is there) and by the first working tool."""
    env = os.environ if env is None else env
    result = CopyResult(lines=len(text.splitlines()) or 1)
    if write_terminal is not None and write_terminal(osc52(text, in_tmux=bool(env.get("TMUX")))):
        result.via.append("OSC 52")
    for name, argv in native_commands(env):
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
            continue
        result.via.append(name)
        break
    return result


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
