"""Prose (instructions, guide sections) drawn with Rich: blocks from core.prose, inline markup."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.style import Style
from rich.table import Table
from rich.text import Text

from patternbrowser.core.prose import Block, read_prose
from patternbrowser.core.sanitize import visible
from patternbrowser.render.hanging import Hanging

_INLINE = re.compile(
    r"(?P<ticks>`+)(?P<code>.+?)(?P=ticks)"
    r"|\\(?P<escaped>[!-/:-@\[-`{-~])"
    r"|\[(?P<label>[^\[\]]+)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)"
    r"|<(?P<autolink>(?:https?|mailto):[^>\s]+)>"
    r"|\*\*(?=\S)(?P<strong>.+?)(?<=\S)\*\*"
    r"|(?<!\w)__(?=\S)(?P<strong2>.+?)(?<=\S)__(?!\w)"
    r"|\*(?=[^\s*])(?P<em>.+?)(?<=[^\s*])\*"
    r"|(?<!\w)_(?=[^\s_])(?P<em2>.+?)(?<=[^\s_])_(?!\w)"
)
_SEPARATOR = re.compile(r"^:?-+:?$")
CODE_STYLE = "bold cyan"
LINK_STYLE = "underline"
HEADING_STYLES = {1: "bold underline", 2: "bold underline"}
MARK_STYLE = "reverse"  # words the filter matched: readable in every theme and without colour


def is_marked(style: Style | None) -> bool:
    """Whether a drawn segment's style is a mark's (the prose draws nothing else reversed)."""
    return bool(style and style.reverse)


SHORT_URL = 40  # autolinks up to this long stay in the text; longer ones become notes


def inline_text(markdown: str, style: str = "", notes: list[str] | None = None) -> Text:
    """One line of inline markdown as styled Text (control characters made visible).

    With `notes`, a link's address leaves the text for a numbered note (`label [1]`), so
    wrapping never breaks an address in the middle where terminals could not follow it.
    """
    text = Text(style=style)
    position = 0
    for match in _INLINE.finditer(markdown):
        text.append(visible(markdown[position : match.start()]))
        position = match.end()
        groups = match.groupdict()
        if groups["code"] is not None:
            text.append(visible(groups["code"].strip() or groups["code"]), style=CODE_STYLE)
        elif groups["escaped"] is not None:
            text.append(groups["escaped"])
        elif groups["label"] is not None:
            text.append_text(inline_text(groups["label"], LINK_STYLE))
            if notes is not None:
                notes.append(groups["url"])
                text.append(f" [{len(notes)}]", style="dim")
            elif groups["url"] != groups["label"]:
                text.append(f" ({visible(groups['url'])})", style="dim")
        elif groups["autolink"] is not None:
            url = groups["autolink"]
            if notes is not None and len(url) > SHORT_URL:
                notes.append(url)
                text.append(f"[{len(notes)}]", style=LINK_STYLE)
            else:
                text.append(visible(url), style=LINK_STYLE)
        elif (strong := groups["strong"] or groups["strong2"]) is not None:
            text.append_text(inline_text(strong, "bold"))
        else:
            text.append_text(inline_text(groups["em"] or groups["em2"], "italic"))
    text.append(visible(markdown[position:]))
    return text


def marked(text: Text, marks: Sequence[str]) -> Text:
    """`text` with every occurrence of the words in `marks` (any case) highlighted."""
    words = [word for word in marks if word]
    if words:
        text.highlight_words(words, MARK_STYLE, case_sensitive=False)
    return text


def prose_renderable(markdown: str, marks: Sequence[str] = ()) -> RenderableType:
    """The prose as Rich renderables, a blank line between blocks (not between list items).

    Link addresses follow their block as numbered notes, each on one line of its own; the
    words in `marks` (what the filter matched) are highlighted.
    """
    parts: list[RenderableType] = []
    previous: Block | None = None
    notes: list[str] = []
    for block in read_prose(markdown):
        if previous is not None and not (previous.kind == block.kind == "item"):
            parts.append(Text())
        first = len(notes)
        parts.append(_block(block, notes, marks))
        indent = " " * (2 * block.depth + 3) if block.kind == "item" else ""
        for number, url in enumerate(notes[first:], start=first + 1):
            # one unbroken line, overflowing if it must, so terminals can recognise it
            note = Text(
                f"{indent}[{number}] {visible(url)}", style="dim", no_wrap=True, overflow="ignore"
            )
            parts.append(marked(note, marks))  # an address holds the word matched, maybe
        previous = block
    return Group(*parts)


def _block(block: Block, notes: list[str], marks: Sequence[str] = ()) -> RenderableType:
    if block.kind == "heading":
        style = HEADING_STYLES.get(block.level, "bold")
        return marked(inline_text(block.text, style, notes), marks)
    if block.kind == "item":
        lead = " " * (2 * block.depth + 1) + block.marker + " "
        return _hanging(lead, marked(inline_text(block.text, notes=notes), marks))
    if block.kind == "quote":
        return _hanging("▌ ", marked(inline_text(block.text, "italic", notes), marks), "dim")
    if block.kind == "rule":
        return Rule(style="dim")
    if block.kind == "table":
        return _table(block.text, marks)
    if block.kind == "verbatim":
        return marked(Text(visible(block.text)), marks)  # wrapped, never cut: nothing hidden
    return marked(inline_text(block.text, notes=notes), marks)


def _table(text: str, marks: Sequence[str]) -> RenderableType:
    """A pipe table as a Rich table (a header row, then a `---` row); else as written."""
    rows = [_cells(line) for line in text.splitlines()]
    regular = len(rows) >= 2 and all(len(row) <= len(rows[0]) for row in rows)
    if not regular or not all(_SEPARATOR.match(cell) for cell in rows[1]):
        return marked(Text(visible(text)), marks)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for cell in rows[0]:
        table.add_column(marked(inline_text(cell), marks), overflow="fold")
    for row in rows[2:]:
        table.add_row(*(marked(inline_text(cell), marks) for cell in row))
    return table


def _cells(line: str) -> list[str]:
    """The cells of a pipe-table row; an escaped pipe stays in its cell."""
    inner = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", inner)]


def _hanging(lead: str, text: Text, lead_style: str = "") -> Hanging:
    """`text` after `lead`, wrapped lines aligned under the text, not under the lead."""
    return Hanging(lead, text, lead_style)  # a long word breaks, never vanishes
