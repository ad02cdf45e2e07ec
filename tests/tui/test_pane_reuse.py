"""Moving to another item changes the pane's widgets in place: it looks as if drawn afresh."""

from __future__ import annotations

import pytest

from patternbrowser.paths import bundled_guides
from patternbrowser.tui.app import make_app
from patternbrowser.tui.widgets.code_block import CodeBlockView
from patternbrowser.tui.widgets.item_view import ItemView
from tests.helpers import FIXTURES
from tests.tui.helpers import SIZE, guide_shown, main_screen, until


async def afresh(pilot, view: ItemView) -> None:
    """Draw the item shown again into empty containers: every widget a new one."""
    screen = main_screen(pilot.app)
    number = screen.number
    assert number is not None
    for box in ("#item-body", "#guide-body"):
        await view.query_one(box).remove_children()
    view.item, view.guide_shown_for = None, None
    await screen.show_item(number)
    await guide_shown(pilot)
    await pilot.pause()


@pytest.mark.parametrize("todo", ["TODO.md", FIXTURES / "crates_todo.md"])
async def test_every_item_reached_by_moving_looks_as_drawn_afresh(workdir, todo):
    app = make_app(workdir / todo, bundled_guides(), None)
    async with app.run_test(size=SIZE) as pilot:
        await guide_shown(pilot)
        view = app.screen.query_one(ItemView)
        shown: set[int] = set()
        for _ in range(30):
            # scrolled down and sideways: a widget given the next item keeps neither
            for block in view.query(CodeBlockView):
                block.scroll_x = block.max_scroll_x
            view.scroll_end(animate=False)
            await pilot.press("down")
            await guide_shown(pilot)
            await pilot.pause()
            if view.item is None or view.item.number in shown:
                continue
            shown.add(view.item.number)
            moved = app.export_screenshot()
            await afresh(pilot, view)
            assert app.export_screenshot() == moved, f"item {view.item.number}"
        assert len(shown) > 3


async def test_showing_the_next_item_lays_the_screen_out_once(workdir, monkeypatch):
    """Sizes a layout gave, widgets mounted or removed, must not ask for a second layout."""
    app = make_app(workdir / "TODO.md", bundled_guides(), None)
    async with app.run_test(size=SIZE) as pilot:
        await guide_shown(pilot)
        await pilot.pause()
        screen = main_screen(app)
        passes: list[int | None] = []
        lay_out = screen._refresh_layout

        def counted(*args: object, **kwargs: object) -> None:
            passes.append(screen.number)
            lay_out(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(screen, "_refresh_layout", counted)
        moves = []
        for _ in range(24):  # through the seed's items, a group heading now and then
            before = len(passes), screen.number
            await pilot.press("down")
            await guide_shown(pilot)
            await pilot.pause()
            if screen.number != before[1]:  # not onto a group heading: nothing to show there
                moves.append((screen.number, len(passes) - before[0]))
        assert len(moves) > 16
        assert all(count == 1 for _, count in moves), str(moves)


async def test_a_scroll_asked_for_the_item_before_does_not_move_the_next(workdir):
    """`]` then `down` at once (a paste, a slow link): the next item opens at its top."""
    from textual import events

    app = make_app(workdir / "TODO.md", bundled_guides(), None)
    async with app.run_test(size=SIZE) as pilot:
        await guide_shown(pilot)
        view = app.screen.query_one(ItemView)
        for _ in range(4):
            first = main_screen(app).number
            app.post_message(events.Key("right_square_bracket", "]"))  # scrolls to a block
            app.post_message(events.Key("down", None))
            await until(pilot, lambda first=first: main_screen(app).number not in (first, None))
            await guide_shown(pilot)
            await pilot.pause()
            assert view.scroll_y == 0, main_screen(app).number
