"""The guides folder: find the section of a guide that answers an item."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from patternbrowser.core.errors import InputError
from patternbrowser.core.guidepath import resolve_guide, unsafe_reason
from patternbrowser.core.guides.blocks import guide_files
from patternbrowser.core.safefile import Fingerprint, fingerprint
from patternbrowser.core.status import split_marker
from patternbrowser.core.textfile import TextLines, read_lines
from patternbrowser.core.todo.model import Item
from patternbrowser.core.todo.parser import block_markdown

_ITEM_MARKER = re.compile(r"<!--\s*item:\s*(\d+)\s*-->")


@dataclass(frozen=True)
class Heading:
    """A heading of a guide, with the item number its `<!-- item: N -->` marker names."""

    level: int
    title: str
    line_index: int
    item: int | None = None


@dataclass
class Guide:
    """A parsed guide file."""

    path: Path
    text: TextLines
    headings: list[Heading] = field(default_factory=list)

    def section_end(self, heading: Heading) -> int:
        """The line index where `heading`'s section ends: the next heading as high as it."""
        return next(
            (
                other.line_index
                for other in self.headings
                if other.line_index > heading.line_index and other.level <= heading.level
            ),
            len(self.text.lines),
        )

    def lines_text(self, start: int, end: int) -> str:
        """Lines `start` to `end` (indexes) as markdown ending in one newline."""
        return "\n".join(self.text.lines[start:end]).rstrip() + "\n"

    def section_text(self, heading: Heading) -> str:
        """The markdown from `heading` to the next heading of the same or a higher level."""
        return self.lines_text(heading.line_index, self.section_end(heading))


LookupState = Literal["found", "no-guide", "unsafe", "missing-file", "no-section", "unreadable"]


@dataclass(frozen=True)
class SectionLookup:
    """Where an item's guide section is, or why there is none to show."""

    state: LookupState
    message: str
    path: Path | None = None
    heading: Heading | None = None
    text: str = ""


def parse_guide(path: Path) -> Guide:
    """Read a guide and list its headings with their item markers."""
    text = read_lines(path)
    guide = Guide(path, text)
    tokens = block_markdown().parse(text.body())
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or token.map is None:
            continue
        start, end = token.map
        title = split_marker(tokens[index + 1].content)[2].strip()
        guide.headings.append(Heading(int(token.tag[1:]), title, start, _marker_below(text, end)))
    return guide


def _marker_below(text: TextLines, start: int) -> int | None:
    """The item number of a `<!-- item: N -->` line right under a heading (blank lines allowed)."""
    for line in text.lines[start : start + 3]:
        match = _ITEM_MARKER.search(line)
        if match:
            return int(match[1])
        if line.strip():
            return None
    return None


def find_heading(guide: Guide, item: Item) -> Heading | None:
    """The heading for `item`: its marker first, else a heading with the item's title."""
    for heading in guide.headings:
        if heading.item == item.number:
            return heading
    wanted = item.title.casefold()
    return next((h for h in guide.headings if h.title.casefold() == wanted), None)


class GuideLibrary:
    """Parses guides on demand and keeps them until their file changes."""

    def __init__(self, folder: Path) -> None:
        """Serve the guides of `folder`."""
        self.folder = folder
        self._cache: dict[Path, tuple[Fingerprint, Guide]] = {}

    def guide(self, path: Path) -> Guide:
        """The parsed guide at `path`, re-read when its size or time changed."""
        key = fingerprint(path)
        cached = self._cache.get(path)
        if key is None or cached is None or cached[0] != key:  # a missing file fails to parse
            cached = (key, parse_guide(path))
            self._cache[path] = cached
        return cached[1]

    def lookup(self, item: Item) -> SectionLookup:
        """Find the section answering `item` in its target guide."""
        if not item.guide:
            marked = self._marked_anywhere(item)
            return marked or SectionLookup("no-guide", "this item names no target guide")
        reason = unsafe_reason(item.guide)
        path = resolve_guide(self.folder, item.guide)
        if reason or path is None:
            why = reason or "leads outside the guides folder"
            return SectionLookup("unsafe", f"refused to open '{item.guide}': it {why}")
        if not path.is_file():
            verb = "is to be created" if item.guide_is_new else "is not written yet"
            return SectionLookup("missing-file", f"{item.guide} {verb}", path)
        try:
            guide = self.guide(path)
        except (InputError, OSError) as error:
            return SectionLookup("unreadable", str(error), path)
        heading = find_heading(guide, item)
        if heading is None:
            return SectionLookup(
                "no-section", f"{item.guide} has no section for this item yet", path
            )
        where = f"{item.guide}:{heading.line_index + 1}"
        return SectionLookup("found", where, path, heading, guide.section_text(heading))

    def _marked_anywhere(self, item: Item) -> SectionLookup | None:
        """The section of any guide whose `<!-- item: N -->` marker names `item`."""
        for path in self.files():
            try:
                guide = self.guide(path)
            except (InputError, OSError):
                continue
            heading = next((h for h in guide.headings if h.item == item.number), None)
            if heading is not None:
                where = f"{path.name}:{heading.line_index + 1}"
                return SectionLookup("found", where, path, heading, guide.section_text(heading))
        return None

    def files(self) -> list[Path]:
        """Every markdown file in the guides folder."""
        return guide_files(self.folder)
