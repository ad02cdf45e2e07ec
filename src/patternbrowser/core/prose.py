"""The prose of an item's instructions, read into blocks for display.

Instructions are short, plain markdown: paragraphs, lists, the odd heading, quote or rule,
with code spans, emphasis and links inline (their fenced examples are taken out before
this), and guide sections add tables. Reading that takes a few regular expressions, where
loading a full markdown library (and the highlighter it brings) would add a tenth to the
app's start-up. Whatever is not one of those blocks (HTML, indented code) is kept exactly
as written, as `verbatim`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["paragraph", "heading", "item", "quote", "rule", "table", "verbatim"]
# what the lines read so far leave open to continuation ("gap": a list item, then a blank)
_Open = Literal["paragraph", "item", "gap", "quote", "table", "verbatim"] | None

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])[ \t]+(.*)$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?(.*)$")
_VERBATIM = re.compile(r"^(?: {4}|\t)|^ {0,3}<[A-Za-z/!]")
_TABLE_ROW = re.compile(r"^ {0,3}\|")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")  # invisible in rendered markdown


@dataclass(frozen=True)
class Block:
    """One block of prose; `text` keeps its inline markdown (drawn by prose_render)."""

    kind: BlockKind
    text: str = ""
    depth: int = 0  # nesting of list items
    marker: str = ""  # "•" or "3." for list items
    level: int = 0  # 1-6 for headings


def read_prose(text: str) -> list[Block]:
    """The blocks of `text`, in order; lines of a paragraph are joined as markdown does."""
    blocks: list[Block] = []
    indents: list[int] = []  # indentation of the open list levels
    open_kind: _Open = None
    for line in text.expandtabs(4).splitlines():
        if not line.strip():
            open_kind = "gap" if open_kind in ("item", "gap") else None
            continue
        if _COMMENT.match(line):
            continue
        if _TABLE_ROW.match(line):
            if open_kind == "table":
                blocks[-1] = Block("table", f"{blocks[-1].text}\n{line.strip()}")
            else:
                blocks.append(Block("table", line.strip()))
            open_kind, indents = "table", []
            continue
        item = _ITEM.match(line)
        setext = _SETEXT.match(line)
        if setext and open_kind == "paragraph":
            level = 1 if setext.group(1)[0] == "=" else 2
            blocks[-1] = Block("heading", blocks[-1].text, level=level)
            open_kind = None
        elif _RULE.match(line):
            blocks.append(Block("rule"))
            open_kind, indents = None, []
        elif heading := _HEADING.match(line):
            blocks.append(Block("heading", (heading.group(2) or "").strip(), level=len(heading[1])))
            open_kind, indents = None, []
        elif item:
            depth = _depth(indents, len(item.group(1)))
            marker = "•" if item.group(2) in "-*+" else item.group(2).replace(")", ".")
            blocks.append(Block("item", item.group(3).strip(), depth=depth, marker=marker))
            open_kind = "item"
        elif quote := _QUOTE.match(line):
            if not quote.group(1).strip():
                open_kind = None  # a bare `>` line ends a paragraph of the quote
                continue
            if open_kind == "quote":
                blocks[-1] = _joined(blocks[-1], quote.group(1))
            else:
                blocks.append(Block("quote", quote.group(1).strip()))
            open_kind, indents = "quote", []
        elif open_kind in ("item", "gap") and line.startswith(" "):
            blocks[-1] = _joined(blocks[-1], line)  # an item's continuation line
            open_kind = "item"
        elif open_kind in ("paragraph", "item") and not _VERBATIM.match(line):
            blocks[-1] = _joined(blocks[-1], line)  # a lazy continuation
        elif _VERBATIM.match(line):
            if open_kind == "verbatim":
                blocks[-1] = Block("verbatim", f"{blocks[-1].text}\n{line}")
            else:
                blocks.append(Block("verbatim", line))
            open_kind, indents = "verbatim", []
        else:
            blocks.append(Block("paragraph", line.strip()))
            open_kind, indents = "paragraph", []
    return blocks


def _depth(indents: list[int], indent: int) -> int:
    """The nesting level of a list item indented by `indent`, updating the open levels."""
    while indents and indent < indents[-1]:
        indents.pop()
    if not indents or indent > indents[-1]:
        indents.append(indent)
    return len(indents) - 1


def _joined(block: Block, line: str) -> Block:
    return Block(block.kind, f"{block.text} {line.strip()}", block.depth, block.marker)
