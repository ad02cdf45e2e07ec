"""Rich renderings of a guide section and its examples, for the CLI's `show --guide`."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from patternbrowser.core.guides.samples import OutputBlock, Part, Sample
from patternbrowser.core.sanitize import one_line, visible
from patternbrowser.render.prose import prose_renderable
from patternbrowser.render.tables import code_view


def sample_view(sample: Sample) -> RenderableType:
    """One example, highlighted, with line numbers and a caption saying where it comes from."""
    return code_view(sample.title, sample.code, sample.language)


def section_view(where: str, parts: list[Part]) -> RenderableType:
    """A guide section: where it is, its prose, its examples and its output listings."""
    rendered: list[RenderableType] = [Text(f"Guide section · {one_line(where)}", style="bold")]
    for part in parts:
        if isinstance(part, Sample):
            rendered += [Text(), sample_view(part), Text()]
        elif isinstance(part, OutputBlock):
            caption = Text(f"{one_line(part.language)} · output", style="dim")
            rendered += [caption, Padding(Text(visible(part.code)), (0, 0, 0, 2))]
        else:
            rendered.append(prose_renderable(part))
    return Group(*rendered)
