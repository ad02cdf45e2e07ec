"""Copying the current example to the clipboard, or saving it to a file, for the main screen.

Loaded when first used, not with the first screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App

from patternbrowser.core.clipboard import copy_text, save_to_file
from patternbrowser.core.errors import PatternbrowserError
from patternbrowser.core.guides.samples import Sample
from patternbrowser.core.sanitize import one_line
from patternbrowser.tui.notices import show_error
from patternbrowser.tui.screens.save_example import SaveExampleScreen
from patternbrowser.tui.terminal import TerminalClipboard

_SUFFIXES = {"python": "py", "bash": "sh", "shell": "sh", "": "txt"}


def copy_example(app: App[Any], example: Sample, item: int | str) -> None:
    """Copy `example` of item `item`; say how, or offer to save it when no clipboard works."""
    result = copy_text(example.code, TerminalClipboard(app).write)
    if result.native or (result.reached and not result.failures):
        app.notify(f"{result.describe()} ({one_line(example.provenance)})", timeout=3, markup=False)
        if not result.native:
            app.notify(
                "no clipboard tool found: if nothing arrived, use 'Save example "
                "to a file' in the command palette (ctrl+p)",
                timeout=6,
            )
        return
    ask_where_to_save(app, example, item, result.describe())


def ask_where_to_save(app: App[Any], example: Sample, item: int | str, message: str) -> None:
    """Open the save dialog with a file name made from the item and example numbers."""
    suffix = _SUFFIXES.get(example.language, example.language)
    name = f"{example.file_stem}-{item}-{example.number}.{suffix}"

    def save(path: Path | None) -> None:
        if path is None:
            return
        try:
            save_to_file(path, example.code + "\n")
        except PatternbrowserError as error:
            show_error(app, "Not saved", error)
            return
        what = "example" if example.kind == "draft" else "guide example"
        app.notify(f"saved {what} {example.number} to {path.resolve()}", markup=False)

    app.push_screen(SaveExampleScreen(message, name), save)
