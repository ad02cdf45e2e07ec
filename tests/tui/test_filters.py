"""The full-text filter, `n`/`N` through the matches, and the status filter."""

from __future__ import annotations

from collections.abc import Iterator

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

from patternbrowser.tui.screens.filter_keys import MARK_CONTEXT
from tests.tui.helpers import SIZE, leaf_labels, main_screen, static_text, until


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


def drawn_lines(app) -> Iterator[tuple[Widget, int, Strip]]:
    """Every line the item pane's prose runs and code blocks draw, as the screen gets them."""
    from textual.geometry import Region

    from patternbrowser.tui.widgets.item_view import ItemView

    for widget in app.screen.query_one(ItemView).query(".prose, CodeBlockView"):
        if widget.display:  # not a spare, hidden for later items
            lines = widget.render_lines(Region(0, 0, *widget.outer_size))
            for number, strip in enumerate(lines):
                yield widget, number, strip


def is_mark(segment: Segment) -> bool:
    """Whether a drawn piece of text is reversed: the filter's mark."""
    return bool(segment.style and segment.style.reverse)


def marked_in_pane(app) -> list[str]:
    """The words the item pane draws reversed (the filter's marks), prose and code alike."""
    found: list[str] = []
    for _widget, _number, strip in drawn_lines(app):
        run = ""
        for segment in [*strip, None]:
            if segment is not None and is_mark(segment):
                run += segment.text
            elif run:
                found.append(run)
                run = ""
    return found


async def test_the_words_matched_are_marked_in_the_pane_until_the_filter_is_cleared(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"savepoint", "enter")
        await until(pilot, lambda: main_screen(app).number == 2)
        await until(pilot, lambda: marked_in_pane(app) == ["savepoint"])  # "savepoints"
        await pilot.press("escape", "slash", *"rollback", "enter")
        await until(pilot, lambda: main_screen(app).number == 2)
        # in the instructions' prose and in the draft's code ("await session.rollback()")
        await until(pilot, lambda: [w.casefold() for w in marked_in_pane(app)] == ["rollback"] * 2)
        await pilot.press("escape")  # the filter cleared: the marks go with it
        await until(pilot, lambda: marked_in_pane(app) == [])
        assert main_screen(app).number == 2


async def test_enter_typed_with_the_query_goes_to_a_match_of_the_whole_query(app_for):
    """`/savepoint⏎` arriving at once: enter comes before the field's change events."""
    from textual import events

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")
        await until(pilot, lambda: main_screen(app).number == 4)
        typed = [("slash", "/"), *((c, c) for c in "savepoint"), ("enter", "\r")]
        for key, character in typed:
            app.post_message(events.Key(key, character))
        await until(pilot, lambda: main_screen(app).focused is app.screen.query_one("#tree"))
        await pilot.pause()
        assert main_screen(app).number == 2  # the only item that mentions savepoints
        assert [label.split()[1] for label in leaf_labels(app)] == ["2"]


async def test_a_key_typed_right_after_enter_moves_from_the_match(app_for):
    """`/session⏎ down` at once ends where the same keys typed one by one end."""
    from textual import events

    from patternbrowser.tui.widgets.item_tree import ItemTree

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ItemTree)
        await pilot.press("slash", *"session", "enter")
        await pilot.pause()
        first = tree.cursor_line
        await pilot.press("down")
        await pilot.pause()
        slowly = tree.cursor_line
        assert slowly == first + 1
        await pilot.press("escape", "home")
        await pilot.pause()
        typed = [("slash", "/"), *((c, c) for c in "session"), ("enter", "\r"), ("down", None)]
        for key, character in typed:
            app.post_message(events.Key(key, character))
        await until(pilot, lambda: main_screen(app).focused is tree)
        await pilot.pause(0.3)
        assert tree.cursor_line == slowly


LONG_NOTES = (
    "# Tasks\n\n- [ ] Read the long notes\n\n"
    + "".join(f"  Paragraph {number} says nothing much.\n\n" for number in range(1, 41))
    + "  Here the zeppelin lands.\n\n"
    + "".join(f"  Paragraph {number} says little.\n\n" for number in range(41, 61))
    + "  See [the guide](https://example.com/quokka-guide) for more.\n\n"
    + "- [ ] Another task\n"
)


def first_marked_row(app) -> tuple[int, int] | None:
    """The screen row of the first line the pane draws a mark on, and that line's number."""
    for widget, number, strip in drawn_lines(app):
        if any(is_mark(segment) for segment in strip):
            return widget.region.y + number, number
    return None


def pane_top(app) -> int:
    """The screen row of the item pane's first line."""
    from patternbrowser.tui.widgets.item_view import ItemView

    top: int = app.screen.query_one(ItemView).content_region.y
    return top


async def test_the_pane_scrolls_to_the_line_of_the_first_mark_in_a_long_run(app_for, workdir):
    (workdir / "notes.md").write_text(LONG_NOTES, encoding="utf-8")
    app = app_for("notes.md")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")  # to the second task, then find the first by a word
        await pilot.press("slash", *"zeppelin", "enter")
        await until(pilot, lambda: main_screen(app).number == 1)
        await until(pilot, lambda: marked_in_pane(app) == ["zeppelin"])
        await pilot.pause()
        first = first_marked_row(app)
        assert first is not None
        row, line = first
        assert line > SIZE[1]  # deep in the run: its top is a screen or more above
        assert row == pane_top(app) + MARK_CONTEXT  # the marked line, two lines below the top


async def test_the_pane_scrolls_to_a_mark_in_the_code_of_the_item_jumped_to(workdir):
    """From the first item shown, `/…⏎` to another: its scroll home must not undo the scroll."""
    from patternbrowser.paths import bundled_guides
    from patternbrowser.tui.app import make_app
    from patternbrowser.tui.widgets.item_view import ItemView

    app = make_app(workdir / "TODO.md", bundled_guides(), None)  # a guide section below
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"structlog.processors", "enter")
        await until(pilot, lambda: main_screen(app).number == 9)
        await pilot.pause()
        first = first_marked_row(app)
        assert first is not None
        view = app.screen.query_one(ItemView)
        assert view.scroll_y < view.max_scroll_y  # not held at the end: as high as asked
        assert first[0] == pane_top(app) + MARK_CONTEXT


async def test_a_word_in_a_link_address_is_marked_where_the_address_is_drawn(app_for, workdir):
    (workdir / "notes.md").write_text(LONG_NOTES, encoding="utf-8")
    app = app_for("notes.md")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"quokka", "enter")
        await until(pilot, lambda: main_screen(app).number == 1)
        await until(pilot, lambda: marked_in_pane(app) == ["quokka"])  # its note: [1] https://…
