"""A text file split into lines that remembers every byte: BOM, line endings, final newline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from patternbrowser.core.errors import InputError
from patternbrowser.core.safefile import Snapshot, read_snapshot

BOM = "\ufeff"
# markdown-it normalises exactly these three to a newline, so line numbers agree with its maps
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class TextLines:
    """Lines without their endings, plus what is needed to rebuild the exact text."""

    lines: list[str]
    endings: list[str]
    bom: bool = False
    snapshot: Snapshot | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_text(cls, text: str, snapshot: Snapshot | None = None) -> TextLines:
        """Split `text`, keeping the BOM and each line's own ending."""
        bom = text.startswith(BOM)
        if bom:
            text = text[1:]
        lines: list[str] = []
        endings: list[str] = []
        start = 0
        for match in _LINE_BREAK.finditer(text):
            lines.append(text[start : match.start()])
            endings.append(match.group())
            start = match.end()
        if start < len(text) or not lines:
            lines.append(text[start:])
            endings.append("")
        return cls(lines, endings, bom, snapshot)

    def body(self) -> str:
        """The text without the BOM, as markdown-it should see it."""
        return "".join(line + end for line, end in zip(self.lines, self.endings, strict=True))

    def text(self) -> str:
        """The exact text, BOM included."""
        return (BOM if self.bom else "") + self.body()

    def encode(self) -> bytes:
        """The exact bytes to write back."""
        return self.text().encode("utf-8")

    def with_lines(self, replacements: dict[int, str]) -> TextLines:
        """A copy with some lines (0-based index → new content) replaced, endings kept."""
        lines = list(self.lines)
        for index, content in replacements.items():
            lines[index] = content
        return TextLines(lines, list(self.endings), self.bom, self.snapshot)


def decode(data: bytes, path: Path) -> str:
    """Decode UTF-8 (a BOM is kept as U+FEFF), naming the line of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        bad = data[error.start : error.start + 1].hex()
        raise InputError(f"not UTF-8 text (byte 0x{bad} at column {column})", path, line) from None


def read_lines(path: Path) -> TextLines:
    """Read a UTF-8 text file into TextLines, refusing empty files."""
    return lines_of(read_snapshot(path))


def lines_of(snapshot: Snapshot) -> TextLines:
    """Decode the bytes of a file already read into TextLines, refusing empty files."""
    assert snapshot.data is not None
    text = decode(snapshot.data, snapshot.path)
    if not text.strip(BOM + " \t\r\n"):
        raise InputError("file is empty", snapshot.path)
    return TextLines.from_text(text, snapshot)
