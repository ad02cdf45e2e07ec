"""Shared fixtures: copies of the seed and of a second TODO, a fixed clock, a CLI runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from patternbrowser.cli import main
from patternbrowser.core import clock
from tests.examples.report import (  # noqa: F401  (hooks: the examples' report, in every process)
    pytest_runtest_logreport,
    pytest_sessionfinish,
    pytest_terminal_summary,
)
from tests.helpers import FIXTURES, NOW, SEED, TODAY


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    monkeypatch.setattr(clock, "now", lambda: NOW)
    return TODAY


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    target = tmp_path / "TODO.md"
    shutil.copyfile(SEED, target)
    return target


@pytest.fixture
def crates(tmp_path: Path) -> Path:
    target = tmp_path / "CRATES.md"
    shutil.copyfile(FIXTURES / "crates_todo.md", target)
    return target


@pytest.fixture
def no_guides(tmp_path: Path) -> Path:
    """An empty guides folder, for exports whose measured metrics must not change."""
    folder = tmp_path / "no-guides"
    folder.mkdir()
    return folder


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], fixed_clock: date) -> Callable[..., Result]:
    def run(*args: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def pytest_configure(config: pytest.Config) -> None:
    """Keep the parse cache of the tests (and of the programs they start) out of ~/.cache."""
    import os
    import tempfile

    os.environ["PATTERNBROWSER_CACHE_DIR"] = tempfile.mkdtemp(prefix="pb-test-cache-")
