"""`o` opens what the pane shows in the user's editor; `a` edits the item's note."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from textual.app import App

from patternbrowser.tui.screens.note_dialog import NoteDialog
from patternbrowser.tui.widgets.item_view import ItemView
from tests.tui.helpers import SIZE, guide_shown, main_screen, static_text, until
from tests.tui.test_palette import choose


@contextmanager
def suspend(self) -> Iterator[None]:
    """What App.suspend does where it can, minus the terminal."""
    yield


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pytest.fixture
def editor_runs(monkeypatch):
    """A suspend that does nothing and an editor that records its argv (and may edit)."""
    calls: list[list[str]] = []
    edits: list[Callable[[], object]] = []

    def run(argv, check=False):
        calls.append(list(argv))
        for edit in edits:
            edit()
        return subprocess.CompletedProcess(argv, 0)

    monkeypatch.setattr(App, "suspend", suspend)
    monkeypatch.setattr(subprocess, "run", run)
    monkeypatch.setenv("VISUAL", "nvim -u NONE")
    monkeypatch.delenv("EDITOR", raising=False)
    return calls, edits


async def test_o_opens_the_item_at_its_heading_and_reloads_what_the_editor_changed(
    app_for, workdir, editor_runs
):
    calls, edits = editor_runs
    todo = workdir / "TODO.md"

    def retitle():
        text = todo.read_text(encoding="utf-8")
        todo.write_text(text.replace("### 3. JWT Authentication Flow", "### 3. JWT Done Right"))

    edits.append(retitle)
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert calls == [["nvim", "-u", "NONE", "+72", str(todo)]]
        view = app.screen.query_one(ItemView)
        await until(pilot, lambda: view.item is not None and view.item.title == "JWT Done Right")
        assert any("reloaded TODO.md" in text for text in notices(app))


async def test_o_opens_the_guide_block_or_heading_shown(app_for, workdir, editor_runs):
    calls, _edits = editor_runs
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await guide_shown(pilot)
        await pilot.press("right_square_bracket", "left_square_bracket")  # the user chose it
        sample = app.screen.query_one(ItemView).sample
        assert sample is not None and sample.kind == "guide"
        await pilot.press("o")
        await pilot.pause()
        assert calls[-1] == ["nvim", "-u", "NONE", f"+{sample.line}", str(sample.path)]
        assert sample.path.parent.name == "guides"
        assert any("nothing changed" in text for text in notices(app))
        await choose(app, pilot, "unrelated section")
        await pilot.press("o")
        await pilot.pause()
        guide = workdir / "guides" / "CLAUDE-validation.md"
        assert calls[-1] == ["nvim", "-u", "NONE", "+17", str(guide)]


async def test_vscode_gets_goto_and_an_editor_that_fails_is_one_line(app_for, monkeypatch):
    app = app_for()
    monkeypatch.setattr(App, "suspend", suspend)
    seen: list[list[str]] = []

    def missing(argv, check=False):
        seen.append(argv)
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(subprocess, "run", missing)
    monkeypatch.setenv("VISUAL", "code --wait")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert seen[0][:3] == ["code", "--wait", "-g"] and seen[0][3].endswith("TODO.md:72")
        assert "code: No such file or directory" in notices(app)
        assert main_screen(app).is_attached  # no traceback: the app goes on


async def test_o_in_a_headless_run_says_it_cannot_suspend(app_for, monkeypatch):
    ran: list[object] = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: ran.append(a))
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert not ran
        assert any("cannot hand the screen to an editor" in text for text in notices(app))


async def test_a_saves_the_note_shows_it_and_clears_it(app_for, workdir):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, NoteDialog))
        await pilot.press(*"ask [b]Ana[/b]", "enter")
        await until(pilot, lambda: not isinstance(app.screen, NoteDialog))
        store = (workdir / "TODO.progress.toml").read_text()
        assert 'note = "ask [b]Ana[/b]"' in store
        assert "Note" in static_text(app, "#item-fields")
        assert "ask [b]Ana[/b]" in static_text(app, "#item-fields")  # data, not markup
        await pilot.press("a")  # the field holds the note: select it all and delete it
        await until(pilot, lambda: isinstance(app.screen, NoteDialog))
        assert app.screen.query_one("#note").value == "ask [b]Ana[/b]"
        await pilot.press("ctrl+a", "ctrl+k", "enter")
        await until(pilot, lambda: not isinstance(app.screen, NoteDialog))
        assert "note" not in (workdir / "TODO.progress.toml").read_text()
        assert "ask" not in static_text(app, "#item-fields")


async def test_escape_keeps_the_note(app_for, workdir):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main_screen(app).session.set_note(3, "keep me")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, NoteDialog))
        await pilot.press("x", "escape")
        await until(pilot, lambda: not isinstance(app.screen, NoteDialog))
        assert 'note = "keep me"' in (workdir / "TODO.progress.toml").read_text()


async def test_the_palette_finds_the_note_command(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose(app, pilot, "annotate")
        await until(pilot, lambda: isinstance(app.screen, NoteDialog))
