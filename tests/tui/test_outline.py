"""The guide outline: every guide file and its headings as the tree, each heading shown."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from textual import events
from textual.pilot import Pilot

from patternbrowser.tui.widgets.item_tree import ItemTree
from patternbrowser.tui.widgets.item_view import ItemView
from patternbrowser.tui.widgets.outline_tree import OutlineTree
from tests.helpers import fake_tool
from tests.tui.helpers import SIZE, main_screen, static_text, stored, until
from tests.tui.test_editor_and_note import editor_runs  # noqa: F401 (a fixture)
from tests.tui.test_palette import choose

DATABASE = """\
# CLAUDE-database.md: Database Patterns

Patterns for the database layer.

## Transactions

Keep them short.

```python
def transfer():
    return "outer"
```

### Savepoints

Nested work rolls back alone with a savepoint.

```python
def nested():
    return "savepoint"
```

#### Deeper detail

Fine print.

##### Too deep for the outline

Details.

## Migrations

```bash
alembic upgrade head
```
"""


@pytest.fixture
def guides(workdir):
    """The fixture guides plus a database guide with headings four levels deep."""
    (workdir / "guides" / "CLAUDE-database.md").write_text(DATABASE, encoding="utf-8")
    return workdir / "guides"


@pytest.fixture
def xclip(no_clipboard_tools, monkeypatch):
    """A clipboard tool that records what it is given: the file it writes, not yet there."""
    monkeypatch.setenv("DISPLAY", ":0")
    return fake_tool(no_clipboard_tools, "xclip")


def rows(app) -> list[str]:
    """The outline's rows as `depth:title`, open nodes only (what the tree lets you reach)."""
    tree = app.screen.query_one(OutlineTree)
    found: list[str] = []

    def walk(node, depth: int) -> None:
        for child in node.children:
            found.append(f"{depth}:{child.label.plain}")
            if child.is_expanded:
                walk(child, depth + 1)

    walk(tree.root, 1)
    return found


def pane(app) -> tuple[str, str]:
    """The pane's title and fields line."""
    return static_text(app, "#item-title").strip(), static_text(app, "#item-fields").strip()


async def into_outline(pilot) -> None:
    """Cycle the grouping to the guide outline and wait until a heading is shown."""
    await pilot.press("g", "g", "g")
    await until(pilot, lambda: pilot.app.screen.query_one(ItemView).place is not None)


@asynccontextmanager
async def in_outline(app) -> AsyncIterator[Pilot[None]]:
    """Run `app` with its tree turned into the guide outline, a heading shown."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await into_outline(pilot)
        yield pilot


async def test_the_fourth_grouping_is_the_outline_opened_on_the_items_section(app_for, guides):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.number == 3  # the first item: JWT Authentication Flow
        await into_outline(pilot)
        assert screen.mode == "outline"
        assert screen.query_one(OutlineTree).display and not screen.query_one(ItemTree).display
        assert screen.focused is screen.query_one(OutlineTree)
        assert pane(app) == (
            "## JWT Authentication Flow",
            "CLAUDE-validation.md:5 · the section of item #3",
        )
        assert static_text(app, "#tree-status").strip() == "8 headings · outline"
        assert rows(app) == [
            "1:CLAUDE-database.md",
            "2:Transactions",  # closed: one level at a time
            "2:Migrations",
            "1:CLAUDE-validation.md",
            "2:JWT Authentication Flow",
            "2:Unrelated Section",
        ]
        await pilot.press("g")  # round to the items: the item the outline was opened from
        await until(pilot, lambda: screen.number == 3)
        assert screen.query_one(ItemTree).display and not screen.query_one(OutlineTree).display
        assert app.screen.focused is screen.query_one(ItemTree)
        assert screen.query_one(ItemTree).current_item == 3


async def test_headings_nest_by_level_and_each_shows_its_part(app_for, guides):
    app = app_for()
    async with in_outline(app) as pilot:
        await pilot.press("home")  # the first heading: the database guide's title
        await until(pilot, lambda: pane(app)[0].startswith("# CLAUDE-database.md"))
        await pilot.press("down", "right")
        await until(pilot, lambda: pane(app)[0] == "## Transactions")
        await pilot.press("down", "right", "down")
        await until(pilot, lambda: pane(app)[0] == "#### Deeper detail")
        assert "2:Transactions" in rows(app) and "3:Savepoints" in rows(app)
        assert "4:Deeper detail" in rows(app)
        assert not any("Too deep" in row for row in rows(app))  # ##### is a detail
        assert pane(app)[1] == "CLAUDE-database.md:23"
        view = app.screen.query_one(ItemView)
        assert view.sample is None  # no code under this heading
        await pilot.press("left", "left")  # up to Savepoints: its own text and block
        await until(pilot, lambda: pane(app)[0] == "### Savepoints")
        assert [v.sample.code for v in view.sample_views] == [
            'def nested():\n    return "savepoint"'
        ]


async def test_filter_in_the_outline_finds_headings_by_their_text(app_for, guides):
    app = app_for()
    async with in_outline(app) as pilot:
        await pilot.press("slash", *"rolls back", "enter")
        await until(pilot, lambda: pane(app)[0] == "### Savepoints")
        # only the heading whose own lines hold the words; its parents shown to reach it
        assert rows(app) == ["1:CLAUDE-database.md", "2:Transactions", "3:Savepoints"]
        assert static_text(app, "#tree-status").strip() == "1 of 8 headings · outline"
        screen = main_screen(app)
        assert screen.focused is screen.query_one(OutlineTree)
        await pilot.press("escape", "slash", *"return", "enter")
        await until(pilot, lambda: pane(app)[0] == "## Transactions")
        await pilot.press("n")
        await until(pilot, lambda: pane(app)[0] == "### Savepoints")
        await pilot.press("n")  # round the end
        await until(pilot, lambda: pane(app)[0] == "## Transactions")
        await pilot.press("N")
        await until(pilot, lambda: pane(app)[0] == "### Savepoints")


async def test_keys_in_a_burst_act_on_the_heading_under_the_cursor(app_for, guides, xclip):
    record = xclip
    app = app_for()
    async with in_outline(app) as pilot:
        await pilot.press("home")
        await until(pilot, lambda: pane(app)[0].startswith("# CLAUDE-database.md"))
        # posted at once, as a paste or a slow link delivers them: c before the pane caught up
        for key, character in [("down", None), ("c", "c")]:
            app.post_message(events.Key(key, character))
        await until(pilot, record.exists)
        assert record.read_text() == 'def transfer():\n    return "outer"'
        assert pane(app)[0] == "## Transactions"


async def test_status_keys_refuse_a_heading_and_change_nothing(app_for, guides, workdir):
    app = app_for()
    async with in_outline(app) as pilot:
        await pilot.press("space", "b", "f")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert said.count("a guide heading has no status: g goes on to the items") == 2
        assert "the status filter is for items: g goes on to them" in said
        assert stored(workdir, 3) is None


async def test_o_opens_the_heading_and_a_changed_guide_is_shown_again(
    app_for,
    guides,
    editor_runs,  # noqa: F811 (the fixture imported above)
):
    calls, edits = editor_runs
    database = guides / "CLAUDE-database.md"
    edits.append(
        lambda: database.write_text(
            DATABASE.replace("Keep them short.", "Keep them very short."), encoding="utf-8"
        )
    )
    app = app_for()
    async with in_outline(app) as pilot:
        await pilot.press("home", "down")
        await until(pilot, lambda: pane(app)[0] == "## Transactions")
        await pilot.press("o")
        await until(pilot, lambda: bool(calls))
        assert calls == [["nvim", "-u", "NONE", "+5", str(database)]]
        view = app.screen.query_one(ItemView)
        await until(pilot, lambda: "very short" in static_text(app, "#item-body > .prose"))
        assert pane(app)[0] == "## Transactions"
        assert app.screen.query_one(OutlineTree).current_place == view.place


async def test_the_palette_opens_the_outline_and_an_item_leaves_it(app_for, guides):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        await choose(app, pilot, "browse the guide outline")
        await until(pilot, lambda: screen.mode == "outline")
        await until(pilot, lambda: pane(app)[0] == "## JWT Authentication Flow")
        await choose(app, pilot, "#4 file upload")
        await until(pilot, lambda: screen.number == 4)
        assert screen.mode == "phase" and screen.query_one(ItemTree).current_item == 4


async def test_the_words_found_in_the_outline_are_marked_in_the_heading_shown(app_for, guides):
    from tests.tui.test_filters import marked_in_pane

    app = app_for()
    async with in_outline(app) as pilot:
        await pilot.press("slash", *"savepoint", "enter")
        await until(pilot, lambda: pane(app)[0] == "### Savepoints")
        # in the prose ("with a savepoint") and in the block (return "savepoint")
        await until(pilot, lambda: marked_in_pane(app) == ["savepoint", "savepoint"])


async def test_keys_on_a_guide_file_without_a_title_act_on_nothing(app_for, guides, xclip):
    record = xclip
    (guides / "CLAUDE-zz-notitle.md").write_text(
        "## Only section\n\n```bash\necho hi\n```\n", encoding="utf-8"
    )
    app = app_for()
    async with in_outline(app) as pilot:
        await pilot.press("end")  # Only section, the last heading
        await until(pilot, lambda: pane(app)[0] == "## Only section")
        await pilot.press("up", "c")  # the file's own row: no heading behind it
        await pilot.pause()
        assert app.screen.query_one(OutlineTree).current_place is None
        said = [str(n.message) for n in app._notifications]
        assert "the cursor is on a guide file: move to one of its headings" in said
        assert not record.exists()  # the heading shown before was not copied


async def test_a_heading_chosen_in_the_palette_that_the_filter_hides_is_shown_and_selected(
    app_for, guides, xclip
):
    record = xclip
    app = app_for()
    async with in_outline(app) as pilot:
        await pilot.press("slash", *"rolls back", "enter")
        await until(pilot, lambda: pane(app)[0] == "### Savepoints")
        await choose(app, pilot, "## migrations")
        await until(pilot, lambda: pane(app)[0] == "## Migrations")
        outline = app.screen.query_one(OutlineTree)
        await until(pilot, lambda: outline.current_place == app.screen.query_one(ItemView).place)
        assert main_screen(app).query_text == ""  # the filter that hid it is gone
        await pilot.press("c")
        await until(pilot, record.exists)
        assert record.read_text() == "alembic upgrade head"


async def test_a_reload_of_another_file_keeps_the_example_stepped_to(app_for, guides, workdir):
    app = app_for()
    async with in_outline(app) as pilot:
        await pilot.press("home", "down")
        await until(pilot, lambda: pane(app)[0] == "## Transactions")
        await pilot.press("right_square_bracket")  # to the second block (Savepoints')
        view = app.screen.query_one(ItemView)
        await until(pilot, lambda: view.moved and view.current_example == 1)
        todo = workdir / "TODO.md"
        todo.write_text(todo.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert main_screen(app).check_files()
        await pilot.pause()
        await pilot.pause()
        assert (view.moved, view.current_example) == (True, 1)
        assert view.sample is not None and view.sample.code.startswith("def nested")


async def test_a_heading_renamed_on_disk_gives_way_to_its_nearest_neighbour(app_for, guides):
    app = app_for()
    async with in_outline(app) as pilot:
        await pilot.press("home", "down")
        await until(pilot, lambda: pane(app)[0] == "## Transactions")
        (guides / "CLAUDE-database.md").write_text(
            DATABASE.replace("## Transactions", "## Transactions, short"), encoding="utf-8"
        )
        assert main_screen(app).check_files()
        await until(pilot, lambda: pane(app)[0] == "## Transactions, short")


async def test_no_outline_without_guides(app_for, workdir):
    for guide in (workdir / "guides").iterdir():
        guide.unlink()
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("g", "g", "g")  # phase → priority → guide file → phase
        assert main_screen(app).mode == "phase"
