"""Keys people expect: j/k, home/end, PageUp/PageDown from the tree, hiding the tree."""

from __future__ import annotations

from patternbrowser.tui.widgets.item_tree import ItemTree
from patternbrowser.tui.widgets.item_view import ItemView
from tests.tui.helpers import SIZE, main_screen


async def test_j_k_home_end_move_through_the_items(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        await pilot.pause()
        assert main_screen(app).number == 5
        await pilot.press("k")
        await pilot.pause()
        assert main_screen(app).number == 4
        await pilot.press("end")
        await pilot.pause()
        assert main_screen(app).number == 22
        await pilot.press("home")
        await pilot.pause()
        assert main_screen(app).number == 3  # the first item, not its group's row


async def test_page_keys_scroll_the_pane_and_t_hides_the_tree(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ItemView)
        await pilot.press("pagedown")
        await pilot.pause()
        assert view.scroll_y > 0
        assert app.focused is app.screen.query_one(ItemTree)  # the tree keeps the keys
        await pilot.press("pageup")
        await pilot.pause()
        assert view.scroll_y == 0
        width = view.size.width
        await pilot.press("t")
        await pilot.pause()
        assert view.size.width > width + 20 and not app.screen.query_one("#left").display
        await pilot.press("space")  # status keys still act on the item shown
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one("#left").display
        assert app.focused is app.screen.query_one(ItemTree)
