"""Pilot tests that drive every key of the main screen and check the resulting state."""

from __future__ import annotations

from textual.app import ComposeResult

from patternbrowser.tui.screens.help import HelpScreen
from patternbrowser.tui.widgets.code_block import CodeBlockView
from patternbrowser.tui.widgets.item_tree import ItemTree
from patternbrowser.tui.widgets.item_view import ItemView
from tests.tui.helpers import (
    SIZE,
    group_labels,
    guide_shown,
    leaf_labels,
    main_screen,
    palette_shows,
    static_text,
    stored,
    until,
)


async def test_first_item_is_shown_at_start(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert main_screen(app).number == 3
        assert app.screen.query_one(ItemView).item.title == "JWT Authentication Flow"
        assert leaf_labels(app)[0] == "⬜  3 JWT Authentication Flow"
        assert group_labels(app)[0] == "Phase 1 · Critical Security & Examples (Week 1-2)  0/5"
        await guide_shown(pilot)  # the guide section comes once the selection rests
        body = app.screen.query_one("#guide-body")
        assert len(body.query(".prose")) == 1  # "Unrelated Section", after the code, is not in it
        assert static_text(app, "#guide-body > .prose").split("\n")[:3] == [
            "JWT Authentication Flow",  # the item marker under it is not shown
            "",
            "Issue short-lived access tokens and rotate refresh tokens.",
        ]
        (code,) = body.query(CodeBlockView)
        assert code.border_title == "1/1 python · CLAUDE-validation.md:10 · tested"
        assert code.example.code.startswith("import jwt\n")


async def test_space_cycles_and_saves_at_once(app_for, workdir):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen = []
        for _ in range(3):
            await pilot.press("space")
            seen.append(stored(workdir, 3))
        assert seen == ["in_progress", "completed", "not_started"]
        await pilot.press("space", "space")
        assert leaf_labels(app)[0] == "✅  3 JWT Authentication Flow"
        assert group_labels(app)[0].endswith("1/5")


async def test_b_toggles_blocked_and_back(app_for, workdir):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "b")
        assert stored(workdir, 3) == "blocked"
        assert leaf_labels(app)[0] == "⏸   3 JWT Authentication Flow"  # ⏸ drawn as 2 cells
        await pilot.press("b")
        assert stored(workdir, 3) == "in_progress"  # back to what it was before


async def test_ctrl_z_undoes_the_last_changes(app_for, workdir):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "space", "down", "b")
        assert (stored(workdir, 3), stored(workdir, 4)) == ("completed", "blocked")
        await pilot.press("ctrl+z")
        assert stored(workdir, 4) == "not_started"
        await pilot.press("ctrl+z")
        assert stored(workdir, 3) == "in_progress"
        await pilot.press("ctrl+z", "ctrl+z")  # the second one has nothing left to undo
        assert stored(workdir, 3) == "not_started"


async def test_e_exports_into_the_markdown(app_for, workdir):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "space", "e")
        await pilot.pause()
    text = (workdir / "TODO.md").read_text(encoding="utf-8")
    assert "### ✅ 3. JWT Authentication Flow" in text
    assert "1. ✅ JWT Authentication Flow (#3)" in text
    assert "- High Priority: 1/5 completed" in text
    assert text.count("**Last Updated**: 2026-11-26") == 2
    assert "### ⬜ 4. File Upload Security" in text


async def test_filter_narrows_and_enter_selects(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"sql injection")  # both words, anywhere in the item
        assert leaf_labels(app) == ["⬜ 11 SQL Injection Prevention Examples"]
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).number == 11
        assert app.focused is app.screen.query_one(ItemTree)
        await pilot.press("escape", "slash", *"validation")  # by guide file, and in the text
        assert len(leaf_labels(app)) == 7
        await pilot.press("escape")  # from the field: clears and hides it
        await pilot.press("escape")
        assert len(leaf_labels(app)) == 22
        assert main_screen(app).number == 11  # the selection is kept


async def test_g_cycles_the_grouping(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert group_labels(app)[-1] == "Recurring  0/2"
        await pilot.press("g")
        assert [label.rsplit("  ", 1)[0] for label in group_labels(app)] == [
            "High Priority",
            "Medium Priority",
            "Low Priority",
            "Configuration & Project Setup Gaps",
            "Continuous Improvement Tasks",
        ]
        await pilot.press("g")
        labels = group_labels(app)
        assert labels[0] == "CLAUDE-architecture.md  0/7"
        assert labels[-1] == "(no guide)  0/2"
        await pilot.press("g")  # the guide outline (tests/tui/test_outline.py), then round
        assert main_screen(app).mode == "outline"
        await pilot.press("g")
        assert group_labels(app)[0].startswith("Phase 1")


async def test_brackets_move_between_examples(app_for, crates):
    app = app_for(crates)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        view = app.screen.query_one(ItemView)
        assert view.item.number == 2
        assert [v.example.language for v in view.examples] == ["rust", "toml"]
        assert view.example.number == 1
        await pilot.press("right_square_bracket")
        assert view.example.number == 2
        assert view.examples[1].has_class("-current")
        assert not view.examples[0].has_class("-current")
        await pilot.press("right_square_bracket")  # wraps around
        assert view.example.number == 1
        await pilot.press("left_square_bracket")
        assert view.example.number == 2


async def test_question_mark_shows_every_key_and_q_quits(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert main_screen(app).is_current
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_seed_items_show_all_twenty_examples_without_warnings(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.session.tracker.document.problems == []
        assert not app._notifications  # no warning toasts at start
        total = 0
        for item in screen.session.tracker.document.items:
            await screen.jump_to(item.number)
            await pilot.pause()
            view = app.screen.query_one(ItemView)
            assert [v.example for v in view.examples] == item.examples
            total += len(view.examples)
        assert total == 20


async def test_palette_finds_items_by_fuzzy_name(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"synapshot")
        await palette_shows(pilot, "Syrupy Snapshot Testing")
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).number == 8


async def test_palette_finds_guide_sections(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down")
        await pilot.press("ctrl+p", *"validation.md:5")
        await palette_shows(pilot, "validation.md")
        await pilot.press("enter")
        await pilot.pause()
        # the heading itself is shown, not the top of its item
        place = app.screen.query_one(ItemView).place
        assert place is not None and place.name == "## JWT Authentication Flow"
        assert "the section of item #3" in static_text(app, "#item-fields")


async def test_recurring_item_shows_when_it_is_due_and_space_completes_it_again(
    app_for, workdir, monkeypatch
):
    from datetime import date

    from tests.helpers import at

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await main_screen(app).jump_to(21)
        await pilot.pause()
        fields = static_text(app, "#item-fields")
        assert "overdue since 2025-12-23 (338 days)" in fields
        await pilot.press("space", "space")
        fields = static_text(app, "#item-fields")
        assert "Due         2027-02-26 (in 92 days)" in fields
        assert group_labels(app)[-1] == "Recurring  1/2"
        at(monkeypatch, date(2027, 3, 1))
        main_screen(app).check_files()  # what the app does every second: a new day shows
        await pilot.pause()
        assert group_labels(app)[-1] == "Recurring  0/2"  # overdue: not done any more
        assert leaf_labels(app)[-2] == "✅ 21 due again Quarterly Review Process"
        await pilot.press("space")  # the review is done again
        await pilot.pause()
        assert stored(workdir, 21) == "completed"
        fields = static_text(app, "#item-fields")
        assert "Due         2027-06-01 (in 92 days)" in fields
        assert group_labels(app)[-1] == "Recurring  1/2"
        assert leaf_labels(app)[-2] == "✅ 21 Quarterly Review Process"


async def test_keys_typed_during_start_up_are_kept_in_order(app_for, workdir):
    """Keys that arrive before the screen is built wait for it (they used to crash it)."""
    from textual import events

    from patternbrowser.tui.app import PatternBrowserApp

    class FastTypist(PatternBrowserApp):
        def on_load(self) -> None:
            # queued before the app has even composed its screen
            typed = [("slash", "/"), *((c, c) for c in "JWT"), ("enter", "\r"), ("space", " ")]
            for key, character in typed:
                self.post_message(events.Key(key, character))

    app = FastTypist(app_for().session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.filter_field.value == "JWT"
        assert app.focused is screen.query_one(ItemTree)
        assert screen.number == 3
    assert stored(workdir, 3) == "in_progress"


async def test_examples_are_highlighted_when_first_drawn(app_for):
    from patternbrowser.tui.widgets.code_block import CodeBlockView

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        block = app.screen.query_one(CodeBlockView)
        item = main_screen(app).session.tracker.document.item(3)
        code = block.example.code
        assert item is not None and code == item.examples[0].code
        # below the fold at 100x32: laid out from its size alone, not highlighted yet
        assert block.virtual_size.height == len(code.splitlines())
        assert not block.highlighted
        await pilot.press("right_square_bracket")  # scrolls the example into view
        await pilot.pause()
        assert block.highlighted
        lines = block.content.split("\n", allow_blank=True)
        assert len(lines) == block.virtual_size.height == len(code.splitlines())
        assert max(line.cell_length for line in lines) == block.virtual_size.width
        assert lines[0].plain.startswith("1 │ from jose import")
        assert any(span.style != "$text-muted" for span in lines[0].spans)  # highlighted


async def test_footer_shows_keys_at_once_and_rebuilds_only_on_change(app_for, monkeypatch):
    from textual.widgets._footer import FooterKey

    from patternbrowser.tui.widgets.key_footer import KeyFooter

    composed = []
    compose = KeyFooter.compose

    def counted(self: KeyFooter) -> ComposeResult:
        composed.append(self)
        return compose(self)

    monkeypatch.setattr(KeyFooter, "compose", counted)
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        footer = app.screen.query_one(KeyFooter)
        await pilot.pause()
        # the tree took focus, its keys (not shown) with it: the same keys were not drawn again
        assert app.focused is app.screen.query_one(ItemTree)
        assert composed == [footer]
        keys = list(footer.query(FooterKey))
        assert "Quit" in [key.description for key in keys]
        app.screen.refresh_bindings()  # the same keys: nothing to rebuild
        await pilot.pause()
        assert list(footer.query(FooterKey)) == keys
        await pilot.press("slash")  # in the filter field other keys apply
        await pilot.pause()
        descriptions = [key.description for key in footer.query(FooterKey)]
        assert "First match" in descriptions and "Quit" not in descriptions


async def test_a_key_right_after_a_move_acts_on_the_item_moved_to(app_for, workdir):
    """`down` then `space` typed at once: the item under the cursor changes, not the last one."""
    from textual import events

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, character in [("down", None), ("space", " "), ("down", None), ("b", "b")]:
            app.post_message(events.Key(key, character))
        await until(pilot, lambda: stored(workdir, 5) == "blocked")
        assert main_screen(app).number == 5
    assert stored(workdir, 3) is None
    assert stored(workdir, 4) == "in_progress"
    assert stored(workdir, 5) == "blocked"


async def test_a_key_right_after_regrouping_acts_on_the_item_shown(app_for, workdir):
    from textual import events

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in "gg":  # rebuilt by guide file: another item is first now
            app.post_message(events.Key(key, key))
        app.post_message(events.Key("space", " "))
        await pilot.pause()
        assert main_screen(app).number == 3
    assert stored(workdir, 3) == "in_progress"


async def test_at_80_columns_the_footer_gives_the_palette_key_room_to_quit(app_for):
    from textual.widgets._footer import FooterKey

    from patternbrowser.tui.widgets.key_footer import KeyFooter

    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        actions = [key.action for key in footer.query(FooterKey)]
        assert "quit" in actions and "command_palette" not in actions
        last = max(footer.query(FooterKey), key=lambda key: key.region.right)
        assert last.action == "quit" and last.region.right <= 80
        await pilot.resize_terminal(100, 32)
        await pilot.pause()
        assert "command_palette" in [key.action for key in footer.query(FooterKey)]


async def test_the_footer_fits_its_keys_again_after_a_resize_below_90_columns(app_for):
    """Narrower and wider again, under 90 columns: the keys that fit, as at start at that width."""
    from textual.widgets._footer import FooterKey

    from patternbrowser.tui.widgets.key_footer import KeyFooter

    async def keys_at(pilot, width: int) -> list[str]:
        await pilot.resize_terminal(width, 24)
        await pilot.pause()
        return [key.action for key in pilot.app.screen.query_one(KeyFooter).query(FooterKey)]

    started = {}
    for width in (50, 85):
        app = app_for()
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.pause()
            started[width] = await keys_at(pilot, width)
    assert len(started[50]) < len(started[85])
    app = app_for()
    async with app.run_test(size=(85, 24)) as pilot:
        await pilot.pause()
        assert await keys_at(pilot, 50) == started[50]
        assert await keys_at(pilot, 85) == started[85]


async def test_jumping_to_an_item_the_filter_hides_stays_on_it(app_for):
    """The palette's jump clears the filter; the redraw that follows must not go back."""
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"sql injection", "enter")
        await pilot.pause()
        assert main_screen(app).number == 11
        await main_screen(app).jump_to(3)
        await pilot.pause()
        assert main_screen(app).number == 3
        assert app.screen.query_one(ItemTree).current_item == 3
        assert app.screen.query_one(ItemView).item.number == 3


async def test_status_keys_on_a_group_row_change_nothing(app_for, workdir):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("up")  # from the first item onto its phase's row
        await pilot.pause()
        assert app.screen.query_one(ItemTree).current_item is None
        await pilot.press("space", "b")
        await pilot.pause()
        notices = [str(n.message) for n in app._notifications]
        assert any("select an item first" in notice for notice in notices)
    assert not (workdir / "TODO.progress.toml").exists()


async def test_help_scrolls_to_its_last_key_on_a_small_screen(app_for):
    app = app_for()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help-box")
        assert box.max_scroll_y > 0  # taller than the screen: it must scroll
        await pilot.press("end")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y


async def test_quitting_with_unexported_changes_asks_once(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "q")
        await pilot.pause()
        assert main_screen(app).is_current  # still running: told what is not exported
        notices = [str(n.message) for n in app._notifications]
        assert any("not yet in TODO.md: #3" in notice for notice in notices)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_tab_moves_between_the_tree_and_the_item_pane(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen.focused, ItemTree)
        await pilot.press("tab")
        assert isinstance(app.screen.focused, ItemView)
        await pilot.press("shift+tab")
        assert isinstance(app.screen.focused, ItemTree)
