"""Snapshot tests of the screens people see, grouped by feature."""

from __future__ import annotations

from pathlib import Path

import pytest

from patternbrowser.tui.app import make_app
from tests.helpers import FIXTURES


@pytest.fixture
def in_workdir(workdir, monkeypatch):
    """Run from the work folder so the header shows a short, stable path."""
    monkeypatch.chdir(workdir)
    (workdir / "CRATES.md").write_bytes((FIXTURES / "crates_todo.md").read_bytes())
    return workdir


def app(todo: str = "TODO.md", ascii_only: bool = False):
    return make_app(Path(todo), Path("guides"), None, ascii_only=ascii_only)


class TestMainScreen:
    def test_main_100x32(self, in_workdir, snap_compare):
        assert snap_compare(app(), terminal_size=(100, 32))

    def test_main_80x24(self, in_workdir, snap_compare):
        assert snap_compare(app(), terminal_size=(80, 24))

    def test_ascii_markers(self, in_workdir, snap_compare):
        assert snap_compare(
            app(ascii_only=True), press=["space", "down", "b"], terminal_size=(100, 32)
        )

    def test_grouped_by_guide(self, in_workdir, snap_compare):
        assert snap_compare(app(), press=["g", "g"], terminal_size=(100, 32))


class TestFilter:
    def test_filter_in_use(self, in_workdir, snap_compare):
        assert snap_compare(app(), press=["slash", *"test"], terminal_size=(100, 32))


class TestItem:
    def test_item_with_several_examples(self, in_workdir, snap_compare):
        assert snap_compare(
            app("CRATES.md"), press=["down", "right_square_bracket"], terminal_size=(100, 32)
        )


class TestHelp:
    def test_help_screen(self, in_workdir, snap_compare):
        assert snap_compare(app(), press=["question_mark"], terminal_size=(100, 32))
