"""Hostile text from files is shown literally and a guide path outside guides/ is never opened."""

from __future__ import annotations

import html
import re

from textual.widgets import Static

from tests.tui.helpers import SIZE, guide_shown, leaf_labels, palette_shows

TITLE = "[bold red]Injected[/] \x1b[31mred\x1b[0m [link=file:///etc/passwd]x[/link]"
HOSTILE = f"""# Hostile

## 🔴 HIGH PRIORITY - Trouble

### 1. {TITLE}
**File**: `../../../../etc/passwd`
**Estimated Effort**: 1 hour
**Instructions**:
```
Text with a bidi override \u202e here and a bell \x07.
\\```python
print("\x1b[2J")
\\```
```
"""


async def test_hostile_title_is_literal_and_the_guide_is_refused(app_for, workdir, monkeypatch):
    opened = []
    monkeypatch.setattr(
        "patternbrowser.core.guides.library.parse_guide", lambda path: opened.append(path)
    )
    (workdir / "HOSTILE.md").write_text(HOSTILE, encoding="utf-8")
    app = app_for("HOSTILE.md")
    async with app.run_test(size=SIZE) as pilot:
        await guide_shown(pilot)  # the guide section is looked up once the selection rests
        label = leaf_labels(app)[0]
        assert label == (
            "⬜ 1 [bold red]Injected[/] ␛[31mred␛[0m [link=file:///etc/passwd]x[/link]"
        )
        title = app.screen.query_one("#item-title", Static).render()
        assert "[bold red]Injected[/] ␛[31mred␛[0m [link=file:///etc/passwd]x[/link]" in str(title)
        assert all("red" not in str(span.style) for span in title.spans)  # no markup applied
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "\u202e" not in svg and "\x07" not in svg
        assert "&lt;U+202E&gt;" in svg and "␇" in svg
        body = app.screen.query_one("#guide-body")
        (refusal,) = [line for line in body.query(Static) if line.display]  # spares are hidden
        assert "refused to open '../../../../etc/passwd'" in str(refusal.render())
        problems = [p.message for p in app.session.tracker.document.problems]
        assert problems == [
            "item 1: guide path '../../../../etc/passwd' climbs out of the guides folder with '..'"
        ]
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert warnings and "climbs out of the guides folder" in warnings[0]
    assert opened == []


MARKUP = "[bold red]M[/] [/red] [@click=app.screenshot('x','dir')]C[/] \x1b[2J\u202eR\u202c"
EVERYWHERE = f"""# {MARKUP}

**Last Updated**: 2025-09-23

## 🔴 HIGH PRIORITY - {MARKUP}

### 1. {MARKUP} one
**File**: `CLAUDE-{MARKUP}.md`
**Estimated Effort**: 1-2 hours {MARKUP}
**Instructions**:
```
{MARKUP} in prose, and [a link]({MARKUP}).
\\```python
print("{MARKUP}")
\\```
```

### 2. {MARKUP} two
**Recurrence**: Monthly {MARKUP}

## 🎯 Implementation Priority Order

### Phase 1 - {MARKUP} (Week 1-2)
1. {MARKUP} (#1)

**Progress Summary:**
- High Priority: 0/2 completed
"""


def assert_literal(svg: str, shown: bool = True) -> None:
    """Markup shown as text, escapes and bidi controls made visible, never sent."""
    assert "\x1b" not in svg and "\u202e" not in svg and "\u202c" not in svg
    texts = "".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    text = html.unescape(texts).replace("\xa0", " ")
    assert not shown or "[bold red]M[/] [/red] [@click=app.screenshot('x','dir')]C[/]" in text


async def test_every_screen_shows_markup_from_the_file_as_text(tmp_path, monkeypatch):
    """Tree, pane, header, help, palette, save dialog and notices: nothing is parsed."""
    from patternbrowser.tui.app import make_app

    folder = tmp_path / "[red]folder[@click=app.quit]"
    folder.mkdir()
    todo = folder / "TODO.md"
    todo.write_text(EVERYWHERE, encoding="utf-8")
    monkeypatch.chdir(folder)
    app = make_app(todo, tmp_path / "no-guides", None)
    clicked = []
    monkeypatch.setattr(type(app), "action_screenshot", lambda *args: clicked.append(args))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert_literal(app.export_screenshot())  # tree, pane, header
        await pilot.press("space", "e")  # notices of a change and of an export
        await pilot.pause()
        assert_literal(app.export_screenshot())
        await pilot.press("question_mark")
        await pilot.pause()
        assert_literal(app.export_screenshot(), shown=False)
        await pilot.press("escape", "ctrl+p", *"one")
        await palette_shows(pilot, "one")
        assert_literal(app.export_screenshot())
        await pilot.click("CommandList", offset=(10, 0))  # a click on the hit runs no action
        await pilot.pause()
        await pilot.press("escape", "ctrl+p", *"save example")
        await palette_shows(pilot, "Save example")
        await pilot.press("enter")
        await pilot.pause()
        assert_literal(app.export_screenshot(), shown=False)  # the save dialog
        await pilot.press("escape")
        await pilot.pause()
    assert clicked == []
