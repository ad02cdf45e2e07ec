"""The command that opens a file at a line in the user's editor ($VISUAL, $EDITOR, else vi)."""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from pathlib import Path, PurePath

from patternbrowser.core.errors import UsageError

DEFAULT_EDITOR = "vi"
# VS Code and its builds take `-g FILE:LINE`; every other editor we know takes `+LINE FILE`
VSCODE_NAMES = frozenset({"code", "code-insiders", "codium"})


def editor_words(environ: Mapping[str, str]) -> list[str]:
    """The editor command as words: $VISUAL, else $EDITOR, else vi (blank values are unset)."""
    for name in ("VISUAL", "EDITOR"):
        value = environ.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError as error:  # an unbalanced quote
                raise UsageError(
                    f"${name} cannot be read as a command ({error}): {value}"
                ) from error
            if words:
                return words
    return [DEFAULT_EDITOR]


def is_vscode(program: str) -> bool:
    """Whether `program` (a name or path, maybe with a Windows suffix) is VS Code."""
    name = PurePath(program).name.lower()
    for suffix in (".exe", ".cmd"):
        name = name.removesuffix(suffix)
    return name in VSCODE_NAMES


def editor_argv(environ: Mapping[str, str], path: Path, line: int) -> list[str]:
    """The argv that opens `path` at 1-based `line`, the editor's own arguments kept."""
    words = editor_words(environ)
    line = max(line, 1)
    if is_vscode(words[0]):
        return [*words, "-g", f"{path}:{line}"]
    return [*words, f"+{line}", str(path)]
