"""The app on a plain markdown task list: groups by heading, no phase grouping, exports."""

from __future__ import annotations

import shutil

from patternbrowser.tui.widgets.item_view import ItemView
from tests.helpers import FIXTURES
from tests.tui.helpers import SIZE, group_labels, leaf_labels, main_screen, static_text


async def test_a_checklist_in_the_app(app_for, workdir):
    shutil.copyfile(FIXTURES / "tasks_nested.md", workdir / "CHECKLIST.md")
    app = app_for("CHECKLIST.md")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.mode == "priority"
        assert group_labels(app)[0].startswith("Release checklist  ")
        assert leaf_labels(app)[:2] == ["✅ 1 Write the release notes", "⬜ 2 Tag the release"]
        assert static_text(app, "#tree-status").strip().endswith("8 items · by heading")
        await pilot.press("g")  # no phases here: on to the guide outline, and back
        assert main_screen(app).mode == "outline"
        await pilot.press("g")
        assert main_screen(app).mode == "priority"
        assert static_text(app, "#tree-status").strip().endswith("by heading")
        await pilot.press("down")
        await pilot.pause()
        assert app.screen.query_one(ItemView).item.title == "Tag the release"
        await pilot.press("space", "e")
        await pilot.pause()
    text = (workdir / "CHECKLIST.md").read_text(encoding="utf-8")
    assert "- [/] Tag the release" in text and "# Release checklist [1/6]" not in text
