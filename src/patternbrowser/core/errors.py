"""Errors that reach the user as one line naming the file and, where known, the line."""

from __future__ import annotations

from pathlib import Path


class PatternbrowserError(Exception):
    """A problem with the user's input or files; the CLI turns it into exit code 2."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        """Render as `path:line: message`, leaving out what is unknown."""
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message


class InputError(PatternbrowserError):
    """A file could not be read or does not have the expected shape."""


class UsageError(PatternbrowserError):
    """The command line asked for something that does not exist or is not allowed."""


class ConflictError(PatternbrowserError):
    """A file changed on disk between reading and writing; nothing was overwritten."""


class WriteError(PatternbrowserError):
    """A file could not be written (read-only file or folder, disk full, ...)."""
