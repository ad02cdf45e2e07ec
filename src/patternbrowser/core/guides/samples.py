"""The examples `[`/`]` step through: an item's drafts from the TODO, then its guide's blocks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from patternbrowser.core.errors import UsageError
from patternbrowser.core.guides.blocks import NOT_CODE, PARSE, RUN, SYNTAX, fences
from patternbrowser.core.guides.library import GuideLibrary, SectionLookup
from patternbrowser.core.todo.model import Example, Item
from patternbrowser.core.wording import numbered

Kind = Literal["draft", "guide"]
Check = Literal["draft", "tested", "not-run", "not-checked"]


@dataclass(frozen=True)
class Sample:
    """One example as the user sees and copies it, with where it comes from."""

    kind: Kind
    number: int  # 1-based among the examples of its kind
    of: int  # how many examples of its kind the item has
    language: str
    code: str
    path: Path  # the TODO for a draft, the guide file for a guide block
    line: int  # 1-based: a draft's first code line, a guide block's opening fence
    check: Check
    reason: str = ""  # why a guide block is not run (its `skip="..."`)

    @property
    def where(self) -> str:
        """`FILE:LINE`, as `check` and the example harness name the block."""
        return f"{self.path.name}:{self.line}"

    @property
    def provenance(self) -> str:
        """Where the example comes from and whether anything checks it."""
        if self.check == "draft":
            return "draft from the TODO · not verified"
        if self.check == "tested":
            return f"{self.where} · tested"
        if self.check == "not-run":
            return f"{self.where} · not run: {self.reason}"
        return f"{self.where} · not checked ({self.language or 'no language'})"

    @property
    def title(self) -> str:
        """The frame's title: which example, its language and its provenance."""
        name = "Example" if self.kind == "draft" else "Guide example"
        return f"{name} {self.number}/{self.of} · {self.language} · {self.provenance}"

    @property
    def frame_title(self) -> str:
        """A shorter title for a frame in a narrow pane: `1/2 python · PROVENANCE`."""
        return f"{self.number}/{self.of} {self.language} · {self.provenance}"

    @property
    def file_stem(self) -> str:
        """The stem of a file name to save it under (item number added by the caller)."""
        return "example" if self.kind == "draft" else "guide-example"

    @property
    def example(self) -> Example:
        """The sample as a plain example (number, language, code, line)."""
        return Example(self.number, self.language, self.code, self.line)


@dataclass(frozen=True)
class OutputBlock:
    """A fenced block of program output (`text`, `console`): shown, never an example."""

    language: str
    code: str
    line: int


Part = str | Sample | OutputBlock  # prose, an example, or output, in the order written


def drafts(item: Item, todo: Path) -> list[Sample]:
    """The examples of an item's instructions, as drafts nothing verifies."""
    total = len(item.examples)
    return [
        Sample("draft", ex.number, total, ex.language, ex.code, todo, ex.line, "draft")
        for ex in item.examples
    ]


def guide_parts(path: Path, first_line: int, markdown: str) -> list[Part]:
    """A guide's text (starting at 0-based line `first_line` of `path`) as prose and blocks."""
    lines = markdown.splitlines()
    found = fences(markdown)
    total = sum(1 for fence in found if fence.language not in NOT_CODE)
    parts: list[Part] = []
    done = 0  # lines already placed in a part
    number = 0
    for block in found:
        if block.start > done:
            parts.append("\n".join(lines[done : block.start]))
        line = first_line + block.start + 1  # 1-based line of the opening fence in the file
        code, language = block.content.rstrip("\n"), block.language
        if language in NOT_CODE:
            parts.append(OutputBlock(language or "text", code, line))
        else:
            number += 1
            check, reason = _check(language, block.attrs)
            parts.append(Sample("guide", number, total, language, code, path, line, check, reason))
        done = block.end
    if done < len(lines):
        parts.append("\n".join(lines[done:]))
    return [part for part in parts if not isinstance(part, str) or part.strip()]


def _check(language: str, attrs: dict[str, str]) -> tuple[Check, str]:
    """Whether the example harness checks a block of this language and attributes."""
    if "skip" in attrs:
        return "not-run", attrs["skip"] or "marked skip"
    if language in RUN | PARSE | SYNTAX:
        return "tested", ""
    return "not-checked", ""


def section_parts_of(lookup: SectionLookup) -> list[Part]:
    """The parts of a found guide section; [] when the lookup found none."""
    if lookup.state != "found" or lookup.path is None or lookup.heading is None:
        return []
    return guide_parts(lookup.path, lookup.heading.line_index, lookup.text)


def samples_of(parts: list[Part]) -> list[Sample]:
    """The examples among a text's parts."""
    return [part for part in parts if isinstance(part, Sample)]


def item_samples(item: Item, todo: Path, lookup: SectionLookup | None) -> list[Sample]:
    """Everything `[`/`]` step through for an item: its drafts, then its guide's blocks."""
    guide = samples_of(section_parts_of(lookup)) if lookup is not None else []
    return drafts(item, todo) + guide


def first_choice(samples: list[Sample]) -> int:
    """The example shown as current before the user moves: the first verified one if any."""
    return next((i for i, sample in enumerate(samples) if sample.kind == "guide"), 0)


def guide_section(library: GuideLibrary, item: Item) -> tuple[SectionLookup, list[Part]]:
    """An item's guide section and its parts; a usage error when the item has none."""
    lookup = library.lookup(item)
    if lookup.state != "found":
        raise UsageError(f"item {item.number} has no guide section: {lookup.message}", lookup.path)
    return lookup, section_parts_of(lookup)


def pick(samples: list[Sample], number: int, item: Item, path: Path | None) -> Sample:
    """Example `number` (from 1) of `samples`; a usage error naming the ones there are."""
    kind = "guide example" if samples and samples[0].kind == "guide" else "example"
    return numbered(samples, number, f"item {item.number} has no {kind}", "have", path)
