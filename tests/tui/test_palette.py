"""The palette finds every guide heading, every item and every command; names stay text."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

from patternbrowser.tui.widgets.item_view import ItemView
from tests.tui.helpers import SIZE, main_screen, palette_shows, static_text, until

HOSTILE = """\
# Hostile guide

## Bad [/red] title

```python
print("copy me")
```

### [@click=app.screenshot('x','dir')] click me

Text.
"""


async def choose(app, pilot, typed: str) -> None:
    """Open the palette, type, wait for the hits, and take the first."""
    await pilot.press("ctrl+p", *typed)
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    await until(pilot, lambda: palette.query_one(CommandList).option_count > 0)
    await pilot.press("enter")
    await pilot.pause()


async def test_a_guide_heading_is_shown_from_the_palette_with_its_examples(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose(app, pilot, "unrelated section")
        view = app.screen.query_one(ItemView)
        assert view.item is None and view.place is not None
        assert view.place.name == "## Unrelated Section"
        assert static_text(app, "#item-fields").strip() == "CLAUDE-validation.md:17"
        assert main_screen(app).number is None
        await pilot.press("down")  # a move in the tree shows its item again
        await pilot.pause()
        assert main_screen(app).number == 4


async def test_commands_are_found_by_their_words(app_for, workdir):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await choose(app, pilot, "undo")
        assert "undid" in str(list(app._notifications)[-1].message)
        await choose(app, pilot, "redo")
        assert "redid" in str(list(app._notifications)[-1].message)
        await choose(app, pilot, "export")
        assert "### 🟦 3." in (workdir / "TODO.md").read_text(encoding="utf-8")
        await pilot.press("ctrl+p", *"import")
        await palette_shows(pilot, "Import the markdown's markers")
        names = [str(o.prompt) for o in app.screen.query_one("CommandList")._options]
        assert any("Import the markdown's markers" in name for name in names)


async def test_hostile_heading_titles_stay_literal_text(app_for, workdir):
    (workdir / "guides" / "CLAUDE-hostile.md").write_text(HOSTILE, encoding="utf-8")
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"click me")
        await palette_shows(pilot, "click me")
        options = app.screen.query_one("CommandList")._options
        shown = [o.prompt.plain for o in options]
        assert any("### [@click=app.screenshot('x','dir')] click me" in s for s in shown)
        await pilot.press("escape")
        await choose(app, pilot, "bad red title")
        view = app.screen.query_one(ItemView)
        assert view.place is not None and view.place.name == "## Bad [/red] title"
        assert "## Bad [/red] title" in static_text(app, "#item-title")
        assert view.sample is not None and view.sample.code == 'print("copy me")'
        await pilot.press("c")  # copies the heading's block (no clipboard here: offers a file)
        await pilot.pause()
        field = app.screen.query_one("#save-path")
        assert field.value.endswith("guide-example-CLAUDE-hostile-3-1.py")
