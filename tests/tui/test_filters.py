"""The full-text filter, `n`/`N` through the matches, and the status filter."""

from __future__ import annotations

from tests.tui.helpers import SIZE, leaf_labels, main_screen, static_text


async def test_slash_finds_words_of_the_instructions_and_n_steps_through_matches(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"savepoint")
        assert [label.split()[1] for label in leaf_labels(app)] == ["2"]
        await pilot.press("escape", "escape", "slash", *"pytest", "enter")
        await pilot.pause()
        shown = [int(label.split()[1]) for label in leaf_labels(app)]
        assert len(shown) > 2 and main_screen(app).number == shown[0]
        await pilot.press("n")
        await pilot.pause()
        assert main_screen(app).number == shown[1]
        await pilot.press("N", "N")  # back past the first: round to the last
        await pilot.pause()
        assert main_screen(app).number == shown[-1]
        assert "of 22 items" in static_text(app, "#tree-status")


async def test_f_cycles_the_status_filter_shown_under_the_tree(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space")  # item 3 in progress
        await pilot.press("f")
        await pilot.pause()
        assert len(leaf_labels(app)) == 21
        assert "21 of 22 items · by phase · only not started (f)" in static_text(
            app, "#tree-status"
        )
        await pilot.press("f")
        await pilot.pause()
        assert [label.split()[1] for label in leaf_labels(app)] == ["3"]
        await pilot.press("f", "f", "f")  # blocked, completed hidden, every status
        await pilot.pause()
        assert len(leaf_labels(app)) == 22
        assert static_text(app, "#tree-status").strip() == "22 items · by phase"
