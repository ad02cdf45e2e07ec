"""Hostile text from files is shown literally and a guide path outside guides/ is never opened."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.helpers import SIZE, guide_shown, leaf_labels

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
        guide_text = str(app.screen.query_one("#guide-body").query_one(Static).render())
        assert "refused to open '../../../../etc/passwd'" in guide_text
        problems = [p.message for p in app.session.tracker.document.problems]
        assert problems == [
            "item 1: guide path '../../../../etc/passwd' climbs out of the guides folder with '..'"
        ]
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert warnings and "climbs out of the guides folder" in warnings[0]
    assert opened == []
