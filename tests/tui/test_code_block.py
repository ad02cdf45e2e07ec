"""A code block draws its own lines: the mouse and a selection still find the text under them."""

from __future__ import annotations

from textual.geometry import Offset
from textual.selection import Selection

from patternbrowser.paths import bundled_guides
from patternbrowser.tui.app import make_app
from patternbrowser.tui.widgets.code_block import CodeBlockView
from patternbrowser.tui.widgets.item_view import ItemView
from tests.tui.helpers import SIZE, guide_shown


async def test_the_mouse_and_a_selection_find_the_code_under_them(workdir):
    app = make_app(workdir / "TODO.md", bundled_guides(), None)
    async with app.run_test(size=SIZE) as pilot:
        await guide_shown(pilot)
        await pilot.press("right_square_bracket")  # a guide block in view
        await pilot.pause()
        screen = app.screen
        block = next(
            block
            for block in screen.query(CodeBlockView)
            if 0 <= screen.find_widget(block).region.y < SIZE[1] - 8
        )
        inside = screen.find_widget(block).region.shrink(block.styles.gutter)
        lines = block.content.plain.split("\n")
        assert block.code_width > inside.width  # wide enough to scroll sideways
        for dx, dy in ((0, 0), (4, 0), (10, 2), (12, 1)):
            assert dx < len(lines[dy])  # on the code, not past its end
            widget, offset = screen.get_widget_and_offset_at(inside.x + dx, inside.y + dy)
            assert widget is block and offset == Offset(dx, dy)
        block.scroll_x = 10
        await pilot.pause()
        widget, offset = screen.get_widget_and_offset_at(inside.x, inside.y + 2)
        assert widget is block and offset == Offset(10, 2)
        screen.selections = {block: Selection(Offset(4, 1), Offset(12, 2))}
        await pilot.pause()
        assert screen.get_selected_text() == lines[1][4:] + "\n" + lines[2][:12]
        # the block's first lines scrolled above the pane: drawn from its fifth line on
        view = screen.query_one(ItemView)
        pane_top = screen.find_widget(view).region.y
        block.scroll_x = 0
        view.scroll_to(y=view.scroll_y + inside.y - pane_top + 4, animate=False)
        await pilot.pause()
        assert len(lines[4]) > 2
        widget, offset = screen.get_widget_and_offset_at(inside.x + 2, pane_top)
        assert widget is block and offset == Offset(2, 4)


async def test_a_block_in_view_takes_the_colours_of_a_new_theme(workdir):
    app = make_app(workdir / "TODO.md", bundled_guides(), None)
    async with app.run_test(size=SIZE) as pilot:
        await guide_shown(pilot)
        await pilot.press("right_square_bracket")  # a guide block in view
        await pilot.pause()
        block = next(
            block
            for block in app.screen.query(CodeBlockView)
            if 0 <= app.screen.find_widget(block).region.y < SIZE[1] - 8
        )

        def colours() -> set[str]:
            line = block.render_line(0)
            return {str(segment.style.color) for segment in line if segment.style}

        dark = colours()
        app.theme = "textual-light"
        await pilot.pause()
        assert colours() != dark


async def test_a_selection_goes_when_the_pane_shows_another_item(workdir):
    """Its widgets draw other parts (or hide as spares): the old selection must not be copied."""
    app = make_app(workdir / "TODO.md", bundled_guides(), None)
    async with app.run_test(size=SIZE) as pilot:
        await guide_shown(pilot)
        screen = app.screen
        block = screen.query(CodeBlockView).first()
        title = screen.query_one("#item-title")
        for selected in (block, title):
            screen.selections = {selected: Selection(Offset(4, 0), Offset(12, 1))}
            await pilot.pause()
            assert screen.get_selected_text()
            await pilot.press("down")
            await guide_shown(pilot)
            await pilot.pause()
            assert screen.get_selected_text() is None, selected


async def test_a_triple_click_copies_what_the_pane_shows_not_its_hidden_spares(workdir):
    app = make_app(workdir / "TODO.md", bundled_guides(), None)
    async with app.run_test(size=SIZE) as pilot:
        await guide_shown(pilot)
        view = app.screen.query_one(ItemView)
        while view.item is None or view.item.number != 6:  # many parts, then fewer
            await pilot.press("down")
            await guide_shown(pilot)
        await pilot.press("down")
        await guide_shown(pilot)
        await pilot.pause()
        spares = [widget for widget in view.query("CodeBlockView, .prose") if not widget.display]
        assert spares
        await pilot.click("#item-title", times=3)  # selects everything in the pane
        await pilot.pause()
        copied = app.screen.get_selected_text()
        assert copied and view.item.title in copied
        selections = app.screen.selections
        assert all(spare in selections for spare in spares)  # selected, as Textual does
        assert all(spare.get_selection(selections[spare]) is None for spare in spares)
