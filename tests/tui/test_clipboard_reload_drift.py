"""Copy from the app, reloads of files changed on disk, and drift resolution."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from patternbrowser.core.clipboard import osc52
from patternbrowser.tui.screens.main import MainScreen
from patternbrowser.tui.screens.save_example import SaveExampleScreen
from patternbrowser.tui.widgets.drift_banner import DriftBanner
from patternbrowser.tui.widgets.item_tree import ItemTree
from tests.helpers import FIXTURES, fake_tool
from tests.tui.helpers import SIZE, leaf_labels, stored

JWT_EXAMPLE_START = "from jose import JWTError, jwt\n"  # the TODO's draft
GUIDE_BLOCK_START = "import jwt\n"  # the guide's tested block: what `c` copies first


async def press_c(app) -> list[str]:
    """Start `app`, press `c`, and return the notifications it showed."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        return [n.message for n in app._notifications]


@pytest.mark.parametrize(
    ("tool", "env", "said"),
    [
        ("xclip", {"DISPLAY": ":0"}, "copied 4 lines via xclip"),
        ("tmux", {"TMUX": "/tmp/tmux-0/default,1,0"}, "copied 4 lines via tmux buffer"),
    ],
)
async def test_c_copies_via_a_tool(app_for, no_clipboard_tools, monkeypatch, tool, env, said):
    record = fake_tool(no_clipboard_tools, tool)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    app = app_for()
    messages = await press_c(app)
    assert record.read_text().startswith(GUIDE_BLOCK_START)
    assert f"{said} (CLAUDE-validation.md:10 · tested)" in messages


async def test_c_sends_osc52_through_the_terminal(app_for, no_clipboard_tools, monkeypatch):
    written: list[str] = []

    def write(self, sequence: str) -> bool:
        written.append(sequence)
        return True

    monkeypatch.setattr("patternbrowser.tui.terminal.TerminalClipboard.write", write)
    monkeypatch.delenv("TMUX", raising=False)
    app = app_for()
    messages = await press_c(app)
    lines = (FIXTURES / "guides" / "CLAUDE-validation.md").read_text().splitlines()
    assert lines[9] == "```python"
    assert written == [osc52("\n".join(lines[10:14]))]
    assert any(
        m.startswith("sent 4 lines to the terminal's clipboard by OSC 52")
        and m.endswith("(CLAUDE-validation.md:10 · tested)")
        for m in messages
    )


async def test_c_offers_to_save_when_nothing_reaches_a_clipboard(app_for, workdir, monkeypatch):
    monkeypatch.chdir(workdir)
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SaveExampleScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert (workdir / "guide-example-3-1.py").read_text().startswith(GUIDE_BLOCK_START)


async def test_save_from_the_palette_suggests_the_same_file_name(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.screen.action_save_example()
        await pilot.pause()
        assert isinstance(app.screen, SaveExampleScreen)
        assert app.screen.query_one("#save-path", Input).value.endswith("guide-example-3-1.py")


async def test_save_dialog_writes_the_named_file(app_for, tmp_path):
    target = tmp_path / "jwt_example.py"
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("left_square_bracket", "c")  # one step back: the TODO's draft
        await pilot.pause()
        field = app.screen.query_one("#save-path")
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    assert target.read_text().startswith(JWT_EXAMPLE_START)


async def test_files_changed_on_disk_are_reloaded_keeping_the_selection(app_for, workdir):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        todo = workdir / "TODO.md"
        todo.write_text(
            todo.read_text(encoding="utf-8").replace(
                "### 4. File Upload Security", "### 🟦 4. File Upload Security"
            ),
            encoding="utf-8",
        )
        app.screen.check_files()
        await pilot.pause()
        assert leaf_labels(app)[1] == "🟦  4 File Upload Security"
        assert app.screen.query_one(ItemTree).current_item == 4
        assert any("reloaded TODO.md" in n.message for n in app._notifications)


async def test_a_broken_reload_keeps_the_last_good_version(app_for, workdir):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (workdir / "TODO.md").write_bytes(b"\xff\xfe broken")
        app.screen.check_files()
        await pilot.pause()
        assert len(leaf_labels(app)) == 22
        assert any("still showing the last good version" in n.message for n in app._notifications)


async def test_drift_is_shown_and_resolved_by_adopting_the_markdown(app_for, workdir):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space")  # item 3 in progress in the store
        await pilot.press("e")
        await pilot.pause()
        todo = workdir / "TODO.md"
        todo.write_text(
            todo.read_text(encoding="utf-8").replace("### 🟦 3.", "### ✅ 3."), encoding="utf-8"
        )
        app.screen.check_files()
        await pilot.pause()
        banner = app.screen.query_one(DriftBanner)
        assert banner.display
        await pilot.click("#adopt-markdown")
        await pilot.pause()
        assert stored(workdir, 3) == "completed"
        assert not banner.display
        assert isinstance(app.screen.focused, ItemTree)  # arrows work again at once
        await pilot.press("down")
        await pilot.pause()
        assert app.screen.query_one(ItemTree).current_item == 4


async def test_drift_choices_have_keys(app_for, workdir):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("S")  # no drift: the key does nothing
        await pilot.press("space", "e")
        await pilot.pause()
        todo = workdir / "TODO.md"
        todo.write_text(
            todo.read_text(encoding="utf-8").replace("### 🟦 3.", "### ✅ 3."), encoding="utf-8"
        )
        app.screen.check_files()
        await pilot.pause()
        await pilot.press("S")  # keep the store: export writes 🟦 back
        await pilot.pause()
        assert "### 🟦 3." in todo.read_text(encoding="utf-8")
        assert not app.screen.query_one(DriftBanner).display
        assert isinstance(app.screen.focused, ItemTree)


async def test_store_written_by_another_program_is_merged(app_for, workdir):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space")
        store = workdir / "TODO.progress.toml"
        store.write_text(
            store.read_text() + '\n[items.9]\nstatus = "completed"\n'
            "changed = 2026-11-01T00:00:00Z\n"
        )
        await pilot.press("space")  # the save meets a changed file: merge, never clobber
        await pilot.pause()
    assert stored(workdir, 3) == "completed"
    assert stored(workdir, 9) == "completed"
