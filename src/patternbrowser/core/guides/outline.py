"""Every guide file and its headings, for browsing the guides themselves (palette, outline)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from patternbrowser.core.errors import InputError
from patternbrowser.core.guides.library import Guide, GuideLibrary, Heading
from patternbrowser.core.guides.samples import Part, guide_parts
from patternbrowser.core.todo.search import query_words

MAX_LEVEL = 4  # `####`: deeper headings are details of their section


@dataclass(frozen=True)
class Place:
    """A heading of a guide file: what the palette finds and the outline lists."""

    path: Path
    heading: Heading

    @property
    def where(self) -> str:
        """`FILE:LINE` of the heading."""
        return f"{self.path.name}:{self.heading.line_index + 1}"

    @property
    def name(self) -> str:
        """The heading as written, with its level's hashes: `## Caching Strategies`."""
        return f"{'#' * self.heading.level} {self.heading.title}"


@dataclass(frozen=True)
class GuideOutline:
    """One guide file and its headings (levels 1 to 4), or why it could not be read."""

    path: Path
    places: list[Place]
    error: str | None = None
    guide: Guide | None = None  # the parse the places come from (None when unreadable)


def outline(library: GuideLibrary) -> list[GuideOutline]:
    """Every guide file of the library with its headings, in path order (parsed once, cached)."""
    found = []
    for path in library.files():
        try:
            guide = library.guide(path)
        except (InputError, OSError) as error:
            found.append(GuideOutline(path, [], str(error)))
            continue
        places = [Place(path, h) for h in guide.headings if h.level <= MAX_LEVEL]
        found.append(GuideOutline(path, places, guide=guide))
    return found


def next_heading(guide: Guide, heading: Heading) -> int:
    """The line index of the next heading of any level after `heading` (or the file's end)."""
    later = [h.line_index for h in guide.headings if h.line_index > heading.line_index]
    return min(later, default=len(guide.text.lines))


def own_text(guide: Guide, heading: Heading) -> str:
    """A heading's own lines: from it to the next heading of any level."""
    return guide.lines_text(heading.line_index, next_heading(guide, heading))


class OutlineIndex:
    """The searchable text of every heading of the guides, built once per state of the files.

    A heading matches when every word of the query is in its own lines (those up to the next
    heading, subsections excluded), so the filter leads to the heading that holds the words.
    """

    def __init__(self, outlines: list[GuideOutline]) -> None:
        """Index the headings of `outlines` (kept to tell whether the guides changed since)."""
        self.outlines = outlines
        self._text = {
            place: own_text(entry.guide, place.heading).casefold()
            for entry in outlines
            if entry.guide is not None
            for place in entry.places
        }

    def is_current(self, outlines: list[GuideOutline]) -> bool:
        """Whether `outlines` are the same files parsed the same way as those indexed."""
        # by identity: the library hands back the same parse until the file changes
        return len(outlines) == len(self.outlines) and all(
            new.path == old.path and new.guide is old.guide
            for new, old in zip(outlines, self.outlines, strict=True)
        )

    def matcher(self, query: str) -> Callable[[Place], bool]:
        """A test for the indexed headings: every word of `query` is in the heading's lines."""
        words = query_words(query)
        text = self._text
        return lambda place: all(word in text.get(place, "") for word in words)

    @property
    def size(self) -> int:
        """How many headings are indexed."""
        return len(self._text)


def outline_index(library: GuideLibrary, previous: OutlineIndex | None) -> OutlineIndex:
    """`previous` if no guide changed since it was built, else a new index of the library."""
    outlines = outline(library)
    if previous is not None and previous.is_current(outlines):
        return previous
    return OutlineIndex(outlines)


def place_end(guide: Guide, heading: Heading) -> int:
    """Where a heading's part ends: its section's end; for a file's title, the next heading."""
    return guide.section_end(heading) if heading.level > 1 else next_heading(guide, heading)


def place_parts(library: GuideLibrary, place: Place) -> list[Part]:
    """The text under a heading as prose, examples and output, read from the (cached) guide.

    The heading line itself is left out: the pane shows it as its title.
    """
    guide = library.guide(place.path)
    start, end = place.heading.line_index + 1, place_end(guide, place.heading)
    while start < end and not guide.text.lines[start].strip():
        start += 1
    text = guide.lines_text(start, end)
    return guide_parts(place.path, start, text)
