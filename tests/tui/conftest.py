"""Fixtures for the terminal UI tests: apps on temporary copies, a fixed clock, fake tools."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from patternbrowser.core import clock
from patternbrowser.tui.app import PatternBrowserApp, make_app
from tests.helpers import FIXTURES, NOW, SEED, TODAY

AppFactory = Callable[..., PatternBrowserApp]


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    monkeypatch.setattr(clock, "now", lambda: NOW)


@pytest.fixture(autouse=True)
def no_clipboard_tools(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty PATH folder for clipboard tools, so a real xclip is never called."""
    tools = tmp_path / "bin"
    tools.mkdir()
    monkeypatch.setenv("PATH", str(tools))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX"):
        monkeypatch.delenv(name, raising=False)
    return tools


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    shutil.copyfile(SEED, folder / "TODO.md")
    shutil.copytree(FIXTURES / "guides", folder / "guides")
    return folder


@pytest.fixture
def app_for(workdir: Path) -> AppFactory:
    def build(todo: str | Path = "TODO.md", ascii_only: bool = False) -> PatternBrowserApp:
        path = Path(todo) if Path(todo).is_absolute() else workdir / todo
        return make_app(path, workdir / "guides", None, ascii_only=ascii_only)

    return build


def fake_tool(folder: Path, name: str, exit_code: int = 0) -> Path:
    """A clipboard tool that records its stdin (and argv) next to itself."""
    script = folder / name
    record = folder / f"{name}.stdin"
    script.write_text(
        f'#!/bin/sh\n/bin/cat > "{record}"\necho "$@" > "{record}.args"\nexit {exit_code}\n'
    )
    script.chmod(0o755)
    return record
