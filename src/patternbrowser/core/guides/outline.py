"""Every guide file and its headings, for browsing the guides themselves (palette, outline)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from patternbrowser.core.errors import InputError
from patternbrowser.core.guides.library import Guide, GuideLibrary, Heading
from patternbrowser.core.guides.samples import Part, guide_parts

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
        found.append(GuideOutline(path, places))
    return found


def place_text(guide: Guide, heading: Heading) -> str:
    """What a heading shows: its section; for a file's title, the text up to the next heading."""
    if heading.level > 1:
        return guide.section_text(heading)
    later = [h.line_index for h in guide.headings if h.line_index > heading.line_index]
    return guide.lines_text(heading.line_index, min(later, default=len(guide.text.lines)))


def place_parts(library: GuideLibrary, place: Place) -> list[Part]:
    """A heading's text as prose, examples and output, read from the (cached) guide."""
    guide = library.guide(place.path)
    return guide_parts(place.path, place.heading.line_index, place_text(guide, place.heading))
