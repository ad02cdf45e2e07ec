"""The fenced code blocks of the guides, and how each one is to be checked."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path

from patternbrowser.core.guides.files import scan_guides
from patternbrowser.core.textfile import read_lines
from patternbrowser.core.todo.parser import block_markdown

# languages whose blocks the harness can check, by what it does with them
RUN = {"python"}
PARSE = {"toml", "yaml", "json", "ini", "dockerfile"}
SYNTAX = {"bash", "sh", "shell"}
NOT_CODE = {"text", "console", "output", ""}


@dataclass(frozen=True)
class CodeBlock:
    """A fenced block: its language, the attributes of its info string, and its code."""

    path: Path
    line: int  # 1-based line of the opening fence
    language: str
    attrs: dict[str, str]
    code: str

    @property
    def where(self) -> str:
        """`FILE:LINE`, for messages and test ids."""
        return f"{self.path.name}:{self.line}"

    @property
    def skip_reason(self) -> str | None:
        """Why the block is not executed, when its info string says so."""
        return self.attrs.get("skip")


@dataclass
class Runnable:
    """What the harness checks as one unit: a block, or a program made of several blocks."""

    name: str
    language: str
    blocks: list[CodeBlock] = field(default_factory=list)

    @property
    def code(self) -> str:
        """The code of all blocks, in order."""
        return "\n\n".join(block.code for block in self.blocks)

    @property
    def module(self) -> str | None:
        """The importable name of a `module=NAME` unit, which the companion checks exercise."""
        return self.blocks[0].attrs.get("module") if self.blocks else None

    @property
    def guide_lined_code(self) -> str:
        """The code with each block on its guide lines, so errors name the guide's line numbers."""
        lines: list[str] = []
        for block in self.blocks:
            # blank lines up to the fence keep every later line number equal to the guide's
            lines.extend([""] * max(0, block.line - len(lines)))
            lines.extend(block.code.splitlines())
        return "\n".join(lines) + "\n"

    @property
    def attrs(self) -> dict[str, str]:
        """The attributes of all blocks together."""
        merged: dict[str, str] = {}
        for block in self.blocks:
            merged.update(block.attrs)
        return merged

    @property
    def needs(self) -> set[str]:
        """The services it needs (`needs=redis`, `needs=clamd`)."""
        return {
            need
            for block in self.blocks
            for need in block.attrs.get("needs", "").split(",")
            if need
        }

    @property
    def skip_reason(self) -> str | None:
        """The written reason why it is not executed, if any."""
        return next((block.skip_reason for block in self.blocks if block.skip_reason), None)


def parse_info(info: str) -> tuple[str, dict[str, str]]:
    """`python program=x needs=redis pytest-args="-n 2"` → ("python", {...}); flags map to ""."""
    try:
        words = shlex.split(info)
    except ValueError:
        words = info.split()
    if not words:
        return "", {}
    attrs: dict[str, str] = {}
    for word in words[1:]:
        key, _, value = word.partition("=")
        attrs[key] = value
    return words[0].lower(), attrs


@dataclass(frozen=True)
class Fence:
    """A fenced block of some markdown: its lines (0-based, end exclusive), info and content."""

    start: int
    end: int
    language: str
    attrs: dict[str, str]
    content: str


def fences(markdown: str) -> list[Fence]:
    """Every fenced block of `markdown`, in order."""
    found = []
    for token in block_markdown().parse(markdown):
        if token.type == "fence" and token.map is not None:
            language, attrs = parse_info(token.info)
            found.append(Fence(token.map[0], token.map[1], language, attrs, token.content))
    return found


def blocks_in(path: Path) -> list[CodeBlock]:
    """Every fenced block of one guide file."""
    return [
        CodeBlock(path, fence.start + 1, fence.language, fence.attrs, fence.content)
        for fence in fences(read_lines(path).body())
    ]


def guide_files(folder: Path) -> list[Path]:
    """The guide files of a folder and its subfolders that are safe to read, in path order."""
    return scan_guides(folder).files


def collect_blocks(folder: Path, files: list[Path] | None = None) -> list[CodeBlock]:
    """Every fenced block of every guide in `folder`."""
    paths = guide_files(folder) if files is None else files
    return [block for path in paths for block in blocks_in(path)]


def runnables(blocks: list[CodeBlock]) -> list[Runnable]:
    """Group blocks into what is checked together: `program=NAME` or `module=NAME` blocks."""
    units: list[Runnable] = []
    programs: dict[tuple[Path, str], Runnable] = {}
    for block in blocks:
        program = block.attrs.get("program")
        module = block.attrs.get("module")
        if program or module:
            key = (block.path, f"program {program}" if program else f"module {module}")
            if key not in programs:
                programs[key] = Runnable(f"{block.path.name}:{program or module}", block.language)
                units.append(programs[key])
            programs[key].blocks.append(block)
        else:
            units.append(Runnable(block.where, block.language, [block]))
    return units


def code_units(blocks: list[CodeBlock]) -> list[Runnable]:
    """The units that hold code (output listings in `text` blocks are not examples)."""
    return [unit for unit in runnables(blocks) if unit.language not in NOT_CODE]
