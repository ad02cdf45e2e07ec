"""Guide blocks are examples too: `[`/`]` step from the TODO's drafts into the guide's blocks."""

from __future__ import annotations

from patternbrowser.tui.widgets.item_view import ItemView
from tests.tui.helpers import SIZE, guide_shown, main_screen

GUIDE = """\
# CLAUDE-validation.md

## JWT Authentication Flow
<!-- item: 3 -->

```python
import jwt
```

```text
output, not an example
```

```bash
echo tested
```
"""


async def test_brackets_step_through_drafts_then_guide_blocks_and_say_where_from(app_for, workdir):
    (workdir / "guides" / "CLAUDE-validation.md").write_text(GUIDE, encoding="utf-8")
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ItemView)
        # before the guide is drawn, a key draws it at once: the first guide block is current
        await pilot.press("right_square_bracket")
        assert view.sample.provenance == "CLAUDE-validation.md:14 · tested"
        assert [v.sample.kind for v in view.sample_views] == ["draft", "guide", "guide"]
        assert view.sample_views[2].has_class("-current")
        await pilot.press("right_square_bracket")  # past the last: says so, back to the first
        await pilot.pause()
        assert view.sample.kind == "draft"
        assert view.sample_views[0].border_title.endswith("draft from the TODO · not verified")
        assert any("that was the last example" in str(n.message) for n in app._notifications)
        await pilot.press("left_square_bracket")
        assert view.sample.where == "CLAUDE-validation.md:14"


async def test_the_first_guide_block_is_current_until_the_user_moves(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await guide_shown(pilot)  # the guide section is drawn once the selection rests
        view = app.screen.query_one(ItemView)
        assert view.sample.kind == "guide" and view.sample_views[1].has_class("-current")
        await pilot.press("left_square_bracket")  # the draft is one step back
        assert view.sample.kind == "draft" and view.sample.number == 1
        await main_screen(app).jump_to(4)  # an item whose guide has no section: its draft
        await guide_shown(pilot)
        assert view.sample.kind == "draft"
