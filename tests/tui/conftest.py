"""Fixtures for the terminal UI tests: apps on temporary copies, a fixed clock, fake tools."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from patternbrowser.tui.app import PatternBrowserApp, make_app
from tests.helpers import FIXTURES, SEED

AppFactory = Callable[..., PatternBrowserApp]


@pytest.fixture(autouse=True)
def fixed_clock(fixed_clock: date) -> date:
    """The shared fixed clock (tests/conftest.py), for every UI test."""
    return fixed_clock


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
    def build(todo: str | Path = "TODO.md") -> PatternBrowserApp:
        path = Path(todo) if Path(todo).is_absolute() else workdir / todo
        return make_app(path, workdir / "guides", None)

    return build
