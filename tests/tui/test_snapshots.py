"""Snapshot tests of the screens people see, grouped by feature."""

from __future__ import annotations

from pathlib import Path

import pytest

from patternbrowser.tui.app import make_app
from tests.helpers import FIXTURES
from tests.tui.helpers import guide_shown, until


@pytest.fixture
def in_workdir(workdir, monkeypatch):
    """Run from the work folder so the header shows a short, stable path."""
    monkeypatch.chdir(workdir)
    (workdir / "CRATES.md").write_bytes((FIXTURES / "crates_todo.md").read_bytes())
    return workdir


def keys(*pressed: str):
    """Press keys, then let the guide section (drawn once the selection rests) appear."""

    async def run(pilot) -> None:
        await pilot.pause()
        await pilot.press(*pressed)
        await guide_shown(pilot)

    return run


def app(todo: str = "TODO.md", ascii_only: bool = False):
    return make_app(Path(todo), Path("guides"), None, ascii_only=ascii_only)


class TestMainScreen:
    def test_main_100x32(self, in_workdir, snap_compare):
        assert snap_compare(app(), terminal_size=(100, 32), run_before=keys())

    def test_main_80x24(self, in_workdir, snap_compare):
        assert snap_compare(app(), terminal_size=(80, 24), run_before=keys())

    def test_main_60x20(self, in_workdir, snap_compare):
        assert snap_compare(app(), terminal_size=(60, 20), run_before=keys())

    def test_main_200x50(self, in_workdir, snap_compare):
        assert snap_compare(app(), terminal_size=(200, 50), run_before=keys())

    def test_light_theme(self, in_workdir, snap_compare):
        async def run(pilot) -> None:
            pilot.app.theme = "textual-light"
            await keys("down")(pilot)

        assert snap_compare(app(), terminal_size=(100, 32), run_before=run)

    def test_no_color(self, in_workdir, snap_compare, monkeypatch):
        monkeypatch.setenv("NO_COLOR", "1")
        assert snap_compare(app(), terminal_size=(80, 24), run_before=keys("down"))

    def test_ascii_markers(self, in_workdir, snap_compare):
        run = keys("space", "down", "b")
        assert snap_compare(app(ascii_only=True), terminal_size=(100, 32), run_before=run)

    def test_grouped_by_guide(self, in_workdir, snap_compare):
        assert snap_compare(app(), terminal_size=(100, 32), run_before=keys("g", "g"))


class TestOutline:
    def test_guide_outline(self, in_workdir, snap_compare):
        async def run(pilot) -> None:
            from patternbrowser.tui.widgets.item_view import ItemView

            await pilot.pause()
            await pilot.press("g", "g", "g", "down")
            view = pilot.app.screen.query_one(ItemView)
            await until(pilot, lambda: view.place is not None and view.place.heading.level == 2)

        assert snap_compare(app(), terminal_size=(100, 32), run_before=run)


class TestFilter:
    def test_filter_in_use(self, in_workdir, snap_compare):
        typed = keys("slash", *"test")

        async def run(pilot) -> None:
            await pilot.pause()  # the screen composes after the app is ready
            pilot.app.screen.query_one("#filter").cursor_blink = False  # a blink is not a change
            await typed(pilot)

        assert snap_compare(app(), terminal_size=(100, 32), run_before=run)


class TestItem:
    def test_item_with_several_examples(self, in_workdir, snap_compare):
        run = keys("down", "right_square_bracket")
        assert snap_compare(app("CRATES.md"), terminal_size=(100, 32), run_before=run)


class TestHelp:
    def test_help_screen(self, in_workdir, snap_compare):
        assert snap_compare(app(), terminal_size=(100, 32), run_before=keys("question_mark"))
